//! Vietnamese quantities: numbers with a decimal comma and thousands dots (`16,4`, `1.928.311`),
//! ratios (`43/53`), numbers in words (`một trăm`), scale words multiplied in (`16,4 triệu`,
//! `250 nghìn tỷ`), ranges (`từ 80% đến 90%`), comparators (`ít nhất`, `tối thiểu`, `trên`,
//! `dưới`, `không quá`) and units (`%`, a counted noun, a currency).

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;
use vntask_writer::Comparator;

fn re(pattern: &str) -> Regex {
    // The patterns are literals of this module; a bad one is caught by every test run.
    Regex::new(pattern).unwrap_or_else(|e| panic!("invalid built-in regex {pattern}: {e}"))
}

const NUMBER_WORD: &str =
    "một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|mốt|trăm|linh|lẻ|nghìn|ngàn|triệu|tỷ|tỉ";

/// A quantity: an optional `từ`, a number (digits, a ratio, or words), an optional range end,
/// scale words, and a percent sign or `phần trăm`.
static QUANTITY: LazyLock<Regex> = LazyLock::new(|| re(&quantity_pattern()));

/// The text of [`QUANTITY`] (also read by `groups`' backtracker).
pub(super) fn quantity_pattern() -> String {
    format!(
        r"(?i)(?P<from>(?-u:\b)từ\s+)?(?:(?P<num>\d+(?:[.,]\d+)*)(?:\s*/\s*(?P<total>\d+(?:[.,]\d+)*))?|(?P<words>(?:{NUMBER_WORD})(?:\s+(?:{NUMBER_WORD}))*))(?P<pct1>\s*(?:%|phần\s+trăm(?-u:\b)))?(?:\s*(?:-|–|đến|tới)\s*(?P<max>\d+(?:[.,]\d+)*)(?P<pct2>\s*(?:%|phần\s+trăm(?-u:\b)))?)?(?P<scale>(?:\s+(?:nghìn|ngàn|triệu|tỷ|tỉ))+)?"
    )
}

/// The groups of [`QUANTITY`], by index: a lookup by name hashes the name each time, which
/// showed in profiles (`group_indices_match_the_names` checks them).
const FROM: usize = 1;
const NUM: usize = 2;
const TOTAL: usize = 3;
const WORDS: usize = 4;
const PCT1: usize = 5;
const MAX: usize = 6;
const PCT2: usize = 7;
const SCALE: usize = 8;

/// Comparators written before the number, anchored at the end of the preceding text.
static COMPARATOR_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:ít\s+nhất|tối\s+thiểu|không\s+dưới|không\s+ít\s+hơn|từ|trên|hơn|vượt|dưới|không\s+quá|không\s+vượt\s+quá|tối\s+đa|không\s+vượt)\s*(?:là\s+)?$",
    )
});
static COMPARATOR_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*(?:trở\s+lên|trở\s+xuống)(?-u:\b)"));

/// Counted nouns and currencies, longest first; an unknown noun is read as its first word.
const UNITS: &[&str] = &[
    "cán bộ, công chức, viên chức",
    "cán bộ, công chức",
    "công chức, viên chức",
    "thủ tục hành chính",
    // `cơ sở` (a facility) folds to `co so`, and `co` alone is `có` (has), no unit.
    "cơ sở khám bệnh, chữa bệnh",
    "cơ sở giáo dục",
    "cơ sở đào tạo",
    "cơ sở y tế",
    "cơ sở",
    "dịch vụ công",
    "cơ sở dữ liệu",
    "hệ thống thông tin",
    "hộ gia đình",
    "doanh nghiệp",
    "tài khoản",
    "người dân",
    "cán bộ",
    "công chức",
    "viên chức",
    "dịch vụ",
    "hồ sơ",
    "thủ tục",
    "nền tảng",
    "hệ thống",
    "ứng dụng",
    "sản phẩm",
    "học sinh",
    "sinh viên",
    "giáo viên",
    "chuyên gia",
    "kỹ sư",
    "lao động",
    "việc làm",
    "thuê bao",
    "giao dịch",
    "văn bản",
    "địa phương",
    "tỉnh",
    "xã",
    "huyện",
    "hộ",
    "người",
    "lượt",
    "đồng",
    "USD",
    "VNĐ",
    "km",
    "ha",
    "MW",
    "tấn",
];

/// Words that are not counted nouns after a number (time, order, measure of a date).
/// [`UNITS`] folded, in the same order.
static FOLDED_UNITS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| UNITS.iter().map(|u| vntask_tokenizer::fold(u)).collect());

