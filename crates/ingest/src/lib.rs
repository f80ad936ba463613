//! The ingest stage: bytes in, a clean [`Document`] out.
//!
//! Every [`Block`] keeps the byte range it came from in [`Document::source`] (the original
//! file for UTF-8 text formats, the decoded text otherwise), so every task can say exactly
//! where it stands.

pub mod decode;
pub mod metadata;
pub mod model;
pub mod sections;
pub mod text;

pub use model::*;

/// What went wrong reading a document. The message is meant for a person.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("empty")]
    Empty,
    #[error("binary file (NUL bytes)")]
    Binary,
    #[error("not UTF-8 and not a known Vietnamese encoding at byte {0}")]
    Undecodable(usize),
    #[error("unsupported format: {0}")]
    Unsupported(String),
    #[error("{0}")]
    Malformed(String),
}

impl IngestError {
    /// Whether the input is skipped (not a document vntask reads) rather than in error.
    pub fn is_skip(&self) -> bool {
        matches!(self, IngestError::Unsupported(_) | IngestError::Empty)
    }
}

/// Options of the ingest stage.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {}

/// Reads one document. `name` is the file name (for the extension); the format is sniffed
/// from the content first.
pub fn read(bytes: &[u8], name: &str, _options: &IngestOptions) -> Result<Document, IngestError> {
    let decoded = decode::decode(bytes, name)?;
    let mut document = text::parse_text(decoded.text, decoded.basis, decoded.format);
    document.encoding = decoded.encoding;
    let recipients = std::mem::take(&mut document.meta.recipients);
    document.meta = metadata::extract(&document);
    document.meta.recipients = recipients;
    Ok(document)
}
