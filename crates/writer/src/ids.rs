//! Stable ids. A task id is a hash of the document's content hash, the task's section path,
//! its normalised text, and its ordinal among tasks that share those three. Nothing that
//! depends on the run (paths, time, thread order) goes into it, so the same task gets the same
//! id on every run and every machine.

use sha2::{Digest, Sha256};
use std::cell::RefCell;

/// SHA-256 (hex) of the decoded NFC text of a document: the same document gives the same
/// hash whatever its encoding, and whether it came from a file or through the API.
pub fn content_hash(decoded_nfc_text: &str) -> String {
    hex(&Sha256::digest(decoded_nfc_text.as_bytes()))
}

/// [`content_hash`] of a text fed in pieces: the same hash as of the pieces joined, without
/// joining them.
#[derive(Default)]
pub struct ContentHasher(Sha256);

impl ContentHasher {
    pub fn new() -> Self {
        ContentHasher::default()
    }

    /// Appends `piece` to the text hashed.
    pub fn update(&mut self, piece: &str) {
        self.0.update(piece.as_bytes());
    }

    /// The hash of all the pieces, in the order fed.
    pub fn finish(self) -> String {
        hex(&self.0.finalize())
    }
}

/// Both hashes of a document at once: [`content_hash`] of its normalised text, fed in
/// pieces as to a [`ContentHasher`], and [`bytes_sha256`] of its raw bytes. SHA-256 reads a
/// message in order, so two messages with a common start share their state up to where they
/// part: a UTF-8 file's normalised text is its bytes up to the first char normalisation
/// rewrites (a fifth of a generated corpus; all of it for a file already in normal form), and
/// that stretch is hashed once for both instead of twice.
pub struct DocumentHasher<'a> {
    bytes: &'a [u8],
    /// The state over `bytes[..matched]`, which is also the start of the normalised text.
    shared: Sha256,
    matched: usize,
    /// The normalised text's own state, once it has parted from the bytes.
    content: Option<Sha256>,
}

impl<'a> DocumentHasher<'a> {
    /// A hasher for the document read from `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        DocumentHasher {
            bytes,
            shared: Sha256::new(),
            matched: 0,
            content: None,
        }
    }

    /// Appends `piece` to the normalised text hashed.
    pub fn update(&mut self, piece: &str) {
        let piece = piece.as_bytes();
        if let Some(content) = &mut self.content {
            content.update(piece);
            return;
        }
        let rest = &self.bytes[self.matched..];
        let common = if rest.starts_with(piece) {
            piece.len()
        } else {
            rest.iter().zip(piece).take_while(|(a, b)| a == b).count()
        };
        self.shared.update(&piece[..common]);
        self.matched += common;
        if common < piece.len() {
            let mut content = self.shared.clone();
            content.update(&piece[common..]);
            self.content = Some(content);
        }
    }

    /// `(content hash, SHA-256 of the bytes)`: the same as [`ContentHasher::finish`] over the
    /// pieces fed and [`bytes_sha256`] of the bytes.
    pub fn finish(self) -> (String, String) {
        let content = match self.content {
            Some(content) => content.finalize(),
            None => self.shared.clone().finalize(),
        };
        let mut raw = self.shared;
        raw.update(&self.bytes[self.matched..]);
        (hex(&content), hex(&raw.finalize()))
    }
}

/// SHA-256 (hex) of raw bytes, for the document record's `sha256` field.
pub fn bytes_sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The stable id of a task: 16 hex digits (64 bits) of SHA-256 over its four parts,
/// separated by a byte that cannot occur in UTF-8 text.
///
/// A document's tasks share their first part, and a content hash (64 hex digits) fills
/// SHA-256's first block of 64 bytes: the state after it and its separator is kept per thread
/// and copied for each task, one block fewer to hash a task.
pub fn task_id(content_hash: &str, section: &str, normalised_text: &str, ordinal: u32) -> String {
    let mut hasher = PREFIXED.with_borrow_mut(|prefixed| match prefixed {
        Some((hash, state)) if hash == content_hash => state.clone(),
        _ => {
            let mut state = Sha256::new();
            state.update(content_hash.as_bytes());
            state.update([0xff]);
            *prefixed = Some((content_hash.to_string(), state.clone()));
            state
        }
    });
    for part in [section.as_bytes(), normalised_text.as_bytes()] {
        hasher.update(part);
        hasher.update([0xff]);
    }
    hasher.update(ordinal.to_le_bytes());
    let digest = hasher.finalize();
    hex(&digest[..8])
}