/// The units whose folded form starts with each ASCII char, one bit per index of [`UNITS`]
/// (in order when read from the lowest bit): a unit is tried only when the first letter after
/// the number folds to its own first letter, and looking that up once beats comparing it
/// with all 49 (which showed in profiles: the scan asks at every number).
static UNITS_BY_FIRST: LazyLock<[u64; 128]> = LazyLock::new(|| {
    let mut table = [0u64; 128];
    for (index, folded) in FOLDED_UNITS.iter().enumerate() {
        // `FOLDED_UNITS` folds to ASCII and has fewer than 64 entries (checked by the tests).
        if let Some(first) = folded.bytes().next().filter(u8::is_ascii) {
            table[usize::from(first)] |= 1 << index;
        }
    }
    table
});

/// The units of [`UNITS_BY_FIRST`] whose folded form starts with `first` (none for a char
/// outside ASCII: every folded unit starts with an ASCII letter).
fn units_starting_with(first: char) -> u64 {
    UNITS_BY_FIRST.get(first as usize).copied().unwrap_or(0)
}

const NOT_UNITS: &[&str] = &[
    "ngay", "thang", "nam", "quy", "tuan", "gio", "phut", "lan", "ky", "giai", "buoc", "nhom",
    "muc", "dieu", "khoan", "diem", "chuong", "phan", "va", "hoac", "den", "toi", "cua", "la",
    "nhu", "trong", "tren", "duoi", "theo", "tai", "voi", "cho", "de", "ve", "tu", "co", "nhiem",
];

/// A quantity found in text, before judging whether it is a target.
#[derive(Debug, Clone)]
pub struct Quantity {
    pub range: Range<usize>,
    /// Where the number itself starts (after `từ` and the comparator).
    pub number_start: usize,
    pub value: f64,
    pub max: Option<f64>,
    pub total: Option<f64>,
    pub unit: String,
    pub comparator: Option<Comparator>,
    pub percent: bool,
    pub scaled: bool,
    pub words: bool,
    pub unit_range: Option<Range<usize>>,
    /// The unit is `%`, a currency or a counted noun of the list, not a guessed word.
    pub known_unit: bool,
}

fn scale_factor(words: &str) -> f64 {
    vntask_tokenizer::fold(words)
        .split_whitespace()
        .map(|w| match w {
            "nghin" | "ngan" => 1e3,
            "trieu" => 1e6,
            "ty" | "ti" => 1e9,
            _ => 1.0,
        })
        .product()
}

/// Every quantity in `text`, in text order.
pub fn scan(text: &str) -> Vec<Quantity> {
    scan_with(text, true)
}

/// A number glued to letters or codes is a name: `4G`, `IPv6`, `06/QĐ-TTg`, `H2O`, a date's
/// `30/6` of `30/6/2024`. `start..after` is the number (with its `/total`).
fn glued(text: &str, start: usize, after: usize, has_max: bool) -> bool {
    let before = text[..start].chars().next_back();
    if before.is_some_and(|c| crate::is_alphanumeric(c) || matches!(c, '/' | '.' | ',' | '-' | '_'))
    {
        return true;
    }
    let next = text[after..].chars().next();
    next.is_some_and(|c| vntask_tokenizer::is_letter(c) || c == '/' || c == '_')
        || (matches!(next, Some('-' | '.' | ','))
            && text
                .as_bytes()
                .get(after + 1)
                .is_some_and(u8::is_ascii_alphanumeric)
            && !has_max)
}

