//! The links rule: every link in the body has an address a browser can follow.

use super::checklist::CheckContext;
use super::{Field, Finding, Severity};
use crate::model::Article;

/// Every link of the body has an address a reader's browser can follow.
pub(super) fn links_wellformed(
    a: &Article,
    _: &CheckContext,
    level: Severity,
    out: &mut Vec<Finding>,
) {
    for link in crate::markdown::links(&a.body) {
        if let Some((problem, fix)) = link_problem(&link.url) {
            let message = format!("Link \"{}\": {problem}", link.url);
            let finding = Finding::new("links.wellformed", level, Field::Body, message)
                .at(link.url_span.clone());
            out.push(match fix {
                Some(fix) => finding.fix(fix),
                None => finding,
            });
        }
    }
}

/// What is wrong with a link target, and a fixed target when one is obvious.
fn link_problem(url: &str) -> Option<(&'static str, Option<String>)> {
    if url.trim().is_empty() {
        return Some(("the address is empty", None));
    }
    if url.chars().any(char::is_whitespace) {
        return Some((
            "the address contains a space",
            Some(url.split_whitespace().collect()),
        ));
    }
    if let Some(rest) = url.strip_prefix("www.") {
        return Some((
            "the address has no https://",
            Some(format!("https://www.{rest}")),
        ));
    }
    for broken in ["http//", "https//", "http:/", "https:/"] {
        if let Some(rest) = url.strip_prefix(broken)
            && !rest.starts_with('/')
        {
            let scheme = broken.trim_end_matches(['/', ':']);
            return Some((
                "the scheme is malformed",
                Some(format!("{scheme}://{rest}")),
            ));
        }
    }
    if let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        if host.is_empty() || !host.contains('.') && !host.starts_with("localhost") {
            return Some(("the address has no valid host", None));
        }
        return None;
    }
    let relative = url.starts_with('/') || url.starts_with('#') || url.starts_with("./");
    let known_scheme = ["mailto:", "tel:", "asset:", "ftp://"]
        .iter()
        .any(|s| url.starts_with(s));
    if relative || known_scheme {
        None
    } else {
        Some((
            "the address is neither absolute (https://…) nor site-relative (/…)",
            None,
        ))
    }
}
