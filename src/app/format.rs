//! The body's format commands: bold, italic and a link around the selection, and the heading,
//! quote and list marks on the lines it touches. Markdown's emphasis cannot cross a line, so a
//! selection over several paragraphs is made bold (or italic) a paragraph at a time.

use super::AppState;
use super::command::Markup;

impl AppState {
    /// Wraps the body's selection in Markdown, or marks the lines it touches. With no cursor in
    /// the body yet, it says where to put one rather than writing at the body's end.
    pub(super) fn format_body(&mut self, markup: Markup) {
        let Some((start, end)) = self.body_selection else {
            self.tell("Click in the body first: formatting applies where its cursor is");
            return;
        };
        let Some(draft) = &mut self.draft else { return };
        let chars: Vec<char> = draft.body.chars().collect();
        let (start, end) = (
            start.min(end).min(chars.len()),
            end.max(start).min(chars.len()),
        );
        let selected: String = chars[start..end].iter().collect();
        let before: String = chars[..start].iter().collect();
        let after: String = chars[end..].iter().collect();
        let marker = match markup {
            Markup::Bold => Some("**"),
            Markup::Italic => Some("*"),
            _ => None,
        };
        if start == end
            && let Some(marker) = marker
            && let Some((body, at)) = close_marker(&before, &after, marker)
        {
            draft.body = body;
            self.pending_body_cursor = Some((at, at));
            self.commit_draft(None);
            return;
        }
        let (replacement, cursor) = match (markup, marker) {
            (_, Some(marker)) => wrap_lines(&selected, marker),
            (Markup::Link, _) if selected.contains('\n') => {
                self.tell("A link is made within one paragraph: select its words there");
                return;
            }
            (Markup::Link, _) => wrap(&selected, "[", "](https://)"),
            _ => {
                let prefix = match markup {
                    Markup::Heading => "## ",
                    Markup::Quote => "> ",
                    _ => "- ",
                };
                let line_start = before.rfind('\n').map_or(0, |i| i + 1);
                let head = &before[..line_start];
                let marked = mark_lines(&format!("{}{selected}", &before[line_start..]), prefix);
                let new_end = head.chars().count() + marked.chars().count();
                draft.body = format!("{head}{marked}{after}");
                self.pending_body_cursor = Some((new_end, new_end));
                self.commit_draft(None);
                return;
            }
        };
        draft.body = format!("{before}{replacement}{after}");
        self.pending_body_cursor = Some((start + cursor.0, start + cursor.1));
        self.commit_draft(None);
    }
}

/// Ctrl+B (or Ctrl+I) with nothing selected where `marker` is already open: with nothing typed
/// since, the empty pair goes away; at its closing marker, the cursor steps out past it. The
/// new body and cursor (in characters), or none when the cursor is not inside the markup.
fn close_marker(before: &str, after: &str, marker: &str) -> Option<(String, usize)> {
    let line = &before[before.rfind('\n').map_or(0, |at| at + 1)..];
    // Whether the line before the cursor leaves `marker` open: bold counts "**"; italic counts
    // the lone "*" that are not part of a bold marker.
    let open = if marker == "**" {
        line.matches("**").count() % 2 == 1
    } else {
        line.replace("**", "").matches('*').count() % 2 == 1
    };
    let closes = after.starts_with(marker) && !(marker == "*" && after.starts_with("**"));
    if !(open && closes) {
        return None;
    }
    let at = before.chars().count();
    if let Some(head) = before.strip_suffix(marker) {
        let cursor = head.chars().count();
        return Some((format!("{head}{}", &after[marker.len()..]), cursor));
    }
    Some((format!("{before}{after}"), at + marker.chars().count()))
}

/// `text` between `open` and `close`, and the selection to leave (the text, inside the markers).
fn wrap(text: &str, open: &str, close: &str) -> (String, (usize, usize)) {
    let start = open.chars().count();
    (
        format!("{open}{text}{close}"),
        (start, start + text.chars().count()),
    )
}

/// Each line of `text` with words on it between a pair of `marker`s, the spaces around its words
/// and the blank lines left outside (Markdown reads "** word**" as no emphasis at all); and the
/// selection to leave: from the first line's words to the last line's, inside the markers.
fn wrap_lines(text: &str, marker: &str) -> (String, (usize, usize)) {
    let mut out = String::with_capacity(text.len() + 8);
    let mut selection: Option<(usize, usize)> = None;
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let words = line.trim();
        if words.is_empty() {
            out.push_str(line);
            continue;
        }
        let lead = &line[..line.len() - line.trim_start().len()];
        out.push_str(lead);
        out.push_str(marker);
        let from = out.chars().count();
        out.push_str(words);
        let to = out.chars().count();
        out.push_str(marker);
        out.push_str(&line[lead.len() + words.len()..]);
        selection = Some((selection.map_or(from, |(first, _)| first), to));
    }
    match selection {
        Some(selection) => (out, selection),
        // Nothing but spaces selected (or nothing): the pair opens where the cursor is, to type
        // inside.
        None => wrap(text, marker, marker),
    }
}

/// The lines of `text`, each with `prefix` (the blank ones left blank); or without it on every
/// line that has words when each of them has it already: pressed again, the mark comes off.
fn mark_lines(text: &str, prefix: &str) -> String {
    let worded = |line: &&str| !line.trim().is_empty();
    // On a blank line alone, the mark starts it: the heading or item is typed next.
    let blank = !text.split('\n').any(|l| worded(&l));
    let marked = !blank
        && text
            .split('\n')
            .filter(worded)
            .all(|l| l.starts_with(prefix));
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| match (worded(&line) || blank, marked) {
            (false, _) => line.to_owned(),
            (true, true) => line[prefix.len()..].to_owned(),
            (true, false) => format!("{prefix}{line}"),
        })
        .collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_over_paragraphs_is_made_a_paragraph_at_a_time() {
        let (text, selection) = wrap_lines("One two.\n\nThree four.\n", "**");
        assert_eq!(text, "**One two.**\n\n**Three four.**\n");
        assert_eq!(selection, (2, 27), "from \"One\" to \"four.\"");
        // The spaces around a selection stay outside the markers.
        assert_eq!(
            wrap_lines(" council ", "*"),
            (" *council* ".to_owned(), (2, 9))
        );
        // Nothing selected: an empty pair to type inside.
        assert_eq!(wrap_lines("", "**"), ("****".to_owned(), (2, 2)));
    }

    #[test]
    fn line_marks_leave_blank_lines_blank_and_come_off_again() {
        assert_eq!(mark_lines("One.\n\nTwo.", "> "), "> One.\n\n> Two.");
        assert_eq!(mark_lines("> One.\n\n> Two.", "> "), "One.\n\nTwo.");
        assert_eq!(mark_lines("", "## "), "## ");
    }
}
