//! Proofreading of one line of text. Results depend only on the line, so they are cached by
//! its text and an edit re-reads one line, not the article.

use super::damage;
use super::dashes;
use super::dictionary::Speller;
use super::style::HouseRules;
use crate::review::{Field, Finding, Severity};
use regex::Regex;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// The word a possessive is made from (`Kyiv` for `Kyiv's` or `Kyiv’s`); any other word itself.
pub fn possessive_base(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .filter(|base| !base.is_empty())
        .unwrap_or(word)
}

/// A word the dictionary does not know, kept for the article-wide pass.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Byte range in the line.
    pub range: Range<usize>,
    /// The word.
    pub word: String,
    /// Whether it starts with a capital (a name, or a sentence start).
    pub capitalized: bool,
    /// Whether it follows "the", "two", … (so a trailing s is likely a plural).
    pub after_determiner: bool,
    /// Whether it stands next to another capitalised word (`Yuri Ushakov`): a name.
    pub in_full_name: bool,
}

/// What one line gave: findings that need nothing else, and material for the article-wide pass.
#[derive(Debug, Clone, Default)]
pub struct LineResult {
    /// Findings with spans relative to the line (field and level are set later).
    pub local: Vec<Finding>,
    /// Words the dictionary does not know.
    pub candidates: Vec<Candidate>,
    /// Capitalized words of the line, for telling `Kyivs` (when `Kyiv` occurs) from `Texas`.
    pub names: Vec<String>,
}

static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{L}+(?:['’]\p{L}+)*").expect("valid regex"));

static NOT_PROSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"`[^`]*`|\]\([^)]*\)|<[^>\n]*>|https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+|",
        r"[#@]\w+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|co|uk|io|ly)\b\S*"
    ))
    .expect("valid regex")
});

static DOUBLE_SPACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\S( {2,})\S").expect("valid regex"));

const DETERMINERS: [&str; 14] = [
    "the", "two", "three", "four", "five", "both", "all", "many", "several", "these", "those",
    "some", "few", "other",
];

/// Words that are grammatical when doubled ("had had", "that that").
const DOUBLES_ALLOWED: [&str; 2] = ["had", "that"];

/// Function words that follow a lost dash (`membershipa point`).
const DASH_TAILS: [&str; 6] = ["a", "an", "the", "and", "which", "who"];

fn finding(rule: &'static str, message: String, span: Range<usize>) -> Finding {
    Finding::new(rule, Severity::Recommended, Field::Body, message).at(span)
}

/// Everything one line needs checked.
pub struct LineInput<'a> {
    /// The line, without its newline.
    pub text: &'a str,
    /// Inside a fenced or indented code block: nothing is checked.
    pub in_code: bool,
    /// A line of the body (page furniture is looked for only there).
    pub in_body: bool,
}

/// Proofreads one line.
pub fn analyse(
    input: &LineInput,
    speller: Option<&mut Speller>,
    project_words: &HashSet<String>,
    style: &HouseRules,
) -> LineResult {
    let mut result = LineResult::default();
    let text = input.text;
    if input.in_code || text.trim().is_empty() {
        return result;
    }
    if input.in_body
        && let Some(message) = residue(text)
    {
        // Left from a copy: the whole line goes.
        result
            .local
            .push(finding("proof.residue", message, 0..text.len()).fix(""));
        return result;
    }
    let skipped: Vec<Range<usize>> = NOT_PROSE.find_iter(text).map(|m| m.range()).collect();
    let in_prose = |range: &Range<usize>| {
        !skipped
            .iter()
            .any(|s| s.start < range.end && range.start < s.end)
    };
    style.check(text, &in_prose, &mut result.local);
    damage_findings(text, &in_prose, style, &mut result.local);
    words(text, &in_prose, speller, project_words, style, &mut result);
    result
}

/// What the finding of a picture's caption left in the body calls it: one click on "Fix all"
/// for the page's furniture leaves it alone, as its words may belong with the picture.
pub const CAPTION_LEFT: &str = "a caption left from a copy";

