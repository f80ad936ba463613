//! Plain text (and text recovered from other formats) into blocks.
//!
//! Line by line: conversion artifacts and footnote markers are cut out of each line (the cut
//! ranges are kept), footnote bodies leave the flow, a paragraph broken by a page break or a
//! footnote block is joined again, tab-separated lines become table rows, and the
//! `Nơi nhận:` list ends the body.

use crate::sections::{parse_label, LabelKind, SectionStack};
use crate::{Block, BlockKind, Document, Footnote, Format, Metadata, TableRow};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;
use vntask_tokenizer::{normalize_with_map, OffsetMap};
use vntask_writer::{SpanBasis, TaskStatus};

/// Pieces of a line that are not text: Word-conversion bookmarks and footnote references,
/// inline footnote bodies `[1: ...]`, superscript footnote markers, Markdown emphasis and
/// inline HTML tags left by converters.
static ARTIFACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\[bookmark:[^\]]*\]|\[footnoteRef:\d+\]|\[\d{1,3}:\s[^\]]*\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\*\*|</?(?:i|b|u|em|strong|sup|sub|span)>",
    )
    .expect("valid regex")
});
static INLINE_FOOTNOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[(\d{1,3}):\s([^\]]*)\]$").expect("valid regex"));
/// A footnote body at the start of a line: `⁶ "5 đẩy mạnh": ...`.
static FOOTNOTE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*\S").expect("valid regex"));
static SPACE_RUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[ \t]{2,}").expect("valid regex"));

/// A line of the source with its byte range (without the line break).
struct Line {
    range: Range<usize>,
}

fn lines(source: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = source.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'\n' => {
                out.push(Line {
                    range: start..index,
                });
                start = index + 1;
            }
            b'\r' => {
                out.push(Line {
                    range: start..index,
                });
                if bytes.get(index + 1) == Some(&b'\n') {
                    index += 1;
                }
                start = index + 1;
            }
            _ => {}
        }
        index += 1;
    }
    if start < bytes.len() {
        out.push(Line {
            range: start..bytes.len(),
        });
    }
    out
}

/// Text cleaned from a range of the source, with its map back and the ranges cut out.
pub struct Cleaned {
    pub text: String,
    pub map: OffsetMap,
    pub removed: Vec<Range<usize>>,
    /// Inline footnote bodies found in the range.
    pub footnotes: Vec<Footnote>,
}

/// Cleans `source[range]`: artifacts cut, white space runs folded, text normalised.
pub fn clean(source: &str, range: Range<usize>) -> Cleaned {
    let raw = &source[range.clone()];
    let mut cuts: Vec<Range<usize>> = Vec::new();
    let mut removed = Vec::new();
    let mut footnotes = Vec::new();
    for m in ARTIFACT.find_iter(raw) {
        let absolute = range.start + m.start()..range.start + m.end();
        if let Some(caps) = INLINE_FOOTNOTE.captures(m.as_str()) {
            footnotes.push(Footnote {
                label: caps.get(1).map_or("", |c| c.as_str()).to_string(),
                text: vntask_tokenizer::normalize(caps.get(2).map_or("", |c| c.as_str()).trim()),
                span: absolute.clone(),
            });
        }
        removed.push(absolute);
        cuts.push(m.range());
    }
    for m in SPACE_RUN.find_iter(raw) {
        // Keep one space of a run; tabs inside a run become that space's neighbours' cut.
        cuts.push(m.start() + 1..m.end());
    }
    cuts.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for cut in cuts {
        match merged.last_mut() {
            Some(last) if cut.start <= last.end => last.end = last.end.max(cut.end),
            _ => merged.push(cut),
        }
    }
    // Leading and trailing white space.
    let trimmed_start = raw.len() - raw.trim_start().len();
    let trimmed_end = raw.trim_end().len();
    let mut kept: Vec<Range<usize>> = Vec::new();
    let mut position = trimmed_start;
    for cut in &merged {
        if cut.start > position {
            kept.push(position..cut.start.min(trimmed_end));
        }
        position = position.max(cut.end);
    }
    if position < trimmed_end {
        kept.push(position..trimmed_end);
    }
    let mut text = String::with_capacity(raw.len());
    let mut checkpoints = Vec::new();
    for piece in kept.into_iter().filter(|p| p.start < p.end) {
        let (normalised, map) = normalize_with_map(&raw[piece.clone()]);
        let base_out = text.len();
        let base_in = range.start + piece.start;
        checkpoints.push((base_out, base_in));
        for &(out, input) in map.checkpoints() {
            checkpoints.push((base_out + out, base_in + input));
        }
        text.push_str(&normalised);
        checkpoints.push((text.len(), base_in + piece.len()));
    }
    // White space cut between pieces can leave a doubled or trailing space.
    let text_trimmed = text.trim_end().len();
    text.truncate(text_trimmed);
    checkpoints.dedup_by_key(|c| c.0);
    Cleaned {
        text,
        map: OffsetMap::from_checkpoints(checkpoints, range.end),
        removed,
        footnotes,
    }
}

