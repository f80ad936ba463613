//! What the fast-path tests share: the seed documents' lines, the texts every fast path is
//! compared with its plain counterpart over.

/// Every line of the documents in `seeds/` (empty when the directory cannot be read; the
/// callers assert they got enough).
pub fn seed_lines() -> Vec<String> {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut lines = Vec::new();
    for entry in std::fs::read_dir(seeds).into_iter().flatten().flatten() {
        if let Ok(text) = std::fs::read_to_string(entry.path()) {
            lines.extend(text.lines().map(str::to_string));
        }
    }
    lines
}

/// [`seed_lines`] with the lines of the fixtures' text documents and, when it is there, of the
/// generated corpus `/tmp/corp2` (`bench/gen-corpus --bytes 2M --seed 1`): the texts a hand-read
/// scanner is compared with the plain reading it replaces over.
pub fn comparison_lines() -> Vec<String> {
    let mut lines = seed_lines();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/docs");
    for dir in [fixtures, "/tmp/corp2"] {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                lines.extend(text.lines().map(str::to_string));
            }
        }
    }
    lines
}
