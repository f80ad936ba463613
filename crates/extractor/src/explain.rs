//! What the rules see in a document, block by block: the data behind `vntask explain`.

use crate::agencies::{self, AgencyContext};
use crate::deadlines::{self, DeadlineContext};
use crate::targets;
use chrono::NaiveDate;
use serde::Serialize;
use std::ops::Range;
use vntask_ingest::Document;

/// One thing a rule found in a block's text.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// `agency`, `group`, `deadline`, `target`.
    pub kind: &'static str,
    /// Byte range in the block's text.
    pub range: Range<usize>,
    /// The words found.
    pub text: String,
    /// What the rule read them as (canonical name, due date, value).
    pub value: String,
    pub rule: &'static str,
}

/// A block with what the rules found in it.
#[derive(Debug, Clone, Serialize)]
pub struct BlockFindings {
    pub index: usize,
    pub section: String,
    pub kind: vntask_ingest::BlockKind,
    pub text: String,
    pub span: Range<usize>,
    pub findings: Vec<Finding>,
}

/// Runs every finding rule over every block of `document`.
pub fn annotate(document: &Document, reference: Option<NaiveDate>) -> Vec<BlockFindings> {
    let agency_context = AgencyContext {
        date: reference,
        ..AgencyContext::default()
    };
    let deadline_context = DeadlineContext {
        reference,
        ..DeadlineContext::default()
    };
    document
        .blocks
        .iter()
        .enumerate()
        .map(|(index, block)| {
            let text = &block.text;
            let mut findings = Vec::new();
            for mention in agencies::find(text, &agency_context) {
                let is_group = mention.name.is_empty();
                let value = if is_group {
                    mention
                        .groups
                        .iter()
                        .map(|g| g.as_str())
                        .collect::<Vec<_>>()
                        .join("+")
                } else {
                    match &mention.current {
                        Some(current) => format!("{} (today: {current})", mention.name),
                        None => mention.name.clone(),
                    }
                };
                findings.push(Finding {
                    kind: if is_group { "group" } else { "agency" },
                    text: slice(text, &mention.range),
                    range: mention.range,
                    value,
                    rule: mention.rule,
                });
            }
            for found in deadlines::find(text, &deadline_context) {
                findings.push(Finding {
                    kind: "deadline",
                    text: slice(text, &found.range),
                    value: deadlines::render(&found),
                    range: found.range,
                    rule: found.rule,
                });
            }
            for found in targets::find(text) {
                let mut value = format!("{} {}", found.target.value, found.target.unit);
                if let Some(max) = found.target.max {
                    value.push_str(&format!(" max={max}"));
                }
                findings.push(Finding {
                    kind: "target",
                    text: slice(text, &found.range),
                    value,
                    range: found.range,
                    rule: found.rule,
                });
            }
            findings.sort_by_key(|f| (f.range.start, f.range.end));
            BlockFindings {
                index,
                section: block.section.clone(),
                kind: block.kind,
                text: text.clone(),
                span: block.span.clone(),
                findings,
            }
        })
        .collect()
}

fn slice(text: &str, range: &Range<usize>) -> String {
    text.get(range.clone()).unwrap_or_default().to_string()
}
