//! Task assembly: blocks annotated with agencies, deadlines and targets become tasks.

mod action;
mod blocks;
mod clauses;
mod columns;
mod commas;
mod fields;
mod scan;
mod shapes;
mod zones;

use crate::agencies::{self, AgencyContext, AgencyMention, Roles};
use crate::deadlines::DeadlineContext;
use crate::targets;
use chrono::NaiveDate;
use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::ops::Range;
use vntask_ingest::{Block, BlockKind, Document};
use vntask_writer::{AgencyRef, DocRef, Span, TaskKind, TaskRecord, TaskStatus, TASK_SCHEMA};

pub use shapes::RULES;

/// What assembly needs to know about the document.
#[derive(Debug, Clone)]
pub struct Context {
    pub reference: Option<NaiveDate>,
    /// The user's extended gazetteer, if any.
    pub gazetteer: Option<std::sync::Arc<crate::agencies::Gazetteer>>,
    pub doc: DocRef,
    pub content_hash: String,
}

/// A task before ids are given.
struct Draft {
    section: String,
    text: String,
    span: Range<usize>,
    roles: Roles,
    rules: Vec<&'static str>,
    kind: TaskKind,
    status: Option<TaskStatus>,
    /// Text to search for deadlines and targets besides `text` (table cells).
    deadline_text: Option<String>,
    /// A deadline the sentence states once for this task and the clauses beside it (`A
    /// kiểm tra X, B kiểm tra Y, hoàn thành trước ngày 30 tháng 6`), read when the task's
    /// own text has none.
    shared_deadline: Option<String>,
}

/// Assembles the tasks of `document`.
pub fn assemble(document: &Document, context: &Context) -> Vec<TaskRecord> {
    let mut agency_context = AgencyContext {
        date: context.reference,
        province: document.meta.province.clone(),
        ministry: document
            .meta
            .issuer
            .as_deref()
            .and_then(|issuer| crate::agencies::issuing_ministry(issuer, context.reference)),
        department: document.meta.issuer.as_deref().and_then(|issuer| {
            crate::agencies::issuing_department(
                issuer,
                document.meta.province.as_deref(),
                context.reference,
            )
        }),
        gazetteer: context.gazetteer.clone(),
    };
    // A province's own newspaper (`Báo Đồng Nai điện tử`) names that province's bodies
    // without their province, as a provincial document does.
    if agency_context.province.is_none() {
        agency_context.province = document
            .meta
            .publisher
            .as_deref()
            .and_then(|publisher| crate::agencies::press_province(publisher, &agency_context));
    }
    let found = blocks::Lookups::new(document, &agency_context);
    let drafts = drafts(document, &found, &agency_context);
    finish(document, context, drafts, &found.deadlines, &agency_context)
}

/// The tasks of `document` before their fields and ids, in document order.
fn drafts(
    document: &Document,
    found: &blocks::Lookups,
    agency_context: &AgencyContext,
) -> Vec<Draft> {
    let mut drafts = Vec::new();
    // A lead-in (`... đề nghị các Sở Y:`) and its depth: it hands the items after it, which
    // sit deeper, to its addressee until a block at its depth or above ends the list.
    let mut intro: Option<(Roles, usize)> = None;
    for (index, block) in document.blocks.iter().enumerate() {
        if intro
            .as_ref()
            .is_some_and(|(_, depth)| block.depth <= *depth)
        {
            intro = None;
        }
        match block.kind {
            BlockKind::TableRow => {
                if let Some(draft) = table_task(block, agency_context) {
                    drafts.push(draft);
                }
            }
            _ => {
                if let Some(roles) = blocks::intro_roles(document, index, found) {
                    intro = Some((roles, block.depth));
                    continue;
                }
                drafts.extend(blocks::block_tasks(
                    document,
                    index,
                    found,
                    intro.as_ref().map(|(roles, _)| roles),
                ));
            }
        }
    }
    drafts
}

/// A row that heads a group of the table's rows (`I | Hạ tầng số | | |`): numbered with a
/// Roman numeral or a capital letter, as a document's parts are, with nobody to lead it and
/// no deadline. The rows under it are the tasks.
fn is_group_row(row: &vntask_ingest::TableRow, cells: &columns::Columns) -> bool {
    let part_number = row.number.as_deref().is_some_and(|n| {
        let n = n.trim().trim_end_matches(['.', ')']);
        !n.is_empty() && n.chars().all(|c| c.is_ascii_uppercase())
    });
    let blank = |cell: Option<&str>| cell.is_none_or(|c| c.trim().is_empty());
    part_number && blank(cells.lead) && blank(cells.support) && blank(cells.deadline)
}

