//! `vntask rules`: the rule registry.

use crate::cli::RulesArgs;
use anyhow::Result;
use std::process::ExitCode;

pub fn run(args: RulesArgs) -> Result<ExitCode> {
    let rules = vntask_extractor::rules::all();
    if args.json {
        for rule in rules {
            println!("{}", serde_json::to_string(rule)?);
        }
        return Ok(ExitCode::SUCCESS);
    }
    println!("{:<7} {:<9} {:>8}  description", "id", "family", "examples");
    for rule in rules {
        println!(
            "{:<7} {:<9} {:>8}  {}",
            rule.id,
            rule.family.name(),
            rule.examples.len(),
            rule.description
        );
    }
    Ok(ExitCode::SUCCESS)
}
