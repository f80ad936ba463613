//! `--resume`: find how much of an interrupted run's `.partial` files can be kept.
//!
//! The document records are the authority: each says how many task lines it wrote, and a
//! document's tasks are written before its record. A run killed at any instant leaves, in
//! each file, a prefix of whole lines and perhaps one torn line. The kept prefix is the
//! longest run of document records that (1) are whole lines, (2) have all their task lines
//! whole in the tasks file, and (3) still describe the inputs in the same order, by path and
//! content hash. Both files are cut back to that prefix and the batch goes on from there, so
//! the final files equal those of an uninterrupted run.
//!
//! The records are checked in chunks, so memory does not grow with the size of the batch.

use super::load::still_matches;
use super::Counts;
use crate::batch::Input;
use anyhow::{Context, Result};
use rayon::prelude::*;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;
use vntask_writer::output::partial_path;
use vntask_writer::DocumentRecord;

/// Records checked together (in parallel) before reading more.
const CHUNK: usize = 1024;

/// What to keep of the `.partial` files.
#[derive(Debug, Default)]
pub struct Kept {
    /// Inputs already done: the first `documents` inputs are not read again.
    pub documents: usize,
    /// Bytes of the tasks `.partial` to keep.
    pub tasks_bytes: u64,
    /// Bytes of the documents `.partial` to keep.
    pub documents_bytes: u64,
    /// Counts of the kept documents, for the summary.
    pub counts: Counts,
    /// Inputs taken from discovery to compare with the records but not kept: they come
    /// first among the inputs still to do.
    pub unread: Vec<Input>,
}

/// Works out what to keep of `tasks_target.partial` and `documents_target.partial`.
pub fn plan(
    pool: &rayon::ThreadPool,
    inputs: &mut impl Iterator<Item = Input>,
    tasks_target: &Path,
    documents_target: &Path,
    max_bytes: u64,
) -> Result<Kept> {
    let mut kept = Kept::default();
    let documents_partial = partial_path(documents_target);
    let tasks_partial = partial_path(tasks_target);
    let (Ok(documents_file), Ok(tasks_file)) =
        (File::open(&documents_partial), File::open(&tasks_partial))
    else {
        return Ok(kept);
    };
    let mut documents = WholeLines::new(documents_file);
    let mut tasks = WholeLines::new(tasks_file);
    loop {
        // Read a chunk of records whose task lines are all there.
        let mut chunk: Vec<(DocumentRecord, Input, u64, u64)> = Vec::with_capacity(CHUNK);
        let mut torn = None;
        while chunk.len() < CHUNK {
            let Some((line, documents_end)) = documents
                .next_line()
                .with_context(|| format!("{}: cannot read", documents_partial.display()))?
            else {
                break;
            };
            let Ok(record) = serde_json::from_slice::<DocumentRecord>(&line) else {
                break;
            };
            let Some(input) = inputs.next() else {
                break;
            };
            let mut tasks_end = tasks.end;
            let mut complete = true;
            for _ in 0..record.tasks {
                match tasks
                    .next_line()
                    .with_context(|| format!("{}: cannot read", tasks_partial.display()))?
                {
                    Some((_, end)) => tasks_end = end,
                    None => {
                        complete = false;
                        break;
                    }
                }
            }
            if !complete {
                torn = Some(input);
                break;
            }
            chunk.push((record, input, documents_end, tasks_end));
        }
        let full = chunk.len() == CHUNK;
        let good = pool.install(|| {
            chunk
                .par_iter()
                .position_first(|(record, input, _, _)| !still_matches(input, record, max_bytes))
                .unwrap_or(chunk.len())
        });
        let stale = good < chunk.len();
        for (at, (record, input, documents_end, tasks_end)) in chunk.into_iter().enumerate() {
            if at < good {
                kept.documents += 1;
                kept.documents_bytes = documents_end;
                kept.tasks_bytes = tasks_end;
                kept.counts.add(&record, record.tasks as usize);
            } else {
                kept.unread.push(input);
            }
        }
        // The input whose tasks were torn off comes after the chunk's.
        kept.unread.extend(torn);
        if stale || !full {
            return Ok(kept);
        }
    }
}

/// Whole (newline-terminated) lines of a file, with the byte offset after each.
struct WholeLines {
    reader: BufReader<File>,
    buffer: Vec<u8>,
    /// Offset after the last whole line returned.
    end: u64,
}

impl WholeLines {
    fn new(file: File) -> Self {
        WholeLines {
            reader: BufReader::with_capacity(1 << 16, file),
            buffer: Vec::new(),
            end: 0,
        }
    }

    /// The next whole line (without its newline) and the offset after it; `None` at the end
    /// or at a torn last line.
    fn next_line(&mut self) -> std::io::Result<Option<(Vec<u8>, u64)>> {
        self.buffer.clear();
        let read = self.reader.read_until(b'\n', &mut self.buffer)?;
        if read == 0 || self.buffer.last() != Some(&b'\n') {
            return Ok(None);
        }
        self.end += read as u64;
        self.buffer.pop();
        Ok(Some((std::mem::take(&mut self.buffer), self.end)))
    }
}
