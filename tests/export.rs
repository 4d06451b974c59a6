//! Exports: ninjs 3.1 validity, inert output for every naughty string, determinism, the
//! command line's gating.

mod common;

use common::*;
use copydesk::export::{ExportContext, Format, file_name};
use copydesk::model::{
    Article, AssetName, Byline, Correction, CorrectionKind, Embargo, ImageRef, Project, Status,
};
use std::path::Path;
use std::process::Command;

/// An article with every field filled.
fn maximal() -> Article {
    let mut a = Article::new("Council extends library hours to midnight");
    a.seo_title = "Library hours extended to midnight".into();
    a.social_title = "Night owls, rejoice: the library stays open".into();
    a.standfirst = "Readers will be able to borrow books until midnight from next month.".into();
    a.bylines = vec![
        Byline::new("Ann Reporter", "Reporter"),
        Byline::new("Ben Snapper", "Photographs"),
    ];
    a.section = "News".into();
    a.tags = vec!["libraries".into(), "council".into()];
    a.slugline = "LIBRARY-HOURS".into();
    a.dateline.place = "Leeds".into();
    a.dateline.date = chrono::NaiveDate::from_ymd_opt(2026, 11, 2);
    a.language = "en-GB".into();
    a.editors_note = "Check the figures with the council.".into();
    a.body = "The council **agreed** on Tuesday.\n\n## Why\n\n> Readers asked.\n\n- one\n- two\n\nSee [the plan](https://example.com/plan).".into();
    a.status = Status::Corrected;
    a.first_published = Some(a.created);
    a.embargo = Some(Embargo {
        until: "2026-12-01T09:00:00+01:00".parse().unwrap(),
        time_zone: "Europe/Paris".into(),
    });
    a.corrections = vec![Correction {
        date: a.created,
        kind: CorrectionKind::Correction,
        text: "An earlier version gave the wrong closing time.".into(),
    }];
    a.hero_image = Some(ImageRef {
        asset: AssetName::parse(&format!("{}.jpg", "b".repeat(64))).unwrap(),
        alt: "Readers in the library at night".into(),
        decorative: false,
        caption: "The reading room.".into(),
        credit: "Ben Snapper".into(),
        usage_terms: "Editorial use only".into(),
        focal_point: Some(copydesk::model::FocalPoint { x: 400, y: 300 }),
        width: 2400,
        height: 1350,
        ..ImageRef::new(AssetName::parse(&format!("{}.jpg", "c".repeat(64))).unwrap())
    });
    a
}

fn ninjs_of(article: &Article, project: &Project) -> serde_json::Value {
    serde_json::from_slice(&ExportContext::new(article, project, None).export(Format::Ninjs))
        .unwrap()
}

#[test]
fn every_sample_article_and_a_maximal_one_are_valid_ninjs_3_1() {
    let (mut project, articles) = sample_articles();
    for article in articles.iter().chain([&maximal()]) {
        let document = ninjs_of(article, &project);
        assert_eq!(
            ninjs::errors(&document),
            Vec::<String>::new(),
            "{}",
            article.slug
        );
    }
    project.settings.base_url = "https://news.example.com/".into();
    let article = maximal();
    let document = ninjs_of(&article, &project);
    assert_eq!(ninjs::errors(&document), Vec::<String>::new());
    assert_eq!(
        document["uri"],
        format!("https://news.example.com/articles/{}", article.id)
    );
}

