//! Every checklist rule, with the articles that must not be flagged. The proofreading classes
//! are in `review_proofreading.rs`.

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::review::*;
use copydesk::model::{
    Article, AssetName, Correction, CorrectionKind, Embargo, ImageRef, ProjectSettings, Status,
    Transition,
};
use copydesk::review::{Level, Severity};

#[test]
fn the_clean_article_has_no_findings() {
    assert_eq!(findings(&clean()), vec![]);
}

#[test]
fn a_missing_standfirst_or_body_is_called_missing_not_zero_long() {
    // The message of `rule` once `change` is made to the clean article.
    let message = |rule: &str, change: &dyn Fn(&mut Article)| {
        findings(&edited(change))
            .into_iter()
            .find(|f| f.rule == rule)
            .map(|f| f.message)
    };
    let standfirst = |text: &str| message("standfirst.length", &|a| a.standfirst = text.into());
    assert_eq!(
        standfirst("").as_deref(),
        Some("The article has no standfirst; it should be 50 to 160 characters")
    );
    assert_eq!(
        standfirst("Too short.").as_deref(),
        Some("The standfirst is 10 characters; it should be at least 50")
    );
    let body = |text: &str| message("body.length", &|a| a.body = text.into());
    assert_eq!(
        body("").as_deref(),
        Some("The body is empty; it should have at least 150 words")
    );
    assert_eq!(
        body("One word.").as_deref(),
        Some("The body has 2 words; it should have at least 150")
    );
}

#[test]
fn two_findings_of_one_word_are_told_apart_by_their_context() {
    let body = "Earlier on Tuesday, Putin rejected revisions suggested by the the allies and \
                European leaders to a draft.\n\nLater, officials said the the position had not \
                changed since the summer talks in Geneva.";
    let article = edited(|a| a.body = body.into());
    let contexts: Vec<String> = findings(&article)
        .iter()
        .filter(|f| f.rule == "proof.doubled_word")
        .filter_map(|f| f.context(&article))
        .collect();
    assert_eq!(
        contexts,
        [
            "…revisions suggested by the the allies and European leaders to…",
            "Later, officials said the the position had not changed since…",
        ]
    );
    // A short field is shown whole in the editor: no context.
    let headline = edited(|a| a.headline = "Talks resume in the the capital".into());
    assert!(
        findings(&headline)
            .iter()
            .filter(|f| f.rule == "proof.doubled_word")
            .all(|f| f.context(&headline).is_none())
    );
}

#[test]
fn metadata_rules_fire_and_stay_quiet() {
    flags(
        "headline.present",
        &edited(|a| a.headline = " ".into()),
        &clean(),
    );
    flags(
        "headline.length",
        &edited(|a| a.headline = "Word ".repeat(30)),
        &edited(|a| a.headline = "x".repeat(110)),
    );
    flags(
        "seo_title.length",
        &edited(|a| a.seo_title = "s".repeat(61)),
        &edited(|a| a.seo_title = "s".repeat(60)),
    );
    flags(
        "social_title.length",
        &edited(|a| a.social_title = "s".repeat(71)),
        &edited(|a| a.social_title = "s".repeat(70)),
    );
    // An empty SEO or social title leaves the headline to stand in, and a headline longer than
    // that title's limit would be cut.
    let long_headline = |seo: &str, social: &str| {
        edited(|a| {
            a.headline = "h".repeat(75);
            a.seo_title = seo.into();
            a.social_title = social.into();
        })
    };
    flags(
        "seo_title.length",
        &long_headline("", "x"),
        &long_headline("Short", "x"),
    );
    flags(
        "social_title.length",
        &long_headline("x", " "),
        &long_headline("x", "Short"),
    );
    let standing_in = findings(&long_headline("", "x"))
        .into_iter()
        .find(|f| f.rule == "seo_title.length")
        .unwrap();
    assert_eq!(
        standing_in.message,
        "The SEO title is empty, so the headline stands in: 75 characters, over the limit of 60"
    );
    flags(
        "standfirst.length",
        &edited(|a| a.standfirst = "Too short.".into()),
        &clean(),
    );
    flags(
        "standfirst.length",
        &edited(|a| a.standfirst = "Long words here. ".repeat(10)),
        &clean(),
    );
    flags("byline.present", &edited(|a| a.bylines.clear()), &clean());
    flags(
        "byline.name",
        &edited(|a| a.bylines[0].name = "By Ann Reporter".into()),
        &edited(|a| a.bylines[0].name = "Byron Smith".into()),
    );
    flags(
        "byline.name",
        &edited(|a| a.bylines[0].name = "  ".into()),
        &clean(),
    );
    flags("section.set", &edited(|a| a.section.clear()), &clean());
    flags("tags.present", &edited(|a| a.tags.clear()), &clean());
    flags(
        "dateline.place",
        &edited(|a| a.dateline.place.clear()),
        &clean(),
    );
    flags(
        "body.length",
        &edited(|a| a.body = BODY_WORD.repeat(2)),
        &clean(),
    );
    flags(
        "slug.valid",
        &edited(|a| a.slug = "Not A Slug!".into()),
        &edited(|a| a.slug = "a-good-slug-2".into()),
    );
    flags(
        "language.valid",
        &edited(|a| a.language = "english".into()),
        &edited(|a| a.language = "en-GB".into()),
    );
    flags(
        "language.valid",
        &edited(|a| a.language = "en_GB".into()),
        &edited(|a| a.language = "zh-Hant-TW".into()),
    );
}

