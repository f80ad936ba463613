//! Text (from any format) into blocks, line by line.
//!
//! The head (issuer, number, date, type, title; a news page's widgets) is read by
//! [`crate::metadata`] and is not body text. In the body: artifacts are cut from each line
//! (the cut ranges are kept), footnote bodies leave the flow for [`Document::footnotes`], a
//! paragraph broken by a page break or by a footnote block is joined again, page numbers,
//! rules, web furniture and signature lines are dropped, tables become rows, and the
//! `Nơi nhận:` list becomes the recipients.

mod addressees;
mod lines;
mod rows;
mod tail;

pub use lines::lines;
use lines::{has_space_columns, is_hard_wrapped, space_columns, wrap_width};

use crate::clean::{clean, clean_line, Builder, Cleaned};
use crate::noise;
use crate::sections::{parse_label, LabelKind, SectionStack};
use crate::table::{self, Table};
use crate::unchanged::UnchangedLines;
use crate::{Block, BlockKind, Document, Footnote, Format};
use std::ops::Range;
use vntask_tokenizer::fold_starts_with;
use vntask_writer::SpanBasis;

/// Deeper items are flattened to this depth.
const MAX_DEPTH: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Body,
    /// After `Kính gửi:`: the addressee list.
    Addressees,
    /// After `Nơi nhận:`: recipients and the signature.
    Recipients,
    /// After the end of a news article: related articles and other furniture.
    Furniture,
}

/// Parses decoded text into a document. `markup` lists source ranges that are markup to
/// cut (Markdown syntax found by the Markdown reader). With `soft_wrap` (Markdown, PDF), a
/// line right under another (no blank line between) continues its paragraph.
pub fn parse(
    source: String,
    basis: SpanBasis,
    format: Format,
    markup: &[Range<usize>],
    soft_wrap: bool,
) -> Document {
    let line_ranges = lines(&source);
    // The head lines are cleaned for the metadata scan; a line without tabs is cleaned as a
    // whole, exactly as the body loop would clean it, so the body takes it from here
    // instead of cleaning it twice (and the scan reads its text there, trimmed, without a
    // copy). A tabbed line's cells, or the columns of a line set apart by spaces, are cleaned
    // one by one and joined for the scan.
    let head_len = line_ranges.len().min(120);
    let mut head_cleaned: Vec<Option<Cleaned>> = Vec::with_capacity(head_len);
    let mut head_tabbed: Vec<Option<String>> = Vec::with_capacity(head_len);
    let mut unchanged = UnchangedLines::default();
    for range in line_ranges.iter().take(120) {
        let raw = source.get(range.clone()).unwrap_or("");
        if memchr::memchr(b'\t', raw.as_bytes()).is_none() {
            let (cleaned, same) = clean_line(&source, range.clone(), markup);
            if same {
                unchanged.record(&source, range.clone());
            }
            // Two header columns set side by side with spaces (a PDF or Word file saved as
            // text: `BỘ Y TẾ          CỘNG HÒA XÃ HỘI ...`) are read as cells, like a tab's.
            let columns = has_space_columns(raw).then(|| {
                let texts: Vec<String> = space_columns(raw)
                    .into_iter()
                    .map(|cell| {
                        clean(
                            &source,
                            range.start + cell.start..range.start + cell.end,
                            markup,
                        )
                        .text
                    })
                    .collect();
                texts.join("\t").trim().to_string()
            });
            head_cleaned.push(Some(cleaned));
            head_tabbed.push(columns);
            continue;
        }
        let mut start = range.start;
        let mut cells = Vec::new();
        for part in raw.split('\t') {
            cells.push(clean(&source, start..start + part.len(), markup).text);
            start += part.len() + 1;
        }
        head_tabbed.push(Some(cells.join("\t").trim().to_string()));
        head_cleaned.push(None);
    }
    let head_refs: Vec<&str> = head_cleaned
        .iter()
        .zip(&head_tabbed)
        .map(|(cleaned, tabbed)| match (cleaned, tabbed) {
            (_, Some(tabbed)) => tabbed.as_str(),
            (Some(cleaned), None) => cleaned.text.trim(),
            (None, None) => "",
        })
        .collect();
    let header = crate::metadata::scan(&head_refs);
    drop(head_refs);
    drop(head_tabbed);
    let mut parser = Parser {
        source: &source,
        markup,
        // A block takes one body line at least: the blocks never outgrow this (a Block is
        // large, and growing the list copied it over and over).
        blocks: Vec::with_capacity(line_ranges.len().saturating_sub(header.body_start)),
        footnotes: Vec::new(),
        warnings: Vec::new(),
        stack: SectionStack::default(),
        open: Vec::new(),
        footnote_gap: None,
        in_footnote: false,
        table: None,
        pending_header: None,
        table_status: None,
        zone: Zone::Body,
        recipients: Vec::new(),
        addressees: Vec::new(),
        signer: None,
        signature_seen: false,
        soft_wrap,
        // Only a PDF's lines, or those of a plain text hard-wrapped at a fixed width (what
        // `pdftotext` writes), are joined by their width.
        wrap_width: if format == Format::Pdf
            || (format == Format::Txt && is_hard_wrapped(&source, &line_ranges))
        {
            wrap_width(&source, &line_ranges)
        } else {
            0
        },
        previous_len: 0,
        previous_blank: true,
        news: header.news || header.meta.doc_type == vntask_writer::DocType::Other,
        unchanged,
        last_table_char: memchr::memrchr2(b'\t', b'|', source.as_bytes()),
    };
    for (index, range) in line_ranges.iter().enumerate() {
        if index < header.body_start {
            continue;
        }
        let cleaned = head_cleaned.get_mut(index).and_then(Option::take);
        parser.line(range.clone(), cleaned);
    }
    // The room reserved for a block a line is given back (blank lines make no block).
    parser.blocks.shrink_to_fit();
    let mut meta = header.meta;
    meta.recipients = parser.recipients;
    meta.addressees = parser.addressees;
    meta.signer = parser.signer;
    Document {
        basis,
        format,
        encoding: "utf-8".to_string(),
        meta,
        blocks: parser.blocks,
        footnotes: parser.footnotes,
        warnings: parser.warnings,
        unchanged_lines: parser.unchanged,
        source,
    }
}

