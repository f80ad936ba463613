//! The "who" and repetition scores: right when the prediction has the gold's, wrong (and
//! listed) when a support or a repetition is missing or extra.

use super::*;

const TEXT: &str =
    "1. Bộ Y tế chủ trì, phối hợp với Bộ Tài chính hoàn thiện Đề án, báo cáo định kỳ hằng quý.\n";

fn predicted() -> Vec<TaskRecord> {
    let options = vntask_extractor::Options {
        doc_id: "t".to_string(),
        path: "t.txt".to_string(),
        reference_date: None,
        gazetteer: None,
    };
    vntask_extractor::extract(TEXT.as_bytes(), "t.txt", &options).tasks
}

fn gold(support: &[&str], recurring: Option<&str>) -> GoldTask {
    serde_json::from_value(serde_json::json!({
        "id": "t-01",
        "anchor": "hoàn thiện Đề án",
        "lead": ["Bộ Y tế"],
        "lead_groups": [],
        "support": support,
        "support_groups": [],
        "recurring": recurring,
    }))
    .expect("a gold line")
}

#[test]
fn the_gold_who_and_repetition_score_right() {
    let score = score_document(
        "t",
        TEXT,
        &[gold(&["Bộ Tài chính"], Some("quarterly"))],
        &predicted(),
    );
    assert_eq!(score.matched_required, 1);
    assert_eq!((score.roles_correct, score.roles_total), (1, 1));
    assert_eq!((score.recurring_correct, score.recurring_total), (1, 1));
    assert!(score.problems.is_empty(), "{:?}", score.problems);
}

#[test]
fn a_missing_support_and_an_extra_repetition_score_wrong() {
    let score = score_document("t", TEXT, &[gold(&[], None)], &predicted());
    assert_eq!(score.matched_required, 1);
    assert_eq!((score.roles_correct, score.roles_total), (0, 1));
    assert_eq!((score.recurring_correct, score.recurring_total), (0, 1));
    assert!(score.problems.iter().any(|p| p.starts_with("roles t-01")));
    assert!(score
        .problems
        .iter()
        .any(|p| p.starts_with("recurring t-01")));
    // The lead is still right: roles are scored apart from it.
    assert_eq!((score.lead_correct, score.lead_total), (1, 1));
}
