//! The words around a date that make it a deadline, a start, or something else.
//!
//! Vietnamese puts the relation before the date: `trước ngày 15/10` (before), `chậm nhất trong
//! tháng 9` (by, at the latest), `đến hết năm 2024` (by the end of), `trong quý II` (within),
//! `vào năm 2025` (in), `từ ngày 01/6` (from: a start). The same dates also occur in citations
//! (`Quyết định số 06/QĐ-TTg ngày 06 tháng 01 năm 2022`), in reports of what was done
//! (`đã ban hành tháng 6/2024`), in comparisons (`so với năm 2021`) and in the names of plans
//! (`Kế hoạch năm 2024`, `Chiến lược ... đến năm 2030`); the filters here reject those.

use super::phrases::Phrases;
use regex::Regex;
use std::sync::LazyLock;
use vntask_writer::Relation;

fn re(pattern: &str) -> Regex {
    // The patterns are literals of this module; a bad one is caught by every test run.
    Regex::new(pattern).unwrap_or_else(|e| panic!("invalid built-in regex {pattern}: {e}"))
}

/// The relation words directly before a date, anchored at the end of the preceding text.
/// `late` is `chậm nhất` / `muộn nhất` (at the latest), kept in the deadline text.
static RELATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:(?P<late>chậm nhất|muộn nhất)(?:\s+là)?\s+)?(?P<rel>từ\s+nay\s+(?:đến|tới)\s+hết|từ\s+nay\s+(?:đến|tới)|từ\s+nay\s+(?:đến|tới)\s+cuối|kể\s+từ|bắt\s+đầu\s+từ|từ|đến\s+hết|tới\s+hết|đến\s+cuối|đến|tới|trước|ngay\s+trong|trong\s+vòng|trong\s+thời\s+hạn|trong|vào|sau)\s+$",
    )
});

/// A time of day between the relation words and the date: `kể từ 12 giờ ngày 18/11`,
/// `trước 17 giờ 30 chiều ngày 19/11`, `trước 17h ngày 19/11`, `trước 08:00 ngày 20/11`.
static TIME_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\s(?:\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2}(?:\s*phút)?)?|\d{1,2}:\d{2})(?:\s+(?:sáng|trưa|chiều|tối))?\s+$",
    )
});

/// `chậm nhất` alone before a date: `chậm nhất ngày 30/6`.
static LATE_ONLY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:chậm nhất|muộn nhất)(?:\s+là)?\s*:?\s*$"));

/// Words that announce a deadline just before the date or its relation word:
/// `thời hạn hoàn thành: tháng 9`, `hoàn thành trong tháng 8`, `(tháng 8)`.
static DEADLINE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:thời\s+hạn|thời\s+gian|hạn\s+chót|hoàn\s+thành|xong|kết\s+thúc|phấn\s+đấu|mục\s+tiêu)(?:\s+hoàn\s+thành|\s+thực\s+hiện)?\s*[:\-–]?\s*$|(?:^|[\s(])hạn(?:\s+hoàn\s+thành)?\s*[:\-–]\s*$|\(\s*$",
    )
});

/// A deadline label: `Thời hạn hoàn thành:`, `thời gian hoàn thành`, `hạn chót`, `Hạn:`.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:thời\s+hạn(?:\s+hoàn\s+thành|\s+thực\s+hiện)?|thời\s+gian\s+(?:hoàn\s+thành|thực\s+hiện)|hạn\s+chót)\s*[:\-–]?\s*$|(?:^|\s)hạn(?:\s+hoàn\s+thành)?\s*[:\-–]\s*$|\(\s*hạn\s*:?\s*$",
    )
});

