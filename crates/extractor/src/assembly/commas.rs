//! One sentence, several assignees, joined by commas: `Giao Bộ Tài chính bố trí đủ vốn cho
//! các dự án, Bộ Giao thông vận tải đôn đốc các nhà thầu đẩy nhanh tiến độ`. Each body after
//! a comma that opens a clause of its own (its subject, then its verb) leads that clause.
//!
//! A comma inside a list of bodies (`Bộ Công an, Bộ Quốc phòng thực hiện`), after `chủ trì`
//! (`Bộ Xây dựng chủ trì, Bộ Tài chính phối hợp`: the second body coordinates), or closing an
//! object's list (`hướng dẫn doanh nghiệp, Ủy ban nhân dân các tỉnh triển khai`: whom the
//! first body guides) splits nothing: the clause before must name its own lead and then its
//! own work, at least [`MIN_WORK_WORDS`] words of it.

use super::action;
use super::scan;
use super::shapes;
use crate::agencies::{self, AgencyContext, Roles};
use std::ops::Range;

/// Words (syllables: `đôn đốc` is two) of work the clause before a comma must hold after its lead's name, so that the
/// comma ends a clause rather than the list of those the work is for.
const MIN_WORK_WORDS: usize = 6;

/// Splits `range` of `text` at each comma that opens a clause with a new subject (see the
/// module documentation); each part has its roles, the first what `roles` had less the
/// leads only later clauses name.
pub(super) fn split_at_commas(
    text: &str,
    range: Range<usize>,
    roles: Roles,
    context: &AgencyContext,
) -> Vec<Part> {
    // One lead before a comma and one after it: a part read as a whole with fewer than two
    // leads has no comma to split at (a body after a comma and before its verb leads in the
    // whole part too, AG102), and most parts are told so without looking for bodies again.
    if roles.lead.len() + roles.lead_groups.len() < 2 {
        return vec![Part::new(range, roles)];
    }
    let mut parts = Vec::new();
    let mut start = range.start;
    let mut current_roles = roles;
    let body = text.get(range.clone()).unwrap_or_default();
    for i in scan::mark_then_space(body, b',') {
        let comma = range.start + i;
        let clause_start = comma + 2;
        // Bodies' names open with a capital (`Bộ`, `Ủy ban`, `UBND`, `Sở`): a cheap test
        // before any body is looked for.
        let Some(clause) = text.get(clause_start..range.end) else {
            continue;
        };
        if !clause.starts_with(char::is_uppercase) || comma <= start {
            continue;
        }
        // The clause's subject leads in the part read as a whole: a named lead written
        // right there, or a group (groups keep no words to compare).
        if current_roles.lead_groups.is_empty()
            && !current_roles
                .lead
                .iter()
                .any(|m| clause.starts_with(m.mention.as_str()))
        {
            continue;
        }
        // A list of leads (`Bộ Công an, Bộ Quốc phòng ...`): the comma follows a lead's name.
        let before = text.get(start..comma).unwrap_or_default();
        if current_roles
            .lead
            .iter()
            .any(|m| before.ends_with(m.mention.as_str()))
        {
            continue;
        }
        let Some(clause_roles) = opens_own_clause(clause, context) else {
            continue;
        };
        if !names_lead_then_work(before, context) {
            continue;
        }
        parts.push(Part::new(
            start..comma,
            super::clauses::without_new_subjects(current_roles, before, &clause_roles),
        ));
        start = clause_start;
        current_roles = clause_roles;
    }
    let last = start..range.end;
    // `A kiểm tra X, B kiểm tra Y, hoàn thành trước ngày 30 tháng 6`: the closing clause
    // dates every clause the commas split, unless a clause has its own deadline.
    let shared = (!parts.is_empty())
        .then(|| closing_deadline(text, last.clone()))
        .flatten();
    for part in &mut parts {
        part.shared_deadline = shared.clone();
    }
    parts.push(Part::new(last, current_roles));
    parts
}

/// A task's text and roles, from a split, with the range of a deadline stated once for it
/// and the clauses beside it (see [`closing_deadline`]).
pub(super) struct Part {
    pub range: Range<usize>,
    pub roles: Roles,
    pub shared_deadline: Option<Range<usize>>,
}

impl Part {
    pub fn new(range: Range<usize>, roles: Roles) -> Self {
        Part {
            range,
            roles,
            shared_deadline: None,
        }
    }
}

/// Words (folded) that open a closing clause naming when all is to be done: `hoàn thành`
/// (complete), `hoàn tất`, `xong`.
const CLOSING_VERBS: &[&str] = &["hoan thanh", "hoan tat", "xong"];

/// The range of the last clause of `range` (after its last `, `) when it only closes the
/// sentence with a deadline: it opens with a verb of completion and nothing follows it but
/// the deadline (`, hoàn thành trước ngày 30 tháng 6 năm 2026.`).
fn closing_deadline(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let body = text.get(range.clone())?;
    let comma = scan::last_mark_then_space(body, b',')?;
    let clause = body.get(comma + 2..)?;
    // The clause's first words are enough (folded by chars: a byte count could cut a letter).
    let head: String = clause.chars().take(32).collect();
    let folded = vntask_tokenizer::fold(&head);
    let verb = CLOSING_VERBS
        .iter()
        .find(|v| folded.starts_with(**v) && folded[v.len()..].starts_with(' '))?;
    // What follows the verb must be only a deadline: its relation word comes right after.
    let after = folded.get(verb.len()..)?.trim_start();
    let relation = ["truoc ", "trong ", "cham nhat ", "den ", "xong truoc "];
    relation
        .iter()
        .any(|r| after.starts_with(r))
        .then(|| range.start + comma + 2..range.end)
}

