//! Legacy Vietnamese 8-bit encodings: Windows-1258, TCVN3 (ABC) and VNI.
//!
//! Older Vietnamese files were typed in fonts that put Vietnamese letters on the code points
//! of Latin-1 letters (`.VnTime` for TCVN3, `VNI-Times` for VNI), so the bytes say nothing of
//! the encoding. We decode the bytes with each candidate and keep the one whose text reads as
//! Vietnamese (the share of its syllables that are among the most frequent ones of
//! administrative Vietnamese). A text that reads as none of them is undecodable.

use unicode_normalization::UnicodeNormalization;

/// TCVN3 (TCVN 5712:1993, the `.VnTime` "ABC" layout), bytes 0xA1..=0xFE. Source: the
/// TCVN 5712:1993 VN3 code chart as used by the `.VnTime` fonts and by converters such as
/// Unikey's; checked on sample words (`Hµ Néi` Hà Nội, `ViÖt Nam` Việt Nam, `§µ N½ng` Đà Nẵng).
/// `.VnTimeH` capitals use the same code points, so capitals with tone marks decode as lower
/// case; bytes not in the chart keep their Windows-1252 meaning.
const TCVN3: &[(u8, char)] = &[
    (0xA1, 'Ă'),
    (0xA2, 'Â'),
    (0xA3, 'Ê'),
    (0xA4, 'Ô'),
    (0xA5, 'Ơ'),
    (0xA6, 'Ư'),
    (0xA7, 'Đ'),
    (0xA8, 'ă'),
    (0xA9, 'â'),
    (0xAA, 'ê'),
    (0xAB, 'ô'),
    (0xAC, 'ơ'),
    (0xAD, 'ư'),
    (0xAE, 'đ'),
    (0xB5, 'à'),
    (0xB6, 'ả'),
    (0xB7, 'ã'),
    (0xB8, 'á'),
    (0xB9, 'ạ'),
    (0xBB, 'ằ'),
    (0xBC, 'ẳ'),
    (0xBD, 'ẵ'),
    (0xBE, 'ắ'),
    (0xC6, 'ặ'),
    (0xC7, 'ầ'),
    (0xC8, 'ẩ'),
    (0xC9, 'ẫ'),
    (0xCA, 'ấ'),
    (0xCB, 'ậ'),
    (0xCC, 'è'),
    (0xCE, 'ẻ'),
    (0xCF, 'ẽ'),
    (0xD0, 'é'),
    (0xD1, 'ẹ'),
    (0xD2, 'ề'),
    (0xD3, 'ể'),
    (0xD4, 'ễ'),
    (0xD5, 'ế'),
    (0xD6, 'ệ'),
    (0xD7, 'ì'),
    (0xD8, 'ỉ'),
    (0xDC, 'ĩ'),
    (0xDD, 'í'),
    (0xDE, 'ị'),
    (0xDF, 'ò'),
    (0xE1, 'ỏ'),
    (0xE2, 'õ'),
    (0xE3, 'ó'),
    (0xE4, 'ọ'),
    (0xE5, 'ồ'),
    (0xE6, 'ổ'),
    (0xE7, 'ỗ'),
    (0xE8, 'ố'),
    (0xE9, 'ộ'),
    (0xEA, 'ờ'),
    (0xEB, 'ở'),
    (0xEC, 'ỡ'),
    (0xED, 'ớ'),
    (0xEE, 'ợ'),
    (0xEF, 'ù'),
    (0xF1, 'ủ'),
    (0xF2, 'ũ'),
    (0xF3, 'ú'),
    (0xF4, 'ụ'),
    (0xF5, 'ừ'),
    (0xF6, 'ử'),
    (0xF7, 'ữ'),
    (0xF8, 'ứ'),
    (0xF9, 'ự'),
    (0xFA, 'ỳ'),
    (0xFB, 'ỷ'),
    (0xFC, 'ỹ'),
    (0xFD, 'ý'),
    (0xFE, 'ỵ'),
];

