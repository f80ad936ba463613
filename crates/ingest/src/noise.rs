//! Telling noise from text, line by line: footnote bodies, web page furniture, page numbers,
//! rule lines, signature blocks. Each test works on one trimmed line (artifacts already cut
//! where said) and names the habit of the documents it relies on.

use regex::Regex;
use std::sync::LazyLock;
use vntask_tokenizer::fold;

/// The superscript digits used as footnote markers.
pub const SUPERSCRIPTS: &str = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/// The number written in superscript digits (`¹¹` -> 11).
pub fn superscript_value(text: &str) -> Option<u32> {
    let mut value: u32 = 0;
    let mut any = false;
    for c in text.chars() {
        let digit = SUPERSCRIPTS.chars().position(|s| s == c)?;
        value = value.checked_mul(10)?.checked_add(digit as u32)?;
        any = true;
    }
    any.then_some(value)
}

/// A footnote body at the start of a raw line: `⁶ "5 đẩy mạnh": ...` (superscript label),
/// returning the label's byte length and its number.
pub fn superscript_footnote(line: &str) -> Option<(usize, u32)> {
    // Superscript digits are `C2 B2`, `C2 B3`, `C2 B9` and `E2 81 B0`..`E2 81 B9`: a line
    // opening with another byte is told without a look-up of its first char.
    if !matches!(line.as_bytes().first(), Some(0xC2 | 0xE2)) {
        return None;
    }
    let label_len: usize = line
        .chars()
        .take_while(|c| SUPERSCRIPTS.contains(*c))
        .map(char::len_utf8)
        .sum();
    if label_len == 0 || line[label_len..].trim().is_empty() {
        return None;
    }
    Some((label_len, superscript_value(&line[..label_len])?))
}

static BRACKET_FOOTNOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[(\d{1,3})\]\s*\S").expect("valid regex"));

/// A footnote body under a web page or a converted file: `[3] Bài học kinh nghiệm ...`,
/// returning the label's byte length and its number.
pub fn bracket_footnote(line: &str) -> Option<(usize, u32)> {
    // The pattern opens with `[`: most lines are told by their first byte, without the
    // regex (whose captures showed in profiles, asked of every body line).
    if !line.starts_with('[') {
        return None;
    }
    let caps = BRACKET_FOOTNOTE.captures(line)?;
    let number = caps.get(1)?;
    Some((number.end() + 1, number.as_str().parse().ok()?))
}

static PLAIN_FOOTNOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3}) +\p{Lu}").expect("valid regex"));

/// A footnote body whose label lost its superscript in conversion (`6 Các cơ quan ...`):
/// accepted only as the next number after the previous footnote, so that a line opening
/// with a count (`10 dịch vụ ...`) is not taken for one.
pub fn plain_footnote(line: &str, next_expected: u32) -> Option<usize> {
    // The pattern opens with a digit (`\d` is any Unicode digit: a non-ASCII first char is
    // left to the regex).
    if !matches!(line.as_bytes().first(), Some(b'0'..=b'9' | 0x80..)) {
        return None;
    }
    let caps = PLAIN_FOOTNOTE.captures(line)?;
    let number = caps.get(1)?;
    (number.as_str().parse::<u32>().ok()? == next_expected).then_some(number.end())
}

static GLOSSARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"^(?:["“][^"”]{1,60}["”]\s*(?:gồm)?\s*:|\*\*[^*]{1,60}\*\*\s*:|\*\*[^*]{1,60}:\*\*)"#,
    )
    .expect("valid regex")
});

/// A further paragraph of a footnote that explains terms: `"5 bảo đảm": (1) ...`. Footnotes
/// that gloss several quoted terms put one term a paragraph.
pub fn is_glossary_line(line: &str) -> bool {
    GLOSSARY.is_match(line)
}

mod weather;

/// A weather widget line of a news site: `Hà Nội 21 °C`, `• Hà Nội Hà Nội 21°C`.
pub fn is_weather_line(line: &str) -> bool {
    // The degree sign is required: most lines are settled without counting or the regex.
    has_degree_sign(line) && line.chars().count() < 70 && weather::matches(line)
}

/// `line.contains('°')`, told by memchr: `°` is `C2 B0`, and `C2` (a lead byte, rare in
/// Vietnamese text) is looked for (`str::contains` of a non-ASCII char sets up a substring
/// search a call).
fn has_degree_sign(line: &str) -> bool {
    let bytes = line.as_bytes();
    memchr::memchr_iter(0xC2, bytes).any(|at| bytes.get(at + 1) == Some(&0xB0))
}

