//! Pictures in the panes: thumbnails (or a placeholder while loading or when the file is
//! broken), and the editor's fields for the hero and the body's pictures.

use super::fields;
use crate::app::command::Command;
use crate::app::images::{Thumb, Thumbnails, set_inline_alt};
use crate::import::noted_caption;
use crate::model::{Article, AssetName, FocalPoint, ImageRef};
use egui::{Color32, RichText};

/// Draws a picture's thumbnail at most `width` wide, or a labelled placeholder. `pixels` is
/// the picture's size as the article records it (zero when unknown): a picture still loading
/// takes the height it will have, so that what is below it does not move when it arrives.
pub fn picture(
    ui: &mut egui::Ui,
    thumbnails: &mut Thumbnails,
    (asset, alt): (&AssetName, &str),
    width: f32,
    pixels: [u32; 2],
) {
    let placeholder_height = (width * 9.0 / 16.0).min(120.0);
    match thumbnails.get(asset) {
        Thumb::Ready(texture) => {
            let size = texture.size_vec2();
            ui.add(
                egui::Image::new(texture)
                    .fit_to_exact_size(size * (width / size.x))
                    .alt_text(alt),
            );
        }
        Thumb::Loading => {
            let height = match pixels {
                [w, h] if w > 0 && h > 0 => width * h as f32 / w as f32,
                _ => placeholder_height,
            };
            let color = ui.visuals().weak_text_color();
            placeholder(ui, [width, height], "Loading picture…", color);
        }
        Thumb::Broken(message) => {
            let message = format!("Picture missing or damaged: {message}");
            let color = ui.visuals().warn_fg_color;
            placeholder(ui, [width, placeholder_height], &message, color);
        }
    }
}

/// The size in pixels the article records of a picture (zero when unknown).
pub fn pixels(image: &ImageRef) -> [u32; 2] {
    [image.width, image.height]
}

fn placeholder(ui: &mut egui::Ui, [width, height]: [f32; 2], text: &str, color: Color32) {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    let painter = ui.painter();
    painter.rect_stroke(
        rect,
        4.0,
        egui::Stroke::new(1.0, color),
        egui::StrokeKind::Inside,
    );
    let font = egui::TextStyle::Small.resolve(ui.style());
    let galley = painter.layout(text.to_owned(), font, color, width - 16.0);
    painter.galley(rect.center() - galley.size() / 2.0, galley, color);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
}

/// Offers a hero picture whose caption is still empty the caption an imported page had, which
/// the import kept in the editor's note. Returns true when it was taken.
fn page_caption_offer(ui: &mut egui::Ui, draft: &mut Article, enabled: bool) -> bool {
    // Checked first: the note's caption is parsed only when the hero still wants one.
    let uncaptioned =
        (draft.hero_image.as_ref()).is_some_and(|hero| hero.caption.trim().is_empty());
    let Some(noted) = uncaptioned
        .then(|| noted_caption::first_noted(&draft.editors_note))
        .flatten()
    else {
        return false;
    };
    ui.weak(format!(
        "The page's caption, kept in the editor's note: {}",
        noted.text
    ));
    let offer = egui::Button::new("Use the page's caption for the hero");
    ui.add_enabled(enabled, offer).clicked() && noted_caption::give_to_hero(draft)
}

