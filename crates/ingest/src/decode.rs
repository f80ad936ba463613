//! Bytes to text: format sniffing (content first, then extension) and encodings.
//!
//! UTF-8 text keeps its bytes exactly (spans count in the file, basis `file`); everything
//! else (UTF-16, legacy 8-bit encodings, HTML, docx, pdf) is rendered to a decoded text that
//! spans count in (basis `decoded`).

use crate::{formats, legacy, Format, IngestError};
use std::ops::Range;
use vntask_writer::SpanBasis;

/// Decoded text and how it was obtained.
pub struct Decoded {
    pub text: String,
    pub basis: SpanBasis,
    pub format: Format,
    pub encoding: String,
    /// Source ranges that are markup to cut (Markdown syntax).
    pub markup: Vec<Range<usize>>,
}

/// What the content says the file is, before the extension is asked.
enum Sniffed {
    Pdf,
    Zip,
    Text,
}

/// Magic numbers of formats vntask does not read, with the name it reports.
const FOREIGN: &[(&[u8], &str)] = &[
    (b"\x89PNG", "png image"),
    (b"\xFF\xD8\xFF", "jpeg image"),
    (b"GIF8", "gif image"),
    (b"II*\x00", "tiff image"),
    (b"MM\x00*", "tiff image"),
    (b"BM", "bmp image"),
    (b"\xD0\xCF\x11\xE0", "legacy Office binary (.doc/.xls)"),
    (b"{\\rtf", "rtf document"),
    (b"7z\xBC\xAF", "7z archive"),
    (b"Rar!", "rar archive"),
    (b"\x1F\x8B", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xFD7zXZ", "xz archive"),
    (b"\x7FELF", "executable"),
    (b"MZ", "executable"),
];

fn extension(name: &str) -> String {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    file.rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default()
}

fn sniff(bytes: &[u8], name: &str) -> Result<Sniffed, IngestError> {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    if file.starts_with('.') && file.len() > 1 {
        return Err(IngestError::Unsupported("hidden file".into()));
    }
    if bytes.starts_with(b"%PDF") {
        return Ok(Sniffed::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Ok(Sniffed::Zip);
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Err(IngestError::Unsupported("webp image".into()));
    }
    if let Some((_, what)) = FOREIGN.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(IngestError::Unsupported((*what).into()));
    }
    let ext = extension(name);
    match ext.as_str() {
        "doc" => Err(IngestError::Unsupported("legacy Word .doc".into())),
        "png" | "jpg" | "jpeg" | "gif" | "tif" | "tiff" | "bmp" | "webp" | "heic" => {
            Err(IngestError::Unsupported(format!("{ext} image")))
        }
        "zip" | "rar" | "7z" | "gz" | "tgz" | "bz2" | "xz" | "tar" => {
            Err(IngestError::Unsupported(format!("{ext} archive")))
        }
        _ => Ok(Sniffed::Text),
    }
}

/// Reads `bytes` named `name` into text.
pub fn decode(bytes: &[u8], name: &str) -> Result<Decoded, IngestError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty);
    }
    match sniff(bytes, name)? {
        Sniffed::Pdf => return decoded(formats::pdf::to_text(bytes)?, Format::Pdf, "utf-8"),
        Sniffed::Zip => {
            return match formats::docx::to_text(bytes)? {
                Some(text) => decoded(text, Format::Docx, "utf-8"),
                None => {
                    let ext = extension(name);
                    let what = match ext.as_str() {
                        "xlsx" | "pptx" | "odt" | "ods" | "odp" | "epub" => {
                            format!("{ext} document")
                        }
                        _ => "zip archive".to_string(),
                    };
                    Err(IngestError::Unsupported(what))
                }
            };
        }
        Sniffed::Text => {}
    }
    let (text, basis, encoding) = decode_text(bytes)?;
    let format = text_format(&text, name)?;
    match format {
        Format::Html => decoded(formats::html::to_text(&text), Format::Html, &encoding),
        Format::Md => {
            let markup = formats::markdown::markup(&text);
            Ok(Decoded {
                text,
                basis,
                format,
                encoding,
                markup,
            })
        }
        _ => Ok(Decoded {
            text,
            basis,
            format,
            encoding,
            markup: Vec::new(),
        }),
    }
}

fn decoded(text: String, format: Format, encoding: &str) -> Result<Decoded, IngestError> {
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    Ok(Decoded {
        text,
        basis: SpanBasis::Decoded,
        format,
        encoding: encoding.to_string(),
        markup: Vec::new(),
    })
}

