//! Tests of the normalisation, its fast paths against [`super::reference`].

use super::*;

/// Text of the pieces the fast runs must get right: every vowel next to `o`/`u`, marks,
/// zero-width and odd spaces, `q`, line ends.
fn tricky_text() -> impl proptest::strategy::Strategy<Value = String> {
    proptest::collection::vec(
        proptest::sample::select(vec![
            "o", "O", "u", "U", "q", "Q", "a", "e", "y", "A", "E", "Y", "à", "ẻ", "ỹ", "Ỷ", "á",
            "ă", "â", "ê", "ô", "ơ", "ư", "i", "n", "g", "h", "\u{300}", "\u{301}", "\u{309}",
            "\u{323}", "\u{302}", "\u{200B}", "\u{FEFF}", "\u{AD}", "\u{A0}", "\r", "\n", " ", "–",
            "“", "-", ".", "1", "\u{3099}", "\u{20D0}", "\u{1DC0}", "\u{1AB0}", "\u{340}",
            "\u{36F}", "\u{345}", "ỳ", "\u{1680}", "t", "c", "ạ", "Ạ", "ố", "ý", "Ý", "ệ", "ơ",
            "ặ", "â", "•", "…", "→", "−", "‐", "†", "‰", "′", "″", "€", "\u{20D0}", "\u{2028}",
            "\u{2066}", "\u{205F}", "\u{2CEF}", "×", "ề",
        ]),
        0..30,
    )
    .prop_map(|parts| parts.concat())
}

use proptest::strategy::Strategy;

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(2000))]
    #[test]
    fn fast_runs_agree_with_unit_by_unit(text in tricky_text()) {
        proptest::prop_assert_eq!(
            normalize_with_map(&text),
            reference::normalize_with_map_reference(&text)
        );
    }

    #[test]
    fn a_text_found_normal_normalises_to_itself(text in tricky_text(), any in "\\PC{0,20}") {
        for text in [text.as_str(), any.as_str()] {
            if is_normal(text) {
                proptest::prop_assert_eq!(
                    reference::normalize_with_map_reference(text),
                    (text.to_string(), OffsetMap::identity(text.len()))
                );
            }
        }
    }

    #[test]
    fn normalize_into_appends_what_normalize_returns(text in tricky_text(), any in "\\PC{0,20}") {
        for text in [text.as_str(), any.as_str()] {
            let mut out = String::from("prefix ");
            normalize_into(text, &mut out);
            proptest::prop_assert_eq!(out, format!("prefix {}", normalize(text)));
        }
    }

    #[test]
    fn eight_at_a_time_runs_agree_with_byte_by_byte(
        text in tricky_text(),
        any in "\\PC{0,40}",
        plain in "[a-zA-Z0-9 ,.àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđĐ\\r\\n]{0,60}",
    ) {
        for text in [text.as_str(), any.as_str(), plain.as_str()] {
            for (start, _) in text.char_indices() {
                proptest::prop_assert_eq!(
                    skip_plain_bytes(text.as_bytes(), start),
                    reference::skip_plain_bytes_reference(text.as_bytes(), start),
                    "{:?} from {}", text, start
                );
            }
        }
    }

    #[test]
    fn normal_and_spaced_agree_with_the_plain_definitions(
        text in tricky_text(),
        any in "\\PC{0,40}",
        spaced in "[a-zA-Zàạđôơư…•°\u{85}\u{1680}\t\n\x0b\x0c ]{0,60}",
    ) {
        for text in [text.as_str(), any.as_str(), spaced.as_str()] {
            let (normal, single) = is_normal_spaced(text);
            proptest::prop_assert_eq!(normal, is_normal(text), "{:?}", text);
            if single {
                proptest::prop_assert!(normal && words_one_space_apart(text), "{:?}", text);
            }
        }
    }

    #[test]
    fn fast_runs_agree_on_any_text(text in "\\PC{0,40}") {
        proptest::prop_assert_eq!(
            normalize_with_map(&text),
            reference::normalize_with_map_reference(&text)
        );
    }
}

#[test]
fn fast_runs_agree_on_the_seeds() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let nfd: String = text.nfd().collect();
        for text in [text.as_str(), nfd.as_str()] {
            assert_eq!(
                normalize_with_map(text),
                reference::normalize_with_map_reference(text)
            );
            for line in text.lines() {
                assert_eq!(
                    normalize_with_map(line),
                    reference::normalize_with_map_reference(line)
                );
                if is_normal(line) {
                    assert_eq!(normalize(line), line);
                    assert!(normalize_with_map(line).1.is_identity(), "{line:?}");
                }
            }
        }
        seen += 1;
    }
    assert!(seen > 0, "no seeds read");
}

