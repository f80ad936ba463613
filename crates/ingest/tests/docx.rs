//! Word files: the header laid out as a table, numbering, footnotes, tables and tracked
//! deletions of a generated `.docx`, and a zip bomb. Split from `fixtures.rs`.

mod common;

use vntask_ingest::{read, BlockKind, Document, IngestError, IngestOptions};
use vntask_writer::{DocType, SpanBasis};

fn texts(document: &Document) -> Vec<&str> {
    document.blocks.iter().map(|b| b.text.as_str()).collect()
}

#[test]
fn docx_header_in_one_row_of_multi_paragraph_cells() {
    // Word users often lay the header out as one row: the issuer's lines in the left cell,
    // the motto and the place and date in the right one, a paragraph a line.
    let cell = |paragraphs: &[&str]| {
        let body: String = paragraphs
            .iter()
            .map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>"))
            .collect();
        format!("<w:tc>{body}</w:tc>")
    };
    let header = format!(
        "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
        cell(&["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 96/TB-UBND"]),
        cell(&[
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Quảng Ngãi, ngày 17 tháng 11 năm 2025",
        ]),
    );
    let task_table = format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        cell(&["TT"]),
        cell(&["Nhiệm vụ"]),
        cell(&["1"]),
        cell(&["Rà soát hồ sơ", "trình phê duyệt"]),
        cell(&["2"]),
        cell(&["Kiểm tra"]),
    );
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{header}<w:p><w:r><w:t>THÔNG BÁO</w:t></w:r></w:p><w:p><w:r><w:t>Kết luận của Chủ tịch</w:t></w:r></w:p>{task_table}</w:body></w:document>"#
    );
    let bytes = common::zip_of(&[
        ("[Content_Types].xml", "<Types/>"),
        ("word/document.xml", &document),
    ]);
    let document = read(&bytes, "t.docx", &IngestOptions::default()).unwrap();
    assert_eq!(document.meta.number.as_deref(), Some("96/TB-UBND"));
    assert_eq!(document.meta.province.as_deref(), Some("tỉnh Quảng Ngãi"));
    assert_eq!(
        document.meta.date.map(|d| d.iso()).as_deref(),
        Some("2025-11-17")
    );
    // A task table's cell keeps its paragraphs on one row.
    assert!(texts(&document)
        .iter()
        .any(|t| t.contains("Rà soát hồ sơ trình phê duyệt")));
}

#[test]
fn generated_docx_numbering_footnotes_tables_and_deletions() {
    let document = read(&common::docx(), "test.docx", &IngestOptions::default()).unwrap();
    assert_eq!(document.basis, SpanBasis::Decoded);
    assert_eq!(document.meta.doc_type, DocType::ChiThi);
    assert_eq!(
        document.meta.title.as_deref(),
        Some("Về việc thử nghiệm đọc tệp Word")
    );
    // The header laid out as a table.
    assert_eq!(
        document.meta.issuer.as_deref(),
        Some("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH")
    );
    assert_eq!(document.meta.province.as_deref(), Some("tỉnh Quảng Ninh"));
    assert_eq!(document.meta.number.as_deref(), Some("15/CT-UBND"));
    assert_eq!(
        document.meta.date.map(|d| d.iso()).as_deref(),
        Some("2024-03-05")
    );
    let sections: Vec<(&str, &str)> = document
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::TableRow)
        .map(|b| (b.section.as_str(), b.text.as_str()))
        .collect();
    assert_eq!(
        sections,
        vec![
            ("1", "Bộ Y tế"),
            ("1.a", "Xây dựng kế hoạch trước ngày 30/6/2024."),
            ("1.a.-1", "Phối hợp với Bộ Công an triển khai."),
            ("1.b", "Báo cáo kết quả hằng quý."),
            ("2", "Bộ Tài chính bố trí kinh phí."),
        ]
    );
    assert_eq!(document.footnotes.len(), 1);
    assert_eq!(
        document.footnotes[0].text,
        "Theo Quyết định số 749/QĐ-TTg & Đề án 06."
    );
    let rows: Vec<_> = document
        .blocks
        .iter()
        .filter_map(|b| b.table.as_ref())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].cell("nhiệm vụ"), Some("Số hóa hồ sơ"));
    assert_eq!(rows[1].cell("cơ quan"), Some("Sở Y tế"));
    assert_eq!(document.meta.recipients, vec!["Văn phòng Chính phủ"]);
}

#[test]
fn docx_entry_inflating_past_the_limit_is_malformed() {
    // 65 MiB of spaces deflate to a few dozen kilobytes: a small zip bomb.
    let huge = format!("<w:document>{}</w:document>", " ".repeat(65 * 1024 * 1024));
    let bytes = common::zip_of(&[("word/document.xml", &huge)]);
    assert!(bytes.len() < 1024 * 1024);
    match read(&bytes, "bomb.docx", &IngestOptions::default()) {
        Err(IngestError::Malformed(message)) => assert!(message.contains("inflate"), "{message}"),
        other => panic!(
            "expected malformed, got {:?}",
            other.map(|d| d.blocks.len())
        ),
    }
}
