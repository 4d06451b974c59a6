//! The live preview: the published page (as the reference article's site shows it), a search
//! result snippet, or a social card. The body renders from the shared Markdown block model.

use crate::app::AppState;
use crate::app::command::{Command, PreviewMode};
use crate::markdown::{self, Block, Inline};
use crate::model::Article;
use crate::model::stats::reading_minutes;
use crate::model::time::relative;
use egui::text::LayoutJob;
use egui::{Color32, FontId, RichText, TextFormat};
use std::sync::Arc;

/// Where a search engine cuts a title, in characters.
pub const SNIPPET_TITLE: usize = 60;
/// Where it cuts a description.
pub const SNIPPET_DESCRIPTION: usize = 160;
const READING_MEASURE: f32 = 620.0;

/// Cuts `text` at a word boundary so that it fits `max` characters with an ellipsis.
pub fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let head: String = text.chars().take(max.saturating_sub(1)).collect();
    let head = match head.rfind(char::is_whitespace) {
        Some(at) if at > head.len() / 2 => &head[..at],
        _ => head.as_str(),
    };
    format!("{}…", head.trim_end_matches([' ', ',', ';', ':', '.']))
}

/// Draws the preview pane.
pub fn ui(ui: &mut egui::Ui, state: &mut AppState, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.heading("Preview");
        ui.weak(state.settings.preview_mode.label());
    });
    ui.separator();
    let Some(article) = &state.draft else {
        ui.weak("Nothing selected");
        return;
    };
    let project = state.bundle.as_ref().map(|b| &b.project().settings);
    let speed = project.map_or(200, |p| p.reading_words_per_minute);
    let site = project.and_then(|p| p.site());
    match state.settings.preview_mode {
        PreviewMode::Page => {
            let thumbnails = &mut state.thumbnails;
            let cursor = state.body_cursor;
            page(
                ui,
                article,
                (speed, (state.clock)()),
                (thumbnails, cursor),
                out,
            )
        }
        PreviewMode::SearchSnippet => search_snippet(ui, article, site),
        PreviewMode::SocialCard => social_card(ui, article, site, &mut state.thumbnails),
    }
}

thread_local! {
    /// The body as the page last showed it, parsed.
    static BLOCKS: std::cell::RefCell<markdown::BlockCache> = Default::default();
}

/// The id under which the page keeps the block it follows, and whether it is still to be
/// scrolled into view.
fn follow_id(article: &Article) -> egui::Id {
    egui::Id::unique("copydesk-preview-follows").with(article.id)
}

/// The block of the body to scroll into view: the one the cursor (`cursor`, a byte offset into
/// the body) has moved into, until the page has shown it. The page follows the editing from
/// paragraph to paragraph, and is left where the reader scrolled it while the cursor stays in
/// one. (Blocks off screen have estimated heights, so reaching one can take a few frames.)
fn followed_block(ui: &egui::Ui, article: &Article, cursor: Option<usize>) -> Option<usize> {
    let id = follow_id(article);
    let now = cursor.and_then(|at| BLOCKS.with(|cache| cache.borrow().block_at(at)));
    let (last, pending) = ui
        .data(|d| d.get_temp::<(Option<usize>, bool)>(id))
        .unwrap_or_default();
    let moved = now.is_some() && now != last;
    ui.data_mut(|d| d.insert_temp(id, (now.or(last), pending || moved)));
    (pending || moved).then_some(now.or(last)).flatten()
}

/// Notes that the followed block was shown on screen: the page stops scrolling to it.
fn followed_block_shown(ui: &egui::Ui, article: &Article) {
    let id = follow_id(article);
    ui.data_mut(|d| {
        let (last, _) = d.get_temp::<(Option<usize>, bool)>(id).unwrap_or_default();
        d.insert_temp(id, (last, false));
    });
}

/// The parsed body, parsed again only where it changed since the last frame.
fn blocks(body: &str) -> Arc<Vec<Block>> {
    BLOCKS.with(|cache| cache.borrow_mut().update(body))
}

