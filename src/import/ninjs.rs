//! IPTC ninjs documents, versions 1.x, 2.x and 3.x. Our own export carries the whole article
//! in a body of its own media type and comes back exactly; other documents give their
//! headline, summary, body, byline, subjects and metadata.

use crate::model::{Article, Byline, Embargo, Status};
use chrono::{DateTime, Utc};
use serde_json::Value;

/// The media type of the body that carries a whole Copydesk article.
pub const COPYDESK_BODY_TYPE: &str = "application/vnd.copydesk.article+json";

/// The first of several spellings of a key (`versionCreated`, `versioncreated`).
fn get<'a>(document: &'a Value, keys: &[&str]) -> Option<&'a Value> {
    keys.iter()
        .find_map(|k| document.get(*k))
        .filter(|v| !v.is_null())
}

fn text<'a>(document: &'a Value, keys: &[&str]) -> &'a str {
    get(document, keys)
        .and_then(Value::as_str)
        .unwrap_or("")
        .trim()
}

/// The value of the entry with a role (or the first entry) of a `headlines`-style array.
fn by_role<'a>(items: Option<&'a Value>, roles: &[&str]) -> Option<&'a Value> {
    let items = items?.as_array()?;
    items
        .iter()
        .find(|item| {
            item.get("role")
                .and_then(Value::as_str)
                .is_some_and(|r| roles.contains(&r))
        })
        .or_else(|| items.iter().find(|item| item.get("role").is_none()))
        .or(items.first())
}

fn date(document: &Value, keys: &[&str]) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text(document, keys))
        .ok()
        .map(|d| d.with_timezone(&Utc))
}

/// HTML converted to Markdown (tags dropped, text kept).
pub fn html_to_markdown(html: &str) -> String {
    htmd::convert(html)
        .unwrap_or_else(|_| html.to_owned())
        .trim()
        .to_owned()
}

