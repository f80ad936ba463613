//! Formats other than plain text, each rendered to text the line parser reads.

pub mod docx;
pub mod html;
pub mod markdown;
pub mod pdf;
