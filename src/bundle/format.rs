//! The bundle's on-disk types: the manifest, format versions and migrations.

use crate::model::{Project, ProjectSettings};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The `format` value of every bundle manifest.
pub const FORMAT_NAME: &str = "copydesk-bundle";
/// The format version this build writes. Version 1 (the prototype) stored bylines as plain names.
pub const FORMAT_VERSION: u64 = 2;
/// The minor version this build writes: minors only add fields, which older builds keep.
pub const FORMAT_MINOR: u64 = 0;
/// The manifest's file name.
pub const MANIFEST_FILE: &str = "bundle.json";

/// The project folder `path` is or is inside: the nearest folder up from it holding a manifest.
pub fn project_holding(path: &std::path::Path) -> Option<&std::path::Path> {
    path.ancestors()
        .find(|folder| folder.join(MANIFEST_FILE).is_file())
}

/// The folder of article files.
pub const ARTICLES_DIR: &str = "articles";
/// The folder of content-addressed images.
pub const ASSETS_DIR: &str = "assets";
/// The folder of machine-local state (lock, caches, backups), for `.gitignore`.
pub const LOCAL_DIR: &str = ".local";

/// The extension of a bundle's folder (`Name.copydesk`).
pub const BUNDLE_EXTENSION: &str = "copydesk";

/// The folder a new bundle chosen as `path` is made in: `path` itself when it ends in
/// `.copydesk`, else `path` with that extension ("Desk" → "Desk.copydesk").
pub fn bundle_folder(path: &std::path::Path) -> std::path::PathBuf {
    let named = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(BUNDLE_EXTENSION));
    match named {
        true => path.to_owned(),
        false => {
            let mut name = path.as_os_str().to_owned();
            name.push(".");
            name.push(BUNDLE_EXTENSION);
            name.into()
        }
    }
}

/// `bundle.json`: what the project is and the order of its articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`FORMAT_NAME`].
    pub format: String,
    /// Major version: a newer one is refused.
    pub format_version: u64,
    /// Minor version: a newer one is read, and its unknown fields kept.
    #[serde(default)]
    pub format_minor: u64,
    /// The project's title.
    #[serde(default)]
    pub title: String,
    /// House settings.
    #[serde(default)]
    pub settings: ProjectSettings,
    /// Article ids in the order the editor arranged them (validated on open).
    #[serde(default)]
    pub articles: Vec<String>,
    /// Fields written by a newer minor version, kept untouched.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl Manifest {
    /// The manifest for a project with articles in `order`, keeping `extra` and a newer minor.
    #[allow(
        clippy::unnecessary_min_or_max,
        reason = "FORMAT_MINOR is 0 today; the max matters once it grows"
    )]
    pub fn new(
        project: &Project,
        order: Vec<String>,
        minor: u64,
        extra: BTreeMap<String, Value>,
    ) -> Self {
        Manifest {
            format: FORMAT_NAME.to_owned(),
            format_version: FORMAT_VERSION,
            format_minor: minor.max(FORMAT_MINOR),
            title: project.title.clone(),
            settings: project.settings.clone(),
            articles: order,
            extra,
        }
    }

    /// The project this manifest describes.
    pub fn project(&self) -> Project {
        Project {
            title: self.title.clone(),
            settings: self.settings.clone(),
        }
    }
}

/// Brings an article file's JSON from format `from` up to [`FORMAT_VERSION`].
pub fn migrate_article(value: &mut Value, from: u64) {
    if from < 2 {
        // Version 1 kept bylines as a list of names.
        if let Some(bylines) = value.get_mut("bylines").and_then(Value::as_array_mut) {
            for byline in bylines.iter_mut() {
                if let Value::String(name) = byline {
                    *byline = serde_json::json!({ "name": name, "role": "" });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_bundle_s_folder_ends_in_copydesk() {
        use std::path::Path;
        let folder = |p: &str| bundle_folder(Path::new(p));
        assert_eq!(
            folder("/home/ann/Desk"),
            Path::new("/home/ann/Desk.copydesk")
        );
        assert_eq!(folder("Desk.copydesk"), Path::new("Desk.copydesk"));
        assert_eq!(folder("Desk.COPYDESK"), Path::new("Desk.COPYDESK"));
        assert_eq!(folder("News 2026.v2"), Path::new("News 2026.v2.copydesk"));
    }

    #[test]
    fn version_one_bylines_become_objects() {
        let mut value =
            serde_json::json!({ "bylines": ["Ann Lee", {"name": "Bo", "role": "Editor"}] });
        migrate_article(&mut value, 1);
        assert_eq!(
            value["bylines"],
            serde_json::json!([{"name": "Ann Lee", "role": ""}, {"name": "Bo", "role": "Editor"}])
        );
    }

    #[test]
    fn newer_minor_is_kept() {
        let manifest = Manifest::new(&Project::new("P"), vec![], 7, BTreeMap::new());
        assert_eq!(manifest.format_minor, 7);
    }
}
