//! Runs the Duckling-style target corpus (`corpus/targets.tsv`) and the examples of every
//! target rule. Every line of the corpus is checked; all failures are listed at once.

use vntask_extractor::targets::{self, render};

const CORPUS: &str = include_str!("../corpus/targets.tsv");

struct Line {
    number: usize,
    text: String,
    expected: String,
    metric: Option<String>,
}

fn lines() -> Vec<Line> {
    CORPUS
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert!(
                cols.len() >= 2,
                "corpus line {} needs text and expected: {l:?}",
                i + 1
            );
            Line {
                number: i + 1,
                text: cols[0].to_string(),
                expected: cols[1].to_string(),
                metric: cols.get(2).map(|m| m.to_string()),
            }
        })
        .collect()
}

#[test]
fn corpus_is_substantial() {
    assert!(lines().len() >= 80, "{} examples", lines().len());
}

#[test]
fn corpus() {
    let mut failures = Vec::new();
    for line in lines() {
        let found = targets::find(&line.text);
        let got = if found.is_empty() {
            "-".to_string()
        } else {
            found.iter().map(render).collect::<Vec<_>>().join(" | ")
        };
        let metric = found.first().and_then(|m| m.target.metric.clone());
        let metric_ok = line.metric.is_none() || line.metric == metric;
        if got != line.expected || !metric_ok {
            failures.push(format!(
                "line {}: {:?}\n    expected {} (metric {:?})\n    got      {} (metric {:?})",
                line.number, line.text, line.expected, line.metric, got, metric
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
fn target_text_and_range_agree() {
    for line in lines() {
        for found in targets::find(&line.text) {
            assert_eq!(
                &line.text[found.range.clone()],
                found.target.text,
                "line {}",
                line.number
            );
        }
    }
}

#[test]
fn reported_figures_are_kept_apart() {
    let reported = targets::find_reported("tỷ lệ giải ngân đã đạt 104,9%");
    assert_eq!(reported.len(), 1);
    assert!((reported[0].target.value - 104.9).abs() < 1e-9);
    assert!(targets::find("tỷ lệ giải ngân đã đạt 104,9%").is_empty());
}

#[test]
fn rule_examples() {
    let mut failures = Vec::new();
    for rule in targets::RULES {
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
            let got = targets::render_examples(rule.id, example.text);
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

/// The target phrases of the gold tasks (fixtures/gold) read to their gold values.
#[test]
fn gold_target_texts() {
    let gold = [
        ("đạt 80% dịch vụ công trực tuyến toàn trình", 80.0),
        (
            "40% dân số trưởng thành sử dụng dịch vụ công trực tuyến",
            40.0,
        ),
        (
            "90% người dân, doanh nghiệp hài lòng trong giải quyết thủ tục hành chính",
            90.0,
        ),
        (
            "100% hồ sơ giải quyết thủ tục hành chính được gắn định danh cá nhân",
            100.0,
        ),
        ("100% dịch vụ công trực tuyến thiết yếu", 100.0),
        ("100% hệ thống thông tin", 100.0),
        ("tỷ lệ kinh phí tối thiểu 10%", 10.0),
        ("100% HTTT thuộc phạm vi quản lý", 100.0),
        ("100% địa phương ban hành", 100.0),
        (
            "mục tiêu bồi dưỡng 10.000 cán bộ, công chức về chuyển đổi số",
            10000.0,
        ),
        ("hoàn thành cung cấp đầy đủ 25 dịch vụ công thiết yếu", 25.0),
    ];
    for (text, value) in gold {
        let found = targets::find(text);
        assert!(
            found.iter().any(|m| (m.target.value - value).abs() < 1e-9),
            "{text:?}: {:?}",
            found.iter().map(render).collect::<Vec<_>>()
        );
    }
}