/// Imports a ninjs document.
pub fn import(text_in: &str, now: DateTime<Utc>) -> Result<Article, String> {
    let document: Value = serde_json::from_str(text_in).map_err(|e| {
        format!(
            "not valid JSON: {}",
            crate::bundle::error::describe_json_error(&e)
        )
    })?;
    if !document.is_object() {
        return Err("not a ninjs document: the JSON is not an object".to_owned());
    }
    let bodies = get(&document, &["bodies"])
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if let Some(ours) = bodies
        .iter()
        .find(|b| b.get("contentType").and_then(Value::as_str) == Some(COPYDESK_BODY_TYPE))
    {
        let json = ours.get("value").and_then(Value::as_str).unwrap_or("");
        return serde_json::from_str(json)
            .map_err(|e| format!("the Copydesk body is not an article: {e}"));
    }
    let mut article = Article::new_at("", now);
    article.headline = by_role(get(&document, &["headlines"]), &["main"])
        .and_then(|h| h.get("value"))
        .and_then(Value::as_str)
        .unwrap_or_else(|| text(&document, &["headline", "title"]))
        .trim()
        .to_owned();
    for (role, field) in [
        ("seo", &mut article.seo_title),
        ("social", &mut article.social_title),
    ] {
        if let Some(Value::Array(items)) = get(&document, &["headlines"])
            && let Some(found) = items
                .iter()
                .find(|h| h.get("role").and_then(Value::as_str) == Some(role))
        {
            *field = found
                .get("value")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
        }
    }
    article.standfirst = by_role(
        get(&document, &["descriptions"]),
        &["summary", "description"],
    )
    .and_then(|d| d.get("value"))
    .and_then(Value::as_str)
    .map(str::to_owned)
    .unwrap_or_else(|| {
        let plain = text(&document, &["description_text", "description_usage"]);
        if plain.is_empty() {
            html_to_markdown(text(&document, &["description_html"]))
        } else {
            plain.to_owned()
        }
    });
    article.body = body_of(&document, &bodies);
    if article.body.trim().is_empty() {
        // Some agencies send short items with their text as a description of role "text".
        let texts = get(&document, &["descriptions"]).and_then(Value::as_array);
        if let Some(text) = texts
            .into_iter()
            .flatten()
            .find(|d| d.get("role").and_then(Value::as_str) != Some("summary"))
        {
            article.body = text
                .get("value")
                .and_then(Value::as_str)
                .unwrap_or("")
                .trim()
                .to_owned();
            if article.standfirst.trim() == article.body {
                article.standfirst.clear();
            }
        }
    }
    let by = text(&document, &["by", "byline"]);
    article.bylines = by
        .trim_start_matches("By ")
        .split(" and ")
        .flat_map(|part| part.split(", "))
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| Byline::new(n, ""))
        .collect();
    for subject in get(&document, &["subjects", "subject"])
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let name = subject
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim();
        if name.is_empty() {
            continue;
        }
        if subject.get("rel").and_then(Value::as_str) == Some("section")
            && article.section.is_empty()
        {
            article.section = name.to_owned();
        } else if !article.tags.iter().any(|t| t == name) {
            article.tags.push(name.to_owned());
        }
    }
    article.slugline = text(&document, &["slugline"]).to_owned();
    article.dateline.place = text(&document, &["located"]).to_owned();
    article.editors_note = text(&document, &["edNote", "ednote"]).to_owned();
    if let Some(language) = get(&document, &["language"]).and_then(Value::as_str) {
        article.language = language.to_owned();
    }
    if let Some(created) = date(
        &document,
        &["firstCreated", "firstcreated", "contentCreated"],
    ) {
        article.created = created;
    }
    if let Some(updated) = date(&document, &["versionCreated", "versioncreated"]) {
        article.updated = updated;
    }
    if let Ok(until) =
        DateTime::parse_from_rfc3339(text(&document, &["embargoedUntil", "embargoed"]))
    {
        article.embargo = Some(Embargo {
            until,
            time_zone: until.offset().to_string(),
        });
    }
    if text(&document, &["pubStatus", "pubstatus"]) == "canceled" {
        article.status = Status::Killed;
    }
    if article.headline.is_empty() && article.body.is_empty() {
        return Err("a ninjs document with neither headline nor body".to_owned());
    }
    Ok(article)
}

/// The body as Markdown: an HTML body converted, else a plain-text body.
fn body_of(document: &Value, bodies: &[Value]) -> String {
    let of_type = |b: &&Value, types: &[&str]| {
        b.get("contentType")
            .and_then(Value::as_str)
            .is_some_and(|t| types.contains(&t))
    };
    let main_role = |b: &&Value| {
        b.get("role")
            .and_then(Value::as_str)
            .is_none_or(|r| ["main", "richtext", "body"].contains(&r))
    };
    let typed = |types: &[&str]| {
        bodies
            .iter()
            .find(|b| of_type(b, types) && main_role(b))
            .or_else(|| bodies.iter().find(|b| of_type(b, types)))
    };
    let value = |b: &Value| {
        b.get("value")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    };
    if let Some(markdown) = typed(&["text/markdown"]) {
        return value(markdown);
    }
    if let Some(html) = typed(&["text/html", "application/xhtml+xml"]) {
        return html_to_markdown(&value(html));
    }
    if let Some(plain) = typed(&["text/plain"]) {
        return value(plain);
    }
    if let Some(nitf) = typed(&["text/vnd.IPTC.NITF", "application/nitf+xml"]) {
        let xml = value(nitf);
        let content = xml.find("<body.content>").zip(xml.find("</body.content>"));
        return html_to_markdown(content.map_or(xml.as_str(), |(start, end)| &xml[start..end]));
    }
    if let Some(first) = bodies.first() {
        return value(first);
    }
    let html = text(document, &["body_html"]);
    if !html.is_empty() {
        return html_to_markdown(html);
    }
    text(document, &["body_text"]).to_owned()
}
