//! The review pane: the open article's findings grouped by level, each one click from its
//! text, with its fix, a waiver and, for spelling, "Add to dictionary".

use crate::app::AppState;
use crate::app::command::Command;
use crate::review::{Finding, Severity};
use egui::{Color32, RichText};

/// The colour that marks a level, in lists and underlines.
pub fn level_color(level: Severity) -> Color32 {
    match level {
        Severity::Required => Color32::from_rgb(210, 40, 40),
        Severity::Recommended => Color32::from_rgb(214, 140, 0),
        Severity::Info => Color32::from_rgb(70, 130, 200),
    }
}

/// Draws the review pane.
pub fn ui(ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
    let Some(draft) = &state.draft else {
        ui.weak("Select an article to review it.");
        return;
    };
    let findings = &state.review.findings;
    let blocking = findings.iter().filter(|f| f.blocks()).count();
    ui.horizontal_wrapped(|ui| {
        if blocking > 0 {
            ui.colored_label(
                level_color(Severity::Required),
                format!("{blocking} Required failing: cannot be marked ready or published"),
            );
        } else {
            ui.label("No Required failures");
        }
        if !state.review.is_current() {
            ui.weak("Checking…");
        }
        if ui
            .small_button("Check again")
            .on_hover_text("Run every rule again")
            .clicked()
        {
            out.push(Command::Recheck);
        }
    });
    // An embargo still to lift holds publication back, whatever the rules say of the article.
    if let Some(embargo) = &draft.embargo
        && draft.status != crate::model::Status::Killed
        && embargo.until.with_timezone(&chrono::Utc) > (state.clock)()
    {
        ui.colored_label(
            level_color(Severity::Info),
            format!(
                "Embargoed until {}: it cannot be published before then",
                embargo.describe()
            ),
        );
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("review-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            super::panes::clear_of_scroll_bar(ui, f32::INFINITY);
            let groups = [
                ("Required", Some(Severity::Required)),
                ("Recommended", Some(Severity::Recommended)),
                ("Notes", Some(Severity::Info)),
                ("Waived", None),
            ];
            let twins = crate::review::fix_twin_counts(findings, draft);
            for (title, level) in groups {
                let members: Vec<(usize, &Finding)> = findings
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| match level {
                        Some(level) => f.waived.is_none() && f.level == level,
                        None => f.waived.is_some(),
                    })
                    .collect();
                if members.is_empty() {
                    continue;
                }
                let color = level.map_or(ui.visuals().weak_text_color(), level_color);
                ui.label(
                    RichText::new(format!("{title} ({})", members.len()))
                        .strong()
                        .color(color),
                );
                for (index, finding) in members {
                    row(ui, (index, finding), twins[index], draft, out);
                }
                ui.add_space(6.0);
            }
            if findings.is_empty() {
                ui.label("Nothing to report: every rule passes.");
            }
        });
}

/// One finding: its message (a click goes to it), then its fix, the same fix everywhere when
/// there are several of it, "Add to dictionary" and "Waive…".
fn row(
    ui: &mut egui::Ui,
    (index, finding): (usize, &Finding),
    twins: usize,
    draft: &crate::model::Article,
    out: &mut Vec<Command>,
) {
    let mut text = format!("{}: {}", finding.field.label(), finding.message);
    // Where it is, so that two findings of one word tell apart before a click.
    if let Some(context) = finding.context(draft) {
        text.push_str(&format!("\n“{context}”"));
    }
    // The message wraps at the pane's width rather than widening the pane; its actions go on
    // the line below it.
    let jump = ui
        .add(egui::Button::selectable(false, text).wrap())
        .on_hover_text(format!("Rule {} — click to go to it", finding.rule));
    if jump.clicked() {
        out.push(Command::JumpToFinding(index));
    }
    ui.horizontal_wrapped(|ui| actions(ui, (index, finding), twins, draft, out));
    ui.add_space(4.0);
}

/// The most characters of a fix a button shows.
const LONGEST_FIX_SHOWN: usize = 48;

/// `text` cut to at most `most` characters, at a space when there is one, with "…" after.
fn cut_at_a_word(text: &str, most: usize) -> std::borrow::Cow<'_, str> {
    let Some((end, _)) = text.char_indices().nth(most) else {
        return std::borrow::Cow::Borrowed(text);
    };
    let cut = &text[..end];
    // A word cut off in the middle goes whole.
    let cut = match text[end..].starts_with(' ') {
        true => cut,
        false => cut
            .rfind(' ')
            .filter(|at| *at > 0)
            .map_or(cut, |at| &cut[..at]),
    };
    std::borrow::Cow::Owned(format!("{}…", cut.trim_end()))
}

