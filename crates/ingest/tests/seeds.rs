//! Snapshots of `inspect` for the five seeds (reviewed by eye: metadata, footnotes out of
//! the flow, joined paragraphs, the section tree, table rows and their status).

use std::path::PathBuf;
use vntask_ingest::{inspect::outline, read, IngestOptions};

fn seed(stem: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../seeds")
        .join(format!("{stem}.txt"));
    let bytes = std::fs::read(&path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let document = read(&bytes, &name, &IngestOptions::default()).unwrap();
    outline(&document, 0)
}

macro_rules! seed_snapshot {
    ($test:ident, $stem:literal) => {
        #[test]
        fn $test() {
            insta::assert_snapshot!(seed($stem));
        }
    };
}

seed_snapshot!(seed_000_thong_bao_ket_luan, "000_f2bc9af13eb5ee11");
seed_snapshot!(seed_001_news_page, "001_22299002bbecd669");
seed_snapshot!(seed_002_bao_cao_with_tables, "002_cc042c5462137913");
seed_snapshot!(seed_003_thong_bao, "003_05b58fed7bf84ced");
seed_snapshot!(seed_004_chi_thi_word_artifacts, "004_13876a662444b449");
