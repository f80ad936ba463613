//! Tables written as lines: tab-separated (Word tables pasted as text, docx and HTML tables
//! rendered by ingest) and Markdown pipe tables.
//!
//! A header row names the columns (a first cell `TT`/`STT`, or the first row of a pipe
//! table); the same header repeated after a page break is dropped; a row whose number cell
//! is empty continues the row above (a row split by a page break); an empty first content
//! cell of a numbered row is a vertically merged cell and takes the value above.

use crate::clean::{clean, Builder, Cleaned};
use crate::{TableRow, TaskStatus};
use std::ops::Range;
use vntask_tokenizer::fold;

/// One cell of a table line: its source range and clean text.
pub struct Cell {
    pub range: Range<usize>,
    pub cleaned: Cleaned,
}

/// The cells of a tab-separated line.
pub fn tab_cells(source: &str, line: Range<usize>, markup: &[Range<usize>]) -> Vec<Cell> {
    let Some(raw) = source.get(line.clone()) else {
        return Vec::new();
    };
    let mut cells = Vec::new();
    let mut start = line.start;
    for part in raw.split('\t') {
        let range = start..start + part.len();
        cells.push(Cell {
            cleaned: clean(source, range.clone(), markup),
            range,
        });
        start += part.len() + 1;
    }
    cells
}

/// Whether a trimmed line is a Markdown pipe-table line (`| a | b |`).
pub fn is_pipe_line(line: &str) -> bool {
    let line = line.trim();
    line.len() >= 2 && line.starts_with('|') && line.ends_with('|')
}

