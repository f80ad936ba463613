//! Table lines of the parser: header rows, rows, continuations.

use super::{Parser, MAX_DEPTH};
use crate::table::{self, Cell, Table};
use crate::{Block, BlockKind};
use std::ops::Range;
use vntask_tokenizer::OffsetMap;

impl Parser<'_> {
    /// A table line; false when it is not one (a tabbed line outside any table).
    pub(super) fn table_line(&mut self, range: Range<usize>, pipe: bool) -> bool {
        let cells = if pipe {
            table::pipe_cells(self.source, range.clone(), self.markup)
        } else {
            table::tab_cells(self.source, range.clone(), self.markup)
        };
        let kind = table::header_kind(&cells).or_else(|| {
            // The first row of a pipe table is its header.
            (pipe && self.table.is_none()).then_some(false)
        });
        if let Some(numbered) = kind {
            let headers: Vec<String> = cells.iter().map(|c| c.cleaned.text.clone()).collect();
            if let Some(table) = &self.table {
                if table.headers == headers {
                    // The header repeated after a page break.
                    self.pending_header = Some(range);
                    return true;
                }
            }
            self.finish_table();
            let (base, depth) = self.stack.paragraph();
            self.open.truncate(depth.min(self.open.len()));
            self.table = Some(Table {
                headers,
                base,
                depth,
                parent: self.open.last().copied(),
                status: self.table_status,
                rows: 0,
                numbered,
            });
            self.footnote_gap = None;
            return true;
        }
        if self.table.is_none() {
            return false;
        }
        self.row(cells, range);
        true
    }

    pub(super) fn row(&mut self, cells: Vec<Cell>, range: Range<usize>) {
        let Some(table) = self.table.as_mut() else {
            return;
        };
        let number_empty = cells.first().is_none_or(|c| c.cleaned.text.is_empty());
        let raw = self.source.get(range.clone()).unwrap_or("");
        let end = range.start + raw.trim_end().len();
        let last_is_row = self
            .blocks
            .last()
            .is_some_and(|b| b.kind == BlockKind::TableRow);
        let pending_header = self.pending_header.take();
        if table.numbered && number_empty && last_is_row && table.rows > 0 {
            if let Some(last) = self.blocks.last_mut() {
                last.removed.extend(pending_header);
                if let Some(row) = last.table.as_mut() {
                    table.merge(row, &cells);
                    last.text = table::row_text(row);
                }
                last.map = OffsetMap::from_checkpoints(vec![(0, last.span.start)], end);
                last.span.end = end.max(last.span.start);
            }
            return;
        }
        table.rows += 1;
        let previous = self
            .blocks
            .last()
            .filter(|b| b.kind == BlockKind::TableRow)
            .and_then(|b| b.table.as_ref());
        let made = table.row(&cells, previous, end);
        let key = made
            .row
            .number
            .as_deref()
            .filter(|n| n.chars().all(|c| c.is_ascii_alphanumeric()) && n.len() <= 6)
            .map_or_else(|| table.rows.to_string(), str::to_string);
        let section = if table.base.is_empty() {
            format!("row{key}")
        } else {
            format!("{}.row{key}", table.base)
        };
        let start = range.start + raw.len() - raw.trim_start().len();
        let removed = cells
            .iter()
            .flat_map(|c| c.cleaned.removed.clone())
            .collect();
        self.blocks.push(Block {
            kind: BlockKind::TableRow,
            section,
            label: made.label,
            depth: (table.depth + 1).min(MAX_DEPTH),
            parent: table.parent,
            text: made.text,
            span: start..end.max(start),
            map: made.map,
            removed,
            table: Some(made.row),
        });
    }

    pub(super) fn finish_table(&mut self) {
        self.table = None;
        self.pending_header = None;
    }
}
