//! The live preview: the published page (as the reference article's site shows it), a search
//! result snippet, or a social card. The body renders from the shared Markdown block model.

use super::pictures::pixels;
use crate::app::AppState;
use crate::app::command::{Command, PreviewMode};
use crate::markdown::{self, Block, Inline};
use crate::model::Article;
use crate::model::stats::reading_minutes;
use crate::model::time::relative;
use egui::text::LayoutJob;
use egui::{FontId, RichText, TextFormat};
use std::sync::Arc;

mod cards;
pub use cards::{SNIPPET_DESCRIPTION, SNIPPET_TITLE, cut};
use cards::{search_snippet, social_card};

/// The page's reading measure, in points.
const READING_MEASURE: f32 = 620.0;

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
    let speed = project.map_or(crate::model::project::DEFAULT_READING_SPEED, |p| {
        p.reading_words_per_minute
    });
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
        PreviewMode::SearchSnippet => {
            // The address the HTML export gives as the canonical link; the slug alone without
            // a site.
            let url = project
                .and_then(|p| p.article_url(&article.slug))
                .unwrap_or_else(|| format!("/{}", article.slug));
            search_snippet(ui, article, &url)
        }
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
    // Each article's page keeps its own place, as the editor does: another article opens at
    // its top, not where the last one was read.
    egui::ScrollArea::vertical()
        .id_salt(("preview-scroll", article.id))
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            super::panes::clear_of_scroll_bar(ui, READING_MEASURE);
            // A right-to-left article reads from the right edge, as its published page does.
            let align = if crate::export::html::direction(&article.language) == "rtl" {
                egui::Align::RIGHT
            } else {
                egui::Align::LEFT
            };
            ui.with_layout(egui::Layout::top_down(align), |ui| {
                let top = ui.min_rect().top();
                // Not part of the published page: the desk's reminders that it may not run, or
                // not yet.
                if article.status == crate::model::Status::Killed {
                    let why = article.kill_reason().map_or(String::new(), |reason| {
                        format!(" (\u{201c}{reason}\u{201d})")
                    });
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        RichText::new(format!("KILLED: not for publication{why}")).strong(),
                    );
                    ui.add_space(4.0);
                }
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
                let mut crumb = format!("HOME › {}", article.page_section().to_uppercase());
                if !article.headline.trim().is_empty() {
                    crumb.push_str(&format!(" › {}", article.headline));
                }
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
                        "Last update: {}{}",
                        relative(article.updated, now),
                        crate::model::stats::reading_note(minutes)
                    ))
                    .small(),
                );
                let bylines: Vec<String> = article
                    .credited_bylines()
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
                    let shown = (&hero.asset, hero.alt.as_str());
                    super::pictures::picture(ui, thumbnails, shown, width, pixels(hero));
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
                let mut pictures = Pictures {
                    thumbnails: &mut *thumbnails,
                    records: &article.images,
                };
                // Blocks off screen are not drawn: a run of them takes one space of their
                // heights and the spacing between them, as they would have taken one by one.
                let spacing = ui.spacing().item_spacing.y;
                let width = ui.available_width();
                let mut skipped = 0.0;
                let mut y = ui.cursor().top() - top;
                for (i, block) in blocks.iter().enumerate() {
                    let height = heights[i];
                    if y + height < viewport.min.y || y > viewport.max.y {
                        if follow == Some(i) {
                            let at = egui::pos2(ui.cursor().left(), top + y);
                            let space = egui::Rect::from_min_size(at, egui::vec2(width, height));
                            ui.scroll_to_rect(space, None);
                        }
                        skipped += height + spacing;
                        y += height + spacing;
                        continue;
                    }
                    if skipped > 0.0 {
                        ui.allocate_space(egui::vec2(width, skipped - spacing));
                        skipped = 0.0;
                    }
                    let slot = Some((rows_id, i));
                    let drawn = ui
                        .scope(|ui| render_block(ui, block, &mut pictures, slot))
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
                    y = ui.cursor().top() - top;
                }
                if skipped > 0.0 {
                    ui.allocate_space(egui::vec2(width, skipped - spacing));
                }
                let mut corrections = article.written_corrections().peekable();
                if corrections.peek().is_some() {
                    ui.separator();
                    for correction in corrections {
                        let kind = correction.kind.label();
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
                let names = article.byline_names();
                if !names.is_empty() {
                    ui.add_space(8.0);
                    ui.label(RichText::new(format!("Author: {}", names.join(", "))).strong());
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

/// What the page needs to draw the body's pictures: their thumbnails, and the article's
/// record of them, whose sizes keep the page still when a thumbnail arrives.
struct Pictures<'a> {
    /// The thumbnails, loaded or asked for.
    thumbnails: &'a mut crate::app::images::Thumbnails,
    /// The article's body pictures.
    records: &'a [crate::model::ImageRef],
}

/// Draws one block of the body; a top-level block has a slot (pane and index) in which its
/// layout is kept, so that typing lays out only the rows around the edit again.
fn render_block(
    ui: &mut egui::Ui,
    block: &Block,
    pictures: &mut Pictures<'_>,
    slot: Option<(egui::Id, usize)>,
) {
    // A paragraph that is one bundle picture shows the picture.
    if let Block::Paragraph(inlines) = block
        && let [Inline::Image { url, alt, .. }] = inlines.as_slice()
        && let Ok(asset) = crate::model::AssetName::parse(url.strip_prefix("asset:").unwrap_or(url))
    {
        let width = ui.available_width();
        let size = pictures.records.iter().find(|r| r.asset == asset);
        let size = size.map_or([0, 0], pixels);
        super::pictures::picture(ui, pictures.thumbnails, (&asset, alt), width, size);
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
                        .for_each(|b| render_block(ui, b, pictures, None))
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
                            .for_each(|b| render_block(ui, b, pictures, None))
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
