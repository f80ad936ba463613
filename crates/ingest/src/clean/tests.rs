//! Tests of cleaning, and of its fast paths against the plain ways they replace.

use super::artifacts::{may_have_artifacts, Artifacts, ARTIFACT};
use super::*;
use proptest::strategy::Strategy;
use regex::Regex;
use std::sync::LazyLock;

/// The reference pattern of the artifacts, searched the plain way.
static ARTIFACT_REGEX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(ARTIFACT).expect("valid regex"));

/// The artifacts found by [`Artifacts`] are the matches of the whole pattern.
fn same_as_the_regex(raw: &str) -> bool {
    let searched: Vec<Range<usize>> = ARTIFACT_REGEX.find_iter(raw).map(|m| m.range()).collect();
    Artifacts::new(raw).collect::<Vec<_>>() == searched
}

proptest::proptest! {
    #[test]
    fn artifacts_are_the_matches_of_the_pattern(
        raw in "(\\[|\\]|<|</|>|\\*|bookmark:|BOOKMARK:|footnoteRef:|\\u{212A}|\\u{17F}|[0-9]|٣|: |:|i|b|br|sup|span|mark|[ạ_ đ\\t]|¹|²|⁴|⁹|⁽|\\u{2069}|°|m){0,16}"
    ) {
        proptest::prop_assert!(same_as_the_regex(&raw), "{:?}", raw);
    }
}

#[test]
fn artifacts_are_the_matches_of_the_pattern_on_samples_and_seeds() {
    for raw in [
        "",
        "[bookmark: _Hlk1]a) Đề án 06[footnoteRef:2] do",
        "[[[1]]]",
        "[1:  Quyết định số 749/QĐ-TTg] đã [2]",
        "[1: a [2] b] [3",
        "]]][bookmark:[bookmark: x",
        "**48%** và ***x*** (*) ¹²³⁴ m² ⁹",
        "<i>a</i> <br/> <bộ> <b_x> <b1> <b\u{300}> <B > <span class='x'> <i",
        "[BOOKMARK:x] [footnoteref: 12] [\u{212A}] <\u{17F}pan> <ſup>",
        "[١٢: x] [١٢]",
    ] {
        assert!(same_as_the_regex(raw), "{raw:?}");
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for line in text.lines() {
            assert!(same_as_the_regex(line), "{line:?}");
        }
    }
}

/// ARTIFACT as it was written first, with `\b` after the tag names.
const ARTIFACT_WITH_BOUNDARY: &str = r"(?i)\[bookmark:[^\]]*\]|\[footnoteRef:\s*\d+\]|\[\d{1,3}:\s[^\]]*\]|\[\d{1,3}\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\*+|</?(?:i|b|u|em|strong|sup|sub|span|font|small|br|mark)\b[^>]{0,80}>";

fn same_matches(raw: &str) -> bool {
    let with_boundary = Regex::new(ARTIFACT_WITH_BOUNDARY)
        .map(|regex| regex.find_iter(raw).map(|m| m.range()).collect::<Vec<_>>());
    let now: Vec<Range<usize>> = ARTIFACT_REGEX.find_iter(raw).map(|m| m.range()).collect();
    with_boundary.is_ok_and(|old| old == now)
}

proptest::proptest! {
    /// The boundary spelt out as a class matches what `\b` matched.
    #[test]
    fn artifact_regex_matches_as_with_the_boundary(
        raw in "(<|</|[a-zđộ ]|i|b|br|sub|sup|span|em|mark|>|[ạ_1\\-\\u{300}]){0,14}"
    ) {
        proptest::prop_assert!(same_matches(&raw), "{:?}", raw);
    }
}

#[test]
fn artifact_regex_matches_as_with_the_boundary_on_samples_and_seeds() {
    for raw in [
        "<i>a</i>",
        "<br/>",
        "<bộ>",
        "<b_x>",
        "<b1>",
        "<b\u{300}>",
        "<B >",
        "<span class='x'>",
    ] {
        assert!(same_matches(raw), "{raw:?}");
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for line in text.lines() {
            assert!(same_matches(line), "{line:?}");
        }
    }
}

