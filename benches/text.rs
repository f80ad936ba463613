//! Micro benchmarks of the hot paths, over the seed documents (about 200 KB of real text):
//! normalisation, folding, tokenisation, sentence splitting, ingest, the agency automaton,
//! deadline and target parsing, and the whole extraction.
//!
//! ```text
//! cargo bench --bench text
//! ```
//!
//! Divan prints the time per call; throughput in bytes is shown next to it.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};

fn main() {
    divan::main();
}

/// All seeds, one after another.
fn seed_text() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

#[divan::bench]
fn normalize(bencher: Bencher) {
    let text = seed_text();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| vntask_tokenizer::normalize(black_box(&text)));
}

#[divan::bench]
fn normalize_with_map(bencher: Bencher) {
    let text = seed_text();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| vntask_tokenizer::normalize_with_map(black_box(&text)));
}

#[divan::bench]
fn fold(bencher: Bencher) {
    let text = seed_text();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| vntask_tokenizer::fold(black_box(&text)));
}

#[divan::bench]
fn tokenize(bencher: Bencher) {
    let text = vntask_tokenizer::normalize(&seed_text());
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| vntask_tokenizer::tokenize(black_box(&text)));
}

#[divan::bench]
fn sentences(bencher: Bencher) {
    let text = vntask_tokenizer::normalize(&seed_text());
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| vntask_tokenizer::sentences(black_box(&text)));
}

#[divan::bench]
fn ingest(bencher: Bencher) {
    let text = seed_text();
    let options = vntask_ingest::IngestOptions::default();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| vntask_ingest::read(black_box(text.as_bytes()), "seeds.txt", &options));
}

#[divan::bench]
fn extract(bencher: Bencher) {
    let text = seed_text();
    let options = vntask_extractor::Options::default();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| vntask_extractor::extract(black_box(text.as_bytes()), "seeds.txt", &options));
}

/// The seeds' lines, normalised, as assembly reads them (one block at a time).
fn seed_lines() -> Vec<String> {
    vntask_tokenizer::normalize(&seed_text())
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn lines_bytes(lines: &[String]) -> BytesCount {
    BytesCount::new(lines.iter().map(String::len).sum::<usize>())
}

/// The agency automaton: key, aho-corasick scan and resolution, line by line.
#[divan::bench]
fn agencies_find(bencher: Bencher) {
    let lines = seed_lines();
    let context = vntask_extractor::agencies::AgencyContext::default();
    bencher.counter(lines_bytes(&lines)).bench(|| {
        for line in &lines {
            black_box(vntask_extractor::agencies::find(black_box(line), &context));
        }
    });
}

/// Deadline parsing: the date grammar's patterns and the judgement of each reading.
#[divan::bench]
fn deadlines_find(bencher: Bencher) {
    let lines = seed_lines();
    let context = vntask_extractor::deadlines::DeadlineContext::default();
    bencher.counter(lines_bytes(&lines)).bench(|| {
        for line in &lines {
            black_box(vntask_extractor::deadlines::find(black_box(line), &context));
        }
    });
}

/// Numeric targets.
#[divan::bench]
fn targets_find(bencher: Bencher) {
    let lines = seed_lines();
    bencher.counter(lines_bytes(&lines)).bench(|| {
        for line in &lines {
            black_box(vntask_extractor::targets::find(black_box(line)));
        }
    });
}
