//! Agencies: role shapes (who leads, who supports, who is merely mentioned) and the spans of
//! mentions, each with negatives. Split from `agencies.rs`, which covers the data, alias
//! families and group phrases.

use chrono::NaiveDate;
use vntask_extractor::agencies::{assign_roles, find, AgencyContext, AgencyMention};
use vntask_writer::AgencyGroup;

fn ctx() -> AgencyContext {
    AgencyContext {
        date: NaiveDate::from_ymd_opt(2024, 7, 19),
        ..Default::default()
    }
}

/// Canonical names of the bodies found (groups left out).
fn names(text: &str) -> Vec<String> {
    find(text, &ctx())
        .into_iter()
        .map(|m| m.name)
        .filter(|n| !n.is_empty())
        .collect()
}

// ---- Roles -------------------------------------------------------------------------------

fn roles_of(text: &str) -> (Vec<String>, Vec<String>, Vec<AgencyGroup>, Vec<AgencyGroup>) {
    let mentions = find(text, &ctx());
    let roles = assign_roles(text, &mentions);
    let n = |v: &[AgencyMention]| v.iter().map(|m| m.name.clone()).collect::<Vec<_>>();
    (
        n(&roles.lead),
        n(&roles.support),
        roles.lead_groups,
        roles.support_groups,
    )
}

#[test]
fn the_addressee_leads() {
    assert_eq!(
        roles_of("Giao Bộ Tài chính chủ trì hướng dẫn").0,
        ["Bộ Tài chính"]
    );
    assert_eq!(
        roles_of("Thủ tướng Chính phủ giao Bộ Công an, Bộ Quốc phòng nghiên cứu").0,
        ["Bộ Công an", "Bộ Quốc phòng"]
    );
    assert_eq!(roles_of("Yêu cầu Bộ Y tế khẩn trương").0, ["Bộ Y tế"]);
    assert_eq!(
        roles_of("Đề nghị Kiểm toán nhà nước phối hợp").0,
        ["Kiểm toán nhà nước"]
    );
    assert_eq!(
        roles_of("Đề nghị các bộ, ngành, địa phương khẩn trương triển khai").2,
        [
            AgencyGroup::Ministries,
            AgencyGroup::GovernmentAgencies,
            AgencyGroup::Provinces
        ]
    );
}

#[test]
fn the_subject_leads() {
    assert_eq!(
        roles_of("Bộ Công an khẩn trương xây dựng dự án Luật").0,
        ["Bộ Công an"]
    );
    assert_eq!(
        roles_of("Định kỳ hàng tháng Bộ TT&TT báo cáo tình hình").0,
        ["Bộ Thông tin và Truyền thông"]
    );
    assert_eq!(
        roles_of("Thứ bảy, về phát triển nền tảng số, dữ liệu số, Bộ Kế hoạch và Đầu tư khẩn trương hoàn thiện").0,
        ["Bộ Kế hoạch và Đầu tư"]
    );
    assert_eq!(
        roles_of("nhiệm vụ do Bộ Tư pháp chủ trì thực hiện").0,
        ["Bộ Tư pháp"]
    );
}

