//! A news page's publication stamp (`19/07/2024 14:30`, `Thứ sáu, 19/07/2024 - 14:30`: Friday,
//! ...), read without the pattern it was first written as:
//!
//! `^(?:[\p{L} ]{2,12},\s*)?(\d{1,2})/(\d{1,2})/(\d{4})\s*[-|,]?\s*(?:\d{1,2}:\d{2}|\d{1,2}h\d{2})(?:\s*\(?GMT[+\d]*\)?)?(?:\s*[-|]?\s*(?:Lượt xem|Lượt đọc|Lượt truy cập)\s*:?\s*[\d.,]+)?$`
//!
//! (the last group: the page's view counter beside the stamp, `24/11/2025 08:30 Lượt xem: 1.245`)
//!
//! Compiling that pattern cost about 26 M instructions on every run (twelve copies of the
//! letter class, forwards and backwards). The weekday decides itself: a line that opens
//! with a letter or a space can only be read with it, and its run of letters and spaces can
//! only end at the first other char, which must be the comma; a line that opens otherwise is
//! read without it. Only the classes and the rest of the stamp are left to small patterns.

use regex::Regex;
use std::sync::LazyLock;

/// The letters and spaces a line opens with.
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\p{L} ]*").expect("valid regex"));
/// The stamp after the weekday.
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\d{1,2})/(\d{1,2})/(\d{4})\s*[-|,]?\s*(?:\d{1,2}:\d{2}|\d{1,2}h\d{2})(?:\s*\(?GMT[+\d]*\)?)?(?:\s*[-|]?\s*(?:Lượt xem|Lượt đọc|Lượt truy cập)\s*:?\s*[\d.,]+)?$",
    )
    .expect("valid regex")
});

/// Day, month and year of the stamp `line` is (groups 1 to 3 of the pattern of the module
/// doc), or `None`.
pub(super) fn find(line: &str) -> Option<(&str, &str, &str)> {
    let weekday = WEEKDAY.find(line).map_or(0, |m| m.end());
    let stamp = if weekday == 0 {
        line
    } else {
        let count = line[..weekday].chars().count();
        let after = line[weekday..].strip_prefix(',')?;
        if !(2..=12).contains(&count) {
            return None;
        }
        after.trim_start()
    };
    let caps = STAMP.captures(stamp)?;
    Some((
        caps.get(1)?.as_str(),
        caps.get(2)?.as_str(),
        caps.get(3)?.as_str(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern this module replaces.
    static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[\p{L} ]{2,12},\s*)?(\d{1,2})/(\d{1,2})/(\d{4})\s*[-|,]?\s*(?:\d{1,2}:\d{2}|\d{1,2}h\d{2})(?:\s*\(?GMT[+\d]*\)?)?(?:\s*[-|]?\s*(?:Lượt xem|Lượt đọc|Lượt truy cập)\s*:?\s*[\d.,]+)?$")
            .expect("valid regex")
    });

    fn reference(line: &str) -> Option<(&str, &str, &str)> {
        let caps = PUBLISHED.captures(line)?;
        Some((
            caps.get(1)?.as_str(),
            caps.get(2)?.as_str(),
            caps.get(3)?.as_str(),
        ))
    }

    #[test]
    fn agrees_with_the_pattern_on_chosen_lines() {
        let lines = [
            "19/07/2024 14:30",
            "24/11/2025 08:30 Lượt xem: 1.245",
            "Thứ bảy, 22/11/2025 - 18:40 | Lượt đọc 12",
            "Thứ sáu, 19/07/2024 - 14:30",
            "Thứ sáu,19/07/2024 - 14:30",
            "Thứ sáu, 19/07/2024 - 14h30 (GMT+7)",
            "Thứ sáu , 19/07/2024 | 14:30",
            "T, 19/07/2024 14:30",
            "Th, 19/07/2024 14:30",
            "Abcdefghijkl, 19/07/2024 14:30",
            "Abcdefghijklm, 19/07/2024 14:30",
            " a, 19/07/2024 14:30",
            "Thứ 6, 19/07/2024 14:30",
            "Thứ sáu 19/07/2024 14:30",
            "19/07/2024",
            "19/7/2024 9:05 GMT+7",
            "١٩/07/2024 14:30",
            ", 19/07/2024 14:30",
            "",
        ];
        let mut matched = 0;
        for line in lines {
            let expected = reference(line);
            matched += usize::from(expected.is_some());
            assert_eq!(find(line), expected, "{line:?}");
        }
        assert!(matched > 5, "{matched}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(20000))]
        #[test]
        fn agrees_with_the_pattern(
            line in "[Tứa ,6Ⅰ]{0,14}[ ,]{0,2}1?9/0?7/2024[ -]{0,2}(14:30|9h05|)( \\(GMT\\+7\\)|)"
        ) {
            proptest::prop_assert_eq!(find(&line), reference(&line), "{:?}", line);
        }
    }
}