#[test]
fn the_maximal_ninjs_maps_every_field() {
    let article = maximal();
    let d = ninjs_of(&article, &Project::new("Desk"));
    assert_eq!(d["type"], "text");
    assert_eq!(d["pubStatus"], "usable");
    assert_eq!(d["language"], "en-GB");
    assert_eq!(d["embargoedUntil"], "2026-12-01T09:00:00+01:00");
    let roles: Vec<&str> = d["headlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["main", "seo", "social"]);
    assert_eq!(d["descriptions"][0]["value"], article.standfirst);
    assert_eq!(d["descriptions"][1]["role"], "correction");
    assert_eq!(d["bodies"][0]["contentType"], "text/html");
    assert_eq!(d["bodies"][0]["wordCount"], article.body_stats().words);
    assert_eq!(d["by"], "Ann Reporter and Ben Snapper");
    assert_eq!(
        d["people"][1],
        serde_json::json!({"name": "Ben Snapper", "rel": "photographs"})
    );
    assert_eq!(
        d["subjects"][0],
        serde_json::json!({"name": "News", "rel": "section"})
    );
    assert_eq!(
        d["subjects"][2],
        serde_json::json!({"name": "council", "rel": "tag"})
    );
    assert_eq!(
        (d["slugline"].as_str(), d["located"].as_str()),
        (Some("LIBRARY-HOURS"), Some("Leeds"))
    );
    assert_eq!(d["edNote"], article.editors_note);
    assert_eq!(d["associations"][0]["by"], "Ben Snapper");
    let mut killed = article.clone();
    killed.status = Status::Killed;
    assert_eq!(
        ninjs_of(&killed, &Project::new("Desk"))["pubStatus"],
        "canceled"
    );
}

#[test]
fn iptc_s_own_suite_behaves_as_expected_through_the_validator() {
    let root = shared().join("ninjs");
    let folders = [
        ("test_suite/3.1/should_pass", true),
        ("test_suite/3.1/should_fail", false),
        ("guide-examples/3.1", true),
        ("guide-examples/not-valid", false),
    ];
    let mut seen = 0;
    for (folder, valid) in folders {
        for entry in std::fs::read_dir(root.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            let document: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            assert_eq!(
                ninjs::errors(&document).is_empty(),
                valid,
                "{}",
                path.display()
            );
            seen += 1;
        }
    }
    assert!(seen >= 11, "{seen} files");
}

#[test]
fn exports_are_deterministic_and_named_by_slug() {
    let article = maximal();
    let project = Project::new("Desk");
    for format in Format::ALL {
        let once = ExportContext::new(&article, &project, None).export(format);
        let twice = ExportContext::new(&article, &project, None).export(format);
        assert_eq!(once, twice, "{format:?}");
    }
    assert_eq!(
        file_name(&article, Format::Ninjs),
        "council-extends-library-hours-to-midnight.ninjs.json"
    );
}

#[test]
fn html_has_language_direction_social_tags_and_json_ld() {
    let mut article = maximal();
    let mut project = Project::new("Desk");
    project.settings.base_url = "https://news.example.com".into();
    let html = String::from_utf8(ExportContext::new(&article, &project, None).export(Format::Html))
        .unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\" dir=\"ltr\">"));
    for needle in [
        "<link rel=\"canonical\" href=\"https://news.example.com/council-extends-library-hours-to-midnight\">",
        "<meta property=\"og:title\" content=\"Night owls, rejoice: the library stays open\">",
        "<meta name=\"twitter:card\" content=\"summary_large_image\">",
        "\"@type\": \"NewsArticle\"",
        "\"datePublished\": \"",
        "<h1>Council extends library hours to midnight</h1>",
        "<figcaption>The reading room. <span class=\"credit\">Ben Snapper</span></figcaption>",
        "Author: Ann Reporter and Ben Snapper",
    ] {
        assert!(html.contains(needle), "{needle}");
    }
    article.language = "ar".into();
    let html = String::from_utf8(ExportContext::new(&article, &project, None).export(Format::Html))
        .unwrap();
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
}

#[test]
fn markdown_front_matter_has_hugo_and_jekyll_keys() {
    let text = String::from_utf8(
        ExportContext::new(&maximal(), &Project::new("Desk"), None).export(Format::Markdown),
    )
    .unwrap();
    let front: serde_json::Value =
        serde_yaml_ng::from_str(text.split("---\n").nth(1).unwrap()).unwrap();
    for key in [
        "title",
        "date",
        "lastmod",
        "author",
        "authors",
        "tags",
        "categories",
        "description",
        "slug",
        "draft",
        "copydesk",
    ] {
        assert!(front.get(key).is_some(), "{key}");
    }
    assert_eq!(front["draft"], false);
    assert!(text.ends_with("See [the plan](https://example.com/plan).\n"));
}

