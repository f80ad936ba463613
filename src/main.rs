//! `vntask`: extract assigned tasks from Vietnamese government documents.

mod batch;
mod cli;
mod commands;
mod eval;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("vntask: error: {error:#}");
            ExitCode::from(2)
        }
    }
}
