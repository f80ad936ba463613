//! Tasks from text blocks: an item is one task led by its own subject or by the agency
//! heading above it; running prose (a news report) is read sentence by sentence.

use super::shapes::{self, Shape};
use super::zones::{self, Zone};
use super::Draft;
use crate::agencies::{self, AgencyContext, AgencyMention, Roles};
use crate::deadlines::{self, DeadlineContext};
use std::cell::OnceCell;
use std::ops::Range;
use vntask_ingest::{Block, BlockKind, Document};

/// What assembly looks up more than once in a document, found once: the agency mentions of
/// each block (an item's ancestors are read again for every item under them, to inherit an
/// agency heading's roles), the zone of each block, and the deadlines of a text.
pub struct Lookups<'a> {
    pub context: &'a AgencyContext,
    pub deadlines: deadlines::Memo,
    zones: Vec<Zone>,
    found: Vec<OnceCell<Vec<AgencyMention>>>,
}

impl<'a> Lookups<'a> {
    pub fn new(document: &Document, context: &'a AgencyContext) -> Self {
        Lookups {
            context,
            deadlines: deadlines::Memo::default(),
            zones: zones::zones(document),
            found: (0..document.blocks.len())
                .map(|_| OnceCell::new())
                .collect(),
        }
    }

    /// The mentions in block `index`'s text (none for an index out of range).
    pub fn of(&self, document: &Document, index: usize) -> &[AgencyMention] {
        match (self.found.get(index), document.blocks.get(index)) {
            (Some(cell), Some(block)) => {
                cell.get_or_init(|| agencies::find(&block.text, self.context))
            }
            _ => &[],
        }
    }
}

/// A lead-in that hands the items after it to an addressee (`Bộ X đề nghị các Sở Y:`,
/// `Thủ tướng Chính phủ yêu cầu Bộ Z thực hiện các nhiệm vụ sau:`): its roles, when `block`
/// is one. It ends with a colon, assigns by a directive verb, and says nothing after the
/// addressee but a few words.
pub fn intro_roles(document: &Document, index: usize, found: &Lookups) -> Option<Roles> {
    let block = document.blocks.get(index)?;
    let text = block.text.trim_end();
    if !text.ends_with(':') || block.kind == BlockKind::TableRow {
        return None;
    }
    let mentions = found.of(document, index);
    let roles = agencies::assign_roles(text, mentions);
    // The addressee comes right after a directive verb (`đề nghị`, `yêu cầu`, `giao`).
    let first_lead = roles
        .lead
        .iter()
        .map(|m| m.range.start)
        .chain(
            mentions
                .iter()
                .filter(|m| m.name.is_empty() && !m.groups.is_empty())
                .map(|m| m.range.start),
        )
        .min()?;
    if !shapes::ends_with_directive_verb(text.get(..first_lead).unwrap_or_default()) {
        return None;
    }
    let last_end = roles.lead.iter().map(|m| m.range.end).max().unwrap_or(0);
    let after_lead = mentions
        .iter()
        .filter(|m| m.range.start >= last_end)
        .map(|m| m.range.end)
        .max()
        .unwrap_or(last_end)
        .max(last_end);
    let rest = text.get(after_lead..).unwrap_or_default();
    let has_lead = !roles.lead.is_empty() || !roles.lead_groups.is_empty();
    (has_lead && rest.split_whitespace().nth(6).is_none()).then_some(roles)
}

/// The tasks of text block `index`; `intro` holds the roles of a lead-in above the list the
/// block belongs to.
pub fn block_tasks(
    document: &Document,
    index: usize,
    found: &Lookups,
    intro: Option<&Roles>,
) -> Vec<Draft> {
    let Some(block) = document.blocks.get(index) else {
        return Vec::new();
    };
    if block.text.trim().is_empty() {
        return Vec::new();
    }
    let zone = found.zones.get(index).copied().unwrap_or(Zone::Neutral);
    let mentions = found.of(document, index);
    // A list of addressees, or a heading over items of its own, is not itself a task.
    if names_only(&block.text, mentions) || is_heading_over_items(document, index) {
        return Vec::new();
    }
    let inherited = inherited_roles(document, index, found).or_else(|| intro.cloned());
    let is_item = block.label.is_some() || block.kind == BlockKind::Bullet;
    if zone != Zone::Report && (is_item || inherited.is_some()) {
        if let Some(drafts) = item_tasks(block, mentions, inherited.as_ref(), found) {
            return drafts;
        }
        return Vec::new();
    }
    sentence_tasks(block, mentions, found, zone)
}

