//! Tasks from text blocks: an item is one task led by its own subject or by the agency
//! heading above it; running prose (a news report) is read sentence by sentence.

use super::clauses::{split_clauses, support_named_in};
use super::commas::Part;
use super::scan;
use super::shapes::{self, Shape};
use super::zones::{self, Zone};
use super::Draft;
use crate::agencies::{self, listed, AgencyContext, AgencyMention, Roles};
use crate::deadlines;
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
    /// For each block, the roles it hands the items under it when it is an assignee heading
    /// (see [`inherited_roles`]): every item under a heading asks again.
    heading_roles: Vec<OnceCell<Option<Roles>>>,
    /// Every block before this one whose mentions assembly reads in document order has
    /// them (see [`Lookups::listed_above`]).
    settled: std::cell::Cell<usize>,
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
            heading_roles: (0..document.blocks.len())
                .map(|_| OnceCell::new())
                .collect(),
            settled: std::cell::Cell::new(0),
        }
    }

    /// The mentions in block `index`'s text (none for an index out of range), with a
    /// provinces group that points back (`các tỉnh, thành phố nêu trên`) standing for the
    /// provinces listed above it.
    pub fn of(&self, document: &Document, index: usize) -> &[AgencyMention] {
        match (self.found.get(index), document.blocks.get(index)) {
            (Some(cell), Some(block)) => cell.get_or_init(|| {
                let found = agencies::find(&block.text, self.context);
                if !listed::any_points_back(&block.text, &found) {
                    return found;
                }
                let listed = self.listed_above(document, index);
                listed::expand(&block.text, &found, &listed).unwrap_or(found)
            }),
            _ => &[],
        }
    }

    /// The provinces named in the nearest list above block `index`: the closest block that
    /// names a province, with the blocks right before it that name provinces too (an address
    /// block of a Công điện, one addressee a line), in document order; without one, those the
    /// document's addressees name.
    fn listed_above(&self, document: &Document, index: usize) -> Vec<AgencyMention> {
        // Assembly reads the mentions of every text block that is not blank, in document
        // order, when it reaches it, unless it proves first that the block holds no task
        // ([`block_tasks`]). What the blocks above are taken to name here is what they were
        // found to name when read (expanded when they point back in turn), or what they name
        // when they were never read (table rows, blank blocks). So that a block skipped by
        // that proof still counts as read, the blocks above are read now, in document order
        // (each then finds the blocks above it read: no deeper recursion).
        let mut next = self.settled.get();
        while next < index {
            self.settled.set(next + 1);
            if document
                .blocks
                .get(next)
                .is_some_and(|b| b.kind != BlockKind::TableRow && !b.text.trim().is_empty())
            {
                self.of(document, next);
            }
            next += 1;
        }
        let mut runs: Vec<Vec<AgencyMention>> = Vec::new();
        for earlier in (index.saturating_sub(64)..index).rev() {
            // The earlier block's own mentions, without expanding it in turn (so a chain of
            // blocks pointing back never recurses); found in document order, they are cached.
            let fresh;
            let mentions = match self.found.get(earlier).and_then(OnceCell::get) {
                Some(cached) => cached.as_slice(),
                None => match document.blocks.get(earlier) {
                    Some(block) => {
                        fresh = agencies::find(&block.text, self.context);
                        fresh.as_slice()
                    }
                    None => &[],
                },
            };
            let provinces: Vec<AgencyMention> = mentions
                .iter()
                .filter(|m| listed::is_province(m))
                .cloned()
                .collect();
            if provinces.is_empty() {
                if !runs.is_empty() {
                    break;
                }
                continue;
            }
            runs.push(provinces);
        }
        if runs.is_empty() {
            // No block above names a province: a Công điện names them in its address block
            // (`THỦ TƯỚNG CHÍNH PHỦ điện: - Chủ tịch Ủy ban nhân dân các tỉnh, thành phố:
            // Quảng Trị, Huế, ...`), which is the document's addressees, not a block.
            runs = document
                .meta
                .addressees
                .iter()
                .map(|line| {
                    agencies::find(line, self.context)
                        .into_iter()
                        .filter(listed::is_province)
                        .collect::<Vec<_>>()
                })
                .filter(|provinces| !provinces.is_empty())
                .rev()
                .collect();
        }
        let mut out: Vec<AgencyMention> = Vec::new();
        for mention in runs.into_iter().rev().flatten() {
            if !out.iter().any(|m| m.id == mention.id) {
                out.push(mention);
            }
        }
        out
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
    // The addressee comes right after a directive verb (below): without a mention that can,
    // no need to find them.
    if shapes::gate::cannot_direct(text, agencies::mention_starts(found.context)) {
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
    // A few words after the addressee, or a longer phrase that announces the list (`thực
    // hiện một số nội dung sau:`, `các nhiệm vụ, giải pháp sau đây:`).
    let words = rest.split_whitespace().count();
    let announces = {
        let tail = rest.trim_end().trim_end_matches(':').trim_end();
        tail.ends_with(" sau") || tail.ends_with(" sau đây") || tail.ends_with(" như sau")
    };
    (has_lead && (words <= 6 || (announces && words <= 12))).then_some(roles)
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
    // A heading over items of its own is not itself a task.
    if is_heading_over_items(document, index) {
        return Vec::new();
    }
    let inherited = inherited_roles(document, index, found).or(intro);
    let is_item = block.label.is_some() || block.kind == BlockKind::Bullet;
    let as_item = zone != Zone::Report && (is_item || inherited.is_some());
    // A text with no shape of its own (see `shapes::gate`) is no task, and its mentions are
    // not needed: an item unless it inherits an assignee, prose sentence by sentence.
    let starts = agencies::mention_starts(found.context);
    // The block's sentences, split once: an item that is no task as a whole asks for them,
    // and then reads them.
    let mut sentences: Option<Vec<Range<usize>>> = None;
    // Whether the whole text was proven shapeless (its first sentence may then be too).
    let mut shapeless = false;
    if as_item {
        // A bare heading is no task either (`item_tasks`).
        let bare = shapes::is_bare_heading(&block.text);
        shapeless =
            !bare && inherited.is_none() && shapes::gate::cannot_classify(&block.text, starts);
        let whole_item = !bare && !shapeless;
        if whole_item {
            let mentions = found.of(document, index);
            // A list of addressees is not itself a task.
            if names_only(&block.text, mentions) {
                return Vec::new();
            }
            if let Some(drafts) = item_tasks(block, mentions, inherited, found) {
                return drafts;
            }
        }
        // An item that is no task as a whole may still hold a sentence that assigns work:
        // `o) Nhất trí chủ trương ... . Bộ X chủ trì, phối hợp với ... tăng cường ...`,
        // `3. Đồng ý chủ trương ... . Giao Vụ Y chủ trì ...`.
        let all = sentences.insert(vntask_tokenizer::sentences(&block.text));
        if all.len() < 2 {
            return Vec::new();
        }
    }
    // The sentences that may hold a task: those not proven shapeless, or with a `;` clause
    // that is not (see `sentence_tasks`).
    let all = sentences.unwrap_or_else(|| vntask_tokenizer::sentences(&block.text));
    let one = all.iter().any(|range| range.len() == block.text.len());
    let open: Vec<Range<usize>> = all
        .into_iter()
        .filter(|range| {
            let text = block.text.get(range.clone()).unwrap_or_default();
            let proven = shapeless && shapes::gate::prefix_follows(&block.text, range);
            !(proven || shapes::gate::cannot_classify(text, starts))
                || scan::mark_then_space(text, b';').any(|at| {
                    let rest = text.get(at + 2..).unwrap_or_default();
                    !shapes::gate::cannot_classify(rest, starts)
                })
        })
        .collect();
    if open.is_empty() {
        return Vec::new();
    }
    // Several sentences read each sentence's own mentions; the block's are needed only to
    // tell a list of addressees, which opens with one.
    if !one && shapes::gate::cannot_open_with_mention(&block.text, starts) {
        let acting = as_item || block.kind == BlockKind::Heading;
        return sentence_tasks(block, &[], found, zone, acting, open);
    }
    let mentions = found.of(document, index);
    // A list of addressees is not itself a task.
    if names_only(&block.text, mentions) {
        return Vec::new();
    }
    // In an item, only sentences whose subject acts: its statistics (`Các bộ, ngành có 828
    // hệ thống ...`) are no tasks; nor is a heading's subject without a directive's verb (a
    // news headline: `Chủ tịch UBND tỉnh làm việc với các sở, ngành về ...`).
    let acting = as_item || block.kind == BlockKind::Heading;
    sentence_tasks(block, mentions, found, zone, acting, open)
}

/// A whole item as one task (or one per `(1)`, `(2)` part when it enumerates actions).
fn item_tasks(
    block: &Block,
    mentions: &[AgencyMention],
    inherited: Option<&Roles>,
    found: &Lookups,
) -> Option<Vec<Draft>> {
    let text = block.text.as_str();
    let shape = shapes::classify(text, mentions, inherited.is_some())?;
    if shapes::is_report(text)
        || shapes::is_bare_heading(text)
        || shapes::is_closing_report(text, mentions)
        || shapes::is_address_formula(text, mentions)
        || shapes::is_execution_article(text)
    {
        return None;
    }
    // The item's own roles, read once it is known to be a task (most items that are not
    // were dropped above, and reading roles showed in profiles).
    let own = agencies::assign_roles(text, mentions);
    let has_own = !own.lead.is_empty() || !own.lead_groups.is_empty();
    let named_here = (own.support.clone(), own.support_groups.clone());
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
    let enumerated = ranges.len() >= 2;
    if !enumerated {
        ranges = std::iter::once(0..text.len()).collect();
    }
    let mut out = Vec::new();
    let mut roles = roles;
    let mut ranges = ranges.into_iter().peekable();
    while let Some(range) = ranges.next() {
        // Each part but the last copies the roles; the last (most often the only one) takes them.
        let mut these = if ranges.peek().is_some() {
            roles.clone()
        } else {
            std::mem::take(&mut roles)
        };
        if enumerated {
            support_named_in(
                text.get(range.clone()).unwrap_or_default(),
                &mut these,
                &named_here,
                found.context,
            );
        }
        for part in split_clauses(&block.text, range, false, these, found) {
            out.push(draft(block, part, &shape));
        }
    }
    Some(out)
}

/// Prose: each sentence that assigns work on its own is a task.
/// `block_mentions` are those of the whole block, which a one-sentence block reuses (a block
/// of several sentences may pass none);
/// `acting`: a sentence whose subject opens it (TK002) counts only when a directive's verb
/// follows the subject ([`agencies::subject_acts`]); `sentences` are those not proven
/// shapeless (`shapes::gate`).
fn sentence_tasks(
    block: &Block,
    block_mentions: &[AgencyMention],
    found: &Lookups,
    zone: Zone,
    acting: bool,
    sentences: Vec<Range<usize>>,
) -> Vec<Draft> {
    let context = found.context;
    let mut out = Vec::new();
    for range in sentences {
        let text = &block.text[range.clone()];
        let own;
        let mentions = if text.len() == block.text.len() {
            block_mentions
        } else {
            own = agencies::find(text, context);
            &own
        };
        // A sentence of bodies' names alone (an attendance list cut by a line) assigns nothing.
        if names_only(text, mentions) {
            continue;
        }
        let task = prose_task(text, mentions, zone).filter(|(shape, _)| {
            !acting || shape.rule != "TK002" || agencies::subject_acts(text, mentions)
        });
        if let Some((shape, roles)) = task {
            // A sentence that enumerates its actions (`giao Bộ X: (1) ...; (2) ...`) is a
            // task a part, as an item is.
            let parts = enumerated_parts(text);
            let ranges: Vec<Range<usize>> = if parts.len() < 2 {
                vec![range]
            } else {
                parts
                    .into_iter()
                    .map(|part| range.start + part.start..range.start + part.end)
                    .collect()
            };
            let mut roles = roles;
            let mut ranges = ranges.into_iter().peekable();
            while let Some(part_range) = ranges.next() {
                let these = if ranges.peek().is_some() {
                    roles.clone()
                } else {
                    std::mem::take(&mut roles)
                };
                for part in split_clauses(&block.text, part_range, true, these, found) {
                    out.push(draft(block, part, &shape));
                }
            }
            continue;
        }
        // A sentence that is no task may still end with a `;` clause that is one: `Thời
        // gian qua, Chính phủ đã chú trọng ...; thời gian tới, các bộ, ngành, địa phương
        // phải tập trung ...` (a report, then an assignment). The first such clause and
        // what follows it in the sentence are read as the task.
        for at in scan::mark_then_space(text, b';') {
            let clause_start = range.start + at + 2;
            let rest = &block.text[clause_start..range.end];
            let mentions = agencies::find(rest, context);
            // The clause opens with its subject and a verb (`các bộ, ngành, địa phương phải
            // ...`), not with a list of attendees (`...; Ủy ban nhân dân các tỉnh A, B.`).
            let task = prose_task(rest, &mentions, zone)
                .filter(|_| agencies::subject_acts(rest, &mentions));
            if let Some((shape, roles)) = task {
                let clause = clause_start..range.end;
                for part in split_clauses(&block.text, clause, true, roles, found) {
                    out.push(draft(block, part, &shape));
                }
                break;
            }
        }
    }
    out
}

/// The shape and roles of a sentence (or the rest of one) read as prose, when it assigns
/// work on its own: a task shape, not a report or a formula, and a lead.
fn prose_task(text: &str, mentions: &[AgencyMention], zone: Zone) -> Option<(Shape, Roles)> {
    let shape = shapes::classify(text, mentions, false)?;
    // Under a review heading only an outright assignment (`Đề nghị X`, `Giao X`) counts.
    if zone == Zone::Report && shape.rule != "TK001" {
        return None;
    }
    if shapes::is_report(text)
        || shapes::is_closing_report(text, mentions)
        || shapes::is_address_formula(text, mentions)
        || shapes::is_execution_article(text)
    {
        return None;
    }
    let roles = agencies::assign_roles(text, mentions);
    if roles.lead.is_empty() && roles.lead_groups.is_empty() {
        return None;
    }
    Some((shape, roles))
}

fn draft(block: &Block, part: Part, shape: &Shape) -> Draft {
    let text = block.text[part.range.clone()].trim().to_string();
    Draft {
        section: block.section.clone(),
        span: block.source_range(part.range),
        text,
        roles: part.roles,
        rules: vec![shape.rule],
        kind: shape.kind,
        status: None,
        deadline_text: None,
        shared_deadline: part
            .shared_deadline
            .and_then(|r| block.text.get(r))
            .map(str::to_string),
    }
}

/// The roles an item inherits: from the nearest ancestor that names an assignee and nothing
/// else (`b) Bộ Thông tin và Truyền thông`, `1. Các bộ, ngành, địa phương:`), or that
/// introduces its items with a subject and a colon (`d) Bộ Công an:`). Borrowed from the
/// ancestor's cached roles: an item that keeps its own roles never copies them.
fn inherited_roles<'f>(document: &Document, index: usize, found: &'f Lookups) -> Option<&'f Roles> {
    let mut current = document.blocks.get(index)?.parent;
    let mut steps = 0;
    while let Some(parent) = current {
        let block = document.blocks.get(parent)?;
        let cached = found
            .heading_roles
            .get(parent)
            .map(|cell| cell.get_or_init(|| heading_roles(document, parent, found)));
        if let Some(roles) = cached.unwrap_or(&None) {
            return Some(roles);
        }
        current = block.parent;
        steps += 1;
        if steps > 64 {
            break;
        }
    }
    None
}

