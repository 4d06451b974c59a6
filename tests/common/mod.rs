//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod ninjs;
pub mod review;
pub mod ui;

use copydesk::bundle::{Access, Bundle};
use copydesk::model::{Article, Byline, Status};
use std::path::{Path, PathBuf};

/// A fresh bundle with `n` articles, saved, in a temporary folder.
pub fn bundle_with(n: usize) -> (tempfile::TempDir, PathBuf, Vec<uuid::Uuid>) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("Desk.copydesk");
    let mut bundle = Bundle::create(&root, "Desk").unwrap();
    let ids = (0..n)
        .map(|i| bundle.insert_article(sample_article(i)).unwrap())
        .collect();
    bundle.save().unwrap();
    (dir, root, ids)
}

/// A small article with a few paragraphs.
pub fn sample_article(i: usize) -> Article {
    let mut article = Article::new(format!("Headline number {i}"));
    article.section = "World".into();
    article.bylines = vec![Byline::new("Ann Reporter", "Reporter")];
    article.status = Status::Draft;
    article.body = format!("First paragraph of {i}.\n\nSecond paragraph.\n\nThird paragraph.");
    article
}

/// Opens a bundle for writing.
pub fn open_rw(root: &Path) -> Bundle {
    Bundle::open(root, Access::ReadWrite).unwrap()
}

/// Opens a bundle read-only.
pub fn open_ro(root: &Path) -> Bundle {
    Bundle::open(root, Access::ReadOnly).unwrap()
}

/// The shared corpus folder beside the repository.
pub fn shared() -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    assert!(
        path.is_dir(),
        "the shared corpus is expected at {}",
        path.display()
    );
    path
}

/// The embedded sample project's settings and every one of its articles.
pub fn sample_articles() -> (copydesk::model::Project, Vec<Article>) {
    let mut bundle = open_ro(&Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.copydesk"));
    let articles = bundle
        .ids()
        .into_iter()
        .map(|id| bundle.article(id).unwrap().clone())
        .collect();
    (bundle.project().clone(), articles)
}

/// The Big List of Naughty Strings.
pub fn naughty_strings() -> Vec<String> {
    let path = shared().join("corpus/naughty/blns.json");
    let strings: Vec<String> = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert!(strings.len() > 500, "{} strings", strings.len());
    strings
}

/// Every regular file below `root` with its bytes, `.local/` excluded, sorted by path.
pub fn snapshot_files(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.file_name().is_some_and(|n| n == ".local") {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push((path.clone(), std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}
