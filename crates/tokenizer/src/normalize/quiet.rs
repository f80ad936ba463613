//! The quiet runs of a text: the stretches normalisation copies as they are, found without
//! decoding most of their chars (see [`skip_plain_bytes`]).

use super::split_tone;
use crate::marks::is_mark;

/// The end of the run of quiet characters (see [`is_quiet`]) from `start`: normalisation
/// copies it as it is.
pub(super) fn quiet_run(text: &str, start: usize) -> usize {
    quiet_run_with::<false>(text, start).0
}

/// [`quiet_run`], and with `SPACING` whether the bytes it looked at hold white space other
/// than single ASCII spaces (see [`is_normal_spaced`]).
#[inline]
fn quiet_run_with<const SPACING: bool>(text: &str, start: usize) -> (usize, bool) {
    let mut run_end = start;
    let mut loose = false;
    loop {
        let (end, loose_bytes) = skip_plain_bytes_with::<SPACING>(text.as_bytes(), run_end);
        run_end = end;
        loose |= loose_bytes;
        let mut rest = text[run_end..].chars();
        match rest.next() {
            Some(c) if is_quiet(c, rest.next()) => {
                // The quiet white space past ASCII (U+0085, U+1680; the other ones are
                // rewritten); ASCII white space is told from the bytes.
                loose |= SPACING && !c.is_ascii() && c.is_whitespace();
                run_end += c.len_utf8();
            }
            _ => return (run_end, loose),
        }
    }
}

/// Whether `text` normalises to itself, with the identity map, told by one quick scan: when
/// true, `normalize_with_map(text)` is `(text, OffsetMap::identity(text.len()))`. It may say
/// no for some texts that do normalise to themselves (`hoa`, `Quy` in ASCII are quiet only
/// by the ASCII rule, which is checked too; some rarer ones are left to `normalize_with_map`).
pub fn is_normal(text: &str) -> bool {
    quiet_run(text, 0) == text.len() || (text.is_ascii() && !text.contains('\r'))
}

/// [`is_normal`], and in the same scan whether `text` is then words one ASCII space apart:
/// not empty, no space first or last, no two in a row, no other white space (what a cleaner
/// folding white space may take in one piece). The second answer may also be false for such
/// a text when it is normal by the ASCII rule alone, or holds a control char that is not
/// white space: those are not looked at closer.
pub fn is_normal_spaced(text: &str) -> (bool, bool) {
    let (end, loose) = quiet_run_with::<true>(text, 0);
    if end == text.len() {
        let bytes = text.as_bytes();
        let spaced = !loose
            && bytes.first().is_some_and(|&b| b != b' ')
            && bytes.last().is_some_and(|&b| b != b' ');
        return (true, spaced);
    }
    (text.is_ascii() && !text.contains('\r'), false)
}

/// Zero-width and bidi controls, the BOM and the soft hyphen: dropped from the text.
pub(super) fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{00AD}'
    )
}

/// A character that [`rewrite_unit`] keeps as it is and that cannot start a tone pair.
#[inline]
pub(super) fn is_plain(c: char) -> bool {
    match c {
        '\r' | 'o' | 'O' | 'u' | 'U' => false,
        _ if c.is_ascii() => true,
        '\u{00A0}' | '\u{00AB}' | '\u{00AD}' | '\u{00BB}' => false,
        _ if (c as u32) < 0x2000 => !crate::marks::is_mark(c),
        _ if (c as u32) > 0x3000 => c != '\u{FEFF}',
        // U+2000..U+3000: plain unless rewritten or dropped (spaces, zero-width and bidi
        // controls, dashes, quotes, the prime, the minus sign: the ranges below hold them
        // all, with a few neighbours) or a mark; `•`, `…`, `‰`, `→`, `€` are plain.
        _ => {
            !matches!(
                c,
                '\u{2000}'..='\u{201F}'
                    | '\u{2028}'..='\u{202F}'
                    | '\u{2032}'
                    | '\u{205F}'..='\u{206F}'
                    | '\u{2212}'
                    | '\u{3000}'
            ) && !crate::marks::is_mark(c)
        }
    }
}

/// Whether `c`, followed by `next`, is a unit of its own that normalisation copies as it is:
/// no combining mark follows it (a mark makes a unit to compose), and it is plain or an
/// `o`/`u` that cannot start an open `oa`/`oe`/`uy` syllable with the new tone placement.
/// Such a syllable needs a next letter whose canonical decomposition starts with `a`/`e`
/// (after `o`) or `y` (after `u`), which is exactly when it folds to that letter; a
/// zero-width character in between may hide the pair, so it is never quiet either.
#[inline]
fn is_quiet(c: char, next: Option<char>) -> bool {
    if next.is_some_and(is_mark) {
        return false;
    }
    match c {
        'o' | 'O' => {
            !next.is_some_and(|n| is_ignorable(n) || matches!(crate::fold::fold_char(n), 'a' | 'e'))
        }
        'u' | 'U' => !next.is_some_and(|n| is_ignorable(n) || crate::fold::fold_char(n) == 'y'),
        _ => is_plain(c),
    }
}