#[test]
fn coordinators_support() {
    let (lead, support, _, support_groups) =
        roles_of("Bộ Công an chủ trì, phối hợp với Bộ Quốc phòng, Bộ Thông tin và Truyền thông và các cơ quan liên quan tăng cường bảo vệ");
    assert_eq!(lead, ["Bộ Công an"]);
    assert_eq!(support, ["Bộ Quốc phòng", "Bộ Thông tin và Truyền thông"]);
    assert_eq!(support_groups, [AgencyGroup::RelatedAgencies]);
    let (lead, support, ..) = roles_of("Bộ Công Thương cùng với Bộ Tài chính rà soát");
    assert_eq!(
        (lead, support),
        (
            vec!["Bộ Công Thương".to_string()],
            vec!["Bộ Tài chính".to_string()]
        )
    );
    let (_, support, ..) = roles_of("Bộ Nội vụ chủ trì, với sự phối hợp của Bộ Tư pháp");
    assert_eq!(support, ["Bộ Tư pháp"]);
    let (_, support, ..) = roles_of("Giao Bộ Công an làm việc cụ thể với Bộ Y tế và Bộ Tư pháp");
    assert_eq!(support, ["Bộ Y tế", "Bộ Tư pháp"]);
    // Coordinators run on past bodies outside the gazetteer, up to the next verb.
    let (lead, _, lead_groups, support_groups) = roles_of(
        "Bộ Nội vụ chủ trì, phối hợp với các cơ quan thông tấn, báo chí và các bộ, ngành, địa phương tăng cường tuyên truyền",
    );
    assert_eq!((lead, lead_groups), (vec!["Bộ Nội vụ".to_string()], vec![]));
    assert_eq!(
        support_groups,
        [
            AgencyGroup::Ministries,
            AgencyGroup::GovernmentAgencies,
            AgencyGroup::Provinces
        ]
    );
    // Negatives: `đồng hành cùng` is not coordination; a verb ends the coordinators.
    let (_, support, _, support_groups) =
        roles_of("Bộ Công Thương tổ chức hội nghị đồng hành cùng các địa phương");
    assert!(support.is_empty() && support_groups.is_empty());
    let (_, support, _, support_groups) =
        roles_of("Bộ Y tế phối hợp với Bộ Tài chính, hướng dẫn các địa phương thực hiện");
    assert_eq!(support, ["Bộ Tài chính"]);
    assert!(support_groups.is_empty());
}

#[test]
fn bodies_merely_mentioned_are_neither() {
    for text in [
        "Tổng hợp, báo cáo Bộ Tài chính trước ngày 15",
        "trình Văn phòng Chính phủ xem xét",
        "gửi Bộ Tư pháp thẩm định",
        "thực hiện theo hướng dẫn của Bộ Y tế",
        "phổ biến cho các bộ, ngành, địa phương tham khảo",
    ] {
        let (lead, support, lead_groups, support_groups) = roles_of(text);
        assert!(
            lead.is_empty()
                && support.is_empty()
                && lead_groups.is_empty()
                && support_groups.is_empty(),
            "{text}: {lead:?} {support:?} {lead_groups:?} {support_groups:?}"
        );
    }
    // `X chỉ đạo Y`: X leads, Y is neither.
    let (lead, support, lead_groups, support_groups) =
        roles_of("Bộ Công an chỉ đạo Công an các địa phương triển khai");
    assert_eq!(lead, ["Bộ Công an"]);
    assert!(support.is_empty() && lead_groups.is_empty() && support_groups.is_empty());
    // `X lãnh đạo Y`, `X lãnh đạo, chỉ đạo Y, Z ...` (a Party body directing a state body):
    // X leads; Y and every body listed after it up to the verb are directed, neither.
    let (lead, support, lead_groups, _) =
        roles_of("Đảng ủy Công an Trung ương lãnh đạo Bộ Công an bảo đảm an ninh mạng");
    assert_eq!(lead, ["Đảng ủy Công an Trung ương"]);
    assert!(support.is_empty() && lead_groups.is_empty());
    let (lead, _, lead_groups, _) = roles_of(
        "Ban Tổ chức Trung ương lãnh đạo, chỉ đạo Bộ Nội vụ, các bộ, ngành, địa phương hoàn thiện quy định",
    );
    assert_eq!(lead, ["Ban Tổ chức Trung ương"]);
    assert!(lead_groups.is_empty(), "{lead_groups:?}");
    // A semicolon ends the directed list: the next body is a subject again.
    let (lead, ..) =
        roles_of("Bộ Công an chỉ đạo Công an các địa phương; Bộ Quốc phòng khẩn trương triển khai");
    assert_eq!(lead, ["Bộ Công an", "Bộ Quốc phòng"]);
    // `lãnh đạo` after a directive verb is a title (the ministries' leaders), who lead.
    let (_, _, lead_groups, _) =
        roles_of("Đề nghị lãnh đạo các bộ, ngành quan tâm chỉ đạo thực hiện");
    assert_eq!(
        lead_groups,
        [AgencyGroup::Ministries, AgencyGroup::GovernmentAgencies]
    );
    // A body in brackets after the lead only says whose it is.
    let (lead, ..) =
        roles_of("Chính phủ giao Tổng cục Thống kê (Bộ Kế hoạch và Đầu tư) nghiên cứu");
    assert_eq!(lead, ["Tổng cục Thống kê"]);
}

