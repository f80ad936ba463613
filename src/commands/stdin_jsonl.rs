//! `vntask extract --stdin-jsonl` (not implemented yet).

use crate::cli::ExtractArgs;
use anyhow::Result;
use std::process::ExitCode;

pub fn run(_args: &ExtractArgs) -> Result<ExitCode> {
    anyhow::bail!("--stdin-jsonl is not implemented yet")
}
