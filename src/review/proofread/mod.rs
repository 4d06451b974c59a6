//! Proofreading of the headline, standfirst and body: spelling, house style, lost punctuation,
//! garbled text and page furniture. Line results are cached, so re-checking after an edit
//! reads only the changed lines again.

mod damage;
mod dashes;
pub mod dictionary;
mod line;
mod style;

use super::profile::Level::{Off, Recommended};
use super::profile::{ChecklistProfile, HouseStyle};
use super::{Field, Finding, RuleInfo, Severity};
use crate::model::{Article, ProjectSettings};
use dictionary::Speller;
use line::{LineInput, LineResult};
use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;
use style::HouseRules;

pub use damage::{is_list_item, is_residue as is_page_furniture, strip_list_marker};
pub use dictionary::preload;
pub use line::CAPTION_LEFT;

const fn rule(id: &'static str, title: &'static str, default_level: super::Level) -> RuleInfo {
    RuleInfo {
        id,
        title,
        default_level,
    }
}

/// The proofreading rules.
pub const RULES: &[RuleInfo] = &[
    rule(
        "proof.spelling",
        "Spelling (Hunspell dictionary of the article's language)",
        Recommended,
    ),
    rule(
        "proof.name_spelling",
        "A name spelled once otherwise than the article spells it (Chastian, Chastain)",
        Recommended,
    ),
    rule(
        "proof.house_style",
        "House style: preferred forms, banned words, patterns",
        Recommended,
    ),
    rule(
        "proof.apostrophe",
        "Lost apostrophes (Kyivs, wasnt)",
        Recommended,
    ),
    rule(
        "proof.run_together",
        "Words run together where a dash or space was lost",
        Recommended,
    ),
    rule(
        "proof.hyphen_dash",
        "A hyphen between spaces where a dash belongs (today - almost)",
        Recommended,
    ),
    rule("proof.doubled_word", "Doubled words", Recommended),
    rule("proof.double_space", "Doubled spaces", Recommended),
    rule(
        "proof.quote_spacing",
        "A closing quote glued to the next word (Year, ”out)",
        Recommended,
    ),
    rule(
        "proof.straight_quotes",
        "Straight quotes where the house uses curly ones",
        Recommended,
    ),
    rule(
        "proof.mojibake",
        "Garbled characters from a wrong encoding (Ã©, â€™, �)",
        Recommended,
    ),
    rule(
        "proof.residue",
        "Page furniture left from a copy (Share, 4 min read, a picture's caption, …)",
        Recommended,
    ),
    rule(
        "proof.dictionary",
        "Note when no dictionary is installed for the language",
        Off,
    ),
];

/// The fields that are proofread.
const FIELDS: [Field; 3] = [Field::Headline, Field::Standfirst, Field::Body];

/// Cached lines above this count are dropped (a project's worth of edits).
const MAX_CACHED_LINES: usize = 100_000;

#[derive(Hash, PartialEq, Eq)]
struct LineKey {
    hash: u64,
    length: usize,
    in_code: bool,
    in_body: bool,
}

/// The proofreader of a project: compiled house style, spellers and the line cache.
pub struct Proofreader {
    source: (HouseStyle, Vec<String>),
    style: HouseRules,
    project_words: HashSet<String>,
    spellers: HashMap<String, Option<Speller>>,
    lines: HashMap<(String, LineKey), Arc<LineResult>>,
}

/// One line of a field: where it starts and whether it is code.
struct Line<'a> {
    start: usize,
    input: LineInput<'a>,
}

/// Splits a field into lines, tracking fenced and indented code in the body.
fn lines_of(field: Field, text: &str) -> Vec<Line<'_>> {
    let in_body = field == Field::Body;
    let mut fenced = false;
    let mut start = 0;
    text.split('\n')
        .map(|line| {
            let fence = in_body
                && (line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~"));
            if fence {
                fenced = !fenced;
            }
            let indented = in_body && (line.starts_with("    ") || line.starts_with('\t'));
            let item = Line {
                start,
                input: LineInput {
                    text: line,
                    in_code: fence || fenced || indented,
                    in_body,
                },
            };
            start += line.len() + 1;
            item
        })
        .collect()
}

impl Proofreader {
    /// A proofreader for a project's house style and dictionary.
    pub fn new(settings: &ProjectSettings) -> Self {
        Proofreader {
            source: (settings.house_style.clone(), settings.dictionary.clone()),
            style: HouseRules::new(&settings.house_style),
            project_words: settings.dictionary.iter().cloned().collect(),
            spellers: HashMap::new(),
            lines: HashMap::new(),
        }
    }

