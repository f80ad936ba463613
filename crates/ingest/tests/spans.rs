//! The span property: for every block of every seed and fixture, the source text in the
//! block's span, minus the ranges the block records as removed, cleaned (white space folded,
//! normalised, label taken off; table rows cell by cell), equals the block's text. Rows
//! whose cells were filled down from the row above or merged with a continuation line are
//! the exception the contract allows.
//!
//! The cleaning here is written independently of the parser's, so that a parser that loses
//! or invents text fails.

mod common;

use std::ops::Range;
use vntask_ingest::{read, Block, BlockKind, Document, IngestOptions};

/// `source[span]` without the removed ranges (clipped to the span).
fn kept(source: &str, span: &Range<usize>, removed: &[Range<usize>]) -> String {
    let mut cuts: Vec<Range<usize>> = removed
        .iter()
        .map(|r| r.start.max(span.start)..r.end.min(span.end))
        .filter(|r| r.start < r.end)
        .collect();
    cuts.sort_by_key(|r| r.start);
    let mut out = String::new();
    let mut position = span.start;
    for cut in cuts {
        if cut.start > position {
            out.push_str(&source[position..cut.start]);
        }
        position = position.max(cut.end);
    }
    if position < span.end {
        out.push_str(&source[position..span.end]);
    }
    out
}

fn fold_space(text: &str) -> String {
    vntask_tokenizer::normalize(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn expected(document: &Document, block: &Block) -> Option<String> {
    let text = kept(&document.source, &block.span, &block.removed);
    if block.kind == BlockKind::TableRow {
        let row = block.table.as_ref()?;
        if row.merged || !row.filled.is_empty() {
            return None;
        }
        let trimmed = text.trim();
        let cells: Vec<String> = if trimmed.starts_with('|') {
            let inner = trimmed.trim_start_matches('|').trim_end_matches('|');
            inner.split('|').map(fold_space).collect()
        } else {
            text.split('\t').map(fold_space).collect()
        };
        let skip = usize::from(block.label.is_some());
        let values: Vec<&str> = cells
            .iter()
            .skip(skip)
            .map(String::as_str)
            .filter(|c| !c.is_empty())
            .collect();
        return Some(values.join(" | "));
    }
    let clean = fold_space(&text);
    let clean = match &block.label {
        Some(label) => clean
            .strip_prefix(label.as_str())
            .unwrap_or_else(|| panic!("block does not start with its label {label:?}: {clean}"))
            .trim_start()
            .to_string(),
        None => clean,
    };
    Some(clean)
}

#[test]
fn every_block_span_maps_back_to_its_text() {
    let mut checked = 0;
    for (name, bytes) in common::corpus() {
        let document = match read(&bytes, &name, &IngestOptions::default()) {
            Ok(document) => document,
            Err(error) => panic!("{name}: {error}"),
        };
        assert!(!document.blocks.is_empty(), "{name}: no blocks");
        for (index, block) in document.blocks.iter().enumerate() {
            assert!(
                block.span.start <= block.span.end && block.span.end <= document.source.len(),
                "{name} block {index}: span out of the source"
            );
            for removed in &block.removed {
                assert!(
                    removed.start >= block.span.start && removed.end <= block.span.end,
                    "{name} block {index}: removed {removed:?} outside span {:?}",
                    block.span
                );
            }
            if let Some(want) = expected(&document, block) {
                assert_eq!(block.text, want, "{name} block {index} ({})", block.section);
                checked += 1;
            }
        }
    }
    assert!(checked > 400, "only {checked} blocks checked");
}

#[test]
fn text_offsets_map_into_the_span() {
    for (name, bytes) in common::corpus() {
        let document = read(&bytes, &name, &IngestOptions::default()).unwrap();
        for block in &document.blocks {
            if block.kind == BlockKind::TableRow {
                continue;
            }
            // Every word of the text maps to the same word in the source.
            let mut offset = 0;
            for word in block.text.split(' ') {
                let range = block.source_range(offset..offset + word.len());
                let source = kept(&document.source, &range, &block.removed);
                let source = source.as_str();
                assert!(
                    range.start >= block.span.start && range.end <= block.span.end,
                    "{name} {}: {word:?} maps outside the span",
                    block.section
                );
                assert_eq!(
                    fold_space(source),
                    word,
                    "{name} {}: word maps to {source:?}",
                    block.section
                );
                offset += word.len() + 1;
            }
        }
    }
}