/// The text format by content, then extension.
fn text_format(text: &str, name: &str) -> Result<Format, IngestError> {
    let head: String = text
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<html") {
        return Ok(Format::Html);
    }
    match extension(name).as_str() {
        "md" | "markdown" => Ok(Format::Md),
        "html" | "htm" | "xhtml" => Ok(Format::Html),
        "" | "txt" | "text" => Ok(Format::Txt),
        other => Err(IngestError::Unsupported(format!(".{other} file"))),
    }
}

/// Text bytes to a string: UTF-8 (with or without BOM) as it stands; UTF-16 by its BOM (or
/// by its NUL bytes); otherwise the legacy Vietnamese encoding that reads best.
pub fn decode_text(bytes: &[u8]) -> Result<(String, SpanBasis, String), IngestError> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, encoding_rs::UTF_16LE, "utf-16le");
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, encoding_rs::UTF_16BE, "utf-16be");
    }
    if memchr::memchr(0, bytes).is_some() {
        // UTF-16 without a BOM shows NULs in every other byte of ASCII text.
        let even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
        let odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
        let half = bytes.len() / 2;
        if half > 0 && odd * 3 > half && even * 10 < half {
            return utf16(bytes, encoding_rs::UTF_16LE, "utf-16le");
        }
        if half > 0 && even * 3 > half && odd * 10 < half {
            return utf16(bytes, encoding_rs::UTF_16BE, "utf-16be");
        }
        return Err(IngestError::Binary);
    }
    // simdutf8 checks UTF-8 several times faster than std on non-ASCII text (most of a
    // Vietnamese file); the rare invalid file is checked again by std for the error position.
    let utf8 = simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes));
    match utf8 {
        Ok(text) => {
            if let Some((repaired, name)) = legacy::repair_utf8(text) {
                return Ok((repaired, SpanBasis::Decoded, format!("{name} (as utf-8)")));
            }
            let encoding = if text.starts_with('\u{feff}') {
                "utf-8-bom"
            } else {
                "utf-8"
            };
            Ok((text.to_string(), SpanBasis::File, encoding.to_string()))
        }
        Err(error) => match legacy::decode_legacy(bytes) {
            Some((text, name)) => Ok((text, SpanBasis::Decoded, name.to_string())),
            None => Err(IngestError::Undecodable(error.valid_up_to())),
        },
    }
}

fn utf16(
    bytes: &[u8],
    encoding: &'static encoding_rs::Encoding,
    name: &str,
) -> Result<(String, SpanBasis, String), IngestError> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(IngestError::Undecodable(0));
    }
    Ok((text.into_owned(), SpanBasis::Decoded, name.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_name_the_format() {
        let cases: &[(&[u8], &str, &str)] = &[
            (b"\x89PNG\r\n\x1a\nxxxx", "a.png", "png image"),
            (
                b"\xD0\xCF\x11\xE0\xA1\xB1",
                "a.doc",
                "legacy Office binary (.doc/.xls)",
            ),
            (b"plain", "a.doc", "legacy Word .doc"),
            (b"text", ".hidden.txt", "hidden file"),
            (b"PK\x03\x04garbage", "a.zip", "zip archive"),
        ];
        for (bytes, name, reason) in cases {
            match decode(bytes, name) {
                Err(IngestError::Unsupported(got)) => assert_eq!(&got, reason, "{name}"),
                Err(other) => panic!("{name}: {other}"),
                Ok(_) => panic!("{name}: read"),
            }
        }
    }

    #[test]
    fn utf8_keeps_file_basis_and_utf16_decodes() {
        let decoded = decode("\u{feff}THÔNG BÁO".as_bytes(), "a.txt").unwrap();
        assert_eq!(decoded.basis, SpanBasis::File);
        assert_eq!(decoded.encoding, "utf-8-bom");
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Bộ Y tế".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        let decoded = decode(&bytes, "a.txt").unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.basis),
            ("Bộ Y tế", SpanBasis::Decoded)
        );
    }

    #[test]
    fn undecodable_and_binary() {
        assert!(matches!(
            decode(b"\x01\x00\x02\x03\x00\x00\x05", "a.txt"),
            Err(IngestError::Binary)
        ));
        assert!(matches!(
            decode(&[0x80, 0x81, 0x82, 0x83, 0x84], "a.txt"),
            Err(IngestError::Undecodable(0))
        ));
        assert!(matches!(decode(b" \n\t", "a.txt"), Err(IngestError::Empty)));
        // The first bad byte is reported where std finds it (simdutf8 does not say).
        assert!(matches!(
            decode(b"ab\x80\x81\x82\x83", "a.txt"),
            Err(IngestError::Undecodable(2))
        ));
    }
}
