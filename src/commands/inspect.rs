//! `vntask inspect` (not implemented yet).

use anyhow::Result;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// The document.
    pub file: Option<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(_args: InspectArgs) -> Result<ExitCode> {
    anyhow::bail!("vntask inspect is not implemented yet")
}
