//! The forms of Vietnamese administrative time, each read into a raw [`Found`]: where the date
//! words are, what they resolve to, and which rule read them. The words before the date
//! (`trước`, `chậm nhất`, `trong`, `từ`) are read afterwards, by `cues`.
//!
//! A year left out takes the reference year; without a reference the due date stays unknown.

use super::calendar::{
    add_days, add_months, add_working_days, end_of_half, end_of_month, end_of_quarter, end_of_year,
    quarter_number,
};
use super::gates;
use super::groups;
use super::keywords::{Word, Words};
use super::DeadlineContext;
use chrono::{Datelike, NaiveDate};
use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::LazyLock;
use vntask_writer::{Precision, Recurring, Relation};

fn re(pattern: &str) -> Regex {
    // The patterns are literals of this module; a bad one is caught by every test run.
    Regex::new(pattern).unwrap_or_else(|e| panic!("invalid built-in regex {pattern}: {e}"))
}

/// How a raw finding is treated once its surrounding words are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A day (`ngày 15 tháng 10 năm 2024`, `15/10/2024`, `4/30/2024`).
    Day,
    /// A month with its year (`tháng 9/2024`).
    MonthYear,
    /// A month alone (`tháng 8`): a deadline only with a cue or as a whole table cell.
    Month,
    /// A quarter (`quý II năm 2022`, `Quý I`).
    Quarter,
    /// A half year (`6 tháng đầu năm`).
    Half,
    /// A year with a relation word (`trong năm 2025`, `đến hết năm 2024`).
    Year,
    /// A period (`giai đoạn 2026 - 2030`).
    Period,
    /// A span counted from the document (`trong vòng 30 ngày`): carries its own relation.
    Duration,
    /// A repetition (`hằng tháng`), with its first due day when it names one.
    Recurring,
    /// An event (`tại kỳ họp thứ 8`): no date.
    Event,
}

/// One reading of date words, before the words around it are weighed.
#[derive(Debug, Clone)]
pub struct Found {
    pub core: Range<usize>,
    pub kind: Kind,
    pub due: Option<NaiveDate>,
    /// The first day of the period, for a start reading (`từ tháng 6`) or a period.
    pub first: Option<NaiveDate>,
    pub precision: Precision,
    pub rule: &'static str,
    pub ambiguous: bool,
    pub recurring: Option<Recurring>,
    /// The relation of forms that carry their own words (`trong vòng`, `tại`, `trước Tết`).
    pub relation: Option<Relation>,
    /// The year was written (not taken from the reference date).
    pub year_given: bool,
    /// The core starts with `ngày`.
    pub has_day_word: bool,
}

impl Found {
    pub(super) fn new(
        core: Range<usize>,
        kind: Kind,
        precision: Precision,
        rule: &'static str,
    ) -> Found {
        Found {
            core,
            kind,
            due: None,
            first: None,
            precision,
            rule,
            ambiguous: false,
            recurring: None,
            relation: None,
            year_given: false,
            has_day_word: false,
        }
    }
}

fn num(caps: &Captures, i: usize) -> Option<u32> {
    caps.get(i)?.as_str().parse().ok()
}

/// The number in `text[range]`, for a group read by `groups`.
fn num_at(text: &str, range: &Option<Range<usize>>) -> Option<u32> {
    text[range.clone()?].parse().ok()
}

/// The year written in group `i` (two digits are 20xx), or the reference year.
fn year(caps: &Captures, i: usize, context: &DeadlineContext) -> (Option<i32>, bool) {
    year_of(caps.get(i).map(|m| m.as_str()), context)
}

/// The year `written` (two digits are 20xx), or the reference year.
fn year_of(written: Option<&str>, context: &DeadlineContext) -> (Option<i32>, bool) {
    match written.and_then(|w| w.parse::<i32>().ok()) {
        Some(y) if y < 100 => (Some(2000 + y), true),
        Some(y) => (Some(y), true),
        None => (context.reference.map(|r| r.year()), false),
    }
}