static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[-–]\s*|\(\s*)(?:Ảnh|Ảnh minh họa|Ảnh minh hoạ|Nguồn ảnh|Video|Clip)\s*:\s*[^.!?]{1,60}\)?$")
        .expect("valid regex")
});

/// A photo caption: ends with `- Ảnh: VGP/Nhật Bắc` (or `(Ảnh: ...)`).
pub fn is_caption(line: &str) -> bool {
    // The pattern needs a colon after one of its words (and white space): a line without
    // such a colon is settled without the regex. The words end in `Ảnh`, `ảnh` (`Nguồn
    // ảnh`), `họa`/`hoạ` (`Ảnh minh họa`), `Video` or `Clip`.
    let words_before_a_colon = memchr::memchr_iter(b':', line.as_bytes()).any(|at| {
        let before = line[..at].trim_end();
        CAPTION_WORD_ENDS.iter().any(|end| before.ends_with(end))
    });
    words_before_a_colon && CAPTION.is_match(line)
}

/// How the words of [`CAPTION`] end.
const CAPTION_WORD_ENDS: &[&str] = &["Ảnh", "ảnh", "họa", "hoạ", "Video", "Clip"];

/// The words with which news sites open the lists after an article (related articles,
/// most read, other news): everything after them is furniture.
const ARTICLE_END: &[&str] = &[
    "bai lien quan",
    "tin lien quan",
    "bai viet lien quan",
    "tin bai khac",
    "tin khac",
    "tin cung chuyen muc",
    "cac tin khac",
    "doc nhieu",
    "doc nhieu nhat",
    "moi nhat",
    "tin moi nhat",
    "xem them",
    "tin noi bat",
    "co the ban quan tam",
    "ban co the quan tam",
];

/// A heading that ends the article on a news page (`bài liên quan`, `Tin bài khác`).
pub fn is_article_end(line: &str) -> bool {
    if more_chars_than(line, 40) {
        return false;
    }
    let folded = fold(line.trim_end_matches(':'));
    ARTICLE_END.contains(&folded.trim())
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:[-–]?\s*\d{1,3}\s*[-–]?|trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?|\d{1,3}\s*/\s*\d{1,3})$")
        .expect("valid regex")
});

/// A page number standing alone: `12`, `- 12 -`, `Trang 3`, `3/10`.
pub fn is_page_number(line: &str) -> bool {
    PAGE_NUMBER.is_match(line)
}

/// A rule drawn with characters (`___________`, `-----`, `* * *`).
pub fn is_rule_line(line: &str) -> bool {
    let line = line.trim();
    // The test of the chars first: it settles most lines at their first char.
    line.chars().all(|c| "_-=*.–—~ ".contains(c)) && line.chars().count() >= 3
}

/// Whether `text` has more than `limit` chars, told from its byte length when that settles
/// it (a char is one to four bytes): most lines are far shorter or far longer.
pub(crate) fn more_chars_than(text: &str, limit: usize) -> bool {
    if text.len() <= limit {
        return false;
    }
    if text.len() > limit.saturating_mul(4) {
        return true;
    }
    text.chars().count() > limit
}

static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:KT|TM|TL|TUQ|Q|PP|Thừa lệnh|Thừa ủy quyền)\s*[./]\s*\S|\(?(?:Đã ký|đã ký|Ký tên|Đã ký và đóng dấu)\)?\s*$)")
        .expect("valid regex")
});

/// Titles of signers, in capitals, as they stand over a signature.
const SIGNER_TITLES: &[&str] = &[
    "THU TUONG",
    "PHO THU TUONG",
    "BO TRUONG",
    "THU TRUONG",
    "CHU TICH",
    "PHO CHU TICH",
    "CHANH VAN PHONG",
    "PHO CHANH VAN PHONG",
    "GIAM DOC",
    "PHO GIAM DOC",
    "TONG GIAM DOC",
    "CUC TRUONG",
    "VU TRUONG",
    "TRUONG BAN",
    "PHO TRUONG BAN",
    "BI THU",
    "TONG CUC TRUONG",
    "CHANH AN",
    "VIEN TRUONG",
];

