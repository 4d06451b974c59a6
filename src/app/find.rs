//! Find and replace in the open article: the find bar's state, going from match to match (each
//! selected in its field, as a finding is), and replacing one match or all of them as one
//! undoable edit.

use super::AppState;
use crate::find::{Finder, Match, Query, SEARCHED};
use crate::model::Article;
use crate::model::plural::grouped;

/// What the find bar asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindAction {
    /// Open the bar (or give its box the keys), with the body's selection as the query.
    Open,
    /// Go to the next match.
    Next,
    /// Go to the previous match.
    Previous,
    /// Replace the match gone to, then go to the next.
    Replace,
    /// Replace every match.
    ReplaceAll,
    /// Close the bar.
    Close,
}

/// The find-and-replace bar, while it is open.
#[derive(Debug, Clone, Default)]
pub struct FindBar {
    /// What to find.
    pub query: Query,
    /// What to put in its place.
    pub replacement: String,
    /// The match gone to last.
    pub current: Option<Match>,
    /// Give the find box the keys next frame.
    pub focus: bool,
    /// The text box of the editor's pane that had the keys at the end of the last frame, if one
    /// did: Escape there closes the bar and gives the keys back to it.
    pub keys_in_editor: Option<egui::Id>,
    /// Whether that text box is one of the bar's own (what to find, what to put in its place).
    pub keys_in_bar: bool,
    /// Give the find box the keys back once the match gone to is selected: a match gone to from
    /// the bar (Enter, its buttons) is shown, and the next Enter goes on rather than typing over
    /// it.
    pub keys_back: bool,
    /// Give them to the replacement box rather than the find box (Enter there replaced).
    pub keys_back_to_replacement: bool,
    /// The query made ready, again whenever the query changes.
    finder: Option<Finder>,
    /// The last search's matches, and the searched fields' texts they were found in.
    found: Option<Found>,
}

/// Matches, kept until the query or the text changes: the bar counts them and the editor marks
/// them on every frame, and searching a 20,000-word body each frame for a word it holds hundreds
/// of times cost a third of a frame.
#[derive(Debug, Clone, Default)]
struct Found {
    texts: Vec<String>,
    matches: Vec<Match>,
}

impl Found {
    /// Whether `article`'s searched fields still read as they did when these matches were found.
    fn holds_for(&self, article: &Article) -> bool {
        SEARCHED
            .iter()
            .zip(&self.texts)
            .all(|(field, text)| field.text(article).unwrap_or("") == text)
    }
}

impl FindBar {
    /// Every match of the query in `article`, in the editor's order.
    pub fn matches(&mut self, article: &Article) -> &[Match] {
        if self
            .finder
            .as_ref()
            .is_none_or(|f| *f.query() != self.query)
        {
            self.finder = Some(Finder::new(&self.query));
            self.found = None;
        }
        let found = self.found.get_or_insert_with(Found::default);
        if found.texts.is_empty() || !found.holds_for(article) {
            found.texts.resize(SEARCHED.len(), String::new());
            for (field, text) in SEARCHED.iter().zip(&mut found.texts) {
                text.clear();
                text.push_str(field.text(article).unwrap_or(""));
            }
            found.matches = self
                .finder
                .as_ref()
                .map(|f| f.matches(article))
                .unwrap_or_default();
        }
        &found.matches
    }

    /// Whether the keys were in one of the bar's boxes, or in no box, at the end of the frame:
    /// what the bar asks for then keeps them in the bar.
    pub fn keys_in_bar_or_nowhere(&self) -> bool {
        self.keys_in_bar || self.keys_in_editor.is_none()
    }

    /// The matches found last, for the editor to mark in the text.
    pub fn shown(&self) -> &[Match] {
        self.found.as_ref().map_or(&[], |found| &found.matches)
    }

