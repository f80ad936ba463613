//! Repetitions (`hằng tháng`, `định kỳ 6 tháng`, `trước ngày 20 hằng tháng`) and events
//! (`tại kỳ họp thứ 8`, `trước Tết Nguyên đán`, `khi Luật ... có hiệu lực`) read into raw findings.

use super::calendar::{next_monthly, next_quarterly, next_yearly};
use super::gates;
use super::grammar::{Found, Kind};
use super::keywords::{Word, Words};
use super::DeadlineContext;
use chrono::Datelike;
use regex::Regex;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::{Anchored, Input};
use std::cell::RefCell;
use std::sync::LazyLock;
use vntask_writer::{Precision, Recurring, Relation};

fn re(pattern: &str) -> Regex {
    // The patterns are literals of this module; a bad one is caught by every test run.
    Regex::new(pattern).unwrap_or_else(|e| panic!("invalid built-in regex {pattern}: {e}"))
}

pub(super) static RECURRING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:(?:định\s+kỳ\s+)?(?:hàng|hằng|mỗi)\s+(?P<a>tháng|qu[ýí]|năm)|định\s+kỳ\s+(?:(?P<b>0?6|sáu)\s+tháng|(?P<c>tháng|qu[ýí]|năm))|(?:(?P<d>0?6|sáu)\s+tháng|mỗi\s+(?P<e>tháng|qu[ýí]|năm))\s+(?:một|01|1)\s+lần)",
    )
});
static RECURRING_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)ngày\s+(?P<d>\d{1,2})(?:\s+(?:(?:của\s+)?(?:hàng|hằng|mỗi)\s+tháng|(?:của\s+)?tháng\s+cuối\s+(?:của\s+)?(?:mỗi\s+|hàng\s+|hằng\s+)?(?P<q>qu[ýí]))|\s*(?:tháng\s+|/\s*)(?P<m>\d{1,2})\s+(?:hàng|hằng|mỗi)\s+năm)",
    )
});
/// Words (up to four syllables after them) before `hằng năm` that make it a budget, plan or
/// programme cycle, not a repeated action (`chương trình kiểm tra, giám sát hằng năm`: the
/// programme is yearly). A comma may join the words in between, not end the phrase
/// (`kế hoạch, hằng năm báo cáo` repeats).
/// `citation::cycle_noun_before` as first written.
#[cfg(test)]
pub(super) static CYCLE_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:ngân sách|dự toán|kinh phí|vốn|kế hoạch|chương trình|đầu tư công|chi thường xuyên|tăng trưởng|lương|thu nhập|thu ngân sách)(?:(?:\s+|,\s+)\p{L}+){0,4}\s+$",
    )
});
pub(super) static SESSION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?P<rel>tại|trước|trong|ở)\s+(?:các\s+)?(?:kỳ\s+họp|phiên\s+họp)(?-u:\b)")
});
/// What may follow `kỳ họp` as part of the session's name (`thứ 8 của Quốc hội khóa XV`),
/// anchored at its start.
const SESSION_TAIL_PATTERN: &str = r"^(?:\s+(?:thứ\s+(?:\d+|[IVXLC]+(?-u:\b)|\p{L}+)|\d+(?-u:\b)|tiếp\s+theo|gần\s+nhất|thường\s+kỳ|cuối\s+năm|giữa\s+năm|sắp\s+tới|tới))?(?:\s+(?:của\s+)?(?:Quốc\s+hội|Chính\s+phủ|Hội\s+đồng\s+nhân\s+dân(?:\s+\p{L}+)?|Ủy\s+ban(?:\s+\p{Lu}\p{L}*)*|Ban\s+Chỉ\s+đạo(?:\s+\p{Lu}\p{L}*)*|\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*)*)(?:\s+(?:khóa|khoá)\s+(?:[IVXLC]+(?-u:\b)|\d+(?-u:\b)))?(?:\s+thường\s+kỳ)?(?:\s+tháng\s+\d{1,2}(?-u:\b)(?:\s*/\s*\d{4}(?-u:\b))?)?)?";
/// [`SESSION_TAIL_PATTERN`] as a regex: the fallback of [`session_tail_end`], and what the
/// tests compare it with.
static SESSION_TAIL: LazyLock<Regex> = LazyLock::new(|| re(SESSION_TAIL_PATTERN));
/// [`SESSION_TAIL_PATTERN`] as a forward lazy DFA alone. The search is anchored at the
/// start, so the end of the match is all there is to find; the full regex also compiled the
/// reverse automaton of its letter classes (`\p{Lu}`, `\p{L}`, seven of them), about 20 M
/// instructions a run against about 11 M for this one.
static SESSION_TAIL_DFA: LazyLock<Option<DFA>> =
    LazyLock::new(|| DFA::new(SESSION_TAIL_PATTERN).ok());