pub(super) static DAY_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?-u:\b)(?:\s*(?:năm|,\s*năm)\s+(\d{4})(?-u:\b))?",
    )
});
pub(super) static DAY_DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)((?-u:\b)ngày\s+)?(?-u:\b)(\d{1,2})\s*([/.\-])\s*(\d{1,2})(?:\s*([/.\-])\s*(\d{4}|\d{2}))?(?-u:\b)",
    )
});
pub(super) static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?-u:\b)tháng\s+(\d{1,2})(?-u:\b)(?:\s*(?:/|-|năm|,\s*năm)\s*(\d{4})(?-u:\b))?")
});
static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:(?-u:\b))qu[ýí]\s+(IV|I{1,3}|[1-4])(?-u:(?-u:\b))(?:\s*(?:/|-|năm|,\s*năm)\s*(\d{4})(?-u:(?-u:\b)))?",
    )
});
pub(super) static HALF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:(?-u:(?-u:\b)))(?:(?:0?6|sáu)\s+tháng|nửa)\s+(đầu|cuối)\s+năm(?-u:(?-u:(?-u:\b)))(?:\s+(\d{4})(?-u:(?-u:(?-u:\b)))|\s+nay(?-u:(?-u:(?-u:\b))))?",
    )
});
pub(super) static YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?-u:\b)(cuối\s+)?năm\s+(\d{4})(?-u:\b)(?P<more>\s*[-–—/]\s*\d)?"));
pub(super) static THIS_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?-u:(?-u:\b))(?:cuối\s+năm|năm\s+nay|trong\s+năm)(?-u:(?-u:\b))(?:\s+(\p{L}+|\d))?")
});
pub(super) static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:(?-u:(?-u:\b)))(?:(?:giai\s+đoạn|thời\s+kỳ|năm)\s+(\d{4})\s*[-–—]\s*(\d{4})|(?:từ\s+)?năm\s+(\d{4})\s+(?:đến|tới)\s+(?:hết\s+)?năm\s+(\d{4}))(?-u:(?-u:(?-u:\b)))",
    )
});
pub(super) const NUMBER_WORD: &str =
    "một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|mốt|trăm|linh|lẻ";
pub(super) static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)(?-u:\b)(?P<rel>trong\s+vòng|trong\s+thời\s+hạn|trong\s+thời\s+gian|trong|chậm\s+nhất(?:\s+là)?|sau|tối\s+đa|không\s+quá)\s+(?P<n>\d{{1,3}}|(?:{NUMBER_WORD})(?:\s+(?:{NUMBER_WORD}))*)\s*(?:\(\s*\d{{1,3}}\s*\)\s*)?(?P<unit>ngày\s+làm\s+việc|ngày|tuần|tháng|năm)(?-u:\b)(?P<rest>\s+(?:qua|vừa|gần|đầu|cuối|trước|liên|liền|sau)(?-u:\b))?(?P<from>\s*,?\s*(?:kể\s+)?từ\s+(?:ngày|khi|thời\s+điểm)\s+[^,;.\n\t]{{0,70}})?"
    ))
});
static DAY_OF_MONTH_FROM: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(\d{1,2})\s*(?:/|tháng)\s*(\d{1,2})\s*(?:/|năm)\s*(\d{4})"));
/// Every raw reading in `text`, in no particular order; overlaps are resolved by the caller.
pub fn scan(text: &str, context: &DeadlineContext) -> Vec<Found> {
    scan_with(text, context, true)
}

/// [`scan`] without the gates, to check that they skip nothing.
#[cfg(test)]
pub fn scan_ungated(text: &str, context: &DeadlineContext) -> Vec<Found> {
    scan_with(text, context, false)
}

/// `gated`: skip a pattern when its words (see `keywords`) are missing or its gate (see
/// `gates`) shows it cannot match.
fn scan_with(text: &str, context: &DeadlineContext, gated: bool) -> Vec<Found> {
    use Word::*;
    let mut out = Vec::new();
    let words = if gated { Words::of(text) } else { Words::ALL };
    // `ngày 15 tháng 10`.
    if words.has(Ngay) && words.has(Thang) {
        day_words(text, context, &mut out);
    }
    if !gated || gates::day_digits(text) {
        day_digits(text, context, &mut out);
    }
    if words.has(Thang) {
        months(text, context, &mut out);
    }
    if words.has(Quy) {
        quarters(text, context, &mut out);
    }
    // `6 tháng đầu năm`, `nửa cuối năm`.
    if words.has(Nam) && words.any(&[Dau, Cuoi]) && (!gated || gates::HALF.is_match(text)) {
        halves(text, context, &mut out);
    }
    // `năm 2025`, `cuối năm`, `năm nay`, `trong năm`.
    if words.has(Nam) {
        years(text, context, &mut out);
    }
    // `giai đoạn 2021 - 2025`, `thời kỳ 2021 - 2030`, `năm 2024 - 2025`.
    if words.any(&[Doan, Ky, Nam]) {
        periods(text, &mut out);
    }
    // A unit (`ngày`, `tuần`, `tháng`, `năm`) after a relation (`trong`, `chậm nhất`, `sau`,
    // `tối đa`, `không quá`).
    if words.any(&[Ngay, Tuan, Thang, Nam])
        && words.any(&[Trong, Nhat, Sau, Da, Qua])
        && (!gated || gates::DURATION.is_match(text))
    {
        durations(text, context, &mut out);
    }
    super::occasions::recurring(text, context, gated, words, &mut out);
    super::occasions::events(text, gated, words, &mut out);
    out
}

