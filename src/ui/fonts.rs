//! Fallback fonts for scripts egui's own font lacks: DejaVu Sans (Arabic, Hebrew, Cyrillic,
//! Greek, symbols) and Droid Sans Fallback (Chinese, Japanese, Korean). Both ship inside the
//! binary (`assets/fonts/`, with their licences), so every machine shows the same letters.

use std::sync::Arc;

const DEJAVU: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const DROID_FALLBACK: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf");

/// Adds the fallback fonts after egui's own, for proportional and monospace text.
pub fn install_fallbacks(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    for (name, bytes) in [
        ("dejavu-sans", DEJAVU),
        ("droid-sans-fallback", DROID_FALLBACK),
    ] {
        fonts.font_data.insert(
            name.to_owned(),
            Arc::new(egui::FontData::from_static(bytes)),
        );
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .push(name.to_owned());
        }
    }
    ctx.set_fonts(fonts);
}