thread_local! {
    /// The last content hash [`task_id`] was given, with the state after hashing it and its
    /// separator.
    static PREFIXED: RefCell<Option<(String, Sha256)>> = const { RefCell::new(None) };
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(DIGITS[(byte >> 4) as usize] as char);
        out.push(DIGITS[(byte & 0xf) as usize] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_hasher_hashes_the_pieces_joined() {
        let mut hasher = ContentHasher::new();
        for piece in ["Bộ Tài ", "", "chính\n", "x"] {
            hasher.update(piece);
        }
        assert_eq!(hasher.finish(), content_hash("Bộ Tài chính\nx"));
        assert_eq!(ContentHasher::new().finish(), content_hash(""));
    }

    /// [`task_id`] as it was, hashing all four parts every time.
    fn task_id_reference(content_hash: &str, section: &str, text: &str, ordinal: u32) -> String {
        let mut hasher = Sha256::new();
        for part in [content_hash.as_bytes(), section.as_bytes(), text.as_bytes()] {
            hasher.update(part);
            hasher.update([0xff]);
        }
        hasher.update(ordinal.to_le_bytes());
        hex(&hasher.finalize()[..8])
    }

    #[test]
    fn task_id_is_the_reference_whatever_the_hashes_before() {
        let long = content_hash("a document");
        let other = content_hash("another document");
        // Hashes in turn, so the kept state is built, reused and replaced.
        for hash in [&long, &long, &other, "h", &long, "", &long, &other[..63]] {
            for (section, text, ordinal) in [("B.II.3.a", "text", 0), ("", "", 7), ("1", "x", 1)] {
                assert_eq!(
                    task_id(hash, section, text, ordinal),
                    task_id_reference(hash, section, text, ordinal)
                );
            }
        }
    }

    /// Both hashes of `bytes` and the pieces, computed apart.
    fn hashes_apart(bytes: &[u8], pieces: &[&str]) -> (String, String) {
        let mut hasher = ContentHasher::new();
        for piece in pieces {
            hasher.update(piece);
        }
        (hasher.finish(), bytes_sha256(bytes))
    }

    fn hashes_together(bytes: &[u8], pieces: &[&str]) -> (String, String) {
        let mut hasher = DocumentHasher::new(bytes);
        for piece in pieces {
            hasher.update(piece);
        }
        hasher.finish()
    }

    #[test]
    fn document_hasher_gives_both_hashes() {
        let long = "Bộ Tài chính – báo cáo\n".repeat(20);
        // Normalisation's kind of edit: an en dash (three bytes) becomes `-`.
        let dash = long.match_indices('–').nth(3).map_or(0, |(at, _)| at);
        // A block boundary (64) that falls on a char boundary.
        let block = (64..).find(|&at| long.is_char_boundary(at)).unwrap_or(0);
        let cases: &[(&[u8], &[&str])] = &[
            (b"", &[]),
            (b"", &["", "x"]),
            (b"abc", &[]),
            (b"abc", &["abc"]),
            (b"abc", &["a", "", "bc"]),
            (b"abc", &["ab"]),
            (b"abc", &["abcd"]),
            (b"abc", &["ab", "x", "c"]),
            (b"abc", &["x", "abc"]),
            (b"a\r\nb", &["a", "\n", "b"]),
            (long.as_bytes(), &[&long]),
            (long.as_bytes(), &[&long[..dash], "-", &long[dash + 3..]]),
            (long.as_bytes(), &[&long[..block], &long[block..], "y"]),
            (long.as_bytes(), &[&long[..block], "y", &long[block..]]),
        ];
        for (bytes, pieces) in cases {
            assert_eq!(
                hashes_together(bytes, pieces),
                hashes_apart(bytes, pieces),
                "{bytes:?} {pieces:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn document_hasher_gives_both_hashes_of_any_pieces(
            source in "[a-cà\\n]{0,200}",
            tail in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..80),
            cuts in proptest::collection::vec(0usize..300, 0..8),
            edits in proptest::collection::vec((0usize..300, "[a-c\\n]{0,3}"), 0..3),
        ) {
            // The bytes: text, then anything; the normalised text: that text with a few
            // edits, in pieces.
            let mut bytes = source.clone().into_bytes();
            bytes.extend(tail);
            let mut text = source;
            for (at, insert) in edits {
                let mut at = at.min(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                text.insert_str(at, &insert);
            }
            let mut cuts: Vec<usize> = cuts
                .into_iter()
                .map(|c| c.min(text.len()))
                .filter(|&c| text.is_char_boundary(c))
                .collect();
            cuts.sort_unstable();
            let mut pieces = Vec::new();
            let mut start = 0;
            for cut in cuts.into_iter().chain([text.len()]) {
                pieces.push(&text[start..cut]);
                start = cut;
            }
            proptest::prop_assert_eq!(
                hashes_together(&bytes, &pieces),
                hashes_apart(&bytes, &pieces)
            );
            // The bytes themselves as the text, when they are UTF-8.
            if let Ok(same) = std::str::from_utf8(&bytes) {
                proptest::prop_assert_eq!(
                    hashes_together(&bytes, &[same]),
                    hashes_apart(&bytes, &[same])
                );
            }
        }
    }

    #[test]
    fn task_id_depends_on_every_part() {
        let base = task_id("h", "B.II.3.a", "text", 0);
        assert_eq!(base.len(), 16);
        assert_eq!(base, task_id("h", "B.II.3.a", "text", 0));
        assert_ne!(base, task_id("g", "B.II.3.a", "text", 0));
        assert_ne!(base, task_id("h", "B.II.3.b", "text", 0));
        assert_ne!(base, task_id("h", "B.II.3.a", "text2", 0));
        assert_ne!(base, task_id("h", "B.II.3.a", "text", 1));
        // The separator keeps part boundaries: ("ab","c") differs from ("a","bc").
        assert_ne!(task_id("h", "ab", "c", 0), task_id("h", "a", "bc", 0));
    }

    #[test]
    fn content_hash_is_sha256_hex() {
        assert_eq!(
            content_hash(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
