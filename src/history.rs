//! Revision history: a revision of an article on every save that changed it. Each article has
//! `history/<id>.json` in the bundle. Body lines are stored once in a pool keyed by their hash.
//! Every [`SNAPSHOT_EVERY`]th revision lists the keys of all its lines; the others store only
//! how their line list differs from the revision before, so a long history of a long article
//! costs little more than the text that actually changed.

use crate::bundle::BundleError;
use crate::bundle::fsio::{read_json_bytes, sha256_hex, to_pretty_json, write_atomic};
use crate::model::{Article, Status};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// The folder of history files in a bundle.
pub const HISTORY_DIR: &str = "history";
/// The `format` of a history file.
pub const HISTORY_FORMAT: &str = "copydesk-history";
/// How often a revision stores its whole line list rather than a difference.
pub const SNAPSHOT_EVERY: usize = 25;

/// One step of a line-list difference from the previous revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LineEdit {
    /// Keep this many lines.
    Keep(usize),
    /// Drop this many lines.
    Drop(usize),
    /// Insert these lines (keys into the pool).
    Add(Vec<String>),
}

/// One saved state of an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Revision {
    /// When the article was last changed before this save.
    pub at: DateTime<Utc>,
    /// Its status.
    pub status: Status,
    /// Body words.
    pub words: usize,
    /// Who saved it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub editor: String,
    /// SHA-256 of the article file, to skip saves that changed nothing.
    pub sha256: String,
    /// Every field but the body.
    pub fields: Value,
    /// The body's lines as keys into the line pool (snapshot revisions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Vec<String>>,
    /// How the body's lines differ from the previous revision's (the other revisions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_edits: Option<Vec<LineEdit>>,
}

/// The revisions of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// Always [`HISTORY_FORMAT`].
    pub format: String,
    /// The article.
    pub article: Uuid,
    /// Body lines by hash.
    pub lines: BTreeMap<String, String>,
    /// Oldest first.
    pub revisions: Vec<Revision>,
}

/// The history file of an article.
pub fn history_path(root: &Path, id: Uuid) -> PathBuf {
    root.join(HISTORY_DIR).join(format!("{id}.json"))
}

fn line_key(line: &str) -> String {
    sha256_hex(line.as_bytes())[..16].to_owned()
}

impl History {
    /// An empty history.
    pub fn new(article: Uuid) -> Self {
        History {
            format: HISTORY_FORMAT.to_owned(),
            article,
            lines: BTreeMap::new(),
            revisions: Vec::new(),
        }
    }

    /// Reads an article's history; an empty one when there is no file yet.
    pub fn load(root: &Path, id: Uuid) -> Result<History, BundleError> {
        let path = history_path(root, id);
        if !path.exists() {
            return Ok(History::new(id));
        }
        let bytes = read_json_bytes(&path)?;
        let history: History = serde_json::from_slice(&bytes).map_err(|e| BundleError::Format {
            path: path.clone(),
            message: crate::bundle::error::describe_json_error(&e),
        })?;
        if history.format != HISTORY_FORMAT || history.article != id {
            return Err(BundleError::Format {
                path,
                message: format!("not the history of article {id}"),
            });
        }
        Ok(history)
    }

    /// Writes the history atomically.
    pub fn save(&self, root: &Path) -> Result<(), BundleError> {
        let path = history_path(root, self.article);
        let folder = root.join(HISTORY_DIR);
        std::fs::create_dir_all(&folder).map_err(|e| BundleError::io(&folder, e))?;
        write_atomic(&path, &to_pretty_json(self))
    }

