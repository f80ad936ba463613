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
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or directories (read recursively, sorted); none or `-` reads stdin.
    pub inputs: Vec<PathBuf>,
    /// Write the task feed here (default: stdout). Written atomically.
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

pub fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}
