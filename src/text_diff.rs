//! Where two versions of a text differ (their common prefix and suffix, found a 64-byte block at
//! a time) and where its paragraphs end: editors use them to redo only the work around an edit.
//! Also where a character offset falls in bytes, as text boxes count in characters.

/// The byte offset of character `chars` of `text`; the text's length when it has no more.
pub fn byte_at_char(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(at, _)| at)
}

/// The length of the common prefix of `a` and `b`, in bytes, on a character boundary of both.
pub fn common_prefix(a: &str, b: &str) -> usize {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let mut at = x
        .chunks(64)
        .zip(y.chunks(64))
        .take_while(|(p, q)| p == q)
        .map(|(p, _)| p.len())
        .sum::<usize>();
    while at < x.len().min(y.len()) && x[at] == y[at] {
        at += 1;
    }
    while !(a.is_char_boundary(at) && b.is_char_boundary(at)) {
        at -= 1;
    }
    at
}

/// The length of the common suffix of `a` and `b` that does not overlap their first `skip`
/// bytes, on a character boundary of both.
pub fn common_suffix(a: &str, b: &str, skip: usize) -> usize {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let limit = x.len().min(y.len()) - skip;
    let mut at = x
        .rchunks(64)
        .zip(y.rchunks(64))
        .take_while(|(p, q)| p == q)
        .map(|(p, _)| p.len())
        .sum::<usize>()
        .min(limit);
    while at < limit && x[x.len() - at - 1] == y[y.len() - at - 1] {
        at += 1;
    }
    while !(a.is_char_boundary(x.len() - at) && b.is_char_boundary(y.len() - at)) {
        at -= 1;
    }
    at
}

/// The byte ends of the paragraphs of `text`, each with the blank lines after it: a paragraph
/// ends after a run of two or more newlines, and the last one at the end of the text (an empty
/// text is one empty paragraph).
pub fn paragraph_ends(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut ends = Vec::new();
    let mut at = 0;
    while let Some(found) = memchr_pair(&bytes[at..]) {
        let mut end = at + found + 2;
        while bytes.get(end) == Some(&b'\n') {
            end += 1;
        }
        if end < bytes.len() {
            ends.push(end);
        }
        at = end;
    }
    ends.push(bytes.len());
    ends
}

/// Where `\n\n` first occurs in `bytes`.
fn memchr_pair(bytes: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes, b"\n\n")
}

/// Applies `steps` pseudo-random edits to `text` (every third deletes up to five characters, the
/// others insert one of `inserts`), calling `check` after each: the tests of the incremental
/// editor, parser and counts compare themselves with a fresh computation this way.
#[cfg(test)]
pub fn random_edits(
    text: &mut String,
    seed: u64,
    inserts: &[&str],
    steps: usize,
    mut check: impl FnMut(usize, &str),
) {
    let mut seed = seed;
    for step in 0..steps {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let r = (seed >> 33) as usize;
        let mut at = r % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        if step % 3 == 0 && at < text.len() {
            let mut end = (at + 1 + r % 5).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(at..end, "");
        } else {
            text.insert_str(at, inserts[r % inserts.len()]);
        }
        check(step, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_and_suffix_stop_on_character_boundaries() {
        assert_eq!(common_prefix("Kyiv’s", "Kyiv‘s"), 4);
        assert_eq!(common_suffix("Kyiv’s", "Kyiv‘s", 4), 1);
        assert_eq!(common_suffix("aaa", "aaaa", 3), 0);
        let long = "x".repeat(200);
        assert_eq!(common_prefix(&long, &format!("{long}y")), 200);
        assert_eq!(common_suffix(&format!("y{long}"), &long, 0), 200);
    }
}
