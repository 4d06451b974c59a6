use super::*;

fn kyiv() -> Zone {
    Zone::parse("Europe/Kyiv").unwrap()
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn clock(text: &str) -> NaiveTime {
    NaiveTime::parse_from_str(text, "%H:%M").unwrap()
}

#[test]
fn zones_are_read_by_name_in_any_case_or_as_offsets() {
    assert_eq!(Zone::parse("europe/kyiv").unwrap().name(), "Europe/Kyiv");
    assert_eq!(Zone::parse(" UTC ").unwrap().name(), "UTC");
    assert_eq!(Zone::parse("+02:00").unwrap().name(), "+02:00");
    assert_eq!(Zone::parse("UTC+2").unwrap().name(), "+02:00");
    assert_eq!(Zone::parse("GMT-0530").unwrap().name(), "-05:30");
    assert_eq!(Zone::parse("+00:00").unwrap().name(), "UTC");
    // This computer's zone is often UTC by another name.
    assert_eq!(Zone::parse("Etc/UTC").unwrap().name(), "UTC");
    assert_eq!(Zone::parse("zulu").unwrap().name(), "UTC");
    let wrong = Zone::parse("Europe/Kyev").unwrap_err();
    assert!(
        wrong.contains("\"Europe/Kyev\" is not a time zone"),
        "{wrong}"
    );
    assert!(Zone::parse("").is_err());
    assert!(Zone::parse("+25:00").is_err());
    assert!(Zone::parse("English").is_err());
    // Four bytes that are not four digits are not "+HHMM" (and are not cut inside a letter).
    assert!(Zone::parse("+1é1").is_err());
}

#[test]
fn a_wall_clock_time_follows_summer_time() {
    // Kyiv is at +02:00 in winter and +03:00 in summer.
    let winter = kyiv().at(day("2026-11-29"), clock("09:00")).unwrap();
    assert_eq!(winter.to_rfc3339(), "2026-11-29T09:00:00+02:00");
    let summer = kyiv().at(day("2027-07-01"), clock("09:00")).unwrap();
    assert_eq!(summer.to_rfc3339(), "2027-07-01T09:00:00+03:00");
}

#[test]
fn a_skipped_time_is_refused_and_a_doubled_one_is_the_first() {
    // The clocks in Kyiv go from 03:00 to 04:00 on 28 March 2027, and back on 31 October 2027.
    let skipped = kyiv().at(day("2027-03-28"), clock("03:30")).unwrap_err();
    assert!(
        skipped.contains("03:30 does not exist in Europe/Kyiv"),
        "{skipped}"
    );
    let doubled = kyiv().at(day("2027-10-31"), clock("03:30")).unwrap();
    assert_eq!(doubled.to_rfc3339(), "2027-10-31T03:30:00+03:00");
}

#[test]
fn an_embargo_reads_on_its_zone_clock_with_utc_beside_it() {
    let mut embargo = Embargo {
        until: "2026-11-29T13:33:00+00:00".parse().unwrap(),
        time_zone: "UTC".into(),
    };
    assert_eq!(embargo.describe(), "29 Nov 2026 13:33 UTC");
    // A zone typed over an embargo given in UTC: the moment is the same, the clock is Kyiv's.
    embargo.time_zone = "Europe/Kyiv".into();
    assert_eq!(
        embargo.describe(),
        "29 Nov 2026 15:33 Europe/Kyiv (13:33 UTC)"
    );
    assert_eq!(embargo.offset_mismatch(), FixedOffset::east_opt(2 * 3600));
    embargo
        .set_local(kyiv(), day("2026-11-29"), clock("09:00"))
        .unwrap();
    assert_eq!(embargo.until.to_rfc3339(), "2026-11-29T09:00:00+02:00");
    assert_eq!(embargo.offset_mismatch(), None);
    assert_eq!(
        embargo.describe(),
        "29 Nov 2026 09:00 Europe/Kyiv (07:00 UTC)"
    );
}

#[test]
fn an_unknown_zone_keeps_the_embargo_own_offset() {
    let embargo = Embargo {
        until: "2026-11-29T09:00:00+02:00".parse().unwrap(),
        time_zone: "Europe/Kyev".into(),
    };
    assert_eq!(embargo.local_until(), embargo.until);
    assert_eq!(embargo.offset_mismatch(), None);
    assert_eq!(nearest_zone("europe/londn"), Some("Europe/London"));
    assert_eq!(nearest_zone("Atlantis/Capital"), None);
    // As near to the old "Europe/Kiev" and "Asia/Calcutta": the current names are offered.
    assert_eq!(nearest_zone("Europe/Kyev"), Some("Europe/Kyiv"));
    assert_eq!(nearest_zone("Asia/Kolkatta"), Some("Asia/Kolkata"));
    // Typed by its old name, a zone is offered by its current one.
    assert_eq!(zones_matching("kiev", 6), ["Europe/Kyiv"]);
    // Both names of each pair are ones the database knows, so the list holds no slip.
    for (old, new) in RENAMED_ZONES {
        assert!(
            Zone::parse(old).is_ok() && Zone::parse(new).is_ok(),
            "{old} {new}"
        );
    }
}

#[test]
fn a_new_embargo_lifts_on_a_whole_hour_a_day_later() {
    let now: DateTime<Utc> = "2026-11-28T13:33:20Z".parse().unwrap();
    let embargo = Embargo::starting(now, kyiv());
    assert_eq!(embargo.until.to_rfc3339(), "2026-11-29T16:00:00+02:00");
    assert_eq!(embargo.time_zone, "Europe/Kyiv");
}

#[test]
fn zones_are_offered_by_city_first() {
    assert_eq!(zones_matching("new y", 3)[0], "America/New_York");
    assert!(zones_matching("kyiv", 5).contains(&"Europe/Kyiv"));
    let london = zones_matching("lond", 5);
    assert_eq!(london[0], "Europe/London", "{london:?}");
    assert!(zones_matching("", 5).is_empty());
    assert!(zones_matching("zzzz", 5).is_empty());
}
