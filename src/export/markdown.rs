//! Markdown with YAML front matter: keys Hugo and Jekyll understand, plus every field of the
//! article under `copydesk`, so importing the file gives the article back exactly.

use super::{ExportContext, iso};
use crate::model::Status;
use serde::Serialize;
use serde_json::Value;

/// The front matter, in the order it is written.
#[derive(Serialize)]
struct FrontMatter<'a> {
    title: &'a str,
    date: String,
    lastmod: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    categories: Vec<&'a str>,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    slug: &'a str,
    draft: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    images: Vec<String>,
    lang: &'a str,
    copydesk: Value,
}

/// The file: front matter between `---` lines, then the body.
pub fn export(context: &ExportContext) -> Vec<u8> {
    let article = context.article;
    let mut fields = serde_json::to_value(article).unwrap_or(Value::Null);
    if let Some(map) = fields.as_object_mut() {
        map.remove("body");
    }
    let front = FrontMatter {
        title: &article.headline,
        date: iso(context.published()),
        lastmod: iso(article.updated),
        author: article.credited_bylines().next().map(|b| b.name.as_str()),
        authors: article
            .credited_bylines()
            .map(|b| b.name.as_str())
            .collect(),
        tags: &article.tags,
        categories: [article.section.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect(),
        description: &article.standfirst,
        slug: &article.slug,
        draft: !matches!(article.status, Status::Published | Status::Corrected),
        images: context.image_urls(),
        lang: &article.language,
        copydesk: fields,
    };
    let yaml = serde_yaml_ng::to_string(&front).expect("front matter serializes");
    let mut out = String::with_capacity(yaml.len() + article.body.len() + 16);
    out.push_str("---\n");
    out.push_str(&yaml);
    out.push_str("---\n\n");
    out.push_str(&article.body);
    if !article.body.ends_with('\n') {
        out.push('\n');
    }
    out.into_bytes()
}
