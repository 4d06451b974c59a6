//! Keeping the article list up to date: its rows after edits (moving one edited row, or
//! filtering and sorting again) and the values its filter menus offer.

use super::{AppState, list};
use uuid::Uuid;

/// The distinct values the list can be filtered by.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets {
    /// Sections in use, sorted.
    pub sections: Vec<String>,
    /// Byline names in use, sorted.
    pub bylines: Vec<String>,
    /// Tags in use, sorted.
    pub tags: Vec<String>,
}

fn sorted_unique(values: impl Iterator<Item = String>) -> Vec<String> {
    let set: std::collections::BTreeSet<String> = values.filter(|v| !v.is_empty()).collect();
    set.into_iter().collect()
}

impl AppState {
    /// Marks the list and its facets for recomputation after articles changed.
    pub fn articles_changed(&mut self) {
        self.list_dirty = true;
        self.list_touched = None;
        self.facets_stale = true;
    }

    /// Recomputes the listed articles when the list or its filter changed.
    pub fn refresh_list(&mut self) {
        if !self.list_dirty {
            return;
        }
        self.list_dirty = false;
        let Some(bundle) = &self.bundle else {
            self.visible.clear();
            return;
        };
        if let Some(id) = self.list_touched.take()
            && self.list_basis.as_ref().is_some_and(|(filter, order)| {
                *filter == self.filter && *order == bundle.order_version()
            })
            && self.filter.query.is_empty()
            && let Some(position) = bundle.position(id)
        {
            list::reposition(
                &mut self.visible,
                |i| bundle.summary_at(i),
                position,
                &self.filter,
            );
            self.refresh_facets();
            return;
        }
        if let Some(index) = self
            .search
            .as_mut()
            .filter(|_| !self.filter.query.is_empty())
        {
            self.search_stale.sort_unstable();
            self.search_stale.dedup();
            for id in self.search_stale.drain(..) {
                if let Some(draft) = self.draft.as_ref().filter(|d| d.id == id) {
                    index.set(id, &list::searchable_text(draft));
                }
            }
        }
        let summaries: Vec<_> = bundle.summaries().collect();
        self.visible = list::filter_and_sort(&summaries, &self.filter, self.search.as_ref());
        // Sorted another way, the list scrolls to the open article's new place (a search or a
        // filter keeps its top in view instead).
        if self
            .list_basis
            .as_ref()
            .is_some_and(|(before, _)| before.sort != self.filter.sort)
        {
            self.reveal_selected = true;
        }
        self.list_basis = Some((self.filter.clone(), bundle.order_version()));
        self.refresh_facets();
        self.reveal_new_article();
    }

    /// Clears the search and filters (not the order) when they hide the article just made, so
    /// that the list shows the article open in the editor, and says so (after the news of the
    /// article, "Imported …", when there is some).
    fn reveal_new_article(&mut self) {
        let (Some((id, made)), Some(bundle)) = (self.reveal_new.take(), &self.bundle) else {
            return;
        };
        let Some(position) = bundle.position(id) else {
            return;
        };
        let unfiltered = self.filter.cleared();
        if self.visible.contains(&position) || self.filter == unfiltered {
            return;
        }
        let searched = !self.filter.query.is_empty();
        let only_searched = self.filter.without_search() == unfiltered;
        let cleared = match (searched, only_searched) {
            (true, true) => "search was cleared",
            (true, false) => "search and filters were cleared",
            (false, _) => "filters were cleared",
        };
        self.filter = unfiltered;
        self.list_dirty = true;
        self.reveal_selected = true;
        let news = (self.notice.as_mut()).filter(|notice| notice.at >= made && !notice.error);
        match news {
            Some(news) => news.text.push_str(&format!("; the {cleared} to show it")),
            None => self.tell(format!("The {cleared} to show the new article")),
        }
        self.refresh_list();
    }

    /// Rebuilds the sections and byline names the list's filters offer (and the tags the tag
    /// box offers), when articles changed since they were built.
    pub(super) fn refresh_facets(&mut self) {
        let (true, Some(bundle)) = (self.facets_stale, &self.bundle) else {
            return;
        };
        self.facets_stale = false;
        self.facets = Facets {
            sections: sorted_unique(bundle.summaries().map(|s| s.section.clone())),
            bylines: sorted_unique(bundle.summaries().flat_map(|s| s.bylines.iter().cloned())),
            tags: sorted_unique(bundle.summaries().flat_map(|s| s.tags.iter().cloned())),
        };
    }

    /// Notes that article `id` was edited: when that is the list's only change, the next
    /// refresh moves its row instead of filtering every article again.
    pub(super) fn note_list_edit(&mut self, id: Uuid) {
        let only_this = !self.list_dirty || self.list_touched == Some(id);
        self.list_touched = only_this.then_some(id);
        self.list_dirty = true;
    }
}
