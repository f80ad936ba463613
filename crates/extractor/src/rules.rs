//! The rule registry.
//!
//! Every rule has a stable id (`AG` agencies, `DL` deadlines, `TG` targets, `TK` task shapes,
//! followed by three digits), a one-line description, and examples declared next to it:
//! positive ones with the value the rule must produce, negative ones on which it must stay
//! silent. `tests/rule_examples.rs` runs every example of every rule, and a rule without
//! both kinds of example fails the suite. A task record's `rules` field lists the ids of the
//! rules that produced it; `vntask rules` prints this registry.

use serde::Serialize;

/// Rule families, each with its id prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    Agency,
    Deadline,
    Target,
    Task,
}

impl Family {
    pub fn prefix(self) -> &'static str {
        match self {
            Family::Agency => "AG",
            Family::Deadline => "DL",
            Family::Target => "TG",
            Family::Task => "TK",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Family::Agency => "agency",
            Family::Deadline => "deadline",
            Family::Target => "target",
            Family::Task => "task",
        }
    }
}

/// One example of a rule: a text and what the rule must find in it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Example {
    pub text: &'static str,
    /// The rendered value the rule must produce (each family documents its rendering),
    /// or `None` for a negative example on which the rule must produce nothing.
    pub expected: Option<&'static str>,
}

/// A positive example: `text` must yield `expected` (rendered as the family renders values).
pub const fn yes(text: &'static str, expected: &'static str) -> Example {
    Example {
        text,
        expected: Some(expected),
    }
}

/// A negative example: the rule must find nothing in `text`.
pub const fn no(text: &'static str) -> Example {
    Example {
        text,
        expected: None,
    }
}

/// A rule's identity and documentation.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rule {
    pub id: &'static str,
    pub family: Family,
    pub description: &'static str,
    pub examples: &'static [Example],
}

/// Every rule, sorted by id.
pub fn all() -> Vec<&'static Rule> {
    let mut rules: Vec<&'static Rule> = crate::agencies::RULES
        .iter()
        .chain(crate::deadlines::RULES)
        .chain(crate::targets::RULES)
        .chain(crate::assembly::RULES)
        .collect();
    rules.sort_by_key(|rule| rule.id);
    rules
}

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static Rule> {
    all()
        .into_iter()
        .find(|rule| rule.id.eq_ignore_ascii_case(id))
}

/// What the rules of `rule`'s family produce from `text`, rendered, keeping only the values
/// that `rule` produced. Examples run with the reference date [`EXAMPLE_REFERENCE_DATE`].
pub fn run_example(rule: &Rule, text: &str) -> Vec<String> {
    let reference = chrono::NaiveDate::from_ymd_opt(2024, 7, 19);
    match rule.family {
        Family::Agency => crate::agencies::render_examples(rule.id, text, reference),
        Family::Deadline => crate::deadlines::render_examples(rule.id, text, reference),
        Family::Target => crate::targets::render_examples(rule.id, text),
        Family::Task => crate::assembly::render_examples(rule.id, text, reference),
    }
}

/// The reference date examples are resolved against (a Friday in July 2024).
pub const EXAMPLE_REFERENCE_DATE: &str = "2024-07-19";
