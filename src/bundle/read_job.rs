//! Reading many article files off the window's thread: a section renamed across the project
//! refiles thousands of articles, and each must be read and parsed first (about a tenth of a
//! millisecond each). The bundle gives the job ([`Bundle::read_job`]), the job runs anywhere
//! ([`ReadJob::run`]), and the bundle takes what it read ([`Bundle::finish_read`]).

use super::index::DiskState;
use super::{Bundle, Problem, format, open};
use crate::model::Article;
use std::path::PathBuf;
use uuid::Uuid;

/// An article's file as read: the article with the file's state, or why it could not be read.
type Read = Result<(Article, DiskState), Problem>;

/// The files of articles not read yet, to read elsewhere.
#[derive(Debug, Clone)]
pub struct ReadJob {
    root: PathBuf,
    files: Vec<FileToRead>,
}

/// One article's file to read, with what the project's index says of it.
#[derive(Debug, Clone)]
pub struct FileToRead {
    /// The article's id.
    pub id: Uuid,
    /// Its slug as the index has it, to name an article whose file cannot be read.
    pub slug: String,
    /// Its file.
    pub path: PathBuf,
}

impl FileToRead {
    /// Reads and parses the file.
    pub fn read(&self) -> Result<Article, Problem> {
        self.read_with_state().map(|(article, _)| article)
    }

    fn read_with_state(&self) -> Read {
        open::read_article(&self.path, self.id, format::FORMAT_VERSION)
    }
}

/// What a [`ReadJob`] read: each article with its file's state, or why it could not be read.
pub struct ReadArticles {
    root: PathBuf,
    read: Vec<(Uuid, Read)>,
}

impl ReadJob {
    /// How many files the job reads.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there is nothing to read.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The files to read.
    pub fn files(&self) -> &[FileToRead] {
        &self.files
    }

    /// Reads and parses the files, calling `progress(done, total)` every hundred.
    pub fn run(&self, mut progress: impl FnMut(usize, usize)) -> ReadArticles {
        let total = self.files.len();
        let mut read = Vec::with_capacity(total);
        for (done, file) in self.files.iter().enumerate() {
            if done % 100 == 0 {
                progress(done, total);
            }
            read.push((file.id, file.read_with_state()));
        }
        progress(total, total);
        ReadArticles {
            root: self.root.clone(),
            read,
        }
    }
}

impl ReadArticles {
    /// The articles read.
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        self.read
            .iter()
            .filter_map(|(_, read)| Some(&read.as_ref().ok()?.0))
    }

    /// Why each file that could not be read could not be.
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.read.iter().filter_map(|(_, read)| read.as_ref().err())
    }
}

impl Bundle {
    /// The job that reads the articles among `ids` not in memory yet.
    pub fn read_job(&self, ids: &[Uuid]) -> ReadJob {
        let files = ids
            .iter()
            .filter_map(|&id| Some((id, self.position(id)?)))
            .filter(|&(id, _)| !self.is_loaded(id))
            .map(|(id, position)| FileToRead {
                id,
                slug: self.entries[position].summary.slug.clone(),
                path: self.article_path(id),
            })
            .collect();
        ReadJob {
            root: self.root.clone(),
            files,
        }
    }

    /// Takes what a [`ReadJob`] read, as if read here. An article read or removed meanwhile,
    /// or read for another folder (the project was saved as a copy meanwhile), is left; a file
    /// that could not be read is set aside and reported, as [`Bundle::article`] does. Returns
    /// how many were set aside.
    pub fn finish_read(&mut self, done: ReadArticles) -> usize {
        if done.root != self.root {
            return 0;
        }
        let mut set_aside = 0;
        for (id, read) in done.read {
            let Some(&position) = self.positions.get(&id) else {
                continue;
            };
            if !self.is_loaded(id) && self.install_read(position, id, read).is_err() {
                set_aside += 1;
            }
        }
        set_aside
    }
}
