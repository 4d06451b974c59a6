//! Imports: the reference page, round trips of our own Markdown and ninjs, IPTC's examples,
//! HTML pages and bad input. The corpus pages pasted as text are in `import_pasted.rs`.

mod common;

use common::*;
use copydesk::export::{ExportContext, Format};
use copydesk::import::{ImportFormat, import_file, import_text};
use copydesk::model::{Article, Project};
use std::process::Command;

fn now() -> chrono::DateTime<chrono::Utc> {
    "2026-11-28T12:00:00Z".parse().unwrap()
}

#[test]
fn importing_the_reference_page_gives_the_article_as_the_issue_says() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("Desk.copydesk");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .args(args)
            .output()
            .unwrap()
    };
    assert!(run(&["new", bundle.to_str().unwrap()]).status.success());
    let seed = shared().join("corpus/articles/00-seed-kremlin-ukraine-talks.txt");
    let imported = run(&["import", bundle.to_str().unwrap(), seed.to_str().unwrap()]);
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let listed: serde_json::Value =
        serde_json::from_slice(&run(&["list", bundle.to_str().unwrap(), "--json"]).stdout).unwrap();
    let entry = &listed[0];
    assert_eq!(
        entry["headline"],
        "Kremlin indicates lack of progress following Ukraine talks with US"
    );
    assert_eq!(entry["section"], "World");
    assert_eq!(entry["bylines"], serde_json::json!(["Sophia Brooks"]));
    assert_eq!(entry["reading_minutes"], 4);
    let mut bundle = open_ro(&bundle);
    let article = bundle
        .article(entry["id"].as_str().unwrap().parse().unwrap())
        .unwrap();
    assert!(
        article.body.starts_with("After five hours of discussions"),
        "{}",
        &article.body[..80]
    );
    assert!(!article.body.contains("Share") && !article.body.contains("4 min read"));
    let source = article.import_source.as_ref().expect("the source is kept");
    assert_eq!(
        (source.file.as_str(), source.format.as_str()),
        ("00-seed-kremlin-ukraine-talks.txt", "pasted page")
    );
}

/// An article as it should come back from a round trip: the import adds only its source.
fn round_tripped(format: Format, article: &Article, project: &Project) -> Article {
    let bytes = ExportContext::new(article, project, None).export(format);
    let kind = if format == Format::Markdown {
        ImportFormat::Markdown
    } else {
        ImportFormat::Ninjs
    };
    let mut back =
        import_text(std::str::from_utf8(&bytes).unwrap(), kind, "export", now()).unwrap();
    assert_eq!(
        back.import_source.take().map(|s| s.format),
        Some(kind.name().to_owned())
    );
    back
}

#[test]
fn our_own_markdown_and_ninjs_round_trip_losslessly() {
    let (project, articles) = sample_articles();
    for article in &articles {
        for format in [Format::Markdown, Format::Ninjs] {
            assert_eq!(
                &round_tripped(format, article, &project),
                article,
                "{format:?} of {}",
                article.slug
            );
        }
    }
}

#[test]
fn naughty_strings_survive_the_markdown_and_ninjs_round_trips() {
    let strings = naughty_strings();
    let project = Project::new("Desk");
    for naughty in strings.iter().filter(|s| !s.trim().is_empty()) {
        let mut article = Article::new_at(naughty.clone(), now());
        article.standfirst = naughty.clone();
        article.tags = vec![naughty.clone()];
        article.body = format!("{naughty}\n\nSecond paragraph.");
        for format in [Format::Markdown, Format::Ninjs] {
            assert_eq!(
                round_tripped(format, &article, &project),
                article,
                "{format:?} of {naughty:?}"
            );
        }
    }
}

#[test]
fn iptc_text_examples_import_with_headline_byline_body_and_subjects() {
    let examples = [
        (
            "ninjs/guide-examples/3.1/005_complex_text_article.json",
            "Captain of wrecked cruise ship on trial in Italy",
            "Paulo Santalucia",
        ),
        ("ninjs/examples/3.0/ninjsExSimpleText_3.json", "", ""),
        (
            "ninjs/examples/3.0/20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json",
            "",
            "",
        ),
        ("ninjs/examples/3.0/ntb_text.json", "", ""),
    ];
    for (file, headline, byline) in examples {
        let path = shared().join(file);
        let document: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let article = import_file(&path, now()).unwrap_or_else(|e| panic!("{e}"));
        let expected_headline = document["headlines"][0]["value"]
            .as_str()
            .unwrap_or(headline);
        assert_eq!(article.headline, expected_headline.trim(), "{file}");
        if !byline.is_empty() {
            assert_eq!(article.bylines[0].name, byline, "{file}");
        } else if let Some(by) = document["by"].as_str() {
            assert!(by.contains(&article.bylines[0].name), "{file}: {by}");
        }
        assert!(
            article.body.split_whitespace().count() > 15,
            "{file}: {}",
            article.body
        );
        assert!(!article.body.contains('<'), "HTML became Markdown: {file}");
        if let Some(subjects) = document["subjects"].as_array() {
            let named = subjects.iter().filter(|s| s["name"].is_string()).count();
            assert_eq!(
                article.tags.len() + usize::from(!article.section.is_empty()),
                named,
                "{file}"
            );
        }
    }
}

