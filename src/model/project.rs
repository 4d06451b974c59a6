//! A project: the settings shared by all the articles of a bundle.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The default reading speed, in words a minute.
pub const DEFAULT_READING_SPEED: u32 = 200;

/// House settings of a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectSettings {
    /// The sections articles can be filed in, in menu order.
    #[serde(default)]
    pub sections: Vec<String>,
    /// Reading speed for reading-time estimates, in words a minute.
    #[serde(default = "default_reading_speed")]
    pub reading_words_per_minute: u32,
    /// The site's address, for canonical links in exports; empty when unknown.
    #[serde(default)]
    pub base_url: String,
    /// The checklist profile: a level for each rule, and the limits.
    #[serde(default)]
    pub checklist: crate::review::ChecklistProfile,
    /// The house style for proofreading.
    #[serde(default)]
    pub house_style: crate::review::HouseStyle,
    /// The project dictionary: words spelling accepts.
    #[serde(default)]
    pub dictionary: Vec<String>,
    /// Export settings.
    #[serde(default)]
    pub export: ExportSettings,
    /// Settings written by later versions (house style, checklist profile, …), kept untouched.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ProjectSettings {
    /// The site's address without a trailing slash; none when it is not set.
    pub fn site(&self) -> Option<&str> {
        let base = self.base_url.trim().trim_end_matches('/');
        (!base.is_empty()).then_some(base)
    }

    /// The public address of an article with `slug`: the site's address, then the slug (what
    /// exports write as the canonical link); none when the site's address is not set.
    pub fn article_url(&self, slug: &str) -> Option<String> {
        self.site().map(|site| format!("{site}/{slug}"))
    }
}

/// The reading speeds a project may set, in words a minute.
pub const READING_SPEEDS: std::ops::RangeInclusive<u32> = 50..=1000;

fn default_reading_speed() -> u32 {
    DEFAULT_READING_SPEED
}

impl Default for ProjectSettings {
    fn default() -> Self {
        ProjectSettings {
            sections: ["News", "World", "Business", "Culture", "Sport", "Opinion"]
                .map(String::from)
                .to_vec(),
            reading_words_per_minute: DEFAULT_READING_SPEED,
            base_url: String::new(),
            checklist: Default::default(),
            house_style: Default::default(),
            dictionary: Vec::new(),
            export: ExportSettings::default(),
            extra: BTreeMap::new(),
        }
    }
}

/// How articles are exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportSettings {
    /// Plain-text exports wrap paragraphs at this many columns; 0 keeps each paragraph on one line.
    pub text_wrap: usize,
}

impl Default for ExportSettings {
    fn default() -> Self {
        ExportSettings { text_wrap: 72 }
    }
}

/// A project: its title and settings. Its articles live in the bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// The project's name, shown in the window title.
    pub title: String,
    /// House settings.
    #[serde(default)]
    pub settings: ProjectSettings,
}

impl Project {
    /// A project with default settings.
    pub fn new(title: impl Into<String>) -> Self {
        Project {
            title: title.into(),
            settings: ProjectSettings::default(),
        }
    }

    /// What is wrong with the project's title and settings, each message naming its field;
    /// empty when nothing is. The settings dialog will not apply settings with problems.
    pub fn problems(&self) -> Vec<String> {
        let settings = &self.settings;
        let mut problems = Vec::new();
        if self.title.trim().is_empty() {
            problems.push("Title: a project needs a title".to_owned());
        }
        let site = settings.base_url.trim();
        let address = site
            .strip_prefix("https://")
            .or_else(|| site.strip_prefix("http://"));
        let well_formed = address.is_some_and(|rest| {
            let host = rest.split('/').next().unwrap_or_default();
            !host.is_empty() && !rest.contains(char::is_whitespace)
        });
        if !site.is_empty() && !well_formed {
            problems.push(format!(
                "Site address: \"{site}\" is not a web address such as https://news.example.com"
            ));
        }
        if !READING_SPEEDS.contains(&settings.reading_words_per_minute) {
            problems.push(format!(
                "Reading speed: {} words a minute is outside {}–{}",
                settings.reading_words_per_minute,
                READING_SPEEDS.start(),
                READING_SPEEDS.end()
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for (at, section) in settings.sections.iter().enumerate() {
            if section.trim().is_empty() {
                problems.push(format!("Sections: section {} has no name", at + 1));
            } else if !seen.insert(section.trim().to_lowercase()) {
                problems.push(format!("Sections: \"{}\" is listed twice", section.trim()));
            }
        }
        let limits = &settings.checklist.limits;
        if limits.standfirst_min > limits.standfirst_max {
            problems.push(format!(
                "Limits: the shortest standfirst ({}) is longer than the longest ({})",
                limits.standfirst_min, limits.standfirst_max
            ));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_s_address_is_the_site_s_then_its_slug() {
        let mut settings = ProjectSettings::default();
        assert_eq!(settings.article_url("talks"), None);
        settings.base_url = " https://news.example.com/ ".into();
        assert_eq!(
            settings.article_url("talks").as_deref(),
            Some("https://news.example.com/talks")
        );
        assert_eq!(settings.site(), Some("https://news.example.com"));
    }

    #[test]
    fn default_settings_have_no_problems() {
        assert_eq!(Project::new("Desk").problems(), Vec::<String>::new());
    }

    #[test]
    fn each_problem_names_its_field() {
        let mut project = Project::new(" ");
        project.settings.base_url = "news.example.com".into();
        project.settings.reading_words_per_minute = 0;
        project.settings.sections = vec!["World".into(), " ".into(), "world ".into()];
        project.settings.checklist.limits.standfirst_min = 200;
        assert_eq!(
            project.problems(),
            [
                "Title: a project needs a title",
                "Site address: \"news.example.com\" is not a web address such as https://news.example.com",
                "Reading speed: 0 words a minute is outside 50–1000",
                "Sections: section 2 has no name",
                "Sections: \"world\" is listed twice",
                "Limits: the shortest standfirst (200) is longer than the longest (160)",
            ]
        );
    }

    #[test]
    fn a_site_address_needs_a_scheme_and_a_host_without_spaces() {
        let mut project = Project::new("Desk");
        for (site, fine) in [
            ("", true),
            ("https://news.example.com", true),
            ("http://localhost:8080/news/", true),
            ("https://", false),
            ("https:///news", false),
            ("https://news example.com", false),
            ("ftp://news.example.com", false),
        ] {
            project.settings.base_url = site.into();
            assert_eq!(project.problems().is_empty(), fine, "{site}");
        }
    }
}
