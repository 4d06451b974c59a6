//! HTML pages: the article is found by Readability (`dom_smoothie`), its HTML is reduced to
//! Markdown (so nothing of the page's markup or scripts is kept), and the title, byline,
//! published time, description and language are read from the page.

use super::ninjs::html_to_markdown;
use crate::model::{Article, Byline};
use chrono::{DateTime, Utc};

/// Imports an HTML page.
pub fn import(html: &str, now: DateTime<Utc>) -> Result<Article, String> {
    let config = dom_smoothie::Config {
        max_elements_to_parse: 50_000,
        ..Default::default()
    };
    let mut readability = dom_smoothie::Readability::new(html, None, Some(config))
        .map_err(|e| format!("the HTML cannot be read: {e}"))?;
    let found = readability
        .parse()
        .map_err(|e| format!("no article found in the page: {e}"))?;
    let mut article = Article::new_at(found.title.trim(), now);
    article.body = html_to_markdown(&found.content);
    if article.body.trim().is_empty() {
        return Err("no article text found in the page".to_owned());
    }
    if let Some(byline) = found
        .byline
        .as_deref()
        .map(str::trim)
        .filter(|b| !b.is_empty())
    {
        let byline = byline.trim_start_matches("By ").trim_start_matches("by ");
        article.bylines = byline
            .split(" and ")
            .flat_map(|p| p.split(", "))
            .map(str::trim)
            .filter(|n| !n.is_empty() && n.len() < 80)
            .map(|n| Byline::new(n, ""))
            .collect();
    }
    // Without a description, Readability's excerpt is the first paragraph: the lead, not a
    // standfirst (the page would show it twice).
    let opening = crate::markdown::opening(&article.body).unwrap_or_default();
    article.standfirst = found
        .excerpt
        .map(|excerpt| excerpt.trim().to_owned())
        .filter(|excerpt| !same_words(&opening).starts_with(&same_words(excerpt)))
        .unwrap_or_default();
    if article.headline.is_empty() {
        super::stand_in_headline(&mut article);
    }
    if let Some(language) = found.lang.filter(|l| crate::review::checklist::is_bcp47(l)) {
        article.language = language;
    }
    if let Some(published) = found
        .published_time
        .as_deref()
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
    {
        article.created = published.with_timezone(&Utc);
    }
    Ok(article)
}

/// The words of `text` with single spaces between them, to compare texts laid out differently.
fn same_words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
