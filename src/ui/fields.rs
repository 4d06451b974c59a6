//! Labelled form fields: every input has an accessible name, and length-sensitive ones a meter.

use super::highlight::Mark;
use egui::text::{CCursor, CCursorRange};
use egui::{Color32, Response, TextEdit, Ui};
use std::ops::Range;

/// Spans of a field to mark (underlined or filled), with their colours.
pub type Underlines<'a> = &'a [(Range<usize>, Mark)];

/// One entry of a drop-down list. Chosen with a click, or with Enter or Space on the keys, it
/// closes the list: egui closes a list on a click only, and a list left open under the keys took
/// the next Enter as another choice.
pub fn choice<V: PartialEq>(
    ui: &mut Ui,
    current: &mut V,
    value: V,
    text: impl Into<egui::WidgetText>,
) -> Response {
    let response = ui.selectable_value(current, value, text);
    if response.clicked() {
        chosen(ui);
    }
    response
}

/// Closes the drop-down list a choice was just made in; a choice made with the keys gives them
/// back to the list's button at the end of the frame ([`keys_after_choice`]).
pub fn chosen(ui: &Ui) {
    ui.close();
    if !ui.input(|i| i.pointer.any_click()) {
        ui.data_mut(|d| d.insert_temp(chosen_with_keys_id(), true));
    }
}

/// Where a choice made with the keys in a drop-down list is noted for the end of the frame.
fn chosen_with_keys_id() -> egui::Id {
    egui::Id::unique("copydesk-chosen-with-keys")
}

/// Once a frame, at its end: after a choice made with the keys in a drop-down list, the keys go
/// back to the widget that had them before the list opened (its button), so that Tab goes on
/// from there; otherwise, while no list is open, notes which widget has the keys.
pub fn keys_after_choice(ctx: &egui::Context) {
    let before_list = egui::Id::unique("copydesk-keys-before-list");
    if ctx
        .data_mut(|d| d.remove_temp::<bool>(chosen_with_keys_id()))
        .unwrap_or(false)
    {
        if let Some(id) = ctx.data(|d| d.get_temp::<egui::Id>(before_list)) {
            ctx.memory_mut(|m| m.request_focus(id));
        }
    } else if !ctx.any_popup_open()
        && let Some(id) = ctx.memory(|m| m.focused())
    {
        ctx.data_mut(|d| d.insert_temp(before_list, id));
    }
}

/// Focuses a text box and selects characters `start..end` in it.
pub fn select_in_field(ctx: &egui::Context, id: egui::Id, start: usize, end: usize) {
    let mut text_state = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    let range = CCursorRange::two(CCursor::new(start), CCursor::new(end));
    text_state.cursor.set_char_range(Some(range));
    text_state.store(ctx, id);
    ctx.memory_mut(|m| m.request_focus(id));
}

/// The id of a labelled field's text box, so the review can focus it and select a span.
pub fn field_id(label: &str) -> egui::Id {
    egui::Id::unique(("copydesk-field", label))
}

/// Notes the id of a widget a jump may go to by `label` when its id is egui's own (a button, a
/// drop-down list): [`jump_target`] finds it from the next frame on.
pub fn note_jump_target(ui: &Ui, label: &str, response: &Response) {
    ui.data_mut(|d| d.insert_temp(jump_key(label), response.id));
}

/// The widget that a jump to `label` (a finding's field, a new article's headline) goes to:
/// one noted under it, else the text box of that label.
pub fn jump_target(ctx: &egui::Context, label: &str) -> egui::Id {
    ctx.data(|d| d.get_temp(jump_key(label)))
        .unwrap_or_else(|| field_id(label))
}

/// Where the widget noted for a jump to `label` is kept.
fn jump_key(label: &str) -> egui::Id {
    egui::Id::unique(("copydesk-jump-target", label))
}

/// Adds text box `id`, with underlines under findings when there are any, and what its
/// right-click menu needs (see [`super::text_menu`]).
fn add_text_box(
    ui: &mut Ui,
    id: egui::Id,
    enabled: bool,
    value: &mut String,
    multiline: bool,
    underlines: Underlines,
    shape: impl for<'a> FnOnce(TextEdit<'a>) -> TextEdit<'a>,
) -> Response {
    let mut layouter = move |ui: &Ui, text: &dyn egui::TextBuffer, wrap_width: f32| {
        super::highlight::layout(ui, text.as_str(), wrap_width, multiline, underlines)
    };
    let edit = shape(if multiline {
        TextEdit::multiline(value)
    } else {
        TextEdit::singleline(value)
    })
    .id(id);
    let edit = if underlines.is_empty() {
        edit
    } else {
        edit.layouter(&mut layouter)
    };
    ui.add_enabled_ui(enabled, |ui| {
        super::text_menu::before_show(ui, id);
        let output = edit.show(ui);
        // Where a right-click lands, for the menu of the findings there.
        super::text_menu::after_show(
            ui,
            &output.response.response,
            &output.galley,
            output.galley_pos,
            0,
        );
        output.response.response
    })
    .inner
}

