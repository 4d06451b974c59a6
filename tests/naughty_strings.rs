//! Every string of the Big List of Naughty Strings, in every text field, survives save and load
//! byte for byte.

mod common;

use chrono::{DateTime, Utc};
use common::*;
use copydesk::bundle::Bundle;
use copydesk::model::{Article, AssetName, Byline, Correction, CorrectionKind, Embargo, ImageRef};

fn fill(article: &mut Article, s: &str) {
    let text = s.to_owned();
    article.slug = text.clone();
    article.headline = text.clone();
    article.seo_title = text.clone();
    article.social_title = text.clone();
    article.standfirst = text.clone();
    article.bylines = vec![Byline::new(text.clone(), text.clone())];
    article.section = text.clone();
    article.tags = vec![text.clone(), text.clone()];
    article.slugline = text.clone();
    article.dateline.place = text.clone();
    article.language = text.clone();
    article.editors_note = text.clone();
    article.body = text.clone();
    article.embargo = Some(Embargo {
        until: DateTime::parse_from_rfc3339("2027-01-01T09:00:00+02:00").unwrap(),
        time_zone: text.clone(),
    });
    article.corrections = vec![Correction {
        date: "2026-11-01T00:00:00Z".parse::<DateTime<Utc>>().unwrap(),
        kind: CorrectionKind::Clarification,
        text: text.clone(),
    }];
    article.hero_image = Some(ImageRef {
        decorative: false,
        asset: AssetName::parse(&format!("{}.png", "0".repeat(64))).unwrap(),
        alt: text.clone(),
        caption: text.clone(),
        credit: text.clone(),
        usage_terms: text,
        ..ImageRef::new(AssetName::parse(&format!("{}.jpg", "c".repeat(64))).unwrap())
    });
}

#[test]
fn every_naughty_string_in_every_field_round_trips() {
    let strings = naughty_strings();
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("Naughty.copydesk");
    let mut bundle = Bundle::create(&root, "Naughty").unwrap();
    let mut expected = Vec::new();
    for s in &strings {
        let id = bundle.insert_article(Article::new("placeholder")).unwrap();
        let article = bundle.update_article(id, |a| {
            fill(a, s);
            a.clone()
        });
        expected.push(article.unwrap());
    }
    bundle.project_mut().title = strings.concat();
    bundle.save().unwrap();
    drop(bundle);
    // Drop the index so every article is parsed from its file, then read lazily once more.
    std::fs::remove_file(root.join(".local/index.json")).unwrap();
    for _ in 0..2 {
        let mut reopened = open_ro(&root);
        assert!(reopened.problems().is_empty(), "{:?}", reopened.problems());
        assert_eq!(reopened.project().title, strings.concat());
        for want in &expected {
            let got = reopened.article(want.id).unwrap();
            assert_eq!(got, want, "string {:?}", want.headline);
        }
        let headlines: Vec<&str> = reopened.summaries().map(|s| s.headline.as_str()).collect();
        let wanted: Vec<&str> = strings.iter().map(String::as_str).collect();
        assert_eq!(headlines, wanted);
        drop(reopened);
        drop(open_rw(&root));
    }
}
