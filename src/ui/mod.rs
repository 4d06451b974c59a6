//! The workstation window: three panes (list, editor, preview), a menu bar, a status bar, the
//! command palette and dialogs. Panes draw `AppState` and emit `Command`s, applied after layout.

mod article_list;
mod body;
mod editor;
mod embargo;
mod export_dialog;
mod fields;
mod find_bar;
pub mod fonts;
mod help;
mod highlight;
mod history_panel;
mod key_target;
mod menu;
mod modals;
mod palette;
mod panes;
mod pictures;
pub mod preview;
mod project_settings;
mod relayout;
mod review_panel;
mod status_bar;
mod steady_modal;
mod structured;
mod text_focus;
mod text_menu;

pub use editor::BODY_WIDTH;

use crate::app::AppState;
use crate::app::command::Command;
use crate::app::jobs::{FileDialogs, Jobs, NativeDialogs};
use crate::app::settings::{STORAGE_KEY, Settings, ZOOMS};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

/// How soon changed settings (a project opened, a preference) are handed to eframe's storage.
pub const SETTINGS_STORED_AFTER: std::time::Duration = std::time::Duration::from_secs(1);

/// The application: state plus the frame loop.
pub struct Workstation {
    /// Everything shown and edited.
    pub state: AppState,
    title: String,
    /// Whether the window had the system's focus last frame.
    focused: bool,
    /// The settings as last handed to eframe's storage (or read from it).
    stored_settings: Settings,
}

impl Workstation {
    /// A workstation that opens `bundle` (in the background), with `dialogs` for file choices.
    pub fn new(
        ctx: &egui::Context,
        settings: Settings,
        dialogs: Arc<dyn FileDialogs>,
        bundle: Option<PathBuf>,
    ) -> Self {
        fonts::install_fallbacks(ctx);
        // Ctrl+Plus, Ctrl+Minus and Ctrl+0 are the app's commands, kept in its settings.
        ctx.options_mut(|options| options.zoom_with_keyboard = false);
        let mut jobs = Jobs::new(dialogs);
        let waker_ctx = ctx.clone();
        jobs.waker = Arc::new(move || waker_ctx.request_repaint());
        let stored_settings = settings.clone();
        let mut state = AppState::new(jobs, settings);
        if let Some(path) = bundle {
            state.open_path(path);
        }
        Workstation {
            state,
            title: String::new(),
            focused: false,
            stored_settings,
        }
    }

