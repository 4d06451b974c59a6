//! Every proofreading class, with the text that must not be flagged: spelling, lost apostrophes
//! and dashes, house style, residue, quotes and the length of wide characters.

mod common;

use chrono::Utc;
use common::review::*;
use copydesk::review::{CheckContext, Finding, ProjectFacts, Reviewer, Severity};

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

#[test]
fn a_page_s_navigation_links_are_furniture_and_french_quotes_are_not() {
    // The Telegraph's links to its sections and its reporter's page, under a pasted article.
    let body =
        "The standard of GCSEs was initially high.\n\nNews »\n\nUK News »\n\nEdward Malnick »";
    let found = flagged_in_body("proof.residue", body);
    assert_eq!(found.len(), 3, "{found:?}");
    for french in ["Il a dit « non »", "« Non »", "Elle répond : « Jamais. »"] {
        assert!(
            flagged_in_body("proof.residue", french).is_empty(),
            "{french}"
        );
    }
}

#[test]
fn no_line_of_the_corpus_pages_expected_bodies_is_taken_for_furniture() {
    let expected = common::shared().join("corpus/articles/expected-body");
    let mut pages = 0;
    for entry in std::fs::read_dir(expected).unwrap() {
        let body = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        // Pages 05 and 07 keep pictures' captions, as the importer does (flagged as captions,
        // not as furniture), and page 08 its share buttons' "Email" (flagged, rightly).
        let article = edited(|a| a.body = body.clone());
        let furniture: Vec<String> = findings(&article)
            .into_iter()
            .filter(|f| f.rule == "proof.residue" && !f.message.contains("picture's credit"))
            .map(|f| f.flagged_text(&article).trim().to_owned())
            .filter(|flagged| flagged != "Email")
            .collect();
        assert!(furniture.is_empty(), "{furniture:?}");
        pages += 1;
    }
    assert!(pages >= 8);
}
