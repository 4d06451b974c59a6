//! The article list: search as you type, filters, sort, and a virtualized list of rows.

use crate::app::AppState;
use crate::app::command::Command;
use crate::app::list::SortKey;
use crate::model::Status;
use crate::model::plural::part_of;
use crate::model::time::relative;
use egui::{Color32, Sense};

const ROW_HEIGHT: f32 = 62.0;

/// The colour of a status badge.
pub fn status_color(status: Status) -> Color32 {
    match status {
        Status::Draft => Color32::from_rgb(120, 120, 130),
        Status::Editing => Color32::from_rgb(40, 110, 200),
        Status::Ready => Color32::from_rgb(30, 150, 90),
        Status::Published => Color32::from_rgb(20, 120, 60),
        Status::Corrected => Color32::from_rgb(200, 130, 0),
        Status::Killed => Color32::from_rgb(190, 40, 40),
    }
}

/// The list's search box.
pub fn search_box_id() -> egui::Id {
    egui::Id::unique("copydesk-list-search")
}

/// Draws the list pane.
pub fn ui(ui: &mut egui::Ui, state: &mut AppState, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.heading("Articles");
        if ui
            .button("New")
            .on_hover_text("New article (Ctrl+N)")
            .clicked()
        {
            out.push(Command::NewArticle);
        }
    });
    let search_label = ui.label("Search articles");
    let search = ui
        .add(
            egui::TextEdit::singleline(&mut state.filter.query)
                .id(search_box_id())
                .hint_text("Headline, byline, tag, body…")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(search_label.id);
    // Escape in the search field clears the search, as search boxes do.
    if (search.has_focus() || search.lost_focus())
        && !state.filter.query.is_empty()
        && ui.input(|i| i.key_pressed(egui::Key::Escape))
    {
        state.filter.query.clear();
        search.request_focus();
        state.list_dirty = true;
    }
    if search.changed() {
        state.list_dirty = true;
    }
    // Enter in the search field goes on to the open article, as Enter in the list does (taken,
    // so that the headline, which has the keys from now, does not take it too).
    if search.lost_focus()
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
    {
        edit_headline(state);
    }
    // From the search field, the arrows walk through the articles it found.
    if search.has_focus() {
        let (down, up) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
            )
        });
        if down {
            out.push(Command::NextArticle);
        } else if up {
            out.push(Command::PreviousArticle);
        }
    }
    filters(ui, state);
    ui.separator();
    let list_has_keys = list_keys(ui, state, out);
    let Some(bundle) = &state.bundle else {
        ui.weak(if state.opening.is_some() {
            "Opening…"
        } else {
            "No project open"
        });
        return;
    };
    ui.weak(part_of(state.visible.len(), bundle.len(), "article"));
    if state.visible.is_empty() && !bundle.is_empty() {
        ui.label("No article matches the search and filters.");
        if ui.button("Clear search and filters").clicked() {
            state.filter = state.filter.cleared();
            state.list_dirty = true;
        }
    }
    let now = (state.clock)();
    let rows_id = ui.scope_id().with("article-rows");
    let mut area = egui::ScrollArea::vertical()
        .id_salt("article-rows")
        .auto_shrink([false, false]);
    if std::mem::take(&mut state.reveal_selected)
        && let Some(row) = state
            .visible
            .iter()
            .position(|i| bundle.summary_at(*i).map(|s| s.id) == state.selected)
    {
        area = area.vertical_scroll_offset(offset_showing(ui, rows_id, row));
    }
    // The row right-clicked this frame, or whose menu is open.
    let mut menu_row = None;
    let output = area.show_rows(ui, ROW_HEIGHT, state.visible.len(), |ui, rows| {
        super::panes::clear_of_scroll_bar(ui, f32::INFINITY);
        for row in rows {
            let Some(summary) = state.visible.get(row).and_then(|i| bundle.summary_at(*i)) else {
                continue;
            };
            let selected = state.selected == Some(summary.id);
            let (rect, response) = ui
                .allocate_exact_size(egui::vec2(ui.available_width(), ROW_HEIGHT), Sense::click());
            if response.clicked() {
                ui.memory_mut(|m| m.request_focus(keys_id()));
            }
            let headline = if summary.headline.is_empty() {
                "Untitled"
            } else {
                summary.headline.as_str()
            };
            response.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, true, selected, headline)
            });
            if response.clicked() || (response.secondary_clicked() && !selected) {
                out.push(Command::Select(summary.id));
            }
            if response.secondary_clicked() || response.context_menu_opened() {
                menu_row = Some(response.clone());
            }
            let visuals = ui.visuals();
            if selected {
                ui.painter()
                    .rect_filled(rect, 4.0, visuals.selection.bg_fill);
                if list_has_keys {
                    let stroke = visuals.widgets.active.fg_stroke;
                    ui.painter()
                        .rect_stroke(rect, 4.0, stroke, egui::StrokeKind::Inside);
                }
            } else if response.hovered() {
                ui.painter().rect_filled(rect, 4.0, visuals.faint_bg_color);
            }
            let mut text_rect = rect.shrink2(egui::vec2(6.0, 4.0));
            if let Some(hero) = &summary.hero {
                let side = text_rect.height();
                let thumb_rect = egui::Rect::from_min_size(
                    text_rect.right_top() - egui::vec2(side, 0.0),
                    egui::vec2(side, side),
                );
                text_rect.max.x -= side + 4.0;
                if let crate::app::images::Thumb::Ready(texture) = state.thumbnails.get(hero) {
                    // The centre square of the picture, so it is not squeezed.
                    let [w, h] = texture.size().map(|v| v as f32);
                    let (cut_x, cut_y) = if w > h {
                        ((1.0 - h / w) / 2.0, 0.0)
                    } else {
                        (0.0, (1.0 - w / h) / 2.0)
                    };
                    let uv = egui::Rect::from_min_max(
                        egui::pos2(cut_x, cut_y),
                        egui::pos2(1.0 - cut_x, 1.0 - cut_y),
                    );
                    ui.painter()
                        .image(texture.id(), thumb_rect, uv, Color32::WHITE);
                }
            }
            let (description, cut) = row_text(ui, text_rect, summary, headline, now);
            ui.ctx().accesskit_node_builder(response.id, |node| {
                node.set_description(description);
            });
            if cut {
                response.on_hover_text(headline);
            }
        }
    });
    if let Some(row) = menu_row {
        row.context_menu(|ui| row_menu(ui, state, out));
    }
    ui.data_mut(|d| {
        d.insert_temp(
            rows_id,
            (output.state.clamped_offset().y, output.inner_rect.height()),
        )
    });
}