#[test]
fn plain_text_is_wire_style_and_wraps_as_set() {
    let mut project = Project::new("Desk");
    let mut article = maximal();
    article.body = "word ".repeat(40).trim_end().to_owned();
    let text = String::from_utf8(ExportContext::new(&article, &project, None).export(Format::Text))
        .unwrap();
    assert!(text.starts_with("LIBRARY-HOURS\n\nCouncil extends library hours to midnight\n\n"));
    assert!(text.contains("LEEDS, Nov 2 — word word"));
    assert!(text.lines().all(|l| l.chars().count() <= 72), "{text}");
    assert!(text.contains("By Ann Reporter and Ben Snapper"));
    assert!(text.contains("Correction (2"));
    project.settings.export.text_wrap = 0;
    let kept = String::from_utf8(ExportContext::new(&article, &project, None).export(Format::Text))
        .unwrap();
    assert!(
        kept.lines().any(|l| l.chars().count() > 72),
        "paragraphs kept whole"
    );
}

#[test]
fn a_byline_or_correction_still_being_added_is_not_printed() {
    // The editor clicked Add byline and Add correction and typed nothing yet: no format
    // credits an empty name ("Author: Ann Reporter, ") or prints an empty correction.
    let project = Project::new("Desk");
    let mut article = maximal();
    article.bylines = vec![
        Byline::new("Ann Reporter", "Reporter"),
        Byline::new(" ", ""),
    ];
    article.corrections.push(Correction {
        date: article.created,
        kind: CorrectionKind::Clarification,
        text: String::new(),
    });
    let export = |format| {
        String::from_utf8(ExportContext::new(&article, &project, None).export(format)).unwrap()
    };
    let html = export(Format::Html);
    assert!(html.contains("<p class=\"author-line\">Author: Ann Reporter</p>"));
    assert_eq!(html.matches("class=\"author\"").count(), 1, "one credit");
    assert!(!html.contains("Clarification"), "no empty clarification");
    assert!(export(Format::Text).contains("By Ann Reporter\n"));
    assert!(!export(Format::Text).contains("Clarification"));
    let ninjs = ninjs_of(&article, &project);
    assert_eq!(ninjs["by"], "Ann Reporter");
    assert_eq!(ninjs["people"].as_array().unwrap().len(), 1);
    assert_eq!(
        ninjs["descriptions"].as_array().unwrap().len(),
        2,
        "summary, correction"
    );
    let markdown = export(Format::Markdown);
    let front: serde_json::Value =
        serde_yaml_ng::from_str(markdown.split("---\n").nth(1).unwrap()).unwrap();
    assert_eq!(front["authors"], serde_json::json!(["Ann Reporter"]));
}

#[test]
fn plain_text_keeps_the_headline_capitals_as_written() {
    let project = Project::new("Desk");
    let mut article = maximal();
    article.headline = "GCSEs move to iPads at McDonald school".into();
    let text = String::from_utf8(ExportContext::new(&article, &project, None).export(Format::Text))
        .unwrap();
    assert!(
        text.contains("\nGCSEs move to iPads at McDonald school\n"),
        "{text}"
    );
}