/// VNI (the `VNI-Times` layout): a base letter followed by a mark byte, read here as the
/// Windows-1252 character it shows. Source: the VNI Windows font layout as documented by
/// Vietnamese converters (Unikey, vietuni); checked on `Vieät Nam` Việt Nam, `Haø Noäi` Hà Nội,
/// `Thuû töôùng` Thủ tướng, `ñòa phöông` địa phương. The value is what the character becomes:
/// combining marks to compose with the letter before, or a letter of its own.
const VNI: &[(char, &str)] = &[
    // Tone marks.
    ('ù', "\u{301}"),
    ('ø', "\u{300}"),
    ('û', "\u{309}"),
    ('õ', "\u{303}"),
    ('ï', "\u{323}"),
    ('Ù', "\u{301}"),
    ('Ø', "\u{300}"),
    ('Û', "\u{309}"),
    ('Õ', "\u{303}"),
    ('Ï', "\u{323}"),
    // Circumflex (a, e, o) and breve (a), alone and with a tone.
    ('â', "\u{302}"),
    ('á', "\u{302}\u{301}"),
    ('à', "\u{302}\u{300}"),
    ('å', "\u{302}\u{309}"),
    ('ã', "\u{302}\u{303}"),
    ('ä', "\u{302}\u{323}"),
    ('Â', "\u{302}"),
    ('Á', "\u{302}\u{301}"),
    ('À', "\u{302}\u{300}"),
    ('Å', "\u{302}\u{309}"),
    ('Ã', "\u{302}\u{303}"),
    ('Ä', "\u{302}\u{323}"),
    ('ê', "\u{306}"),
    ('é', "\u{306}\u{301}"),
    ('è', "\u{306}\u{300}"),
    ('ú', "\u{306}\u{309}"),
    ('ü', "\u{306}\u{303}"),
    ('ë', "\u{306}\u{323}"),
    ('Ê', "\u{306}"),
    ('É', "\u{306}\u{301}"),
    ('È', "\u{306}\u{300}"),
    ('Ú', "\u{306}\u{309}"),
    ('Ü', "\u{306}\u{303}"),
    ('Ë', "\u{306}\u{323}"),
    // Letters of their own.
    ('ô', "ơ"),
    ('Ô', "Ơ"),
    ('ö', "ư"),
    ('Ö', "Ư"),
    ('ñ', "đ"),
    ('Ñ', "Đ"),
    ('ì', "ì"),
    ('í', "í"),
    ('æ', "ỉ"),
    ('ó', "ĩ"),
    ('ò', "ị"),
    ('î', "ỵ"),
    ('Ì', "Ì"),
    ('Í', "Í"),
    ('Æ', "Ỉ"),
    ('Ó', "Ĩ"),
    ('Ò', "Ị"),
    ('Î', "Ỵ"),
];

/// Decodes TCVN3 bytes.
pub fn decode_tcvn3(bytes: &[u8]) -> String {
    let mut table = ['\0'; 256];
    for (index, slot) in table.iter_mut().enumerate() {
        *slot = cp1252_char(index as u8);
    }
    for &(byte, c) in TCVN3 {
        table[byte as usize] = c;
    }
    bytes.iter().map(|&b| table[b as usize]).collect()
}

