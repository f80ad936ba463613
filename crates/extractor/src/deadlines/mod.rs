//! Deadlines: the Vietnamese grammar of administrative time, resolved against a reference date.
//!
//! [`find`] reads every deadline, start date, event and repetition of a text (never the dates
//! of cited documents, reports of what was done, or years inside the names of plans);
//! [`pick`] chooses THE deadline of a task among them; [`column_is_month_first`] decides how
//! a table column of `4/30/2024`-style dates is read. `due` follows fixtures/gold/GUIDELINE.md.

pub mod calendar;
mod citation;
pub mod cues;
mod gates;
mod grammar;
mod groups;
mod keywords;
mod memo;
mod occasions;
mod phrases;
mod registry;

pub use memo::Memo;
pub use registry::RULES;

use chrono::{Datelike, NaiveDate};
use cues::Cue;
use grammar::{Found, Kind};
use std::ops::Range;
use vntask_writer::{Deadline, Precision, Recurring, Relation};

/// What the deadline rules need to know beyond the text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct DeadlineContext {
    /// The reference date (document date, meeting date, publication date, `--reference-date`).
    pub reference: Option<NaiveDate>,
    /// Dates in this text come from a table column read month-first (`4/30/2024`).
    pub month_first: bool,
}

/// What a found date is to the task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A deadline (`due` may still be null when no reference date is known).
    Due,
    /// A start date alone (`từ ngày 01 tháng 6 năm 2022`): `due` null, `start` set.
    Start,
    /// An event deadline (`tại kỳ họp thứ 8`): `due` null, precision `event`.
    Event,
    /// A repetition (`hằng tháng`); `due` is set when it names its day.
    Recurring,
}

/// One deadline found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct DeadlineMatch {
    /// Byte range in the searched text.
    pub range: Range<usize>,
    pub deadline: Deadline,
    pub recurring: Option<Recurring>,
    pub rule: &'static str,
    pub role: Role,
    /// Announced by a relation or deadline word (`trước`, `chậm nhất`, `thời hạn`), or the
    /// whole of a table cell; a bare date in running text is not.
    pub explicit: bool,
    /// Announced by a deadline label (`Thời hạn hoàn thành`, `Thời gian hoàn thành`, `Hạn:`).
    pub labelled: bool,
}

/// Finds deadlines in `text`, in text order.
pub fn find(text: &str, context: &DeadlineContext) -> Vec<DeadlineMatch> {
    let raw = without_overlaps(grammar::scan(text, context), |f| f.core.clone());
    let judged = raw
        .into_iter()
        .filter_map(|found| judge(text, context, found))
        .collect();
    let mut out = without_overlaps(judged, |m| m.range.clone());
    merge_start_end(text, &mut out);
    out
}

/// Keeps the longest of overlapping items (the earliest on a tie), in text order.
fn without_overlaps<T>(mut items: Vec<T>, range: impl Fn(&T) -> Range<usize>) -> Vec<T> {
    items.sort_by_key(|item| {
        let r = range(item);
        (std::cmp::Reverse(r.end - r.start), r.start)
    });
    let mut kept: Vec<T> = Vec::new();
    for item in items {
        let r = range(&item);
        if kept.iter().all(|k| {
            let o = range(k);
            r.end <= o.start || o.end <= r.start
        }) {
            kept.push(item);
        }
    }
    kept.sort_by_key(|item| range(item).start);
    kept
}

/// True when nothing but furniture (spaces, punctuation, HTML tags) surrounds `start..end`.
fn is_whole(text: &str, start: usize, end: usize) -> bool {
    fn furniture(s: &str) -> bool {
        let mut in_tag = false;
        s.chars().all(|c| {
            if in_tag {
                in_tag = c != '>';
                return true;
            }
            if c == '<' {
                in_tag = true;
                return true;
            }
            c.is_whitespace() || matches!(c, '-' | '–' | ':' | '.' | ',' | ';' | '(' | ')' | '*')
        })
    }
    furniture(&text[..start]) && furniture(&text[end..])
}

/// `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it, without parsing the format each time.
fn iso(date: NaiveDate) -> String {
    let year = date.year();
    if !(0..=9999).contains(&year) {
        // chrono signs years outside four digits (`+10000`).
        return date.format("%Y-%m-%d").to_string();
    }
    format!("{year:04}-{:02}-{:02}", date.month(), date.day())
}