/// The editor's pictures section: the hero with its words and focal point, then the body's
/// pictures, their alt text metered against `alt_max`. Returns true when anything changed.
pub fn editor_section(
    ui: &mut egui::Ui,
    draft: &mut Article,
    thumbnails: &mut Thumbnails,
    (enabled, alt_max): (bool, usize),
    out: &mut Vec<Command>,
) -> bool {
    let mut changed = false;
    ui.add_space(6.0);
    ui.label(RichText::new("Pictures").strong());
    // Wrapped, as the slider rows below: a narrow pane takes the buttons on two lines.
    ui.horizontal_wrapped(|ui| {
        let hero_label = if draft.hero_image.is_some() {
            "Replace hero picture…"
        } else {
            "Add hero picture…"
        };
        if ui
            .add_enabled(enabled, egui::Button::new(hero_label))
            .clicked()
        {
            out.push(Command::AddHeroImage);
        }
        if ui
            .add_enabled(enabled, egui::Button::new("Insert picture in the body…"))
            .clicked()
        {
            out.push(Command::InsertImage);
        }
        if draft.hero_image.is_some()
            && ui
                .add_enabled(enabled, egui::Button::new("Remove hero picture"))
                .clicked()
        {
            draft.hero_image = None;
            changed = true;
        }
    });
    if let Some(hero) = &mut draft.hero_image {
        ui.label("Hero picture");
        let hero_pixels = pixels(hero);
        picture(
            ui,
            thumbnails,
            (&hero.asset.clone(), &hero.alt.clone()),
            240.0,
            hero_pixels,
        );
        changed |= metadata(ui, hero, "Hero", (enabled, alt_max));
        changed |= focal_point(ui, hero, enabled);
    }
    changed |= page_caption_offer(ui, draft, enabled);
    let mut alts = Vec::new();
    for (i, image) in draft.images.iter_mut().enumerate() {
        let name = format!("Picture {}", i + 1);
        ui.label(&name);
        let image_pixels = pixels(image);
        picture(
            ui,
            thumbnails,
            (&image.asset.clone(), &image.alt.clone()),
            160.0,
            image_pixels,
        );
        let before = image.alt.clone();
        changed |= metadata(ui, image, &name, (enabled, alt_max));
        if image.alt != before {
            alts.push((image.asset.clone(), image.alt.clone()));
        }
    }
    for (asset, alt) in alts {
        draft.body = set_inline_alt(&draft.body, &asset, &alt);
    }
    changed
}

/// The words that go with a picture, each field labelled with the picture's name.
fn metadata(
    ui: &mut egui::Ui,
    image: &mut ImageRef,
    name: &str,
    (enabled, alt_max): (bool, usize),
) -> bool {
    let mut changed = false;
    if image.width > 0 {
        ui.weak(format!(
            "{}×{} pixels · {}",
            image.width,
            image.height,
            crate::media::content_type(image.asset.as_str())
        ));
    }
    changed |= ui
        .add_enabled(
            enabled,
            egui::Checkbox::new(
                &mut image.decorative,
                format!("{name}: decorative (no alt text needed)"),
            ),
        )
        .changed();
    changed |= fields::text_with_meter(
        ui,
        &format!("{name} alt text"),
        &mut image.alt,
        fields::Meter {
            limit: alt_max,
            stand_in: None,
        },
        enabled && !image.decorative,
        &[],
    )
    .changed();
    changed |= fields::text(ui, &format!("{name} caption"), &mut image.caption, enabled).changed();
    changed |= fields::text(ui, &format!("{name} credit"), &mut image.credit, enabled).changed();
    changed |= fields::text(
        ui,
        &format!("{name} usage terms"),
        &mut image.usage_terms,
        enabled,
    )
    .changed();
    changed
}

/// The least width the focal point's label and two sliders take on one line.
const FOCAL_ROW_WIDTH: f32 = 480.0;

/// The focal point's sliders; a point out of range (a hand-edited file) is shown as it is, not
/// changed by being shown.
fn focal_point(ui: &mut egui::Ui, image: &mut ImageRef, enabled: bool) -> bool {
    let mut point = image.focal_point.unwrap_or_default();
    let before = point;
    let slider = |ui: &mut egui::Ui, value: &mut u16, text: &str, label: egui::Id| {
        let slider = egui::Slider::new(value, 0..=1000)
            .clamping(egui::SliderClamping::Edits)
            .text(text);
        ui.add_enabled(enabled, slider).labelled_by(label);
    };
    // Both sliders on one line where the pane has room for them, else one under the other.
    let one_row = ui.available_width() >= FOCAL_ROW_WIDTH;
    let (label, indent) = ui
        .horizontal(|ui| {
            let label = ui.label("Focal point").id;
            // Where the sliders start, for the second one to line up under the first.
            let indent = ui.cursor().min.x - ui.min_rect().left();
            slider(ui, &mut point.x, "across (‰)", label);
            if one_row {
                slider(ui, &mut point.y, "down (‰)", label);
            }
            (label, indent)
        })
        .inner;
    if !one_row {
        ui.horizontal(|ui| {
            ui.add_space(indent);
            slider(ui, &mut point.y, "down (‰)", label);
        });
    }
    if point != before {
        image.focal_point = Some(FocalPoint {
            x: point.x,
            y: point.y,
        });
        return true;
    }
    false
}
