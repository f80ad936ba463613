//! Numeric targets: what a task must reach (`phấn đấu 80% dịch vụ công ...`,
//! `bồi dưỡng 10.000 cán bộ, công chức`).
//!
//! [`find`] reads every quantity of a text (see `grammar`) and keeps the targets: a percentage
//! that is not reported as already reached (`đã đạt 104,9%`, `(31,3%)`, `tính đến ...`), and a
//! counted quantity announced by a target word (`phấn đấu`, `đạt`, `bảo đảm`, `mục tiêu`,
//! `ít nhất`, `đầy đủ`). Names and codes are never quantities: `4G`, `IPv6`, `Đề án 06`,
//! `Nghị định 123/2020/NĐ-CP`, dates, `(1)` enumerations, `Top 50`. [`find_reported`] returns the
//! figures reported as achieved, for the document's reported metrics.

mod grammar;
mod groups;
mod registry;

pub use registry::RULES;

use crate::deadlines::cues::{back_boundary, clause_end, clause_start, forward_boundary};
use grammar::Quantity;
use regex::Regex;
use regex_automata::{meta, Input};
use std::ops::Range;
use std::sync::LazyLock;
use vntask_writer::{Comparator, Target};

fn re(pattern: &str) -> Regex {
    // The patterns are literals of this module; a bad one is caught by every test run.
    Regex::new(pattern).unwrap_or_else(|e| panic!("invalid built-in regex {pattern}: {e}"))
}

/// A pattern whose matches are read only for where they end (see [`last_match_end`]).
fn ends_only(pattern: &str) -> meta::Regex {
    // The patterns are literals of this module; a bad one is caught by every test run.
    meta::Regex::new(pattern).unwrap_or_else(|e| panic!("invalid built-in regex {pattern}: {e}"))
}

/// Where the last match of `regex` in `text` ends, the matches taken left to right as
/// `find_iter` takes them. The forward search alone gives each end (`find_iter` also runs the
/// lazy DFA backwards from it for the start, never read here); each search starts where the
/// last match ended, as in `find_iter`, since no pattern given here matches the empty string
/// (checked by the tests; an empty match would end the reading instead of looping).
fn last_match_end(regex: &meta::Regex, text: &str) -> Option<usize> {
    let mut input = Input::new(text);
    let mut last = None;
    while let Some(found) = regex.search_half(&input) {
        let end = found.offset();
        if end <= input.start() || end > text.len() {
            break;
        }
        last = Some(end);
        input.set_start(end);
    }
    last
}

/// One target found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetMatch {
    pub range: Range<usize>,
    pub target: Target,
    pub rule: &'static str,
}

/// Words after which a number names something: `Đề án 06`, `Top 50`, `khóa XV`, `ngày 15`.
const NAMING_WORDS: &[&str] = &[
    "ngay", "thang", "nam", "quy", "khoa", "ky", "thu", "so", "top", "hang", "nhom", "dieu",
    "khoan", "diem", "muc", "chuong", "phan", "luc", "an", "dinh", "quyet", "thi", "tu", "luat",
    "ban", "trinh", "hoach", "lan", "doan", "dot", "phien", "do", "vung", "bang", "phong", "gio",
    "phut", "ma", "ipv", "version",
];