/// Decides what a raw reading is, from the words around it; `None` when it is no deadline.
fn judge(text: &str, context: &DeadlineContext, found: Found) -> Option<DeadlineMatch> {
    let cue: Cue = cues::cue_before(text, found.core.start);
    let whole = is_whole(text, cue.start, found.core.end);
    let strong = cue.strong || found.relation.is_some() || whole;
    let mut rule = found.rule;
    if cue.after && found.kind != Kind::Duration {
        return None;
    }
    if ends_with_word(&text[..cue.start], "tính") {
        // `tính đến ngày 30/6`: the date of a status, not a deadline.
        return None;
    }
    if ends_with_word(&text[..cue.start], "dịp") {
        // `bình ổn giá dịp cuối năm`, `vào dịp 30/4`: the occasion the work serves, not the
        // day it is due.
        return None;
    }
    if cues::is_comparison(text, cue.start) {
        return None;
    }
    let past = matches!((found.due, context.reference), (Some(due), Some(r)) if due < r);
    let reported = cues::is_reported(text, cue.start, found.core.end, cue.relation.is_some())
        || (past && cues::done_before(text, cue.start));
    if reported && !whole {
        return None;
    }
    // A past period named with no relation word (`(năm 2023: 13 tỷ USD)`, `tình hình triển
    // khai giai đoạn 2021 - 2024`) describes what happened; a table cell or a label keeps it.
    let period_kind = matches!(
        found.kind,
        Kind::Year | Kind::MonthYear | Kind::Quarter | Kind::Half | Kind::Period
    );
    let first_past = matches!(
        (found.first.or(found.due), context.reference),
        (Some(first), Some(r)) if first.year() < r.year()
    );
    if period_kind
        && !whole
        && !cue.labelled
        && !cue.from
        && found.relation.is_none()
        && ((past && cue.relation.is_none()) || (found.kind == Kind::Period && first_past))
    {
        return None;
    }
    match found.kind {
        Kind::Day => {
            if cue.relation.is_none()
                && !cue.from
                && !cue.strong
                && (cues::is_citation(text, found.core.start)
                    || cues::is_dateline(text, cue.start, found.core.end))
            {
                return None;
            }
        }
        Kind::Month => {
            if !strong {
                return None;
            }
        }
        Kind::MonthYear | Kind::Quarter | Kind::Half => {
            if !cue.strong && !whole && cues::is_name_part(text, found.core.start, &cue) {
                return None;
            }
        }
        Kind::Year => {
            if found.relation.is_none()
                && !whole
                && cues::is_name_part(text, found.core.start, &cue)
            {
                return None;
            }
            if cue.weak && found.relation.is_none() && !whole {
                // A bare `năm 2022`: kept (weakly) only for the current or a later year.
                let reference_year = context.reference.map(|r| r.year());
                let year = found.due.map(|d| d.year());
                if cue.relation.is_none() && (year < reference_year || reference_year.is_none()) {
                    return None;
                }
                if cue.relation.is_none() {
                    if cues::is_statistic(text, found.core.start, found.core.end) {
                        return None;
                    }
                    rule = "DL009";
                }
            }
        }
        Kind::Period => {
            let runs_over = cue.strong
                || whole
                || found.relation.is_some()
                || ends_with_verb(&text[..cue.start]);
            if !runs_over || cues::is_name_part(text, found.core.start, &cue) {
                return None;
            }
        }
        Kind::Duration | Kind::Recurring | Kind::Event => {}
    }
    let role = match found.kind {
        _ if cue.from => Role::Start,
        Kind::Event => Role::Event,
        // A span counted from an undated event (`kể từ ngày nhận được đề nghị`).
        Kind::Duration if found.precision == Precision::Event => Role::Event,
        Kind::Recurring => Role::Recurring,
        _ => Role::Due,
    };
    let relation = found.relation.or(cue.relation).or(match found.kind {
        Kind::Event | Kind::Recurring => None,
        _ if cue.from => None,
        _ if strong => Some(Relation::By),
        Kind::Day => Some(Relation::On),
        Kind::Period => Some(Relation::By),
        _ => None,
    });
    let (due, start) = if role == Role::Start {
        rule = "DL017";
        (None, found.first.or(found.due).map(iso))
    } else if found.kind == Kind::Period {
        (found.due.map(iso), found.first.map(iso))
    } else {
        (found.due.map(iso), None)
    };
    // `đầu năm 2025`, `giữa tháng 8`: early or mid period, the day is not stated.
    let vague = !matches!(found.kind, Kind::Day | Kind::Half | Kind::Duration)
        && matches!(
            last_word(&text[..found.core.start]).as_str(),
            "dau" | "giua"
        );
    let range = cue.start..found.core.end;
    Some(DeadlineMatch {
        deadline: Deadline {
            due,
            precision: found.precision,
            relation,
            start,
            text: text[range.clone()].to_string(),
            span: None,
            ambiguous: found.ambiguous || vague,
        },
        range,
        recurring: found.recurring,
        rule,
        role,
        explicit: strong,
        labelled: cue.labelled,
    })
}

