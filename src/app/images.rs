//! Pictures in the window: adding a hero or a body picture (from a dialog, a dropped file or
//! the clipboard) on a worker, their metadata edits, and the thumbnails the panes draw.

use super::AppState;
use crate::model::plural::counted;
use crate::model::{AssetName, ImageRef};
use std::collections::HashMap;
use std::path::PathBuf;

/// Where a new picture goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageUse {
    /// The hero of the open article.
    Hero,
    /// The body of the open article, at the cursor.
    Inline,
}

/// Where a new picture comes from.
pub enum ImageSource {
    /// A file.
    File(PathBuf),
    /// Bytes (a paste), with a name for messages.
    Bytes(Vec<u8>, String),
}

/// A thumbnail as the panes see it.
pub enum Thumb {
    /// Being read or made.
    Loading,
    /// Ready to draw.
    Ready(egui::TextureHandle),
    /// The file is missing or broken; the message says which.
    Broken(String),
}

/// Thumbnails of the open project, asked for when a pane needs them.
#[derive(Default)]
pub struct Thumbnails {
    thumbs: HashMap<AssetName, Thumb>,
    wanted: Vec<AssetName>,
    /// Pictures made but not yet turned into textures (the UI thread does that).
    pub arrived: Vec<(AssetName, Result<image::RgbaImage, String>)>,
}

impl Thumbnails {
    /// The thumbnail of an asset, asking for it the first time.
    pub fn get(&mut self, asset: &AssetName) -> &Thumb {
        if !self.thumbs.contains_key(asset) {
            self.thumbs.insert(asset.clone(), Thumb::Loading);
            self.wanted.push(asset.clone());
        }
        &self.thumbs[asset]
    }

    /// Forgets every thumbnail (another project was opened).
    pub fn clear(&mut self) {
        *self = Thumbnails::default();
    }

    /// Turns arrived pictures into textures.
    pub fn upload(&mut self, ctx: &egui::Context) {
        for (asset, result) in self.arrived.drain(..) {
            let thumb = match result {
                Ok(picture) => {
                    let size = [picture.width() as usize, picture.height() as usize];
                    let pixels = egui::ColorImage::from_rgba_unmultiplied(size, picture.as_raw());
                    Thumb::Ready(ctx.load_texture(
                        asset.as_str(),
                        pixels,
                        egui::TextureOptions::LINEAR,
                    ))
                }
                Err(message) => Thumb::Broken(message),
            };
            self.thumbs.insert(asset, thumb);
        }
    }

    /// Whether any thumbnail is still loading.
    pub fn loading(&self) -> bool {
        self.thumbs.values().any(|t| matches!(t, Thumb::Loading))
    }
}

impl AppState {
    /// Asks the worker for the thumbnails the panes wanted this frame.
    pub fn request_thumbnails(&mut self) {
        if self.thumbnails.wanted.is_empty() {
            return;
        }
        let wanted = std::mem::take(&mut self.thumbnails.wanted);
        if let Some(bundle) = &self.bundle {
            self.jobs.thumbnails(bundle.root().to_owned(), wanted);
        }
    }

    /// Adds a picture to the open article (stored by a worker; see [`AppState::image_stored`]).
    pub fn add_image(&mut self, source: ImageSource, target: ImageUse) {
        let (Some(bundle), Some(_)) = (&self.bundle, &self.draft) else {
            self.warn("Open an article to add a picture to.");
            return;
        };
        if let Some(reason) = &self.read_only {
            let reason = reason.clone();
            self.warn(reason);
            return;
        }
        let root = bundle.root().to_owned();
        self.tell("Reading the picture…");
        self.jobs.store_image(root, source, target);
    }

    /// Puts a stored picture into the open article, as one undoable edit.
    pub fn image_stored(
        &mut self,
        target: ImageUse,
        result: Result<(AssetName, u32, u32), String>,
    ) {
        let (asset, width, height) = match result {
            Ok(stored) => stored,
            Err(message) => {
                self.warn(format!("Picture not added: {message}"));
                return;
            }
        };
        let Some(draft) = &mut self.draft else {
            return;
        };
        // The new picture is described next: its alt text takes the keys.
        let mut described = "Hero alt text".to_owned();
        let picture = ImageRef {
            width,
            height,
            ..ImageRef::new(asset.clone())
        };
        match target {
            ImageUse::Hero => {
                let keep = draft.hero_image.take().filter(|old| old.asset == asset);
                draft.hero_image = Some(keep.unwrap_or(picture));
            }
            ImageUse::Inline => {
                let number = draft
                    .images
                    .iter()
                    .position(|i| i.asset == asset)
                    .unwrap_or(draft.images.len())
                    + 1;
                described = format!("Picture {number} alt text");
                let chars: Vec<char> = draft.body.chars().collect();
                let at = self
                    .body_selection
                    .map_or(chars.len(), |(_, end)| end.min(chars.len()));
                let before: String = chars[..at].iter().collect();
                let after: String = chars[at..].iter().collect();
                draft.body = format!("{before}\n\n![](asset:{})\n\n{after}", asset.as_str());
                if !draft.images.iter().any(|i| i.asset == asset) {
                    draft.images.push(picture);
                }
            }
        }
        self.undo.break_typing();
        self.commit_draft(None);
        self.pending_field_cursor = Some((described, 0, 0));
        self.tell("Picture added: give it alt text, a caption and a credit");
    }