/// The roles block `index` hands the items under it, when it is an assignee heading.
fn heading_roles(document: &Document, index: usize, found: &Lookups) -> Option<Roles> {
    let block = document.blocks.get(index)?;
    // An assignee heading opens with a mention (`starts_with_mention`): without one that
    // can, no need to find them (`shapes::gate`).
    let starts = agencies::mention_starts(found.context);
    if shapes::gate::cannot_open_with_mention(&block.text, starts) {
        return None;
    }
    let mentions = found.of(document, index);
    if !(starts_with_mention(&block.text, mentions)
        && (names_only(&block.text, mentions) || is_heading_over_items(document, index)))
    {
        return None;
    }
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
    Some(Roles {
        rules: mentions.iter().map(|m| m.rule).collect(),
        lead,
        lead_groups: groups,
        ..Roles::default()
    })
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
pub(super) fn names_only(text: &str, mentions: &[AgencyMention]) -> bool {
    if mentions.is_empty() || !starts_with_mention(text, mentions) {
        return false;
    }
    // At most the whole text: one allocation instead of growing with every piece.
    let mut rest = String::with_capacity(text.len());
    let mut position = 0;
    for mention in mentions {
        if mention.range.start >= position && mention.range.end <= text.len() {
            rest.push_str(&text[position..mention.range.start]);
            position = mention.range.end;
        }
    }
    rest.push_str(&text[position.min(text.len())..]);
    // A description after a dash (`- Cơ quan thường trực ...`) does not make it an action.
    let rest = &rest[..scan::spaced_dash(&rest).unwrap_or(rest.len())];
    shapes::only_titles(rest)
}

/// Ranges of the parts of an item that lists its actions as `(1) ...; (2) ...`.
fn enumerated_parts(text: &str) -> Vec<Range<usize>> {
    let mut starts = Vec::new();
    let mut expected = 1;
    let mut search = 0;
    while let Some(found) = scan::numbered(&text[search..], expected) {
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
        let body_start = start + scan::numbered_len(i + 1);
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
mod tests;
