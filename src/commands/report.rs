//! `vntask report` and `vntask export` (not implemented yet).

use anyhow::Result;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The task feed (JSON Lines).
    pub feed: PathBuf,
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The task feed (JSON Lines).
    pub feed: PathBuf,
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

pub fn run(_args: ReportArgs) -> Result<ExitCode> {
    anyhow::bail!("vntask report is not implemented yet")
}

pub fn export(_args: ExportArgs) -> Result<ExitCode> {
    anyhow::bail!("vntask export is not implemented yet")
}