/// The published page; a right-click on a paragraph of the body offers to edit it there.
/// `(words_per_minute, now)` give the meta line's reading time and the embargo's state.
/// `cursor` is where the body's cursor is (a byte offset), which the page follows from
/// paragraph to paragraph (see [`followed_block`]).
fn page(
    ui: &mut egui::Ui,
    article: &Article,
    (words_per_minute, now): (u32, chrono::DateTime<chrono::Utc>),
    (thumbnails, cursor): (&mut crate::app::images::Thumbnails, Option<usize>),
    out: &mut Vec<Command>,
) {
    let blocks = blocks(&article.body);
    let follow = followed_block(ui, article, cursor);
    let minutes = reading_minutes(
        super::status_bar::body_stats(&article.body).words,
        words_per_minute,
    );
    let heights_id = egui::Id::unique("copydesk-preview-heights").with(article.id);
    // One store for whichever article is shown, so that the layouts of articles shown before
    // do not stay in memory.
    let rows_id = egui::Id::unique("copydesk-preview-rows");
    let mut heights: Vec<f32> = ui.data(|d| d.get_temp(heights_id)).unwrap_or_default();
    heights.resize(blocks.len(), 48.0);
    egui::ScrollArea::vertical()
        .id_salt("preview-scroll")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            ui.set_max_width(ui.available_width().min(READING_MEASURE));
            // A right-to-left article reads from the right edge, as its published page does.
            let align = if crate::export::html::direction(&article.language) == "rtl" {
                egui::Align::RIGHT
            } else {
                egui::Align::LEFT
            };
            ui.with_layout(egui::Layout::top_down(align), |ui| {
                let top = ui.min_rect().top();
                // Not part of the published page: the desk's reminder that it may not run yet.
                if let Some(embargo) = article.embargo.as_ref().filter(|e| e.until > now) {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        RichText::new(format!(
                            "EMBARGOED until {}: not for publication before then",
                            embargo.describe()
                        ))
                        .strong(),
                    );
                    ui.add_space(4.0);
                }
                let crumb = format!(
                    "HOME › {} › {}",
                    article.page_section().to_uppercase(),
                    article.headline
                );
                ui.label(RichText::new(crumb).small().weak());
                ui.add_space(6.0);
                ui.label(RichText::new(&article.headline).size(26.0).strong());
                if !article.standfirst.is_empty() {
                    ui.add_space(4.0);
                    ui.label(RichText::new(&article.standfirst).size(16.0).weak());
                }
                ui.add_space(6.0);
                ui.label(
                    RichText::new(format!(
                        "Last update: {} · {minutes} min read",
                        relative(article.updated, now)
                    ))
                    .small(),
                );
                let bylines: Vec<String> = article
                    .bylines
                    .iter()
                    .map(|b| {
                        if b.role.is_empty() {
                            b.name.clone()
                        } else {
                            format!("{} ({})", b.name, b.role)
                        }
                    })
                    .collect();
                if !bylines.is_empty() {
                    ui.label(
                        RichText::new(format!("By {}", bylines.join(", ")))
                            .small()
                            .strong(),
                    );
                }
                if let Some(hero) = &article.hero_image {
                    ui.add_space(4.0);
                    let width = ui.available_width();
                    super::pictures::picture(ui, thumbnails, &hero.asset, width, &hero.alt);
                    let credit = if hero.credit.is_empty() {
                        String::new()
                    } else {
                        format!(" Photo: {}", hero.credit)
                    };
                    if !hero.caption.is_empty() || !credit.is_empty() {
                        ui.label(
                            RichText::new(format!("{}{credit}", hero.caption))
                                .small()
                                .weak(),
                        );
                    }
                }
                ui.separator();
                for (i, block) in blocks.iter().enumerate() {
                    let y = ui.cursor().top() - top;
                    let height = heights[i];
                    if y + height < viewport.min.y || y > viewport.max.y {
                        let (_, space) =
                            ui.allocate_space(egui::vec2(ui.available_width(), height));
                        if follow == Some(i) {
                            ui.scroll_to_rect(space, None);
                        }
                        continue;
                    }
                    let slot = Some((rows_id, i));
                    let drawn = ui
                        .scope(|ui| render_block(ui, block, thumbnails, slot))
                        .response;
                    heights[i] = drawn.rect.height();
                    if follow == Some(i) {
                        // Until it is whole on screen: the heights above it were estimates.
                        if ui.clip_rect().contains_rect(drawn.rect) {
                            followed_block_shown(ui, article);
                        } else {
                            ui.scroll_to_rect(drawn.rect, None);
                        }
                    }
                    edit_in_body_menu(&drawn, &article.body, i, out);
                }
                if !article.corrections.is_empty() {
                    ui.separator();
                    for correction in &article.corrections {
                        let kind = format!("{:?}", correction.kind);
                        ui.label(
                            RichText::new(format!(
                                "{kind} ({}): {}",
                                correction.date.format("%-d %B %Y"),
                                correction.text
                            ))
                            .italics()
                            .small(),
                        );
                    }
                }
                if let Some(names) =
                    (!article.bylines.is_empty()).then(|| article.byline_names().join(", "))
                {
                    ui.add_space(8.0);
                    ui.label(RichText::new(format!("Author: {names}")).strong());
                }
            });
        });
    ui.data_mut(|d| d.insert_temp(heights_id, heights));
}

/// A right-click on block `index` of the page offers to put the body's cursor where it begins.
fn edit_in_body_menu(drawn: &egui::Response, body: &str, index: usize, out: &mut Vec<Command>) {
    drawn.container_context_menu(|ui| {
        let start = BLOCKS.with(|cache| cache.borrow().block_start(index));
        let chars = start
            .and_then(|at| body.get(..at))
            .map(|head| head.chars().count());
        let button = egui::Button::new(Command::EditBodyAt(0).label());
        let response = ui
            .add_enabled(chars.is_some(), button)
            .on_disabled_hover_text(
                "This body is laid out as a whole (it has fenced code, HTML or link definitions)",
            );
        if let (true, Some(at)) = (response.clicked(), chars) {
            out.push(Command::EditBodyAt(at));
            ui.close();
        }
    });
}

