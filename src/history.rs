//! Revision history: a revision of an article on every save that changed it, appended to
//! `history/<id>.jsonl` in the bundle, one JSON object per line. Appending never rewrites what
//! is there, so saving costs the size of what changed, and `git diff` shows the new lines only.
//! Body lines are stored once, keyed by their hash, with the revision that first used them.
//! Every [`SNAPSHOT_EVERY`]th revision lists the keys of all its lines; the others store only
//! how their line list differs from the revision before.

use crate::bundle::BundleError;
use crate::bundle::fsio::sha256_hex;
use crate::model::{Article, Status};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// The folder of history files in a bundle.
pub const HISTORY_DIR: &str = "history";
/// How often a revision stores its whole line list rather than a difference.
pub const SNAPSHOT_EVERY: usize = 25;
/// The largest history file read (a longer one is refused with its name).
pub const MAX_HISTORY_FILE: u64 = 512 * 1024 * 1024;

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

/// A line of the history file: a revision and the body lines it used first.
#[derive(Debug, Serialize, Deserialize)]
struct Record {
    #[serde(flatten)]
    revision: Revision,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    new_lines: BTreeMap<String, String>,
}

/// The revisions of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    /// The article.
    pub article: Uuid,
    /// Body lines by hash.
    pub lines: BTreeMap<String, String>,
    /// Oldest first.
    pub revisions: Vec<Revision>,
    /// Bytes of the file that hold whole records (a torn last line after a crash is cut off
    /// before the next append).
    good_len: u64,
}

/// The history file of an article.
pub fn history_path(root: &Path, id: Uuid) -> PathBuf {
    root.join(HISTORY_DIR).join(format!("{id}.jsonl"))
}

fn line_key(line: &str) -> String {
    sha256_hex(line.as_bytes())[..16].to_owned()
}

impl History {
    /// An empty history.
    pub fn new(article: Uuid) -> Self {
        History {
            article,
            lines: BTreeMap::new(),
            revisions: Vec::new(),
            good_len: 0,
        }
    }

