//! Deadlines: the Vietnamese grammar of administrative time, resolved against a reference date.
//!
//! PROVISIONAL: a minimal stand-in so the pipeline runs end to end; the deadline issue
//! replaces its internals behind the same functions.

use crate::rules::{no, yes, Rule};
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;
use vntask_writer::{Deadline, Precision, Recurring, Relation};

pub static RULES: &[Rule] = &[Rule {
    id: "DL001",
    family: crate::rules::Family::Deadline,
    description: "`trong tháng M năm Y`: the last day of that month.",
    examples: &[
        yes("chậm nhất trong tháng 9 năm 2024", "2024-09-30 month"),
        no("Quyết định số 06/QĐ-TTg ngày 06 tháng 01 năm 2022"),
    ],
}];

/// What the deadline rules need to know beyond the text.
#[derive(Debug, Clone, Default)]
pub struct DeadlineContext {
    /// The reference date (document date, meeting date, publication date, `--reference-date`).
    pub reference: Option<NaiveDate>,
    /// Dates in this text come from a table column read month-first (`4/30/2024`).
    pub month_first: bool,
}

/// One deadline found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct DeadlineMatch {
    /// Byte range in the searched text.
    pub range: Range<usize>,
    pub deadline: Deadline,
    pub recurring: Option<Recurring>,
    pub rule: &'static str,
}

static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:chậm nhất\s+)?trong\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
        .expect("valid regex")
});

/// Finds deadlines in `text`, in text order.
pub fn find(text: &str, _context: &DeadlineContext) -> Vec<DeadlineMatch> {
    let mut out = Vec::new();
    for caps in MONTH_YEAR.captures_iter(text) {
        let (Some(whole), Some(month), Some(year)) = (caps.get(0), caps.get(1), caps.get(2)) else {
            continue;
        };
        let (Ok(month), Ok(year)) = (month.as_str().parse::<u32>(), year.as_str().parse::<i32>())
        else {
            continue;
        };
        let Some(due) = last_day_of_month(year, month) else {
            continue;
        };
        out.push(DeadlineMatch {
            range: whole.range(),
            deadline: Deadline {
                due: Some(due.format("%Y-%m-%d").to_string()),
                precision: Precision::Month,
                relation: Some(Relation::Within),
                start: None,
                text: whole.as_str().to_string(),
                span: None,
                ambiguous: false,
            },
            recurring: None,
            rule: "DL001",
        });
    }
    out
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    first_of_next.pred_opt().filter(|d| d.month() == month)
}

/// Renders what rule `rule_id` finds in `text`: `due precision` (`null event` for events).
pub fn render_examples(rule_id: &str, text: &str, reference: Option<NaiveDate>) -> Vec<String> {
    let context = DeadlineContext {
        reference,
        month_first: false,
    };
    find(text, &context)
        .into_iter()
        .filter(|m| m.rule == rule_id)
        .map(|m| render(&m))
        .collect()
}

/// `due precision`, plus ` recurring` when set.
pub fn render(found: &DeadlineMatch) -> String {
    let precision = serde_json::to_value(found.deadline.precision)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let mut out = format!(
        "{} {}",
        found.deadline.due.as_deref().unwrap_or("null"),
        precision
    );
    if let Some(recurring) = found.recurring {
        if let Some(name) = serde_json::to_value(recurring)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
        {
            out.push(' ');
            out.push_str(&name);
        }
    }
    out
}
