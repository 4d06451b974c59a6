//! House style compiled for checking: preferred forms, banned words, regex rules.

use super::dashes;
use crate::review::profile::{HouseDash, HouseStyle, PatternRule};
use crate::review::{Field, Finding, Severity};
use regex::Regex;
use std::ops::Range;

/// A house style ready to run.
pub struct HouseRules {
    preferred: Vec<(Regex, String)>,
    banned: Vec<Regex>,
    patterns: Vec<(Regex, String, Option<String>)>,
    /// Patterns that did not compile, with the error, reported as notes.
    pub broken: Vec<String>,
    /// Whether straight quotes are flagged.
    pub curly_quotes: bool,
    /// How the house writes a dash between words.
    pub dash: HouseDash,
}

/// A case-insensitive whole-word pattern for a literal form.
fn whole_word(form: &str) -> Option<Regex> {
    Regex::new(&format!(r"(?i)\b{}\b", regex::escape(form.trim()))).ok()
}

/// The preferred form in the case of the text it replaces (`per cent` → `Per cent` at a sentence start).
fn in_case_of(found: &str, preferred: &str) -> String {
    let starts_upper = found.chars().next().is_some_and(char::is_uppercase);
    let mut chars = preferred.chars();
    match chars.next() {
        Some(first) if starts_upper && first.is_lowercase() => {
            first.to_uppercase().chain(chars).collect()
        }
        _ => preferred.to_owned(),
    }
}

impl HouseRules {
    /// Compiles a house style.
    pub fn new(style: &HouseStyle) -> Self {
        let mut broken = Vec::new();
        let preferred = style
            .preferred
            .iter()
            .flat_map(|p| p.instead_of.iter().map(move |form| (form, &p.preferred)))
            .filter(|(form, _)| !form.trim().is_empty())
            .filter_map(|(form, preferred)| Some((whole_word(form)?, preferred.clone())))
            .collect();
        let banned = style
            .banned
            .iter()
            .filter(|w| !w.trim().is_empty())
            .filter_map(|w| whole_word(w))
            .collect();
        let patterns = style
            .patterns
            .iter()
            .filter_map(|rule| match PatternRule::compile(&rule.pattern) {
                Ok(regex) => Some((regex, rule.message.clone(), rule.replacement.clone())),
                Err(error) => {
                    broken.push(format!(
                        "House style pattern \"{}\" is not valid: {error}",
                        rule.pattern
                    ));
                    None
                }
            })
            .collect();
        HouseRules {
            preferred,
            banned,
            patterns,
            broken,
            curly_quotes: style.curly_quotes,
            dash: style.dash,
        }
    }

    /// Adds the house-style findings of one line.
    pub fn check(
        &self,
        text: &str,
        in_prose: &dyn Fn(&Range<usize>) -> bool,
        out: &mut Vec<Finding>,
    ) {
        let mut push = |span: Range<usize>, message: String, fix: Option<String>| {
            if in_prose(&span) {
                let finding = Finding::new(
                    "proof.house_style",
                    Severity::Recommended,
                    Field::Body,
                    message,
                )
                .at(span);
                out.push(match fix {
                    Some(fix) => finding.fix(fix),
                    None => finding,
                });
            }
        };
        for (regex, preferred) in &self.preferred {
            for m in regex.find_iter(text) {
                let fix = in_case_of(m.as_str(), preferred);
                push(
                    m.range(),
                    format!("House style: \"{fix}\", not \"{}\"", m.as_str()),
                    Some(fix),
                );
            }
        }
        for regex in &self.banned {
            for m in regex.find_iter(text) {
                push(
                    m.range(),
                    format!("House style: \"{}\" is not used", m.as_str()),
                    None,
                );
            }
        }
        for (span, fix) in dashes::off_house_dashes(text, self.dash) {
            let message = format!("House style: a dash between words is written \"{fix}\"");
            push(span, message, Some(fix));
        }
        for (regex, message, replacement) in &self.patterns {
            for captures in regex.captures_iter(text) {
                let Some(whole) = captures.get(0).filter(|m| !m.is_empty()) else {
                    continue;
                };
                let fix = replacement.as_ref().map(|r| {
                    let mut expanded = String::new();
                    captures.expand(r, &mut expanded);
                    expanded
                });
                push(whole.range(), format!("House style: {message}"), fix);
            }
        }
    }
}
