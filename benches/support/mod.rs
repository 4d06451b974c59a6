//! Shared by the benchmarks: a deterministic generated bundle.
#![allow(dead_code)]

pub mod window;

use copydesk::bundle::article_path;
use copydesk::bundle::format::Manifest;
use copydesk::bundle::fsio::to_pretty_json;
use copydesk::model::{Article, Byline, Project, Status};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub const WORDS: [&str; 24] = [
    "the",
    "minister",
    "said",
    "on",
    "Tuesday",
    "that",
    "talks",
    "would",
    "continue",
    "despite",
    "objections",
    "from",
    "regional",
    "leaders",
    "and",
    "a",
    "coalition",
    "of",
    "opposition",
    "parties",
    "in",
    "parliament",
    "who",
    "warned",
];

/// Deterministic pseudo-random numbers.
pub fn lcg(seed: u64) -> impl FnMut() -> usize {
    let mut state = seed;
    move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    }
}

/// `words` words of generated prose in paragraphs of 40 to 120 words.
pub fn body(words: usize, next: &mut impl FnMut() -> usize) -> String {
    let mut paragraphs = Vec::new();
    let mut left = words;
    while left > 0 {
        let len = (40 + next() % 80).min(left);
        let mut paragraph: Vec<&str> = Vec::with_capacity(len);
        while paragraph.len() < len {
            let word = WORDS[next() % WORDS.len()];
            // Real prose does not double its words; the review would underline every "the the".
            if paragraph.last() != Some(&word) {
                paragraph.push(word);
            }
        }
        paragraphs.push(paragraph.join(" ") + ".");
        left -= len;
    }
    paragraphs.join("\n\n")
}

/// Writes `n` articles with the library's own serialization, deterministically.
pub fn generate(root: &Path, n: usize) -> Vec<uuid::Uuid> {
    std::fs::create_dir_all(root.join("articles")).expect("articles dir");
    let mut state = 0x00c0_ffee_u64;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let created = chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
        .unwrap()
        .to_utc();
    let mut ids = Vec::with_capacity(n);
    for i in 0..n {
        let mut article = Article::new_at(
            format!("Generated headline number {i} about the talks"),
            created,
        );
        article.id = uuid::Uuid::from_u128(0xbe4c_0000_0000_4000_8000_0000_0000_0000 | i as u128);
        article.section = ["World", "Business", "Culture", "Sport"][i % 4].into();
        article.bylines = vec![Byline::new(format!("Reporter {}", i % 97), "Reporter")];
        article.status = Status::ALL[i % Status::ALL.len()];
        article.tags = vec!["Generated".into(), format!("Tag {}", i % 13)];
        let words = 300 + next() % 2_701;
        article.body = body(words, &mut next);
        std::fs::write(article_path(root, article.id), to_pretty_json(&article))
            .expect("write article");
        ids.push(article.id);
    }
    let order = ids.iter().map(|id| id.to_string()).collect();
    let manifest = Manifest::new(&Project::new("Bench"), order, 0, Default::default());
    std::fs::write(root.join("bundle.json"), to_pretty_json(&manifest)).expect("write manifest");
    ids
}

/// A new project at `root` whose one article, of `words` generated words (from `seed`), is saved
/// `saves` times: once as written, then after each `revise(article, n)` for `n` from 1; its id.
pub fn article_saved_many_times(
    root: &Path,
    words: usize,
    seed: u64,
    saves: usize,
    mut revise: impl FnMut(&mut Article, usize),
) -> uuid::Uuid {
    let mut bundle = copydesk::bundle::Bundle::create(root, "Saved many times").expect("create");
    let mut next = lcg(seed);
    let mut article = Article::new("A long-worked piece");
    article.body = body(words, &mut next);
    let id = bundle.insert_article(article).expect("insert");
    bundle.save().expect("save");
    for n in 1..saves {
        bundle.update_article(id, |a| revise(a, n)).expect("edit");
        bundle.save().expect("save");
    }
    id
}

/// Copies folder `from` to `to`, with everything in it.
pub fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("copy folder");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy file");
        }
    }
}

/// The fixtures' temporary folders: fixtures live in statics, which are never dropped, so
/// [`run`] removes the folders when the benchmarks end.
static TEMP_DIRS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A temporary folder for a fixture, removed when [`run`] ends.
pub fn temp_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    TEMP_DIRS
        .lock()
        .expect("temp dirs")
        .push(dir.path().to_owned());
    dir
}

/// Runs the benchmarks, then removes the fixtures' temporary folders.
pub fn run() {
    divan::main();
    for dir in TEMP_DIRS.lock().expect("temp dirs").drain(..) {
        let _ = std::fs::remove_dir_all(dir);
    }
}
