//! The command line, run as a user would: `copydesk new`, `copydesk list`, exit codes, help.

mod common;

use common::*;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn copydesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .env(
            "COPYDESK_DATA_DIR",
            std::env::temp_dir().join("copydesk-cli-tests"),
        )
        .output()
        .unwrap()
}

fn sample() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/sample.copydesk")
        .display()
        .to_string()
}

#[test]
fn list_json_shows_the_reference_article_as_the_contract_says() {
    let output = copydesk(&["list", &sample(), "--json"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let listed: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert!(listed.len() >= 5);
    let reference = listed
        .iter()
        .find(|a| {
            a["headline"] == "Kremlin indicates lack of progress following Ukraine talks with US"
        })
        .expect("the reference article is listed");
    assert_eq!(reference["section"], "World");
    assert_eq!(reference["bylines"], serde_json::json!(["Sophia Brooks"]));
    assert_eq!(reference["reading_minutes"], 4);
    assert_eq!(reference["words"], 651);
    for key in ["id", "slug", "status", "updated"] {
        assert!(reference[key].is_string(), "{key}");
    }
    assert!(chrono::DateTime::parse_from_rfc3339(reference["updated"].as_str().unwrap()).is_ok());
}

#[test]
fn list_never_writes_into_the_bundle() {
    let before = snapshot_files(Path::new(&sample()));
    copydesk(&["list", &sample()]);
    assert_eq!(snapshot_files(Path::new(&sample())), before);
    assert!(!Path::new(&sample()).join(".local").exists());
}

#[test]
fn new_then_list_then_new_again() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("Desk.copydesk");
    let root_str = root.to_str().unwrap();
    let output = copydesk(&["new", root_str, "--title", "Night desk"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        fs::read_to_string(root.join("bundle.json"))
            .unwrap()
            .contains("\"title\": \"Night desk\"")
    );
    assert_eq!(
        fs::read_to_string(root.join(".gitignore")).unwrap(),
        ".local/\n"
    );
    assert!(
        !root.join(".local/lock.json").exists(),
        "the lock is released on exit"
    );
    let listed = copydesk(&["list", root_str, "--json"]);
    assert_eq!(String::from_utf8_lossy(&listed.stdout).trim(), "[]");
    let again = copydesk(&["new", root_str]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists and is not empty"));
}

#[test]
fn list_names_a_bad_file_on_stderr_lists_the_rest_and_exits_zero() {
    let (_dir, root, ids) = bundle_with(3);
    let bad = root.join(format!("articles/{}.json", ids[0]));
    fs::write(&bad, b"{ \"id\": ").unwrap();
    let _writer = open_rw(&root);
    let output = copydesk(&["list", root.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&bad.display().to_string()) && stderr.contains("ends too early"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(stdout.contains("Headline number 1") && stdout.contains("Headline number 2"));
}

#[test]
fn unreadable_bundles_and_bad_usage_exit_two_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let output = copydesk(&["list", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a Copydesk bundle"));
    let missing = copydesk(&["list", "/nonexistent/Desk.copydesk"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&missing.stderr)
            .contains("/nonexistent/Desk.copydesk: not a Copydesk bundle (no such folder)")
    );
    let usage = copydesk(&["list"]);
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn every_subcommand_has_help() {
    for args in [
        &["--help"][..],
        &["new", "--help"],
        &["list", "--help"],
        &["check", "--help"],
    ] {
        let output = copydesk(args);
        assert!(output.status.success());
        assert!(
            String::from_utf8_lossy(&output.stdout).contains("Usage: copydesk"),
            "{args:?}"
        );
    }
}

#[test]
fn check_json_reports_the_lost_apostrophes_of_the_reference_article_with_spans() {
    let output = copydesk(&["check", &sample(), "--json"]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "the sample has a Required failure (a TK)"
    );
    let findings: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let reference = "5a3e0000-0000-4000-8000-000000000001";
    let mut bundle = open_ro(Path::new(&sample()));
    let body = bundle
        .article(reference.parse().unwrap())
        .unwrap()
        .body
        .clone();
    let mut words = Vec::new();
    for finding in findings.as_array().unwrap() {
        for key in ["article", "rule", "level", "field", "message"] {
            assert!(finding.get(key).is_some(), "{key} missing in {finding}");
        }
        if finding["article"] == reference && finding["rule"] == "proof.apostrophe" {
            let (start, end) = (
                finding["start"].as_u64().unwrap() as usize,
                finding["end"].as_u64().unwrap() as usize,
            );
            let word: String = body.chars().skip(start).take(end - start).collect();
            assert_eq!(finding["field"], "body");
            assert_eq!(
                finding["suggestion"],
                format!("{}'s", &word[..word.len() - 1])
            );
            words.push(word);
        }
    }
    assert_eq!(words, ["Kyivs", "Kyivs", "Moscows", "Russias"]);
}

#[test]
fn check_exit_status_follows_required_failures_and_unknown_articles_are_bad_usage() {
    let clean = copydesk(&["check", &sample(), "kyoto-bookshop-closes"]);
    assert_eq!(
        clean.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&clean.stderr)
    );
    // A Recommended finding is printed, and the exit status stays 0.
    assert!(String::from_utf8_lossy(&clean.stdout).contains("body.length"));
    let missing = copydesk(&["check", &sample(), "no-such-article"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no-such-article"));
}

#[test]
fn check_json_gives_a_misspelling_s_other_repairs_after_its_fix() {
    let (_dir, root, ids) = common::bundle_with(1);
    let mut bundle = common::open_rw(&root);
    bundle
        .update_article(ids[0], |a| a.body = "The results were wierd.".into())
        .unwrap();
    bundle.save().unwrap();
    drop(bundle);
    let output = copydesk(&["check", &root.display().to_string(), "--json"]);
    let findings: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let spelling = findings
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "proof.spelling")
        .expect("the misspelling is found");
    assert_eq!(spelling["suggestion"], "weird");
    let others = spelling["alternatives"].as_array().expect("other repairs");
    assert!(
        !others.is_empty() && !others.contains(&"weird".into()),
        "{spelling}"
    );
}

#[test]
fn check_names_settings_out_of_range_on_stderr() {
    let (_dir, root, _ids) = common::bundle_with(1);
    let mut bundle = common::open_rw(&root);
    bundle.project_mut().settings.reading_words_per_minute = 0;
    bundle.save().unwrap();
    drop(bundle);
    let output = copydesk(&["check", &root.display().to_string(), "--json"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("bundle.json: Reading speed: 0 words a minute is outside 50–1000"),
        "{stderr}"
    );
    // The findings on stdout keep their shape.
    let findings: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(findings.is_array());
}

#[test]
fn check_flags_a_tag_written_otherwise_than_the_project_s_other_articles_write_it() {
    let (_dir, root, ids) = bundle_with(3);
    let mut bundle = open_rw(&root);
    for (id, tag) in ids.iter().zip(["Ukraine", "Ukraine", "ukraine"]) {
        bundle
            .update_article(*id, |a| a.tags = vec![tag.to_owned()])
            .unwrap();
    }
    bundle.save().unwrap();
    drop(bundle);
    let output = copydesk(&["check", root.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let flagged: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("tags.consistent"))
        .collect();
    assert_eq!(flagged.len(), 1, "{stdout}");
    assert!(
        flagged[0].starts_with("headline-number-2\t")
            && flagged[0].contains("is written \u{201c}Ukraine\u{201d} in 2 other articles"),
        "{}",
        flagged[0]
    );
}
