use super::*;
use vntask_writer::{
    AgencyGroup, AgencyRef, Deadline, DocRef, DocType, DocumentStatus, Precision, Span, SpanBasis,
    TaskKind, TASK_SCHEMA,
};

fn day(text: &str) -> NaiveDate {
    parse_day(text).unwrap()
}

fn agency(name: &str, current: Option<&str>) -> AgencyRef {
    AgencyRef {
        id: None,
        name: name.to_string(),
        mention: name.to_string(),
        span: None,
        current: current.map(str::to_string),
    }
}

pub(crate) fn task(id: &str, doc: &str, leads: &[&str], due: Option<&str>) -> TaskRecord {
    TaskRecord {
        schema: TASK_SCHEMA.to_string(),
        id: id.to_string(),
        doc: DocRef {
            id: doc.to_string(),
            path: format!("{doc}.txt"),
            doc_type: DocType::ThongBao,
            number: None,
            date: None,
            date_precision: None,
            title: None,
        },
        section: "I.1".to_string(),
        text: "Bộ Tài chính chủ trì.".to_string(),
        span: Span {
            start: 0,
            end: 1,
            basis: SpanBasis::File,
        },
        kind: TaskKind::Directive,
        lead: leads.iter().map(|n| agency(n, None)).collect(),
        support: vec![],
        lead_groups: vec![],
        support_groups: vec![],
        action: None,
        deliverable: None,
        deadline: due.map(|d| Deadline {
            due: Some(d.to_string()),
            precision: Precision::Day,
            relation: None,
            start: None,
            text: format!("trước ngày {d}"),
            span: None,
            ambiguous: false,
        }),
        recurring: None,
        targets: vec![],
        status: None,
        rules: vec![],
    }
}

fn document(id: &str, date: Option<&str>, reference: Option<&str>) -> DocumentRecord {
    let mut d = DocumentRecord::failed(
        id.to_string(),
        format!("{id}.txt"),
        b"",
        DocumentStatus::Ok,
        String::new(),
        "0",
    );
    d.date = date.map(str::to_string);
    d.reference_date = reference.map(str::to_string);
    d
}

#[test]
fn state_boundaries_around_the_as_of_date() {
    let as_of = day("2024-07-19");
    let until = day("2024-08-18");
    let state = |due: Option<&str>| task_state(&task("t", "d", &[], due), as_of, until);
    assert_eq!(state(Some("2024-07-18")), TaskState::Overdue);
    // Due on the as-of day itself: not yet overdue, and due soon.
    assert_eq!(state(Some("2024-07-19")), TaskState::Soon);
    assert_eq!(state(Some("2024-08-18")), TaskState::Soon);
    assert_eq!(state(Some("2024-08-19")), TaskState::Later);
    assert_eq!(state(None), TaskState::Undated);
    // A partial or missing due date cannot be overdue.
    assert_eq!(state(Some("2024")), TaskState::Undated);
}

#[test]
fn a_completed_task_is_never_overdue() {
    let mut t = task("t", "d", &[], Some("2020-01-01"));
    t.status = Some(TaskStatus::Completed);
    let state = task_state(&t, day("2024-07-19"), day("2024-08-18"));
    assert_eq!(state, TaskState::Completed);
}

#[test]
fn as_of_option_wins_over_the_documents() {
    let tasks = [task("t", "d", &[], None)];
    let docs = [document("d", Some("2030-01-01"), None)];
    let chosen = choose_as_of(Some(day("2024-01-02")), &tasks, &docs);
    assert_eq!(chosen, Some((day("2024-01-02"), AsOfSource::Option)));
}

#[test]
fn as_of_defaults_to_the_latest_full_document_date() {
    let mut t = task("t", "a", &[], None);
    t.doc.date = Some("2024-07-01".to_string());
    let docs = [
        document("b", Some("2025"), Some("2024-07-19")),
        document("c", Some("2023-05-06"), None),
    ];
    let chosen = choose_as_of(None, &[t.clone()], &docs);
    assert_eq!(
        chosen,
        Some((day("2024-07-19"), AsOfSource::LatestDocument))
    );
    let chosen = choose_as_of(None, &[t], &[]);
    assert_eq!(
        chosen,
        Some((day("2024-07-01"), AsOfSource::LatestDocument))
    );
    assert_eq!(choose_as_of(None, &[task("t", "a", &[], None)], &[]), None);
}

#[test]
fn agencies_are_counted_once_per_task_and_sorted_by_tasks() {
    let tasks = [
        task("1", "d", &["Bộ Y tế"], Some("2024-01-01")),
        task(
            "2",
            "d",
            &["Bộ Tài chính", "Bộ Tài chính"],
            Some("2025-01-01"),
        ),
        task("3", "d", &["Bộ Tài chính", "Bộ Y tế"], None),
        task("4", "d", &["Bộ Tài chính"], None),
        task("5", "d", &[], None),
    ];
    let data = build(&tasks, &[], (day("2024-07-19"), AsOfSource::Option), "f");
    let rows: Vec<(&str, AgencyCounts)> = data
        .agencies
        .iter()
        .map(|a| (a.name.as_str(), a.counts.clone()))
        .collect();
    let counts = |n, dl, od| AgencyCounts { n, dl, od };
    assert_eq!(
        rows,
        vec![
            ("Bộ Tài chính", counts(3, 1, 0)),
            ("Bộ Y tế", counts(2, 1, 1))
        ]
    );
    assert_eq!(data.unassigned, counts(1, 0, 0));
    assert_eq!(data.tasks[1].l, vec![0]);
    assert_eq!(data.tasks[2].l, vec![0, 1]);
    let expected = Summary {
        documents: 1,
        tasks: 5,
        agencies: 2,
        with_deadline: 2,
        overdue: 1,
        due_soon: 0,
        completed: 0,
    };
    assert_eq!(data.summary, expected);
}

#[test]
fn documents_without_tasks_still_count() {
    let tasks = [task("1", "b", &[], None)];
    let docs = [document("a", None, None), document("b", None, None)];
    let data = build(&tasks, &docs, (day("2024-07-19"), AsOfSource::Option), "f");
    assert_eq!(data.summary.documents, 2);
    let per_doc: Vec<(&str, usize)> = data.docs.iter().map(|d| (d.id.as_str(), d.tasks)).collect();
    assert_eq!(per_doc, vec![("a", 0), ("b", 1)]);
    assert_eq!(data.tasks[0].d, 1);
}

#[test]
fn current_body_is_kept_only_when_it_differs() {
    let mut t = task("1", "d", &[], None);
    t.lead = vec![
        agency(
            "Bộ Thông tin và Truyền thông",
            Some("Bộ Khoa học và Công nghệ"),
        ),
        agency("Bộ Y tế", Some("Bộ Y tế")),
    ];
    t.lead_groups = vec![AgencyGroup::Provinces];
    let data = build(&[t], &[], (day("2024-07-19"), AsOfSource::Option), "f");
    let current: Vec<Option<&str>> = data.agencies.iter().map(|a| a.current.as_deref()).collect();
    assert_eq!(current, vec![Some("Bộ Khoa học và Công nghệ"), None]);
    assert_eq!(data.tasks[0].g, vec!["provinces"]);
}
