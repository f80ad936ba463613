//! One module per subcommand.

pub mod agencies;
mod eval;
pub mod explain;
mod extract;
pub mod inspect;
pub mod report;
mod rules;
pub mod stdin_jsonl;

use crate::cli::{Cli, Command};
use anyhow::Result;
use std::process::ExitCode;

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Inspect(args) => inspect::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Agencies(args) => agencies::run(args),
        Command::Report(args) => report::run(args),
        Command::Export(args) => report::export(args),
    }
}
