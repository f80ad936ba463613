//! Cleaning one range of the source: conversion artifacts cut out (and remembered), white
//! space folded, text normalised, with a map from every offset of the clean text back to the
//! source.

mod artifacts;
#[cfg(target_arch = "x86_64")]
mod spacing;

use crate::Footnote;
use artifacts::artifacts;
use std::ops::Range;
use std::sync::LazyLock;
use vntask_tokenizer::{normalize_with_map, OffsetMap};

/// Text cleaned from a range of the source, with its map back and the ranges cut out.
#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    pub text: String,
    pub map: OffsetMap,
    /// Source ranges cut out as artifacts (footnote markers and bodies, bookmarks, emphasis).
    pub removed: Vec<Range<usize>>,
    /// Inline footnote bodies found in the range.
    pub footnotes: Vec<Footnote>,
}

impl Cleaned {
    /// The part of this text from byte `skip` on (a label taken off), with leading spaces
    /// dropped; its map still points into the source.
    pub fn without_prefix(&self, skip: usize) -> Cleaned {
        let skip = floor_char(&self.text, skip.min(self.text.len()));
        let rest = &self.text[skip..];
        let skip = skip + (rest.len() - rest.trim_start().len());
        let mut checkpoints = vec![(0, self.map.to_input(skip))];
        for &(out, input) in self.map.checkpoints() {
            if out > skip {
                checkpoints.push((out - skip, input));
            }
        }
        Cleaned {
            text: self.text[skip..].to_string(),
            map: OffsetMap::from_checkpoints(checkpoints, map_end(&self.map)),
            removed: self.removed.clone(),
            footnotes: self.footnotes.clone(),
        }
    }
}

impl Cleaned {
    /// [`Cleaned::without_prefix`], taking this text apart instead of copying it: the text
    /// loses its first bytes in place and the map its first checkpoints.
    pub fn into_without_prefix(mut self, skip: usize) -> Cleaned {
        let skip = floor_char(&self.text, skip.min(self.text.len()));
        let rest = &self.text[skip..];
        let skip = skip + (rest.len() - rest.trim_start().len());
        let first = (0, self.map.to_input(skip));
        let end = map_end(&self.map);
        let mut checkpoints = std::mem::take(&mut self.map).into_checkpoints();
        checkpoints.retain(|&(out, _)| out > skip);
        for checkpoint in &mut checkpoints {
            checkpoint.0 -= skip;
        }
        checkpoints.insert(0, first);
        self.text.drain(..skip);
        Cleaned {
            text: self.text,
            map: OffsetMap::from_checkpoints(checkpoints, end),
            removed: self.removed,
            footnotes: self.footnotes,
        }
    }
}

/// The input end a map was built with (the end of the cleaned range).
fn map_end(map: &OffsetMap) -> usize {
    map.to_input(usize::MAX / 2)
}

