//! `vntask export --format csv`: one row per task, the main fields flattened.
//!
//! Lists (agencies, groups, targets, rules) are joined with `"; "`. The file starts with a
//! UTF-8 byte order mark so that spreadsheet programs read Vietnamese correctly.

use anyhow::Result;
use vntask_writer::{AgencyGroup, AgencyRef, Precision, Relation, TaskRecord, TaskStatus};

/// The UTF-8 byte order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

pub const HEADER: [&str; 27] = [
    "id",
    "doc_id",
    "doc_path",
    "doc_type",
    "doc_number",
    "doc_date",
    "doc_title",
    "section",
    "kind",
    "lead",
    "lead_current",
    "support",
    "lead_groups",
    "support_groups",
    "action",
    "deliverable",
    "due",
    "precision",
    "relation",
    "deadline_text",
    "recurring",
    "targets",
    "status",
    "text",
    "span_start",
    "span_end",
    "rules",
];

/// The whole CSV file (BOM, header, one row per task).
pub fn to_csv(tasks: &[TaskRecord]) -> Result<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new().from_writer(BOM.to_vec());
    writer.write_record(HEADER)?;
    for task in tasks {
        writer.write_record(row(task))?;
    }
    Ok(writer.into_inner().map_err(|e| e.into_error())?)
}

fn row(t: &TaskRecord) -> [String; 27] {
    let deadline = t.deadline.as_ref();
    [
        t.id.clone(),
        t.doc.id.clone(),
        t.doc.path.clone(),
        t.doc.doc_type.as_str().to_string(),
        t.doc.number.clone().unwrap_or_default(),
        t.doc.date.clone().unwrap_or_default(),
        t.doc.title.clone().unwrap_or_default(),
        t.section.clone(),
        enum_name(&t.kind),
        names(&t.lead),
        t.lead
            .iter()
            .map(|a| a.current.as_deref().unwrap_or(&a.name))
            .collect::<Vec<_>>()
            .join("; "),
        names(&t.support),
        groups(&t.lead_groups),
        groups(&t.support_groups),
        t.action.clone().unwrap_or_default(),
        t.deliverable.clone().unwrap_or_default(),
        deadline.and_then(|d| d.due.clone()).unwrap_or_default(),
        deadline
            .map(|d| precision(d.precision))
            .unwrap_or_default()
            .to_string(),
        deadline
            .and_then(|d| d.relation)
            .map(relation)
            .unwrap_or_default()
            .to_string(),
        deadline.map(|d| d.text.clone()).unwrap_or_default(),
        t.recurring.as_ref().map(enum_name).unwrap_or_default(),
        t.targets
            .iter()
            .map(|x| x.text.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        t.status.map(status).unwrap_or_default().to_string(),
        t.text.clone(),
        t.span.start.to_string(),
        t.span.end.to_string(),
        t.rules.join("; "),
    ]
}

fn names(agencies: &[AgencyRef]) -> String {
    agencies
        .iter()
        .map(|a| a.name.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

fn groups(groups: &[AgencyGroup]) -> String {
    groups
        .iter()
        .map(|g| g.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The snake_case name serde gives a unit variant (the same word as in the JSON feed).
fn enum_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn precision(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Quarter => "quarter",
        Precision::Half => "half",
        Precision::Year => "year",
        Precision::Event => "event",
    }
}

fn relation(r: Relation) -> &'static str {
    match r {
        Relation::Before => "before",
        Relation::By => "by",
        Relation::Within => "within",
        Relation::On => "on",
    }
}

fn status(s: TaskStatus) -> &'static str {
    match s {
        TaskStatus::Completed => "completed",
        TaskStatus::InProgress => "in_progress",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::report::model::tests::task;
    use vntask_writer::{Recurring, TaskKind};

    #[test]
    fn file_starts_with_a_bom_and_quotes_commas_and_quotes() {
        let mut t = task(
            "abc",
            "doc1",
            &["Bộ Tài chính", "Bộ Y tế"],
            Some("2024-08-31"),
        );
        t.text = "Bộ Tài chính, Bộ Y tế trình \"Đề án\".".to_string();
        t.recurring = Some(Recurring::HalfYearly);
        t.kind = TaskKind::Exhortation;
        let bytes = to_csv(&[t]).unwrap();
        assert!(bytes.starts_with(BOM));
        let text = std::str::from_utf8(&bytes[BOM.len()..]).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(headers.iter().collect::<Vec<_>>(), HEADER.to_vec());
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 1);
        let field = |name: &str| {
            let i = HEADER.iter().position(|h| *h == name).unwrap();
            rows[0].get(i).unwrap().to_string()
        };
        assert_eq!(field("lead"), "Bộ Tài chính; Bộ Y tế");
        assert_eq!(field("text"), "Bộ Tài chính, Bộ Y tế trình \"Đề án\".");
        assert_eq!(field("due"), "2024-08-31");
        assert_eq!(field("precision"), "day");
        assert_eq!(field("recurring"), "half_yearly");
        assert_eq!(field("kind"), "exhortation");
        assert_eq!(field("status"), "");
    }
}
