//! "Open the page in a browser": the open article written as its HTML page, pictures and all,
//! into a folder of Copydesk's own, then handed to the system's browser, so the page can be seen
//! as a reader's browser draws it. Nothing is recorded on the article: this is not an export.

use super::AppState;
use crate::export::{ExportJob, Format};
use std::path::PathBuf;

impl AppState {
    /// Writes the open article's page on a worker and opens it in the browser.
    pub(super) fn open_page_in_browser(&mut self) {
        let (Some(id), Some(bundle)) = (self.selected, &mut self.bundle) else {
            self.warn("No article is open.");
            return;
        };
        let folder = self.page_folder.join(id.to_string());
        // Written even when a Required check fails: it is for the desk's eyes.
        match ExportJob::from_bundle(bundle, &[id], &[Format::Html], &folder, true) {
            Ok(job) => {
                self.jobs.write_page(job);
                self.tell("Writing the page for the browser…");
            }
            Err(error) => self.warn(format!("The page could not be written: {error}")),
        }
    }

    /// Says where the page went, and whether a browser showed it.
    pub(super) fn page_written(&mut self, result: Result<(PathBuf, bool), String>) {
        match result {
            Ok((page, true)) => self.tell(format!("Opened {} in the browser", page.display())),
            Ok((page, false)) => self.warn(format!(
                "No browser could be started; the page is {}",
                page.display()
            )),
            Err(error) => self.warn(format!("The page could not be written: {error}")),
        }
    }
}
