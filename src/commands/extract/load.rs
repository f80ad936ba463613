//! Reading one input: its bytes, or why it was not read.

use crate::batch::{io_reason, Input};
use std::io::Read;
use vntask_extractor::{Extraction, Options};
use vntask_writer::{output::reader_sha256, DocumentRecord, DocumentStatus};

/// What reading an input gave.
pub enum Loaded {
    Bytes(Vec<u8>),
    Failed(Failure),
}

/// An input that was not read, with the fingerprint of what could be seen of it.
pub struct Failure {
    pub status: DocumentStatus,
    pub reason: String,
    /// SHA-256 of the file when it was hashed without being read whole (too large), else of
    /// nothing.
    pub sha256: String,
    pub bytes: u64,
}

impl Failure {
    fn new(status: DocumentStatus, reason: String) -> Self {
        Failure {
            status,
            reason,
            sha256: vntask_writer::ids::bytes_sha256(&[]),
            bytes: 0,
        }
    }
}

/// Reads `input` unless discovery already said no, it cannot be opened, or it is larger
/// than `max_bytes`.
pub fn load(input: &Input, max_bytes: u64) -> Loaded {
    if let Some(verdict) = &input.verdict {
        return Loaded::Failed(Failure::new(verdict.status, verdict.reason.clone()));
    }
    let Some(path) = &input.path else {
        return read_limited(std::io::stdin().lock(), max_bytes, 0);
    };
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) => {
            return Loaded::Failed(Failure::new(DocumentStatus::Error, io_reason(&error)))
        }
    };
    let size = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    match size {
        Some(size) if size > max_bytes => {
            // Not held in memory, but still fingerprinted so `--resume` can recognise it.
            let mut failure = Failure::new(DocumentStatus::Skipped, too_large(size, max_bytes));
            if let Ok((sha256, bytes)) = reader_sha256(file) {
                failure.sha256 = sha256;
                failure.bytes = bytes;
            }
            Loaded::Failed(failure)
        }
        // The size read from the metadata sizes the buffer once (a growing buffer copies a
        // large file several times); a file that grew meanwhile is still read whole.
        _ => read_limited(file, max_bytes, size.unwrap_or(0)),
    }
}

fn too_large(size: u64, max_bytes: u64) -> String {
    format!("larger than --max-bytes ({size} bytes > {max_bytes})")
}

/// Reads at most `max_bytes`; a longer stream is skipped like a large file.
fn read_limited(reader: impl Read, max_bytes: u64, expected: u64) -> Loaded {
    // One byte more than expected lets `read_to_end` see the end without growing the buffer.
    let capacity = expected.min(max_bytes).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    match reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        Ok(_) if bytes.len() as u64 > max_bytes => {
            let reason = format!("larger than --max-bytes (more than {max_bytes} bytes)");
            Loaded::Failed(Failure::new(DocumentStatus::Skipped, reason))
        }
        Ok(_) => Loaded::Bytes(bytes),
        Err(error) => Loaded::Failed(Failure::new(DocumentStatus::Error, io_reason(&error))),
    }
}

/// Reads and extracts one input; whatever goes wrong becomes its document record.
pub fn process(input: &Input, options: &Options, max_bytes: u64) -> Extraction {
    let name = input
        .path
        .as_ref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin.txt".to_string());
    match load(input, max_bytes) {
        Loaded::Bytes(bytes) => vntask_extractor::extract(&bytes, &name, options),
        Loaded::Failed(failure) => Extraction {
            document: failed_record(options, failure),
            tasks: Vec::new(),
        },
    }
}

/// The document record of an input that was not extracted.
pub fn failed_record(options: &Options, failure: Failure) -> DocumentRecord {
    let mut record = DocumentRecord::failed(
        options.doc_id.clone(),
        options.path.clone(),
        &[],
        failure.status,
        failure.reason,
        vntask_extractor::VERSION,
    );
    record.sha256 = failure.sha256;
    record.bytes = failure.bytes;
    record
}

/// Whether `record` (from an interrupted run) still describes `input`: same path, same
/// bytes (by SHA-256 and length), and for an input that was not read, the same reason.
/// Stdin cannot be read twice, so it never matches.
pub fn still_matches(input: &Input, record: &DocumentRecord, max_bytes: u64) -> bool {
    if input.path.is_none() || record.path != input.display || record.id != input.doc_id {
        return false;
    }
    match load(input, max_bytes) {
        Loaded::Bytes(bytes) => {
            record.bytes == bytes.len() as u64
                && record.sha256 == vntask_writer::ids::bytes_sha256(&bytes)
        }
        Loaded::Failed(failure) => {
            record.status == failure.status
                && record.error.as_deref() == Some(failure.reason.as_str())
                && record.sha256 == failure.sha256
                && record.bytes == failure.bytes
        }
    }
}
