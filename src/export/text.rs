//! Plain text, wire style: slugline, headline, standfirst, dateline and body, byline, corrections.
//!
//! The headline keeps its capitals as written: upper-casing it would lose what cannot be
//! restored ("GCSEs", "iPhone", "McDonald").

use super::ExportContext;
use crate::markdown::{Block, plain_text};

/// The body's blocks as plain paragraphs (lists with dashes, quotes with `>`).
fn paragraphs(blocks: &[Block], prefix: &str, out: &mut Vec<String>) {
    for block in blocks {
        match block {
            Block::Heading { inlines, .. } | Block::Paragraph(inlines) => {
                out.push(format!("{prefix}{}", plain_text(inlines)));
            }
            Block::Quote(inner) => paragraphs(inner, &format!("{prefix}> "), out),
            Block::List { start, items } => {
                for (i, item) in items.iter().enumerate() {
                    let marker = match start {
                        Some(n) => format!("{}. ", n + i as u64),
                        None => "- ".to_owned(),
                    };
                    let mut inner = Vec::new();
                    paragraphs(item, "", &mut inner);
                    out.push(format!("{prefix}{marker}{}", inner.join(" ")));
                }
            }
            Block::Code { text, .. } => out.push(text.trim_end().to_owned()),
            Block::Rule => out.push(format!("{prefix}* * *")),
            Block::Html(raw) => out.push(format!("{prefix}{}", raw.trim_end())),
        }
    }
}

/// Wraps a paragraph to `width` columns (0 keeps it on one line).
fn wrap(text: &str, width: usize) -> String {
    if width == 0 {
        return text.to_owned();
    }
    textwrap::fill(text, textwrap::Options::new(width).break_words(false))
}

/// The file.
pub fn export(context: &ExportContext) -> Vec<u8> {
    let article = context.article;
    let width = context.project.settings.export.text_wrap;
    let mut out = Vec::new();
    if !article.slugline.is_empty() {
        out.push(article.slugline.clone());
    }
    out.push(wrap(&article.headline, width));
    if !article.standfirst.is_empty() {
        out.push(wrap(&article.standfirst, width));
    }
    let mut body = Vec::new();
    paragraphs(&context.blocks, "", &mut body);
    let place = article.dateline.place.to_uppercase();
    let date = article
        .dateline
        .date
        .map(|d| d.format("%b %-d").to_string());
    let dateline = match (place.is_empty(), date) {
        (false, Some(date)) => format!("{place}, {date} — "),
        (false, None) => format!("{place} — "),
        (true, _) => String::new(),
    };
    if let Some(first) = body.first_mut() {
        first.insert_str(0, &dateline);
    }
    out.extend(body.iter().map(|p| wrap(p, width)));
    if article.credited_bylines().next().is_some() {
        out.push(format!("By {}", context.by_line()));
    }
    for correction in article.written_corrections() {
        let kind = correction.kind.label();
        out.push(wrap(
            &format!(
                "{kind} ({}): {}",
                correction.date.format("%Y-%m-%d"),
                correction.text
            ),
            width,
        ));
    }
    let mut text = out.join("\n\n");
    text.push('\n');
    text.into_bytes()
}
