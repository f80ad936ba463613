//! One test per kind of noise and per format, on the focused fixtures in `fixtures/ingest/`
//! and on documents built here (a .docx, PDFs, arbitrary bytes).

mod common;

use proptest::prelude::*;
use vntask_ingest::{read, BlockKind, Document, IngestError, IngestOptions};
use vntask_writer::{DatePrecision, DocType, SpanBasis, TaskStatus};

fn fixture(name: &str) -> Document {
    let bytes = std::fs::read(common::root().join("fixtures/ingest").join(name)).unwrap();
    read(&bytes, name, &IngestOptions::default()).unwrap()
}

fn texts(document: &Document) -> Vec<&str> {
    document.blocks.iter().map(|b| b.text.as_str()).collect()
}

#[test]
fn provincial_header_metadata() {
    let document = fixture("provincial_chi_thi.txt");
    let meta = &document.meta;
    assert_eq!(meta.doc_type, DocType::ChiThi);
    assert_eq!(meta.number.as_deref(), Some("15/CT-UBND"));
    assert_eq!(
        meta.issuer.as_deref(),
        Some("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH")
    );
    assert_eq!(meta.province.as_deref(), Some("tỉnh Quảng Ninh"));
    assert_eq!(meta.place.as_deref(), Some("Quảng Ninh"));
    assert_eq!(meta.date.map(|d| d.iso()).as_deref(), Some("2024-03-05"));
    assert_eq!(
        meta.title.as_deref(),
        Some("Về việc đẩy mạnh chuyển đổi số năm 2024")
    );
    assert_eq!(meta.signer.as_deref(), Some("Nguyễn Văn A"));
    assert_eq!(
        meta.recipients,
        vec![
            "Văn phòng Chính phủ (b/c)",
            "Bộ Thông tin và Truyền thông (b/c)",
            "Các sở, ban, ngành",
            "Lưu: VT"
        ]
    );
    // The header is not body text; recipients and signature are not blocks.
    for text in texts(&document) {
        assert!(!text.contains("CỘNG HÒA"), "{text}");
        assert!(!text.contains("Văn phòng Chính phủ (b/c)"), "{text}");
        assert!(!text.contains("Nguyễn Văn A"), "{text}");
    }
}

#[test]
fn header_columns_set_apart_by_spaces_are_read_as_cells() {
    // A Word or PDF file saved as text puts the issuer and the motto on one line, with
    // spaces between; before, the whole line was taken for the motto and the issuer, the
    // place and the date were lost.
    let document = fixture("space_columns_header.txt");
    let meta = &document.meta;
    assert_eq!(meta.doc_type, DocType::ChiThi);
    assert_eq!(meta.number.as_deref(), Some("45/CT-UBND"));
    assert_eq!(meta.issuer.as_deref(), Some("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"));
    assert_eq!(meta.province.as_deref(), Some("tỉnh Nghệ An"));
    assert_eq!(meta.place.as_deref(), Some("Nghệ An"));
    assert_eq!(meta.date.map(|d| d.iso()).as_deref(), Some("2025-06-02"));
    // The body keeps its own spaces: only the header is read in columns.
    assert!(texts(&document)
        .iter()
        .any(|t| t.starts_with("1. Sở Nông nghiệp") || t.starts_with("Sở Nông nghiệp")));
}

#[test]
fn party_conclusion_header() {
    // `ĐẢNG CỘNG SẢN VIỆT NAM` stands where the national motto would; the number has no
    // colon and a hyphen (`Số 215-KL/TW`); the type line is `KẾT LUẬN`.
    let document = fixture("party_ket_luan.txt");
    let meta = &document.meta;
    assert_eq!(meta.doc_type, DocType::KetLuan);
    assert_eq!(meta.number.as_deref(), Some("215-KL/TW"));
    assert_eq!(meta.issuer.as_deref(), Some("BAN CHẤP HÀNH TRUNG ƯƠNG"));
    assert_eq!(meta.province, None);
    assert_eq!(meta.date.map(|d| d.iso()).as_deref(), Some("2025-11-14"));
    // Without a colon a number must open with a digit: `Số liệu/...` names none.
    let text = "BỘ Y TẾ\nSố liệu/Tháng 7 đã được cập nhật\nHà Nội, ngày 02 tháng 6 năm 2025\n\nBÁO CÁO\nVề số liệu\n\nNội dung.\n";
    let document = read(text.as_bytes(), "so_lieu.txt", &IngestOptions::default()).unwrap();
    assert_eq!(document.meta.number, None);
    assert_eq!(document.meta.doc_type, DocType::BaoCao);
}

