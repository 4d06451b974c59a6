//! Every checklist rule and every proofreading class, with the text that must not be flagged.

use chrono::{Duration, TimeZone, Utc};
use copydesk::model::{
    Article, AssetName, Byline, Correction, CorrectionKind, Embargo, ImageRef, ProjectSettings,
    Status, Transition,
};
use copydesk::review::{CheckContext, Finding, Level, ProjectFacts, Reviewer, Severity};

const BODY_WORD: &str =
    "The council met on Tuesday and agreed to extend the library's opening hours. ";

/// An article that passes every rule.
fn clean() -> Article {
    let mut a = Article::new_at(
        "Council extends library hours",
        Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap(),
    );
    a.standfirst =
        "Readers will be able to borrow books until midnight from next month, the council said."
            .into();
    a.bylines = vec![Byline::new("Ann Reporter", "Reporter")];
    a.section = "News".into();
    a.tags = vec!["libraries".into()];
    a.dateline.place = "Leeds".into();
    a.body = BODY_WORD.repeat(13);
    a
}

fn settings() -> ProjectSettings {
    ProjectSettings::default()
}

fn findings_with(
    article: &Article,
    settings: &ProjectSettings,
    others: &[(&str, uuid::Uuid)],
) -> Vec<Finding> {
    let owners = ProjectFacts::of_slugs(
        others
            .iter()
            .map(|(s, id)| (*s, *id))
            .chain([(article.slug.as_str(), article.id)]),
    );
    let context = CheckContext {
        settings,
        now: Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap(),
        project: &owners,
        assets: None,
    };
    Reviewer::new(settings).check_with_suggestions(article, &context)
}

fn findings(article: &Article) -> Vec<Finding> {
    findings_with(article, &settings(), &[])
}

fn rules_of(article: &Article) -> Vec<&'static str> {
    findings(article).iter().map(|f| f.rule).collect()
}

/// Asserts that a rule fires on `bad` and not on `good`.
fn flags(rule: &str, bad: &Article, good: &Article) {
    assert!(
        rules_of(bad).contains(&rule),
        "{rule} should fire: {:?}",
        findings(bad)
    );
    assert!(
        !rules_of(good).contains(&rule),
        "{rule} should not fire: {:?}",
        findings(good)
    );
}

fn edited(change: impl FnOnce(&mut Article)) -> Article {
    let mut a = clean();
    change(&mut a);
    a
}

/// The findings of one rule.
fn of_rule(rule: &str, article: &Article) -> Vec<Finding> {
    findings(article)
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

/// The text of each finding of a rule in a body.
fn flagged_in_body(rule: &str, body: &str) -> Vec<String> {
    let article = edited(|a| a.body = body.into());
    findings(&article)
        .into_iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.flagged_text(&article).to_owned())
        .collect()
}

/// Whether `body` has no spelling finding once `word` is in the project's dictionary.
fn spelled_right_with_project_word(word: &str, body: &str) -> bool {
    let mut settings = settings();
    settings.dictionary.push(word.into());
    let article = edited(|a| a.body = body.into());
    !findings_with(&article, &settings, &[])
        .iter()
        .any(|f| f.rule == "proof.spelling")
}

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

#[test]
fn lost_apostrophes_are_found_and_plurals_and_names_are_not() {
    let body = "Kyiv said so. Kyivs allies and Moscows claims; Russias army. The countrys mood. It wasnt over.";
    assert_eq!(
        flagged_in_body("proof.apostrophe", body),
        ["Kyivs", "Moscows", "Russias", "countrys", "wasnt"]
    );
    let fixed: Vec<_> = findings(&edited(|a| a.body = body.into()))
        .into_iter()
        .filter_map(|f| f.suggestion)
        .collect();
    assert_eq!(
        fixed,
        ["Kyiv's", "Moscow's", "Russia's", "country's", "wasn't"]
    );
    let fine = "Its news series: Thomas from Texas met the Kennedys and two Marys. Kennedy waved. Mary smiled. \
                Paris, Athens and Wales; cats, buses. Code `Kyivs` stays.";
    assert!(
        flagged_in_body("proof.apostrophe", fine).is_empty(),
        "{:?}",
        flagged_in_body("proof.apostrophe", fine)
    );
}