fn day_words(text: &str, context: &DeadlineContext, out: &mut Vec<Found>) {
    // The groups are the match's runs of digits (see `groups`): no backtracker.
    for whole in DAY_WORDS.find_iter(text) {
        let [day, month, year] = groups::digit_runs::<3>(text, whole.range());
        let (Some(day), Some(month)) = (num_at(text, &day), num_at(text, &month)) else {
            continue;
        };
        let (year, given) = year_of(year.map(|r| &text[r]), context);
        let mut found = Found::new(whole.range(), Kind::Day, Precision::Day, "DL003");
        found.due = year.and_then(|y| NaiveDate::from_ymd_opt(y, month, day));
        if year.is_some() && found.due.is_none() {
            continue;
        }
        found.year_given = given;
        found.has_day_word = true;
        out.push(found);
    }
}

fn day_digits(text: &str, context: &DeadlineContext, out: &mut Vec<Found>) {
    let bytes = text.as_bytes();
    // The groups are read off the match (see `groups`): no backtracker.
    for whole in DAY_DIGITS.find_iter(text) {
        let [day_word, first_digits, sep, second, sep2, year_digits] =
            groups::day_digits(text, whole.range());
        let (Some(first), Some(sep), Some(second)) = (
            num_at(text, &first_digits),
            sep.map(|r| &text[r]),
            num_at(text, &second),
        ) else {
            continue;
        };
        let numbers_start = first_digits.map_or(whole.start(), |m| m.start);
        // Not the tail of a document number or a decimal: `123/2020`, `1.5/3`.
        if numbers_start > 0 && matches!(bytes[numbers_start - 1], b'/' | b'.' | b',' | b'-') {
            continue;
        }
        // Not followed by more of a code: `06/QĐ-TTg`, `15/10/2024/NĐ-CP`.
        if matches!(bytes.get(whole.end()), Some(b'/' | b'-' | b'.' | b','))
            && bytes
                .get(whole.end() + 1)
                .is_some_and(u8::is_ascii_alphanumeric)
        {
            continue;
        }
        let has_year = year_digits.is_some();
        let same_sep = sep2.is_none_or(|s| &text[s] == sep);
        // `16.4` and `6-12` are numbers or ranges unless a year follows.
        if !same_sep || (!has_year && sep != "/") {
            continue;
        }
        let has_day_word = day_word.is_some();
        let (year, given) = year_of(year_digits.map(|r| &text[r]), context);
        let (day, month, rule, ambiguous) = if second > 12 && first <= 12 {
            (second, first, "DL005", false)
        } else if first > 12 || !context.month_first {
            let ambiguous = first <= 12 && second <= 12 && first != second && !has_day_word;
            (first, second, "DL004", ambiguous && !context.month_first)
        } else {
            (second, first, "DL005", false)
        };
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            continue;
        }
        let mut found = Found::new(whole.range(), Kind::Day, Precision::Day, rule);
        found.due = year.and_then(|y| NaiveDate::from_ymd_opt(y, month, day));
        if year.is_some() && found.due.is_none() {
            continue;
        }
        found.year_given = given;
        found.has_day_word = has_day_word;
        // A day and month without a year and without `ngày` is read only after a cue (`trước 20/7`).
        found.ambiguous = ambiguous;
        if !has_year && !has_day_word {
            found.kind = Kind::Month; // needs a cue, like a bare month
            found.precision = Precision::Day;
        }
        out.push(found);
    }
}