    /// Reads an article's history; an empty one when there is no file yet. A last line cut
    /// short by a crash is ignored; damage before it is an error naming the file and line.
    pub fn load(root: &Path, id: Uuid) -> Result<History, BundleError> {
        let path = history_path(root, id);
        let bytes = match std::fs::metadata(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(History::new(id)),
            Err(e) => return Err(BundleError::io(&path, e)),
            Ok(meta) if meta.len() > MAX_HISTORY_FILE => {
                return Err(BundleError::Format {
                    path,
                    message: format!("{} bytes is more than a history file may hold", meta.len()),
                });
            }
            Ok(_) => std::fs::read(&path).map_err(|e| BundleError::io(&path, e))?,
        };
        let mut history = History::new(id);
        let mut offset = 0usize;
        for (number, line) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
            let complete = line.ends_with(b"\n");
            match serde_json::from_slice::<Record>(line) {
                Ok(record) if complete => {
                    history.lines.extend(record.new_lines);
                    history.revisions.push(record.revision);
                    offset += line.len();
                }
                _ if offset + line.len() == bytes.len() => break,
                Err(error) => {
                    return Err(BundleError::Format {
                        path,
                        message: format!(
                            "line {}: {}",
                            number + 1,
                            crate::bundle::error::describe_json_error(&error)
                        ),
                    });
                }
                Ok(_) => unreachable!("only the last line can lack its newline"),
            }
        }
        history.good_len = offset as u64;
        Ok(history)
    }

    /// Adds a revision in memory unless the article is as the last revision has it; returns the
    /// record to append.
    fn next_record(&mut self, article: &Article, editor: &str, sha256: &str) -> Option<Record> {
        if self.revisions.last().is_some_and(|r| r.sha256 == sha256) {
            return None;
        }
        let mut fields = serde_json::to_value(article).unwrap_or(Value::Null);
        if let Some(map) = fields.as_object_mut() {
            map.remove("body");
        }
        let mut new_lines = BTreeMap::new();
        let keys: Vec<String> = article
            .body
            .split('\n')
            .map(|line| {
                let key = line_key(line);
                if !self.lines.contains_key(&key) {
                    self.lines.insert(key.clone(), line.to_owned());
                    new_lines.insert(key.clone(), line.to_owned());
                }
                key
            })
            .collect();
        let count = self.revisions.len();
        let previous = count.checked_sub(1).and_then(|last| self.line_keys(last));
        // An article saved again as it was but for its time (an undo back to the saved text)
        // adds no revision: it would be the same in every field and line.
        let last_fields = self.revisions.last().map(|r| &r.fields);
        let new_keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        if previous.as_ref() == Some(&new_keys)
            && last_fields.is_some_and(|f| same_but_time(f, &fields))
        {
            return None;
        }
        let (body, body_edits) = match previous {
            Some(previous) if !count.is_multiple_of(SNAPSHOT_EVERY) => {
                (None, Some(line_edits(&previous, &new_keys)))
            }
            _ => (Some(keys), None),
        };
        let revision = Revision {
            at: article.updated,
            status: article.status,
            words: article.body_stats().words,
            editor: editor.to_owned(),
            sha256: sha256.to_owned(),
            fields,
            body,
            body_edits,
        };
        self.revisions.push(revision.clone());
        Some(Record {
            revision,
            new_lines,
        })
    }

    /// Adds a revision in memory unless nothing changed since the last; true when added.
    pub fn record(&mut self, article: &Article, editor: &str) -> bool {
        let sha256 = sha256_hex(&crate::bundle::fsio::to_pretty_json(article));
        self.next_record(article, editor, &sha256).is_some()
    }

    /// Appends a revision to the file unless the article is unchanged since the last one
    /// (`sha256` is the hash of the article file just written); true when appended. When the
    /// file changed since it was read (a `git pull`), it is read again first, so nothing that
    /// another program wrote is cut off.
    pub fn append(
        &mut self,
        root: &Path,
        article: &Article,
        editor: &str,
        sha256: &str,
    ) -> Result<bool, BundleError> {
        let path = history_path(root, self.article);
        let on_disk = std::fs::metadata(&path).map_or(0, |m| m.len());
        if on_disk != self.good_len {
            *self = load_for_append(root, self.article)?;
        }
        let Some(record) = self.next_record(article, editor, sha256) else {
            return Ok(false);
        };
        crate::bundle::fsio::make_dir_in(root, HISTORY_DIR)?;
        let mut line = serde_json::to_vec(&record).expect("history records always serialize");
        line.push(b'\n');
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(|e| BundleError::io(&path, e))?;
        let length = file
            .metadata()
            .map_err(|e| BundleError::io(&path, e))?
            .len();
        if length != self.good_len {
            file.set_len(self.good_len)
                .map_err(|e| BundleError::io(&path, e))?;
        }
        file.write_all(&line)
            .map_err(|e| BundleError::io(&path, e))?;
        self.good_len += line.len() as u64;
        Ok(true)
    }

    /// Takes in the revisions `newer` holds beyond this history's, and the lines they use, when
    /// `newer` is this history grown by later saves (the same last revision here); false, and
    /// nothing taken, when it is not.
    pub fn catch_up(&mut self, newer: &History) -> bool {
        let count = self.revisions.len();
        let extends = newer.article == self.article
            && newer.revisions.len() >= count
            && (count == 0
                || newer.revisions[count - 1].sha256 == self.revisions[count - 1].sha256);
        if !extends {
            return false;
        }
        for revision in &newer.revisions[count..] {
            let added = revision
                .body_edits
                .iter()
                .flatten()
                .filter_map(|edit| match edit {
                    LineEdit::Add(keys) => Some(keys),
                    _ => None,
                });
            for key in revision.body.iter().chain(added).flatten() {
                if !self.lines.contains_key(key)
                    && let Some(line) = newer.lines.get(key)
                {
                    self.lines.insert(key.clone(), line.clone());
                }
            }
            self.revisions.push(revision.clone());
        }
        true
    }

    /// The line keys of a revision: its snapshot, or the last snapshot with the edits since,
    /// borrowed from the history (a long history is walked without copying its keys).
    fn line_keys(&self, index: usize) -> Option<Vec<&str>> {
        let start = (0..=index)
            .rev()
            .find(|&i| self.revisions.get(i).is_some_and(|r| r.body.is_some()))?;
        let snapshot = self.revisions[start].body.as_ref()?;
        let mut keys: Vec<&str> = snapshot.iter().map(String::as_str).collect();
        for revision in &self.revisions[start + 1..=index] {
            keys = apply_edits(&keys, revision.body_edits.as_deref()?)?;
        }
        Some(keys)
    }

    /// Whether two revisions have the same body (false when either cannot be read).
    pub fn same_body(&self, a: usize, b: usize) -> bool {
        match (self.line_keys(a), self.line_keys(b)) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        }
    }

    /// The body of a revision.
    pub fn body_of(&self, index: usize) -> Option<String> {
        let keys = self.line_keys(index)?;
        let lines: Option<Vec<&str>> = keys
            .iter()
            .map(|k| self.lines.get(*k).map(String::as_str))
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
}

