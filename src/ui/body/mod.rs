//! The Markdown body editor: one borderless text box per paragraph, and only the paragraphs on
//! screen are drawn. Typing in a 20,000-word body lays out one paragraph instead of 120 KB, and an
//! idle frame paints a few paragraphs instead of tessellating the whole body. To the editor it is
//! one text: the arrow keys, Backspace and Delete cross paragraph edges, and positions given to
//! and taken from it are character offsets into the whole body.

/// The body cut into paragraphs, with their heights.
pub mod chunks;
mod keys;
mod paste;
pub use paste::remember_copies;
mod selection;

use super::highlight::{self, Mark};
use super::relayout;
use chunks::Chunks;
use egui::text::{CCursor, CCursorRange};
use egui::{Id, TextEdit, Ui};
use std::ops::Range;
use std::sync::Arc;

/// What the body editor did this frame.
#[derive(Debug, Default)]
pub struct BodyOutput {
    /// Whether the body's text changed.
    pub changed: bool,
    /// The selection in the body (character offsets), when a paragraph has the focus.
    pub selection: Option<(usize, usize)>,
    /// The paragraph right-clicked last, while it is drawn: its menu shows the findings there.
    pub right_clicked: Option<egui::Response>,
    /// Where the cursor is, as a byte offset into the body, when a paragraph has the focus (the
    /// preview follows it).
    pub cursor: Option<usize>,
}

/// The editor's memory between frames, kept in egui's temporary data under the editor's id.
#[derive(Clone, Default)]
struct Memory {
    chunks: Chunks,
    /// The paragraph that had the keyboard focus last (kept while none has it).
    focused: Option<usize>,
    /// Where that paragraph's cursor was: first row, last row, and its x position.
    cursor_rows: keys::CursorRows,
    /// The font size and scale the heights were measured at.
    measured_at: (f32, f32),
    /// The width the heights were measured at.
    measured_width: f32,
    /// Where the cursor goes next frame, after an edit moved its text to another paragraph.
    follow: Option<usize>,
    /// A selection across paragraphs, when there is one.
    span: Option<selection::Span>,
    /// The paragraph right-clicked last.
    right_clicked: Option<usize>,
}

/// The paragraphs' height as drawn when nothing is typed yet.
const MIN_ROWS: f32 = 24.0;

/// The id of paragraph `index`'s text box.
pub fn paragraph_id(body: Id, index: usize) -> Id {
    body.with(("paragraph", index))
}

/// The accessible name of paragraph `index`'s text box.
pub fn paragraph_label(index: usize) -> String {
    format!("Body paragraph {}", index + 1)
}

