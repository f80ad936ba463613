//! `.docx` (Office Open XML) rendered to lines of text: one line a paragraph, list numbering
//! written out as the label Word shows (`1.`, `a)`, `-`), table rows as tab-separated lines
//! (cell paragraphs joined by a space), footnote
//! references as superscript numbers and the footnote bodies at the end as `¹ text` lines,
//! which the line parser takes out of the flow like any footnote.
//!
//! The archive is read with bounds: an entry may not inflate past 64 MiB, so a
//! zip bomb fails as a malformed file instead of filling memory.

use crate::IngestError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// The most bytes one archive entry may inflate to.
const MAX_ENTRY: u64 = 64 * 1024 * 1024;

/// The text of a docx, or `None` when the zip is not a Word document.
pub fn to_text(bytes: &[u8]) -> Result<Option<String>, IngestError> {
    let mut archive = match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(archive) => archive,
        Err(_) => return Ok(None),
    };
    let Some(document) = entry(&mut archive, "word/document.xml")? else {
        return Ok(None);
    };
    let numbering = entry(&mut archive, "word/numbering.xml")?
        .map(|xml| Numbering::parse(&xml))
        .unwrap_or_default();
    let footnotes = entry(&mut archive, "word/footnotes.xml")?
        .map(|xml| notes(&xml))
        .unwrap_or_default();
    let mut body = Body {
        numbering,
        ..Body::default()
    };
    body.read(&document)?;
    let mut text = body.lines.join("\n\n");
    for (index, id) in body.referenced.iter().enumerate() {
        if let Some(note) = footnotes.get(id) {
            text.push_str("\n\n");
            text.push_str(&superscript(index + 1));
            text.push(' ');
            text.push_str(note);
        }
    }
    text.push('\n');
    Ok(Some(text))
}

/// Reads one entry, bounded.
fn entry(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, IngestError> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(error) => return Err(IngestError::Malformed(format!("docx: {error}"))),
    };
    if file.size() > MAX_ENTRY {
        return Err(IngestError::Malformed(format!(
            "docx: {name} inflates to {} bytes (limit {MAX_ENTRY})",
            file.size()
        )));
    }
    let mut bytes = Vec::new();
    file.take(MAX_ENTRY + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| IngestError::Malformed(format!("docx: {name}: {error}")))?;
    if bytes.len() as u64 > MAX_ENTRY {
        return Err(IngestError::Malformed(format!(
            "docx: {name} inflates past {MAX_ENTRY} bytes"
        )));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| IngestError::Malformed(format!("docx: {name} is not UTF-8")))
}

fn superscript(number: usize) -> String {
    number
        .to_string()
        .chars()
        .filter_map(|d| d.to_digit(10))
        .filter_map(|d| crate::noise::SUPERSCRIPTS.chars().nth(d as usize))
        .collect()
}

/// The value of attribute `w:<name>` (any prefix) of an element.
fn attribute(element: &BytesStart, name: &str) -> Option<String> {
    element.attributes().flatten().find_map(|a| {
        let key: &str = a.key.as_ref();
        let local = key.rsplit(':').next().unwrap_or(key);
        (local == name).then(|| a.value.to_string())
    })
}

fn local_name(element: &BytesStart) -> String {
    let local = element.local_name();
    let name: &str = local.as_ref();
    name.to_string()
}

/// One numbering level: its format and the text around the number (`%1.`).
#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: usize,
}

/// `word/numbering.xml`: numId -> levels.
#[derive(Debug, Default)]
struct Numbering {
    levels: HashMap<String, Vec<Level>>,
}

impl Numbering {
    fn parse(xml: &str) -> Numbering {
        let mut abstracts: HashMap<String, Vec<Level>> = HashMap::new();
        let mut nums: HashMap<String, String> = HashMap::new();
        let mut reader = Reader::from_str(xml);
        let mut current_abstract: Option<String> = None;
        let mut current_num: Option<String> = None;
        let mut level: Option<Level> = None;
        loop {
            match reader.read_event() {
                Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match local_name(&e).as_str() {
                    "abstractNum" => current_abstract = attribute(&e, "abstractNumId"),
                    "lvl" => {
                        level = Some(Level {
                            start: 1,
                            ..Level::default()
                        })
                    }
                    "numFmt" => {
                        if let Some(l) = level.as_mut() {
                            l.format = attribute(&e, "val").unwrap_or_default();
                        }
                    }
                    "lvlText" => {
                        if let Some(l) = level.as_mut() {
                            l.text = attribute(&e, "val").unwrap_or_default();
                        }
                    }
                    "start" => {
                        if let Some(l) = level.as_mut() {
                            l.start = attribute(&e, "val")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1);
                        }
                    }
                    "num" => current_num = attribute(&e, "numId"),
                    "abstractNumId" => {
                        if let (Some(num), Some(value)) = (&current_num, attribute(&e, "val")) {
                            nums.insert(num.clone(), value);
                        }
                    }
                    _ => {}
                },
                Ok(Event::End(e)) => match e.local_name().as_ref() {
                    "lvl" => {
                        if let (Some(id), Some(l)) = (&current_abstract, level.take()) {
                            abstracts.entry(id.clone()).or_default().push(l);
                        }
                    }
                    "abstractNum" => current_abstract = None,
                    "num" => current_num = None,
                    _ => {}
                },
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
        }
        let levels = nums
            .into_iter()
            .filter_map(|(num, abs)| abstracts.get(&abs).map(|l| (num, l.clone())))
            .collect();
        Numbering { levels }
    }
}

