//! The matching key: the form both the text and the gazetteer's names are reduced to before
//! the automaton runs, with a map back to the original bytes.
//!
//! The key is the diacritic fold of `vntask_tokenizer` (lower case, tone and vowel marks gone,
//! `đ` → `d`), so old and new tone placement (`Hoà` / `Hòa`, `Uỷ` / `Ủy`), text typed without
//! diacritics and capitals all meet. Besides: every dash (`-`, `–`, `—`) is `-`, runs of
//! white space are one space, and spaces next to `-`, `&`, `,` and `.` are dropped, so
//! `Lao động – Thương binh`, `TT & TT`, `TP. Hà Nội` / `TP.Hà Nội` meet their canonical forms.

use vntask_tokenizer::fold::fold_char;
use vntask_tokenizer::is_mark;

/// A key and, for each of its bytes, the byte range of the input character it came from.
#[derive(Debug, Clone, Default)]
pub struct Key {
    pub text: String,
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl Key {
    /// The input byte range of key range `start..end` (empty key ranges give an empty range).
    pub fn input_range(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let from = self.starts.get(start).copied().unwrap_or(0);
        let to = end
            .checked_sub(1)
            .and_then(|last| self.ends.get(last))
            .copied()
            .unwrap_or(from);
        from..to.max(from)
    }

    /// The key offset of input offset `offset` (the first key byte at or after it).
    pub fn key_offset(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s < offset)
    }
}

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

/// How many key bytes [`key`] gathers in local buffers before appending them to the key.
/// Pushing each byte onto three growing vectors kept their lengths in memory (loaded and
/// stored again for every byte) and was most of the key's cost.
const CHUNK: usize = 64;

/// Key bytes not yet appended to the key, with their input ranges.
struct Chunk {
    text: [u8; CHUNK],
    starts: [usize; CHUNK],
    ends: [usize; CHUNK],
}

impl Chunk {
    /// Appends the first `len` bytes to the key's buffers.
    #[inline(never)]
    fn flush(
        &self,
        len: usize,
        text: &mut Vec<u8>,
        starts: &mut Vec<usize>,
        ends: &mut Vec<usize>,
    ) {
        text.extend_from_slice(self.text.get(..len).unwrap_or_default());
        starts.extend_from_slice(self.starts.get(..len).unwrap_or_default());
        ends.extend_from_slice(self.ends.get(..len).unwrap_or_default());
    }
}

