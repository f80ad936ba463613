//! One module per subcommand.

mod eval;
mod extract;
mod rules;

use crate::cli::{Cli, Command};
use anyhow::Result;
use std::process::ExitCode;

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Eval(args) => eval::run(args),
    }
}
