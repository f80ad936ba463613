//! Agencies in provincial documents: bodies named without their province, a province's
//! own bodies and committees, and the issuing province, department and ministry read from a
//! header. Split from `agencies.rs`.

use chrono::NaiveDate;
use vntask_extractor::agencies::{find, AgencyContext};

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn ids(text: &str) -> Vec<String> {
    find(text, &ctx())
        .into_iter()
        .filter_map(|m| m.id)
        .collect()
}

fn ctx() -> AgencyContext {
    AgencyContext {
        date: date(2024, 7, 19),
        ..Default::default()
    }
}

fn provincial_names(on: Option<NaiveDate>) -> impl Fn(&str) -> Vec<String> {
    let context = AgencyContext {
        date: on,
        province: Some("Quảng Ninh".into()),
        ..Default::default()
    };
    move |text: &str| {
        find(text, &context)
            .into_iter()
            .map(|m| m.name)
            .collect::<Vec<_>>()
    }
}

#[test]
fn a_provincial_document_qualifies_its_bodies() {
    let names = provincial_names(date(2024, 7, 19));
    assert_eq!(
        names("Sở Tài chính chủ trì"),
        ["Sở Tài chính tỉnh Quảng Ninh"]
    );
    assert_eq!(names("Công an tỉnh hướng dẫn"), ["Công an tỉnh Quảng Ninh"]);
    assert_eq!(
        names("Văn phòng UBND tỉnh"),
        ["Văn phòng Ủy ban nhân dân tỉnh Quảng Ninh"]
    );
    assert_eq!(
        names("Ủy ban nhân dân tỉnh ban hành"),
        ["Ủy ban nhân dân tỉnh Quảng Ninh"]
    );
    // Negative: the verb `thanh tra` and lower-case `công an` are not bodies.
    assert!(names("thanh tra việc thực hiện").is_empty());
    // Outside a provincial document a department stays as written, without an id, and so
    // does a provincial body with its level; the province's committee is left alone.
    let bare = find("Sở Tài chính chủ trì", &ctx());
    assert_eq!(bare[0].name, "Sở Tài chính");
    assert_eq!(bare[0].id, None);
    let national = |text: &str| {
        find(text, &ctx())
            .into_iter()
            .map(|m| m.name)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        national("giao Công an tỉnh phân luồng giao thông"),
        ["Công an tỉnh"]
    );
    assert!(national("Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo").is_empty());
}

/// A border province's Border Guard command, the provincial tax office (from July 2025) and
/// the one-stop service centre are the province's bodies.
#[test]
fn border_tax_and_service_bodies_of_a_province() {
    let names = provincial_names(date(2025, 12, 3));
    assert_eq!(
        names("Bộ Chỉ huy Bộ đội Biên phòng tỉnh chủ trì"),
        ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Ninh"]
    );
    assert_eq!(
        names("Thuế tỉnh tăng cường thanh tra"),
        ["Thuế tỉnh Quảng Ninh"]
    );
    assert_eq!(
        names("Trung tâm Phục vụ hành chính công tỉnh phối hợp"),
        ["Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh"]
    );
    assert_eq!(
        names("Bưu điện tỉnh chi trả trợ cấp"),
        ["Bưu điện tỉnh Quảng Ninh"]
    );
    // A one-word name is a body only with its level: at a sentence's start `Thuế` is a tax.
    assert!(names("Thuế giá trị gia tăng được giảm 2%").is_empty());
    // A named ward's or commune's committee is kept as written with its name, not taken for
    // the province's.
    assert_eq!(
        names("phối hợp với Ủy ban nhân dân phường Lâm Viên - Đà Lạt bố trí lực lượng"),
        ["Ủy ban nhân dân phường Lâm Viên - Đà Lạt"]
    );
    assert_eq!(
        names("Ủy ban nhân dân xã Tân Phú, Ủy ban nhân dân phường 3 thực hiện"),
        ["Ủy ban nhân dân xã Tân Phú", "Ủy ban nhân dân phường 3"]
    );
    // `Giám đốc các Sở: A, B`: the province's departments named by their field.
    assert_eq!(
        names("Giám đốc các Sở: Y tế, Tài chính, Nông nghiệp và Môi trường chủ trì"),
        [
            "Sở Y tế tỉnh Quảng Ninh",
            "Sở Tài chính tỉnh Quảng Ninh",
            "Sở Nông nghiệp và Môi trường tỉnh Quảng Ninh"
        ]
    );
    // Without fields after it, `các số:` (the numbers) is no group.
    assert!(names("Rà soát các số: 12, 13 trong danh mục").is_empty());
    assert!(find("Rà soát các số: 12, 13", &ctx()).is_empty());
    // So is a name that is a common noun: `Bưu điện văn hóa xã` is a village post office.
    assert!(names("Bưu điện văn hóa xã được nâng cấp").is_empty());
    assert!(names("thu thuế đúng hạn").is_empty());
}

