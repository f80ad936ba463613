//! The match of the `LABEL` pattern (`II. `, `a) `, `1.2) `, `(đ) `, `- `, `+ `), read by hand.
//!
//! The pattern's alternatives are tried in its order (Roman, capital, Arabic, lower-case,
//! parenthesised, plus, dash) with the same greedy choices, so [`read`] gives the span the
//! regex gives. `\d` is any Unicode decimal digit: where a non-ASCII character that may be one
//! stands in a place a digit is tested, [`read`] does not decide and the regex runs.

use std::ops::Range;

/// The capture group of `LABEL` that matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Group {
    Roman,
    Upper,
    Arabic,
    Lower,
    Paren,
    Plus,
    Dash,
}

/// A match of `LABEL` at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Numbered {
    pub group: Group,
    /// The span of the named group (empty for bullets, whose group is not used as a key).
    pub key: Range<usize>,
    /// The end of the whole match.
    pub end: usize,
}

/// A line this reader leaves to the regex (a non-ASCII numeric character where `\d` is tested).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Undecided;

/// Reads the `LABEL` match at the start of `line`: `Ok(None)` when the pattern does not match.
pub(super) fn read(line: &str) -> Result<Option<Numbered>, Undecided> {
    let Some(first) = line.chars().next() else {
        return Ok(None);
    };
    match first {
        'A'..='Z' | 'Đ' => Ok(roman(line).or_else(|| upper(line, first.len_utf8()))),
        'a'..='z' | 'đ' => Ok(lower(line, first.len_utf8())),
        '0'..='9' => arabic(line),
        '(' => paren(line),
        '-' | '–' | '+' => Ok(Some(plus(line).unwrap_or_else(|| dash(line, first)))),
        '—' | '•' | '·' | '∙' | '▪' | '●' | '◦' | '*' => Ok(Some(dash(line, first))),
        c if c.is_numeric() => Err(Undecided),
        // No alternative opens with any other character.
        _ => Ok(None),
    }
}

/// The end of the run of white space (`\s*`, Unicode `White_Space`) from `at`.
fn spaces_end(line: &str, at: usize) -> usize {
    let Some(rest) = line.get(at..) else {
        return at;
    };
    rest.char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(line.len(), |(i, _)| at + i)
}

/// `[.)]` at `at` followed by `\s+` (with `plus_spaces`) or `\s*`: the end of the match.
fn closer(line: &str, at: usize, plus_spaces: bool) -> Option<usize> {
    if !matches!(line.as_bytes().get(at), Some(b'.' | b')')) {
        return None;
    }
    let end = spaces_end(line, at + 1);
    (!plus_spaces || end > at + 1).then_some(end)
}

