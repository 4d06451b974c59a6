//! Review benchmarks: the full checklist and proofreading of a 20,000-word article, and the
//! re-check after a one-word edit (what the window pays per keystroke). The text is real news
//! copy from the corpus, so spelling meets real words and names. Run: `cargo bench --bench review`.

use copydesk::model::{Article, Byline, ProjectSettings};
use copydesk::review::{CheckContext, ProjectFacts, Reviewer};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

/// Corpus bodies (the reference article and the expected bodies of 01..08), repeated with a
/// numbered paragraph each so that no two lines are the same, to 20,000 words.
fn article() -> &'static Article {
    static ARTICLE: OnceLock<Article> = OnceLock::new();
    ARTICLE.get_or_init(|| {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/articles");
        let mut sources = vec![std::fs::read_to_string(corpus.join("00-seed-kremlin-ukraine-talks.txt")).expect("seed")];
        for entry in std::fs::read_dir(corpus.join("expected-body")).expect("expected bodies") {
            sources.push(std::fs::read_to_string(entry.expect("entry").path()).expect("body"));
        }
        let paragraphs: Vec<&str> = sources.iter().flat_map(|s| s.split("\n\n")).filter(|p| !p.trim().is_empty()).collect();
        let mut body = String::new();
        let mut words = 0;
        let mut n = 0;
        while words < 21_000 {
            let paragraph = paragraphs[n % paragraphs.len()].trim();
            let copy = n / paragraphs.len();
            body.push_str(&format!("{paragraph} (Part {}.)\n\n", roman(copy + 1)));
            words += paragraph.split_whitespace().count() + 2;
            n += 1;
        }
        let mut article = Article::new("Kremlin indicates lack of progress following Ukraine talks with US");
        article.standfirst = "After five hours of talks the Kremlin said several elements of the plan were unacceptable.".into();
        article.bylines = vec![Byline::new("Sophia Brooks", "Reporter")];
        article.section = "World".into();
        article.body = body;
        article
    })
}

/// A roman numeral: letters only, so every repeated paragraph is a new line for the cache.
fn roman(mut n: usize) -> String {
    let mut out = String::new();
    for (value, letters) in [
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ] {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

fn context<'a>(settings: &'a ProjectSettings, project: &'a ProjectFacts) -> CheckContext<'a> {
    CheckContext {
        settings,
        now: chrono::Utc::now(),
        project,
        assets: None,
    }
}

/// Every rule over the whole article with cold caches (a freshly opened article).
#[divan::bench(sample_count = 20)]
fn full_check_20k_words(bencher: divan::Bencher) {
    let settings = ProjectSettings::default();
    let owners = ProjectFacts::default();
    let article = article();
    assert!(article.body_stats().words >= 20_000);
    Reviewer::new(&settings).check(article, &context(&settings, &owners)); // loads the dictionaries once
    bencher.bench_local(|| Reviewer::new(&settings).check(article, &context(&settings, &owners)));
}

/// The re-check after typing one new word into a paragraph: each edit is a word never seen
/// before, so the changed line is proofread and spelled afresh.
#[divan::bench(sample_count = 200)]
fn recheck_after_one_word_edit(bencher: divan::Bencher) {
    let settings = ProjectSettings::default();
    let owners = ProjectFacts::default();
    let mut reviewer = Reviewer::new(&settings);
    let mut article = article().clone();
    reviewer.check(&article, &context(&settings, &owners));
    let at = article.body.len() / 2;
    let at = article.body[at..].find(' ').map_or(at, |i| at + i);
    let mut n = 0usize;
    bencher.bench_local(|| {
        n += 1;
        let word = format!(" negotiat{}", roman(n));
        article.body.insert_str(at, &word);
        let findings = reviewer.check(&article, &context(&settings, &owners));
        article.body.replace_range(at..at + word.len(), "");
        findings
    });
}
