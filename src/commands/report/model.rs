//! The data embedded in the report page: summary figures, documents, lead agencies and a
//! compact form of every task, with each task's state as of the report date.
//!
//! Every figure the page shows about the whole feed is computed here, once, so the page and
//! the tests agree on one definition:
//! - a task **has a deadline** when its record has a `deadline` (an event deadline such as
//!   `sau khi Luật được thông qua` counts, though it has no date);
//! - a task is **overdue** when its due date is before the as-of date and it is not completed;
//! - a task is **due soon** when its due date falls within the 30 days from the as-of date
//!   (both ends included) and it is not completed.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use vntask_writer::{DocumentRecord, TaskRecord, TaskStatus};

/// Length of the "due soon" window, in days after the as-of date.
pub const DUE_SOON_DAYS: u64 = 30;

/// Where the as-of date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AsOfSource {
    /// `--as-of`.
    Option,
    /// The latest document date (or reference date) found in the feed and document list.
    LatestDocument,
}

#[derive(Debug, Serialize)]
pub struct ReportData {
    pub meta: Meta,
    pub summary: Summary,
    pub docs: Vec<DocEntry>,
    pub agencies: Vec<AgencyEntry>,
    /// Tasks with no named lead (only groups, or none found): the `-` entry of the filter.
    pub unassigned: AgencyCounts,
    pub tasks: Vec<TaskEntry>,
}

#[derive(Debug, Serialize)]
pub struct Meta {
    pub as_of: String,
    pub as_of_source: AsOfSource,
    pub soon_until: String,
    pub feed: String,
    pub version: String,
}

#[derive(Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub documents: usize,
    pub tasks: usize,
    pub agencies: usize,
    pub with_deadline: usize,
    pub overdue: usize,
    pub due_soon: usize,
    pub completed: usize,
}

#[derive(Debug, Serialize)]
pub struct DocEntry {
    pub id: String,
    pub path: String,
    #[serde(rename = "type")]
    pub doc_type: String,
    pub number: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    pub tasks: usize,
}

#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct AgencyCounts {
    /// Tasks it leads.
    pub n: usize,
    /// Of which with a deadline.
    pub dl: usize,
    /// Of which overdue.
    pub od: usize,
}

#[derive(Debug, Serialize)]
pub struct AgencyEntry {
    pub name: String,
    /// The body that holds the work today, when different (after the 2025 mergers).
    pub current: Option<String>,
    #[serde(flatten)]
    pub counts: AgencyCounts,
}

/// The state of a task as of the report date, one value per task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskState {
    Completed,
    Overdue,
    Soon,
    /// Due after the due-soon window.
    Later,
    /// No due date (no deadline, or an event deadline).
    Undated,
}

/// One task, with short keys: 100,000 of them are embedded in one page.
#[derive(Debug, Serialize)]
pub struct TaskEntry {
    pub id: String,
    /// Index into `docs`.
    pub d: usize,
    /// Section path.
    pub s: String,
    /// The task's text (the source quote).
    pub t: String,
    /// Indexes into `agencies` of the lead agencies.
    pub l: Vec<usize>,
    /// Supporting agencies' names.
    pub sp: Vec<String>,
    /// Lead groups, then support groups (`ministries`, ...).
    pub g: Vec<&'static str>,
    pub sg: Vec<&'static str>,
    /// Due date (`YYYY-MM-DD`).
    pub due: Option<String>,
    /// The deadline words as written.
    pub dt: Option<String>,
    pub st: TaskState,
    /// `in_progress` when a table row says so.
    pub ip: bool,
    /// `true` for an exhortation (no concrete action).
    pub ex: bool,
}

/// Picks the report date: the option when given, else the latest full date among the tasks'
/// documents and the document list (document dates and reference dates). `None` when the
/// feed has no dated document at all.
pub fn choose_as_of(
    option: Option<NaiveDate>,
    tasks: &[TaskRecord],
    documents: &[DocumentRecord],
) -> Option<(NaiveDate, AsOfSource)> {
    if let Some(date) = option {
        return Some((date, AsOfSource::Option));
    }
    let from_tasks = tasks.iter().filter_map(|t| t.doc.date.as_deref());
    let from_docs = documents
        .iter()
        .flat_map(|d| [d.date.as_deref(), d.reference_date.as_deref()])
        .flatten();
    from_tasks
        .chain(from_docs)
        .filter_map(parse_day)
        .max()
        .map(|date| (date, AsOfSource::LatestDocument))
}

/// A full `YYYY-MM-DD` date; partial dates (`2024-07`) give `None`.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// The state of one task as of `as_of`.
pub fn task_state(task: &TaskRecord, as_of: NaiveDate, soon_until: NaiveDate) -> TaskState {
    if task.status == Some(TaskStatus::Completed) {
        return TaskState::Completed;
    }
    let due = task
        .deadline
        .as_ref()
        .and_then(|d| d.due.as_deref())
        .and_then(parse_day);
    match due {
        None => TaskState::Undated,
        Some(due) if due < as_of => TaskState::Overdue,
        Some(due) if due <= soon_until => TaskState::Soon,
        Some(_) => TaskState::Later,
    }
}

