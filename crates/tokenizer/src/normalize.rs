//! One canonical spelling for Vietnamese text.
//!
//! Vietnamese has two conventions for where the tone mark goes in the open syllables
//! `oa`, `oe`, `uy`: the traditional one puts it on the first vowel (`hòa`, `khỏe`, `thủy`,
//! `Ủy`), the "new" one on the second (`hoà`, `khoẻ`, `thuỷ`, `Uỷ`). Documents mix both, often
//! in one page. vntask matches on the traditional placement (`hòa`), which is also what the
//! gold guideline compares on; `quý`, `quỳ` (where `qu` is the onset) and closed syllables
//! such as `hoàng`, `thuyết` are the same in both conventions and are left alone.
//!
//! Besides tone placement: NFC composition (NFD input from macOS or some PDF producers),
//! dash variants (`–`, `—`, `‑`, `−`) to `-`, curly quotes to straight ones, and the
//! space variants (no-break, thin, ideographic) to a plain space. Zero-width and bidi control
//! characters are dropped.

use crate::marks::is_mark;
use unicode_normalization::UnicodeNormalization;

mod quiet;

#[cfg(test)]
use quiet::{ascii_not_pair, char_start_before, quiet_vowel, skip_plain_bytes};
use quiet::{is_ignorable, is_plain, quiet_run};
pub use quiet::{is_normal, is_normal_spaced};

/// Maps byte offsets in normalised text back to byte offsets in the input.
///
/// Stored as checkpoints `(normalised offset, input offset)` at the start of every place where
/// the two differ and right after it; between checkpoints the texts run in step.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    checkpoints: Vec<(usize, usize)>,
    input_len: usize,
}

impl OffsetMap {
    /// The identity map for a text of `len` bytes.
    pub fn identity(len: usize) -> Self {
        OffsetMap {
            checkpoints: Vec::new(),
            input_len: len,
        }
    }

    /// The input offset of normalised offset `offset`. Offsets inside a rewritten unit map to
    /// the unit's start; the result is always a char boundary of the input when `offset` is
    /// one of the normalised text.
    pub fn to_input(&self, offset: usize) -> usize {
        let index = self
            .checkpoints
            .partition_point(|&(norm, _)| norm <= offset);
        if index == 0 {
            return offset.min(self.input_len);
        }
        let (norm, input) = self.checkpoints[index - 1];
        let next_input = self
            .checkpoints
            .get(index)
            .map(|&(_, next)| next)
            .unwrap_or(self.input_len);
        (input + (offset - norm)).min(next_input)
    }

    /// A map from explicit checkpoints `(output offset, input offset)`, sorted by output
    /// offset; input offsets never exceed `input_end`. Between checkpoints the texts run in
    /// step, so `[(0, 100)]` maps a text that starts at byte 100 of its input.
    pub fn from_checkpoints(checkpoints: Vec<(usize, usize)>, input_end: usize) -> Self {
        OffsetMap {
            checkpoints,
            input_len: input_end,
        }
    }

    /// The end of the run of offsets from `offset` on that this map takes in step:
    /// `to_input(o) == to_input(offset) + (o - offset)` for every `o` in
    /// `offset..in_step_until(offset)`, which is never empty. Lets a caller map a whole run
    /// with one look-up instead of one per character.
    pub fn in_step_until(&self, offset: usize) -> usize {
        let index = self
            .checkpoints
            .partition_point(|&(norm, _)| norm <= offset);
        let (norm, input, limit, next_norm) = if index == 0 {
            // Before the first checkpoint offsets map to themselves, up to the input's end.
            let next_norm = self.checkpoints.first().map_or(usize::MAX, |&(n, _)| n);
            (0, 0, self.input_len, next_norm)
        } else {
            let (norm, input) = self.checkpoints[index - 1];
            let (limit, next_norm) = self
                .checkpoints
                .get(index)
                .map_or((self.input_len, usize::MAX), |&(n, i)| (i, n));
            (norm, input, limit, next_norm)
        };
        // `to_input` is `input + (o - norm)` capped at `limit`: in step until the cap.
        let mapped = input.saturating_add(offset - norm);
        let room = limit.saturating_sub(mapped);
        if mapped > limit {
            return offset.saturating_add(1);
        }
        next_norm.min(offset.saturating_add(room).saturating_add(1))
    }