    /// Adds a revision unless the article is as the last revision has it; true when added.
    pub fn record(&mut self, article: &Article, editor: &str) -> bool {
        let sha256 = sha256_hex(&to_pretty_json(article));
        if self.revisions.last().is_some_and(|r| r.sha256 == sha256) {
            return false;
        }
        let mut fields = serde_json::to_value(article).unwrap_or(Value::Null);
        if let Some(map) = fields.as_object_mut() {
            map.remove("body");
        }
        let keys: Vec<String> = article
            .body
            .split('\n')
            .map(|line| {
                let key = line_key(line);
                self.lines
                    .entry(key.clone())
                    .or_insert_with(|| line.to_owned());
                key
            })
            .collect();
        let count = self.revisions.len();
        let previous = count.checked_sub(1).and_then(|last| self.line_keys(last));
        let (body, body_edits) = match previous {
            Some(previous) if !count.is_multiple_of(SNAPSHOT_EVERY) => {
                (None, Some(line_edits(&previous, &keys)))
            }
            _ => (Some(keys), None),
        };
        self.revisions.push(Revision {
            at: article.updated,
            status: article.status,
            words: article.body_stats().words,
            editor: editor.to_owned(),
            sha256,
            fields,
            body,
            body_edits,
        });
        true
    }

    /// The line keys of a revision: its snapshot, or the last snapshot with the edits since.
    fn line_keys(&self, index: usize) -> Option<Vec<String>> {
        let start = (0..=index)
            .rev()
            .find(|&i| self.revisions.get(i).is_some_and(|r| r.body.is_some()))?;
        let mut keys = self.revisions[start].body.clone()?;
        for revision in &self.revisions[start + 1..=index] {
            keys = apply_edits(&keys, revision.body_edits.as_deref()?)?;
        }
        Some(keys)
    }

    /// The body of a revision.
    pub fn body_of(&self, index: usize) -> Option<String> {
        let keys = self.line_keys(index)?;
        let lines: Option<Vec<&str>> = keys
            .iter()
            .map(|k| self.lines.get(k).map(String::as_str))
            .collect();
        Some(lines?.join("\n"))
    }

    /// The article as a revision has it.
    pub fn article_at(&self, index: usize) -> Result<Article, String> {
        let revision = self.revisions.get(index).ok_or("no such revision")?;
        let body = self
            .body_of(index)
            .ok_or("the history file lacks lines of this revision")?;
        let mut fields = revision.fields.clone();
        let map = fields
            .as_object_mut()
            .ok_or("the revision's fields are not an object")?;
        map.insert("body".into(), Value::String(body));
        serde_json::from_value(fields).map_err(|e| format!("the revision cannot be read: {e}"))
    }

    /// The text compared between revisions: headline, standfirst and body.
    pub fn text_of(&self, index: usize) -> Option<String> {
        let article = self.article_at(index).ok()?;
        Some(format!(
            "{}\n\n{}\n\n{}",
            article.headline, article.standfirst, article.body
        ))
    }
}

/// The edits that turn one line list into another.
fn line_edits(old: &[String], new: &[String]) -> Vec<LineEdit> {
    use similar::DiffOp;
    let mut edits = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, old, new) {
        match op {
            DiffOp::Equal { len, .. } => edits.push(LineEdit::Keep(len)),
            DiffOp::Delete { old_len, .. } => edits.push(LineEdit::Drop(old_len)),
            DiffOp::Insert {
                new_index, new_len, ..
            } => edits.push(LineEdit::Add(new[new_index..new_index + new_len].to_vec())),
            DiffOp::Replace {
                old_len,
                new_index,
                new_len,
                ..
            } => {
                edits.push(LineEdit::Drop(old_len));
                edits.push(LineEdit::Add(new[new_index..new_index + new_len].to_vec()));
            }
        }
    }
    edits
}

/// Applies line edits; `None` when they do not fit the list (a damaged file).
fn apply_edits(old: &[String], edits: &[LineEdit]) -> Option<Vec<String>> {
    let mut at = 0;
    let mut new = Vec::with_capacity(old.len());
    for edit in edits {
        match edit {
            LineEdit::Keep(n) => {
                new.extend_from_slice(old.get(at..at + n)?);
                at += n;
            }
            LineEdit::Drop(n) => at += n,
            LineEdit::Add(keys) => new.extend(keys.iter().cloned()),
        }
    }
    (at == old.len()).then_some(new)
}

