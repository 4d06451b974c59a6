//! The pictures an article uses: the asset file's name in the bundle and the words that go
//! with the picture (alt text, caption, credit, usage terms, focal point).

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The file name of an asset in the bundle: a SHA-256 in hex and an image extension.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct AssetName(String);

/// The image extensions an asset may have.
pub const ASSET_EXTENSIONS: [&str; 5] = ["jpg", "jpeg", "png", "webp", "gif"];

impl AssetName {
    /// Validates a name such as `3a7b…e1.jpg`; anything with a path in it is refused.
    pub fn parse(name: &str) -> Result<Self, String> {
        let (hash, ext) = name
            .rsplit_once('.')
            .ok_or_else(|| format!("asset name {name:?} has no extension"))?;
        let hash_ok = hash.len() == 64
            && hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !hash_ok || !ASSET_EXTENSIONS.contains(&ext) {
            return Err(format!(
                "asset name {name:?} is not a SHA-256 file name such as \"<64 hex digits>.jpg\""
            ));
        }
        Ok(AssetName(name.to_owned()))
    }

    /// The file name inside the bundle's `assets/` folder.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for AssetName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        AssetName::parse(&raw).map_err(serde::de::Error::custom)
    }
}

fn is_zero(value: &u32) -> bool {
    *value == 0
}

/// The point of a picture that crops must keep, in thousandths of its width and height.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FocalPoint {
    /// From the left edge, 0 to 1000.
    pub x: u16,
    /// From the top edge, 0 to 1000.
    pub y: u16,
}

impl Default for FocalPoint {
    fn default() -> Self {
        FocalPoint { x: 500, y: 500 }
    }
}

/// A picture used by an article, with the words that go with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageRef {
    /// The asset file in the bundle.
    pub asset: AssetName,
    /// Alternative text for readers who cannot see the picture.
    #[serde(default)]
    pub alt: String,
    /// The picture is decorative: it needs no alt text.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub decorative: bool,
    /// The caption shown under the picture.
    #[serde(default)]
    pub caption: String,
    /// Who made the picture.
    #[serde(default)]
    pub credit: String,
    /// Copyright and usage terms.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub usage_terms: String,
    /// Where the subject is, for cropping.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focal_point: Option<FocalPoint>,
    /// Width in pixels, read from the file.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub width: u32,
    /// Height in pixels, read from the file.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub height: u32,
    /// Fields added by later versions, kept as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ImageRef {
    /// A picture with no words yet.
    pub fn new(asset: AssetName) -> Self {
        ImageRef {
            asset,
            alt: String::new(),
            decorative: false,
            caption: String::new(),
            credit: String::new(),
            usage_terms: String::new(),
            focal_point: None,
            width: 0,
            height: 0,
            extra: BTreeMap::new(),
        }
    }
}
