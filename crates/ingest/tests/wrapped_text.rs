//! Plain text hard-wrapped at a fixed width (what `pdftotext` writes): a line as long as the
//! page's that ends without closing punctuation goes on into the next, even when the next
//! starts with a capital (a body's name).

use vntask_ingest::{read, IngestOptions};

fn blocks(text: &str) -> Vec<String> {
    read(text.as_bytes(), "a.txt", &IngestOptions::default())
        .expect("a document")
        .blocks
        .into_iter()
        .map(|b| b.text)
        .collect()
}

/// A Thông báo's body, each paragraph wrapped at `width` chars.
fn wrapped(width: usize) -> String {
    let paragraphs = [
        "Ngày 14 tháng 11 năm 2026, tại trụ sở Chính phủ, Thủ tướng Chính phủ chủ trì cuộc họp về phát triển điện gió ngoài khơi với lãnh đạo các Bộ Công Thương, Tài chính và Tập đoàn Điện lực Việt Nam.",
        "1. Bộ Công Thương chủ trì, phối hợp với Bộ Nông nghiệp và Môi trường, Bộ Quốc phòng khẩn trương hoàn thiện, trình Chính phủ ban hành Nghị định hướng dẫn Luật Điện lực về phát triển điện gió ngoài khơi trước ngày 31 tháng 12 năm 2026.",
        "2. Bộ Nông nghiệp và Môi trường hướng dẫn các địa phương giao khu vực biển để khảo sát, đo gió; hoàn thành việc xác định các khu vực biển dành cho điện gió ngoài khơi trong quý I năm 2027.",
        "3. Ủy ban nhân dân các tỉnh ven biển phối hợp chặt chẽ với Bộ Nông nghiệp và Môi trường trong việc giao khu vực biển; tạo điều kiện thuận lợi cho các nhà đầu tư khảo sát, đo gió.",
    ];
    let mut out = String::new();
    for paragraph in paragraphs {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(&line);
        out.push_str("\n\n");
    }
    out
}

#[test]
fn a_hard_wrapped_text_joins_its_lines_into_paragraphs() {
    let text = wrapped(76);
    assert!(text.lines().count() > 12);
    let found = blocks(&text);
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(found[1].starts_with("Bộ Công Thương chủ trì"), "{found:#?}");
    assert!(
        found[1].ends_with("trước ngày 31 tháng 12 năm 2026."),
        "{found:#?}"
    );
    assert!(
        found[3].contains("với Bộ Nông nghiệp và Môi trường trong việc"),
        "{found:#?}"
    );
}

#[test]
fn a_text_written_a_paragraph_a_line_is_read_as_before() {
    // The same paragraphs unwrapped: long lines, never hard-wrapped.
    let text = wrapped(10_000);
    assert_eq!(blocks(&text).len(), 4);
    // Short lines that end open under one another (a list of names) stay apart when the text
    // is not wrapped at a width.
    let list = "Kính gửi:\nBộ Công an\nBộ Quốc phòng\nBộ Tài chính\n\n1. Bộ Công an khẩn trương triển khai.\n";
    let found = blocks(list);
    assert!(
        !found.iter().any(|b| b.contains("Bộ Công an Bộ Quốc phòng")),
        "{found:#?}"
    );
}