/// What the words before a date say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// Where the deadline text starts (the relation words are part of it).
    pub start: usize,
    pub relation: Option<Relation>,
    /// `từ` / `kể từ`: the date starts something.
    pub from: bool,
    /// `sau`: after the date (not a deadline for a date; `sau 30 ngày` for a duration).
    pub after: bool,
    /// The relation may be part of a plan's name (`đến năm 2030`): no relation, or `đến`/`tới`.
    pub weak: bool,
    /// A relation word or a deadline word announces the date.
    pub strong: bool,
    /// A deadline label stands before it: `Thời hạn (hoàn thành):`, `Thời gian hoàn thành`, `Hạn:`.
    pub labelled: bool,
}

/// Reads the relation words that end at `start` in `text`.
pub fn cue_before(text: &str, start: usize) -> Cue {
    let window_start = back_boundary(text, start, 60);
    let mut window = &text[window_start..start];
    // The relation words stand before the time of day, if one is given.
    if let Some(time) = TIME_OF_DAY.find(window) {
        window = &window[..time.start() + 1];
    }
    let mut cue = Cue {
        start,
        relation: None,
        from: false,
        after: false,
        weak: true,
        strong: false,
        labelled: false,
    };
    if let Some(whole) = RELATION.find(window) {
        let (late, joined) = relation_of(whole.as_str());
        cue.start = window_start + whole.start();
        cue.strong = true;
        cue.weak = false;
        match joined.as_str() {
            "truoc" => cue.relation = Some(Relation::Before),
            "trong" | "trong vong" | "trong thoi han" | "ngay trong" => {
                cue.relation = Some(if late { Relation::By } else { Relation::Within })
            }
            "vao" => cue.relation = Some(if late { Relation::By } else { Relation::On }),
            "den" | "toi" => {
                cue.relation = Some(Relation::By);
                cue.weak = !late;
            }
            "tu" | "ke tu" | "bat dau tu" => cue.from = true,
            "sau" => cue.after = true,
            _ => cue.relation = Some(Relation::By),
        }
    } else if let Some(found) = LATE_ONLY.find(window) {
        cue.start = window_start + found.start();
        cue.relation = Some(Relation::By);
        cue.strong = true;
        cue.weak = false;
    }
    let before = &text[back_boundary(text, cue.start, 40)..cue.start];
    if !cue.strong && DEADLINE_WORD.is_match(before) {
        cue.strong = true;
        cue.weak = false;
    }
    cue.labelled = LABEL.is_match(before);
    cue
}

/// Whether a match of [`RELATION`] starts with `chậm nhất` / `muộn nhất` (its `late` group), and
/// its relation words (its `rel` group) folded and joined by single spaces. Read off the match
/// instead of asking for the groups, which runs a second, slower engine: the words before
/// `rel` can only be the `late` words and `là` (no relation word folds to `cham`, `muon` or
/// `la`), and nothing but white space follows it.
fn relation_of(whole: &str) -> (bool, String) {
    let folded = vntask_tokenizer::fold::fold(whole);
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    let late = matches!(words[..], ["cham" | "muon", "nhat", ..]);
    if late {
        let skip = if words.get(2) == Some(&"la") { 3 } else { 2 };
        words.drain(..skip);
    }
    (late, words.join(" "))
}