/// Draws the body editor for `body`, `width` points wide. `marks` are underlines (byte ranges
/// into the body); `select` is a selection (characters) to move the cursor to this frame.
pub fn ui(
    ui: &mut Ui,
    id: Id,
    body: &mut String,
    width: f32,
    marks: &[(Range<usize>, Mark)],
    select: Option<(usize, usize)>,
) -> BodyOutput {
    let mut memory: Memory = ui.data_mut(|d| d.remove_temp(id)).unwrap_or_default();
    memory.chunks.sync(body);
    let font_id = egui::TextStyle::Body.resolve(ui.style());
    let scale = (font_id.size, ui.pixels_per_point());
    if memory.measured_at != scale {
        memory.chunks.forget_heights();
        memory.measured_at = scale;
    } else if memory.measured_width != width && memory.measured_width > 0.0 {
        // A narrower or wider measure: the paragraphs off screen are not laid out again (a long
        // body would take a frame of tens of milliseconds); their heights are scaled as their
        // lines would be, and each is measured again when it is drawn.
        memory.chunks.scale_heights(memory.measured_width / width);
    }
    memory.measured_width = width;
    let mut output = BodyOutput::default();
    let has_keys =
        |k: &usize| *k < memory.chunks.len() && ui.memory(|m| m.has_focus(paragraph_id(id, *k)));
    // The paragraph with the keys: the one that had them last frame, or the right-clicked one,
    // to which the text menu gives them back.
    let focused = memory
        .focused
        .filter(has_keys)
        .or(memory.right_clicked.filter(has_keys));
    if focused.is_some() {
        paste::take_pastes(ui);
    }
    let page = (ui.clip_rect().height() - 40.0).max(40.0);
    let mut target = select.or(memory.follow.take().map(|at| (at, at)));
    // A selection across paragraphs lasts while the keys are in the body, and while a menu is
    // open (the text menu's and the Edit menu's Copy and Cut take it, then give the keys back).
    if select.is_some() || (focused.is_none() && !ui.ctx().any_popup_open()) {
        memory.span = None;
    }
    // Where a Shift+click in another paragraph extends from.
    let anchor = memory
        .span
        .map(|span| span.anchor)
        .or_else(|| focused.map(|k| memory.chunks.char_start(k) + memory.cursor_rows.anchor()));
    let shift_click = ui.input(|i| i.modifiers.shift && i.pointer.any_pressed());
    if target.is_none()
        && let Some(k) = focused
        && let Some(at) =
            selection::across_paragraphs(ui, &mut memory, body, k, width - 8.0, page, &mut output)
    {
        target = Some((at, at));
    }
    if target.is_none()
        && memory.span.is_none()
        && let Some(k) = focused
        && let Some(edit) = keys::crossing(
            ui,
            k,
            &memory.chunks,
            &memory.cursor_rows,
            width - 8.0,
            page,
        )
    {
        match edit.replace {
            // A read-only body keeps its text; the cursor stays where it was.
            Some(_) if !ui.is_enabled() => {}
            Some((range, text)) => {
                body.replace_range(range, &text);
                memory.chunks.sync(body);
                output.changed = true;
                target = Some((edit.cursor, edit.cursor));
            }
            None => target = Some((edit.cursor, edit.cursor)),
        }
    }
    let mut scroll_to = None;
    if let Some((start, end)) = target {
        let (k, local) = place(&memory.chunks, start, end);
        focus(ui.ctx(), paragraph_id(id, k), local);
        memory.focused = Some(k);
        scroll_to = Some(k);
    }
    let focused = if target.is_some() {
        memory.focused
    } else {
        focused
    };

    let frame_stroke = if focused.is_some() {
        ui.visuals().selection.stroke
    } else {
        ui.visuals().widgets.inactive.bg_stroke
    };
    let frame = egui::Frame::new()
        .fill(ui.visuals().text_edit_bg_color())
        .stroke(frame_stroke)
        .corner_radius(ui.visuals().widgets.inactive.corner_radius)
        .inner_margin(egui::Margin::same(4));
    let inner_width = width - 8.0;
    frame.show(ui, |ui| {
        ui.spacing_mut().item_spacing.y = 0.0;
        ui.set_width(inner_width);
        let visible = ui.clip_rect().expand(200.0);
        let mut y = ui.cursor().min.y;
        let mut skipped = 0.0;
        let mut new_focus = None;
        // A mouse drag that began in the focused paragraph and went on into another one.
        let dragging = selection::drag_pointer(ui).filter(|_| focused.is_some());
        let mut dragged_to = None;
        // A right-click keeps a selection across paragraphs for its menu only when it lands
        // inside it; elsewhere it ends it, as a click does.
        let right_pressed = memory.span.and_then(|_| {
            ui.input(|i| i.pointer.button_pressed(egui::PointerButton::Secondary))
                .then(|| ui.input(|i| i.pointer.interact_pos()))
                .flatten()
        });
        let mut k = 0;
        while k < memory.chunks.len() {
            let starts_on_screen = (visible.min.y..=visible.max.y).contains(&y);
            // A paragraph drawn this frame is measured by drawing it; others by laying it out.
            let height = match memory.chunks.height(k) {
                Some(height) => height,
                None if starts_on_screen => 0.0,
                None => {
                    let galley = layout(ui, shown_text(&memory.chunks, k), inner_width, &[]);
                    let height = galley.size().y;
                    memory.chunks.set_height(k, height);
                    height
                }
            };
            let on_screen = starts_on_screen || (y < visible.min.y && y + height >= visible.min.y);
            if !on_screen && focused != Some(k) && scroll_to != Some(k) {
                skipped += height;
                y += height;
                k += 1;
                continue;
            }
            if skipped > 0.0 {
                ui.allocate_space(egui::vec2(inner_width, skipped));
                skipped = 0.0;
            }
            let highlight = memory
                .span
                .map(|span| (span, ui.painter().add(egui::Shape::Noop)));
            let drawn = paragraph(ui, id, k, &memory.chunks, inner_width, marks);
            // Where the paragraph starts in the body, in characters.
            let start = memory.chunks.char_start(k);
            if let (Some(pointer), Some(span)) = (right_pressed, memory.span)
                && drawn.response.rect.contains(pointer)
            {
                let at = start
                    + drawn
                        .galley
                        .cursor_from_pos(pointer - drawn.galley_pos)
                        .index
                        .0;
                if !(span.range().start..=span.range().end).contains(&at) {
                    memory.span = None;
                }
            }
            if let Some(pointer) = dragging {
                let top = drawn.galley_pos.y;
                if (top..top + drawn.height).contains(&pointer.y) {
                    let local = drawn.galley.cursor_from_pos(pointer - drawn.galley_pos);
                    dragged_to = Some((k, start + local.index.0));
                }
            }
            if let Some((span, shape)) = highlight {
                let range = span.range();
                let local = range.start.saturating_sub(start)
                    ..range
                        .end
                        .saturating_sub(start)
                        .min(memory.chunks.chars_of(k));
                let color = ui.visuals().selection.bg_fill;
                let rects = selection::row_rects(&drawn.galley, local, drawn.galley_pos);
                let shapes = rects
                    .into_iter()
                    .map(|rect| egui::Shape::rect_filled(rect, 0.0, color));
                ui.painter().set(shape, egui::Shape::Vec(shapes.collect()));
            }
            memory.chunks.set_height(k, drawn.height);
            y += drawn.height;
            if super::text_menu::asked(ui, &drawn.response) {
                memory.right_clicked = Some(k);
            }
            if memory.right_clicked == Some(k) {
                output.right_clicked = Some(drawn.response.clone());
            }
            if scroll_to == Some(k) && !ui.clip_rect().contains_rect(drawn.cursor_rect) {
                // A jump from elsewhere (a finding, an undo) to a cursor off screen centres it; a
                // key that crossed into the next paragraph only scrolls as far as it must. A
                // cursor already in view (a format command, an undo nearby) stays where it is.
                let align = select.is_some().then_some(egui::Align::Center);
                ui.scroll_to_rect(drawn.cursor_rect, align);
            }
            if drawn.has_focus
                && shift_click
                && focused != Some(k)
                && let Some(anchor) = anchor
                && let Some(pointer) = ui.input(|i| i.pointer.interact_pos())
            {
                let clicked = drawn.galley.cursor_from_pos(pointer - drawn.galley_pos);
                let head = start + clicked.index.0;
                memory.span = (anchor != head).then_some(selection::Span { anchor, head });
            }
            if drawn.has_focus {
                new_focus = Some(k);
                memory.cursor_rows = drawn.rows;
                output.selection = drawn.selection.map(|(a, b)| (start + a, start + b));
                let local = crate::text_diff::byte_at_char(
                    shown_text(&memory.chunks, k),
                    drawn.rows.index(),
                );
                output.cursor = Some(memory.chunks.range(k).start + local);
            }
            if let Some(new_text) = drawn.edited {
                let mut text = new_text;
                if k + 1 < memory.chunks.len() {
                    text.push('\n');
                }
                let cursor = drawn.has_focus.then(|| start + drawn.rows.index());
                body.replace_range(memory.chunks.range(k), &text);
                memory.chunks.sync(body);
                output.changed = true;
                // Typing may have cut the paragraph in two (or joined it to the next): the
                // cursor follows the text next frame, so that no other paragraph takes this
                // frame's keys too.
                if let Some(cursor) = cursor
                    && memory.chunks.locate(cursor).0 != k
                {
                    memory.follow = Some(cursor);
                    ui.ctx().request_repaint();
                }
            }
            k += 1;
        }
        if skipped > 0.0 {
            ui.allocate_space(egui::vec2(inner_width, skipped));
        }
        if let Some(pointer) = dragging {
            selection::scroll_near_edges(ui, pointer);
        }
        if let (Some(k), Some((over, head))) = (focused, dragged_to) {
            let anchor = memory.chunks.char_start(k) + memory.cursor_rows.anchor();
            memory.span = (over != k && anchor != head).then_some(selection::Span { anchor, head });
        }
        filler(ui, id, &memory.chunks, inner_width, &mut new_focus);
        // A menu that took the keys gives them back to this paragraph (Edit → Copy): it is
        // remembered until another one has them.
        memory.focused = new_focus.or(scroll_to).or(memory.focused);
        if let Some(span) = memory.span {
            output.selection = Some((span.range().start, span.range().end));
        }
    });
    ui.data_mut(|d| d.insert_temp(id, memory));
    output
}

