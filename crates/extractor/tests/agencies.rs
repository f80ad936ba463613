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