/// The largest char boundary at or after `pos - max` (never before 0).
pub fn back_boundary(text: &str, pos: usize, max: usize) -> usize {
    let mut at = pos.saturating_sub(max);
    while at < pos && !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The smallest char boundary at or before `pos + max` (never past the end).
pub fn forward_boundary(text: &str, pos: usize, max: usize) -> usize {
    let mut at = (pos + max).min(text.len());
    while at > pos && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Where the sentence (or table cell, or `;` clause) holding `pos` starts.
pub fn clause_start(text: &str, pos: usize, commas: bool) -> usize {
    let bytes = text.as_bytes();
    let mut i = pos;
    while i > 0 {
        let b = bytes[i - 1];
        let is_stop = matches!(b, b';' | b'\n' | b'\t' | b'!' | b'?')
            || (commas && b == b',')
            || (b == b'.' && bytes.get(i).is_none_or(|n| n.is_ascii_whitespace()));
        if is_stop {
            break;
        }
        i -= 1;
    }
    i
}

/// Where the sentence (or `;` clause) holding `pos` ends.
pub fn clause_end(text: &str, pos: usize, commas: bool) -> usize {
    let bytes = text.as_bytes();
    let mut i = pos;
    while i < bytes.len() {
        let b = bytes[i];
        let is_stop = matches!(b, b';' | b'\n' | b'\t' | b'!' | b'?')
            || (commas && b == b',')
            || (b == b'.' && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()));
        if is_stop {
            break;
        }
        i += 1;
    }
    i
}

/// A document number right before the date (`06/QĐ-TTg ngày`, `105/2023/QH15 ngày`), or a kind of
/// legal document earlier in the same clause (`Luật Đất đai ngày 18 tháng 01 năm 2024`).
/// The pattern as written: `citation::doc_number_before` answers it without compiling it.
#[cfg(test)]
pub(super) static DOC_NUMBER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\d+(?:/\d+)?/[\p{L}\d&\-]+(?:/[\p{L}\d&\-]+)?(?:\s+của\s+[\p{L}\s]{0,40})?\s*,?\s*$")
});
static DOC_KIND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^\p{L}])(?:Luật|Bộ luật|Nghị định|Nghị quyết|Quyết định|Chỉ thị|Thông tư|Công văn|Văn bản|Tờ trình|Thông báo|Kết luận|Công điện|Pháp lệnh|Hiến pháp|Hiệp định|Điều ước|Hướng dẫn)(?-u:\b)",
    )
});

/// True when the date at `start` dates a cited document rather than setting a deadline.
pub fn is_citation(text: &str, start: usize) -> bool {
    let from = back_boundary(text, start, 160).max(clause_start(text, start, false));
    let before = &text[from..start];
    if super::gates::doc_number_possible(before) && super::citation::doc_number_before(before) {
        return true;
    }
    let from_comma = clause_start(text, start, true).max(from);
    DOC_KIND.is_match(&text[from_comma..start])
}

/// A dateline opening a sentence: `Ngày 30/5/2024, Văn phòng Chính phủ đã gửi ...`.
pub fn is_dateline(text: &str, start: usize, end: usize) -> bool {
    let sentence = clause_start(text, start, true);
    let lead = text[sentence..start].trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '+' | '*' | '•' | '(' | ')')
    });
    let after = text[end..].trim_start();
    lead.is_empty() && after.starts_with(',')
}

static DA_WORD: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?:^|[^\p{L}])(?:đã|vừa)\s"));
static DA_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*,?\s*(?:đã|vừa|đạt được)(?:\s|$)"));
/// `vào`, `trước`, `trong`, `đến`, `tới`, `chậm nhất`, `hạn`, `phấn đấu`, `mục tiêu`,
/// `hoàn thành` (on, before, in, until, at the latest, deadline, strive, target, complete).
const TIME_CUE_WORDS: &[&str] = &[
    "vào",
    "trước",
    "trong",
    "đến",
    "tới",
    "chậm nhất",
    "hạn",
    "phấn đấu",
    "mục tiêu",
    "hoàn thành",
];
static TIME_CUE: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(TIME_CUE_WORDS));

/// True when the date reports what was done (`trong quý I năm 2022 đã bồi dưỡng`,
/// `Chính phủ đã thông qua tháng 4/2024`) rather than what is to be done.
pub fn is_reported(text: &str, start: usize, end: usize, cued: bool) -> bool {
    let after_end = forward_boundary(text, end, 24);
    if DA_AFTER.is_match(&text[end..after_end]) {
        return true;
    }
    if cued {
        return false;
    }
    let sentence = clause_start(text, start, false);
    let before = &text[sentence..start];
    let Some(last_da) = DA_WORD.find_iter(before).last() else {
        return false;
    };
    !TIME_CUE.is_match(&before[last_da.end()..])
}

