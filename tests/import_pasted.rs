//! The corpus pages pasted as text: each gives its headline, byline, body, dateline and dates,
//! with pictures' captions and related links kept out of the body.

mod common;

use common::*;
use copydesk::import::{ImportFormat, import_text};
use copydesk::model::Article;

fn now() -> chrono::DateTime<chrono::Utc> {
    "2026-11-28T12:00:00Z".parse().unwrap()
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
