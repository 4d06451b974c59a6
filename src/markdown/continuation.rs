//! What Enter and Tab do in a list item or a quote, as Markdown editors do: the next line starts
//! with the same marker (the next number in an ordered list), Enter on an item left empty ends
//! the list, and Tab nests an item under the one above (Shift+Tab brings it back).

/// What Enter does after the text of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Continuation {
    /// Break the line and start the next item with this marker ("- ", "2. ", "> ", "- [ ] ").
    Next(String),
    /// The line is an empty item: take its marker off, which ends the list or quote.
    End,
}

/// What Enter does after `line`, the text of a line up to the cursor; none for a line that is
/// not a list item or a quote (Enter then just breaks the line).
pub fn continuation(line: &str) -> Option<Continuation> {
    if is_thematic_break(line) {
        return None;
    }
    let indent = &line[..line.len() - line.trim_start_matches(' ').len()];
    let rest = &line[indent.len()..];
    let (marker, content) = if let Some(content) = rest.strip_prefix("> ") {
        ("> ".to_owned(), content)
    } else if rest == ">" {
        ("> ".to_owned(), "")
    } else if let Some((bullet, content)) = bullet(rest) {
        (bullet, content)
    } else {
        let (next, content) = numbered(rest)?;
        (next, content)
    };
    if content.trim().is_empty() {
        return Some(Continuation::End);
    }
    // A task item's next item is a task too, not yet done.
    let task = ["[ ] ", "[x] ", "[X] "]
        .iter()
        .any(|box_| content.starts_with(box_));
    let task = if task { "[ ] " } else { "" };
    Some(Continuation::Next(format!("{indent}{marker}{task}")))
}

/// How far Tab nests a list item's `line` (the width of its marker, where CommonMark expects a
/// nested item to start); none for a line that is not a list item.
pub fn nesting(line: &str) -> Option<usize> {
    if is_thematic_break(line) {
        return None;
    }
    let rest = line.trim_start_matches(' ');
    let marker = |content: &str| rest.len() - content.len();
    bullet(rest)
        .map(|(_, content)| marker(content))
        .or_else(|| numbered(rest).map(|(_, content)| marker(content)))
}

/// A bullet item's marker and its content.
fn bullet(rest: &str) -> Option<(String, &str)> {
    let mut chars = rest.chars();
    let mark = chars.next().filter(|c| matches!(c, '-' | '*' | '+'))?;
    let content = chars.as_str().strip_prefix(' ')?;
    Some((format!("{mark} "), content))
}

/// An ordered item's next marker ("3." after "2.") and its content.
fn numbered(rest: &str) -> Option<(String, &str)> {
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    // CommonMark's ordered markers have one to nine digits.
    if !(1..=9).contains(&digits) {
        return None;
    }
    let number: u64 = rest[..digits].parse().ok()?;
    let delimiter = rest[digits..]
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | ')'))?;
    let content = rest[digits + 1..].strip_prefix(' ')?;
    Some((format!("{}{delimiter} ", number + 1), content))
}

/// Whether the line is a thematic break ("* * *", "- - -"), which looks like an item.
pub(crate) fn is_thematic_break(line: &str) -> bool {
    let marks: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3 && ['-', '*', '_'].iter().any(|m| marks.iter().all(|c| c == m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn next(marker: &str) -> Option<Continuation> {
        Some(Continuation::Next(marker.to_owned()))
    }

    #[test]
    fn tab_nests_an_item_by_its_marker_s_width() {
        assert_eq!(nesting("- Parking"), Some(2));
        assert_eq!(nesting("  - nested"), Some(2));
        assert_eq!(nesting("10. Tenth"), Some(4));
        assert_eq!(nesting("- "), Some(2));
        assert_eq!(nesting("A paragraph"), None);
        assert_eq!(nesting("> A quote"), None);
        assert_eq!(nesting("* * *"), None);
    }

    #[test]
    fn items_and_quotes_continue_and_an_empty_one_ends() {
        let table = [
            ("- Parking goes", next("- ")),
            ("* Parking goes", next("* ")),
            ("+ Parking goes", next("+ ")),
            ("  - nested", next("  - ")),
            ("1. First", next("2. ")),
            ("9) Ninth", next("10) ")),
            ("> A quote", next("> ")),
            ("- [x] Done", next("- [ ] ")),
            ("- ", Some(Continuation::End)),
            ("3. ", Some(Continuation::End)),
            (">", Some(Continuation::End)),
            ("> ", Some(Continuation::End)),
            ("A paragraph", None),
            ("", None),
            ("**Bold** start", None),
            ("-dash", None),
            ("* * *", None),
            ("- - -", None),
            ("1234567890. Too long a number", None),
            ("2026 was a year", None),
        ];
        for (line, expected) in table {
            assert_eq!(continuation(line), expected, "{line:?}");
        }
    }
}