#[test]
fn a_language_written_by_name_or_with_an_underscore_is_mended_to_its_tag() {
    let fix_of = |language: &str| {
        of_rule("language.valid", &edited(|a| a.language = language.into()))
            .first()
            .map(|f| f.suggestion.clone())
    };
    assert_eq!(fix_of("English"), Some(Some("en".into())));
    assert_eq!(fix_of("ukrainian"), Some(Some("uk".into())));
    assert_eq!(fix_of("en_GB"), Some(Some("en-GB".into())));
    assert_eq!(
        fix_of("Klingon"),
        Some(None),
        "flagged, with nothing to offer"
    );
    assert_eq!(fix_of("en"), None);
}

#[test]
fn a_slug_used_by_another_article_is_flagged_with_a_free_one() {
    let article = clean();
    let other = uuid::Uuid::new_v4();
    let found = findings_with(&article, &settings(), &[(article.slug.as_str(), other)]);
    let finding = found
        .iter()
        .find(|f| f.rule == "slug.unique")
        .expect("slug.unique");
    assert_eq!(
        finding.suggestion.as_deref(),
        Some("council-extends-library-hours-2")
    );
    assert!(
        !findings(&article).iter().any(|f| f.rule == "slug.unique"),
        "its own slug is not a clash"
    );
}

#[test]
fn placeholders_are_found_where_they_are() {
    let body = "The mayor said TK. Figures: XX per cent. [[check quote]] Lorem ipsum dolor.";
    assert_eq!(
        flagged_in_body("placeholder", body),
        ["TK", "XX", "[[check quote]]", "Lorem ipsum"]
    );
    assert!(flagged_in_body("placeholder", "TKO and XXL sizes, Texas, walk, xx").is_empty());
}

#[test]
fn malformed_links_are_flagged_with_fixes() {
    let body = "See [a](www.example.com), [b](http//example.com/x), [c](https://nohost), [d](example page).";
    let article = edited(|a| a.body = body.into());
    let found: Vec<_> = findings(&article)
        .into_iter()
        .filter(|f| f.rule == "links.wellformed")
        .collect();
    let fixes: Vec<_> = found.iter().map(|f| f.suggestion.clone()).collect();
    assert_eq!(
        fixes,
        [
            Some("https://www.example.com".into()),
            Some("http://example.com/x".into()),
            None
        ]
    );
    assert_eq!(found[0].flagged_text(&article), "www.example.com");
    let good = "See [a](https://example.com/a?b=1), [b](/news/x), [c](#top), [d](mailto:desk@example.com).";
    assert!(flagged_in_body("links.wellformed", good).is_empty());
}