#[test]
fn cong_dien_addressees_and_signature_are_not_blocks() {
    let document = fixture("cong_dien_addressees.txt");
    let meta = &document.meta;
    assert_eq!(meta.doc_type, DocType::CongDien);
    assert_eq!(meta.issuer.as_deref(), Some("THỦ TƯỚNG CHÍNH PHỦ"));
    assert_eq!(meta.number.as_deref(), Some("12/CĐ-TTg"));
    assert_eq!(
        meta.addressees,
        vec![
            "Chủ tịch Ủy ban nhân dân các tỉnh: Quảng Ninh, Hải Phòng",
            "Các Bộ: Quốc phòng, Công an"
        ]
    );
    assert_eq!(meta.signer.as_deref(), Some("Trần Hồng Hà"));
    assert_eq!(
        texts(&document),
        vec![
            "Bão số 2 đang di chuyển vào vùng biển phía Bắc.",
            "Chủ tịch Ủy ban nhân dân các tỉnh Quảng Ninh, Hải Phòng kêu gọi tàu thuyền vào nơi tránh trú trước 17 giờ ngày 03 tháng 8 năm 2024."
        ]
    );
}

#[test]
fn footnote_block_with_glossary_and_page_number_is_taken_out_and_paragraph_rejoined() {
    let document = fixture("provincial_chi_thi.txt");
    let bullet = document
        .blocks
        .iter()
        .find(|b| b.text.starts_with("Tham mưu"))
        .unwrap();
    assert_eq!(
        bullet.text,
        "Tham mưu Ủy ban nhân dân tỉnh ban hành kế hoạch, bảo đảm 100% hồ sơ được số hóa, trong đó ưu tiên dịch vụ công trực tuyến toàn trình."
    );
    assert_eq!(bullet.kind, BlockKind::Bullet);
    assert_eq!(bullet.section, "1.-2");
    let notes: Vec<(&str, &str)> = document
        .footnotes
        .iter()
        .map(|f| (f.label.as_str(), f.text.as_str()))
        .collect();
    assert_eq!(
        notes,
        vec![
            (
                "1",
                "Theo Báo cáo số 12/BC-STTTT ngày 01/02/2024. \"3 rõ\": rõ người, rõ việc, rõ thời gian."
            ),
            ("2", "Luật Ngân sách nhà nước năm 2015.")
        ]
    );
}

#[test]
fn word_artifacts_are_cut_and_lines_split_by_a_bookmark_rejoin() {
    let document = fixture("provincial_chi_thi.txt");
    assert_eq!(
        document.blocks[0].text,
        "Thời gian qua, các sở, ngành đã triển khai nhiều nhiệm vụ. Tuy nhiên, một số kết quả còn hạn chế. Để khắc phục, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:"
    );
    let item = document.blocks.iter().find(|b| b.section == "2").unwrap();
    assert_eq!(
        item.text,
        "Sở Tài chính bố trí kinh phí thực hiện theo quy định."
    );
    assert_eq!(item.label.as_deref(), Some("2."));
}

