//! Slow work off the UI thread: file dialogs, opening bundles, building the search index.
//! Results come back over a channel; the window drains it each frame.

use super::list::{SearchIndex, searchable_text};
use crate::bundle::{Access, Bundle, BundleError};
use crate::model::AssetName;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

/// What a file dialog is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogPurpose {
    /// Pick a bundle folder to open.
    Open,
    /// Choose where a new project goes.
    NewProject,
    /// Choose where to save the project as.
    SaveAs,
    /// Pick a file to import as an article.
    Import,
    /// Choose the folder an export goes to.
    ExportFolder,
    /// Pick the hero picture.
    HeroImage,
    /// Pick a picture to put in the body.
    InlineImage,
}

impl DialogPurpose {
    /// What to type when no file dialog can be shown.
    pub fn typed_path_prompt(self) -> &'static str {
        match self {
            DialogPurpose::Open => "Type the path of the project folder to open:",
            DialogPurpose::NewProject => {
                "Type the path of the folder for the new project (.copydesk is added if missing):"
            }
            DialogPurpose::SaveAs => {
                "Type the path of the folder to save the project as (.copydesk is added if missing):"
            }
            DialogPurpose::Import => {
                "Type the path of the file to import (.txt, .md, .html or ninjs .json):"
            }
            DialogPurpose::ExportFolder => "Type the path of the folder to export to:",
            DialogPurpose::HeroImage | DialogPurpose::InlineImage => {
                "Type the path of the picture (JPEG, PNG, WebP or GIF):"
            }
        }
    }
}

/// The path typed in place of a file dialog: `~` stands for the home folder, and a path that is
/// not absolute is taken from the home folder too (the window's own working folder means
/// nothing to the person typing).
pub fn typed_path(text: &str) -> std::path::PathBuf {
    typed_path_from(text, dirs::home_dir())
}

/// [`typed_path`] against the home folder `home`, when it is known.
fn typed_path_from(text: &str, home: Option<std::path::PathBuf>) -> std::path::PathBuf {
    let text = text.trim();
    let in_home = text
        .strip_prefix("~/")
        .or_else(|| (text == "~").then_some(""));
    let relative = in_home.or_else(|| (!std::path::Path::new(text).is_absolute()).then_some(text));
    match (relative, home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => std::path::PathBuf::from(text),
    }
}

/// How long the system's opener is given to say whether it found an application.
const OPENER_ANSWER: std::time::Duration = std::time::Duration::from_secs(2);

/// Native file dialogs, behind a trait so tests can answer them.
pub trait FileDialogs: Send + Sync {
    /// Whether dialogs can be shown at all; when not, the window asks for a typed path.
    fn available(&self) -> bool;
    /// Asks for a folder, answering on `reply` (from any thread, possibly later).
    fn pick(&self, purpose: DialogPurpose, reply: Sender<Outcome>);
    /// The text on the system clipboard, for "Paste as article"; `None` when there is none.
    fn clipboard_text(&self) -> Option<String> {
        None
    }
    /// A picture on the system clipboard, as PNG bytes; `None` when there is none.
    fn clipboard_image(&self) -> Option<Vec<u8>> {
        None
    }
    /// Shows a folder in the system's file manager, or a file in the application the system
    /// opens it with (a page in the browser); false when none could be started. Called from
    /// worker threads only: it may wait a moment for the system's answer.
    fn show(&self, _path: &std::path::Path) -> bool {
        false
    }
}

