//! Mapping a key back to its input: keying again from a checkpoint ([`walk`]), with a sink
//! that watches for the key byte or input offset asked about.

use super::{dash, decode_short, is_glue, Checkpoint, Key, LETTER_KEYS, LOWER_ALNUM};
use vntask_tokenizer::fold::fold_char;
use vntask_tokenizer::is_mark;

impl Key {
    /// The checkpoint to resume from to reach key byte `written` (the last at or before it).
    fn resume_for(&self, written: usize) -> Checkpoint {
        let after = self.checkpoints.partition_point(|c| c.written <= written);
        after
            .checked_sub(1)
            .and_then(|i| self.checkpoints.get(i))
            .copied()
            .unwrap_or_default()
    }

    /// The input byte where key byte `at` starts, if there is such a key byte; `input` is the
    /// text this is the key of.
    pub(super) fn start_of(&self, input: &str, at: usize) -> Option<usize> {
        let mut probe = Probe::new(at);
        walk(input, self.resume_for(at), &mut probe);
        probe.start
    }

    /// The input byte where key byte `at` ends (after the combining marks that follow it).
    pub(super) fn end_of(&self, input: &str, at: usize) -> Option<usize> {
        let mut probe = Probe::new(at);
        walk(input, self.resume_for(at), &mut probe);
        probe.end
    }

    /// The input byte range of key range `start..end` (empty key ranges give an empty range);
    /// `input` is the text this is the key of.
    pub fn input_range(&self, input: &str, start: usize, end: usize) -> std::ops::Range<usize> {
        if let Some((s, e, from, to)) = self.last_range.get() {
            if (s, e) == (start, end) {
                return from..to;
            }
        }
        let from = self.start_of(input, start).unwrap_or(0);
        let to = end
            .checked_sub(1)
            .and_then(|last| self.end_of(input, last))
            .unwrap_or(from);
        let to = to.max(from);
        self.last_range.set(Some((start, end, from, to)));
        from..to
    }

    /// The key offset of input offset `offset` (the first key byte starting at or after it);
    /// `input` is the text this is the key of.
    pub fn key_offset(&self, input: &str, offset: usize) -> usize {
        // Every key byte before a checkpoint starts before the checkpoint's input offset.
        let after = self.checkpoints.partition_point(|c| c.index <= offset);
        let from = after
            .checked_sub(1)
            .and_then(|i| self.checkpoints.get(i))
            .copied()
            .unwrap_or_default();
        let mut count = Before {
            offset,
            found: None,
        };
        let written = walk(input, from, &mut count);
        count.found.unwrap_or(written)
    }
}

/// What [`walk`] does with the key bytes it makes.
pub(super) trait Sink {
    /// Called before each input character, with where keying stands (`settled`: no white
    /// space waits to be keyed); `false` stops the walk.
    fn boundary(&mut self, index: usize, written: usize, settled: bool, after_glue: bool) -> bool;
    /// Key byte number `at`, from input bytes `start..end`.
    fn put(&mut self, at: usize, byte: u8, start: usize, end: usize);
    /// A combining mark ending at `end` follows key byte `written - 1` (none when 0).
    fn mark(&mut self, written: usize, end: usize);
}

/// Looks for the input range of one key byte.
struct Probe {
    at: usize,
    start: Option<usize>,
    end: Option<usize>,
    done: bool,
}

impl Probe {
    fn new(at: usize) -> Probe {
        Probe {
            at,
            start: None,
            end: None,
            done: false,
        }
    }
}

impl Sink for Probe {
    fn boundary(&mut self, _: usize, _: usize, _: bool, _: bool) -> bool {
        !self.done
    }

    fn put(&mut self, at: usize, _: u8, start: usize, end: usize) {
        if at == self.at {
            self.start = Some(start);
            self.end = Some(end);
        } else if at > self.at {
            // The next key byte is written: marks can no longer extend this one.
            self.done = true;
        }
    }

    fn mark(&mut self, written: usize, end: usize) {
        if written.checked_sub(1) == Some(self.at) {
            self.end = Some(end);
        }
    }
}

