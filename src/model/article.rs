//! One article: every field an editor fills in before publication.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use uuid::Uuid;

pub use super::picture::{ASSET_EXTENSIONS, AssetName, FocalPoint, ImageRef};

/// The workflow state of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Being written.
    #[default]
    Draft,
    /// With an editor.
    Editing,
    /// Passed review, waiting to go out.
    Ready,
    /// Out in the world.
    Published,
    /// Published, then corrected.
    Corrected,
    /// Withdrawn.
    Killed,
}

impl Status {
    /// Every status, in workflow order.
    pub const ALL: [Status; 6] = [
        Status::Draft,
        Status::Editing,
        Status::Ready,
        Status::Published,
        Status::Corrected,
        Status::Killed,
    ];

    /// The status's place in [`Status::ALL`], for tables kept per status.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The lowercase name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Editing => "editing",
            Status::Ready => "ready",
            Status::Published => "published",
            Status::Corrected => "corrected",
            Status::Killed => "killed",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A byline: who contributed, and as what ("Reporter", "Photographs", …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Byline {
    /// The contributor's name, without a "By" prefix.
    pub name: String,
    /// The contributor's role; empty when not stated.
    #[serde(default)]
    pub role: String,
}

impl Byline {
    /// A byline with a name and a role.
    pub fn new(name: impl Into<String>, role: impl Into<String>) -> Self {
        Byline {
            name: name.into(),
            role: role.into(),
        }
    }
}

/// Where (and optionally when) the story was filed, as in "KYIV, 2 December".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Dateline {
    /// The place, such as "Kyiv".
    #[serde(default)]
    pub place: String,
    /// The date shown in the dateline, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
}

/// An embargo: the article may not be published before `until`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Embargo {
    /// The moment the embargo lifts, with the offset it was given in.
    pub until: DateTime<FixedOffset>,
    /// The IANA time zone the embargo was set in, such as "Europe/Kyiv".
    pub time_zone: String,
}

/// Whether an appended note corrects an error or clarifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum CorrectionKind {
    /// A factual error was fixed.
    #[default]
    Correction,
    /// Wording was made clearer; nothing was wrong.
    Clarification,
}

impl CorrectionKind {
    /// Both kinds, in menu order.
    pub const ALL: [CorrectionKind; 2] =
        [CorrectionKind::Correction, CorrectionKind::Clarification];

    /// The kind's name as readers see it: "Correction" or "Clarification".
    pub fn label(self) -> &'static str {
        match self {
            CorrectionKind::Correction => "Correction",
            CorrectionKind::Clarification => "Clarification",
        }
    }

    /// The kind's name in lowercase, as stored and as ninjs names a description's role.
    pub fn as_str(self) -> &'static str {
        match self {
            CorrectionKind::Correction => "correction",
            CorrectionKind::Clarification => "clarification",
        }
    }
}

/// A correction or clarification shown at the foot of the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// When the correction was made.
    pub date: DateTime<Utc>,
    /// Correction or clarification.
    #[serde(default)]
    pub kind: CorrectionKind,
    /// The text shown to readers.
    pub text: String,
}

/// An article and everything that goes with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identity; also the file name in the bundle.
    pub id: Uuid,
    /// The URL part, unique in the project.
    #[serde(default)]
    pub slug: String,
    /// The main headline.
    #[serde(default)]
    pub headline: String,
    /// The headline for search engines.
    #[serde(default)]
    pub seo_title: String,
    /// The headline for social cards.
    #[serde(default)]
    pub social_title: String,
    /// The summary under the headline.
    #[serde(default)]
    pub standfirst: String,
    /// Contributors, in the order shown.
    #[serde(default)]
    pub bylines: Vec<Byline>,
    /// The section, one of the project's.
    #[serde(default)]
    pub section: String,
    /// Free keywords.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The short internal name of the story.
    #[serde(default)]
    pub slugline: String,
    /// Where and when it was filed.
    #[serde(default)]
    pub dateline: Dateline,
    /// BCP 47 language tag.
    #[serde(default = "default_language")]
    pub language: String,
    /// A note to other editors, never published.
    #[serde(default)]
    pub editors_note: String,
    /// CommonMark; stored one line per JSON string so a paragraph edit is a one-line diff.
    #[serde(default, with = "body_lines")]
    pub body: String,
    /// Workflow state.
    #[serde(default)]
    pub status: Status,
    /// When the article was created.
    pub created: DateTime<Utc>,
    /// When it was last changed.
    pub updated: DateTime<Utc>,
    /// When it first went out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_published: Option<DateTime<Utc>>,
    /// Not to be published before this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embargo: Option<Embargo>,
    /// Corrections and clarifications, oldest first.
    #[serde(default)]
    pub corrections: Vec<Correction>,
    /// The picture at the top of the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hero_image: Option<ImageRef>,
    /// The pictures in the body (`![alt](asset:<name>)`), with their caption, credit and terms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<ImageRef>,
    /// Findings an editor waived, with the reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waivers: Vec<crate::model::Waiver>,
    /// Every change of status, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub workflow_log: Vec<crate::model::Transition>,
    /// Where the article was imported from, when it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import_source: Option<crate::model::ImportSource>,
    /// Fields written by a newer version of Copydesk, kept untouched.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

