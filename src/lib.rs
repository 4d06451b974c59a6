//! Copydesk: an offline newsroom workstation. The domain core (`model`, `bundle`) never touches
//! the UI; the command line (`cli`) and the window (`ui`) are thin front ends over it.

// Every public item says what it is in a line: the rule is kept by the compiler.
#![warn(missing_docs)]

pub mod app;
pub mod bundle;
pub mod cli;
pub mod export;
pub mod find;
pub mod history;
pub mod history_changes;
pub mod import;
pub mod markdown;
pub mod media;
pub mod model;
pub mod review;
pub mod sample;
pub mod text_diff;
pub mod ui;
