//! The review as the window sees it: live findings for the open article, fixes, waivers,
//! the project dictionary and workflow moves.

use super::review_worker::{Request, ReviewWorker};
use super::undo::Step;
use super::{AppState, Modal};
use crate::model::{Article, Waiver};
use crate::review::{CheckContext, Field, Finding, ProjectFacts, Reviewer, Severity};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Findings of the open article, re-checked on the review thread whenever it changes.
#[derive(Default)]
pub struct ReviewState {
    /// Checks on the UI thread, for workflow moves that must know now.
    reviewer: Option<Reviewer>,
    worker: Option<ReviewWorker>,
    /// The article last sent for checking, and its request number.
    requested: Option<(u64, Arc<Article>)>,
    /// The request number of the findings shown.
    shown: u64,
    project: Option<Arc<ProjectFacts>>,
    /// The findings of the open article, Required first.
    pub findings: Vec<Finding>,
    /// The article as it was when the findings were made: their spans are offsets into it.
    pub reviewed: Option<Arc<Article>>,
    /// The finding gone to last (by a click or F8), and where it was in the list.
    last_jump: Option<(usize, Finding)>,
    /// Whether the open article changed since it was last sent for checking.
    unsent: bool,
    /// An F8 (`true`) or Shift+F8 pressed while a check ran, to take once it is done.
    pending_step: Option<bool>,
    /// When a key was last typed into the article.
    pub typed_at: Option<Instant>,
    /// How long typing must pause before the article is checked again ([`REVIEW_AFTER`]).
    pub pause: Duration,
    /// A move the checklist refused, whose notice follows the fresh findings.
    pub(super) refused: Option<super::workflow_moves::RefusedMove>,
}

/// While typing goes on, the review waits for a pause this long before it checks: a check at
/// every keystroke, on the other core, slows each typing frame (the two cores share their
/// caches), and the underlines move with the text meanwhile. Other edits are checked at once,
/// unless typing has not paused yet.
pub const REVIEW_AFTER: Duration = Duration::from_millis(300);

impl ReviewState {
    /// No findings yet; typing pauses [`REVIEW_AFTER`] before a check.
    pub fn new() -> Self {
        ReviewState {
            pause: REVIEW_AFTER,
            ..Default::default()
        }
    }

    /// How long the check still waits for typing to pause, while it does.
    pub fn waiting(&self) -> Option<Duration> {
        let since = self.typed_at?.elapsed();
        (since < self.pause).then(|| self.pause - since)
    }

    /// Forgets what was checked, so the next refresh checks again (settings or other articles changed).
    pub fn invalidate(&mut self) {
        self.requested = None;
        self.project = None;
    }

    /// What the project's articles hold (slugs, tags), gathered once per selection: another
    /// article's can only change while that article is the selected one.
    pub(super) fn project_facts(&mut self, bundle: &crate::bundle::Bundle) -> Arc<ProjectFacts> {
        self.project
            .get_or_insert_with(|| Arc::new(ProjectFacts::of(bundle.summaries())))
            .clone()
    }

    /// Whether the findings shown are those of the article as it is now.
    pub fn is_current(&self) -> bool {
        !self.unsent
            && self
                .requested
                .as_ref()
                .is_some_and(|(generation, _)| *generation == self.shown)
    }

    /// The number of open (not waived) findings that are Required or Recommended.
    pub fn open_count(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.waived.is_none() && f.level != crate::review::Severity::Info)
            .count()
    }
}

impl AppState {
    /// The editor's name for logs and waivers.
    pub fn editor_name(&self) -> String {
        match self.settings.editor_name.trim() {
            "" => "Editor".to_owned(),
            name => name.to_owned(),
        }
    }

    /// Takes the review thread's findings, sends the open article when it changed, and takes an
    /// F8 that waited for the check.
    pub fn refresh_review(&mut self) {
        if self.send_for_review() && self.review.is_current() {
            self.follow_refused_move();
        }
        // An F8 pressed while the check ran goes now that it is done.
        if self.review.is_current()
            && let Some(forward) = self.review.pending_step.take()
        {
            self.step_finding(forward);
        }
    }

