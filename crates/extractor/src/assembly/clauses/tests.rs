//! Tests of how task texts split at clauses, commas and deadlines.

use super::*;

/// The roles of each part when `text`, one item, is split with its own roles.
fn roles_of_parts(text: &str, context: &AgencyContext) -> Vec<Roles> {
    let document = vntask_ingest::read(text.as_bytes(), "t.txt", &Default::default())
        .expect("a one-line document");
    let found = Lookups::new(&document, context);
    let mentions = agencies::find(text, context);
    let roles = agencies::assign_roles(text, &mentions);
    split_clauses(text, 0..text.len(), false, roles, &found)
        .into_iter()
        .map(|part| part.roles)
        .collect()
}

/// The leads of each part when `text`, one item, is split with its own roles.
fn leads_of_parts(text: &str) -> Vec<Vec<String>> {
    roles_of_parts(text, &AgencyContext::default())
        .into_iter()
        .map(|roles| roles.lead.into_iter().map(|m| m.name).collect())
        .collect()
}

#[test]
fn the_part_before_a_new_subject_loses_only_the_leads_it_does_not_name() {
    assert_eq!(
        leads_of_parts(
            "Bộ Công Thương bảo đảm cung ứng đủ điện cho sản xuất; Tập đoàn Điện lực Việt \
             Nam khẩn trương hoàn thành đường dây 500 kV."
        ),
        vec![vec!["Bộ Công Thương"], vec!["Tập đoàn Điện lực Việt Nam"]]
    );
    // Named in the part itself: it stays.
    assert_eq!(
        leads_of_parts(
            "Bộ Xây dựng, Bộ Tài chính phối hợp nghiên cứu đầu tư cho hạ tầng số; Bộ Tài \
             chính tổng hợp và phân bổ ngân sách chi thường xuyên."
        ),
        vec![vec!["Bộ Xây dựng", "Bộ Tài chính"], vec!["Bộ Tài chính"]]
    );
}

#[test]
fn a_body_that_supports_only_a_later_deadline_part_is_not_the_earlier_ones() {
    let context = AgencyContext {
        date: chrono::NaiveDate::from_ymd_opt(2025, 11, 5),
        ..Default::default()
    };
    let support_of_parts = |text: &str| -> Vec<Vec<String>> {
        roles_of_parts(text, &context)
            .into_iter()
            .map(|roles| roles.support.into_iter().map(|m| m.name).collect())
            .collect()
    };
    assert_eq!(
        support_of_parts(
            "Bộ Tư pháp chủ trì nâng cấp hệ thống, vận hành trước ngày 30/4/2026; phối hợp \
             với Bộ Công an tổ chức tập huấn trong tháng 5/2026."
        ),
        vec![vec![], vec!["Bộ Công an"]]
    );
    // Named before the split, the coordinator supports every part.
    assert_eq!(
        support_of_parts(
            "Bộ Tư pháp chủ trì, phối hợp với Bộ Công an nâng cấp hệ thống trước ngày \
             30/4/2026; tổ chức tập huấn trong tháng 5/2026."
        ),
        vec![vec!["Bộ Công an"], vec!["Bộ Công an"]]
    );
}

#[test]
fn a_clause_that_assigns_anew_splits_after_a_part_with_its_own_lead() {
    // `Giao A ...; giao B ...`: two tasks, each its own lead.
    assert_eq!(
        leads_of_parts(
            "Giao Bộ Tài chính chủ trì rà soát kinh phí hỗ trợ; giao Bộ Nội vụ tham mưu \
             khen thưởng các tập thể."
        ),
        vec![vec!["Bộ Tài chính"], vec!["Bộ Nội vụ"]]
    );
    // A clause that reports what a new subject did is no task of its own.
    assert_eq!(
        leads_of_parts(
            "Bộ Tư pháp khẩn trương hoàn thiện dự thảo; Bộ Tài chính đã ban hành 20 thông tư."
        ),
        vec![vec!["Bộ Tư pháp"]]
    );
    // A lead-in that assigns nobody stays with the assignment after it.
    assert_eq!(
        leads_of_parts(
            "Đối với đề xuất thống nhất sử dụng ứng dụng định danh. Giao Bộ Công an làm \
             việc cụ thể với Bộ Y tế."
        ),
        vec![vec!["Bộ Công an"]]
    );
}