/// Parses decoded text into a document.
pub fn parse_text(source: String, basis: SpanBasis, format: Format) -> Document {
    let mut parser = Parser::default();
    let all_lines = lines(&source);
    let mut recipients = Vec::new();
    let mut in_recipients = false;
    for line in &all_lines {
        let raw = &source[line.range.clone()];
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            parser.blank_line();
            continue;
        }
        if trimmed.starts_with("Nơi nhận") {
            in_recipients = true;
            continue;
        }
        if in_recipients {
            let item = trimmed.trim_start_matches(['-', '+', ' ']).trim();
            if !item.is_empty() {
                recipients.push(vntask_tokenizer::normalize(
                    item.trim_end_matches([';', ',']),
                ));
            }
            continue;
        }
        if FOOTNOTE_LINE.is_match(trimmed) {
            parser.footnote_line(&source, line.range.clone());
            continue;
        }
        if raw.contains('\t') {
            parser.table_line(&source, line.range.clone());
            continue;
        }
        parser.text_line(&source, line.range.clone());
    }
    parser.finish_table();
    let mut meta = Metadata::default();
    meta.recipients = recipients;
    Document {
        source,
        basis,
        format,
        encoding: "utf-8".to_string(),
        meta,
        blocks: parser.blocks,
        footnotes: parser.footnotes,
        warnings: parser.warnings,
    }
}

#[derive(Default)]
struct Parser {
    blocks: Vec<Block>,
    footnotes: Vec<Footnote>,
    warnings: Vec<String>,
    stack: SectionStack,
    /// Indices of the open blocks by depth, for `parent`.
    open: Vec<usize>,
    /// The last block may continue on the next text line (no closing punctuation).
    pending_join: bool,
    /// Footnote lines seen since the last text block (a page-break footnote block).
    footnote_gap: Option<Range<usize>>,
    table: Option<TableState>,
    /// Status of the rows under a heading such as `a) Các nhiệm vụ hoàn thành`.
    table_status: Option<TaskStatus>,
}

struct TableState {
    headers: Vec<String>,
    rows: usize,
    /// The section path the table sits under.
    base: String,
    depth: usize,
}

const MAX_DEPTH: usize = 32;

impl Parser {
    fn blank_line(&mut self) {}

