//! Where one task's text splits into several: at a clause or sentence with a new subject,
//! and between deadlines that differ.

use super::blocks::{names_only, Lookups};
use super::commas::{split_at_commas, Part};
use super::scan;
use super::shapes;
use crate::agencies::{self, AgencyContext, AgencyMention, Roles};
use crate::deadlines::{self, DeadlineContext};
use std::ops::Range;
use vntask_writer::AgencyGroup;

/// Splits one task's text where it assigns separate work:
/// - at a `;` clause or a sentence that opens with a new subject (`...; Bộ Tài chính tổng hợp
///   ...`, `... . Các bộ, ngành khác thực hiện ...`) or assigns anew (`...; giao Sở Nội vụ
///   tham mưu ...`), which gets its own roles;
/// - between two deadlines that differ (`hoàn thành A chậm nhất trong tháng 9, triển khai B
///   chậm nhất trong tháng 12`: two tasks);
/// - before a `;` clause that carries a deadline of its own when what precedes it has none
///   (`hoàn thiện dự thảo A; hoàn thiện dự thảo B trong tháng 5`: the guideline's two tasks).
///
/// `one_sentence`: `range` is one of `vntask_tokenizer::sentences(text)`, whose only
/// boundaries are its `; ` (see [`semicolon_boundaries`]).
pub(super) fn split_clauses(
    text: &str,
    range: Range<usize>,
    one_sentence: bool,
    roles: Roles,
    found: &Lookups,
) -> Vec<Part> {
    let context = found.context;
    let deadline_context = DeadlineContext {
        reference: context.date,
        ..DeadlineContext::default()
    };
    let mut parts: Vec<(Range<usize>, Roles)> = Vec::new();
    let mut start = range.start;
    // Taken, not copied: the caller's roles are the first part's.
    let mut current_roles = roles;
    let boundaries = if one_sentence {
        semicolon_boundaries(text, range.clone())
    } else {
        clause_boundaries(text, range.clone())
    };
    for &(boundary, clause_start) in &boundaries {
        let clause_end = next_boundary_among(text, &boundaries, clause_start, range.end);
        let clause = &text[clause_start..clause_end];
        let mentions = agencies::find(clause, context);
        // A clause that opens with its own subject (TK002), or assigns anew (TK001: `Giao Sở
        // Tài chính ...; giao Sở Nội vụ tham mưu ...`) after a part that names its own lead
        // (a lead-in with no assignee, `Đối với đề xuất ... . Giao Bộ X ...`, stays with it).
        let shape = shapes::classify(clause, &mentions, false).map(|s| s.rule);
        let assigns_anew = shape == Some("TK001") && {
            let before = text.get(start..boundary).unwrap_or_default();
            let own = agencies::assign_roles(before, &agencies::find(before, context));
            !own.lead.is_empty() || !own.lead_groups.is_empty()
        };
        // A clause that reports (`...; Chính phủ đã ban hành 20 nghị định`) assigns nothing.
        if (shape == Some("TK002") || assigns_anew)
            && !names_only(clause, &mentions)
            && !shapes::is_report(clause)
        {
            let clause_roles = agencies::assign_roles(clause, &mentions);
            if !clause_roles.lead.is_empty() || !clause_roles.lead_groups.is_empty() {
                let before = text.get(start..boundary).unwrap_or_default();
                parts.push((
                    start..boundary,
                    without_new_subjects(current_roles, before, &clause_roles),
                ));
                start = clause_start;
                current_roles = clause_roles;
            }
        }
    }
    parts.push((start..range.end, current_roles));
    // Each part may still join clauses with subjects of their own by commas.
    let parts: Vec<Part> = parts
        .into_iter()
        .flat_map(|(part, part_roles)| split_at_commas(text, part, part_roles, context))
        .collect();
    let mut out = Vec::with_capacity(parts.len());
    for Part {
        range: part,
        roles: part_roles,
        shared_deadline,
    } in parts
    {
        let part_start = part.start;
        let mut pieces = split_at_deadlines(text, part, &deadline_context, &found.deadlines);
        // Each piece has the part's roles; the last one takes them, the others copy them,
        // less the bodies that support only later pieces (`X chủ trì A trước ngày 1; phối
        // hợp với Y tổ chức B trong tháng 5`: Y supports B alone).
        let last = pieces.pop();
        let part_end = last.as_ref().map_or(part_start, |r| r.end);
        out.extend(pieces.into_iter().map(|r| {
            let said = text.get(part_start..r.end).unwrap_or_default();
            let mut roles = part_roles.clone();
            roles.support.retain(|m| said.contains(m.mention.as_str()));
            if !roles.support_groups.is_empty() {
                // Groups too (`...; phối hợp với các bộ, ngành, địa phương ...`), when the
                // later pieces name them and this one does not (groups inherited from a
                // heading are named by neither, and stay).
                let named = |t: &str| agencies::assign_roles(t, &agencies::find(t, context));
                let later = named(text.get(r.end..part_end).unwrap_or_default());
                let here = named(said);
                roles.support_groups.retain(|g| {
                    !later.support_groups.contains(g) || here.support_groups.contains(g)
                });
            }
            Part {
                range: r,
                roles,
                shared_deadline: shared_deadline.clone(),
            }
        }));
        out.extend(last.map(|r| Part {
            range: r,
            roles: part_roles,
            shared_deadline,
        }));
    }
    out
}

