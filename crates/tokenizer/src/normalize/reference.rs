//! The unit-by-unit normalisation as it was before the fast runs of
//! [`super::normalize_with_map`], kept to test that the fast paths change nothing.

use super::{
    char_start_before, is_ignorable, is_plain, move_tone, quiet_vowel, rewrite_unit, OffsetMap,
    Units,
};

pub(super) fn normalize_with_map_reference(text: &str) -> (String, OffsetMap) {
    if text.is_ascii() && !text.bytes().any(|b| b == b'\r') {
        return (text.to_string(), OffsetMap::identity(text.len()));
    }
    let mut out = String::with_capacity(text.len());
    let mut checkpoints: Vec<(usize, usize)> = Vec::new();
    let mut buffer = String::new();
    let mut units = Units { text, pos: 0 };
    let mut previous: Option<char> = None;
    let bytes = text.as_bytes();
    loop {
        // Fast path: a run of ASCII characters that normalisation keeps, each followed by an
        // ASCII character (so no combining mark applies to it), is copied as it is.
        let run_start = units.pos;
        let mut run_end = run_start;
        while run_end + 1 < bytes.len()
            && bytes[run_end] < 0x80
            && bytes[run_end + 1] < 0x80
            && !matches!(bytes[run_end], b'\r' | b'o' | b'O' | b'u' | b'U')
        {
            run_end += 1;
        }
        if run_end > run_start {
            out.push_str(&text[run_start..run_end]);
            previous = Some(char::from(bytes[run_end - 1]));
            units.pos = run_end;
        }
        let Some((start, end)) = units.next_unit() else {
            break;
        };
        let unit = &text[start..end];
        // Fast path: one character that normalisation never changes (most of a text).
        let mut chars = unit.chars();
        if let (Some(first), None) = (chars.next(), chars.next()) {
            if is_plain(first) {
                out.push_str(unit);
                previous = Some(first);
                continue;
            }
        }
        buffer.clear();
        rewrite_unit(unit, &mut buffer);
        // Tone placement looks at this unit, the next one and the one after it.
        if let Some(moved) = move_tone(previous, &buffer, &text[end..]) {
            // Characters dropped anyway (zero-width, BOM, soft hyphen) may stand inside the
            // pair; they go with it.
            let mut next = units.next_unit();
            while let Some((skip_start, skip_end)) = next {
                if text[skip_start..skip_end].chars().all(is_ignorable) {
                    next = units.next_unit();
                } else {
                    break;
                }
            }
            if let Some((next_start, next_end)) = next {
                let both_start = out.len();
                checkpoints.push((both_start, start));
                // The second letter maps to the second unit, so every char boundary of the
                // output maps to one of the input (`òa` ← `oà`: `ò`→`o`, `a`→`à`).
                let first_len = moved.chars().next().map_or(0, char::len_utf8);
                checkpoints.push((both_start + first_len, next_start));
                out.push_str(&moved);
                checkpoints.push((out.len(), next_end));
                previous = moved.chars().last();
                continue;
            }
        }
        if buffer != unit {
            checkpoints.push((out.len(), start));
            out.push_str(&buffer);
            checkpoints.push((out.len(), end));
        } else {
            out.push_str(unit);
        }
        previous = buffer.chars().last().or(previous);
    }
    checkpoints.dedup();
    // Drop checkpoints that add nothing (offsets in step with the previous one).
    let mut compact: Vec<(usize, usize)> = Vec::with_capacity(checkpoints.len());
    for (norm, input) in checkpoints {
        let in_step = match compact.last() {
            Some(&(n, i)) => norm - n == input - i,
            None => norm == input,
        };
        if !in_step {
            compact.push((norm, input));
        }
    }
    let map = OffsetMap {
        checkpoints: compact,
        input_len: text.len(),
    };
    (out, map)
}

/// `skip_plain_bytes` as it was before it went eight bytes at a time: the end of the run
/// from `pos` of the commonest quiet characters (see [`super::is_quiet`]), told
/// from their UTF-8 bytes without decoding them: ASCII other than `\r`; U+00C0 to U+02FF
/// (lead bytes `C3`..`CB`: `à`, `đ`, `ơ`, `ư` ...); U+1E00 to U+1EFF (`E1 B8`..`E1 BB`: `ạ`,
/// `ế`, `ộ` ...); and `o`/`u` where they cannot open an open `oa`/`oe`/`uy` syllable whose
/// tone moves (see [`super::quiet_vowel`]). None of these is a combining mark, so only the char
/// where the run stops may be one (its lead byte is `CC` or above); then the char before it,
/// which the mark would join, is left out of the run too.
pub(super) fn skip_plain_bytes_reference(bytes: &[u8], start: usize) -> usize {
    let mut pos = start;
    while let Some(&byte) = bytes.get(pos) {
        let width = match PLAIN_WIDTH[usize::from(byte)] {
            0 => match byte {
                b'o' | b'O' | b'u' | b'U' if quiet_vowel(bytes, pos) => 1,
                0xE1 if matches!(bytes.get(pos + 1), Some(0xB8..=0xBB)) => 3,
                // A char that may be a combining mark (its lead byte is `CC` or above): the
                // run ends before the char it would join.
                0xCC.. if pos > start => return char_start_before(bytes, pos),
                _ => return pos,
            },
            width => usize::from(width),
        };
        pos += width;
    }
    pos.min(bytes.len())
}

/// The width of the bytes that open a run char by themselves: 1 for ASCII other than `\r`,
/// `o`, `O`, `u`, `U`; 2 for the lead bytes `C3`..`CB`; 0 for the rest (looked at closer).
static PLAIN_WIDTH: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x80 {
        table[byte] = match byte as u8 {
            b'\r' | b'o' | b'O' | b'u' | b'U' => 0,
            _ => 1,
        };
        byte += 1;
    }
    let mut byte = 0xC3;
    while byte <= 0xCB {
        table[byte] = 2;
        byte += 1;
    }
    table
};
