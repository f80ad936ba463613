//! `vntask explain` and `vntask rules` drive the same rules as `extract`: explain's task list
//! equals the feed, on every seed, and its filters keep what they say.

use std::path::Path;
use std::process::Command;

fn vntask(args: &[&str]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_vntask"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

fn seeds() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| format!("seeds/{}", e.file_name().to_string_lossy()))
        .collect();
    paths.sort();
    paths
}

#[test]
fn explain_lists_the_same_tasks_as_extract_on_every_seed() {
    for seed in seeds() {
        let (ok, feed) = vntask(&["extract", "--quiet", &seed]);
        assert!(ok, "extract failed on {seed}");
        let feed_ids: Vec<String> = feed
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        let (ok, json) = vntask(&["explain", "--json", &seed]);
        assert!(ok, "explain failed on {seed}");
        let explained: serde_json::Value = serde_json::from_str(&json).unwrap();
        let explain_ids: Vec<String> = explained["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(feed_ids, explain_ids, "{seed}");
        assert!(
            !explained["blocks"].as_array().unwrap().is_empty(),
            "{seed}: no blocks"
        );
        let (ok, plain) = vntask(&["explain", &seed]);
        assert!(ok);
        assert!(
            plain.contains(&format!("{} tasks", feed_ids.len())),
            "{seed}"
        );
        assert!(!plain.contains('\u{1b}'), "no colours when not a terminal");
    }
}

#[test]
fn explain_rule_filter_keeps_only_that_rule() {
    let (ok, json) = vntask(&[
        "explain",
        "--json",
        "--rule",
        "TK004",
        "seeds/002_cc042c5462137913.txt",
    ]);
    assert!(ok);
    let explained: serde_json::Value = serde_json::from_str(&json).unwrap();
    let tasks = explained["tasks"].as_array().unwrap();
    assert!(
        !tasks.is_empty(),
        "the report's task tables give TK004 tasks"
    );
    for task in tasks {
        assert!(task["rules"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "TK004"));
    }
}

#[test]
fn rules_lists_every_rule_with_examples() {
    let (ok, out) = vntask(&["rules", "--json"]);
    assert!(ok);
    let rules: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(rules.len() >= 8);
    for family in ["AG", "DL", "TG", "TK"] {
        assert!(
            rules
                .iter()
                .any(|r| r["id"].as_str().unwrap().starts_with(family)),
            "{family}"
        );
    }
    assert!(rules
        .iter()
        .all(|r| !r["examples"].as_array().unwrap().is_empty()));
}