/// The Front and the mass organisations have a committee in every province
/// (`Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh X`, `Hội Nông dân tỉnh X`), named like a department;
/// the national body keeps its own name (`Ủy ban Trung ương ...`, `... Việt Nam`).
#[test]
fn provincial_committees_of_the_front_and_mass_organisations() {
    let names = provincial_names(date(2025, 8, 12));
    assert_eq!(
        names("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh chỉ đạo"),
        ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Ninh"]
    );
    assert_eq!(
        names("Ủy ban MTTQ Việt Nam tỉnh Lào Cai"),
        ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lào Cai"]
    );
    assert_eq!(
        names("Hội Nông dân tỉnh, Hội LHPN tỉnh phối hợp"),
        [
            "Hội Nông dân tỉnh Quảng Ninh",
            "Hội Liên hiệp Phụ nữ tỉnh Quảng Ninh"
        ]
    );
    assert_eq!(
        names("Đài Phát thanh và Truyền hình tỉnh đưa tin"),
        ["Đài Phát thanh và Truyền hình tỉnh Quảng Ninh"]
    );
    // Negatives: the national bodies stay national.
    assert_eq!(
        ids("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),
        ["uy-ban-trung-uong-mttq-viet-nam"]
    );
    assert_eq!(ids("Hội Nông dân Việt Nam"), ["hoi-nong-dan-viet-nam"]);
    assert_eq!(
        ids("Tổng Liên đoàn Lao động Việt Nam"),
        ["tong-lien-doan-lao-dong"]
    );
}

#[test]
fn the_issuing_department_of_a_departments_document() {
    use vntask_extractor::agencies::issuing_department;
    assert_eq!(
        issuing_department("SỞ NỘI VỤ", Some("tỉnh Đồng Nai"), date(2025, 11, 14)).as_deref(),
        Some("Sở Nội vụ tỉnh Đồng Nai")
    );
    // A committee or a ministry is no department.
    assert_eq!(
        issuing_department("ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI", None, date(2025, 11, 14)),
        None
    );
    assert_eq!(
        issuing_department("BỘ Y TẾ", None, date(2025, 11, 14)),
        None
    );
}

#[test]
fn a_provinces_own_newspaper_names_the_province() {
    use vntask_extractor::agencies::{press_province, AgencyContext};
    let context = AgencyContext {
        date: date(2026, 11, 10),
        ..Default::default()
    };
    for (publisher, province) in [
        ("Báo Đồng Nai điện tử", "tỉnh Đồng Nai"),
        ("Báo điện tử Cà Mau", "tỉnh Cà Mau"),
        ("Báo Cần Thơ", "thành phố Cần Thơ"),
    ] {
        assert_eq!(
            press_province(publisher, &context).as_deref(),
            Some(province),
            "{publisher}"
        );
    }
    // National papers, and a paper named for something else.
    for publisher in [
        "Báo Nhân Dân điện tử",
        "Báo điện tử Chính phủ",
        "Báo Lao Động",
        "Tạp chí Tài chính",
    ] {
        assert_eq!(press_province(publisher, &context), None, "{publisher}");
    }
}

#[test]
fn the_issuing_province_of_a_provincial_document() {
    use vntask_extractor::agencies::issuing_province;
    let header = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\nSố: 12/KH-UBND";
    assert_eq!(
        issuing_province(header, date(2024, 7, 19)).as_deref(),
        Some("tỉnh Quảng Ninh")
    );
    let header = "UBND THÀNH PHỐ HÀ NỘI\nSố: 5/KH-UBND";
    assert_eq!(
        issuing_province(header, date(2024, 7, 19)).as_deref(),
        Some("thành phố Hà Nội")
    );
    // Negatives: a national document, and a province merely named later on.
    assert_eq!(
        issuing_province("VĂN PHÒNG CHÍNH PHỦ\nSố: 1/TB-VPCP", None),
        None
    );
    assert_eq!(
        issuing_province("BỘ Y TẾ\nSố: 1/KH-BYT\nGửi UBND tỉnh Lào Cai", None),
        None
    );
}

#[test]
fn the_issuing_ministry_of_a_ministrys_document() {
    use vntask_extractor::agencies::issuing_ministry;
    assert_eq!(
        issuing_ministry("BỘ CÔNG THƯƠNG", date(2025, 11, 10)).as_deref(),
        Some("Bộ Công Thương")
    );
    // Before 1 March 2025 the ministry of information still stood.
    assert_eq!(
        issuing_ministry("BỘ THÔNG TIN VÀ TRUYỀN THÔNG", date(2024, 7, 19)).as_deref(),
        Some("Bộ Thông tin và Truyền thông")
    );
    // Negatives: a government agency and a province are no ministries.
    assert_eq!(issuing_ministry("VĂN PHÒNG CHÍNH PHỦ", None), None);
    assert_eq!(
        issuing_ministry("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH", None),
        None
    );
}
