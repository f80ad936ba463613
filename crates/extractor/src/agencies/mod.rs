//! Agencies: the gazetteer, every way names are written, groups and roles.
//!
//! PROVISIONAL: a minimal stand-in so the pipeline runs end to end; the agency issue
//! replaces its internals behind the same functions.

use crate::rules::{no, yes, Rule};
use chrono::NaiveDate;
use std::ops::Range;
use vntask_writer::AgencyGroup;

pub static RULES: &[Rule] = &[Rule {
    id: "AG001",
    family: crate::rules::Family::Agency,
    description: "A ministry named in full: `Bộ` followed by its field (`Bộ Tài chính`).",
    examples: &[
        yes("Bộ Tài chính khẩn trương hoàn thiện", "Bộ Tài chính"),
        no("các bộ, ngành khẩn trương hoàn thiện"),
    ],
}];

/// One agency or group found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct AgencyMention {
    /// Byte range of the words in the searched text.
    pub range: Range<usize>,
    /// Gazetteer id; `None` for a body outside the gazetteer or for a group.
    pub id: Option<String>,
    /// Canonical name as of the document's date (empty for a pure group mention).
    pub name: String,
    /// The body holding its functions today, when different from `name`.
    pub current: Option<String>,
    /// Groups this mention stands for (`các bộ, ngành` → ministries, government agencies).
    pub groups: Vec<AgencyGroup>,
    pub rule: &'static str,
}

/// What the document tells the agency rules.
#[derive(Debug, Clone, Default)]
pub struct AgencyContext {
    /// The document's date: which names were in force.
    pub date: Option<NaiveDate>,
    /// For a provincial document, the province whose bodies unqualified names refer to.
    pub province: Option<String>,
}

/// Who leads and who supports, in one task text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Roles {
    pub lead: Vec<AgencyMention>,
    pub support: Vec<AgencyMention>,
    pub lead_groups: Vec<AgencyGroup>,
    pub support_groups: Vec<AgencyGroup>,
    pub rules: Vec<&'static str>,
}

/// Finds agency and group mentions in `text`, in text order, not overlapping.
pub fn find(text: &str, _context: &AgencyContext) -> Vec<AgencyMention> {
    let mut out = Vec::new();
    let mut search = 0;
    while let Some(found) = text[search..].find("Bộ ") {
        let start = search + found;
        let rest = &text[start + "Bộ ".len()..];
        let name_len: usize = rest
            .split_inclusive(' ')
            .take_while(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
            .take(1)
            .map(str::len)
            .sum();
        if name_len > 0 {
            let end = start + "Bộ ".len() + rest[..name_len].trim_end().len();
            let end = extend_lowercase(text, end);
            out.push(AgencyMention {
                range: start..end,
                id: None,
                name: text[start..end].to_string(),
                current: None,
                groups: Vec::new(),
                rule: "AG001",
            });
            search = end;
        } else {
            search = start + "Bộ ".len();
        }
    }
    out
}

/// Takes the following lower-case words of a name such as `Tài chính` up to punctuation.
fn extend_lowercase(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let stop = rest
        .find(|c: char| matches!(c, ',' | '.' | ';' | ':' | '(' | ')'))
        .unwrap_or(rest.len());
    let words: Vec<&str> = rest[..stop].split(' ').collect();
    let mut taken = 0;
    for (index, word) in words.iter().enumerate().skip(1).take(1) {
        if !word.is_empty() && word.chars().all(|c| c.is_lowercase()) {
            taken = words[..=index].iter().map(|w| w.len() + 1).sum::<usize>() - 1;
        }
    }
    end + taken
}

/// Assigns roles to the mentions of one task text: the first mention leads, mentions after
/// `phối hợp` support.
pub fn assign_roles(text: &str, mentions: &[AgencyMention]) -> Roles {
    let mut roles = Roles::default();
    let support_from = text.find("phối hợp").unwrap_or(usize::MAX);
    for mention in mentions {
        if mention.range.start > support_from {
            roles.support.push(mention.clone());
        } else if roles.lead.is_empty() {
            roles.lead.push(mention.clone());
            roles.rules.push(mention.rule);
        }
    }
    roles
}

/// Renders what rule `rule_id` finds in `text`: the canonical names, one per mention.
pub fn render_examples(rule_id: &str, text: &str, reference: Option<NaiveDate>) -> Vec<String> {
    let context = AgencyContext {
        date: reference,
        province: None,
    };
    find(text, &context)
        .into_iter()
        .filter(|m| m.rule == rule_id)
        .map(|m| m.name)
        .collect()
}