/// Capital openings of an issuing body as it is repeated over the signature.
const ISSUER_HEADS: &[&str] = &[
    "BO ",
    "UY BAN",
    "UBND",
    "VAN PHONG",
    "CHINH PHU",
    "SO ",
    "BAN ",
    "TONG CUC",
    "CUC ",
];

fn is_upper_line(line: &str) -> bool {
    all_capitals(line, 4)
}

/// Whether `text` has at least `min_letters` letters, all in upper case. Stops at the first
/// letter in lower case, which in running text comes within a word or two.
pub fn all_capitals(text: &str, min_letters: usize) -> bool {
    let mut letters = 0;
    for c in text.chars().filter(|&c| vntask_tokenizer::is_letter(c)) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= min_letters
}

/// A line of a signature block: `KT. THỦ TƯỚNG`, `PHÓ THỦ TƯỚNG`, `(Đã ký)`, or the issuing
/// body in capitals standing alone (`BỘ THÔNG TIN VÀ TRUYỀN THÔNG`).
pub fn is_signature_line(line: &str) -> bool {
    if more_chars_than(line, 80) {
        return false;
    }
    if SIGNATURE.is_match(line) {
        return true;
    }
    if !is_upper_line(line) || line.ends_with([':', '.', ';', ',']) {
        return false;
    }
    let folded = fold(line).to_uppercase();
    SIGNER_TITLES.iter().any(|title| folded == *title)
        || ISSUER_HEADS.iter().any(|head| folded.starts_with(head))
}

/// Common Vietnamese family names, for telling a signer's name from other short lines.
const FAMILY_NAMES: &[&str] = &[
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
    "ho", "ngo", "duong", "ly", "dinh", "dao", "luong", "trinh", "mai", "cao", "ta", "ha", "lam",
    "to", "truong", "chu", "doan", "van", "quach", "thai", "trieu", "kieu", "nong", "lo", "hua",
    "vuong", "phung", "ton", "than", "luu", "mac", "bach", "tang", "la", "giang", "hau", "nghiem",
    "chau", "tong", "khuat", "lai", "dam", "diep", "au", "kim", "tieu", "ong", "quan",
];