    fn footnote_line(&mut self, source: &str, range: Range<usize>) {
        let cleaned = clean(source, range.clone());
        let label: String = source[range.clone()]
            .trim()
            .chars()
            .take_while(|c| "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(*c))
            .collect();
        self.footnotes.push(Footnote {
            label,
            text: cleaned.text,
            span: range.clone(),
        });
        self.footnote_gap = Some(match self.footnote_gap.take() {
            Some(gap) => gap.start..range.end,
            None => range,
        });
    }

    fn text_line(&mut self, source: &str, range: Range<usize>) {
        self.finish_table();
        let raw = &source[range.clone()];
        let lead = raw.len() - raw.trim_start().len();
        let line_start = range.start + lead;
        // Cut artifacts first so `[bookmark: x]a) ...` still shows its label.
        let cleaned_full = clean(source, range.clone());
        let label = parse_label(&cleaned_full.text);
        let in_footnote_gap = self.footnote_gap.is_some();
        if label.is_none()
            && self.pending_join
            && (in_footnote_gap || starts_lowercase(&cleaned_full.text))
        {
            let gap = self.footnote_gap.take();
            self.join_last(cleaned_full, gap, range.end);
            return;
        }
        // A line after a footnote block that is a plain unlabelled line continues a paragraph
        // only when the paragraph was open (handled above); otherwise start fresh.
        self.footnote_gap = None;
        let (kind, label_raw, section, depth, text_start) = match &label {
            Some(label) => {
                let (section, depth) = self.stack.enter(label);
                let kind = if matches!(label.kind, LabelKind::Dash | LabelKind::Plus) {
                    BlockKind::Bullet
                } else if is_heading_like(&cleaned_full.text[label.len..]) {
                    BlockKind::Heading
                } else {
                    BlockKind::Paragraph
                };
                (kind, Some(label.raw.clone()), section, depth, label.len)
            }
            None => {
                let (section, depth) = self.stack.paragraph();
                (BlockKind::Paragraph, None, section, depth, 0)
            }
        };
        if let Some(status) = status_heading(&cleaned_full.text) {
            self.table_status = Some(status);
        } else if kind == BlockKind::Heading
            && label
                .as_ref()
                .is_some_and(|l| l.kind != LabelKind::LowerLetter)
        {
            self.table_status = None;
        }
        let text = cleaned_full.text[text_start..].trim_start().to_string();
        let skipped = cleaned_full.text.len() - text.len();
        let map = shift_map(&cleaned_full.map, skipped, range.end);
        let depth = depth.min(MAX_DEPTH);
        if depth == MAX_DEPTH && !self.warnings.iter().any(|w| w.starts_with("section depth")) {
            self.warnings.push(format!(
                "section depth over {MAX_DEPTH} levels: deeper items flattened"
            ));
        }
        self.open
            .truncate(depth.saturating_sub(1).min(self.open.len()));
        let parent = if label.is_some() {
            self.open.last().copied()
        } else {
            self.open
                .get(depth.saturating_sub(1))
                .copied()
                .or(self.open.last().copied())
        };
        let block = Block {
            kind,
            section,
            label: label_raw,
            depth,
            parent,
            text,
            span: line_start..range.start + raw.trim_end().len(),
            map,
            removed: cleaned_full.removed,
            table: None,
        };
        self.footnotes.extend(cleaned_full.footnotes);
        self.pending_join = ends_open(&block.text);
        if label.is_some() {
            self.open.push(self.blocks.len());
        }
        self.blocks.push(block);
    }

    fn join_last(&mut self, next: Cleaned, gap: Option<Range<usize>>, end: usize) {
        let Some(last) = self.blocks.last_mut() else {
            return;
        };
        let mut checkpoints = last.map.checkpoints().to_vec();
        let base = last.text.len() + 1;
        last.text.push(' ');
        for &(out, input) in next.map.checkpoints() {
            checkpoints.push((base + out, input));
        }
        last.text.push_str(&next.text);
        last.map = OffsetMap::from_checkpoints(checkpoints, end);
        if let Some(gap) = gap {
            last.removed.push(gap);
        }
        last.removed.extend(next.removed);
        self.footnotes.extend(next.footnotes);
        last.span.end = end;
        self.pending_join = ends_open(&last.text);
    }

    fn table_line(&mut self, source: &str, range: Range<usize>) {
        let raw = &source[range.clone()];
        let mut cells: Vec<(Range<usize>, String)> = Vec::new();
        let mut start = range.start;
        for part in raw.split('\t') {
            let cell_range = start..start + part.len();
            cells.push((cell_range.clone(), clean(source, cell_range).text));
            start += part.len() + 1;
        }
        let first = vntask_tokenizer::fold(cells.first().map_or("", |c| c.1.as_str()));
        if first == "tt" || first == "stt" {
            let headers: Vec<String> = cells.iter().map(|c| c.1.clone()).collect();
            match &self.table {
                Some(table) if table.headers == headers => {} // repeated after a page break
                _ => {
                    self.finish_table();
                    let (base, depth) = self.stack.paragraph();
                    self.table = Some(TableState {
                        headers,
                        rows: 0,
                        base,
                        depth,
                    });
                }
            }
            return;
        }
        let Some(table) = self.table.as_mut() else {
            // A tabbed line outside a table is running text.
            self.text_line(source, range);
            return;
        };
        let number = cells
            .first()
            .map(|c| c.1.trim().to_string())
            .unwrap_or_default();
        let values: Vec<String> = cells.iter().map(|c| c.1.clone()).collect();
        let last_is_row = self
            .blocks
            .last()
            .is_some_and(|b| b.kind == BlockKind::TableRow);
        if number.is_empty() && last_is_row {
            // A continuation of the row above (split by a page break): append cell by cell.
            if let Some(last) = self.blocks.last_mut() {
                if let Some(row) = last.table.as_mut() {
                    for (index, value) in values.iter().enumerate().skip(1) {
                        if value.is_empty() {
                            continue;
                        }
                        if let Some(cell) = row.cells.get_mut(index) {
                            if !cell.1.is_empty() {
                                cell.1.push(' ');
                            }
                            cell.1.push_str(value);
                        }
                    }
                }
                last.span.end = range.end;
                last.text = row_text(last.table.as_ref());
                last.map = OffsetMap::from_checkpoints(vec![(0, last.span.start)], last.span.end);
            }
            return;
        }
        table.rows += 1;
        let previous = self
            .blocks
            .last()
            .filter(|b| b.kind == BlockKind::TableRow)
            .and_then(|b| b.table.clone());
        let mut row_cells: Vec<(String, String)> = Vec::new();
        for (index, header) in table.headers.iter().enumerate().skip(1) {
            let mut value = values.get(index).cloned().unwrap_or_default();
            // An empty cell of a merged column (the task column) takes the value above.
            if value.is_empty() && index == 1 {
                if let Some(prev) = &previous {
                    value = prev.cells.first().map(|c| c.1.clone()).unwrap_or_default();
                }
            }
            row_cells.push((header.clone(), value));
        }
        let row = TableRow {
            number: (!number.is_empty()).then_some(number),
            cells: row_cells,
            status: self.table_status,
        };
        let section = if table.base.is_empty() {
            format!("row{}", table.rows)
        } else {
            format!("{}.row{}", table.base, table.rows)
        };
        let text = row_text(Some(&row));
        let span = range.start..range.start + raw.trim_end().len();
        self.blocks.push(Block {
            kind: BlockKind::TableRow,
            section,
            label: None,
            depth: table.depth + 1,
            parent: None,
            text,
            span: span.clone(),
            map: OffsetMap::from_checkpoints(vec![(0, span.start)], span.end),
            removed: Vec::new(),
            table: Some(row),
        });
        self.pending_join = false;
    }

    fn finish_table(&mut self) {
        self.table = None;
    }
}

/// The text of a table row: its non-empty cells joined by ` | `.
fn row_text(row: Option<&TableRow>) -> String {
    row.map(|row| {
        row.cells
            .iter()
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
            .collect::<Vec<_>>()
            .join(" | ")
    })
    .unwrap_or_default()
}

/// The map of a text from which the first `skipped` bytes were dropped.
fn shift_map(map: &OffsetMap, skipped: usize, end: usize) -> OffsetMap {
    if skipped == 0 {
        return map.clone();
    }
    let start_input = map.to_input(skipped);
    let mut checkpoints = vec![(0, start_input)];
    for &(out, input) in map.checkpoints() {
        if out > skipped {
            checkpoints.push((out - skipped, input));
        }
    }
    OffsetMap::from_checkpoints(checkpoints, end)
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_lowercase())
}

/// A paragraph that ends without closing punctuation may continue after a page break.
fn ends_open(text: &str) -> bool {
    text.trim_end().ends_with([','])
}

/// A short line without a final period reads as a heading.
fn is_heading_like(text: &str) -> bool {
    let text = text.trim();
    text.chars().count() < 120 && !text.ends_with('.') && !text.ends_with(';')
}

/// `a) Các nhiệm vụ hoàn thành` / `b) Các nhiệm vụ đang thực hiện, chưa hoàn thành`.
fn status_heading(text: &str) -> Option<TaskStatus> {
    let folded = vntask_tokenizer::fold(text);
    if folded.chars().count() > 120 || !folded.contains("nhiem vu") {
        return None;
    }
    if folded.contains("chua hoan thanh") || folded.contains("dang thuc hien") {
        Some(TaskStatus::InProgress)
    } else if folded.contains("da hoan thanh") || folded.ends_with("hoan thanh") {
        Some(TaskStatus::Completed)
    } else {
        None
    }
}