/// What a body line left from a copy is, when it is one: page furniture, or a picture's caption
/// (a paragraph ending with its credit).
fn residue(text: &str) -> Option<String> {
    if damage::is_residue(text) {
        return Some(format!(
            "\"{}\" looks like page furniture left from a copy",
            text.trim()
        ));
    }
    damage::photo_credit(text).map(|credit| {
        format!(
            "This paragraph ends with a picture's credit, \"{}\": it looks like {CAPTION_LEFT} \
             (a caption goes with its picture)",
            &text[credit]
        )
    })
}

fn damage_findings(
    text: &str,
    in_prose: &dyn Fn(&Range<usize>) -> bool,
    style: &HouseRules,
    out: &mut Vec<Finding>,
) {
    for (span, repair) in damage::mojibake(text) {
        let message = match &repair {
            Some(repair) => format!(
                "\"{}\" is garbled text (mojibake) for \"{repair}\"",
                &text[span.clone()]
            ),
            None => "A replacement character (�) marks text lost in a conversion".to_owned(),
        };
        let found = finding("proof.mojibake", message, span);
        out.push(match repair {
            Some(repair) => found.fix(repair),
            None => found,
        });
    }
    for spaces in DOUBLE_SPACE.captures_iter(text).filter_map(|c| c.get(1)) {
        if in_prose(&spaces.range()) {
            out.push(
                finding("proof.double_space", "Doubled space".into(), spaces.range()).fix(" "),
            );
        }
    }
    for dash in dashes::hyphen_dashes(text, style.dash) {
        if in_prose(&dash.span) {
            let message = if dash.range {
                "A hyphen between spaces in a range of numbers: an en dash, closed up, belongs there"
            } else {
                "A hyphen between spaces stands for a dash"
            };
            let mut found = finding("proof.hyphen_dash", message.into(), dash.span);
            found.set_repairs(&dash.repairs);
            out.push(found);
        }
    }
    for (span, repair) in damage::misplaced_quotes(text) {
        if in_prose(&span) {
            let message = "A closing quote is glued to the next word: the space belongs after it";
            out.push(finding("proof.quote_spacing", message.into(), span).fix(repair));
        }
    }
    if style.curly_quotes {
        for (at, quote) in text.char_indices().filter(|(_, c)| matches!(c, '"' | '\'')) {
            let span = at..at + 1;
            if in_prose(&span) {
                let curled = damage::curly_for(quote, text[..at].chars().next_back());
                let message = format!("Straight quote {quote}; the house uses {curled}");
                out.push(finding("proof.straight_quotes", message, span).fix(curled.to_string()));
            }
        }
    }
}

/// Prefixes written with a hyphen (`pre-tax`, `co-founder`) that are not words alone.
const HYPHEN_PREFIXES: [&str; 14] = [
    "pre", "co", "non", "anti", "re", "post", "mid", "ex", "self", "multi", "semi", "sub", "inter",
    "neo",
];

/// A word of a line, with what its neighbours say about it.
struct Token<'a> {
    range: Range<usize>,
    word: &'a str,
    capitalized: bool,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    WORD.find_iter(text)
        .map(|m| Token {
            range: m.range(),
            word: m.as_str(),
            capitalized: m.as_str().chars().next().is_some_and(char::is_uppercase),
        })
        .collect()
}

/// Whether two tokens are neighbours separated by exactly one space.
fn adjacent(text: &str, left: &Token, right: &Token) -> bool {
    text.get(left.range.end..right.range.start) == Some(" ")
}