thread_local! {
    /// The lazy DFA's states, built as the texts of this thread need them.
    static SESSION_TAIL_CACHE: RefCell<Option<Cache>> = const { RefCell::new(None) };
}

/// The end of [`SESSION_TAIL_PATTERN`]'s match at the start of `tail` (0 when none), as
/// `SESSION_TAIL.find(tail)` gives it: the lazy DFA's leftmost-first end of an anchored
/// search, or the regex itself if the DFA could not be built or gave up.
fn session_tail_end(tail: &str) -> usize {
    if let Some(dfa) = &*SESSION_TAIL_DFA {
        let found = SESSION_TAIL_CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            let cache = cache.get_or_insert_with(|| dfa.create_cache());
            dfa.try_search_fwd(cache, &Input::new(tail).anchored(Anchored::Yes))
        });
        if let Ok(found) = found {
            return found.map_or(0, |m| m.offset());
        }
    }
    SESSION_TAIL.find(tail).map_or(0, |m| m.end())
}
pub(super) static TET: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?P<rel>trước|(?:trong|vào)\s+dịp)\s+Tết(?:\s+Nguyên\s+đán)?(?:\s+[\p{L}]+\s+[\p{L}]+\s+năm\s+\d{4}|\s+năm\s+\d{4})?",
    )
});
/// Occasions of the year that deadlines are set against: the first day of a school year
/// (`khai giảng năm học`), a crop season (`vụ đông`, `vụ Đông Xuân`, `vụ hè thu`), the storm
/// season (`mùa mưa bão`, `mùa mưa lũ`).
pub(super) static OCCASION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?P<rel>trước|chậm\s+nhất\s+trước|trong\s+dịp)\s+(?:ngày\s+|lễ\s+)?(?:khai\s+giảng\s+năm\s+học(?:\s+mới|\s+\d{4}\s*-\s*\d{4})?|vụ\s+(?:đông\s+xuân|hè\s+thu|đông|xuân|mùa)(?:\s+năm\s+\d{4}|\s+\d{4}\s*-\s*\d{4})?|mùa\s+mưa\s+(?:bão|lũ)(?:\s+năm\s+\d{4})?)",
    )
});
pub(super) static IN_FORCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:khi\s+(?:các\s+)?(?:Luật|Bộ\s+luật|Nghị\s+định|Nghị\s+quyết|Pháp\s+lệnh|Thông\s+tư|Quyết\s+định)(?-u:\b)[^,;.\n\t]{0,100}?|(?:Luật|Bộ\s+luật|Nghị\s+định|Nghị\s+quyết|Pháp\s+lệnh|Thông\s+tư)(?-u:\b)[^,;.\n\t]{0,80}?\s+khi\s+)(?:có\s+hiệu\s+lực(?:\s+thi\s+hành)?|được\s+ban\s+hành|được\s+thông\s+qua)",
    )
});

/// `ngày 05 của tháng sau`, `ngày 10 tháng sau` (the fifth of the next month): a day of the
/// month after the reference date's.
static NEXT_MONTH_DAY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?-u:\b)ngày\s+(?P<d>\d{1,2})\s+(?:của\s+)?tháng\s+sau(?-u:\b)"));

