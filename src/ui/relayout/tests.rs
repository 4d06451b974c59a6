//! Incremental layouts checked against egui's own fresh layouts.

use super::rows::row_starts;
use super::*;
use crate::text_diff::random_edits;
use egui::text::LayoutSection;
use egui::{Color32, FontId, Rect, Stroke, TextFormat};
use std::ops::Range;

/// A job like the editor's: the text at a paragraph's measure, each "talks" underlined.
fn job(text: &str, halign: egui::Align, keep_trailing_whitespace: bool) -> LayoutJob {
    let plain = TextFormat::simple(FontId::proportional(14.0), Color32::WHITE);
    let marked = TextFormat {
        underline: Stroke::new(2.0, Color32::RED),
        ..plain.clone()
    };
    let mut job = LayoutJob::default();
    let mut at = 0;
    for (found, word) in text.match_indices("talks") {
        job.append(&text[at..found], 0.0, plain.clone());
        job.append(word, 0.0, marked.clone());
        at = found + word.len();
    }
    job.append(&text[at..], 0.0, plain);
    job.wrap.max_width = 300.0;
    job.halign = halign;
    job.keep_trailing_whitespace = keep_trailing_whitespace;
    job
}

/// A section of `job` over `range`, underlined or not.
fn section(job: &LayoutJob, range: Range<usize>, underline: bool) -> LayoutSection {
    let mut format = job.sections[0].format.clone();
    format.underline = if underline {
        Stroke::new(2.0, Color32::RED)
    } else {
        Stroke::NONE
    };
    LayoutSection {
        leading_space: 0.0,
        byte_range: egui::text::ByteIndex(range.start)..egui::text::ByteIndex(range.end),
        format,
    }
}

/// The rows of a layout as comparable values: characters, newline, top and height.
fn rows(galley: &Galley) -> Vec<(String, bool, f32, f32)> {
    galley
        .rows
        .iter()
        .map(|r| {
            let text: String = r.glyphs.iter().map(|g| g.chr).collect();
            (text, r.ends_with_newline, r.pos.y, r.size.y)
        })
        .collect()
}

/// Whether two rectangles are the same within a pixel: egui rounds glyph positions to
/// pixels from where the paragraph starts, so a row laid out alone can sit a pixel apart.
fn within_a_pixel(a: Rect, b: Rect) -> bool {
    (a.min - b.min).length() <= 1.5 && (a.max - b.max).length() <= 1.5
}

