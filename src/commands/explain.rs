//! `vntask explain` (not implemented yet).

use anyhow::Result;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The document.
    pub file: Option<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(_args: ExplainArgs) -> Result<ExitCode> {
    anyhow::bail!("vntask explain is not implemented yet")
}
