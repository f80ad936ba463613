//! Numeric targets: what a task must reach (`phấn đấu 80% dịch vụ công ...`).
//!
//! PROVISIONAL: a minimal stand-in so the pipeline runs end to end; the target issue
//! replaces its internals behind the same functions.

use crate::rules::{no, yes, Rule};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;
use vntask_writer::Target;

pub static RULES: &[Rule] = &[Rule {
    id: "TG001",
    family: crate::rules::Family::Target,
    description: "A percentage to reach: `đạt 80%`, `100% ...`.",
    examples: &[
        yes("phấn đấu đạt 80% dịch vụ công", "80 %"),
        no("triển khai 4G, 5G"),
    ],
}];

/// One target found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetMatch {
    pub range: Range<usize>,
    pub target: Target,
    pub rule: &'static str,
}

static PERCENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d+(?:[.,]\d+)*)\s?%").expect("valid regex"));

/// Finds targets in `text`, in text order.
pub fn find(text: &str) -> Vec<TargetMatch> {
    PERCENT
        .captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let value = vntask_tokenizer::parse_number(caps.get(1)?.as_str())?;
            Some(TargetMatch {
                range: whole.range(),
                target: Target {
                    value,
                    max: None,
                    unit: "%".to_string(),
                    comparator: None,
                    total: None,
                    metric: None,
                    text: whole.as_str().to_string(),
                    span: None,
                },
                rule: "TG001",
            })
        })
        .collect()
}

/// Renders what rule `rule_id` finds: `value unit`.
pub fn render_examples(rule_id: &str, text: &str) -> Vec<String> {
    find(text)
        .into_iter()
        .filter(|m| m.rule == rule_id)
        .map(|m| format!("{} {}", m.target.value, m.target.unit))
        .collect()
}