/// In an item that enumerates its actions (`Bộ Công an: (1) Khẩn trương xây dựng ...; (2) Phối
/// hợp với các bộ, ngành, địa phương ...`), the coordinators the item names (`named_here`:
/// bodies and groups) support only the part that names them; those it inherits (from its
/// heading) support every part.
pub(super) fn support_named_in(
    part: &str,
    roles: &mut Roles,
    named_here: &(Vec<AgencyMention>, Vec<AgencyGroup>),
    context: &AgencyContext,
) {
    let (bodies, groups) = named_here;
    roles
        .support
        .retain(|m| !bodies.iter().any(|b| b.name == m.name) || part.contains(m.mention.as_str()));
    if roles.support_groups.iter().any(|g| groups.contains(g)) {
        let in_part = agencies::assign_roles(part, &agencies::find(part, context));
        roles
            .support_groups
            .retain(|g| !groups.contains(g) || in_part.support_groups.contains(g));
    }
}

/// The roles of the part before a clause with a subject of its own, less the leads that only
/// the clause names: in `Bộ Công Thương bảo đảm cung ứng điện ...; Tập đoàn Điện lực Việt Nam
/// khẩn trương hoàn thành ...` the whole item's roles lead with both, but the first part is
/// the ministry's alone. A lead the part names itself stays (`Bộ A, Bộ B phối hợp ...; Bộ B
/// tổng hợp ...`), and a part that would be left with no lead keeps what it had.
pub(super) fn without_new_subjects(mut roles: Roles, before: &str, clause: &Roles) -> Roles {
    let named_after = |m: &AgencyMention| {
        !before.contains(m.mention.as_str())
            && clause
                .lead
                .iter()
                .any(|c| c.id.is_some() && c.id == m.id || c.id.is_none() && c.name == m.name)
    };
    let kept: Vec<AgencyMention> = roles
        .lead
        .iter()
        .filter(|m| !named_after(m))
        .cloned()
        .collect();
    // Groups stay: they carry no words of their own to tell which part names them.
    if !kept.is_empty() || !roles.lead_groups.is_empty() {
        roles.lead = kept;
    }
    roles
}

/// `(end of the clause before, start of the next)` for every `; ` and sentence end inside
/// `range`.
fn clause_boundaries(text: &str, range: Range<usize>) -> Vec<(usize, usize)> {
    let body = &text[range.clone()];
    let mut out = semicolon_boundaries(text, range.clone());
    let sentences = vntask_tokenizer::sentences(body);
    for pair in sentences.windows(2) {
        out.push((range.start + pair[0].end, range.start + pair[1].start));
    }
    out.sort_unstable();
    out.dedup_by_key(|b| b.1);
    out
}

/// The `; ` boundaries of `range`, in order: [`clause_boundaries`] of a range that is one
/// sentence of the sentence split of `text`. Splitting that sentence again ends it nowhere
/// inside: it starts where the whole split started it (only white space before), each end
/// is decided by the text after it, which inside the sentence is the same, and at its end
/// the whole split ended it (a dot there ends a sentence when nothing follows).
fn semicolon_boundaries(text: &str, range: Range<usize>) -> Vec<(usize, usize)> {
    // Each `;` (found by memchr) followed by a space: what `match_indices("; ")` finds, as
    // the two can never overlap, without setting up a substring searcher for every range.
    let body = &text[range.clone()];
    body.match_indices(';')
        .map(|(i, _)| i)
        .filter(|&i| body.as_bytes().get(i + 1) == Some(&b' '))
        .map(|i| (range.start + i, range.start + i + 2))
        .collect()
}

/// Where the clause starting at `from` ends: the first boundary of `from..end`.
/// [`next_boundary_among`] gives the same without splitting the rest of the text again.
fn next_boundary(text: &str, from: usize, end: usize) -> usize {
    clause_boundaries(text, from..end)
        .first()
        .map(|b| b.0)
        .unwrap_or(end)
}

