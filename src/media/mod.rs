//! Pictures: adding them to a bundle's content-addressed `assets/`, reading their size and
//! format, thumbnails cached under `.local/thumbs/`, renditions for export, and finding assets
//! no article uses. Every decode has limits, so a decompression bomb is refused, not decoded.

mod renditions;

pub use renditions::{Rendition, RenditionFile, renditions_of};

use crate::bundle::format::{ASSETS_DIR, LOCAL_DIR};
use crate::bundle::fsio::{sha256_hex, write_atomic};
use crate::model::{Article, AssetName};
use image::{DynamicImage, ImageFormat, ImageReader};
use std::collections::BTreeSet;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The widest or tallest picture accepted, in pixels.
pub const MAX_DIMENSION: u32 = 20_000;
/// The most memory a decode may take.
pub const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;
/// The largest picture file accepted.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The size of the longer side of a thumbnail, in pixels.
pub const THUMBNAIL_SIZE: u32 = 480;

/// Why a picture could not be used; every message names it.
#[derive(Debug, Error)]
pub enum MediaError {
    /// The file could not be read or written.
    #[error("{name}: {message}")]
    Io {
        /// The picture.
        name: String,
        /// What the system said.
        message: String,
    },
    /// Not a picture in a supported format.
    #[error("{name}: not a JPEG, PNG, WebP or GIF picture ({why})")]
    NotAPicture {
        /// The picture.
        name: String,
        /// What the decoder said.
        why: String,
    },
    /// Too large to decode safely.
    #[error(
        "{name}: {width}×{height} pixels is larger than the {MAX_DIMENSION}-pixel limit; not decoded"
    )]
    TooLarge {
        /// The picture.
        name: String,
        /// Its width.
        width: u32,
        /// Its height.
        height: u32,
    },
    /// The data is damaged (truncated, corrupt) or needs too much memory.
    #[error("{name}: the picture cannot be decoded: {why}")]
    Damaged {
        /// The picture.
        name: String,
        /// What the decoder said.
        why: String,
    },
}

/// What is known of a picture file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageInfo {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Its format.
    pub format: ImageFormat,
}

/// The decoder limits for every picture.
pub fn limits() -> image::Limits {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_DIMENSION);
    limits.max_image_height = Some(MAX_DIMENSION);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    limits
}

/// The file extension an asset of a format gets.
pub fn extension(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Jpeg => "jpg",
        ImageFormat::Png => "png",
        ImageFormat::WebP => "webp",
        _ => "gif",
    }
}

/// The media type of an asset file name.
pub fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or("") {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "gif" => "image/gif",
        _ => "application/octet-stream",
    }
}

/// A reader over picture bytes in memory.
type Reader<'a> = ImageReader<Cursor<&'a [u8]>>;

fn reader<'a>(bytes: &'a [u8], name: &str) -> Result<(Reader<'a>, ImageFormat), MediaError> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| MediaError::NotAPicture {
            name: name.to_owned(),
            why: e.to_string(),
        })?;
    let format = reader.format().filter(|f| {
        matches!(
            f,
            ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP | ImageFormat::Gif
        )
    });
    let Some(format) = format else {
        return Err(MediaError::NotAPicture {
            name: name.to_owned(),
            why: "unknown format".to_owned(),
        });
    };
    reader.limits(limits());
    Ok((reader, format))
}

/// Reads a picture's size and format from its header, refusing one too large to decode.
pub fn inspect(bytes: &[u8], name: &str) -> Result<ImageInfo, MediaError> {
    let (mut reader, format) = reader(bytes, name)?;
    // Reading the header allocates nothing in proportion to the picture, so the size limits
    // are checked here, with the numbers, rather than by the decoder.
    reader.no_limits();
    let (width, height) = reader.into_dimensions().map_err(|e| MediaError::Damaged {
        name: name.to_owned(),
        why: e.to_string(),
    })?;
    if width > MAX_DIMENSION || height > MAX_DIMENSION {
        return Err(MediaError::TooLarge {
            name: name.to_owned(),
            width,
            height,
        });
    }
    Ok(ImageInfo {
        width,
        height,
        format,
    })
}

/// Whether JPEG data ends its last scan with an end-of-image marker (a cut file does not;
/// decoders would fill the missing part with grey rather than fail).
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let last_scan = bytes
        .windows(2)
        .rposition(|w| w == [0xFF, 0xDA])
        .unwrap_or(0);
    bytes[last_scan..].windows(2).any(|w| w == [0xFF, 0xD9])
}

