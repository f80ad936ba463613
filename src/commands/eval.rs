use crate::cli::EvalArgs;
use anyhow::Result;
use std::process::ExitCode;
pub fn run(_a: EvalArgs) -> Result<ExitCode> {
    anyhow::bail!("not yet")
}