#[test]
fn tables_repeated_headers_continuations_merged_cells_and_status() {
    let document = fixture("appendix_tables.txt");
    let rows: Vec<_> = document
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::TableRow)
        .collect();
    assert_eq!(rows.len(), 4, "the repeated header is not a row");
    let row = |i: usize| rows[i].table.as_ref().unwrap();
    assert_eq!(rows[0].section, "PL.a.row1");
    assert_eq!(
        row(0).cell("nhiệm vụ"),
        Some("Xây dựng kế hoạch chuyển đổi số")
    );
    assert_eq!(row(0).cell("cơ quan"), Some("Sở Thông tin và Truyền thông"));
    assert_eq!(row(0).status, Some(TaskStatus::Completed));
    // Merged cell: row 2 leaves the task column empty and takes the value above.
    assert_eq!(
        row(1).cell("nhiệm vụ"),
        Some("Xây dựng kế hoạch chuyển đổi số")
    );
    assert_eq!(row(1).filled, vec!["NHIỆM VỤ".to_string()]);
    // Continuation after the page break (empty number cell) merged into row 3.
    assert_eq!(
        row(2).cell("nhiệm vụ"),
        Some("Số hóa hồ sơ đất đai của các huyện, thị xã, thành phố")
    );
    assert!(row(2).merged);
    // Status from the heading above the second table; <i> tags gone.
    assert_eq!(row(3).status, Some(TaskStatus::InProgress));
    assert_eq!(
        row(3).cell("nhiệm vụ"),
        Some("Triển khai nền tảng dữ liệu dùng chung")
    );
    assert_eq!(rows[3].section, "PL.b.row1");
}

#[test]
fn table_without_number_column_keeps_its_first_column() {
    let text = "Nhiệm vụ cụ thể:\n\nNội dung\tCơ quan chủ trì\tThời gian\nRà soát thủ tục\tSở Nội vụ\tQuý I\n\tSở Tư pháp\tQuý II\n";
    let document = read(text.as_bytes(), "a.txt", &IngestOptions::default()).unwrap();
    let rows: Vec<_> = document
        .blocks
        .iter()
        .filter_map(|b| b.table.as_ref())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].number, None);
    assert_eq!(rows[0].cell("nội dung"), Some("Rà soát thủ tục"));
    assert_eq!(rows[0].cell("chủ trì"), Some("Sở Nội vụ"));
    // An empty first cell in a table without numbers is a merged cell, not a continuation.
    assert_eq!(rows[1].cell("nội dung"), Some("Rà soát thủ tục"));
    assert_eq!(rows[1].cell("chủ trì"), Some("Sở Tư pháp"));
    assert_eq!(rows[1].filled, vec!["Nội dung".to_string()]);
}

#[test]
fn appendix_after_signature_is_body_again() {
    let text = "1. Sở Y tế chủ trì thực hiện.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê Văn B\n\nDANH MỤC NHIỆM VỤ TRỌNG TÂM NĂM 2024\n\nTT\tNhiệm vụ\tCơ quan chủ trì\n1\tSố hóa hồ sơ\tSở Nội vụ\n";
    let document = read(text.as_bytes(), "a.txt", &IngestOptions::default()).unwrap();
    assert_eq!(document.meta.recipients, vec!["Như trên", "Lưu: VT"]);
    assert_eq!(document.meta.signer.as_deref(), Some("Lê Văn B"));
    assert_eq!(
        texts(&document),
        vec![
            "Sở Y tế chủ trì thực hiện.",
            "DANH MỤC NHIỆM VỤ TRỌNG TÂM NĂM 2024",
            "Số hóa hồ sơ | Sở Nội vụ"
        ]
    );
}

