//! Reads every file of a directory with `vntask_ingest::read`, twice: a first pass to build
//! the lazily compiled patterns, then [`measure`], the pass to profile alone with
//! `valgrind --tool=callgrind --toggle-collect='*measure*'`. Prints a checksum of the blocks
//! so that two builds can be compared.
//!
//!   cargo run --release -p vntask-ingest --example ingest_corpus -- DIR

use std::path::PathBuf;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".to_string());
    let mut files: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b)))
        .collect();
    files.sort();
    let warm = read_all(&files);
    let counted = measure(&files);
    assert_eq!(warm, counted);
    println!(
        "{} files, {} blocks, {} text bytes",
        files.len(),
        counted.0,
        counted.1
    );
}

/// The pass to profile.
#[inline(never)]
fn measure(files: &[(PathBuf, Vec<u8>)]) -> (usize, usize) {
    let (blocks, bytes) = read_all(std::hint::black_box(files));
    (std::hint::black_box(blocks), bytes)
}

#[inline(never)]
fn read_all(files: &[(PathBuf, Vec<u8>)]) -> (usize, usize) {
    let options = vntask_ingest::IngestOptions::default();
    let mut blocks = 0;
    let mut bytes = 0;
    for (path, data) in files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if let Ok(document) = vntask_ingest::read(data, name, &options) {
            blocks += document.blocks.len();
            bytes += document.blocks.iter().map(|b| b.text.len()).sum::<usize>();
            let mut hashed = 0usize;
            document.normalized_source_pieces(|piece| hashed += piece.len());
            bytes += hashed;
        }
    }
    (blocks, bytes)
}