#[test]
fn clauses_with_a_new_subject_or_a_second_deadline_split() {
    let context = AgencyContext {
        date: chrono::NaiveDate::from_ymd_opt(2024, 7, 19),
        ..AgencyContext::default()
    };
    let text =
        "Bộ Công Thương nghiên cứu đầu tư hạ tầng; Bộ Tài chính tổng hợp và phân bổ ngân sách.";
    let document = vntask_ingest::read(text.as_bytes(), "t.txt", &Default::default())
        .expect("a one-line document");
    let found = Lookups::new(&document, &context);
    let parts = split_clauses(text, 0..text.len(), false, Roles::default(), &found);
    let texts: Vec<&str> = parts.iter().map(|p| &text[p.range.clone()]).collect();
    assert_eq!(
        texts,
        vec![
            "Bộ Công Thương nghiên cứu đầu tư hạ tầng",
            "Bộ Tài chính tổng hợp và phân bổ ngân sách."
        ]
    );
    assert_eq!(
        parts[1].roles.lead.first().map(|m| m.name.as_str()),
        Some("Bộ Tài chính")
    );
    let one = "Bộ Y tế rà soát hồ sơ; lập danh sách trình Chính phủ.";
    assert_eq!(
        split_clauses(one, 0..one.len(), false, Roles::default(), &found).len(),
        1
    );
}

/// Every clause end [`next_boundary_among`] gives equals the one [`next_boundary`] gives.
fn assert_same_clause_ends(text: &str) {
    let boundaries = clause_boundaries(text, 0..text.len());
    for &(_, from) in &boundaries {
        assert_eq!(
            next_boundary_among(text, &boundaries, from, text.len()),
            next_boundary(text, from, text.len()),
            "clause at {from} of {text:?}"
        );
    }
}

#[test]
fn clause_ends_read_off_the_whole_split_match_splitting_again() {
    for text in [
        "Bộ Y tế rà soát; a. lập danh sách. Bộ Tài chính bố trí kinh phí.",
        "rà soát hồ sơ; 1. Lập đề án. Trình Chính phủ; II. Tổng kết",
        "rà soát;  TP. Hồ Chí Minh báo cáo. Xong",
        "rà soát; (a. b) làm. Tiếp; x.y. Hết",
        "Xong. Tiếp!  Hết? Còn; nữa\nDòng mới; v.v. Cuối",
        "a; b; c. D; e.\n\nF; g",
        "Bộ Công an chủ trì; Bộ Quốc phòng phối hợp. Các bộ, ngành khác thực hiện.",
    ] {
        assert_same_clause_ends(text);
    }
    // The case the whole split cannot answer: `a.` opens the clause after `; `, where
    // splitting again reads it as a heading number and does not end a sentence there.
    let text = "rà soát; a. Lập danh sách; xong";
    let boundaries = clause_boundaries(text, 0..text.len());
    let from = text.find("a.").unwrap_or_default();
    let whole = boundaries[boundaries.partition_point(|b| b.0 < from)].0;
    assert_eq!(&text[whole..], " Lập danh sách; xong");
    assert_eq!(&text[next_boundary(text, from, text.len())..], "; xong");
    assert_eq!(
        next_boundary_among(text, &boundaries, from, text.len()),
        next_boundary(text, from, text.len())
    );
}

#[test]
fn clause_ends_match_on_generated_texts() {
    // Texts made of the pieces the sentence splitter looks at: dots in and after words,
    // heading numbers, abbreviations, `; `, line breaks, capitals and lower case.
    const PIECES: &[&str] = &[
        "a", "A", "1", "II", "TP", "v.v", "x.y", "Bộ", "làm", "Đề", "(", ")", ".", ". ", "; ", ";",
        " ", "  ", "\n", "! ", "? ", ",", "số",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        let mut text = String::new();
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        for _ in 0..(state % 24) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
        }
        assert_same_clause_ends(&text);
        assert_sentences_split_no_further(&text);
    }
}

#[test]
fn semicolons_are_found_as_by_a_substring_search() {
    let mut texts = crate::test_support::seed_lines();
    for made in [
        ";",
        "; ",
        ";;  ; ;",
        "a;b; c ;  d;\u{a0}e; ",
        "; ; ;",
        "đ; ế;x",
    ] {
        texts.push(made.to_string());
    }
    let mut found = 0;
    for text in &texts {
        let expected: Vec<(usize, usize)> =
            text.match_indices("; ").map(|(i, _)| (i, i + 2)).collect();
        assert_eq!(
            semicolon_boundaries(text, 0..text.len()),
            expected,
            "{text:?}"
        );
        found += expected.len();
    }
    assert!(found > 50, "{found}");
}

