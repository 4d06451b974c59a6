//! Imports: the reference page, round trips of our own Markdown and ninjs, IPTC's examples,
//! HTML pages and bad input.

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

/// Each corpus page's headline and first byline, read off the page by hand.
const PAGES: [(&str, &str, &str); 8] = [
    (
        "01-reuters-com1",
        "Sensex ends flat; weaker Asian markets offset reform hopes",
        "Indulal PM",
    ),
    (
        "02-reuters-com2",
        "Indonesia expands search for missing AirAsia jet, U.S. sends warship",
        "Fergus Jensen",
    ),
    (
        "03-reuters-com4",
        "Healthcare worker in Scotland diagnosed with Ebola",
        "Andy Bruce",
    ),
    (
        "04-telegraph-co-uk2",
        "Margaret Thatcher feared GCSEs would lower school standards",
        "Edward Malnick",
    ),
    (
        "05-telegraph-co-uk1",
        "AirAsia plane found in Java Sea: latest",
        "Harriet Alexander",
    ),
    (
        "06-theglobeandmail-com1",
        "Final manoeuvre of AirAsia flight raises questions over flying in storms",
        "Paul Koring",
    ),
    (
        "07-foxnews-com1",
        "How Oscar Isaac and Jessica Chastain went about bringing to life 'A Most Violent Year'",
        "Lucia I. Suarez",
    ),
    (
        "08-nypost-com2",
        "Surfer survives ‘Jaws’ moment with great white shark",
        "Fox News",
    ),
];

#[test]
fn pasted_corpus_pages_give_their_headline_byline_and_body() {
    let corpus = shared().join("corpus/articles");
    for (stem, headline, byline) in PAGES {
        let page = std::fs::read_to_string(corpus.join(format!("{stem}.txt"))).unwrap();
        let article = import_text(&page, ImportFormat::PastedPage, stem, now()).unwrap();
        assert_eq!(article.headline, headline, "{stem}");
        assert_eq!(article.bylines[0].name, byline, "{stem}");
        let expected =
            std::fs::read_to_string(corpus.join(format!("expected-body/{stem}.body.txt"))).unwrap();
        let words = |t: &str| {
            t.split_whitespace()
                .map(str::to_lowercase)
                .collect::<std::collections::HashSet<_>>()
        };
        let (found, wanted) = (words(&article.body), words(&expected));
        let f1 =
            2.0 * found.intersection(&wanted).count() as f64 / (found.len() + wanted.len()) as f64;
        assert!(f1 > 0.9, "{stem}: word-set F1 {f1:.3}");
    }
}

/// A page of the corpus imported as pasted text.
fn pasted_corpus_page(stem: &str) -> Article {
    let path = shared().join(format!("corpus/articles/{stem}.txt"));
    let page = std::fs::read_to_string(path).unwrap();
    import_text(&page, ImportFormat::PastedPage, stem, now()).unwrap()
}

#[test]
fn pasted_corpus_pages_give_their_dateline_and_keep_their_pictures_captions_aside() {
    use copydesk::import::noted_caption::first_noted;
    // In the first paragraph ("LONDON (Reuters) - …"), or on a line of its own under the
    // byline ("WASHINGTON — The Globe and Mail"); no other page has one.
    for (stem, place) in [
        ("01-reuters-com1", "Mumbai"),
        ("02-reuters-com2", "Jakarta"),
        ("03-reuters-com4", "London"),
        ("06-theglobeandmail-com1", "Washington"),
    ] {
        assert_eq!(pasted_corpus_page(stem).dateline.place, place, "{stem}");
    }
    for (stem, _, _) in PAGES.iter().filter(|(stem, _, _)| {
        !["01-", "02-", "03-", "06-"]
            .iter()
            .any(|n| stem.starts_with(n))
    }) {
        assert_eq!(pasted_corpus_page(stem).dateline.place, "", "{stem}");
    }
    // A gallery's caption ("1 of 2. A general view …") and the credit under it are one caption
    // for the hero, not the body's first paragraph.
    let reuters = pasted_corpus_page("03-reuters-com4");
    assert!(
        reuters
            .body
            .starts_with("LONDON (Reuters) - A healthcare worker")
    );
    let noted = first_noted(&reuters.editors_note).unwrap();
    assert_eq!(
        (noted.caption.as_str(), noted.credit.as_str()),
        (
            "A general view of Gartnavel General Hospital is seen in Glasgow, Scotland December 29, 2014.",
            "Reuters/Stringer"
        )
    );
    // A photographer's credit with the agencies after it.
    let globe = pasted_corpus_page("06-theglobeandmail-com1");
    let noted = first_noted(&globe.editors_note).unwrap();
    assert_eq!(noted.credit, "Juni Kriswanto/AFP/Getty Images");
}

#[test]
fn related_links_stay_out_of_the_body_and_subheadings_in_capitals_stay_in() {
    let corpus = shared().join("corpus/articles");
    let body = |stem: &str| {
        let page = std::fs::read_to_string(corpus.join(format!("{stem}.txt"))).unwrap();
        import_text(&page, ImportFormat::PastedPage, stem, now())
            .unwrap()
            .body
    };
    // Titles of other articles, each above its date, under "Related Articles".
    let telegraph = body("04-telegraph-co-uk2");
    assert!(!telegraph.contains("Top KGB defector"), "{telegraph}");
    assert!(!telegraph.contains("Belgrano whistleblower"));
    assert!(
        telegraph.contains("\n\nHer fears appear to chime"),
        "the text goes on after them"
    );
    // "Read Next:" and "More Related to this Story" blocks.
    assert!(!body("08-nypost-com2").contains("Final passengers rescued"));
    assert!(!body("06-theglobeandmail-com1").contains("Rescue Indonesian rescue agency"));
    // The wire story's subheadings, in capitals between its paragraphs.
    let reuters = body("02-reuters-com2");
    assert!(
        reuters.contains("\n\n## COULD PLANE HAVE STALLED?\n\nWhat happened to Flight QZ8501"),
        "{reuters}"
    );
    assert!(reuters.contains("\n\n## NO FOUL PLAY SEEN\n\n"));
}

