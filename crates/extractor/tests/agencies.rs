//! Agencies: the gazetteer's coverage, every alias family and group phrases, each with
//! negatives. Role shapes and mention spans are in `agencies_roles.rs`.

use chrono::NaiveDate;
use std::sync::Arc;
use vntask_extractor::agencies::{
    find, parse_tsv, AgencyContext, AgencyMention, Gazetteer, Kind, BUILTIN_TSV,
};
use vntask_writer::AgencyGroup;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn ctx() -> AgencyContext {
    AgencyContext {
        date: date(2024, 7, 19),
        ..Default::default()
    }
}

fn names(text: &str) -> Vec<String> {
    find(text, &ctx())
        .into_iter()
        .map(|m| m.name)
        .filter(|n| !n.is_empty())
        .collect()
}

fn groups(text: &str) -> Vec<AgencyGroup> {
    find(text, &ctx())
        .into_iter()
        .flat_map(|m| m.groups)
        .collect()
}

fn ids(text: &str) -> Vec<String> {
    find(text, &ctx())
        .into_iter()
        .filter_map(|m| m.id)
        .collect()
}

// ---- The data -------------------------------------------------------------------------

#[test]
fn builtin_data_parses_and_links_resolve() {
    let entries = parse_tsv(BUILTIN_TSV).expect("built-in gazetteer parses");
    let gazetteer = Gazetteer::builtin();
    assert_eq!(gazetteer.entries().len(), entries.len());
    for entry in &entries {
        if let Some(successor) = &entry.successor {
            assert!(
                gazetteer.get(successor).is_some(),
                "{}: unknown successor {successor}",
                entry.id
            );
        }
        if let (Some(from), Some(to)) = (entry.from, entry.to) {
            assert!(from <= to, "{}: validity ends before it starts", entry.id);
        }
        assert!(!entry.source.is_empty(), "{}: no legal source", entry.id);
    }
    let mut sorted: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    sorted.sort_unstable();
    let before = sorted.len();
    sorted.dedup();
    assert_eq!(before, sorted.len(), "duplicate ids");
}

fn count(kinds: &[Kind], on: Option<NaiveDate>) -> usize {
    Gazetteer::builtin()
        .entries()
        .iter()
        .filter(|e| kinds.contains(&e.kind) && e.valid_on(on))
        .count()
}

#[test]
fn province_counts_before_and_after_the_2025_merger() {
    let provinces = [Kind::Province, Kind::City];
    assert_eq!(count(&provinces, date(2024, 7, 1)), 63);
    assert_eq!(count(&provinces, date(2025, 6, 30)), 63);
    assert_eq!(count(&provinces, date(2025, 7, 1)), 34);
    assert_eq!(count(&[Kind::City], date(2025, 7, 1)), 6);
}

#[test]
fn government_structure_before_and_after_1_march_2025() {
    // 18 ministries and 4 ministry-level agencies, then 14 and 3 (NQ 176/2025/QH15).
    assert_eq!(count(&[Kind::Ministry], date(2024, 7, 1)), 18);
    assert_eq!(count(&[Kind::MinistryLevel], date(2024, 7, 1)), 4);
    assert_eq!(count(&[Kind::Ministry], date(2025, 3, 1)), 14);
    assert_eq!(count(&[Kind::MinistryLevel], date(2025, 3, 1)), 3);
}

#[test]
fn current_follows_the_mergers() {
    let gazetteer = Gazetteer::builtin();
    let current = |id: &str| gazetteer.current(id).map(|e| e.name.clone());
    assert_eq!(
        current("bo-thong-tin-va-truyen-thong").as_deref(),
        Some("Bộ Khoa học và Công nghệ")
    );
    assert_eq!(
        current("bo-ke-hoach-va-dau-tu").as_deref(),
        Some("Bộ Tài chính")
    );
    assert_eq!(
        current("bo-lao-dong-thuong-binh-va-xa-hoi").as_deref(),
        Some("Bộ Nội vụ")
    );
    assert_eq!(
        current("bo-giao-thong-van-tai").as_deref(),
        Some("Bộ Xây dựng")
    );
    assert_eq!(
        current("bo-tai-nguyen-va-moi-truong").as_deref(),
        Some("Bộ Nông nghiệp và Môi trường")
    );
    assert_eq!(
        current("uy-ban-dan-toc").as_deref(),
        Some("Bộ Dân tộc và Tôn giáo")
    );
    assert_eq!(current("p-ha-giang").as_deref(), Some("Tuyên Quang"));
    assert_eq!(current("bo-cong-an"), None);
    let merged = gazetteer.get("bo-nong-nghiep-va-moi-truong").unwrap();
    assert_eq!(merged.predecessors.len(), 2);

    let mention = &find("Bộ Thông tin và Truyền thông chủ trì", &ctx())[0];
    assert_eq!(mention.name, "Bộ Thông tin và Truyền thông");
    assert_eq!(mention.current.as_deref(), Some("Bộ Khoa học và Công nghệ"));
    let mention = &find("Sở Kế hoạch và Đầu tư tỉnh Hà Giang", &ctx())[0];
    assert_eq!(mention.name, "Sở Kế hoạch và Đầu tư tỉnh Hà Giang");
    assert_eq!(
        mention.current.as_deref(),
        Some("Sở Tài chính tỉnh Tuyên Quang")
    );
    assert_eq!(find("Bộ Công an chủ trì", &ctx())[0].current, None);
}