/// The roles of `clause` when it opens with bodies that act (`Bộ Giao thông vận tải đôn đốc
/// ...`), not with bodies that coordinate (`Bộ Tài chính phối hợp`) or report (`... đã`).
fn opens_own_clause(clause: &str, context: &AgencyContext) -> Option<Roles> {
    let mentions = agencies::find(clause, context);
    let first = mentions.first()?;
    if first.range.start != 0
        || shapes::classify(clause, &mentions, false).map(|s| s.rule) != Some("TK002")
        || !agencies::subject_acts(clause, &mentions)
        || action::coordinates_after_list(clause, &mentions)
        || shapes::is_report(clause)
    {
        return None;
    }
    let roles = agencies::assign_roles(clause, &mentions);
    (!roles.lead.is_empty() || !roles.lead_groups.is_empty()).then_some(roles)
}

/// Whether `before` names its own lead and, after the last body it names, at least
/// [`MIN_WORK_WORDS`] words of work.
fn names_lead_then_work(before: &str, context: &AgencyContext) -> bool {
    let mentions = agencies::find(before, context);
    let Some(last) = mentions.last() else {
        return false;
    };
    let own = agencies::assign_roles(before, &mentions);
    if own.lead.is_empty() && own.lead_groups.is_empty() {
        return false;
    }
    before
        .get(last.range.end..)
        .unwrap_or_default()
        .split_whitespace()
        .nth(MIN_WORK_WORDS - 1)
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parts of `text` and the names of each part's leads.
    fn parts(text: &str) -> Vec<(&str, Vec<String>)> {
        let context = AgencyContext::default();
        let roles = agencies::assign_roles(text, &agencies::find(text, &context));
        split_at_commas(text, 0..text.len(), roles, &context)
            .into_iter()
            .map(|part| {
                (
                    &text[part.range],
                    part.roles.lead.into_iter().map(|m| m.name).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn each_subject_after_a_comma_leads_its_clause() {
        let text = "Giao Bộ Tài chính bố trí đủ vốn cho các dự án trong tháng 12, Bộ Giao thông vận tải đôn đốc các nhà thầu đẩy nhanh tiến độ thi công.";
        assert_eq!(
            parts(text),
            [
                (
                    "Giao Bộ Tài chính bố trí đủ vốn cho các dự án trong tháng 12",
                    vec!["Bộ Tài chính".to_string()]
                ),
                (
                    "Bộ Giao thông vận tải đôn đốc các nhà thầu đẩy nhanh tiến độ thi công.",
                    vec!["Bộ Giao thông vận tải".to_string()]
                ),
            ]
        );
    }

    #[test]
    fn a_closing_deadline_dates_every_clause() {
        let context = AgencyContext::default();
        let text = "Sở Xây dựng kiểm tra, đánh giá an toàn các công trình giao thông, Sở Công Thương kiểm tra an toàn các hồ chứa, hoàn thành trước ngày 30 tháng 6 năm 2026.";
        let roles = agencies::assign_roles(text, &agencies::find(text, &context));
        let parts = split_at_commas(text, 0..text.len(), roles, &context);
        assert_eq!(parts.len(), 2);
        let shared = parts[0].shared_deadline.clone().map(|r| &text[r]);
        assert_eq!(shared, Some("hoàn thành trước ngày 30 tháng 6 năm 2026."));
        // The last clause states it itself.
        assert_eq!(parts[1].shared_deadline, None);
        // No closing clause: a deadline inside the last clause is that clause's alone.
        let text = "Giao Bộ Tài chính bố trí đủ vốn cho các dự án trong tháng 12, Bộ Giao thông vận tải đôn đốc các nhà thầu hoàn thành trước ngày 30 tháng 6.";
        let roles = agencies::assign_roles(text, &agencies::find(text, &context));
        let parts = split_at_commas(text, 0..text.len(), roles, &context);
        assert_eq!(parts.len(), 2);
        assert!(parts.iter().all(|p| p.shared_deadline.is_none()));
        assert_eq!(
            closing_deadline("A làm X, hoàn thành tốt nhiệm vụ", 0..30),
            None
        );
        // Every closing clause is read, whatever byte its first words end on.
        for closing in [
            "hoàn thành trước ngày 30 tháng 6",
            "hoàn tất trong tháng 12 năm 2025",
            "xong trước ngày 15/12",
            "hoàn thành chậm nhất ngày 20/12/2025",
        ] {
            let text = format!("Sở A kiểm tra đường, {closing}.");
            let found = closing_deadline(&text, 0..text.len()).map(|r| &text[r]);
            assert_eq!(found, Some(format!("{closing}.").as_str()));
        }
    }

    #[test]
    fn lists_coordinators_and_objects_stay_whole() {
        for text in [
            // A list of leads.
            "Bộ Công an, Bộ Quốc phòng khẩn trương triển khai phương án bảo đảm an ninh.",
            // The second body coordinates.
            "Bộ Xây dựng chủ trì, Bộ Tài chính phối hợp hướng dẫn các địa phương.",
            // Whom the work is for: too few words of work before the comma.
            "Bộ Nội vụ hướng dẫn doanh nghiệp, Ủy ban nhân dân các tỉnh triển khai.",
            // An introductory phrase names no lead.
            "Về hạ tầng giao thông, Bộ Giao thông vận tải khẩn trương hoàn thành.",
            // The clause after the comma reports.
            "Bộ Tài chính bố trí đủ vốn cho các dự án, Bộ Giao thông vận tải đã hoàn thành.",
            // A coordinator's list after `phối hợp với`.
            "Bộ Y tế chủ trì, phối hợp với Bộ Tài chính, Bộ Công Thương khẩn trương xây dựng.",
        ] {
            assert_eq!(parts(text).len(), 1, "{text}");
        }
    }
}