#[test]
fn a_possessive_is_spelled_as_right_as_its_word() {
    // The apostrophe's own fix must not bring a spelling finding in its place.
    let body = "Kyiv said so. Kyivs allies met.";
    let fix = findings(&edited(|a| a.body = body.into()))
        .into_iter()
        .find(|f| f.rule == "proof.apostrophe")
        .and_then(|f| f.suggestion)
        .expect("the lost apostrophe is found");
    let fixed = body.replace("Kyivs", &fix);
    assert_eq!(fixed, "Kyiv said so. Kyiv's allies met.");
    assert!(flagged_in_body("proof.spelling", &fixed).is_empty());
    assert!(flagged_in_body("proof.spelling", "Kyiv’s allies met Kyiv’s envoy.").is_empty());
    // A project word's possessive is known too; a misspelled word's possessive is not.
    assert!(spelled_right_with_project_word(
        "Kupyansk",
        "Kupyansk's defenders held."
    ));
    assert_eq!(
        flagged_in_body("proof.spelling", "The goverment's plan."),
        ["goverment's"]
    );
}

#[test]
fn lost_dashes_and_joined_words_are_found() {
    let body = "Kyiv wants NATO membershipa point rejected by Russia. The talksWith Moscow ended.";
    assert_eq!(
        flagged_in_body("proof.run_together", body),
        ["membershipa", "talksWith"]
    );
    let fixes: Vec<_> = findings(&edited(|a| a.body = body.into()))
        .into_iter()
        .filter_map(|f| f.suggestion)
        .collect();
    assert!(fixes.contains(&"membership—a".to_owned()) && fixes.contains(&"talks With".to_owned()));
    assert!(
        flagged_in_body(
            "proof.run_together",
            "An iPhone, a McDonald's, a banana and a formula."
        )
        .is_empty()
    );
}

#[test]
fn spelling_uses_the_dictionary_and_the_project_words() {
    assert_eq!(
        flagged_in_body("proof.spelling", "The goverment said it would recieve aid."),
        ["goverment", "recieve"]
    );
    assert!(
        flagged_in_body(
            "proof.spelling",
            "NATO, the UN and the EU met in 2022; e-mail pre-tax co-founder."
        )
        .is_empty()
    );
    // Plurals of abbreviations (corpus 04: "others took CSEs") are abbreviations too.
    assert!(flagged_in_body("proof.spelling", "Pupils took CSEs; NGOs and MPs agreed.").is_empty());
    assert!(spelled_right_with_project_word(
        "Kupyans",
        "Fighting near Kupyans went on."
    ));
    let suggestion = findings(&edited(|a| a.body = "They recieve it.".into()))
        .into_iter()
        .find(|f| f.rule == "proof.spelling")
        .and_then(|f| f.suggestion);
    assert_eq!(suggestion.as_deref(), Some("receive"));
}

#[test]
fn a_name_spelled_once_one_way_and_often_another_is_mended_to_the_usual_spelling() {
    // The Fox News page (corpus 07) spells Chastain eight times and "Chastian" once.
    for body in [
        "Jessica Chastain stars. Chastain said so. Isaac and Chastian, 37, met. Chastain's role.",
        // In a full name too.
        "Chastain stars. Chastain said so. Chastain's role grew. Jessica Chastian laughed.",
    ] {
        let all = findings(&edited(|a| a.body = body.into()));
        assert!(
            all.iter().all(|f| f.rule != "proof.spelling"),
            "a slip of a name is not a spelling for the dictionary: {all:?}"
        );
        let found: Vec<Finding> = all
            .into_iter()
            .filter(|f| f.rule == "proof.name_spelling")
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].suggestion.as_deref(), Some("Chastain"));
        assert!(
            found[0]
                .message
                .contains("spelled \"Chastain\" 3 other times"),
            "{found:?}"
        );
    }
    // Two names one letter apart used as often are two names; a plural is a plural; a short
    // name is left alone.
    let names =
        "The Kennedys came. Kennedy spoke; Kennedy left. Ekdahl and Ekdahl met Ekdahk, Ekdahk.";
    for rule in ["proof.spelling", "proof.name_spelling"] {
        assert!(flagged_in_body(rule, names).is_empty(), "{rule}");
    }
}

#[test]
fn a_language_without_a_dictionary_gets_a_note_not_an_error() {
    let article = edited(|a| (a.language, a.body) = ("xx-Fake".into(), "Qwzx vbnm.".into()));
    let found = findings(&article);
    let note = found
        .iter()
        .find(|f| f.rule == "proof.dictionary")
        .expect("a note");
    assert_eq!(note.level, Severity::Info);
    assert!(!found.iter().any(|f| f.rule == "proof.spelling"));
}

