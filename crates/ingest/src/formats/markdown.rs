//! Markdown: the file's own bytes stay the span basis; pulldown-cmark tells which bytes are
//! markup (heading `#`, emphasis, link targets, inline HTML), and the line parser cuts them.
//! List markers stay (they are section labels) and pipe tables are read by the table code.

use pulldown_cmark::{Event, Options, Parser, Tag};
use std::ops::Range;

/// Source ranges of `text` that are Markdown markup.
pub fn markup(text: &str) -> Vec<Range<usize>> {
    let mut kept: Vec<Range<usize>> = Vec::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Text(_) | Event::Code(_) => kept.push(range),
            Event::Start(Tag::Item) => {
                // Keep the list marker (`-`, `1.`): it is the item's label.
                let item = text.get(range.clone()).unwrap_or("");
                let marker = item
                    .find(char::is_whitespace)
                    .unwrap_or(item.len())
                    .min(item.len());
                kept.push(range.start..range.start + marker);
            }
            _ => {}
        }
    }
    kept.sort_by_key(|r| r.start);
    // Markup: every non-blank byte outside the kept ranges and outside pipe tables (read by
    // the table code), line by line.
    let mut cuts = Vec::new();
    let mut position = 0;
    let push_gap = |gap: Range<usize>, cuts: &mut Vec<Range<usize>>| {
        let Some(piece) = text.get(gap.clone()) else {
            return;
        };
        let mut offset = gap.start;
        for line in piece.split_inclusive('\n') {
            let trimmed_start = line.len() - line.trim_start().len();
            let content = line.trim();
            if !content.is_empty() && !is_table_line(text, offset) {
                let start = offset + trimmed_start;
                cuts.push(start..start + content.len());
            }
            offset += line.len();
        }
    };
    for range in &kept {
        if range.start > position {
            push_gap(position..range.start, &mut cuts);
        }
        position = position.max(range.end);
    }
    if position < text.len() {
        push_gap(position..text.len(), &mut cuts);
    }
    cuts
}

/// Whether the line holding byte `offset` is a pipe-table line.
fn is_table_line(text: &str, offset: usize) -> bool {
    let start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let end = text[offset.min(text.len())..]
        .find('\n')
        .map_or(text.len(), |i| offset + i);
    crate::table::is_pipe_line(text.get(start..end).unwrap_or(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(text: &str) -> String {
        let cuts = markup(text);
        let mut out = String::new();
        let mut position = 0;
        for cut in cuts {
            out.push_str(&text[position..cut.start]);
            position = cut.end;
        }
        out.push_str(&text[position..]);
        out
    }

    #[test]
    fn markup_is_cut_and_labels_stay() {
        assert_eq!(strip("## 1. Về **kinh tế** số").trim(), "1. Về kinh tế số");
        assert_eq!(strip("- Bộ [Y tế](http://x) chủ trì"), "- Bộ Y tế chủ trì");
        assert_eq!(
            strip("| TT | Nhiệm vụ |\n|---|---|\n| 1 | A |"),
            "| TT | Nhiệm vụ |\n|---|---|\n| 1 | A |"
        );
    }
}
