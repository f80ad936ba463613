//! `vntask agencies` (not implemented yet).

use anyhow::Result;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct AgenciesArgs {
    /// The document.
    pub file: Option<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(_args: AgenciesArgs) -> Result<ExitCode> {
    anyhow::bail!("vntask agencies is not implemented yet")
}