/// A whole item as one task (or one per `(1)`, `(2)` part when it enumerates actions).
fn item_tasks(
    block: &Block,
    mentions: &[AgencyMention],
    inherited: Option<&Roles>,
    found: &Lookups,
) -> Option<Vec<Draft>> {
    let text = block.text.as_str();
    let own = agencies::assign_roles(text, mentions);
    let has_own = !own.lead.is_empty() || !own.lead_groups.is_empty();
    let shape = shapes::classify(text, mentions, inherited.is_some())?;
    if shapes::is_report(text) || shapes::is_bare_heading(text) {
        return None;
    }
    let roles = if has_own {
        own
    } else {
        let mut roles = inherited?.clone();
        // Support named inside the item still counts.
        roles.support.extend(own.support);
        roles.support_groups.extend(own.support_groups);
        roles
    };
    let mut ranges = enumerated_parts(text);
    if ranges.len() < 2 {
        ranges = std::iter::once(0..text.len()).collect();
    }
    let mut out = Vec::new();
    for range in ranges {
        for (part, part_roles) in split_clauses(&block.text, range, &roles, found) {
            out.push(draft(block, part, part_roles, &shape));
        }
    }
    Some(out)
}

/// Prose: each sentence that assigns work on its own is a task.
/// `block_mentions` are those of the whole block, which a one-sentence block reuses.
fn sentence_tasks(
    block: &Block,
    block_mentions: &[AgencyMention],
    found: &Lookups,
    zone: Zone,
) -> Vec<Draft> {
    let context = found.context;
    let mut out = Vec::new();
    for range in vntask_tokenizer::sentences(&block.text) {
        let text = &block.text[range.clone()];
        let own;
        let mentions = if text.len() == block.text.len() {
            block_mentions
        } else {
            own = agencies::find(text, context);
            &own
        };
        let Some(shape) = shapes::classify(text, mentions, false) else {
            continue;
        };
        // Under a review heading only an outright assignment (`Đề nghị X`, `Giao X`) counts.
        if zone == Zone::Report && shape.rule != "TK001" {
            continue;
        }
        if shapes::is_report(text) {
            continue;
        }
        let roles = agencies::assign_roles(text, mentions);
        if roles.lead.is_empty() && roles.lead_groups.is_empty() {
            continue;
        }
        for (part, part_roles) in split_clauses(&block.text, range, &roles, found) {
            out.push(draft(block, part, part_roles, &shape));
        }
    }
    out
}

fn draft(block: &Block, range: Range<usize>, roles: Roles, shape: &Shape) -> Draft {
    let text = block.text[range.clone()].trim().to_string();
    Draft {
        section: block.section.clone(),
        span: block.source_range(range),
        text,
        roles,
        rules: vec![shape.rule],
        kind: shape.kind,
        status: None,
        deadline_text: None,
    }
}

/// The roles an item inherits: from the nearest ancestor that names an assignee and nothing
/// else (`b) Bộ Thông tin và Truyền thông`, `1. Các bộ, ngành, địa phương:`), or that
/// introduces its items with a subject and a colon (`d) Bộ Công an:`).
fn inherited_roles(document: &Document, index: usize, found: &Lookups) -> Option<Roles> {
    let mut current = document.blocks.get(index)?.parent;
    let mut steps = 0;
    while let Some(parent) = current {
        let block = document.blocks.get(parent)?;
        let mentions = found.of(document, parent);
        if starts_with_mention(&block.text, mentions)
            && (names_only(&block.text, mentions) || is_heading_over_items(document, parent))
        {
            let roles = agencies::assign_roles(&block.text, mentions);
            if !roles.lead.is_empty() || !roles.lead_groups.is_empty() {
                return Some(roles);
            }
            let lead: Vec<AgencyMention> = mentions
                .iter()
                .filter(|m| !m.name.is_empty())
                .cloned()
                .collect();
            let groups = mentions.iter().flat_map(|m| m.groups.clone()).collect();
            return Some(Roles {
                rules: mentions.iter().map(|m| m.rule).collect(),
                lead,
                lead_groups: groups,
                ..Roles::default()
            });
        }
        current = block.parent;
        steps += 1;
        if steps > 64 {
            break;
        }
    }
    None
}

