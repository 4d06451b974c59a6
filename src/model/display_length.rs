//! The length of a text as the length limits count it: characters, with the wide characters of
//! Chinese, Japanese and Korean counted twice. A wide character takes about the room of two
//! Latin letters, and search engines and social networks cut titles by width, so a Japanese
//! title of 35 characters is as long as an English one of 70.

/// `text`'s length, its wide characters counted twice.
pub fn display_length(text: &str) -> usize {
    text.chars().map(char_length).sum()
}

/// The byte of `text` at which its display length reaches `length` (its end when shorter), on a
/// character boundary.
pub fn byte_at_length(text: &str, length: usize) -> usize {
    let mut counted = 0;
    for (at, c) in text.char_indices() {
        counted += char_length(c);
        if counted > length {
            return at;
        }
    }
    text.len()
}

/// Whether `text` holds a character counted twice.
pub fn has_wide(text: &str) -> bool {
    text.chars().any(is_wide)
}

/// What one character counts for.
fn char_length(c: char) -> usize {
    if is_wide(c) { 2 } else { 1 }
}

/// Whether `c` is a wide (or full-width) character of Chinese, Japanese or Korean: Hangul,
/// kana, the CJK ideographs and their punctuation, and the full-width forms.
fn is_wide(c: char) -> bool {
    matches!(
        c as u32,
        0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x20000..=0x2FFFD
            | 0x30000..=0x3FFFD
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_twice_and_the_rest_once() {
        assert_eq!(display_length("Talks end"), 9);
        assert_eq!(display_length("京都の古書店"), 12);
        assert_eq!(
            display_length("「鴨川書房」"),
            12,
            "full-width brackets too"
        );
        assert_eq!(display_length("서울"), 4);
        assert_eq!(display_length("Zoë 👍"), 5, "accents and emoji count once");
        assert!(has_wide("Tokyo 東京") && !has_wide("Zürich"));
    }

    #[test]
    fn the_byte_at_a_length_is_on_a_character_boundary() {
        assert_eq!(byte_at_length("Talks end", 5), 5);
        assert_eq!(byte_at_length("Talks", 50), 5);
        // "京都の": each 3 bytes, 2 long; length 3 falls inside the second: cut before it.
        assert_eq!(byte_at_length("京都の", 3), 3);
        assert_eq!(byte_at_length("京都の", 4), 6);
        assert_eq!(byte_at_length("", 4), 0);
    }
}
