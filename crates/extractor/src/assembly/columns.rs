//! The columns of a task table, told by the words of their headers.
//!
//! Vietnamese plans and reports lay their task tables out in many ways, but the header of
//! each column says what it holds with a small vocabulary:
//! - the task: `Nhiệm vụ`, `Nội dung`, `Nội dung nhiệm vụ`, `Nội dung công việc`, `Tên nhiệm vụ`,
//!   `Hoạt động`;
//! - the expected output: `Kết quả yêu cầu`, `Sản phẩm`, `Sản phẩm đầu ra`, `Yêu cầu` (a
//!   column headed `Kết quả` alone reports what was done, not what is asked, so it is none);
//! - who leads: `Cơ quan chủ trì`, `Đơn vị chủ trì`, `Chủ trì`, `Cơ quan thực hiện`,
//!   `Đơn vị thực hiện`, `Cơ quan/đơn vị thực hiện`, `Trách nhiệm thực hiện`;
//! - who supports: `Cơ quan phối hợp`, `Đơn vị phối hợp`, `Phối hợp`;
//! - by when: `Thời gian hoàn thành`, `Thời gian thực hiện`, `Thời hạn`, `Thời hạn hoàn thành`,
//!   `Tiến độ hoàn thành`.
//!
//! Headers are compared folded (no diacritics, lower case), word by word.

use foldhash::fast::RandomState;
use std::cell::RefCell;
use std::collections::HashMap;
use vntask_ingest::TableRow;
use vntask_tokenizer::fold;

/// The cells of one row, by the role of their column.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Columns<'a> {
    pub task: Option<&'a str>,
    pub output: Option<&'a str>,
    pub lead: Option<&'a str>,
    pub support: Option<&'a str>,
    pub deadline: Option<&'a str>,
}

/// What a column holds, from its folded header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Task,
    Output,
    Lead,
    Support,
    Deadline,
}

/// The role of a column headed `header`, or none (a number, a status, a note).
fn role(header: &str) -> Option<Role> {
    let folded = fold(header);
    let has = |phrase: &str| contains_words(&folded, phrase);
    if has("phoi hop") {
        return Some(Role::Support);
    }
    if has("chu tri") || has("thuc hien") && (has("co quan") || has("don vi")) {
        return Some(Role::Lead);
    }
    // `Thời gian thực hiện` is a time, not an agency: told before the agency words.
    if has("thoi gian") || has("thoi han") || has("tien do hoan thanh") || has("han hoan thanh") {
        return Some(Role::Deadline);
    }
    if has("trach nhiem") || has("co quan") || has("don vi") {
        return Some(Role::Lead);
    }
    if has("ket qua yeu cau") || has("san pham") || folded.trim() == "yeu cau" {
        return Some(Role::Output);
    }
    // `Kết quả thực hiện nhiệm vụ`, `Tình hình thực hiện`: a report on the task, not the task.
    if has("ket qua") || has("tinh hinh") || has("ghi chu") {
        return None;
    }
    if has("nhiem vu") || has("noi dung") || has("cong viec") || has("hoat dong") {
        return Some(Role::Task);
    }
    None
}

/// How many headers [`cached_role`] keeps before it starts afresh (a bound on memory; a
/// table repeats a handful of headers on every row).
const CACHED_HEADERS: usize = 1024;

thread_local! {
    /// The role of each header seen on this thread: a table repeats its headers on every row,
    /// and reading a header's role (folding it, then up to seventeen phrase searches) over
    /// every cell of every row showed in profiles. Hashed with foldhash: the headers come
    /// from the documents read, not from an adversary choosing keys.
    static ROLES: RefCell<HashMap<String, Option<Role>, RandomState>> =
        RefCell::new(HashMap::default());
}

/// [`role`], remembered by header.
fn cached_role(header: &str) -> Option<Role> {
    ROLES.with(|roles| {
        let Ok(mut roles) = roles.try_borrow_mut() else {
            return role(header);
        };
        if let Some(known) = roles.get(header) {
            return *known;
        }
        let found = role(header);
        if roles.len() >= CACHED_HEADERS {
            roles.clear();
        }
        roles.insert(header.to_string(), found);
        found
    })
}

/// Whether `phrase` stands in `text` as whole words.
fn contains_words(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(start, _)| {
        let end = start + phrase.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        !before.is_some_and(crate::is_alphanumeric) && !after.is_some_and(crate::is_alphanumeric)
    })
}

/// The row's cells by role; the first column of each role counts.
pub fn columns(row: &TableRow) -> Columns<'_> {
    let mut out = Columns::default();
    for (header, value) in &row.cells {
        let slot = match cached_role(header) {
            Some(Role::Task) => &mut out.task,
            Some(Role::Output) => &mut out.output,
            Some(Role::Lead) => &mut out.lead,
            Some(Role::Support) => &mut out.support,
            Some(Role::Deadline) => &mut out.deadline,
            None => continue,
        };
        if slot.is_none() {
            *slot = Some(value.as_str());
        }
    }
    out
}

