use super::*;

fn names(text: &str, ministry: Option<&str>) -> Vec<String> {
    let context = AgencyContext {
        ministry: ministry.map(str::to_string),
        ..Default::default()
    };
    super::super::find(text, &context)
        .into_iter()
        .map(|m| m.name)
        .collect()
}

#[test]
fn a_unit_name_runs_to_the_verb_or_the_punctuation() {
    for (text, expected) in [
        ("Cục Điện lực chủ trì, phối hợp", "Cục Điện lực"),
        (
            "Giao Cục Quản lý và Xây dựng công trình thủy lợi chủ trì",
            "Cục Quản lý và Xây dựng công trình thủy lợi",
        ),
        (
            "Giao Cục Kỹ thuật an toàn và Môi trường công nghiệp kiểm tra",
            "Cục Kỹ thuật an toàn và Môi trường công nghiệp",
        ),
        (
            "phối hợp với Vụ Kế hoạch - Tài chính:",
            "Vụ Kế hoạch - Tài chính",
        ),
        ("Viện Năng lượng nghiên cứu, đề xuất", "Viện Năng lượng"),
        (
            "phối hợp với Trung tâm Thông tin công nghiệp và thương mại đẩy mạnh",
            "Trung tâm Thông tin công nghiệp và thương mại",
        ),
        ("Báo Quảng Trị tăng cường thông tin", "Báo Quảng Trị"),
        ("Phòng Kinh tế, Phòng Văn hóa - Xã hội", "Phòng Kinh tế"),
        ("Cục Quản lý Khám, chữa bệnh", "Cục Quản lý Khám, chữa bệnh"),
        ("Cục Điện lực, các đơn vị", "Cục Điện lực"),
        ("Viện Năng lượng, tổng hợp báo cáo", "Viện Năng lượng"),
        ("(qua Cục Điện lực)", "Cục Điện lực"),
        (
            "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã chuẩn bị",
            "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã",
        ),
        (
            "Văn phòng HĐND và UBND huyện tổng hợp",
            "Văn phòng HĐND và UBND huyện",
        ),
    ] {
        assert_eq!(
            names(text, None).first().map(String::as_str),
            Some(expected),
            "{text}"
        );
    }
}

#[test]
fn two_units_joined_by_va_are_two() {
    assert_eq!(
        names("Cục Điện lực và Cục Hóa chất theo dõi", None),
        ["Cục Điện lực", "Cục Hóa chất"]
    );
}

#[test]
fn words_that_only_look_like_heads_are_not_units() {
    for text in [
        "Báo cáo kết quả về Bộ Y tế",
        "Phòng, chống thiên tai",
        "Ban hành kế hoạch",
        "Trường hợp cần thiết",
        "Vụ việc được xử lý",
        "Trung tâm của vùng",
        "giải quyết vụ án",
        "Cục 12",
        "Thành lập Ban Chỉ huy phòng cháy, chữa cháy rừng cấp xã",
        "kiện toàn Ban Quản lý rừng phòng hộ",
    ] {
        let found: Vec<_> = names(text, None)
            .into_iter()
            .filter(|n| !n.starts_with("Bộ "))
            .collect();
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

#[test]
fn the_ministrys_own_office_and_inspectorate() {
    assert_eq!(
        names("Văn phòng Bộ phối hợp", Some("Bộ Công Thương")),
        ["Văn phòng Bộ Công Thương"]
    );
    assert_eq!(
        names("Thanh tra Bộ Y tế chủ trì", None),
        ["Thanh tra Bộ Y tế"]
    );
    // Outside a ministry's document `Văn phòng Bộ` names nobody in particular.
    assert!(names("Văn phòng Bộ phối hợp", None).is_empty());
}

#[test]
fn a_unit_of_the_province_in_a_provincial_document() {
    let context = AgencyContext {
        province: Some("tỉnh Quảng Trị".to_string()),
        ..Default::default()
    };
    let found = super::super::find("Bệnh viện Đa khoa tỉnh bố trí", &context);
    assert_eq!(found[0].name, "Bệnh viện Đa khoa tỉnh Quảng Trị");
    assert_eq!(found[0].mention, "Bệnh viện Đa khoa tỉnh");
    // Named with its province, or at another level, it stays as written.
    let found = super::super::find("Bệnh viện Đa khoa tỉnh Hà Tĩnh bố trí", &context);
    assert_eq!(found[0].name, "Bệnh viện Đa khoa tỉnh Hà Tĩnh");
    let found = super::super::find("Bệnh viện Đa khoa thành phố bố trí", &context);
    assert_eq!(found[0].name, "Bệnh viện Đa khoa thành phố");
    assert_eq!(
        names("Bệnh viện Đa khoa tỉnh bố trí", None),
        ["Bệnh viện Đa khoa tỉnh"]
    );
}

#[test]
fn a_name_with_no_end_in_sight_is_not_taken() {
    assert!(names(
        "Trung tâm Dữ liệu quốc gia một hai ba bốn năm sáu bảy tám chín mười",
        None
    )
    .is_empty());
    assert_eq!(
        names("Trung tâm Dữ liệu quốc gia một hai ba chủ trì", None),
        ["Trung tâm Dữ liệu quốc gia một hai ba"]
    );
}

#[test]
fn a_gazetteer_name_keeps_its_id() {
    let context = AgencyContext::default();
    let found = super::super::find("Văn phòng Chính phủ chủ trì", &context);
    assert_eq!(found.len(), 1);
    assert!(found[0].id.is_some());
}

/// [`is_pair`] as it was, splitting every pair.
fn reference_is_pair(first: &str, second: &str, pair: &str) -> bool {
    pair.split_once(' ')
        .is_some_and(|(a, b)| lower_is(first, a) && lower_is(second, b))
}

#[test]
fn pairs_compared_by_length_first_are_the_pairs_split() {
    let pairs: Vec<&str> = VERB_PAIRS.iter().chain(OBJECT_VERBS).copied().collect();
    let mut words: Vec<String> = pairs
        .iter()
        .flat_map(|p| p.split(' '))
        .flat_map(|w| [w.to_string(), w.to_uppercase(), vntask_tokenizer::fold(w)])
        .collect();
    words.extend(["", "Chủ", "trì,", "x", "ĐÔN", "đốc", "thực hiện"].map(String::from));
    let mut found = 0;
    for pair in &pairs {
        for first in &words {
            for second in &words {
                let expected = reference_is_pair(first, second, pair);
                assert_eq!(
                    is_pair(first, second, pair),
                    expected,
                    "{first} {second} / {pair}"
                );
                found += usize::from(expected);
            }
        }
    }
    assert!(found >= 2 * pairs.len(), "only {found} pairs found");
}
