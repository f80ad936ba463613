//! The feed of every fixture document, as an insta snapshot of the fields a reviewer checks:
//! section, text, lead, support, deadline, targets and the rules that fired. Review a change
//! with `cargo insta review`; a snapshot is accepted only after reading it against the document.

use std::path::Path;
use vntask_extractor::Options;

fn summary(path: &Path) -> Vec<serde_json::Value> {
    let bytes = std::fs::read(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let options = Options {
        doc_id: path.file_stem().unwrap().to_string_lossy().into_owned(),
        path: name.clone(),
        reference_date: None,
        gazetteer: None,
    };
    vntask_extractor::extract(&bytes, &name, &options)
        .tasks
        .into_iter()
        .map(|task| {
            serde_json::json!({
                "section": task.section,
                "text": task.text,
                "lead": task.lead.iter().map(|a| a.name.clone()).collect::<Vec<_>>(),
                "lead_groups": task.lead_groups,
                "support": task.support.iter().map(|a| a.name.clone()).collect::<Vec<_>>(),
                "support_groups": task.support_groups,
                "due": task.deadline.as_ref().and_then(|d| d.due.clone()),
                "due_text": task.deadline.as_ref().map(|d| d.text.clone()),
                "recurring": task.recurring,
                "targets": task.targets.iter().map(|t| format!("{} {}", t.value, t.unit)).collect::<Vec<_>>(),
                "rules": task.rules,
            })
        })
        .collect()
}

#[test]
fn fixture_feeds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/docs");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    assert!(paths.len() >= 4, "fixture documents missing");
    for path in paths {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_yaml_snapshot!(name, summary(&path));
    }
}
