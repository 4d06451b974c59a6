//! Resized copies of a picture for export: widths 640 and 1280 (those narrower than the
//! original) plus the original, each with its size and type.

use super::{MediaError, content_type, decode, extension, inspect};
use crate::model::AssetName;
use image::ImageFormat;
use std::io::Cursor;

/// Widths of the resized renditions, in pixels.
pub const RENDITION_WIDTHS: [u32; 2] = [640, 1280];

/// One rendition as the export describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendition {
    /// "original", "w640", "w1280".
    pub name: String,
    /// File name in the export's `media/` folder.
    pub file: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Media type.
    pub content_type: &'static str,
    /// Size of the file in bytes.
    pub bytes: u64,
}

/// A rendition with its bytes, ready to be written.
pub struct RenditionFile {
    /// What it is.
    pub rendition: Rendition,
    /// Its bytes.
    pub data: Vec<u8>,
}

/// The renditions of an asset: the original and each narrower width, encoded like the original
/// (GIF renditions are written as PNG).
pub fn renditions_of(asset: &AssetName, original: &[u8]) -> Result<Vec<RenditionFile>, MediaError> {
    let name = asset.as_str();
    let info = inspect(original, name)?;
    let stem = name.split('.').next().unwrap_or(name);
    let mut files = vec![RenditionFile {
        rendition: Rendition {
            name: "original".into(),
            file: name.to_owned(),
            width: info.width,
            height: info.height,
            content_type: content_type(name),
            bytes: original.len() as u64,
        },
        data: original.to_vec(),
    }];
    let widths: Vec<u32> = RENDITION_WIDTHS
        .iter()
        .copied()
        .filter(|&w| w < info.width)
        .collect();
    if widths.is_empty() {
        return Ok(files);
    }
    let picture = decode(original, name)?;
    let format = if info.format == ImageFormat::Gif {
        ImageFormat::Png
    } else {
        info.format
    };
    for width in widths {
        let height =
            ((u64::from(info.height) * u64::from(width)) / u64::from(info.width)).max(1) as u32;
        let resized = picture.resize_exact(width, height, image::imageops::FilterType::Triangle);
        let mut data = Vec::new();
        let encoded = match format {
            ImageFormat::Jpeg => resized
                .to_rgb8()
                .write_to(&mut Cursor::new(&mut data), format),
            _ => resized
                .to_rgba8()
                .write_to(&mut Cursor::new(&mut data), format),
        };
        encoded.map_err(|e| MediaError::Damaged {
            name: name.to_owned(),
            why: e.to_string(),
        })?;
        let file = format!("{stem}-w{width}.{}", extension(format));
        files.push(RenditionFile {
            rendition: Rendition {
                name: format!("w{width}"),
                content_type: content_type(&file),
                file,
                width,
                height,
                bytes: data.len() as u64,
            },
            data,
        });
    }
    Ok(files)
}