/// `is_quiet` lets `o`/`u` through when the next letter does not fold to `a`/`e`/`y`:
/// then no composition of it (alone or with a mark) is a toned `a`/`e`/`y`.
#[test]
fn quiet_partners_cover_every_composition() {
    for code in 0..0x11_0000u32 {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        let mut units = vec![c.to_string()];
        if code < 0x3000 {
            units.extend(
                (0x300..0x370)
                    .filter_map(char::from_u32)
                    .map(|m| format!("{c}{m}")),
            );
        }
        for unit in units {
            let composed: String = unit.nfc().collect();
            let mut chars = composed.chars();
            if let (Some(single), None) = (chars.next(), chars.next()) {
                if let Some((base, _)) = split_tone(single) {
                    let folded = crate::fold::fold_char(c);
                    assert_eq!(folded, base.to_ascii_lowercase(), "{unit:?}");
                }
            }
        }
    }
}

/// `move_tone` takes a lone char below U+0300 or in U+1E00..U+1EFF as its own NFC.
#[test]
fn lone_latin_chars_are_their_own_nfc() {
    for code in (0..0x300u32).chain(0x1E00..=0x1EFF) {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        let composed: String = c.to_string().nfc().collect();
        assert_eq!(composed, c.to_string(), "U+{code:04X}");
    }
}

#[test]
fn tone_placement_is_traditional() {
    assert_eq!(normalize("hoà"), "hòa");
    assert_eq!(normalize("thuỷ"), "thủy");
    assert_eq!(normalize("Uỷ ban"), "Ủy ban");
    assert_eq!(normalize("UỶ BAN"), "ỦY BAN");
    assert_eq!(normalize("khoẻ"), "khỏe");
    assert_eq!(normalize("Hoá"), "Hóa");
    // Already canonical, closed syllables and `qu` onsets are unchanged.
    for same in [
        "hòa", "thủy", "hoàng", "thuyết", "quý", "quỳ", "Quý II", "toàn",
    ] {
        assert_eq!(normalize(same), same);
    }
}

#[test]
fn nfd_dashes_quotes_spaces() {
    let nfd: String = "Bộ Tài chính".nfd().collect();
    assert_eq!(normalize(&nfd), "Bộ Tài chính");
    assert_eq!(normalize("2022 – 2025"), "2022 - 2025");
    assert_eq!(normalize("“Đề án”"), "\"Đề án\"");
    assert_eq!(normalize("a\u{00A0}b\u{200B}c"), "a bc");
    assert_eq!(normalize("a\r\nb\rc"), "a\nb\nc");
    // A zero-width character inside a pair does not hide it (found by proptest).
    assert_eq!(normalize("o\u{feff}a\u{300}"), "òa");
    assert_eq!(normalize("ho\u{200b}à"), "hòa");
}

#[test]
fn offsets_map_back() {
    let input = "Uỷ ban – hoà “x”";
    let (out, map) = normalize_with_map(input);
    assert_eq!(out, "Ủy ban - hòa \"x\"");
    let x_out = out.find('x').unwrap();
    assert_eq!(&input[map.to_input(x_out)..map.to_input(x_out + 1)], "x");
    let ban_out = out.find("ban").unwrap();
    assert_eq!(
        &input[map.to_input(ban_out)..map.to_input(ban_out + 3)],
        "ban"
    );
    assert_eq!(map.to_input(out.len()), input.len());
}

#[test]
fn common_lines_are_found_normal_and_moved_tones_are_not() {
    for line in [
        "Bộ Kế hoạch và Đầu tư hoàn thành toàn bộ kế hoạch",
        "Quy định của Ủy ban nhân dân",
        "khoa học, hoạt động, huy động, hoặc, tuy nhiên, Truyền thông",
        "• Hà Nội 21°C … 5‰ → 10€",
        "",
    ] {
        assert!(is_normal(line), "{line:?}");
    }
    for line in [
        "hoà bình",
        "thuỷ lợi",
        "khoẻ",
        "a\u{300}",
        "a\r\nb",
        "a\u{A0}b",
    ] {
        assert!(!is_normal(line), "{line:?}");
    }
}

#[test]
fn eight_at_a_time_runs_agree_on_samples() {
    let samples = [
        "",
        "a",
        "abcdefgh",
        "abcdefghi",
        "Bộ Tài chính chủ trì, phối hợp với các bộ, ngành",
        "hoà hợp; thuỷ lợi; Quý I; khoẻ mạnh",
        "trước ngày 31/12/2025\r\n",
        "xxxxxxx\u{E1}\u{BA}\u{A1}",
        "1234567\u{1680}",
        "1234567\u{1DC0}x",
        "abcdefg\u{300}",
        "abcdefgh\u{301}",
        "Ủy ban nhân dân\u{A0}tỉnh",
        "kế hoạch số 12/KH-UBND – “năm”",
        "emoji 😀 here and there",
        "NGÀY 1 THÁNG 2 NĂM 2024 …",
        "gió mùa đông bắc",
        "oooooooouuuuuuuuOOOOUUUU",
        "toàn thể, quyết định, huyện, hoá đơn",
        // Several flagged bytes in one word, and the bytes a borrow may flag above them.
        "công trong thông tin; tuyên truyền; luôn luôn; ontonton",
        "NoNuToTu\u{C}\ro\u{C}ouoaoe uy",
        "ouououou\u{300}onon\u{301}",
        "to\u{200B}a tu\u{200B}y ho\u{E0} thu\u{1EF7}",
    ];
    for text in samples {
        for (start, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(
                skip_plain_bytes(text.as_bytes(), start),
                reference::skip_plain_bytes_reference(text.as_bytes(), start),
                "{text:?} from {start}"
            );
        }
    }
    // The run passes over Vietnamese letters and stops at what it must look at.
    assert_eq!(
        skip_plain_bytes("phải luôn giữ".as_bytes(), 0),
        "phải luôn giữ".len()
    );
    assert_eq!(skip_plain_bytes(b"abc\rdef", 0), 3);
    // A lead byte of `CC` or above may open a mark: the char before it is left out too.
    assert_eq!(skip_plain_bytes("kh\u{2013}x".as_bytes(), 0), 1);
}