/// `digits_first`: judge a match of bare digits (`2024`, `30/6`) before asking for its groups.
fn scan_with(text: &str, digits_first: bool) -> Vec<Quantity> {
    let mut out = Vec::new();
    for found in QUANTITY.find_iter(text) {
        // One number word and nothing else (`năm`, `ba` of `ban`, `tư` of `đầu tư`): most
        // matches, and never a quantity (one word is too few, below). Capture groups cost
        // far more than the match, so these are dropped before they are asked for.
        let matched = found.as_str();
        if !matched
            .bytes()
            .any(|b| b.is_ascii_digit() || b.is_ascii_whitespace())
        {
            continue;
        }
        // Bare digits, `/` and white space hold no `từ`, range, percent or scale word (each
        // needs a letter, `%` or a dash), so the number is the whole match: most of these are
        // dates or codes (`30/6/2024`, `06/QĐ-TTg`), dropped here without the groups.
        let bare = matched.bytes().all(|b| {
            b.is_ascii_digit() || matches!(b, b'.' | b',' | b'/') || b.is_ascii_whitespace()
        });
        if digits_first && bare && glued(text, found.start(), found.end(), false) {
            continue;
        }
        // Nor a percent sign: such a number is a quantity only with a counted noun or a
        // currency right after it (`2024,` or `15 năm` has none), and most have none.
        // Kept: the unit is read again at the same place below (a bare match ends where its
        // number does), and reading it showed in profiles.
        let bare_unit = if digits_first && bare {
            match unit_span(text, found.end()) {
                Some(unit) => Some((found.end(), unit)),
                None => continue,
            }
        } else {
            None
        };
        let Some(caps) = super::groups::groups(&QUANTITY, text, found.range()) else {
            continue;
        };
        let Some(whole) = caps.get(0) else { continue };
        let number = caps.get(NUM).or(caps.get(WORDS));
        let Some(number) = number else { continue };
        let after_number = caps.get(TOTAL).map_or(number.end(), |t| t.end());
        if glued(text, number.start(), after_number, caps.get(MAX).is_some()) {
            continue;
        }
        let words = caps.get(WORDS).is_some();
        let mut value = if words {
            let parsed = vntask_tokenizer::parse_number_words(number.as_str());
            // `năm` alone is `year` far more often than `five`.
            if number.as_str().split_whitespace().count() < 2 {
                continue;
            }
            match parsed {
                Some(v) => v,
                None => continue,
            }
        } else {
            match vntask_tokenizer::parse_number(number.as_str()) {
                Some(v) => v,
                None => continue,
            }
        };
        let mut total = match caps.get(TOTAL) {
            Some(t) => match vntask_tokenizer::parse_number(t.as_str()) {
                Some(v) if v != 0.0 => Some(v),
                _ => continue,
            },
            None => None,
        };
        let mut max = match caps.get(MAX) {
            Some(m) => vntask_tokenizer::parse_number(m.as_str()),
            None => None,
        };
        let percent = caps.get(PCT1).is_some() || caps.get(PCT2).is_some();
        // `6-12` without a percent or a `từ` is a range only when a percent follows.
        if max.is_some() && !percent && caps.get(FROM).is_none() {
            max = None;
        }
        let mut end = whole.end();
        if max.is_none() {
            if let Some(pct) = caps.get(PCT1) {
                end = pct.end();
            } else {
                end = after_number;
            }
        }
        let mut scaled = false;
        // `tỉ` in `tỉnh` is no scale word: the scale must end its word.
        let scale = caps.get(SCALE).filter(|scale| {
            !text[scale.end()..]
                .chars()
                .next()
                .is_some_and(vntask_tokenizer::is_letter)
        });
        if let Some(scale) = scale {
            if max.is_some() || caps.get(PCT1).is_none() {
                let factor = scale_factor(scale.as_str());
                value *= factor;
                max = max.map(|m| m * factor);
                total = total.map(|t| t * factor);
                scaled = true;
                end = scale.end();
            }
        }
        let (start, mut comparator) = match caps.get(FROM) {
            Some(from) if max.is_some() => (from.start(), None),
            Some(_) => (number.start(), Some(Comparator::AtLeast)),
            None => (number.start(), None),
        };
        let mut range_start = start;
        let window_start = crate::deadlines::cues::back_boundary(text, start, 40);
        if comparator.is_none() {
            if let Some(found) = COMPARATOR_BEFORE.find(&text[window_start..start]) {
                comparator = comparator_of(found.as_str());
                if comparator.is_some() {
                    range_start = window_start + found.start();
                }
            }
        }
        if let Some(found) = COMPARATOR_AFTER.find(&text[end..]) {
            let folded = vntask_tokenizer::fold(found.as_str());
            comparator = Some(if folded.contains("len") {
                Comparator::AtLeast
            } else {
                Comparator::AtMost
            });
        }
        let (unit, unit_range, known_unit) = if percent {
            ("%".to_string(), None, true)
        } else {
            let unit = match bare_unit {
                Some((at, unit)) if at == end => Some(unit),
                _ => unit_span(text, end),
            };
            match unit {
                Some((r, known)) => (text[r.clone()].to_string(), Some(r), known),
                None => continue,
            }
        };
        if let Some(r) = &unit_range {
            end = r.end;
        }
        out.push(Quantity {
            range: range_start..end,
            number_start: number.start(),
            value,
            max,
            total,
            unit,
            comparator,
            percent,
            scaled,
            words,
            unit_range,
            known_unit,
        });
    }
    out
}