/// `[IVXL]{1,6}[.)]\s+`: a run longer than six leaves a numeral letter where `[.)]` must be.
fn roman(line: &str) -> Option<Numbered> {
    let run = line
        .bytes()
        .take_while(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
        .count();
    if !(1..=6).contains(&run) {
        return None;
    }
    let end = closer(line, run, true)?;
    Some(Numbered {
        group: Group::Roman,
        key: 0..run,
        end,
    })
}

/// `[A-ZĐ][.)]\s+`.
fn upper(line: &str, letter: usize) -> Option<Numbered> {
    let end = closer(line, letter, true)?;
    Some(Numbered {
        group: Group::Upper,
        key: 0..letter,
        end,
    })
}

/// `[a-zđ](?:\)\s*|\.\s+)`.
fn lower(line: &str, letter: usize) -> Option<Numbered> {
    let end = match line.as_bytes().get(letter) {
        Some(b')') => closer(line, letter, false)?,
        Some(b'.') => closer(line, letter, true)?,
        _ => return None,
    };
    Some(Numbered {
        group: Group::Lower,
        key: 0..letter,
        end,
    })
}

/// The length of the run of ASCII digits at `at`; undecided when a non-ASCII numeric
/// character follows it (it may be a `\d` the run goes on with).
fn digits(line: &str, at: usize) -> Result<usize, Undecided> {
    let rest = line.get(at..).unwrap_or("");
    let run = rest.bytes().take_while(u8::is_ascii_digit).count();
    match rest.get(run..).and_then(|tail| tail.chars().next()) {
        Some(c) if !c.is_ascii() && c.is_numeric() => Err(Undecided),
        _ => Ok(run),
    }
}

/// `\d{1,3}(?:\.\d{1,3})*[.)]\s*`. A run of more than three digits fails (a digit is left
/// where `.` or `[.)]` must be); a `.` and a run of one to three digits are taken while `.` or
/// `)` follows them (then the rest of the pattern matches; otherwise the `.` is the closer).
fn arabic(line: &str) -> Result<Option<Numbered>, Undecided> {
    let bytes = line.as_bytes();
    let run = digits(line, 0)?;
    if !(1..=3).contains(&run) {
        return Ok(None);
    }
    let mut number_end = run;
    while bytes.get(number_end) == Some(&b'.') {
        let next = digits(line, number_end + 1)?;
        let after = number_end + 1 + next;
        if (1..=3).contains(&next) && matches!(bytes.get(after), Some(b'.' | b')')) {
            number_end = after;
        } else {
            break;
        }
    }
    Ok(closer(line, number_end, false).map(|end| Numbered {
        group: Group::Arabic,
        key: 0..number_end,
        end,
    }))
}

/// `\((?:\d{1,2}|[a-zđ])\)\s*`.
fn paren(line: &str) -> Result<Option<Numbered>, Undecided> {
    let run = digits(line, 1)?;
    let inner = match run {
        0 => match line.get(1..).and_then(|rest| rest.chars().next()) {
            Some(c @ ('a'..='z' | 'đ')) => c.len_utf8(),
            Some(c) if c.is_numeric() => return Err(Undecided),
            _ => return Ok(None),
        },
        1 | 2 => run,
        _ => return Ok(None),
    };
    if line.as_bytes().get(1 + inner) != Some(&b')') {
        return Ok(None);
    }
    Ok(Some(Numbered {
        group: Group::Paren,
        key: 1..1 + inner,
        end: spaces_end(line, 2 + inner),
    }))
}

/// `(?:[-–]\s*)?\+\s*`.
fn plus(line: &str) -> Option<Numbered> {
    let plus_at = if let Some(rest) = line.strip_prefix(['-', '–']) {
        spaces_end(line, line.len() - rest.len())
    } else {
        0
    };
    (line.as_bytes().get(plus_at) == Some(&b'+')).then(|| Numbered {
        group: Group::Plus,
        key: 0..0,
        end: spaces_end(line, plus_at + 1),
    })
}

/// `[-–—•·∙▪●◦*]\s*`, `first` being one of those.
fn dash(line: &str, first: char) -> Numbered {
    Numbered {
        group: Group::Dash,
        key: 0..0,
        end: spaces_end(line, first.len_utf8()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::numbered_by_regex;
    use super::*;

    /// `read` agrees with the regex wherever it decides.
    fn agrees(line: &str) -> Result<(), String> {
        match read(line) {
            Ok(found) if found != numbered_by_regex(line) => Err(format!(
                "{line:?}: {found:?} != {:?}",
                numbered_by_regex(line)
            )),
            _ => Ok(()),
        }
    }

    proptest::proptest! {
        #[test]
        fn reads_as_the_regex(
            line in "(I|V|X|L|C|IIIIII|A|Đ|đ|a|z|f|1|12|123|1234|0|\\.|\\)|\\(|-|–|—|\\+|•|▪|\\*|٣|²|Ⅳ| |  |\\t|\\u{a0}|\\u{3000}|\\u{85}|\\u{b}|x|ạ|B){0,8}"
        ) {
            proptest::prop_assert_eq!(agrees(&line), Ok(()));
        }
    }

    #[test]
    fn reads_the_edge_cases_as_the_regex() {
        for line in [
            "1.2",
            "1.2.",
            "1.2.3) Bộ",
            "1.2.3.4.5.6. x",
            "1.2345. x",
            "1234. x",
            "1.23a",
            "12.3.4) Bộ",
            "10.000 cán bộ",
            "2024 - 2025",
            "1.١. x",
            "1١. x",
            "(12) x",
            "(123) x",
            "(1١) x",
            "(٣) x",
            "(đ) x",
            "(đ x",
            "(a)",
            "- + x",
            "–\u{a0}+ x",
            "-- x",
            "— x",
            "IIIIIII. X",
            "LXVIII. Mục",
            "I.\u{3000}X",
            "I.X",
            "Đ. X",
            "Đ.X",
            "đ. x",
            "đ.x",
            "đ)x",
            "a)",
            "",
        ] {
            assert_eq!(agrees(line), Ok(()));
        }
    }

    /// `char::is_whitespace` is the regex's `\s`.
    #[test]
    fn white_space_is_the_regexs() {
        let space = regex::Regex::new(r"^\s$").unwrap_or_else(|e| panic!("{e}"));
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(
                c.is_whitespace(),
                space.is_match(c.encode_utf8(&mut [0; 4])),
                "{c:?}"
            );
        }
    }
}