#[test]
fn ninjs_1_and_2_documents_import() {
    let v1 = r#"{"uri": "urn:a", "type": "text", "headline": "Old style", "byline": "By Ann Reporter",
        "body_html": "<p>First <b>para</b>.</p><p>Second para.</p>", "subject": [{"name": "Politics", "code": "11000000"}],
        "versioncreated": "2014-01-02T03:04:05Z", "pubstatus": "usable", "located": "Paris", "ednote": "check"}"#;
    let a = import_text(v1, ImportFormat::Ninjs, "v1.json", now()).unwrap();
    assert_eq!(
        (a.headline.as_str(), a.bylines[0].name.as_str()),
        ("Old style", "Ann Reporter")
    );
    assert_eq!(a.body, "First **para**.\n\nSecond para.");
    assert_eq!(
        (
            a.tags.clone(),
            a.dateline.place.as_str(),
            a.editors_note.as_str()
        ),
        (vec!["Politics".to_owned()], "Paris", "check")
    );
    assert_eq!(a.updated.to_rfc3339(), "2014-01-02T03:04:05+00:00");
    let v2 = r#"{"uri": "urn:b", "headlines": [{"role": "main", "value": "Two"}], "bodies": [{"contentType": "text/plain", "value": "Plain body."}],
        "by": "Ann and Ben", "subjects": [{"name": "Sport", "rel": "section"}, {"name": "rowing"}], "pubStatus": "canceled"}"#;
    let b = import_text(v2, ImportFormat::Ninjs, "v2.json", now()).unwrap();
    assert_eq!(
        (b.headline.as_str(), b.body.as_str(), b.section.as_str()),
        ("Two", "Plain body.", "Sport")
    );
    assert_eq!(b.byline_names(), ["Ann", "Ben"]);
    assert_eq!(b.status, copydesk::model::Status::Killed);
}

#[test]
fn an_html_page_gives_its_article_and_drops_the_rest() {
    let page = r#"<!DOCTYPE html><html lang="en-GB"><head><title>Harbour club wins | The Paper</title>
        <meta name="author" content="Kofi Mensah"><meta name="description" content="The club won its first title.">
        <meta property="article:published_time" content="2024-05-01T10:00:00Z"><script>alert(1)</script></head>
        <body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav><article><h1>Harbour club wins</h1>
        <p>The harbour rowing club won its first national title on Saturday, beating crews from six cities in a race that came down to the final stroke.</p>
        <p>Its captain said the crew had trained every morning since January, often in the dark, and that the win belonged to the whole town.</p>
        <p>The club was founded in 1921 and has never before reached a national final, <a href="javascript:alert(1)">said</a> the federation.</p>
        </article><footer>Share Tweet Subscribe</footer></body></html>"#;
    let a = import_text(page, ImportFormat::Html, "page.html", now()).unwrap();
    assert!(
        a.headline.starts_with("Harbour club wins"),
        "{}",
        a.headline
    );
    assert_eq!(a.byline_names(), ["Kofi Mensah"]);
    assert_eq!(a.language, "en-GB");
    assert_eq!(a.standfirst, "The club won its first title.");
    assert!(
        a.body.contains("won its first national title") && a.body.contains("founded in 1921"),
        "{}",
        a.body
    );
    assert!(
        !a.body.contains("alert(1)") || !a.body.contains("<script"),
        "{}",
        a.body
    );
    assert!(
        !a.body.contains("Subscribe") && !a.body.contains("<p>"),
        "{}",
        a.body
    );
}

#[test]
fn an_html_page_without_title_or_description_gets_no_copy_of_its_lead_as_standfirst() {
    let page = r#"<html><body><article>
        <p>The harbour rowing club won its first national title on Saturday, beating crews from six cities in a race that came down to the final stroke.</p>
        <p>Its captain said the crew had trained every morning since January, often in the dark, and that the win belonged to the whole town.</p>
        </article></body></html>"#;
    let a = import_text(page, ImportFormat::Html, "page.html", now()).unwrap();
    // Readability offers the first paragraph as the page's excerpt: that is the lead, not a
    // standfirst, and the preview would show it twice.
    assert_eq!(a.standfirst, "");
    assert!(
        a.body.starts_with("The harbour rowing club won"),
        "{}",
        a.body
    );
    // As for a pasted page: the first words stand in for the missing headline, and the note
    // says so.
    assert_eq!(
        a.headline,
        "The harbour rowing club won its first national title on Saturday, beating"
    );
    assert!(
        a.editors_note.contains("No headline was found"),
        "{}",
        a.editors_note
    );
    assert!(a.slug.starts_with("the-harbour-rowing-club"), "{}", a.slug);
    // A Markdown file without a title or a first heading too.
    let text = "Just a paragraph of *text* without a heading.\n\nA second one.\n";
    let m = import_text(text, ImportFormat::Markdown, "plain.md", now()).unwrap();
    assert_eq!(m.headline, "Just a paragraph of text without a heading.");
    assert_eq!(m.slug, "just-a-paragraph-of-text-without-a-heading");
    assert!(m.editors_note.contains("No headline was found"));
}