fn starts_with_mention(text: &str, mentions: &[AgencyMention]) -> bool {
    mentions
        .first()
        .is_some_and(|m| shapes::only_titles(&text[..m.range.start.min(text.len())]))
}

/// A heading with items of its own under it: a short line without a final period, or a line
/// ending with a colon, followed by its children.
fn is_heading_over_items(document: &Document, index: usize) -> bool {
    let Some(block) = document.blocks.get(index) else {
        return false;
    };
    let has_children = document
        .blocks
        .get(index + 1)
        .is_some_and(|next| next.parent == Some(index));
    has_children && (block.kind == BlockKind::Heading || block.text.trim_end().ends_with(':'))
}

/// A text that names agencies and nothing else (`Các Bộ: Quốc phòng, Công an.`,
/// `Bộ Thông tin và Truyền thông - Cơ quan thường trực ...`).
fn names_only(text: &str, mentions: &[AgencyMention]) -> bool {
    if mentions.is_empty() || !starts_with_mention(text, mentions) {
        return false;
    }
    let mut rest = String::new();
    let mut position = 0;
    for mention in mentions {
        if mention.range.start >= position && mention.range.end <= text.len() {
            rest.push_str(&text[position..mention.range.start]);
            position = mention.range.end;
        }
    }
    rest.push_str(&text[position.min(text.len())..]);
    // A description after a dash (`- Cơ quan thường trực ...`) does not make it an action.
    let rest = rest.split(" - ").next().unwrap_or_default();
    shapes::only_titles(rest)
}

/// Splits one task's text where it assigns separate work:
/// - at a `;` clause or a sentence that opens with a new subject (`...; Bộ Tài chính tổng hợp
///   ...`, `... . Các bộ, ngành khác thực hiện ...`), which gets its own roles;
/// - between two deadlines that differ (`hoàn thành A chậm nhất trong tháng 9, triển khai B
///   chậm nhất trong tháng 12`: two tasks);
/// - before a `;` clause that carries a deadline of its own when what precedes it has none
///   (`hoàn thiện dự thảo A; hoàn thiện dự thảo B trong tháng 5`: the guideline's two tasks).
fn split_clauses(
    text: &str,
    range: Range<usize>,
    roles: &Roles,
    found: &Lookups,
) -> Vec<(Range<usize>, Roles)> {
    let context = found.context;
    let deadline_context = DeadlineContext {
        reference: context.date,
        ..DeadlineContext::default()
    };
    let mut parts: Vec<(Range<usize>, Roles)> = Vec::new();
    let mut start = range.start;
    let mut current_roles = roles.clone();
    for (boundary, clause_start) in clause_boundaries(text, range.clone()) {
        let clause_end = next_boundary(text, clause_start, range.end);
        let clause = &text[clause_start..clause_end];
        let mentions = agencies::find(clause, context);
        if shapes::classify(clause, &mentions, false).is_some_and(|s| s.rule == "TK002")
            && !names_only(clause, &mentions)
        {
            let clause_roles = agencies::assign_roles(clause, &mentions);
            if !clause_roles.lead.is_empty() || !clause_roles.lead_groups.is_empty() {
                parts.push((start..boundary, current_roles));
                start = clause_start;
                current_roles = clause_roles;
            }
        }
    }
    parts.push((start..range.end, current_roles));
    parts
        .into_iter()
        .flat_map(|(part, part_roles)| {
            split_at_deadlines(text, part, &deadline_context, &found.deadlines)
                .into_iter()
                .map(move |r| (r, part_roles.clone()))
        })
        .collect()
}

/// `(end of the clause before, start of the next)` for every `; ` and sentence end inside
/// `range`.
fn clause_boundaries(text: &str, range: Range<usize>) -> Vec<(usize, usize)> {
    let body = &text[range.clone()];
    let mut out: Vec<(usize, usize)> = body
        .match_indices("; ")
        .map(|(i, _)| (range.start + i, range.start + i + 2))
        .collect();
    let sentences = vntask_tokenizer::sentences(body);
    for pair in sentences.windows(2) {
        out.push((range.start + pair[0].end, range.start + pair[1].start));
    }
    out.sort_unstable();
    out.dedup_by_key(|b| b.1);
    out
}

