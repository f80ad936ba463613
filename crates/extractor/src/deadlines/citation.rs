//! A document number ending a window (`Quyết định số 06/QĐ-TTg `, `105/2023/QH15 của Quốc
//! hội, `), read without compiling the pattern it was first written as:
//!
//! `(?i)\d+(?:/\d+)?/[\p{L}\d&\-]+(?:/[\p{L}\d&\-]+)?(?:\s+của\s+[\p{L}\s]{0,40})?\s*,?\s*$`
//!
//! Its `{0,40}` copied the case-folded letter class forty times, forwards and backwards: about
//! 83 M instructions a run. (The pattern without the bound, with the issuer's length checked
//! on its group, compiled cheaply but ran back over every letter of each window: +1.4% on the
//! deadline scan.) Every part of a match is forced by the window's last `/`, so it is read
//! by hand:
//! - no part but the numbers and codes holds a `/`, so the last code follows the window's
//!   last `/` and runs over every code char after it (what follows a code is white space, a
//!   comma or the end, none a code char);
//! - before that `/` stands a digit (`06/QĐ`, `2023/QH15`), or a whole code after the `/`
//!   before it, which a digit precedes (`12/QĐ-X/A`);
//! - after the code: nothing but white space and one comma, or white space, `của` (of), white
//!   space, then letters and white space up to forty chars without the white space around
//!   them (which `\s+` and `\s*` take), then white space and one comma.

use super::phrases::is_letter;
use regex::Regex;
use std::sync::LazyLock;

/// A decimal digit as `\d` has it (any script's), for chars past ASCII.
static DIGIT: LazyLock<Regex> = LazyLock::new(|| {
    // A literal of this module; a failure is caught by every test run.
    Regex::new(r"^\d").unwrap_or_else(|e| panic!("digit pattern: {e}"))
});

pub(super) fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    let mut buffer = [0u8; 4];
    DIGIT.is_match(c.encode_utf8(&mut buffer))
}

/// `(?i)[\p{L}\d&\-]`.
fn is_code_char(c: char) -> bool {
    is_letter(c) || is_digit(c) || c == '&' || c == '-'
}

/// Whether the pattern of the module doc matches `before`.
pub(super) fn doc_number_before(before: &str) -> bool {
    let Some(last) = before.rfind('/') else {
        return false;
    };
    let code_len = before[last + 1..]
        .char_indices()
        .find(|&(_, c)| !is_code_char(c))
        .map_or(before.len() - last - 1, |(i, _)| i);
    if code_len == 0 || !issuer_and_end(&before[last + 1 + code_len..]) {
        return false;
    }
    let digit_before = |at: usize| before[..at].chars().next_back().is_some_and(is_digit);
    if digit_before(last) {
        return true;
    }
    // `12/QĐ-X/A`: a whole code between the two last `/`, a digit before the first.
    before[..last].rfind('/').is_some_and(|previous| {
        let code = &before[previous + 1..last];
        !code.is_empty() && code.chars().all(is_code_char) && digit_before(previous)
    })
}

/// `(?:\s+của\s+[\p{L}\s]{0,40})?\s*,?\s*$` over `tail`.
fn issuer_and_end(tail: &str) -> bool {
    // `\s*,?\s*$`.
    let end = |rest: &str| {
        let rest = rest.trim_start();
        rest.strip_prefix(',')
            .unwrap_or(rest)
            .trim_start()
            .is_empty()
    };
    if end(tail) {
        return true;
    }
    let rest = tail.trim_start();
    if rest.len() == tail.len() {
        return false;
    }
    let mut chars = rest.chars();
    let spelled = matches!(chars.next(), Some('c' | 'C'))
        && matches!(chars.next(), Some('ủ' | 'Ủ'))
        && matches!(chars.next(), Some('a' | 'A'));
    if !spelled {
        return false;
    }
    let after = chars.as_str();
    let name_and_end = after.trim_start();
    if name_and_end.len() == after.len() {
        return false;
    }
    // The name runs to a comma or the end; only white space after the comma.
    let (name, after_comma) = match name_and_end.split_once(',') {
        Some((name, rest)) => (name, rest),
        None => (name_and_end, ""),
    };
    after_comma.trim_start().is_empty()
        && name.chars().all(|c| is_letter(c) || c.is_whitespace())
        && name.trim().chars().count() <= 40
}

/// The words after a date that make it the date of a figure: `đạt` (reaches), `là` (is),
/// `tăng` (rises), `giảm` (falls), in every spelling `(?i)` matches.
static FIGURE_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    ["đạt", "là", "tăng", "giảm"]
        .iter()
        .flat_map(|word| super::keywords::spellings(word))
        .collect()
});