/// Decodes a picture within the limits.
pub fn decode(bytes: &[u8], name: &str) -> Result<DynamicImage, MediaError> {
    let info = inspect(bytes, name)?;
    if info.format == ImageFormat::Jpeg && !jpeg_is_complete(bytes) {
        return Err(MediaError::Damaged {
            name: name.to_owned(),
            why: "the JPEG data ends early (the file is truncated)".to_owned(),
        });
    }
    let (reader, _) = reader(bytes, name)?;
    reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => MediaError::TooLarge {
            name: name.to_owned(),
            width: info.width,
            height: info.height,
        },
        other => MediaError::Damaged {
            name: name.to_owned(),
            why: other.to_string(),
        },
    })
}

fn io_error(name: &str, error: impl std::fmt::Display) -> MediaError {
    MediaError::Io {
        name: name.to_owned(),
        message: error.to_string(),
    }
}

/// Adds a picture's bytes to a bundle: checked by a full decode, stored once under its SHA-256
/// (never rewritten; a second copy of the same picture reuses the first), thumbnail made.
pub fn store(root: &Path, bytes: &[u8], name: &str) -> Result<(AssetName, ImageInfo), MediaError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(MediaError::Damaged {
            name: name.to_owned(),
            why: format!(
                "{} bytes is more than the {MAX_FILE_BYTES}-byte limit",
                bytes.len()
            ),
        });
    }
    let info = inspect(bytes, name)?;
    let picture = decode(bytes, name)?;
    let asset = AssetName::parse(&format!("{}.{}", sha256_hex(bytes), extension(info.format)))
        .map_err(|e| io_error(name, e))?;
    let path = root.join(ASSETS_DIR).join(asset.as_str());
    if !path.exists() {
        crate::bundle::fsio::make_dir_in(root, ASSETS_DIR).map_err(|e| io_error(name, e))?;
        write_atomic(&path, bytes).map_err(|e| io_error(name, e))?;
    }
    write_thumbnail(root, &asset, &picture)?;
    Ok((asset, info))
}

/// Adds a picture file to a bundle.
pub fn add_file(root: &Path, file: &Path) -> Result<(AssetName, ImageInfo), MediaError> {
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let size = std::fs::metadata(file)
        .map_err(|e| io_error(&name, e))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(MediaError::Damaged {
            name,
            why: format!("{size} bytes is more than the {MAX_FILE_BYTES}-byte limit"),
        });
    }
    let bytes = std::fs::read(file).map_err(|e| io_error(&name, e))?;
    store(root, &bytes, &name)
}

/// Where an asset's thumbnail is cached.
pub fn thumbnail_path(root: &Path, asset: &AssetName) -> PathBuf {
    let stem = asset.as_str().split('.').next().unwrap_or("");
    root.join(LOCAL_DIR)
        .join("thumbs")
        .join(format!("{stem}-{THUMBNAIL_SIZE}.png"))
}

fn write_thumbnail(
    root: &Path,
    asset: &AssetName,
    picture: &DynamicImage,
) -> Result<(), MediaError> {
    let path = thumbnail_path(root, asset);
    if path.exists() {
        return Ok(());
    }
    let small = shrunk(picture);
    let mut png = Vec::new();
    small
        .to_rgba8()
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .map_err(|e| io_error(asset.as_str(), e))?;
    // The cache's folders are made inside the project, never the project's own folder: one
    // moved or deleted while its thumbnail was made is not brought back as a folder of
    // thumbnails, and the thumbnail is just not kept.
    let local = root.join(LOCAL_DIR);
    for folder in [local.join("thumbs"), local].iter().rev() {
        match std::fs::create_dir(folder) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(io_error(asset.as_str(), e)),
        }
    }
    crate::bundle::fsio::write_atomic_unsynced(&path, &png).map_err(|e| io_error(asset.as_str(), e))
}

/// A picture made to fit a thumbnail, never enlarged.
fn shrunk(picture: &DynamicImage) -> DynamicImage {
    if picture.width() <= THUMBNAIL_SIZE && picture.height() <= THUMBNAIL_SIZE {
        picture.clone()
    } else {
        picture.thumbnail(THUMBNAIL_SIZE, THUMBNAIL_SIZE)
    }
}

/// An asset's thumbnail as RGBA pixels, made and cached on first use.
pub fn thumbnail(root: &Path, asset: &AssetName) -> Result<image::RgbaImage, MediaError> {
    let path = thumbnail_path(root, asset);
    if let Ok(bytes) = std::fs::read(&path)
        && let Ok(picture) = decode(&bytes, asset.as_str())
    {
        return Ok(picture.to_rgba8());
    }
    let bytes = std::fs::read(root.join(ASSETS_DIR).join(asset.as_str()))
        .map_err(|e| io_error(asset.as_str(), e))?;
    let picture = decode(&bytes, asset.as_str())?;
    write_thumbnail(root, asset, &picture)?;
    Ok(shrunk(&picture).to_rgba8())
}

