//! `vntask agencies`: lists the gazetteer (a table, or JSON Lines with `--json`), so users can
//! see which bodies, aliases and mergers are covered.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::Args;
use std::io::{ErrorKind, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use vntask_extractor::agencies::{Entry, Gazetteer};

#[derive(Debug, Args)]
pub struct AgenciesArgs {
    /// Print one JSON object a line instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Extra gazetteer file (same tab-separated format as the built-in data) to add.
    #[arg(long, value_name = "FILE")]
    pub agencies: Option<PathBuf>,
    /// Only bodies that existed on this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub on: Option<NaiveDate>,
    /// Only bodies of this kind (ministry, ministry_level, government_agency, state_body,
    /// organisation, party, committee, department, enterprise, province, city, provincial_body).
    #[arg(long)]
    pub kind: Option<String>,
}

fn kind_name(entry: &Entry) -> String {
    serde_json::to_value(entry.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

pub fn run(args: AgenciesArgs) -> Result<ExitCode> {
    match print(&args, &mut std::io::stdout().lock()) {
        // `vntask agencies | head`: a closed pipe ends the listing quietly.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == ErrorKind::BrokenPipe) =>
        {
            Ok(ExitCode::SUCCESS)
        }
        other => other,
    }
}

fn print(args: &AgenciesArgs, out: &mut impl Write) -> Result<ExitCode> {
    let extended;
    let gazetteer = match &args.agencies {
        Some(path) => {
            extended = Gazetteer::with_extra(path)
                .with_context(|| format!("reading agencies file {}", path.display()))?;
            &extended
        }
        None => Gazetteer::builtin(),
    };
    let entries: Vec<&Entry> = gazetteer
        .entries()
        .iter()
        .filter(|e| args.on.is_none() || e.valid_on(args.on))
        .filter(|e| args.kind.as_deref().is_none_or(|k| kind_name(e) == k))
        .collect();
    let current = |e: &Entry| gazetteer.current(&e.id).map(|c| c.name.clone());
    if args.json {
        for e in entries {
            let value = serde_json::json!({
                "id": e.id,
                "kind": e.kind,
                "name": e.name,
                "aliases": e.aliases,
                "from": e.from.map(|d| d.to_string()),
                "to": e.to.map(|d| d.to_string()),
                "successor": e.successor,
                "predecessors": e.predecessors,
                "current": current(e),
                "source": e.source,
            });
            writeln!(out, "{value}")?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "{:<44} {:<17} {:<10} {:<10} {:<48} current",
        "id", "kind", "from", "to", "name"
    )?;
    for e in entries {
        writeln!(
            out,
            "{:<44} {:<17} {:<10} {:<10} {:<48} {}",
            e.id,
            kind_name(e),
            date(e.from),
            date(e.to),
            e.name,
            current(e).unwrap_or_default()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(args: AgenciesArgs) -> String {
        let mut out = Vec::new();
        print(&args, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn args() -> AgenciesArgs {
        AgenciesArgs {
            json: false,
            agencies: None,
            on: None,
            kind: None,
        }
    }

    #[test]
    fn the_table_shows_mergers_and_filters() {
        let table = listing(AgenciesArgs {
            kind: Some("ministry".into()),
            ..args()
        });
        let line = table
            .lines()
            .find(|l| l.starts_with("bo-thong-tin-va-truyen-thong "))
            .unwrap();
        assert!(line.contains("2025-02-28") && line.ends_with("Bộ Khoa học và Công nghệ"));
        assert!(!table.contains("p-ha-noi"), "kind filter");
        let after = listing(AgenciesArgs {
            on: NaiveDate::from_ymd_opt(2025, 7, 1),
            kind: Some("province".into()),
            ..args()
        });
        assert!(after.contains("p-quang-ninh") && !after.contains("p-ha-giang"));
    }

    #[test]
    fn json_lines_carry_links_and_extra_entries() {
        let dir = tempfile::tempdir().unwrap();
        let extra = dir.path().join("extra.tsv");
        std::fs::write(&extra, "x-to\tcommittee\tTổ thử\tTT thử\t\t\t\tQĐ thử\n").unwrap();
        let json = listing(AgenciesArgs {
            json: true,
            agencies: Some(extra),
            ..args()
        });
        let rows: Vec<serde_json::Value> = json
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let merged = rows
            .iter()
            .find(|r| r["id"] == "bo-nong-nghiep-va-moi-truong")
            .unwrap();
        assert_eq!(merged["predecessors"].as_array().unwrap().len(), 2);
        assert_eq!(merged["kind"], "ministry");
        assert!(rows
            .iter()
            .any(|r| r["id"] == "x-to" && r["aliases"][0] == "TT thử"));
        let bad = print(
            &AgenciesArgs {
                agencies: Some(dir.path().join("missing.tsv")),
                ..args()
            },
            &mut Vec::new(),
        );
        assert!(bad.is_err());
    }
}
