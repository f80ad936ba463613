//! The header scan's tests: numbers, dates, issuers, provinces, titles.

use super::*;

#[test]
fn official_header() {
    let lines = [
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH QUẢNG NINH\tĐộc lập - Tự do - Hạnh phúc",
        "",
        "Số: 12/KH-UBND\tQuảng Ninh, ngày 05 tháng 3 năm 2024",
        "",
        "KẾ HOẠCH",
        "Triển khai chuyển đổi số",
        "năm 2024",
        "____",
        "",
        "Căn cứ Luật ...",
    ];
    let header = scan(&lines);
    let meta = &header.meta;
    assert_eq!(meta.doc_type, DocType::KeHoach);
    assert_eq!(meta.number.as_deref(), Some("12/KH-UBND"));
    assert_eq!(meta.place.as_deref(), Some("Quảng Ninh"));
    assert_eq!(meta.date.map(|d| d.iso()), Some("2024-03-05".to_string()));
    assert_eq!(
        meta.issuer.as_deref(),
        Some("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH")
    );
    assert_eq!(meta.province.as_deref(), Some("tỉnh Quảng Ninh"));
    assert_eq!(
        meta.title.as_deref(),
        Some("Triển khai chuyển đổi số năm 2024")
    );
    assert_eq!(header.body_start, 10);
}

#[test]
fn title_stops_where_the_body_starts() {
    let lines = [
        "CHỈ THỊ",
        "Về việc triển khai Đề án 06 tại",
        "Bộ Công an",
        "Thời gian qua, các bộ đã làm.",
        "1. Bộ Y tế",
    ];
    let header = scan(&lines);
    assert_eq!(
        header.meta.title.as_deref(),
        Some("Về việc triển khai Đề án 06 tại Bộ Công an")
    );
    assert_eq!(header.body_start, 3);
}

#[test]
fn cong_van_title() {
    let lines = [
        "BỘ THÔNG TIN VÀ TRUYỀN THÔNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 2516/BTTTT-CATTT\tHà Nội, ngày 01 tháng 7 năm 2024",
        "V/v bảo đảm an toàn thông tin",
        "cho hệ thống thông tin",
        "Kính gửi: Các bộ, ngành",
    ];
    let header = scan(&lines);
    assert_eq!(header.meta.doc_type, DocType::CongVan);
    assert_eq!(
        header.meta.title.as_deref(),
        Some("bảo đảm an toàn thông tin cho hệ thống thông tin")
    );
    assert_eq!(header.body_start, 4);
}

#[test]
fn blank_number_and_blank_day() {
    let lines = [
        "Số: /BC-BTTTT",
        "",
        "Hà Nội, ngày tháng 7 năm 2024",
        "BÁO CÁO",
        "Về x",
    ];
    let meta = scan(&lines).meta;
    assert_eq!(meta.number.as_deref(), Some("/BC-BTTTT"));
    let date = meta.date.unwrap();
    assert_eq!(
        (date.iso().as_str(), date.precision),
        ("2024-07-01", DatePrecision::Month)
    );
}

#[test]
fn a_resolutions_number_after_its_kind() {
    // The National Assembly writes `Nghị quyết số: 215/2025/QH15`, `số` in lower case.
    let lines = [
        "QUỐC HỘI",
        "Nghị quyết số: 215/2025/QH15",
        "Hà Nội, ngày 28 tháng 11 năm 2025",
        "NGHỊ QUYẾT",
        "Về x",
    ];
    assert_eq!(scan(&lines).meta.number.as_deref(), Some("215/2025/QH15"));
    // A citation in prose (`số` with no colon) names the document cited, not this one.
    let lines = [
        "Bộ Y tế chủ trì theo Quyết định số 5/QĐ-TTg.",
        "",
        "Nội dung.",
    ];
    assert_eq!(scan(&lines).meta.number, None);
}

#[test]
fn a_news_stamp_with_its_view_counter_and_a_provincial_portal() {
    let lines = [
        "Chủ tịch UBND tỉnh chỉ đạo khắc phục sạt lở",
        "Cổng thông tin điện tử tỉnh Lâm Đồng",
        "24/11/2025 08:30 Lượt xem: 1.245",
        "Chiều 23/11, Chủ tịch Ủy ban nhân dân tỉnh đã kiểm tra hiện trường.",
    ];
    let header = scan(&lines);
    assert!(header.news);
    assert_eq!(
        header.meta.published.map(|d| d.iso()),
        Some("2025-11-24".into())
    );
    assert_eq!(header.meta.province.as_deref(), Some("tỉnh Lâm Đồng"));
    // A national site names no province; a headline is not a site's name unless it ends
    // with a province.
    let lines = [
        "Thủ tướng chỉ đạo khắc phục sạt lở tại các tỉnh miền Trung",
        "Báo Điện tử Chính phủ",
        "24/11/2025 08:30",
        "Sáng 24/11, Thủ tướng chủ trì cuộc họp.",
    ];
    assert_eq!(scan(&lines).meta.province, None);
    // A counter alone is no stamp.
    assert!(!scan(&["Lượt xem: 1.245", "Nội dung bài viết dài hơn một chút."]).news);
}