/// The last word of `text`, folded.
fn last_word(text: &str) -> String {
    let trimmed = text.trim_end();
    let word = trimmed
        .rsplit(|c: char| !crate::is_alphanumeric(c))
        .next()
        .unwrap_or("");
    vntask_tokenizer::fold(word)
}

/// Whether the last word of `text` is `word` (lower case), in any case but with its
/// diacritics: folded, `tỉnh` (province) would be `tính` (counting, as in `tính đến ngày`).
fn ends_with_word(text: &str, word: &str) -> bool {
    let last = text
        .trim_end()
        .rsplit(|c: char| !crate::is_alphanumeric(c))
        .next()
        .unwrap_or("");
    last.chars().flat_map(char::to_lowercase).eq(word.chars())
}

/// `thực hiện giai đoạn 2026 - 2030`: the task runs over the period.
fn ends_with_verb(text: &str) -> bool {
    let folded = vntask_tokenizer::fold(&text[cues::back_boundary(text, text.len(), 30)..]);
    let folded = folded.trim_end();
    [
        "thuc hien",
        "trien khai",
        "on dinh",
        "duy tri",
        "ap dung",
        "hoan thanh",
    ]
    .iter()
    .any(|verb| folded.ends_with(verb))
}

/// `từ ngày 01/6/2024 đến ngày 30/6/2024`: one deadline with its start.
fn merge_start_end(text: &str, found: &mut Vec<DeadlineMatch>) {
    let mut i = 0;
    while i + 1 < found.len() {
        let between = &text[found[i].range.end..found[i + 1].range.start];
        let joins = between
            .chars()
            .all(|c| c.is_whitespace() || c == ',' || c == '-' || c == '–');
        if found[i].role == Role::Start
            && found[i + 1].role == Role::Due
            && found[i + 1].deadline.relation == Some(Relation::By)
            && joins
        {
            let start = found[i].deadline.start.clone();
            let range = found[i].range.start..found[i + 1].range.end;
            let mut merged = found.remove(i + 1);
            merged.deadline.start = start;
            merged.deadline.text = text[range.clone()].to_string();
            merged.range = range;
            merged.rule = "DL017";
            found[i] = merged;
        }
        i += 1;
    }
}

/// THE deadline of a task text among everything [`find`] returned.
///
/// The policy, in order: a dated deadline under a deadline label (`Thời hạn hoàn thành trước
/// ngày 16 tháng 8 năm 2024`, `Thời gian hoàn thành ...`); a dated deadline announced by its words (`trước`, `chậm nhất`,
/// `trong`, `đến hết`, `thời hạn`, a parenthesis) or standing alone in a table cell; then a
/// dated deadline written bare (`năm 2022` after the action); then an event (`tại kỳ họp thứ 8`);
/// then a deadline that could not be dated (no reference date). Within a tier the first in
/// text order wins: a sentence that states two deadlines for two actions is split into two
/// tasks by the assembly, each keeping its own first. Start dates and repetitions without a
/// named day are never the deadline (see [`recurring_of`]).
pub fn pick(found: &[DeadlineMatch]) -> Option<&DeadlineMatch> {
    let tier = |m: &DeadlineMatch| -> Option<u8> {
        match m.role {
            Role::Start => None,
            Role::Recurring if m.deadline.due.is_none() => None,
            Role::Event => Some(3),
            _ if m.deadline.due.is_none() => Some(4),
            _ if m.labelled => Some(0),
            _ if m.explicit => Some(1),
            _ => Some(2),
        }
    };
    found
        .iter()
        .filter_map(|m| tier(m).map(|t| (t, m)))
        .min_by_key(|(t, m)| (*t, m.range.start))
        .map(|(_, m)| m)
}

