//! Lower-case comparisons without a lower-cased copy and, for Vietnamese letters, without the
//! Unicode tables: `word.to_lowercase() == lower` built a `String` for each word compared, and
//! `word.chars().flat_map(char::to_lowercase).eq(..)` looks every char past ASCII up in the
//! case tables (a binary search) and carries the flattening's state (both showed in profiles).

/// `c` lower-cased when that is one char, answered without the tables for ASCII and the
/// precomposed Vietnamese letters' blocks (checked against [`char::to_lowercase`] over every
/// char in the tests); `None` when it is several chars (`İ`).
#[inline]
fn lower_char(c: char) -> Option<char> {
    let code = c as u32;
    let lower = match code {
        0..=0x7F => return Some(c.to_ascii_lowercase()),
        // Latin-1: `À` ... `Þ` (not `×`) are `à` ... `þ`; the rest is lower case already.
        0xC0..=0xDE if code != 0xD7 => code + 0x20,
        0xDF..=0xFF => code,
        // Latin Extended-A up to `į` (`Ă ă`, `Đ đ`, `Ĩ ĩ`): upper case even, lower case odd.
        0x100..=0x12F => code | 1,
        // `Ơ ơ`, `Ư ư`.
        0x1A0 | 0x1A1 => 0x1A1,
        0x1AF | 0x1B0 => 0x1B0,
        // Latin Extended Additional from `Ạ` on (`Ạ ạ` ... `Ỹ ỹ`, `Ỿ ỿ`): pairs again.
        0x1EA0..=0x1EFF => code | 1,
        _ => {
            let mut lower = c.to_lowercase();
            return match (lower.next(), lower.next()) {
                (Some(one), None) => Some(one),
                _ => None,
            };
        }
    };
    char::from_u32(lower)
}

/// Whether `word` lower-cased is `lower`: the same answer as
/// `word.chars().flat_map(char::to_lowercase).eq(lower.chars())`.
pub fn lowercase_is(word: &str, lower: &str) -> bool {
    let mut wanted = lower.chars();
    for c in word.chars() {
        match lower_char(c) {
            Some(one) => {
                if wanted.next() != Some(one) {
                    return false;
                }
            }
            None => {
                for one in c.to_lowercase() {
                    if wanted.next() != Some(one) {
                        return false;
                    }
                }
            }
        }
    }
    wanted.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reference(word: &str, lower: &str) -> bool {
        word.chars().flat_map(char::to_lowercase).eq(lower.chars())
    }

    #[test]
    fn lower_char_agrees_with_the_unicode_tables() {
        for code in 0..0x11_0000u32 {
            if let Some(c) = char::from_u32(code) {
                let expected: Vec<char> = c.to_lowercase().collect();
                match lower_char(c) {
                    Some(one) => assert_eq!(expected, vec![one], "U+{code:04X}"),
                    None => assert!(expected.len() > 1, "U+{code:04X}"),
                }
            }
        }
    }

    #[test]
    fn lowercase_is_agrees_with_the_flattened_chars() {
        let words = [
            "", "a", "A", "phải", "PHẢI", "Phải", "phảii", "phả", "cần", "CẦN", "Cần", "đã", "ĐÃ",
            "Đã", "da", "İ", "i\u{307}", "İa", "K", "\u{212A}", "k", "Σ", "σ", "ß", "ẞ", "Ơn",
            "ƯU", "ưu", "thiết", "THIẾT", "Tp", "TP", "số", "SỐ", "th.s", "Đ/C", "đ/c",
        ];
        for word in words {
            for lower in words {
                assert_eq!(
                    lowercase_is(word, lower),
                    reference(word, lower),
                    "{word:?} {lower:?}"
                );
            }
        }
    }

    proptest! {
        #[test]
        fn lowercase_is_agrees_on_made_words(
            word in "[aAđĐảẢÃãơƠưƯİKΣß\u{212A}\u{307}.]{0,6}",
            lower in "[ađảãơưiσßk\u{307}.]{0,6}",
        ) {
            prop_assert_eq!(lowercase_is(&word, &lower), reference(&word, &lower));
            let folded: String = word.chars().flat_map(char::to_lowercase).collect();
            prop_assert!(lowercase_is(&word, &folded));
        }
    }
}
