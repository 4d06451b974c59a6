//! The body's shape: a paragraph that its indent turns into code on the page.

use super::checklist::CheckContext;
use super::{Field, Finding, Severity};
use crate::model::Article;

/// A paragraph indented four spaces or a tab (pasted copy often is) is shown as code on the page
/// and in every export, and proofreading skips it; the fix takes the indent off its lines.
pub(super) fn indented_code(
    a: &Article,
    _: &CheckContext,
    level: Severity,
    out: &mut Vec<Finding>,
) {
    for span in crate::markdown::indented_code(&a.body) {
        let Some(block) = a.body.get(span.clone()) else {
            continue;
        };
        let unindented: Vec<&str> = block.lines().map(str::trim_start).collect();
        let message = "This paragraph is indented, so the page shows it as code (and proofreading \
                       skips it)"
            .to_owned();
        let finding = Finding::new("body.indented_code", level, Field::Body, message).at(span);
        out.push(finding.fix(unindented.join("\n")));
    }
}
