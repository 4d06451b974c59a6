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
    /// Counts the words and characters of `text`.
    pub fn of(text: &str) -> Self {
        let mut stats = TextStats::default();
        for ch in text.chars() {
            if ch == '\n' || ch == '\r' {
                continue;
            }
            stats.chars += 1;
            if !ch.is_whitespace() {
                stats.chars_no_spaces += 1;
            }
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

/// Counts words. Text split by spaces is counted by its space-separated tokens that hold a letter
/// or digit (so Markdown markers and lone dashes are not words); runs of scripts written without
/// spaces (Han, Kana, Thai, Lao, Khmer, Myanmar) are handed to ICU's dictionary segmenter.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace().map(count_token_words).sum()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_words_and_markup() {
        assert_eq!(count_words("Hello, world — it's *fine* 2024."), 5);
        assert_eq!(count_words("## Heading\n\n- item one\n- item two"), 5);
        assert_eq!(count_words(""), 0);
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
    fn characters_and_reading_time() {
        let stats = TextStats::of("ab c\nd");
        assert_eq!((stats.chars, stats.chars_no_spaces, stats.words), (5, 4, 3));
        assert_eq!(reading_minutes(651, 200), 4);
        assert_eq!(reading_minutes(600, 200), 3);
        assert_eq!(reading_minutes(1, 200), 1);
        assert_eq!(reading_minutes(0, 200), 0);
        assert_eq!(reading_minutes(10, 0), 10);
    }
}