/// `đã` earlier in the sentence (`đã phối hợp tổ chức Hội nghị vào ngày 14/5/2024`).
pub fn done_before(text: &str, start: usize) -> bool {
    let sentence = clause_start(text, start, false);
    DA_WORD.is_match(&text[sentence..start])
}

static COUNT_OF_MONTHS: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\d+\s+tháng\s+(?:đầu\s+)?$"));
/// `citation::figure_after` as first written.
#[cfg(test)]
static FIGURE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?::|,)?\s*(?:\d|đạt(?:[^\p{L}]|$)|là(?:[^\p{L}]|$)|tăng(?:[^\p{L}]|$)|giảm(?:[^\p{L}]|$))",
    )
});

/// A bare year that dates a figure: `6 tháng năm 2024 đạt 64,9 tỷ USD`, `năm 2023: 13 tỷ USD`.
pub fn is_statistic(text: &str, start: usize, end: usize) -> bool {
    COUNT_OF_MONTHS.is_match(&text[back_boundary(text, start, 30)..start])
        || super::citation::figure_after(&text[end..forward_boundary(text, end, 20)])
}

static COMPARISON: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:so\s+với|cùng\s+kỳ|hơn|bằng|của|trong\s+số)\s+$"));

/// Words that make the `bằng` after them part of a noun, not `bằng` (equal to): `mặt bằng`
/// (the site: `giải phóng mặt bằng trước ngày 30/11`), `đồng bằng` (delta), `công bằng`,
/// `cân bằng`, `văn bằng`.
const BANG_NOUNS: &[&str] = &["mặt", "đồng", "công", "cân", "văn"];

/// `so với năm 2021`, `cùng kỳ năm 2023`: a point of comparison.
pub fn is_comparison(text: &str, start: usize) -> bool {
    let window = &text[back_boundary(text, start, 30)..start];
    let Some(found) = COMPARISON.find(window) else {
        return false;
    };
    let word = found.as_str().trim_end();
    if word.to_lowercase() != "bằng" {
        return true;
    }
    let before = window[..found.start()].trim_end();
    let previous = before
        .rsplit(|c: char| !c.is_alphanumeric() && !vntask_tokenizer::is_mark(c))
        .next()
        .unwrap_or_default()
        .to_lowercase();
    !BANG_NOUNS.contains(&previous.as_str())
}

