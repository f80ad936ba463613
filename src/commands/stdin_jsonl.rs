//! `vntask extract --stdin-jsonl`: a line protocol for any engine (Spark's `RDD.pipe`, xargs,
//! GNU parallel).
//!
//! Input, one JSON object per line on stdin:
//!
//! ```text
//! {"id": "doc-1", "text": "THÔNG BÁO ...", "reference_date": "2024-07-19"}
//! ```
//!
//! `id` (a string, or an integer written as a string) becomes `doc.id` and `doc.path`;
//! `text` is read as a plain-text document named `<id>.txt`; `reference_date` (optional,
//! `YYYY-MM-DD` or null) overrides `--reference-date` for that line. Blank lines are ignored.
//!
//! Output: the task records of each line, in input order, on stdout (or `-o`); one document
//! record per non-blank input line in `--documents`. A line that is not such an object gives a
//! document record with status `error` and the reason (its id is the object's `id` when one
//! can be read, else `line-N`), never a crash. Lines are handled one at a time and stdout is
//! flushed after each, so memory stays bounded by the longest line and a caller may feed one
//! line and wait for its answer. Parallelism comes from the engine (one process per
//! partition or per `parallel --pipe` block).

use crate::cli::ExtractArgs;
use anyhow::{Context, Result};
use chrono::NaiveDate;
use serde::Deserialize;
use std::io::{BufRead, Write};
use std::process::ExitCode;
use vntask_extractor::{Extraction, Options};
use vntask_writer::{AtomicFile, DocumentRecord, DocumentStatus};

pub fn run(args: &ExtractArgs) -> Result<ExitCode> {
    if !args.inputs.is_empty() {
        anyhow::bail!("--stdin-jsonl reads stdin only; remove the INPUTS arguments");
    }
    let stdin = std::io::stdin();
    let mut tasks_file = match &args.output {
        Some(path) => Some(AtomicFile::create(path, false)?),
        None => None,
    };
    let mut documents = match &args.documents {
        Some(path) => Some(AtomicFile::create(path, false)?),
        None => None,
    };
    let stdout = std::io::stdout();
    let mut stdout = stdout.lock();
    let counts = {
        let mut sink = |kind: Output, line: &[u8]| -> Result<()> {
            match kind {
                Output::Task => match tasks_file.as_mut() {
                    Some(file) => file.write_line(line)?,
                    None => {
                        stdout.write_all(line)?;
                        stdout.write_all(b"\n")?;
                    }
                },
                Output::Document => {
                    if let Some(file) = documents.as_mut() {
                        file.write_line(line)?;
                    }
                }
                Output::EndOfInputLine => {
                    if tasks_file.is_none() {
                        stdout.flush()?;
                    }
                }
            }
            Ok(())
        };
        stream(stdin.lock(), args.reference_date, &mut sink)?
    };
    if let Some(file) = tasks_file {
        file.commit()?;
    }
    if let Some(file) = documents {
        file.commit()?;
    }
    if !args.quiet {
        eprintln!(
            "vntask: {} lines ({} ok, {} error, {} skipped), {} tasks",
            counts.ok + counts.error + counts.skipped,
            counts.ok,
            counts.error,
            counts.skipped,
            counts.tasks
        );
    }
    Ok(if counts.error > 0 && !args.allow_errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// What a line handed to the sink is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Task,
    Document,
    /// Every record of one input line has been handed over (a good moment to flush).
    EndOfInputLine,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub ok: usize,
    pub error: usize,
    pub skipped: usize,
    pub tasks: usize,
}

/// One input line as the protocol defines it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Request {
    id: Id,
    text: String,
    #[serde(default)]
    reference_date: Option<String>,
}

/// Engines often number their rows: an integer id is taken as its decimal string.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Id {
    Text(String),
    Number(u64),
}

impl Id {
    fn into_string(self) -> String {
        match self {
            Id::Text(text) => text,
            Id::Number(number) => number.to_string(),
        }
    }
}

/// Reads requests from `input` and hands every output line to `sink`, in input order.
/// Only I/O errors stop the stream; a bad line becomes an `error` document record.
pub fn stream<R, S>(mut input: R, default_date: Option<NaiveDate>, sink: &mut S) -> Result<Counts>
where
    R: BufRead,
    S: FnMut(Output, &[u8]) -> Result<()>,
{
    let mut counts = Counts::default();
    let mut raw = Vec::with_capacity(1 << 16);
    let mut out = Vec::with_capacity(4096);
    let mut number = 0usize;
    loop {
        raw.clear();
        let read = input
            .read_until(b'\n', &mut raw)
            .context("cannot read stdin")?;
        if read == 0 {
            break;
        }
        number += 1;
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let extraction = handle_line(&raw, number, default_date);
        for task in &extraction.tasks {
            out.clear();
            serde_json::to_writer(&mut out, task)?;
            sink(Output::Task, &out)?;
        }
        out.clear();
        serde_json::to_writer(&mut out, &extraction.document)?;
        sink(Output::Document, &out)?;
        sink(Output::EndOfInputLine, &[])?;
        match extraction.document.status {
            DocumentStatus::Ok => counts.ok += 1,
            DocumentStatus::Error => counts.error += 1,
            DocumentStatus::Skipped => counts.skipped += 1,
        }
        counts.tasks += extraction.tasks.len();
    }
    Ok(counts)
}