fn clean_all(text: &str) -> Cleaned {
    clean(text, 0..text.len(), &[])
}

#[test]
fn cuts_word_artifacts_and_keeps_them_as_removed() {
    let text = "[bookmark: _Hlk1]a) Đề án 06[footnoteRef:2] do Bộ Công an  chủ trì";
    let cleaned = clean_all(text);
    assert_eq!(cleaned.text, "a) Đề án 06 do Bộ Công an chủ trì");
    assert_eq!(cleaned.removed.len(), 2);
    assert_eq!(&text[cleaned.removed[0].clone()], "[bookmark: _Hlk1]");
}

#[test]
fn superscript_markers_go_but_square_metres_stay() {
    assert_eq!(clean_all("khắp thế giới¹. Số").text, "khắp thế giới. Số");
    assert_eq!(clean_all("1.500m² đất").text, "1.500m² đất");
    assert_eq!(clean_all("5 km² rừng").text, "5 km² rừng");
    assert_eq!(
        clean_all("của Việt Nam⁵. Nhiều").text,
        "của Việt Nam. Nhiều"
    );
}

#[test]
fn emphasis_goes_but_note_marks_and_bullets_stay() {
    assert_eq!(clean_all("đạt **48%** và ***x***").text, "đạt 48% và x");
    assert_eq!(clean_all("Ghi chú (*) ở dưới").text, "Ghi chú (*) ở dưới");
    assert_eq!(clean_all("* Mục một").text, "* Mục một");
    assert_eq!(clean_all("<i>Nghị định</i> mới").text, "Nghị định mới");
}

#[test]
fn inline_footnote_bodies_are_kept_aside() {
    let cleaned = clean_all("Chiến lược[1:  Quyết định số 749/QĐ-TTg] đã");
    assert_eq!(cleaned.text, "Chiến lược đã");
    assert_eq!(cleaned.footnotes.len(), 1);
    assert_eq!(cleaned.footnotes[0].label, "1");
    assert_eq!(cleaned.footnotes[0].text, "Quyết định số 749/QĐ-TTg");
}

#[test]
fn map_points_back_into_the_source() {
    let text = "  Bộ [bookmark: x] Tài   chính “giao”";
    let cleaned = clean_all(text);
    assert_eq!(cleaned.text, "Bộ Tài chính \"giao\"");
    let at = cleaned.text.find("Tài").unwrap();
    let source = cleaned.map.to_input(at);
    assert!(text[source..].starts_with("Tài"));
    let at = cleaned.text.find("chính").unwrap();
    assert!(text[cleaned.map.to_input(at)..].starts_with("chính"));
}

/// `push_mapped` as it was: one `push_char` per char, two map look-ups each.
fn push_mapped_reference(builder: &mut Builder, text: &str, map: &OffsetMap, base: usize) {
    for (index, c) in text.char_indices() {
        let start = base + map.to_input(index);
        let end = base + map.to_input(index + c.len_utf8());
        builder.push_char(c, start..end);
    }
}

/// Pushes the pieces (text, map, base) both ways and compares the results.
fn assert_runs_agree(pieces: &[(String, OffsetMap, usize)], end: usize) {
    let mut fast = Builder::default();
    let mut slow = Builder::default();
    for (text, map, base) in pieces {
        push_mapped(&mut fast, text, map, *base);
        push_mapped_reference(&mut slow, text, map, *base);
    }
    assert_eq!(fast.finish(end), slow.finish(end), "{pieces:?}");
}

fn piece_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        proptest::sample::select(vec![
            "a", "Bộ", " ", "  ", "\t", "\u{A0}", "\u{2003}", "\u{3000}", "\u{85}", "hoà", "thuỷ",
            "a\u{300}", "–", "“", "\r\n", "\u{200B}", "x", "ế", "\u{1680}", "\u{2028}", "…",
            "\x0c", "\u{205F}", "\u{202F}", "\n",
        ]),
        0..12,
    )
    .prop_map(|parts| parts.concat())
}