fn floor_char(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Cleans `source[range]`: artifacts (and the `extra` source ranges, e.g. Markdown markup)
/// cut, white space runs folded to one space, text normalised.
pub fn clean(source: &str, range: Range<usize>, extra: &[Range<usize>]) -> Cleaned {
    clean_line(source, range, extra).0
}

/// [`clean`], and whether `source[range]` as a whole normalises to itself (nothing was cut
/// and normalisation changed nothing; white space may still have been folded).
pub fn clean_line(source: &str, range: Range<usize>, extra: &[Range<usize>]) -> (Cleaned, bool) {
    let Some(raw) = source.get(range.clone()) else {
        return (Cleaned::default(), false);
    };
    let (mut cuts, footnotes) = artifacts(raw, range.start);
    for cut in extra {
        let start = cut.start.max(range.start);
        let end = cut.end.min(range.end);
        if start < end {
            cuts.push(start - range.start..end - range.start);
        }
    }
    cuts.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for cut in cuts {
        match merged.last_mut() {
            Some(last) if cut.start <= last.end => last.end = last.end.max(cut.end),
            _ => merged.push(cut),
        }
    }
    let removed: Vec<Range<usize>> = merged
        .iter()
        .map(|r| range.start + r.start..range.start + r.end)
        .collect();
    let mut unchanged = merged.is_empty();
    let mut builder = Builder::with_capacity(raw.len());
    // The kept pieces between the cuts (most lines: one piece, the whole line).
    let mut position = 0;
    for cut in merged
        .iter()
        .chain(std::iter::once(&(raw.len()..raw.len())))
    {
        if cut.start > position {
            if let Some(piece) = raw.get(position..cut.start) {
                unchanged &= push_normalised(&mut builder, piece, range.start + position);
            }
        }
        position = position.max(cut.end);
    }
    let (text, map) = builder.finish(range.end);
    let cleaned = Cleaned {
        text,
        map,
        removed,
        footnotes,
    };
    (cleaned, unchanged)
}

/// Pushes the normalised form of `piece`, which stands at `source` in the source; true when
/// normalisation left it as it is. Most pieces are found normal by one quick scan and pushed
/// straight from the source; the rest are normalised with their map first.
fn push_normalised(builder: &mut Builder, piece: &str, source: usize) -> bool {
    // The scan for normal text tells whether the piece is words one ASCII space apart too;
    // when it cannot say, the piece is looked at again.
    let (normal, spaced) = vntask_tokenizer::is_normal_spaced(piece);
    if normal {
        let spaced = spaced || single_spaced(piece);
        builder.push_run_spaced(piece, source, |end| source + end, spaced);
        return true;
    }
    let (normalised, map) = normalize_with_map(piece);
    push_mapped(builder, &normalised, &map, source);
    normalised == piece
}

/// Builds a clean text char by char from source positions, folding white space, with the
/// checkpoints of its offset map.
#[derive(Default)]
pub struct Builder {
    text: String,
    checkpoints: Vec<(usize, usize)>,
    /// Source offset the next char would have if the texts ran in step.
    next_source: Option<usize>,
    /// Source end of the last char pushed.
    last_end: Option<usize>,
    pending_space: Option<usize>,
}

impl Builder {
    /// A builder for a text of about `len` bytes.
    pub fn with_capacity(len: usize) -> Self {
        Builder {
            text: String::with_capacity(len),
            // A line's text maps back with two checkpoints (its start and its end) unless
            // something in it was cut or rewritten: room for those at once, instead of a
            // first push that allocates and may grow again.
            checkpoints: if len == 0 {
                Vec::new()
            } else {
                Vec::with_capacity(2)
            },
            ..Builder::default()
        }
    }

    /// Pushes `c`, which stands for `source` in the source; white space is folded and
    /// trimmed.
    pub fn push_char(&mut self, c: char, source: Range<usize>) {
        if c.is_whitespace() {
            if !self.text.is_empty() && self.pending_space.is_none() {
                self.pending_space = Some(source.start);
            }
            return;
        }
        if let Some(space_source) = self.pending_space.take() {
            self.emit(' ', space_source);
        }
        self.emit(c, source.start);
        self.last_end = Some(source.end.max(source.start));
    }

    /// Pushes `run`, whose chars stand for the source from `source` on in step (the char at
    /// byte `i` of the run for `source + i`); `end_of` gives the source end of the char
    /// ending at byte `i`. The same as [`Builder::push_char`] for each char, with one push
    /// per stretch between white space.
    fn push_run(&mut self, run: &str, source: usize, end_of: impl Fn(usize) -> usize) {
        self.push_run_spaced(run, source, end_of, single_spaced(run));
    }

    /// [`Builder::push_run`] of a run known to be words one ASCII space apart (`spaced`: see
    /// [`single_spaced`]) or not.
    fn push_run_spaced(
        &mut self,
        run: &str,
        source: usize,
        end_of: impl Fn(usize) -> usize,
        spaced: bool,
    ) {
        let mut position = 0;
        let mut last_word: Option<Range<usize>> = None;
        if spaced {
            // Most runs: words one ASCII space apart, pushed in one piece.
            position = run.len();
            if let Some(space_source) = self.pending_space.take() {
                self.emit(' ', space_source);
            }
            self.emit_str(run, source);
            last_word = Some(0..run.len());
        }
        while position < run.len() {
            // A stretch of non-white-space chars.
            let start = position;
            position = words_end(run, position);
            let position_end = position;
            if position_end > start {
                if let Some(space_source) = self.pending_space.take() {
                    self.emit(' ', space_source);
                }
                self.emit_str(&run[start..position_end], source + start);
                last_word = Some(start..position_end);
            }
            // A stretch of white space.
            while position < run.len() {
                let width = whitespace_width(run, position);
                if width == 0 {
                    break;
                }
                if !self.text.is_empty() && self.pending_space.is_none() {
                    self.pending_space = Some(source + position);
                }
                position += width;
            }
        }
        if let Some(word) = last_word {
            // The last char's source range, as push_char records it.
            let last_len = run[word.clone()]
                .chars()
                .next_back()
                .map_or(0, char::len_utf8);
            let last_start = source + word.end - last_len;
            self.last_end = Some(end_of(word.end).max(last_start));
        }
    }

    /// Pushes a separator (such as ` | `) that stands for the source at `source`.
    pub fn push_separator(&mut self, separator: &str, source: usize) {
        self.pending_space = None;
        if self.text.is_empty() {
            return;
        }
        for c in separator.chars() {
            self.emit(c, source);
        }
        // The separator stands for nothing in the source: re-anchor the next char.
        self.next_source = None;
    }

    /// Pushes an already clean text with its map (a [`Cleaned`]).
    pub fn push_cleaned(&mut self, cleaned: &Cleaned) {
        push_mapped(self, &cleaned.text, &cleaned.map, 0);
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn emit(&mut self, c: char, source: usize) {
        if self.next_source != Some(source) {
            let out = self.text.len();
            match self.checkpoints.last_mut() {
                Some(last) if last.0 == out => last.1 = source,
                _ => self.checkpoints.push((out, source)),
            }
        }
        self.text.push(c);
        self.next_source = Some(source + c.len_utf8());
    }

    /// `text`, whose chars stand for the source from `source` on in step: what `emit` does
    /// for each of its chars, in one push.
    fn emit_str(&mut self, text: &str, source: usize) {
        if self.next_source != Some(source) {
            let out = self.text.len();
            match self.checkpoints.last_mut() {
                Some(last) if last.0 == out => last.1 = source,
                _ => self.checkpoints.push((out, source)),
            }
        }
        self.text.push_str(text);
        self.next_source = Some(source + text.len());
    }

    /// The text and its map; `end` is the source end of the cleaned range.
    pub fn finish(self, end: usize) -> (String, OffsetMap) {
        let mut checkpoints = self.checkpoints;
        if let Some(last_end) = self.last_end {
            // The end of the text maps to the end of its last char in the source.
            let out = self.text.len();
            match checkpoints.last_mut() {
                Some(last) if last.0 == out => last.1 = last_end.min(end),
                _ => checkpoints.push((out, last_end.min(end))),
            }
        }
        (self.text, OffsetMap::from_checkpoints(checkpoints, end))
    }
}

/// Pushes `text`, whose offsets `map` takes to the source (plus `base`): the same as
/// [`Builder::push_char`] for each char, done a run at a time where the map is in step.
fn push_mapped(builder: &mut Builder, text: &str, map: &OffsetMap, base: usize) {
    let mut index = 0;
    while index < text.len() {
        let mut stop = map.in_step_until(index).min(text.len());
        while !text.is_char_boundary(stop) {
            stop += 1;
        }
        builder.push_run(&text[index..stop], base + map.to_input(index), |end| {
            base + map.to_input(index + end)
        });
        index = stop;
    }
}

/// Whether `text` is words one ASCII space apart (the only white space, never two in a row,
/// not first or last): what [`words_end`] takes in one piece, told with a few memchr scans
/// instead of a look-up per byte. White space other than ` ` has a byte `09`..`0D` or the
/// lead byte `C2`, `E2` or `E3`, or is U+1680 (`E1 9A 80`).
fn single_spaced(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    first != b' '
        && last != b' '
        && memchr::memchr3(b'\t', b'\n', b'\r', bytes).is_none()
        && memchr::memchr2(b'\x0b', b'\x0c', bytes).is_none()
        && memchr::memchr3(0xC2, 0xE2, 0xE3, bytes).is_none()
        && TWO_SPACES.find(bytes).is_none()
        && OGHAM_SPACE.find(bytes).is_none()
}

/// The searchers of [`single_spaced`], built once (`memmem::find` builds one per call).
static TWO_SPACES: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"  "));
static OGHAM_SPACE: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("\u{1680}".as_bytes()));