/// Builds the page data. `feed_name` is shown in the page header.
pub fn build(
    tasks: &[TaskRecord],
    documents: &[DocumentRecord],
    as_of: (NaiveDate, AsOfSource),
    feed_name: &str,
) -> ReportData {
    let (as_of_date, as_of_source) = as_of;
    let soon_until = as_of_date
        .checked_add_days(Days::new(DUE_SOON_DAYS))
        .unwrap_or(NaiveDate::MAX);

    let (mut docs, doc_index) = collect_docs(tasks, documents);
    let (agencies, agency_index) = collect_agencies(tasks);
    let mut agencies = agencies;
    let mut unassigned = AgencyCounts::default();
    let mut summary = Summary {
        documents: docs.len(),
        tasks: tasks.len(),
        agencies: agencies.len(),
        ..Summary::default()
    };

    let mut entries = Vec::with_capacity(tasks.len());
    for task in tasks {
        let state = task_state(task, as_of_date, soon_until);
        let has_deadline = task.deadline.is_some();
        summary.with_deadline += usize::from(has_deadline);
        summary.overdue += usize::from(state == TaskState::Overdue);
        summary.due_soon += usize::from(state == TaskState::Soon);
        summary.completed += usize::from(state == TaskState::Completed);

        // One count per agency per task, even when a name is repeated in `lead`.
        let leads: BTreeSet<usize> = task
            .lead
            .iter()
            .filter_map(|a| agency_index.get(a.name.as_str()).copied())
            .collect();
        let counted = if leads.is_empty() {
            vec![&mut unassigned]
        } else {
            agencies
                .iter_mut()
                .enumerate()
                .filter(|(i, _)| leads.contains(i))
                .map(|(_, a)| &mut a.counts)
                .collect()
        };
        for counts in counted {
            counts.n += 1;
            counts.dl += usize::from(has_deadline);
            counts.od += usize::from(state == TaskState::Overdue);
        }

        let d = doc_index.get(task.doc.id.as_str()).copied().unwrap_or(0);
        if let Some(doc) = docs.get_mut(d) {
            doc.tasks += 1;
        }
        entries.push(TaskEntry {
            id: task.id.clone(),
            d,
            s: task.section.clone(),
            t: task.text.clone(),
            l: leads.into_iter().collect(),
            sp: task.support.iter().map(|a| a.name.clone()).collect(),
            g: task.lead_groups.iter().map(|g| g.as_str()).collect(),
            sg: task.support_groups.iter().map(|g| g.as_str()).collect(),
            due: task.deadline.as_ref().and_then(|d| d.due.clone()),
            dt: task.deadline.as_ref().map(|d| d.text.clone()),
            st: state,
            ip: task.status == Some(TaskStatus::InProgress),
            ex: task.kind == vntask_writer::TaskKind::Exhortation,
        });
    }

    ReportData {
        meta: Meta {
            as_of: as_of_date.format("%Y-%m-%d").to_string(),
            as_of_source,
            soon_until: soon_until.format("%Y-%m-%d").to_string(),
            feed: feed_name.to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        },
        summary,
        docs: std::mem::take(&mut docs),
        agencies,
        unassigned,
        tasks: entries,
    }
}

/// Documents in the order of the document list, then any document only the feed names.
fn collect_docs(
    tasks: &[TaskRecord],
    documents: &[DocumentRecord],
) -> (Vec<DocEntry>, HashMap<String, usize>) {
    let mut docs = Vec::new();
    let mut index = HashMap::new();
    for d in documents {
        if index.contains_key(&d.id) {
            continue;
        }
        index.insert(d.id.clone(), docs.len());
        docs.push(DocEntry {
            id: d.id.clone(),
            path: d.path.clone(),
            doc_type: d.doc_type.as_str().to_string(),
            number: d.number.clone(),
            date: d.date.clone(),
            title: d.title.clone(),
            tasks: 0,
        });
    }
    for t in tasks {
        if index.contains_key(&t.doc.id) {
            continue;
        }
        index.insert(t.doc.id.clone(), docs.len());
        docs.push(DocEntry {
            id: t.doc.id.clone(),
            path: t.doc.path.clone(),
            doc_type: t.doc.doc_type.as_str().to_string(),
            number: t.doc.number.clone(),
            date: t.doc.date.clone(),
            title: t.doc.title.clone(),
            tasks: 0,
        });
    }
    (docs, index)
}

/// Lead agencies keyed by canonical name, most tasks first (ties by name, for a stable page).
fn collect_agencies(tasks: &[TaskRecord]) -> (Vec<AgencyEntry>, HashMap<String, usize>) {
    let mut current: BTreeMap<&str, Option<&str>> = BTreeMap::new();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for task in tasks {
        let names: BTreeSet<&str> = task.lead.iter().map(|a| a.name.as_str()).collect();
        for name in names {
            *counts.entry(name).or_default() += 1;
        }
        for a in &task.lead {
            let slot = current.entry(a.name.as_str()).or_default();
            if slot.is_none() {
                *slot = a.current.as_deref().filter(|c| *c != a.name);
            }
        }
    }
    let mut names: Vec<(&str, Option<&str>)> = current.into_iter().collect();
    names.sort_by(|a, b| {
        let na = counts.get(a.0).copied().unwrap_or(0);
        let nb = counts.get(b.0).copied().unwrap_or(0);
        nb.cmp(&na).then_with(|| a.0.cmp(b.0))
    });
    let index = names
        .iter()
        .enumerate()
        .map(|(i, (name, _))| (name.to_string(), i))
        .collect();
    let entries = names
        .into_iter()
        .map(|(name, current)| AgencyEntry {
            name: name.to_string(),
            current: current.map(str::to_string),
            counts: AgencyCounts::default(),
        })
        .collect();
    (entries, index)
}

#[cfg(test)]
#[path = "model_tests.rs"]
pub(crate) mod tests;
