//! The workstation window. For now a placeholder that lists the project's articles.

use crate::bundle::{Access, Bundle, BundleError};
use std::path::PathBuf;

/// The placeholder workstation: the project title and its article headlines.
pub struct Workstation {
    title: String,
    headlines: Vec<(String, String, String)>,
    notes: Vec<String>,
}

impl Workstation {
    /// Opens `bundle` (read-only when another instance holds it) for display.
    pub fn open(path: &std::path::Path) -> Result<Self, BundleError> {
        let (bundle, mut notes) = match Bundle::open(path, Access::ReadWrite) {
            Ok(bundle) => (bundle, Vec::new()),
            Err(locked @ BundleError::Locked { .. }) => (
                Bundle::open(path, Access::ReadOnly)?,
                vec![format!("Read-only: {locked}")],
            ),
            Err(other) => return Err(other),
        };
        notes.extend(bundle.problems().iter().map(|p| p.to_string()));
        Ok(Workstation {
            title: bundle.project().title.clone(),
            headlines: bundle
                .summaries()
                .map(|s| (s.headline.clone(), s.section.clone(), s.status.to_string()))
                .collect(),
            notes,
        })
    }
}

impl eframe::App for Workstation {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(&self.title);
            for note in &self.notes {
                ui.colored_label(ui.visuals().warn_fg_color, note);
            }
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                for (headline, section, status) in &self.headlines {
                    ui.horizontal(|ui| {
                        ui.label(egui::RichText::new(section.to_uppercase()).small().strong());
                        ui.label(egui::RichText::new(status).small().italics());
                        ui.label(headline);
                    });
                }
            });
        });
    }
}

/// Runs the window on `bundle`.
pub fn run(bundle: PathBuf) -> Result<(), String> {
    let workstation = Workstation::open(&bundle).map_err(|e| e.to_string())?;
    let title = format!("Copydesk — {}", workstation.title);
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../../icons/copydesk-256.png"))
        .map_err(|e| format!("app icon: {e}"))?;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_app_id("copydesk")
            .with_icon(icon)
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Copydesk",
        options,
        Box::new(move |_cc| Ok(Box::new(workstation))),
    )
    .map_err(|e| e.to_string())
}
