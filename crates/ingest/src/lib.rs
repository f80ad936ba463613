//! The ingest stage: bytes in, a clean [`Document`] out.
//!
//! Every [`Block`] keeps the byte range it came from in [`Document::source`] (the original
//! file for UTF-8 text formats, the decoded text otherwise), so every task can say exactly
//! where it stands: the source text in a block's span, minus the ranges it records as
//! removed, cleaned, is the block's text.
//!
//! - [`decode`]: format sniffing and encodings (UTF-8/16, Windows-1258, TCVN3, VNI);
//! - [`formats`]: Markdown, HTML, docx and PDF rendered to text;
//! - [`clean`]: artifacts cut from a line, with the offset map back to the source;
//! - [`parser`]: lines to blocks (footnotes, joins, noise, tables, recipients);
//! - [`sections`]: labels and the section tree; [`table`]: table rows;
//! - [`metadata`]: the document's head; [`noise`]: what is not text;
//! - [`inspect`]: the outline and JSON that `vntask inspect` prints (snapshot-tested).

pub mod clean;
pub mod decode;
pub mod formats;
pub mod inspect;
pub mod legacy;
pub mod metadata;
pub mod model;
pub mod noise;
pub mod parser;
pub mod sections;
pub mod table;
pub mod unchanged;

pub use model::*;
use vntask_writer::TaskStatus;

/// What went wrong reading a document. The message is meant for a person.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("empty")]
    Empty,
    #[error("binary file (NUL bytes)")]
    Binary,
    #[error("not UTF-8 and not a known Vietnamese encoding (UTF-16, Windows-1258, TCVN3, VNI); first bad byte at {0}")]
    Undecodable(usize),
    #[error("unsupported format: {0}")]
    Unsupported(String),
    /// A PDF with no text to read (a scan).
    #[error("no text layer (needs OCR)")]
    NoTextLayer,
    #[error("{0}")]
    Malformed(String),
}

impl IngestError {
    /// Whether the input is skipped (not a document vntask reads) rather than in error.
    pub fn is_skip(&self) -> bool {
        matches!(
            self,
            IngestError::Unsupported(_) | IngestError::Empty | IngestError::NoTextLayer
        )
    }
}

/// Options of the ingest stage.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {}

/// Reads one document. `name` is the file name (for the extension); the format is sniffed
/// from the content first. Never panics, whatever the bytes.
pub fn read(bytes: &[u8], name: &str, _options: &IngestOptions) -> Result<Document, IngestError> {
    let decoded = decode::decode(bytes, name)?;
    let soft_wrap = matches!(decoded.format, Format::Md | Format::Pdf);
    let mut document = parser::parse(
        decoded.text,
        decoded.basis,
        decoded.format,
        &decoded.markup,
        soft_wrap,
    );
    document.encoding = decoded.encoding;
    if document.blocks.is_empty() && document.meta.title.is_none() {
        return Err(IngestError::Empty);
    }
    Ok(document)
}
