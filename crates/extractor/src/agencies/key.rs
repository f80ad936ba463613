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

/// Builds the key of `text`.
pub fn key(text: &str) -> Key {
    let mut out = Key {
        text: String::with_capacity(text.len()),
        starts: Vec::with_capacity(text.len()),
        ends: Vec::with_capacity(text.len()),
    };
    let mut pending_space: Option<(usize, usize)> = None;
    for (index, c) in text.char_indices() {
        let end = index + c.len_utf8();
        if is_mark(c) {
            // A combining mark (decomposed input) belongs to the character before it.
            if let Some(last) = out.ends.last_mut() {
                *last = end;
            }
            continue;
        }
        if c.is_whitespace() {
            if pending_space.is_none() {
                pending_space = Some((index, end));
            }
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

    #[test]
    fn ranges_map_back() {
        let text = "Giao  Bộ TT & TT làm";
        let k = key(text);
        let start = k.text.find("bo tt&tt").unwrap();
        let range = k.input_range(start, start + "bo tt&tt".len());
        assert_eq!(&text[range], "Bộ TT & TT");
    }
}