fn next_boundary(text: &str, from: usize, end: usize) -> usize {
    clause_boundaries(text, from..end)
        .first()
        .map(|b| b.0)
        .unwrap_or(end)
}

/// What makes two deadlines different: the due date, or the words of an event.
fn deadline_key(m: &deadlines::DeadlineMatch) -> Option<String> {
    match m.role {
        deadlines::Role::Due => m.deadline.due.clone(),
        deadlines::Role::Event => Some(m.deadline.text.clone()),
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
    let found: Vec<_> = memo
        .find(body, context)
        .iter()
        .filter(|m| m.explicit && deadline_key(m).is_some())
        .cloned()
        .collect();
    // Each cut is (end of the part before, start of the part after), in `body` offsets.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for pair in found.windows(2) {
        if deadline_key(&pair[0]) == deadline_key(&pair[1]) {
            continue;
        }
        let between = pair[0].range.end..pair[1].range.start;
        let Some(gap) = body.get(between.clone()) else {
            continue;
        };
        let cut = gap
            .find("; ")
            .map(|i| (i, i + 2))
            .or_else(|| gap.find(", ").map(|i| (i, i + 2)))
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
        let boundary = clause_boundaries(body, 0..before.len())
            .into_iter()
            .rev()
            .find(|&(end, next)| {
                let sentence_end = body[..end].ends_with(['.', '!', '?']);
                let capital = body[next..].chars().next().is_some_and(char::is_uppercase);
                sentence_end || capital
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

/// Ranges of the parts of an item that lists its actions as `(1) ...; (2) ...`.
fn enumerated_parts(text: &str) -> Vec<Range<usize>> {
    let mut starts = Vec::new();
    let mut expected = 1;
    let mut search = 0;
    while let Some(found) = text[search..].find(&format!("({expected})")) {
        starts.push(search + found);
        search += found + 3;
        expected += 1;
    }
    if starts.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        let body_start = start + format!("({})", i + 1).len();
        let body = text[body_start..end].trim_end_matches([' ', ';', ',']);
        let trimmed_start = body_start + (body.len() - body.trim_start().len());
        let end = body_start + body.len();
        if end > trimmed_start {
            out.push(trimmed_start..end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_with_a_new_subject_or_a_second_deadline_split() {
        let context = AgencyContext {
            date: chrono::NaiveDate::from_ymd_opt(2024, 7, 19),
            ..AgencyContext::default()
        };
        let text =
            "Bộ Công Thương nghiên cứu đầu tư hạ tầng; Bộ Tài chính tổng hợp và phân bổ ngân sách.";
        let document = vntask_ingest::read(text.as_bytes(), "t.txt", &Default::default())
            .expect("a one-line document");
        let found = Lookups::new(&document, &context);
        let parts = split_clauses(text, 0..text.len(), &Roles::default(), &found);
        let texts: Vec<&str> = parts.iter().map(|(r, _)| &text[r.clone()]).collect();
        assert_eq!(
            texts,
            vec![
                "Bộ Công Thương nghiên cứu đầu tư hạ tầng",
                "Bộ Tài chính tổng hợp và phân bổ ngân sách."
            ]
        );
        assert_eq!(
            parts[1].1.lead.first().map(|m| m.name.as_str()),
            Some("Bộ Tài chính")
        );
        let one = "Bộ Y tế rà soát hồ sơ; lập danh sách trình Chính phủ.";
        assert_eq!(
            split_clauses(one, 0..one.len(), &Roles::default(), &found).len(),
            1
        );
    }

    #[test]
    fn enumerated_parts_split_at_numbers() {
        let text = "Bộ Công an: (1) Xây dựng Luật; (2) Hoàn thiện Đề án.";
        let parts: Vec<&str> = enumerated_parts(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(parts, vec!["Xây dựng Luật", "Hoàn thiện Đề án."]);
        assert!(enumerated_parts("Chỉ có (1) một phần.").is_empty());
    }
}