/// Checks the incremental layouts of 1,000 random edits against fresh layouts; returns how
/// many edits wrapped a word differently (see below).
fn check_against_fresh_layouts(halign: egui::Align, keep_whitespace: bool, seed: u64) -> usize {
    let ctx = egui::Context::default();
    ctx.run_ui(Default::default(), |_| {})
        .textures_delta
        .clear();
    let mut text = "The minister said on Tuesday that talks would continue despite \
        objections from regional leaders and a coalition of opposition parties.\n\n\
        Talks in parliament, who warned: 東京 talks — «the talks» — Kyiv’s envoy.\n\
        A line\nand another that is long enough to wrap onto a second row of text here."
        .to_owned();
    let inserts = [
        " ",
        "a",
        "talks ",
        "\n",
        "\n\n",
        "é",
        "東",
        "word ",
        "incomprehensibilities ",
        // A combining accent, a tab, a Windows line end and an emoji: one glyph a character.
        "e\u{301}",
        "\t",
        "\r\n",
        "🗞",
    ];
    let mut previous = ctx.fonts_mut(|f| relayout(f, None, job(&text, halign, keep_whitespace)));
    let mut rewrapped = 0;
    random_edits(&mut text, seed, &inserts, 1000, |step, text| {
        let new = job(text, halign, keep_whitespace);
        let (laid, fresh) =
            ctx.fonts_mut(|f| (relayout(f, Some(&previous), new.clone()), f.layout_job(new)));
        // The rows hold the whole text, and know where they start in it.
        let mut joined = String::new();
        for row in &laid.galley.rows {
            joined.extend(row.glyphs.iter().map(|g| g.chr));
            joined.extend(row.ends_with_newline.then_some('\n'));
        }
        assert_eq!(joined, *text, "step {step}");
        assert_eq!(laid.starts, row_starts(text, &laid.galley), "step {step}");
        // Row for row the same as a fresh layout, a pixel apart at most, up to any row where
        // a row that ends within a pixel of the measure wrapped differently: egui rounds
        // glyph positions to pixels from the paragraph's start, so such a row's last word
        // (or the space after it) fits in one layout and not in the other.
        let (ours, theirs) = (rows(&laid.galley), rows(&fresh));
        let same = ours.iter().zip(&theirs).take_while(|(a, b)| a == b).count();
        for (a, b) in laid.galley.rows.iter().zip(&fresh.rows).take(same) {
            assert!(within_a_pixel(a.rect(), b.rect()), "step {step}");
        }
        if same < ours.len().max(theirs.len()) {
            let longer = [&laid.galley.rows[same], &fresh.rows[same]]
                .into_iter()
                .max_by_key(|r| r.glyphs.len())
                .expect("two rows");
            let reach = longer.glyphs.last().map_or(0.0, |g| g.max_x());
            let measure = laid.galley.job.wrap.max_width;
            assert!(
                (reach - measure).abs() <= 1.5,
                "step {step}: row {same} reaches {reach}"
            );
            rewrapped += 1;
        } else {
            assert!(within_a_pixel(laid.galley.rect, fresh.rect), "step {step}");
        }
        previous = laid;
    });
    rewrapped
}

#[test]
fn an_edited_text_is_laid_out_as_a_fresh_layout_would_be() {
    let rewrapped: usize = [(egui::Align::LEFT, true), (egui::Align::LEFT, false)]
        .into_iter()
        .chain([(egui::Align::RIGHT, false)])
        .enumerate()
        .map(|(seed, (halign, keep))| check_against_fresh_layouts(halign, keep, seed as u64))
        .sum();
    // A row within a pixel of the measure is rare: about 1 in 100 edits leaves one (over
    // 30,000 edits of other seeds, 311 did).
    assert!(
        rewrapped <= 60,
        "{rewrapped} of 3,000 edits wrapped a word differently"
    );
}

#[test]
fn only_the_rows_around_an_edit_are_laid_out_again() {
    let ctx = egui::Context::default();
    ctx.run_ui(Default::default(), |_| {})
        .textures_delta
        .clear();
    let words = "the minister said that they would continue despite objections ".repeat(20);
    let before = ctx.fonts_mut(|f| relayout(f, None, job(&words, egui::Align::LEFT, true)));
    let mut edited = words.clone();
    edited.insert_str(words.len() / 2, "new ");
    let after =
        ctx.fonts_mut(|f| relayout(f, Some(&before), job(&edited, egui::Align::LEFT, true)));
    let shared = |a: &Galley, b: &Galley| {
        a.rows
            .iter()
            .filter(|r| b.rows.iter().any(|s| Arc::ptr_eq(&r.row, &s.row)))
            .count()
    };
    // All but the rows around the edit are the very rows of the first layout.
    let count = after.galley.rows.len();
    assert!(count > 15, "{count} rows");
    let reused = shared(&after.galley, &before.galley);
    assert!(reused >= count - 4, "{reused} of {count} reused");
    // An underline that comes without an edit (the review caught up) lays out its rows
    // again, with the underline, and keeps the others.
    let mut underlined = job(&edited, egui::Align::LEFT, true);
    let at = edited.len() / 4;
    underlined.sections = vec![
        section(&underlined, 0..at, false),
        section(&underlined, at..at + 8, true),
        section(&underlined, at + 8..edited.len(), false),
    ];
    let marked = ctx.fonts_mut(|f| relayout(f, Some(&after), underlined.clone()));
    let fresh = ctx.fonts_mut(|f| f.layout_job(underlined));
    assert_eq!(rows(&marked.galley), rows(&fresh));
    assert!(shared(&marked.galley, &after.galley) >= count - 3);
    assert!(
        marked.galley.num_vertices > after.galley.num_vertices,
        "the underline shows"
    );
    // A different wrap width shares nothing.
    let mut narrow = job(&edited, egui::Align::LEFT, true);
    narrow.wrap.max_width = 200.0;
    let again = ctx.fonts_mut(|f| relayout(f, Some(&after), narrow));
    assert_eq!(shared(&again.galley, &after.galley), 0);
}

