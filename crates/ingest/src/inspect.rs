//! What ingest made of a document, for people (`vntask inspect`) and for snapshot tests:
//! the metadata, the footnotes and the section tree, every block with its byte span.

use crate::{Block, BlockKind, DocDate, Document};
use serde_json::{json, Value};
use std::fmt::Write as _;

fn kind(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Heading => "heading",
        BlockKind::Paragraph => "paragraph",
        BlockKind::Bullet => "bullet",
        BlockKind::TableRow => "row",
    }
}

fn date(date: &Option<DocDate>) -> Value {
    match date {
        Some(d) => json!({"date": d.iso(), "precision": d.precision}),
        None => Value::Null,
    }
}

/// The document as JSON: metadata, footnotes, warnings and blocks (full text and spans).
pub fn to_json(document: &Document) -> Value {
    let meta = &document.meta;
    let reference = meta
        .reference_date()
        .map(|(d, source)| json!({"date": d.iso(), "source": source}));
    let blocks: Vec<Value> = document.blocks.iter().map(block_json).collect();
    json!({
        "format": document.format,
        "encoding": document.encoding,
        "basis": document.basis,
        "meta": {
            "type": meta.doc_type,
            "number": meta.number,
            "place": meta.place,
            "date": date(&meta.date),
            "meeting_date": date(&meta.meeting_date),
            "published": date(&meta.published),
            "reference_date": reference,
            "issuer": meta.issuer,
            "province": meta.province,
            "title": meta.title,
            "signer": meta.signer,
            "recipients": meta.recipients,
            "addressees": meta.addressees,
        },
        "footnotes": document.footnotes,
        "warnings": document.warnings,
        "blocks": blocks,
    })
}

fn block_json(block: &Block) -> Value {
    json!({
        "kind": kind(block.kind),
        "section": block.section,
        "label": block.label,
        "depth": block.depth,
        "parent": block.parent,
        "span": [block.span.start, block.span.end],
        "removed": block.removed.iter().map(|r| [r.start, r.end]).collect::<Vec<_>>(),
        "text": block.text,
        "table": block.table,
    })
}

fn cut(text: &str, width: usize) -> String {
    if width == 0 || text.chars().count() <= width {
        return text.to_string();
    }
    let mut out: String = text.chars().take(width).collect();
    out.push('…');
    out
}

fn show<T: std::fmt::Display>(value: &Option<T>) -> String {
    value
        .as_ref()
        .map_or_else(|| "-".to_string(), |v| v.to_string())
}

fn show_date(value: &Option<DocDate>) -> String {
    value.as_ref().map_or_else(
        || "-".to_string(),
        |d| format!("{} ({:?})", d.iso(), d.precision).to_lowercase(),
    )
}

/// The readable outline: metadata, footnotes, then one line a block, indented by depth.
pub fn outline(document: &Document, width: usize) -> String {
    let meta = &document.meta;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "format: {}  encoding: {}  basis: {}",
        document.format.as_str(),
        document.encoding,
        serde_json::to_value(document.basis)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "type: {}",
        json!(meta.doc_type).as_str().unwrap_or("-")
    );
    let _ = writeln!(out, "number: {}", show(&meta.number));
    let _ = writeln!(out, "place: {}", show(&meta.place));
    let _ = writeln!(out, "date: {}", show_date(&meta.date));
    let _ = writeln!(out, "meeting date: {}", show_date(&meta.meeting_date));
    let _ = writeln!(out, "published: {}", show_date(&meta.published));
    let reference = meta
        .reference_date()
        .map(|(d, source)| format!("{} from {}", d.iso(), json!(source).as_str().unwrap_or("?")));
    let _ = writeln!(out, "reference date: {}", show(&reference));
    let _ = writeln!(out, "issuer: {}", show(&meta.issuer));
    let _ = writeln!(out, "province: {}", show(&meta.province));
    let _ = writeln!(out, "title: {}", show(&meta.title));
    let _ = writeln!(out, "signer: {}", show(&meta.signer));
    if !meta.addressees.is_empty() {
        let _ = writeln!(out, "addressees ({}):", meta.addressees.len());
        for addressee in &meta.addressees {
            let _ = writeln!(out, "  - {addressee}");
        }
    }
    let _ = writeln!(out, "recipients ({}):", meta.recipients.len());
    for recipient in &meta.recipients {
        let _ = writeln!(out, "  - {recipient}");
    }
    let _ = writeln!(out, "footnotes ({}):", document.footnotes.len());
    for note in &document.footnotes {
        let _ = writeln!(
            out,
            "  [{}] {}..{} {}",
            note.label,
            note.span.start,
            note.span.end,
            cut(&note.text, width)
        );
    }
    if !document.warnings.is_empty() {
        let _ = writeln!(out, "warnings:");
        for warning in &document.warnings {
            let _ = writeln!(out, "  - {warning}");
        }
    }
    let _ = writeln!(out, "blocks ({}):", document.blocks.len());
    for block in &document.blocks {
        let indent = "  ".repeat(block.depth.min(12) + 1);
        let label = block
            .label
            .as_deref()
            .map_or(String::new(), |l| format!("{l} "));
        let removed = if block.removed.is_empty() {
            String::new()
        } else {
            format!(" -{}", block.removed.len())
        };
        let _ = writeln!(
            out,
            "{indent}{} {} {}..{}{removed} | {label}{}",
            block.section,
            kind(block.kind),
            block.span.start,
            block.span.end,
            cut(&block.text, width)
        );
        if let Some(row) = &block.table {
            let status = row
                .status
                .map(|s| json!(s).as_str().unwrap_or("").to_string())
                .unwrap_or_else(|| "-".into());
            let filled = if row.filled.is_empty() {
                String::new()
            } else {
                format!(" filled: {}", row.filled.join(", "))
            };
            let merged = if row.merged { " merged" } else { "" };
            let _ = writeln!(out, "{indent}  status: {status}{filled}{merged}");
            for (header, value) in &row.cells {
                if !value.is_empty() {
                    let _ = writeln!(out, "{indent}  {header}: {}", cut(value, width));
                }
            }
        }
    }
    out
}