#[test]
fn vowels_before_ascii_are_passed_over_only_when_quiet() {
    // The shortcut of `skip_plain_bytes` agrees with `quiet_vowel` wherever it answers.
    for vowel in [b'o', b'O', b'u', b'U'] {
        for before in [b' ', b'q', b'Q', b'h'] {
            for next in 0..0x80u8 {
                for after in [&b""[..], b" ", b"n", "\u{300}".as_bytes()] {
                    let mut text = vec![before, vowel, next];
                    text.extend_from_slice(after);
                    if ascii_not_pair(vowel, text.get(2)) {
                        assert!(quiet_vowel(&text, 1), "{text:?}");
                    }
                }
            }
        }
        assert!(!ascii_not_pair(vowel, None));
        assert!(!ascii_not_pair(vowel, Some(&0xC3)));
    }
    assert!(!ascii_not_pair(b'o', Some(&b'A')));
    assert!(!ascii_not_pair(b'u', Some(&b'y')));
    assert!(ascii_not_pair(b'o', Some(&b'n')));
    assert!(ascii_not_pair(b'U', Some(&b'a')));
}

#[cfg(target_arch = "x86_64")]
proptest::proptest! {
    #[test]
    fn sixteen_at_a_time_flags_agree_with_the_word_flags(
        chunk in proptest::collection::vec(
            proptest::sample::select(vec![
                0u8, b' ', b'a', b'e', b'n', b'o', b'O', b'q', b't', b'u', b'U', b'y', b'\r',
                b'\t', b'\n', 0x0C, 0x1F, 0x20, 0x21, 0x7F, 0x80, 0x9A, 0xA0, 0xB7, 0xB8, 0xBB, 0xBC, 0xC0, 0xC2, 0xC3, 0xCB, 0xCC,
                0xE1, 0xE2, 0xF0, 0xFF,
            ]),
            17..40,
        ),
    ) {
        // Each byte told alone, as the lowest byte of a word (where the word flags are exact).
        let expected = (0..16).fold(0u32, |flags, i| {
            let alone = quiet::stop_bytes(u64::from(chunk[i]), u64::from(chunk[i + 1]));
            flags | (u32::from(alone & 0x80 != 0) << i)
        });
        let loose = (0..16).fold(0u32, |flags, i| {
            let alone = quiet::loose_bytes(u64::from(chunk[i]), u64::from(chunk[i + 1]));
            flags | (u32::from(alone & 0x80 != 0) << i)
        });
        proptest::prop_assert_eq!(quiet::sse2::stops16::<false>(&chunk, 0), Some((expected, 0)));
        proptest::prop_assert_eq!(quiet::sse2::stops16::<true>(&chunk, 0), Some((expected, loose)));
        proptest::prop_assert_eq!(quiet::sse2::stops16::<true>(&chunk, chunk.len() - 16), None);
    }
}

/// Words one ASCII space apart, told char by char: the reference of `is_normal_spaced`.
fn words_one_space_apart(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && text.chars().all(|c| c == ' ' || !c.is_whitespace())
}

#[test]
fn normal_and_spaced_on_samples() {
    let spaced = [
        "Bộ Tài chính chủ trì, phối hợp",
        "x",
        "nhiệt độ 30°C … tăng • giảm",
        "a b c d e f g h i j k l m n o p",
        "abcdefgh ijklmnop",
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
    ];
    for text in spaced {
        assert_eq!(is_normal_spaced(text), (true, true), "{text:?}");
        assert!(words_one_space_apart(text));
    }
    // Normal, but not words one space apart (or not known to be).
    let loose = [
        "",
        " Bộ",
        "Bộ ",
        "Bộ  Tài",
        "Bộ\tTài",
        "abcdefg\nh",
        "abcdefgh\x0b",
        "a\u{85}b",
        "Bộ\u{1680}Tài",
        "abcdefghijklmno  ",
        "abcdefg  hijklmn",
        "abcdefghijklmnop\x01",
        "Ủy ban nhân dân các tỉnh,\tthành phố trực thuộc trung ương",
        "Ủy ban nhân dân các tỉnh,  thành phố trực thuộc trung ương",
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương\u{85}",
    ];
    for text in loose {
        assert_eq!(is_normal_spaced(text), (is_normal(text), false), "{text:?}");
    }
    // Not normal at all.
    assert_eq!(is_normal_spaced("hoà bình"), (false, false));
    assert_eq!(is_normal_spaced("a\u{A0}b"), (false, false));
}
