//! Small searches of the assembly rules done with `memchr` instead of a substring searcher:
//! `str::match_indices("; ")`, `str::find("(1)")` and the like set up a Two-Way searcher on
//! every call, which showed in profiles for the short needles read here (a punctuation mark
//! and a space, a parenthesised number), on every sentence and clause.

/// The offsets of `mark` followed by a space in `text`, in order: what
/// `text.match_indices("; ")` (for `mark` = `;`) gives. The two bytes differ, so two matches
/// can never overlap and each `mark` is tested on its own. `mark` must be ASCII.
pub(super) fn mark_then_space(text: &str, mark: u8) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr_iter(mark, bytes).filter(move |&at| bytes.get(at + 1) == Some(&b' '))
}

/// The offset of the last `mark` followed by a space in `text`: `text.rfind(", ")` for `mark`
/// = `,`. `mark` must be ASCII.
pub(super) fn last_mark_then_space(text: &str, mark: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memrchr_iter(mark, bytes).find(|&at| bytes.get(at + 1) == Some(&b' '))
}

/// The offset of the first ` - ` in `text`: `text.find(" - ")`. The dash is looked for, then
/// the spaces around it; the first dash with both is the first match (a match starts one
/// byte before its dash).
pub(super) fn spaced_dash(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'-', bytes)
        .find(|&at| at > 0 && bytes[at - 1] == b' ' && bytes.get(at + 1) == Some(&b' '))
        .map(|at| at - 1)
}

/// The offset of the first `(n)` in `text` (`n` in decimal): `text.find(&format!("({n})"))`
/// without the string or the searcher.
pub(super) fn numbered(text: &str, n: usize) -> Option<usize> {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut rest = n;
    loop {
        digits[len] = b'0' + (rest % 10) as u8;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    digits[..len].reverse();
    let digits = &digits[..len];
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'(', bytes).find(|&at| {
        bytes
            .get(at + 1..)
            .and_then(|after| after.strip_prefix(digits))
            .is_some_and(|after| after.first() == Some(&b')'))
    })
}

/// The length of `(n)` written in decimal: `format!("({n})").len()`.
pub(super) fn numbered_len(n: usize) -> usize {
    let mut len = 3;
    let mut rest = n / 10;
    while rest > 0 {
        len += 1;
        rest /= 10;
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SAMPLES: &[&str] = &[
        "",
        ";",
        "; ",
        " ;",
        "a; b; c",
        "a;b; c;",
        ";; ;  ; ",
        "Bộ X; Bộ Y, Bộ Z - cơ quan - x",
        "- a -- b - ",
        " - ",
        "-",
        "a -b- c - d",
        "(1) a; (2) b (3)(4) (10) (1)(12)",
        "(1 (1) (11) (01)",
        "((1)) (2) ()",
        "Giao: (1) lập; (2) trình (3) báo cáo",
    ];

    fn check(text: &str) {
        for (mark, needle) in [(b';', "; "), (b',', ", ")] {
            let old: Vec<usize> = text.match_indices(needle).map(|(i, _)| i).collect();
            let new: Vec<usize> = mark_then_space(text, mark).collect();
            assert_eq!(old, new, "{text:?} {needle:?}");
            assert_eq!(
                text.rfind(needle),
                last_mark_then_space(text, mark),
                "{text:?}"
            );
        }
        assert_eq!(text.find(" - "), spaced_dash(text), "{text:?}");
        for n in [0, 1, 2, 3, 4, 9, 10, 11, 12, 99, 100, 12345] {
            assert_eq!(
                text.find(&format!("({n})")),
                numbered(text, n),
                "{text:?} {n}"
            );
        }
    }

    #[test]
    fn scans_find_what_the_substring_searches_find() {
        for text in SAMPLES {
            check(text);
        }
    }

    #[test]
    fn numbered_len_is_the_formatted_length() {
        for n in [0, 1, 9, 10, 11, 99, 100, 999, 1000, 123_456, usize::MAX] {
            assert_eq!(numbered_len(n), format!("({n})").len(), "{n}");
        }
        assert_eq!(numbered(&format!("x({})", usize::MAX), usize::MAX), Some(1));
    }

    proptest! {
        #[test]
        fn scans_agree_on_made_texts(text in "[;, \\-()0-9aĐ]{0,40}") {
            check(&text);
        }
    }
}
