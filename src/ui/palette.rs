//! The command palette: fuzzy search over every command, with its shortcut.

use crate::app::AppState;
use crate::app::command::{Command, PALETTE};

/// What a matched letter scores.
const LETTER: i32 = 1;
/// What a letter at a word's start, or right after the one before, scores more.
const BONUS: i32 = 3;

/// What a label's length takes off its score: a point for every ten characters, so that of two
/// names that match alike the shorter comes first.
fn length_cost(label: &str) -> i32 {
    label.chars().count() as i32 / 10
}

/// How well `query` matches `label` as a subsequence; `None` when it does not. Higher is better:
/// a letter scores 1, 3 more at a word's start or right after the letter before it; the
/// letters are placed where they score most ("hist" in "Show History" is the start of
/// "History", not the "h" of "Show"), and a longer label scores a little less.
pub fn fuzzy_score(query: &str, label: &str) -> Option<i32> {
    let length_cost = length_cost(label);
    let label: Vec<char> = label.to_lowercase().chars().collect();
    if query.trim().is_empty() {
        return Some(-length_cost);
    }
    let word_start = |i: usize| i == 0 || !label[i - 1].is_alphanumeric();
    // best[i]: the best score of the letters so far with the last one placed at label[i].
    let mut best: Vec<Option<i32>> = Vec::new();
    for (n, q) in query
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .enumerate()
    {
        let mut next = vec![None; label.len()];
        let mut before: Option<i32> = None; // the best of `best` left of the previous place
        for i in 0..label.len() {
            if label[i] == q {
                let own = LETTER + if word_start(i) { BONUS } else { 0 };
                let after_any = if n == 0 { Some(0) } else { before };
                let adjacent = best
                    .get(i.wrapping_sub(1))
                    .copied()
                    .flatten()
                    .map(|s| s + BONUS);
                next[i] = after_any.max(adjacent).map(|s| s + own);
            }
            if n > 0 {
                before = before.max(best[i]);
            }
        }
        best = next;
    }
    let score = best.into_iter().flatten().max()?;
    Some(score - length_cost)
}

/// The palette's commands that match `query`, best first: by their names, or by their other
/// words ([`Command::keywords`]), which a query must begin. A query that begins one of those
/// words scores one less than if it began a word of the name, so "sect" finds the project
/// settings before the names that merely hold its letters ("Select all"), and "hist" finds
/// "Show History" before "Clear recent projects" ("forget history").
pub fn matches(query: &str) -> Vec<&'static Command> {
    let typed = query.trim().to_lowercase();
    let typed_letters = typed.chars().filter(|c| !c.is_whitespace()).count() as i32;
    let by_keyword = |c: &Command| {
        let words = c.keywords();
        (!typed.is_empty() && words.split(' ').any(|word| word.starts_with(&typed)))
            .then_some((LETTER + BONUS) * typed_letters - 1 - length_cost(&c.label()))
    };
    let mut scored: Vec<(i32, usize, &Command)> = PALETTE
        .iter()
        .enumerate()
        .filter(|(_, c)| **c != Command::OpenPalette)
        .filter_map(|(i, c)| {
            let score = fuzzy_score(query, &c.label()).max(by_keyword(c));
            score.map(|s| (s, i, c))
        })
        .collect();
    scored.sort_by_key(|(score, i, _)| (std::cmp::Reverse(*score), *i));
    scored.into_iter().map(|(_, _, c)| c).collect()
}

/// The palette's text box.
pub fn field_id() -> egui::Id {
    egui::Id::unique("copydesk-palette-field")
}

/// Draws the palette when it is open.
pub fn ui(ctx: &egui::Context, state: &mut AppState, out: &mut Vec<Command>) {
    // Out of the state while it is drawn, so the state can say what cannot run now.
    let Some(mut palette) = state.palette.take() else {
        return;
    };
    if !show(ctx, &mut palette, state, out) {
        state.palette = Some(palette);
    }
}

