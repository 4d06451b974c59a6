//! Proofreads each corpus article as pasted (the whole page text as the body) and prints every
//! finding, for the counts in `docs/review.md`. Run: `cargo run --example review_corpus`.

use copydesk::model::{Article, ProjectSettings};
use copydesk::review::{CheckContext, Reviewer};

fn main() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/articles");
    let mut files: Vec<_> = std::fs::read_dir(&corpus)
        .expect("the corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let settings = ProjectSettings::default();
    let owners = copydesk::review::ProjectFacts::default();
    let context = CheckContext {
        settings: &settings,
        now: chrono::Utc::now(),
        project: &owners,
        assets: None,
    };
    let mut reviewer = Reviewer::new(&settings);
    for file in files {
        let mut article = Article::new("");
        article.body = std::fs::read_to_string(&file).expect("readable");
        let findings = reviewer.check_with_suggestions(&article, &context);
        let proofreading: Vec<_> = findings
            .iter()
            .filter(|f| f.rule.starts_with("proof."))
            .collect();
        println!(
            "== {} ({} findings)",
            file.file_name().unwrap().to_string_lossy(),
            proofreading.len()
        );
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        let expected =
            std::fs::read_to_string(corpus.join(format!("expected-body/{stem}.body.txt"))).ok();
        if let Some(expected) = &expected {
            let kept: std::collections::HashSet<&str> = expected.lines().map(str::trim).collect();
            let residue: Vec<&str> = proofreading
                .iter()
                .filter(|f| f.rule == "proof.residue")
                .map(|f| f.flagged_text(&article).trim())
                .collect();
            let wrong = residue.iter().filter(|line| kept.contains(**line)).count();
            println!(
                "residue lines flagged: {}, of them in the expected body: {wrong}",
                residue.len()
            );
        }
        for finding in proofreading {
            let text = finding.flagged_text(&article).trim_end().replace('\n', "⏎");
            let fix = finding
                .suggestion
                .as_deref()
                .map(|s| format!(" → {s:?}"))
                .unwrap_or_default();
            println!(
                "{}\t{}{fix}",
                finding.rule,
                text.chars().take(70).collect::<String>()
            );
        }
    }
}