/// The end of the run from `pos` of the commonest quiet characters (see [`is_quiet`]), told
/// from their UTF-8 bytes without decoding them: ASCII other than `\r`; U+00C0 to U+02FF
/// (lead bytes `C3`..`CB`: `à`, `đ`, `ơ`, `ư` ...); U+1E00 to U+1EFF (`E1 B8`..`E1 BB`: `ạ`,
/// `ế`, `ộ` ...); and `o`/`u` where they cannot open an open `oa`/`oe`/`uy` syllable whose
/// tone moves (see [`quiet_vowel`]). None of these is a combining mark, so only the char
/// where the run stops may be one (its lead byte is `CC` or above); then the char before it,
/// which the mark would join, is left out of the run too.
///
/// Eight bytes at a time (see [`stop_bytes`]): the bytes of the run's chars are passed over
/// without a look at each, and only `o`, `u`, `\r` and lead bytes of other chars are looked
/// at closer (about one byte in forty of Vietnamese text). The flagged bytes of a word are
/// taken in turn without loading the word again; a vowel followed by an ASCII byte that
/// cannot finish an `oa`/`oe`/`uy` pair (`on`, `ông` is not: `ô` is past ASCII; `ut`) is
/// passed over on the spot.
///
/// On x86-64 the bytes go sixteen at a time through SSE2 first (see [`sse2::stops16`]),
/// with the same flags, exact for every byte.
#[cfg(test)]
pub(super) fn skip_plain_bytes(bytes: &[u8], start: usize) -> usize {
    skip_plain_bytes_with::<false>(bytes, start).0
}

/// [`skip_plain_bytes`], and with `SPACING` whether the bytes it loaded hold a control byte
/// (tab, line feed ...) or two spaces in a row (see [`loose_bytes`]).
#[inline]
fn skip_plain_bytes_with<const SPACING: bool>(bytes: &[u8], start: usize) -> (usize, bool) {
    let mut pos = start;
    let mut loose = false;
    #[cfg(target_arch = "x86_64")]
    while let Some((mut stops, loose_flags)) = sse2::stops16::<SPACING>(bytes, pos) {
        loose |= loose_flags != 0;
        while stops != 0 {
            if let Some(end) = stop_at(bytes, pos + stops.trailing_zeros() as usize, start) {
                return (end, loose);
            }
            // This clears the lowest flagged byte.
            stops &= stops - 1;
        }
        pos += 16;
    }
    while pos < bytes.len() {
        let (word, next) = crate::swar::words_at(bytes, pos);
        if SPACING {
            let mut flags = loose_bytes(word, next);
            if let Some(valid) = bytes.len().checked_sub(pos).filter(|&n| n < 8) {
                // The bytes past the end read as zero: not control bytes of the text.
                flags &= (1u64 << (valid * 8)) - 1;
            }
            loose |= flags != 0;
        }
        let mut stops = stop_bytes(word, next);
        while stops != 0 {
            if let Some(end) = stop_at(bytes, pos + crate::swar::first_flagged(stops), start) {
                return (end, loose);
            }
            // Flags are high bits only: this clears the lowest flagged byte.
            stops &= stops - 1;
        }
        pos += 8;
    }
    (pos.min(bytes.len()), loose)
}

/// The bytes of `word` below `0x20` (control chars: the ASCII white space but the space) and
/// the spaces followed by another (`next` holds the byte after each). As an answer to "any?"
/// it is exact: a borrow may flag a byte above a flagged one, never one on its own.
#[inline]
pub(super) fn loose_bytes(word: u64, next: u64) -> u64 {
    use crate::swar::{splat, HIGH, ONES};
    let control = word.wrapping_sub(splat(0x20)) & !word;
    let pair = (word ^ splat(b' ')) | (next ^ splat(b' '));
    let double = pair.wrapping_sub(ONES) & !pair;
    (control | double) & HIGH
}

