//! Text damage that needs no dictionary: mojibake, page furniture, straight quotes, contractions.

use regex::Regex;
use std::sync::LazyLock;

/// Characters that Windows-1252 puts at bytes 0x80–0x9F, in byte order (`\0` where none).
const CP1252_HIGH: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0', '‘',
    '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// The byte a character stands for when UTF-8 was misread as Windows-1252 or Latin-1.
fn misread_byte(c: char) -> Option<u8> {
    let code = c as u32;
    if (0xA0..=0xFF).contains(&code) || (0x80..=0x9F).contains(&code) {
        return u8::try_from(code).ok();
    }
    CP1252_HIGH
        .iter()
        .position(|&high| high == c && high != '\0')
        .and_then(|i| u8::try_from(0x80 + i).ok())
}

static MOJIBAKE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[ÃÂâÅÄ][\u{80}-\u{FF}€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]+|\u{FFFD}").expect("valid regex")
});

/// Mojibake in a text: each byte range with the text it should have been, when that is known.
pub fn mojibake(text: &str) -> Vec<(std::ops::Range<usize>, Option<String>)> {
    MOJIBAKE
        .find_iter(text)
        .filter_map(|m| {
            if m.as_str() == "\u{FFFD}" {
                return Some((m.range(), None));
            }
            let bytes: Option<Vec<u8>> = m.as_str().chars().map(misread_byte).collect();
            let repaired = String::from_utf8(bytes?).ok()?;
            Some((m.range(), Some(repaired)))
        })
        .collect()
}

static RESIDUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:share|share this|tweet|print|email|e-mail|copy link|related|related topics|",
        r"related articles|related stories|advertisement|read more|subscribe|comments|follow us|",
        r"\d+\s*min(?:ute)?s?\s+read|[\d.,]+\s*[km]?\s+views?|",
        r"(?:last update|last updated|updated|published)\s*:.{0,60}|",
        r"home\s*(?:>|›|»|/).{0,200}|home|author\s*:.{1,80}|",
        // A link to a section or a writer's page: "UK News »" (not a French quote's end).
        r"[^«»]{1,60}»)$"
    ))
    .expect("valid regex")
});

static LIST_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[-*+•·]|\d{1,2}[.)])\s+").expect("valid regex"));

/// A line without its list marker (`1. HOME` → `HOME`), trimmed.
pub fn strip_list_marker(line: &str) -> &str {
    LIST_MARKER
        .find(line)
        .map_or(line, |m| &line[m.end()..])
        .trim()
}

/// Whether a line is a list item (`1. HOME`, `• 4 min read`).
pub fn is_list_item(line: &str) -> bool {
    LIST_MARKER.is_match(line)
}

/// Most words a list item may have to be taken for furniture beside other furniture.
const FURNITURE_WORDS: usize = 12;

/// The short list items that sit in one list with page furniture (the `2. WORLD` after
/// `1. HOME`); `lines` are the body's lines in order, with whether each is furniture itself.
pub fn furniture_neighbours(lines: &[(&str, bool)]) -> Vec<usize> {
    let mut found = Vec::new();
    let mut block_start = 0;
    for end in 0..=lines.len() {
        if end < lines.len() && is_list_item(lines[end].0) {
            continue;
        }
        let block = &lines[block_start..end];
        if block.iter().any(|(_, furniture)| *furniture) {
            found.extend((block_start..end).filter(|&i| {
                !lines[i].1 && lines[i].0.split_whitespace().count() <= FURNITURE_WORDS + 1
            }));
        }
        block_start = end + 1;
    }
    found
}

/// Whether a line of the body is page furniture left from a copy (`Share`, `4 min read`, …).
pub fn is_residue(line: &str) -> bool {
    let rest = strip_list_marker(line);
    !rest.is_empty() && rest.len() <= 200 && RESIDUE.is_match(rest)
}

static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\((?:(?:[^()]{0,40}?\s)?photo(?:graph)?\s*(?:/|:|\bby\b)|",
        r"(?:reuters|afp|ap|epa|getty images|bloomberg|xinhua|anadolu)\s*/)",
        r"[^()]{1,100}\)[\p{L}\d]{0,10}\s*$"
    ))
    .expect("valid regex")
});

/// Where a body line ends with a picture's credit, as a caption copied with a page ends: "…
/// Jan. 11. (AP Photo/A24 Films, Atsushi Nishijima)AP2014" (corpus 07), "(REUTERS/Kevin
/// Lamarque)", "(Photo by … /Getty Images)"; the credit and what is glued after it.
pub fn photo_credit(line: &str) -> Option<std::ops::Range<usize>> {
    let line = line.trim_end();
    // Most lines do not end with a parenthesis, give or take a few glued characters: they are
    // passed over without the pattern.
    let close = line.rfind(')')?;
    if line.len() - close > 40 {
        return None;
    }
    PHOTO_CREDIT.find(line).map(|m| m.range())
}

