//! Metadata from the head of a document: type, number, place and date, issuer (and its
//! province), title (trích yếu); for a news page its publication date and headline; the
//! meeting date from the opening paragraph. The parser adds recipients and the signer.
//!
//! An official document opens with a header: the issuing body in capitals (often beside the
//! national motto `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` / `Độc lập - Tự do - Hạnh phúc`), then
//! `Số: 114/TB-VPCP`, `Hà Nội, ngày 15 tháng 4 năm 2022`, the type in capitals (`THÔNG BÁO`)
//! and the title on the next lines. Everything up to the title is the header, not body text.

mod place_date;
mod published;

use crate::noise::{is_rule_line, is_weather_line};
use crate::{DocDate, Metadata};
use regex::Regex;
use std::sync::LazyLock;
use vntask_tokenizer::fold;
use vntask_writer::{DatePrecision, DocType};

// `Số: 21/CT-TTg`, `Nghị quyết số: 215/2025/QH15`; a Party document writes no colon and joins
// with a hyphen: `Số 215-KL/TW` (then `Số` is capitalised and the number opens with a digit,
// so neither `Số liệu` nor a citation in prose, `Quyết định số 5/QĐ-TTg`, is a number).
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[Ss]ố\s*:\s*([0-9A-Za-zĐđ.\-]*\s*/\s*[0-9A-ZĐ][0-9A-Za-zĐđ/.\-]*)|Số\s+(\d[0-9A-Za-zĐđ.\-]*\s*/\s*[0-9A-ZĐ][0-9A-Za-zĐđ/.\-]*))")
        .expect("valid regex")
});
// The meeting date opening the first paragraph: `Ngày 19 tháng 7 năm 2024, ...`,
// `Sáng 19/7, ...`, `Chiều ngày 18/7/2024, ...`.
static MEETING_LONG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Sáng|Chiều|Tối|Trưa)\s+)?(?:[Nn]gày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
        .expect("valid regex")
});
static MEETING_SHORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:Sáng|Chiều|Tối|Trưa)\s+(?:ngày\s+)?|Ngày\s+)(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\b",
    )
    .expect("valid regex")
});
// `TỈNH ỦY X` / `THÀNH ỦY X` (a province's or a city's Party committee) is in province X:
// `ỦY` is no part of the name.
static PROVINCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(TỈNH(?:\s+(?:ỦY|UỶ))?|THÀNH\s+(?:ỦY|UỶ)|THÀNH PHỐ|TP\.)\s+(\p{Lu}[\p{Lu}\s\-–]+)$",
    )
    .expect("valid regex")
});

const TYPES: &[(&str, DocType)] = &[
    ("THÔNG BÁO", DocType::ThongBao),
    ("CHỈ THỊ", DocType::ChiThi),
    ("CÔNG ĐIỆN", DocType::CongDien),
    ("NGHỊ QUYẾT", DocType::NghiQuyet),
    ("QUYẾT ĐỊNH", DocType::QuyetDinh),
    ("KẾ HOẠCH", DocType::KeHoach),
    ("BÁO CÁO", DocType::BaoCao),
    // A Party body's conclusions (`KẾT LUẬN` / `CỦA BỘ CHÍNH TRỊ`).
    ("KẾT LUẬN", DocType::KetLuan),
];

/// What the head of the document gave, and where its body starts.
#[derive(Debug, Clone, Default)]
pub struct Header {
    pub meta: Metadata,
    /// Index (into the lines given to [`scan`]) of the first body line.
    pub body_start: usize,
    /// A news page (publication stamp, no official header).
    pub news: bool,
}