proptest::proptest! {
    #[test]
    fn runs_agree_with_char_by_char_on_normalised_pieces(
        texts in proptest::collection::vec(piece_text(), 1..4),
        gap in 0usize..5,
    ) {
        let mut base = 0;
        let mut pieces = Vec::new();
        for text in &texts {
            let (normalised, map) = normalize_with_map(text);
            pieces.push((normalised, map, base));
            base += text.len() + gap;
        }
        assert_runs_agree(&pieces, base);
    }

    #[test]
    fn runs_agree_with_char_by_char_on_any_map(
        text in piece_text(),
        mut checkpoints in proptest::collection::vec((0usize..40, 0usize..40), 0..6),
        input_end in 0usize..40,
        base in 0usize..10,
    ) {
        checkpoints.sort_by_key(|&(norm, _)| norm);
        let map = OffsetMap::from_checkpoints(checkpoints, input_end);
        assert_runs_agree(&[(text, map, base)], input_end + base);
    }
}

/// `single_spaced` says yes only when the words of the text, one ASCII space apart, are the
/// whole of it, and never for a text with white space other than ` `.
#[test]
fn single_spaced_agrees_with_words_end() {
    for text in [
        "",
        " ",
        "a",
        "a b",
        "a  b",
        " a",
        "a ",
        "a\tb",
        "a\u{A0}b",
        "a\u{1680}b",
        "Bộ ạ ế",
        "a\u{85}b",
        "a\u{2028}b",
        "a…b",
        "«a»",
        "a\u{3000}b",
        "a\x0bb",
    ] {
        let whole =
            !text.is_empty() && whitespace_width(text, 0) == 0 && words_end(text, 0) == text.len();
        if single_spaced(text) {
            assert!(whole, "{text:?}");
        }
        // Past ASCII it may say no to be safe (a `C2`/`E2`/`E3` lead byte).
        if whole && text.is_ascii() {
            assert!(single_spaced(text), "{text:?}");
        }
    }
    for code in 0..0x11_0000u32 {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        if c.is_whitespace() && c != ' ' {
            assert!(!single_spaced(&format!("a{c}b")), "U+{code:04X}");
        }
    }
}

#[test]
fn runs_agree_with_char_by_char_on_seed_lines() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for line in text.lines() {
            let cleaned = clean_all(line);
            let (normalised, map) = normalize_with_map(line);
            let pieces = [(normalised, map, 0), (cleaned.text, cleaned.map, 0)];
            assert_runs_agree(&pieces, line.len());
        }
    }
}

proptest::proptest! {
    /// The prefilter never hides an artifact (the superscripts, their UTF-8 neighbours,
    /// the Kelvin sign and long s that case folding relates to `k` and `s`).
    #[test]
    fn artifact_prefilter_hides_nothing(
        raw in "[a-zA-Z0-9 :_\\[\\]*<>/⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾₁ªº°±´µ¶·¸»¼“”–\u{2069}\u{2080}\u{212A}\u{17F}]{0,40}"
    ) {
        if !may_have_artifacts(&raw) {
            proptest::prop_assert!(ARTIFACT_REGEX.find(&raw).is_none(), "{:?}", raw);
        }
    }
}

#[test]
fn artifact_prefilter_agrees_on_samples_and_seed_lines() {
    for raw in [
        "a¹",
        "m²",
        "x³",
        "⁰",
        "⁴⁵",
        "⁹",
        "[1]",
        "**x**",
        "<i>",
        "[bookmark: _H]",
    ] {
        assert!(may_have_artifacts(raw), "{raw}");
    }
    for raw in [
        "Bộ Tài chính “giao” – ngày 1/2",
        "°C ± ´",
        "\u{2080}\u{2069}",
    ] {
        assert!(!may_have_artifacts(raw), "{raw}");
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for line in text.lines() {
            if !may_have_artifacts(line) {
                assert!(ARTIFACT_REGEX.find(line).is_none(), "{line:?}");
            }
        }
    }
}

