//! Moving every date of an article by whole days, so a sample written once stays current: its
//! stories updated "2 days ago" and its embargo still ahead, whenever it is first opened.

use super::{Article, Embargo};
use chrono::Duration;

impl Article {
    /// Moves every date the article holds by `days` (back when negative): its creation, update,
    /// first publication, dateline date, embargo, corrections, waivers, workflow steps and
    /// import. An embargo keeps its time on its zone's clock ("07:00 London" stays 07:00 across
    /// a change of summer time).
    pub fn shift_dates(&mut self, days: i64) {
        let by = Duration::days(days);
        self.created += by;
        self.updated += by;
        if let Some(first) = &mut self.first_published {
            *first += by;
        }
        if let Some(date) = &mut self.dateline.date {
            *date += by;
        }
        if let Some(embargo) = &mut self.embargo {
            embargo.shift(by);
        }
        for correction in &mut self.corrections {
            correction.date += by;
        }
        for waiver in &mut self.waivers {
            waiver.at += by;
        }
        for step in &mut self.workflow_log {
            step.at += by;
        }
        if let Some(source) = &mut self.import_source {
            source.imported_at += by;
        }
    }
}

impl Embargo {
    /// Moves the embargo by `by` on its zone's clock; by `by` exactly when the zone is not one
    /// or the time does not exist on the new day.
    fn shift(&mut self, by: Duration) {
        let local = self.local_until();
        let moved = self
            .zone()
            .ok()
            .and_then(|zone| zone.at(local.date_naive() + by, local.time()).ok());
        self.until = moved.unwrap_or(self.until + by);
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Article, Correction, Dateline, Embargo, Transition};

    fn dated_article() -> Article {
        let mut article = Article::new_at("Results", "2026-11-26T14:00:00Z".parse().unwrap());
        article.updated = "2026-11-27T17:45:00Z".parse().unwrap();
        article.first_published = Some("2026-11-27T18:00:00Z".parse().unwrap());
        article.dateline = Dateline {
            place: "Leeds".into(),
            date: Some("2026-11-27".parse().unwrap()),
        };
        article.corrections.push(Correction {
            date: "2026-11-28T09:00:00Z".parse().unwrap(),
            kind: Default::default(),
            text: "An earlier version misspelt the chief executive's name.".into(),
        });
        article.workflow_log.push(Transition {
            from: crate::model::Status::Draft,
            to: crate::model::Status::Ready,
            at: "2026-11-27T17:45:00Z".parse().unwrap(),
            editor: "Desk".into(),
            reason: String::new(),
        });
        article
    }

    #[test]
    fn every_date_moves_by_the_days_given() {
        let original = dated_article();
        let mut article = original.clone();
        article.shift_dates(9);
        assert_eq!(article.created.to_rfc3339(), "2026-12-05T14:00:00+00:00");
        assert_eq!(article.updated.to_rfc3339(), "2026-12-06T17:45:00+00:00");
        assert_eq!(
            article.first_published.unwrap().to_rfc3339(),
            "2026-12-06T18:00:00+00:00"
        );
        assert_eq!(article.dateline.date.unwrap().to_string(), "2026-12-06");
        assert_eq!(
            article.corrections[0].date.to_rfc3339(),
            "2026-12-07T09:00:00+00:00"
        );
        assert_eq!(
            article.workflow_log[0].at.to_rfc3339(),
            "2026-12-06T17:45:00+00:00"
        );
        article.shift_dates(-9);
        assert_eq!(article, original);
    }

    /// The embargo `until` in `zone`, moved by `days`.
    fn embargo_moved(until: &str, zone: &str, days: i64) -> Embargo {
        let mut article = dated_article();
        article.embargo = Some(Embargo {
            until: until.parse().unwrap(),
            time_zone: zone.into(),
        });
        article.shift_dates(days);
        article.embargo.unwrap()
    }

    #[test]
    fn an_embargo_keeps_its_time_on_its_zones_clock_across_summer_time() {
        let embargo = embargo_moved("2026-12-03T07:00:00Z", "Europe/London", 182);
        assert_eq!(embargo.until.to_rfc3339(), "2027-06-03T07:00:00+01:00");
        assert_eq!(embargo.offset_mismatch(), None);
    }

    #[test]
    fn an_embargo_in_no_known_zone_moves_by_the_days_exactly() {
        let embargo = embargo_moved("2026-12-03T07:00:00+02:00", "Mars/Olympus", 2);
        assert_eq!(embargo.until.to_rfc3339(), "2026-12-05T07:00:00+02:00");
    }
}
