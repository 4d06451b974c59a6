//! Fallback fonts from the system for scripts egui's own fonts lack (Chinese, Japanese, Arabic,
//! Hebrew, …). Missing fonts are skipped: the window still works, with boxes for those letters.

use std::sync::Arc;

/// System fonts tried in order; each one found is added as a fallback after egui's own.
const FALLBACKS: &[&str] = &[
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf",
];

/// Adds the fallback fonts found on this system; returns how many were added.
pub fn install_fallbacks(ctx: &egui::Context) -> usize {
    let mut fonts = egui::FontDefinitions::default();
    let mut added = 0;
    for path in FALLBACKS {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let name = format!("system-{added}");
        fonts
            .font_data
            .insert(name.clone(), Arc::new(egui::FontData::from_owned(bytes)));
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts.families.entry(family).or_default().push(name.clone());
        }
        added += 1;
    }
    if added > 0 {
        ctx.set_fonts(fonts);
    }
    added
}