#[test]
fn a_picture_s_caption_pasted_with_a_page_is_flagged_as_residue_and_nothing_else_is() {
    let corpus = shared().join("corpus/articles");
    let settings = copydesk::model::ProjectSettings::default();
    let owners = Default::default();
    let context = copydesk::review::CheckContext {
        settings: &settings,
        now: now(),
        project: &owners,
        assets: None,
    };
    let mut reviewer = copydesk::review::Reviewer::new(&settings);
    for (stem, _, _) in PAGES {
        let page = std::fs::read_to_string(corpus.join(format!("{stem}.txt"))).unwrap();
        let article = import_text(&page, ImportFormat::PastedPage, stem, now()).unwrap();
        let captions: Vec<_> = reviewer
            .check(&article, &context)
            .into_iter()
            .filter(|f| f.rule == "proof.residue" && f.message.contains("picture's credit"))
            .collect();
        if *stem != *"07-foxnews-com1" {
            assert!(captions.is_empty(), "{stem}: {captions:?}");
            continue;
        }
        // The photo's caption at the head of the Fox News page, with its credit and the
        // "AP2014" glued after it; its fix takes the paragraph out.
        assert_eq!(captions.len(), 1, "{captions:?}");
        assert!(
            captions[0]
                .message
                .contains("(AP Photo/A24 Films, Atsushi Nishijima)AP2014")
        );
        let mut fixed = article.clone();
        assert!(captions[0].apply_fix(&mut fixed));
        assert!(
            fixed
                .body
                .trim_start()
                .starts_with("Oscar Isaac has had a pretty stellar year."),
            "{}",
            &fixed.body[..200]
        );
    }
}

#[test]
fn pasted_pages_keep_the_dates_they_show_above_their_text() {
    let at = |text: &str| text.parse::<chrono::DateTime<chrono::Utc>>().unwrap();
    for (stem, created, updated) in [
        // "Last update: 2 days ago", counted back from the paste.
        (
            "00-seed-kremlin-ukraine-talks",
            "2026-11-26T12:00:00Z",
            "2026-11-26T12:00:00Z",
        ),
        // "MUMBAI Tue Dec 30, 2014 4:33pm IST", India's time.
        (
            "01-reuters-com1",
            "2014-12-30T11:03:00Z",
            "2014-12-30T11:03:00Z",
        ),
        (
            "02-reuters-com2",
            "2014-12-30T03:51:00Z",
            "2014-12-30T03:51:00Z",
        ),
        // "LONDON Mon Dec 29, 2014 8:57pm GMT"
        (
            "03-reuters-com4",
            "2014-12-29T20:57:00Z",
            "2014-12-29T20:57:00Z",
        ),
        // "11:59PM GMT 29 Dec 2014"
        (
            "04-telegraph-co-uk2",
            "2014-12-29T23:59:00Z",
            "2014-12-29T23:59:00Z",
        ),
        // "5:00PM GMT 31 Dec 2014", then a live blog's "2014-12-31 17:13:38.0".
        (
            "05-telegraph-co-uk1",
            "2014-12-31T17:00:00Z",
            "2014-12-31T17:00:00Z",
        ),
        // "Published" and "Last updated", each over its date.
        (
            "06-theglobeandmail-com1",
            "2014-12-29T11:00:00Z",
            "2014-12-30T01:57:00Z",
        ),
        // "Published December 29, 2014"
        (
            "07-foxnews-com1",
            "2014-12-29T00:00:00Z",
            "2014-12-29T00:00:00Z",
        ),
        // "December 29, 2014 | 10:32am"
        (
            "08-nypost-com2",
            "2014-12-29T10:32:00Z",
            "2014-12-29T10:32:00Z",
        ),
    ] {
        let article = pasted_corpus_page(stem);
        assert_eq!(
            (article.created, article.updated),
            (at(created), at(updated)),
            "{stem}"
        );
    }
    // Text with no date above it is dated when it was pasted.
    let bare = import_text(
        "A council in the north voted on Tuesday to keep its libraries open late.",
        ImportFormat::PastedPage,
        "note",
        now(),
    )
    .unwrap();
    assert_eq!((bare.created, bare.updated), (now(), now()));
}

#[test]
fn a_pasted_page_s_dateline_takes_the_date_the_page_prints() {
    let date = |text: &str| text.parse::<chrono::NaiveDate>().ok();
    for (stem, place, on) in [
        // "MUMBAI Tue Dec 30, 2014 4:33pm IST": the day as printed there.
        ("01-reuters-com1", "Mumbai", date("2014-12-30")),
        ("02-reuters-com2", "Jakarta", date("2014-12-30")),
        ("03-reuters-com4", "London", date("2014-12-29")),
        // A page without a dateline's place gets no date alone.
        ("04-telegraph-co-uk2", "", None),
    ] {
        let article = pasted_corpus_page(stem);
        assert_eq!(article.dateline.place, place, "{stem}");
        assert_eq!(article.dateline.date, on, "{stem}");
    }
}