#[test]
fn the_body_that_assigns_is_neither() {
    // `X giao Y`, `X yêu cầu Y`: X assigns, Y leads.
    let (lead, ..) = roles_of("Chính phủ giao Tổng cục Thống kê nghiên cứu, công bố số liệu");
    assert_eq!(lead, ["Tổng cục Thống kê"]);
    let (lead, _, lead_groups, _) = roles_of(
        "Ủy ban nhân dân tỉnh Quảng Ninh yêu cầu các sở, ban, ngành khẩn trương triển khai",
    );
    assert!(lead.is_empty(), "{lead:?}");
    assert_eq!(lead_groups, [AgencyGroup::Departments]);
    // `cho phép Y`: permitted, Y does the work.
    let (lead, ..) = roles_of("Chính phủ cho phép Bộ Y tế sử dụng số liệu nghiên cứu");
    assert_eq!(lead, ["Bộ Y tế"]);
    // `Thay mặt X` (on behalf of X) names no one who acts.
    let (lead, ..) = roles_of("Thay mặt Chính phủ, Bộ trưởng ghi nhận kết quả");
    assert!(lead.is_empty(), "{lead:?}");
    // A subject with no directive verb after it still leads.
    let (lead, ..) = roles_of("Chính phủ chỉ đạo các bộ, ngành xây dựng kế hoạch");
    assert_eq!(lead, ["Chính phủ"]);
    // A directive verb addressed to officials by title: the body before it assigns, and
    // the group the titles name leads.
    let (lead, _, lead_groups, _) = roles_of(
        "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ninh yêu cầu Thủ trưởng các cơ quan, đơn vị, \
         Chủ tịch Ủy ban nhân dân các xã, phường nghiêm túc thực hiện",
    );
    assert!(lead.is_empty(), "{lead:?}");
    assert_eq!(lead_groups, [AgencyGroup::Communes]);
    // A directive verb with no title after it keeps the body that comes first the subject
    // when nothing else is addressed.
    let (lead, ..) = roles_of("Bộ Y tế đề nghị sửa đổi quy trình cấp phép, báo cáo Chính phủ");
    assert_eq!(lead, ["Bộ Y tế"]);
}

#[test]
fn a_noun_ending_in_trinh_is_not_the_verb_trinh() {
    // `trình X` (submit to X) makes X neither; `công trình` (works), `chương trình`
    // (programme) before a subject do not.
    let (lead, ..) = roles_of(
        "Về vận hành công trình, Cục Quản lý và Xây dựng công trình thủy lợi chỉ đạo các công ty",
    );
    assert_eq!(lead, ["Cục Quản lý và Xây dựng công trình thủy lợi"]);
    let (lead, ..) = roles_of("Về chương trình mục tiêu, Bộ Y tế chủ trì tổng hợp");
    assert_eq!(lead, ["Bộ Y tế"]);
    let (lead, ..) = roles_of("Hoàn thiện dự thảo, trình Bộ Y tế phê duyệt");
    assert!(lead.is_empty(), "{lead:?}");
}