    /// The workstation as eframe creates it, with settings from its storage.
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        bundle: Option<PathBuf>,
    ) -> Self {
        let settings = cc
            .storage
            .and_then(|s| eframe::get_value::<Settings>(s, STORAGE_KEY))
            .unwrap_or_default();
        Self::new(&cc.egui_ctx, settings, Arc::new(NativeDialogs), bundle)
    }

    /// Draws one frame and applies what it asked for. Usable without eframe (benchmarks, tests).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.state.receive();
        self.state.thumbnails.upload(&ctx);
        // Reaching for the mouse ends a pause in typing: the check goes at once, so a click on
        // a finding a moment later finds the findings current.
        let reaching = |e: &egui::Event| {
            matches!(
                e,
                egui::Event::PointerMoved(_) | egui::Event::PointerButton { .. }
            )
        };
        if ctx.input(|i| i.events.iter().any(reaching)) {
            self.state.review.typed_at = None;
        }
        self.state.refresh_review();
        // A cut or a paste is an undo step of its own, not part of the typing around it.
        let cut_or_paste = ctx.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::Cut | egui::Event::Paste(_)))
        });
        if cut_or_paste {
            self.state.undo.break_typing();
        }
        let mut commands = Vec::new();
        if self.state.modal.is_none() {
            let typing = ctx
                .memory(|m| m.focused())
                .is_some_and(|id| egui::text_edit::TextEditState::load(&ctx, id).is_some());
            commands.extend(ctx.input_mut(|input| Command::pressed(input, typing)));
        }
        text_focus::press_pending_keys(&ctx);
        let handed = key_target::hand_over(&ctx, &mut self.state);
        self.take_dropped_files(&ctx, &mut commands);
        ctx.set_theme(self.state.settings.theme);
        // The zoom is the settings' (View → Zoom in, Ctrl+Plus), within its range.
        let zoom = Some(self.state.settings.zoom)
            .filter(|zoom| zoom.is_finite())
            .map_or(1.0, |zoom| zoom.clamp(*ZOOMS.start(), *ZOOMS.end()));
        if ctx.zoom_factor() != zoom {
            ctx.set_zoom_factor(zoom);
        }

        let menu_bar = egui::Panel::top("menu")
            .show(ui, |ui| menu::ui(ui, &self.state, &mut commands))
            .response
            .rect;
        egui::Panel::bottom("status").show(ui, |ui| status_bar::ui(ui, &self.state));
        // On a narrow window the list and the side pane give way to the editor (`panes`).
        let settings = &self.state.settings;
        let (show_list, show_side) = (settings.show_list, settings.show_preview);
        if show_list {
            let max = panes::list_max(ui.available_width(), show_side);
            let mut width = self.state.settings.list_width;
            panes::pane(
                ui,
                panes::Edge::Left,
                "article-list",
                &mut width,
                (panes::LIST_MIN_WIDTH, max),
                |ui| article_list::ui(ui, &mut self.state, &mut commands),
            );
            self.state.settings.list_width = width;
        }
        if show_side {
            let max = panes::side_max(ui.available_width());
            let mut width = self.state.settings.side_width;
            panes::pane(
                ui,
                panes::Edge::Right,
                "preview",
                &mut width,
                (panes::SIDE_MIN_WIDTH, max),
                |ui| side_pane(ui, &mut self.state, &mut commands),
            );
            self.state.settings.side_width = width;
        }
        let editor = egui::CentralPanel::default()
            .show(ui, |ui| editor::ui(ui, &mut self.state, &mut commands));
        find_bar::note_focus(&ctx, &mut self.state, editor.response.rect);
        let modal_shown = self.state.modal.is_some() || self.state.palette.is_some();
        modals::ui(&ctx, &mut self.state, &mut commands);
        palette::ui(&ctx, &mut self.state, &mut commands);
        key_target::keep(&ctx, handed);

        for command in commands {
            self.state.apply(command);
        }
        if cut_or_paste {
            self.state.undo.break_typing();
        }
        fields::keys_after_choice(&ctx);
        text_focus::act(&ctx, &mut self.state, modal_shown);
        text_focus::note(&ctx, &mut self.state, modal_shown, menu_bar);
        if let Some(text) = self.state.to_clipboard.take() {
            ctx.copy_text(text);
        }
        body::remember_copies(&ctx);
        self.state.refresh_list();
        self.state.request_thumbnails();
        // Back from another program (a git pull, another editor): the open article's file is
        // compared with the disk at once.
        let focused = ctx.input(|i| i.viewport().focused.unwrap_or(false));
        if focused && !self.focused {
            self.state.disk_checked_at = None;
        }
        self.focused = focused;
        self.state.tick(Instant::now());
        if self.state.last_edit.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(500));
        }
        // The check that waits for typing to pause goes once it has.
        if let Some(wait) = self.state.review.waiting() {
            ctx.request_repaint_after(wait);
        }
        // A frame comes by to hand changed settings to eframe's storage (`auto_save_interval`).
        if self.settings_unstored() {
            ctx.request_repaint_after(SETTINGS_STORED_AFTER);
        }
        self.handle_close(&ctx);
        let title = self.state.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Whether the settings changed since they were last handed to eframe's storage.
    pub fn settings_unstored(&self) -> bool {
        self.state.settings != self.stored_settings
    }

    fn take_dropped_files(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        });
        let mut pages = Vec::new();
        for path in dropped {
            let bundle = crate::bundle::format::project_holding(&path).map(PathBuf::from);
            let picture = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                crate::model::article::ASSET_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())
            });
            if picture && bundle.is_none() {
                use crate::app::images::{ImageSource, ImageUse};
                let hero_free = self
                    .state
                    .draft
                    .as_ref()
                    .is_some_and(|d| d.hero_image.is_none());
                let target = if hero_free {
                    ImageUse::Hero
                } else {
                    ImageUse::Inline
                };
                self.state.add_image(ImageSource::File(path), target);
                continue;
            }
            let importable = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                crate::app::transfer::IMPORTABLE.contains(&e.to_ascii_lowercase().as_str())
            });
            match bundle {
                Some(bundle) => commands.push(Command::OpenPath(bundle)),
                None if importable && path.is_file() => pages.push(path),
                None => self.state.warn(format!(
                    "{} is not a Copydesk project nor a file to import",
                    path.display()
                )),
            }
        }
        // Pages dropped together are imported by one worker, in the order they were dropped.
        if !pages.is_empty() {
            self.state.import_paths(pages);
        }
    }

    fn handle_close(&mut self, ctx: &egui::Context) {
        if self.state.close_now {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        if !ctx.input(|i| i.viewport().close_requested()) {
            return;
        }
        // A copy or a save half written is no copy or save, and what is typed in a dialog
        // (settings not applied, a waiver's reason) would be lost: the window stays, saying why.
        let refusal = if matches!(self.state.modal, Some(crate::app::Modal::SavingAs { .. })) {
            Some("A copy of the project is being written: close the window once it is done")
        } else if self.state.saving.is_some() {
            Some(crate::app::SAVING_REFUSAL)
        } else if self.state.dialog_holds_typing() {
            Some("The open dialog holds what you typed: finish it or Cancel it first")
        } else {
            None
        };
        if let Some(refusal) = refusal {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.state.warn(refusal);
        } else if self.state.has_unsaved_changes() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.state.modal = Some(crate::app::Modal::UnsavedOnQuit);
        }
    }
}