    /// The checkpoints of this map (see [`OffsetMap::from_checkpoints`]).
    pub fn checkpoints(&self) -> &[(usize, usize)] {
        &self.checkpoints
    }

    /// The checkpoints of this map, taken out of it (for a map built again from them).
    pub fn into_checkpoints(self) -> Vec<(usize, usize)> {
        self.checkpoints
    }

    /// Whether the normalised text is byte-identical to the input.
    pub fn is_identity(&self) -> bool {
        self.checkpoints.is_empty()
    }
}

/// Normalises `text` (see the module documentation).
pub fn normalize(text: &str) -> String {
    normalize_with_map(text).0
}

/// Appends the normalised form of `text` to `out` (what [`normalize`] returns, without
/// building a map or a new string).
pub fn normalize_into(text: &str, out: &mut String) {
    if text.is_ascii() && !text.bytes().any(|b| b == b'\r') {
        out.push_str(text);
        return;
    }
    out.reserve(text.len());
    normalize_core(text, out, &mut NoCheckpoints);
}

/// Normalises `text` and returns the map from the result's offsets back to `text`'s.
pub fn normalize_with_map(text: &str) -> (String, OffsetMap) {
    if text.is_ascii() && !text.bytes().any(|b| b == b'\r') {
        return (text.to_string(), OffsetMap::identity(text.len()));
    }
    let mut out = String::with_capacity(text.len());
    let mut checkpoints: Vec<(usize, usize)> = Vec::new();
    normalize_core(text, &mut out, &mut checkpoints);
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

/// Where [`normalize_core`] records its checkpoints: a list, or nowhere.
trait Checkpoints {
    fn push(&mut self, checkpoint: (usize, usize));
}

impl Checkpoints for Vec<(usize, usize)> {
    #[inline]
    fn push(&mut self, checkpoint: (usize, usize)) {
        Vec::push(self, checkpoint);
    }
}

/// Checkpoints not wanted ([`normalize_into`]).
struct NoCheckpoints;

impl Checkpoints for NoCheckpoints {
    #[inline]
    fn push(&mut self, _: (usize, usize)) {}
}

/// Appends the normalised form of `text` to `out`, with checkpoints `(offset in what was
/// appended, input offset)` at the start of every place where the two differ and right after
/// it (not deduplicated).
fn normalize_core(text: &str, out: &mut String, checkpoints: &mut impl Checkpoints) {
    let base = out.len();
    let mut buffer = String::new();
    let mut units = Units { text, pos: 0 };
    let mut previous: Option<char> = None;
    loop {
        // Fast path: a run of characters that normalisation keeps as they are, each a unit of
        // its own (see `is_quiet`), is copied in one piece. Most of a text is such a run.
        let run_start = units.pos;
        let run_end = quiet_run(text, run_start);
        if run_end > run_start {
            out.push_str(&text[run_start..run_end]);
            previous = text[run_start..run_end].chars().next_back();
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
                checkpoints.push((both_start - base, start));
                // The second letter maps to the second unit, so every char boundary of the
                // output maps to one of the input (`òa` ← `oà`: `ò`→`o`, `a`→`à`).
                let first_len = moved.chars().next().map_or(0, char::len_utf8);
                checkpoints.push((both_start - base + first_len, next_start));
                out.push_str(&moved);
                checkpoints.push((out.len() - base, next_end));
                previous = moved.chars().last();
                continue;
            }
        }
        if buffer != unit {
            checkpoints.push((out.len() - base, start));
            out.push_str(&buffer);
            checkpoints.push((out.len() - base, end));
        } else {
            out.push_str(unit);
        }
        previous = buffer.chars().last().or(previous);
    }
}

/// Iterates over units: a base character with its combining marks.
struct Units<'a> {
    text: &'a str,
    pos: usize,
}

impl Units<'_> {
    fn next_unit(&mut self) -> Option<(usize, usize)> {
        let rest = &self.text[self.pos..];
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        let mut end = first.len_utf8();
        if first == '\r' {
            // CRLF and lone CR both become one '\n'.
            if rest[end..].starts_with('\n') {
                end += 1;
            }
        } else {
            for (index, c) in chars {
                if is_mark(c) {
                    end = index + c.len_utf8();
                } else {
                    break;
                }
            }
        }
        let start = self.pos;
        self.pos += end;
        Some((start, start + end))
    }
}