#[test]
fn a_zoom_lays_the_text_out_again_at_the_new_scale() {
    let ctx = egui::Context::default();
    let words = "the minister said that they would continue despite objections ".repeat(5);
    let mut scales = Vec::new();
    for zoom in [1.0, 2.0] {
        ctx.set_zoom_factor(zoom);
        // The zoom takes effect from the next pass: two passes at each.
        for _ in 0..2 {
            let mut output = ctx.run_ui(Default::default(), |ui| {
                let job = job(&words, egui::Align::LEFT, true);
                let galley = super::layout_in_slot(ui, egui::Id::unique("zoom-test"), 0, job);
                scales.push((ui.pixels_per_point(), galley.pixels_per_point));
            });
            output.textures_delta.clear();
        }
    }
    assert!(scales.iter().any(|(ui_scale, _)| *ui_scale == 2.0));
    for (ui_scale, galley_scale) in scales {
        assert_eq!(ui_scale, galley_scale);
    }
}

/// A switch between the dark and the light theme rebuilds egui's font atlas (the two turn glyph
/// coverage into alpha differently). Rows laid out before it point at the old atlas, so none is
/// kept, even when other text has filled the new atlas beyond the old one's fill before the
/// edited paragraph is laid out again.
#[test]
fn a_theme_switch_lays_the_text_out_again_in_the_new_atlas() {
    let ctx = egui::Context::default();
    let words = "the minister said that they would continue despite objections ".repeat(5);
    let slot = egui::Id::unique("theme-test");
    let pass = |visuals: egui::Visuals, text: &str, fill_first: bool| {
        ctx.set_visuals(visuals);
        let mut laid = None;
        // The visuals take effect from the next pass: two passes, the second one counted.
        for _ in 0..2 {
            let mut output = ctx.run_ui(Default::default(), |ui| {
                if fill_first {
                    // Other text, in many sizes, laid out first: the new atlas fills up.
                    let all: String = (' '..='~').chain('À'..='ʯ').collect();
                    for size in [10, 16, 24] {
                        ui.fonts_mut(|f| {
                            f.layout_no_wrap(
                                all.clone(),
                                FontId::proportional(size as f32),
                                Color32::WHITE,
                            )
                        });
                    }
                }
                let job = job(text, egui::Align::LEFT, true);
                let galley = super::layout_in_slot(ui, slot, 0, job.clone());
                let fresh = ui.fonts_mut(|f| f.layout_job(job));
                laid = Some((galley, fresh, ui.fonts(|f| f.font_atlas_fill_ratio())));
            });
            output.textures_delta.clear();
        }
        laid.expect("laid out")
    };
    let (_, _, dark_fill) = pass(egui::Visuals::dark(), &words, false);
    let edited = words.replacen("said", "says", 1);
    let (galley, fresh, light_fill) = pass(egui::Visuals::light(), &edited, true);
    assert!(light_fill > dark_fill, "{light_fill} > {dark_fill}");
    let uv = |g: &Galley| -> Vec<_> {
        g.rows
            .iter()
            .flat_map(|r| r.glyphs.iter().map(|glyph| glyph.uv_rect))
            .collect()
    };
    let (laid, fresh) = (uv(&galley), uv(&fresh));
    assert_eq!(laid.len(), fresh.len());
    let stale = laid.iter().zip(&fresh).filter(|(a, b)| a != b).count();
    assert_eq!(
        stale,
        0,
        "glyphs placed in the old atlas, of {}",
        laid.len()
    );
}
