//! Tests of the revision history: appending, loading, torn and damaged files, diffs.

use super::*;

/// Records `article` as a save would, with the hash of its file.
fn record_saved(root: &Path, article: &Article, editor: &str) -> Result<bool, BundleError> {
    let sha256 = sha256_hex(&crate::bundle::fsio::to_pretty_json(article));
    record(root, article, editor, &sha256)
}

#[test]
fn a_history_catches_up_with_the_same_history_grown_by_later_saves() {
    let mut article = Article::new("Talks end");
    let mut grown = History::new(article.id);
    // More revisions than a snapshot's interval, so both kinds of revision are taken in.
    for n in 0..SNAPSHOT_EVERY + 3 {
        article.body.push_str(&format!("\n\nLine {n}."));
        if n == 3 {
            let shown = grown.clone();
            assert!(grown.record(&article, "Ann"));
            let mut caught = shown.clone();
            assert!(caught.catch_up(&grown));
            assert_eq!(caught, grown, "taken in: the revision and its new line");
            continue;
        }
        assert!(grown.record(&article, "Ann"));
    }
    let mut shown = History::load(Path::new("/nonexistent"), article.id).unwrap();
    assert!(shown.catch_up(&grown), "an empty history is caught up too");
    for index in 0..grown.revisions.len() {
        assert_eq!(shown.body_of(index), grown.body_of(index));
    }
    // Not the same history: nothing taken.
    let mut other = History::new(article.id);
    article.headline = "Another story".into();
    assert!(other.record(&article, "Ben"));
    let before = other.clone();
    assert!(!other.catch_up(&grown));
    assert_eq!(other, before);
    assert!(!History::new(Uuid::new_v4()).catch_up(&grown));
}

#[test]
fn revisions_are_deduplicated_and_restore_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let mut article = Article::new("Talks end");
    article.body = "First line.\n\nSecond line.".into();
    assert!(record_saved(dir.path(), &article, "Ann").unwrap());
    assert!(
        !record_saved(dir.path(), &article, "Ann").unwrap(),
        "an unchanged save adds nothing"
    );
    article.updated = "2030-01-01T00:00:00Z".parse().unwrap();
    assert!(
        !record_saved(dir.path(), &article, "Ann").unwrap(),
        "nor one that changed only its time (an undo back to the saved text)"
    );
    article.body.push_str("\n\nThird line.");
    article.headline = "Talks end without a deal".into();
    assert!(record_saved(dir.path(), &article, "Ben").unwrap());
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
    let dir = tempfile::tempdir().unwrap();
    let mut history = History::new(article.id);
    let mut bodies = Vec::new();
    for i in 0..100 {
        article.body.push_str(&format!(" edit {i}"));
        let sha256 = sha256_hex(article.body.as_bytes());
        history
            .append(dir.path(), &article, "Ann", &sha256)
            .unwrap();
        bodies.push(article.body.clone());
    }
    let read_back = History::load(dir.path(), article.id).unwrap();
    assert_eq!(read_back, history);
    for (i, body) in bodies.iter().enumerate() {
        assert_eq!(read_back.body_of(i).as_ref(), Some(body), "revision {i}");
    }
    let size = std::fs::metadata(history_path(dir.path(), article.id))
        .unwrap()
        .len() as usize;
    assert!(
        size < body_bytes * 100 / 4,
        "{size} bytes for 100 revisions of a {body_bytes}-byte body"
    );
}

#[test]
fn a_line_torn_by_a_crash_is_dropped_and_cut_before_the_next_append() {
    let dir = tempfile::tempdir().unwrap();
    let mut article = Article::new("Talks");
    record_saved(dir.path(), &article, "Ann").unwrap();
    let path = history_path(dir.path(), article.id);
    let mut bytes = std::fs::read(&path).unwrap();
    let whole = bytes.len();
    bytes.extend_from_slice(b"{\"at\": \"2026-");
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(
        History::load(dir.path(), article.id)
            .unwrap()
            .revisions
            .len(),
        1
    );
    article.headline = "Talks end".into();
    assert!(record_saved(dir.path(), &article, "Ann").unwrap());
    let history = History::load(dir.path(), article.id).unwrap();
    assert_eq!(history.revisions.len(), 2);
    assert_eq!(history.article_at(1).unwrap().headline, "Talks end");
    assert!(std::fs::read(&path).unwrap().len() > whole);
}