fn comparator_of(words: &str) -> Option<Comparator> {
    let folded = vntask_tokenizer::fold(words);
    let folded = folded.trim().trim_end_matches(" la").trim();
    Some(match folded {
        "it nhat" | "toi thieu" | "khong duoi" | "khong it hon" | "tu" => Comparator::AtLeast,
        "tren" | "hon" | "vuot" => Comparator::Above,
        "duoi" => Comparator::Below,
        "khong qua" | "khong vuot qua" | "toi da" | "khong vuot" => Comparator::AtMost,
        _ => return None,
    })
}

/// The counted noun or currency right after a number: a known unit, else one plain word (the
/// scan reads [`unit_span`] and copies the unit itself; the tests compare this with the
/// folding version).
#[cfg(test)]
fn unit_after(text: &str, end: usize) -> Option<(String, Range<usize>, bool)> {
    let (range, known) = unit_span(text, end)?;
    Some((text[range.clone()].to_string(), range, known))
}

/// Whether `text` folds to `folded` (`vntask_tokenizer::fold(text) == folded`), without
/// building the folded copy: `fold` drops the combining marks and folds every other char.
fn folds_to(text: &str, folded: &str) -> bool {
    text.chars()
        .filter(|c| !vntask_tokenizer::is_mark(*c))
        .map(vntask_tokenizer::fold_char)
        .eq(folded.chars())
}