/// The id under which the list takes the keys, once a row is clicked (or Tab reaches it).
pub fn keys_id() -> egui::Id {
    egui::Id::unique("copydesk-article-list-keys")
}

/// Lets the list take the keys, as a list box does: once a row is clicked, Up and Down open the
/// article above or below, Enter gives the keys to its headline and Delete asks to delete it.
/// Returns whether the list has the keys.
fn list_keys(ui: &mut egui::Ui, state: &mut AppState, out: &mut Vec<Command>) -> bool {
    use egui::{Key, Modifiers};
    let id = keys_id();
    // Registered before the rows, so that a click on a row (which asks for the keys) comes
    // after egui's "a press elsewhere ends the focus" for this frame.
    let response = ui.interact(
        ui.available_rect_before_wrap(),
        id,
        Sense::focusable_noninteractive(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::List, true, "Article list"));
    // Noted while no dialog is open: one that opens takes the keys, and gives them back here.
    if state.modal.is_none() && state.palette.is_none() {
        state.list_had_keys = response.has_focus();
    }
    if !response.has_focus() {
        return false;
    }
    // The arrows choose articles instead of moving the keys to the control below.
    let filter = egui::EventFilter {
        vertical_arrows: true,
        ..Default::default()
    };
    ui.memory_mut(|m| m.set_focus_lock_filter(id, filter));
    let [down, up, enter, delete] = [Key::ArrowDown, Key::ArrowUp, Key::Enter, Key::Delete]
        .map(|key| ui.input_mut(|i| i.consume_key(Modifiers::NONE, key)));
    if down {
        out.push(Command::NextArticle);
    } else if up {
        out.push(Command::PreviousArticle);
    } else if delete {
        out.push(Command::DeleteArticle);
    } else if enter {
        edit_headline(state);
    }
    true
}

/// Gives the keys to the open article's headline, at its end.
fn edit_headline(state: &mut AppState) {
    if let Some(draft) = &state.draft {
        let end = draft.headline.chars().count();
        let headline = crate::review::Field::Headline.label().to_owned();
        state.pending_field_cursor = Some((headline, end, end));
    }
}

/// The right-click menu of a row (the article it selects): what the Article menu does to it.
fn row_menu(ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
    for command in [
        Command::DuplicateArticle,
        Command::DeleteArticle,
        Command::MoveUp,
        Command::MoveDown,
    ] {
        super::menu::item(ui, state, command, out);
    }
    ui.separator();
    ui.menu_button("Status", |ui| {
        for status in Status::ALL {
            super::menu::item(ui, state, Command::SetStatus(status), out);
        }
    });
}