/// Dialogs through rfd (the XDG portal on Linux), each on its own thread.
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn available(&self) -> bool {
        // The portal needs a session bus; without one rfd cannot show anything.
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
    }

    fn pick(&self, purpose: DialogPurpose, reply: Sender<Outcome>) {
        std::thread::spawn(move || {
            let dialog = rfd::FileDialog::new();
            let path = match purpose {
                DialogPurpose::Open => dialog.set_title("Open a Copydesk project").pick_folder(),
                DialogPurpose::NewProject => dialog
                    .set_title("New Copydesk project")
                    .set_file_name("Untitled.copydesk")
                    .save_file(),
                DialogPurpose::SaveAs => dialog
                    .set_title("Save the project as")
                    .set_file_name("Copy.copydesk")
                    .save_file(),
                DialogPurpose::Import => dialog
                    .set_title("Import an article")
                    .add_filter(
                        "Articles",
                        &["txt", "md", "markdown", "html", "htm", "json"],
                    )
                    .pick_file(),
                DialogPurpose::ExportFolder => dialog.set_title("Export to folder").pick_folder(),
                DialogPurpose::HeroImage | DialogPurpose::InlineImage => dialog
                    .set_title("Add a picture")
                    .add_filter("Pictures", &["jpg", "jpeg", "png", "webp", "gif"])
                    .pick_file(),
            };
            let _ = reply.send(Outcome::Picked(purpose, path));
        });
    }

    fn clipboard_text(&self) -> Option<String> {
        arboard::Clipboard::new().ok()?.get_text().ok()
    }

    fn show(&self, path: &std::path::Path) -> bool {
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else if cfg!(windows) {
            "explorer"
        } else {
            "xdg-open"
        };
        let started = std::process::Command::new(opener)
            .arg(path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
        let Ok(mut child) = started else {
            return false;
        };
        // The opener says within a moment whether it found an application (xdg-open exits 3
        // or 4 when it did not); one still running has started one, and is waited for on a
        // thread of its own so it does not linger as a zombie.
        let deadline = std::time::Instant::now() + OPENER_ANSWER;
        while std::time::Instant::now() < deadline {
            match child.try_wait() {
                // Explorer answers 1 although it showed the folder.
                Ok(Some(status)) => return status.success() || cfg!(windows),
                Ok(None) => std::thread::sleep(std::time::Duration::from_millis(25)),
                Err(_) => return false,
            }
        }
        std::thread::spawn(move || child.wait());
        true
    }

    fn clipboard_image(&self) -> Option<Vec<u8>> {
        let picture = arboard::Clipboard::new().ok()?.get_image().ok()?;
        let rgba = image::RgbaImage::from_raw(
            picture.width as u32,
            picture.height as u32,
            picture.bytes.into_owned(),
        )?;
        let mut png = Vec::new();
        rgba.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .ok()?;
        Some(png)
    }
}

/// A finished piece of background work.
pub enum Outcome {
    /// A dialog was answered (`None`: cancelled).
    Picked(DialogPurpose, Option<PathBuf>),
    /// A bundle was opened (or could not be).
    Opened(PathBuf, Box<Result<Bundle, BundleError>>),
    /// The search index of the open bundle is ready.
    Indexed(PathBuf, SearchIndex),
    /// An export has done this many articles of so many.
    ExportProgress(usize, usize),
    /// An export finished (or failed, with the message).
    Exported(Result<crate::export::ExportReport, String>),
    /// A Save as has written this many articles of so many.
    SaveAsProgress(usize, usize),
    /// A Save as finished (or failed).
    SavedAs(Box<Result<crate::bundle::SavedCopy, BundleError>>),
    /// Articles to refile have been read, this many of so many.
    ReadProgress(usize, usize),
    /// The articles to refile were read (or could not be, each with its problem).
    Read(Box<crate::bundle::ReadArticles>),
    /// The search for unused pictures has read this many articles of so many.
    UnusedProgress(usize, usize),
    /// The search for unused pictures in the project at this folder finished: the pictures none
    /// of its articles name (or why that cannot be told).
    UnusedFound(PathBuf, Result<Vec<AssetName>, String>),
    /// A save on a worker has written this many articles of so many.
    SaveProgress(usize, usize),
    /// A save on a worker finished (its error is inside).
    Saved(Box<crate::bundle::SavedFiles>),
    /// A picture was checked and stored in the bundle (or refused, with the message).
    ImageStored(
        crate::app::images::ImageUse,
        Result<(crate::model::AssetName, u32, u32), String>,
    ),
    /// A thumbnail was read or made (or could not be, with the message).
    Thumbnail(crate::model::AssetName, Result<image::RgbaImage, String>),
    /// The open article's page was written for a browser: where, and whether a browser was
    /// started (or it could not be written, with the message).
    PageWritten(Result<(PathBuf, bool), String>),
    /// A folder was shown in the file manager (or none could be started: false).
    FolderShown(PathBuf, bool),
    /// A file or the clipboard's text was imported as an article (or could not be).
    Imported(Box<crate::app::importing::Imported>),
}

