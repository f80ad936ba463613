//! Reading a task feed and a document list (JSON Lines) for `report` and `export`.

use anyhow::{Context, Result};
use serde::de::DeserializeOwned;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;
use vntask_writer::{DocumentRecord, TaskRecord};

/// Reads every task record of a feed; blank lines are skipped, a bad line is an error
/// naming its line number.
pub fn read_tasks(path: &Path) -> Result<Vec<TaskRecord>> {
    read_jsonl(path)
}

/// Reads every document record of a `--documents` file.
pub fn read_documents(path: &Path) -> Result<Vec<DocumentRecord>> {
    read_jsonl(path)
}

fn read_jsonl<T: DeserializeOwned>(path: &Path) -> Result<Vec<T>> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    parse_jsonl(BufReader::new(file), path)
}

/// Parses JSON Lines from `reader`; `path` only names the input in error messages.
pub fn parse_jsonl<T: DeserializeOwned>(reader: impl BufRead, path: &Path) -> Result<Vec<T>> {
    let mut records = Vec::new();
    for (index, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let record = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a valid record", path.display(), index + 1))?;
        records.push(record);
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_line_is_reported_with_its_number() {
        let input = "\n{\"not\": \"a task\"}\n";
        let error = parse_jsonl::<TaskRecord>(input.as_bytes(), Path::new("feed.jsonl"))
            .err()
            .map(|e| e.to_string());
        assert_eq!(error.as_deref(), Some("feed.jsonl:2: not a valid record"));
    }

    #[test]
    fn blank_lines_are_skipped() {
        let records = parse_jsonl::<serde_json::Value>("\n  \n{}\n".as_bytes(), Path::new("x"));
        assert_eq!(records.map(|r| r.len()).ok(), Some(1));
    }
}
