use super::*;
use crate::records::TASK_SCHEMA;
use proptest::prelude::*;

fn serde_line(task: &TaskRecord) -> String {
    String::from_utf8(serde_json::to_vec(task).unwrap()).unwrap()
}

fn hand_line(task: &TaskRecord) -> String {
    let mut out = Vec::new();
    write_task(&mut out, task);
    String::from_utf8(out).unwrap()
}

fn span_of(start: usize, end: usize, basis: SpanBasis) -> Span {
    Span { start, end, basis }
}

fn bare() -> TaskRecord {
    TaskRecord {
        schema: TASK_SCHEMA.to_string(),
        id: "0123456789abcdef".to_string(),
        doc: DocRef {
            id: "doc".to_string(),
            path: "a/b.txt".to_string(),
            doc_type: DocType::Other,
            number: None,
            date: None,
            date_precision: None,
            title: None,
        },
        section: String::new(),
        text: String::new(),
        span: span_of(0, 0, SpanBasis::File),
        kind: TaskKind::Directive,
        lead: Vec::new(),
        support: Vec::new(),
        lead_groups: Vec::new(),
        support_groups: Vec::new(),
        action: None,
        deliverable: None,
        deadline: None,
        recurring: None,
        targets: Vec::new(),
        status: None,
        rules: Vec::new(),
    }
}

/// Every optional field set, every list with two items, odd characters in the strings.
fn full() -> TaskRecord {
    let agency = |id: Option<&str>, span: bool, current: bool| AgencyRef {
        id: id.map(str::to_string),
        name: "Bộ Tài chính \"BTC\"".to_string(),
        mention: "Bộ\tTài\\chính".to_string(),
        span: span.then(|| span_of(3, 17, SpanBasis::Decoded)),
        current: current.then(|| "Bộ Tài chính\n".to_string()),
    };
    TaskRecord {
        doc: DocRef {
            id: "d\u{1}".to_string(),
            path: "C:\\văn bản\\a.docx".to_string(),
            doc_type: DocType::ThongBao,
            number: Some("12/TB-VPCP".to_string()),
            date: Some("2025-06-30".to_string()),
            date_precision: Some(DatePrecision::Month),
            title: Some("Kết luận\r\ncủa \u{7f}Thủ tướng\u{8}\u{c}\u{1f}".to_string()),
        },
        section: "B.II.3.a".to_string(),
        text: "Giao Bộ Tài chính chủ trì, \"khẩn trương\" hoàn thiện 😀 trước 30/6.".to_string(),
        span: span_of(123_456_789, usize::MAX, SpanBasis::Decoded),
        kind: TaskKind::Exhortation,
        lead: vec![
            agency(Some("bo-tai-chinh"), true, true),
            agency(None, false, false),
        ],
        support: vec![agency(Some("x"), false, true), agency(None, true, false)],
        lead_groups: vec![AgencyGroup::Ministries, AgencyGroup::StateEnterprises],
        support_groups: vec![AgencyGroup::RelatedAgencies, AgencyGroup::Communes],
        action: Some("hoàn thiện".to_string()),
        deliverable: Some("Nghị định".to_string()),
        deadline: Some(Deadline {
            due: Some("2025-06-30".to_string()),
            precision: Precision::Quarter,
            relation: Some(Relation::Within),
            start: Some("2025-01-01".to_string()),
            text: "trước ngày 30/6".to_string(),
            span: Some(span_of(1, 2, SpanBasis::File)),
            ambiguous: true,
        }),
        recurring: Some(Recurring::HalfYearly),
        targets: vec![
            Target {
                value: 80.0,
                max: Some(90.5),
                unit: "%".to_string(),
                comparator: Some(Comparator::AtLeast),
                total: Some(1e21),
                metric: Some("dịch vụ công".to_string()),
                text: "từ 80% đến 90,5%".to_string(),
                span: Some(span_of(5, 9, SpanBasis::File)),
            },
            Target {
                value: 0.1 + 0.2,
                max: None,
                unit: String::new(),
                comparator: None,
                total: None,
                metric: None,
                text: "x".to_string(),
                span: None,
            },
        ],
        status: Some(TaskStatus::InProgress),
        rules: vec!["AG001".to_string(), "DL\"1".to_string()],
        ..bare()
    }
}

#[test]
fn bare_and_full_records_match_serde() {
    for task in [bare(), full()] {
        assert_eq!(hand_line(&task), serde_line(&task));
    }
}

