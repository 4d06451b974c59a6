//! The article list and the side pane beside the editor: resizable, and on a narrow window they
//! give way (down to their least widths) so that the editor keeps room to write in. The width an
//! editor chose by dragging is kept in the settings and comes back when the window has room.

use egui::containers::panel::PanelState;

/// The least width the editor keeps while the panes beside it can give way: room for the body
/// at 440 points, as the editor is where the writing is done.
pub const EDITOR_MIN_WIDTH: f32 = 480.0;
/// The article list's least width.
pub const LIST_MIN_WIDTH: f32 = 200.0;
/// The side pane's least width.
pub const SIDE_MIN_WIDTH: f32 = 260.0;
/// The side pane's greatest width.
const SIDE_MAX_WIDTH: f32 = 900.0;

/// Keeps what a scroll area's content `ui` lays out at most `widest` points wide and clear of
/// the scroll bar: egui's bars float over the content's right edge, and widen under the pointer.
/// The area must not shrink sideways to its content (`auto_shrink` false for x), or its bar
/// comes back over the content's edge.
pub fn clear_of_scroll_bar(ui: &mut egui::Ui, widest: f32) {
    let bar = &ui.spacing().scroll;
    let room = ui.available_width() - (bar.bar_inner_margin + bar.bar_width + bar.bar_outer_margin);
    ui.set_max_width(room.min(widest));
}

/// Which edge of the window a pane is on.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Edge {
    /// The left edge: the article list.
    Left,
    /// The right edge: the side pane.
    Right,
}

/// The widest the list may be with the side pane (when shown) at its least width beside it.
pub fn list_max(available: f32, side_shown: bool) -> f32 {
    let side = if side_shown { SIDE_MIN_WIDTH } else { 0.0 };
    (available - EDITOR_MIN_WIDTH - side).max(LIST_MIN_WIDTH)
}

/// The widest the side pane may be in what the list left.
pub fn side_max(available: f32) -> f32 {
    (available - EDITOR_MIN_WIDTH).clamp(SIDE_MIN_WIDTH, SIDE_MAX_WIDTH)
}

/// Shows a resizable pane `preferred` points wide, or `max` when that is less. A drag sets
/// `preferred`; a width cut to `max` by a narrow window does not, so the pane returns to the
/// chosen width when the window widens again.
pub fn pane(
    ui: &mut egui::Ui,
    edge: Edge,
    salt: &str,
    preferred: &mut f32,
    (min, max): (f32, f32),
    add_contents: impl FnOnce(&mut egui::Ui),
) {
    let want = preferred.clamp(min, max.max(min));
    // egui keeps the width it drew last; it is set to the chosen width, cut to the room there is.
    let id = ui.scope_id().with(salt);
    if let Some(state) = PanelState::load(ui.ctx(), id)
        && (state.size().x - want).abs() > 0.5
    {
        let outer_rect = egui::Rect::from_min_size(
            state.outer_rect.min,
            egui::vec2(want, state.outer_rect.height()),
        );
        ui.data_mut(|d| d.insert_persisted(id, PanelState { outer_rect }));
    }
    let panel = match edge {
        Edge::Left => egui::Panel::left(salt),
        Edge::Right => egui::Panel::right(salt),
    };
    let drawn = panel
        .resizable(true)
        .default_size(want)
        .min_size(min)
        .max_size(max)
        .show(ui, add_contents)
        .response
        .rect
        .width();
    // A width other than the one asked for, and not cut to the room, was dragged to.
    if (drawn - want).abs() > 0.5 && drawn < max - 0.5 {
        *preferred = drawn;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panes_leave_the_editor_its_least_width_while_they_can() {
        // A wide window: both panes may be wide.
        assert_eq!(list_max(1400.0, true), 660.0);
        assert_eq!(side_max(1400.0 - 280.0), 640.0);
        // A laptop's: the side pane gives way before the editor goes below its least width.
        assert_eq!(side_max(1100.0 - 280.0), 340.0);
        // A narrow one: the list gives way first, down to its least width.
        assert_eq!(list_max(960.0, true), 220.0);
        assert_eq!(side_max(960.0 - 220.0), SIDE_MIN_WIDTH);
        assert_eq!(list_max(600.0, true), LIST_MIN_WIDTH);
    }
}