#[test]
fn embargo_rules() {
    let past = Utc
        .with_ymd_and_hms(2026, 11, 1, 0, 0, 0)
        .unwrap()
        .fixed_offset();
    let future = Utc
        .with_ymd_and_hms(2027, 1, 1, 0, 0, 0)
        .unwrap()
        .fixed_offset();
    let embargo = |until, zone: &str| {
        Some(Embargo {
            until,
            time_zone: zone.into(),
        })
    };
    let ready_past =
        edited(|a| (a.status, a.embargo) = (Status::Ready, embargo(past, "Europe/London")));
    let ready_future =
        edited(|a| (a.status, a.embargo) = (Status::Ready, embargo(future, "Europe/London")));
    let draft_past = edited(|a| a.embargo = embargo(past, "Europe/London"));
    flags("embargo.future", &ready_past, &ready_future);
    assert!(
        !rules_of(&draft_past).contains(&"embargo.future"),
        "only ready articles are held to it"
    );
    // Published before the embargo lifts: refused; after it, fine.
    let published =
        |until| edited(|a| (a.status, a.embargo) = (Status::Published, embargo(until, "UTC")));
    flags("embargo.lifted", &published(future), &published(past));
    assert!(!rules_of(&ready_future).contains(&"embargo.lifted"));
    flags(
        "embargo.time_zone",
        &edited(|a| a.embargo = embargo(future, "")),
        &ready_future,
    );
    // A zone the clocks do not know is named, with the nearest one that they do.
    let mistyped = edited(|a| a.embargo = embargo(future, "Europe/Londn"));
    let found = of_rule("embargo.time_zone", &mistyped);
    assert_eq!(
        found[0].message,
        "The embargo's time zone \"Europe/Londn\" is not one; did you mean Europe/London?"
    );
    // A time on another offset than its zone has then (London is at +00:00 in January).
    let two_hours_ahead = future.with_timezone(&chrono::FixedOffset::east_opt(7200).unwrap());
    let mismatched = edited(|a| a.embargo = embargo(two_hours_ahead, "Europe/London"));
    let found = of_rule("embargo.time_zone", &mismatched);
    assert!(
        found[0]
            .message
            .contains("given at +02:00, but Europe/London is at +00:00")
    );
    // A fixed offset, as an imported ninjs embargo carries, is a zone too.
    flags(
        "embargo.time_zone",
        &mismatched,
        &edited(|a| a.embargo = embargo(two_hours_ahead, "+02:00")),
    );
}

#[test]
fn a_published_article_changed_later_needs_a_correction() {
    let published = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap();
    let changed = edited(|a| {
        a.status = Status::Published;
        a.first_published = Some(published);
        a.updated = published + Duration::hours(3);
    });
    let mut corrected = changed.clone();
    corrected.corrections.push(Correction {
        date: published + Duration::hours(3),
        kind: CorrectionKind::Clarification,
        text: "An earlier version misnamed the library.".into(),
    });
    flags("correction.after_publish", &changed, &corrected);
    let just_out = edited(|a| (a.status, a.first_published) = (Status::Published, Some(a.updated)));
    assert!(!rules_of(&just_out).contains(&"correction.after_publish"));
}

#[test]
fn a_section_not_in_the_projects_list_is_named_and_a_near_miss_mended() {
    let typo = edited(|a| a.section = "Wolrd".into());
    let shouting = edited(|a| a.section = "WORLD".into());
    let other = edited(|a| a.section = "Gardening".into());
    let listed = edited(|a| a.section = "World".into());
    flags("section.known", &typo, &listed);
    for (article, fix) in [
        (&typo, Some("World")),
        (&shouting, Some("World")),
        (&other, None),
    ] {
        let finding = &of_rule("section.known", article)[0];
        assert_eq!(finding.level, Severity::Recommended);
        assert_eq!(finding.suggestion.as_deref(), fix, "{}", article.section);
        let mut mended = article.clone();
        assert_eq!(finding.apply_fix(&mut mended), fix.is_some());
        assert_eq!(mended.section, fix.unwrap_or(&article.section));
    }
    assert!(
        of_rule("section.known", &other)[0]
            .message
            .contains("add it to them")
    );
    // A project that lists no sections files articles anywhere.
    let mut open = settings();
    open.sections.clear();
    assert!(
        !findings_with(&other, &open, &[])
            .iter()
            .any(|f| f.rule == "section.known")
    );
}

#[test]
fn an_article_marked_corrected_needs_a_correction() {
    let bare = edited(|a| a.status = Status::Corrected);
    let corrected = edited(|a| {
        a.status = Status::Corrected;
        a.corrections.push(Correction {
            date: Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap(),
            kind: CorrectionKind::Correction,
            text: "An earlier version misspelt the mayor's name.".into(),
        });
    });
    flags("correction.present", &bare, &corrected);
    assert_eq!(
        of_rule("correction.present", &bare)[0].level,
        Severity::Required
    );
}

