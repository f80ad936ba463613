//! Cheap exact gates run before the costly patterns of the scan.
//!
//! Most task texts hold none of the rarer forms (`6 tháng đầu năm`, `hằng tháng`, `khi Luật ...
//! có hiệu lực`), yet their patterns start with words or digits that are everywhere (`6`,
//! `trong`, `Luật`), so the regex engine tries them at many places. Each gate is a necessary
//! condition: every match of its pattern contains a match of the gate (the gate is a part of
//! each branch of the pattern, with the same flags), so a text the gate rejects has no match
//! and skipping the pattern changes nothing. The gates are literal-led and run at memchr speed.

use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::LazyLock;

fn re(pattern: &str) -> Regex {
    // The patterns are literals of this module; a bad one is caught by every test run.
    Regex::new(pattern).unwrap_or_else(|e| panic!("invalid built-in regex {pattern}: {e}"))
}

/// `occasions::RECURRING`: `hằng tháng` / `hàng quý` / `mỗi năm` (every month, quarter, year), `định kỳ
/// 6 tháng` / `định kỳ năm` (periodically), `... một lần` (once every ...).
pub(super) static RECURRING: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?:hàng|hằng|mỗi)\s+(?:tháng|qu[ýí]|năm)|kỳ\s+(?:0?6|sáu|tháng|qu[ýí]|năm)|lần")
});

/// `grammar::HALF`: `6 tháng đầu năm`, `nửa cuối năm` (the first / second half of the year).
pub(super) static HALF: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?:đầu|cuối)\s+năm"));

/// `occasions::IN_FORCE` needs both `khi` (when) and its verb: `có hiệu lực` (takes effect),
/// `được ban hành` (is issued), `được thông qua` (is passed).
pub(super) static IN_FORCE_WHEN: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)khi\s"));
pub(super) static IN_FORCE_VERB: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)hiệu\s+lực|ban\s+hành|thông\s+qua"));

/// `grammar::DURATION`: the last word of its relation (`trong vòng`, `trong thời hạn`, `trong
/// thời gian`, `trong`, `chậm nhất là`, `sau`, `tối đa`, `không quá`: within, at the latest,
/// after, at most, no more than), white space, then a digit or a number word (`ba mươi`).
pub(super) static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)(?:vòng|hạn|gian|trong|nhất|là|sau|đa|quá)\s+(?:\d|{})",
        super::grammar::NUMBER_WORD
    ))
});

/// `occasions::TET`: `Tết` (the lunar new year).
pub(super) static TET: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)tết"));

/// `occasions::OCCASION`: `trước` / `trong dịp` (before, on the occasion of), maybe `ngày` or
/// `lễ` (the day or ceremony of), then `khai giảng` (school opening), `vụ` (crop season) or
/// `mùa` (season).
pub(super) static OCCASION: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:trước|dịp)\s+(?:(?:ngày|lễ)\s+)?(?:khai|vụ|mùa)"));

/// `occasions::SESSION`: `kỳ họp` / `phiên họp` (a session or sitting).
pub(super) static SESSION: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)họp"));

/// The separators of `grammar::DAY_DIGITS` (`15/10`, `15.10.2024`, `15-10-2024`); one byte
/// each, so the automaton finds every occurrence (with memchr).
static SEPARATORS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    // Literals of this module; a failure is caught by every test run.
    AhoCorasick::new(["/", ".", "-"]).unwrap_or_else(|e| panic!("separator automaton: {e}"))
});

/// `grammar::DAY_DIGITS` needs `\d\s*[/.\-]\s*\d`: a separator with a digit on each side,
/// across white space. Scans for the separator bytes and looks around each: `char::is_numeric`
/// holds for every `\d` (and more), `char::is_whitespace` is exactly `\s`, so no match is lost.
pub(super) fn day_digits(text: &str) -> bool {
    SEPARATORS.find_iter(text).any(|sep| {
        let i = sep.start();
        text[..i]
            .chars()
            .rev()
            .find(|c| !c.is_whitespace())
            .is_some_and(char::is_numeric)
            && text[i + 1..]
                .chars()
                .find(|c| !c.is_whitespace())
                .is_some_and(char::is_numeric)
    })
}