/// Where a run of [`skip_plain_bytes`] from `start` ends, if it ends at the flagged byte
/// `at`; `None` when the byte is passed over.
#[inline]
fn stop_at(bytes: &[u8], at: usize, start: usize) -> Option<usize> {
    // Bytes past the end read as zero and never stop the run.
    match bytes.get(at) {
        Some(&vowel @ (b'o' | b'O' | b'u' | b'U')) => {
            let quiet = ascii_not_pair(vowel, bytes.get(at + 1)) || quiet_vowel(bytes, at);
            (!quiet).then_some(at)
        }
        // Above the lowest flagged byte of a word a borrow may flag a byte one above a
        // looked-at one (`n`, `t`, form feed; see [`stop_bytes`]): quiet ASCII.
        Some(b'n' | b'N' | b't' | b'T' | 0x0C) => None,
        // A char that may be a combining mark (its lead byte is `CC` or above): the run ends
        // before the char it would join.
        Some(0xCC..) if at > start => Some(char_start_before(bytes, at)),
        _ => Some(at.min(bytes.len())),
    }
}

/// [`stop_bytes`] sixteen bytes at a time with SSE2.
#[cfg(target_arch = "x86_64")]
pub(super) mod sse2 {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_set_epi64x,
    };

    /// The flags of [`super::stop_bytes`] for the sixteen bytes from `at`, bit `i` for byte
    /// `at + i`, exact for every byte; `None` when fewer than seventeen bytes are left (the
    /// byte after each is looked at too).
    ///
    /// With `SPACING`, the flags of [`super::loose_bytes`] for the same bytes come second
    /// (else zero).
    #[inline]
    pub(in crate::normalize) fn stops16<const SPACING: bool>(
        bytes: &[u8],
        at: usize,
    ) -> Option<(u32, u32)> {
        let chunk: &[u8; 17] = bytes.get(at..at.checked_add(17)?)?.try_into().ok()?;
        // SAFETY: SSE2 is part of the x86-64 baseline: every x86-64 processor has it, and
        // the function does nothing else that needs care.
        Some(unsafe { stops16_sse2::<SPACING>(chunk) })
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
    fn stops16_sse2<const SPACING: bool>(chunk: &[u8; 17]) -> (u32, u32) {
        let word = vector(chunk, 0);
        let next = vector(chunk, 1);
        let splat = |byte: u8| _mm_set1_epi8(byte as i8);
        let equal = |v: __m128i, byte: u8| _mm_cmpeq_epi8(v, splat(byte));
        // `o`/`O`, `u`/`U` (they differ in bit 5 only) and `\r`.
        let lower = _mm_or_si128(word, splat(0x20));
        let looked_at = _mm_or_si128(
            _mm_or_si128(equal(lower, b'o'), equal(lower, b'u')),
            equal(word, b'\r'),
        );
        // Lead bytes of two bytes or more: `C0` and above.
        let leads = equal(_mm_and_si128(word, splat(0xC0)), 0xC0);
        // `C3`..`CB`, compared as signed bytes (`C2` is -62, `CC` is -52).
        let two_byte_run = _mm_and_si128(
            _mm_cmpgt_epi8(word, splat(0xC2)),
            _mm_cmplt_epi8(word, splat(0xCC)),
        );
        // `E1` before `B8`..`BB`.
        let extended_additional = _mm_and_si128(
            equal(word, 0xE1),
            equal(_mm_and_si128(next, splat(0xFC)), 0xB8),
        );
        let other_leads =
            _mm_andnot_si128(extended_additional, _mm_andnot_si128(two_byte_run, leads));
        let stops = _mm_movemask_epi8(_mm_or_si128(looked_at, other_leads)) as u32;
        if !SPACING {
            return (stops, 0);
        }
        // Bytes `00`..`1F` (signed: above -1, below 0x20), and a space before a space.
        let control = _mm_and_si128(
            _mm_cmpgt_epi8(word, splat(0xFF)),
            _mm_cmplt_epi8(word, splat(0x20)),
        );
        let double = _mm_and_si128(equal(word, b' '), equal(next, b' '));
        let loose = _mm_movemask_epi8(_mm_or_si128(control, double)) as u32;
        (stops, loose)
    }
}

/// Whether the `o`/`u` `vowel` is followed by an ASCII byte (`next`) that no `oa`/`oe`
/// (`uy`) pair has second: then the vowel is quiet, as [`quiet_vowel`] would say (an ASCII
/// char is a run char, and folds to its lower case).
#[inline]
pub(super) fn ascii_not_pair(vowel: u8, next: Option<&u8>) -> bool {
    let Some(&next) = next else {
        return false;
    };
    // `A`/`a` (`E`/`e`, `Y`/`y`) differ in bit 5 only, and no other byte becomes one of them
    // with that bit set.
    let lower = next | 0x20;
    next < 0x80
        && if vowel | 0x20 == b'o' {
            lower != b'a' && lower != b'e'
        } else {
            lower != b'y'
        }
}

