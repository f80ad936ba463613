//! Passing over words one ASCII space apart sixteen bytes at a time (SSE2), for
//! [`super::words_end`].

use std::arch::x86_64::{
    __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_movemask_epi8,
    _mm_or_si128, _mm_set1_epi8, _mm_set_epi64x,
};

/// The start of the word from which [`super::words_end`] must look at the stretch from
/// `from` char by char: `from` is the start of a word (not white space, and after a single
/// space unless it is where the stretch starts). Every byte before the word returned is
/// known to be a word char or a single space before one (see [`flags16`]), so the stretch
/// runs on through them, and the word returned starts the same way `from` does.
pub(super) fn words_start(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    let end = loop {
        match flags16(bytes, at) {
            Some(0) => at += 16,
            Some(flags) => break at + flags.trailing_zeros() as usize,
            // Fewer than seventeen bytes left: all before `at` are known.
            None => break at,
        }
    };
    let known = bytes.get(from..end).unwrap_or_default();
    memchr::memrchr(b' ', known).map_or(from, |space| from + space + 1)
}

/// The bytes from `at` on which the stretch may end, or that need a closer look, one bit
/// each for sixteen bytes: `09`..`0D`; the lead bytes `C2`, `E2`, `E3` (of U+0085, U+00A0,
/// U+2000..U+205F, U+3000, and of chars that are not white space); `E1` before `9A`
/// (U+1680); a space before a space, one of those bytes or `E1`. `None` when fewer than
/// seventeen bytes are left (the byte after each is looked at too).
fn flags16(bytes: &[u8], at: usize) -> Option<u32> {
    let chunk: &[u8; 17] = bytes.get(at..at.checked_add(17)?)?.try_into().ok()?;
    // SAFETY: SSE2 is part of the x86-64 baseline: every x86-64 processor has it, and the
    // function does nothing else that needs care.
    Some(unsafe { flags16_sse2(chunk) })
}

/// The bytes of `chunk` from `from`, as one vector.
#[inline]
#[target_feature(enable = "sse2")]
fn vector(chunk: &[u8; 17], from: usize) -> __m128i {
    let mut low = [0u8; 8];
    let mut high = [0u8; 8];
    low.copy_from_slice(&chunk[from..from + 8]);
    high.copy_from_slice(&chunk[from + 8..from + 16]);
    _mm_set_epi64x(i64::from_le_bytes(high), i64::from_le_bytes(low))
}

#[inline]
#[target_feature(enable = "sse2")]
fn flags16_sse2(chunk: &[u8; 17]) -> u32 {
    let word = vector(chunk, 0);
    let next = vector(chunk, 1);
    let splat = |byte: u8| _mm_set1_epi8(byte as i8);
    let equal = |v: __m128i, byte: u8| _mm_cmpeq_epi8(v, splat(byte));
    // `09`..`0D` (signed: above 8, below 14; bytes past ASCII are negative), `C2`, `E2`, `E3`.
    let suspect = |v: __m128i| {
        let control = _mm_and_si128(
            _mm_cmpgt_epi8(v, splat(0x08)),
            _mm_cmplt_epi8(v, splat(0x0E)),
        );
        _mm_or_si128(
            _mm_or_si128(control, equal(v, 0xC2)),
            _mm_or_si128(equal(v, 0xE2), equal(v, 0xE3)),
        )
    };
    let ogham = _mm_and_si128(equal(word, 0xE1), equal(next, 0x9A));
    let next_suspect = _mm_or_si128(
        suspect(next),
        _mm_or_si128(equal(next, b' '), equal(next, 0xE1)),
    );
    let loose_space = _mm_and_si128(equal(word, b' '), next_suspect);
    let flags = _mm_or_si128(_mm_or_si128(suspect(word), ogham), loose_space);
    _mm_movemask_epi8(flags) as u32
}
