//! Text statistics: words, characters and reading time, for every script.

use icu_segmenter::WordSegmenter;
use icu_segmenter::options::WordBreakInvariantOptions;

/// Counts that an editor sees in the status bar and the article list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextStats {
    /// Words; in Chinese, Japanese and Thai, dictionary words found by ICU's segmenter.
    pub words: usize,
    /// Characters (Unicode scalar values), spaces included, line breaks not.
    pub chars: usize,
    /// Characters that are not white space.
    pub chars_no_spaces: usize,
}

impl TextStats {
    /// Counts the words and characters of `text`, byte by byte (multi-byte characters are only
    /// decoded when their lead byte could start a white-space character).
    pub fn of(text: &str) -> Self {
        let mut stats = TextStats::default();
        for (i, &byte) in text.as_bytes().iter().enumerate() {
            if byte & 0xC0 == 0x80 || byte == b'\n' || byte == b'\r' {
                continue;
            }
            stats.chars += 1;
            let space = match byte {
                0..0x80 => is_ascii_space(byte),
                0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                    text[i..].chars().next().is_some_and(char::is_whitespace)
                }
                _ => false,
            };
            stats.chars_no_spaces += usize::from(!space);
        }
        stats.words = count_words(text);
        stats
    }

    /// Minutes to read at `words_per_minute`, rounded up; at least one for any text.
    pub fn reading_minutes(&self, words_per_minute: u32) -> u32 {
        reading_minutes(self.words, words_per_minute)
    }
}

/// Minutes to read `words` at `words_per_minute`, rounded up (651 words at 200 a minute: 4).
pub fn reading_minutes(words: usize, words_per_minute: u32) -> u32 {
    if words == 0 {
        return 0;
    }
    let speed = words_per_minute.max(1) as usize;
    words.div_ceil(speed).try_into().unwrap_or(u32::MAX)
}

/// The page's reading time after its date, " · 4 min read", or nothing for a body without a
/// word (a page does not say "0 min read").
pub fn reading_note(minutes: u32) -> String {
    if minutes == 0 {
        String::new()
    } else {
        format!(" · {minutes} min read")
    }
}

/// Counts words. Text split by spaces is counted by its space-separated tokens that hold a letter
/// or digit (so Markdown markers and lone dashes are not words); runs of scripts written without
/// spaces (Han, Kana, Thai, Lao, Khmer, Myanmar) are handed to ICU's dictionary segmenter.
/// ASCII tokens are counted byte by byte, so a 20,000-word body takes a fraction of a millisecond.
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut token_start = None;
    let mut counted = false;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte.is_ascii() {
            if is_ascii_space(byte) {
                token_start = None;
                counted = false;
            } else {
                token_start.get_or_insert(i);
                if !counted && byte.is_ascii_alphanumeric() {
                    count += 1;
                    counted = true;
                }
            }
            i += 1;
            continue;
        }
        let ch = text[i..]
            .chars()
            .next()
            .expect("a char starts at a non-ASCII lead byte");
        if ch.is_whitespace() {
            token_start = None;
            counted = false;
            i += ch.len_utf8();
            continue;
        }
        // A token with non-ASCII letters: count it as a whole, the slow and exact way.
        let start = token_start.unwrap_or(i);
        let end = text[start..]
            .find(char::is_whitespace)
            .map_or(text.len(), |n| start + n);
        count -= usize::from(counted);
        count += count_token_words(&text[start..end]);
        token_start = None;
        counted = false;
        i = end;
    }
    count
}

/// ASCII white space as `char::is_whitespace` sees it (vertical tab included).
fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

fn count_token_words(token: &str) -> usize {
    if !token.chars().any(is_unspaced_script) {
        return usize::from(token.chars().any(char::is_alphanumeric));
    }
    let segmenter = WordSegmenter::new_auto(WordBreakInvariantOptions::default());
    segmenter
        .segment_str(token)
        .iter_with_word_type()
        .filter(|(_, word_type)| word_type.is_word_like())
        .count()
}