/// The width of the label column the editor's one-line fields line up on.
const LABEL_WIDTH: f32 = 110.0;

/// A field's label in the editor's label column, so the fields beside it line up.
pub fn row_label(ui: &mut Ui, label: &str) -> Response {
    ui.add_sized([LABEL_WIDTH, 20.0], egui::Label::new(label))
}

/// A one-line text field with its label; the label names the field for screen readers and tests.
pub fn text(ui: &mut Ui, label: &str, value: &mut String, enabled: bool) -> Response {
    text_marked(ui, label, value, enabled, &[])
}

/// A one-line text field with its label and underlines under `underlines`.
pub fn text_marked(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    enabled: bool,
    underlines: Underlines,
) -> Response {
    let id = field_id(label);
    ui.horizontal(|ui| {
        let label = row_label(ui, label);
        add_text_box(ui, id, enabled, value, false, underlines, |edit| {
            edit.desired_width(f32::INFINITY)
        })
        .labelled_by(label.id)
    })
    .inner
}

/// Names a control for screen readers (and the tests) that has no label of its own beside it:
/// a menu after another field, a box named by a row's caption.
pub fn name_for_readers(ui: &Ui, response: &Response, name: impl Into<String>) {
    let name = name.into();
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(name));
}

/// A small button showing `text` whose name for screen readers (and hover text) is the fuller
/// `name`: "Remove" on screen, "Remove byline 2" to a reader; true when clicked.
pub fn small_named_button(ui: &mut Ui, text: &str, name: &str, enabled: bool) -> bool {
    let button = ui.add_enabled(enabled, egui::Button::new(text).small());
    name_for_readers(ui, &button, name);
    button.on_hover_text(name).clicked()
}

/// Whether the offers under a box being typed in show this frame: while it is typed in
/// (`typing`), and while the mouse that picks one is pressed, since the press takes the keys
/// from the box. `id` keeps last frame's answer.
pub fn offers_shown(ui: &Ui, id: egui::Id, typing: bool) -> bool {
    let pointer_busy = ui.input(|i| i.pointer.any_down() || i.pointer.any_released());
    let shown_last = ui.data(|d| d.get_temp::<bool>(id).unwrap_or(false));
    let shown = typing || (shown_last && pointer_busy);
    ui.data_mut(|d| d.insert_temp(id, shown));
    shown
}

/// Where the offers `offering` keep the one chosen with ↓ and ↑.
fn chosen_id(offering: egui::Id) -> egui::Id {
    offering.with("chosen")
}

/// Before text box `id` is drawn: while it has the keys and its offers showed last frame
/// (`offering`, as [`offers_shown`] keeps it), ↓ and ↑ choose among them, taken from the box so
/// that they do not move its cursor. While they do not show, the first is the one chosen.
pub fn offer_keys(ui: &Ui, id: egui::Id, offering: egui::Id) {
    let mut chosen: usize = ui.data(|d| d.get_temp(chosen_id(offering))).unwrap_or(0);
    let shown = ui.data(|d| d.get_temp::<bool>(offering).unwrap_or(false));
    if shown && ui.memory(|m| m.has_focus(id)) {
        let (down, up) = ui.input_mut(|i| {
            let down = i.count_and_consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown);
            let up = i.count_and_consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp);
            (down, up)
        });
        chosen = (chosen + down).saturating_sub(up);
    } else if !shown {
        chosen = 0;
    }
    ui.data_mut(|d| d.insert_temp(chosen_id(offering), chosen));
}

/// After the box: what was typed changed, so the first offer is the one chosen again.
pub fn offers_changed(ui: &Ui, offering: egui::Id) {
    ui.data_mut(|d| d.insert_temp(chosen_id(offering), 0usize));
}

/// Which of `count` offers (`offering`) Enter takes: the one chosen with ↓ and ↑, or the last.
pub fn chosen_offer(ui: &Ui, offering: egui::Id, count: usize) -> usize {
    let chosen: usize = ui.data(|d| d.get_temp(chosen_id(offering))).unwrap_or(0);
    chosen.min(count.saturating_sub(1))
}