/// Each sentence of `text` has only its `; ` as boundaries.
fn assert_sentences_split_no_further(text: &str) {
    for sentence in vntask_tokenizer::sentences(text) {
        assert_eq!(
            semicolon_boundaries(text, sentence.clone()),
            clause_boundaries(text, sentence.clone()),
            "{sentence:?} of {text:?}"
        );
    }
}

#[test]
fn a_sentence_of_the_split_has_only_its_semicolons_as_boundaries() {
    let mut texts = crate::test_support::seed_lines();
    for made in [
        "Xong. Tiếp!  Hết? Còn; nữa\nDòng mới; v.v. Cuối",
        "TP. Hồ Chí Minh làm.\nabc.\nxyz; a. b",
        "1. Bộ Y tế. 2. Bộ Tài chính; II. Tổng kết",
        "làm xong. tiếp tục; (a. b) làm. Tiếp",
    ] {
        texts.push(made.to_string());
    }
    for text in &texts {
        assert_sentences_split_no_further(text);
    }
}

#[test]
fn an_enumerated_part_keeps_only_the_coordinators_it_names() {
    let context = AgencyContext::default();
    let item = "Bộ Công an: (1) Khẩn trương xây dựng dự án Luật Dữ liệu; (2) Phối hợp với các bộ, ngành, địa phương và Bộ Tư pháp xác định lộ trình.";
    let mut roles = agencies::assign_roles(item, &agencies::find(item, &context));
    let named_here = (roles.support.clone(), roles.support_groups.clone());
    assert!(!named_here.1.is_empty() && !named_here.0.is_empty());
    let first = item.find("(1)").unwrap_or(0)..item.find("(2)").unwrap_or(0);
    let mut part_one = roles.clone();
    support_named_in(&item[first], &mut part_one, &named_here, &context);
    assert!(part_one.support.is_empty() && part_one.support_groups.is_empty());
    // The part that names them keeps them all.
    let second = item.find("(2)").unwrap_or(0)..item.len();
    support_named_in(&item[second], &mut roles, &named_here, &context);
    assert_eq!(roles.support, named_here.0);
    assert_eq!(roles.support_groups, named_here.1);
    // Coordinators inherited from a heading are not the item's: every part keeps them.
    let mut inherited = part_one.clone();
    inherited.support_groups = named_here.1.clone();
    support_named_in(
        "Khẩn trương xây dựng",
        &mut inherited,
        &(Vec::new(), Vec::new()),
        &context,
    );
    assert_eq!(inherited.support_groups, named_here.1);
}

#[test]
fn a_last_dated_clause_with_its_own_coordinators_is_a_task_apart() {
    let context = AgencyContext {
        date: chrono::NaiveDate::from_ymd_opt(2024, 7, 19),
        ..Default::default()
    };
    let parts_of = |text: &str| -> Vec<(String, Vec<AgencyGroup>)> {
        let document = vntask_ingest::read(text.as_bytes(), "t.txt", &Default::default())
            .expect("a one-line document");
        let found = Lookups::new(&document, &context);
        let roles = agencies::assign_roles(text, &agencies::find(text, &context));
        split_clauses(text, 0..text.len(), false, roles, &found)
            .into_iter()
            .map(|p| (text[p.range].to_string(), p.roles.support_groups))
            .collect()
    };
    let parts = parts_of(
        "Bộ Công an khẩn trương hoàn thiện đề nghị xây dựng Luật Dữ liệu; tham mưu trình Thủ \
         tướng ban hành Chỉ thị; phối hợp với các bộ, ngành, địa phương xác định lộ trình đưa \
         các tiện ích lên ứng dụng, hoàn thành trước 31/12/2024.",
    );
    assert_eq!(parts.len(), 2, "{parts:?}");
    assert!(parts[1].0.starts_with("phối hợp với các bộ"), "{parts:?}");
    // The groups the second part coordinates with are not the first part's.
    assert!(parts[0].1.is_empty(), "{parts:?}");
    assert!(!parts[1].1.is_empty(), "{parts:?}");
    // A dated clause that carries on the same work stays: a report, or a clause that is not
    // the last.
    for text in [
        "Văn phòng Bộ theo dõi, đôn đốc các đơn vị thực hiện kết luận này; tổng hợp, báo cáo \
         Bộ trưởng trước ngày 15/12/2024.",
        "Bộ Công an khẩn trương hoàn thiện đề nghị xây dựng Luật Dữ liệu; phối hợp với các \
         bộ, ngành xác định lộ trình trước 31/12/2024; tổng hợp kết quả thực hiện.",
    ] {
        assert_eq!(parts_of(text).len(), 1, "{text}");
    }
}
