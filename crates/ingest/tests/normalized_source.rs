//! The normalised source a document hands over piece by piece (for the content hash) is
//! exactly `normalize(source)`, on every seed and fixture (with the NFD, CRLF and BOM
//! variants of the corpus helper), and on markup-heavy and mixed-line-end texts.

mod common;

use vntask_ingest::{read, IngestOptions};
use vntask_tokenizer::normalize;

fn joined(document: &vntask_ingest::Document) -> String {
    let mut out = String::new();
    document.normalized_source_pieces(|piece| out.push_str(piece));
    out
}

#[test]
fn pieces_join_to_the_normalised_source() {
    let mut extra = vec![
        (
            "mixed.txt".to_string(),
            "THÔNG BÁO\r\nKết luận\n\n1. Bộ Tài chính chủ trì, phối hợp Uỷ ban nhân dân tỉnh hoà giải.\r- Bộ Công an[1] “khẩn trương” – ngay\x0c\u{301}x\n\nNơi nhận:\n- Như trên;\n"
                .to_string()
                .into_bytes(),
        ),
        (
            "marks.md".to_string(),
            "# Kết luận\n\n**1. Bộ Y tế** chủ trì<sup>2</sup>.\n\n- thuỷ lợi\n"
                .to_string()
                .into_bytes(),
        ),
    ];
    let mut checked = 0;
    for (name, bytes) in common::corpus().into_iter().chain(extra.drain(..)) {
        let Ok(document) = read(&bytes, &name, &IngestOptions::default()) else {
            continue;
        };
        assert_eq!(joined(&document), normalize(&document.source), "{name}");
        checked += 1;
    }
    assert!(checked > 10, "only {checked} documents read");
}