/// The offers (`offering`) as small buttons after `caption` ("Known (↓ ↑ choose, Enter takes
/// it):"), the one chosen with the keys shown selected (kept no further than the last, so that
/// ↑ moves at once); the one clicked.
pub fn offer_buttons<'a>(
    ui: &mut Ui,
    offering: egui::Id,
    caption: &str,
    offers: &[&'a str],
) -> Option<&'a str> {
    let mut picked = None;
    let chosen = chosen_offer(ui, offering, offers.len());
    ui.data_mut(|d| d.insert_temp(chosen_id(offering), chosen));
    ui.horizontal_wrapped(|ui| {
        ui.weak(caption);
        for (index, offer) in offers.iter().enumerate() {
            let button = egui::Button::selectable(index == chosen, *offer).small();
            if ui.add(button).clicked() {
                picked = Some(*offer);
            }
        }
    });
    picked
}

/// A text box for a value typed in a fixed format, such as a date: while the box has the focus
/// its text stays as typed, even while it does not parse yet, and what `parse` says is wrong
/// (the format, say) is shown beside it in the warning colour. Returns the box and, when the
/// text was changed and parses, the value it gives; the box shows `shown` again once it loses
/// the focus, and text left in it that does not parse is named beside it as not kept (but for
/// an Escape, which takes the typing back), until the box has the focus again or shows another
/// value.
pub fn parsed_box<T>(
    ui: &mut Ui,
    id: egui::Id,
    shown: String,
    width: f32,
    enabled: bool,
    parse: impl Fn(&str) -> Result<T, String>,
) -> (Response, Option<T>) {
    let typed_id = id.with("typed");
    let refused_id = id.with("refused");
    let typed: Option<String> = ui.data_mut(|d| d.get_temp(typed_id));
    let was_typed = typed.is_some();
    let mut text = typed.unwrap_or_else(|| shown.clone());
    let response = ui.add_enabled(
        enabled,
        TextEdit::singleline(&mut text).id(id).desired_width(width),
    );
    let value = parse(text.trim());
    let warn = ui.visuals().warn_fg_color;
    if response.has_focus() {
        if let Err(wrong) = &value {
            ui.colored_label(warn, wrong);
        }
        ui.data_mut(|d| {
            d.insert_temp(typed_id, text);
            d.remove::<(String, String)>(refused_id);
        });
    } else {
        ui.data_mut(|d| d.remove::<String>(typed_id));
        // Escape takes the typing back: the box shows its value again without a word.
        let taken_back = ui.input(|i| i.key_pressed(egui::Key::Escape));
        if was_typed
            && !taken_back
            && let Err(wrong) = &value
        {
            let message = format!("\u{201c}{}\u{201d} not kept ({wrong})", text.trim());
            ui.data_mut(|d| d.insert_temp(refused_id, (shown.clone(), message)));
        }
        match ui.data(|d| d.get_temp::<(String, String)>(refused_id)) {
            Some((kept, message)) if kept == shown => {
                ui.colored_label(warn, message);
            }
            Some(_) => ui.data_mut(|d| d.remove::<(String, String)>(refused_id)),
            None => {}
        }
    }
    let changed = response.changed();
    (response, value.ok().filter(|_| changed))
}

/// A labelled one-line field for a value typed in a fixed format (see [`parsed_box`]).
pub fn parsed<T>(
    ui: &mut Ui,
    label: &str,
    shown: String,
    enabled: bool,
    expected: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    ui.horizontal(|ui| {
        let label_response = row_label(ui, label);
        let parse = |text: &str| parse(text).ok_or_else(|| expected.to_owned());
        let (field, value) = parsed_box(ui, field_id(label), shown, 170.0, enabled, parse);
        field.labelled_by(label_response.id);
        value
    })
    .inner
}

/// A multi-line text field with its label above.
pub fn multiline(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    rows: usize,
    enabled: bool,
    underlines: Underlines,
) -> Response {
    let id = field_id(label);
    let label = ui.label(label);
    add_text_box(ui, id, enabled, value, true, underlines, |edit| {
        edit.desired_rows(rows).desired_width(f32::INFINITY)
    })
    .labelled_by(label.id)
}

/// How a length compares with its limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LengthLevel {
    /// Comfortably inside.
    Fine,
    /// Close to the limit.
    Near,
    /// Past it.
    Over,
}