#[test]
fn a_news_pages_press_name_before_its_stamp() {
    let lines = [
        "Báo Đồng Nai điện tử",
        "Chính trị | Kinh tế | Xã hội",
        "Thứ Ba, 10/11/2026 - 17:42",
        "Chủ tịch UBND tỉnh làm việc với các sở, ngành về tiến độ sân bay",
        "(ĐN) - Chiều 10-11, Chủ tịch UBND tỉnh chủ trì buổi làm việc.",
    ];
    let header = scan(&lines);
    assert!(header.news);
    assert_eq!(
        header.meta.publisher.as_deref(),
        Some("Báo Đồng Nai điện tử")
    );
    // A headline that opens with `Báo` is no press name: a sentence, or too long.
    let lines = [
        "Báo cáo kết quả thực hiện Nghị quyết số 01 của Chính phủ trong quý III năm 2026.",
        "10/11/2026 17:42",
        "Nội dung.",
    ];
    assert_eq!(scan(&lines).meta.publisher, None);
}

#[test]
fn news_stamp_and_short_meeting_date() {
    let lines = [
        "Hà Nội 21 °C",
        "Thủ tướng: Phát huy vai trò tiên phong để tăng tốc",
        "Pháp luật",
        "19/07/2024 14:30",
        "VGP",
        "Sáng 19/7, Thủ tướng chủ trì Hội nghị.",
    ];
    let header = scan(&lines);
    assert!(header.news);
    assert_eq!(header.meta.doc_type, DocType::News);
    assert_eq!(
        header.meta.published.map(|d| d.iso()),
        Some("2024-07-19".into())
    );
    assert_eq!(
        header.meta.meeting_date.map(|d| d.iso()),
        Some("2024-07-19".into())
    );
    assert_eq!(header.body_start, 5);
    assert!(header
        .meta
        .title
        .unwrap()
        .starts_with("Thủ tướng: Phát huy"));
}

#[test]
fn issuers() {
    assert_eq!(
        issuer(&["BỘ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI", "Số: 1/BC-LĐTBXH"]).as_deref(),
        Some("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI")
    );
    assert_eq!(
        issuer(&["BỘ TÀI CHÍNH", "TỔNG CỤC THUẾ", "", "Số: 1/TCT"]).as_deref(),
        Some("TỔNG CỤC THUẾ")
    );
    assert_eq!(
        issuer(&["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "VĂN PHÒNG CHÍNH PHỦ"]).as_deref(),
        Some("VĂN PHÒNG CHÍNH PHỦ")
    );
}

#[test]
fn a_department_is_in_its_parent_provinces() {
    let head = [
        "UBND TỈNH QUẢNG TRỊ",
        "SỞ Y TẾ",
        "-------",
        "Số: 2150/SYT-NVY",
    ];
    assert_eq!(issuer(&head).as_deref(), Some("SỞ Y TẾ"));
    assert_eq!(issuing_province(&head).as_deref(), Some("tỉnh Quảng Trị"));
    // The issuer's own province wins; a ministry's unit has none.
    let head = ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NINH", "Số: 1/KH-UBND"];
    assert_eq!(issuing_province(&head).as_deref(), Some("tỉnh Quảng Ninh"));
    assert_eq!(issuing_province(&["BỘ TÀI CHÍNH", "TỔNG CỤC THUẾ"]), None);
}

#[test]
fn provinces() {
    assert_eq!(
        province_of("UBND THÀNH PHỐ HÀ NỘI").as_deref(),
        Some("thành phố Hà Nội")
    );
    assert_eq!(province_of("BỘ Y TẾ"), None);
    // A Party committee's header names its province after `ỦY`.
    assert_eq!(
        province_of("TỈNH ỦY HÀ TĨNH").as_deref(),
        Some("tỉnh Hà Tĩnh")
    );
    assert_eq!(
        province_of("THÀNH ỦY HÀ NỘI").as_deref(),
        Some("thành phố Hà Nội")
    );
    assert_eq!(province_of("BAN CHẤP HÀNH TRUNG ƯƠNG"), None);
}

/// [`type_of_line`] as first written: every line upper-cased.
fn type_of_line_reference(line: &str) -> Option<DocType> {
    let line = line.trim().trim_end_matches(':').trim().to_uppercase();
    TYPES
        .iter()
        .find(|(word, _)| line == *word)
        .map(|(_, doc_type)| *doc_type)
}

proptest::proptest! {
    #[test]
    fn type_of_line_agrees_with_upper_casing_every_line(
        line in "( |:|THÔNG|thông|BÁO|báo|NGHỊ|QUYẾT|quyết|ĐỊNH|KẾ|HOẠCH|ß|x){0,5}"
    ) {
        proptest::prop_assert_eq!(type_of_line(&line), type_of_line_reference(&line));
    }
}
