//! Export: IPTC ninjs 3.1, standalone HTML with JSON-LD, Markdown with front matter, plain
//! text and JSON-LD alone. Every format renders the body from the same block model as the live
//! preview; every export of the same article gives the same bytes.

mod batch;
pub mod html;
pub mod html_body;
pub mod jsonld;
pub mod markdown;
pub mod ninjs;
pub mod text;

pub use batch::{ExportJob, ExportReport, Refused, export_articles, project_folder_of, run_export};

use crate::markdown::Block;
use crate::model::{Article, ImageRef, Project};
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};
use std::path::Path;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// Standalone HTML page (`<slug>.html`).
    Html,
    /// Markdown with YAML front matter (`<slug>.md`).
    Markdown,
    /// Plain text, wire style (`<slug>.txt`).
    Text,
    /// IPTC ninjs 3.1 (`<slug>.ninjs.json`).
    Ninjs,
    /// schema.org JSON-LD (`<slug>.jsonld`).
    Jsonld,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 5] = [
        Format::Html,
        Format::Markdown,
        Format::Text,
        Format::Ninjs,
        Format::Jsonld,
    ];

    /// The file name extension, after the slug.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Ninjs => "ninjs.json",
            Format::Jsonld => "jsonld",
        }
    }

    /// The name shown in the window.
    pub fn label(self) -> &'static str {
        match self {
            Format::Html => "HTML page",
            Format::Markdown => "Markdown",
            Format::Text => "Plain text",
            Format::Ninjs => "IPTC ninjs 3.1",
            Format::Jsonld => "JSON-LD",
        }
    }
}

/// An article with what every format needs from its project, and its body parsed once.
pub struct ExportContext<'a> {
    /// The article.
    pub article: &'a Article,
    /// Its project (base URL, reading speed, text settings).
    pub project: &'a Project,
    /// The body's blocks.
    pub blocks: Vec<Block>,
    /// The bundle's asset folder, when the export can read images.
    pub assets: Option<&'a Path>,
    /// The renditions of each picture the article uses, when the asset folder was given.
    pub media: Vec<(String, Vec<crate::media::Rendition>)>,
    /// The rendition files to write beside the export, in `media/`.
    pub media_files: Vec<crate::media::RenditionFile>,
}

/// A moment as RFC 3339 with its offset (`+00:00`), to the second.
pub fn iso(moment: DateTime<Utc>) -> String {
    moment.to_rfc3339_opts(SecondsFormat::Secs, false)
}

impl<'a> ExportContext<'a> {
    /// The context of an article of a project.
    /// With an asset folder, the article's pictures are read and their renditions made (a
    /// picture that cannot be read is left out: the checklist reports it).
    pub fn new(article: &'a Article, project: &'a Project, assets: Option<&'a Path>) -> Self {
        let mut media = Vec::new();
        let mut media_files = Vec::new();
        if let Some(folder) = assets {
            for asset in crate::media::assets_of(article) {
                let made = std::fs::read(folder.join(asset.as_str()))
                    .ok()
                    .and_then(|bytes| crate::media::renditions_of(&asset, &bytes).ok());
                if let Some(files) = made {
                    media.push((
                        asset.as_str().to_owned(),
                        files.iter().map(|f| f.rendition.clone()).collect(),
                    ));
                    media_files.extend(files);
                }
            }
        }
        ExportContext {
            article,
            project,
            blocks: crate::markdown::parse(&article.body),
            assets,
            media,
            media_files,
        }
    }

    /// The renditions of a picture, when they were made.
    pub fn renditions_of(&self, asset: &str) -> &[crate::media::Rendition] {
        self.media
            .iter()
            .find(|(name, _)| name == asset)
            .map_or(&[], |(_, r)| r.as_slice())
    }

    /// An address under the export folder, absolute when the project has a base URL.
    fn media_url(&self, file: &str) -> String {
        match self.base_url() {
            Some(base) => format!("{base}/media/{file}"),
            None => format!("media/{file}"),
        }
    }

    /// When the article was (or will count as) published: first publication, else creation.
    pub fn published(&self) -> DateTime<Utc> {
        self.article.first_published.unwrap_or(self.article.created)
    }

    fn base_url(&self) -> Option<&str> {
        self.project.settings.site()
    }

    /// The article's public address, when the project has a base URL.
    pub fn url(&self) -> Option<String> {
        self.project.settings.article_url(&self.article.slug)
    }

    /// A stable identifier from the project and the article id.
    pub fn uri(&self) -> String {
        match self.base_url() {
            Some(base) => format!("{base}/articles/{}", self.article.id),
            None => format!("urn:uuid:{}", self.article.id),
        }
    }

    /// The addresses of the article's pictures (absolute when the project has a base URL).
    pub fn image_urls(&self) -> Vec<String> {
        let Some(image) = &self.article.hero_image else {
            return Vec::new();
        };
        let renditions = self.renditions_of(image.asset.as_str());
        if renditions.is_empty() {
            return vec![self.media_url(image.asset.as_str())];
        }
        renditions.iter().map(|r| self.media_url(&r.file)).collect()
    }

    /// The body as HTML.
    pub fn body_html(&self) -> String {
        html_body::render(&self.blocks)
    }

    /// The byline as a sentence: "A", "A and B", "A, B and C".
    pub fn by_line(&self) -> String {
        let names: Vec<&str> = self
            .article
            .credited_bylines()
            .map(|b| b.name.as_str())
            .collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }

    /// Reading time at the project's speed, rounded up.
    pub fn reading_minutes(&self) -> u32 {
        let speed = self.project.settings.reading_words_per_minute;
        crate::model::stats::reading_minutes(self.article.body_stats().words, speed)
    }

    /// The ninjs renditions of a picture: the original file, with its type and size in bytes.
    pub fn renditions(&self, image: &ImageRef) -> Value {
        let name = image.asset.as_str();
        let made = self.renditions_of(name);
        if made.is_empty() {
            let mut original = json!({"name": "original", "href": format!("media/{name}"), "contentType": crate::media::content_type(name)});
            if image.width > 0 {
                original["width"] = json!(image.width);
                original["height"] = json!(image.height);
            }
            return json!([original]);
        }
        Value::Array(
            made.iter()
                .map(|r| {
                    json!({
                        "name": r.name,
                        "href": format!("media/{}", r.file),
                        "contentType": r.content_type,
                        "width": r.width,
                        "height": r.height,
                        "sizeInBytes": r.bytes,
                    })
                })
                .collect(),
        )
    }

    /// The `srcset` of a picture: every rendition with its width.
    pub fn srcset(&self, asset: &str) -> Option<String> {
        let made = self.renditions_of(asset);
        (made.len() > 1).then(|| {
            made.iter()
                .map(|r| format!("media/{} {}w", r.file, r.width))
                .collect::<Vec<_>>()
                .join(", ")
        })
    }

    /// The bytes of the article in a format.
    pub fn export(&self, format: Format) -> Vec<u8> {
        match format {
            Format::Html => html::export(self),
            Format::Markdown => markdown::export(self),
            Format::Text => text::export(self),
            Format::Ninjs => ninjs::export(self),
            Format::Jsonld => jsonld::export(self),
        }
    }
}

/// The file name of an article exported in a format.
pub fn file_name(article: &Article, format: Format) -> String {
    let slug = if crate::model::slug::is_valid_slug(&article.slug) {
        article.slug.clone()
    } else {
        let made = crate::model::slug::slugify(&article.headline);
        if made.is_empty() {
            article.id.to_string()
        } else {
            made
        }
    };
    format!("{slug}.{}", format.extension())
}
