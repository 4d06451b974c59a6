//! The editor: every field of the article, each labelled, and the Markdown body.

use super::highlight::{self, Mark};
use super::{fields, structured};
use crate::app::AppState;
use crate::app::command::Command;
use crate::model::display_length::display_length;
use crate::review::{Field, workflow};
use egui::{RichText, TextEdit};

/// The body's reading measure, in points, where the pane has room for it.
pub const BODY_WIDTH: f32 = 680.0;
/// The narrowest the body gets in a narrow pane; a pane narrower still scrolls sideways.
const BODY_MIN_WIDTH: f32 = 280.0;
/// A narrow pane's body narrows in steps of this many points, so that dragging the window's
/// edge re-wraps it now and then rather than on every frame.
const BODY_WIDTH_STEP: f32 = 40.0;

/// The body's measure in `room` points: its full measure where that fits, or else the room cut
/// down to a step, and no narrower than `BODY_MIN_WIDTH`.
pub fn body_measure(room: f32) -> f32 {
    if room >= BODY_WIDTH {
        return BODY_WIDTH;
    }
    ((room / BODY_WIDTH_STEP).floor() * BODY_WIDTH_STEP).max(BODY_MIN_WIDTH)
}

/// What changed this frame: `Some(Some(field))` for typing, `Some(None)` for a discrete edit.
pub(super) type Change = Option<Option<&'static str>>;

