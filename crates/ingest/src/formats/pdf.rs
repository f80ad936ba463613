//! PDF with a text layer, through pdf-extract. A PDF without one (a scan) is skipped with
//! `no text layer (needs OCR)`. pdf-extract may panic on damaged files: the panic is caught
//! and reported as a malformed file.

use crate::IngestError;

/// Fewer letters than this in the whole text: no text layer.
const MIN_LETTERS: usize = 16;

/// The text of a PDF, lines as pdf-extract lays them out.
pub fn to_text(bytes: &[u8]) -> Result<String, IngestError> {
    let owned = bytes.to_vec();
    let result = std::panic::catch_unwind(move || pdf_extract::extract_text_from_mem(&owned));
    let text = match result {
        Ok(Ok(text)) => text,
        Ok(Err(error)) => return Err(IngestError::Malformed(format!("pdf: {error}"))),
        Err(_) => {
            return Err(IngestError::Malformed(
                "pdf: the reader failed on this file".into(),
            ))
        }
    };
    if text.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return Err(IngestError::NoTextLayer);
    }
    Ok(text)
}
