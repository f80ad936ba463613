//! A fast test for combining marks.
//!
//! `unicode_normalization::char::is_combining_mark` is a table lookup that profiling showed
//! at about 11% of a whole extraction, because normalisation asks it for every character.
//! Almost every character of Vietnamese text is ASCII or a precomposed letter of Latin-1,
//! Latin Extended-A/B or Latin Extended Additional (U+1E00-U+1EFF, where `ạ`...`ỹ` live), none
//! of which is a mark; those are answered without the table.

use unicode_normalization::char::is_combining_mark;

/// Whether `c` is a combining mark (the same answer as the Unicode tables).
#[inline]
pub fn is_mark(c: char) -> bool {
    let code = c as u32;
    if code < 0x300 || (0x1E00..=0x1EFF).contains(&code) {
        return false;
    }
    if code <= 0x36F {
        return true;
    }
    is_combining_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_unicode_tables() {
        for code in 0..0x3_0000u32 {
            if let Some(c) = char::from_u32(code) {
                assert_eq!(is_mark(c), is_combining_mark(c), "U+{code:04X}");
            }
        }
    }
}