fn table_task(block: &Block, context: &AgencyContext) -> Option<Draft> {
    let row = block.table.as_ref()?;
    let cells = columns::columns(row);
    let text = [cells.task, cells.output]
        .iter()
        .flatten()
        .filter(|t| !t.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" | ");
    if text.is_empty() || is_group_row(row, &cells) {
        return None;
    }
    let lead = agencies::find_in_cell(cells.lead.unwrap_or_default(), context);
    let support = agencies::find_in_cell(cells.support.unwrap_or_default(), context);
    let named = |mentions: &[AgencyMention]| -> Vec<AgencyMention> {
        mentions
            .iter()
            .filter(|m| !m.name.is_empty())
            .cloned()
            .collect()
    };
    let groups = |mentions: &[AgencyMention]| -> Vec<_> {
        mentions.iter().flat_map(|m| m.groups.clone()).collect()
    };
    let mut roles = Roles {
        lead: named(&lead),
        lead_groups: groups(&lead),
        support: named(&support),
        support_groups: groups(&support),
        rules: lead.iter().chain(&support).map(|m| m.rule).collect(),
    };
    // Support the task cell names itself (`chủ trì, phối hợp với các bộ liên quan ...`,
    // `đề nghị chủ động phối hợp Bộ X ...`) counts as in an item.
    let in_text = agencies::find(&text, context);
    let own = agencies::assign_roles(&text, &in_text);
    for mention in own.support {
        if !mention.name.is_empty() && !roles.support.iter().any(|m| m.id == mention.id) {
            roles.support.push(mention);
        }
    }
    roles.support_groups.extend(own.support_groups);
    Some(Draft {
        section: block.section.clone(),
        text,
        span: block.span.clone(),
        roles,
        rules: vec!["TK004"],
        kind: TaskKind::Directive,
        status: row.status,
        deadline_text: cells.deadline.map(str::to_string),
        shared_deadline: None,
    })
}

fn finish(
    document: &Document,
    context: &Context,
    drafts: Vec<Draft>,
    memo: &crate::deadlines::Memo,
    agency_context: &AgencyContext,
) -> Vec<TaskRecord> {
    let text_context = DeadlineContext {
        reference: context.reference,
        month_first: false,
    };
    let cell_context = DeadlineContext {
        reference: context.reference,
        month_first: fields::tables_month_first(document),
    };
    let ids = task_ids(&context.content_hash, &drafts);
    let basis = document.basis;
    let mut scratch = Vec::new();
    drafts
        .into_iter()
        .zip(ids)
        .map(|(draft, id)| {
            let (deadline_match, recurring) = match draft.deadline_text.as_deref() {
                Some(cell) => {
                    let (chosen, recurring) =
                        fields::deadline_of(&draft.text, Some(cell), &cell_context, memo);
                    (chosen, recurring)
                }
                None => match fields::deadline_of(&draft.text, None, &text_context, memo) {
                    (None, None) => match draft.shared_deadline.as_deref() {
                        Some(shared) => fields::deadline_of(shared, None, &text_context, memo),
                        None => (None, None),
                    },
                    own => own,
                },
            };
            let target_matches = targets::find(&draft.text);
            let rules = record_rules(
                &mut scratch,
                (draft.rules.iter().copied())
                    .chain(draft.roles.rules.iter().copied())
                    .chain(deadline_match.as_ref().map(|m| m.rule))
                    .chain(target_matches.iter().map(|m| m.rule)),
            );
            // The record owns its agencies: the draft's mentions are moved into it.
            let to_ref = |m: AgencyMention| AgencyRef {
                name: if m.name.is_empty() {
                    m.mention.clone()
                } else {
                    m.name
                },
                id: m.id,
                mention: m.mention,
                span: None,
                current: m.current,
            };
            // The assignee phrase ends where the first lead mention written in the text ends.
            let subject_end = draft
                .roles
                .lead
                .iter()
                .filter_map(|m| {
                    draft
                        .text
                        .find(m.mention.as_str())
                        .map(|i| i + m.mention.len())
                })
                .max()
                .filter(|end| *end < draft.text.len() / 2 + 1)
                .unwrap_or(0);
            let (action, deliverable) = if draft.status.is_some() || draft.deadline_text.is_some() {
                // A table row: the task column is the action, the result column the product.
                let mut cells = draft.text.splitn(2, " | ");
                (
                    cells.next().map(str::to_string),
                    cells.next().map(str::to_string),
                )
            } else {
                let known: Vec<&str> = (draft.roles.lead.iter())
                    .chain(&draft.roles.support)
                    .map(|m| m.mention.as_str())
                    .collect();
                fields::action_and_deliverable(&draft.text, subject_end, &known, agency_context)
            };
            let kind = if draft.status.is_none()
                && fields::is_exhortation(
                    draft.text.get(subject_end..).unwrap_or_default(),
                    deadline_match.is_some(),
                ) {
                TaskKind::Exhortation
            } else {
                draft.kind
            };
            TaskRecord {
                schema: TASK_SCHEMA.to_string(),
                id,
                doc: context.doc.clone(),
                section: draft.section,
                text: draft.text,
                span: Span {
                    start: draft.span.start,
                    end: draft.span.end,
                    basis,
                },
                kind,
                lead: draft
                    .roles
                    .lead
                    .into_iter()
                    .filter(|m| !m.name.is_empty())
                    .map(to_ref)
                    .collect(),
                support: draft
                    .roles
                    .support
                    .into_iter()
                    .filter(|m| !m.name.is_empty())
                    .map(to_ref)
                    .collect(),
                lead_groups: dedup(draft.roles.lead_groups),
                support_groups: dedup(draft.roles.support_groups),
                action,
                deliverable,
                recurring: recurring.or(deadline_match.as_ref().and_then(|m| m.recurring)),
                deadline: deadline_match.map(|m| m.deadline),
                targets: target_matches.into_iter().map(|m| m.target).collect(),
                status: draft.status,
                rules,
            }
        })
        .collect()
}

