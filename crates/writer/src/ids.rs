//! Stable ids. A task id is a hash of the document's content hash, the task's section path,
//! its normalised text, and its ordinal among tasks that share those three. Nothing that
//! depends on the run (paths, time, thread order) goes into it, so the same task gets the same
//! id on every run and every machine.

use sha2::{Digest, Sha256};

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

/// SHA-256 (hex) of raw bytes, for the document record's `sha256` field.
pub fn bytes_sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The stable id of a task: 16 hex digits (64 bits) of SHA-256 over its four parts,
/// separated by a byte that cannot occur in UTF-8 text.
pub fn task_id(content_hash: &str, section: &str, normalised_text: &str, ordinal: u32) -> String {
    let mut hasher = Sha256::new();
    for part in [
        content_hash.as_bytes(),
        section.as_bytes(),
        normalised_text.as_bytes(),
    ] {
        hasher.update(part);
        hasher.update([0xff]);
    }
    hasher.update(ordinal.to_le_bytes());
    let digest = hasher.finalize();
    hex(&digest[..8])
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