/// Paints a row's three lines (headline; status badge, section and age; bylines) straight
/// onto the list, and returns them as one sentence for screen readers, and whether the headline
/// was cut to fit. Painting instead of laying out five labels per row keeps the list's share of
/// a frame small.
fn row_text(
    ui: &egui::Ui,
    rect: egui::Rect,
    summary: &crate::bundle::ArticleSummary,
    headline: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> (String, bool) {
    let painter = ui.painter();
    let visuals = ui.visuals();
    let body = egui::TextStyle::Body.resolve(ui.style());
    let small = egui::TextStyle::Small.resolve(ui.style());
    let line = |text: &str, font: &egui::FontId, color: Color32, width: f32| {
        let mut job =
            egui::text::LayoutJob::simple_singleline(text.to_owned(), font.clone(), color);
        job.wrap = egui::text::TextWrapping::truncate_at_width(width);
        painter.layout_job(job)
    };
    let headline_galley = line(headline, &body, visuals.strong_text_color(), rect.width());
    let mut at = rect.left_top();
    let headline_height = headline_galley.size().y;
    let cut = headline_galley.elided;
    painter.galley(at, headline_galley, visuals.text_color());
    at.y += headline_height + 3.0;

    let status = summary.status.as_str();
    let badge = line(status, &small, Color32::WHITE, rect.width());
    let badge_rect = egui::Rect::from_min_size(at, badge.size()).expand2(egui::vec2(2.0, 0.0));
    painter.rect_filled(
        badge_rect.translate(egui::vec2(2.0, 0.0)),
        2.0,
        status_color(summary.status),
    );
    let badge_width = badge.size().x;
    painter.galley(at + egui::vec2(2.0, 0.0), badge, Color32::WHITE);
    let section = summary.section.to_uppercase();
    let age = relative(summary.updated, now);
    let meta = format!("{section}   {age}");
    let meta_x = badge_width + 12.0;
    let meta_galley = line(&meta, &small, visuals.text_color(), rect.width() - meta_x);
    let meta_height = meta_galley.size().y;
    painter.galley(
        at + egui::vec2(meta_x, 0.0),
        meta_galley,
        visuals.text_color(),
    );
    at.y += meta_height + 4.0;

    let bylines = summary.bylines.join(", ");
    painter.galley(
        at,
        line(&bylines, &small, visuals.weak_text_color(), rect.width()),
        visuals.weak_text_color(),
    );
    let description = [status, &section, &age, &bylines]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    (description, cut)
}

fn filters(ui: &mut egui::Ui, state: &mut AppState) {
    let facets = &state.facets;
    let (sections, bylines, tags) = (&facets.sections, &facets.bylines, &facets.tags);
    let before = state.filter.clone();
    ui.horizontal_wrapped(|ui| {
        let status_text = state
            .filter
            .status
            .map_or("Any status".to_owned(), |s| s.to_string());
        egui::ComboBox::from_label("Status")
            .selected_text(status_text)
            .show_ui(ui, |ui| {
                super::fields::choice(ui, &mut state.filter.status, None, "Any status");
                for status in Status::ALL {
                    super::fields::choice(
                        ui,
                        &mut state.filter.status,
                        Some(status),
                        status.as_str(),
                    );
                }
            });
        choice_filter(
            ui,
            "Section",
            "Any section",
            &mut state.filter.section,
            sections,
        );
        choice_filter(ui, "Byline", "Anyone", &mut state.filter.byline, bylines);
        choice_filter(ui, "Tag", "Any tag", &mut state.filter.tag, tags);
        egui::ComboBox::from_label("Sort")
            .selected_text(state.filter.sort.label())
            .show_ui(ui, |ui| {
                for key in SortKey::ALL {
                    super::fields::choice(ui, &mut state.filter.sort, key, key.label());
                }
            });
    });
    if state.filter != before {
        state.settings.sort = state.filter.sort;
        state.list_dirty = true;
    }
}

/// A filter that is either off (`any`) or one of `values`.
fn choice_filter(
    ui: &mut egui::Ui,
    label: &str,
    any: &str,
    choice: &mut Option<String>,
    values: &[String],
) {
    let shown = choice.clone().unwrap_or_else(|| any.to_owned());
    egui::ComboBox::from_label(label)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            super::fields::choice(ui, choice, None, any);
            for value in values {
                super::fields::choice(ui, choice, Some(value.clone()), value);
            }
        });
}

/// The list's scroll offset that shows row `row` while moving as little as it can, from the
/// offset and height the list had last frame (kept under `rows_id`).
fn offset_showing(ui: &egui::Ui, rows_id: egui::Id, row: usize) -> f32 {
    let (offset, height) = ui
        .data(|d| d.get_temp::<(f32, f32)>(rows_id))
        .unwrap_or((0.0, ui.available_height()));
    let pitch = ROW_HEIGHT + ui.spacing().item_spacing.y;
    let top = row as f32 * pitch;
    if top < offset {
        top
    } else {
        offset.max(top + pitch - height)
    }
}
