//! A body's regional unit: `Kho bạc Nhà nước khu vực VI`, `Kiểm toán nhà nước khu vực XIII`,
//! `Ngân hàng Nhà nước chi nhánh Khu vực 5` (since 2025 the treasury, the audit office and the
//! central bank work through numbered regions). The region is part of the name: the unit is
//! not the national body, so it keeps its name as written after the body's canonical name
//! and has no gazetteer id.

use super::AgencyMention;

/// Words (as written, either case of their first letter) that open a region's number.
const REGION_WORDS: &[&str] = &[
    "khu vực ",
    "Khu vực ",
    "chi nhánh khu vực ",
    "chi nhánh Khu vực ",
];

/// Extends every named mention followed by a region (`khu vực VI`, `khu vực 5`).
pub(super) fn extend(text: &str, mentions: &mut [AgencyMention]) {
    for m in mentions.iter_mut() {
        if m.name.is_empty() || !m.groups.is_empty() {
            continue;
        }
        let Some(after) = text.get(m.range.end..).and_then(|a| a.strip_prefix(' ')) else {
            continue;
        };
        let Some(words) = REGION_WORDS.iter().find(|w| after.starts_with(**w)) else {
            continue;
        };
        let number = region_number(&after[words.len()..]);
        if number == 0 {
            continue;
        }
        let end = m.range.end + 1 + words.len() + number;
        let Some(region) = text.get(m.range.end + 1..end) else {
            continue;
        };
        m.name = format!("{} {region}", m.name);
        m.id = None;
        m.range.end = end;
        if let Some(mention) = text.get(m.range.clone()) {
            m.mention = mention.to_string();
        }
    }
}

/// The byte length of a region's number at the start of `text`: Roman (`VI`, `XIII`) or Arabic
/// digits, a whole word; `0` when there is none.
fn region_number(text: &str) -> usize {
    let len = text
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(text.len());
    let word = &text[..len];
    let roman = !word.is_empty() && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    let digits = !word.is_empty() && word.len() <= 3 && word.chars().all(|c| c.is_ascii_digit());
    if roman || digits {
        len
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::super::{find, AgencyContext};

    fn names(text: &str) -> Vec<(String, String, bool)> {
        find(text, &AgencyContext::default())
            .into_iter()
            .map(|m| (m.name, m.mention, m.id.is_some()))
            .collect()
    }

    #[test]
    fn a_region_is_part_of_the_unit() {
        let found = names("phối hợp với Kho bạc Nhà nước khu vực VI rà soát");
        assert_eq!(
            found,
            [(
                "Kho bạc Nhà nước khu vực VI".to_string(),
                "Kho bạc Nhà nước khu vực VI".to_string(),
                false
            )]
        );
        let found = names("Ngân hàng Nhà nước chi nhánh Khu vực 5 hướng dẫn");
        assert_eq!(
            found[0].0,
            "Ngân hàng Nhà nước Việt Nam chi nhánh Khu vực 5"
        );
    }

    #[test]
    fn no_number_no_region() {
        // `khu vực` as a noun (the area), a number fused to a word, a year.
        for text in [
            "Kho bạc Nhà nước khu vực biên giới",
            "Kho bạc Nhà nước khu vực VIa",
            "Kho bạc Nhà nước khu vực 2025",
            "Kho bạc Nhà nước kiểm soát chi",
        ] {
            let found = names(text);
            assert_eq!(found[0].0, "Kho bạc Nhà nước", "{text}");
            assert!(found[0].2, "{text}");
        }
    }
}