/// Draws the open palette; whether it closes.
fn show(
    ctx: &egui::Context,
    palette: &mut crate::app::Palette,
    state: &AppState,
    out: &mut Vec<Command>,
) -> bool {
    let mut close = false;
    let response =
        super::steady_modal::show(ctx, egui::Id::unique("copydesk-palette"), false, |ui| {
            ui.set_width(480.0);
            let label = ui.label("Command");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut palette.query)
                        .id(field_id())
                        .hint_text("Type a command…")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            let found = matches(&palette.query);
            if field.changed() {
                palette.selected = 0;
            }
            let (down, up, enter) = ui.input(|i| {
                (
                    i.key_pressed(egui::Key::ArrowDown),
                    i.key_pressed(egui::Key::ArrowUp),
                    i.key_pressed(egui::Key::Enter),
                )
            });
            if down {
                palette.selected = (palette.selected + 1).min(found.len().saturating_sub(1));
            }
            if up {
                palette.selected = palette.selected.saturating_sub(1);
            }
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for (i, command) in found.iter().enumerate() {
                        let shortcut = command.shortcut_text(ui.ctx()).unwrap_or_default();
                        let button =
                            egui::Button::selectable(i == palette.selected, command.label())
                                .shortcut_text(shortcut);
                        // What cannot run now is greyed out, and says why on hover.
                        let why = state.why_unavailable(command);
                        if ui
                            .add_enabled_ui(why.is_none(), |ui| {
                                ui.add_sized([ui.available_width(), 22.0], button)
                            })
                            .inner
                            .on_disabled_hover_text(why.unwrap_or_default())
                            .clicked()
                        {
                            out.push((*command).clone());
                            close = true;
                        }
                    }
                });
            if enter
                && let Some(command) = found.get(palette.selected)
                && state.why_unavailable(command).is_none()
            {
                out.push((*command).clone());
                close = true;
            }
        });
    close || response.should_close()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_matching_prefers_word_starts() {
        assert!(fuzzy_score("sv", "Save").is_some());
        assert!(fuzzy_score("xyz", "Save").is_none());
        assert_eq!(matches("save as")[0], &Command::SaveAs);
        assert_eq!(matches("new art")[0], &Command::NewArticle);
        assert_eq!(
            matches("prev soc")[0],
            &Command::SetPreviewMode(crate::app::command::PreviewMode::SocialCard)
        );
        assert_eq!(matches("").len(), PALETTE.len() - 1);
    }

    #[test]
    fn a_command_is_found_by_its_other_words_too() {
        assert_eq!(matches("dictionary")[0], &Command::ProjectSettings);
        // Before names that only hold the letters ("Select all", "Status: corrected").
        assert_eq!(matches("sect")[0], &Command::ProjectSettings);
        assert_eq!(matches("byline")[0], &Command::Preferences);
        assert!(matches("font").contains(&&Command::Zoom(crate::app::settings::Zoom::In)));
        assert!(matches("clipboard").len() >= 3, "the three Copy article as");
        // A name's letters still come first.
        assert_eq!(matches("save")[0], &Command::Save);
        // The side pane's toggle, by its name and by what the pane shows.
        assert_eq!(matches("side pane")[0], &Command::TogglePreviewPane);
        assert!(matches("review").contains(&&Command::TogglePreviewPane));
    }

    #[test]
    fn a_word_of_the_name_comes_before_the_same_word_among_the_other_words() {
        use crate::app::settings::SidePane;
        // "Show History" holds "hist" as a word's start, though its first "h" is in "Show";
        // "Clear recent projects" holds it only among its other words ("forget history").
        assert_eq!(
            matches("hist")[0],
            &Command::ShowSidePane(SidePane::History)
        );
        assert_eq!(
            matches("history")[0],
            &Command::ShowSidePane(SidePane::History)
        );
        assert!(matches("history").contains(&&Command::ClearRecent));
        // The letters are scored where they fit best, not where they are first found.
        assert_eq!(
            fuzzy_score("hist", "Show History"),
            fuzzy_score("hist", "Say History")
        );
        // Letters in a row count as much as letters at words' starts: "sa" is Save first.
        assert_eq!(matches("sa")[0], &Command::Save);
    }
}