#[test]
fn every_variant_matches_serde() {
    let mut task = full();
    for kind in [TaskKind::Directive, TaskKind::Exhortation] {
        task.kind = kind;
        assert_eq!(hand_line(&task), serde_line(&task));
    }
    for doc_type in [
        DocType::ThongBao,
        DocType::ChiThi,
        DocType::CongDien,
        DocType::NghiQuyet,
        DocType::QuyetDinh,
        DocType::KeHoach,
        DocType::BaoCao,
        DocType::KetLuan,
        DocType::CongVan,
        DocType::News,
        DocType::Other,
    ] {
        task.doc.doc_type = doc_type;
        assert_eq!(hand_line(&task), serde_line(&task));
    }
    for precision in [
        DatePrecision::Day,
        DatePrecision::Month,
        DatePrecision::Year,
    ] {
        task.doc.date_precision = Some(precision);
        assert_eq!(hand_line(&task), serde_line(&task));
    }
    task.lead_groups = AgencyGroup::ALL.to_vec();
    task.support_groups = AgencyGroup::ALL.iter().rev().copied().collect();
    assert_eq!(hand_line(&task), serde_line(&task));
    for precision in [
        Precision::Day,
        Precision::Month,
        Precision::Quarter,
        Precision::Half,
        Precision::Year,
        Precision::Event,
    ] {
        for relation in [
            None,
            Some(Relation::Before),
            Some(Relation::By),
            Some(Relation::Within),
            Some(Relation::On),
        ] {
            if let Some(deadline) = &mut task.deadline {
                deadline.precision = precision;
                deadline.relation = relation;
                deadline.ambiguous = relation.is_none();
            }
            assert_eq!(hand_line(&task), serde_line(&task));
        }
    }
    for recurring in [
        None,
        Some(Recurring::Monthly),
        Some(Recurring::Quarterly),
        Some(Recurring::HalfYearly),
        Some(Recurring::Yearly),
    ] {
        task.recurring = recurring;
        assert_eq!(hand_line(&task), serde_line(&task));
    }
    for comparator in [
        None,
        Some(Comparator::AtLeast),
        Some(Comparator::Above),
        Some(Comparator::Below),
        Some(Comparator::AtMost),
    ] {
        task.targets[0].comparator = comparator;
        assert_eq!(hand_line(&task), serde_line(&task));
    }
    for status in [
        None,
        Some(TaskStatus::Completed),
        Some(TaskStatus::InProgress),
    ] {
        task.status = status;
        assert_eq!(hand_line(&task), serde_line(&task));
    }
    for basis in [SpanBasis::File, SpanBasis::Decoded] {
        task.span.basis = basis;
        assert_eq!(hand_line(&task), serde_line(&task));
    }
}

#[test]
fn numbers_match_serde() {
    let mut task = full();
    for value in [
        0.0,
        -0.0,
        1.0,
        -2.5,
        1e-7,
        123_456_789_012.0,
        1e300,
        f64::MIN_POSITIVE,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ] {
        task.targets[0].value = value;
        task.targets[0].max = Some(-value);
        task.targets[0].total = Some(value / 3.0);
        assert_eq!(hand_line(&task), serde_line(&task));
    }
    for n in [0, 1, 9, 10, 99, 100, 65_535, u32::MAX as usize, usize::MAX] {
        task.span.start = n;
        task.span.end = n / 7;
        assert_eq!(hand_line(&task), serde_line(&task));
    }
}

/// `string` as `serde_json` writes a string.
fn serde_string(value: &str) -> String {
    serde_json::to_string(value).unwrap()
}

fn hand_string(value: &str) -> String {
    let mut out = Vec::new();
    string(&mut out, value);
    String::from_utf8(out).unwrap()
}

#[test]
fn every_ascii_byte_at_every_offset_matches_serde() {
    for byte in 0u8..0x80 {
        for offset in 0..20 {
            let mut text = "Bộ Tài chính 0123456789"
                .chars()
                .take(offset)
                .collect::<String>();
            text.push(char::from(byte));
            text.push_str("ữ abc");
            assert_eq!(
                hand_string(&text),
                serde_string(&text),
                "{byte:#x} at {offset}"
            );
        }
    }
    for text in ["", "\"", "\\\\", "\u{0}\u{1f}\u{7f}", "ạ\nạ\tạ\r", "😀\"😀"] {
        assert_eq!(hand_string(text), serde_string(text));
    }
}

#[test]
fn needs_escape_is_exact_per_word() {
    for byte in 0u8..=255 {
        for lane in 0..8 {
            // One chosen byte among clean neighbours, high and low.
            for fill in [b'a', 0xE1, 0x80, 0xFF, b' '] {
                let mut word = [fill; 8];
                word[lane] = byte;
                let expected = word.iter().any(|&b| is_escaped(b));
                assert_eq!(needs_escape(u64::from_le_bytes(word)), expected, "{word:?}");
            }
        }
    }
}

proptest! {
    #[test]
    fn any_string_matches_serde(text in any::<String>()) {
        prop_assert_eq!(hand_string(&text), serde_string(&text));
    }

    #[test]
    fn strings_with_escapes_match_serde(
        text in proptest::collection::vec(
            prop_oneof![
                Just('"'), Just('\\'), Just('\n'), Just('\u{1}'), Just('\u{7f}'), Just('ộ'),
                Just('a'), Just(' '), Just('😀'), any::<char>()
            ],
            0..64,
        )
    ) {
        let text: String = text.into_iter().collect();
        prop_assert_eq!(hand_string(&text), serde_string(&text));
    }

    #[test]
    fn records_with_any_text_match_serde(
        text in any::<String>(),
        section in any::<String>(),
        value in any::<f64>(),
        start in any::<usize>(),
    ) {
        let mut task = full();
        task.text = text;
        task.section = section;
        task.targets[1].value = value;
        task.span.start = start;
        prop_assert_eq!(hand_line(&task), serde_line(&task));
    }
}