/// Extracts one line, or explains why it cannot be read.
fn handle_line(raw: &[u8], number: usize, default_date: Option<NaiveDate>) -> Extraction {
    let request = match serde_json::from_slice::<Request>(raw) {
        Ok(request) => request,
        Err(error) => {
            let id = salvage_id(raw).unwrap_or_else(|| format!("line-{number}"));
            return failed(id, raw, format!("line {number}: not a request: {error}"));
        }
    };
    let id = request.id.into_string();
    let reference_date = match request.reference_date.as_deref() {
        None => default_date,
        Some(text) => match crate::cli::parse_date(text) {
            Ok(date) => Some(date),
            Err(why) => {
                return failed(
                    id,
                    request.text.as_bytes(),
                    format!("line {number}: reference_date {text:?}: {why}"),
                )
            }
        },
    };
    let options = Options {
        doc_id: id.clone(),
        path: id.clone(),
        reference_date,
        gazetteer: None,
    };
    vntask_extractor::extract(request.text.as_bytes(), &format!("{id}.txt"), &options)
}

/// The `id` of a line that is valid JSON but not a valid request (e.g. `text` missing).
fn salvage_id(raw: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(raw).ok()?;
    match value.get("id")? {
        serde_json::Value::String(text) => Some(text.clone()),
        serde_json::Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

fn failed(id: String, bytes: &[u8], reason: String) -> Extraction {
    Extraction {
        document: DocumentRecord::failed(
            id.clone(),
            id,
            bytes,
            DocumentStatus::Error,
            reason,
            vntask_extractor::VERSION,
        ),
        tasks: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the protocol over `input`; returns (task lines, document lines, counts).
    fn run_on(input: &str) -> (Vec<serde_json::Value>, Vec<serde_json::Value>, Counts) {
        let mut tasks = Vec::new();
        let mut documents = Vec::new();
        let mut sink = |kind: Output, line: &[u8]| -> Result<()> {
            match kind {
                Output::Task => tasks.push(serde_json::from_slice(line)?),
                Output::Document => documents.push(serde_json::from_slice(line)?),
                Output::EndOfInputLine => {}
            }
            Ok(())
        };
        let counts = stream(input.as_bytes(), None, &mut sink).unwrap();
        (tasks, documents, counts)
    }

    fn seed(name: &str) -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("seeds")
            .join(name);
        std::fs::read_to_string(path).unwrap()
    }

    fn request(id: &str, text: &str) -> String {
        serde_json::json!({"id": id, "text": text}).to_string()
    }

    #[test]
    fn same_records_as_extracting_the_text_directly() {
        let text = seed("000_f2bc9af13eb5ee11.txt");
        let (tasks, documents, counts) = run_on(&request("a/b", &text));
        let direct = vntask_extractor::extract(
            text.as_bytes(),
            "a/b.txt",
            &Options {
                doc_id: "a/b".into(),
                path: "a/b".into(),
                reference_date: None,
                gazetteer: None,
            },
        );
        assert!(!direct.tasks.is_empty(), "the seed has tasks");
        let expected: Vec<serde_json::Value> = direct
            .tasks
            .iter()
            .map(|t| serde_json::to_value(t).unwrap())
            .collect();
        assert_eq!(tasks, expected);
        assert_eq!(documents.len(), 1);
        assert_eq!(documents[0]["id"], "a/b");
        assert_eq!(documents[0]["status"], "ok");
        assert_eq!(counts.ok, 1);
        assert_eq!(counts.tasks, expected.len());
    }

    #[test]
    fn malformed_lines_give_error_records_and_the_stream_goes_on() {
        let good = request(
            "good",
            "Bộ Tài chính chủ trì, hoàn thành trong tháng 6 năm 2025.",
        );
        let input = format!(
            "{{not json\n{}\n[1,2]\n{{\"id\":\"no-text\"}}\n{{\"id\":7,\"text\":\"x\",\"reference_date\":\"19/7/2024\"}}\n\n{good}\n",
            r#"{"id":"extra","text":"x","colour":"red"}"#
        );
        let (_tasks, documents, counts) = run_on(&input);
        let ids: Vec<&str> = documents
            .iter()
            .map(|d| d["id"].as_str().unwrap())
            .collect();
        // The blank line gives no record; every other line gives exactly one, in order.
        assert_eq!(ids, ["line-1", "extra", "line-3", "no-text", "7", "good"]);
        let statuses: Vec<&str> = documents
            .iter()
            .map(|d| d["status"].as_str().unwrap())
            .collect();
        assert_eq!(
            statuses,
            ["error", "error", "error", "error", "error", "ok"]
        );
        assert!(documents[3]["error"]
            .as_str()
            .unwrap()
            .contains("missing field `text`"));
        assert!(documents[4]["error"]
            .as_str()
            .unwrap()
            .contains("reference_date"));
        assert_eq!(counts.error, 5);
        assert_eq!(counts.ok, 1);
    }

    #[test]
    fn integer_ids_and_reference_dates_are_honoured() {
        // A relative deadline needs a reference date when the text has no date of its own.
        let text = "Giao Bộ Tài chính chủ trì, phối hợp với các bộ, ngành liên quan xây dựng Đề án, trình Chính phủ trong tháng 9.";
        let line = serde_json::json!({"id": 42, "text": text, "reference_date": "2024-07-19"});
        let (tasks, documents, _) = run_on(&line.to_string());
        assert_eq!(documents[0]["id"], "42");
        assert_eq!(documents[0]["reference_date"], "2024-07-19");
        assert_eq!(documents[0]["reference_date_source"], "option");
        assert!(!tasks.is_empty());
        for task in &tasks {
            assert_eq!(task["doc"]["id"], "42");
        }
    }

    #[test]
    fn a_line_without_newline_at_the_end_is_read() {
        let (_, documents, _) = run_on(&request("last", "Văn bản."));
        assert_eq!(documents.len(), 1);
        assert_eq!(documents[0]["id"], "last");
    }
}
