//! Dialogs that stay put: centred when they open, then kept at the same top edge while their
//! height changes (a warning shown or gone, a list narrowed by typing), so that what the editor
//! is about to click does not move under the pointer.

/// Where a dialog stands between frames.
#[derive(Clone, Copy)]
enum Placed {
    /// Drawn once (egui's sizing pass): the next frame centres it at its real size.
    Sized,
    /// Its top edge, below the top of the window.
    Top(f32),
}

/// Shows the modal dialog `id`, whose contents are `content`. A dialog not shown in the last
/// frame is centred, and so is one whose contents are `another` dialog's than the last frame's.
pub fn show<T>(
    ctx: &egui::Context,
    id: egui::Id,
    another: bool,
    content: impl FnOnce(&mut egui::Ui) -> T,
) -> egui::ModalResponse<T> {
    let placed_id = id.with("placed");
    let layer = egui::LayerId::new(egui::Order::Foreground, id);
    let shown = ctx.memory(|m| m.areas().visible_last_frame(&layer));
    let placed = if another || !shown {
        None
    } else {
        ctx.data(|d| d.get_temp::<Placed>(placed_id))
    };
    let mut area = egui::Modal::default_area(id);
    if let Some(Placed::Top(top)) = placed {
        area = area.anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, top));
    }
    let response = egui::Modal::new(id).area(area).show(ctx, content);
    let next = match placed {
        None => Placed::Sized,
        // egui keeps the dialog on the screen: its top is where it was drawn.
        Some(_) => Placed::Top(response.response.rect.top() - ctx.content_rect().top()),
    };
    ctx.data_mut(|d| d.insert_temp(placed_id, next));
    response
}
