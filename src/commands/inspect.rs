//! `vntask inspect FILE [--json]`: what ingest made of one document: its metadata, its
//! footnotes and its section tree, every block with its byte span.

use anyhow::{Context, Result};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;
use vntask_ingest::inspect::{outline, to_json};
use vntask_ingest::IngestOptions;

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// The document.
    pub file: PathBuf,
    /// Print JSON (one object) instead of the readable outline.
    #[arg(long)]
    pub json: bool,
    /// Block texts longer than this are cut in the outline (0: never).
    #[arg(long, default_value_t = 160)]
    pub width: usize,
}

pub fn run(args: InspectArgs) -> Result<ExitCode> {
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match vntask_ingest::read(&bytes, &name, &IngestOptions::default()) {
        Ok(document) => {
            let out = if args.json {
                let mut text = serde_json::to_string_pretty(&to_json(&document))?;
                text.push('\n');
                text
            } else {
                outline(&document, args.width)
            };
            print!("{out}");
            Ok(ExitCode::SUCCESS)
        }
        Err(error) if error.is_skip() => {
            eprintln!("{}: skipped: {error}", args.file.display());
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            eprintln!("{}: error: {error}", args.file.display());
            Ok(ExitCode::from(1))
        }
    }
}
