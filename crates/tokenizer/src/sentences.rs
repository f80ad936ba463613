//! Sentence and clause splitting.
//!
//! A sentence ends at a line break, or at `.`, `!`, `?` followed by white space and then not a
//! lower-case letter, except where the dot belongs to something else: a heading number at
//! the start (`1.`, `II.`, `a.`), an abbreviation (`TP.`, `Tp.`, `TS.`, `ThS.`, `v.v.`), or
//! a number (`4.543/6.325`, `104,9%` never split because their dots have no space after).

use std::ops::Range;

/// Abbreviations that end with a dot without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "tp", "tx", "tt", "ts", "ths", "pgs", "gs", "bs", "ks", "ls", "ncs", "q", "p", "v.v", "vv",
    "đ/c", "th.s", "st", "tr", "no", "số",
];

/// Byte ranges of the sentences of `text`, trimmed of surrounding white space.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut index = 0;
    // Only `\n`, `.`, `!` and `?` can end a sentence: the bytes between are passed over
    // eight at a time.
    while let Some(found) = next_stop(bytes, index) {
        index = found;
        let b = bytes[index];
        let ends_here = match b {
            b'\n' => Some(index),
            b'.' | b'!' | b'?' => {
                let next = bytes.get(index + 1).copied();
                let followed_by_space = next.is_none_or(|n| n == b' ' || n == b'\n' || n == b'\t');
                if followed_by_space
                    && (b != b'.' || !dot_is_inside(text, start, index))
                    && !next_starts_lowercase(text, index + 1)
                {
                    Some(index + 1)
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(end) = ends_here {
            push_trimmed(text, start..end, &mut out);
            start = index + 1;
        }
        index += 1;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// The first byte of `bytes` from `from` on that is `\n`, `.`, `!` or `?`.
#[inline]
fn next_stop(bytes: &[u8], from: usize) -> Option<usize> {
    use crate::swar::{first_flagged, splat, word_at, HIGH, ONES};
    // A byte equal to the needle is zero after the xor; `(v - 1) & !v` sets its high bit.
    // A borrow can only run upward from a zero byte, so the lowest byte flagged is exact.
    let zero = |v: u64| v.wrapping_sub(ONES) & !v;
    let mut pos = from;
    while pos < bytes.len() {
        let word = word_at(bytes, pos);
        let stops = (zero(word ^ splat(b'\n'))
            | zero(word ^ splat(b'.'))
            | zero(word ^ splat(b'!'))
            | zero(word ^ splat(b'?')))
            & HIGH;
        if stops != 0 {
            // Bytes past the end read as zero and are never flagged.
            return Some(pos + first_flagged(stops));
        }
        pos += 8;
    }
    None
}

/// Clauses of a sentence: split at `;` (items of one directive joined by semicolons).
pub fn clauses(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (index, _) in text.match_indices(';') {
        push_trimmed(text, start..index + 1, &mut out);
        start = index + 1;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let leading = slice.len() - slice.trim_start().len();
    let trailing = slice.len() - slice.trim_end().len();
    if leading + trailing < slice.len() {
        out.push(range.start + leading..range.end - trailing);
    }
}

/// Whether the dot at `dot` belongs to a heading number or an abbreviation.
fn dot_is_inside(text: &str, sentence_start: usize, dot: usize) -> bool {
    let before = &text[sentence_start..dot];
    // The word starts after the white space char (which may be wider than a byte: U+00A0,
    // U+2028 ... slicing one byte past its start panicked, found by proptest).
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(')
        .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let at_sentence_start = before[..word_start].trim().is_empty();
    if at_sentence_start && is_heading_number(word) {
        return true;
    }
    // Compared lower-cased char by char (a lower-cased String a dot showed in profiles).
    // `str::to_lowercase` differs from the chars' own lower case only for a final `Σ` (`ς`),
    // and no abbreviation holds either sigma. Each char lower-cases to at least one char, so
    // a word of more chars than the longest abbreviation (4) is none.
    word.chars().nth(4).is_none() && ABBREVIATIONS.iter().any(|a| crate::lowercase_is(word, a))
}

/// `1`, `12`, `II`, `IV`, `a`, `A`, `1.2`: what stands before the dot of a numbered heading.
fn is_heading_number(word: &str) -> bool {
    let digits_and_dots = word.chars().all(|c| c.is_ascii_digit() || c == '.');
    let roman = word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    digits_and_dots || roman || single_letter
}

fn next_starts_lowercase(text: &str, from: usize) -> bool {
    text[from..]
        .chars()
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_short_and_lower_case() {
        for a in ABBREVIATIONS {
            assert!(a.chars().count() <= 4, "{a}");
            assert_eq!(a.to_lowercase(), *a);
            assert!(!a.contains(['σ', 'ς']));
        }
    }

    /// [`sentences`] as it was before it passed over bytes eight at a time: a look at each.
    fn sentences_reference(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut start = 0;
        let mut index = 0;
        while index < bytes.len() {
            let b = bytes[index];
            let ends_here = match b {
                b'\n' => Some(index),
                b'.' | b'!' | b'?' => {
                    let next = bytes.get(index + 1).copied();
                    let followed_by_space =
                        next.is_none_or(|n| n == b' ' || n == b'\n' || n == b'\t');
                    if followed_by_space
                        && (b != b'.' || !dot_is_inside(text, start, index))
                        && !next_starts_lowercase(text, index + 1)
                    {
                        Some(index + 1)
                    } else {
                        None
                    }
                }
                _ => None,
            };
            if let Some(end) = ends_here {
                push_trimmed(text, start..end, &mut out);
                start = index + 1;
            }
            index += 1;
        }
        push_trimmed(text, start..text.len(), &mut out);
        out
    }

    proptest::proptest! {
        #[test]
        fn eight_at_a_time_agrees_with_a_look_at_each_byte(
            text in "(TP|Tp|1|II|a|b|đ|ơ|x|Bộ|v\\.v|\\.|!|\\?|\\n| |\\t|,|;|4\\.5|\\u{a0}){0,40}",
            any in "\\PC{0,40}",
        ) {
            for text in [text.as_str(), any.as_str()] {
                proptest::prop_assert_eq!(sentences(text), sentences_reference(text));
            }
        }
    }

    #[test]
    fn stops_are_found_at_every_place_in_a_word() {
        for prefix in 0..20 {
            for stop in ["\n", ".", "!", "?"] {
                let text = format!("{}{stop} Xong? ạ.", "ệ".repeat(prefix));
                assert_eq!(sentences(&text), sentences_reference(&text), "{text:?}");
                assert_eq!(next_stop(text.as_bytes(), 0), Some(3 * prefix));
            }
        }
        assert_eq!(next_stop(b"abc", 0), None);
        assert_eq!(next_stop(b"", 0), None);
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn does_not_split_inside_numbers_and_abbreviations() {
        assert_eq!(
            split("1. Bộ TT&TT đạt 104,9%. Tỷ lệ 4.543/6.325 hồ sơ. TP. Hồ Chí Minh và Tp. Hà Nội làm."),
            vec![
                "1. Bộ TT&TT đạt 104,9%.",
                "Tỷ lệ 4.543/6.325 hồ sơ.",
                "TP. Hồ Chí Minh và Tp. Hà Nội làm."
            ]
        );
        assert_eq!(
            split("II. Nhiệm vụ\na) Bộ Y tế"),
            vec!["II. Nhiệm vụ", "a) Bộ Y tế"]
        );
        assert_eq!(
            split("Xong. Tiếp!  Hết? Còn"),
            vec!["Xong.", "Tiếp!", "Hết?", "Còn"]
        );
    }

    #[test]
    fn clauses_split_at_semicolons() {
        let text = "rà soát; hoàn thiện; báo cáo";
        let parts: Vec<&str> = clauses(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(parts, vec!["rà soát;", "hoàn thiện;", "báo cáo"]);
    }
}