/// A date inside the entry's validity.
fn inside(entry: &vntask_extractor::agencies::Entry) -> Option<NaiveDate> {
    entry.to.or(entry.from).or(date(2024, 7, 19))
}

#[test]
fn every_name_and_alias_is_reachable() {
    let gazetteer = Gazetteer::builtin();
    let mut failures = Vec::new();
    for entry in gazetteer.entries() {
        let context = AgencyContext {
            date: inside(entry),
            ..Default::default()
        };
        for name in std::iter::once(&entry.name).chain(&entry.aliases) {
            let (sentence, want) = match entry.kind {
                Kind::Province | Kind::City => {
                    let prefix = if entry.kind == Kind::City {
                        "thành phố "
                    } else {
                        "tỉnh "
                    };
                    let written = if name.to_uppercase().starts_with("TP") {
                        name.clone()
                    } else {
                        format!("{prefix}{name}")
                    };
                    (
                        format!("Giao Ủy ban nhân dân {written} chủ trì thực hiện."),
                        format!("ubnd@{}", entry.id),
                    )
                }
                Kind::ProvincialBody => (
                    format!("Giao {name} tỉnh Quảng Ninh chủ trì thực hiện."),
                    format!("{}@p-quang-ninh", entry.id),
                ),
                _ => (format!("Giao {name} chủ trì thực hiện."), entry.id.clone()),
            };
            let found: Vec<AgencyMention> = find(&sentence, &context);
            let got = found.first().and_then(|m| m.id.clone());
            if got.as_deref() != Some(want.as_str()) {
                failures.push(format!("{sentence:?}: want {want}, got {got:?}"));
            }
            let upper = sentence.to_uppercase();
            let got = find(&upper, &context).first().and_then(|m| m.id.clone());
            if got.as_deref() != Some(want.as_str()) {
                failures.push(format!("{upper:?}: want {want}, got {got:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} unreachable:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ---- Alias families --------------------------------------------------------------------

#[test]
fn tone_placement_diacritics_case_and_dashes() {
    let culture = "Bộ Văn hóa, Thể thao và Du lịch";
    assert_eq!(names("Bộ Văn hoá, Thể thao và Du lịch chủ trì"), [culture]);
    assert_eq!(names("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH"), [culture]);
    assert_eq!(names("Bo Van hoa, The thao va Du lich"), [culture]);
    assert_eq!(names("Uỷ ban Dân tộc"), ["Ủy ban Dân tộc"]);
    let labour = "Bộ Lao động - Thương binh và Xã hội";
    assert_eq!(names("Bộ Lao động – Thương binh và Xã hội"), [labour]);
    assert_eq!(names("Bộ Lao động-Thương binh và Xã hội"), [labour]);
    assert_eq!(names("Bộ  Tài   chính"), ["Bộ Tài chính"]);
    // Negatives: the words alone, and near misses.
    assert!(names("văn hóa, thể thao và du lịch").is_empty());
    assert!(names("quản lý tài chính công").is_empty());
    assert_eq!(names("Bộ Tài chính công bố"), ["Bộ Tài chính"]);
}

#[test]
fn abbreviations() {
    for (text, want) in [
        ("Bộ TT&TT", "Bộ Thông tin và Truyền thông"),
        ("Bộ TT & TT", "Bộ Thông tin và Truyền thông"),
        ("BTTTT", "Bộ Thông tin và Truyền thông"),
        ("Bộ KH&ĐT", "Bộ Kế hoạch và Đầu tư"),
        ("Bộ LĐTBXH", "Bộ Lao động - Thương binh và Xã hội"),
        ("Bộ NN&PTNT", "Bộ Nông nghiệp và Phát triển nông thôn"),
        ("Bộ TN&MT", "Bộ Tài nguyên và Môi trường"),
        ("Bộ GD&ĐT", "Bộ Giáo dục và Đào tạo"),
        (
            "Bộ Nông nghiệp & Phát triển nông thôn",
            "Bộ Nông nghiệp và Phát triển nông thôn",
        ),
        ("Bộ Khoa học & Công nghệ", "Bộ Khoa học và Công nghệ"),
        ("NHNN", "Ngân hàng Nhà nước Việt Nam"),
        ("VPCP", "Văn phòng Chính phủ"),
        ("BHXH Việt Nam", "Bảo hiểm xã hội Việt Nam"),
        ("TTXVN", "Thông tấn xã Việt Nam"),
        ("UBQG về CĐS", "Ủy ban Quốc gia về chuyển đổi số"),
        ("UBND TP. Hà Nội", "Ủy ban nhân dân thành phố Hà Nội"),
        (
            "UBND Tp.Hồ Chí Minh",
            "Ủy ban nhân dân Thành phố Hồ Chí Minh",
        ),
        ("UBND TP.HCM", "Ủy ban nhân dân Thành phố Hồ Chí Minh"),
        ("EVN", "Tập đoàn Điện lực Việt Nam"),
        ("Viettel", "Tập đoàn Công nghiệp - Viễn thông Quân đội"),
    ] {
        assert_eq!(names(&format!("Giao {text} thực hiện")), [want], "{text}");
    }
    // Negatives: abbreviations inside longer words.
    assert!(names("mã VPCPX và NHNNA").is_empty());
    assert!(names("hệ thống EVNHCMC").is_empty());
}

#[test]
fn elliptical_lists() {
    assert_eq!(
        names("các Bộ: Công an, Quốc phòng, Thông tin và Truyền thông"),
        [
            "Bộ Công an",
            "Bộ Quốc phòng",
            "Bộ Thông tin và Truyền thông"
        ]
    );
    assert_eq!(
        names("Bộ Giáo dục và Đào tạo, Y tế"),
        ["Bộ Giáo dục và Đào tạo", "Bộ Y tế"]
    );
    assert_eq!(
        names("Các bộ Xây dựng, Công Thương"),
        ["Bộ Xây dựng", "Bộ Công Thương"]
    );
    assert_eq!(
        names("Bộ trưởng các Bộ: Tài chính, Tư pháp"),
        ["Bộ Tài chính", "Bộ Tư pháp"]
    );
    // Negatives: lower-case words after a ministry, a field outside any list.
    assert_eq!(names("Bộ Tài chính, xây dựng cơ chế"), ["Bộ Tài chính"]);
    assert!(names("phát triển y tế, giáo dục").is_empty());
    assert_eq!(groups("các bộ thực hiện"), [AgencyGroup::Ministries]);
}

#[test]
fn word_boundaries() {
    assert_eq!(ids("Bộ Công an"), ["bo-cong-an"]);
    assert_eq!(ids("Bộ Công Thương"), ["bo-cong-thuong"]);
    for text in [
        "toàn bộ Công an nhân dân",
        "cán bộ Y tế",
        "đồng bộ Xây dựng",
        "nội bộ Tư pháp",
    ] {
        assert!(names(text).is_empty(), "{text}");
    }
}

#[test]
fn provinces_and_provincial_bodies() {
    assert_eq!(
        names("Ủy ban nhân dân tỉnh Quảng Ninh"),
        ["Ủy ban nhân dân tỉnh Quảng Ninh"]
    );
    assert_eq!(
        names("UBND Thành phố Hồ Chí Minh"),
        ["Ủy ban nhân dân Thành phố Hồ Chí Minh"]
    );
    assert_eq!(names("Sở Y tế tỉnh Lào Cai"), ["Sở Y tế tỉnh Lào Cai"]);
    assert_eq!(
        names("Công an tỉnh Thừa Thiên Huế"),
        ["Công an tỉnh Thừa Thiên Huế"]
    );
    assert_eq!(
        names("An Giang, Cần Thơ, Đắk Nông và Thành phố Hồ Chí Minh"),
        [
            "Ủy ban nhân dân tỉnh An Giang",
            "Ủy ban nhân dân thành phố Cần Thơ",
            "Ủy ban nhân dân tỉnh Đắk Nông",
            "Ủy ban nhân dân Thành phố Hồ Chí Minh"
        ]
    );
    assert_eq!(
        names("UBND các tỉnh: Lạng Sơn, Cao Bằng"),
        [
            "Ủy ban nhân dân tỉnh Lạng Sơn",
            "Ủy ban nhân dân tỉnh Cao Bằng"
        ]
    );
    // Negatives: a place name that is not a body.
    assert!(names("theo tư tưởng Hồ Chí Minh").is_empty());
    assert!(names("du lịch Quảng Ninh, Lào Cai phát triển").is_empty());
    assert!(names("thanh tra, kiểm tra").is_empty());
}

/// The names found in a document of the province Quảng Ninh dated `on`.
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
fn the_date_picks_among_homonyms() {
    let text = "Ủy ban Kinh tế và Tài chính của Quốc hội";
    let later = AgencyContext {
        date: date(2025, 5, 1),
        ..Default::default()
    };
    assert_eq!(
        find(text, &later)[0].id.as_deref(),
        Some("qh-uy-ban-kinh-te-va-tai-chinh")
    );
    assert_eq!(ids("Ủy ban Kinh tế của Quốc hội"), ["qh-uy-ban-kinh-te"]);
}

#[test]
fn a_user_file_adds_bodies_and_aliases() {
    let extra = "x-ban-chi-dao\tcommittee\tBan Chỉ đạo thử nghiệm\tBCĐTN\t2024-01-01\t\t\tQĐ thử\n\
                 bo-y-te\tministry\tBYTE\t\t\t\t\t\n";
    let gazetteer = Gazetteer::with_extra_text(extra).unwrap();
    let context = AgencyContext {
        gazetteer: Some(Arc::new(gazetteer)),
        ..ctx()
    };
    let found: Vec<String> = find("Giao BCĐTN và BYTE", &context)
        .into_iter()
        .filter_map(|m| m.id)
        .collect();
    assert_eq!(found, ["x-ban-chi-dao", "bo-y-te"]);
    assert!(
        ids("Giao BCĐTN").is_empty(),
        "the built-in gazetteer is unchanged"
    );
    assert!(Gazetteer::with_extra_text("id\tnot_a_kind\tName").is_err());
    assert!(Gazetteer::with_extra_text("id\tministry\tName\t\t2024-13-01").is_err());
}

// ---- Groups ------------------------------------------------------------------------------

#[test]
fn group_phrases() {
    use AgencyGroup::*;
    for (text, want) in [
        (
            "Các bộ, ngành, địa phương",
            vec![Ministries, GovernmentAgencies, Provinces],
        ),
        (
            "các Bộ, ngành và địa phương",
            vec![Ministries, GovernmentAgencies, Provinces],
        ),
        ("các bộ, ngành", vec![Ministries, GovernmentAgencies]),
        (
            "các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
            vec![Ministries, GovernmentAgencies],
        ),
        (
            "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
            vec![Provinces],
        ),
        ("UBND các tỉnh, thành phố trực thuộc TW", vec![Provinces]),
        ("các địa phương", vec![Provinces]),
        ("các cơ quan, đơn vị liên quan", vec![RelatedAgencies]),
        ("các bộ, cơ quan liên quan", vec![RelatedAgencies]),
        ("các bộ, ngành có liên quan", vec![RelatedAgencies]),
        (
            "các Ban Chỉ đạo chuyển đổi số của bộ, ngành, địa phương",
            vec![SteeringCommittees],
        ),
        ("các sở, ban, ngành", vec![Departments]),
        (
            "Ủy ban nhân dân các huyện, thị xã, thành phố",
            vec![Districts],
        ),
        ("UBND cấp xã", vec![Communes]),
        (
            "các tập đoàn, tổng công ty nhà nước",
            vec![StateEnterprises],
        ),
    ] {
        assert_eq!(groups(&format!("Giao {text} thực hiện")), want, "{text}");
    }
    // `có liên quan tới X` is not the related bodies.
    assert_eq!(
        groups("các bộ, ngành, địa phương có liên quan tới dự thảo"),
        [Ministries, GovernmentAgencies, Provinces]
    );
    // Negatives.
    for text in [
        "địa phương đã ban hành",
        "ngành y tế",
        "cơ quan báo chí",
        "Bộ Công an",
    ] {
        assert!(groups(text).is_empty(), "{text}");
    }
}

#[test]
fn every_group_phrase_is_found_with_its_groups() {
    use vntask_extractor::agencies::GROUP_PHRASES;
    let mut failures = Vec::new();
    for phrase in GROUP_PHRASES.iter().filter(|p| !p.needs_list) {
        let text = format!("Giao {} thực hiện", phrase.phrase);
        let found = groups(&text);
        if found != phrase.groups {
            failures.push(format!("{text:?}: want {:?}, got {found:?}", phrase.groups));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
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