/// What marks a figure as already reached.
/// `chỉ` (only) reports a figure only before a verb of quantity (`chỉ đạt 30%`, `chỉ còn`) or
/// right before it (`chỉ 30%`): `chỉ đạo` (to direct), `chỉ thị` are no report.
static REPORTED: LazyLock<meta::Regex> = LazyLock::new(|| ends_only(REPORTED_PATTERN));
const REPORTED_PATTERN: &str = r"(?i)(?:^|[^\p{L}])(?:(?:đã|vừa|được)\s+(?:\p{L}+\s+){0,2}?(?:đạt|tăng|giảm|hoàn\s+thành|cung\s+cấp|đào\s+tạo|bồi\s+dưỡng|tập\s+huấn|nâng)|đã|đạt\s+được|hiện\s+nay|hiện\s+tại|tính\s+đến|so\s+với|cùng\s+kỳ|còn|chỉ(?:\s+(?:đạt|có|còn|bằng|mới|được|tăng|giảm|chiếm)|\s*$))(?:[^\p{L}]|$)";
/// What states a goal, overriding an earlier report marker in the sentence.
static GOAL: LazyLock<meta::Regex> = LazyLock::new(|| ends_only(GOAL_PATTERN));
const GOAL_PATTERN: &str = r"(?i)(?:^|[^\p{L}])(?:phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|bảo\s+đảm|đảm\s+bảo|yêu\s+cầu|phải|cần|sẽ|đến\s+hết\s+năm|đến\s+năm|giao|đề\s+nghị)(?:[^\p{L}]|$)";
/// What announces a target.
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:^|[^\p{L}])(?:phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|bảo\s+đảm|đảm\s+bảo|đạt|ít\s+nhất|tối\s+thiểu|tối\s+đa|không\s+quá|không\s+dưới|đầy\s+đủ|hoàn\s+thành|cung\s+cấp|đào\s+tạo|bồi\s+dưỡng|tập\s+huấn|thu\s+hút|huy\s+động|hỗ\s+trợ|tiết\s+kiệm|tăng|giảm|nâng|cho|yêu\s+cầu|phải|cần|sẽ|đến\s+hết\s+năm|đến\s+năm|trong\s+năm)(?:[^\p{L}]|$)",
    )
});
/// Words that announce an amount of money to reach: funds to allocate or disburse
/// (`bố trí 5 tỷ đồng`, `phân bổ 120 tỷ đồng`, `giải ngân 2.000 tỷ đồng`). Said of people
/// (`bố trí 02 cán bộ`) they assign staff, which is no target.
static MONEY_CUE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:^|[^\p{L}])(?:bố\s+trí|phân\s+bổ|giải\s+ngân)(?:[^\p{L}]|$)"));
static DONE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:^|[^\p{L}])(?:đã|đạt\s+được|vừa|so\s+với)(?:[^\p{L}]|$)"));
static METRIC_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?:tỷ\s+lệ|tỉ\s+lệ|số\s+lượng|tổng\s+số|mức)\s[^,;.()\n\t]{0,60}?\s*(?:đạt|là|:)?\s*$")
});
static METRIC_STOP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\s(?:theo|để|nhằm|trước|chậm\s+nhất|đến\s+hết|đến\s+năm|vào\s+năm|trong\s+tháng|trong\s+năm|trong\s+quý|so\s+với)\s|,\s*(?:\d|từ\s+\d)|[;.()<\n\t]|\s\d",
    )
});

/// The end of a change after its start (`từ X` + `lên 821`, `xuống 5`).
static CHANGE_TO: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[^,;.()\n\t]*?(?:^|\s)(?:lên|xuống)\s+\d"));

/// Finds targets in `text`, in text order.
pub fn find(text: &str) -> Vec<TargetMatch> {
    collect(text, false)
}

/// Finds figures reported as already reached (`đã đạt 104,9%`), in text order.
pub fn find_reported(text: &str) -> Vec<TargetMatch> {
    collect(text, true)
}

fn collect(text: &str, reported_wanted: bool) -> Vec<TargetMatch> {
    grammar::scan(text)
        .into_iter()
        .filter(|q| !names_something(text, q))
        .filter_map(|q| {
            // The tests are asked cheapest first; none depends on another's outcome.
            // `3 trụ cột`, `5 nội dung`: a small count of things is a list, not a target.
            if !q.percent && !q.known_unit && q.value < 10.0 && q.comparator.is_none() {
                return None;
            }
            // A target needs a percent sign or a target word before it.
            if !reported_wanted && !q.percent && !announced(text, &q) {
                return None;
            }
            if is_reported(text, &q) != reported_wanted {
                return None;
            }
            Some(build(text, q))
        })
        .collect()
}

