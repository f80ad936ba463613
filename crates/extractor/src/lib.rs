//! The extract stage of vntask: rules that find agencies, deadlines and numeric targets, and
//! the assembly of those findings into tasks.
//!
//! [`extract`] is the one entry point that the CLI and the bindings share.

pub mod agencies;
pub mod assembly;
pub mod deadlines;
pub mod explain;
pub mod rules;
pub mod targets;
#[cfg(test)]
mod test_support;

use chrono::NaiveDate;
use vntask_ingest::{Document, IngestError, IngestOptions};
use vntask_writer::{
    DocRef, DocumentHasher, DocumentRecord, DocumentStatus, TaskRecord, DOCUMENT_SCHEMA,
};

/// The version written into every document record.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Options of one extraction.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The document id (`doc.id`): the path relative to the input root, without extension.
    pub doc_id: String,
    /// The path written into records (`doc.path`).
    pub path: String,
    /// Used to resolve deadlines only when the document states no date of its own.
    pub reference_date: Option<NaiveDate>,
    /// The gazetteer extended with the user's bodies and aliases (`--agencies FILE`); the
    /// built-in one when `None`.
    pub gazetteer: Option<std::sync::Arc<agencies::Gazetteer>>,
}

/// Everything one input produced: its document record and its tasks.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub document: DocumentRecord,
    pub tasks: Vec<TaskRecord>,
}

/// Reads and extracts one document. Never fails: a bad input gives a document record with
/// status `error` or `skipped` and the reason.
pub fn extract(bytes: &[u8], name: &str, options: &Options) -> Extraction {
    match vntask_ingest::read(bytes, name, &IngestOptions::default()) {
        Ok(document) => extract_document(&document, bytes, options),
        Err(error) => Extraction {
            document: failed_record(bytes, options, &error),
            tasks: Vec::new(),
        },
    }
}

/// The document record of an input that could not be read.
pub fn failed_record(bytes: &[u8], options: &Options, error: &IngestError) -> DocumentRecord {
    let status = if error.is_skip() {
        DocumentStatus::Skipped
    } else {
        DocumentStatus::Error
    };
    DocumentRecord::failed(
        options.doc_id.clone(),
        options.path.clone(),
        bytes,
        status,
        error.to_string(),
        VERSION,
    )
}

/// Extracts the tasks of a document that ingest has read.
pub fn extract_document(document: &Document, bytes: &[u8], options: &Options) -> Extraction {
    let meta = &document.meta;
    let (reference, reference_source) = match meta.reference_date() {
        Some((date, source)) => (
            NaiveDate::from_ymd_opt(date.year, date.month, date.day.max(1)),
            Some(source),
        ),
        None => (
            options.reference_date,
            options
                .reference_date
                .map(|_| vntask_writer::ReferenceDateSource::Option),
        ),
    };
    let doc_ref = DocRef {
        id: options.doc_id.clone(),
        path: options.path.clone(),
        doc_type: meta.doc_type,
        number: meta.number.clone(),
        date: meta.date.map(|d| d.iso()),
        date_precision: meta.date.map(|d| d.precision),
        title: meta.title.clone(),
    };
    // The content hash is over the normalised source; ingest hands it over piece by piece,
    // with the lines it found unchanged as they stand, so it is not normalised twice. The
    // bytes' own SHA-256 is taken beside it: the two share their hashing up to the first char
    // normalisation rewrites.
    let mut hasher = DocumentHasher::new(bytes);
    document.normalized_source_pieces(|piece| hasher.update(piece));
    let (hash, sha256) = hasher.finish();
    let context = assembly::Context {
        gazetteer: options.gazetteer.clone(),
        reference,
        doc: doc_ref,
        content_hash: hash,
    };
    let tasks = assembly::assemble(document, &context);
    let record = DocumentRecord {
        schema: DOCUMENT_SCHEMA.to_string(),
        id: options.doc_id.clone(),
        path: options.path.clone(),
        sha256,
        bytes: bytes.len() as u64,
        format: Some(document.format.as_str().to_string()),
        encoding: Some(document.encoding.clone()),
        doc_type: meta.doc_type,
        number: meta.number.clone(),
        date: meta.date.map(|d| d.iso()),
        date_precision: meta.date.map(|d| d.precision),
        reference_date: reference.map(|d| d.format("%Y-%m-%d").to_string()),
        reference_date_source: reference_source,
        title: meta.title.clone(),
        status: DocumentStatus::Ok,
        error: None,
        tasks: tasks.len() as u64,
        warnings: document.warnings.clone(),
        vntask_version: VERSION.to_string(),
    };
    Extraction {
        document: record,
        tasks,
    }
}

/// Whether `c` is alphanumeric: the same answer as [`char::is_alphanumeric`], which looks
/// every char past ASCII up in the Unicode tables (`alphabetic::lookup_slow` showed in
/// profiles, from the word splits of assembly and deadlines). Nearly every such char in
/// Vietnamese text is a precomposed letter (`à`, `đ`, `ơ`, `ư`, `ạ` ... `ỹ`) of Latin-1,
/// Latin Extended-A/B or Latin Extended Additional, all letters but `×` and `÷`, and none of
/// them numeric; those are answered without the tables (checked over every char in the tests).
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    let code = c as u32;
    match code {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xC0..=0x24F => code != 0xD7 && code != 0xF7,
        0x1E00..=0x1EFF => true,
        _ => c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn is_alphanumeric_is_that_of_the_unicode_tables() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(
                super::is_alphanumeric(c),
                c.is_alphanumeric(),
                "U+{:04X}",
                c as u32
            );
        }
        assert!(super::is_alphanumeric('ệ') && super::is_alphanumeric('Đ'));
        assert!(super::is_alphanumeric('7') && super::is_alphanumeric('²'));
        assert!(!super::is_alphanumeric('×') && !super::is_alphanumeric('\u{300}'));
        assert!(!super::is_alphanumeric('–') && !super::is_alphanumeric(' '));
    }
}
