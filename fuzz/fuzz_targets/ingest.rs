//! Arbitrary bytes through ingest alone: never a panic; every block's range lies inside the
//! document's source on character boundaries, and its parent comes before it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vntask_ingest::{read, IngestOptions};

const NAMES: [&str; 6] = [
    "doc.txt", "doc.md", "doc.html", "doc.docx", "doc.pdf", "doc",
];

fuzz_target!(|data: &[u8]| {
    let (name, bytes) = match data.split_first() {
        Some((b, rest)) => (NAMES[*b as usize % NAMES.len()], rest),
        None => ("doc.txt", data),
    };
    if let Ok(document) = read(bytes, name, &IngestOptions::default()) {
        let source = &document.source;
        for (index, block) in document.blocks.iter().enumerate() {
            assert!(
                source.get(block.span.clone()).is_some(),
                "block {index} span {:?} not in a source of {} bytes",
                block.span,
                source.len()
            );
            if let Some(parent) = block.parent {
                assert!(parent < index, "block {index} has parent {parent}");
            }
        }
    }
});
