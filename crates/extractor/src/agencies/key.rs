//! The matching key: the form both the text and the gazetteer's names are reduced to before
//! the automaton runs, with a map back to the original bytes.
//!
//! The key is the diacritic fold of `vntask_tokenizer` (lower case, tone and vowel marks gone,
//! `đ` → `d`), so old and new tone placement (`Hoà` / `Hòa`, `Uỷ` / `Ủy`), text typed without
//! diacritics and capitals all meet. Besides: every dash (`-`, `–`, `—`) is `-`, runs of
//! white space are one space, and spaces next to `-`, `&`, `,` and `.` are dropped, so
//! `Lao động – Thương binh`, `TT & TT`, `TP. Hà Nội` / `TP.Hà Nội` meet their canonical forms.

use super::matcher::memo::Memo;
use vntask_tokenizer::fold::fold_char;
use vntask_tokenizer::is_mark;

/// A key, with the points from which keying can be resumed: the input range of a key byte
/// is found by keying again from the last such point before it ([`Key::input_range`],
/// [`Key::key_offset`]). Keeping the input range of every key byte (two offsets written for
/// each byte) was most of the key's cost, and only a few bytes a text are ever mapped back.
#[derive(Debug, Clone, Default)]
pub struct Key {
    pub text: String,
    /// Where keying stood every [`STRIDE`] key bytes or so, in text order (the first at the
    /// start of a text that is not empty).
    checkpoints: Vec<Checkpoint>,
    /// The last key range mapped back and its input range: the resolver reads a match's
    /// words as written and then keeps the match, mapping the same range twice.
    last_range: std::cell::Cell<Option<(usize, usize, usize, usize)>>,
    /// The agency automaton's answers over this key, once it was scanned (or those of the
    /// key it was cut out of that hold for it): see `matcher::memo`.
    pub memo: std::cell::RefCell<Memo>,
}

/// A point between two input characters where no white space is waiting to be keyed, so
/// keying can start again from it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Checkpoint {
    /// Key bytes written before it.
    written: usize,
    /// Input byte offset of the next character.
    index: usize,
    /// Whether the last key character is glue (`-&,.`).
    after_glue: bool,
}

/// Key bytes between two checkpoints, at least: a mapping back keys again at most about this
/// many bytes.
const STRIDE: usize = 4;

fn is_glue(c: char) -> bool {
    matches!(c, '-' | '&' | ',' | '.')
}

/// Code points below this have an entry in [`LETTER_KEYS`] (Latin, Latin Extended and the
/// Vietnamese letters of U+1EA0..U+1EF9).
const LETTERS_END: u32 = 0x1F00;

/// For each non-ASCII code point below [`LETTERS_END`], the one ASCII byte it keys to when it
/// is a letter that folds to one (`ộ` → `o`, `Đ` → `d`, `ư` → `u`); 0 for anything else
/// (spaces, combining marks, dashes, what folds to glue or to non-ASCII), which goes the
/// general way. Vietnamese text is about one such letter in four bytes, and decoding and
/// folding each one in full was most of the key's cost.
static LETTER_KEYS: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
    (0..LETTERS_END)
        .map(|code| {
            let Some(c) = char::from_u32(code) else {
                return 0;
            };
            if c.is_ascii() || is_mark(c) || c.is_whitespace() || dash(c) {
                return 0;
            }
            let folded = fold_char(c);
            if folded.is_ascii_graphic() && !is_glue(folded) {
                folded as u8
            } else {
                0
            }
        })
        .collect()
});

/// For each byte, its lower case when it is an ASCII letter or digit, else 0: one load
/// tells the commonest bytes of a text and gives their key byte.
static LOWER_ALNUM: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        if b.is_ascii_alphanumeric() {
            table[byte] = b.to_ascii_lowercase();
        }
        byte += 1;
    }
    table
};

/// The dashes keyed as `-`.
fn dash(c: char) -> bool {
    matches!(c, '–' | '—' | '‑' | '−' | '‐')
}

/// The code point of the two- or three-byte UTF-8 sequence at `index`, and its length.
fn decode_short(bytes: &[u8], index: usize) -> Option<(u32, usize)> {
    let lead = u32::from(*bytes.get(index)?);
    let second = u32::from(*bytes.get(index + 1)? & 0x3F);
    match lead {
        0xC0..=0xDF => Some((((lead & 0x1F) << 6) | second, 2)),
        0xE0..=0xEF => {
            let third = u32::from(*bytes.get(index + 2)? & 0x3F);
            Some((((lead & 0x0F) << 12) | (second << 6) | third, 3))
        }
        _ => None,
    }
}

