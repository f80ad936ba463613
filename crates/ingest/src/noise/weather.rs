//! The weather widget line of a news site (`Hà Nội 21 °C`, `• Hà Nội Hà Nội 21°C`), told
//! without the pattern it was first written as:
//!
//! `^(?:[•·\-]\s*)?[\p{L} .]{2,60}?\s*-?\d{1,2}\s?°\s?[CF]$`
//!
//! Compiling that pattern cost about 90 M instructions (sixty copies of the Unicode letter
//! class, forwards and backwards), more than all the weather lines of a large batch. Here
//! the letters and digits are told by two small patterns without the count (`[\p{L} .]` and
//! `\d`, exactly the classes above), and every way the line could split into the parts of
//! the pattern is tried: lines with a degree sign and under 70 chars are few and short.

use regex::Regex;
use std::sync::LazyLock;

/// The chars of the place name: letters, spaces and dots (`TP. Hồ Chí Minh`).
static NAME_CHARS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L} .]+").expect("valid regex"));
/// Decimal digits, as `\d` reads them (any script's).
static DIGITS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d+").expect("valid regex"));

/// Whether `line` matches the pattern of the module doc.
pub(super) fn matches(line: &str) -> bool {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let n = chars.len();
    // Byte offset to char index (the class runs are found in bytes).
    let index_of = |byte: usize| chars.partition_point(|&(at, _)| at < byte);
    let mut name = vec![false; n];
    for run in NAME_CHARS.find_iter(line) {
        for flag in &mut name[index_of(run.start())..index_of(run.end())] {
            *flag = true;
        }
    }
    let mut digit = vec![false; n];
    for run in DIGITS.find_iter(line) {
        for flag in &mut digit[index_of(run.start())..index_of(run.end())] {
            *flag = true;
        }
    }
    let c = |i: usize| chars.get(i).map(|&(_, c)| c);
    let space = |i: usize| c(i).is_some_and(char::is_whitespace);
    // `\s*-?\d{1,2}\s?°\s?[CF]$` from char `q` on. Each optional part is taken whenever its
    // char is there: what follows it can never start with that char.
    let tail = |mut i: usize| -> bool {
        while space(i) {
            i += 1;
        }
        if c(i) == Some('-') {
            i += 1;
        }
        let digits = (i..n).take_while(|&j| digit[j]).count();
        if !(1..=2).contains(&digits) {
            return false;
        }
        i += digits;
        if space(i) {
            i += 1;
        }
        if c(i) != Some('°') {
            return false;
        }
        i += 1;
        if space(i) {
            i += 1;
        }
        matches!(c(i), Some('C' | 'F')) && i + 1 == n
    };
    // Where the name may start: at 0, or after `•`, `·` or `-` and any white space.
    let mut starts = vec![0];
    if matches!(c(0), Some('•' | '·' | '-')) {
        starts.push(1);
        let mut i = 1;
        while space(i) {
            i += 1;
            starts.push(i);
        }
    }
    starts.into_iter().any(|p| {
        (p..n.min(p + 60))
            .take_while(|&j| name[j])
            .map(|j| j + 1)
            .any(|q| q - p >= 2 && tail(q))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern this module replaces.
    static WEATHER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[•·\-]\s*)?[\p{L} .]{2,60}?\s*-?\d{1,2}\s?°\s?[CF]$").expect("valid regex")
    });

    #[test]
    fn agrees_with_the_pattern_on_chosen_lines() {
        let lines = [
            ("Hà Nội 21 °C", true),
            ("• Hà Nội Hà Nội 21°C", true),
            ("· TP. Hồ Chí Minh 29 ° F", true),
            ("- Đà Nẵng -3°C", true),
            ("-Đà Nẵng-3°C", true),
            ("Hà Nội 21 C", false),
            ("Hà Nội 213°C", false),
            ("Hà Nội 2°C ", false),
            ("H 2°C", true),
            ("Hà 2°C", true),
            (" a2°C", true),
            ("•  a 2°C", true),
            ("• a 2°C", true),
            ("•a 2°C", true),
            ("a\u{a0}2°C", false),
            ("ab\u{a0}2°C", true),
            ("ab\u{a0}\u{a0}2°C", true),
            ("ab 2\u{a0}°\u{2003}C", true),
            ("ab 2  °C", false),
            ("ab ٢١°C", true),
            ("ab ²°C", false),
            ("ab 2°c", false),
            ("ab -- 2°C", false),
            ("ab 1.5°C", false),
            ("", false),
            ("°C", false),
            ("12°C", false),
        ];
        for (line, expected) in lines {
            assert_eq!(WEATHER.is_match(line), expected, "pattern on {line:?}");
            assert_eq!(matches(line), expected, "{line:?}");
        }
        let long_name = format!("{} 21°C", "a".repeat(60));
        assert!(matches(&long_name) && WEATHER.is_match(&long_name));
        let too_long = format!("{} 21°C", "a".repeat(61));
        assert!(!matches(&too_long) && !WEATHER.is_match(&too_long));
        let spaced = format!("- {}a 21°C", " ".repeat(60));
        assert_eq!(matches(&spaced), WEATHER.is_match(&spaced));
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(20000))]
        #[test]
        fn agrees_with_the_pattern(
            line in "[-•· \u{a0}\u{2003}\taàHNộ.٢1²3°CFc]{0,14}(°C|°F| °C|)"
        ) {
            proptest::prop_assert_eq!(matches(&line), WEATHER.is_match(&line), "{:?}", line);
        }

        #[test]
        fn agrees_with_the_pattern_on_long_names(
            name in "[a .]{55,66}",
            tail in "[ \u{a0}]{0,2}-?[0-9]{1,3} ?° ?[CF]",
            prefix in "(• ?|-|)",
        ) {
            let line = format!("{prefix}{name}{tail}");
            proptest::prop_assert_eq!(matches(&line), WEATHER.is_match(&line), "{:?}", line);
        }
    }
}