/// Loads an article's history to append to. A file that cannot be read is renamed to
/// `<id>.jsonl.damaged` and a new history begun, so a damaged history never stops a save.
pub fn load_for_append(root: &Path, id: Uuid) -> Result<History, BundleError> {
    match History::load(root, id) {
        Ok(history) => Ok(history),
        Err(BundleError::Format { path, .. }) => {
            let aside = path.with_extension("jsonl.damaged");
            std::fs::rename(&path, &aside).map_err(|e| BundleError::io(&path, e))?;
            Ok(History::new(id))
        }
        Err(error) => Err(error),
    }
}

/// Appends a revision to an article's history file when the article changed since the last one;
/// `sha256` is the hash of the article file just written, which the save already holds.
pub fn record(
    root: &Path,
    article: &Article,
    editor: &str,
    sha256: &str,
) -> Result<bool, BundleError> {
    load_for_append(root, article.id)?.append(root, article, editor, sha256)
}

/// Whether two revisions' fields are the same but for the time of the last change.
fn same_but_time(a: &Value, b: &Value) -> bool {
    fn but_time(fields: &Value) -> Option<Vec<(&String, &Value)>> {
        let map = fields.as_object()?;
        Some(map.iter().filter(|(key, _)| *key != "updated").collect())
    }
    but_time(a) == but_time(b)
}

/// Line keys of one's own.
fn owned(keys: &[&str]) -> Vec<String> {
    keys.iter().map(|key| (*key).to_owned()).collect()
}

/// The edits that turn one line list into another.
fn line_edits(old: &[&str], new: &[&str]) -> Vec<LineEdit> {
    use similar::DiffOp;
    let mut edits = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, old, new) {
        match op {
            DiffOp::Equal { len, .. } => edits.push(LineEdit::Keep(len)),
            DiffOp::Delete { old_len, .. } => edits.push(LineEdit::Drop(old_len)),
            DiffOp::Insert {
                new_index, new_len, ..
            } => edits.push(LineEdit::Add(owned(&new[new_index..new_index + new_len]))),
            DiffOp::Replace {
                old_len,
                new_index,
                new_len,
                ..
            } => {
                edits.push(LineEdit::Drop(old_len));
                edits.push(LineEdit::Add(owned(&new[new_index..new_index + new_len])));
            }
        }
    }
    edits
}

/// Applies line edits; `None` when they do not fit the list (a damaged file).
fn apply_edits<'a>(old: &[&'a str], edits: &'a [LineEdit]) -> Option<Vec<&'a str>> {
    let mut at = 0;
    let mut new = Vec::with_capacity(old.len());
    for edit in edits {
        match edit {
            LineEdit::Keep(n) => {
                new.extend_from_slice(old.get(at..at + n)?);
                at += n;
            }
            LineEdit::Drop(n) => at += n,
            LineEdit::Add(keys) => new.extend(keys.iter().map(String::as_str)),
        }
    }
    (at == old.len()).then_some(new)
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

/// A word-level diff of two texts, as runs of unchanged, removed and added text. The texts are
/// compared line by line first and word by word only where lines differ: a long body revised in
/// hundreds of places is compared in a millisecond or two, where one word diff of the whole took
/// ten.
pub fn word_diff(old: &str, new: &str) -> WordDiff {
    let lines = similar::TextDiff::from_lines(old, new);
    let mut runs = WordDiff::new();
    for op in lines.ops() {
        let old_text: String = op.old_range().filter_map(|i| lines.old_slice(i)).collect();
        let new_text: String = op.new_range().filter_map(|i| lines.new_slice(i)).collect();
        if op.tag() == similar::DiffTag::Equal {
            push_run(&mut runs, Change::Same, &old_text);
            continue;
        }
        for change in similar::TextDiff::from_words(&old_text, &new_text).iter_all_changes() {
            let kind = match change.tag() {
                similar::ChangeTag::Equal => Change::Same,
                similar::ChangeTag::Insert => Change::Added,
                similar::ChangeTag::Delete => Change::Removed,
            };
            push_run(&mut runs, kind, change.value());
        }
    }
    runs
}

/// Adds `text` to the last run when it is of the same kind, else as a run of its own.
fn push_run(runs: &mut WordDiff, kind: Change, text: &str) {
    match runs.last_mut() {
        Some((last, run)) if *last == kind => run.push_str(text),
        _ if text.is_empty() => {}
        _ => runs.push((kind, text.to_owned())),
    }
}

#[cfg(test)]
mod tests;