/// How many key bytes [`key`] gathers in a local buffer before appending them to the key.
/// Pushing each byte onto a growing vector kept its length in memory (loaded and stored
/// again for every byte).
const CHUNK: usize = 64;

/// The most key bytes one input character makes: a space before it and four UTF-8 bytes.
const MOST_PER_CHARACTER: usize = 5;

/// Builds the key of `text`. ASCII bytes (most of a Vietnamese text) take a fast path: this
/// runs over every block and clause that assembly reads.
pub fn key(text: &str) -> Key {
    let mut out = Key::default();
    key_into(text, &mut out);
    out
}

/// The key byte of the letter or digit at `index` that keys to one ASCII byte (an ASCII
/// letter or digit, or a Vietnamese letter: `ộ` → `o`), and its input width.
#[inline(always)]
fn simple_letter(bytes: &[u8], index: usize, letter_keys: &[u8]) -> Option<(u8, usize)> {
    let byte = *bytes.get(index)?;
    let lowered = LOWER_ALNUM[usize::from(byte)];
    if lowered != 0 {
        return Some((lowered, 1));
    }
    if byte.is_ascii() {
        return None;
    }
    let (code, width) = decode_short(bytes, index)?;
    let key_byte = *letter_keys.get(code as usize)?;
    (key_byte != 0).then_some((key_byte, width))
}

/// [`key`] into `out`, whose buffers are reused (what it held is dropped): [`shared`] keys
/// into the buffers of the key it evicts, which saves allocations and frees per text.
///
/// This keys as [`walk::walk`] does (the tests hold them to one plain key), but with only the key
/// bytes to write it takes a word's letters in one inner loop, and records a checkpoint
/// after a word or a character once [`STRIDE`] key bytes have passed since the last.
fn key_into(text: &str, out: &mut Key) {
    let mut key_text: Vec<u8> = std::mem::take(&mut out.text).into_bytes();
    key_text.clear();
    key_text.reserve(text.len());
    out.last_range.set(None);
    out.memo.get_mut().clear();
    let checkpoints = &mut out.checkpoints;
    checkpoints.clear();
    checkpoints.reserve(text.len() / STRIDE + 1);
    let bytes = text.as_bytes();
    let letter_keys = LETTER_KEYS.as_slice();
    let mut chunk = [0u8; CHUNK];
    // How many bytes of `chunk` are used, and how many key bytes came before it.
    let mut used = 0usize;
    let mut flushed = 0usize;
    // Writes one key byte (the chunk has room: see the top of the loop).
    macro_rules! put {
        ($byte:expr) => {{
            if let Some(slot) = chunk.get_mut(used) {
                *slot = $byte;
            }
            used += 1;
        }};
    }
    // Key bytes written when the next checkpoint is due.
    let mut next = STRIDE;
    if !bytes.is_empty() {
        checkpoints.push(Checkpoint::default());
    }
    // Records a checkpoint before input byte `index`, when one is due (no space pending).
    macro_rules! checkpoint {
        ($index:expr, $after_glue:expr) => {{
            let written = flushed + used;
            if written >= next {
                checkpoints.push(Checkpoint {
                    written,
                    index: $index,
                    after_glue: $after_glue,
                });
                next = written + STRIDE;
            }
        }};
    }
    // White space was read since the last key byte (keyed as one space, or none).
    let mut pending_space = false;
    // Whether the last character of the key is glue (`-&,.`), next to which spaces go.
    let mut after_glue = false;
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        // Room for the most one character keys to (a space and four UTF-8 bytes).
        if used > CHUNK - MOST_PER_CHARACTER {
            key_text.extend_from_slice(chunk.get(..used).unwrap_or_default());
            flushed += used;
            used = 0;
        }
        if let Some((key_byte, width)) = simple_letter(bytes, index, letter_keys) {
            if pending_space {
                if flushed + used > 0 && !after_glue {
                    put!(b' ');
                }
                pending_space = false;
            }
            put!(key_byte);
            index += width;
            // The rest of the word, as far as the chunk holds (a longer word goes on at the
            // next turn, with no space pending: as if it had not been cut).
            while used < CHUNK {
                let Some((key_byte, width)) = simple_letter(bytes, index, letter_keys) else {
                    break;
                };
                put!(key_byte);
                index += width;
            }
            after_glue = false;
            checkpoint!(index, false);
            continue;
        }
        let (folded, end) = if byte.is_ascii() {
            if byte.is_ascii_whitespace() || byte == 0x0B {
                pending_space = true;
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
                index = end;
                continue;
            }
            if c.is_whitespace() {
                pending_space = true;
                index = end;
                continue;
            }
            let folded = if dash(c) { '-' } else { fold_char(c) };
            (folded, end)
        };
        if pending_space {
            if flushed + used > 0 && !after_glue && !is_glue(folded) {
                put!(b' ');
            }
            pending_space = false;
        }
        let mut utf8 = [0u8; 4];
        for &key_byte in folded.encode_utf8(&mut utf8).as_bytes() {
            put!(key_byte);
        }
        after_glue = is_glue(folded);
        index = end;
        checkpoint!(index, after_glue);
    }
    key_text.extend_from_slice(chunk.get(..used).unwrap_or_default());
    // Only whole characters were written, so the bytes are UTF-8.
    out.text = String::from_utf8(key_text)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
}

