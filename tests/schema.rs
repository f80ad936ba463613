//! Every record of the seeds' feed validates against the JSON Schemas in `schemas/`.

use std::path::Path;
use std::process::Command;

fn validator(name: &str) -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schemas")
        .join(name);
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

fn check_lines(validator: &jsonschema::Validator, text: &str) -> usize {
    let mut count = 0;
    for (number, line) in text.lines().enumerate() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "line {}: {:?}\n{line}",
            number + 1,
            errors
        );
        count += 1;
    }
    count
}

#[test]
fn seeds_feed_validates_against_schemas() {
    let dir = tempfile::tempdir().unwrap();
    let tasks = dir.path().join("tasks.jsonl");
    let docs = dir.path().join("docs.jsonl");
    let status = Command::new(env!("CARGO_BIN_EXE_vntask"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["extract", "seeds", "--quiet", "-o"])
        .arg(&tasks)
        .arg("--documents")
        .arg(&docs)
        .status()
        .unwrap();
    assert!(status.success());
    let task_count = check_lines(
        &validator("task.schema.json"),
        &std::fs::read_to_string(&tasks).unwrap(),
    );
    let doc_count = check_lines(
        &validator("document.schema.json"),
        &std::fs::read_to_string(&docs).unwrap(),
    );
    assert_eq!(doc_count, 5);
    assert!(task_count > 0);
}

#[test]
fn schemas_reject_a_broken_record() {
    let task = validator("task.schema.json");
    let broken = serde_json::json!({"schema": "vntask.task/1", "id": "not-hex"});
    assert!(!task.is_valid(&broken));
    let doc = validator("document.schema.json");
    let failed_without_reason = serde_json::json!({
        "schema": "vntask.document/1", "id": "a", "path": "a", "sha256": "0".repeat(64), "bytes": 0,
        "type": "other", "number": null, "date": null, "title": null, "status": "error", "error": null,
        "tasks": 0, "vntask_version": "0.1.0"
    });
    assert!(!doc.is_valid(&failed_without_reason));
}
