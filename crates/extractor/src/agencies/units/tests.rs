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
        // `đăng` (post), `gửi` (send), `thông báo` (announce) end a name that runs in lower
        // case (`Phòng Công chức, viên chức`).
        (
            "phối hợp với Phòng Công chức, viên chức đăng thông báo tuyển dụng",
            "Phòng Công chức, viên chức",
        ),
        ("Phòng Tổ chức cán bộ gửi danh sách", "Phòng Tổ chức cán bộ"),
        (
            "Trung tâm Thông tin thông báo lịch thi",
            "Trung tâm Thông tin",
        ),
        (
            "phối hợp với Trung tâm Thông tin công nghiệp và thương mại đẩy mạnh",
            "Trung tâm Thông tin công nghiệp và thương mại",
        ),
        ("Báo Quảng Trị tăng cường thông tin", "Báo Quảng Trị"),
        // A unit of every commune named: its list of levels belongs to the name.
        (
            "Trạm Y tế các xã, phường rà soát danh sách",
            "Trạm Y tế các xã, phường",
        ),
        ("Trạm Y tế các cơ sở", "Trạm Y tế"),
        (
            "Báo và Phát thanh, Truyền hình Tuyên Quang tăng thời lượng tuyên truyền",
            "Báo và Phát thanh, Truyền hình Tuyên Quang",
        ),
        (
            "phối hợp với Báo và Phát thanh, Truyền hình Đồng Nai, các cơ quan",
            "Báo và Phát thanh, Truyền hình Đồng Nai",
        ),
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
        // The press body's head with no province after it is no name.
        "Báo và Phát thanh, Truyền hình tỉnh đưa tin",
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
fn the_departments_own_office_and_inspectorate() {
    let context = AgencyContext {
        department: Some("Sở Nội vụ tỉnh Đồng Nai".into()),
        ..Default::default()
    };
    let names = |text: &str| -> Vec<String> {
        super::super::find(text, &context)
            .into_iter()
            .map(|m| m.name)
            .collect()
    };
    assert_eq!(
        names("Văn phòng Sở bố trí địa điểm"),
        ["Văn phòng Sở Nội vụ tỉnh Đồng Nai"]
    );
    assert_eq!(
        names("Thanh tra Sở kiểm tra"),
        ["Thanh tra Sở Nội vụ tỉnh Đồng Nai"]
    );
    // With the province known too (a department's document is a province's): the
    // department's inspectorate, not the province's (`Thanh tra tỉnh`).
    let provincial = AgencyContext {
        province: Some("tỉnh Lào Cai".into()),
        department: Some("Sở Y tế tỉnh Lào Cai".into()),
        ..Default::default()
    };
    let found: Vec<String> = super::super::find("phối hợp với Thanh tra Sở kiểm tra", &provincial)
        .into_iter()
        .map(|m| m.name)
        .collect();
    assert_eq!(found, ["Thanh tra Sở Y tế tỉnh Lào Cai"]);
    // Outside a department's document `Văn phòng Sở` names nobody in particular.
    let bare: Vec<String> = super::super::find("Văn phòng Sở bố trí", &AgencyContext::default())
        .into_iter()
        .map(|m| m.name)
        .collect();
    assert!(bare.is_empty(), "{bare:?}");
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
fn the_party_bodies_of_a_province() {
    let context = AgencyContext {
        province: Some("tỉnh Hà Tĩnh".to_string()),
        ..Default::default()
    };
    let names_in = |text: &str, context: &AgencyContext| -> Vec<String> {
        super::super::find(text, context)
            .into_iter()
            .map(|m| m.name)
            .collect()
    };
    // The committee's boards take the province's proper name after `Tỉnh ủy`.
    assert_eq!(
        names_in("Văn phòng Tỉnh ủy theo dõi, đôn đốc", &context),
        ["Văn phòng Tỉnh ủy Hà Tĩnh"]
    );
    assert_eq!(
        names_in("Ủy ban Kiểm tra Tỉnh ủy chủ trì", &context),
        ["Ủy ban Kiểm tra Tỉnh ủy Hà Tĩnh"]
    );
    // The Party's committee of a body the gazetteer knows is named with that body's full
    // name; the body it leads (`lãnh đạo`) is a mention of its own.
    assert_eq!(
        names_in(
            "Đảng ủy Công an tỉnh lãnh đạo Công an tỉnh bảo đảm an ninh",
            &context
        ),
        ["Đảng ủy Công an tỉnh Hà Tĩnh", "Công an tỉnh Hà Tĩnh"]
    );
    assert_eq!(
        names_in("Ban cán sự đảng Bộ Tài chính chỉ đạo", &context),
        ["Ban cán sự đảng Bộ Tài chính"]
    );
    // A city's committee (`Thành ủy`) in a city's document; outside a provincial document,
    // or with a lower-case committee (`các đảng ủy xã`), nothing is added.
    let city = AgencyContext {
        province: Some("thành phố Hà Nội".to_string()),
        ..Default::default()
    };
    assert_eq!(
        names_in("Ban Tổ chức Thành ủy chủ trì", &city),
        ["Ban Tổ chức Thành ủy Hà Nội"]
    );
    assert_eq!(
        names("Ban Tổ chức Tỉnh ủy chủ trì", None),
        ["Ban Tổ chức Tỉnh ủy"]
    );
    assert!(names("Các đảng ủy xã, phường xây dựng kế hoạch", None).is_empty());
    // The province's youth union and Party committee standing alone are whole names.
    let tay_ninh = AgencyContext {
        province: Some("tỉnh Tây Ninh".to_string()),
        ..Default::default()
    };
    assert_eq!(
        names_in("Tỉnh đoàn phối hợp tuyên truyền", &tay_ninh),
        ["Tỉnh đoàn Tây Ninh"]
    );
    assert_eq!(
        names_in("báo cáo Thành đoàn, Thành ủy", &city),
        ["Thành đoàn Hà Nội", "Thành ủy Hà Nội"]
    );
    // Lower-case, `tỉnh đoàn kết` is the province uniting.
    assert!(names_in("toàn tỉnh đoàn kết một lòng", &tay_ninh).is_empty());
}

#[test]
fn the_units_of_a_commune() {
    // A commune's or ward's station, team and youth union, and the fields a department's name
    // lists up to `và` (`Phòng Kinh tế, Hạ tầng và Đô thị`).
    assert_eq!(
        names("Trạm Y tế phường chủ trì kiểm tra", None),
        ["Trạm Y tế phường"]
    );
    assert_eq!(
        names("phối hợp với Đoàn Thanh niên phường tuyên truyền", None),
        ["Đoàn Thanh niên phường"]
    );
    assert_eq!(
        names("Phòng Kinh tế, Hạ tầng và Đô thị bố trí kinh phí", None),
        ["Phòng Kinh tế, Hạ tầng và Đô thị"]
    );
    assert_eq!(
        names("Trung tâm Văn hóa, Thông tin và Thể thao tổ chức", None),
        ["Trung tâm Văn hóa, Thông tin và Thể thao"]
    );
    // After the comma another body begins, or the list has no `và` before a capital: the
    // comma ends the name.
    assert_eq!(
        names("Cục Điện lực, Viện Năng lượng và Vụ Dầu khí theo dõi", None),
        ["Cục Điện lực", "Viện Năng lượng", "Vụ Dầu khí"]
    );
    assert_eq!(
        names("Phòng Kinh tế, Hà Tĩnh chủ trì", None),
        ["Phòng Kinh tế"]
    );
    // `Tổ quốc` is the fatherland, no team.
    assert!(names("bảo vệ vững chắc Tổ Quốc trong tình hình mới", None).is_empty());
}

#[test]
fn a_responsibility_cell_names_bodies_by_their_head() {
    let context = AgencyContext::default();
    let cell = |text: &str| -> Vec<String> {
        super::super::find_in_cell(text, &context)
            .into_iter()
            .map(|m| m.name)
            .collect()
    };
    // In a cell the items tell where a name ends, so a lower-case name is taken.
    assert_eq!(
        cell("Tổ công nghệ số cộng đồng; Đoàn Thanh niên phường"),
        ["Tổ công nghệ số cộng đồng", "Đoàn Thanh niên phường"]
    );
    assert_eq!(
        cell("Bộ Y tế, Tổ công tác liên ngành"),
        ["Bộ Y tế", "Tổ công tác liên ngành"]
    );
    // Groups and bare nouns are no body; in running text a lower-case name is not taken.
    assert!(cell("Các khu phố").is_empty());
    assert!(cell("Doanh nghiệp viễn thông").is_empty());
    assert!(names("Tổ công nghệ số cộng đồng hướng dẫn người dân", None).is_empty());
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
