//! The action of each task: the work, without the words that hand out roles (`chủ trì`,
//! `phối hợp với Bộ X`), read off a fixture whose sentences join several assignees. The
//! expected actions were written from the document, before the extractor read it, and cut
//! as the record cuts them: at most 16 words, ending where a product's name begins (`xây
//! dựng` + `phương án ...`; `tổng hợp ...` + `báo cáo Thủ tướng ...`).

use vntask_extractor::Options;

fn actions(file: &str) -> Vec<(Vec<String>, Option<String>)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/docs/");
    let bytes = std::fs::read(format!("{path}{file}")).expect("fixture document");
    let options = Options {
        doc_id: file.to_string(),
        path: file.to_string(),
        reference_date: None,
        gazetteer: None,
    };
    vntask_extractor::extract(&bytes, file, &options)
        .tasks
        .into_iter()
        .map(|t| (t.lead.into_iter().map(|a| a.name).collect(), t.action))
        .collect()
}

#[test]
fn actions_leave_out_chairing_and_coordination() {
    let found = actions("thong_bao_nhieu_co_quan.txt");
    let expected: &[(&str, &str)] = &[
        (
            "Bộ Tài chính",
            "bố trí đủ vốn ngân sách trung ương cho các dự án trong tháng 12 năm",
        ),
        (
            "Bộ Xây dựng",
            "đôn đốc các nhà thầu tăng ca, đẩy nhanh tiến độ thi công các gói thầu",
        ),
        (
            "Bộ Nông nghiệp và Môi trường",
            "hướng dẫn các địa phương tháo gỡ vướng mắc về nguồn vật liệu san lấp trước",
        ),
        ("Bộ Công an", "xây dựng"),
        (
            "Ủy ban nhân dân tỉnh Đồng Nai",
            "hoàn thành giải phóng mặt bằng, bàn giao mặt bằng cho chủ đầu tư trong quý",
        ),
        (
            "Tập đoàn Điện lực Việt Nam",
            "di dời các công trình điện trước ngày 31 tháng 3 năm 2026",
        ),
        ("Bộ Xây dựng", "tổng hợp khó khăn, vướng mắc của các dự án"),
    ];
    assert_eq!(found.len(), expected.len(), "{found:?}");
    for ((leads, action), (lead, want)) in found.iter().zip(expected) {
        assert_eq!(leads.first().map(String::as_str), Some(*lead), "{found:?}");
        assert_eq!(action.as_deref(), Some(*want), "{lead}");
    }
}