struct Parser<'a> {
    source: &'a str,
    markup: &'a [Range<usize>],
    blocks: Vec<Block>,
    footnotes: Vec<Footnote>,
    warnings: Vec<String>,
    stack: SectionStack,
    /// Block indices of the open labelled levels, parallel to the section stack.
    open: Vec<usize>,
    /// Source range of the footnote lines since the last text line (a page-break block).
    footnote_gap: Option<Range<usize>>,
    /// The last non-blank line was (part of) a footnote body.
    in_footnote: bool,
    table: Option<Table>,
    /// A header row repeated after a page break: part of the last row's span if a
    /// continuation line follows.
    pending_header: Option<Range<usize>>,
    /// Status of the rows under a heading such as `a) Các nhiệm vụ hoàn thành`.
    table_status: Option<vntask_writer::TaskStatus>,
    zone: Zone,
    recipients: Vec<String>,
    addressees: Vec<String>,
    signer: Option<String>,
    signature_seen: bool,
    soft_wrap: bool,
    /// The length (chars) of a full line of the page: lines this long were wrapped.
    wrap_width: usize,
    /// The length (chars) of the last text line.
    previous_len: usize,
    /// The line before this one was blank (or dropped as noise).
    previous_blank: bool,
    /// A news page or a document without an official header: web furniture may end it.
    news: bool,
    /// The lines found to normalise to themselves (for the content hash).
    unchanged: UnchangedLines,
    /// The offset of the last tab or `|` of the source: no table line starts after it.
    last_table_char: Option<usize>,
}

