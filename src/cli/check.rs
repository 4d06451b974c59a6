//! `copydesk check`: the checklist and proofreading from the command line.

use super::{EXIT_CHECK_FAILED, EXIT_OK, open_read_only, print};
use crate::bundle::BundleError;
use crate::review::{Severity, check_articles, resolve_articles};
use serde::Serialize;
use std::path::Path;

/// One finding as `check --json` prints it (the contract's fields, plus the slug and waiver).
#[derive(Debug, Serialize)]
pub struct CheckedFinding {
    /// Article id.
    pub article: String,
    /// Article slug.
    pub slug: String,
    /// Rule id.
    pub rule: &'static str,
    /// `required`, `recommended` or `info`.
    pub level: Severity,
    /// The field, in snake_case.
    pub field: &'static str,
    /// What is wrong.
    pub message: String,
    /// First character of the span in the field, when the finding points at text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    /// One past the last character of the span.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    /// The replacement for the span, when there is a fix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// Other likely replacements after `suggestion` (a misspelling's other repairs).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<String>,
    /// The editor's reason, when the finding was waived.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waived: Option<String>,
}

/// Runs `copydesk check`.
pub fn run(path: &Path, names: &[String], json: bool) -> Result<u8, BundleError> {
    let mut bundle = open_read_only(path)?;
    // Settings out of range are named (on stderr: the findings on stdout keep their shape).
    for problem in bundle.project().problems() {
        eprintln!("{}: {problem}", crate::bundle::format::MANIFEST_FILE);
    }
    let ids = resolve_articles(&bundle, names)?;
    let reviews = check_articles(&mut bundle, &ids, chrono::Utc::now(), true)?;
    let blocked = reviews.iter().any(|r| r.blocked());
    let findings: Vec<CheckedFinding> = reviews
        .iter()
        .flat_map(|review| {
            review.findings.iter().map(|finding| {
                let span = finding.char_span(&review.article);
                CheckedFinding {
                    article: review.article.id.to_string(),
                    slug: review.article.slug.clone(),
                    rule: finding.rule,
                    level: finding.level,
                    field: finding.field.as_str(),
                    message: finding.message.clone(),
                    start: span.as_ref().map(|s| s.start),
                    end: span.map(|s| s.end),
                    suggestion: finding.suggestion.clone(),
                    alternatives: finding.alternatives.clone(),
                    waived: finding.waived.clone(),
                }
            })
        })
        .collect();
    print(json, &findings, |f| {
        let at = f
            .start
            .map(|s| format!(" {s}..{}", f.end.unwrap_or(s)))
            .unwrap_or_default();
        let waived = f
            .waived
            .as_ref()
            .map(|r| format!(" (waived: {r})"))
            .unwrap_or_default();
        let level = match f.level {
            Severity::Required => "required",
            Severity::Recommended => "recommended",
            Severity::Info => "info",
        };
        format!(
            "{}\t{level}\t{}\t{}{at}\t{}{waived}",
            f.slug, f.rule, f.field, f.message
        )
    })?;
    if !json {
        let failing = reviews.iter().filter(|r| r.blocked()).count();
        eprintln!("{}", summary(findings.len(), reviews.len(), failing));
    }
    Ok(if blocked { EXIT_CHECK_FAILED } else { EXIT_OK })
}

/// The last line of a check: "24 findings in 7 articles; 1 article fails a Required rule".
fn summary(findings: usize, articles: usize, failing: usize) -> String {
    use crate::model::plural::counted;
    let verb = if failing == 1 { "fails" } else { "fail" };
    format!(
        "{} in {}; {} {verb} a Required rule",
        counted(findings, "finding"),
        counted(articles, "article"),
        counted(failing, "article")
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_summary_counts_in_words() {
        assert_eq!(
            super::summary(24, 7, 1),
            "24 findings in 7 articles; 1 article fails a Required rule"
        );
        assert_eq!(
            super::summary(1, 1, 0),
            "1 finding in 1 article; 0 articles fail a Required rule"
        );
    }
}
