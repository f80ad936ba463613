//! The groups of some date patterns, read off the match instead of asked of the regex engine.
//!
//! `captures_iter` finds each match with the lazy DFA (forward, then backward for its start)
//! and then runs the backtracker over it for the groups, which costs more than finding it. In
//! the patterns read here every group is a run of digits (or, for `THIS_YEAR`, the word after
//! the core) and nothing else in the pattern is a digit: the words (`ngày`, `tháng`, `năm`,
//! `cuối`, `giai đoạn`, `từ`, `đến`, ... and their case variants) are letters, and the rest is
//! white space and `/ - – — ,`. So the groups are the match's maximal runs of digits, in order
//! (each group is followed, inside the match, by white space, a separator, a word or the
//! match's end, and preceded by white space or a separator). `char::is_numeric` holds for every
//! char `\d` matches (Unicode `Nd`) and for no other char a match of these patterns can hold.
//! The tests compare every reading with the captures over the seed, fixture and corpus lines.

use std::ops::Range;

/// The maximal runs of chars with `is` in `text[whole]`, left to right, as ranges of `text`.
fn runs(
    text: &str,
    whole: Range<usize>,
    is: fn(char) -> bool,
) -> impl Iterator<Item = Range<usize>> + '_ {
    let base = whole.start;
    let matched = &text[whole];
    let mut chars = matched.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (at, c) = chars.next()?;
            if is(c) {
                break at;
            }
        };
        let mut end = matched.len();
        while let Some(&(at, c)) = chars.peek() {
            if !is(c) {
                end = at;
                break;
            }
            chars.next();
        }
        Some(base + start..base + end)
    })
}

/// The first `N` runs of digits of the match at `whole`: the groups of `DAY_WORDS` (day,
/// month, year), `MONTH` (month, year) and `YEAR` (the year, then the digit of `more`).
pub(super) fn digit_runs<const N: usize>(
    text: &str,
    whole: Range<usize>,
) -> [Option<Range<usize>>; N] {
    let mut found = runs(text, whole, char::is_numeric);
    std::array::from_fn(|_| found.next())
}

/// The groups of `PERIOD`: `giai đoạn 2021 - 2025` fills the first two, `từ năm 2024 đến năm
/// 2026` the last two. The first branch puts only white space and a dash between its years,
/// the second `đến` or `tới` (and maybe `hết năm`): a letter between them tells the branch.
pub(super) fn period(text: &str, whole: Range<usize>) -> [Option<Range<usize>>; 4] {
    let [from, to] = digit_runs::<2>(text, whole);
    let words_between = match (&from, &to) {
        (Some(a), Some(b)) => text[a.end..b.start].chars().any(char::is_alphabetic),
        _ => false,
    };
    if words_between {
        [None, None, from, to]
    } else {
        [from, to, None, None]
    }
}

/// The groups 1 to 6 of `DAY_DIGITS` (`ngày `, the first number, its separator, the second,
/// the second separator, the year): the numbers are the match's runs of digits, `ngày ` is
/// there when the match starts before the first, and each separator is the one char of
/// `/ . -` between two numbers (the rest between them is white space).
pub(super) fn day_digits(text: &str, whole: Range<usize>) -> [Option<Range<usize>>; 6] {
    let [first, second, year] = digit_runs::<3>(text, whole.clone());
    let day_word = first
        .as_ref()
        .filter(|first| first.start > whole.start)
        .map(|first| whole.start..first.start);
    let between = |a: &Option<Range<usize>>, b: &Option<Range<usize>>| {
        let (a, b) = (a.as_ref()?, b.as_ref()?);
        let at = a.end + text[a.end..b.start].find(['/', '.', '-'])?;
        Some(at..at + 1)
    };
    let separator = between(&first, &second);
    let second_separator = between(&second, &year);
    [day_word, first, separator, second, second_separator, year]
}

/// The group of `THIS_YEAR`: the word or digit after its two-word core (`cuối năm`, `năm nay`,
/// `trong năm`), which is the match's third run of letters and digits (white space, which
/// separates them, is neither; `\p{L}` is alphabetic and `\d` numeric).
pub(super) fn word_after(text: &str, whole: Range<usize>) -> Option<Range<usize>> {
    runs(text, whole, char::is_alphanumeric).nth(2)
}