#[test]
fn a_correction_without_its_text_is_flagged() {
    let correction = |text: &str| Correction {
        date: Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap(),
        kind: CorrectionKind::Clarification,
        text: text.into(),
    };
    let empty = edited(|a| a.corrections = vec![correction("Fixed a name."), correction(" \n")]);
    let written = edited(|a| a.corrections = vec![correction("Fixed a name.")]);
    flags("correction.text", &empty, &written);
    let finding = findings(&empty)
        .into_iter()
        .find(|f| f.rule == "correction.text")
        .unwrap();
    assert_eq!(
        finding.message,
        "Correction 2 has no text: readers would see an empty clarification"
    );
    assert_eq!(finding.level, Severity::Required);
}

#[test]
fn a_killed_article_is_not_to_be_published_and_says_why() {
    let killed = edited(|a| {
        a.status = Status::Killed;
        a.workflow_log.push(Transition {
            from: Status::Editing,
            to: Status::Killed,
            at: Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap(),
            editor: "Desk".into(),
            reason: "Legal advice: do not run".into(),
        });
    });
    let revived = edited(|a| a.status = Status::Draft);
    flags("status.killed", &killed, &revived);
    let finding = &of_rule("status.killed", &killed)[0];
    assert_eq!(
        finding.message,
        "The article was killed (\u{201c}Legal advice: do not run\u{201d}): it must not be published"
    );
    assert_eq!(finding.level, Severity::Required);
    // Without a recorded reason (a file edited by hand), the finding still stands.
    let unexplained = edited(|a| a.status = Status::Killed);
    assert_eq!(
        of_rule("status.killed", &unexplained)[0].message,
        "The article was killed: it must not be published"
    );
}

#[test]
fn image_rules_fire_and_stay_quiet() {
    let image = |alt: &str, caption: &str, credit: &str, decorative| ImageRef {
        asset: AssetName::parse(&format!("{}.jpg", "a".repeat(64))).unwrap(),
        alt: alt.into(),
        decorative,
        caption: caption.into(),
        credit: credit.into(),
        ..ImageRef::new(AssetName::parse(&format!("{}.jpg", "c".repeat(64))).unwrap())
    };
    let full = edited(|a| {
        a.hero_image = Some(image(
            "Readers in the library",
            "The reading room.",
            "Ann Photo",
            false,
        ))
    });
    flags(
        "image.alt",
        &edited(|a| a.hero_image = Some(image("", "c", "d", false))),
        &full,
    );
    assert!(
        !rules_of(&edited(|a| a.hero_image = Some(image("", "c", "d", true))))
            .contains(&"image.alt")
    );
    flags(
        "image.alt_length",
        &edited(|a| a.hero_image = Some(image(&"a".repeat(126), "c", "d", false))),
        &full,
    );
    flags(
        "image.caption",
        &edited(|a| a.hero_image = Some(image("a", "", "d", false))),
        &full,
    );
    flags(
        "image.credit",
        &edited(|a| a.hero_image = Some(image("a", "c", " ", false))),
        &full,
    );
}

#[test]
fn levels_come_from_the_profile() {
    let mut settings = settings();
    let article = edited(|a| a.tags.clear());
    let level = |s: &ProjectSettings| {
        findings_with(&article, s, &[])
            .iter()
            .find(|f| f.rule == "tags.present")
            .map(|f| f.level)
    };
    assert_eq!(level(&settings), Some(Severity::Recommended));
    settings
        .checklist
        .rules
        .insert("tags.present".into(), Level::Required);
    assert_eq!(level(&settings), Some(Severity::Required));
    settings
        .checklist
        .rules
        .insert("tags.present".into(), Level::Off);
    assert_eq!(level(&settings), None);
    settings.checklist.limits.headline_max = 10;
    assert!(
        findings_with(&clean(), &settings, &[])
            .iter()
            .any(|f| f.rule == "headline.length")
    );
}

#[test]
fn a_waiver_marks_its_finding_only() {
    let mut article =
        edited(|a| a.body = format!("{}Kupyans and Vovchanks.", BODY_WORD.repeat(13)));
    article.waivers.push(copydesk::model::Waiver {
        rule: "proof.spelling".into(),
        field: "body".into(),
        text: "Kupyans".into(),
        reason: "Spelling used by the source".into(),
        editor: "Ed".into(),
        at: Utc::now(),
    });
    let found: Vec<_> = findings(&article)
        .into_iter()
        .filter(|f| f.rule == "proof.spelling")
        .collect();
    assert_eq!(found.len(), 2);
    assert_eq!(
        found[0].waived.as_deref(),
        Some("Spelling used by the source")
    );
    assert_eq!(found[1].waived, None);
}
