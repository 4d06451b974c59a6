//! Dashes between words: hyphens standing for them, and dashes written otherwise than the house
//! writes them.

use crate::review::profile::HouseDash;
use std::ops::Range;

/// A hyphen between spaces that stands for a dash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HyphenDash {
    /// What the repairs replace: the hyphen, or the hyphen with its spaces.
    pub span: Range<usize>,
    /// The repairs, best first.
    pub repairs: Vec<String>,
    /// Whether it stands between two numbers (a range, "1975 - 2014").
    pub range: bool,
}

/// Hyphens standing for dashes, as pasted or hastily typed copy has them: one between spaces
/// inside a line ("today - almost 30 years later"). Between two numbers the hyphen and its
/// spaces become an en dash, closed up ("1975–2014"). Between words it becomes the house's dash;
/// when the house has not settled one, an em dash with its spaces kept, or a spaced en dash as
/// British houses write it.
pub fn hyphen_dashes(text: &str, house: HouseDash) -> Vec<HyphenDash> {
    text.match_indices(" - ")
        .filter_map(|(at, _)| {
            let before = text[..at].chars().next_back()?;
            let after = text[at + 3..].chars().next()?;
            if before.is_whitespace() || after.is_whitespace() {
                return None;
            }
            let range = before.is_ascii_digit() && after.is_ascii_digit();
            let settled = house.between_words();
            let (span, repairs) = match house {
                _ if range => (at..at + 3, vec!["–"]),
                HouseDash::Any => (at + 1..at + 2, vec!["—", "–"]),
                // A spaced dash takes the hyphen's place; a closed one takes its spaces too.
                _ if settled.starts_with(' ') => (at + 1..at + 2, vec![settled.trim()]),
                _ => (at..at + 3, vec![settled]),
            };
            let repairs = repairs.into_iter().map(str::to_owned).collect();
            Some(HyphenDash {
                span,
                repairs,
                range,
            })
        })
        .collect()
}

/// How a word run together with a lost dash is written again: `membership` and `a` joined by the
/// house's dash (closed up when the house has not settled one).
pub fn rejoined(head: &str, tail: &str, house: HouseDash) -> String {
    let dash = match house {
        HouseDash::Any => "—",
        settled => settled.between_words(),
    };
    format!("{head}{dash}{tail}")
}

/// Dashes between words written otherwise than the house writes them, each with its span and
/// repair. Only dashes with a word on each side count: an en dash closed up ("1975–2014",
/// "London–Paris") or between numbers is a range, and a dash opening or closing a line is
/// left be.
pub fn off_house_dashes(text: &str, house: HouseDash) -> Vec<(Range<usize>, String)> {
    if house == HouseDash::Any {
        return Vec::new();
    }
    let wanted = house.between_words();
    text.char_indices()
        .filter(|(_, c)| matches!(c, '—' | '–'))
        .filter_map(|(at, dash)| {
            let end = at + dash.len_utf8();
            let (before, after) = (&text[..at], &text[end..]);
            let spaced = before.ends_with(' ') && after.starts_with(' ');
            let span = if spaced { at - 1..end + 1 } else { at..end };
            let outer_before = text[..span.start].chars().next_back()?;
            let outer_after = text[span.end..].chars().next()?;
            if outer_before.is_whitespace() || outer_after.is_whitespace() {
                return None;
            }
            let range = outer_before.is_ascii_digit() && outer_after.is_ascii_digit();
            if dash == '–' && (!spaced || range) {
                return None;
            }
            (&text[span.clone()] != wanted).then(|| (span, wanted.to_owned()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hyphen_between_spaces_is_a_dash() {
        let text = "today - almost 30 - 40 years: 1975 - 2014 - and pre-war";
        let found = hyphen_dashes(text, HouseDash::Any);
        let spans: Vec<&str> = found.iter().map(|dash| &text[dash.span.clone()]).collect();
        assert_eq!(spans, ["-", " - ", " - ", "-"]);
        assert_eq!(found[0].repairs, ["—", "–"]);
        assert_eq!(found[2].repairs, ["–"]);
        let ranges: Vec<bool> = found.iter().map(|dash| dash.range).collect();
        assert_eq!(ranges, [false, true, true, false]);
        // A list item's marker, a hyphen at either end of a line and a hyphenated word are not.
        for text in [
            "- item",
            "  - nested item",
            "word -",
            "- word",
            "well-known",
            "a -- b",
        ] {
            assert!(hyphen_dashes(text, HouseDash::Any).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_hyphen_between_words_becomes_the_house_dash_and_a_range_stays_an_en_dash() {
        let text = "today - almost: 1975 - 2014";
        let repaired = |house| {
            let mut out = text.to_owned();
            for dash in hyphen_dashes(text, house).into_iter().rev() {
                out.replace_range(dash.span, &dash.repairs[0]);
            }
            out
        };
        assert_eq!(repaired(HouseDash::SpacedEn), "today – almost: 1975–2014");
        // One repair between words is still not a range.
        assert!(!hyphen_dashes(text, HouseDash::SpacedEn)[0].range);
        assert_eq!(repaired(HouseDash::SpacedEm), "today — almost: 1975–2014");
        assert_eq!(repaired(HouseDash::ClosedEm), "today—almost: 1975–2014");
    }

    #[test]
    fn a_lost_dash_is_put_back_as_the_house_writes_it() {
        assert_eq!(rejoined("membership", "a", HouseDash::Any), "membership—a");
        assert_eq!(
            rejoined("membership", "a", HouseDash::SpacedEn),
            "membership – a"
        );
    }

    #[test]
    fn dashes_between_words_are_flagged_when_the_house_writes_them_otherwise() {
        let text = "talks — long ones—ended – at last; 1975–2014, London–Paris, 10 – 12";
        let found = |house| -> Vec<(String, String)> {
            off_house_dashes(text, house)
                .into_iter()
                .map(|(span, fix)| (text[span].to_owned(), fix))
                .collect()
        };
        let pair = |dash: &str, fix: &str| (dash.to_owned(), fix.to_owned());
        assert_eq!(
            found(HouseDash::SpacedEn),
            [pair(" — ", " – "), pair("—", " – ")]
        );
        assert_eq!(
            found(HouseDash::SpacedEm),
            [pair("—", " — "), pair(" – ", " — ")]
        );
        assert_eq!(
            found(HouseDash::ClosedEm),
            [pair(" — ", "—"), pair(" – ", "—")]
        );
        assert!(found(HouseDash::Any).is_empty());
    }

    #[test]
    fn a_dash_opening_or_closing_a_line_or_standing_alone_is_left_be() {
        for text in ["— Reuters", "and then —", "a  —  b", "— —", "–"] {
            assert!(
                off_house_dashes(text, HouseDash::SpacedEn).is_empty(),
                "{text}"
            );
        }
    }
}