/// A person's name standing alone (`Trần Văn Sơn`, `NGUYỄN VĂN A`): two to five words, each
/// capitalised, opening with a family name.
pub fn is_person_name(line: &str) -> bool {
    // Most lines tested are long running text: the sixth word, or the first word that is
    // not capitalised, settles them without reading the rest.
    let mut count = 0;
    let mut first = None;
    for word in line.split_whitespace() {
        count += 1;
        let shaped = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(vntask_tokenizer::is_letter);
        if count > 5 || !shaped {
            return false;
        }
        first.get_or_insert(word);
    }
    count >= 2 && first.is_some_and(|w| FAMILY_NAMES.contains(&fold(w).as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `superscript_footnote` before its first-byte test, the reference of the tests.
    fn superscript_footnote_reference(line: &str) -> Option<(usize, u32)> {
        let label_len: usize = line
            .chars()
            .take_while(|c| SUPERSCRIPTS.contains(*c))
            .map(char::len_utf8)
            .sum();
        if label_len == 0 || line[label_len..].trim().is_empty() {
            return None;
        }
        Some((label_len, superscript_value(&line[..label_len])?))
    }

    proptest::proptest! {
        #[test]
        fn first_byte_tests_agree_with_the_char_tests(
            line in "[⁰¹²³⁴⁵⁶⁷⁸⁹°±ªⁱ€–a1 ]{0,6}"
        ) {
            proptest::prop_assert_eq!(
                superscript_footnote(&line),
                superscript_footnote_reference(&line)
            );
            proptest::prop_assert_eq!(has_degree_sign(&line), line.contains('°'));
        }
    }

    #[test]
    fn first_byte_tests_agree_on_every_char() {
        for code in 0..0x11_0000u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let line = format!("{c}{c} 1");
            assert_eq!(
                superscript_footnote(&line),
                superscript_footnote_reference(&line),
                "U+{code:04X}"
            );
            assert_eq!(has_degree_sign(&line), line.contains('°'), "U+{code:04X}");
        }
        assert_eq!(superscript_footnote("¹² Bộ"), Some((4, 12)));
        assert!(has_degree_sign("Hà Nội 28°C"));
    }

    proptest::proptest! {
        /// The literal prefilters of the weather and caption tests change no answer.
        #[test]
        fn prefilters_change_nothing(
            line in "[-•· a-zHNộàẢảnh:/()0-9°CF.VGP]{0,30}(°C|°F| °C|: VGP|)"
        ) {
            let weather = line.chars().count() < 70 && weather::matches(&line);
            proptest::prop_assert_eq!(is_weather_line(&line), weather);
            proptest::prop_assert_eq!(is_caption(&line), CAPTION.is_match(&line));
        }
    }

    proptest::proptest! {
        /// The colon check of the caption test changes no answer, with the pattern's words.
        #[test]
        fn caption_check_changes_nothing(
            line in "(Ảnh|ảnh|Nguồn ảnh|Ảnh minh họa|Ảnh minh hoạ|Video|Clip|Vide|lip|: | :|:|-|–|\\(|\\)|\\.| |\\u{a0}|VGP|x){0,10}"
        ) {
            proptest::prop_assert_eq!(is_caption(&line), CAPTION.is_match(&line), "{:?}", line);
        }
    }

    proptest::proptest! {
        #[test]
        fn more_chars_than_counts_chars(text in "[aạ😀\u{300} ]{0,50}", limit in 0usize..40) {
            proptest::prop_assert_eq!(more_chars_than(&text, limit), text.chars().count() > limit);
        }
    }

    #[test]
    fn captions_are_still_found() {
        assert!(is_caption("Thủ tướng phát biểu - Ảnh: VGP/Nhật Bắc"));
        assert!(is_caption("Toàn cảnh hội nghị (Ảnh minh họa : Internet)"));
        assert!(is_caption("Hội nghị – Nguồn ảnh: Bộ Y tế"));
        assert!(is_caption("Buổi làm việc - Clip: VTV"));
        assert!(!is_caption("Ảnh: VGP"));
        assert!(!is_caption("Thời hạn: tháng 6"));
    }

    /// [`is_person_name`] as first written: every word collected, then counted and checked.
    fn is_person_name_reference(line: &str) -> bool {
        let words: Vec<&str> = line.split_whitespace().collect();
        if !(2..=5).contains(&words.len()) {
            return false;
        }
        let shaped = words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
        });
        shaped
            && words
                .first()
                .is_some_and(|w| FAMILY_NAMES.contains(&fold(w).as_str()))
    }

    proptest::proptest! {
        /// The first-byte checks of the footnote labels change no answer.
        #[test]
        fn footnote_prefilters_change_nothing(
            line in "(\\[|\\]|[0-9]|٣|[ a-zA-ZĐđ]|Các|\\u{a0}){0,10}",
            next in 0u32..12,
        ) {
            let bracket = BRACKET_FOOTNOTE.captures(&line).and_then(|caps| {
                let number = caps.get(1)?;
                Some((number.end() + 1, number.as_str().parse().ok()?))
            });
            proptest::prop_assert_eq!(bracket_footnote(&line), bracket);
            let plain = PLAIN_FOOTNOTE.captures(&line).and_then(|caps| {
                let number = caps.get(1)?;
                (number.as_str().parse::<u32>().ok()? == next).then_some(number.end())
            });
            proptest::prop_assert_eq!(plain_footnote(&line, next), plain);
        }
    }

    #[test]
    fn footnote_labels_are_still_found() {
        assert_eq!(bracket_footnote("[3] Bài học kinh nghiệm"), Some((3, 3)));
        assert_eq!(bracket_footnote(" [3] Bài"), None);
        assert_eq!(plain_footnote("6 Các cơ quan", 6), Some(1));
        assert_eq!(plain_footnote("6 Các cơ quan", 7), None);
        assert_eq!(plain_footnote("Các 6", 6), None);
    }

    proptest::proptest! {
        #[test]
        fn person_names_agree_with_the_reference(
            line in "(Trần|NGUYỄN|Lê|Bộ|văn|Văn|Sơn|A|b2|Đỗ|\\u{a0}| |  |\\t){0,8}"
        ) {
            proptest::prop_assert_eq!(is_person_name(&line), is_person_name_reference(&line));
        }
    }

    proptest::proptest! {
        #[test]
        fn all_capitals_agrees_with_counting_every_letter(
            text in "[A-Za-zĐđỦủƯư 0-9.Ⓐⓐǅ\\u{300}]{0,20}",
            min in 0usize..6,
        ) {
            let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
            let counted = letters.len() >= min && letters.iter().all(|c| c.is_uppercase());
            proptest::prop_assert_eq!(all_capitals(&text, min), counted);
        }
    }

    #[test]
    fn prefilters_keep_the_furniture() {
        assert!(is_weather_line("Hà Nội 21 °C"));
        assert!(is_weather_line("• Hà Nội Hà Nội 21°C"));
        assert!(!is_weather_line("Hà Nội 21 C"));
        assert!(is_caption("Thủ tướng phát biểu - Ảnh: VGP/Nhật Bắc"));
        assert!(!is_caption("Thủ tướng phát biểu - Ảnh VGP/Nhật Bắc"));
    }

    #[test]
    fn footnote_labels() {
        assert_eq!(superscript_footnote("⁶ \"5 đẩy mạnh\": (1)"), Some((3, 6)));
        assert_eq!(superscript_footnote("¹¹ VPCP không có"), Some((4, 11)));
        assert_eq!(superscript_footnote("Bộ Y tế"), None);
        assert_eq!(bracket_footnote("[3] Bài học kinh nghiệm"), Some((3, 3)));
        assert_eq!(bracket_footnote("[bookmark: x]"), None);
        assert_eq!(plain_footnote("6 Các cơ quan chưa ban hành", 6), Some(1));
        assert_eq!(plain_footnote("6 Các cơ quan chưa ban hành", 9), None);
        assert_eq!(plain_footnote("10 dịch vụ còn lại", 10), None);
    }

    #[test]
    fn glossary_lines() {
        assert!(is_glossary_line("\"5 bảo đảm\": (1) Bảo đảm"));
        assert!(is_glossary_line("“5 không” gồm: (1)"));
        assert!(is_glossary_line("**5 nhóm vấn đề:** Pháp lý"));
        assert!(!is_glossary_line("Thủ tướng Chính phủ; tập trung"));
        assert!(!is_glossary_line(
            "\"Hạ tầng số phải phát triển, đi trước một bước\""
        ));
    }

    #[test]
    fn web_furniture() {
        assert!(is_weather_line("Hà Nội 21 °C"));
        assert!(is_weather_line("• TP Hồ Chí Minh Hà Nội 29°C"));
        assert!(!is_weather_line(
            "Nhiệt độ trung bình năm nay tăng 2°C so với năm 2023, gây hạn hán"
        ));
        assert!(is_caption("Các đại biểu dự Hội nghị - Ảnh: VGP/Nhật Bắc"));
        assert!(is_caption(
            "Thủ tướng chỉ rõ một số nhiệm vụ thời gian tới- Ảnh: VGP/Nhật Bắc"
        ));
        assert!(!is_caption(
            "Bộ Y tế hướng dẫn chụp ảnh: thực hiện trước ngày 15."
        ));
        assert!(is_article_end("bài liên quan"));
        assert!(is_article_end("Tin bài khác"));
        assert!(!is_article_end(
            "Các bài học kinh nghiệm liên quan đến chuyển đổi số"
        ));
    }

    #[test]
    fn page_numbers_and_rules() {
        for yes in ["12", "- 3 -", "Trang 4", "2/10"] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in ["12 tỉnh", "2024", "Trang chủ"] {
            assert!(!is_page_number(no), "{no}");
        }
        assert!(is_rule_line("___________"));
        assert!(!is_rule_line("- Bộ Y tế"));
    }

    #[test]
    fn signature_blocks() {
        for yes in [
            "KT. THỦ TƯỚNG",
            "PHÓ THỦ TƯỚNG",
            "(Đã ký)",
            "BỘ THÔNG TIN VÀ TRUYỀN THÔNG",
            "TM. ỦY BAN NHÂN DÂN",
        ] {
            assert!(is_signature_line(yes), "{yes}");
        }
        for no in [
            "I. ĐÁNH GIÁ KẾT QUẢ",
            "NHIỆM VỤ TRỌNG TÂM",
            "Bộ Y tế chủ trì.",
        ] {
            assert!(!is_signature_line(no), "{no}");
        }
        assert!(is_person_name("Trần Văn Sơn"));
        assert!(is_person_name("NGUYỄN CHÍ DŨNG"));
        assert!(!is_person_name("Bộ Công an"));
        assert!(!is_person_name("Tin bài khác"));
    }
}