fn default_language() -> String {
    "en".to_owned()
}

impl Article {
    /// Makes this article a copy of `source`, reusing this one's buffers: a keystroke's copy of
    /// a 20,000-word article then copies its bytes without allocating and freeing 130 KB.
    pub fn assign_from(&mut self, source: &Article) {
        // Every field by name, so that a new field cannot be forgotten here.
        let Article {
            id,
            slug,
            headline,
            seo_title,
            social_title,
            standfirst,
            bylines,
            section,
            tags,
            slugline,
            dateline,
            language,
            editors_note,
            body,
            status,
            created,
            updated,
            first_published,
            embargo,
            corrections,
            hero_image,
            images,
            waivers,
            workflow_log,
            import_source,
            extra,
        } = source;
        self.id = *id;
        self.slug.clone_from(slug);
        self.headline.clone_from(headline);
        self.seo_title.clone_from(seo_title);
        self.social_title.clone_from(social_title);
        self.standfirst.clone_from(standfirst);
        self.bylines.clone_from(bylines);
        self.section.clone_from(section);
        self.tags.clone_from(tags);
        self.slugline.clone_from(slugline);
        self.dateline.clone_from(dateline);
        self.language.clone_from(language);
        self.editors_note.clone_from(editors_note);
        self.body.clone_from(body);
        self.status.clone_from(status);
        self.created = *created;
        self.updated = *updated;
        self.first_published = *first_published;
        self.embargo.clone_from(embargo);
        self.corrections.clone_from(corrections);
        self.hero_image.clone_from(hero_image);
        self.images.clone_from(images);
        self.waivers.clone_from(waivers);
        self.workflow_log.clone_from(workflow_log);
        self.import_source.clone_from(import_source);
        self.extra.clone_from(extra);
    }

    /// A new, empty draft with a fresh id, created now.
    pub fn new(headline: impl Into<String>) -> Self {
        Self::new_at(headline, Utc::now())
    }

    /// A new, empty draft created at a given moment (for tests and imports).
    pub fn new_at(headline: impl Into<String>, now: DateTime<Utc>) -> Self {
        let headline = headline.into();
        Article {
            id: Uuid::new_v4(),
            slug: crate::model::slug::slugify(&headline),
            headline,
            seo_title: String::new(),
            social_title: String::new(),
            standfirst: String::new(),
            bylines: Vec::new(),
            section: String::new(),
            tags: Vec::new(),
            slugline: String::new(),
            dateline: Dateline::default(),
            language: default_language(),
            editors_note: String::new(),
            body: String::new(),
            status: Status::Draft,
            created: now,
            updated: now,
            first_published: None,
            embargo: None,
            corrections: Vec::new(),
            hero_image: None,
            images: Vec::new(),
            waivers: Vec::new(),
            workflow_log: Vec::new(),
            import_source: None,
            extra: BTreeMap::new(),
        }
    }

    /// Text statistics of the body.
    pub fn body_stats(&self) -> crate::model::TextStats {
        crate::model::TextStats::of(&self.body)
    }

    /// The section a published page names in its breadcrumb: the article's own, or "News" for
    /// an article filed under none (an imported page, say).
    pub fn page_section(&self) -> &str {
        match self.section.trim() {
            "" => "News",
            section => section,
        }
    }