/// The bytes of `word` where a run of [`skip_plain_bytes`] stops or looks closer (`next`
/// holds the byte after each, see [`crate::swar::words_at`]): `\r`, `o`, `O`, `u`, `U`, and
/// lead bytes (`C0` and above) other than `C3`..`CB` and other than `E1` before `B8`..`BB`.
/// Continuation bytes never stop it: the run only ever steps over those of its own chars.
#[inline]
pub(super) fn stop_bytes(word: u64, next: u64) -> u64 {
    use crate::swar::{equal_bytes, low7_at_least, splat, HIGH, ONES};
    // `o` and `O` (`u` and `U`) differ in bit 5 only, and no other byte has either form with
    // that bit set.
    let lower = word | splat(0x20);
    // `(v - 1) & !v` sets the high bit of a zero byte of `v`, and may set it in bytes above
    // one (a borrow runs upward), never below: the lowest byte flagged is exact. A byte
    // flagged by a borrow is `1` in `v`: `n`/`N` (`t`/`T`) here, form feed for `\r`, which
    // [`skip_plain_bytes`] knows for quiet.
    let zero = |v: u64| v.wrapping_sub(ONES) & !v;
    let looked_at =
        (zero(lower ^ splat(b'o')) | zero(lower ^ splat(b'u')) | zero(word ^ splat(b'\r'))) & HIGH;
    // Bit 7 and bit 6 set: a lead byte of a char of two bytes or more.
    let leads = word & (word << 1) & HIGH;
    let two_byte_run = low7_at_least(word, 0x43) & !low7_at_least(word, 0x4C);
    let extended_additional = equal_bytes(word, 0xE1) & equal_bytes(next & splat(0xFC), 0xB8);
    looked_at | (leads & !two_byte_run & !extended_additional)
}

/// The start of the char that ends right before `pos` (a char boundary past the start).
pub(super) fn char_start_before(bytes: &[u8], pos: usize) -> usize {
    let mut at = pos.saturating_sub(1);
    while at > 0 && bytes[at] & 0xC0 == 0x80 {
        at -= 1;
    }
    at
}

/// Whether the `o`/`O`/`u`/`U` at `pos` is a unit of its own that normalisation keeps, told
/// from the next char when it is a run char (ASCII, `C3`..`CB`, `E1 B8`..`E1 BB`; never a
/// mark or a zero-width char). The tone moves onto the `o` (`u`) only when the next unit
/// composes to a toned `a`/`e` (`y`) ending the syllable, and never onto the `u` of `qu`
/// (see [`move_tone`]). So the vowel is kept when the next char does not fold to `a`/`e`
/// (`y`); or a letter that is a run char follows that char (`hoạch`, `toàn`, `truyền`: a
/// closed syllable); or that char has no tone (`huy`, `hoa`, `hoặc`) and what follows it is
/// not a mark that could give it one (a run char, or nothing).
#[inline]
pub(super) fn quiet_vowel(bytes: &[u8], pos: usize) -> bool {
    let Some((next, width)) = run_char_at(bytes, pos + 1) else {
        return false;
    };
    let is_o = matches!(bytes[pos], b'o' | b'O');
    if !is_o && pos > 0 && matches!(bytes[pos - 1], b'q' | b'Q') {
        return true;
    }
    let folded = crate::fold::fold_char(next);
    let pair = if is_o {
        matches!(folded, 'a' | 'e')
    } else {
        folded == 'y'
    };
    if !pair {
        return true;
    }
    let after = pos + 1 + width;
    if after == bytes.len() {
        return split_tone(next).is_none();
    }
    match run_char_at(bytes, after) {
        Some((c, _)) => crate::is_letter(c) || split_tone(next).is_none(),
        None => false,
    }
}

/// The char at `at` and its width, when it is ASCII or one of the run's chars past ASCII
/// (lead byte `C3`..`CB`, or `E1 B8`..`E1 BB`).
#[inline]
fn run_char_at(bytes: &[u8], at: usize) -> Option<(char, usize)> {
    let lead = *bytes.get(at)?;
    let continuation = |offset: usize| bytes.get(at + offset).map(|&b| u32::from(b & 0x3F));
    let (code, width) = match lead {
        0..=0x7F => (u32::from(lead), 1),
        0xC3..=0xCB => ((u32::from(lead & 0x1F) << 6) | continuation(1)?, 2),
        0xE1 if matches!(bytes.get(at + 1), Some(0xB8..=0xBB)) => (
            (u32::from(lead & 0x0F) << 12) | (continuation(1)? << 6) | continuation(2)?,
            3,
        ),
        _ => return None,
    };
    char::from_u32(code).map(|c| (c, width))
}