impl eframe::App for Workstation {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.state.settings);
        self.stored_settings.clone_from(&self.state.settings);
    }

    /// A project opened or a preference changed reaches the storage within a second or two, so
    /// a crash soon after does not lose it from Open recent; otherwise eframe's half minute.
    fn auto_save_interval(&self) -> std::time::Duration {
        if self.settings_unstored() {
            SETTINGS_STORED_AFTER
        } else {
            std::time::Duration::from_secs(30)
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // The recovery journal's last write or clearing lands before the process ends.
        self.state.journal.flush();
    }
}

/// The pane beside the editor: tabs for the preview, the review and the history.
fn side_pane(ui: &mut egui::Ui, state: &mut crate::app::AppState, out: &mut Vec<Command>) {
    use crate::app::settings::SidePane;
    ui.horizontal(|ui| {
        for pane in [SidePane::Preview, SidePane::Review, SidePane::History] {
            let mut label = pane.label().to_owned();
            if pane == SidePane::Review && state.draft.is_some() {
                label = format!("Review ({})", state.review.open_count());
            }
            let tab = ui.selectable_label(state.settings.side_pane == pane, label);
            if tab.clicked() {
                out.push(Command::ShowSidePane(pane));
            }
        }
    });
    ui.separator();
    match state.settings.side_pane {
        SidePane::Preview => preview::ui(ui, state, out),
        SidePane::Review => review_panel::ui(ui, state, out),
        SidePane::History => history_panel::ui(ui, state, out),
    }
}

/// Runs the window on `bundle`.
pub fn run(bundle: PathBuf) -> Result<(), String> {
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../../icons/copydesk-256.png"))
        .map_err(|e| format!("app icon: {e}"))?;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Copydesk")
            .with_app_id("copydesk")
            .with_icon(icon)
            .with_inner_size([1400.0, 860.0])
            .with_min_inner_size([720.0, 420.0])
            .with_drag_and_drop(true),
        renderer: eframe::Renderer::Glow,
        persist_window: true,
        // Window state lives with Copydesk's other user data, so `COPYDESK_DATA_DIR` (tests,
        // the smoke test) keeps a run apart from the user's own window.
        persistence_path: {
            let dir = crate::sample::data_dir();
            let _ = std::fs::create_dir_all(&dir);
            Some(dir.join("app.ron"))
        },
        ..Default::default()
    };
    eframe::run_native(
        "Copydesk",
        options,
        Box::new(move |cc| {
            Ok(Box::new(Workstation::from_creation_context(
                cc,
                Some(bundle),
            )))
        }),
    )
    .map_err(|e| e.to_string())
}