#[test]
fn doubled_words_and_spaces() {
    assert_eq!(
        flagged_in_body(
            "proof.doubled_word",
            "It was the the best. He had had enough; that that is."
        ),
        [" the"]
    );
    assert_eq!(
        flagged_in_body("proof.double_space", "Two  spaces here.\n    code  block"),
        ["  "]
    );
    assert!(flagged_in_body("proof.doubled_word", "The\nthe line break. Bora Bora.").len() <= 1);
}

#[test]
fn a_hyphen_between_spaces_is_mended_to_a_dash() {
    // Corpus 04: "the GCSE system today - almost 30 years later"; a range of years closes up.
    let body = "The system today - almost 30 years later.\n\nFlights: 1975 - 2014.\n\n- a list item\n\n`a - b`";
    assert_eq!(flagged_in_body("proof.hyphen_dash", body), ["-", " - "]);
    let mut article = edited(|a| a.body = body.into());
    let found = findings(&article);
    let dash = found
        .iter()
        .find(|f| f.rule == "proof.hyphen_dash")
        .expect("found");
    assert_eq!(dash.alternatives, ["–"]);
    for finding in found.iter().filter(|f| f.rule == "proof.hyphen_dash").rev() {
        assert!(finding.apply_fix(&mut article));
    }
    assert!(
        article
            .body
            .starts_with("The system today — almost 30 years later.")
    );
    assert!(article.body.contains("Flights: 1975–2014."));
}

#[test]
fn straight_quotes_only_when_the_house_uses_curly_ones() {
    let body = "He said \"no\" and it's `\"code\"` there.";
    assert!(flagged_in_body("proof.straight_quotes", body).is_empty());
    let mut settings = settings();
    settings.house_style.curly_quotes = true;
    let article = edited(|a| a.body = body.into());
    let fixes: Vec<_> = findings_with(&article, &settings, &[])
        .into_iter()
        .filter(|f| f.rule == "proof.straight_quotes")
        .filter_map(|f| f.suggestion)
        .collect();
    assert_eq!(fixes, ["“", "”", "’"]);
}

#[test]
fn the_house_dash_is_asked_for_between_words_and_put_back_where_one_was_lost() {
    let body =
        "The talks — long ones—ended – at last in 1975–2014.\n\nNATO membershipa point - rejected.";
    // Not settled: every dash passes.
    let article = edited(|a| a.body = body.into());
    assert!(flagged_in_body("proof.house_style", body).is_empty());
    let mut settings = settings();
    settings.house_style.dash = copydesk::review::HouseDash::SpacedEn;
    let found = findings_with(&article, &settings, &[]);
    let fixes = |rule: &str| -> Vec<String> {
        found
            .iter()
            .filter(|f| f.rule == rule)
            .filter_map(|f| f.suggestion.clone())
            .collect()
    };
    assert_eq!(fixes("proof.house_style"), [" – ", " – "]);
    assert_eq!(fixes("proof.run_together"), ["membership – a"]);
    assert_eq!(fixes("proof.hyphen_dash"), ["–"]);
    let hyphen = found.iter().find(|f| f.rule == "proof.hyphen_dash");
    assert_eq!(
        hyphen.map(|f| f.message.as_str()),
        Some("A hyphen between spaces stands for a dash"),
        "between words, not a range of numbers"
    );
    let mut mended = article.clone();
    for finding in found.iter().rev() {
        if finding.suggestion.is_some() && finding.rule != "proof.spelling" {
            assert!(finding.apply_fix(&mut mended), "{}", finding.message);
        }
    }
    assert_eq!(
        mended.body,
        "The talks – long ones – ended – at last in 1975–2014.\n\nNATO membership – a point – rejected."
    );
}

#[test]
fn mojibake_is_found_and_repaired() {
    let article = edited(|a| a.body = "The cafÃ© said itâ€™s closed \u{FFFD} today.".into());
    let found: Vec<_> = findings(&article)
        .into_iter()
        .filter(|f| f.rule == "proof.mojibake")
        .collect();
    assert_eq!(
        found
            .iter()
            .map(|f| f.suggestion.clone())
            .collect::<Vec<_>>(),
        [Some("é".into()), Some("’".into()), None]
    );
    let mut fixed = article.clone();
    assert!(found[1].apply_fix(&mut fixed) && found[0].apply_fix(&mut fixed));
    assert!(fixed.body.starts_with("The café said it’s closed"));
    assert!(flagged_in_body("proof.mojibake", "São Paulo, Zürich, naïve, Ærø.").is_empty());
}