/// Where the counted noun or currency right after a number lies (a known unit, else one plain
/// word), and whether it is a known one; the unit's text is copied only by the callers that
/// keep it.
fn unit_span(text: &str, end: usize) -> Option<(Range<usize>, bool)> {
    let rest = &text[end..];
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() && !rest.is_empty() {
        return None; // no space: `10x`
    }
    let offset = end + (rest.len() - trimmed.len());
    // The first letter rules most units out before any folding.
    let first = trimmed
        .chars()
        .find(|c| !vntask_tokenizer::is_mark(*c))
        .map(vntask_tokenizer::fold::fold_char);
    let mut candidates = first.map_or(0, units_starting_with);
    while candidates != 0 {
        let index = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        let (Some(unit), Some(folded_unit)) = (UNITS.get(index), FOLDED_UNITS.get(index)) else {
            break;
        };
        if let Some(head) = trimmed.get(..unit.len()) {
            if head.eq_ignore_ascii_case(unit) || folds_to(head, folded_unit) {
                let after = trimmed[unit.len()..].chars().next();
                if after.is_none_or(|c| !crate::is_alphanumeric(c)) {
                    return Some((offset..offset + unit.len(), true));
                }
            }
        }
    }
    let word_len = trimmed
        .char_indices()
        .find(|(_, c)| !vntask_tokenizer::is_letter(*c))
        .map_or(trimmed.len(), |(i, _)| i);
    let word = &trimmed[..word_len];
    if word.is_empty() || word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // `fold` maps each char but a combining mark to one char, and the words are ASCII: a word
    // folds to one of them only with as many unmarked chars as it has bytes.
    let unmarked = word
        .chars()
        .filter(|c| !vntask_tokenizer::is_mark(*c))
        .count();
    if NOT_UNITS
        .iter()
        .any(|not| not.len() == unmarked && folds_to(word, not))
    {
        return None;
    }
    Some((offset..offset + word.len(), false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_indices_match_the_names() {
        let names: Vec<Option<&str>> = QUANTITY.capture_names().collect();
        for (index, name) in [
            (FROM, "from"),
            (NUM, "num"),
            (TOTAL, "total"),
            (WORDS, "words"),
            (PCT1, "pct1"),
            (MAX, "max"),
            (PCT2, "pct2"),
            (SCALE, "scale"),
        ] {
            assert_eq!(names.get(index).copied().flatten(), Some(name));
        }
        assert_eq!(names.len(), 9);
    }

    /// [`unit_after`] as it was, folding into new strings.
    fn unit_after_folding(text: &str, end: usize) -> Option<(String, Range<usize>, bool)> {
        let rest = &text[end..];
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() && !rest.is_empty() {
            return None;
        }
        let offset = end + (rest.len() - trimmed.len());
        for (unit, folded_unit) in UNITS.iter().zip(FOLDED_UNITS.iter()) {
            if let Some(head) = trimmed.get(..unit.len()) {
                if head.eq_ignore_ascii_case(unit) || vntask_tokenizer::fold(head) == *folded_unit {
                    let after = trimmed[unit.len()..].chars().next();
                    if after.is_none_or(|c| !crate::is_alphanumeric(c)) {
                        return Some((head.to_string(), offset..offset + unit.len(), true));
                    }
                }
            }
        }
        let word: String = trimmed
            .chars()
            .take_while(|c| vntask_tokenizer::is_letter(*c))
            .collect();
        if word.is_empty() || word.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        if NOT_UNITS.contains(&vntask_tokenizer::fold(&word).as_str()) {
            return None;
        }
        Some((word.clone(), offset..offset + word.len(), false))
    }

    #[test]
    fn units_by_first_letter_cover_every_unit() {
        assert!(UNITS.len() < 64);
        for (index, folded) in FOLDED_UNITS.iter().enumerate() {
            let first = folded.chars().next().expect("no empty unit");
            assert!(first.is_ascii(), "{folded}");
            assert_ne!(units_starting_with(first) & (1 << index), 0, "{folded}");
        }
        for c in (0..=0x2FFFF).filter_map(char::from_u32) {
            let expected: u64 = FOLDED_UNITS
                .iter()
                .enumerate()
                .filter(|(_, f)| f.starts_with(c))
                .map(|(i, _)| 1 << i)
                .sum();
            assert_eq!(units_starting_with(c), expected, "{c:?}");
        }
    }

    #[test]
    fn unit_after_equals_the_folding_version() {
        let mut texts = crate::test_support::seed_lines();
        for made in [
            "5 cán bộ, công chức, viên chức",
            "5 CÁN BỘ, CÔNG CHỨC",
            "5 ca\u{301}n bo\u{323}",
            "5 Đồng, 5 đồng, 5 ĐỒNG, 5 dong, 5 usd, 5 Usd, 5 VNĐ, 5 vnd",
            "5 Ngày, 5 NĂM, 5 na\u{306}m, 5 nhiệm vụ, 5 xã, 5 xãx, 5 xã1",
            "5 \u{a0}tỉnh, 5\ttỉnh, 5tỉnh, 5 , 5 ",
            "5 kỹ sư, 5 ky\u{303} sư, 5 MW, 5 mw, 5 km2, 5 ha.",
            "10 hộ gia đình, 10 hộ, 10 Hộ, 10 người dân",
            "5 nga\u{300}y, 5 ngày\u{301}, 5 NGÀYY, 5 ngay, 5 tuầ, 5 nhiệmvụ, 5 ky\u{300}, 5 kỳ",
        ] {
            texts.push(made.to_string());
        }
        let mut known = 0;
        for text in &texts {
            for end in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let expected = unit_after_folding(text, end);
                known += usize::from(expected.as_ref().is_some_and(|u| u.2));
                assert_eq!(unit_after(text, end), expected, "{text:?} at {end}");
            }
        }
        assert!(known > 100, "{known} known units");
    }

    /// Seed lines and texts made to trip the bare-digits shortcut: dates, codes, ranges,
    /// ratios, other scripts' digits, NBSP, capitals, no diacritics.
    #[test]
    fn digits_first_equals_the_full_scan() {
        let mut texts = crate::test_support::seed_lines();
        assert!(texts.len() > 100);
        for made in [
            "ngày 30/6/2024 đạt 80% và 1.928.311 hồ sơ",
            "Quyết định 06/QĐ-TTg, 43/53 tỉnh, 6-12 tháng, 6-12%",
            "IPv6 4G H2O 10.a 10,b 10-x 10_1 10/x x10 /10 .10 ,10 -10 _10",
            "12 , 5 cán bộ; 12 .5 người; 12/ 5 xã; 12 /5",
            "TỪ 80% ĐẾN 90%, từ 10 đến 20 tỷ đồng, 5 - 10 nghìn người",
            "ba mươi lăm người, ٣ xã, １２ hộ, 12\u{a0}000 người, 12\u{a0}/\u{a0}5",
            "tu 80 den 90 phan tram, 250 nghin ty dong",
            "2024.",
            "5,",
            "7/",
            "năm 2024, 15 năm, 30 ngày, 10 km, 10km, 10 Người, 1.000 người dân, 12 / 5 cán bộ",
            "50 doanh nghiệp; 20\u{a0}hộ; 7 tỉnh",
        ] {
            texts.push(made.to_string());
        }
        for text in texts {
            assert_eq!(
                format!("{:?}", scan_with(&text, true)),
                format!("{:?}", scan_with(&text, false)),
                "{text:?}"
            );
        }
    }
}