    /// Whether this proofreader was built for these settings.
    pub fn is_for(&self, settings: &ProjectSettings) -> bool {
        self.source.0 == settings.house_style && self.source.1 == settings.dictionary
    }

    /// Adds the proofreading findings of an article.
    pub fn check(&mut self, article: &Article, profile: &ChecklistProfile, out: &mut Vec<Finding>) {
        let level_of = |id: &str| {
            let info = RULES.iter().find(|r| r.id == id)?;
            Severity::of(profile.level(info))
        };
        if RULES.iter().all(|r| profile.level(r) == Off) {
            return;
        }
        let language = article.language.to_ascii_lowercase();
        let speller = self
            .spellers
            .entry(language.clone())
            .or_insert_with(|| Speller::new(dictionary::for_language(&language)));
        if speller.is_none() && level_of("proof.spelling").is_some() {
            let message = format!(
                "No spelling dictionary for \"{}\" is installed (for example hunspell-{}); spelling is not checked",
                article.language,
                article.language.split('-').next().unwrap_or("")
            );
            out.push(Finding::new(
                "proof.dictionary",
                Severity::Info,
                Field::Language,
                message,
            ));
        }
        for broken in &self.style.broken {
            out.push(Finding::new(
                "proof.house_style",
                Severity::Info,
                Field::Body,
                broken.clone(),
            ));
        }
        if self.lines.len() > MAX_CACHED_LINES {
            self.lines.clear();
        }
        let mut read = Vec::new();
        for field in FIELDS {
            let text = field.text(article).unwrap_or("");
            for line in lines_of(field, text) {
                let mut hasher = DefaultHasher::new();
                line.input.text.hash(&mut hasher);
                let key = LineKey {
                    hash: hasher.finish(),
                    length: line.input.text.len(),
                    in_code: line.input.in_code,
                    in_body: line.input.in_body,
                };
                let result = self
                    .lines
                    .entry((language.clone(), key))
                    .or_insert_with(|| {
                        Arc::new(line::analyse(
                            &line.input,
                            speller.as_mut(),
                            &self.project_words,
                            &self.style,
                        ))
                    })
                    .clone();
                read.push((field, line.start, line.input.text.len(), result));
            }
        }
        let mut names: HashMap<&str, usize> = HashMap::new();
        for name in read.iter().flat_map(|(.., result)| &result.names) {
            *names.entry(name).or_default() += 1;
        }
        furniture_lists(article, &read, level_of("proof.residue"), out);
        let curly = self.style.curly_quotes;
        for (field, start, length, result) in &read {
            let text = field.text(article).unwrap_or("");
            for local in &result.local {
                let Some(level) = level_of(local.rule) else {
                    continue;
                };
                let mut finding = local.clone();
                finding.field = *field;
                finding.level = level;
                finding.span = local.span.clone().map(|s| start + s.start..start + s.end);
                if finding.rule == "proof.residue"
                    && text.as_bytes().get(start + length) == Some(&b'\n')
                {
                    finding.span = Some(*start..start + length + 1);
                }
                out.push(finding);
            }
            for candidate in &result.candidates {
                let span = start + candidate.range.start..start + candidate.range.end;
                let word = candidate.word.as_str();
                if let Some(repair) = lost_apostrophe(candidate, &names, speller.as_mut(), curly) {
                    if let Some(level) = level_of("proof.apostrophe") {
                        let message = format!(
                            "\"{word}\" looks like a possessive that lost its apostrophe: \"{repair}\""
                        );
                        out.push(
                            Finding::new("proof.apostrophe", level, *field, message)
                                .at(span)
                                .fix(repair),
                        );
                    }
                    continue;
                }
                let Some(speller) = speller.as_mut() else {
                    continue;
                };
                // A name used more than once (as itself, a plural or a possessive) is taken
                // to be spelled as meant.
                let uses = |form: String| names.get(form.as_str()).copied().unwrap_or(0);
                let base = line::possessive_base(word);
                let repeated = uses(base.to_owned()) + uses(format!("{base}s")) > 1;
                // Spelled once one way and more often another: the odd one out is the slip,
                // in a full name too ("Jessica Chastian" beside eight "Chastain"). A rule of its
                // own, so that the slip is never offered to the dictionary.
                if candidate.capitalized
                    && !repeated
                    && let Some(level) = level_of("proof.name_spelling")
                    && let Some((name, times)) = name_slipped(base, &names)
                {
                    let message = format!(
                        "\"{word}\" is spelled \"{name}\" {times} other times in this article"
                    );
                    let repair = format!("{name}{}", &word[base.len()..]);
                    let finding = Finding::new("proof.name_spelling", level, *field, message);
                    out.push(finding.at(span).fix(repair));
                    continue;
                }
                if candidate.capitalized && (repeated || candidate.in_full_name) {
                    continue;
                }
                let Some(level) = level_of("proof.spelling") else {
                    continue;
                };
                let message = format!("\"{word}\" is not in the dictionary");
                let mut finding = Finding::new("proof.spelling", level, *field, message).at(span);
                if let Some(repairs) = speller.cached_repairs(word) {
                    finding.set_repairs(repairs);
                }
                out.push(finding);
            }
        }
    }
}