/// The bytes that may start a white space char: ASCII white space and the lead bytes of
/// those past ASCII (see [`whitespace_width`]); no other byte, continuation bytes included.
static WHITESPACE_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = [
        b' ', b'\t', b'\n', 0x0b, 0x0c, b'\r', 0xC2, 0xE1, 0xE2, 0xE3,
    ];
    let mut index = 0;
    while index < bytes.len() {
        table[bytes[index] as usize] = true;
        index += 1;
    }
    table
};

/// The end of the stretch of words of `text` from `position` (not white space) that stand
/// one ASCII space apart: pushed char by char such a stretch comes out as it is, each space
/// standing for itself, so it can be pushed in one piece.
///
/// On x86-64 the stretch is passed over sixteen bytes at a time first (see
/// [`spacing::words_start`]), up to the word where it may end.
#[inline]
fn words_end(text: &str, mut position: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        #[cfg(target_arch = "x86_64")]
        if bytes
            .get(position)
            .is_some_and(|&b| !WHITESPACE_BYTES[usize::from(b)])
        {
            position = spacing::words_start(bytes, position);
        }
        let end = word_end(text, position);
        let single_space = end > position
            && bytes.get(end) == Some(&b' ')
            && end + 1 < text.len()
            && whitespace_width(text, end + 1) == 0;
        if !single_space {
            return end;
        }
        position = end + 1;
    }
}

/// The end of the stretch of chars of `text` from `position` that are not white space.
#[inline]
fn word_end(text: &str, mut position: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        let Some(at) = bytes[position..]
            .iter()
            .position(|&b| WHITESPACE_BYTES[usize::from(b)])
        else {
            return text.len();
        };
        position += at;
        if whitespace_width(text, position) > 0 {
            return position;
        }
        // A lead byte of a char that is not white space; its continuation bytes are never
        // in the table.
        position += 1;
    }
}

/// The byte length of the char at `position` of `text` if it is white space, else 0.
#[inline]
fn whitespace_width(text: &str, position: usize) -> usize {
    let bytes = text.as_bytes();
    match bytes[position] {
        b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' => 1,
        0..=0x7F => 0,
        // Lead bytes of the white space chars past ASCII: U+0085, U+00A0 (C2), U+1680 (E1),
        // U+2000..U+205F (E2), U+3000 (E3).
        0xC2 | 0xE1 | 0xE2 | 0xE3 => text[position..]
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
        _ => 0,
    }
}

#[cfg(test)]
mod tests;