fn words(
    text: &str,
    in_prose: &dyn Fn(&Range<usize>) -> bool,
    mut speller: Option<&mut Speller>,
    project_words: &HashSet<String>,
    style: &HouseRules,
    result: &mut LineResult,
) {
    let tokens = tokens(text);
    for (i, token) in tokens.iter().enumerate() {
        let (range, word) = (token.range.clone(), token.word);
        let before = text[..range.start].chars().next_back();
        let after = text[range.end..].chars().next();
        let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '_');
        let last = i.checked_sub(1).map(|j| &tokens[j]);
        let next = tokens.get(i + 1);
        if !in_prose(&range) || glued(before) || glued(after) {
            continue;
        }
        if let Some(last) = last
            && last.word.eq_ignore_ascii_case(word)
            && text[last.range.end..range.start].chars().all(|c| c == ' ')
            && !DOUBLES_ALLOWED.contains(&word.to_lowercase().as_str())
        {
            let message = format!("\"{word}\" is doubled");
            result
                .local
                .push(finding("proof.doubled_word", message, last.range.end..range.end).fix(""));
        }
        if let Some(repair) = damage::contraction(word) {
            let message = format!("\"{word}\" has lost its apostrophe: \"{repair}\"");
            result
                .local
                .push(finding("proof.apostrophe", message, range).fix(repair));
            continue;
        }
        let prefix = after == Some('-') && HYPHEN_PREFIXES.contains(&word.to_lowercase().as_str());
        // "Kyiv's" is as right as "Kyiv": a possessive is checked by the word it is made from.
        let base = possessive_base(word);
        if abbreviation(word)
            || prefix
            || project_words.contains(word)
            || project_words.contains(base)
        {
            continue;
        }
        if token.capitalized {
            result.names.push(base.to_owned());
        }
        if let Some(at) = camel_join(word).filter(|_| !token.capitalized) {
            let repair = format!("{} {}", &word[..at], &word[at..]);
            let message =
                format!("\"{word}\" looks like two words run together where a space was lost");
            result
                .local
                .push(finding("proof.run_together", message, range).fix(repair));
            continue;
        }
        let known = match speller.as_deref_mut() {
            Some(speller) => speller.knows(word) || (base != word && speller.knows(base)),
            None => !(token.capitalized && word.ends_with('s')),
        };
        if known {
            continue;
        }
        if let Some(speller) = speller.as_deref_mut()
            && !token.capitalized
            && let Some(repair) = lost_dash(word, speller, style)
        {
            let message =
                format!("\"{word}\" looks like two words run together where a dash was lost");
            result
                .local
                .push(finding("proof.run_together", message, range).fix(repair));
            continue;
        }
        let in_full_name = token.capitalized
            && (last.is_some_and(|l| l.capitalized && adjacent(text, l, token))
                || next.is_some_and(|n| n.capitalized && adjacent(text, token, n)));
        result.candidates.push(Candidate {
            range,
            word: word.to_owned(),
            capitalized: token.capitalized,
            after_determiner: last
                .is_some_and(|l| DETERMINERS.contains(&l.word.to_lowercase().as_str())),
            in_full_name,
        });
    }
}

/// Where a lowercase run is followed by a capitalised word inside one token (`talksWith`).
fn camel_join(word: &str) -> Option<usize> {
    let mut chars = word.char_indices().peekable();
    let mut lower_run = 0;
    while let Some((_, c)) = chars.next() {
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
        if let Some(&(at, next)) = chars.peek()
            && lower_run >= 2
            && next.is_uppercase()
            && word[at..].chars().nth(1).is_some_and(char::is_lowercase)
        {
            return Some(at);
        }
    }
    None
}

/// Splits an unknown word before a function word whose dash was lost, putting back the house's
/// dash: `membershipa` → `membership—a`.
fn lost_dash(word: &str, speller: &mut Speller, style: &HouseRules) -> Option<String> {
    DASH_TAILS.iter().find_map(|tail| {
        let head = word.strip_suffix(tail)?;
        (head.chars().count() >= 4 && speller.knows(head))
            .then(|| dashes::rejoined(head, tail, style.dash))
    })
}

/// An abbreviation in capitals or its plural ("NATO", "MPs", "CSEs"): spelling leaves it be.
fn abbreviation(word: &str) -> bool {
    let stem = word.strip_suffix('s').unwrap_or(word);
    stem.chars().count() > 1 && !stem.chars().any(char::is_lowercase)
}