/// Where `length` stands against `limit` (amber from 90 per cent).
pub fn length_level(length: usize, limit: usize) -> LengthLevel {
    if length > limit {
        LengthLevel::Over
    } else if length * 10 >= limit * 9 {
        LengthLevel::Near
    } else {
        LengthLevel::Fine
    }
}

/// Where a field with a recommended range stands (the standfirst's 50–160 characters): as
/// [`length_level`] against the longest, and amber too while it is written shorter than the
/// shortest.
pub fn range_level(length: usize, shortest: usize, longest: usize) -> LengthLevel {
    match length_level(length, longest) {
        LengthLevel::Fine if length > 0 && length < shortest => LengthLevel::Near,
        level => level,
    }
}

/// The colour a length meter is shown in at `level`: weak, amber or red.
pub fn meter_color(ui: &Ui, level: LengthLevel) -> Color32 {
    match level {
        LengthLevel::Fine => ui.visuals().weak_text_color(),
        LengthLevel::Near => Color32::from_rgb(214, 140, 0),
        LengthLevel::Over => Color32::from_rgb(210, 40, 40),
    }
}

/// What a field's length meter measures against.
#[derive(Debug, Clone, Copy)]
pub struct Meter {
    /// The longest the field should be, in characters.
    pub limit: usize,
    /// The text that stands in when the field is empty (the headline, for the SEO and social
    /// titles), counted; none when nothing does.
    pub stand_in: Option<Counted>,
}

/// A text as a length meter counts it.
#[derive(Debug, Clone, Copy)]
pub struct Counted {
    /// Its length, as the limits count it.
    pub length: usize,
    /// Whether it has characters counted twice.
    pub wide: bool,
}

impl Counted {
    /// `text` counted.
    pub fn of(text: &str) -> Self {
        Counted {
            length: crate::model::display_length::display_length(text),
            wide: crate::model::display_length::has_wide(text),
        }
    }
}

/// What a length meter's hover says of the characters it counts twice.
const WIDE_NOTE: &str =
    " (Chinese, Japanese and Korean characters count twice: they take the room of two letters)";

/// What a length meter's hover says of the characters it counts twice, when `text` has any.
pub fn wide_note(text: &str) -> &'static str {
    if crate::model::display_length::has_wide(text) {
        WIDE_NOTE
    } else {
        ""
    }
}

/// A one-line field with a length meter: "42/110", amber near the limit, red past it. An empty
/// field with a stand-in says so in the box, and its meter counts the stand-in.
pub fn text_with_meter(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    meter: Meter,
    enabled: bool,
    underlines: Underlines,
) -> Response {
    ui.horizontal(|ui| {
        let label_response = row_label(ui, label);
        let limit = meter.limit;
        let stand_in = meter.stand_in.filter(|_| value.trim().is_empty());
        let counted = stand_in.unwrap_or_else(|| Counted::of(value));
        let length = counted.length;
        let color = meter_color(ui, length_level(length, limit));
        let meter_width = 64.0;
        let width = (ui.available_width() - meter_width).max(80.0);
        let id = field_id(label);
        let field = add_text_box(ui, id, enabled, value, false, underlines, |edit| {
            let edit = edit.desired_width(width);
            match meter.stand_in {
                Some(_) => edit.hint_text("Empty: the headline stands in"),
                None => edit,
            }
        })
        .labelled_by(label_response.id);
        let said = match stand_in {
            Some(_) => format!("{label}: empty, so the headline stands in with {length} characters; the limit is {limit}"),
            None => format!("{label}: {length} characters; the limit is {limit}"),
        };
        let wide = if counted.wide { WIDE_NOTE } else { "" };
        let said = format!("{said}{wide}");
        ui.colored_label(color, format!("{length}/{limit}"))
            .on_hover_text(said);
        field
    })
    .inner
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meters_turn_amber_then_red() {
        assert_eq!(length_level(50, 110), LengthLevel::Fine);
        assert_eq!(length_level(99, 110), LengthLevel::Near);
        assert_eq!(length_level(110, 110), LengthLevel::Near);
        assert_eq!(length_level(111, 110), LengthLevel::Over);
    }

    #[test]
    fn a_range_meter_turns_amber_when_short_and_red_when_long() {
        assert_eq!(range_level(0, 50, 160), LengthLevel::Fine);
        assert_eq!(range_level(20, 50, 160), LengthLevel::Near);
        assert_eq!(range_level(100, 50, 160), LengthLevel::Fine);
        assert_eq!(range_level(150, 50, 160), LengthLevel::Near);
        assert_eq!(range_level(164, 50, 160), LengthLevel::Over);
    }
}
