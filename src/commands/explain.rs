//! `vntask explain FILE`: every block with what the rules found in it, then the tasks built
//! and the rules that built them. Colours on a terminal, plain otherwise, `--json` for tools.

use anyhow::{Context, Result};
use clap::Args;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use vntask_extractor::explain::{annotate, BlockFindings};
use vntask_extractor::Options;
use vntask_writer::TaskRecord;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The document.
    pub file: PathBuf,
    /// Show only findings and tasks of this rule (e.g. DL003).
    #[arg(long)]
    pub rule: Option<String>,
    /// Show only blocks whose section path starts with this (e.g. B.II.3).
    #[arg(long)]
    pub section: Option<String>,
    /// Reference date when the document states none (YYYY-MM-DD).
    #[arg(long, value_parser = crate::cli::parse_date)]
    pub reference_date: Option<chrono::NaiveDate>,
    /// Print JSON (blocks with findings, then tasks).
    #[arg(long)]
    pub json: bool,
}

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

pub fn run(args: ExplainArgs) -> Result<ExitCode> {
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("{}: cannot read", args.file.display()))?;
    let name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let document = vntask_ingest::read(&bytes, &name, &Default::default())
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    let options = Options {
        doc_id: args
            .file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: args.file.display().to_string(),
        reference_date: args.reference_date,
        gazetteer: None,
    };
    let extraction = vntask_extractor::extract_document(&document, &bytes, &options);
    let reference = extraction
        .document
        .reference_date
        .as_deref()
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let rule = args.rule.as_deref().map(str::to_ascii_uppercase);
    let mut blocks = annotate(&document, reference);
    if let Some(prefix) = &args.section {
        blocks.retain(|b| b.section.starts_with(prefix.as_str()));
    }
    if let Some(rule) = &rule {
        for block in &mut blocks {
            block.findings.retain(|f| f.rule == rule.as_str());
        }
        blocks.retain(|b| !b.findings.is_empty());
    }
    let tasks: Vec<&TaskRecord> = extraction
        .tasks
        .iter()
        .filter(|t| rule.as_ref().is_none_or(|r| t.rules.contains(r)))
        .filter(|t| {
            args.section
                .as_ref()
                .is_none_or(|p| t.section.starts_with(p.as_str()))
        })
        .collect();
    if args.json {
        let out = serde_json::json!({ "document": extraction.document, "blocks": blocks, "tasks": tasks });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    let style = Style {
        on: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    print_document(&extraction.document, &style);
    for block in &blocks {
        print_block(block, &style);
    }
    println!("\n{}", style.paint("1", &format!("{} tasks", tasks.len())));
    for task in tasks {
        print_task(task, &style);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_document(doc: &vntask_writer::DocumentRecord, style: &Style) {
    println!(
        "{} type={} number={} date={} reference={} ({})",
        style.paint("1", &doc.path),
        doc.doc_type.as_str(),
        doc.number.as_deref().unwrap_or("-"),
        doc.date.as_deref().unwrap_or("-"),
        doc.reference_date.as_deref().unwrap_or("-"),
        doc.reference_date_source
            .map(|s| format!("{s:?}").to_lowercase())
            .unwrap_or_else(|| "none".into()),
    );
}

fn print_block(block: &BlockFindings, style: &Style) {
    let section = if block.section.is_empty() {
        "(top)"
    } else {
        block.section.as_str()
    };
    println!(
        "\n{} {} {}..{}",
        style.paint("36", section),
        style.paint("2", &format!("{:?}", block.kind).to_lowercase()),
        block.span.start,
        block.span.end
    );
    println!("  {}", block.text);
    for finding in &block.findings {
        let colour = match finding.kind {
            "agency" | "group" => "32",
            "deadline" => "33",
            _ => "35",
        };
        println!(
            "  {} {:<8} {:?} -> {}",
            style.paint(colour, finding.rule),
            finding.kind,
            finding.text,
            finding.value
        );
    }
}

fn print_task(task: &TaskRecord, style: &Style) {
    let lead: Vec<String> = task
        .lead
        .iter()
        .map(|a| a.name.clone())
        .chain(task.lead_groups.iter().map(|g| format!("[{}]", g.as_str())))
        .collect();
    let support: Vec<String> = task
        .support
        .iter()
        .map(|a| a.name.clone())
        .chain(
            task.support_groups
                .iter()
                .map(|g| format!("[{}]", g.as_str())),
        )
        .collect();
    println!(
        "\n{} {} rules={}",
        style.paint("36", &task.section),
        style.paint("2", &task.id),
        task.rules.join(",")
    );
    println!("  text:    {}", task.text);
    println!(
        "  lead:    {}",
        if lead.is_empty() {
            "-".into()
        } else {
            lead.join("; ")
        }
    );
    if !support.is_empty() {
        println!("  support: {}", support.join("; "));
    }
    if let Some(deadline) = &task.deadline {
        println!(
            "  due:     {} ({:?}, {:?})",
            deadline.due.as_deref().unwrap_or("null"),
            deadline.precision,
            deadline.text
        );
    }
    for target in &task.targets {
        println!(
            "  target:  {} {} ({:?})",
            target.value, target.unit, target.text
        );
    }
}
