//! `vntask report` (a self-contained HTML page of a task feed) and `vntask export` (CSV).
//!
//! The report's date (`--as-of`) decides which tasks are overdue. It defaults to the latest
//! document date found in the feed (and in `--documents`, where reference dates count too),
//! never to the day of the run: the same feed always gives the same page.

mod csv_export;
mod feed;
mod html;
mod model;

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vntask_writer::AtomicFile;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The task feed (JSON Lines of task records).
    pub feed: PathBuf,
    /// The document list written by `extract --documents` (adds documents without tasks, and
    /// their reference dates for the default `--as-of`).
    #[arg(long)]
    pub documents: Option<PathBuf>,
    /// The date overdue is judged against (YYYY-MM-DD). Default: the latest document date in
    /// the feed; an error when no document has a date.
    #[arg(long, value_parser = crate::cli::parse_date)]
    pub as_of: Option<chrono::NaiveDate>,
    /// Write the page here (default: stdout). Written atomically.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Comma-separated values, UTF-8 with a byte order mark.
    Csv,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The task feed (JSON Lines of task records).
    pub feed: PathBuf,
    #[arg(long, value_enum, default_value = "csv")]
    pub format: ExportFormat,
    /// Write the file here (default: stdout). Written atomically.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

pub fn run(args: ReportArgs) -> Result<ExitCode> {
    let tasks = feed::read_tasks(&args.feed)?;
    let documents = match &args.documents {
        Some(path) => feed::read_documents(path)?,
        None => Vec::new(),
    };
    let Some(as_of) = model::choose_as_of(args.as_of, &tasks, &documents) else {
        bail!(
            "no document in {} has a date to judge overdue tasks by; pass --as-of YYYY-MM-DD",
            args.feed.display()
        );
    };
    let feed_name = args
        .feed
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let data = model::build(&tasks, &documents, as_of, &feed_name);
    let page = html::render(&data)?;
    write_output(args.output.as_deref(), page.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

pub fn export(args: ExportArgs) -> Result<ExitCode> {
    let tasks = feed::read_tasks(&args.feed)?;
    let bytes = match args.format {
        ExportFormat::Csv => csv_export::to_csv(&tasks)?,
    };
    write_output(args.output.as_deref(), &bytes)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes `bytes` to `path` atomically, or to stdout.
fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match path {
        Some(path) => {
            let mut file = AtomicFile::create(path, false)?;
            // `write_line` adds the final newline.
            file.write_line(bytes.strip_suffix(b"\n").unwrap_or(bytes))?;
            file.commit()?;
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)
                .and_then(|_| out.flush())
                .context("cannot write to stdout")?;
        }
    }
    Ok(())
}