/// A task's rules, sorted and without repeats, as the record's strings, gathered in
/// `scratch` (one vector for a document's tasks: each draft's vector, grown for the
/// agencies', deadline's and targets' rules, was reallocated for every task).
fn record_rules(
    scratch: &mut Vec<&'static str>,
    all: impl Iterator<Item = &'static str>,
) -> Vec<String> {
    scratch.clear();
    scratch.extend(all);
    scratch.sort_unstable();
    scratch.dedup();
    scratch.iter().map(|rule| rule.to_string()).collect()
}

/// The id of each draft, in order: from the document's hash, the section, the normalised
/// text and how many drafts of that section had that text before. Keys borrow the drafts'
/// sections and texts; a text is normalised again only when [`vntask_tokenizer::is_normal`]
/// cannot tell at once that it normalises to itself (a task text is a trimmed slice of a
/// block's text, already normalised by ingest, so it nearly always can).
fn task_ids(content_hash: &str, drafts: &[Draft]) -> Vec<String> {
    // Hashed with foldhash and sized for every task at once: SipHash over the texts, and
    // rehashing them as the table grew, showed in profiles (the keys come from one
    // document, not from an adversary).
    let mut ordinals: HashMap<(&str, Cow<'_, str>), u32, foldhash::fast::RandomState> =
        HashMap::with_capacity_and_hasher(drafts.len(), Default::default());
    drafts
        .iter()
        .map(|draft| {
            let normalised = if vntask_tokenizer::is_normal(&draft.text) {
                Cow::Borrowed(draft.text.as_str())
            } else {
                Cow::Owned(vntask_tokenizer::normalize(&draft.text))
            };
            match ordinals.entry((draft.section.as_str(), normalised)) {
                Entry::Occupied(mut slot) => {
                    let ordinal = *slot.get();
                    *slot.get_mut() += 1;
                    let (section, text) = slot.key();
                    vntask_writer::task_id(content_hash, section, text, ordinal)
                }
                Entry::Vacant(slot) => {
                    let (section, text) = slot.key();
                    let id = vntask_writer::task_id(content_hash, section, text, 0);
                    slot.insert(1);
                    id
                }
            }
        })
        .collect()
}

fn dedup<T: Ord>(mut items: Vec<T>) -> Vec<T> {
    items.sort();
    items.dedup();
    items
}

/// Renders the tasks rule `rule_id` produces when `text` is read as a whole document: for
/// each task, its lead names joined by `; ` (or its lead groups, or `-`), then ` | ` and the
/// task text. Task examples are small documents, since a shape such as an agency heading
/// over its items needs more than one line.
pub fn render_examples(rule_id: &str, text: &str, reference: Option<NaiveDate>) -> Vec<String> {
    let options = crate::Options {
        doc_id: "example".to_string(),
        path: "example.txt".to_string(),
        reference_date: reference,
        gazetteer: None,
    };
    crate::extract(text.as_bytes(), "example.txt", &options)
        .tasks
        .into_iter()
        .filter(|task| task.rules.iter().any(|r| r == rule_id))
        .map(|task| {
            let names: Vec<String> = task.lead.iter().map(|a| a.name.clone()).collect();
            let groups: Vec<&str> = task.lead_groups.iter().map(|g| g.as_str()).collect();
            let who = if !names.is_empty() {
                names.join("; ")
            } else if !groups.is_empty() {
                groups.join("+")
            } else {
                "-".to_string()
            };
            format!("{who} | {}", task.text)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`task_ids`] as it was: every text normalised again, keys owned.
    fn task_ids_reference(content_hash: &str, drafts: &[Draft]) -> Vec<String> {
        let mut ordinals: HashMap<(String, String), u32> = HashMap::new();
        drafts
            .iter()
            .map(|draft| {
                let normalised = vntask_tokenizer::normalize(&draft.text);
                let ordinal = ordinals
                    .entry((draft.section.clone(), normalised.clone()))
                    .or_insert(0);
                let id =
                    vntask_writer::task_id(content_hash, &draft.section, &normalised, *ordinal);
                *ordinal += 1;
                id
            })
            .collect()
    }

    #[test]
    fn task_ids_are_those_of_normalising_every_text() {
        let context = AgencyContext::default();
        let mut checked = 0;
        for bytes in test_documents() {
            let Ok(document) = vntask_ingest::read(&bytes, "doc.txt", &Default::default()) else {
                continue;
            };
            let found = blocks::Lookups::new(&document, &context);
            let mut drafts = drafts(&document, &found, &context);
            // Texts that do not normalise to themselves, repeated, so both paths and the
            // ordinals are exercised.
            for text in [
                "Bộ Y tế hoà thuận",
                "Bộ Y tế hòa thuận",
                "a\u{200B}b",
                "Bộ Y tế hoà thuận",
            ] {
                let mut extra = table_draft_for_test(text);
                extra.section = "1".to_string();
                drafts.push(extra);
            }
            // The extra texts take the slow path: they do not normalise to themselves.
            assert!(drafts
                .iter()
                .any(|d| vntask_tokenizer::normalize(&d.text) != d.text));
            assert_eq!(task_ids("h", &drafts), task_ids_reference("h", &drafts));
            checked += drafts.len();
        }
        assert!(checked > 100, "{checked}");
    }

    /// The documents the shared paths are compared with the per-text paths over: the seeds,
    /// the fixtures' documents and, when it is there, the generated corpus `/tmp/corp2`
    /// (`bench/gen-corpus --bytes 2M`).
    pub(super) fn test_documents() -> Vec<Vec<u8>> {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        let mut out = Vec::new();
        for dir in [
            format!("{root}/seeds"),
            format!("{root}/fixtures/docs"),
            "/tmp/corp2".to_string(),
        ] {
            let mut paths: Vec<_> = std::fs::read_dir(dir)
                .into_iter()
                .flatten()
                .flatten()
                .map(|entry| entry.path())
                .collect();
            paths.sort();
            out.extend(paths.iter().filter_map(|path| std::fs::read(path).ok()));
        }
        out
    }

    fn table_draft_for_test(text: &str) -> Draft {
        Draft {
            section: String::new(),
            text: text.to_string(),
            span: 0..0,
            roles: Roles::default(),
            rules: Vec::new(),
            kind: TaskKind::Directive,
            status: None,
            deadline_text: None,
            shared_deadline: None,
        }
    }

    /// Two tasks with the same text in one section get ordinals 0 and 1, so different ids,
    /// and the same ids on every run (the ordinal table's hasher is seeded at random).
    #[test]
    fn repeated_texts_are_numbered_in_order() {
        let text = "1. Bộ Y tế hoàn thiện Đề án.\n2. Bộ Y tế hoàn thiện Đề án.\n";
        let options = crate::Options {
            doc_id: "t".to_string(),
            path: "t.txt".to_string(),
            reference_date: None,
            gazetteer: None,
        };
        let ids = || -> Vec<String> {
            crate::extract(text.as_bytes(), "t.txt", &options)
                .tasks
                .into_iter()
                .map(|t| t.id)
                .collect()
        };
        let first = ids();
        assert_eq!(first.len(), 2);
        assert_ne!(first[0], first[1]);
        assert_eq!(ids(), first);
    }
}