/// Scripts written without spaces between words.
fn is_unspaced_script(ch: char) -> bool {
    matches!(ch as u32,
        0x0E00..=0x0EFF      // Thai, Lao
        | 0x1000..=0x109F    // Myanmar
        | 0x1780..=0x17FF    // Khmer
        | 0x3040..=0x30FF    // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0x20000..=0x3134F) // CJK extensions B–G
}

/// Statistics of a text kept up to date as it is edited: a keystroke costs the count of the
/// lines it touched, not of the whole text.
#[derive(Default)]
pub struct IncrementalStats {
    /// The text last counted, and its counts.
    counted: Option<(String, TextStats)>,
}

impl IncrementalStats {
    /// The statistics of `text`, the same as [`TextStats::of`]. Words are separated by white
    /// space and characters are counted one by one, so only the words an edit touched are
    /// counted again: the rest is the counts of the text before the edit.
    pub fn of(&mut self, text: &str) -> TextStats {
        let Some((before, total)) = &mut self.counted else {
            let stats = TextStats::of(text);
            self.counted = Some((text.to_owned(), stats));
            return stats;
        };
        if before.as_str() == text {
            return *total;
        }
        let prefix = crate::text_diff::common_prefix(before, text);
        let suffix = crate::text_diff::common_suffix(before, text, prefix);
        // Widen the edited stretch to the white space around it, in the parts both versions
        // share: the words it cuts are then whole in both.
        let start = before[..prefix]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(at, space)| at + space.len_utf8());
        let old_end = before[before.len() - suffix..]
            .find(char::is_whitespace)
            .map_or(before.len(), |at| before.len() - suffix + at);
        let new_end = old_end + text.len() - before.len();
        let removed = TextStats::of(&before[start..old_end]);
        let added = TextStats::of(&text[start..new_end]);
        total.words = total.words + added.words - removed.words;
        total.chars = total.chars + added.chars - removed.chars;
        total.chars_no_spaces =
            total.chars_no_spaces + added.chars_no_spaces - removed.chars_no_spaces;
        before.clear();
        before.push_str(text);
        *total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_by_paragraph_gives_the_count_of_the_whole() {
        let mut cache = IncrementalStats::default();
        for text in [
            "One two.\n\nThree four\nfive.",
            "One two.\n\nThree fourfive.",
            "One two.\n\nThree, four\nfive.",
            "One tw\no.\n\nThree, four\nfive. Six",
            "東京の書店\n\n百年の歴史\n\nOne two.",
            "東京の書\n\n百年の歴史\n\nOne two.",
            "",
            "one",
            "One two.\n\nThree  four\nfive.\n\n\n\nSix",
            "東京の書店\n\n百年の歴史",
            "\n\nLeading and trailing\n\n",
            "a\r\n\r\nb c\n\n  d  ",
        ] {
            assert_eq!(cache.of(text), TextStats::of(text), "{text:?}");
            assert_eq!(
                cache.of(text),
                TextStats::of(text),
                "again, from the cache: {text:?}"
            );
        }
    }

    /// After every edit of a long random run, the kept-up counts equal a fresh count.
    #[test]
    fn random_edits_keep_the_counts_exact() {
        let mut text = String::from("Kyiv’s talks\n\nМосква — ответ\n東京の書店\n\n  end  ");
        let inserts = ["\n", " ", "é", "—", "東京", "word ", "\r\n", "\u{a0}"];
        let mut counts = IncrementalStats::default();
        crate::text_diff::random_edits(&mut text, 7, &inserts, 600, |step, text| {
            assert_eq!(
                counts.of(text),
                TextStats::of(text),
                "step {step}: {text:?}"
            );
        });
    }

    #[test]
    fn english_words_and_markup() {
        assert_eq!(count_words("Hello, world — it's *fine* 2024."), 5);
        assert_eq!(count_words("## Heading\n\n- item one\n- item two"), 5);
        assert_eq!(count_words(""), 0);
    }

    #[test]
    fn the_fast_path_agrees_with_the_token_rule() {
        let slow = |text: &str| {
            text.split_whitespace()
                .map(count_token_words)
                .sum::<usize>()
        };
        for text in [
            "plain ascii words, and -- dashes * 3",
            "Kyiv’s “quoted” words — with an em dash",
            "café crème brûlée naïve",
            "mixed 東京 and ascii 京都の古書店 words",
            "  leading and trailing  ",
            "ünïcode-at-start and end-ünï",
            "— — —",
            "vertical\u{b}tab and\u{c}form feed",
            "no\u{a0}break\u{3000}ideographic space",
        ] {
            assert_eq!(count_words(text), slow(text), "{text}");
        }
    }

    #[test]
    fn chinese_japanese_and_thai_are_segmented() {
        let chinese = count_words("我们今天去北京");
        assert!((3..=7).contains(&chinese), "{chinese}");
        let japanese = count_words("東京は日本の首都です");
        assert!((4..=10).contains(&japanese), "{japanese}");
        let thai = count_words("ภาษาไทยง่ายนิดเดียว");
        assert!((3..=8).contains(&thai), "{thai}");
    }

    #[test]
    fn characters_count_unicode_spaces() {
        let stats = TextStats::of("a\u{a0}b\u{3000}c é\r\n");
        assert_eq!((stats.chars, stats.chars_no_spaces), (7, 4));
    }

    #[test]
    fn characters_and_reading_time() {
        let stats = TextStats::of("ab c\nd");
        assert_eq!((stats.chars, stats.chars_no_spaces, stats.words), (5, 4, 3));
        assert_eq!(reading_minutes(651, 200), 4);
        assert_eq!(reading_minutes(600, 200), 3);
        assert_eq!(reading_minutes(1, 200), 1);
        assert_eq!(reading_minutes(0, 200), 0);
        assert_eq!(reading_minutes(10, 0), 10);
        // The page says nothing of reading time for a body without a word.
        assert_eq!(reading_note(4), " · 4 min read");
        assert_eq!(reading_note(0), "");
    }
}