#[test]
fn page_furniture_in_the_body_is_residue_with_a_delete_fix() {
    let body = "HOME > WORLD > Talks\n\nLast update: 2 days ago\n\n4 min read\n\n11 Views\n\nThe talks ended.\n\nShare\n\nTweet";
    let article = edited(|a| a.body = body.into());
    let found: Vec<_> = findings(&article)
        .into_iter()
        .filter(|f| f.rule == "proof.residue")
        .collect();
    assert_eq!(found.len(), 6);
    let mut fixed = article.clone();
    for finding in found.iter().rev() {
        assert!(finding.apply_fix(&mut fixed));
    }
    assert_eq!(fixed.body.trim(), "The talks ended.");
    assert!(
        flagged_in_body(
            "proof.residue",
            "Share prices rose.\n\nHe will tweet later."
        )
        .is_empty()
    );
}

#[test]
fn house_style_preferred_banned_and_patterns() {
    let mut settings = settings();
    settings.house_style.banned.push("very unique".into());
    settings
        .house_style
        .patterns
        .push(copydesk::review::profile::PatternRule {
            pattern: r"\b(\d+)%".into(),
            message: "spell out per cent".into(),
            replacement: Some("$1 per cent".into()),
        });
    settings
        .house_style
        .patterns
        .push(copydesk::review::profile::PatternRule {
            pattern: "(unclosed".into(),
            message: "broken".into(),
            replacement: None,
        });
    let article =
        edited(|a| a.body = "Kiev rose 5% in a very unique way. Percent of Kievans.".into());
    let found: Vec<_> = findings_with(&article, &settings, &[])
        .into_iter()
        .filter(|f| f.rule == "proof.house_style")
        .collect();
    let fixes: Vec<_> = found
        .iter()
        .map(|f| (f.flagged_text(&article).to_owned(), f.suggestion.clone()))
        .collect();
    assert!(fixes.contains(&("Kiev".into(), Some("Kyiv".into()))));
    assert!(fixes.contains(&("Percent".into(), Some("Per cent".into()))));
    assert!(fixes.contains(&("5%".into(), Some("5 per cent".into()))));
    assert!(fixes.contains(&("very unique".into(), None)));
    assert!(!fixes.iter().any(|(text, _)| text.contains("Kievans")));
    assert!(
        found
            .iter()
            .any(|f| f.level == Severity::Info && f.message.contains("(unclosed"))
    );
}

#[test]
fn the_headline_and_standfirst_are_proofread_too() {
    let article = edited(|a| {
        a.headline = "Kyiv rejects Moscows plan".into();
        a.standfirst =
            "The goverment in Kyiv said the plan, which was published on Tuesday, is unacceptable."
                .into();
    });
    let found = findings(&article);
    assert!(
        found
            .iter()
            .any(|f| f.field == copydesk::review::Field::Headline && f.rule == "proof.apostrophe")
    );
    assert!(
        found
            .iter()
            .any(|f| f.field == copydesk::review::Field::Standfirst && f.rule == "proof.spelling")
    );
}

#[test]
fn spans_are_char_offsets_in_json() {
    let article = edited(|a| a.body = "Ünïcödé text: Kyiv and Kyivs allies.".into());
    let finding = findings(&article)
        .into_iter()
        .find(|f| f.rule == "proof.apostrophe")
        .unwrap();
    let span = finding.char_span(&article).unwrap();
    let chars: String = article
        .body
        .chars()
        .skip(span.start)
        .take(span.end - span.start)
        .collect();
    assert_eq!(chars, "Kyivs");
}

#[test]
fn rechecking_gives_the_same_findings() {
    let mut article = edited(|a| a.body = "Kyiv. Kyivs allies. The goverment.".into());
    let settings = settings();
    let owners = ProjectFacts::default();
    let context = CheckContext {
        settings: &settings,
        now: Utc::now(),
        project: &owners,
        assets: None,
    };
    let mut reviewer = Reviewer::new(&settings);
    let first = reviewer.check(&article, &context);
    article.body.push_str(" More.");
    reviewer.check(&article, &context);
    article.body.truncate(article.body.len() - " More.".len());
    assert_eq!(reviewer.check(&article, &context), first);
}

