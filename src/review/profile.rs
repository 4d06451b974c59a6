//! The project's review settings: checklist levels and limits, house style, project dictionary.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How much a checklist rule matters in a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Not checked.
    Off,
    /// Shown as a warning; can be waived with a reason.
    Recommended,
    /// Blocks moving to ready or published, and exporting.
    Required,
}

/// Limits the rules measure against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Limits {
    /// Longest headline, in characters.
    pub headline_max: usize,
    /// Longest SEO title, in characters.
    pub seo_title_max: usize,
    /// Longest social title, in characters.
    pub social_title_max: usize,
    /// Shortest standfirst, in characters.
    pub standfirst_min: usize,
    /// Longest standfirst, in characters.
    pub standfirst_max: usize,
    /// Fewest words in the body.
    pub body_min_words: usize,
    /// Longest alt text, in characters.
    pub alt_text_max: usize,
    /// Narrowest hero image, in pixels.
    pub hero_min_width: u32,
    /// Smallest hero image, in pixels (width × height).
    pub hero_min_pixels: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            headline_max: 110,
            seo_title_max: 60,
            social_title_max: 70,
            standfirst_min: 50,
            standfirst_max: 160,
            body_min_words: 150,
            alt_text_max: 125,
            hero_min_width: 1200,
            hero_min_pixels: 50_000,
        }
    }
}

/// The checklist profile of a project: a level for each rule, and the limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChecklistProfile {
    /// Level of each rule by id; a rule missing here has its default level.
    pub rules: BTreeMap<String, Level>,
    /// Lengths and sizes.
    pub limits: Limits,
}

impl Default for ChecklistProfile {
    fn default() -> Self {
        ChecklistProfile {
            rules: super::all_rules()
                .map(|rule| (rule.id.to_owned(), rule.default_level))
                .collect(),
            limits: Limits::default(),
        }
    }
}

impl ChecklistProfile {
    /// The level of a rule in this profile.
    pub fn level(&self, rule: &super::RuleInfo) -> Level {
        self.rules
            .get(rule.id)
            .copied()
            .unwrap_or(rule.default_level)
    }
}

/// A preferred form and the forms it replaces (`Kyiv` instead of `Kiev`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preferred {
    /// The house form.
    #[serde(rename = "use")]
    pub preferred: String,
    /// The forms to flag.
    pub instead_of: Vec<String>,
}

/// A house rule written as a regular expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatternRule {
    /// The regular expression (Rust `regex` syntax).
    pub pattern: String,
    /// What to tell the editor.
    pub message: String,
    /// The replacement, with `$1`-style groups; none when there is no automatic fix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement: Option<String>,
}

impl PatternRule {
    /// Compiles `pattern`, or says in one line what is wrong with it and where ("unclosed
    /// character class at character 10"): the regex crate's own message draws a caret under
    /// the pattern, which only lines up in a fixed-width font.
    pub fn compile(pattern: &str) -> Result<regex::Regex, String> {
        regex::Regex::new(pattern).map_err(|error| {
            let at = |kind: &dyn std::fmt::Display, span: &regex_syntax::ast::Span| {
                format!("{kind} at character {}", span.start.column)
            };
            match regex_syntax::Parser::new().parse(pattern) {
                Err(regex_syntax::Error::Parse(e)) => at(e.kind(), e.span()),
                Err(regex_syntax::Error::Translate(e)) => at(e.kind(), e.span()),
                // Not a syntax error: one the regex crate states in a line (too large).
                _ => error.to_string(),
            }
        })
    }
}

/// The project's house style.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HouseStyle {
    /// Preferred forms.
    pub preferred: Vec<Preferred>,
    /// Words never to use.
    pub banned: Vec<String>,
    /// Regular-expression rules.
    pub patterns: Vec<PatternRule>,
    /// Whether the house uses curly quotes (then straight ones are flagged).
    pub curly_quotes: bool,
    /// How the house writes a dash between words (not written while unsettled, so that
    /// bundles written before the setting existed stay as they were).
    #[serde(skip_serializing_if = "HouseDash::is_unsettled")]
    pub dash: HouseDash,
}

/// How a house writes a dash between words ("talks – at last").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HouseDash {
    /// Not settled: any dash passes, and a hyphen standing for one is offered both.
    #[default]
    Any,
    /// An em dash between spaces ("talks — at last"), as AP and many newsrooms write it.
    SpacedEm,
    /// An em dash closed up ("talks—at last"), as Chicago style writes it.
    ClosedEm,
    /// An en dash between spaces ("talks – at last"), as British houses write it.
    SpacedEn,
}

impl HouseDash {
    /// Every choice, in the order the settings offer them.
    pub const ALL: [HouseDash; 4] = [
        HouseDash::Any,
        HouseDash::SpacedEm,
        HouseDash::ClosedEm,
        HouseDash::SpacedEn,
    ];

    /// The choice as the settings name it.
    pub fn label(self) -> &'static str {
        match self {
            HouseDash::Any => "Not settled (any dash)",
            HouseDash::SpacedEm => "Spaced em dash ( — )",
            HouseDash::ClosedEm => "Closed em dash (—)",
            HouseDash::SpacedEn => "Spaced en dash ( – )",
        }
    }

    /// Whether the house has not settled its dash.
    pub fn is_unsettled(&self) -> bool {
        *self == HouseDash::Any
    }

    /// The dash with its spaces, as it stands between two words (a spaced em dash when the house
    /// has not settled one).
    pub fn between_words(self) -> &'static str {
        match self {
            HouseDash::Any | HouseDash::SpacedEm => " — ",
            HouseDash::ClosedEm => "—",
            HouseDash::SpacedEn => " – ",
        }
    }
}

impl Default for HouseStyle {
    fn default() -> Self {
        HouseStyle {
            preferred: vec![
                Preferred {
                    preferred: "Kyiv".into(),
                    instead_of: vec!["Kiev".into()],
                },
                Preferred {
                    preferred: "per cent".into(),
                    instead_of: vec!["percent".into()],
                },
            ],
            banned: Vec::new(),
            patterns: Vec::new(),
            curly_quotes: false,
            dash: HouseDash::Any,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_settled_dash_is_written_and_read_back_and_an_unsettled_one_is_not_written() {
        let unsettled = serde_json::to_value(HouseStyle::default()).unwrap();
        assert!(unsettled.get("dash").is_none(), "{unsettled}");
        let style = HouseStyle {
            dash: HouseDash::SpacedEn,
            ..HouseStyle::default()
        };
        let written = serde_json::to_value(&style).unwrap();
        assert_eq!(written["dash"], "spaced_en");
        let read: HouseStyle = serde_json::from_value(written).unwrap();
        assert_eq!(read, style);
    }

    #[test]
    fn a_broken_pattern_is_told_in_one_line_with_where() {
        assert!(PatternRule::compile(r"(\d+) per cent").is_ok());
        assert_eq!(
            PatternRule::compile("(unclosed[").unwrap_err(),
            "unclosed character class at character 10"
        );
        assert_eq!(
            PatternRule::compile("Kyïv (").unwrap_err(),
            "unclosed group at character 6"
        );
        assert_eq!(
            PatternRule::compile(r"\p{Nope}").unwrap_err(),
            "Unicode property not found at character 1"
        );
        let too_big = PatternRule::compile(r"\w{1000}{1000}").unwrap_err();
        assert!(!too_big.contains('\n'), "{too_big}");
    }
}