/// `cues::DOC_NUMBER_BEFORE`, a document number right before a date (`06/QĐ-TTg ngày`,
/// `105/2023/QH15 của Quốc hội ngày`): `\d+(?:/\d+)?/CODE(?:/CODE)?` then an optional `của ...`
/// (of ...) and `\s*,?\s*` up to the end. Its reverse search builds many lazy-DFA states, and
/// most windows fail on what follows the last `/`, so this checks that first. Necessary: no `/`
/// follows the number, so the last `/` of the window opens its last code; before that `/`, or
/// the one before it, stands a digit (`char::is_numeric` holds for every `\d`); and unless
/// `của` (with its `ủ` / `Ủ`) follows, the rest is one word (`CODE` holds no `\s`, and
/// `char::is_whitespace` is exactly `\s`) before `\s*,?\s*`.
pub(super) fn doc_number_possible(before: &str) -> bool {
    let Some(last) = before.rfind('/') else {
        return false;
    };
    let tail = &before[last + 1..];
    if !tail.contains(['ủ', 'Ủ']) {
        let code = tail.trim_end();
        let code = code.strip_suffix(',').map_or(code, str::trim_end);
        if code.is_empty() || code.contains(char::is_whitespace) {
            return false;
        }
    }
    let digit_before = |at: usize| {
        before[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_numeric)
    };
    digit_before(last) || before[..last].rfind('/').is_some_and(digit_before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deadlines::{grammar, occasions};

    /// Seed lines, the deadline corpus, and texts made to trip the gates: other scripts'
    /// digits (`٣`, `１`), upper case (`HẰNG THÁNG`), odd white space, words glued to others.
    fn texts() -> Vec<String> {
        let mut texts = crate::test_support::seed_lines();
        let corpus = include_str!("../../corpus/deadlines.tsv");
        texts.extend(
            corpus
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split('\t').next())
                .map(str::to_string),
        );
        for made in [
            "định kỳ 06 tháng một lần báo cáo",
            "ĐỊNH KỲ HẰNG NĂM",
            "định\u{a0}kỳ\u{2003}quí",
            "mỗi quý 01 lần",
            "sáu tháng 1 lần",
            "xhằng tháng",
            "SÁU THÁNG ĐẦU NĂM 2024",
            "nửa\u{3000}cuối\u{a0}năm nay",
            "06 tháng cuối năm",
            "khi Luật Đất đai có hiệu lực",
            "Nghị định 10 khi được ban hành",
            "KHI\u{a0}THÔNG TƯ ĐƯỢC THÔNG\u{2003}QUA",
            "trước Tết Nguyên đán",
            "TRƯỚC TẾT",
            "TRƯỚC LỄ KHAI GIẢNG NĂM HỌC MỚI",
            "chậm nhất trước\u{a0}ngày\u{2003}khai giảng năm học 2024 - 2025",
            "trong dịp vụ đông xuân",
            "trước mùa mưa bão năm 2024",
            "tại kỳ họp thứ 8",
            "PHIÊN HỌP",
            "TRONG VÒNG 30 NGÀY",
            "chậm nhất là\u{a0}ba mươi ngày",
            "trong thời hạn 05 ngày làm việc",
            "tối đa ٣ tháng",
            "không quá mười lăm ngày kể từ ngày nhận",
            "sau 1 (một) năm",
            "ngày ١٥/١٠/٢٠٢٤",
            "ngày １５/１０/２０２４",
            "15 / 10",
            "15\u{a0}-\u{2003}10-2024",
            "1.5/3",
            "٣.٤",
            "a/b 1/ x",
            "QUÝ IV NĂM 2024",
            "trong quí 4/2024",
            "tại \u{212A}ỳ họp thứ 8",
            "ngay 5 thang 6 nam 2024, quy II",
            "nga\u{300}y 5 tha\u{301}ng 6 na\u{306}m 2024",
            "THỜI KỲ 2021 - 2030",
            "GIAI ĐOẠN 2021-2025",
            "TỪ NĂM 2024 ĐẾN HẾT NĂM 2026",
            "CUỐI NĂM NAY",
            "dịp Tết",
            "ngày 20 HẰNG THÁNG",
            "NGÀY 15 THÁNG CUỐI CỦA MỖI QUÝ",
            "ngày 31/12 MỖI NĂM",
            "trongày 5 tháng 6",
            "ſau 30 ngày",
            "TỐI ĐA 3 TUẦN",
        ] {
            texts.push(made.to_string());
        }
        texts
    }

    #[test]
    fn gates_pass_every_text_their_pattern_matches() {
        let texts = texts();
        assert!(texts.len() > 500, "seeds and corpus are read");
        for text in &texts {
            let cases: [(&str, bool, bool); 8] = [
                (
                    "recurring",
                    occasions::RECURRING.is_match(text),
                    RECURRING.is_match(text),
                ),
                ("half", grammar::HALF.is_match(text), HALF.is_match(text)),
                (
                    "duration",
                    grammar::DURATION.is_match(text),
                    DURATION.is_match(text),
                ),
                (
                    "in force",
                    occasions::IN_FORCE.is_match(text),
                    IN_FORCE_WHEN.is_match(text) && IN_FORCE_VERB.is_match(text),
                ),
                ("tet", occasions::TET.is_match(text), TET.is_match(text)),
                (
                    "occasion",
                    occasions::OCCASION.is_match(text),
                    OCCASION.is_match(text),
                ),
                (
                    "session",
                    occasions::SESSION.is_match(text),
                    SESSION.is_match(text),
                ),
                (
                    "day digits",
                    grammar::DAY_DIGITS.is_match(text),
                    day_digits(text),
                ),
            ];
            for (name, matched, passed) in cases {
                assert!(!matched || passed, "{name} gate rejects {text:?}");
            }
        }
    }

    /// The byte loop `day_digits` replaced.
    fn day_digits_bytewise(text: &str) -> bool {
        text.bytes().enumerate().any(|(i, b)| {
            matches!(b, b'/' | b'.' | b'-')
                && text[..i]
                    .chars()
                    .rev()
                    .find(|c| !c.is_whitespace())
                    .is_some_and(char::is_numeric)
                && text[i + 1..]
                    .chars()
                    .find(|c| !c.is_whitespace())
                    .is_some_and(char::is_numeric)
        })
    }

    #[test]
    fn day_digits_equals_the_byte_loop() {
        for text in texts() {
            assert_eq!(day_digits(&text), day_digits_bytewise(&text), "{text:?}");
        }
    }

    /// The windows `is_citation` searches (back 160 bytes, or to the clause start, from a
    /// place next to white space or the end), and the whole prefix: the gate passes wherever
    /// `DOC_NUMBER_BEFORE` matches, and `citation::doc_number_before` answers as it does.
    #[test]
    fn doc_number_gate_passes_every_match() {
        use crate::deadlines::cues::{back_boundary, clause_start};
        let mut texts = texts();
        for made in [
            "Quyết định số 06/QĐ-TTg ",
            "Nghị quyết số 105/2023/QH15 của Quốc hội ,  ",
            "số 12/2024/NĐ-CP CỦA CHÍNH PHỦ\u{a0}",
            "số 3/BC-UBND, ",
            "số ١٢/QĐ-X ",
            "số 12/QĐ-X/A của Bộ Tư pháp và",
            "ngày 30/6/2024 và ngày ",
            "5/a ,",
            "5/a,b",
            "5/ ,",
            "Chỉ thị 7/CT-TTg của",
            "12/2020/TT-BTC c\u{1ee7}a B\u{1ed9}  ",
            "số 12/QĐ-TTg của Ủy ban nhân dân tỉnh Bà Rịa Vũng Tàu và Sở ",
            "số 12/QĐ-TTg của  Ủy ban nhân dân tỉnh Bà Rịa Vũng Tàu và Sở X ,  ",
            "số 12/QĐ-TTg CỦA   Ủy ban nhân dân tỉnh Bà Rịa Vũng Tàu và SởX\u{a0}",
            "số 1/A của  aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa  ",
            "số 1/A của aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ",
            "số 1/A của aaaaaaaaaa aaaaaaaaaaaaaaaaaaaaaaaaaaaaa, ",
            "số 1/A của aaaaaaaaaa aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa , ",
            "số 1/A của Bộ, , ",
            "số 1/A,, ",
            "số 1/A của",
            "số 1/A của,",
            "số 1/&-Ⅰ của Bộ ",
            "số ٣/QĐ của Bộ\u{345} ",
            "số 5/a/b/c ",
            "số 5/2/b ",
            "số x/5/b ",
            "số 5//b ",
            "số 5/b/ ",
            "Chỉ thị 7/CT-TTg của ",
            "Chỉ thị 7/CT-TTg của Bộ 5/BC của Sở ",
            "Chỉ thị 7/CT-TTg\u{212A}ủa Bộ ",
        ] {
            texts.push(made.to_string());
        }
        let regex = &*crate::deadlines::cues::DOC_NUMBER_BEFORE;
        let mut matched = 0;
        for text in texts {
            let ends = (0..=text.len()).filter(|&i| {
                text.is_char_boundary(i)
                    && (i == text.len()
                        || text[i..].starts_with(char::is_whitespace)
                        || text[..i].ends_with(char::is_whitespace))
            });
            for end in ends {
                let starts = [
                    0,
                    back_boundary(&text, end, 160),
                    clause_start(&text, end, false),
                ];
                for start in starts {
                    let window = &text[start..end];
                    let is_match = regex.is_match(window);
                    assert_eq!(
                        crate::deadlines::citation::doc_number_before(window),
                        is_match,
                        "{window:?}"
                    );
                    if is_match {
                        matched += 1;
                        assert!(doc_number_possible(window), "{window:?}");
                    }
                }
            }
        }
        assert!(matched > 20, "{matched} windows matched");
        assert!(!doc_number_possible("ngày 30/6/2024 và ngày "));
        assert!(!doc_number_possible("Bộ Tư pháp chủ trì "));
    }

    #[test]
    fn gates_reject_texts_without_their_forms() {
        let text = "Bộ Tư pháp chủ trì, phối hợp với các bộ, ngành liên quan.";
        assert!(!RECURRING.is_match(text));
        assert!(!HALF.is_match(text));
        assert!(!IN_FORCE_WHEN.is_match(text));
        assert!(!TET.is_match(text));
        assert!(!SESSION.is_match(text));
        assert!(!OCCASION.is_match(text));
        assert!(!day_digits(text));
        assert!(!DURATION.is_match(text));
        assert!(day_digits("ngày 1/9/2029."));
        assert!(day_digits("ngày ١٥/١٠"));
        assert!(!day_digits("Mục 1. Bộ Tư pháp - Bộ Công an"));
    }

    #[test]
    fn gated_scan_equals_the_ungated_scan() {
        let context = crate::deadlines::DeadlineContext::default();
        for text in texts() {
            let gated = grammar::scan(&text, &context);
            let ungated = grammar::scan_ungated(&text, &context);
            let key = |f: &grammar::Found| (f.core.clone(), f.rule, f.due);
            assert_eq!(
                gated.iter().map(key).collect::<Vec<_>>(),
                ungated.iter().map(key).collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }
}