/// How many recent keys [`shared`] keeps per thread.
const RECENT: usize = 8;

/// A text keyed recently: a copy of it, the address range it had (a hint at which later
/// texts are parts of it), and its key.
struct Recent {
    text: String,
    address: std::ops::Range<usize>,
    key: std::rc::Rc<Key>,
}

/// The recent keys of a thread, and the last one evicted (its buffers are reused).
struct Recents {
    keys: Vec<Recent>,
    spare: Option<std::rc::Rc<Key>>,
}

thread_local! {
    /// The texts keyed last on this thread, newest last, with their keys.
    static RECENT_KEYS: std::cell::RefCell<Recents> = const {
        std::cell::RefCell::new(Recents {
            keys: Vec::new(),
            spare: None,
        })
    };
}

fn address_range(text: &str) -> std::ops::Range<usize> {
    let start = text.as_ptr() as usize;
    start..start + text.len()
}

/// [`key`], shared with the last few callers that keyed the same text on this thread.
/// Assembly finds a text's mentions and then decides their roles over the same text, and
/// both need its key: keying was about a tenth of the run, half of it done twice. A text is
/// recognised by its content (a comparison costs far less than keying).
///
/// Assembly also keys each sentence and clause of a block right after the block: when the
/// text lies inside a recently keyed one (by address, confirmed by content), its key is cut
/// out of that key ([`key_of_part`]) instead of being made again.
pub fn shared(text: &str) -> std::rc::Rc<Key> {
    RECENT_KEYS.with(|recent| {
        let mut recent = recent.borrow_mut();
        let Recents { keys, spare } = &mut *recent;
        if let Some(found) = keys.iter().rev().find(|r| r.text == text) {
            return std::rc::Rc::clone(&found.key);
        }
        let address = address_range(text);
        // The key evicted last, when no caller holds it any more: its allocation and buffers
        // take the new key (a key, its text, checkpoints and memo were four allocations a
        // text, most of them for sentences and clauses cut out of their block's key).
        let mut made = match spare.take() {
            Some(old) if std::rc::Rc::strong_count(&old) == 1 => old,
            _ => std::rc::Rc::new(Key::default()),
        };
        match std::rc::Rc::get_mut(&mut made) {
            Some(target) => fill(keys, text, &address, target),
            None => {
                let mut target = Key::default();
                fill(keys, text, &address, &mut target);
                made = std::rc::Rc::new(target);
            }
        }
        // The oldest entry goes; its text buffer takes the new text, its key waits as the
        // spare.
        let mut copy = match (keys.len() >= RECENT).then(|| keys.remove(0)) {
            Some(old) => {
                *spare = Some(old.key);
                old.text
            }
            None => String::new(),
        };
        copy.clear();
        copy.push_str(text);
        keys.push(Recent {
            text: copy,
            address,
            key: std::rc::Rc::clone(&made),
        });
        made
    })
}

