//! A fast test for letters.
//!
//! `char::is_alphabetic` answers ASCII at once but looks every other char up in the Unicode
//! tables (`alphabetic::lookup_slow`, which showed in profiles). Almost every char past ASCII
//! in Vietnamese text is a precomposed letter of Latin-1, Latin Extended-A/B or Latin Extended
//! Additional (`à`, `đ`, `ơ`, `ư`, `ạ` ... `ỹ`); those are answered without the tables.

/// Whether `c` is alphabetic (the same answer as [`char::is_alphabetic`]).
#[inline]
pub fn is_letter(c: char) -> bool {
    let code = c as u32;
    match code {
        0..=0x7F => c.is_ascii_alphabetic(),
        // Latin-1 letters and Latin Extended-A and -B: all letters but `×` and `÷`.
        0xC0..=0x24F => code != 0xD7 && code != 0xF7,
        // Latin Extended Additional: all letters.
        0x1E00..=0x1EFF => true,
        _ => c.is_alphabetic(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_unicode_tables() {
        for code in 0..0x3_0000u32 {
            if let Some(c) = char::from_u32(code) {
                assert_eq!(is_letter(c), c.is_alphabetic(), "U+{code:04X}");
            }
        }
        assert!(is_letter('ệ') && is_letter('Đ') && is_letter('ư') && is_letter('a'));
        assert!(!is_letter('×') && !is_letter('1') && !is_letter('\u{300}') && !is_letter('–'));
    }
}
