//! Metadata: type, number, place and date, meeting date, title, recipients.

use crate::{DocDate, Document, Metadata};
use regex::Regex;
use std::sync::LazyLock;
use vntask_writer::{DatePrecision, DocType};

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*Số\s*:\s*([0-9A-Za-zĐđ/\-.]*/[A-ZĐ0-9\-]+)").expect("valid regex")
});
// `Hà Nội, ngày 15 tháng 4 năm 2022`; the day may be left blank: `ngày tháng 7 năm 2024`.
static PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*([^\n,]{2,40}),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})")
        .expect("valid regex")
});
// The meeting date opening the first paragraph: `Ngày 19 tháng 7 năm 2024, ...`.
static MEETING_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^\s*(?:Sáng|Chiều|Tối)?\s*[Nn]gày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})",
    )
    .expect("valid regex")
});
// A news page's publication stamp: `19/07/2024 14:30`.
static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s+\d{1,2}:\d{2}\s*$").expect("valid regex")
});

const TYPES: &[(&str, DocType)] = &[
    ("THÔNG BÁO", DocType::ThongBao),
    ("CHỈ THỊ", DocType::ChiThi),
    ("CÔNG ĐIỆN", DocType::CongDien),
    ("NGHỊ QUYẾT", DocType::NghiQuyet),
    ("QUYẾT ĐỊNH", DocType::QuyetDinh),
    ("KẾ HOẠCH", DocType::KeHoach),
    ("BÁO CÁO", DocType::BaoCao),
];

fn date(day: Option<&str>, month: &str, year: &str) -> Option<DocDate> {
    let month: u32 = month.parse().ok()?;
    let year: i32 = year.parse().ok()?;
    let day: Option<u32> = day.and_then(|d| d.parse().ok());
    chrono::NaiveDate::from_ymd_opt(year, month, day.unwrap_or(1))?;
    Some(DocDate {
        year,
        month,
        day: day.unwrap_or(1),
        precision: if day.is_some() {
            DatePrecision::Day
        } else {
            DatePrecision::Month
        },
    })
}

/// Reads the metadata of a parsed document.
pub fn extract(document: &Document) -> Metadata {
    let text = &document.source;
    let head = &text[..floor_boundary(text, 6000)];
    let mut meta = Metadata::default();
    if let Some(caps) = NUMBER.captures(head) {
        meta.number = caps.get(1).map(|m| m.as_str().to_string());
    }
    if let Some(caps) = PLACE_DATE.captures(head) {
        meta.place = caps.get(1).map(|m| m.as_str().trim().to_string());
        meta.date = date(
            caps.get(2).map(|m| m.as_str()),
            caps.get(3).map_or("", |m| m.as_str()),
            caps.get(4).map_or("", |m| m.as_str()),
        );
    }
    if let Some(caps) = MEETING_DATE.captures(head) {
        meta.meeting_date = date(
            caps.get(1).map(|m| m.as_str()),
            caps.get(2).map_or("", |m| m.as_str()),
            caps.get(3).map_or("", |m| m.as_str()),
        );
    }
    if let Some(caps) = PUBLISHED.captures(head) {
        meta.published = date(
            caps.get(1).map(|m| m.as_str()),
            caps.get(2).map_or("", |m| m.as_str()),
            caps.get(3).map_or("", |m| m.as_str()),
        );
    }
    // The type is the first short upper-case line that names one; its next line is the title.
    let lines: Vec<&str> = head
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    for (index, line) in lines.iter().enumerate().take(30) {
        if let Some((_, doc_type)) = TYPES.iter().find(|(word, _)| *line == *word) {
            meta.doc_type = *doc_type;
            meta.title = lines
                .get(index + 1)
                .map(|l| vntask_tokenizer::normalize(&strip_artifacts(l)));
            break;
        }
    }
    if meta.doc_type == DocType::Other && meta.published.is_some() {
        meta.doc_type = DocType::News;
        meta.title = lines
            .iter()
            .take(40)
            .find(|l| l.chars().count() > 30 && !l.contains('°'))
            .map(|l| vntask_tokenizer::normalize(l));
    }
    meta
}

fn strip_artifacts(line: &str) -> String {
    static ARTIFACT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\[bookmark:[^\]]*\]").expect("valid regex"));
    ARTIFACT.replace_all(line, "").trim().to_string()
}

fn floor_boundary(text: &str, mut index: usize) -> usize {
    if index >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}