/// The first word of the match at `whole` (`SESSION`'s relation: `tại`, `trước`, `trong`,
/// `ở`, which opens its match and is followed by white space).
pub(super) fn first_word(text: &str, whole: Range<usize>) -> Option<Range<usize>> {
    runs(text, whole, char::is_alphabetic).next()
}

/// What `RECURRING`'s groups say: whether a half year is named (group `b` or `d`: `6`, `06`,
/// `sáu`), and the period word (group `a`, `c` or `e`: `tháng`, `quý`, `quí`, `năm`), folded.
/// Every other word of a match (`định kỳ`, `hàng`, `hằng`, `mỗi`, `một`, `01`, `1`, `lần`)
/// folds to none of the period words and is none of the half-year words, so the groups are
/// the words that are.
pub(super) fn recurring(text: &str, whole: Range<usize>) -> (bool, Option<String>) {
    let mut half = false;
    let mut word = None;
    for run in runs(text, whole, char::is_alphanumeric) {
        let run = &text[run];
        let mut chars = run.chars();
        half |= run == "6"
            || run == "06"
            || (matches!(chars.next(), Some('s' | 'S' | 'ſ'))
                && matches!(chars.next(), Some('á' | 'Á'))
                && matches!(chars.next(), Some('u' | 'U'))
                && chars.next().is_none());
        if word.is_none() {
            let folded = vntask_tokenizer::fold(run);
            if matches!(folded.as_str(), "thang" | "quy" | "qui" | "nam") {
                word = Some(folded);
            }
        }
    }
    (half, word)
}

#[cfg(test)]
mod tests {
    use super::super::grammar::{DAY_DIGITS, DAY_WORDS, MONTH, PERIOD, THIS_YEAR, YEAR};
    use super::*;
    use regex::Regex;

    fn lines() -> Vec<String> {
        let mut lines = crate::test_support::comparison_lines();
        for made in [
            "ngày 15 tháng 10 năm 2024, NGÀY 5 THÁNG 3, năm 2025; Ngày\u{a0}1\u{a0}tháng\u{a0}2 , năm 2026",
            "ngày 1 tháng 1٢, tháng ١٢/2024, tháng 1٢ năm 2024, tháng 9-2024, tháng 9 , năm 2024",
            "tháng 12/٢٠٢٤, tháng 7a, tháng 7, năm 2020x, cuối năm 2024, năm 2024 - 2025, năm 2024/2025",
            "năm ٢٠٢٤, CUỐI NĂM 2025, năm 2024–5, giai đoạn 2021 - 2025, thời kỳ 2021—2030",
            "từ năm 2024 đến năm 2026, năm 2024 tới hết năm 2030, năm 2024-2030, GIAI ĐOẠN 2021-2025",
            "cuối năm nay, năm nay 5, trong năm học, trong năm\u{2003}qua, trong năm 2025, cuối năm ٣",
            "trong năm x, TRONG NĂM Nay, cuối\tnăm\u{a0}nay, năm nay\u{300}",
            "15/10/2024, 15 - 10 - 24, ngày 1.2, ngày\u{a0}01 / 02 / 2024, 4/30/2024, 1٢/3, 12/٣/2024",
            "NGÀY 5-6, 123/2020, 15/10/123, 15/10/2024/NĐ-CP, 1.5/3, 6-12, 16.4, 30/6.2024, 7 /8",
        ] {
            lines.push(made.to_string());
        }
        lines
    }

    /// Every match of `regex` in the lines: the groups its captures give and the match.
    fn each_match(regex: &Regex, mut check: impl FnMut(&str, &regex::Captures)) -> usize {
        let mut count = 0;
        for line in lines() {
            for caps in regex.captures_iter(&line) {
                check(&line, &caps);
                count += 1;
            }
        }
        count
    }

    fn range(caps: &regex::Captures, i: usize) -> Option<Range<usize>> {
        caps.get(i).map(|m| m.range())
    }

    fn whole(caps: &regex::Captures) -> Range<usize> {
        caps.get(0).map(|m| m.range()).unwrap_or_default()
    }