/// Clicking under a short body puts the cursor at its end.
fn filler(ui: &mut Ui, id: Id, chunks: &Chunks, width: f32, new_focus: &mut Option<usize>) {
    let row = ui.text_style_height(&egui::TextStyle::Body);
    let total: f32 = (0..chunks.len()).filter_map(|k| chunks.height(k)).sum();
    let rest = (MIN_ROWS * row - total).max(row);
    let (_, response) = ui.allocate_exact_size(egui::vec2(width, rest), egui::Sense::click());
    let response = response.on_hover_cursor(egui::CursorIcon::Text);
    if response.clicked() && !chunks.is_empty() {
        let last = chunks.len() - 1;
        let end = chunks.chars_of(last);
        focus(ui.ctx(), paragraph_id(id, last), (end, end));
        *new_focus = Some(last);
    }
}

/// What drawing one paragraph gave.
struct Drawn {
    height: f32,
    has_focus: bool,
    selection: Option<(usize, usize)>,
    edited: Option<String>,
    rows: keys::CursorRows,
    cursor_rect: egui::Rect,
    galley: Arc<egui::Galley>,
    galley_pos: egui::Pos2,
    response: egui::Response,
}

/// Draws paragraph `k` as a borderless text box.
fn paragraph(
    ui: &mut Ui,
    id: Id,
    k: usize,
    chunks: &Chunks,
    width: f32,
    marks: &[(Range<usize>, Mark)],
) -> Drawn {
    let range = chunks.range(k);
    let original = shown_text(chunks, k);
    let mut text = original.to_owned();
    let local_marks = marks_within(marks, range.start, original.len());
    let mut layouter = |ui: &Ui, text: &dyn egui::TextBuffer, wrap: f32| {
        let job = highlight::job(ui, text.as_str(), wrap, true, &local_marks);
        relayout::layout_in_slot(ui, id, k, job)
    };
    let edit_id = paragraph_id(id, k);
    super::text_menu::before_show(ui, edit_id);
    let output = TextEdit::multiline(&mut text)
        .id(edit_id)
        .font(egui::TextStyle::Body)
        .desired_width(width)
        .desired_rows(1)
        .frame(egui::Frame::NONE)
        .margin(egui::Margin::ZERO)
        .lock_focus(true)
        .layouter(&mut layouter)
        .show(ui);
    let response = output
        .response
        .response
        .clone()
        .accessible_name(paragraph_label(k));
    // Where a right-click lands, in bytes into the body, for the menu of the findings there.
    super::text_menu::after_show(
        ui,
        &response,
        &output.galley,
        output.galley_pos,
        range.start,
    );
    let has_focus = response.has_focus();
    let selection = output.cursor_range.map(|range| {
        let (a, b) = (range.secondary.index.0, range.primary.index.0);
        (a.min(b), a.max(b))
    });
    let primary = output.cursor_range.map_or(CCursor::new(0), |r| r.primary);
    let secondary = output.cursor_range.map_or(0, |r| r.secondary.index.0);
    let cursor_rect = output
        .galley
        .pos_from_cursor(primary)
        .translate(output.galley_pos.to_vec2());
    Drawn {
        height: response.rect.height(),
        has_focus,
        selection,
        edited: (response.changed() && text != original).then_some(text),
        rows: keys::CursorRows::of(&output.galley, primary, secondary),
        cursor_rect,
        galley: output.galley.clone(),
        galley_pos: output.galley_pos,
        response,
    }
}