    /// The title search results show: the SEO title, or the headline standing in for an empty
    /// one.
    pub fn search_title(&self) -> &str {
        stand_in(&self.seo_title, &self.headline)
    }

    /// The title link cards show: the social title, or the headline standing in for an empty
    /// one.
    pub fn card_title(&self) -> &str {
        stand_in(&self.social_title, &self.headline)
    }

    /// The names of the credited bylines, in order.
    pub fn byline_names(&self) -> Vec<String> {
        self.credited_bylines().map(|b| b.name.clone()).collect()
    }

    /// The bylines that name someone, as readers see them: a byline being added, its name not
    /// typed yet, is left out (the review asks for its name).
    pub fn credited_bylines(&self) -> impl Iterator<Item = &Byline> {
        self.bylines.iter().filter(|b| !b.name.trim().is_empty())
    }

    /// The corrections with a wording, as readers see them: one added and not written yet is
    /// left out (the review asks for its text).
    pub fn written_corrections(&self) -> impl Iterator<Item = &Correction> {
        self.corrections
            .iter()
            .filter(|c| !c.text.trim().is_empty())
    }
}

/// Serializes the body as an array of lines, so one edited paragraph is one changed line in git.
mod body_lines {
    use super::*;

    pub fn serialize<S: Serializer>(body: &str, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(body.split('\n'))
    }

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Stored {
        Lines(Vec<String>),
        Text(String),
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
        Ok(match Stored::deserialize(deserializer)? {
            Stored::Lines(lines) => lines.join("\n"),
            Stored::Text(text) => text,
        })
    }
}

/// `title`, or `headline` when the title is empty (blank).
fn stand_in<'a>(title: &'a str, headline: &'a str) -> &'a str {
    if title.trim().is_empty() {
        headline
    } else {
        title
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_s_index_is_its_place_in_the_list_of_all() {
        for (at, status) in Status::ALL.into_iter().enumerate() {
            assert_eq!(status.index(), at, "{status}");
        }
    }

    #[test]
    fn a_correction_kind_s_lowercase_name_is_the_one_stored() {
        for kind in CorrectionKind::ALL {
            let stored = serde_json::to_value(kind).unwrap();
            assert_eq!(stored, kind.as_str());
            assert_eq!(kind.label().to_lowercase(), kind.as_str());
        }
    }

    #[test]
    fn assign_from_makes_an_equal_copy_in_the_same_buffer() {
        let mut source = Article::new("Talks resume");
        source.body = "Word ".repeat(1000);
        source.tags = vec!["Ukraine".into(), "Diplomacy".into()];
        source
            .extra
            .insert("future".into(), serde_json::json!({"x": 1}));
        let mut copy = source.clone();
        copy.body.reserve(64);
        let buffer = copy.body.as_ptr();
        source.body.push_str("one more");
        source.headline = "Talks resume on Monday".into();
        source.tags.pop();
        copy.assign_from(&source);
        assert_eq!(copy, source);
        assert_eq!(copy.body.as_ptr(), buffer, "the body's buffer was reused");
    }

    #[test]
    fn body_round_trips_through_lines_exactly() {
        let mut article = Article::new("A");
        for body in ["", "\n", "one", "a\n\nb\n", "\r\n\r\n", "x\n\n\n"] {
            article.body = body.to_owned();
            let json = serde_json::to_string(&article).unwrap();
            let back: Article = serde_json::from_str(&json).unwrap();
            assert_eq!(back.body, body);
        }
    }

    #[test]
    fn asset_names_with_paths_are_refused() {
        assert!(AssetName::parse("../../etc/passwd").is_err());
        assert!(AssetName::parse(&format!("{}.png", "a".repeat(64))).is_ok());
        assert!(AssetName::parse(&format!("../{}.png", "a".repeat(61))).is_err());
        assert!(AssetName::parse(&format!("{}.exe", "a".repeat(64))).is_err());
    }

    #[test]
    fn unknown_fields_survive() {
        let mut value = serde_json::to_value(Article::new("A")).unwrap();
        value["future_field"] = serde_json::json!({"x": 1});
        let article: Article = serde_json::from_value(value).unwrap();
        let again = serde_json::to_value(&article).unwrap();
        assert_eq!(again["future_field"], serde_json::json!({"x": 1}));
    }
}