/// Builds a date, checking that it exists; `day` `None` gives month precision.
pub fn date(day: Option<&str>, month: &str, year: &str) -> Option<DocDate> {
    let month: u32 = month.parse().ok()?;
    let year: i32 = year.parse().ok()?;
    let day: Option<u32> = match day {
        Some(d) => Some(d.parse().ok()?),
        None => None,
    };
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

/// The document type a line names when it stands alone in capitals (`THÔNG BÁO`,
/// ` CHỈ THỊ`, `KẾ HOẠCH:`).
pub(crate) fn type_of_line(line: &str) -> Option<DocType> {
    // Upper-cased: a TCVN3 file typed in a capitals font decodes to lower case. Upper case
    // has at least as many chars as the text, so a line with more chars than the longest
    // name (most lines) is settled without upper-casing it.
    let line = line.trim().trim_end_matches(':').trim();
    let longest = TYPES.iter().map(|(word, _)| word.chars().count()).max();
    if longest.is_some_and(|longest| line.chars().nth(longest).is_some()) {
        return None;
    }
    let line = line.to_uppercase();
    TYPES
        .iter()
        .find(|(word, _)| line == *word)
        .map(|(_, doc_type)| *doc_type)
}

/// The national motto (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` / `Độc lập - Tự do - Hạnh phúc`),
/// or the Party's name that stands in its place on a Party document.
fn is_motto(text: &str) -> bool {
    let folded = fold(text);
    folded.contains("cong hoa xa hoi chu nghia")
        || folded.contains("doc lap - tu do")
        || folded.trim() == "dang cong san viet nam"
}

fn is_upper(text: &str) -> bool {
    crate::noise::all_capitals(text, 2)
}

/// `QUẢNG NINH` -> `Quảng Ninh`.
fn title_case(text: &str) -> String {
    text.split_whitespace()
        .map(|word| {
            let lower = word.to_lowercase();
            let mut chars = lower.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The province of a provincial issuer, as it follows an agency name: `ỦY BAN NHÂN DÂN TỈNH
/// QUẢNG NINH` -> `tỉnh Quảng Ninh`; `... THÀNH PHỐ HÀ NỘI` -> `thành phố Hà Nội`; `TỈNH ỦY HÀ
/// TĨNH` (the province's Party committee) -> `tỉnh Hà Tĩnh`, `THÀNH ỦY HÀ NỘI` -> `thành phố Hà Nội`.
pub fn province_of(issuer: &str) -> Option<String> {
    let upper = issuer.trim().to_uppercase();
    let caps = PROVINCE.captures(&upper)?;
    let kind = if caps.get(1)?.as_str().starts_with("TỈNH") {
        "tỉnh"
    } else {
        "thành phố"
    };
    let name = title_case(caps.get(2)?.as_str().trim());
    (!name.is_empty()).then(|| format!("{kind} {name}"))
}

/// Reads the head of a document from its cleaned lines (empty strings for blank lines).
pub fn scan(lines: &[&str]) -> Header {
    let mut header = Header::default();
    let meta = &mut header.meta;
    let non_empty: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .take(40)
        .collect();
    let type_line = non_empty
        .iter()
        .copied()
        .find_map(|i| type_of_line(lines[i]).map(|t| (i, t)));
    let head_end = type_line
        .map(|(i, _)| i)
        .unwrap_or_else(|| non_empty.get(12).copied().unwrap_or(lines.len()));
    let head = &lines[..head_end.min(lines.len())];
    for line in head {
        if meta.number.is_none() {
            if let Some(caps) = NUMBER.captures(line) {
                meta.number = caps
                    .get(1)
                    .or_else(|| caps.get(2))
                    .map(|m| m.as_str().split_whitespace().collect::<String>());
            }
        }
        if meta.date.is_none() {
            // `Hà Nội, ngày 15 tháng 4 năm 2022` (the day may be left blank or dotted).
            if let Some(found) = place_date::find(line) {
                meta.place = Some(found.place.trim().to_string());
                meta.date = date(found.day, found.month, found.year);
            }
        }
    }
    if let Some((index, doc_type)) = type_line {
        meta.doc_type = doc_type;
        meta.issuer = issuer(head);
        meta.province = issuing_province(head);
        // The title: the next lines up to a blank line or a rule.
        let mut title: Vec<&str> = Vec::new();
        let mut next = index + 1;
        while next < lines.len() && lines[next].trim().is_empty() && title.is_empty() {
            next += 1;
        }
        while next < lines.len() && title.len() < 4 {
            let line = lines[next].trim();
            if line.is_empty() || is_rule_line(line) || crate::sections::parse_label(line).is_some()
            {
                break;
            }
            let folded = fold(line);
            if folded.starts_with("can cu") || folded.starts_with("kinh gui") {
                break;
            }
            if let Some(previous) = title.last() {
                if !continues_title(previous, line) {
                    break;
                }
            }
            title.push(line);
            next += 1;
        }
        while next < lines.len() && (lines[next].trim().is_empty() || is_rule_line(lines[next])) {
            next += 1;
        }
        if !title.is_empty() {
            meta.title = Some(title.join(" "));
        }
        header.body_start = next;
    } else if let Some(stamp) = non_empty
        .iter()
        .copied()
        .take(30)
        // A news page's publication stamp: `19/07/2024 14:30`, `Thứ sáu, 19/07/2024 - 14:30`.
        .find(|&i| published::find(lines[i].trim()).is_some())
    {
        header.news = true;
        meta.doc_type = DocType::News;
        if let Some((day, month, year)) = published::find(lines[stamp].trim()) {
            meta.published = date(Some(day), month, year);
        }
        meta.title = lines[..stamp]
            .iter()
            .map(|l| l.trim())
            .find(|l| l.chars().count() >= 25 && !is_weather_line(l))
            .map(str::to_string);
        // A provincial portal's name before the stamp (`Cổng thông tin điện tử tỉnh Lâm
        // Đồng`, which the HTML reader puts there) gives the province.
        meta.province = lines[..stamp]
            .iter()
            .filter(|l| Some(l.trim()) != meta.title.as_deref())
            .find_map(|l| province_of(l));
        meta.publisher = lines[..stamp]
            .iter()
            .map(|l| l.trim())
            .find(|l| is_press_name(l))
            .map(str::to_string);
        // After the stamp: the source, share and font-size widgets (short lines without
        // sentence punctuation).
        let mut next = stamp + 1;
        while next < lines.len() {
            let line = lines[next].trim();
            let short = line.chars().count() < 30 && !line.ends_with(['.', ':', ';']);
            if !(line.is_empty() || short) {
                break;
            }
            next += 1;
        }
        header.body_start = next;
    } else if meta.number.is_some() || meta.date.is_some() {
        // A header without a type line (a công văn): the body starts after the date line
        // or after the `V/v ...` (về việc) title under the number.
        meta.issuer = issuer(head);
        meta.province = issuing_province(head);
        if let Some(last) = head
            .iter()
            .rposition(|l| place_date::find(l).is_some() || NUMBER.is_match(l))
        {
            header.body_start = last + 1;
        }
        if let Some(index) = head.iter().position(|l| V_V.is_match(l)) {
            meta.doc_type = DocType::CongVan;
            let first_cell = head[index].split('\t').next().unwrap_or("");
            let mut title = vec![V_V.replace(first_cell, "").trim().to_string()];
            let mut next = index + 1;
            while next < head.len() && title.len() < 4 {
                let line = head[next].split('\t').next().unwrap_or("").trim();
                if line.is_empty() || !title.last().is_some_and(|p| continues_title(p, line)) {
                    break;
                }
                title.push(line.to_string());
                next += 1;
            }
            meta.title = Some(title.join(" "));
            header.body_start = header.body_start.max(next);
        }
    }
    header.meta.meeting_date = meeting_date(lines, header.body_start, &header.meta);
    header
}

/// A press name standing alone (`Báo Đồng Nai điện tử`, `Báo điện tử Chính phủ`, `Tạp chí
/// Tài chính`): its head word, then a few words that open with a capital.
fn is_press_name(line: &str) -> bool {
    let Some(rest) = ["Báo ", "Tạp chí ", "Đài "]
        .iter()
        .find_map(|head| line.strip_prefix(head))
    else {
        return false;
    };
    let words = rest.split_whitespace().count();
    (1..=6).contains(&words)
        && (rest.starts_with(char::is_uppercase) || rest.starts_with("điện tử"))
        && !line.ends_with(['.', ':', ';', ','])
}

/// `V/v` (về việc) opening a công văn's title under its number.
static V_V: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*V/v\s*:?\s*").expect("valid regex"));

/// Whether `line` goes on with a title whose last line is `previous`: it starts in lower
/// case (`năm 2024`), or `previous` stops on a word that needs what follows (`tại`, `của`).
fn continues_title(previous: &str, line: &str) -> bool {
    const OPEN_ENDS: &[&str] = &[
        "tai",
        "cua",
        "ve",
        "va",
        "voi",
        "cho",
        "tren",
        "den",
        "trong",
        "theo",
        "giai doan",
        "-",
    ];
    let first = line.chars().next();
    if first.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()) {
        return !line.ends_with('.');
    }
    let folded = fold(previous);
    OPEN_ENDS
        .iter()
        .any(|end| folded.ends_with(&format!(" {end}")) || folded == *end)
}

/// The issuing body: the capital lines of the header, without the national motto
/// (`ỦY BAN NHÂN DÂN` + `TỈNH QUẢNG NINH`).
fn issuer(head: &[&str]) -> Option<String> {
    issuers(head).pop()
}

/// The province of a document's issuer, or of the body over it: a `SỞ Y TẾ` under `UBND TỈNH
/// QUẢNG TRỊ` is a provincial issuer, though its own name holds no province.
fn issuing_province(head: &[&str]) -> Option<String> {
    let mut names = issuers(head);
    let own = names.pop()?;
    province_of(&own).or_else(|| names.pop().as_deref().and_then(province_of))
}

/// The bodies of the header's issuer block, the parent body first (`BỘ TÀI CHÍNH`, then
/// `TỔNG CỤC THUẾ`).
fn issuers(head: &[&str]) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    for line in head {
        let cell = line
            .split('\t')
            .map(str::trim)
            .find(|cell| !cell.is_empty() && !is_motto(cell));
        let Some(cell) = cell else {
            if !parts.is_empty() && !line.trim().is_empty() {
                break;
            }
            continue;
        };
        if is_rule_line(cell) {
            continue;
        }
        if is_upper(cell) && !NUMBER.is_match(cell) && !is_motto(cell) {
            parts.push(cell.to_string());
        } else if !parts.is_empty() {
            break;
        }
    }
    // `ỦY BAN NHÂN DÂN` + `TỈNH QUẢNG NINH` (or a name wrapped after `VÀ`) is one name;
    // `BỘ TÀI CHÍNH` + `TỔNG CỤC THUẾ` is a parent body over the issuing one.
    let mut names: Vec<String> = Vec::new();
    for part in parts {
        match names.last_mut() {
            Some(previous) if continues_name(previous, &part) => {
                previous.push(' ');
                previous.push_str(&part);
            }
            _ => names.push(part),
        }
    }
    names
}

/// Whether `next` goes on with the name in `previous` rather than naming a body under it.
fn continues_name(previous: &str, next: &str) -> bool {
    const PLACE_WORDS: &[&str] = &[
        "TỈNH ",
        "THÀNH PHỐ ",
        "HUYỆN ",
        "QUẬN ",
        "THỊ XÃ ",
        "XÃ ",
        "PHƯỜNG ",
        "VÀ ",
        "- ",
        "– ",
    ];
    PLACE_WORDS.iter().any(|w| next.starts_with(w))
        || previous.ends_with([',', '-', '–'])
        || previous.ends_with(" VÀ")
        || fold(previous) == "uy ban nhan dan"
}

/// The meeting date from the first paragraphs of the body; a date without a year takes the
/// year of the publication or document date.
fn meeting_date(lines: &[&str], body_start: usize, meta: &Metadata) -> Option<DocDate> {
    let year = meta.published.or(meta.date).map(|d| d.year.to_string());
    lines
        .iter()
        .skip(body_start)
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .take(3)
        .find_map(|line| {
            if let Some(caps) = MEETING_LONG.captures(line) {
                return date(
                    caps.get(1).map(|m| m.as_str()),
                    caps.get(2).map_or("", |m| m.as_str()),
                    caps.get(3).map_or("", |m| m.as_str()),
                );
            }
            let caps = MEETING_SHORT.captures(line)?;
            let year = caps
                .get(3)
                .map(|m| m.as_str().to_string())
                .or(year.clone())?;
            date(
                caps.get(1).map(|m| m.as_str()),
                caps.get(2).map_or("", |m| m.as_str()),
                &year,
            )
        })
}

#[cfg(test)]
mod tests;
