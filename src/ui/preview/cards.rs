//! The preview's other two modes: the article as a search engine lists it and as a social
//! network's link card shows it.

use super::READING_MEASURE;
use crate::model::Article;
use crate::model::display_length::{byte_at_length, display_length};
use egui::{Color32, FontId, RichText};

/// Where a search engine cuts a title, in characters (wide ones counted twice, as an engine
/// cuts by width).
pub const SNIPPET_TITLE: usize = 60;
/// Where it cuts a description.
pub const SNIPPET_DESCRIPTION: usize = 160;

/// Cuts `text` at a word boundary so that it fits `max` characters with an ellipsis, its wide
/// characters counted twice ([`display_length`]).
pub fn cut(text: &str, max: usize) -> String {
    if display_length(text) <= max {
        return text.to_owned();
    }
    let head = &text[..byte_at_length(text, max.saturating_sub(1))];
    let head = match head.rfind(char::is_whitespace) {
        Some(at) if at > head.len() / 2 => &head[..at],
        _ => head,
    };
    format!(
        "{}…",
        head.trim_end_matches([' ', ',', ';', ':', '.', '、', '。'])
    )
}

/// The article as a search engine lists it, at its address `url`.
pub(super) fn search_snippet(ui: &mut egui::Ui, article: &Article, url: &str) {
    let title = article.search_title();
    // A search engine's own colours for its light and dark pages, so the snippet reads in both.
    let (url_color, title_color) = if ui.visuals().dark_mode {
        (
            Color32::from_rgb(129, 201, 149),
            Color32::from_rgb(138, 180, 248),
        )
    } else {
        (
            Color32::from_rgb(32, 120, 60),
            Color32::from_rgb(26, 13, 171),
        )
    };
    ui.label(RichText::new(url).small().color(url_color));
    ui.label(
        RichText::new(cut(title, SNIPPET_TITLE))
            .size(19.0)
            .color(title_color),
    );
    if article.standfirst.trim().is_empty() {
        // With no description, an engine shows the page's opening instead.
        if let Some(opening) = crate::markdown::opening(&article.body) {
            ui.weak(cut(&opening, SNIPPET_DESCRIPTION));
        }
    } else {
        ui.label(cut(&article.standfirst, SNIPPET_DESCRIPTION));
    }
    ui.add_space(8.0);
    let (title_length, description_length) =
        (display_length(title), display_length(&article.standfirst));
    let description = if description_length == 0 {
        "no description: the engine shows the page's opening instead of a standfirst".to_owned()
    } else {
        format!("description {description_length} of {SNIPPET_DESCRIPTION}")
    };
    let counts = format!("Title {title_length} of {SNIPPET_TITLE} characters; {description}.");
    // Past either limit the engine cuts the text, and without a standfirst it picks its own
    // words: said in the warning colour.
    if title_length > SNIPPET_TITLE
        || description_length > SNIPPET_DESCRIPTION
        || description_length == 0
    {
        ui.colored_label(ui.visuals().warn_fg_color, counts);
    } else {
        ui.weak(counts);
    }
}

/// The width-to-height ratio of a link card's picture (1200 × 630).
const CARD_RATIO: (u32, u32) = (1200, 630);

/// The article as a social network's link card shows it; `site` is the project's address. The
/// card's picture is the hero, cropped as the network crops it, around its focal point.
pub(super) fn social_card(
    ui: &mut egui::Ui,
    article: &Article,
    site: Option<&str>,
    thumbnails: &mut crate::app::images::Thumbnails,
) {
    let title = article.card_title();
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(READING_MEASURE.min(ui.available_width()));
        let width = ui.available_width();
        let height = width * CARD_RATIO.1 as f32 / CARD_RATIO.0 as f32;
        let (rect, _) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
        let hero = article.hero_image.as_ref();
        match hero.map(|hero| (hero, thumbnails.get(&hero.asset))) {
            Some((hero, crate::app::images::Thumb::Ready(texture))) => {
                let [w, h] = texture.size().map(|side| side as u32);
                let focus = hero.focal_point.unwrap_or_default();
                let [left, top, right, bottom] =
                    crate::review::images::crop_around(w, h, focus, CARD_RATIO)
                        .map(|edge| edge as f32);
                let uv = egui::Rect::from_min_max(egui::pos2(left, top), egui::pos2(right, bottom));
                ui.painter().image(texture.id(), rect, uv, Color32::WHITE);
            }
            other => {
                ui.painter()
                    .rect_filled(rect, 4.0, ui.visuals().faint_bg_color);
                let text = match other {
                    None => "No hero picture (1200 × 630)",
                    Some((_, crate::app::images::Thumb::Loading)) => "Loading picture…",
                    Some(_) => "Picture missing or damaged",
                };
                ui.painter().text(
                    rect.center(),
                    egui::Align2::CENTER_CENTER,
                    text,
                    FontId::proportional(14.0),
                    ui.visuals().weak_text_color(),
                );
            }
        }
        let domain = site
            .unwrap_or("")
            .trim_start_matches("https://")
            .trim_start_matches("http://");
        ui.label(RichText::new(domain.to_uppercase()).small().weak());
        ui.label(RichText::new(cut(title, 70)).strong().size(16.0));
        ui.label(cut(&article.standfirst, 200));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_cut_at_words_with_an_ellipsis() {
        assert_eq!(cut("Short", 60), "Short");
        let long =
            "Kremlin indicates lack of progress following Ukraine talks with US envoys in Moscow";
        let cut_title = cut(long, 60);
        assert!(cut_title.chars().count() <= 60, "{cut_title}");
        assert!(cut_title.ends_with('…') && !cut_title.ends_with(" …"));
        assert!(long.starts_with(cut_title.trim_end_matches('…')));
    }

    #[test]
    fn a_japanese_title_is_cut_at_half_the_characters() {
        let japanese = "京都・寺町通の古書店「鴨川書房」が、創業百年を迎えた今月末で閉店する。";
        let cut_title = cut(japanese, 60);
        assert_eq!(cut_title.chars().count(), 30, "{cut_title}");
        assert!(japanese.starts_with(cut_title.trim_end_matches('…')));
        assert_eq!(
            cut(&japanese[..30], 60),
            &japanese[..30],
            "10 characters: uncut"
        );
    }
}