#[test]
fn a_plan_issued_with_a_decision_starts_its_own_sections() {
    let text = "QUYẾT ĐỊNH\nBan hành Kế hoạch phòng, chống bệnh dại\n\nĐiều 3. Giám đốc Sở Y tế chịu trách nhiệm thi hành Quyết định này./.\n\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nKẾ HOẠCH\nPhòng, chống bệnh dại\n\nI. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế giám sát bệnh dại.\n";
    let document = read(text.as_bytes(), "a.txt", &IngestOptions::default()).unwrap();
    let sections: Vec<(&str, &str)> = document
        .blocks
        .iter()
        .map(|b| (b.section.as_str(), b.text.as_str()))
        .collect();
    assert_eq!(
        sections.last().copied(),
        Some(("I.1", "Sở Y tế giám sát bệnh dại."))
    );
    assert_eq!(sections.first().map(|s| s.0), Some("art3"));
    // The plan's type line and title are its own blocks.
    assert!(sections.iter().any(|(_, text)| *text == "KẾ HOẠCH"));
    // A labelled `KẾ HOẠCH` before any signature is no new document.
    let text = "QUYẾT ĐỊNH\nBan hành Kế hoạch\n\nĐiều 1. Ban hành Kế hoạch.\n\nĐiều 2. KẾ HOẠCH\n\n1. Sở Y tế giám sát.\n";
    let document = read(text.as_bytes(), "a.txt", &IngestOptions::default()).unwrap();
    assert_eq!(
        document.blocks.last().map(|b| b.section.as_str()),
        Some("art2.1")
    );
}

#[test]
fn bracketed_footnotes_of_web_pages() {
    let text = "Bộ Y tế chủ trì[1], phối hợp với\n\n[1] Theo Quyết định số 5/QĐ-TTg.\n\nBộ Tài chính triển khai.\n";
    let document = read(text.as_bytes(), "a.txt", &IngestOptions::default()).unwrap();
    assert_eq!(
        texts(&document),
        vec!["Bộ Y tế chủ trì, phối hợp với Bộ Tài chính triển khai."]
    );
    assert_eq!(document.footnotes[0].text, "Theo Quyết định số 5/QĐ-TTg.");
}

#[test]
fn news_page_html_keeps_the_article_only() {
    let document = fixture("news_page.html");
    assert_eq!(document.basis, SpanBasis::Decoded);
    assert_eq!(document.meta.doc_type, DocType::News);
    assert_eq!(
        document.meta.published.map(|d| d.iso()).as_deref(),
        Some("2024-07-19")
    );
    assert_eq!(
        document.meta.title.as_deref(),
        Some("Thủ tướng yêu cầu đẩy mạnh chuyển đổi số trong năm 2024")
    );
    assert_eq!(
        texts(&document),
        vec![
            "Sáng 19/7, Thủ tướng chủ trì hội nghị về chuyển đổi số với các bộ, ngành, địa phương.",
            "Thủ tướng giao Bộ Thông tin và Truyền thông hoàn thành Chiến lược trước ngày 30/8/2024.",
            "Các bộ, ngành, địa phương đẩy nhanh số hóa hồ sơ thủ tục hành chính."
        ]
    );
}

#[test]
fn news_page_text_drops_weather_captions_and_related_articles() {
    let bytes = std::fs::read(common::root().join("seeds/001_22299002bbecd669.txt")).unwrap();
    let document = read(&bytes, "001.txt", &IngestOptions::default()).unwrap();
    for block in &document.blocks {
        assert!(!block.text.contains("°C"), "{}", block.text);
        assert!(!block.text.contains("Ảnh:"), "{}", block.text);
        assert!(
            !block.text.contains("Đà Nẵng phải đạt tăng trưởng"),
            "{}",
            block.text
        );
    }
    assert_eq!(
        document.meta.published.map(|d| d.iso()).as_deref(),
        Some("2024-07-19")
    );
}

#[test]
fn markdown_markup_is_cut_with_spans_in_the_file() {
    let document = fixture("plan.md");
    assert_eq!(document.basis, SpanBasis::File);
    assert_eq!(document.meta.doc_type, DocType::KeHoach);
    let goal = document
        .blocks
        .iter()
        .find(|b| b.section == "I" && b.kind == BlockKind::Paragraph)
        .unwrap();
    assert_eq!(
        goal.text,
        "Đến hết năm 2025, 80% hồ sơ được xử lý trực tuyến và 100% cơ quan kết nối trục liên thông."
    );
    let rows: Vec<_> = document
        .blocks
        .iter()
        .filter_map(|b| b.table.as_ref())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].cell("cơ quan"), Some("Sở Giáo dục và Đào tạo"));
}