/// Writes the key of `text` into `target`: cut out of a recent key whose text holds it
/// (see [`shared`]), or keyed afresh.
fn fill(keys: &[Recent], text: &str, address: &std::ops::Range<usize>, target: &mut Key) {
    let cut = keys.iter().rev().any(|r| {
        if r.address.start > address.start || address.end > r.address.end {
            return false;
        }
        // The address is only a hint (the buffer may have been reused since): the
        // content decides.
        let part = address.start - r.address.start..address.end - r.address.start;
        if r.text.get(part.clone()) != Some(text) {
            return false;
        }
        key_of_part_into(&r.text, &r.key, part, target)
    });
    if !cut {
        key_into(text, target);
    }
}

/// Whether key byte `index` of `whole`'s key is a space standing for white space (not a
/// character that keys to a space).
fn is_keyed_space(whole: &str, key: &Key, index: usize) -> bool {
    key.text.as_bytes().get(index) == Some(&b' ')
        && key
            .start_of(whole, index)
            .and_then(|start| whole.get(start..))
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| c.is_whitespace() || c == '\u{b}')
}

/// The key of `whole[part]`, cut out of `key`, the key of `whole`; `None` when it cannot be
/// (a combining mark after the part extended its last character) and the part must be
/// keyed itself.
///
/// Keying goes left to right, and once the part's first character is keyed the state (the
/// key is not empty, whether the last character is glue, no pending space) is the same
/// whether the part is keyed alone or inside `whole`. The two keys differ only at the edges:
/// - `whole` may key a space for white space right before the part's first character (the
///   space starting in the part or before it): the part alone keys none;
/// - `whole` may key a space for white space at the end of the part, when a character
///   follows the part: the part alone keys none;
/// - in `whole`, marks after the part extend the part's last character.
///
/// So the part's key is the key bytes of the characters starting in the part, without a
/// white-space space first or last, with offsets from the part's start.
#[cfg(test)]
pub(super) fn key_of_part(whole: &str, key: &Key, part: std::ops::Range<usize>) -> Option<Key> {
    let mut out = Key::default();
    key_of_part_into(whole, key, part, &mut out).then_some(out)
}

/// [`key_of_part`] written into `out`'s buffers; `false` (and `out` left in any state) when
/// the part must be keyed itself.
fn key_of_part_into(whole: &str, key: &Key, part: std::ops::Range<usize>, out: &mut Key) -> bool {
    out.text.clear();
    out.checkpoints.clear();
    out.last_range.set(None);
    let mut first = key.key_offset(whole, part.start);
    let mut last = key.key_offset(whole, part.end);
    if first < last && is_keyed_space(whole, key, first) {
        first += 1;
    }
    if first < last && is_keyed_space(whole, key, last - 1) {
        last -= 1;
    }
    if first >= last {
        out.memo.get_mut().clear();
        return true;
    }
    if key.end_of(whole, last - 1).is_none_or(|end| end > part.end) {
        return false;
    }
    let Some(text) = key.text.get(first..last) else {
        return false;
    };
    // The part alone starts afresh; past its first character, keying stands inside `whole`
    // as it does in the part alone, so the checkpoints after it serve, shifted (each comes
    // after key byte `first`, which starts at or after the part's start).
    let from = key.checkpoints.partition_point(|c| c.written <= first);
    let to = key.checkpoints.partition_point(|c| c.written < last);
    let inside = key
        .checkpoints
        .get(from..to)
        .unwrap_or_default()
        .iter()
        .map(|c| Checkpoint {
            written: c.written - first,
            index: c.index.wrapping_sub(part.start),
            after_glue: c.after_glue,
        });
    out.text.push_str(text);
    out.checkpoints.push(Checkpoint::default());
    out.checkpoints.extend(inside);
    match key.memo.try_borrow() {
        Ok(memo) => memo.part_into(first, last, out.memo.get_mut()),
        Err(_) => out.memo.get_mut().clear(),
    }
    true
}

/// The key of a name, as a plain string (for building patterns).
pub fn key_str(text: &str) -> String {
    key(text).text
}

/// Whether key byte `offset` starts a word (nothing alphanumeric right before it).
pub fn starts_word(key: &str, offset: usize) -> bool {
    key.get(..offset)
        .and_then(|before| before.chars().next_back())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Whether key byte `offset` ends a word (nothing alphanumeric right after it).
pub fn ends_word(key: &str, offset: usize) -> bool {
    key.get(offset..)
        .and_then(|after| after.chars().next())
        .is_none_or(|c| !c.is_alphanumeric())
}

mod walk;

#[cfg(test)]
mod tests;