/// `Đề án 06`, `năm 2025`, `(1)`, `Top 50`, a year, a date-like ratio (`20/7`).
fn names_something(text: &str, q: &Quantity) -> bool {
    let before = text[..q.number_start].trim_end();
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| crate::is_alphanumeric(*c))
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    let folded = vntask_tokenizer::fold(&word);
    let gap = &text[before.len()..q.number_start];
    let same_cell = !gap.contains(['\t', '\n']);
    // `tư` (`Thông tư 01`) names; `từ` (from: `đạt từ 98% trở lên`) opens an amount, unless
    // it is the start of a change (`tăng từ 560 tỷ USD năm 2028 lên 821 tỷ USD`).
    let is_from = folded == "tu"
        && word.to_lowercase() == "từ"
        && !CHANGE_TO.is_match(&text[q.range.end..forward_boundary(text, q.range.end, 40)]);
    if q.range.start == q.number_start
        && same_cell
        && !is_from
        && NAMING_WORDS.contains(&folded.as_str())
    {
        return true;
    }
    // `đường dây 500 kV`, `trạm biến áp 220 kV`: a voltage is the class of a line or a
    // station, part of its name, never an amount to reach.
    if q.unit.eq_ignore_ascii_case("kv") {
        return true;
    }
    let enumerated = before.ends_with('(') && text[q.range.end..].trim_start().starts_with(')');
    if enumerated && !q.percent {
        return true;
    }
    let is_year = !q.percent
        && !q.scaled
        && q.value.fract() == 0.0
        && (1900.0..=2100.0).contains(&q.value)
        && !text[q.number_start..q.range.end].contains('.');
    if is_year {
        return true;
    }
    if let Some(total) = q.total {
        if q.value <= 31.0 && total <= 12.0 && !q.percent {
            return true;
        }
    }
    false
}

/// True when the figure reports what was reached rather than what must be.
fn is_reported(text: &str, q: &Quantity) -> bool {
    let sentence = clause_start(text, q.range.start, false);
    let before = &text[sentence..q.range.start];
    // The goal words are looked for only when their answer is read (a marker before the
    // figure, or a `đã` after it): most figures have neither.
    if let Some(marker) = last_match_end(&REPORTED, before) {
        let last_goal = last_match_end(&GOAL, before);
        if last_goal.is_none_or(|goal| marker >= goal) {
            return true;
        }
    }
    // A figure inside quotes is part of a slogan or a title: `“1 quyết tâm, 3 giá trị”`.
    if before.matches('“').count() > before.matches('”').count() {
        return true;
    }
    // `thấp (31,3%)`: a figure in brackets after its noun, with no target word.
    if before.trim_end().ends_with('(') {
        return true;
    }
    let clause_stop = clause_end(text, q.range.end, false);
    let after = &text[q.range.end..forward_boundary(text, q.range.end, 80).min(clause_stop)];
    // A floor or a ceiling (`tối thiểu`, `ít nhất`, `trở lên`, `không quá`, `tối đa`) states
    // what must be reached: `tiết kiệm tối thiểu 10% điện năng ... so với năm 2025` compares
    // with a baseline, it reports nothing.
    let bound = matches!(q.comparator, Some(Comparator::AtLeast | Comparator::AtMost));
    DONE_AFTER
        .find_iter(after)
        .any(|m| !is_medium_sized(after, m))
        && !GOAL.is_match(before)
        && !bound
}

/// Whether a `vừa` found after a figure is `nhỏ và vừa` (small and medium-sized: `500 doanh
/// nghiệp nhỏ và vừa`), not `vừa` (just: `vừa hoàn thành`).
fn is_medium_sized(after: &str, found: regex::Match) -> bool {
    let word = found.as_str().trim_matches(|c: char| !c.is_alphabetic());
    word.to_lowercase() == "vừa"
        && after
            .get(..found.start() + found.as_str().find(word).unwrap_or(0))
            .is_some_and(|before| before.trim_end().to_lowercase().ends_with(" và"))
}

/// A counted quantity is a target only when a target word stands before it in its clause.
fn announced(text: &str, q: &Quantity) -> bool {
    let from = back_boundary(text, q.range.start, 80).max(clause_start(text, q.range.start, false));
    let before = &text[from..q.range.start];
    CUE.is_match(before)
        || q.comparator.is_some()
        || (q.words && q.percent)
        || (is_currency(&q.unit) && MONEY_CUE.is_match(before))
        || is_object_of_opening_verb(text, q)
}

