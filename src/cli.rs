//! Command-line interface.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "vntask",
    version,
    about = "Extract assigned tasks from Vietnamese government documents into JSON Lines"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract tasks from documents (files or directories, `-` for stdin) into JSON Lines.
    Extract(ExtractArgs),
    /// List the extraction rules (id, family, description, example count).
    Rules(RulesArgs),
    /// Score extraction against gold annotations.
    Eval(EvalArgs),
    /// Show the metadata, footnotes and section tree that ingest reads from a document.
    Inspect(crate::commands::inspect::InspectArgs),
    /// Show every mention found in a document, the rule that matched it, and the tasks built.
    Explain(crate::commands::explain::ExplainArgs),
    /// List the agency gazetteer.
    Agencies(crate::commands::agencies::AgenciesArgs),
    /// Turn a task feed into a self-contained HTML report.
    Report(crate::commands::report::ReportArgs),
    /// Export a task feed to another format (CSV).
    Export(crate::commands::report::ExportArgs),
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or directories (read recursively, sorted); none or `-` reads stdin.
    pub inputs: Vec<PathBuf>,
    /// Write the task feed here (default, or `-`: stdout). Written atomically.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Write one document record per input here.
    #[arg(long)]
    pub documents: Option<PathBuf>,
    /// Worker threads (default: the number of cores).
    #[arg(short, long)]
    pub jobs: Option<usize>,
    /// Reference date for deadlines of documents that state no date of their own (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub reference_date: Option<chrono::NaiveDate>,
    /// Exit 0 even when some documents failed.
    #[arg(long)]
    pub allow_errors: bool,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    pub quiet: bool,
    /// Skip inputs larger than this (bytes; `K`, `M`, `G` suffixes of 1024). Each skipped
    /// input still gets a document record.
    #[arg(long, value_parser = parse_size, default_value = "512M")]
    pub max_bytes: u64,
    /// Continue an interrupted run from the `.partial` files it left (needs `-o` and
    /// `--documents`): documents already recorded, by path and content hash, are not read
    /// again, and the final files equal those of an uninterrupted run.
    #[arg(long, requires_all = ["output", "documents"])]
    pub resume: bool,
    /// Read one JSON object per line from stdin (`{"id", "text", "reference_date"}`) and
    /// stream task records to stdout (for Spark's `RDD.pipe`, xargs, GNU parallel).
    #[arg(long)]
    pub stdin_jsonl: bool,
    /// Add bodies and aliases to the agency gazetteer from FILE (same format as the built-in
    /// data, see `vntask agencies`), without a rebuild.
    #[arg(long, value_name = "FILE")]
    pub agencies: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Directory of gold files (`<doc-stem>.jsonl`).
    #[arg(long)]
    pub gold: PathBuf,
    /// Directory of the documents (default: `seeds`).
    #[arg(long, default_value = "seeds")]
    pub docs: PathBuf,
    /// Exit non-zero when the overall F1 is below this.
    #[arg(long)]
    pub min_f1: Option<f64>,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
    /// List every miss, false positive and wrong field.
    #[arg(short, long)]
    pub verbose: bool,
}

/// A byte count: `1000`, `64K`, `512M`, `2G` (powers of 1024; a trailing `B`/`iB` is allowed).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let upper = text.trim().to_ascii_uppercase();
    let upper = upper
        .strip_suffix("IB")
        .or_else(|| upper.strip_suffix('B'))
        .unwrap_or(&upper);
    let (digits, shift) = match upper.chars().last() {
        Some('K') => (&upper[..upper.len() - 1], 10),
        Some('M') => (&upper[..upper.len() - 1], 20),
        Some('G') => (&upper[..upper.len() - 1], 30),
        Some('T') => (&upper[..upper.len() - 1], 40),
        _ => (upper, 0),
    };
    let number: u64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("expected a size such as 1000, 64K, 512M or 2G, not {text:?}"))?;
    number
        .checked_mul(1u64 << shift)
        .ok_or_else(|| format!("size too large: {text:?}"))
}

pub fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}
