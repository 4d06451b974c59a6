//! Plain text pasted into the body. A web page or a word processor gives its paragraphs one a
//! line; in Markdown those lines would run together into one paragraph, so each becomes a
//! paragraph of its own, as a publishing system's editor makes each pasted line a paragraph.
//! Lines of one Markdown block (a list's items, a quote's lines, a table's rows, code) stay
//! together, so do the lines of a hard-wrapped sentence, and text with blank lines between its
//! paragraphs is left as it is.

use super::continuation::continuation;
use std::borrow::Cow;

/// `text` as the body takes it when pasted: its lines as paragraphs, unless it has paragraphs
/// already; the lines of a Markdown block stay together. Line ends are made `\n`.
pub fn pasted_paragraphs(text: &str) -> Cow<'_, str> {
    let text = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    let lines = text.trim_matches('\n');
    if !lines.contains('\n') || lines.lines().any(|line| line.trim().is_empty()) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let (mut previous, mut in_fence, mut parted) = (None, false, false);
    for line in text.split('\n') {
        let kind = Kind::of(line, &mut in_fence);
        if let Some((before, last_line)) = previous {
            let together = before == Kind::Blank
                || kind == Kind::Blank
                || (before == kind && kind != Kind::Paragraph)
                || (before == Kind::Paragraph
                    && kind == Kind::Paragraph
                    && wrapped(last_line, line));
            out.push_str(if together { "\n" } else { "\n\n" });
            parted |= !together;
        }
        out.push_str(line);
        previous = Some((kind, line));
    }
    if !parted {
        return text;
    }
    // A paste that ended its last line ends its last paragraph: what is typed next is another;
    // one that begins with a line end begins a paragraph.
    if out.ends_with('\n') && !out.ends_with("\n\n") {
        out.push('\n');
    }
    if out.starts_with('\n') && !out.starts_with("\n\n") {
        out.insert(0, '\n');
    }
    Cow::Owned(out)
}

/// Whether `next` goes on the sentence of `line`, as the lines of hard-wrapped text (an email's,
/// a plain-text wire's) do: `line` ends without a sentence's or a heading's last mark and
/// `next` begins in lower case.
fn wrapped(line: &str, next: &str) -> bool {
    let ends_sentence = line
        .trim_end()
        .ends_with(['.', '!', '?', ':', ';', '"', '\'', '”', '’', ')', '…']);
    !ends_sentence
        && next
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}

/// What a pasted line is, as far as keeping it with the line before goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Nothing (the paste's first or last line end).
    Blank,
    /// A line of fenced code, or a fence.
    Fence,
    /// A list item.
    Item,
    /// A line of a quote.
    Quote,
    /// A table row.
    Table,
    /// Indented code.
    Code,
    /// Anything else: a paragraph of its own (a heading or a rule too).
    Paragraph,
}

impl Kind {
    /// The kind of `line`; `in_fence` says whether a code fence is open, and is kept up to date.
    fn of(line: &str, in_fence: &mut bool) -> Kind {
        let rest = line.trim_start();
        let fence = rest.starts_with("```") || rest.starts_with("~~~");
        if fence || *in_fence {
            *in_fence ^= fence;
            return Kind::Fence;
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        if line.trim().is_empty() {
            Kind::Blank
        } else if indent >= 4 || line.starts_with('\t') {
            Kind::Code
        } else if rest.starts_with('>') {
            Kind::Quote
        } else if rest.starts_with('|') {
            Kind::Table
        } else if continuation(line).is_some() {
            Kind::Item
        } else {
            Kind::Paragraph
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_paragraphs() {
        assert_eq!(
            pasted_paragraphs("First line.\nSecond line.\nThird."),
            "First line.\n\nSecond line.\n\nThird."
        );
        assert_eq!(pasted_paragraphs("One.\r\nTwo.\r\n"), "One.\n\nTwo.\n\n");
        assert_eq!(pasted_paragraphs("\nOne.\nTwo."), "\n\nOne.\n\nTwo.");
    }

    #[test]
    fn hard_wrapped_lines_stay_in_their_paragraph() {
        assert_eq!(
            pasted_paragraphs(
                "A long sentence that\nwraps at seventy-two columns\nin an email.\nA new one."
            ),
            "A long sentence that\nwraps at seventy-two columns\nin an email.\n\nA new one."
        );
        // A heading-like line without a last mark, then a capital: two paragraphs.
        assert_eq!(
            pasted_paragraphs("Recommended For You\nLoading, please wait"),
            "Recommended For You\n\nLoading, please wait"
        );
    }

    #[test]
    fn paragraphs_blocks_and_single_lines_stay_as_they_are() {
        for kept in [
            "One line only",
            "One line and its end\n",
            "Already.\n\nParagraphs.\nWith a soft break.",
            "A blank line\n   \nof spaces",
            "- one\n- two",
            "1. one\n2. two",
            "> a quote\n> goes on",
            "```\ncode\nmore code\n```",
            "| a | b |\n|---|---|",
            "    indented code\n    goes on",
            "\n\n- one\n- two",
        ] {
            assert_eq!(pasted_paragraphs(kept), kept, "{kept:?}");
        }
    }

    #[test]
    fn a_block_among_lines_keeps_its_lines_and_is_parted_from_the_rest() {
        assert_eq!(
            pasted_paragraphs("Intro.\n- one\n- two\nAfter the list.\n# A heading\nText."),
            "Intro.\n\n- one\n- two\n\nAfter the list.\n\n# A heading\n\nText."
        );
        assert_eq!(
            pasted_paragraphs("Text.\n```\nlet a = 1;\n\nlet b = 2;\n```\nMore."),
            "Text.\n```\nlet a = 1;\n\nlet b = 2;\n```\nMore.",
            "a blank line anywhere leaves the paste as it is"
        );
        assert_eq!(
            pasted_paragraphs("Text.\n```\nlet a = 1;\nlet b = 2;\n```\nMore."),
            "Text.\n\n```\nlet a = 1;\nlet b = 2;\n```\n\nMore."
        );
    }
}