/// Words that open a sentence without being its verb: prepositions and report words (`tại 32
/// tỉnh` (in 32 provinces), `có 20 xã` (there are), `gồm` (made of), `đã` (already), `riêng`
/// (as for)), so the count after them is a scope or a fact, not the work's size; anywhere in
/// the opening, `của` (of), `và` (and) show it is a noun phrase, not a verb.
const NOT_OPENING_VERBS: &[&str] = &[
    "tai", "trong", "o", "voi", "cua", "theo", "tu", "tren", "duoi", "co", "gom", "la", "va", "ve",
    "con", "chi", "da", "duoc", "moi", "sau", "truoc", "khoang", "gan", "hon", "den", "nam",
    "thang", "ngay", "quy", "tong", "so", "rieng", "nhung", "cac", "nhieu",
];

/// Places: a count of them after a verb is where the work is done (`hướng dẫn 63 tỉnh`), not
/// an amount to produce.
const PLACE_UNITS: &[&str] = &["tinh", "xa", "huyen", "dia phuong"];

/// `Tích hợp 50 thủ tục hành chính`, `Rà soát, lắp đặt 120 camera`: a count of a counted
/// noun the tool knows, right after the verbs that open the sentence (an imperative with no
/// subject: at most four words, each after the first in lower case), is the size of the
/// work asked for: a target with no target word. A count after a subject or a preposition
/// (`Việt Nam có 11 doanh nghiệp`, `tại 32 tỉnh`) is not, nor a small count of things that
/// lists parts (`triển khai 06 giải pháp`), nor a count of places (`hướng dẫn 63 tỉnh`).
fn is_object_of_opening_verb(text: &str, q: &Quantity) -> bool {
    if !q.known_unit || q.value < 10.0 || q.percent {
        return false;
    }
    if PLACE_UNITS.contains(&vntask_tokenizer::fold(&q.unit).as_str()) {
        return false;
    }
    let start = clause_start(text, q.range.start, false);
    let opening = text[start..q.range.start].trim();
    let mut words = 0;
    for word in opening.split_whitespace() {
        words += 1;
        let word = word.strip_suffix(',').unwrap_or(word);
        let letters = !word.is_empty() && word.chars().all(char::is_alphabetic);
        let lower_after_first = words == 1 || word.chars().all(char::is_lowercase);
        if words > 4 || !letters || !lower_after_first {
            return false;
        }
        if NOT_OPENING_VERBS.contains(&vntask_tokenizer::fold(word).as_str()) {
            return false;
        }
    }
    words > 0
}

fn rounded(value: f64) -> f64 {
    let r = value.round();
    if (value - r).abs() < 1e-6 * value.abs().max(1.0) {
        r
    } else {
        value
    }
}

fn build(text: &str, q: Quantity) -> TargetMatch {
    let rule = if q.words {
        "TG006"
    } else if q.max.is_some() {
        "TG002"
    } else if q.total.is_some() {
        "TG005"
    } else if q.scaled || is_currency(&q.unit) {
        "TG004"
    } else if q.percent {
        "TG001"
    } else {
        "TG003"
    };
    let mut start = q.range.start;
    let metric_from = q.unit_range.as_ref().map_or(q.range.end, |r| r.start);
    let stop_window = &text[q.range.end..forward_boundary(text, q.range.end, 200)];
    let stop = METRIC_STOP
        .find(stop_window)
        .map_or(stop_window.len(), |m| m.start());
    let mut end = q.range.end + stop_window[..stop].trim_end().len();
    end = end.max(q.range.end);
    let mut metric = text[metric_from..end].trim().to_string();
    let metric_first = q.percent
        && METRIC_BEFORE.is_match(&text[back_boundary(text, q.range.start, 80)..q.range.start]);
    if metric_first && (metric.is_empty() || q.comparator.is_some()) {
        let window_start = back_boundary(text, q.range.start, 80);
        if let Some(found) = METRIC_BEFORE.find(&text[window_start..q.range.start]) {
            start = window_start + found.start();
            let phrase = found.as_str().trim_end();
            let phrase = phrase
                .trim_end_matches(':')
                .trim_end()
                .trim_end_matches(" đạt")
                .trim_end_matches(" là");
            metric = phrase.trim().to_string();
            end = q.range.end;
        }
    }
    let words = metric.split_whitespace().count();
    if words > 16 {
        metric = metric
            .split_whitespace()
            .take(16)
            .collect::<Vec<_>>()
            .join(" ");
    }
    TargetMatch {
        range: start..end,
        target: Target {
            value: rounded(q.value),
            max: q.max.map(rounded),
            unit: q.unit,
            comparator: q.comparator,
            total: q.total.map(rounded),
            metric: (!metric.is_empty()).then_some(metric),
            text: text[start..end].to_string(),
            span: None,
        },
        rule,
    }
}