    /// Imports the clipboard's picture into the open article's body (or hero when it has none).
    pub fn paste_image(&mut self) {
        let Some(png) = self.jobs.dialogs.clipboard_image() else {
            self.warn("The clipboard holds no picture");
            return;
        };
        let target = if self.draft.as_ref().is_some_and(|d| d.hero_image.is_none()) {
            ImageUse::Hero
        } else {
            ImageUse::Inline
        };
        self.add_image(ImageSource::Bytes(png, "clipboard picture".into()), target);
    }
}

impl AppState {
    /// Looks for the pictures no article names (the open article as edited counts), nor any
    /// version of an article that Undo or Redo could bring back, nor any revision in the
    /// history: on a worker, which reads the articles not in memory and every history file, with
    /// its progress in a dialog that holds edits back meanwhile.
    pub fn review_unused_pictures(&mut self) {
        let Some(bundle) = &self.bundle else {
            return;
        };
        let used = self.pictures_in_memory();
        let unread = bundle.read_job(&bundle.ids());
        self.modal = Some(super::Modal::LookingForUnusedPictures {
            done: 0,
            total: unread.len(),
        });
        let root = bundle.root().to_owned();
        self.jobs.find_unused_pictures(root, unread, used);
    }

    /// The pictures the articles in memory name, with the open article as edited and the
    /// versions Undo and Redo hold.
    fn pictures_in_memory(&self) -> std::collections::BTreeSet<AssetName> {
        let loaded = self.bundle.iter().flat_map(|b| b.loaded_articles());
        loaded
            .chain(&self.draft)
            .chain(self.undo.articles())
            .flat_map(crate::media::assets_named_by)
            .collect()
    }

    /// Offers what the search for unused pictures found, unless it was cancelled or another
    /// project is open. A picture the open article took meanwhile (one being stored as the
    /// search began) is not offered.
    pub(super) fn unused_pictures_found(
        &mut self,
        root: &std::path::Path,
        unused: Result<Vec<AssetName>, String>,
    ) {
        let looking = matches!(
            self.modal,
            Some(super::Modal::LookingForUnusedPictures { .. })
        );
        if !looking || self.bundle.as_ref().is_none_or(|b| b.root() != root) {
            return;
        }
        self.modal = None;
        match unused {
            Ok(mut unused) => {
                let used = self.pictures_in_memory();
                unused.retain(|name| !used.contains(name));
                self.modal = Some(super::Modal::UnusedPictures(unused));
            }
            Err(error) => self.warn(format!("Cannot tell which pictures are unused: {error}")),
        }
    }

    /// Deletes the pictures the unused-pictures dialog listed.
    pub fn delete_unused_pictures(&mut self) {
        let (Some(super::Modal::UnusedPictures(unused)), Some(bundle)) =
            (self.modal.take(), &self.bundle)
        else {
            return;
        };
        match crate::media::remove_assets(bundle.root(), &unused) {
            Ok(removed) => self.tell(format!("Deleted {}", counted(removed, "unused picture"))),
            Err(error) => self.warn(error.to_string()),
        }
    }
}

/// Rewrites the alt text of a body picture in the Markdown (`![old](asset:name)`).
pub fn set_inline_alt(body: &str, asset: &AssetName, alt: &str) -> String {
    let target = format!("](asset:{})", asset.as_str());
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(end) = rest.find(&target) {
        let Some(open) = rest[..end].rfind("![") else {
            out.push_str(&rest[..end + target.len()]);
            rest = &rest[end + target.len()..];
            continue;
        };
        out.push_str(&rest[..open]);
        out.push_str("![");
        out.push_str(&alt.replace(['[', ']'], ""));
        out.push_str(&target);
        rest = &rest[end + target.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_alt_text_is_rewritten_in_the_markdown() {
        let asset = AssetName::parse(&format!("{}.png", "a".repeat(64))).unwrap();
        let body = format!("Text.\n\n![old words](asset:{})\n\nMore.", asset.as_str());
        let new = set_inline_alt(&body, &asset, "Rowers [at] dawn");
        assert_eq!(
            new,
            format!(
                "Text.\n\n![Rowers at dawn](asset:{})\n\nMore.",
                asset.as_str()
            )
        );
    }
}