/// The text paragraph `k` shows: a paragraph that is not the last hides the final newline of
/// its blank line, so the paragraphs stack exactly as one text would.
fn shown_text(chunks: &Chunks, k: usize) -> &str {
    let text = chunks.text_of(k);
    if k + 1 < chunks.len() {
        text.strip_suffix('\n').unwrap_or(text)
    } else {
        text
    }
}

/// The characters paragraph `k` shows.
fn shown_chars(chunks: &Chunks, k: usize) -> usize {
    chunks.chars_of(k) - usize::from(k + 1 < chunks.len())
}

/// The underlines that fall in a paragraph's shown text, moved to its own offsets.
fn marks_within(
    marks: &[(Range<usize>, Mark)],
    start: usize,
    len: usize,
) -> Vec<(Range<usize>, Mark)> {
    let first = marks.partition_point(|(span, _)| span.end <= start);
    marks[first..]
        .iter()
        .take_while(|(span, _)| span.start < start + len)
        .filter(|(span, _)| span.start >= start && span.end <= start + len)
        .map(|(span, color)| (span.start - start..span.end - start, *color))
        .collect()
}

/// Lays out a paragraph at the body's measure, with underlines.
fn layout(ui: &Ui, text: &str, width: f32, marks: &[(Range<usize>, Mark)]) -> Arc<egui::Galley> {
    highlight::layout(ui, text, width, true, marks)
}

/// The paragraph holding the selection `start..end` (characters into the body), and the
/// selection within it (cut at the paragraph's end).
fn place(chunks: &Chunks, start: usize, end: usize) -> (usize, (usize, usize)) {
    let (k, local) = chunks.locate(start);
    let shown = shown_chars(chunks, k);
    let local_end = (local + end.saturating_sub(start)).min(shown);
    (k, (local.min(shown), local_end))
}

/// Gives paragraph `edit_id` the focus with its selection at `local` (characters).
fn focus(ctx: &egui::Context, edit_id: Id, (start, end): (usize, usize)) {
    let mut state = egui::text_edit::TextEditState::load(ctx, edit_id).unwrap_or_default();
    state.cursor.set_char_range(Some(CCursorRange::two(
        CCursor::new(start),
        CCursor::new(end),
    )));
    // Undo belongs to the application: the text box keeps no history of its own.
    state.set_undoer(egui::util::undoer::Undoer::with_settings(
        egui::util::undoer::Settings {
            max_undos: 1,
            ..Default::default()
        },
    ));
    state.store(ctx, edit_id);
    ctx.memory_mut(|m| m.request_focus(edit_id));
}