#[test]
fn revisions_written_by_another_program_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut article = Article::new("Talks");
    let mut mine = load_for_append(dir.path(), article.id).unwrap();
    mine.append(dir.path(), &article, "Ann", "a").unwrap();
    article.headline = "Talks (their edit)".into();
    record_saved(dir.path(), &article, "Ben").unwrap();
    article.headline = "Talks (my edit)".into();
    mine.append(dir.path(), &article, "Ann", "c").unwrap();
    let history = History::load(dir.path(), article.id).unwrap();
    let editors: Vec<_> = history
        .revisions
        .iter()
        .map(|r| r.editor.as_str())
        .collect();
    assert_eq!(editors, ["Ann", "Ben", "Ann"]);
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
fn a_word_diff_of_many_paragraphs_rebuilds_both_texts_and_keeps_unchanged_words() {
    let paragraphs: Vec<String> = (0..40)
        .map(|n| format!("Paragraph {n} says the talks went on for hours."))
        .collect();
    let old = paragraphs.join("\n\n");
    let mut changed = paragraphs.clone();
    changed[3] = "Paragraph 3 says the talks ended at noon.".into();
    changed.remove(10);
    changed.insert(20, "A new paragraph.".into());
    changed[39 - 1].push_str(" Today.");
    let new = changed.join("\n\n");
    let runs = word_diff(&old, &new);
    assert_eq!(rebuilt(&runs, Change::Removed), old);
    assert_eq!(rebuilt(&runs, Change::Added), new);
    // Runs of one kind are merged, and only the changed words are marked.
    assert!(runs.windows(2).all(|pair| pair[0].0 != pair[1].0));
    let added: Vec<&str> = runs
        .iter()
        .filter(|(change, _)| *change == Change::Added)
        .map(|(_, text)| text.trim())
        .collect();
    assert_eq!(
        added,
        ["ended", "at", "noon.", "A new paragraph.", "Today."]
    );
    // Random edits of words, lines and line breaks: both texts are always rebuilt.
    let mut seed = 7u64;
    let mut next = |below: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % below
    };
    let words = ["talks", "Kyiv's", "\n", "\n\n", "é", " ", "end."];
    for _ in 0..300 {
        let mut edited: Vec<&str> = old.split(' ').collect();
        for _ in 0..1 + next(6) {
            let at = next(edited.len());
            match next(3) {
                0 => drop(edited.remove(at)),
                1 => edited.insert(at, words[next(words.len())]),
                _ => edited[at] = words[next(words.len())],
            }
        }
        let new = edited.join(" ");
        let runs = word_diff(&old, &new);
        assert_eq!(rebuilt(&runs, Change::Removed), old);
        assert_eq!(rebuilt(&runs, Change::Added), new);
    }
}

/// The text a word diff's runs give when `keep` (added or removed) runs are kept with the
/// unchanged ones: the newer or the older text.
fn rebuilt(runs: &WordDiff, keep: Change) -> String {
    runs.iter()
        .filter(|(change, _)| *change == Change::Same || *change == keep)
        .map(|(_, text)| text.as_str())
        .collect()
}

#[test]
fn a_broken_history_file_is_named_and_set_aside_on_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let article = Article::new("Talks");
    let id = article.id;
    std::fs::create_dir_all(dir.path().join(HISTORY_DIR)).unwrap();
    std::fs::write(history_path(dir.path(), id), "{ not json\n{}\n").unwrap();
    let error = History::load(dir.path(), id).unwrap_err().to_string();
    assert!(
        error.contains(&format!("{id}.jsonl")) && error.contains("line 1"),
        "{error}"
    );
    assert!(record_saved(dir.path(), &article, "Ann").unwrap());
    let aside = dir
        .path()
        .join(HISTORY_DIR)
        .join(format!("{id}.jsonl.damaged"));
    assert_eq!(std::fs::read_to_string(aside).unwrap(), "{ not json\n{}\n");
    assert_eq!(History::load(dir.path(), id).unwrap().revisions.len(), 1);
}