/// `gated`: skip a pattern when its words are missing (`words`) or its gate (see `gates`)
/// shows it cannot match.
pub(super) fn recurring(
    text: &str,
    context: &DeadlineContext,
    gated: bool,
    words: Words,
    out: &mut Vec<Found>,
) {
    // `hằng tháng`, `mỗi năm` (every year), `định kỳ`, `... một lần`.
    if words.any(&[Word::Hang, Word::Moi, Word::Ky, Word::Lan])
        && (!gated || gates::RECURRING.is_match(text))
    {
        repeats(text, out);
    }
    // `ngày 20 hằng tháng`, `ngày 31/12 mỗi năm`, `ngày 15 tháng cuối quý`.
    if words.has(Word::Ngay) && words.any(&[Word::Hang, Word::Moi, Word::Quy]) {
        repeat_days(text, context, out);
    }
    // `ngày 05 của tháng sau`.
    if words.has(Word::Ngay) && words.has(Word::Sau) {
        next_month_days(text, context, out);
    }
}

/// `ngày 05 của tháng sau`: the day of the month after the reference date's month.
fn next_month_days(text: &str, context: &DeadlineContext, out: &mut Vec<Found>) {
    for caps in NEXT_MONTH_DAY.captures_iter(text) {
        let (Some(whole), Some(day)) = (caps.get(0), caps.name("d")) else {
            continue;
        };
        let Ok(day) = day.as_str().parse::<u32>() else {
            continue;
        };
        let due = context.reference.and_then(|r| {
            let (year, month) = if r.month() == 12 {
                (r.year() + 1, 1)
            } else {
                (r.year(), r.month() + 1)
            };
            chrono::NaiveDate::from_ymd_opt(year, month, day)
        });
        let mut found = Found::new(whole.range(), Kind::Day, Precision::Day, "DL003");
        found.due = due;
        found.has_day_word = true;
        out.push(found);
    }
}

/// `hằng tháng`, `định kỳ 6 tháng`, `mỗi quý một lần`.
fn repeats(text: &str, out: &mut Vec<Found>) {
    // The groups are read off the match's words (see `groups`): no backtracker.
    for whole in RECURRING.find_iter(text) {
        if text[..whole.start()]
            .chars()
            .next_back()
            .is_some_and(crate::is_alphanumeric)
        {
            continue;
        }
        let (half, word) = super::groups::recurring(text, whole.range());
        let (recurring, precision) = match word.as_deref() {
            _ if half => (Recurring::HalfYearly, Precision::Half),
            Some("thang") => (Recurring::Monthly, Precision::Month),
            Some("quy" | "qui") => (Recurring::Quarterly, Precision::Quarter),
            Some("nam") => (Recurring::Yearly, Precision::Year),
            _ => continue,
        };
        // `hằng năm 2024` is not a repetition; `ngân sách hằng năm` is a budget cycle.
        let after = &text[whole.end()..super::cues::forward_boundary(text, whole.end(), 8)];
        if after.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let before = &text[super::cues::back_boundary(text, whole.start(), 80)..whole.start()];
        if super::citation::cycle_noun_before(before) {
            continue;
        }
        let mut found = Found::new(whole.range(), Kind::Recurring, precision, "DL012");
        found.recurring = Some(recurring);
        out.push(found);
    }
}

/// `ngày 20 hằng tháng`, `ngày 15 tháng cuối quý`, `ngày 31/12 hằng năm`.
fn repeat_days(text: &str, context: &DeadlineContext, out: &mut Vec<Found>) {
    for caps in RECURRING_DAY.captures_iter(text) {
        let (Some(whole), Some(day)) = (caps.get(0), caps.name("d")) else {
            continue;
        };
        let Ok(day) = day.as_str().parse::<u32>() else {
            continue;
        };
        let reference = context.reference;
        let (recurring, due) = if let Some(month) = caps.name("m") {
            let month = month.as_str().parse::<u32>().unwrap_or(0);
            (
                Recurring::Yearly,
                reference.and_then(|r| next_yearly(r, day, month)),
            )
        } else if caps.name("q").is_some() {
            (
                Recurring::Quarterly,
                reference.and_then(|r| next_quarterly(r, day)),
            )
        } else {
            (
                Recurring::Monthly,
                reference.and_then(|r| next_monthly(r, day)),
            )
        };
        let mut found = Found::new(whole.range(), Kind::Recurring, Precision::Day, "DL013");
        found.recurring = Some(recurring);
        found.due = due;
        found.has_day_word = true;
        out.push(found);
    }
}