fn is_currency(unit: &str) -> bool {
    matches!(
        vntask_tokenizer::fold(unit).as_str(),
        "dong" | "usd" | "vnd" | "ty dong" | "trieu dong"
    )
}

/// Renders what rule `rule_id` finds: `value unit`, plus ` max=`, ` total=`, ` cmp=` when set.
pub fn render_examples(rule_id: &str, text: &str) -> Vec<String> {
    find(text)
        .into_iter()
        .filter(|m| m.rule == rule_id)
        .map(|m| render(&m))
        .collect()
}

/// `value unit`, plus ` max=<v>`, ` total=<v>`, ` cmp=<c>` when set.
pub fn render(found: &TargetMatch) -> String {
    let t = &found.target;
    let mut out = format!("{} {}", t.value, t.unit);
    if let Some(max) = t.max {
        out.push_str(&format!(" max={max}"));
    }
    if let Some(total) = t.total {
        out.push_str(&format!(" total={total}"));
    }
    if let Some(comparator) = t.comparator {
        let name = serde_json::to_value(comparator)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        out.push_str(&format!(" cmp={name}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`collect`] as it was, with the report test asked first.
    fn collect_report_first(text: &str, reported_wanted: bool) -> Vec<TargetMatch> {
        grammar::scan(text)
            .into_iter()
            .filter(|q| !names_something(text, q))
            .filter_map(|q| {
                let reported = is_reported(text, &q);
                if reported != reported_wanted {
                    return None;
                }
                if !reported && !q.percent && !announced(text, &q) {
                    return None;
                }
                if !q.percent && !q.known_unit && q.value < 10.0 && q.comparator.is_none() {
                    return None;
                }
                Some(build(text, q))
            })
            .collect()
    }

    #[test]
    fn last_match_end_is_the_end_of_find_iters_last_match() {
        for pattern in [REPORTED_PATTERN, GOAL_PATTERN] {
            let hir = regex_automata::util::syntax::parse(pattern).expect("pattern");
            assert!(hir.properties().minimum_len().is_some_and(|n| n > 0));
            let plain = Regex::new(pattern).expect("pattern");
            let meta = ends_only(pattern);
            let mut texts = crate::test_support::comparison_lines();
            texts.push("đã đạt, đã đã, chỉ, chỉ đạt được, phải cần sẽ giao, đã".to_string());
            texts.push(String::new());
            let mut found = 0;
            for text in &texts {
                let expected = plain.find_iter(text).last().map(|m| m.end());
                found += usize::from(expected.is_some());
                assert_eq!(last_match_end(&meta, text), expected, "{text:?}");
                // Every end a `before` slice can have.
                if let Some(cut) = (0..text.len() / 2)
                    .rev()
                    .find(|&i| text.is_char_boundary(i))
                {
                    let before = &text[..cut];
                    let expected = plain.find_iter(before).last().map(|m| m.end());
                    assert_eq!(last_match_end(&meta, before), expected, "{before:?}");
                }
            }
            assert!(found > 100, "{found}");
        }
    }

    #[test]
    fn cheap_tests_first_keep_the_same_targets() {
        let mut texts = crate::test_support::seed_lines();
        texts.push("đã đạt 104,9%, phấn đấu 80% và 5 hồ sơ, ít nhất 3 xã; (31,3%)".to_string());
        let mut found = [0, 0];
        for text in &texts {
            for (wanted, count) in [false, true].into_iter().zip(found.iter_mut()) {
                let expected = collect_report_first(text, wanted);
                assert_eq!(collect(text, wanted), expected, "{text:?}");
                *count += expected.len();
            }
        }
        assert!(found[0] > 20 && found[1] > 5, "{found:?}");
    }
}
