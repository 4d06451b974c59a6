//! schema.org `NewsArticle` JSON-LD, alone (`<slug>.jsonld`) or inside the HTML page.

use super::{ExportContext, iso};
use serde_json::{Map, Value, json};

/// The `NewsArticle` description of an article.
pub fn news_article(context: &ExportContext) -> Value {
    let article = context.article;
    let mut object = Map::new();
    object.insert("@context".into(), json!("https://schema.org"));
    object.insert("@type".into(), json!("NewsArticle"));
    object.insert("headline".into(), json!(article.headline));
    if !article.standfirst.is_empty() {
        object.insert("description".into(), json!(article.standfirst));
    }
    let authors: Vec<Value> = article
        .credited_bylines()
        .map(|b| {
            let mut person = json!({"@type": "Person", "name": b.name});
            if !b.role.is_empty() {
                person["jobTitle"] = json!(b.role);
            }
            person
        })
        .collect();
    object.insert("author".into(), Value::Array(authors));
    object.insert("datePublished".into(), json!(iso(context.published())));
    object.insert("dateModified".into(), json!(iso(article.updated)));
    let images = context.image_urls();
    if !images.is_empty() {
        object.insert("image".into(), json!(images));
    }
    if !article.section.is_empty() {
        object.insert("articleSection".into(), json!(article.section));
    }
    if !article.tags.is_empty() {
        object.insert("keywords".into(), json!(article.tags));
    }
    object.insert("inLanguage".into(), json!(article.language));
    object.insert("wordCount".into(), json!(article.body_stats().words));
    if let Some(url) = context.url() {
        object.insert("url".into(), json!(url));
        object.insert("mainEntityOfPage".into(), json!(url));
    }
    if let Some(place) = Some(&article.dateline.place).filter(|p| !p.is_empty()) {
        object.insert(
            "locationCreated".into(),
            json!({"@type": "Place", "name": place}),
        );
    }
    Value::Object(object)
}

/// The JSON-LD file: pretty JSON and a final newline.
pub fn export(context: &ExportContext) -> Vec<u8> {
    let mut bytes =
        serde_json::to_vec_pretty(&news_article(context)).expect("JSON values serialize");
    bytes.push(b'\n');
    bytes
}

/// JSON for a `<script>` element: `<`, `>` and `&` become `\u` escapes, so no string in it can
/// close the element or open a comment, and so do the code points HTML forbids in a document
/// (controls and noncharacters), which JSON would otherwise leave raw.
pub fn for_script(value: &Value) -> String {
    let text = serde_json::to_string_pretty(value).expect("JSON values serialize");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '<' | '>' | '&') || super::html_body::forbidden_in_html(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}
