//! The body's block model rendered as HTML. Every piece of text is escaped; links keep only
//! safe schemes; raw HTML in the body is shown as text, never passed through.

use crate::markdown::{Block, Inline, SpanStyle};
use std::fmt::Write;

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if forbidden_in_html(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Code points HTML forbids in a document: controls other than tab, newline and return, and
/// Unicode noncharacters.
pub fn forbidden_in_html(c: char) -> bool {
    let code = c as u32;
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || (0xFDD0..=0xFDEF).contains(&code)
        || code & 0xFFFE == 0xFFFE
}

/// A link target that is safe to put in `href` or `src`: web, mail and phone addresses and
/// site-relative paths. Anything else (`javascript:`, `data:`) gives `None`.
pub fn safe_url(url: &str) -> Option<&str> {
    let trimmed = url.trim();
    let lower = trimmed.to_ascii_lowercase();
    let scheme_end = lower.find(':');
    let path_start = lower.find(['/', '?', '#']).unwrap_or(lower.len());
    let relative = scheme_end.is_none_or(|colon| colon > path_start) && !trimmed.starts_with("//");
    let allowed = ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|s| lower.starts_with(s))
        || relative;
    (allowed
        && !trimmed.is_empty()
        && !trimmed.chars().any(|c| c.is_whitespace() || c.is_control()))
    .then_some(trimmed)
}

/// Percent-encodes what may not stand in a URL as written (`\`, quotes, non-ASCII), leaving
/// existing `%XX` escapes and the URL's own punctuation alone, as CommonMark renderers do.
pub fn encode_url(url: &str) -> String {
    const KEPT: &str = "-._~:/?#[]@!$&'()*+,;=%";
    let mut out = String::with_capacity(url.len());
    for byte in url.bytes() {
        if byte.is_ascii_alphanumeric() || KEPT.as_bytes().contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Where a picture of the body points in an export: a bundle asset (`asset:<name>` or a bare
/// asset name) goes to `media/<name>`.
pub fn image_href(url: &str) -> String {
    let name = url.strip_prefix("asset:").unwrap_or(url);
    if crate::model::AssetName::parse(name).is_ok() {
        format!("media/{name}")
    } else {
        url.to_owned()
    }
}

/// Renders blocks as HTML; headings are shifted one level down so the page's title stays the
/// only `h1`.
pub fn render(blocks: &[Block]) -> String {
    render_with_shift(blocks, 1)
}

/// Renders blocks as HTML with headings shifted down by `shift` levels (0 in the CommonMark
/// conformance test).
pub fn render_with_shift(blocks: &[Block], shift: u8) -> String {
    let mut out = String::new();
    for block in blocks {
        block_html(block, shift, &mut out);
    }
    out
}

fn block_html(block: &Block, shift: u8, out: &mut String) {
    match block {
        Block::Heading { level, inlines } => {
            let level = (level + shift).min(6);
            let _ = writeln!(out, "<h{level}>{}</h{level}>", inlines_html(inlines));
        }
        Block::Paragraph(inlines) => {
            let _ = writeln!(out, "<p>{}</p>", inlines_html(inlines));
        }
        Block::Quote(blocks) => {
            out.push_str("<blockquote>\n");
            for block in blocks {
                block_html(block, shift, out);
            }
            out.push_str("</blockquote>\n");
        }
        Block::List { start, items } => {
            match start {
                Some(1) => out.push_str("<ol>\n"),
                Some(n) => {
                    let _ = writeln!(out, "<ol start=\"{n}\">");
                }
                None => out.push_str("<ul>\n"),
            }
            for item in items {
                out.push_str("<li>");
                match item.as_slice() {
                    [Block::Paragraph(inlines)] => out.push_str(&inlines_html(inlines)),
                    blocks => {
                        out.push('\n');
                        for block in blocks {
                            block_html(block, shift, out);
                        }
                    }
                }
                out.push_str("</li>\n");
            }
            out.push_str(if start.is_some() {
                "</ol>\n"
            } else {
                "</ul>\n"
            });
        }
        Block::Code { info, text } => {
            let language: String = info
                .split_whitespace()
                .next()
                .unwrap_or("")
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            if language.is_empty() {
                let _ = writeln!(out, "<pre><code>{}</code></pre>", escape(text));
            } else {
                let _ = writeln!(
                    out,
                    "<pre><code class=\"language-{language}\">{}</code></pre>",
                    escape(text)
                );
            }
        }
        Block::Rule => out.push_str("<hr>\n"),
        Block::Html(raw) => {
            let _ = writeln!(out, "<p class=\"raw\">{}</p>", escape(raw.trim_end()));
        }
    }
}

/// Renders inlines as HTML.
pub fn inlines_html(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text { text, style } => styled(&escape(text), style, &mut out),
            Inline::LineBreak => out.push_str("<br>\n"),
            Inline::Image { url, alt, title } => {
                let href = image_href(url);
                match safe_url(&href) {
                    Some(src) => {
                        let title = title
                            .as_deref()
                            .map(|t| format!(" title=\"{}\"", escape(t)))
                            .unwrap_or_default();
                        let src = escape(&encode_url(src));
                        let _ = write!(out, "<img src=\"{src}\" alt=\"{}\"{title}>", escape(alt));
                    }
                    None => out.push_str(&escape(alt)),
                }
            }
        }
    }
    out
}

fn styled(text: &str, style: &SpanStyle, out: &mut String) {
    let mut open = String::new();
    let mut close = Vec::new();
    if let Some(href) = style.link.as_deref().and_then(safe_url) {
        let title = style
            .link_title
            .as_deref()
            .map(|t| format!(" title=\"{}\"", escape(t)))
            .unwrap_or_default();
        let _ = write!(open, "<a href=\"{}\"{title}>", escape(&encode_url(href)));
        close.push("</a>");
    }
    for (on, tag) in [
        (style.bold, "strong"),
        (style.italic, "em"),
        (style.strike, "s"),
        (style.code, "code"),
    ] {
        if on {
            let _ = write!(open, "<{tag}>");
            close.push(match tag {
                "strong" => "</strong>",
                "em" => "</em>",
                "s" => "</s>",
                _ => "</code>",
            });
        }
    }
    out.push_str(&open);
    out.push_str(text);
    for tag in close.iter().rev() {
        out.push_str(tag);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_markup_stay_text() {
        let html = render(&crate::markdown::parse(
            "<script>alert(1)</script>\n\n[x](javascript:alert(1)) **<b>bold</b>**",
        ));
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("&lt;b&gt;bold&lt;/b&gt;"), "{html}");
    }

    #[test]
    fn headings_links_lists_and_code_render() {
        let html = render(&crate::markdown::parse(
            "# Title\n\nSee [the site](https://example.com/a?b=1&c=2).\n\n3. three\n4. four\n\n```rust\nfn main() {}\n```",
        ));
        assert!(html.contains("<h2>Title</h2>"));
        assert!(html.contains("<a href=\"https://example.com/a?b=1&amp;c=2\">the site</a>"));
        assert!(html.contains("<ol start=\"3\">"));
        assert!(html.contains("<code class=\"language-rust\">fn main() {}\n</code>"));
    }
}