/// Writes the normalised form of one unit into `out`.
fn rewrite_unit(unit: &str, out: &mut String) {
    let mut chars = unit.chars();
    let first = chars.next().unwrap_or(' ');
    if unit.len() == first.len_utf8() {
        match first {
            '\r' => out.push('\n'),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            | '\u{2212}' => out.push('-'),
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => out.push('"'),
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                out.push(' ')
            }
            // Zero-width and bidi controls, the BOM and soft hyphen carry no text.
            c if is_ignorable(c) => {}
            other => out.push(other),
        }
        return;
    }
    if unit == "\r\n" {
        out.push('\n');
        return;
    }
    out.extend(unit.nfc());
}

/// Tone marks, in the order grave, acute, hook above, tilde, dot below.
const TONED: [(char, [char; 5]); 10] = [
    ('a', ['à', 'á', 'ả', 'ã', 'ạ']),
    ('e', ['è', 'é', 'ẻ', 'ẽ', 'ẹ']),
    ('o', ['ò', 'ó', 'ỏ', 'õ', 'ọ']),
    ('u', ['ù', 'ú', 'ủ', 'ũ', 'ụ']),
    ('y', ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ']),
    ('A', ['À', 'Á', 'Ả', 'Ã', 'Ạ']),
    ('E', ['È', 'É', 'Ẻ', 'Ẽ', 'Ẹ']),
    ('O', ['Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ']),
    ('U', ['Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ']),
    ('Y', ['Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ']),
];

fn split_tone(c: char) -> Option<(char, usize)> {
    TONED
        .iter()
        .find_map(|(base, toned)| toned.iter().position(|&t| t == c).map(|i| (*base, i)))
}

fn with_tone(base: char, tone: usize) -> char {
    TONED
        .iter()
        .find(|(b, _)| *b == base)
        .map(|(_, toned)| toned[tone])
        .unwrap_or(base)
}

/// If `unit` is `o`/`u` and the next unit carries the tone of an open `oa`/`oe`/`uy`
/// syllable, returns the pair with the tone moved onto the first vowel (`oà` → `òa`).
fn move_tone(previous: Option<char>, unit: &str, rest: &str) -> Option<String> {
    let mut unit_chars = unit.chars();
    let first = unit_chars.next()?;
    if unit_chars.next().is_some() || !matches!(first, 'o' | 'O' | 'u' | 'U') {
        return None;
    }
    // `qu` is an onset: in `quý` the tone belongs on `y` in both conventions.
    if matches!(first, 'u' | 'U') && matches!(previous, Some('q' | 'Q')) {
        return None;
    }
    // The previous letter must not be a vowel (`ươ`, `uô` ... are other syllables).
    if previous.is_some_and(is_vowel) {
        return None;
    }
    let rest = rest.trim_start_matches(is_ignorable);
    // The next unit: a char and the marks after it.
    let mut chars = rest.chars();
    let c = chars.next()?;
    let unit_len = c.len_utf8()
        + chars
            .take_while(|&m| is_mark(m))
            .map(char::len_utf8)
            .sum::<usize>();
    let next_unit = &rest[..unit_len];
    let after = rest[unit_len..].chars().next();
    // A lone char of Latin-1 and Latin Extended-A/B (below U+0300) or Latin Extended
    // Additional is its own NFC: no need to compose it.
    let code = c as u32;
    let second =
        if next_unit.len() == c.len_utf8() && (code < 0x300 || (0x1E00..=0x1EFF).contains(&code)) {
            c
        } else {
            let mut composed = next_unit.nfc();
            let second = composed.next()?;
            if composed.next().is_some() {
                return None;
            }
            second
        };
    let (base, tone) = split_tone(second)?;
    let pair_ok = match first.to_ascii_lowercase() {
        'o' => matches!(base.to_ascii_lowercase(), 'a' | 'e'),
        'u' => base.eq_ignore_ascii_case(&'y'),
        _ => false,
    };
    // Only open syllables: a following letter (`hoàng`, `thuyết`) keeps the tone where it is.
    if !pair_ok || after.is_some_and(|c| crate::is_letter(c) || is_mark(c)) {
        return None;
    }
    let mut moved = String::with_capacity(6);
    moved.push(with_tone(first, tone));
    moved.push(base);
    Some(moved)
}

fn is_vowel(c: char) -> bool {
    let folded = crate::fold::fold_char(c);
    matches!(folded, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

#[cfg(test)]
mod reference;

#[cfg(test)]
mod tests;