#[test]
fn without_prefix_keeps_the_map() {
    let text = "a)   Bộ Y tế";
    let cleaned = clean_all(text).without_prefix(2);
    assert_eq!(cleaned.text, "Bộ Y tế");
    assert_eq!(cleaned.map.to_input(0), text.find("Bộ").unwrap());
}

/// `into_without_prefix` (in place) gives what `without_prefix` (a copy) gives.
fn assert_prefix_taken_alike(cleaned: &Cleaned, skip: usize) {
    let copied = cleaned.without_prefix(skip);
    let taken = cleaned.clone().into_without_prefix(skip);
    assert_eq!(taken.text, copied.text, "{:?} {skip}", cleaned.text);
    assert_eq!(taken.map, copied.map, "{:?} {skip}", cleaned.text);
    assert_eq!(taken.removed, copied.removed);
    assert_eq!(taken.footnotes.len(), copied.footnotes.len());
}

#[test]
fn prefix_taken_in_place_as_copied() {
    for text in [
        "",
        "a)   Bộ Y tế",
        "1. Bộ Tài chính**¹** chủ trì",
        "[1] hoà   Uỷ ban",
        "II.  Nhiệm  vụ\u{A0} cụ thể",
        "  - [bookmark: _Hlk1]Giao Bộ Công an",
    ] {
        let cleaned = clean_all(text);
        for skip in 0..=cleaned.text.len() + 2 {
            assert_prefix_taken_alike(&cleaned, skip);
        }
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for line in text.lines() {
            let cleaned = clean_all(line);
            for skip in [0, 1, 2, 3, 4, 6, 9] {
                assert_prefix_taken_alike(&cleaned, skip);
            }
        }
    }
}

proptest::proptest! {
    #[test]
    fn prefix_taken_in_place_as_copied_any_text(raw in "[a-zà-ỹ1.)¹*\\[\\] \u{A0}\u{301}]{0,30}", skip in 0usize..12) {
        assert_prefix_taken_alike(&clean_all(&raw), skip);
    }
}

/// `words_end` as it was before it passed over sixteen bytes at a time: word by word.
fn words_end_reference(text: &str, mut position: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        let end = word_end(text, position);
        let single_space = end > position
            && bytes.get(end) == Some(&b' ')
            && end + 1 < text.len()
            && whitespace_width(text, end + 1) == 0;
        if !single_space {
            return end;
        }
        position = end + 1;
    }
}

fn assert_words_end_agrees(text: &str) {
    for (position, _) in text.char_indices() {
        assert_eq!(
            words_end(text, position),
            words_end_reference(text, position),
            "{text:?} from {position}"
        );
    }
}

#[test]
fn words_end_agrees_with_word_by_word_on_samples() {
    for text in [
        "Bộ Tài chính chủ trì, phối hợp với các bộ, ngành liên quan",
        "Ủy ban nhân dân các tỉnh,\tthành phố trực thuộc trung ương",
        "Ủy ban nhân dân các tỉnh,  thành phố trực thuộc trung ương",
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương\u{85}",
        "abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz ",
        "abcdefghijklmno ấy ở\u{1680}abcdefghijklmnopqrstuv ",
        "abcdefghijklmnop\u{A0}qrstuvwxyzabcdefghijk",
        "nhiệt độ 30°C … tăng • giảm “mạnh” – từ 12 đến 15 giờ",
        "abcdefghijklmnopq\u{3000}rstuvwxyz",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z",
        "                  a",
        "abcdefghijklmnop\r\nqrstu",
    ] {
        assert_words_end_agrees(text);
    }
}

proptest::proptest! {
    #[test]
    fn words_end_agrees_with_word_by_word(
        text in "[a-cạấởĐ \\t°…\\u{A0}\\u{85}\\u{1680}\\u{3000}\\u{2003}]{0,80}",
        plain in "[a-zđưởạ ]{0,80}",
    ) {
        assert_words_end_agrees(&text);
        assert_words_end_agrees(&plain);
    }
}
