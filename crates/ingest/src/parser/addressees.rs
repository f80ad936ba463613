//! The line that opens the addressee list: `Kính gửi: ...` (to:), or a Công điện's (an
//! urgent dispatch's) `THỦ TƯỚNG CHÍNH PHỦ điện: ...` (the Prime Minister cables:), told
//! without the pattern it was first written as:
//!
//! `^(?:Kính gửi|[\p{Lu} ]{4,60} điện)\s*:\s*(.*)$`
//!
//! Compiling that pattern cost about 64 M instructions (sixty copies of the upper-case letter
//! class, forwards and backwards), paid by every run. Its parts decide one another: the run
//! of capitals and spaces can only end at the first char outside the class, which must be the
//! `đ` of ` điện` (a lower-case letter), so there is one way to read a line, taken here by
//! hand; only the class itself is left to a small pattern.

use regex::Regex;
use std::sync::LazyLock;

/// The capitals and spaces a line opens with.
static CAPITALS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{Lu} ]*").expect("valid regex"));

/// What follows the colon of an opening line (the first addressees, maybe none), or `None`
/// when `text` is no such line: group 1 of the pattern of the module doc.
pub(super) fn opening(text: &str) -> Option<&str> {
    after_colon(text.strip_prefix("Kính gửi")).or_else(|| {
        let run = CAPITALS.find(text).map_or(0, |m| m.end());
        // The run takes the space of ` điện` too, which is not counted.
        let capitals = text[..run].strip_suffix(' ')?;
        let count = capitals.chars().count();
        if !(4..=60).contains(&count) {
            return None;
        }
        after_colon(text[run..].strip_prefix("điện"))
    })
}

/// `\s*:\s*(.*)$` over `rest`: group 1.
fn after_colon(rest: Option<&str>) -> Option<&str> {
    let rest = rest?.trim_start().strip_prefix(':')?.trim_start();
    (!rest.contains('\n')).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern this module replaces.
    static ADDRESSEES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:Kính gửi|[\p{Lu} ]{4,60} điện)\s*:\s*(.*)$").expect("valid regex")
    });

    fn reference(text: &str) -> Option<&str> {
        ADDRESSEES
            .captures(text)
            .map(|caps| caps.get(1).map_or("", |m| m.as_str()))
    }

    #[test]
    fn agrees_with_the_pattern_on_chosen_lines() {
        let lines = [
            ("Kính gửi: Các bộ, ngành", Some("Các bộ, ngành")),
            ("Kính gửi :  - Bộ Y tế", Some("- Bộ Y tế")),
            ("Kính gửi:", Some("")),
            ("Kính gửi", None),
            ("Kính gửi các bộ", None),
            ("THỦ TƯỚNG CHÍNH PHỦ điện:", Some("")),
            (
                "THỦ TƯỚNG CHÍNH PHỦ điện: Bộ trưởng các Bộ",
                Some("Bộ trưởng các Bộ"),
            ),
            ("THỦ TƯỚNG  điện\u{a0}: x", Some("x")),
            ("ABC điện: x", None),
            ("ABCD điện: x", Some("x")),
            (" ABC điện: x", Some("x")),
            ("ABCDđiện: x", None),
            ("ABCD điện x", None),
            ("Thủ tướng điện: x", None),
            ("ABCD điện: x\ny", None),
            ("ABCD điện:\n x", Some("x")),
            ("ÉĐỨC  điện:x", Some("x")),
            ("", None),
        ];
        for (line, expected) in lines {
            assert_eq!(reference(line), expected, "pattern on {line:?}");
            assert_eq!(opening(line), expected, "{line:?}");
        }
        for count in [3, 4, 60, 61] {
            let line = format!("{} điện: x", "A".repeat(count));
            assert_eq!(opening(&line), reference(&line), "{count}");
            assert_eq!(opening(&line).is_some(), (4..=60).contains(&count));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(20000))]
        #[test]
        fn agrees_with_the_pattern(
            line in "(Kính gửi|[AĐỦƯaⅠ ]{0,8}( điện|điện|))[ \u{a0}\n]{0,2}:?[ \n]{0,2}[a-z\n]{0,3}"
        ) {
            proptest::prop_assert_eq!(opening(&line), reference(&line), "{:?}", line);
        }

        #[test]
        fn agrees_with_the_pattern_on_long_runs(
            run in "[A ]{55,64}",
            tail in " ?điện ?: ?[a-z]{0,2}",
        ) {
            let line = format!("{run}{tail}");
            proptest::prop_assert_eq!(opening(&line), reference(&line), "{:?}", line);
        }
    }
}
