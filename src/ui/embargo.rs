//! The embargo's row: a checkbox, then the date and time it lifts on the clock of its time
//! zone, the zone (an IANA name or an offset, with names offered as it is typed), and the same
//! moment in UTC.

use super::editor::Change;
use super::fields;
use crate::model::Embargo;
use crate::model::embargo::{Zone, zones_matching};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

/// How many zone names are offered below the zone box.
const OFFERED_ZONES: usize = 6;

/// The zone of the embargo last set in this session, for the next one.
fn last_zone_id() -> egui::Id {
    egui::Id::unique("copydesk-embargo-last-zone")
}

/// The zone a new embargo starts in: the last one set, else this computer's, else UTC.
fn starting_zone(ui: &egui::Ui) -> Zone {
    let remembered: Option<String> = ui.data(|d| d.get_temp(last_zone_id()));
    remembered
        .or_else(|| iana_time_zone::get_timezone().ok())
        .and_then(|name| Zone::parse(&name).ok())
        .unwrap_or(Zone::Fixed(
            chrono::FixedOffset::east_opt(0).expect("zero offset"),
        ))
}

/// The embargo row; `now` starts a new embargo a day later.
pub(super) fn embargo(
    ui: &mut egui::Ui,
    embargo: &mut Option<Embargo>,
    now: DateTime<Utc>,
    enabled: bool,
    change: &mut Change,
) {
    let mut offers: Vec<&'static str> = Vec::new();
    ui.horizontal_wrapped(|ui| {
        let mut on = embargo.is_some();
        if ui
            .add_enabled(enabled, egui::Checkbox::new(&mut on, "Embargo"))
            .changed()
        {
            *embargo = on.then(|| Embargo::starting(now, starting_zone(ui)));
            *change = Some(None);
        }
        if let Some(value) = embargo {
            offers = lifting_time(ui, value, enabled, change);
        }
    });
    let Some(value) = embargo else {
        return;
    };
    if let Some(zone) = zone_offers(ui, &offers) {
        set_zone(ui, value, zone);
        *change = Some(None);
    }
    let local = value.local_until();
    if local.offset().local_minus_utc() != 0 {
        let utc = value.until.with_timezone(&Utc);
        ui.weak(format!("Lifts at {} UTC", utc.format("%d %b %Y %H:%M")));
    }
}

/// The date, time and zone boxes of an embargo; the zone names to offer for what is typed.
fn lifting_time(
    ui: &mut egui::Ui,
    value: &mut Embargo,
    enabled: bool,
    change: &mut Change,
) -> Vec<&'static str> {
    let local = value.local_until();
    // A zone the clocks do not know keeps the time's own offset until it is mended.
    let zone = value.zone().unwrap_or(Zone::Fixed(*local.offset()));
    let (date, time) = (local.date_naive(), local.time());

    ui.label("Date");
    let parse_date = |t: &str| {
        let date = NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| "YYYY-MM-DD".to_owned())?;
        zone.at(date, time)
    };
    let id = fields::field_id("Embargo date");
    let (field, until) = fields::parsed_box(ui, id, date.to_string(), 90.0, enabled, parse_date);
    fields::name_for_readers(ui, &field, "Embargo date");
    ui.label("Time");
    let parse_time = |t: &str| {
        let time = NaiveTime::parse_from_str(t, "%H:%M").map_err(|_| "HH:MM".to_owned())?;
        zone.at(date, time)
    };
    let id = fields::field_id("Embargo time");
    let shown = time.format("%H:%M").to_string();
    let (field, until_at) = fields::parsed_box(ui, id, shown, 50.0, enabled, parse_time);
    fields::name_for_readers(ui, &field, "Embargo time");
    if let Some(until) = until.or(until_at) {
        value.until = until;
        *change = Some(Some("embargo"));
    }

    ui.label("Time zone");
    let id = fields::field_id("Embargo time zone");
    let typed: Option<String> = ui.data(|d| d.get_temp(id.with("typed")));
    let offering = zone_offering();
    fields::offer_keys(ui, id, offering);
    // A near miss names the zone it nearly is.
    let parse_zone = |t: &str| {
        Zone::parse(t).map_err(|_| match crate::model::embargo::nearest_zone(t) {
            Some(zone) => format!("not a zone: did you mean {zone}?"),
            None => "not a zone: a name such as Europe/Kyiv, or +02:00".to_owned(),
        })
    };
    let shown = value.time_zone.clone();
    let (field, zone) = fields::parsed_box(ui, id, shown, 150.0, enabled, parse_zone);
    fields::name_for_readers(ui, &field, "Embargo time zone");
    if let Some(zone) = zone {
        set_zone(ui, value, zone);
        *change = Some(Some("embargo"));
    }
    let typed = typed.unwrap_or_default();
    let offered = if Zone::parse(&typed).is_ok() {
        Vec::new()
    } else {
        zones_matching(&typed, OFFERED_ZONES)
    };
    if field.changed() {
        fields::offers_changed(ui, offering);
    }
    // Enter in a zone that is not one yet takes the zone chosen among those offered.
    if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        let at = fields::chosen_offer(ui, offering, offered.len());
        if let Some(zone) = offered.get(at).and_then(|name| Zone::parse(name).ok()) {
            set_zone(ui, value, zone);
            *change = Some(None);
        }
        return Vec::new();
    }
    // The box's typed text is gone once the mouse press takes its keys: the offers made while
    // it had them are kept for the click.
    let kept_id = id.with("offered");
    if field.has_focus() {
        ui.data_mut(|d| d.insert_temp(kept_id, offered.clone()));
    }
    if !fields::offers_shown(ui, offering, field.has_focus()) {
        return Vec::new();
    }
    ui.data(|d| d.get_temp(kept_id)).unwrap_or_default()
}

/// Where the zone box's offers keep whether they show and the one chosen.
fn zone_offering() -> egui::Id {
    fields::field_id("Embargo time zone").with("offers")
}

/// The zone names offered as buttons, the one chosen with ↓ and ↑ shown selected; the one
/// picked.
fn zone_offers(ui: &mut egui::Ui, offers: &[&'static str]) -> Option<Zone> {
    if offers.is_empty() {
        return None;
    }
    let caption = "Time zones (↓ ↑ choose, Enter takes it):";
    let picked = fields::offer_buttons(ui, zone_offering(), caption, offers);
    picked.and_then(|name| Zone::parse(name).ok())
}

/// Puts the embargo in `zone` at the same time on the clock ("09:00" stays 09:00, now in the
/// new zone); a time the new zone skips keeps the moment instead. The zone is remembered for
/// the next embargo.
fn set_zone(ui: &egui::Ui, value: &mut Embargo, zone: Zone) {
    let local = value.local_until();
    if value
        .set_local(zone, local.date_naive(), local.time())
        .is_err()
    {
        value.until = zone.clock(value.until.with_timezone(&Utc));
        value.time_zone = zone.name();
    }
    ui.data_mut(|d| d.insert_temp(last_zone_id(), value.time_zone.clone()));
}
