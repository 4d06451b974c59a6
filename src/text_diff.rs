//! Where two versions of a text differ (their common prefix and suffix, found a block at a time)
//! and where its paragraphs end: editors use them to redo only the work around an edit.
//! Also where a character offset falls in bytes, as text boxes count in characters.

/// The byte offset of character `chars` of `text`; the text's length when it has no more.
pub fn byte_at_char(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(at, _)| at)
}

/// Block sizes the common prefix and suffix are narrowed by, largest first: one `memcmp` of a
/// 4 KB block settles most of a long text, and the 64-byte blocks then the one that differs.
const BLOCKS: [usize; 2] = [4096, 64];

/// The length of the common prefix of `a` and `b`, in bytes, on a character boundary of both.
pub fn common_prefix(a: &str, b: &str) -> usize {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let len = x.len().min(y.len());
    let mut at = 0;
    for block in BLOCKS {
        while at + block <= len && x[at..at + block] == y[at..at + block] {
            at += block;
        }
    }
    while at < len && x[at] == y[at] {
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
    // The last `n` bytes of `x` and `y` before a suffix of `at` bytes.
    let before = |at: usize, n: usize| {
        (
            &x[x.len() - at - n..x.len() - at],
            &y[y.len() - at - n..y.len() - at],
        )
    };
    let mut at = 0;
    for block in BLOCKS {
        while at + block <= limit && {
            let (p, q) = before(at, block);
            p == q
        } {
            at += block;
        }
    }
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

    /// The common prefix and suffix a byte at a time, the plain way.
    fn plain(a: &str, b: &str) -> (usize, usize) {
        let prefix = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
        let mut prefix = prefix;
        while !(a.is_char_boundary(prefix) && b.is_char_boundary(prefix)) {
            prefix -= 1;
        }
        let limit = a.len().min(b.len()) - prefix;
        let mut suffix = a
            .bytes()
            .rev()
            .zip(b.bytes().rev())
            .take_while(|(x, y)| x == y)
            .count()
            .min(limit);
        while !(a.is_char_boundary(a.len() - suffix) && b.is_char_boundary(b.len() - suffix)) {
            suffix -= 1;
        }
        (prefix, suffix)
    }

    /// Edits at and around the edges of the 64-byte and 4 KB blocks, in long texts, agree with
    /// the plain byte-at-a-time comparison.
    #[test]
    fn edits_across_block_edges_agree_with_a_byte_at_a_time_comparison() {
        let text: String = "Kyiv’s talks — ответ, 東京. ".repeat(700);
        for at in [0, 1, 63, 64, 65, 4095, 4096, 4097, 8191, 8200, 12_000] {
            let at = (at..).find(|i| text.is_char_boundary(*i)).unwrap();
            let mut inserted = text.clone();
            inserted.insert(at, 'é');
            let mut removed = text.clone();
            removed.replace_range(
                at..at + removed[at..].chars().next().unwrap().len_utf8(),
                "",
            );
            let end = text.len() - at;
            let end = (end..).find(|i| text.is_char_boundary(*i)).unwrap();
            let mut near_end = text.clone();
            near_end.insert(end, 'x');
            for other in [&inserted, &removed, &near_end, &text] {
                for (a, b) in [(&text, other), (other, &text)] {
                    let prefix = common_prefix(a, b);
                    assert_eq!(
                        (prefix, common_suffix(a, b, prefix)),
                        plain(a, b),
                        "edit at {at}"
                    );
                }
            }
        }
    }
}