#[test]
fn the_body_advised_is_neither() {
    // `tham mưu X`, `giúp X`: X decides on the adviser's work; the adviser leads (in an
    // item under an agency heading, the heading's agency).
    let (lead, ..) = roles_of("Tham mưu Ủy ban nhân dân tỉnh Quảng Ninh ban hành kế hoạch");
    assert!(lead.is_empty(), "{lead:?}");
    let (lead, ..) = roles_of("Giúp Chính phủ theo dõi việc sắp xếp tổ chức bộ máy");
    assert!(lead.is_empty(), "{lead:?}");
    let (lead, ..) = roles_of("Bộ Nội vụ tham mưu Chính phủ ban hành nghị định");
    assert_eq!(lead, ["Bộ Nội vụ"]);
    // Not when the body comes first: it is then the subject.
    let (lead, ..) = roles_of("Chính phủ ban hành nghị định theo tham mưu của Bộ Nội vụ");
    assert_eq!(lead, ["Chính phủ"]);
}

#[test]
fn the_government_only_where_it_is_the_body() {
    assert_eq!(names("Giao Chính phủ chỉ đạo thực hiện"), ["Chính phủ"]);
    // The Prime Minister, members of the Government, its seat, e-government: no body.
    for text in [
        "Thủ tướng Chính phủ yêu cầu khẩn trương",
        "Phó Thủ tướng Chính phủ chủ trì",
        "các Thành viên Chính phủ",
        "tại trụ sở Chính phủ",
        "phát triển Chính phủ điện tử, Chính phủ số",
    ] {
        assert!(names(text).is_empty(), "{text}: {:?}", names(text));
    }
}

#[test]
fn titles_before_a_body() {
    assert_eq!(names("Bộ trưởng Bộ Tài chính chỉ đạo"), ["Bộ Tài chính"]);
    assert_eq!(names("lãnh đạo Bộ Y tế"), ["Bộ Y tế"]);
    assert_eq!(
        names("Thống đốc Ngân hàng Nhà nước"),
        ["Ngân hàng Nhà nước Việt Nam"]
    );
    let roles = roles_of("Yêu cầu Bộ trưởng Bộ Công an khẩn trương chỉ đạo");
    assert_eq!(roles.0, ["Bộ Công an"]);
    // `Chánh Văn phòng`: the chief of the office; the office leads.
    let roles = roles_of("Chánh Văn phòng Bộ Y tế chủ trì tổng hợp báo cáo");
    assert_eq!(roles.0, ["Văn phòng Bộ Y tế"]);
}

// ---- Spans ---------------------------------------------------------------------------------

fn check_spans(text: &str) {
    let mut previous_end = 0;
    for m in find(text, &ctx()) {
        assert!(
            m.range.start >= previous_end,
            "overlap or disorder in {text:?}: {m:?}"
        );
        assert!(m.range.start < m.range.end, "empty mention in {text:?}");
        assert!(
            text.get(m.range.clone()).is_some(),
            "range off char boundaries in {text:?}"
        );
        previous_end = m.range.end;
    }
}

#[test]
fn spans_are_ordered_disjoint_and_on_char_boundaries() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut lines = 0;
    for entry in std::fs::read_dir(seeds).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            check_spans(line);
            lines += 1;
        }
    }
    assert!(lines > 100);
    // Decomposed (NFD) marks, odd spaces and dashes, emoji, stray punctuation.
    for text in [
        "Bo\u{0302}\u{0323} Ta\u{0300}i chi\u{0301}nh chủ trì",
        "Giao\u{00a0}Bộ\u{2009}Y tế — 🚀 ,, ; : Bộ",
        "Bộ",
        "",
        "&&&---...,,,",
        "UBND tỉnh",
        "các Bộ:",
    ] {
        check_spans(text);
    }
    let nfd = "Bo\u{0302}\u{0323} Ta\u{0300}i chi\u{0301}nh chủ trì";
    let found = find(nfd, &ctx());
    assert_eq!(found[0].name, "Bộ Tài chính");
    assert_eq!(
        &nfd[found[0].range.clone()],
        "Bo\u{0302}\u{0323} Ta\u{0300}i chi\u{0301}nh"
    );
}