/// Whether a pipe line is the delimiter row (`|---|:---:|`).
pub fn is_pipe_delimiter(line: &str) -> bool {
    is_pipe_line(line)
        && line
            .trim()
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// The cells of a pipe-table line (the outer pipes dropped).
pub fn pipe_cells(source: &str, line: Range<usize>, markup: &[Range<usize>]) -> Vec<Cell> {
    let Some(raw) = source.get(line.clone()) else {
        return Vec::new();
    };
    let lead = raw.len() - raw.trim_start().len();
    let inner_start = line.start + lead + 1;
    let trimmed = raw.trim();
    let inner = trimmed
        .get(1..trimmed.len().saturating_sub(1))
        .unwrap_or("");
    let mut cells = Vec::new();
    let mut start = inner_start;
    for part in inner.split('|') {
        let range = start..start + part.len();
        cells.push(Cell {
            cleaned: clean(source, range.clone(), markup),
            range,
        });
        start += part.len() + 1;
    }
    cells
}

/// Words of column headers in task tables (folded).
const HEADER_WORDS: &[&str] = &[
    "nhiem vu",
    "noi dung",
    "co quan",
    "don vi",
    "chu tri",
    "phoi hop",
    "thoi gian",
    "thoi han",
    "tien do",
    "san pham",
    "ket qua",
    "ghi chu",
    "giai phap",
    "trach nhiem",
];

/// Whether these cells are a header row, and whether its table numbers its rows: a first
/// cell `TT`/`STT`/`Số TT` (numbered), or short cells of which at least two name the
/// columns of a task table (`Nội dung`, `Cơ quan chủ trì`, `Thời gian hoàn thành`).
pub fn header_kind(cells: &[Cell]) -> Option<bool> {
    let first = cells
        .first()
        .map(|c| fold(&c.cleaned.text))
        .unwrap_or_default();
    if matches!(first.as_str(), "tt" | "stt" | "so tt" | "so thu tu") {
        return Some(true);
    }
    // Most lines are rows: a number first, or a long cell. Those are told before any other
    // cell is folded (folding keeps one char for each char that is not a combining mark, so
    // a folded cell's length is counted on the cell).
    let numeric_first = first.chars().next().is_some_and(|c| c.is_ascii_digit());
    if cells.len() < 2
        || numeric_first
        || cells
            .iter()
            .any(|c| more_chars_unmarked_than(&c.cleaned.text, 60))
    {
        return None;
    }
    let named = cells
        .iter()
        .filter(|c| {
            let folded = fold(&c.cleaned.text);
            HEADER_WORDS.iter().any(|w| folded.contains(w))
        })
        .count();
    (named >= 2).then_some(false)
}

/// [`header_kind`] as it was first written (every cell folded first), kept as the
/// reference of the tests.
#[cfg(test)]
fn header_kind_reference(cells: &[Cell]) -> Option<bool> {
    let first = cells
        .first()
        .map(|c| fold(&c.cleaned.text))
        .unwrap_or_default();
    if matches!(first.as_str(), "tt" | "stt" | "so tt" | "so thu tu") {
        return Some(true);
    }
    let texts: Vec<String> = cells.iter().map(|c| fold(&c.cleaned.text)).collect();
    let short = texts.iter().all(|t| t.chars().count() <= 60);
    let named = texts
        .iter()
        .filter(|t| HEADER_WORDS.iter().any(|w| t.contains(w)))
        .count();
    let numeric_first = first.chars().next().is_some_and(|c| c.is_ascii_digit());
    (cells.len() >= 2 && short && named >= 2 && !numeric_first).then_some(false)
}

/// A table being read.
pub struct Table {
    pub headers: Vec<String>,
    /// The section path the table sits under, and its depth.
    pub base: String,
    pub depth: usize,
    pub parent: Option<usize>,
    pub status: Option<TaskStatus>,
    /// Rows read so far (for section names of unnumbered rows).
    pub rows: usize,
    /// The first column holds the row number (`TT`).
    pub numbered: bool,
}

/// A row ready to become a block.
pub struct RowBlock {
    pub text: String,
    pub map: vntask_tokenizer::OffsetMap,
    pub row: TableRow,
    pub label: Option<String>,
}

impl Table {
    /// The header name of column `index` (`cột N` past the header's end).
    fn header(&self, index: usize) -> String {
        self.headers
            .get(index)
            .filter(|h| !h.is_empty())
            .cloned()
            .unwrap_or_else(|| format!("cột {}", index + 1))
    }

    /// Makes a row from its cells; `previous` is the row above, for merged cells.
    /// The first content column (after the number column, if any).
    pub fn first(&self) -> usize {
        usize::from(self.numbered)
    }

    pub fn row(&self, cells: &[Cell], previous: Option<&TableRow>, end: usize) -> RowBlock {
        let first = self.first();
        let number = cells
            .first()
            .filter(|_| self.numbered)
            .map(|c| c.cleaned.text.clone())
            .filter(|n| !n.is_empty());
        let mut row = TableRow {
            number: number.clone(),
            cells: Vec::new(),
            status: self.status,
            filled: Vec::new(),
            merged: false,
        };
        let mut builder = Builder::default();
        for (index, cell) in cells.iter().enumerate().skip(first) {
            let header = self.header(index);
            let mut value = cell.cleaned.text.clone();
            if value.is_empty() && index == first {
                // The task column merged vertically over several numbered rows.
                if let Some(above) = previous.and_then(|p| p.cells.first()) {
                    value = above.1.clone();
                    if !value.is_empty() {
                        row.filled.push(header.clone());
                    }
                }
            } else if !value.is_empty() {
                builder.push_separator(" | ", cell.range.start);
                builder.push_cleaned(&cell.cleaned);
            }
            row.cells.push((header, value));
        }
        let (mut text, mut map) = builder.finish(end);
        if !row.filled.is_empty() {
            // The text names the filled value too; the map of a filled cell points at the
            // row's start.
            text = row_text(&row);
            let start = cells.first().map_or(end, |c| c.range.start);
            map = vntask_tokenizer::OffsetMap::from_checkpoints(vec![(0, start)], end);
        }
        RowBlock {
            text,
            map,
            label: number,
            row,
        }
    }

    /// Merges a continuation line (empty number cell) into `row`, cell by cell.
    pub fn merge(&self, row: &mut TableRow, cells: &[Cell]) {
        let first = self.first();
        for (index, cell) in cells.iter().enumerate().skip(first) {
            let value = &cell.cleaned.text;
            if value.is_empty() {
                continue;
            }
            let slot = index - first;
            while row.cells.len() <= slot {
                let header = self.header(row.cells.len() + first);
                row.cells.push((header, String::new()));
            }
            if let Some(cell) = row.cells.get_mut(slot) {
                if !cell.1.is_empty() {
                    cell.1.push(' ');
                }
                cell.1.push_str(value);
            }
        }
        row.merged = true;
    }
}

/// The text of a table row: its non-empty cells joined by ` | `.
pub fn row_text(row: &TableRow) -> String {
    row.cells
        .iter()
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Whether `text` has more than `limit` chars that are not combining marks. A char whose
/// lead byte is below `CC` (U+0000..U+02FF) or that is `E1 B8`..`E1 BB` (U+1E00..U+1EFF) is
/// never a mark: those are counted from their lead bytes, the rest decoded and asked.
///
/// An ASCII byte is such a char on its own: the ASCII bytes are counted first, eight at a
/// time, which settles most long texts (Vietnamese is about three quarters ASCII bytes)
/// after a few words; the rest are counted char by char.
fn more_chars_unmarked_than(text: &str, limit: usize) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() <= limit {
        // Not more chars than bytes.
        return false;
    }
    let mut ascii = 0;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(word);
        // The high bit of every byte that is not ASCII.
        let high = u64::from_le_bytes(chunk) & 0x8080_8080_8080_8080;
        ascii += 8 - high.count_ones() as usize;
        if ascii > limit {
            return true;
        }
    }
    count_unmarked_above(text, limit)
}