    /// Takes the review thread's findings, and sends the open article when it changed; says
    /// whether findings came.
    fn send_for_review(&mut self) -> bool {
        let review = &mut self.review;
        let worker = review
            .worker
            .get_or_insert_with(|| ReviewWorker::spawn(self.jobs.waker.clone()));
        let mut came = false;
        for reply in worker.replies() {
            if reply.generation >= review.shown {
                came = true;
                review.shown = reply.generation;
                review.findings = reply.findings;
                review.reviewed = Some(reply.article);
            }
        }
        let (Some(bundle), Some(draft)) = (&self.bundle, &self.draft) else {
            review.findings.clear();
            review.requested = None;
            review.unsent = false;
            return came;
        };
        // One check at a time: while one runs, edits wait for its reply (which repaints the
        // window), then the latest draft goes. The thread would skip the ones between anyway.
        review.unsent = review
            .requested
            .as_ref()
            .is_none_or(|(_, sent)| **sent != *draft);
        let running = review
            .requested
            .as_ref()
            .is_some_and(|(generation, _)| *generation > review.shown);
        let waiting = review.unsent && review.waiting().is_some();
        if waiting && let Some(worker) = &review.worker {
            // The text the thread may be suggesting spellings for is already out of date.
            worker.interrupt();
        }
        if running || !review.unsent || waiting {
            return came;
        }
        let generation = review
            .requested
            .as_ref()
            .map_or(review.shown, |(g, _)| *g)
            .max(review.shown)
            + 1;
        let project = review.project_facts(bundle);
        let article = Arc::new(draft.clone());
        if let Some(worker) = &review.worker {
            worker.request(Request {
                generation,
                article: article.clone(),
                settings: bundle.project().settings.clone(),
                project,
                now: (self.clock)(),
                assets: Some(bundle.root().join(crate::bundle::format::ASSETS_DIR)),
            });
        }
        review.requested = Some((generation, article));
        review.unsent = false;
        came
    }

    /// The findings an article would have (used for workflow moves on a changed copy).
    pub(super) fn findings_for(&mut self, article: &Article) -> Vec<Finding> {
        match &self.bundle {
            Some(bundle) => check_with(&mut self.review, bundle, article, (self.clock)()),
            None => Vec::new(),
        }
    }

    /// Goes to the next finding to act on (`forward`) or the previous one, from the one gone to
    /// last, round the list; notes and waived findings are passed over. The status bar says
    /// which it is, since the review pane may be hidden.
    pub fn step_finding(&mut self, forward: bool) {
        if !self.review.is_current() {
            // Taken as soon as the check is done (`refresh_review`), which need not wait for
            // typing to pause: F8 is the pause.
            self.review.typed_at = None;
            self.review.pending_step = Some(forward);
            self.tell("Checking…");
            return;
        }
        let findings = &self.review.findings;
        let actionable: Vec<usize> = (0..findings.len())
            .filter(|&i| findings[i].waived.is_none() && findings[i].level != Severity::Info)
            .collect();
        let (Some(&first), Some(&last)) = (actionable.first(), actionable.last()) else {
            self.tell("No findings to go to");
            return;
        };
        // When the finding gone to last is still there, step from it; when it went (fixed,
        // waived), the one that took its place is next.
        let target = match &self.review.last_jump {
            None if forward => first,
            None => last,
            Some((at, finding)) => {
                let still_there = findings.get(*at) == Some(finding);
                let found = if forward {
                    actionable
                        .iter()
                        .find(|&&i| i > *at || (i == *at && !still_there))
                } else {
                    actionable.iter().rev().find(|&&i| i < *at)
                };
                *found.unwrap_or(if forward { &first } else { &last })
            }
        };
        let position = actionable.iter().position(|&i| i == target).unwrap_or(0) + 1;
        let finding = &findings[target];
        let said = format!(
            "Finding {position} of {}: {}: {}",
            actionable.len(),
            finding.field.label(),
            finding.message
        );
        self.jump_to_finding(target);
        self.tell(said);
    }

    /// Selects a finding's text in its field.
    pub fn jump_to_finding(&mut self, index: usize) {
        if !self.review.is_current() {
            self.tell("Still checking…");
            return;
        }
        let (Some(finding), Some(draft)) = (self.review.findings.get(index), &self.draft) else {
            return;
        };
        self.review.last_jump = Some((index, finding.clone()));
        let span = finding.char_span(draft).unwrap_or(0..0);
        let label = finding.editor_label();
        self.select_in_editor(finding.field, label, span);
    }

    /// Selects characters `span` of a field in the editor next frame: the body's, or those of
    /// the box the editor labels `label`.
    pub(super) fn select_in_editor(
        &mut self,
        field: Field,
        label: String,
        span: std::ops::Range<usize>,
    ) {
        if field == Field::Body {
            self.pending_body_cursor = Some((span.start, span.end));
        } else {
            self.pending_field_cursor = Some((label, span.start, span.end));
        }
    }

    /// Applies a finding's fix (with `everywhere`, also the same fix of every other finding of
    /// the same text by the same rule in the same field), or `alternative`, one of its other
    /// repairs, in its place, as one undoable edit.
    pub fn apply_fix(&mut self, index: usize, everywhere: bool, alternative: Option<String>) {
        if !self.review.is_current() {
            self.tell("Still checking…");
            return;
        }
        let (Some(mut finding), Some(mut draft)) =
            (self.review.findings.get(index).cloned(), self.draft.clone())
        else {
            return;
        };
        if let Some(alternative) = alternative {
            finding = finding.fixed_with(alternative);
        }
        let mut fixes: Vec<&Finding> = if everywhere {
            self.review
                .findings
                .iter()
                .filter(|f| finding.same_fix(f, &draft))
                .collect()
        } else {
            vec![&finding]
        };
        let fixed = crate::review::apply_fixes(&mut fixes, &mut draft);
        if fixed == 0 {
            self.warn("That fix no longer applies; the text changed");
            return;
        }
        self.draft = Some(draft);
        self.undo.break_typing();
        self.commit_draft(None);
        self.tell(if fixed == 1 {
            format!("Fixed: {}", finding.message)
        } else {
            format!("Fixed {fixed} times: {}", finding.message)
        });
    }