/// The channel background work reports on, and the dialogs in use.
pub struct Jobs {
    sender: Sender<Outcome>,
    receiver: Receiver<Outcome>,
    /// The dialogs (native, or a test's).
    pub dialogs: Arc<dyn FileDialogs>,
    /// Called after a result is sent, to wake the window.
    pub waker: Arc<dyn Fn() + Send + Sync>,
}

impl Jobs {
    /// Jobs using `dialogs`.
    pub fn new(dialogs: Arc<dyn FileDialogs>) -> Self {
        let (sender, receiver) = channel();
        Jobs {
            sender,
            receiver,
            dialogs,
            waker: Arc::new(|| {}),
        }
    }

    /// Shows a dialog.
    pub fn pick(&self, purpose: DialogPurpose) {
        self.dialogs.pick(purpose, self.sender.clone());
        (self.waker)();
    }

    /// Runs `work` on a worker thread. Its progress is sent as `progress(done, total)`, and its
    /// end as the outcome it returns; each wakes the window.
    fn spawn_with_progress(
        &self,
        progress: fn(usize, usize) -> Outcome,
        work: impl FnOnce(&mut dyn FnMut(usize, usize)) -> Outcome + Send + 'static,
    ) {
        let sender = self.sender.clone();
        let waker = self.waker.clone();
        std::thread::spawn(move || {
            let mut report = |done, total| {
                let _ = sender.send(progress(done, total));
                waker();
            };
            let outcome = work(&mut report);
            let _ = sender.send(outcome);
            waker();
        });
    }

    /// Runs an export on a worker thread, reporting progress.
    pub fn export(&self, job: crate::export::ExportJob) {
        self.spawn_with_progress(Outcome::ExportProgress, move |progress| {
            Outcome::Exported(crate::export::run_export(&job, progress).map_err(|e| e.to_string()))
        });
    }

    /// Writes a Save as copy on a worker thread, reporting its progress.
    pub fn save_as(&self, job: crate::bundle::SaveAsJob) {
        self.spawn_with_progress(Outcome::SaveAsProgress, move |progress| {
            Outcome::SavedAs(Box::new(job.run(progress)))
        });
    }

    /// Reads article files on a worker thread, reporting its progress.
    pub fn read(&self, job: crate::bundle::ReadJob) {
        self.spawn_with_progress(Outcome::ReadProgress, move |progress| {
            Outcome::Read(Box::new(job.run(progress)))
        });
    }

    /// Looks for the pictures in `assets/` that no article names on a worker thread, reporting
    /// its progress: `unread` reads the articles not in memory, `used` is what the others (and
    /// the versions Undo and Redo hold) name; the history is searched too. The articles read
    /// are not kept.
    pub fn find_unused_pictures(
        &self,
        root: PathBuf,
        unread: crate::bundle::ReadJob,
        mut used: std::collections::BTreeSet<AssetName>,
    ) {
        self.spawn_with_progress(Outcome::UnusedProgress, move |progress| {
            let read = unread.run(progress);
            let unused = match read.problems().next() {
                Some(problem) => Err(problem.to_string()),
                None => {
                    used.extend(read.articles().flat_map(crate::media::assets_named_by));
                    crate::media::unused_assets_but(&root, used).map_err(|e| e.to_string())
                }
            };
            Outcome::UnusedFound(root, unused)
        });
    }

    /// Writes a save on a worker thread, reporting its progress.
    pub fn save(&self, job: crate::bundle::SaveJob) {
        self.spawn_with_progress(Outcome::SaveProgress, move |progress| {
            Outcome::Saved(Box::new(job.run(progress)))
        });
    }

    /// Shows `folder` in the system's file manager on a worker thread (the system's opener
    /// may take a moment to answer).
    pub fn show_folder(&self, folder: PathBuf) {
        let (sender, waker, dialogs) = (
            self.sender.clone(),
            self.waker.clone(),
            self.dialogs.clone(),
        );
        std::thread::spawn(move || {
            let shown = dialogs.show(&folder);
            let _ = sender.send(Outcome::FolderShown(folder, shown));
            waker();
        });
    }