pub(super) fn events(text: &str, gated: bool, words: Words, out: &mut Vec<Found>) {
    if words.has(Word::Hop) && (!gated || gates::SESSION.is_match(text)) {
        sessions(text, out);
    }
    if words.has(Word::Tet) && (!gated || gates::TET.is_match(text)) {
        tet(text, out);
    }
    // `trước` / `dịp`, then `khai giảng`, `vụ` or `mùa`.
    if words.any(&[Word::Truoc, Word::Dip])
        && words.any(&[Word::Khai, Word::Vu, Word::Mua])
        && (!gated || gates::OCCASION.is_match(text))
    {
        occasions(text, out);
    }
    if words.has(Word::Khi)
        && (!gated || (gates::IN_FORCE_WHEN.is_match(text) && gates::IN_FORCE_VERB.is_match(text)))
    {
        in_force(text, out);
    }
}

/// `tại kỳ họp thứ 8 của Quốc hội` (at the 8th session of the National Assembly).
fn sessions(text: &str, out: &mut Vec<Found>) {
    // The relation is the match's first word (see `groups`): no backtracker.
    for whole in SESSION.find_iter(text) {
        let Some(rel) = super::groups::first_word(text, whole.range()) else {
            continue;
        };
        let rel = &text[rel];
        let tail = session_tail_end(&text[whole.end()..]);
        let relation = if vntask_tokenizer::fold(rel) == "truoc" {
            Relation::Before
        } else {
            Relation::On
        };
        let mut found = Found::new(
            whole.start()..whole.end() + tail,
            Kind::Event,
            Precision::Event,
            "DL014",
        );
        found.relation = Some(relation);
        out.push(found);
    }
}

/// `trước Tết Nguyên đán` (before the lunar new year).
fn tet(text: &str, out: &mut Vec<Found>) {
    for caps in TET.captures_iter(text) {
        let (Some(whole), Some(rel)) = (caps.get(0), caps.name("rel")) else {
            continue;
        };
        let relation = if vntask_tokenizer::fold(rel.as_str()) == "truoc" {
            Relation::Before
        } else {
            Relation::On
        };
        let mut found = Found::new(whole.range(), Kind::Event, Precision::Event, "DL015");
        found.relation = Some(relation);
        out.push(found);
    }
}

/// `trước khai giảng năm học mới` (before the school year opens), `trước mùa mưa bão`.
fn occasions(text: &str, out: &mut Vec<Found>) {
    for caps in OCCASION.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        let mut found = Found::new(whole.range(), Kind::Event, Precision::Event, "DL018");
        found.relation = Some(Relation::Before);
        out.push(found);
    }
}

/// `khi Luật ... có hiệu lực` (when the Law ... takes effect).
fn in_force(text: &str, out: &mut Vec<Found>) {
    for found in IN_FORCE.find_iter(text) {
        let mut event = Found::new(found.range(), Kind::Event, Precision::Event, "DL016");
        event.relation = Some(Relation::On);
        out.push(event);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lazy DFA ends where the regex's match ends, at every char boundary of the seed
    /// lines that hold `họp` or are short, and of made tails.
    #[test]
    fn session_tail_end_is_the_regex_match_end() {
        let mut texts = crate::test_support::seed_lines();
        for made in [
            " thứ 8 của Quốc hội khóa XV",
            " thứ tám Hội đồng nhân dân tỉnh khoá 16 thường kỳ tháng 7 / 2024",
            " tiếp theo của Ủy ban Thường vụ Quốc hội",
            " 12 Ban Chỉ đạo Trung ương Về Phòng",
            " cuối năm của Chính phủ tháng 12",
            " thứ IVx",
            " thứ IV của HĐND Thành Phố Hồ Chí Minh khóa X",
            "\u{a0}thứ\u{2003}ba\u{3000}Ủy ban",
            " Ǆemal Ωmega",
            " thường kỳ tháng 13/20245",
            "",
            " ",
        ] {
            texts.push(made.to_string());
        }
        let mut compared = 0;
        for text in &texts {
            if !(text.to_lowercase().contains("họp") || text.len() < 200) {
                continue;
            }
            for (at, _) in text.char_indices() {
                let tail = &text[at..];
                let expected = SESSION_TAIL.find(tail).map_or(0, |m| m.end());
                assert_eq!(session_tail_end(tail), expected, "{tail:?}");
                compared += 1;
            }
        }
        assert!(compared > 1000, "{compared}");
    }
}