/// The deadline cell of a row, for deciding a table's date order.
pub fn deadline_cell(row: &TableRow) -> Option<&str> {
    columns(row).deadline
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(headers: &[&str], values: &[&str]) -> TableRow {
        TableRow {
            cells: headers
                .iter()
                .zip(values)
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect(),
            ..TableRow::default()
        }
    }

    #[test]
    fn headers_name_their_roles() {
        let cases: &[(&str, Option<Role>)] = &[
            ("NHIỆM VỤ", Some(Role::Task)),
            ("Nội dung", Some(Role::Task)),
            ("Nội dung nhiệm vụ", Some(Role::Task)),
            ("Nội dung công việc", Some(Role::Task)),
            ("Tên nhiệm vụ", Some(Role::Task)),
            ("Hoạt động", Some(Role::Task)),
            ("Nội dung hoạt động", Some(Role::Task)),
            ("KẾT QUẢ YÊU CẦU", Some(Role::Output)),
            ("Sản phẩm", Some(Role::Output)),
            ("Sản phẩm đầu ra", Some(Role::Output)),
            ("Yêu cầu", Some(Role::Output)),
            ("Cơ quan chủ trì", Some(Role::Lead)),
            ("Đơn vị chủ trì", Some(Role::Lead)),
            ("Chủ trì", Some(Role::Lead)),
            ("CƠ QUAN THỰC HIỆN", Some(Role::Lead)),
            ("Cơ quan/đơn vị thực hiện", Some(Role::Lead)),
            ("Trách nhiệm thực hiện", Some(Role::Lead)),
            ("Cơ quan", Some(Role::Lead)),
            ("Cơ quan phối hợp", Some(Role::Support)),
            ("Đơn vị phối hợp", Some(Role::Support)),
            ("Phối hợp", Some(Role::Support)),
            ("THỜI GIAN HOÀN THÀNH", Some(Role::Deadline)),
            ("Thời gian thực hiện", Some(Role::Deadline)),
            ("Thời hạn", Some(Role::Deadline)),
            ("Tiến độ hoàn thành", Some(Role::Deadline)),
        ];
        for (header, expected) in cases {
            assert_eq!(role(header), *expected, "{header}");
        }
    }

    #[test]
    fn reports_numbers_and_notes_have_no_role() {
        for header in [
            "TT",
            "STT",
            "KẾT QUẢ",
            "Kết quả thực hiện",
            "Kết quả thực hiện nhiệm vụ",
            "Tình hình thực hiện",
            "Ghi chú",
            "cột 7",
        ] {
            assert_eq!(role(header), None, "{header}");
        }
    }

    #[test]
    fn cached_roles_are_the_roles() {
        let headers = [
            "NHIỆM VỤ",
            "Cơ quan chủ trì",
            "Thời gian thực hiện",
            "Kết quả thực hiện",
            "Sản phẩm",
            "Phối hợp",
            "STT",
            "",
        ];
        // Twice over, so the second round is answered from the cache; and past the cache's
        // bound, so it is emptied and filled again.
        for round in 0..2 {
            for header in headers {
                assert_eq!(cached_role(header), role(header), "{header} ({round})");
            }
        }
        for i in 0..CACHED_HEADERS + 10 {
            let header = format!("Nội dung {i}");
            assert_eq!(cached_role(&header), role(&header), "{header}");
            assert_eq!(cached_role(&header), Some(Role::Task), "{header}");
        }
        for header in headers {
            assert_eq!(cached_role(header), role(header), "{header}");
        }
    }

    #[test]
    fn words_are_whole() {
        // `don vi` inside another word is not `đơn vị`; `chu tri` needs both words.
        assert!(!contains_words("dondon vi", "don vi"));
        assert!(contains_words("co quan/don vi thuc hien", "don vi"));
        assert!(!contains_words("chu trinh", "chu tri"));
    }

    #[test]
    fn a_plan_table_with_support_and_output_columns() {
        let headers = [
            "STT",
            "Nội dung",
            "Đơn vị chủ trì",
            "Đơn vị phối hợp",
            "Thời hạn hoàn thành",
            "Sản phẩm",
        ];
        let values = [
            "1",
            "Đào tạo nghề",
            "Sở Nội vụ",
            "Sở Tài chính",
            "Năm 2026",
            "Báo cáo",
        ];
        let row = row(&headers, &values);
        assert_eq!(
            columns(&row),
            Columns {
                task: Some("Đào tạo nghề"),
                output: Some("Báo cáo"),
                lead: Some("Sở Nội vụ"),
                support: Some("Sở Tài chính"),
                deadline: Some("Năm 2026"),
            }
        );
    }

    #[test]
    fn a_progress_table_keeps_its_report_column_out() {
        let headers = [
            "TT",
            "NHIỆM VỤ",
            "KẾT QUẢ YÊU CẦU",
            "THỜI GIAN HOÀN THÀNH",
            "CƠ QUAN THỰC HIỆN",
            "KẾT QUẢ",
        ];
        let values = [
            "1",
            "Lập đề nghị",
            "Trình Chính phủ",
            "Tháng 6",
            "Bộ Y tế",
            "Đã xong",
        ];
        let row = row(&headers, &values);
        let columns = columns(&row);
        assert_eq!(columns.output, Some("Trình Chính phủ"));
        assert_eq!(columns.lead, Some("Bộ Y tế"));
        assert_eq!(columns.support, None);
    }
}