#[test]
fn bad_input_is_named_with_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 6] = [
        (
            "picture.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "not a text file",
        ),
        ("empty.md", b"", "the file is empty"),
        ("blank.txt", b"   \n\n  ", "the file is empty"),
        ("broken.json", b"{\"headline\": \"x\",", "not valid JSON"),
        ("list.json", b"[1, 2]", "not a ninjs document"),
        ("nothing.html", b"<html><body><div></div>", "no article"),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let error = import_file(&path, now()).unwrap_err().to_string();
        assert!(
            error.contains(name) && error.contains(expected),
            "{name}: {error}"
        );
    }
    let missing = import_file(&dir.path().join("missing.txt"), now())
        .unwrap_err()
        .to_string();
    assert!(missing.contains("missing.txt"), "{missing}");
}

#[test]
fn the_command_line_imports_the_good_files_and_names_the_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("Desk.copydesk");
    copydesk::bundle::Bundle::create(&bundle, "Desk").unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "nope").unwrap();
    let seed = shared().join("corpus/articles/00-seed-kremlin-ukraine-talks.txt");
    let output = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args([
            "import",
            bundle.to_str().unwrap(),
            bad.to_str().unwrap(),
            seed.to_str().unwrap(),
            seed.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("bad.json: not valid JSON"));
    let bundle = open_ro(&bundle);
    let slugs: Vec<String> = bundle.summaries().map(|s| s.slug.clone()).collect();
    assert_eq!(
        slugs.len(),
        2,
        "the same page imported twice gives two articles"
    );
    assert_ne!(slugs[0], slugs[1]);
}

#[test]
fn pages_and_text_in_legacy_encodings_are_read_in_theirs_and_say_so() {
    let dir = tempfile::tempdir().unwrap();
    // A page saved from an older site, in the Windows-1252 its head declares.
    let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; \
                charset=windows-1252\"><title>Caf\u{e9} owners in Z\u{fc}rich protest</title>\
                </head><body><article><h1>Caf\u{e9} owners in Z\u{fc}rich protest</h1>\
                <p>The owners\u{2019} association said the r\u{e9}gime of fees was \u{201c}na\u{ef}ve\
                \u{201d} \u{2014} and that the fa\u{e7}ade rules, drafted in the d\u{e9}j\u{e0} vu \
                of 1998, would close a dozen caf\u{e9}s on the lake before the summer.</p>\
                <p>The city council will debate the fees on Thursday, its spokeswoman said.</p>\
                </article></body></html>";
    let article = import_in_windows_1252(dir.path(), "zurich.html", page).unwrap();
    assert_eq!(article.headline, "Café owners in Zürich protest");
    assert!(
        article.body.contains("“naïve” — and that the façade"),
        "{}",
        article.body
    );
    let source = article.import_source.unwrap();
    assert_eq!(source.format, "html, read as windows-1252");
    assert_eq!(source.read_as(), Some("windows-1252"));
    // A pasted page saved as Windows-1252 text, no charset said: its likeliest encoding.
    let text = "Caf\u{e9} owners in Z\u{fc}rich protest\n\nThe owners\u{2019} association said \
                the r\u{e9}gime of fees was na\u{ef}ve and the fa\u{e7}ade rules would close a \
                dozen caf\u{e9}s before the summer.\n";
    let article = import_in_windows_1252(dir.path(), "zurich.txt", text).unwrap();
    assert_eq!(article.headline, "Café owners in Zürich protest");
    assert!(
        article
            .body
            .contains("régime of fees was naïve and the façade")
    );
    // JSON is UTF-8 only.
    let json = "{\"headline\": \"Caf\u{e9}\"}";
    let error = import_in_windows_1252(dir.path(), "cafe.json", json)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("cafe.json") && error.contains("not a text file"),
        "{error}"
    );
    // The command line says what it read a file as.
    let bundle = dir.path().join("Desk.copydesk");
    copydesk::bundle::Bundle::create(&bundle, "Desk").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args([
            "import".as_ref(),
            bundle.as_os_str(),
            dir.path().join("zurich.html").as_os_str(),
        ])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains("zurich.html (read as windows-1252) as "),
        "{said}"
    );
}

/// Imports `text` written in Windows-1252 to the file `name` in `dir`.
fn import_in_windows_1252(
    dir: &std::path::Path,
    name: &str,
    text: &str,
) -> Result<copydesk::model::Article, copydesk::import::ImportError> {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let path = dir.join(name);
    std::fs::write(&path, &bytes).unwrap();
    import_file(&path, now())
}