/// Draws one block of the body; a top-level block has a slot (pane and index) in which its
/// layout is kept, so that typing lays out only the rows around the edit again.
fn render_block(
    ui: &mut egui::Ui,
    block: &Block,
    thumbnails: &mut crate::app::images::Thumbnails,
    slot: Option<(egui::Id, usize)>,
) {
    // A paragraph that is one bundle picture shows the picture.
    if let Block::Paragraph(inlines) = block
        && let [Inline::Image { url, alt, .. }] = inlines.as_slice()
        && let Ok(asset) = crate::model::AssetName::parse(url.strip_prefix("asset:").unwrap_or(url))
    {
        let width = ui.available_width();
        super::pictures::picture(ui, thumbnails, &asset, width, alt);
        return;
    }
    match block {
        Block::Heading { level, inlines } => {
            let size = match level {
                1 => 24.0,
                2 => 20.0,
                3 => 17.0,
                _ => 15.0,
            };
            ui.add_space(6.0);
            text_block(ui, layout(ui, inlines, size, true), slot);
        }
        Block::Paragraph(inlines) => {
            text_block(ui, layout(ui, inlines, 15.0, false), slot);
            ui.add_space(6.0);
        }
        Block::Quote(blocks) => {
            ui.horizontal(|ui| {
                let (rect, _) = ui.allocate_exact_size(egui::vec2(3.0, 20.0), egui::Sense::hover());
                ui.painter()
                    .rect_filled(rect, 0.0, ui.visuals().weak_text_color());
                ui.vertical(|ui| {
                    blocks
                        .iter()
                        .for_each(|b| render_block(ui, b, thumbnails, None))
                });
            });
        }
        Block::List { start, items } => {
            for (n, item) in items.iter().enumerate() {
                ui.horizontal_top(|ui| {
                    let marker = start.map_or("•".to_owned(), |s| format!("{}.", s + n as u64));
                    ui.label(marker);
                    ui.vertical(|ui| {
                        item.iter()
                            .for_each(|b| render_block(ui, b, thumbnails, None))
                    });
                });
            }
        }
        Block::Code { text, .. } => {
            ui.label(RichText::new(text).monospace());
        }
        Block::Rule => {
            ui.separator();
        }
        Block::Html(html) => {
            ui.label(RichText::new(html).monospace().weak());
        }
    }
}

/// A paragraph or heading as a label, laid out in its slot when it has one.
fn text_block(ui: &mut egui::Ui, job: LayoutJob, slot: Option<(egui::Id, usize)>) {
    match slot {
        Some((pane, index)) => ui.label(super::relayout::layout_in_slot(ui, pane, index, job)),
        None => ui.label(job),
    };
}

fn layout(ui: &egui::Ui, inlines: &[Inline], size: f32, heading: bool) -> LayoutJob {
    let visuals = ui.visuals();
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width().min(READING_MEASURE);
    job.halign = ui.layout().horizontal_placement();
    for inline in inlines {
        match inline {
            Inline::Text { text, style } => {
                let font = if style.code {
                    FontId::monospace(size * 0.9)
                } else {
                    FontId::proportional(size)
                };
                let color = if style.link.is_some() {
                    visuals.hyperlink_color
                } else if style.bold || heading {
                    visuals.strong_text_color()
                } else {
                    visuals.text_color()
                };
                let format = TextFormat {
                    font_id: font,
                    color,
                    italics: style.italic,
                    underline: if style.link.is_some() {
                        egui::Stroke::new(1.0, color)
                    } else {
                        egui::Stroke::NONE
                    },
                    strikethrough: if style.strike {
                        egui::Stroke::new(1.0, color)
                    } else {
                        egui::Stroke::NONE
                    },
                    ..Default::default()
                };
                job.append(text, 0.0, format);
            }
            Inline::LineBreak => job.append(
                "\n",
                0.0,
                TextFormat::simple(FontId::proportional(size), visuals.text_color()),
            ),
            Inline::Image { alt, .. } => job.append(
                &format!("[picture: {alt}]"),
                0.0,
                TextFormat::simple(FontId::proportional(size), visuals.weak_text_color()),
            ),
        }
    }
    job
}

/// The article as a search engine lists it; `site` is the project's address, when set.
fn search_snippet(ui: &mut egui::Ui, article: &Article, site: Option<&str>) {
    let title = if article.seo_title.is_empty() {
        &article.headline
    } else {
        &article.seo_title
    };
    // The address the HTML export gives as the canonical link.
    let url = format!("{}/{}", site.unwrap_or(""), article.slug);
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
        (title.chars().count(), article.standfirst.chars().count());
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
fn social_card(
    ui: &mut egui::Ui,
    article: &Article,
    site: Option<&str>,
    thumbnails: &mut crate::app::images::Thumbnails,
) {
    let title = if article.social_title.is_empty() {
        &article.headline
    } else {
        &article.social_title
    };
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
}