/// [`more_chars_unmarked_than`] char by char.
fn count_unmarked_above(text: &str, limit: usize) -> bool {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut at = 0;
    while let Some(&lead) = bytes.get(at) {
        let (width, unmarked) = match lead {
            0..=0x7F => (1, true),
            0x80..=0xDF => (2, lead < 0xCC),
            0xE0..=0xEF => (3, false),
            _ => (4, false),
        };
        let unmarked = unmarked
            || (lead == 0xE1 && matches!(bytes.get(at + 1), Some(0xB8..=0xBB)))
            || text
                .get(at..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| !vntask_tokenizer::is_mark(c));
        if unmarked {
            count += 1;
            if count > limit {
                return true;
            }
        }
        at += width;
    }
    false
}

/// `a) Các nhiệm vụ hoàn thành` / `b) Các nhiệm vụ đang thực hiện, chưa hoàn thành`: the
/// status a heading gives the table rows under it.
pub fn status_heading(text: &str) -> Option<TaskStatus> {
    // Folding keeps one char for each char that is not a combining mark: a long paragraph is
    // told by counting those, without folding it.
    if more_chars_unmarked_than(text, 120) {
        return None;
    }
    let folded = fold(text);
    if !folded.contains("nhiem vu") {
        return None;
    }
    if folded.contains("chua hoan thanh")
        || folded.contains("dang thuc hien")
        || folded.contains("dang trien khai")
    {
        Some(TaskStatus::InProgress)
    } else if folded.contains("da hoan thanh")
        || folded.trim_end_matches(':').ends_with("hoan thanh")
    {
        Some(TaskStatus::Completed)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn unmarked_chars_are_counted_as_chars_that_are_not_marks(
            text in "[aạ\u{300}\u{20D0}\u{1AB0}đ€😀 ]{100,130}"
        ) {
            let counted = text.chars().filter(|c| !vntask_tokenizer::is_mark(*c)).nth(120).is_some();
            proptest::prop_assert_eq!(more_chars_unmarked_than(&text, 120), counted);
        }

        #[test]
        fn unmarked_chars_agree_with_the_char_by_char_count(
            text in "[a \u{300}ạđ€\u{20D0}]{0,40}[a-z ]{0,150}[aạ\u{300}]{0,10}",
            limit in 0usize..200,
        ) {
            let counted = text.chars().filter(|c| !vntask_tokenizer::is_mark(*c)).count() > limit;
            proptest::prop_assert_eq!(more_chars_unmarked_than(&text, limit), counted);
            proptest::prop_assert_eq!(count_unmarked_above(&text, limit), counted);
        }
    }

    #[test]
    fn unmarked_chars_on_samples() {
        let long_ascii = "a".repeat(121);
        let marks = format!("{}{}", "a".repeat(100), "\u{300}".repeat(40));
        let mixed = "Bộ Tài chính chủ trì, phối hợp với các bộ, ngành liên quan ".repeat(3);
        for (text, limit) in [
            ("", 0),
            ("a", 0),
            ("abcdefgh", 7),
            ("abcdefgh", 8),
            ("abcdefghi", 8),
            (long_ascii.as_str(), 120),
            (long_ascii.as_str(), 121),
            (marks.as_str(), 100),
            (marks.as_str(), 99),
            (mixed.as_str(), 120),
            (mixed.as_str(), 170),
            (mixed.as_str(), 171),
        ] {
            let counted = text
                .chars()
                .filter(|c| !vntask_tokenizer::is_mark(*c))
                .count()
                > limit;
            assert_eq!(
                more_chars_unmarked_than(text, limit),
                counted,
                "{text:?} {limit}"
            );
        }
    }

    /// `header_kind` tells the rows early and agrees with the reference on every tabbed
    /// line of the seeds and fixtures and on hand-picked ones.
    #[test]
    fn header_kind_agrees_with_the_reference() {
        let mut texts: Vec<String> = [
            "TT\tNHIỆM VỤ\tCƠ QUAN CHỦ TRÌ",
            "Nội dung\tCơ quan chủ trì\tThời gian hoàn thành",
            "1\tNội dung\tCơ quan chủ trì",
            "\tNội dung\tCơ quan chủ trì",
            "Nội dung",
            "Nội dung\tGhi chú",
            "Nội dung\tGhi chú\tMột ô rất dài vượt quá sáu mươi ký tự để không còn là tiêu đề bảng nữa",
            "Nội dung\tGhi chú\tMột ô đúng sáu mươi ký tự: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "No\u{0323}i dung\tGhi chu\u{0301}\t",
            "Số TT\tTên nhiệm vụ",
            "\t\t",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        for dir in [
            "../../seeds",
            "../../fixtures/ingest",
            "../../fixtures/docs",
        ] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                texts.extend(
                    text.lines()
                        .filter(|l| l.contains('\t'))
                        .map(str::to_string),
                );
            }
        }
        assert!(texts.len() > 20);
        for text in &texts {
            let cells = tab_cells(text, 0..text.len(), &[]);
            assert_eq!(
                header_kind(&cells),
                header_kind_reference(&cells),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn header_kind_agrees_with_the_reference_on_any_cells(
            text in "(TT|1|Nội dung|Cơ quan chủ trì|Ghi chú|a\u{0300}|x{50,70}|[a-zđ ]{0,8}|\t){0,8}"
        ) {
            let cells = tab_cells(&text, 0..text.len(), &[]);
            proptest::prop_assert_eq!(header_kind(&cells), header_kind_reference(&cells));
        }
    }

    #[test]
    fn status_heading_counts_chars_as_folded() {
        // 120 chars after folding (the NFD marks do not count) is still a heading.
        let tail = " Các nhiệm vụ hoàn thành";
        let pad = 120 - tail.chars().count();
        let nfd = format!("{}{tail}", "a\u{0300}".repeat(pad));
        assert_eq!(status_heading(&nfd), Some(TaskStatus::Completed));
        let longer = format!("a{nfd}");
        assert_eq!(status_heading(&longer), None);
    }

    #[test]
    fn status_headings() {
        assert_eq!(
            status_heading("Các nhiệm vụ hoàn thành"),
            Some(TaskStatus::Completed)
        );
        assert_eq!(
            status_heading("Các nhiệm vụ đang thực hiện, chưa hoàn thành"),
            Some(TaskStatus::InProgress)
        );
        assert_eq!(
            status_heading("Các nhiệm vụ chưa hoàn thành, đang thực hiện"),
            Some(TaskStatus::InProgress)
        );
        assert_eq!(status_heading("Về phát triển hạ tầng số"), None);
    }

    fn cells(texts: &[&str]) -> Vec<Cell> {
        let line = texts.join("\t");
        tab_cells(&line, 0..line.len(), &[])
    }

    #[test]
    fn header_rows() {
        assert_eq!(
            header_kind(&cells(&["TT", "Nhiệm vụ", "Cơ quan"])),
            Some(true)
        );
        assert_eq!(
            header_kind(&cells(&[
                "Nội dung",
                "Cơ quan chủ trì",
                "Thời gian hoàn thành"
            ])),
            Some(false)
        );
        assert_eq!(
            header_kind(&cells(&["1", "Nhiệm vụ", "Cơ quan chủ trì"])),
            None
        );
        assert_eq!(
            header_kind(&cells(&["Bộ Y tế", "chủ trì xây dựng đề án"])),
            None
        );
    }

    #[test]
    fn pipe_lines() {
        assert!(is_pipe_line("| TT | Nhiệm vụ |"));
        assert!(is_pipe_delimiter("|---|:---:|"));
        assert!(!is_pipe_delimiter("| 1 | a |"));
        let source = "| 1 | Bộ Y tế |";
        let cells = pipe_cells(source, 0..source.len(), &[]);
        let texts: Vec<&str> = cells.iter().map(|c| c.cleaned.text.as_str()).collect();
        assert_eq!(texts, vec!["1", "Bộ Y tế"]);
    }
}
