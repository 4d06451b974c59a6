//! Imports each corpus page as pasted text and scores it against its expected body: the
//! headline, the byline and the body's token F1, for `docs/import.md`.
//! Run: `cargo run --release --example import_corpus`.

use copydesk::import::{ImportFormat, import_text};
use std::collections::HashMap;

/// Lowercased word tokens.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Token F1 of two texts, counting repeated tokens (bag of words).
fn f1(found: &str, expected: &str) -> (f64, f64, f64) {
    let mut want: HashMap<String, usize> = HashMap::new();
    for t in tokens(expected) {
        *want.entry(t).or_default() += 1;
    }
    let found = tokens(found);
    let total_expected: usize = want.values().sum();
    let mut hits = 0;
    for t in &found {
        if let Some(n) = want.get_mut(t).filter(|n| **n > 0) {
            *n -= 1;
            hits += 1;
        }
    }
    let precision = hits as f64 / found.len().max(1) as f64;
    let recall = hits as f64 / total_expected.max(1) as f64;
    let f1 = if hits == 0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    (precision, recall, f1)
}

fn main() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/articles");
    let mut names: Vec<_> = std::fs::read_dir(&corpus)
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    println!("| page | headline | byline | section | body precision | recall | F1 |");
    println!("|---|---|---|---|---|---|---|");
    let mut sum = 0.0;
    let mut scored = 0;
    for path in names {
        let text = std::fs::read_to_string(&path).expect("readable");
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let article = match import_text(&text, ImportFormat::PastedPage, &stem, chrono::Utc::now())
        {
            Ok(article) => article,
            Err(problem) => {
                println!("| {stem} | not imported: {problem:?} | | | | | |");
                continue;
            }
        };
        let expected =
            std::fs::read_to_string(corpus.join(format!("expected-body/{stem}.body.txt")));
        let (p, r, f) = match &expected {
            Ok(expected) => f1(&article.body, expected),
            Err(_) => (f64::NAN, f64::NAN, f64::NAN),
        };
        if expected.is_ok() {
            sum += f;
            scored += 1;
        }
        println!(
            "| {stem} | {} | {} | {} | {p:.3} | {r:.3} | {f:.3} |",
            article.headline,
            article.byline_names().join(", "),
            article.section
        );
    }
    println!(
        "\nmean body F1 over {scored} pages with an expected body: {:.3}",
        sum / scored.max(1) as f64
    );
}