/// Whether the HTML export of an article is inert: the only script is our JSON-LD, which
/// parses, and no tag or attribute came from the article's text.
fn assert_inert_html(html: &str, naughty: &str) {
    assert_eq!(html.matches("<script").count(), 1, "{naughty:?}");
    assert_eq!(html.matches("</script").count(), 1, "{naughty:?}");
    let start = html
        .find("<script type=\"application/ld+json\">\n")
        .unwrap()
        + 36;
    let end = html.find("\n</script>").unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&html[start..end]).unwrap_or_else(|e| panic!("{naughty:?}: {e}"));
    assert_eq!(json["@type"], "NewsArticle");
    for tag in [
        "<img", "<iframe", "<svg", "<object", "<embed", "<form", "<input", "<style",
    ] {
        let expected = match tag {
            "<style" => 1,
            "<img" => 1,
            _ => 0,
        };
        assert_eq!(
            html.matches(tag).count(),
            expected,
            "{tag} from {naughty:?}"
        );
    }
    let event_attribute = regex::Regex::new(r#"\son[a-z]+\s*=\s*""#).unwrap();
    assert!(
        !event_attribute.is_match(html),
        "an event attribute from {naughty:?}"
    );
    // The body is Markdown, so a naughty string may make a link; its target is always harmless.
    for href in html
        .split("href=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or(""))
    {
        let lower = href.to_ascii_lowercase();
        assert!(
            !["javascript:", "vbscript:", "data:"]
                .iter()
                .any(|s| lower.trim_start().starts_with(s)),
            "{href} from {naughty:?}"
        );
    }
}

#[test]
fn every_naughty_string_in_every_field_exports_valid_and_inert() {
    let strings = naughty_strings();
    let project = Project::new("Desk");
    // scripts/check-html.sh sets this to run the W3C checker over every page.
    let pages = std::env::var_os("COPYDESK_HTML_OUT").map(std::path::PathBuf::from);
    for (i, naughty) in strings.iter().enumerate() {
        let mut a = maximal();
        a.body = String::new();
        for field in [
            &mut a.headline,
            &mut a.seo_title,
            &mut a.social_title,
            &mut a.standfirst,
            &mut a.section,
            &mut a.slugline,
            &mut a.editors_note,
            &mut a.dateline.place,
            &mut a.tags[0],
            &mut a.corrections[0].text,
        ] {
            *field = naughty.clone();
        }
        a.bylines[0] = Byline::new(naughty.clone(), naughty.clone());
        if let Some(image) = &mut a.hero_image {
            image.alt = naughty.clone();
            image.caption = naughty.clone();
            image.credit = naughty.clone();
        }
        a.body = naughty.clone();
        let context = ExportContext::new(&a, &project, None);
        let html = context.export(Format::Html);
        if let Some(pages) = &pages {
            std::fs::create_dir_all(pages).unwrap();
            std::fs::write(pages.join(format!("naughty-{i:03}.html")), &html).unwrap();
        }
        assert_inert_html(&String::from_utf8(html).unwrap(), naughty);
        let ninjs: serde_json::Value =
            serde_json::from_slice(&context.export(Format::Ninjs)).unwrap();
        assert_eq!(ninjs::errors(&ninjs), Vec::<String>::new(), "{naughty:?}");
        assert_eq!(
            ninjs["headlines"].as_array().map_or(0, Vec::len) > 0,
            !naughty.is_empty()
        );
        let jsonld: serde_json::Value =
            serde_json::from_slice(&context.export(Format::Jsonld)).unwrap();
        assert_eq!(jsonld["headline"], naughty.as_str());
        let markdown = String::from_utf8(context.export(Format::Markdown)).unwrap();
        let front: serde_json::Value = serde_yaml_ng::from_str(
            markdown
                .split("\n---\n")
                .next()
                .unwrap()
                .trim_start_matches("---\n"),
        )
        .unwrap_or_else(|e| panic!("{naughty:?}: {e}"));
        assert_eq!(front["copydesk"]["headline"], naughty.as_str());
        assert!(String::from_utf8(context.export(Format::Text)).is_ok());
    }
}

fn copydesk(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_command_line_refuses_articles_failing_required_rules_unless_forced() {
    let out = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.copydesk");
    let (sample, dir) = (sample.to_str().unwrap(), out.path().to_str().unwrap());
    let refused = copydesk(&["export", sample, "--format", "ninjs", "--out", dir]);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("refused city-library-opens-its-stacks-to-night-readers")
            && stderr.contains("TK"),
        "{stderr}"
    );
    assert!(
        !out.path()
            .join("city-library-opens-its-stacks-to-night-readers.ninjs.json")
            .exists()
    );
    assert!(
        out.path()
            .join("kremlin-indicates-lack-of-progress-following-ukraine-talks-with-us.ninjs.json")
            .exists()
    );
    let export_library_anyway = || {
        copydesk(&[
            "export",
            sample,
            "--format",
            "text",
            "--out",
            dir,
            "city-library-opens-its-stacks-to-night-readers",
            "--force",
        ])
    };
    let forced = export_library_anyway();
    assert_eq!(
        forced.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&forced.stderr)
    );
    assert!(
        out.path()
            .join("city-library-opens-its-stacks-to-night-readers.txt")
            .exists()
    );
    // Exported again, the file replaces the first one, and the summary says so.
    let again = export_library_anyway();
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.ends_with("0 refused; 1 file replaced one of the same name\n"),
        "{stderr}"
    );
    let bad = copydesk(&["export", sample, "--format", "pdf", "--out", dir]);
    assert_eq!(bad.status.code(), Some(2));
}