/// Builds the key of `text`. ASCII bytes (most of a Vietnamese text) take a fast path: this
/// runs over every block and clause that assembly reads.
pub fn key(text: &str) -> Key {
    let mut key_text: Vec<u8> = Vec::with_capacity(text.len());
    let mut starts: Vec<usize> = Vec::with_capacity(text.len());
    let mut ends: Vec<usize> = Vec::with_capacity(text.len());
    let mut chunk = Chunk {
        text: [0; CHUNK],
        starts: [0; CHUNK],
        ends: [0; CHUNK],
    };
    // How many bytes of `chunk` are used.
    let mut used = 0usize;
    // Writes one key byte.
    macro_rules! put {
        ($byte:expr, $start:expr, $end:expr) => {{
            if used >= CHUNK {
                chunk.flush(used, &mut key_text, &mut starts, &mut ends);
                used = 0;
            }
            if let (Some(t), Some(s), Some(e)) = (
                chunk.text.get_mut(used),
                chunk.starts.get_mut(used),
                chunk.ends.get_mut(used),
            ) {
                *t = $byte;
                *s = $start;
                *e = $end;
            }
            used += 1;
        }};
    }
    let mut pending_space: Option<(usize, usize)> = None;
    // Whether the last character of the key is glue (`-&,.`), next to which spaces go.
    let mut after_glue = false;
    let bytes = text.as_bytes();
    let letter_keys = LETTER_KEYS.as_slice();
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        if byte.is_ascii_alphanumeric() {
            // The commonest case, a plain letter or digit: one key byte for one input byte.
            if let Some((space_start, space_end)) = pending_space.take() {
                if (used > 0 || !key_text.is_empty()) && !after_glue {
                    put!(b' ', space_start, space_end);
                }
            }
            put!(byte.to_ascii_lowercase(), index, index + 1);
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
                    if (used > 0 || !key_text.is_empty()) && !after_glue {
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
                let last = match used.checked_sub(1) {
                    Some(last) => chunk.ends.get_mut(last),
                    None => ends.last_mut(),
                };
                if let Some(last) = last {
                    *last = end;
                }
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
            if (used > 0 || !key_text.is_empty()) && !after_glue && !is_glue(folded) {
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
    chunk.flush(used, &mut key_text, &mut starts, &mut ends);
    // Only whole characters were written, so the bytes are UTF-8.
    let text = String::from_utf8(key_text)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Key { text, starts, ends }
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

thread_local! {
    /// The texts keyed last on this thread, newest last, with their keys.
    static RECENT_KEYS: std::cell::RefCell<Vec<Recent>> =
        const { std::cell::RefCell::new(Vec::new()) };
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
        if let Some(found) = recent.iter().rev().find(|r| r.text == text) {
            return std::rc::Rc::clone(&found.key);
        }
        let address = address_range(text);
        let part = recent.iter().rev().find_map(|r| {
            if r.address.start > address.start || address.end > r.address.end {
                return None;
            }
            // The address is only a hint (the buffer may have been reused since): the
            // content decides.
            let part = address.start - r.address.start..address.end - r.address.start;
            if r.text.get(part.clone()) != Some(text) {
                return None;
            }
            key_of_part(&r.text, &r.key, part)
        });
        let made = std::rc::Rc::new(part.unwrap_or_else(|| key(text)));
        if recent.len() >= RECENT {
            recent.remove(0);
        }
        recent.push(Recent {
            text: text.to_string(),
            address,
            key: std::rc::Rc::clone(&made),
        });
        made
    })
}

/// Whether key byte `index` of `whole`'s key is a space standing for white space (not a
/// character that keys to a space).
fn is_keyed_space(whole: &str, key: &Key, index: usize) -> bool {
    key.text.as_bytes().get(index) == Some(&b' ')
        && key
            .starts
            .get(index)
            .and_then(|&start| whole.get(start..))
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
fn key_of_part(whole: &str, key: &Key, part: std::ops::Range<usize>) -> Option<Key> {
    let mut first = key.starts.partition_point(|&s| s < part.start);
    let mut last = key.starts.partition_point(|&s| s < part.end);
    if first < last && is_keyed_space(whole, key, first) {
        first += 1;
    }
    if first < last && is_keyed_space(whole, key, last - 1) {
        last -= 1;
    }
    if first >= last {
        return Some(Key::default());
    }
    let ends = key.ends.get(first..last)?;
    if ends.last().is_some_and(|&end| end > part.end) {
        return None;
    }
    let mut starts = key.starts.get(first..last)?.to_vec();
    let mut ends = ends.to_vec();
    // Every key byte taken starts (and so ends) at or after the part's start.
    for offset in starts.iter_mut().chain(ends.iter_mut()) {
        *offset = offset.wrapping_sub(part.start);
    }
    Some(Key {
        text: key.text.get(first..last)?.to_string(),
        starts,
        ends,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_meet() {
        assert_eq!(
            key_str("Bộ Lao động – Thương binh và Xã hội"),
            key_str("Bộ Lao động-Thương binh và Xã hội")
        );
        assert_eq!(key_str("Bộ TT & TT"), "bo tt&tt");
        assert_eq!(key_str("TP. Hà  Nội"), "tp.ha noi");
        assert_eq!(key_str("Uỷ ban"), key_str("Ủy ban"));
        assert_ne!(key_str("Bộ Công an"), key_str("Bộ Công Thương"));
    }

    /// The plain char-by-char key that the fast path must agree with.
    fn reference_key(text: &str) -> Key {
        let mut out = Key::default();
        let mut pending_space: Option<(usize, usize)> = None;
        for (index, c) in text.char_indices() {
            let end = index + c.len_utf8();
            if is_mark(c) {
                if let Some(last) = out.ends.last_mut() {
                    *last = end;
                }
                continue;
            }
            if c.is_whitespace() {
                pending_space.get_or_insert((index, end));
                continue;
            }
            let folded = match c {
                '–' | '—' | '‑' | '−' | '‐' => '-',
                _ => fold_char(c),
            };
            if let Some((space_start, space_end)) = pending_space.take() {
                let after_glue = out.text.chars().last().is_some_and(is_glue);
                if !out.text.is_empty() && !after_glue && !is_glue(folded) {
                    out.text.push(' ');
                    out.starts.push(space_start);
                    out.ends.push(space_end);
                }
            }
            for _ in 0..folded.len_utf8() {
                out.starts.push(index);
                out.ends.push(end);
            }
            out.text.push(folded);
        }
        out
    }

    #[test]
    fn fast_path_agrees_with_the_plain_key() {
        let mut texts: Vec<String> = [
            "Giao  Bộ TT & TT làm",
            "\u{b}Bộ\u{c}Y\u{a0}tế – Sở\tNội vụ ,  TP. Hà Nội",
            "Bo\u{0323} Ta\u{300}i chi\u{301}nh",
            "  - & . ",
            "",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        // Marks, spaces and glue on both sides of where the key is flushed in chunks.
        for n in CHUNK - 3..CHUNK + 3 {
            let run = "a".repeat(n);
            texts.push(format!("{run}\u{301} b"));
            texts.push(format!("{run} \u{301}b"));
            texts.push(format!("{run}  - Ộ{run}ệ\u{300}"));
            texts.push(format!("{}{run}", "\u{301}".repeat(3)));
        }
        texts.extend(crate::test_support::seed_lines());
        assert!(texts.len() > 100, "the seeds were read");
        for text in &texts {
            let (fast, plain) = (key(text), reference_key(text));
            assert_eq!(fast.text, plain.text, "{text}");
            assert_eq!(fast.starts, plain.starts, "{text}");
            assert_eq!(fast.ends, plain.ends, "{text}");
        }
    }

    #[test]
    fn every_letter_in_the_table_keys_as_the_plain_key_does() {
        for code in 0x80..LETTERS_END + 0x100 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            for text in [
                format!("a{c}b"),
                format!("x {c}"),
                format!("{c}\u{301} - y"),
                format!("z.{c}, {c}{c}"),
            ] {
                let (fast, plain) = (key(&text), reference_key(&text));
                assert_eq!(fast.text, plain.text, "U+{code:04X}");
                assert_eq!(fast.starts, plain.starts, "U+{code:04X}");
                assert_eq!(fast.ends, plain.ends, "U+{code:04X}");
            }
        }
    }

    #[test]
    fn shared_keys_are_the_keys_of_the_same_text() {
        let a = "Giao Bộ Tài chính chủ trì";
        let first = shared(a);
        // The same words in another buffer are the same text.
        let copy: String = a.chars().collect();
        let again = shared(&copy);
        assert!(std::rc::Rc::ptr_eq(&first, &again));
        assert_eq!(first.text, key(a).text);
        let b = "Giao Bộ Tài chính chủ trì.";
        assert_eq!(shared(b).text, key(b).text);
        // Once more than RECENT other texts were keyed, the key is made again, alike.
        for n in 0..=RECENT {
            shared(&format!("Bộ {n}"));
        }
        let remade = shared(a);
        assert!(!std::rc::Rc::ptr_eq(&first, &remade));
        assert_eq!(remade.text, first.text);
        assert_eq!(remade.starts, first.starts);
        assert_eq!(remade.ends, first.ends);
    }

    /// Asserts that the key cut out of `whole`'s key for `part` is `part`'s own key, or that
    /// none is cut; returns whether one was.
    fn check_part(whole: &str, whole_key: &Key, part: std::ops::Range<usize>) -> bool {
        let own = key(&whole[part.clone()]);
        let Some(cut) = key_of_part(whole, whole_key, part.clone()) else {
            return false;
        };
        let at = format!("{:?} in {whole:?}", &whole[part]);
        assert_eq!(cut.text, own.text, "{at}");
        assert_eq!(cut.starts, own.starts, "{at}");
        assert_eq!(cut.ends, own.ends, "{at}");
        true
    }

    #[test]
    fn keys_of_parts_are_cut_out_of_the_whole_key() {
        let mut texts: Vec<String> = [
            "Giao  Bộ TT & TT làm. Sở\tNội vụ ,  TP. Hà Nội",
            "a , b - c . d",
            " x  y \u{301} z\u{301}",
            "Bo\u{0323} Ta\u{300}i chi\u{301}nh; Bộ Y tế",
            "\u{b}Bộ\u{c}Y\u{a0}tế – Sở Nội vụ",
            "  - & . ",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        texts.extend(crate::test_support::seed_lines());
        let mut cut = 0;
        for whole in &texts {
            let whole_key = key(whole);
            let bounds: Vec<usize> = whole
                .char_indices()
                .map(|(i, _)| i)
                .chain([whole.len()])
                .collect();
            // Every part of a short text; of a long one, parts from about twelve starts to
            // about twelve ends.
            let step = (bounds.len() / 12).max(1);
            for (n, &start) in bounds.iter().enumerate().step_by(step) {
                for &end in bounds.iter().skip(n).step_by(step) {
                    cut += usize::from(check_part(whole, &whole_key, start..end));
                }
                // The part up to the end, and the sentence-like part up to the next `.`/`;`.
                cut += usize::from(check_part(whole, &whole_key, start..whole.len()));
                if let Some(stop) = whole[start..].find(['.', ';']) {
                    cut += usize::from(check_part(whole, &whole_key, start..start + stop + 1));
                }
            }
        }
        assert!(cut > 10_000, "only {cut} parts were cut");
    }

    #[test]
    fn shared_keys_of_parts_are_their_own_keys() {
        let whole = String::from("Giao Bộ Tài chính chủ trì. Bộ Y tế  phối hợp \u{301}; xong");
        let whole_key = shared(&whole);
        assert_eq!(whole_key.text, key(&whole).text);
        let dot = whole.find('.').unwrap();
        let y = whole.find(" Y").unwrap();
        let parts = [
            0..dot + 1,
            dot + 1..whole.len(),
            dot + 2..y + " Y tế".len(),
            5..9,
            dot..dot,
        ];
        for range in parts {
            let part = &whole[range];
            let (got, own) = (shared(part), key(part));
            assert_eq!(got.text, own.text, "{part:?}");
            assert_eq!(got.starts, own.starts, "{part:?}");
            assert_eq!(got.ends, own.ends, "{part:?}");
        }
    }

    #[test]
    fn ranges_map_back() {
        let text = "Giao  Bộ TT & TT làm";
        let k = key(text);
        let start = k.text.find("bo tt&tt").unwrap();
        let range = k.input_range(start, start + "bo tt&tt".len());
        assert_eq!(&text[range], "Bộ TT & TT");
    }
}