fn months(text: &str, context: &DeadlineContext, out: &mut Vec<Found>) {
    for whole in MONTH.find_iter(text) {
        let [month, year] = groups::digit_runs::<2>(text, whole.range());
        let Some(month) = num_at(text, &month) else {
            continue;
        };
        if preceded_by_count(text, whole.start()) {
            continue;
        }
        let (year, given) = year_of(year.map(|r| &text[r]), context);
        let kind = if given { Kind::MonthYear } else { Kind::Month };
        let rule = if given { "DL001" } else { "DL002" };
        let mut found = Found::new(whole.range(), kind, Precision::Month, rule);
        found.due = year.and_then(|y| end_of_month(y, month));
        found.first = year.and_then(|y| NaiveDate::from_ymd_opt(y, month, 1));
        if !(1..=12).contains(&month) {
            continue;
        }
        found.year_given = given;
        out.push(found);
    }
}

/// `6 tháng`, `ba tháng`, `hàng tháng`, `các tháng`: `tháng` here is not a month's name.
fn preceded_by_count(text: &str, start: usize) -> bool {
    let before = text[super::cues::back_boundary(text, start, 24)..start].trim_end();
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    if last.chars().last().is_some_and(|c| c.is_ascii_digit()) {
        return true;
    }
    // Lower-cased once, not once for each number word it is compared with.
    let lower = last.to_lowercase();
    NUMBER_WORD.split('|').any(|w| w == lower)
        || matches!(
            vntask_tokenizer::fold(last).as_str(),
            "hang" | "moi" | "tung" | "cac" | "nhung" | "may" | "vai"
        )
}

fn quarters(text: &str, context: &DeadlineContext, out: &mut Vec<Found>) {
    for caps in QUARTER.captures_iter(text) {
        let (Some(whole), Some(quarter)) = (
            caps.get(0),
            caps.get(1).and_then(|m| quarter_number(m.as_str())),
        ) else {
            continue;
        };
        let (year, given) = year(&caps, 2, context);
        let mut found = Found::new(whole.range(), Kind::Quarter, Precision::Quarter, "DL006");
        found.due = year.and_then(|y| end_of_quarter(y, quarter));
        found.first = year.and_then(|y| NaiveDate::from_ymd_opt(y, quarter * 3 - 2, 1));
        found.year_given = given;
        out.push(found);
    }
}

fn halves(text: &str, context: &DeadlineContext, out: &mut Vec<Found>) {
    for caps in HALF.captures_iter(text) {
        let (Some(whole), Some(which)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let half = if vntask_tokenizer::fold(which.as_str()) == "dau" {
            1
        } else {
            2
        };
        let (year, given) = year(&caps, 2, context);
        let mut found = Found::new(whole.range(), Kind::Half, Precision::Half, "DL007");
        found.due = year.and_then(|y| end_of_half(y, half));
        found.first = year.and_then(|y| NaiveDate::from_ymd_opt(y, half * 6 - 5, 1));
        found.year_given = given;
        out.push(found);
    }
}

fn years(text: &str, context: &DeadlineContext, out: &mut Vec<Found>) {
    for whole in YEAR.find_iter(text) {
        // The year and the digit of `more` are the match's runs of digits (see `groups`).
        let [year, more] = groups::digit_runs::<2>(text, whole.range());
        // `năm 2024 - 2025` is a period; `năm 2024/2025` a school or budget year.
        if more.is_some() {
            continue;
        }
        let (year, _) = year_of(year.map(|r| &text[r]), context);
        let mut found = Found::new(whole.range(), Kind::Year, Precision::Year, "DL008");
        found.due = year.and_then(end_of_year);
        found.first = year.and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1));
        found.year_given = true;
        out.push(found);
    }
    for whole in THIS_YEAR.find_iter(text) {
        let mut range = whole.range();
        // The word after the core is the match's third run of letters and digits (`groups`).
        if let Some(next) = groups::word_after(text, whole.range()) {
            let next_text = &text[next.clone()];
            let word = vntask_tokenizer::fold(next_text);
            // `trong năm 2025` is read above; `trong năm qua` is the past; `năm học` a school year.
            if next_text.starts_with(|c: char| c.is_ascii_digit())
                || matches!(
                    word.as_str(),
                    "qua" | "truoc" | "ngoai" | "toi" | "sau" | "hoc" | "ngan" | "tai" | "ke"
                )
            {
                continue;
            }
            range.end = if word == "nay" {
                next.end
            } else {
                whole.start() + text[whole.start()..next.start].trim_end().len()
            };
        }
        let year = context.reference.map(|r| r.year());
        let head = vntask_tokenizer::fold(&text[range.clone()]);
        let mut found = Found::new(range, Kind::Year, Precision::Year, "DL008");
        found.due = year.and_then(end_of_year);
        found.relation = if head.starts_with("trong") {
            Some(Relation::Within)
        } else if head.starts_with("cuoi") {
            Some(Relation::By)
        } else {
            None
        };
        out.push(found);
    }
}