    /// Where the current match stands among `matches`, from 1, while it is one of them.
    pub fn position(&self, matches: &[Match]) -> Option<usize> {
        let current = self.current.as_ref()?;
        matches.iter().position(|m| m == current).map(|i| i + 1)
    }
}

/// "1 match", "3 matches", "1,204 matches".
pub fn counted_matches(count: usize) -> String {
    match count {
        1 => "1 match".to_owned(),
        n => format!("{} matches", grouped(n)),
    }
}

/// The text of the body's selection when it is short and on one line: what to find.
fn selected_words(article: &Article, (start, end): (usize, usize)) -> Option<String> {
    let (start, end) = (start.min(end), start.max(end));
    let text: String = article.body.chars().skip(start).take(end - start).collect();
    (!text.trim().is_empty() && !text.contains('\n') && text.chars().count() <= 100).then_some(text)
}

impl AppState {
    /// Carries out what the find bar asks for.
    pub fn find(&mut self, action: FindAction) {
        if self.draft.is_none() {
            self.tell("No article is open");
            return;
        }
        let from_bar = self
            .find_bar
            .as_ref()
            .is_some_and(FindBar::keys_in_bar_or_nowhere);
        match action {
            FindAction::Open => self.open_find(),
            FindAction::Close => self.close_find(),
            FindAction::Next => self.step_match(true),
            FindAction::Previous => self.step_match(false),
            FindAction::Replace => self.replace_match(),
            FindAction::ReplaceAll => self.replace_every_match(),
        }
        // Asked from the bar, the keys stay in it (a match gone to is shown filled); from a
        // field, they go to the match.
        let steps = !matches!(action, FindAction::Open | FindAction::Close);
        if let Some(bar) = self.find_bar.as_mut().filter(|_| steps) {
            bar.keys_back = from_bar;
        }
    }

    fn open_find(&mut self) {
        let selected = self
            .draft
            .as_ref()
            .zip(self.body_selection)
            .and_then(|(draft, selection)| selected_words(draft, selection));
        let bar = self.find_bar.get_or_insert_with(FindBar::default);
        if let Some(text) = selected {
            bar.query.text = text;
            bar.current = None;
        }
        bar.focus = true;
    }

    /// Closes the bar. When the keys were in it (or nowhere), they go to the match gone to,
    /// selected, as after a search in any editor; from a field they stay where they are.
    fn close_find(&mut self) {
        let Some(bar) = &self.find_bar else {
            return;
        };
        let from_bar = bar.keys_in_bar_or_nowhere();
        if let Some(current) = self.current_match().filter(|_| from_bar) {
            self.select_match(&current);
        }
        self.find_bar = None;
    }

    /// Goes to the match after (or before) the one gone to last, round to the first (last).
    fn step_match(&mut self, forward: bool) {
        let (Some(bar), Some(draft)) = (&mut self.find_bar, &self.draft) else {
            self.open_find();
            return;
        };
        let matches = bar.matches(draft).to_vec();
        let (Some(first), Some(last)) = (matches.first(), matches.last()) else {
            let said = match bar.query.text.as_str() {
                "" => "Type what to find".to_owned(),
                text => format!("No match for \"{text}\""),
            };
            self.tell(said);
            return;
        };
        let at = bar.current.as_ref().map(Match::order);
        let target = match at {
            Some(at) if forward => matches.iter().find(|m| m.order() > at).unwrap_or(first),
            Some(at) => matches
                .iter()
                .rev()
                .find(|m| m.order() < at)
                .unwrap_or(last),
            None if forward => first,
            None => last,
        }
        .clone();
        let position = matches.iter().position(|m| *m == target).unwrap_or(0) + 1;
        let said = format!(
            "Match {position} of {}: {}",
            grouped(matches.len()),
            target.field.label()
        );
        bar.current = Some(target.clone());
        self.select_match(&target);
        self.tell(said);
    }

