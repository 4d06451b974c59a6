//! Markdown with YAML front matter. Our own export carries every field under `copydesk` and
//! comes back exactly; Hugo and Jekyll keys (`title`, `date`, `author(s)`, `tags`,
//! `categories`, `description`, `slug`, `draft`, `lang`) are read from other files.

use super::title_case;
use crate::model::{Article, Byline, Status};
use chrono::{DateTime, Utc};
use serde_json::Value;

/// Splits `---` front matter from the body; no front matter gives `None` and the whole text.
fn split_front_matter(text: &str) -> (Option<&str>, &str) {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (None, text);
    };
    for end in ["\n---\n", "\n---\r\n", "\n...\n"] {
        if let Some(at) = rest.find(end) {
            let body = &rest[at + end.len()..];
            return (Some(&rest[..at]), body.strip_prefix('\n').unwrap_or(body));
        }
    }
    if let Some(front) = rest.strip_suffix("\n---") {
        return (Some(front), "");
    }
    (None, text)
}

fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => s
            .split(',')
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect(),
        Value::Array(items) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

fn date(value: &Value) -> Option<DateTime<Utc>> {
    let text = value.as_str()?;
    DateTime::parse_from_rfc3339(text)
        .map(|d| d.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()?
                .and_hms_opt(0, 0, 0)
                .map(|d| d.and_utc())
        })
}

/// Imports a Markdown file.
pub fn import(text: &str, now: DateTime<Utc>) -> Result<Article, String> {
    let (front, body) = split_front_matter(text);
    let front: Value = match front {
        Some(yaml) if !yaml.trim().is_empty() => serde_yaml_ng::from_str(yaml)
            .map_err(|e| format!("the front matter is not valid YAML: {e}"))?,
        _ => Value::Null,
    };
    if let Some(fields) = front.get("copydesk").filter(|v| v.is_object()) {
        let mut fields = fields.clone();
        fields["body"] = Value::String(body.strip_suffix('\n').unwrap_or(body).to_owned());
        return serde_json::from_value(fields)
            .map_err(|e| format!("the copydesk front matter is not an article: {e}"));
    }
    let mut article = Article::new_at("", now);
    article.body = body.trim_end().to_owned();
    let get = |key: &str| front.get(key).unwrap_or(&Value::Null);
    article.headline = get("title").as_str().unwrap_or("").trim().to_owned();
    if article.headline.is_empty() {
        // A first-level heading stands for the title in plain Markdown.
        if let Some(first) = article
            .body
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# "))
        {
            article.headline = first.trim().to_owned();
            article.body = article
                .body
                .lines()
                .skip(1)
                .collect::<Vec<_>>()
                .join("\n")
                .trim()
                .to_owned();
        }
    }
    if article.headline.is_empty() && !article.body.trim().is_empty() {
        super::stand_in_headline(&mut article);
    }
    // Hugo's description and summary, Jekyll's excerpt.
    article.standfirst = ["description", "summary", "excerpt"]
        .into_iter()
        .find_map(|key| get(key).as_str())
        .unwrap_or("")
        .to_owned();
    let mut names = strings(get("authors"));
    if names.is_empty() {
        names = strings(get("author"));
    }
    article.bylines = names.into_iter().map(|n| Byline::new(n, "")).collect();
    article.tags = strings(get("tags"));
    // Hugo's and Jekyll's categories (the first), or a section or category named as such.
    let sections = ["section", "category", "categories"];
    if let Some(section) = sections
        .into_iter()
        .find_map(|key| strings(get(key)).into_iter().next())
    {
        article.section = title_case(&section);
    }
    if let Some(slug) = get("slug").as_str() {
        article.slug = slug.to_owned();
    }
    if let Some(language) = get("lang").as_str().or(get("language").as_str()) {
        article.language = language.to_owned();
    }
    if let Some(published) = date(get("date")) {
        article.created = published;
        if get("draft").as_bool() == Some(false) {
            article.status = Status::Published;
            article.first_published = Some(published);
        }
    }
    if let Some(modified) = date(get("lastmod")) {
        article.updated = modified;
    }
    if article.headline.is_empty() && article.body.trim().is_empty() {
        return Err("no title and no text".to_owned());
    }
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_or_category_and_an_excerpt_are_taken_as_other_generators_write_them() {
        let text = "---\ntitle: Bridge reopens\nsection: local news\nexcerpt: After two years.\n---\n\nText.\n";
        let a = import(text, Utc::now()).unwrap();
        assert_eq!(
            (a.section.as_str(), a.standfirst.as_str()),
            ("Local News", "After two years.")
        );
        let text = "---\ntitle: Bridge reopens\ncategory: Transport\n---\n\nText.\n";
        assert_eq!(import(text, Utc::now()).unwrap().section, "Transport");
    }

    #[test]
    fn hugo_front_matter_maps_to_fields() {
        let text = "---\ntitle: Harbour club wins\ndate: 2024-05-01\nauthor: Kofi Mensah\ntags: [rowing, sport]\ncategories:\n  - sport\ndraft: false\n---\n\nThe club won.\n";
        let a = import(text, Utc::now()).unwrap();
        assert_eq!(a.headline, "Harbour club wins");
        assert_eq!(a.byline_names(), ["Kofi Mensah"]);
        assert_eq!(a.tags, ["rowing", "sport"]);
        assert_eq!(a.section, "Sport");
        assert_eq!(a.status, Status::Published);
        assert_eq!(a.body, "The club won.");
    }

    #[test]
    fn broken_front_matter_is_named() {
        let error = import("---\ntitle: [unclosed\n---\nText", Utc::now()).unwrap_err();
        assert!(error.contains("front matter"), "{error}");
    }
}