#[test]
fn fixes_shared_by_several_findings_are_counted_as_one_by_one_comparison_would() {
    // Two "Kyivs" with the same fix, one "Moscows", one waived "Kyivs" and a "recieve" whose
    // fix differs from theirs.
    let body = "Kyiv spoke. Moscow spoke. Kyivs talks. Moscows reply. Kyivs envoys. They recieve it. Kyivs end.";
    let article = edited(|a| a.body = body.into());
    let mut found = findings(&article);
    let last_kyivs = found
        .iter()
        .rposition(|f| f.flagged_text(&article) == "Kyivs")
        .unwrap();
    found[last_kyivs].waived = Some("house usage".into());
    let counts = copydesk::review::fix_twin_counts(&found, &article);
    for (finding, count) in found.iter().zip(&counts) {
        let one_by_one = if finding.suggestion.is_some() {
            found
                .iter()
                .filter(|f| finding.same_fix(f, &article))
                .count()
        } else {
            0
        };
        assert_eq!(*count, one_by_one, "{finding:?}");
    }
    let kyivs = found
        .iter()
        .position(|f| f.flagged_text(&article) == "Kyivs")
        .unwrap();
    assert_eq!(counts[kyivs], 2, "the waived one is not counted");
}

#[test]
fn a_paragraph_its_indent_turns_into_code_is_flagged_and_unindented() {
    let body = "The council met.\n\n    The mayor said the vote\n    would come in May.\n\nEnd.";
    let article = edited(|a| a.body = body.into());
    let found: Vec<Finding> = findings(&article)
        .into_iter()
        .filter(|f| f.rule == "body.indented_code")
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].level, Severity::Recommended);
    assert!(found[0].flagged_text(&article).starts_with("    The mayor"));
    let mut fixed = article.clone();
    assert!(found[0].apply_fix(&mut fixed));
    assert_eq!(
        fixed.body,
        "The council met.\n\nThe mayor said the vote\nwould come in May.\n\nEnd."
    );
    assert!(!rules_of(&fixed).contains(&"body.indented_code"));
    // A tab does it too; a line continuing a paragraph or a list item, and fenced code, do not.
    assert!(
        rules_of(&edited(|a| a.body = "Intro.\n\n\tTabbed paragraph.".into()))
            .contains(&"body.indented_code")
    );
    for fine in [
        "A paragraph\n    continued on an indented line.",
        "- A list item\n\n    with a second paragraph.",
        "```\ncode on purpose\n```",
    ] {
        assert!(
            !rules_of(&edited(|a| a.body = fine.into())).contains(&"body.indented_code"),
            "{fine:?}"
        );
    }
}

#[test]
fn a_closing_quote_glued_to_the_next_word_is_moved_back_across_its_space() {
    let body = "He finishes the year with Chandor’s “A Most Violent Year, ”out on Dec. 31.";
    let article = edited(|a| a.body = body.into());
    let found: Vec<Finding> = findings(&article)
        .into_iter()
        .filter(|f| f.rule == "proof.quote_spacing")
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let mut fixed = article.clone();
    assert!(found[0].apply_fix(&mut fixed));
    assert!(
        fixed.body.contains("Violent Year,” out on"),
        "{}",
        fixed.body
    );
    assert!(!rules_of(&fixed).contains(&"proof.quote_spacing"));
}

#[test]
fn wide_characters_count_twice_against_the_length_limits() {
    // 35 Japanese characters take the room of 70 Latin letters: a standfirst of that length
    // is not "under 50", and an SEO title of it is over 60.
    let japanese = "京都・寺町通の古書店「鴨川書房」が、創業百年を迎えた今月末で閉店する。";
    assert_eq!(japanese.chars().count(), 35);
    let article = edited(|a| {
        a.standfirst = japanese.into();
        a.seo_title = japanese.into();
    });
    assert!(of_rule("standfirst.length", &article).is_empty());
    let over = of_rule("seo_title.length", &article);
    assert_eq!(over.len(), 1, "{over:?}");
    assert_eq!(
        over[0].message,
        "SEO title is 70 characters (wide characters count twice); the limit is 60"
    );
    // The part past the limit starts after the 30th character.
    let start = over[0].span.clone().unwrap().start;
    assert_eq!(japanese[..start].chars().count(), 30);
}