/// Draws the editor pane.
pub fn ui(ui: &mut egui::Ui, state: &mut AppState, out: &mut Vec<Command>) {
    super::find_bar::ui(ui, state, out);
    if let Some(reason) = &state.read_only {
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(ui.visuals().warn_fg_color, reason);
            if ui.button(Command::OpenForWriting.label()).clicked() {
                out.push(Command::OpenForWriting);
            }
        });
    }
    // The project's sections, then those other articles use (a section typed for one article
    // is offered for the next): read only while the menu is open.
    let section_choices = || {
        let mut choices = state
            .bundle
            .as_ref()
            .map(|b| b.project().settings.sections.clone())
            .unwrap_or_default();
        for used in &state.facets.sections {
            if !choices.contains(used) {
                choices.push(used.clone());
            }
        }
        choices
    };
    let enabled = state.read_only.is_none();
    let body_id = egui::Id::unique("copydesk-body");
    let pending_cursor = state.pending_body_cursor.take();
    // The field to select in, and to scroll to once it is drawn.
    let reveal = state
        .pending_field_cursor
        .take()
        .map(|(label, start, end)| {
            let id = fields::jump_target(ui.ctx(), &label);
            fields::select_in_field(ui.ctx(), id, start, end);
            id
        });
    let limits = state
        .bundle
        .as_ref()
        .map(|b| b.project().settings.checklist.limits.clone())
        .unwrap_or_default();
    // The find bar's matches are underlined in the selection's colour, over the findings' lines,
    // and the one gone to is filled as a selection is (the keys may stay in the find box).
    let find_color = ui.visuals().selection.bg_fill;
    let found = state.find_bar.as_ref().map_or(&[][..], |bar| bar.shown());
    let current = state.find_bar.as_ref().and_then(|bar| bar.current.as_ref());
    let current = current.filter(|m| found.contains(m));
    let underlines = |field: Field, text: fn(&crate::model::Article) -> &str| {
        let spans = highlight::spans_for(&state.review.findings, field);
        let spans = match (&state.review.reviewed, &state.draft) {
            (Some(reviewed), Some(draft)) if reviewed.id == draft.id => {
                highlight::rebase(spans, text(reviewed), text(draft))
            }
            // Findings of the article selected before: nothing of them belongs here.
            (Some(_), Some(_)) => Vec::new(),
            _ => spans,
        };
        let marks = found.iter().filter(|m| m.field == field);
        let spans = highlight::with_marks(
            spans,
            marks.map(|m| m.range.clone()),
            Mark::Underline(find_color),
        );
        let gone_to = current.filter(|m| m.field == field);
        highlight::with_marks(
            spans,
            gone_to.map(|m| m.range.clone()).into_iter(),
            Mark::Fill(find_color),
        )
    };
    let (headline_marks, standfirst_marks, body_marks) = (
        underlines(Field::Headline, |a| &a.headline),
        underlines(Field::Standfirst, |a| &a.standfirst),
        underlines(Field::Body, |a| &a.body),
    );
    let (seo_marks, social_marks, note_marks, slug_marks) = (
        underlines(Field::SeoTitle, |a| &a.seo_title),
        underlines(Field::SocialTitle, |a| &a.social_title),
        underlines(Field::EditorsNote, |a| &a.editors_note),
        underlines(Field::Slugline, |a| &a.slugline),
    );
    let next_statuses = state
        .draft
        .as_ref()
        .map(|d| workflow::next_statuses(d.status))
        .unwrap_or_default();
    let Some(draft) = &mut state.draft else {
        ui.centered_and_justified(|ui| {
            ui.weak(match &state.bundle {
                Some(bundle) if bundle.is_empty() => {
                    "This project has no articles yet: press Ctrl+N for a new one, or import one (Ctrl+Shift+I)."
                }
                Some(_) => "Select an article, or press Ctrl+N for a new one.",
                None => "Open a project (Ctrl+O).",
            });
        });
        return;
    };
    let mut change: Change = None;
    let mut selection = None;
    // Sideways too when the pane is narrower than the body's least measure, so nothing is cut
    // off (only then: a horizontal scroll area costs every frame).
    let narrow = ui.available_width() < BODY_MIN_WIDTH + 16.0;
    egui::ScrollArea::new([narrow, true])
        // Each article keeps its own place: another one opens at its top, and going back
        // finds the first where it was left.
        .id_salt(("editor-scroll", draft.id))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            super::panes::clear_of_scroll_bar(ui, BODY_WIDTH + 140.0);
            // The pane's room, before a row too wide for it could widen what is left.
            let room = ui.available_width();
            let metered = [
                (
                    Field::Headline,
                    "headline",
                    limits.headline_max,
                    &headline_marks,
                ),
                (
                    Field::SeoTitle,
                    "seo_title",
                    limits.seo_title_max,
                    &seo_marks,
                ),
                (
                    Field::SocialTitle,
                    "social_title",
                    limits.social_title_max,
                    &social_marks,
                ),
            ];
            // An empty SEO or social title leaves the headline to stand in: its meter counts
            // the headline.
            let headline = fields::Counted::of(draft.headline.trim());
            for (field, typed, limit, marks) in metered {
                let stand_in = (field != Field::Headline).then_some(headline);
                let Some(value) = field.text_mut(draft) else {
                    continue;
                };
                let meter = fields::Meter { limit, stand_in };
                let response =
                    fields::text_with_meter(ui, field.label(), value, meter, enabled, marks);
                mark(&mut change, Some(typed), &response);
                super::text_menu::attach(ui, &response, field, &state.review, draft, out);
                // Enter goes on to the next field a writer fills in: from the headline to the
                // standfirst (the two titles may stay empty), from a title to the next one.
                if entered(ui, &response) {
                    let next = match field {
                        Field::SeoTitle => Field::SocialTitle,
                        _ => Field::Standfirst,
                    };
                    let end = next.text(draft).map_or(0, |text| text.chars().count());
                    state.pending_field_cursor = Some((next.label().into(), end, end));
                }
            }
            let standfirst_length = display_length(&draft.standfirst);
            // The standfirst is one paragraph: Enter goes on to the body's start (Shift+Enter
            // still breaks the line).
            if ui.memory(|m| m.has_focus(fields::field_id("Standfirst")))
                && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
            {
                state.pending_body_cursor = Some((0, 0));
            }
            let response = fields::multiline(
                ui,
                "Standfirst",
                &mut draft.standfirst,
                2,
                enabled,
                &standfirst_marks,
            );
            mark(&mut change, Some("standfirst"), &response);
            super::text_menu::attach(ui, &response, Field::Standfirst, &state.review, draft, out);
            let (shortest, longest) = (limits.standfirst_min, limits.standfirst_max);
            let level = fields::range_level(standfirst_length, shortest, longest);
            ui.colored_label(
                fields::meter_color(ui, level),
                format!("{standfirst_length} characters ({shortest}–{longest})"),
            )
            .on_hover_text(format!(
                "Standfirst: {standfirst_length} characters; between {shortest} and {longest} is best{}",
                fields::wide_note(&draft.standfirst)
            ));

            ui.horizontal(|ui| {
                let label = fields::row_label(ui, "Status");
                let mut status = draft.status;
                ui.add_enabled_ui(enabled, |ui| {
                    let list = egui::ComboBox::from_id_salt("status")
                        .selected_text(status.as_str())
                        .show_ui(ui, |ui| {
                            fields::choice(ui, &mut status, draft.status, draft.status.as_str());
                            for s in &next_statuses {
                                fields::choice(ui, &mut status, *s, format!("→ {s}"));
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    fields::note_jump_target(ui, "Status", &list);
                });
                if status != draft.status {
                    out.push(Command::SetStatus(status));
                }
            });
            ui.horizontal(|ui| {
                let label = fields::row_label(ui, "Section");
                let before = draft.section.clone();
                ui.add_enabled_ui(enabled, |ui| {
                    egui::ComboBox::from_id_salt("section")
                        .selected_text(&draft.section)
                        .show_ui(ui, |ui| {
                            for section in &section_choices() {
                                fields::choice(ui, &mut draft.section, section.clone(), section);
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    let new = ui
                        .add(
                            TextEdit::singleline(&mut draft.section)
                                .id(fields::field_id("Section"))
                                .hint_text("or type a new one")
                                .desired_width(140.0),
                        )
                        .labelled_by(label.id);
                    mark(&mut change, Some("section"), &new);
                });
                if draft.section != before {
                    change.get_or_insert(None);
                }
            });
            structured::bylines(
                ui,
                &mut draft.bylines,
                &state.facets.bylines,
                enabled,
                &mut change,
            );
            structured::tags(
                ui,
                (draft.id, &mut draft.tags),
                &state.facets.tags,
                enabled,
                &mut change,
            );
            let response =
                fields::text_marked(ui, "Slugline", &mut draft.slugline, enabled, &slug_marks);
            mark(&mut change, Some("slugline"), &response);
            super::text_menu::attach(ui, &response, Field::Slugline, &state.review, draft, out);
            let response = fields::text(ui, "Slug", &mut draft.slug, enabled);
            mark(&mut change, Some("slug"), &response);
            super::text_menu::attach(ui, &response, Field::Slug, &state.review, draft, out);
            let response = fields::text(ui, "Dateline place", &mut draft.dateline.place, enabled);
            mark(&mut change, Some("dateline"), &response);
            super::text_menu::attach(ui, &response, Field::Dateline, &state.review, draft, out);
            let shown = draft
                .dateline
                .date
                .map(|d| d.to_string())
                .unwrap_or_default();
            // Empty clears the date; anything else must be a whole date.
            let typed = fields::parsed(ui, "Dateline date", shown, enabled, "YYYY-MM-DD", |t| {
                if t.is_empty() {
                    Some(None)
                } else {
                    chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
                        .ok()
                        .map(Some)
                }
            });
            if let Some(date) = typed {
                draft.dateline.date = date;
                change = Some(Some("dateline_date"));
            }
            structured::language(ui, &mut draft.language, enabled, &mut change);
            let now = (state.clock)();
            super::embargo::embargo(ui, &mut draft.embargo, now, enabled, &mut change);
            let response = fields::multiline(
                ui,
                "Editor's note",
                &mut draft.editors_note,
                2,
                enabled,
                &note_marks,
            );
            mark(&mut change, Some("editors_note"), &response);
            super::text_menu::attach(ui, &response, Field::EditorsNote, &state.review, draft, out);
            structured::corrections(
                ui,
                &mut draft.corrections,
                (state.clock)(),
                enabled,
                &mut change,
            );

            let pictures = (enabled, limits.alt_text_max);
            if super::pictures::editor_section(ui, draft, &mut state.thumbnails, pictures, out) {
                change = Some(Some("pictures"));
            }
            ui.add_space(8.0);
            ui.label(RichText::new("Body (Markdown)").strong());
            // The body keeps its measure whatever the pane's width, so resizing a wide window
            // never re-wraps a long body; in a narrower pane it narrows by steps.
            let width = body_measure(room);
            let measure =
                egui::Rect::from_min_size(ui.cursor().min, egui::vec2(width, f32::INFINITY));
            let output = ui.scope_builder(egui::UiBuilder::new().max_rect(measure), |ui| {
                ui.add_enabled_ui(enabled, |ui| {
                    super::body::ui(
                        ui,
                        body_id,
                        &mut draft.body,
                        width,
                        &body_marks,
                        pending_cursor,
                    )
                })
                .inner
            });
            let output = output.inner;
            if output.changed {
                change = Some(Some("body"));
            }
            if let Some(paragraph) = &output.right_clicked {
                super::text_menu::attach(ui, paragraph, Field::Body, &state.review, draft, out);
            }
            selection = output.selection;
            state.body_cursor = output.cursor;
            // The field the keys were just sent to (a new article's headline, a new picture's
            // alt text, a finding's field) is scrolled into view.
            if let Some(field) = reveal.and_then(|id| ui.ctx().read_response(id))
                && !ui.clip_rect().contains_rect(field.rect)
            {
                ui.scroll_to_rect(field.rect, Some(egui::Align::Center));
            }
        });
    if selection.is_some() {
        state.body_selection = selection;
    }
    state.body_selected = selection.filter(|(start, end)| start != end);
    if let Some(typed) = change {
        state.commit_draft(typed);
    }
}

/// Notes a typing change when `response` changed.
fn mark(change: &mut Change, typed: Option<&'static str>, response: &egui::Response) {
    if response.changed() {
        *change = Some(typed);
    }
}

/// Whether Enter just took the keys out of the one-line box of `response`.
fn entered(ui: &egui::Ui, response: &egui::Response) -> bool {
    response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_keeps_its_measure_where_it_fits_and_narrows_by_steps_where_not() {
        assert_eq!(body_measure(2000.0), BODY_WIDTH);
        assert_eq!(body_measure(BODY_WIDTH), BODY_WIDTH);
        // A pane a little narrower takes the step below, and every width in a step the same.
        assert_eq!(body_measure(679.0), 640.0);
        assert_eq!(body_measure(641.0), 640.0);
        assert_eq!(body_measure(639.0), 600.0);
        // No narrower than the least measure: the pane scrolls sideways below it.
        assert_eq!(body_measure(300.0), BODY_MIN_WIDTH);
        assert_eq!(body_measure(200.0), BODY_MIN_WIDTH);
    }
}
