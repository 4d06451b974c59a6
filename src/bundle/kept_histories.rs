//! The histories of the articles saved lately, kept in memory so that the next save of one
//! appends its revision without reading the whole history file again (7.7 ms for an article
//! of 20,000 words saved 500 times). A history file changed by another program meanwhile is
//! read again by [`History::append`], which compares its length with what it read.

use crate::history::History;
use uuid::Uuid;

/// How many articles' histories are kept: those an editor works on, not a whole project's
/// after a save of thousands (a section renamed).
pub const HISTORIES_KEPT: usize = 16;

/// The histories of the articles saved last, most recent last.
#[derive(Debug, Default)]
pub struct KeptHistories(Vec<History>);

impl KeptHistories {
    /// Takes the kept history of `article` out, if there is one.
    pub fn take(&mut self, article: Uuid) -> Option<History> {
        let at = self.0.iter().position(|h| h.article == article)?;
        Some(self.0.remove(at))
    }

    /// The kept history of `article`, if there is one.
    pub fn get(&self, article: Uuid) -> Option<&History> {
        self.0.iter().find(|h| h.article == article)
    }

    /// Keeps `history` as the most recent, forgetting the oldest past [`HISTORIES_KEPT`].
    pub fn keep(&mut self, history: History) {
        self.0.retain(|h| h.article != history.article);
        if self.0.len() == HISTORIES_KEPT {
            self.0.remove(0);
        }
        self.0.push(history);
    }

    /// Forgets every kept history (the bundle moved to another folder).
    pub fn clear(&mut self) {
        self.0.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_saved_are_kept_and_the_oldest_forgotten() {
        let mut kept = KeptHistories::default();
        let ids: Vec<Uuid> = (0..=HISTORIES_KEPT).map(|_| Uuid::new_v4()).collect();
        for id in &ids {
            kept.keep(History::new(*id));
        }
        assert_eq!(kept.0.len(), HISTORIES_KEPT);
        assert!(kept.take(ids[0]).is_none(), "the oldest went");
        assert_eq!(kept.get(ids[1]).map(|h| h.article), Some(ids[1]));
        assert!(kept.take(ids[HISTORIES_KEPT]).is_some());
        assert!(kept.take(ids[HISTORIES_KEPT]).is_none(), "taken out");
        // Kept again, a history is the most recent, so it outlives those kept before it.
        kept.keep(History::new(ids[1]));
        kept.keep(History::new(Uuid::new_v4()));
        kept.keep(History::new(Uuid::new_v4()));
        assert!(kept.take(ids[1]).is_some());
        assert!(
            kept.take(ids[2]).is_none(),
            "pushed out by the two newer ones"
        );
    }
}