/// Closing quotes on the wrong side of their space, as pasted copy loses and gains spaces:
/// "Violent Year, ”out on" for "Violent Year,” out on" (corpus 07). Each span (the space and the
/// quote) with its repair (the two the other way round). A closing quote after a space and
/// before a letter is never right; an opening quote after a letter may be a closing one curled
/// the wrong way, so it is left to the straight-quotes rule and the editor.
pub fn misplaced_quotes(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    static CLOSING: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\S( ”)\p{L}").expect("valid regex"));
    CLOSING
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .map(|m| (m.range(), "” ".to_owned()))
        .collect()
}

/// The curly quote that should replace a straight one, from the character before it.
pub fn curly_for(quote: char, before: Option<char>) -> char {
    let opening = before.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c));
    match (quote, opening) {
        ('"', true) => '“',
        ('"', false) => '”',
        (_, true) => '‘',
        (_, false) => '’',
    }
}

/// Contractions that lost their apostrophe and are not words by themselves, with the repair.
pub fn contraction(word: &str) -> Option<String> {
    const LOST: [(&str, usize); 18] = [
        ("wasnt", 4),
        ("isnt", 3),
        ("dont", 3),
        ("doesnt", 5),
        ("didnt", 4),
        ("couldnt", 6),
        ("shouldnt", 7),
        ("wouldnt", 6),
        ("arent", 4),
        ("werent", 5),
        ("hasnt", 4),
        ("havent", 5),
        ("hadnt", 4),
        ("youre", 3),
        ("theyre", 4),
        ("theyve", 4),
        ("weve", 2),
        ("mustnt", 5),
    ];
    let lower = word.to_lowercase();
    let (_, at) = LOST.iter().find(|(lost, _)| *lost == lower)?;
    Some(format!("{}'{}", &word[..*at], &word[*at..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mojibake_is_repaired_to_what_it_was() {
        let found = mojibake("It’s café: itâ€™s cafÃ© and \u{FFFD}");
        let repairs: Vec<_> = found.iter().map(|(_, fix)| fix.clone()).collect();
        assert_eq!(repairs, [Some("’".to_owned()), Some("é".to_owned()), None]);
    }

    #[test]
    fn correct_accents_are_not_mojibake() {
        assert!(mojibake("São Paulo, pâte, Ärger, Åland, naïve, Zürich").is_empty());
    }

    #[test]
    fn page_furniture_lines_are_residue() {
        for line in [
            "Share",
            "  • 4 min read",
            "11 Views",
            "Last update: 2 days ago",
            "1. HOME",
            "HOME > WORLD > Talks",
            "Author: Sophia Brooks",
            "Related Topics",
            "Tweet",
        ] {
            assert!(is_residue(line), "{line}");
        }
        for line in [
            "Share prices fell.",
            "He will tweet later.",
            "Home secretary resigns",
            "The author: a life",
        ] {
            assert!(!is_residue(line), "{line}");
        }
    }

    #[test]
    fn a_caption_s_photo_credit_ends_its_line() {
        let caption = "Isaac appear in a scene. (AP Photo/A24 Films, Atsushi Nishijima)AP2014";
        let found = photo_credit(caption).map(|r| &caption[r]);
        assert_eq!(found, Some("(AP Photo/A24 Films, Atsushi Nishijima)AP2014"));
        for credit in [
            "Leaders met. (REUTERS/Kevin Lamarque)",
            "The senator speaks. (Photo by Chip Somodevilla/Getty Images) ",
            "(Photo: Copydesk sample art)",
        ] {
            assert!(photo_credit(credit).is_some(), "{credit}");
        }
        for prose in [
            "The photo (by a reader) went viral.",
            "He was pictured (photo) on Monday.",
            "The AP reported it (AP/Ipsos poll) on Monday.",
            "(AP Photo/File) shows nothing here, he said.",
        ] {
            assert!(photo_credit(prose).is_none(), "{prose}");
        }
    }

    #[test]
    fn a_closing_quote_glued_to_the_next_word_moves_back() {
        let text = "Chandor’s “A Most Violent Year, ”out on Dec. 31.";
        let found = misplaced_quotes(text);
        assert_eq!(found.len(), 1);
        let (span, repair) = &found[0];
        let mut fixed = text.to_owned();
        fixed.replace_range(span.clone(), repair);
        assert_eq!(fixed, "Chandor’s “A Most Violent Year,” out on Dec. 31.");
        for fine in ["“Yes,” he said.", "He said: ” (a lone mark)", "“Year, ” 31"] {
            assert!(misplaced_quotes(fine).is_empty(), "{fine}");
        }
    }

    #[test]
    fn quotes_curl_by_their_left_neighbour() {
        assert_eq!(curly_for('"', None), '“');
        assert_eq!(curly_for('"', Some('d')), '”');
        assert_eq!(curly_for('\'', Some('n')), '’');
        assert_eq!(curly_for('\'', Some(' ')), '‘');
    }

    #[test]
    fn lost_contractions_are_repaired_but_words_are_left() {
        assert_eq!(contraction("wasnt").as_deref(), Some("wasn't"));
        assert_eq!(contraction("Dont").as_deref(), Some("Don't"));
        for word in ["cant", "wont", "its", "well", "were", "shell"] {
            assert_eq!(contraction(word), None, "{word}");
        }
    }
}
