//! IPTC ninjs 3.1: the article as a news item for agencies and content systems.

use super::{ExportContext, iso};
use crate::model::Status;
use serde_json::{Map, Value, json};

/// The ninjs 3.1 document of an article.
pub fn document(context: &ExportContext) -> Value {
    let article = context.article;
    let mut item = Map::new();
    let mut put = |key: &str, value: Value| {
        item.insert(key.to_owned(), value);
    };
    put("uri", json!(context.uri()));
    put("type", json!("text"));
    put("representationType", json!("full"));
    put(
        "version",
        json!(article.updated.format("%Y%m%dT%H%M%S%.fZ").to_string()),
    );
    put("firstCreated", json!(iso(article.created)));
    put("versionCreated", json!(iso(article.updated)));
    put("contentCreated", json!(iso(article.created)));
    if let Some(embargo) = &article.embargo {
        put("embargoedUntil", json!(embargo.until.to_rfc3339()));
    }
    put(
        "pubStatus",
        json!(if article.status == Status::Killed {
            "canceled"
        } else {
            "usable"
        }),
    );
    put("language", json!(article.language));
    let headlines: Vec<Value> = [
        ("main", &article.headline),
        ("seo", &article.seo_title),
        ("social", &article.social_title),
    ]
    .into_iter()
    .filter(|(_, text)| !text.is_empty())
    .map(|(role, text)| json!({"role": role, "contentType": "text/plain", "value": text}))
    .collect();
    put("headlines", Value::Array(headlines));
    let mut descriptions = Vec::new();
    if !article.standfirst.is_empty() {
        descriptions.push(
            json!({"role": "summary", "contentType": "text/plain", "value": article.standfirst}),
        );
    }
    for correction in article.written_corrections() {
        let role = correction.kind.as_str();
        descriptions
            .push(json!({"role": role, "contentType": "text/plain", "value": correction.text}));
    }
    if !descriptions.is_empty() {
        put("descriptions", Value::Array(descriptions));
    }
    let stats = article.body_stats();
    // The second body carries the whole article in Copydesk's own form, so importing the file
    // gives the article back exactly (receivers ignore a body of a media type they do not know).
    let whole = serde_json::to_string(article).expect("articles serialize");
    put(
        "bodies",
        json!([
            {
                "role": "main",
                "contentType": "text/html",
                "value": context.body_html(),
                "charCount": stats.chars,
                "wordCount": stats.words,
            },
            {
                "role": "copydesk",
                "contentType": crate::import::ninjs::COPYDESK_BODY_TYPE,
                "value": whole,
            }
        ]),
    );
    if article.credited_bylines().next().is_some() {
        put("by", json!(context.by_line()));
        let people: Vec<Value> = article
            .credited_bylines()
            .map(|b| {
                let rel = if b.role.is_empty() {
                    "author".to_owned()
                } else {
                    b.role.to_lowercase()
                };
                json!({"name": b.name, "rel": rel})
            })
            .collect();
        put("people", Value::Array(people));
    }
    let mut subjects = Vec::new();
    if !article.section.is_empty() {
        subjects.push(json!({"name": article.section, "rel": "section"}));
    }
    subjects.extend(
        article
            .tags
            .iter()
            .map(|tag| json!({"name": tag, "rel": "tag"})),
    );
    if !subjects.is_empty() {
        put("subjects", Value::Array(subjects));
    }
    for (key, text) in [
        ("slugline", &article.slugline),
        ("located", &article.dateline.place),
        ("edNote", &article.editors_note),
    ] {
        if !text.is_empty() {
            put(key, json!(text));
        }
    }
    put(
        "altIds",
        json!([{"role": "copydesk-id", "value": article.id.to_string()}, {"role": "slug", "value": article.slug}]),
    );
    let pictures: Vec<Value> = article
        .hero_image
        .iter()
        .map(|image| ("hero".to_owned(), image))
        .chain(
            article
                .images
                .iter()
                .enumerate()
                .map(|(i, image)| (format!("picture-{}", i + 1), image)),
        )
        .map(|(name, image)| picture(context, &name, image))
        .collect();
    if !pictures.is_empty() {
        put("associations", Value::Array(pictures));
    }
    Value::Object(item)
}

/// The ninjs file: pretty JSON and a final newline.
pub fn export(context: &ExportContext) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(&document(context)).expect("JSON values serialize");
    bytes.push(b'\n');
    bytes
}

/// A picture as a ninjs association: its words, credit, terms and renditions.
fn picture(context: &ExportContext, name: &str, image: &crate::model::ImageRef) -> Value {
    let mut picture = json!({
        "name": name,
        "uri": format!("urn:copydesk:asset:{}", image.asset.as_str()),
        "type": "picture",
        "renditions": context.renditions(image),
    });
    if !image.alt.is_empty() {
        picture["descriptions"] =
            json!([{"role": "alt", "contentType": "text/plain", "value": image.alt}]);
    }
    if !image.caption.is_empty() {
        picture["headlines"] =
            json!([{"role": "caption", "contentType": "text/plain", "value": image.caption}]);
    }
    if !image.credit.is_empty() {
        picture["by"] = json!(image.credit);
    }
    if !image.usage_terms.is_empty() {
        picture["usageTerms"] = json!(image.usage_terms);
    }
    picture
}