static VISION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?:tầm\s+nhìn|định\s+hướng|hướng\s+tới|hướng\s+đến)\s*(?:(?:đến|tới)\s+)?$")
});
/// Plans, programmes, strategies, schemes, budgets, funds, reports, laws, visions.
const PLAN_NOUN_WORDS: &[&str] = &[
    "kế hoạch",
    "chương trình",
    "chiến lược",
    "đề án",
    "quy hoạch",
    "dự án",
    "nghị quyết",
    "ngân sách",
    "dự toán",
    "vốn",
    "đầu tư công",
    "kinh phí",
    "báo cáo",
    "sơ kết",
    "tổng kết",
    "kết quả",
    "luật",
    "tầm nhìn",
    "định hướng",
    "thời kỳ",
];
static PLAN_NOUN: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(PLAN_NOUN_WORDS));
/// Words that end a plan's name: complete, done, deadline, at the latest, strive, before,
/// in, on, carry out, deploy, stabilise, reach, maintain.
const BREAKER_WORDS: &[&str] = &[
    "hoàn thành",
    "xong",
    "thời hạn",
    "chậm nhất",
    "phấn đấu",
    "trước",
    "trong",
    "vào",
    "thực hiện",
    "triển khai",
    "ổn định",
    "đạt",
    "duy trì",
];
static BREAKER: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(BREAKER_WORDS));
/// True when a year (or period) at `start`, announced by `cue`, belongs to the name of a plan,
/// strategy, budget or report (`Kế hoạch năm 2024`, `Chiến lược ... đến năm 2030`,
/// `tầm nhìn đến năm 2045`, `vốn ... giai đoạn 2026 - 2030`, `sơ kết 6 tháng đầu năm`).
pub fn is_name_part(text: &str, start: usize, cue: &Cue) -> bool {
    let near = &text[back_boundary(text, cue.start, 40)..cue.start];
    if VISION.is_match(&text[back_boundary(text, start, 40)..start]) || VISION.is_match(near) {
        return true;
    }
    let sentence = clause_start(text, cue.start, false);
    let before = &text[sentence..cue.start];
    let opened = before.matches('“').count() > before.matches('”').count()
        || before.matches('"').count() % 2 == 1;
    if opened {
        return true;
    }
    if !cue.weak {
        return false;
    }
    let from = back_boundary(text, cue.start, 200).max(sentence);
    let window = &text[from..cue.start];
    match PLAN_NOUN.last_match_end(window) {
        Some(end) => !BREAKER.is_match(&window[end..]),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The patterns [`Phrases`] replaces: `words` as whole words, in every case.
    fn whole_words(words: &[&str]) -> Regex {
        re(&format!(
            r"(?i)(?:^|[^\p{{L}}])(?:{})(?:[^\p{{L}}]|$)",
            words.join("|")
        ))
    }

    #[test]
    fn figure_after_answers_as_its_pattern() {
        let mut texts = crate::test_support::seed_lines();
        for made in [
            ": 13 tỷ USD",
            " , ĐẠT 64,9",
            "đạtx, Là; TĂNG\u{a0}giảm",
            " :: 5",
            ", ,đạt",
            ":\u{a0}٣",
            "là",
            "lÀ\u{345}",
            "tăngtrưởng",
            " giảm– ",
        ] {
            texts.push(made.to_string());
        }
        let mut matched = 0;
        for text in &texts {
            for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let window = &text[start..forward_boundary(text, start, 20)];
                let expected = FIGURE_AFTER.is_match(window);
                matched += usize::from(expected);
                assert_eq!(
                    super::super::citation::figure_after(window),
                    expected,
                    "{window:?}"
                );
            }
        }
        assert!(matched > 500, "{matched}");
    }

    /// Every window `is_reported` and `is_name_part` read, and more: each seed line and
    /// made text cut at every char boundary on either side, within 60 bytes.
    #[test]
    fn phrases_answer_as_their_patterns() {
        let mut texts = crate::test_support::seed_lines();
        for made in [
            "Kế hoạch vốn đầu tư công trung hạn giai đoạn 2026 - 2030",
            "KẾ HOẠCH, VỐN; vốnvốn kế hoạchx xkế hoạch kế  hoạch",
            "trướctrong vào\u{a0}trước–trong“vào”",
            "thời kỳ thời kỳ\u{345}, định hướng\u{300} ĐỊNH HƯỚNG",
            "đã hoàn thành trong năm; triển khai, ổn định và duy trì đạt",
            "luật luật luật, dự án dự toán",
        ] {
            texts.push(made.to_string());
        }
        let cases: [(&[&str], &Phrases); 3] = [
            (TIME_CUE_WORDS, &TIME_CUE),
            (PLAN_NOUN_WORDS, &PLAN_NOUN),
            (BREAKER_WORDS, &BREAKER),
        ];
        let mut matched = [0usize; 3];
        for (index, (words, phrases)) in cases.iter().enumerate() {
            let regex = whole_words(words);
            for text in &texts {
                let bounds: Vec<usize> = (0..=text.len())
                    .filter(|&i| text.is_char_boundary(i))
                    .collect();
                for (a, &start) in bounds.iter().enumerate().step_by(3) {
                    for &end in bounds[a..].iter().take(60) {
                        let window = &text[start..end];
                        let expected = regex.find_iter(window).last().map(|m| m.end());
                        matched[index] += usize::from(expected.is_some());
                        assert_eq!(phrases.last_match_end(window), expected, "{window:?}");
                        assert_eq!(
                            phrases.is_match(window),
                            regex.is_match(window),
                            "{window:?}"
                        );
                    }
                }
            }
        }
        assert!(matched.iter().all(|&m| m > 1000), "{matched:?}");
    }

    /// The groups [`relation_of`] reads off the match, as the regex gives them.
    #[test]
    fn relation_words_equal_the_groups() {
        let mut texts = crate::test_support::seed_lines();
        for made in [
            "hoàn thành chậm nhất là trong tháng 9",
            "CHẬM NHẤT LÀ\u{a0}TRƯỚC ngày 5",
            "muộn nhất  từ nay đến hết năm 2025",
            "chậm nhất trong\tvòng 30 ngày",
            "chậm nhất trước ngày 5",
            "Chậm nhất là ngay trong tháng 8",
            "kể từ ngày 1, bắt đầu từ ngày 2, trong thời hạn 5 ngày, vào năm 2025, sau ngày 3",
            "từ nay tới cuối năm, từ nay đến cuối năm, tới hết năm 2024, đến cuối năm",
        ] {
            texts.push(made.to_string());
        }
        let mut matched = 0;
        for text in &texts {
            for end in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let window = &text[back_boundary(text, end, 60)..end];
                let Some(caps) = RELATION.captures(window) else {
                    continue;
                };
                let (Some(whole), Some(rel)) = (caps.get(0), caps.get(2)) else {
                    panic!("{window:?}");
                };
                let folded = vntask_tokenizer::fold::fold(rel.as_str());
                let joined = folded.split_whitespace().collect::<Vec<_>>().join(" ");
                let expected = (caps.get(1).is_some(), joined);
                assert_eq!(
                    RELATION.find(window).map(|m| m.range()),
                    Some(whole.range())
                );
                assert_eq!(relation_of(whole.as_str()), expected, "{window:?}");
                matched += 1;
            }
        }
        assert!(matched > 300, "{matched} windows matched");
    }

    #[test]
    fn relation_words() {
        let text = "hoàn thành chậm nhất trong tháng 9";
        let cue = cue_before(text, text.find("tháng").unwrap());
        assert_eq!(cue.relation, Some(Relation::By));
        assert_eq!(&text[cue.start..], "chậm nhất trong tháng 9");
        let text = "Trước ngày 15/4";
        let cue = cue_before(text, text.find("ngày").unwrap());
        assert_eq!(cue.relation, Some(Relation::Before));
        assert_eq!(cue.start, 0);
        let text = "từ nay đến hết năm 2025";
        let cue = cue_before(text, text.find("năm").unwrap());
        assert_eq!(cue.start, 0);
        assert!(!cue.weak);
        let text = "thời hạn hoàn thành: tháng 8";
        let cue = cue_before(text, text.find("tháng 8").unwrap());
        assert!(cue.strong);
        assert_eq!(cue.relation, None);
    }

    #[test]
    fn filters() {
        let text = "Quyết định số 06/QĐ-TTg ngày 06 tháng 01 năm 2022";
        assert!(is_citation(text, text.find("ngày").unwrap()));
        let text = "Luật Đất đai ngày 18 tháng 01 năm 2024";
        assert!(is_citation(text, text.find("ngày").unwrap()));
        let text = "hoàn thành ngày 30/6/2024";
        assert!(!is_citation(text, text.find("ngày").unwrap()));
        let text = "Ngày 30/5/2024, VPCP đã gửi";
        assert!(is_dateline(text, 0, text.find(',').unwrap()));
        let text = "Chính phủ đã thông qua tháng 4/2024";
        let at = text.find("tháng").unwrap();
        assert!(is_reported(text, at, text.len(), false));
        let text = "các chỉ tiêu đã đặt ra vào năm 2025";
        let at = text.find("vào").unwrap();
        assert!(!is_reported(text, at, text.len(), true));
    }
}
