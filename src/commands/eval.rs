//! `vntask eval --gold DIR [--docs DIR]`: precision, recall, F1 and field accuracies.

use crate::cli::EvalArgs;
use crate::eval::{score_document, GoldTask, Score};
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vntask_extractor::Options;

pub fn run(args: EvalArgs) -> Result<ExitCode> {
    let mut gold_files: Vec<PathBuf> = std::fs::read_dir(&args.gold)
        .with_context(|| format!("{}: cannot read gold directory", args.gold.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    gold_files.sort();
    if gold_files.is_empty() {
        bail!("{}: no gold files (*.jsonl)", args.gold.display());
    }
    let mut scores = Vec::new();
    let mut total = Score {
        doc: "overall".to_string(),
        ..Score::default()
    };
    for gold_file in &gold_files {
        let stem = gold_file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let gold = read_gold(gold_file)?;
        let Some(doc_path) = find_document(&args.docs, &stem) else {
            bail!(
                "no document for gold file {} in {}",
                gold_file.display(),
                args.docs.display()
            );
        };
        let bytes = std::fs::read(&doc_path)
            .with_context(|| format!("{}: cannot read", doc_path.display()))?;
        let name = doc_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let options = Options {
            doc_id: stem.clone(),
            path: doc_path.display().to_string(),
            reference_date: None,
            gazetteer: None,
        };
        let extraction = vntask_extractor::extract(&bytes, &name, &options);
        let source = match vntask_ingest::read(&bytes, &name, &Default::default()) {
            Ok(document) => document.source,
            Err(_) => String::from_utf8_lossy(&bytes).into_owned(),
        };
        let score = score_document(&stem, &source, &gold, &extraction.tasks);
        total.add(&score);
        scores.push(score);
    }
    if args.json {
        let out = serde_json::json!({
            "documents": scores,
            "overall": total,
            "lead_accuracy": total.lead_accuracy(),
            "due_accuracy": total.due_accuracy(),
            "target_accuracy": total.target_accuracy(),
            "roles_accuracy": total.roles_accuracy(),
            "recurring_accuracy": total.recurring_accuracy(),
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        print_table(&scores, &total, args.verbose);
    }
    if let Some(min) = args.min_f1 {
        if total.f1 < min {
            eprintln!(
                "vntask eval: F1 {:.3} is under --min-f1 {:.3}",
                total.f1, min
            );
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn read_gold(path: &Path) -> Result<Vec<GoldTask>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(number, line)| {
            serde_json::from_str(line)
                .with_context(|| format!("{}:{}: not a gold task", path.display(), number + 1))
        })
        .collect()
}

/// The document whose stem is `stem` (any extension) in `dir`.
fn find_document(dir: &Path, stem: &str) -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_stem().is_some_and(|s| s == stem) && p.is_file())
        .collect();
    found.sort();
    found.into_iter().next()
}

fn print_table(scores: &[Score], total: &Score, verbose: bool) {
    println!(
        "{:<24} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7} {:>7} {:>7}",
        "document",
        "gold",
        "pred",
        "match",
        "P",
        "R",
        "F1",
        "lead",
        "due",
        "target",
        "roles",
        "recur"
    );
    for score in scores.iter().chain(std::iter::once(total)) {
        println!(
            "{:<24} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>7} {:>7} {:>7} {:>7} {:>7}",
            score.doc,
            score.gold_required,
            score.predicted,
            score.matched_required,
            score.precision,
            score.recall,
            score.f1,
            format!("{}/{}", score.lead_correct, score.lead_total),
            format!("{}/{}", score.due_correct, score.due_total),
            format!("{}/{}", score.target_correct, score.target_total),
            format!("{}/{}", score.roles_correct, score.roles_total),
            format!("{}/{}", score.recurring_correct, score.recurring_total),
        );
    }
    println!(
        "overall: P {:.3} R {:.3} F1 {:.3} | lead {:.3} | due {:.3} | target {:.3} | roles {:.3} | recurring {:.3}",
        total.precision,
        total.recall,
        total.f1,
        total.lead_accuracy(),
        total.due_accuracy(),
        total.target_accuracy(),
        total.roles_accuracy(),
        total.recurring_accuracy()
    );
    if verbose {
        for score in scores {
            for problem in &score.problems {
                println!("{}: {}", score.doc, problem);
            }
        }
    }
}