/// Counts the key bytes starting before `offset` (they come in input order).
struct Before {
    offset: usize,
    /// The count, once known before the end of the input.
    found: Option<usize>,
}

impl Sink for Before {
    fn boundary(&mut self, index: usize, written: usize, settled: bool, _: bool) -> bool {
        if self.found.is_some() {
            return false;
        }
        if settled && index >= self.offset {
            // Every key byte from here on starts at or after `index`.
            self.found = Some(written);
            return false;
        }
        true
    }

    fn put(&mut self, at: usize, _: u8, start: usize, _: usize) {
        if start >= self.offset && self.found.is_none() {
            self.found = Some(at);
        }
    }

    fn mark(&mut self, _: usize, _: usize) {}
}

/// Keys `text` from checkpoint `from` on, handing each key byte to `sink`, until the text
/// ends or the sink stops; returns how many key bytes were written then (counting those
/// before `from`). Every mapping back ([`Probe`], [`Before`]) walks alike; `key_into` keys the same way
/// faster (the tests hold both to one plain key and its checkpoints to where this walk stands).
#[inline(always)]
pub(super) fn walk<S: Sink>(text: &str, from: Checkpoint, sink: &mut S) -> usize {
    let mut written = from.written;
    // Writes one key byte.
    macro_rules! put {
        ($byte:expr, $start:expr, $end:expr) => {{
            sink.put(written, $byte, $start, $end);
            written += 1;
        }};
    }
    let mut pending_space: Option<(usize, usize)> = None;
    // Whether the last character of the key is glue (`-&,.`), next to which spaces go.
    let mut after_glue = from.after_glue;
    let bytes = text.as_bytes();
    let letter_keys = LETTER_KEYS.as_slice();
    let mut index = from.index;
    while let Some(&byte) = bytes.get(index) {
        if !sink.boundary(index, written, pending_space.is_none(), after_glue) {
            break;
        }
        let lowered = LOWER_ALNUM[usize::from(byte)];
        if lowered != 0 {
            // The commonest case, a plain letter or digit: one key byte for one input byte.
            if let Some((space_start, space_end)) = pending_space.take() {
                if written > 0 && !after_glue {
                    put!(b' ', space_start, space_end);
                }
            }
            put!(lowered, index, index + 1);
            index += 1;
            after_glue = false;
            continue;
        }
        if !byte.is_ascii() {
            // A Vietnamese letter: one key byte for its two or three input bytes.
            let letter = decode_short(bytes, index).and_then(|(code, width)| {
                let key_byte = *letter_keys.get(code as usize)?;
                (key_byte != 0).then_some((key_byte, width))
            });
            if let Some((key_byte, width)) = letter {
                if let Some((space_start, space_end)) = pending_space.take() {
                    if written > 0 && !after_glue {
                        put!(b' ', space_start, space_end);
                    }
                }
                put!(key_byte, index, index + width);
                index += width;
                after_glue = false;
                continue;
            }
        }
        let (folded, end) = if byte.is_ascii() {
            if byte.is_ascii_whitespace() || byte == 0x0B {
                pending_space.get_or_insert((index, index + 1));
                index += 1;
                continue;
            }
            (byte as char, index + 1)
        } else {
            let Some(c) = text.get(index..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let end = index + c.len_utf8();
            if is_mark(c) {
                // A combining mark (decomposed input) belongs to the character before it.
                sink.mark(written, end);
                index = end;
                continue;
            }
            if c.is_whitespace() {
                pending_space.get_or_insert((index, end));
                index = end;
                continue;
            }
            let folded = if dash(c) { '-' } else { fold_char(c) };
            (folded, end)
        };
        if let Some((space_start, space_end)) = pending_space.take() {
            if written > 0 && !after_glue && !is_glue(folded) {
                put!(b' ', space_start, space_end);
            }
        }
        let mut utf8 = [0u8; 4];
        for &key_byte in folded.encode_utf8(&mut utf8).as_bytes() {
            put!(key_byte, index, end);
        }
        after_glue = is_glue(folded);
        index = end;
    }
    written
}
