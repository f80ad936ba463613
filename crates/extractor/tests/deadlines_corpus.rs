//! Runs the Duckling-style deadline corpus (`corpus/deadlines.tsv`) and the examples of every
//! deadline rule. Every line of the corpus is checked; all failures are listed at once.

use chrono::NaiveDate;
use vntask_extractor::deadlines::{self, render_detail, DeadlineContext};

const CORPUS: &str = include_str!("../corpus/deadlines.tsv");

struct Line<'a> {
    number: usize,
    text: String,
    reference: Option<NaiveDate>,
    expected: &'a str,
    month_first: bool,
}

fn lines() -> Vec<Line<'static>> {
    CORPUS
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert!(
                cols.len() >= 3,
                "corpus line {} needs text, reference, expected: {l:?}",
                i + 1
            );
            let reference = match cols[1] {
                "-" => None,
                d => Some(
                    NaiveDate::parse_from_str(d, "%Y-%m-%d")
                        .unwrap_or_else(|_| panic!("bad date on line {}", i + 1)),
                ),
            };
            Line {
                number: i + 1,
                text: cols[0].to_string(),
                reference,
                expected: cols[2],
                month_first: cols.get(3).is_some_and(|f| f.contains("month_first")),
            }
        })
        .collect()
}

fn run(line: &Line) -> String {
    let context = DeadlineContext {
        reference: line.reference,
        month_first: line.month_first,
    };
    let found = deadlines::find(&line.text, &context);
    if found.is_empty() {
        return "-".to_string();
    }
    found
        .iter()
        .map(render_detail)
        .collect::<Vec<_>>()
        .join(" | ")
}

#[test]
fn corpus_has_at_least_200_examples() {
    assert!(lines().len() >= 200, "{} examples", lines().len());
}

#[test]
fn corpus() {
    let mut failures = Vec::new();
    for line in lines() {
        let got = run(&line);
        if got != line.expected {
            failures.push(format!(
                "line {}: {:?}\n    expected {}\n    got      {}",
                line.number, line.text, line.expected, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} corpus failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn deadline_text_and_range_agree() {
    for line in lines() {
        let context = DeadlineContext {
            reference: line.reference,
            month_first: line.month_first,
        };
        for found in deadlines::find(&line.text, &context) {
            assert_eq!(
                &line.text[found.range.clone()],
                found.deadline.text,
                "line {}",
                line.number
            );
        }
    }
}

#[test]
fn rule_examples() {
    let reference = NaiveDate::from_ymd_opt(2024, 7, 19);
    let mut failures = Vec::new();
    for rule in deadlines::RULES {
        let positives = rule
            .examples
            .iter()
            .filter(|e| e.expected.is_some())
            .count();
        assert!(positives > 0, "{} has no positive example", rule.id);
        assert!(
            rule.examples.len() > positives,
            "{} has no negative example",
            rule.id
        );
        for example in rule.examples {
            let got = deadlines::render_examples(rule.id, example.text, reference);
            let ok = match example.expected {
                Some(expected) => got.iter().any(|g| g == expected),
                None => got.is_empty(),
            };
            if !ok {
                failures.push(format!(
                    "{} {:?}: expected {:?}, got {:?}",
                    rule.id, example.text, example.expected, got
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The deadline words of every gold task (fixtures/gold) read to the gold `due`, resolved
/// against each seed's reference date, as a table cell or a phrase would be.
#[test]
fn gold_due_texts() {
    let gold = [
        ("trong tháng 8 năm 2024", "2024-07-19", Some("2024-08-31")),
        ("đến hết năm 2024", "2024-07-19", Some("2024-12-31")),
        ("đến năm 2025", "2024-07-19", Some("2025-12-31")),
        ("tại kỳ họp thứ 8", "2024-07-19", None),
        ("tại kỳ họp thứ 9 Quốc hội khóa XV", "2024-07-19", None),
        (
            "trước ngày 31 tháng 12 năm 2024",
            "2024-07-19",
            Some("2024-12-31"),
        ),
        (
            "chậm nhất trong tháng 9 năm 2024",
            "2024-07-19",
            Some("2024-09-30"),
        ),
        (
            "trước ngày 16 tháng 8 năm 2024",
            "2024-07-19",
            Some("2024-08-16"),
        ),
        (
            "ổn định trong giai đoạn 2026-2030",
            "2024-07-19",
            Some("2030-12-31"),
        ),
        ("trước 31/12/2024", "2024-07-19", Some("2024-12-31")),
        ("tháng 9/2024", "2024-07-01", Some("2024-09-30")),
        ("vào năm 2025", "2024-07-01", Some("2025-12-31")),
        ("trước 20/7", "2024-07-01", Some("2024-07-20")),
        ("tháng 7", "2024-07-01", Some("2024-07-31")),
        ("trong tháng 9", "2024-07-01", Some("2024-09-30")),
        ("Quý I", "2024-07-01", Some("2024-03-31")),
        ("Trước ngày 15/4", "2024-07-01", Some("2024-04-15")),
        ("4/30/2024", "2024-07-01", Some("2024-04-30")),
        (
            "Đáp ứng yêu cầu Luật Các tổ chức tín dụng khi có hiệu lực",
            "2024-07-01",
            None,
        ),
        ("Quý II", "2024-07-01", Some("2024-06-30")),
        ("đến tháng 10 năm 2022", "2022-04-27", Some("2022-10-31")),
        ("tại các phiên họp của Ủy ban", "2022-04-27", None),
        ("trong quý II năm 2022", "2022-04-27", Some("2022-06-30")),
        ("từ nay đến hết năm 2025", "2024-08-15", Some("2025-12-31")),
        (
            "trước ngày 20 tháng 9 năm 2024",
            "2024-08-15",
            Some("2024-09-20"),
        ),
    ];
    for (text, reference, due) in gold {
        let context = DeadlineContext {
            reference: NaiveDate::parse_from_str(reference, "%Y-%m-%d").ok(),
            month_first: false,
        };
        let found = deadlines::find(text, &context);
        let chosen = deadlines::pick(&found);
        assert!(chosen.is_some(), "{text:?}: nothing found");
        assert_eq!(
            chosen.and_then(|m| m.deadline.due.clone()).as_deref(),
            due,
            "{text:?}"
        );
    }
}
