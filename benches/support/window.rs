//! The window run headless, as the frame benchmarks drive it: no file dialogs, a 60 Hz clock,
//! and a frame that is laid out and tessellated.

use copydesk::app::jobs::{DialogPurpose, FileDialogs, Outcome};
use copydesk::ui::Workstation;
use egui::{Event, Pos2, RawInput, Rect, Vec2};

/// The window's width in points.
pub const WIDTH: f32 = 1400.0;
/// The window's height in points.
pub const HEIGHT: f32 = 860.0;

/// File dialogs that are never there.
pub struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn available(&self) -> bool {
        false
    }
    fn pick(&self, _: DialogPurpose, _: std::sync::mpsc::Sender<Outcome>) {}
}

/// One frame's input; each frame is 1/60 s after the last, as on a 60 Hz display (without a
/// clock, egui's animations, such as scrolling the cursor into view, would never end).
pub fn input(width: f32, events: Vec<Event>) -> RawInput {
    static FRAMES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let frame = FRAMES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(width, HEIGHT))),
        time: Some(frame as f64 / 60.0),
        predicted_dt: 1.0 / 60.0,
        events,
        ..RawInput::default()
    }
}

/// One whole frame: the window laid out, then tessellated.
pub fn frame(ctx: &egui::Context, workstation: &mut Workstation, input: RawInput) {
    let mut output = ctx.run_ui(input, |ui| workstation.show(ui));
    let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
    divan::black_box(primitives);
    output.textures_delta.clear();
}