/// A finding's buttons: its fix, the same fix everywhere when `twins` findings share it
/// ([`crate::review::fix_twin_counts`]), "Add to dictionary" for a spelling, "Add to the
/// sections" for an unknown section, and "Waive…" (or
/// the reason it was waived). The review pane and the right-click menu on underlined text both
/// offer them.
pub fn actions(
    ui: &mut egui::Ui,
    (index, finding): (usize, &Finding),
    twins: usize,
    draft: &crate::model::Article,
    out: &mut Vec<Command>,
) {
    let flagged = finding.flagged_text(draft);
    let shown_for = |fix: &str| match (&finding.span, finding.field.text(draft)) {
        _ if fix.is_empty() => "delete".to_owned(),
        // A space or a mark alone says little on a button: the words beside it show it.
        (Some(span), Some(text)) if !fix.chars().any(char::is_alphanumeric) => {
            format!("→ {}", fix_in_context(text, span.clone(), fix))
        }
        _ => format!("→ {fix}"),
    };
    // A long fix (a whole paragraph without its indent) is cut on the button; its name keeps
    // it whole.
    let label = |fix: &str, shown: &str| match fix.is_empty() {
        true => "Fix: delete".to_owned(),
        false => format!("Fix {}", cut_at_a_word(shown, LONGEST_FIX_SHOWN)),
    };
    if let Some(fix) = &finding.suggestion {
        let shown = shown_for(fix);
        // Each is named for a screen reader by what it mends as well as what it puts there,
        // as several may be shown at once.
        let fix_button = super::fields::small_named_button;
        let mends = format!("\"{flagged}\" {shown}");
        let name = if fix.is_empty() {
            format!("Fix: delete \"{flagged}\"")
        } else {
            format!("Fix {mends}")
        };
        if fix_button(ui, &label(fix, &shown), &name, true) {
            out.push(Command::ApplyFix(index));
        }
        for alternative in &finding.alternatives {
            let command = Command::ApplyAlternative(index, alternative.clone());
            let shown = shown_for(alternative);
            let name = format!("Fix \"{flagged}\" {shown}");
            if fix_button(ui, &label(alternative, &shown), &name, true) {
                out.push(command);
            }
        }
        let name = match finding.fixed_alike() {
            Some(fix) => format!("Fix all {twins}: {fix}"),
            None => format!("Fix all {twins}: {mends}"),
        };
        if twins > 1 && fix_button(ui, &format!("Fix all {twins}"), &name, true) {
            out.push(Command::ApplyFixEverywhere(index));
        }
    }
    if finding.rule == "proof.spelling"
        && !flagged.is_empty()
        && ui
            .small_button(format!("Add \"{flagged}\" to dictionary"))
            .clicked()
    {
        out.push(Command::AddToDictionary(flagged.to_owned()));
    }
    // A section the project does not list yet (an imported page's own) can be added to it.
    let section = draft.section.trim();
    if finding.rule == "section.known" && !section.is_empty() {
        let command = Command::AddSection(section.to_owned());
        if ui.small_button(command.label()).clicked() {
            out.push(command);
        }
    }
    // Named for a screen reader by the finding it waives, as each finding has one.
    if finding.level == Severity::Recommended
        && finding.waived.is_none()
        && super::fields::small_named_button(
            ui,
            "Waive…",
            &format!("Waive: {}…", finding.message),
            true,
        )
    {
        out.push(Command::AskWaiver(index));
    }
    if let Some(reason) = &finding.waived {
        ui.weak(format!("waived: {reason}"));
        let name = format!("Withdraw the waiver: {}", finding.message);
        if super::fields::small_named_button(ui, "Withdraw", &name, true) {
            out.push(Command::WithdrawWaiver(index));
        }
    }
}

/// A fix of `span` in `text` as the text would read with it: the replacement between the
/// words beside the span ("Year,” out" for a closing quote moved before its space, "today —
/// almost" for a hyphen between spaces), at most a dozen characters of each.
fn fix_in_context(text: &str, span: std::ops::Range<usize>, fix: &str) -> String {
    let (Some(before), Some(after)) = (text.get(..span.start), text.get(span.end..)) else {
        return fix.to_owned();
    };
    let mut left = beside(before.chars().rev());
    left.reverse();
    let left: String = left.into_iter().collect();
    let right: String = beside(after.chars()).into_iter().collect();
    format!("{left}{fix}{right}").trim().to_owned()
}

/// The characters beside a fix, read outward from it: the word touching it or, when a space
/// touches it, that space and the word beyond.
fn beside(outward: impl Iterator<Item = char>) -> Vec<char> {
    let mut outward = outward.peekable();
    let space = outward.next_if(|c| *c == ' ');
    let word = outward.take_while(|c| !c.is_whitespace()).take(12);
    space.into_iter().chain(word).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fix_of_marks_or_spaces_is_shown_between_the_words_beside_it() {
        let glued = "Violent Year, \u{201d}out on Dec. 31";
        let at = glued.find(" \u{201d}").unwrap();
        assert_eq!(
            fix_in_context(glued, at..at + 4, "\u{201d} "),
            "Year,\u{201d} out"
        );
        let doubled = "he said  that";
        assert_eq!(fix_in_context(doubled, 7..9, " "), "said that");
        let straight = "said \"Hello";
        assert_eq!(
            fix_in_context(straight, 5..6, "\u{201c}"),
            "said \u{201c}Hello"
        );
        // A hyphen between spaces: the words beyond the spaces.
        let hyphen = "the system today - almost 30 years";
        assert_eq!(fix_in_context(hyphen, 17..18, "—"), "today — almost");
        // A span out of the text shows the fix alone.
        assert_eq!(fix_in_context("short", 3..40, "!"), "!");
    }

    #[test]
    fn a_long_fix_is_cut_on_its_button_at_a_word() {
        assert_eq!(cut_at_a_word("→ Kyiv's", 48), "→ Kyiv's");
        let paragraph = "→ However, weak sentiment across the region on a sharp selloff";
        let cut = cut_at_a_word(paragraph, 48);
        assert_eq!(cut, "→ However, weak sentiment across the region on a…");
        assert!(cut.chars().count() <= 49);
        // Without a space, the cut falls between characters, not bytes.
        assert_eq!(
            cut_at_a_word(&"é".repeat(60), 48),
            format!("{}…", "é".repeat(48))
        );
    }
}