    /// Selects match `found` in its field in the editor, with the keys.
    fn select_match(&mut self, found: &Match) {
        if let Some(chars) = self.draft.as_ref().and_then(|d| found.char_range(d)) {
            self.select_in_editor(found.field, found.field.label().to_owned(), chars);
        }
    }

    /// Replaces the match gone to and goes to the next; with none gone to yet, goes to the
    /// first, so that the editor sees what Replace will change.
    fn replace_match(&mut self) {
        let Some(current) = self.current_match() else {
            self.step_match(true);
            return;
        };
        let replacement = self.replacement();
        if self.replace_in_draft(std::slice::from_ref(&current)) == 0 {
            return;
        }
        let end_of_new = current.range.start + replacement.len();
        let (Some(bar), Some(draft)) = (&mut self.find_bar, &self.draft) else {
            return;
        };
        // Step on from the new text, so a replacement holding the query is not found again.
        bar.current = Some(Match {
            field: current.field,
            range: current.range.start..end_of_new,
        });
        if bar.matches(draft).is_empty() {
            bar.current = None;
            self.tell("Replaced; no match is left");
        } else {
            self.step_match(true);
        }
    }

    fn replace_every_match(&mut self) {
        let (Some(bar), Some(draft)) = (&mut self.find_bar, &self.draft) else {
            self.open_find();
            return;
        };
        let matches = bar.matches(draft).to_vec();
        if matches.is_empty() {
            self.step_match(true);
            return;
        }
        let mut fields: Vec<&str> = Vec::new();
        for m in &matches {
            let label = m.field.label();
            if !fields.contains(&label) {
                fields.push(label);
            }
        }
        let fields = fields.join(", ").to_lowercase();
        let replaced = self.replace_in_draft(&matches);
        if replaced > 0 {
            self.tell(format!("Replaced {} ({fields})", counted_matches(replaced)));
        }
        if let Some(bar) = &mut self.find_bar {
            bar.current = None;
        }
    }

    /// The match gone to, while the article still holds it.
    fn current_match(&mut self) -> Option<Match> {
        let (Some(bar), Some(draft)) = (&mut self.find_bar, &self.draft) else {
            return None;
        };
        let current = bar.current.clone()?;
        bar.matches(draft).contains(&current).then_some(current)
    }

    fn replacement(&self) -> String {
        self.find_bar
            .as_ref()
            .map(|bar| bar.replacement.clone())
            .unwrap_or_default()
    }

    /// Puts the replacement in place of `matches` as one undoable edit; how many it replaced.
    fn replace_in_draft(&mut self, matches: &[Match]) -> usize {
        if let Some(why) = &self.read_only {
            let said = format!("Nothing replaced: {why}");
            self.warn(said);
            return 0;
        }
        let replacement = self.replacement();
        let Some(mut draft) = self.draft.clone() else {
            return 0;
        };
        let replaced = crate::find::replace(&mut draft, matches, &replacement);
        if replaced > 0 {
            self.draft = Some(draft);
            self.undo.break_typing();
            self.commit_draft(None);
        }
        replaced
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matches_kept_between_frames_follow_the_text_and_the_query() {
        let mut article = Article::new("Kyiv talks stall");
        article.body = "The talks in Kyiv ended.".into();
        let mut bar = FindBar::default();
        bar.query.text = "kyiv".into();
        assert_eq!(bar.matches(&article).len(), 2);
        assert_eq!(
            bar.shown().len(),
            2,
            "the editor marks what the bar counted"
        );
        // An edit anywhere the bar searches is seen at once.
        article.body.push_str(" Kyiv said so.");
        assert_eq!(bar.matches(&article).len(), 3);
        article.seo_title = "Kyiv".into();
        assert_eq!(bar.matches(&article).len(), 4);
        // So is a new query or a new way of matching.
        bar.query.match_case = true;
        bar.query.text = "KYIV".into();
        assert!(bar.matches(&article).is_empty());
        assert!(bar.shown().is_empty());
    }
}