impl Parser<'_> {
    /// Reads one body line; `cleaned` is the line already cleaned (by the head scan), if it was.
    fn line(&mut self, range: Range<usize>, cleaned: Option<Cleaned>) {
        let blank_before = self.previous_blank;
        self.previous_blank = true;
        let source = self.source;
        let raw = source.get(range.clone()).unwrap_or("");
        let cleaned = cleaned.unwrap_or_else(|| {
            let (cleaned, same) = clean_line(source, range.clone(), self.markup);
            if same {
                self.unchanged.record(source, range.clone());
            }
            cleaned
        });
        let text = cleaned.text.as_str();
        if text.is_empty() {
            self.footnotes.extend(cleaned.footnotes);
            return;
        }
        let trimmed = raw.trim();
        if self.zone == Zone::Recipients && noise::superscript_footnote(trimmed).is_some() {
            // Footnote bodies rendered after the text (docx) come after the recipients.
            self.footnote_line(trimmed, &range, &cleaned);
            return;
        }
        if fold_starts_with(text, "noi nhan") {
            self.finish_table();
            self.zone = Zone::Recipients;
            // `Nơi nhận:` may share its line with the signature column (`\tKT. BỘ TRƯỞNG`).
            let first_cell = raw.split('\t').next().unwrap_or("");
            let rest = first_cell.split_once(':').map_or("", |(_, rest)| rest);
            self.recipient(&vntask_tokenizer::normalize(rest));
            return;
        }
        if self.zone == Zone::Body && self.open.is_empty() && self.blocks.len() < 3 {
            // `Kính gửi:` or a Công điện's `THỦ TƯỚNG CHÍNH PHỦ điện:`.
            if let Some(rest) = addressees::opening(text) {
                self.zone = Zone::Addressees;
                self.addressee(rest);
                return;
            }
        }
        if self.zone == Zone::Addressees {
            if text.starts_with(['-', '+', '•', '–']) {
                self.addressee(text);
                return;
            }
            self.zone = Zone::Body;
        }
        match self.zone {
            Zone::Furniture => return,
            Zone::Recipients => {
                if tail::starts_appendix(raw, text) {
                    // What follows the signature is a part of its own (an appendix, a plan
                    // issued with a decision): its `I.`, `1.` are not the articles' above.
                    self.stack.reset();
                    self.zone = Zone::Body;
                } else {
                    self.tail_line(raw);
                    return;
                }
            }
            Zone::Body | Zone::Addressees => {}
        }
        if noise::is_article_end(text) && self.news {
            self.finish_table();
            self.zone = Zone::Furniture;
            return;
        }
        if noise::is_page_number(text) || noise::is_rule_line(text) {
            return;
        }
        if noise::is_weather_line(text) || noise::is_caption(text) {
            self.warn_once("web furniture dropped (weather, photo captions, related articles)");
            return;
        }
        if self.footnote_line(trimmed, &range, &cleaned) {
            return;
        }
        // `str::contains` of a char walks the line a word at a time: memchr is quicker.
        let tabbed = memchr::memchr(b'\t', raw.as_bytes()).is_some();
        if noise::is_signature_line(text) && !tabbed {
            self.signature_seen = true;
            return;
        }
        if self.signature_seen && noise::is_person_name(text) {
            self.signer = Some(text.to_string());
            return;
        }
        if tabbed && self.table_line(range.clone(), false) {
            return;
        }
        if table::is_pipe_line(raw)
            && (table::is_pipe_delimiter(raw) || self.table_line(range.clone(), true))
        {
            return;
        }
        self.previous_blank = false;
        let length = if self.wrap_width > 0 {
            trimmed.chars().count()
        } else {
            0
        };
        self.text_line(range, cleaned, blank_before);
        self.previous_len = length;
    }

    /// Whether a table line may come after the line `range`: one needs a tab or a `|`, and
    /// the last of those in the source is known.
    fn tables_after(&self, range: &Range<usize>) -> bool {
        self.last_table_char.is_some_and(|at| at >= range.end)
    }

    fn warn_once(&mut self, warning: &str) {
        if !self.warnings.iter().any(|w| w == warning) {
            self.warnings.push(warning.to_string());
        }
    }

    /// A footnote body (or a further paragraph of one); true when the line was taken.
    fn footnote_line(&mut self, trimmed: &str, range: &Range<usize>, cleaned: &Cleaned) -> bool {
        let next_number = self
            .footnotes
            .last()
            .and_then(|f| f.label.parse::<u32>().ok())
            .map_or(1, |n| n + 1);
        let label = if let Some((len, number)) = noise::superscript_footnote(trimmed) {
            Some((len, number))
        } else if let Some((len, number)) = noise::bracket_footnote(trimmed) {
            Some((len, number))
        } else if self.footnotes.is_empty() {
            // A footnote without its superscript is trusted only after a first footnote.
            None
        } else {
            noise::plain_footnote(trimmed, next_number).map(|len| (len, next_number))
        };
        if let Some((len, number)) = label {
            let lead =
                self.source[range.clone()].len() - self.source[range.clone()].trim_start().len();
            let body = range.start + lead + len..range.end;
            let text = clean(self.source, body, self.markup).text;
            self.footnotes.push(Footnote {
                label: number.to_string(),
                text,
                span: range.start + lead..range.end,
            });
            self.extend_gap(range.clone());
            self.in_footnote = true;
            return true;
        }
        if self.in_footnote && noise::is_glossary_line(trimmed) {
            if let Some(last) = self.footnotes.last_mut() {
                last.text.push(' ');
                last.text.push_str(&cleaned.text);
                last.span.end = range.end;
            }
            self.extend_gap(range.clone());
            return true;
        }
        self.in_footnote = false;
        false
    }

    fn extend_gap(&mut self, range: Range<usize>) {
        let start = self.source.get(range.clone()).map_or(range.start, |raw| {
            range.start + raw.len() - raw.trim_start().len()
        });
        self.footnote_gap = Some(match self.footnote_gap.take() {
            Some(gap) => gap.start..range.end,
            None => start..range.end,
        });
    }

    /// The last block, if a paragraph broken here could continue it.
    fn open_paragraph(&self) -> Option<&Block> {
        self.blocks
            .last()
            .filter(|b| b.kind != BlockKind::TableRow && ends_open(&b.text))
    }

    fn text_line(&mut self, range: Range<usize>, cleaned: Cleaned, blank_before: bool) {
        self.finish_table();
        let mut label = parse_label(&cleaned.text);
        let gap = self.footnote_gap.take();
        if label.is_none() {
            let first = cleaned.text.chars().next().unwrap_or(' ');
            // A wrapped line goes on with its paragraph; a heading (Markdown `#`) ends at
            // its line unless the next one starts in lower case.
            // In a PDF a line runs on into the next when it was wrapped (it is about as long
            // as the page's lines) and does not end a sentence, or the next starts in lower
            // case; a short line (`3. Bộ Công an`) ends its block.
            // A hard-wrapped plain text joins by width too, without Markdown's soft wrap (its
            // headings are still told by their shape).
            let wrapped = (self.soft_wrap || self.wrap_width > 0)
                && !blank_before
                && self.blocks.last().is_some_and(|b| {
                    if b.kind == BlockKind::TableRow {
                        false
                    } else if self.wrap_width > 0 {
                        self.previous_len * 4 >= self.wrap_width * 3
                            && (ends_open(&b.text) || first.is_lowercase())
                    } else {
                        b.kind != BlockKind::Heading || first.is_lowercase()
                    }
                });
            if let Some(last) = self.open_paragraph() {
                let join = gap.is_some()
                    || first.is_lowercase()
                    || (first.is_ascii_digit() && last.kind != BlockKind::Heading);
                if join {
                    self.join_last(cleaned, range);
                    return;
                }
            }
            if wrapped {
                self.join_last(cleaned, range);
                return;
            }
        }
        let (kind, label_raw, section, depth, body) = match &mut label {
            Some(label) => {
                let resolved = self.stack.resolved_kind(label);
                let (section, depth) = self.stack.enter(label);
                let rest = cleaned.into_without_prefix(label.len);
                let kind = if matches!(resolved, LabelKind::Dash | LabelKind::Plus) {
                    BlockKind::Bullet
                } else if is_heading_like(&rest.text) {
                    BlockKind::Heading
                } else {
                    BlockKind::Paragraph
                };
                // Only the label's kind is read after this: its text is moved, not copied.
                let raw = (!label.raw.is_empty()).then(|| std::mem::take(&mut label.raw));
                (kind, raw, section, depth, rest)
            }
            None => {
                // Markdown and PDF wrap paragraphs: only a Markdown `#` line is a heading there.
                let heading = if self.soft_wrap {
                    self.source
                        .get(range.clone())
                        .is_some_and(|raw| raw.trim_start().starts_with('#'))
                } else {
                    is_heading_like(&cleaned.text) && cleaned.text.chars().count() < 100
                };
                let (section, depth) = if heading && !cleaned.text.ends_with(':') {
                    self.stack.heading()
                } else {
                    self.stack.paragraph()
                };
                let kind = if heading {
                    BlockKind::Heading
                } else {
                    BlockKind::Paragraph
                };
                (kind, None, section, depth, cleaned)
            }
        };
        if !self.tables_after(&range) {
            // No table line follows: the status would never be read (only a table's
            // header line reads it), so the heading is not folded to find one.
        } else if let Some(status) = table::status_heading(&body.text) {
            self.table_status = Some(status);
        } else if label.as_ref().is_some_and(|l| {
            matches!(
                l.kind,
                LabelKind::Arabic | LabelKind::Roman | LabelKind::UpperLetter | LabelKind::Appendix
            )
        }) {
            self.table_status = None;
        }
        let depth = if depth > MAX_DEPTH {
            self.warn_once("section depth over 32 levels: deeper items flattened");
            MAX_DEPTH
        } else {
            depth
        };
        let labelled = label.is_some();
        let keep = if labelled {
            depth.saturating_sub(1)
        } else {
            depth
        };
        self.open.truncate(keep.min(self.open.len()));
        let parent = self.open.last().copied();
        let raw = self.source.get(range.clone()).unwrap_or("");
        let start = range.start + raw.len() - raw.trim_start().len();
        let end = range.start + raw.trim_end().len();
        self.footnotes.extend(body.footnotes.iter().cloned());
        if labelled {
            self.open.push(self.blocks.len());
        }
        self.blocks.push(Block {
            kind,
            section,
            label: label_raw,
            depth,
            parent,
            text: body.text,
            span: start..end.max(start),
            map: body.map,
            removed: body.removed,
            table: None,
        });
    }

    /// Joins the line `range` (cleaned: `next`) to the last block. What lies between them
    /// (blank lines, a footnote block, a page number) is recorded as removed when it is more
    /// than white space.
    fn join_last(&mut self, next: Cleaned, range: Range<usize>) {
        let source = self.source;
        let Some(last) = self.blocks.last_mut() else {
            return;
        };
        let end = range.end;
        let raw = source.get(range.clone()).unwrap_or("");
        let line_start = range.start + raw.len() - raw.trim_start().len();
        let between = last.span.end..line_start.max(last.span.end);
        if let Some(text) = source.get(between.clone()) {
            let trimmed = text.trim();
            if !trimmed.is_empty() {
                // The noise itself; the white space around it stays the paragraph's space.
                let start = between.start + (text.len() - text.trim_start().len());
                last.removed.push(start..start + trimmed.len());
            }
        }
        let mut builder = Builder::default();
        let previous = Cleaned {
            text: std::mem::take(&mut last.text),
            map: std::mem::take(&mut last.map),
            ..Cleaned::default()
        };
        builder.push_cleaned(&previous);
        let next_start = next.map.to_input(0);
        builder.push_char(' ', next_start..next_start);
        builder.push_cleaned(&next);
        let (text, map) = builder.finish(end);
        last.text = text;
        last.map = map;
        if last.kind == BlockKind::Heading && !is_heading_like(&last.text) {
            last.kind = BlockKind::Paragraph;
        }
        last.removed.extend(next.removed);
        self.footnotes.extend(next.footnotes);
        let raw_end = source.get(..end).map_or(end, |s| s.trim_end().len());
        last.span.end = raw_end.max(last.span.start);
    }
}

/// A paragraph that ends without closing punctuation may go on after a page break.
fn ends_open(text: &str) -> bool {
    let text = text.trim_end();
    !text.is_empty() && !text.ends_with(['.', ';', ':', '!', '?', '…', '"', ')', '/'])
}

/// A short line without a final period reads as a heading.
fn is_heading_like(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && !crate::noise::more_chars_than(text, 119)
        && !text.ends_with(['.', ';', ','])
        && text.chars().next().is_some_and(|c| !c.is_lowercase())
}
