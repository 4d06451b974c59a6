//! A standalone, accessible HTML page that looks like the live preview, with OpenGraph and
//! Twitter card tags and schema.org JSON-LD.

use super::html_body::escape;
use super::{ExportContext, iso, jsonld};
use std::fmt::Write;

/// The stylesheet of the page, shared with the look of the live preview.
pub const ARTICLE_CSS: &str = include_str!("../../assets/article.css");

/// Languages written right to left.
const RTL_LANGUAGES: [&str; 8] = ["ar", "he", "fa", "ur", "yi", "ps", "dv", "ckb"];

/// The `dir` of a language tag.
pub fn direction(language: &str) -> &'static str {
    let primary = language
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if RTL_LANGUAGES.contains(&primary.as_str()) {
        "rtl"
    } else {
        "ltr"
    }
}

fn meta(out: &mut String, attribute: &str, name: &str, content: &str) {
    if !content.is_empty() {
        let _ = writeln!(
            out,
            "<meta {attribute}=\"{name}\" content=\"{}\">",
            escape(content)
        );
    }
}

/// The page.
pub fn export(context: &ExportContext) -> Vec<u8> {
    let article = context.article;
    let (title, social) = (article.search_title(), article.card_title());
    let language = if article.language.is_empty() {
        "und"
    } else {
        article.language.as_str()
    };
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n");
    let _ = writeln!(
        out,
        "<html lang=\"{}\" dir=\"{}\">",
        escape(language),
        direction(language)
    );
    out.push_str("<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<title>{}</title>",
        escape(if title.trim().is_empty() {
            "Untitled"
        } else {
            title
        })
    );
    meta(&mut out, "name", "description", &article.standfirst);
    if let Some(url) = context.url() {
        let _ = writeln!(out, "<link rel=\"canonical\" href=\"{}\">", escape(&url));
        meta(&mut out, "property", "og:url", &url);
    }
    meta(&mut out, "property", "og:type", "article");
    meta(&mut out, "property", "og:title", social);
    meta(&mut out, "property", "og:description", &article.standfirst);
    meta(
        &mut out,
        "property",
        "og:locale",
        &language.replace('-', "_"),
    );
    meta(
        &mut out,
        "property",
        "article:published_time",
        &iso(context.published()),
    );
    meta(
        &mut out,
        "property",
        "article:modified_time",
        &iso(article.updated),
    );
    meta(&mut out, "property", "article:section", &article.section);
    for tag in &article.tags {
        meta(&mut out, "property", "article:tag", tag);
    }
    let image = context.image_urls().into_iter().next();
    if let Some(image) = &image {
        meta(&mut out, "property", "og:image", image);
        meta(&mut out, "name", "twitter:image", image);
    }
    meta(
        &mut out,
        "name",
        "twitter:card",
        if image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        },
    );
    meta(&mut out, "name", "twitter:title", social);
    meta(&mut out, "name", "twitter:description", &article.standfirst);
    let _ = writeln!(out, "<style>\n{ARTICLE_CSS}</style>");
    let _ = writeln!(
        out,
        "<script type=\"application/ld+json\">\n{}\n</script>",
        jsonld::for_script(&jsonld::news_article(context))
    );
    out.push_str("</head>\n<body>\n<main>\n<article>\n");
    page_body(context, &mut out);
    out.push_str("</article>\n</main>\n</body>\n</html>\n");
    out.into_bytes()
}

fn page_body(context: &ExportContext, out: &mut String) {
    let article = context.article;
    let section = article.page_section();
    let _ = writeln!(
        out,
        "<nav class=\"breadcrumb\" aria-label=\"Breadcrumb\"><ol><li>Home</li><li>{}</li><li aria-current=\"page\">{}</li></ol></nav>",
        escape(section),
        escape(&article.headline)
    );
    let _ = writeln!(out, "<h1>{}</h1>", escape(&article.headline));
    if !article.standfirst.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"standfirst\">{}</p>",
            escape(&article.standfirst)
        );
    }
    let _ = writeln!(
        out,
        "<p class=\"meta\">Last update: <time datetime=\"{}\">{}</time>{}</p>",
        iso(article.updated),
        article.updated.format("%-d %B %Y"),
        crate::model::stats::reading_note(context.reading_minutes())
    );
    if article.credited_bylines().next().is_some() {
        let names: Vec<String> = article
            .credited_bylines()
            .map(|b| match b.role.as_str() {
                "" => format!("<span class=\"author\">{}</span>", escape(&b.name)),
                role => format!(
                    "<span class=\"author\">{}</span> ({})",
                    escape(&b.name),
                    escape(role)
                ),
            })
            .collect();
        let _ = writeln!(out, "<p class=\"byline\">By {}</p>", names.join(", "));
    }
    if let Some(image) = &article.hero_image {
        out.push_str("<figure class=\"hero\">\n");
        let src = format!("media/{}", image.asset.as_str());
        let alt = if image.decorative {
            ""
        } else {
            image.alt.as_str()
        };
        let size = if image.width > 0 {
            format!(" width=\"{}\" height=\"{}\"", image.width, image.height)
        } else {
            String::new()
        };
        let srcset = context
            .srcset(image.asset.as_str())
            .map(|set| {
                format!(
                    " srcset=\"{}\" sizes=\"(max-width: 680px) 100vw, 680px\"",
                    escape(&set)
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<img src=\"{}\"{srcset}{size} alt=\"{}\">",
            escape(&src),
            escape(alt)
        );
        if !image.caption.is_empty() || !image.credit.is_empty() {
            let credit = if image.credit.is_empty() {
                String::new()
            } else {
                format!(" <span class=\"credit\">{}</span>", escape(&image.credit))
            };
            let _ = writeln!(
                out,
                "<figcaption>{}{credit}</figcaption>",
                escape(&image.caption)
            );
        }
        out.push_str("</figure>\n");
    }
    if !article.dateline.place.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"dateline\">{}</p>",
            escape(&article.dateline.place.to_uppercase())
        );
    }
    out.push_str("<div class=\"body\">\n");
    out.push_str(&context.body_html());
    out.push_str("</div>\n");
    if article.written_corrections().next().is_some() {
        out.push_str("<section class=\"corrections\" aria-labelledby=\"corrections\">\n<h2 id=\"corrections\">Corrections</h2>\n");
        for correction in article.written_corrections() {
            let kind = correction.kind.label();
            let _ = writeln!(
                out,
                "<p><strong>{kind}, <time datetime=\"{}\">{}</time>:</strong> {}</p>",
                iso(correction.date),
                correction.date.format("%-d %B %Y"),
                escape(&correction.text)
            );
        }
        out.push_str("</section>\n");
    }
    if article.credited_bylines().next().is_some() {
        let _ = writeln!(
            out,
            "<p class=\"author-line\">Author: {}</p>",
            escape(&context.by_line())
        );
    }
}