fn format_number(value: usize, format: &str) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    match format {
        "lowerLetter" | "upperLetter" => {
            let letter = LETTERS
                .get((value.max(1) - 1) % 26)
                .map_or('a', |&b| b as char)
                .to_string();
            if format == "upperLetter" {
                letter.to_uppercase()
            } else {
                letter
            }
        }
        "lowerRoman" | "upperRoman" => {
            let roman = roman(value);
            if format == "lowerRoman" {
                roman.to_lowercase()
            } else {
                roman
            }
        }
        _ => value.to_string(),
    }
}

fn roman(mut value: usize) -> String {
    const TABLE: &[(usize, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for &(n, s) in TABLE {
        while value >= n && out.len() < 32 {
            out.push_str(s);
            value -= n;
        }
    }
    out
}

/// The footnote bodies of `word/footnotes.xml` by id (separators left out).
fn notes(xml: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<(String, String)> = None;
    let mut in_text = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match local_name(&e).as_str() {
                "footnote" => {
                    let kind = attribute(&e, "type").unwrap_or_default();
                    current = (kind.is_empty() || kind == "normal")
                        .then(|| (attribute(&e, "id").unwrap_or_default(), String::new()));
                }
                "t" => in_text = true,
                "p" => {
                    if let Some((_, text)) = current.as_mut() {
                        if !text.is_empty() && !text.ends_with(' ') {
                            text.push(' ');
                        }
                    }
                }
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                if let Some((_, text)) = current.as_mut() {
                    text.push_str(&t.xml10_content());
                }
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                if let Some((_, text)) = current.as_mut() {
                    text.push_str(&entity(&r.xml10_content()));
                }
            }
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "footnote" => {
                    if let Some((id, text)) = current.take() {
                        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                        if !text.is_empty() {
                            out.insert(id, text);
                        }
                    }
                }
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

/// An XML entity reference's text (`amp` -> `&`).
fn entity(name: &str) -> String {
    match name {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        other => crate::formats::html::decode_entities(&format!("&{other};")),
    }
}

/// The body of `word/document.xml` being read.
#[derive(Default)]
struct Body {
    numbering: Numbering,
    /// Counters by numId and level.
    counters: HashMap<String, Vec<usize>>,
    lines: Vec<String>,
    paragraph: String,
    num_id: Option<String>,
    num_level: usize,
    in_text: bool,
    /// Inside `w:del` (deleted text) or `w:instrText` (field code).
    hidden: usize,
    /// Table cells of the open rows, each a list of its paragraphs (nested tables flatten
    /// into the outer cell).
    rows: Vec<Vec<Vec<String>>>,
    /// The finished rows of the open top-level table, rendered when it closes.
    table: Vec<Vec<Vec<String>>>,
    table_depth: usize,
    /// Footnote ids in order of reference.
    referenced: Vec<String>,
}

impl Body {
    fn read(&mut self, xml: &str) -> Result<(), IngestError> {
        let mut reader = Reader::from_str(xml);
        loop {
            let event = reader
                .read_event()
                .map_err(|error| IngestError::Malformed(format!("docx: {error}")))?;
            match event {
                Event::Start(e) => self.start(&e, false),
                Event::Empty(e) => self.start(&e, true),
                Event::End(e) => self.end(e.local_name().as_ref()),
                Event::Text(t) if self.in_text && self.hidden == 0 => {
                    let text = t.xml10_content().into_owned();
                    self.paragraph.push_str(&text);
                }
                Event::GeneralRef(r) if self.in_text && self.hidden == 0 => {
                    let text = entity(&r.xml10_content());
                    self.paragraph.push_str(&text);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(())
    }

    fn start(&mut self, e: &BytesStart, empty: bool) {
        match local_name(e).as_str() {
            "p" => {
                self.paragraph.clear();
                self.num_id = None;
                self.num_level = 0;
            }
            "t" if !empty => self.in_text = true,
            "del" | "instrText" | "delText" if !empty => self.hidden += 1,
            "tab" if self.hidden == 0 => self.paragraph.push(' '),
            "br" | "cr" if self.hidden == 0 => self.paragraph.push(' '),
            "ilvl" => {
                self.num_level = attribute(e, "val")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
            }
            "numId" => self.num_id = attribute(e, "val"),
            "footnoteReference" => {
                if let Some(id) = attribute(e, "id") {
                    let index = match self.referenced.iter().position(|r| *r == id) {
                        Some(index) => index,
                        None => {
                            self.referenced.push(id);
                            self.referenced.len() - 1
                        }
                    };
                    self.paragraph.push_str(&superscript(index + 1));
                }
            }
            "tbl" if !empty => self.table_depth += 1,
            "tr" if !empty && self.table_depth == 1 => self.rows.push(Vec::new()),
            "tc" if !empty && self.table_depth == 1 => {
                if let Some(row) = self.rows.last_mut() {
                    row.push(Vec::new());
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "t" => self.in_text = false,
            "del" | "instrText" | "delText" => self.hidden = self.hidden.saturating_sub(1),
            "p" => self.end_paragraph(),
            "tr" if self.table_depth == 1 => {
                if let Some(row) = self.rows.pop() {
                    if row.iter().flatten().any(|p| !p.trim().is_empty()) {
                        self.table.push(row);
                    }
                }
            }
            "tbl" => {
                self.table_depth = self.table_depth.saturating_sub(1);
                if self.table_depth == 0 {
                    let table = std::mem::take(&mut self.table);
                    self.lines.extend(render_table(&table));
                    // A blank line after the table closes it.
                    self.lines.push(String::new());
                }
            }
            _ => {}
        }
    }

    fn end_paragraph(&mut self) {
        let mut text = self
            .paragraph
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(label) = self.label() {
            if !text.is_empty() {
                text = format!("{label} {text}");
            }
        }
        self.paragraph.clear();
        if self.table_depth > 0 {
            if let Some(cell) = self.rows.last_mut().and_then(|row| row.last_mut()) {
                if !text.is_empty() {
                    cell.push(text);
                }
            }
            return;
        }
        if !text.is_empty() {
            self.lines.push(text);
        }
    }

    /// The label Word shows for the paragraph's numbering, counting it.
    fn label(&mut self) -> Option<String> {
        let id = self.num_id.clone().filter(|id| id != "0")?;
        let levels = self.numbering.levels.get(&id)?;
        let level = levels.get(self.num_level)?;
        if level.format == "bullet" {
            return Some("-".to_string());
        }
        if level.format == "none" {
            return None;
        }
        let counters = self.counters.entry(id).or_default();
        counters.resize(levels.len().max(self.num_level + 1), 0);
        if let Some(slot) = counters.get_mut(self.num_level) {
            *slot = if *slot == 0 { level.start } else { *slot + 1 };
        }
        for deeper in counters.iter_mut().skip(self.num_level + 1) {
            *deeper = 0;
        }
        let mut label = level.text.clone();
        for (index, l) in levels.iter().enumerate().take(9) {
            let placeholder = format!("%{}", index + 1);
            if label.contains(&placeholder) {
                let value = counters
                    .get(index)
                    .copied()
                    .unwrap_or(0)
                    .max(l.start.min(1));
                label = label.replace(&placeholder, &format_number(value, &l.format));
            }
        }
        Some(label)
    }
}

/// The lines of a table, tab-separated as Word writes a table to text: the line parser reads
/// task tables (a `TT` header) as rows and the header's issuer | motto as lines with cells.
/// A row's cell paragraphs are joined by a space, except in a layout table (at most two
/// rows, a cell of several paragraphs: `ỦY BAN NHÂN DÂN` / `TỈNH X` / `Số: ...` beside the
/// motto and the place and date), whose rows give a line per paragraph, the cells' k-th
/// paragraphs side by side, as a header laid out line by line would read.
fn render_table(table: &[Vec<Vec<String>>]) -> Vec<String> {
    let layout = table.len() <= 2 && table.iter().flatten().any(|cell| cell.len() >= 2);
    let mut lines = Vec::new();
    for row in table {
        if layout {
            let depth = row.iter().map(Vec::len).max().unwrap_or(0);
            for k in 0..depth {
                let cells: Vec<&str> = row
                    .iter()
                    .map(|cell| cell.get(k).map_or("", |p| p.trim()))
                    .collect();
                if cells.iter().any(|c| !c.is_empty()) {
                    lines.push(cells.join("\t"));
                }
            }
        } else {
            let cells: Vec<String> = row.iter().map(|cell| cell.join(" ")).collect();
            lines.push(cells.join("\t"));
        }
    }
    lines
}