/// Decodes VNI bytes (composed to NFC).
pub fn decode_vni(bytes: &[u8]) -> String {
    let (latin, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    vni_from_latin(&latin)
}

/// VNI text already read as Windows-1252 characters, to Unicode.
fn vni_from_latin(latin: &str) -> String {
    let mut out = String::with_capacity(latin.len());
    for c in latin.chars() {
        match VNI.iter().find(|(k, _)| *k == c) {
            Some((_, value)) => out.push_str(value),
            None => out.push(c),
        }
    }
    out.nfc().collect()
}

/// Decodes Windows-1258 bytes, composing its separate tone marks (NFC).
pub fn decode_cp1258(bytes: &[u8]) -> String {
    let (text, _, _) = encoding_rs::WINDOWS_1258.decode(bytes);
    text.nfc().collect()
}

fn cp1252_char(byte: u8) -> char {
    let bytes = [byte];
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
    text.chars().next().unwrap_or('\u{FFFD}')
}

/// The most frequent syllables of administrative Vietnamese.
const COMMON: &[&str] = &[
    "của", "và", "các", "được", "những", "người", "ngày", "tháng", "năm", "trong", "thực", "hiện",
    "với", "đã", "này", "cho", "để", "không", "theo", "phát", "triển", "công", "tỉnh", "việt",
    "nhân", "dân", "về", "là", "có", "một", "số", "tại", "bộ", "nhiệm", "vụ", "quyết", "định",
    "chính", "phủ", "thủ", "tướng", "ủy", "ban", "kế", "hoạch", "đề", "án", "quản", "lý", "địa",
    "phương", "hội", "nghị", "tổ", "chức", "cơ", "quan", "đơn", "vị", "trên", "nước", "xã",
    "huyện", "sở", "báo", "cáo", "thông", "tin", "đồng", "chí", "yêu", "cầu",
];

/// How Vietnamese a text reads: the share of its words that are frequent syllables.
pub fn vietnamese_score(text: &str) -> f64 {
    let mut words = 0usize;
    let mut common = 0usize;
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(5000)
    {
        words += 1;
        let lower = word.to_lowercase();
        if COMMON.contains(&lower.as_str()) {
            common += 1;
        }
    }
    if words == 0 {
        0.0
    } else {
        common as f64 / words as f64
    }
}

/// The best reading of non-UTF-8 bytes: `(text, encoding name)`, or `None` when no
/// candidate reads as Vietnamese.
pub fn decode_legacy(bytes: &[u8]) -> Option<(String, &'static str)> {
    let candidates = [
        (decode_cp1258(bytes), "windows-1258"),
        (decode_tcvn3(bytes), "tcvn3"),
        (decode_vni(bytes), "vni"),
    ];
    best(candidates)
}

fn best<const N: usize>(candidates: [(String, &'static str); N]) -> Option<(String, &'static str)> {
    let mut best: Option<(f64, String, &'static str)> = None;
    for (text, name) in candidates {
        let score = vietnamese_score(&text);
        if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, text, name));
        }
    }
    best.filter(|(score, _, _)| *score >= 0.05)
        .map(|(_, text, name)| (text, name))
}

/// A UTF-8 text that is really TCVN3 or VNI read as Windows-1252 (a legacy file converted
/// without its font): re-read when that reads as Vietnamese and the text as it stands does
/// not.
pub fn repair_utf8(text: &str) -> Option<(String, &'static str)> {
    // Mojibake is text whose every char is a Windows-1252 char (that is what the bytes were
    // read as). Real Vietnamese has letters outside it within a few words (`ư`, `ơ`, `đ`,
    // `ạ`, `ộ` ...), which settles it without scoring the text, the costly part; these
    // cheap checks go first, the order of checks that all answer `None` does not matter.
    if text.is_ascii() || !text.chars().all(in_windows_1252) || vietnamese_score(text) >= 0.05 {
        return None;
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    if unmappable {
        return None;
    }
    let candidates = [
        (decode_tcvn3(&bytes), "tcvn3"),
        (vni_from_latin(text), "vni"),
    ];
    best(candidates)
}

/// Whether `c` has a byte in Windows-1252 (`encoding_rs` encodes it without loss): Latin-1
/// (less five C1 controls that Windows-1252 uses for other characters) and 27 characters of
/// 0x80..=0x9F (curly quotes, dashes, `€`, `™`, `Œ` ...).
fn in_windows_1252(c: char) -> bool {
    match c as u32 {
        0..=0x7F | 0xA0..=0xFF => true,
        0x81 | 0x8D | 0x8F | 0x90 | 0x9D => true,
        0x80..=0x9F => false,
        _ => matches!(
            c,
            '€' | '‚'
                | 'ƒ'
                | '„'
                | '…'
                | '†'
                | '‡'
                | 'ˆ'
                | '‰'
                | 'Š'
                | '‹'
                | 'Œ'
                | 'Ž'
                | '‘'
                | '’'
                | '“'
                | '”'
                | '•'
                | '–'
                | '—'
                | '˜'
                | '™'
                | 'š'
                | '›'
                | 'œ'
                | 'ž'
                | 'Ÿ'
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_test_agrees_with_encoding_rs() {
        for code in 0..0x11_0000u32 {
            if let Some(c) = char::from_u32(code) {
                let mut buffer = [0u8; 4];
                let (_, _, unmappable) =
                    encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buffer));
                assert_eq!(in_windows_1252(c), !unmappable, "U+{code:04X}");
            }
        }
    }

    /// The original order of checks (score first), to compare the fast one with.
    fn repair_utf8_slow(text: &str) -> Option<(String, &'static str)> {
        let high = text.chars().filter(|c| !c.is_ascii()).count();
        if high == 0 || vietnamese_score(text) >= 0.05 {
            return None;
        }
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
        if unmappable {
            return None;
        }
        best([
            (decode_tcvn3(&bytes), "tcvn3"),
            (vni_from_latin(text), "vni"),
        ])
    }

    #[test]
    fn repair_fast_path_agrees_with_the_slow_one() {
        let samples = [
            "c¸c bé, ngµnh vµ ®Þa ph\u{AD}¬ng thùc hiÖn nhiÖm vô",
            "caùc boä, ngaønh vaø ñòa phöông thöïc hieän nhieäm vuï cuûa uûy ban",
            "các bộ, ngành và địa phương",
            "café – “x” € ™ Œ",
            "plain ascii",
            "Hà Nội",
            "à á â ã è é",
            "",
        ];
        for text in samples {
            assert_eq!(repair_utf8(text), repair_utf8_slow(text), "{text:?}");
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            for line in text.lines() {
                assert_eq!(repair_utf8(line), repair_utf8_slow(line), "{line:?}");
            }
        }
    }

    fn encode_tcvn3(text: &str) -> Vec<u8> {
        text.chars()
            .map(|c| match TCVN3.iter().find(|(_, t)| *t == c) {
                Some((byte, _)) => *byte,
                None => c as u8,
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn repair_fast_path_agrees_on_random_text(
            text in "[a-z ,.¸µ®Þ¬ÖùéôöñøïûâäêìíòóõüÕÙÛ–“”€ộưđ\\u{80}-\\u{9F}]{0,60}"
        ) {
            proptest::prop_assert_eq!(repair_utf8(&text), repair_utf8_slow(&text));
        }
    }

    #[test]
    fn tcvn3_sample_words() {
        // `Hµ Néi` is how Hà Nội looks when TCVN3 bytes are read as Windows-1252.
        let bytes = encoding_rs::WINDOWS_1252
            .encode("Hµ Néi, ViÖt Nam, §µ N½ng")
            .0;
        assert_eq!(decode_tcvn3(&bytes), "Hà Nội, Việt Nam, Đà Nẵng");
        let text = "Ủy ban nhân dân tỉnh giao các sở thực hiện nhiệm vụ";
        let lower = text.replacen('Ủ', "ủ", 1);
        assert_eq!(decode_tcvn3(&encode_tcvn3(&lower)), lower);
    }

    #[test]
    fn vni_sample_words() {
        let bytes = encoding_rs::WINDOWS_1252
            .encode("Vieät Nam, Haø Noäi, Thuû töôùng Chính phuû, ñòa phöông, quyeát ñònh, tænh")
            .0;
        assert_eq!(
            decode_vni(&bytes),
            "Việt Nam, Hà Nội, Thủ tướng Chính phủ, địa phương, quyết định, tỉnh"
        );
    }

    #[test]
    fn cp1258_composes_tone_marks() {
        // Windows-1258 writes `ệ` as `ê` (0xEA) + combining dot below (0xF2).
        let bytes = b"Vi\xEA\xF2t Nam";
        assert_eq!(decode_cp1258(bytes), "Việt Nam");
    }

    #[test]
    fn detection_picks_the_reading_that_is_vietnamese() {
        let sentence = "các bộ, ngành và địa phương thực hiện nhiệm vụ của ủy ban nhân dân tỉnh";
        let tcvn = encode_tcvn3(sentence);
        assert_eq!(decode_legacy(&tcvn).map(|(_, name)| name), Some("tcvn3"));
        let vni = encoding_rs::WINDOWS_1252
            .encode("caùc boä, ngaønh vaø ñòa phöông thöïc hieän nhieäm vuï cuûa uûy ban nhaân daân tænh")
            .0;
        let (text, name) = decode_legacy(&vni).unwrap();
        assert_eq!((text.as_str(), name), (sentence, "vni"));
        assert_eq!(decode_legacy(&[0xFF, 0xFE, 0x80, 0x81, 0x90]), None);
    }

    #[test]
    fn mojibake_utf8_is_repaired() {
        let (text, name) =
            repair_utf8("c¸c bé, ngµnh vµ ®Þa ph\u{AD}¬ng thùc hiÖn nhiÖm vô").unwrap();
        assert_eq!(name, "tcvn3");
        assert_eq!(text, "các bộ, ngành và địa phương thực hiện nhiệm vụ");
        assert_eq!(repair_utf8("các bộ, ngành và địa phương"), None);
    }
}