    /// Records a waiver of a Recommended finding, as one undoable edit.
    pub fn waive(&mut self, rule: String, field: Field, text: String, reason: String) {
        if reason.trim().is_empty() {
            self.warn("A waiver needs a reason");
            return;
        }
        self.modal = None;
        let waiver = Waiver {
            rule,
            field: field.as_str().to_owned(),
            text,
            reason: reason.trim().to_owned(),
            editor: self.editor_name(),
            at: (self.clock)(),
        };
        if let Some(draft) = &mut self.draft {
            draft.waivers.push(waiver);
            self.undo.break_typing();
            self.commit_draft(None);
            self.tell("Waiver recorded");
        }
    }

    /// Withdraws the waiver of finding `index`, so that it counts again (one undoable step).
    pub fn withdraw_waiver(&mut self, index: usize) {
        let (Some(finding), Some(draft)) = (self.review.findings.get(index), &mut self.draft)
        else {
            return;
        };
        if finding.waived.is_none() {
            return;
        }
        let text = finding.flagged_text(draft).to_owned();
        let (rule, field) = (finding.rule, finding.field.as_str());
        draft.waivers.retain(|w| !w.covers(rule, field, &text));
        self.undo.break_typing();
        self.commit_draft(None);
        self.tell("Waiver withdrawn: the finding counts again");
    }

    /// Asks for the reason of a waiver.
    pub fn ask_waiver(&mut self, index: usize) {
        let (Some(finding), Some(draft)) = (self.review.findings.get(index), &self.draft) else {
            return;
        };
        if finding.level != Severity::Recommended {
            self.warn("Only Recommended findings can be waived");
            return;
        }
        let text = finding.flagged_text(draft);
        // A waiver names the rule, field and flagged text, so it covers each finding of them.
        let covered = self
            .review
            .findings
            .iter()
            .filter(|f| finding.same_flag(f, draft))
            .count();
        let mut message = finding.message.clone();
        if covered > 1 {
            message.push_str(&format!(
                "\nThe waiver covers all {covered} of these findings in the {}.",
                finding.field.label().to_lowercase()
            ));
        }
        self.modal = Some(Modal::Waiver {
            rule: finding.rule.to_owned(),
            field: finding.field,
            text: text.to_owned(),
            message,
            reason: String::new(),
        });
    }

    /// Adds a word to the project dictionary, as one undoable step.
    pub fn add_to_dictionary(&mut self, word: String) {
        let told = format!("Added \"{word}\" to the project dictionary");
        self.add_to_project_list(|s| &mut s.dictionary, word, told);
    }

    /// Adds a section to the project's list (an imported page's own, say), as one undoable
    /// step; a section listed already in other capitals is named instead of added again.
    pub fn add_section(&mut self, name: String) {
        let name = name.trim().to_owned();
        let listed = self.bundle.as_ref().and_then(|b| {
            super::settings_draft::listed(b.project().settings.sections.iter(), &name).cloned()
        });
        match listed {
            Some(known) if known != name => self.warn(format!(
                "The project has the section \"{known}\" already; choose it in the section menu"
            )),
            _ => {
                let told = format!("Added \"{name}\" to the project's sections");
                self.add_to_project_list(|s| &mut s.sections, name, told);
            }
        }
    }

    /// Appends `entry` to one of the project settings' lists as one undoable step, unless it
    /// is there already, and says `told`.
    fn add_to_project_list(
        &mut self,
        list: impl Fn(&mut crate::model::ProjectSettings) -> &mut Vec<String>,
        entry: String,
        told: String,
    ) {
        let Some(bundle) = &self.bundle else {
            return;
        };
        let before = bundle.project().clone();
        let mut after = before.clone();
        if entry.is_empty() || list(&mut after.settings).contains(&entry) {
            return;
        }
        list(&mut after.settings).push(entry);
        self.run_step(Step::Project {
            before: Box::new(before),
            after: Box::new(after),
            refiled: Vec::new(),
        });
        self.tell(told);
    }
}

/// Checks an article against the open project, building the reviewer and slug map as needed.
fn check_with(
    review: &mut ReviewState,
    bundle: &crate::bundle::Bundle,
    article: &Article,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<Finding> {
    let settings = &bundle.project().settings;
    if !review.reviewer.as_ref().is_some_and(|r| r.is_for(settings)) {
        review.reviewer = Some(Reviewer::new(settings));
    }
    let project = review.project_facts(bundle);
    let assets = bundle.root().join(crate::bundle::format::ASSETS_DIR);
    let context = CheckContext {
        settings,
        now,
        project: &project,
        assets: Some(&assets),
    };
    match &mut review.reviewer {
        Some(reviewer) => reviewer.check(article, &context),
        None => Vec::new(),
    }
}
