//! The few things kept in eframe storage between runs. Documents never go there.

use super::command::PreviewMode;
use super::list::SortKey;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The eframe storage key.
pub const STORAGE_KEY: &str = "copydesk-settings";
/// How many recent projects are remembered.
pub const MAX_RECENT: usize = 10;

/// Window state and preferences that persist across runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Recently opened projects, newest first.
    pub recent: Vec<PathBuf>,
    /// Light, dark or the system's theme.
    pub theme: egui::ThemePreference,
    /// Whether the article list is shown.
    pub show_list: bool,
    /// Whether the preview is shown.
    pub show_preview: bool,
    /// The preview's mode.
    pub preview_mode: PreviewMode,
    /// The list's order.
    pub sort: SortKey,
    /// The editor's name, recorded in logs and waivers.
    pub editor_name: String,
    /// Whether a new article starts with the editor's name as its byline.
    pub byline_new_articles: bool,
    /// How large the whole window is drawn (1.0: as the system says), in `ZOOMS`.
    pub zoom: f32,
    /// What the pane beside the editor shows.
    pub side_pane: SidePane,
    /// The article list's width as last chosen, in points.
    pub list_width: f32,
    /// The side pane's width as last chosen, in points.
    pub side_width: f32,
    /// The folder of the last export from the window, offered for the next one.
    pub export_folder: String,
    /// The formats of the last export, by file extension ("html", "md", …); empty for all.
    pub export_formats: Vec<String>,
    /// The article last open in each recent project, opened again with it.
    pub last_article: std::collections::BTreeMap<PathBuf, uuid::Uuid>,
}

/// What the pane beside the editor shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SidePane {
    /// The live preview.
    #[default]
    Preview,
    /// The review: checklist and proofreading findings.
    Review,
    /// The revision history.
    History,
}

impl SidePane {
    /// The pane's name.
    pub fn label(self) -> &'static str {
        match self {
            SidePane::Preview => "Preview",
            SidePane::Review => "Review",
            SidePane::History => "History",
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            recent: Vec::new(),
            theme: egui::ThemePreference::System,
            show_list: true,
            show_preview: true,
            preview_mode: PreviewMode::Page,
            sort: SortKey::Project,
            editor_name: std::env::var("USER").unwrap_or_default(),
            byline_new_articles: false,
            zoom: 1.0,
            side_pane: SidePane::Preview,
            list_width: 280.0,
            side_width: 400.0,
            export_folder: String::new(),
            export_formats: Vec::new(),
            last_article: Default::default(),
        }
    }
}

/// The zooms the window can be drawn at.
pub const ZOOMS: std::ops::RangeInclusive<f32> = 0.5..=3.0;

/// A change of zoom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoom {
    /// A tenth larger.
    In,
    /// A tenth smaller.
    Out,
    /// As the system says.
    Reset,
}

impl Settings {
    /// Zooms the window in or out a tenth (within `ZOOMS`), or back to its actual size.
    pub fn zoom(&mut self, change: Zoom) {
        let tenths = (self.zoom * 10.0).round()
            + match change {
                Zoom::In => 1.0,
                Zoom::Out => -1.0,
                Zoom::Reset => return self.zoom = 1.0,
            };
        self.zoom = (tenths / 10.0).clamp(*ZOOMS.start(), *ZOOMS.end());
    }

    /// Puts `path` first in the recent list; the projects that fall off it are forgotten
    /// with their last articles.
    pub fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
        let recent = &self.recent;
        self.last_article
            .retain(|project, _| recent.contains(project));
    }

    /// Notes that article `id` of the project at `project` is the one open.
    pub fn note_open_article(&mut self, project: &Path, id: uuid::Uuid) {
        if self.last_article.get(project) != Some(&id) {
            self.last_article.insert(project.to_owned(), id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_goes_by_tenths_within_its_range() {
        let mut settings = Settings::default();
        settings.zoom(Zoom::In);
        settings.zoom(Zoom::In);
        assert_eq!(settings.zoom, 1.2);
        for _ in 0..40 {
            settings.zoom(Zoom::In);
        }
        assert_eq!(settings.zoom, 3.0);
        for _ in 0..40 {
            settings.zoom(Zoom::Out);
        }
        assert_eq!(settings.zoom, 0.5);
        settings.zoom(Zoom::Reset);
        assert_eq!(settings.zoom, 1.0);
        // A zoom stored by hand off the tenths comes back onto them.
        settings.zoom = 1.04;
        settings.zoom(Zoom::Out);
        assert_eq!(settings.zoom, 0.9);
    }

    #[test]
    fn recent_projects_are_unique_and_bounded() {
        let mut settings = Settings::default();
        for i in 0..15 {
            settings.remember(PathBuf::from(format!("/p/{}", i % 12)));
        }
        settings.remember(PathBuf::from("/p/3"));
        assert_eq!(settings.recent.len(), MAX_RECENT);
        assert_eq!(settings.recent[0], PathBuf::from("/p/3"));
        let json = serde_json::to_string(&settings).unwrap();
        assert_eq!(serde_json::from_str::<Settings>(&json).unwrap(), settings);
    }

    #[test]
    fn the_last_open_article_is_kept_only_for_recent_projects() {
        let mut settings = Settings::default();
        let article = uuid::Uuid::from_u128(7);
        settings.remember(PathBuf::from("/p/first"));
        settings.note_open_article(Path::new("/p/first"), article);
        assert_eq!(settings.last_article[Path::new("/p/first")], article);
        let json = serde_json::to_string(&settings).unwrap();
        assert_eq!(serde_json::from_str::<Settings>(&json).unwrap(), settings);
        for i in 0..MAX_RECENT {
            settings.remember(PathBuf::from(format!("/p/{i}")));
        }
        assert!(settings.last_article.is_empty(), "fell off the recent list");
    }
}
