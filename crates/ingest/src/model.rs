//! The document model that ingest produces and the extractor reads.

use serde::Serialize;
use std::ops::Range;
use vntask_tokenizer::OffsetMap;
use vntask_writer::{DatePrecision, DocType, ReferenceDateSource, SpanBasis, TaskStatus};

/// The input format, by content sniffing and extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    #[default]
    Txt,
    Md,
    Html,
    Docx,
    Pdf,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }
}

/// A document read and cleaned.
#[derive(Debug, Clone)]
pub struct Document {
    /// The text that spans index: the original file (basis `file`) or the decoded text
    /// (basis `decoded`).
    pub source: String,
    pub basis: SpanBasis,
    pub format: Format,
    /// The encoding the bytes were decoded from (`utf-8`, `utf-16le`, `windows-1258`, `tcvn3`, `vni`).
    pub encoding: String,
    pub meta: Metadata,
    /// The blocks in document order.
    pub blocks: Vec<Block>,
    pub footnotes: Vec<Footnote>,
    /// Things worth knowing that did not stop reading (flattened sections, dropped noise, ...).
    pub warnings: Vec<String>,
    /// The lines of `source` that ingest found normalisation leaves as they are.
    pub unchanged_lines: crate::unchanged::UnchangedLines,
}

impl Document {
    /// Feeds `vntask_tokenizer::normalize(&self.source)` to `sink` piece by piece, in order,
    /// without normalising the lines ingest already found unchanged again.
    pub fn normalized_source_pieces(&self, sink: impl FnMut(&str)) {
        self.unchanged_lines.normalized_pieces(&self.source, sink);
    }
}

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A numbered or lettered heading line, or a short line that names an agency over bullets.
    Heading,
    /// Running text (possibly a numbered item with a whole sentence).
    Paragraph,
    /// A `-`, `+` or `•` bullet.
    Bullet,
    /// A row of a table (see [`Block::table`]).
    TableRow,
}

/// One block of text with its place in the section tree and in the source.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    /// Section path such as `B.II.3.a`, bullets `-1`, table rows `row3`.
    pub section: String,
    /// The label as written (`3.`, `a)`, `-`, `II.`), if any; not part of `text`.
    pub label: Option<String>,
    /// Nesting depth in the section tree (0 for top-level text).
    pub depth: usize,
    /// Index of the enclosing block (the heading or item this one is under).
    pub parent: Option<usize>,
    /// Cleaned, normalised text, without the label.
    pub text: String,
    /// The bytes of [`Document::source`] the block covers (label included).
    pub span: Range<usize>,
    /// Maps offsets in `text` to offsets in [`Document::source`].
    pub map: OffsetMap,
    /// Ranges of the source inside `span` that were removed from `text` (footnotes, artifacts).
    pub removed: Vec<Range<usize>>,
    /// The row's cells, for a table row.
    pub table: Option<TableRow>,
}

impl Block {
    /// The source range of `text[range]`.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.map.to_input(range.start);
        let end = self.map.to_input(range.end).max(start);
        start..end
    }
}

/// A table row: header-named cells, and the status its table section gives it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TableRow {
    /// The row's number as written in its first column (`1`, `12`), if any.
    pub number: Option<String>,
    /// `(header, value)` in column order.
    pub cells: Vec<(String, String)>,
    /// From a heading above the table such as `a) Các nhiệm vụ hoàn thành`.
    pub status: Option<TaskStatus>,
    /// Headers of the cells left empty in the source (a vertically merged cell) that took
    /// the value of the row above.
    pub filled: Vec<String>,
    /// Whether continuation lines (a row split by a page break) were merged into this row,
    /// so its cells no longer read in source order.
    pub merged: bool,
}

impl TableRow {
    /// The value of the first cell whose folded header contains `needle` (folded).
    pub fn cell(&self, needle: &str) -> Option<&str> {
        let needle = vntask_tokenizer::fold(needle);
        self.cells
            .iter()
            .find(|(header, _)| vntask_tokenizer::fold(header).contains(&needle))
            .map(|(_, value)| value.as_str())
    }
}

/// A footnote removed from the flow.
#[derive(Debug, Clone, Serialize)]
pub struct Footnote {
    pub label: String,
    pub text: String,
    pub span: Range<usize>,
}

/// A date with its precision (a blank day gives month precision).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DocDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub precision: DatePrecision,
}

impl DocDate {
    /// ISO form; a month-precision date counts as the first day of its month.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day.max(1))
    }
}

/// What the document says about itself.
#[derive(Debug, Clone, Serialize)]
pub struct Metadata {
    pub doc_type: DocType,
    /// `114/TB-VPCP`, or `/BC-BTTTT` when the number is left blank.
    pub number: Option<String>,
    pub place: Option<String>,
    pub date: Option<DocDate>,
    /// The meeting date from the opening paragraph (`Ngày 19 tháng 7 năm 2024, tại ...`).
    pub meeting_date: Option<DocDate>,
    /// The publication date of a news page.
    pub published: Option<DocDate>,
    pub issuer: Option<String>,
    /// The trích yếu (what the document is about).
    pub title: Option<String>,
    pub signer: Option<String>,
    /// The `Nơi nhận:` list: recipients, never tasks.
    pub recipients: Vec<String>,
    /// Whom the document is addressed to, from `Kính gửi:` or a Công điện's
    /// `THỦ TƯỚNG CHÍNH PHỦ điện:` list (not tasks, but the bodies its tasks speak to).
    pub addressees: Vec<String>,
    /// For a provincial issuer (`ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH`), the province as it
    /// follows an agency name: `tỉnh Quảng Ninh`, `thành phố Hà Nội`.
    pub province: Option<String>,
    /// A news page's press name before its stamp (`Báo Đồng Nai điện tử`): a province's own
    /// newspaper says whose bodies the article names without their province.
    pub publisher: Option<String>,
}

impl Default for Metadata {
    fn default() -> Self {
        Metadata {
            doc_type: DocType::Other,
            number: None,
            place: None,
            date: None,
            meeting_date: None,
            published: None,
            issuer: None,
            title: None,
            signer: None,
            recipients: Vec::new(),
            addressees: Vec::new(),
            province: None,
            publisher: None,
        }
    }
}

impl Metadata {
    /// The date deadlines are resolved against, and where it came from: the document date,
    /// else the meeting date, else the publication date.
    pub fn reference_date(&self) -> Option<(DocDate, ReferenceDateSource)> {
        self.date
            .map(|d| (d, ReferenceDateSource::Document))
            .or(self.meeting_date.map(|d| (d, ReferenceDateSource::Meeting)))
            .or(self
                .published
                .map(|d| (d, ReferenceDateSource::Publication)))
    }
}