#[test]
fn windows_1258_is_decoded_and_composed() {
    let document = fixture("thong_bao_cp1258.txt");
    assert_eq!(document.encoding, "windows-1258");
    assert_eq!(document.basis, SpanBasis::Decoded);
    assert_eq!(document.meta.doc_type, DocType::ThongBao);
    assert_eq!(
        document.meta.meeting_date.map(|d| d.iso()).as_deref(),
        Some("2023-05-12")
    );
    let item = &document.blocks[1];
    assert!(
        item.text
            .starts_with("Giao Sở Thông tin và Truyền thông chủ trì"),
        "{}",
        item.text
    );
    // Composed: `ệ` is one char, not `ê` + a combining dot.
    assert!(item.text.contains("hoàn thành kế hoạch"));
    assert!(!item
        .text
        .chars()
        .any(|c| ('\u{300}'..='\u{36f}').contains(&c)));
}

#[test]
fn tcvn3_is_detected_and_decoded() {
    let document = fixture("ke_hoach_tcvn3.txt");
    assert_eq!(document.encoding, "tcvn3");
    assert_eq!(document.meta.doc_type, DocType::KeHoach);
    assert_eq!(
        texts(&document),
        vec![
            "Các sở, ban, ngành và ủy ban nhân dân các huyện thực hiện nhiệm vụ được giao.",
            "Sở Tài chính bố trí kinh phí trong quý II năm 2022."
        ]
    );
}

#[test]
fn vni_is_detected_and_decoded() {
    let document = fixture("bao_cao_vni.txt");
    assert_eq!(document.encoding, "vni");
    assert_eq!(document.meta.doc_type, DocType::BaoCao);
    assert_eq!(
        document.meta.title.as_deref(),
        Some("Kết quả chuyển đổi số quý I năm 2023")
    );
    assert_eq!(
        document.blocks[1].text,
        "Ủy ban nhân dân các huyện hoàn thành số hóa hồ sơ trước ngày 30 tháng 6 năm 2023."
    );
}

#[test]
fn pdf_with_text_layer_is_read_and_scan_is_skipped() {
    let document = read(
        &common::pdf("Bo Y te chu tri xay dung ke hoach chuyen doi so nam 2024."),
        "a.pdf",
        &IngestOptions::default(),
    )
    .unwrap();
    assert_eq!(
        texts(&document),
        vec!["Bo Y te chu tri xay dung ke hoach chuyen doi so nam 2024."]
    );
    let error = read(&common::pdf(""), "scan.pdf", &IngestOptions::default()).unwrap_err();
    assert!(matches!(error, IngestError::NoTextLayer));
    assert!(error.is_skip());
    assert_eq!(error.to_string(), "no text layer (needs OCR)");
}

#[test]
fn pdf_lines_wrap_into_paragraphs() {
    let bytes = common::pdf_lines(&[
        "1. Bo Y te chu tri xay dung ke hoach chuyen doi so giai doan",
        "2024-2025 va trien khai nen tang du lieu dung chung, phoi hop voi",
        "Bo Cong an trien khai thuc hien.",
        "2. Bo Cong an",
        "Xay dung tai lieu huong dan ket noi du lieu dan cu cho cac bo.",
        "Bo Tai chinh bo tri kinh phi thuc hien cac nhiem vu neu tren.",
    ]);
    let document = read(&bytes, "a.pdf", &IngestOptions::default()).unwrap();
    let blocks: Vec<(&str, &str)> = document
        .blocks
        .iter()
        .map(|b| (b.section.as_str(), b.text.as_str()))
        .collect();
    assert_eq!(
        blocks,
        vec![
            ("1", "Bo Y te chu tri xay dung ke hoach chuyen doi so giai doan 2024-2025 va trien khai nen tang du lieu dung chung, phoi hop voi Bo Cong an trien khai thuc hien."),
            ("2", "Bo Cong an"),
            ("2", "Xay dung tai lieu huong dan ket noi du lieu dan cu cho cac bo."),
            ("2", "Bo Tai chinh bo tri kinh phi thuc hien cac nhiem vu neu tren."),
        ]
    );
}

