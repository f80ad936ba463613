//! Bytes to text: format sniffing and encodings.

use crate::{Format, IngestError};
use vntask_writer::SpanBasis;

/// Decoded text and how it was obtained.
pub struct Decoded {
    pub text: String,
    pub basis: SpanBasis,
    pub format: Format,
    pub encoding: String,
}

/// Decodes `bytes`. UTF-8 text keeps its bytes exactly (spans count in the file).
pub fn decode(bytes: &[u8], name: &str) -> Result<Decoded, IngestError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty);
    }
    let format = sniff_format(bytes, name)?;
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, encoding_rs::UTF_16LE, format, "utf-16le");
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, encoding_rs::UTF_16BE, format, "utf-16be");
    }
    if memchr::memchr(0, bytes).is_some() {
        return Err(IngestError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_string(),
            basis: SpanBasis::File,
            format,
            encoding: "utf-8".to_string(),
        }),
        Err(error) => Err(IngestError::Undecodable(error.valid_up_to())),
    }
}

fn utf16(
    bytes: &[u8],
    encoding: &'static encoding_rs::Encoding,
    format: Format,
    name: &str,
) -> Result<Decoded, IngestError> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(IngestError::Undecodable(0));
    }
    Ok(Decoded {
        text: text.into_owned(),
        basis: SpanBasis::Decoded,
        format,
        encoding: name.to_string(),
    })
}

/// The format by content first, then by extension.
pub fn sniff_format(bytes: &[u8], name: &str) -> Result<Format, IngestError> {
    let extension = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    if bytes.starts_with(b"%PDF") {
        return Err(IngestError::Unsupported("pdf (not yet supported)".into()));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(IngestError::Unsupported(format!(
            "zip archive{}",
            if extension == "docx" {
                " (docx not yet supported)"
            } else {
                ""
            }
        )));
    }
    let head = &bytes[..bytes.len().min(512)];
    let head_lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    if head_lower.contains("<!doctype html") || head_lower.contains("<html") {
        return Ok(Format::Html);
    }
    match extension.as_str() {
        "md" | "markdown" => Ok(Format::Md),
        "html" | "htm" => Ok(Format::Html),
        "" | "txt" | "text" => Ok(Format::Txt),
        other => Err(IngestError::Unsupported(format!(".{other} files"))),
    }
}
