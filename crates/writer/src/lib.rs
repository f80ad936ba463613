//! The records vntask writes, their stable ids, and atomic JSON Lines output.
//!
//! The format is written down here, next to the code that writes it (as ripgrep does for its
//! JSON printer). Every line of a task feed is one [`TaskRecord`]; every line of a
//! `--documents` file is one [`DocumentRecord`]. Fields may be added in later versions of a
//! schema; none is removed or changes meaning without a new `schema` value.

pub mod ids;
pub mod json;
pub mod output;
pub mod records;

pub use ids::{content_hash, task_id, ContentHasher, DocumentHasher};
pub use output::{AtomicFile, OutputError};
pub use records::*;