    /// Writes an article's HTML page with its pictures on a worker thread (renditions are slow),
    /// into the job's folder emptied first, then asks the system to open it.
    pub fn write_page(&self, job: crate::export::ExportJob) {
        let (sender, waker, dialogs) = (
            self.sender.clone(),
            self.waker.clone(),
            self.dialogs.clone(),
        );
        std::thread::spawn(move || {
            // The folder is Copydesk's own, one per article: last time's page goes.
            let _ = std::fs::remove_dir_all(&job.out);
            let written = crate::export::run_export(&job, &mut |_, _| {});
            let result = written.map_err(|e| e.to_string()).map(|_| {
                let name = crate::export::file_name(&job.articles[0], crate::export::Format::Html);
                let page = job.out.join(name);
                let shown = dialogs.show(&page);
                (page, shown)
            });
            let _ = sender.send(Outcome::PageWritten(result));
            waker();
        });
    }

    /// Checks and stores a picture on a worker thread (decoding is slow and must be bounded).
    pub fn store_image(
        &self,
        root: PathBuf,
        source: crate::app::images::ImageSource,
        target: crate::app::images::ImageUse,
    ) {
        let sender = self.sender.clone();
        let waker = self.waker.clone();
        std::thread::spawn(move || {
            let stored = match source {
                crate::app::images::ImageSource::File(path) => crate::media::add_file(&root, &path),
                crate::app::images::ImageSource::Bytes(bytes, name) => {
                    crate::media::store(&root, &bytes, &name)
                }
            };
            let result = stored
                .map(|(asset, info)| (asset, info.width, info.height))
                .map_err(|e| e.to_string());
            let _ = sender.send(Outcome::ImageStored(target, result));
            waker();
        });
    }

    /// Reads (or makes) thumbnails on a worker thread, one after another.
    pub fn thumbnails(&self, root: PathBuf, assets: Vec<crate::model::AssetName>) {
        let sender = self.sender.clone();
        let waker = self.waker.clone();
        std::thread::spawn(move || {
            for asset in assets {
                let result = crate::media::thumbnail(&root, &asset).map_err(|e| e.to_string());
                if sender.send(Outcome::Thumbnail(asset, result)).is_err() {
                    return;
                }
                waker();
            }
        });
    }

    /// Opens a bundle on a worker thread (read-only when another program holds it).
    pub fn open(&self, path: PathBuf) {
        let sender = self.sender.clone();
        let waker = self.waker.clone();
        std::thread::spawn(move || {
            let result = match Bundle::open(&path, Access::ReadWrite) {
                Err(BundleError::Locked { .. }) => Bundle::open(&path, Access::ReadOnly),
                other => other,
            };
            let _ = sender.send(Outcome::Opened(path, Box::new(result)));
            waker();
        });
    }

    /// Builds the search index of the bundle at `path` on a worker thread.
    pub fn index(&self, path: &Path) {
        let sender = self.sender.clone();
        let waker = self.waker.clone();
        let path = path.to_owned();
        std::thread::spawn(move || {
            let Ok(mut bundle) = Bundle::open(&path, Access::ReadOnly) else {
                return;
            };
            let mut index = SearchIndex::default();
            for id in bundle.ids() {
                if let Ok(article) = bundle.article(id) {
                    index.set(id, &searchable_text(article));
                }
            }
            let _ = sender.send(Outcome::Indexed(path, index));
            waker();
        });
    }

    /// Results that arrived since the last call.
    pub fn drain(&self) -> Vec<Outcome> {
        self.receiver.try_iter().collect()
    }

    /// A sender for work that reports here.
    pub fn sender(&self) -> Sender<Outcome> {
        self.sender.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn a_typed_path_is_taken_from_the_home_folder_unless_it_is_absolute() {
        let home = || Some(PathBuf::from("/home/ed"));
        let typed = |text| typed_path_from(text, home());
        assert_eq!(
            typed("~/Desk.copydesk"),
            PathBuf::from("/home/ed/Desk.copydesk")
        );
        assert_eq!(typed(" ~ "), PathBuf::from("/home/ed/"));
        assert_eq!(typed("Desk"), PathBuf::from("/home/ed/Desk"));
        assert_eq!(typed("/srv/desk"), PathBuf::from("/srv/desk"));
        // "~ed" is not the home folder's shorthand here, and no home leaves the text as typed.
        assert_eq!(typed("~ed/x"), PathBuf::from("/home/ed/~ed/x"));
        assert_eq!(typed_path_from("Desk", None), PathBuf::from("Desk"));
    }
}
