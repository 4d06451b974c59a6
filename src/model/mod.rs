//! The domain model: projects, articles and their text statistics. Plain Rust, no UI.

pub mod article;
pub mod changes;
pub mod display_length;
pub mod embargo;
pub mod language;
pub mod nearest;
pub mod picture;
pub mod plural;
pub mod project;
pub mod records;
pub mod shift;
pub mod slug;
pub mod stats;
pub mod tags;
pub mod time;

pub use article::{
    Article, AssetName, Byline, Correction, CorrectionKind, Dateline, Embargo, FocalPoint,
    ImageRef, Status,
};
pub use project::{Project, ProjectSettings};
pub use records::{ImportSource, Transition, Waiver};
pub use stats::TextStats;