fn periods(text: &str, out: &mut Vec<Found>) {
    for whole in PERIOD.find_iter(text) {
        // The years are the match's runs of digits, the branch told by the words between them.
        let groups = groups::period(text, whole.range());
        let [a, b, c, d] = &groups;
        let (from, to) = match (
            num_at(text, a),
            num_at(text, b),
            num_at(text, c),
            num_at(text, d),
        ) {
            (Some(a), Some(b), _, _) | (_, _, Some(a), Some(b)) => (a as i32, b as i32),
            _ => continue,
        };
        if to < from || to - from > 50 {
            continue;
        }
        let mut found = Found::new(whole.range(), Kind::Period, Precision::Year, "DL010");
        found.due = end_of_year(to);
        found.first = NaiveDate::from_ymd_opt(from, 1, 1);
        if c.is_some() {
            // `từ năm 2024 đến năm 2026` carries its own relation.
            found.relation = Some(Relation::By);
        }
        found.year_given = true;
        out.push(found);
    }
}

fn durations(text: &str, context: &DeadlineContext, out: &mut Vec<Found>) {
    for caps in DURATION.captures_iter(text) {
        let (Some(whole), Some(rel), Some(n), Some(unit)) = (
            caps.get(0),
            caps.name("rel"),
            caps.name("n"),
            caps.name("unit"),
        ) else {
            continue;
        };
        if caps.name("rest").is_some() {
            continue;
        }
        let count = vntask_tokenizer::parse_number(n.as_str())
            .or_else(|| vntask_tokenizer::parse_number_words(n.as_str()));
        let Some(count) = count.filter(|c| *c >= 1.0 && *c <= 999.0 && c.fract() == 0.0) else {
            continue;
        };
        let count = count as u64;
        let mut ambiguous = false;
        let mut base = context.reference;
        if let Some(from) = caps.name("from") {
            let tail = from.as_str();
            let folded = vntask_tokenizer::fold(tail);
            if let Some(date) = DAY_OF_MONTH_FROM.captures(tail) {
                base = match (num(&date, 1), num(&date, 2), num(&date, 3)) {
                    (Some(d), Some(m), Some(y)) => NaiveDate::from_ymd_opt(y as i32, m, d),
                    _ => None,
                };
            } else if !(folded.contains(" ky")
                || folded.contains("ngay ban hanh")
                || folded.contains("nay"))
            {
                // Counted from an event the text does not date (`kể từ ngày nhận được đề
                // nghị`, from receipt of the request; `kể từ ngày văn bản quy phạm pháp luật
                // được ban hành`, from another text's issue, unlike `kể từ ngày ban hành`):
                // no date can be resolved, so the span is kept as an event deadline rather
                // than counted from the document.
                ambiguous = true;
                base = None;
            }
        }
        let unit_folded = vntask_tokenizer::fold(unit.as_str());
        let (due, precision) = match unit_folded.split_whitespace().collect::<Vec<_>>()[..] {
            ["ngay", "lam", "viec"] => (
                base.and_then(|b| add_working_days(b, count)),
                Precision::Day,
            ),
            ["ngay"] => (base.and_then(|b| add_days(b, count)), Precision::Day),
            ["tuan"] => (base.and_then(|b| add_days(b, count * 7)), Precision::Day),
            ["thang"] => (
                base.and_then(|b| add_months(b, u32::try_from(count).ok()?)),
                Precision::Day,
            ),
            ["nam"] => (
                base.and_then(|b| add_months(b, u32::try_from(count * 12).ok()?)),
                Precision::Day,
            ),
            _ => continue,
        };
        let rel_folded = vntask_tokenizer::fold(rel.as_str());
        let relation = if rel_folded.starts_with("trong") {
            Relation::Within
        } else {
            Relation::By
        };
        let mut range = whole.range();
        if let Some(from) = caps.name("from") {
            range.end = from.start() + from.as_str().trim_end().len();
        }
        let precision = if base.is_none() && ambiguous {
            Precision::Event
        } else {
            precision
        };
        let mut found = Found::new(range, Kind::Duration, precision, "DL011");
        found.due = due;
        found.relation = Some(relation);
        found.ambiguous = ambiguous;
        out.push(found);
    }
}
