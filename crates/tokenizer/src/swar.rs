//! Byte tests eight at a time on a `u64` ("SIMD within a register"): each helper answers
//! for every byte of a little-endian word at once, with `0x80` in the bytes where the answer
//! is yes and `0` elsewhere. The answers are exact per byte (no carry runs from one byte
//! into the next), so the lowest flagged byte of a word is the first byte that says yes.

/// `0x01` in every byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;
/// The low seven bits of every byte.
const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;

/// `byte` in every byte of a word.
#[inline]
pub(crate) const fn splat(byte: u8) -> u64 {
    ONES * byte as u64
}

/// The bytes of `word` that are zero.
#[inline]
pub(crate) fn zero_bytes(word: u64) -> u64 {
    // Adding 0x7F to the low seven bits sets the high bit unless they are all zero; the high
    // bit of the byte itself is or-ed in; neither addition carries out of its byte.
    !(((word & LOW7) + LOW7) | word | LOW7)
}

/// The bytes of `word` equal to `byte`.
#[inline]
pub(crate) fn equal_bytes(word: u64, byte: u8) -> u64 {
    zero_bytes(word ^ splat(byte))
}

/// The bytes of `word` whose low seven bits are at least `low` (`low` at most `0x80`).
#[inline]
pub(crate) fn low7_at_least(word: u64, low: u8) -> u64 {
    // At most 0x7F + 0x7F: no carry out of the byte.
    ((word & LOW7) + splat(0x80 - low)) & HIGH
}

/// The word of the eight bytes of `bytes` from `at`, and the word of the eight from
/// `at + 1` (so byte `i` of the second is the byte after byte `i` of the first). Bytes past
/// the end of `bytes` read as zero.
#[inline]
pub(crate) fn words_at(bytes: &[u8], at: usize) -> (u64, u64) {
    if let Some(chunk) = bytes.get(at..at + 9) {
        let mut first = [0u8; 8];
        let mut second = [0u8; 8];
        first.copy_from_slice(&chunk[..8]);
        second.copy_from_slice(&chunk[1..]);
        return (u64::from_le_bytes(first), u64::from_le_bytes(second));
    }
    let mut padded = [0u8; 9];
    let rest = bytes.get(at..).unwrap_or_default();
    let len = rest.len().min(9);
    padded[..len].copy_from_slice(&rest[..len]);
    let mut first = [0u8; 8];
    let mut second = [0u8; 8];
    first.copy_from_slice(&padded[..8]);
    second.copy_from_slice(&padded[1..]);
    (u64::from_le_bytes(first), u64::from_le_bytes(second))
}

/// The word of the eight bytes of `bytes` from `at`; bytes past the end read as zero.
#[inline]
pub(crate) fn word_at(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    match bytes.get(at..at + 8) {
        Some(chunk) => word.copy_from_slice(chunk),
        None => {
            let rest = bytes.get(at..).unwrap_or_default();
            word[..rest.len().min(8)].copy_from_slice(&rest[..rest.len().min(8)]);
        }
    }
    u64::from_le_bytes(word)
}

/// The index (0..8) of the lowest flagged byte of a non-zero answer.
#[inline]
pub(crate) fn first_flagged(answer: u64) -> usize {
    (answer.trailing_zeros() / 8) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The answer for one byte, as the helpers give it in byte `i` of a word.
    fn flag(answer: u64, index: usize) -> bool {
        (answer >> (8 * index)) & 0xFF == 0x80
    }

    #[test]
    fn every_byte_is_answered_exactly_in_every_neighbourhood() {
        // Each byte value between neighbours that could carry into it or borrow from it.
        for neighbour in [0x00u8, 0x01, 0x7F, 0x80, 0xFF] {
            for value in 0..=255u8 {
                let mut bytes = [neighbour; 8];
                bytes[3] = value;
                let word = u64::from_le_bytes(bytes);
                for (index, &byte) in bytes.iter().enumerate() {
                    assert_eq!(flag(zero_bytes(word), index), byte == 0);
                    assert_eq!(flag(equal_bytes(word, b'o'), index), byte == b'o');
                    assert_eq!(flag(equal_bytes(word, 0xE1), index), byte == 0xE1);
                    for low in [0x43u8, 0x4C, 0x00, 0x80] {
                        assert_eq!(flag(low7_at_least(word, low), index), byte & 0x7F >= low);
                    }
                    // Every answer is 0x80 or 0 in each byte.
                    for answer in [zero_bytes(word), equal_bytes(word, 0x0D)] {
                        let part = (answer >> (8 * index)) & 0xFF;
                        assert!(part == 0 || part == 0x80);
                    }
                }
            }
        }
    }

    #[test]
    fn words_read_past_the_end_as_zero() {
        let bytes = b"abcdefghij";
        assert_eq!(
            words_at(bytes, 0),
            (
                u64::from_le_bytes(*b"abcdefgh"),
                u64::from_le_bytes(*b"bcdefghi")
            )
        );
        assert_eq!(
            words_at(bytes, 4),
            (
                u64::from_le_bytes(*b"efghij\0\0"),
                u64::from_le_bytes(*b"fghij\0\0\0")
            )
        );
        assert_eq!(words_at(bytes, 10), (0, 0));
        assert_eq!(word_at(bytes, 0), u64::from_le_bytes(*b"abcdefgh"));
        assert_eq!(word_at(bytes, 7), u64::from_le_bytes(*b"hij\0\0\0\0\0"));
        assert_eq!(word_at(bytes, 12), 0);
        assert_eq!(words_at(bytes, 11), (0, 0));
        assert_eq!(first_flagged(0x80 << 16), 2);
    }
}
