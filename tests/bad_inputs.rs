//! A table of bad inputs, each with the message it must produce. The rest of the bundle still
//! opens, the bad file is named, and nothing is overwritten or read outside the bundle.

mod common;

use common::*;
use copydesk::bundle::{Access, Bundle};
use std::fs;
use std::path::Path;

/// Where a case puts its damage.
enum Target {
    /// Replaces the second article's file with these bytes.
    ArticleFile(Vec<u8>),
    /// Edits the second article's JSON.
    ArticleJson(fn(&mut serde_json::Value, &str)),
    /// Edits the manifest's JSON.
    ManifestJson(fn(&mut serde_json::Value, &[String])),
}

struct Case {
    name: &'static str,
    target: Target,
    expected: &'static str,
    /// Whether the whole open fails (else the rest opens and the problem is listed).
    fatal: bool,
}

fn cases(valid_article: &[u8]) -> Vec<Case> {
    let truncated = valid_article[..valid_article.len() / 2].to_vec();
    let mut not_utf8 = valid_article.to_vec();
    let at = not_utf8.windows(8).position(|w| w == b"Headline").unwrap();
    not_utf8[at] = 0xff;
    vec![
        Case {
            name: "malformed JSON",
            target: Target::ArticleFile(b"{\n  \"headline\": \"a\"\n  \"slug\": \"b\"\n}".to_vec()),
            expected: "malformed JSON at line 3, column 3",
            fatal: false,
        },
        Case {
            name: "truncated file",
            target: Target::ArticleFile(truncated),
            expected: "the file ends too early (truncated?)",
            fatal: false,
        },
        Case {
            name: "0-byte file",
            target: Target::ArticleFile(Vec::new()),
            expected: "the file is empty (0 bytes)",
            fatal: false,
        },
        Case {
            name: "non-UTF-8 bytes",
            target: Target::ArticleFile(not_utf8),
            expected: "not valid UTF-8 text at byte",
            fatal: false,
        },
        Case {
            name: "100 MB body",
            target: Target::ArticleJson(|v, _| {
                v["body"] = serde_json::json!("x".repeat(100_000_000))
            }),
            expected: "the file is 100.0 MB; the limit is 16 MB, so it was not read",
            fatal: false,
        },
        Case {
            name: "id field is a path",
            target: Target::ArticleJson(|v, _| v["id"] = serde_json::json!("../../etc/passwd")),
            expected: "UUID parsing failed",
            fatal: false,
        },
        Case {
            name: "duplicate id in another file",
            target: Target::ArticleJson(|v, first| v["id"] = serde_json::json!(first)),
            expected: "does not match the file name (a copied file? duplicate id)",
            fatal: false,
        },
        Case {
            name: "asset reference outside the bundle",
            target: Target::ArticleJson(|v, _| {
                v["hero_image"] = serde_json::json!({"asset": "../../etc/passwd"})
            }),
            expected: "asset name \"../../etc/passwd\" is not a SHA-256 file name",
            fatal: false,
        },
        Case {
            name: "wrong type of field",
            target: Target::ArticleJson(|v, _| v["tags"] = serde_json::json!("not a list")),
            expected: "unexpected content at line",
            fatal: false,
        },
        Case {
            name: "unknown status",
            target: Target::ArticleJson(|v, _| v["status"] = serde_json::json!("printed")),
            expected: "unknown variant `printed`",
            fatal: false,
        },
        Case {
            name: "manifest id is a path",
            target: Target::ManifestJson(|v, _| {
                v["articles"]
                    .as_array_mut()
                    .unwrap()
                    .push(serde_json::json!("../../etc/passwd"))
            }),
            expected: "article id \"../../etc/passwd\" is not a UUID; ignored",
            fatal: false,
        },
        Case {
            name: "duplicate ids in the manifest",
            target: Target::ManifestJson(|v, ids| {
                v["articles"]
                    .as_array_mut()
                    .unwrap()
                    .push(serde_json::json!(ids[0]))
            }),
            expected: "is listed twice (duplicate id); listed once",
            fatal: false,
        },
        Case {
            name: "format_version 999",
            target: Target::ManifestJson(|v, _| v["format_version"] = serde_json::json!(999)),
            expected: "format_version 999 is newer than this Copydesk understands (2)",
            fatal: true,
        },
        Case {
            name: "not our format",
            target: Target::ManifestJson(|v, _| {
                v["format"] = serde_json::json!("wordpress-export")
            }),
            expected: "\"format\" is \"wordpress-export\", not \"copydesk-bundle\"",
            fatal: true,
        },
    ]
}

fn apply(root: &Path, ids: &[uuid::Uuid], target: &Target) {
    let article = root.join(format!("articles/{}.json", ids[1]));
    let manifest = root.join("bundle.json");
    match target {
        Target::ArticleFile(bytes) => fs::write(&article, bytes).unwrap(),
        Target::ArticleJson(edit) => {
            let mut value: serde_json::Value =
                serde_json::from_slice(&fs::read(&article).unwrap()).unwrap();
            edit(&mut value, &ids[0].to_string());
            fs::write(&article, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
        }
        Target::ManifestJson(edit) => {
            let mut value: serde_json::Value =
                serde_json::from_slice(&fs::read(&manifest).unwrap()).unwrap();
            let names: Vec<String> = ids.iter().map(|id| id.to_string()).collect();
            edit(&mut value, &names);
            fs::write(&manifest, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
        }
    }
}

#[test]
fn every_bad_input_gets_its_message_and_nothing_is_lost() {
    let (_dir, root, ids) = bundle_with(3);
    let valid = fs::read(root.join(format!("articles/{}.json", ids[1]))).unwrap();
    for case in cases(&valid) {
        let (_dir, root, ids) = bundle_with(3);
        apply(&root, &ids, &case.target);
        let before = snapshot_files(&root);
        match Bundle::open(&root, Access::ReadWrite) {
            Err(error) => {
                assert!(case.fatal, "{}: open failed: {error}", case.name);
                let message = error.to_string();
                assert!(message.contains(case.expected), "{}: {message}", case.name);
                assert!(
                    message.contains("bundle.json"),
                    "{}: names the file: {message}",
                    case.name
                );
                assert_eq!(
                    snapshot_files(&root),
                    before,
                    "{}: nothing written",
                    case.name
                );
            }
            Ok(mut bundle) => {
                assert!(!case.fatal, "{}: should not open", case.name);
                let messages: Vec<String> =
                    bundle.problems().iter().map(|p| p.to_string()).collect();
                let hit = messages.iter().find(|m| m.contains(case.expected));
                assert!(
                    hit.is_some(),
                    "{}: expected {:?} in {messages:?}",
                    case.name,
                    case.expected
                );
                assert!(
                    hit.unwrap().contains(".json"),
                    "{}: names the file",
                    case.name
                );
                assert!(bundle.len() >= 2, "{}: the rest opens", case.name);
                let first = bundle.ids()[0];
                bundle
                    .update_article(first, |a| a.headline = "Edited after".into())
                    .unwrap();
                bundle.save().unwrap();
                let bad = root.join(format!("articles/{}.json", ids[1]));
                let kept = before
                    .iter()
                    .find(|(p, _)| *p == bad)
                    .map(|(_, b)| b.clone());
                assert_eq!(
                    fs::read(&bad).ok(),
                    kept,
                    "{}: the bad file is never overwritten",
                    case.name
                );
            }
        }
    }
}
