//! The place and date line of a header (`Hà Nội, ngày 15 tháng 4 năm 2022`; the day may be
//! left blank, `ngày   tháng 7 năm 2024`, or dotted, `ngày ... tháng 7 năm 2024`), read
//! without the pattern it was first written as:
//!
//! `(?:^|\t)\s*(\p{Lu}[^\t,\d]{1,40}),\s*ngày\s*(\d{1,2})?[\s.…]*tháng\s*(\d{1,2})\s*năm\s*(\d{4})`
//!
//! Compiling that pattern cost about 30 M instructions on every run (forty copies of a class
//! of nearly every char, forwards and backwards). The place decides itself: it opens at the
//! first char after the white space (a capital), and its run can only end at the first tab,
//! comma or digit, which must be the comma. So each possible start (the line's, each tab)
//! has one reading, taken by hand; the capital, the digits and the date words after the
//! comma are left to small patterns.

use regex::Regex;
use std::sync::LazyLock;

/// A capital letter (`\p{Lu}`).
static CAPITAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Lu}").expect("valid regex"));
/// What ends the place's run: a tab, a comma or a digit (`[^\t,\d]` negated).
static PLACE_END: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\t,\d]").expect("valid regex"));
/// The date after the place's comma.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,\s*ngày\s*(\d{1,2})?[\s.…]*tháng\s*(\d{1,2})\s*năm\s*(\d{4})")
        .expect("valid regex")
});

/// The groups of the pattern of the module doc.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct PlaceDate<'a> {
    pub place: &'a str,
    pub day: Option<&'a str>,
    pub month: &'a str,
    pub year: &'a str,
}

/// The first match of the pattern of the module doc in `line` (the leftmost start: the
/// line's, then each tab's), or `None`.
pub(super) fn find(line: &str) -> Option<PlaceDate<'_>> {
    let tabs = line.match_indices('\t').map(|(at, _)| at + 1);
    std::iter::once(0)
        .chain(tabs)
        .find_map(|start| at(line, start))
}

/// The reading from `start` (after the tab, if any).
fn at(line: &str, start: usize) -> Option<PlaceDate<'_>> {
    let rest = &line[start..];
    let place_start = start + (rest.len() - rest.trim_start().len());
    let capital = CAPITAL.find(&line[place_start..])?;
    let run_start = place_start + capital.end();
    let end = run_start + PLACE_END.find(&line[run_start..])?.start();
    let count = line[run_start..end].chars().count();
    if !(1..=40).contains(&count) {
        return None;
    }
    let caps = DATE.captures(&line[end..])?;
    Some(PlaceDate {
        place: &line[place_start..end],
        day: caps.get(1).map(|m| m.as_str()),
        month: caps.get(2)?.as_str(),
        year: caps.get(3)?.as_str(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern this module replaces.
    static PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:^|\t)\s*(\p{Lu}[^\t,\d]{1,40}),\s*ngày\s*(\d{1,2})?[\s.…]*tháng\s*(\d{1,2})\s*năm\s*(\d{4})",
        )
        .expect("valid regex")
    });

    fn reference(line: &str) -> Option<PlaceDate<'_>> {
        let caps = PLACE_DATE.captures(line)?;
        Some(PlaceDate {
            place: caps.get(1)?.as_str(),
            day: caps.get(2).map(|m| m.as_str()),
            month: caps.get(3)?.as_str(),
            year: caps.get(4)?.as_str(),
        })
    }

    #[test]
    fn agrees_with_the_pattern_on_chosen_lines() {
        let mut lines = vec![
            "Hà Nội, ngày 15 tháng 4 năm 2022".to_string(),
            "Hà Nội, ngày   tháng 7 năm 2024".to_string(),
            "Hà Nội, ngày ... tháng 7 năm 2024".to_string(),
            "Hà Nội, ngày …  tháng 7 năm 2024".to_string(),
            "Số: 12/UBND\tHà Nội, ngày 15 tháng 4 năm 2022".to_string(),
            "\t \tHà Nội, ngày 15 tháng 4 năm 2022".to_string(),
            "BỘ Y TẾ\tĐà Nẵng, ngày 5 tháng 12 năm 2023".to_string(),
            "hà Nội, ngày 15 tháng 4 năm 2022".to_string(),
            "Hà Nội 2, ngày 15 tháng 4 năm 2022".to_string(),
            "H, ngày 15 tháng 4 năm 2022".to_string(),
            "Hà, ngày 15 tháng 4 năm 2022".to_string(),
            "Hà Nội,ngày 15tháng 4năm 2022".to_string(),
            "Hà Nội, ngày 15 tháng 4 năm 22".to_string(),
            "X, y\tHà Nội, ngày 1 tháng 1 năm 2020".to_string(),
            "Ⅰ Nội, ngày 1 tháng 1 năm 2020".to_string(),
            "Hà Nội٣, ngày 1 tháng 1 năm 2020".to_string(),
            "Hà Nội, ngày ١ tháng ٢ năm ٢٠٢٠".to_string(),
            format!("H{}, ngày 1 tháng 1 năm 2020", "a".repeat(40)),
            format!("H{}, ngày 1 tháng 1 năm 2020", "a".repeat(41)),
            format!(
                "H{}\tB{}, ngày 1 tháng 1 năm 2020",
                "a".repeat(41),
                "b".repeat(3)
            ),
        ];
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        for entry in std::fs::read_dir(seeds).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            lines.extend(text.lines().take(40).map(str::to_string));
        }
        let mut matched = 0;
        for line in &lines {
            let expected = reference(line);
            matched += usize::from(expected.is_some());
            assert_eq!(find(line), expected, "{line:?}");
        }
        assert!(matched > 10, "{matched} lines matched");
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(20000))]
        #[test]
        fn agrees_with_the_pattern(
            line in "[HàaⅠ 1\t,]{0,6}(, ?ngày ?[1 .]{0,3}tháng ?1 ?năm ?2020|)[\t Ha,]{0,3}"
        ) {
            proptest::prop_assert_eq!(find(&line), reference(&line), "{:?}", line);
        }
    }
}