#[test]
fn month_precision_date_counts_from_the_first_of_the_month() {
    let bytes = std::fs::read(common::root().join("seeds/002_cc042c5462137913.txt")).unwrap();
    let document = read(&bytes, "002.txt", &IngestOptions::default()).unwrap();
    let date = document.meta.date.unwrap();
    assert_eq!(
        (date.iso().as_str(), date.precision),
        ("2024-07-01", DatePrecision::Month)
    );
    assert_eq!(document.meta.number.as_deref(), Some("/BC-BTTTT"));
}

#[test]
fn seed_000_page_break_footnote_block_is_rejoined() {
    let bytes = std::fs::read(common::root().join("seeds/000_f2bc9af13eb5ee11.txt")).unwrap();
    let document = read(&bytes, "000.txt", &IngestOptions::default()).unwrap();
    let item = document
        .blocks
        .iter()
        .find(|b| b.section == "B.II.2")
        .unwrap();
    assert!(
        item.text
            .contains("chỉ đạo của Chính phủ, Thủ tướng Chính phủ; tập trung đẩy mạnh"),
        "{}",
        item.text
    );
    assert!(!item.text.contains("5 bảo đảm"));
    let note = document.footnotes.iter().find(|f| f.label == "6").unwrap();
    assert!(note.text.contains("\"5 không\": (1) Không nói không"));
    assert!(document.blocks.iter().all(|b| !b.text.contains('⁶')));
}

#[test]
fn nfd_crlf_and_bom_inputs_read_like_the_plain_file() {
    let plain =
        std::fs::read_to_string(common::root().join("seeds/000_f2bc9af13eb5ee11.txt")).unwrap();
    let reference = read(plain.as_bytes(), "a.txt", &IngestOptions::default()).unwrap();
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd(plain.as_str()).collect();
    let variants = [
        ("nfd", nfd.clone()),
        ("crlf", plain.replace('\n', "\r\n")),
        ("bom", format!("\u{feff}{plain}")),
        (
            "nfd+crlf+bom",
            format!("\u{feff}{}", nfd.replace('\n', "\r\n")),
        ),
    ];
    for (what, text) in variants {
        let document = read(text.as_bytes(), "a.txt", &IngestOptions::default()).unwrap();
        assert_eq!(texts(&document), texts(&reference), "{what}");
        assert_eq!(
            document.footnotes.len(),
            reference.footnotes.len(),
            "{what}"
        );
        assert_eq!(document.meta.title, reference.meta.title, "{what}");
        let sections: Vec<&str> = document.blocks.iter().map(|b| b.section.as_str()).collect();
        let want: Vec<&str> = reference
            .blocks
            .iter()
            .map(|b| b.section.as_str())
            .collect();
        assert_eq!(sections, want, "{what}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048), ext in 0usize..6) {
        let name = ["a.txt", "a.md", "a.html", "a.docx", "a.pdf", "a"][ext];
        let _ = read(&bytes, name, &IngestOptions::default());
    }

    #[test]
    fn damaged_pdf_and_zip_never_panic(
        tail in proptest::collection::vec(any::<u8>(), 0..1024),
        kind in 0usize..3,
    ) {
        let mut bytes = match kind {
            0 => b"%PDF-1.4\n".to_vec(),
            1 => b"PK\x03\x04".to_vec(),
            _ => common::docx()[..200].to_vec(),
        };
        bytes.extend(tail);
        let _ = read(&bytes, "a.docx", &IngestOptions::default());
    }

    #[test]
    fn arbitrary_text_never_panics(text in "[\\PC\t\n¹²⁶\\[\\]|*#-]{0,400}") {
        for name in ["a.txt", "a.md"] {
            if let Ok(document) = read(text.as_bytes(), name, &IngestOptions::default()) {
                for block in &document.blocks {
                    prop_assert!(block.span.end <= document.source.len());
                    let _ = block.source_range(0..block.text.len());
                }
            }
        }
    }
}