    #[test]
    fn digit_runs_are_the_groups_of_the_day_month_and_year_patterns() {
        let n = each_match(&DAY_WORDS, |line, caps| {
            let expected = [range(caps, 1), range(caps, 2), range(caps, 3)];
            assert_eq!(digit_runs::<3>(line, whole(caps)), expected, "{line:?}");
        });
        assert!(n > 50, "{n}");
        let n = each_match(&MONTH, |line, caps| {
            let expected = [range(caps, 1), range(caps, 2)];
            assert_eq!(digit_runs::<2>(line, whole(caps)), expected, "{line:?}");
        });
        assert!(n > 50, "{n}");
        let n = each_match(&YEAR, |line, caps| {
            let [year, more] = digit_runs::<2>(line, whole(caps));
            assert_eq!(year, range(caps, 2), "{line:?}");
            assert_eq!(more.is_some(), caps.name("more").is_some(), "{line:?}");
        });
        assert!(n > 50, "{n}");
    }

    #[test]
    fn day_digits_reads_the_numbers_and_separators() {
        let n = each_match(&DAY_DIGITS, |line, caps| {
            let expected: Vec<_> = (1..=6).map(|i| range(caps, i)).collect();
            assert_eq!(day_digits(line, whole(caps)).to_vec(), expected, "{line:?}");
        });
        assert!(n > 50, "{n}");
    }

    #[test]
    fn period_reads_the_branch_and_its_years() {
        let n = each_match(&PERIOD, |line, caps| {
            let expected = [
                range(caps, 1),
                range(caps, 2),
                range(caps, 3),
                range(caps, 4),
            ];
            assert_eq!(period(line, whole(caps)), expected, "{line:?}");
        });
        assert!(n > 20, "{n}");
    }

    #[test]
    fn word_after_is_the_group_of_this_year() {
        let n = each_match(&THIS_YEAR, |line, caps| {
            assert_eq!(word_after(line, whole(caps)), range(caps, 1), "{line:?}");
        });
        assert!(n > 20, "{n}");
    }

    #[test]
    fn first_word_and_recurring_read_the_occasion_groups() {
        use super::super::occasions::{RECURRING, SESSION};
        let made = [
            "định kỳ hàng tháng, hằng quý, định kỳ 6 tháng, định kỳ sáu tháng, ĐỊNH KỲ SÁU THÁNG",
            "6 tháng một lần, 06 tháng 01 lần, sáu tháng 1 lần, mỗi năm một lần, Mỗi Quí Một Lần",
            "ſáu tháng một lần, định kỳ ſáu tháng, định kỳ quí, hằng\u{a0}năm, định  kỳ  năm",
            "tại kỳ họp thứ 8, TRƯỚC phiên họp, trong các kỳ họp, ở kỳ họp, Tại\u{a0}kỳ họp",
        ];
        let mut lines = lines();
        lines.extend(made.iter().map(|m| m.to_string()));
        let (mut sessions, mut repeats) = (0, 0);
        for line in &lines {
            for caps in SESSION.captures_iter(line) {
                assert_eq!(first_word(line, whole(&caps)), range(&caps, 1), "{line:?}");
                sessions += 1;
            }
            for caps in RECURRING.captures_iter(line) {
                let half = caps.name("b").or(caps.name("d")).is_some();
                let word = ["a", "c", "e"]
                    .iter()
                    .find_map(|n| caps.name(n))
                    .map(|m| vntask_tokenizer::fold(m.as_str()));
                let (got_half, got_word) = recurring(line, whole(&caps));
                assert_eq!(got_half, half, "{line:?}");
                if !half {
                    assert_eq!(got_word, word, "{line:?}");
                }
                repeats += 1;
            }
        }
        assert!(sessions > 10 && repeats > 20, "{sessions} {repeats}");
    }

    #[test]
    fn runs_are_maximal() {
        let text = "ab12 3x45";
        let found: Vec<_> = runs(text, 1..text.len(), char::is_numeric).collect();
        assert_eq!(found, [2..4, 5..6, 7..9]);
        let found: Vec<_> = runs(text, 3..8, char::is_numeric).collect();
        assert_eq!(found, [3..4, 5..6, 7..8]);
        assert_eq!(runs("", 0..0, char::is_numeric).count(), 0);
    }
}