/// The name this article uses more than once that `word` (a name used once) is a slip of: a
/// letter added, dropped or changed, or two swapped ("Chastian" for "Chastain"), with how often
/// it is used; the most used one when there are several. Short names ("Jon", "Jan") are left
/// alone: one letter apart, they are as likely two people.
fn name_slipped<'a>(word: &str, names: &HashMap<&'a str, usize>) -> Option<(&'a str, usize)> {
    /// The shortest name compared.
    const SHORTEST: usize = 5;
    if word.chars().count() < SHORTEST {
        return None;
    }
    names
        .iter()
        .filter(|(name, uses)| **uses > 1 && **name != word && name.chars().count() >= SHORTEST)
        // "the Kennedys" beside "Kennedy" is a plural, not a slip.
        .filter(|(name, _)| {
            word.strip_suffix('s') != Some(**name) && name.strip_suffix('s') != Some(word)
        })
        .filter(|(name, _)| strsim::damerau_levenshtein(word, name) == 1)
        .max_by_key(|(name, uses)| (**uses, std::cmp::Reverse(**name)))
        .map(|(name, uses)| (*name, *uses))
}

/// One line as read: its field, where it starts, its length and what it gave.
type ReadLine = (Field, usize, usize, Arc<LineResult>);

impl Proofreader {
    /// Fills in the dictionary's suggestions for spelling findings that have none yet, one word
    /// at a time while `keep_going` says so; true when any finding changed.
    pub fn fill_suggestions(
        &mut self,
        article: &Article,
        findings: &mut [Finding],
        keep_going: &dyn Fn() -> bool,
    ) -> bool {
        let language = article.language.to_ascii_lowercase();
        let Some(Some(speller)) = self.spellers.get_mut(&language) else {
            return false;
        };
        let mut changed = false;
        for finding in findings
            .iter_mut()
            .filter(|f| f.rule == "proof.spelling" && f.suggestion.is_none())
        {
            if !keep_going() {
                break;
            }
            let word = finding.flagged_text(article).to_owned();
            let repairs = speller.repairs(&word);
            if !repairs.is_empty() {
                finding.set_repairs(repairs);
                changed = true;
            }
        }
        changed
    }
}

/// Flags the short items listed together with page furniture (breadcrumbs, meta lines).
fn furniture_lists(
    article: &Article,
    read: &[ReadLine],
    level: Option<Severity>,
    out: &mut Vec<Finding>,
) {
    let Some(level) = level else {
        return;
    };
    let body: Vec<&ReadLine> = read
        .iter()
        .filter(|(field, ..)| *field == Field::Body)
        .collect();
    let lines: Vec<(&str, bool)> = body
        .iter()
        .map(|(_, start, length, result)| {
            let furniture = result.local.iter().any(|f| f.rule == "proof.residue");
            (&article.body[*start..start + length], furniture)
        })
        .collect();
    for index in damage::furniture_neighbours(&lines) {
        let (_, start, length, _) = body[index];
        let end = if article.body.as_bytes().get(start + length) == Some(&b'\n') {
            start + length + 1
        } else {
            start + length
        };
        let message = format!(
            "\"{}\" is listed with page furniture left from a copy",
            lines[index].0.trim()
        );
        out.push(
            Finding::new("proof.residue", level, Field::Body, message)
                .at(*start..end)
                .fix(""),
        );
    }
}

/// The repaired possessive when an unknown word ending in s is a name (or word) plus a lost `'s`.
fn lost_apostrophe(
    candidate: &line::Candidate,
    names: &HashMap<&str, usize>,
    speller: Option<&mut Speller>,
    curly: bool,
) -> Option<String> {
    let word = candidate.word.as_str();
    let stem = word.strip_suffix('s')?;
    if (candidate.capitalized && candidate.after_determiner)
        || stem.chars().count() < 3
        || stem.ends_with(['s', '\'', '’'])
    {
        return None;
    }
    let apostrophe = if curly { '’' } else { '\'' };
    let possessive = format!("{stem}{apostrophe}s");
    let stem_used = candidate.capitalized && names.contains_key(stem);
    let dictionary_says = speller.is_some_and(|s| s.knows(&format!("{stem}'s")));
    (stem_used || dictionary_says).then_some(possessive)
}