/// [`next_boundary`] for a clause start `from` out of `boundaries`, which are
/// `clause_boundaries(text, start..end)`: the first of them that ends at or after `from`.
///
/// Splitting `from..end` again finds the same sentence ends as splitting the whole range,
/// since the sentence splitter decides each end from the text after it and from the word
/// before the dot, and at `from` it starts afresh just as the whole split does after a
/// sentence end (only white space lies between). The one difference: after `; ` the whole
/// split is mid-sentence while the new one starts a sentence, and a dot in the clause's
/// first word may then be read as a heading number (`a.`, `1.`, `II.`); such a clause is
/// split again, as before.
fn next_boundary_among(
    text: &str,
    boundaries: &[(usize, usize)],
    from: usize,
    end: usize,
) -> usize {
    let after_semicolon = text.get(..from).is_some_and(|t| t.ends_with("; "));
    if after_semicolon {
        let first_word = text.get(from..end).unwrap_or_default().trim_start();
        let first_word = first_word
            .split(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or_default();
        if first_word.contains('.') {
            return next_boundary(text, from, end);
        }
    }
    let at = boundaries.partition_point(|b| b.0 < from);
    boundaries.get(at).map(|b| b.0).unwrap_or(end)
}

/// What makes two deadlines different: the due date, or the words of an event.
fn deadline_key(m: &deadlines::DeadlineMatch) -> Option<&str> {
    match m.role {
        deadlines::Role::Due => m.deadline.due.as_deref(),
        deadlines::Role::Event => Some(m.deadline.text.as_str()),
        _ => None,
    }
}

fn split_at_deadlines(
    text: &str,
    range: Range<usize>,
    context: &DeadlineContext,
    memo: &deadlines::Memo,
) -> Vec<Range<usize>> {
    let Some(body) = text.get(range.clone()) else {
        return vec![range];
    };
    // Only deadlines announced by their words count here: a bare year inside a plan's name
    // (`Kế hoạch ... năm 2024`) must not cut a task in two.
    let in_body = memo.find(body, context);
    let found: Vec<&deadlines::DeadlineMatch> = in_body
        .iter()
        .filter(|m| m.explicit && deadline_key(m).is_some())
        .collect();
    // Each cut is (end of the part before, start of the part after), in `body` offsets.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for pair in found.windows(2) {
        if deadline_key(pair[0]) == deadline_key(pair[1]) {
            continue;
        }
        let between = pair[0].range.end..pair[1].range.start;
        let Some(gap) = body.get(between.clone()) else {
            continue;
        };
        let cut = scan::mark_then_space(gap, b';')
            .next()
            .map(|i| (i, i + 2))
            .or_else(|| scan::mark_then_space(gap, b',').next().map(|i| (i, i + 2)))
            .or_else(|| gap.find(" và ").map(|i| (i, i + " và ".len())))
            .map(|(end, next)| (between.start + end, between.start + next));
        cuts.extend(cut);
    }
    // A sentence, or a `;` item that starts with a capital (a new entry of a list), carrying
    // a deadline of its own after text that has none. A labelled deadline (`Thời hạn hoàn
    // thành ...`, `Thời gian hoàn thành ...`) closes and covers the whole item instead.
    let labelled = found.iter().any(|m| m.labelled);
    if let Some(first) = found.first().filter(|_| !labelled) {
        let before = body.get(..first.range.start).unwrap_or_default();
        let boundaries = clause_boundaries(body, 0..before.len());
        let last_clause = boundaries.last().copied();
        let boundary = boundaries.into_iter().rev().find(|&(end, next)| {
            let sentence_end = body[..end].ends_with(['.', '!', '?']);
            let capital = body[next..].chars().next().is_some_and(char::is_uppercase);
            // The last `;` clause of the text, in lower case, dated when nothing before it
            // is and opening with coordinators of its own (`khẩn trương hoàn thiện A; tham
            // mưu B; phối hợp với các bộ, ngành xác định C, hoàn thành trước 31/12`): work
            // organised apart, the guideline's two tasks. A dated clause that carries on the
            // same work (`...; tổng hợp, báo cáo ... trước ngày 15`, `...; tổ chức diễn tập
            // trong năm 2025`) stays with it, as the gold has it.
            let dated_last = Some((end, next)) == last_clause
                && body[end..].starts_with(';')
                && scan::mark_then_space(&body[next..], b';').next().is_none()
                && vntask_tokenizer::fold_starts_with(&body[next..], "phoi hop voi ");
            sentence_end || capital || dated_last
        });
        if let Some(cut) = boundary {
            cuts.push(cut);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    // Every part keeps at least four words besides its deadline, or the cut is dropped.
    let words_without_deadlines = |part: &str| -> usize {
        let mut words = part.split_whitespace().count();
        for m in memo.find(part, context).iter() {
            words = words.saturating_sub(m.deadline.text.split_whitespace().count());
        }
        words
    };
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for (end, next) in cuts {
        let (Some(left), Some(right)) = (body.get(start..end), body.get(next..)) else {
            continue;
        };
        if end > start
            && words_without_deadlines(left) >= 4
            && words_without_deadlines(right) >= 4
            && !starts_with_deadline_label(right)
        {
            out.push(range.start + start..range.start + end);
            start = next;
        }
    }
    out.push(range.start + start..range.end);
    out
}

/// `Thời hạn: ...`, `Thời gian hoàn thành ...`, `Hạn hoàn thành ...`: words that annotate the
/// work before them with its deadline.
fn starts_with_deadline_label(text: &str) -> bool {
    // Folding only as far as each label needs: the text runs to the end of the item.
    let text = text.trim_start();
    [
        "thoi han",
        "thoi gian hoan thanh",
        "thoi gian thuc hien",
        "han hoan thanh",
        "han:",
    ]
    .iter()
    .any(|label| vntask_tokenizer::fold_starts_with(text, label))
}

#[cfg(test)]
mod tests;