/// The assets an article uses: its hero, its inline pictures and `asset:` links in its body.
pub fn assets_of(article: &Article) -> BTreeSet<AssetName> {
    let mut used: BTreeSet<AssetName> = article
        .hero_image
        .iter()
        .chain(&article.images)
        .map(|i| i.asset.clone())
        .collect();
    for link in crate::markdown::links(&article.body) {
        if let Ok(name) = AssetName::parse(link.url.strip_prefix("asset:").unwrap_or(&link.url)) {
            used.insert(name);
        }
    }
    used
}

/// An asset's name as it may be written anywhere: its SHA-256 and its extension.
static ASSET_NAME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let extensions = crate::model::article::ASSET_EXTENSIONS.join("|");
    regex::Regex::new(&format!(r"[0-9a-f]{{64}}\.(?:{extensions})\b")).expect("valid regex")
});

/// Every asset name written in `text`.
fn names_in(text: &str) -> impl Iterator<Item = AssetName> + '_ {
    ASSET_NAME
        .find_iter(text)
        .filter_map(|found| AssetName::parse(found.as_str()).ok())
}

/// The assets an article names: its pictures, and every asset name its body holds, in a link
/// or not. What a clean-up must keep: wider than [`assets_of`], and found without parsing the
/// Markdown.
pub fn assets_named_by(article: &Article) -> impl Iterator<Item = AssetName> + '_ {
    let pictures = article.hero_image.iter().chain(&article.images);
    pictures
        .map(|picture| picture.asset.clone())
        .chain(names_in(&article.body))
}

/// Asset files that no article names any more, nor any revision in the articles' history (so
/// restoring one never shows a picture missing): listed, never deleted silently. A history that
/// cannot be read is an error, since what it names cannot be told.
pub fn unused_assets<'a>(
    root: &Path,
    articles: impl Iterator<Item = &'a Article>,
) -> Result<Vec<AssetName>, MediaError> {
    unused_assets_but(root, articles.flat_map(assets_named_by).collect())
}

/// Asset files not among `used` (the pictures the articles name) nor named by any revision in
/// the history.
pub fn unused_assets_but(
    root: &Path,
    mut used: BTreeSet<AssetName>,
) -> Result<Vec<AssetName>, MediaError> {
    used.extend(assets_named_in_history(root)?);
    let Ok(entries) = std::fs::read_dir(root.join(ASSETS_DIR)) else {
        return Ok(Vec::new());
    };
    let mut unused: Vec<AssetName> = entries
        .filter_map(|e| AssetName::parse(&e.ok()?.file_name().to_string_lossy()).ok())
        .filter(|name| !used.contains(name))
        .collect();
    unused.sort();
    Ok(unused)
}

/// Every asset name written anywhere in the bundle's revision history: a picture's name is its
/// SHA-256, so it is found by its form alone, in any field or body line of any revision.
fn assets_named_in_history(root: &Path) -> Result<BTreeSet<AssetName>, MediaError> {
    let dir = root.join(crate::history::HISTORY_DIR);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(BTreeSet::new());
    };
    let mut named = BTreeSet::new();
    for entry in entries {
        let path = entry
            .map_err(|e| io_error(&dir.display().to_string(), e))?
            .path();
        let text =
            std::fs::read_to_string(&path).map_err(|e| io_error(&path.display().to_string(), e))?;
        named.extend(names_in(&text));
    }
    Ok(named)
}

/// Deletes the given unused assets and their thumbnails; returns how many files went.
pub fn remove_assets(root: &Path, names: &[AssetName]) -> Result<usize, MediaError> {
    let mut removed = 0;
    for name in names {
        match std::fs::remove_file(root.join(ASSETS_DIR).join(name.as_str())) {
            Ok(()) => removed += 1,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_error(name.as_str(), e)),
        }
        let _ = std::fs::remove_file(thumbnail_path(root, name));
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thumbnail_made_for_a_project_gone_meanwhile_makes_no_folder() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("Gone.copydesk");
        let asset = AssetName::parse(&format!("{}.png", "a".repeat(64))).unwrap();
        let picture = DynamicImage::new_rgb8(4, 3);
        assert!(write_thumbnail(&gone, &asset, &picture).is_ok());
        assert!(!gone.exists(), "the project's folder is not made again");
        std::fs::create_dir(&gone).unwrap();
        write_thumbnail(&gone, &asset, &picture).unwrap();
        assert!(
            thumbnail_path(&gone, &asset).is_file(),
            "kept while it is there"
        );
    }
}
