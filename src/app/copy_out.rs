//! "Copy article as": the open article on the clipboard as Markdown, plain text or its body's
//! HTML, for pasting into a web CMS or an email; the same text the export writes.

use super::AppState;
use crate::export::{ExportContext, Format};
use crate::model::plural::counted;

/// What "Copy article as" puts on the clipboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyFormat {
    /// Markdown with front matter, as the Markdown export.
    Markdown,
    /// Plain text, wire style, as the plain-text export.
    Text,
    /// The body alone as HTML, for a CMS's HTML box.
    BodyHtml,
}

impl CopyFormat {
    /// Every format, in menu order.
    pub const ALL: [CopyFormat; 3] = [CopyFormat::Markdown, CopyFormat::Text, CopyFormat::BodyHtml];

    /// The format's name in menus and messages.
    pub fn label(self) -> &'static str {
        match self {
            CopyFormat::Markdown => "Markdown",
            CopyFormat::Text => "plain text",
            CopyFormat::BodyHtml => "HTML (the body)",
        }
    }
}

impl AppState {
    /// Puts the open article, as the editor has it, on the clipboard in `format` (taken by the
    /// window at the end of the frame). The message names the Required checks it fails, since a
    /// paste elsewhere may publish it.
    pub(super) fn copy_article_as(&mut self, format: CopyFormat) {
        let (Some(draft), Some(bundle)) = (&self.draft, &self.bundle) else {
            self.warn("No article is open.");
            return;
        };
        let context = ExportContext::new(draft, bundle.project(), None);
        let text = match format {
            CopyFormat::Markdown => {
                String::from_utf8_lossy(&context.export(Format::Markdown)).into_owned()
            }
            CopyFormat::Text => String::from_utf8_lossy(&context.export(Format::Text)).into_owned(),
            CopyFormat::BodyHtml => context.body_html(),
        };
        let copied = format!(
            "Copied the article as {} ({})",
            format.label(),
            counted(text.chars().count(), "character")
        );
        self.to_clipboard = Some(text);
        let failing = self.review.findings.iter().filter(|f| f.blocks()).count();
        if failing == 0 {
            self.tell(copied);
        } else {
            let checks = counted(failing, "Required check");
            self.warn(format!("{copied}. It fails {checks}: see Review"));
        }
    }
}