/// The deadline and repetition of one task.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolved {
    pub deadline: Option<DeadlineMatch>,
    pub recurring: Option<Recurring>,
}

/// Resolves a task's deadline from its table date cell (when the task is a table row) and
/// its own text: [`pick`] in each, then [`more_precise`] between the two; the repetition is
/// the cell's, else the text's. `cell_context.month_first` should come from
/// [`column_is_month_first`] over the whole date column.
pub fn resolve(
    cell: Option<&str>,
    cell_context: &DeadlineContext,
    text: &str,
    context: &DeadlineContext,
) -> Resolved {
    let in_cell = cell.map(|c| find(c, cell_context)).unwrap_or_default();
    let in_text = find(text, context);
    let deadline = match (pick(&in_cell), pick(&in_text)) {
        (Some(c), Some(t)) => Some(more_precise(c, t).clone()),
        (c, t) => c.or(t).cloned(),
    };
    Resolved {
        deadline,
        recurring: recurring_of(&in_cell).or(recurring_of(&in_text)),
    }
}

/// The repetition of a task (`định kỳ hằng tháng`): the first one found.
pub fn recurring_of(found: &[DeadlineMatch]) -> Option<Recurring> {
    found.iter().find_map(|m| m.recurring)
}

/// Of a table's date column (`Tháng 5`) and the task's own text (`trước ngày 30 tháng 5 năm
/// 2024`), the more precise date wins when it falls inside the column's period; otherwise the
/// column, which the table states as the deadline, is kept.
pub fn more_precise<'a>(column: &'a DeadlineMatch, text: &'a DeadlineMatch) -> &'a DeadlineMatch {
    let parse = |m: &DeadlineMatch| {
        m.deadline
            .due
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    };
    let rank = |p: Precision| match p {
        Precision::Day => 0,
        Precision::Month => 1,
        Precision::Quarter => 2,
        Precision::Half => 3,
        Precision::Year => 4,
        Precision::Event => 5,
    };
    match (parse(column), parse(text)) {
        (Some(c), Some(t))
            if rank(text.deadline.precision) < rank(column.deadline.precision)
                && t <= c
                && t >= calendar::period_start(c, column.deadline.precision) =>
        {
            text
        }
        (None, Some(_)) => text,
        _ => column,
    }
}

/// True when a table column of dates must be read month-first: some cell cannot be day-first
/// (`4/30/2024`: 30 is no month) and none cannot be month-first (`30/4/2024`).
pub fn column_is_month_first(cells: &[&str]) -> bool {
    let mut month_first = false;
    for cell in cells {
        let core = cell
            .trim()
            .trim_start_matches(|c: char| !c.is_ascii_digit());
        let core = core.trim_end_matches(|c: char| !c.is_ascii_digit());
        let parts: Vec<&str> = core.split('/').collect();
        let [a, b, y] = parts[..] else { continue };
        let (Ok(a), Ok(b)) = (a.trim().parse::<u32>(), b.trim().parse::<u32>()) else {
            continue;
        };
        if y.trim().len() != 4 || !y.trim().bytes().all(|c| c.is_ascii_digit()) {
            continue;
        }
        if a > 12 && b <= 12 {
            return false;
        }
        if b > 12 && a <= 12 {
            month_first = true;
        }
    }
    month_first
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

fn snake<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// `due precision`, plus ` recurring` when set.
pub fn render(found: &DeadlineMatch) -> String {
    let mut out = format!(
        "{} {}",
        found.deadline.due.as_deref().unwrap_or("null"),
        snake(found.deadline.precision)
    );
    if let Some(recurring) = found.recurring {
        out.push(' ');
        out.push_str(&snake(recurring));
    }
    out
}

/// [`render`] plus the relation, the start and the ambiguity flag when set:
/// `2024-10-15 day rel=before`, `null day rel=- start=2022-06-01`, `2024-06-05 day rel=on ambiguous`.
pub fn render_detail(found: &DeadlineMatch) -> String {
    let mut out = render(found);
    out.push_str(" rel=");
    match found.deadline.relation {
        Some(relation) => out.push_str(&snake(relation)),
        None => out.push('-'),
    }
    if let Some(start) = &found.deadline.start {
        out.push_str(" start=");
        out.push_str(start);
    }
    if found.deadline.ambiguous {
        out.push_str(" ambiguous");
    }
    out
}

#[cfg(test)]
mod tests;