/// `(?i)^\s*(?::|,)?\s*(?:\d|đạt(?:[^\p{L}]|$)|là(?:[^\p{L}]|$)|tăng(?:[^\p{L}]|$)|giảm(?:[^\p{L}]|$))`
/// over `after` (`năm 2023: 13 tỷ USD`, `6 tháng năm 2024 đạt 64,9 tỷ USD`), without the
/// pattern's four negated letter classes (about 13 M instructions to compile). What follows
/// white space is no white space, and what follows the colon or comma is a digit or a
/// letter, so each optional part is taken whenever it is there.
pub(super) fn figure_after(after: &str) -> bool {
    let rest = after.trim_start();
    let rest = rest.strip_prefix([':', ',']).unwrap_or(rest).trim_start();
    if rest.chars().next().is_some_and(is_digit) {
        return true;
    }
    FIGURE_WORDS.iter().any(|word| {
        rest.get(..word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(word))
            && !rest[word.len()..].chars().next().is_some_and(is_letter)
    })
}

/// Budget, estimate, funds, capital, plan, programme, public investment, recurrent spending,
/// growth, wages, income, budget revenue: nouns that make a following `hằng năm` (yearly) a
/// cycle, in every spelling `(?i)` matches.
static CYCLE_NOUNS: LazyLock<Vec<String>> = LazyLock::new(|| {
    [
        "ngân sách",
        "dự toán",
        "kinh phí",
        "vốn",
        "kế hoạch",
        "chương trình",
        "đầu tư công",
        "chi thường xuyên",
        "tăng trưởng",
        "lương",
        "thu nhập",
        "thu ngân sách",
    ]
    .iter()
    .flat_map(|noun| super::keywords::spellings(noun))
    .collect()
});

/// `(?i)(?:NOUN|...)(?:(?:\s+|,\s+)\p{L}+){0,4}\s+$` over `before` (`chương trình kiểm tra,
/// giám sát ` before `hằng năm`), without the pattern (about 12.5 M instructions to
/// compile). Read from the end, every part is forced: the white space at the end; each word
/// runs back to the white space before it (a word is letters right after white space);
/// that white space back to the char before it, and a comma there belongs to the word's
/// `,\s+` (a noun and a word end with a letter). After each step a noun may end there.
pub(super) fn cycle_noun_before(before: &str) -> bool {
    let ends_with_noun = |text: &str| {
        // Each noun ends in `h`, `n`, `g`, `p` or `í` (`C3 AD`, `Í` is `C3 8D`), in any case:
        // most places are settled by their last byte.
        matches!(
            text.as_bytes().last(),
            Some(b'h' | b'H' | b'n' | b'N' | b'g' | b'G' | b'p' | b'P' | 0xAD | 0x8D)
        ) && CYCLE_NOUNS.iter().any(|noun| {
            text.len() >= noun.len()
                && text
                    .get(text.len() - noun.len()..)
                    .is_some_and(|tail| tail.eq_ignore_ascii_case(noun))
        })
    };
    let mut text = before.trim_end();
    if text.len() == before.len() {
        return false;
    }
    for words in 0..=4 {
        if ends_with_noun(text) {
            return true;
        }
        if words == 4 {
            break;
        }
        let word = text
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_letter(c))
            .last()
            .map_or(text.len(), |(i, _)| i);
        if word == text.len() {
            return false;
        }
        let spaced = text[..word].trim_end();
        if spaced.len() == word {
            return false;
        }
        text = spaced.strip_suffix(',').unwrap_or(spaced);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycle_nouns_answer_as_their_pattern() {
        let mut texts = crate::test_support::seed_lines();
        for made in [
            "chương trình kiểm tra, giám sát ",
            "Ngân Sách  nhà nước, trung ương, địa phương ",
            "kế hoạch a b c d e ",
            "kế hoạch a b c d ",
            "kế hoạch,  a ",
            "kế hoạch ,a ",
            "kế hoạch a1 ",
            "KẾ HOẠCH\u{a0}a\u{345} ",
            "xvốn ",
            "vốn",
            "lương, , a ",
            "thu nhập\tbình quân\n",
        ] {
            texts.push(made.to_string());
        }
        let pattern = &*super::super::occasions::CYCLE_NOUN;
        let mut matched = 0;
        for text in &texts {
            let ends = (0..=text.len()).filter(|&i| text.is_char_boundary(i));
            for end in ends {
                let from = super::super::cues::back_boundary(text, end, 80);
                for before in [&text[from..end], &text[..end]] {
                    let expected = pattern.is_match(before);
                    matched += usize::from(expected);
                    assert_eq!(cycle_noun_before(before), expected, "{before:?}");
                }
            }
        }
        assert!(matched > 20, "{matched}");
    }
}