/// Appends a revision to an article's history file when the article changed since the last one.
pub fn record(root: &Path, article: &Article, editor: &str) -> Result<bool, BundleError> {
    let mut history = History::load(root, article.id)?;
    if !history.record(article, editor) {
        return Ok(false);
    }
    history.save(root)?;
    Ok(true)
}

/// What a stretch of a word diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// In both.
    Same,
    /// Only in the newer text.
    Added,
    /// Only in the older text.
    Removed,
}

/// Runs of unchanged, removed and added text.
pub type WordDiff = Vec<(Change, String)>;

/// A word-level diff of two texts, as runs of unchanged, removed and added text.
pub fn word_diff(old: &str, new: &str) -> WordDiff {
    let diff = similar::TextDiff::from_words(old, new);
    let mut runs: Vec<(Change, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            similar::ChangeTag::Equal => Change::Same,
            similar::ChangeTag::Insert => Change::Added,
            similar::ChangeTag::Delete => Change::Removed,
        };
        match runs.last_mut() {
            Some((last, text)) if *last == kind => text.push_str(change.value()),
            _ => runs.push((kind, change.value().to_owned())),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revisions_are_deduplicated_and_restore_exactly() {
        let dir = tempfile::tempdir().unwrap();
        let mut article = Article::new("Talks end");
        article.body = "First line.\n\nSecond line.".into();
        assert!(record(dir.path(), &article, "Ann").unwrap());
        assert!(
            !record(dir.path(), &article, "Ann").unwrap(),
            "an unchanged save adds nothing"
        );
        article.body.push_str("\n\nThird line.");
        article.headline = "Talks end without a deal".into();
        assert!(record(dir.path(), &article, "Ben").unwrap());
        let history = History::load(dir.path(), article.id).unwrap();
        assert_eq!(history.revisions.len(), 2);
        assert_eq!(history.article_at(1).unwrap(), article);
        assert_eq!(history.article_at(0).unwrap().headline, "Talks end");
        assert_eq!(
            history.lines.len(),
            4,
            "shared lines are stored once: {:?}",
            history.lines
        );
    }

    #[test]
    fn a_long_history_of_a_long_article_stays_small() {
        let mut article = Article::new("Long");
        let paragraphs: Vec<String> = (0..300)
            .map(|i| format!("Paragraph {i} with some words in it."))
            .collect();
        article.body = paragraphs.join("\n\n");
        let body_bytes = article.body.len();
        let mut history = History::new(article.id);
        let mut bodies = Vec::new();
        for i in 0..100 {
            article.body.push_str(&format!(" edit {i}"));
            history.record(&article, "Ann");
            bodies.push(article.body.clone());
        }
        for (i, body) in bodies.iter().enumerate() {
            assert_eq!(history.body_of(i).as_ref(), Some(body), "revision {i}");
        }
        let size = to_pretty_json(&history).len();
        assert!(
            size < body_bytes * 100 / 4,
            "{size} bytes for 100 revisions of a {body_bytes}-byte body"
        );
    }

    #[test]
    fn word_diffs_show_what_changed() {
        let runs = word_diff("Kyivs allies met", "Kyiv's allies met today");
        assert!(runs.contains(&(Change::Removed, "Kyivs".into())));
        assert!(runs.contains(&(Change::Added, "Kyiv's".into())));
        assert!(
            runs.iter()
                .any(|(c, t)| *c == Change::Added && t.contains("today"))
        );
    }

    #[test]
    fn a_broken_history_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let id = Uuid::new_v4();
        std::fs::create_dir_all(dir.path().join(HISTORY_DIR)).unwrap();
        std::fs::write(history_path(dir.path(), id), "{ not json").unwrap();
        let error = History::load(dir.path(), id).unwrap_err().to_string();
        assert!(error.contains(&format!("{id}.json")), "{error}");
    }
}
