//! Splitting a source into lines (`\n`, `\r\n`, `\r`, form feeds and vertical tabs), and
//! the width a page wrapped them at.

use std::ops::Range;

/// The lines of `source` (byte ranges without the line break); `\r\n`, `\r`, form feeds
/// and vertical tabs break lines.
pub fn lines(source: &str) -> Vec<Range<usize>> {
    let bytes = source.as_bytes();
    // Vertical tabs are rare: without one, memchr finds the other breaks a line at a time.
    if memchr::memchr(b'\x0b', bytes).is_some() {
        return lines_byte_by_byte(source);
    }
    let mut out = Vec::new();
    let mut start = 0;
    while let Some(at) = memchr::memchr3(b'\n', b'\r', b'\x0c', &bytes[start..]) {
        let at = start + at;
        out.push(start..at);
        start = at + 1;
        if bytes[at] == b'\r' && bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
    }
    if start < bytes.len() {
        out.push(start..bytes.len());
    }
    out
}

/// [`lines`], one byte at a time.
fn lines_byte_by_byte(source: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = source.as_bytes();
    let mut start = 0;
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'\n' | b'\x0c' | b'\x0b' => {
                out.push(start..index);
                start = index + 1;
            }
            b'\r' => {
                out.push(start..index);
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
        out.push(start..bytes.len());
    }
    out
}

/// Whether [`space_columns`] finds more than one cell in `line`: a run of three spaces
/// inside its text. Most head lines have none, and are told so without a list of cells.
pub(super) fn has_space_columns(line: &str) -> bool {
    let start = line.len() - line.trim_start_matches(' ').len();
    let end = line.trim_end().len().max(start);
    line.as_bytes()
        .get(start..end)
        .is_some_and(|text| memchr::memmem::find(text, b"   ").is_some())
}

/// The column cells of a header line whose columns are set apart by runs of three spaces or
/// more (ranges into `line`, leading and trailing spaces left out); one cell when there is no
/// such gap inside the text.
pub(super) fn space_columns(line: &str) -> Vec<Range<usize>> {
    let start = line.len() - line.trim_start_matches(' ').len();
    let end = line.trim_end().len().max(start);
    let mut cells = Vec::new();
    let mut cell_start = start;
    let mut at = start;
    while let Some(found) =
        memchr::memmem::find(line.as_bytes().get(at..end).unwrap_or_default(), b"   ")
    {
        let gap_start = at + found;
        let gap_end = gap_start
            + line
                .as_bytes()
                .get(gap_start..end)
                .unwrap_or_default()
                .iter()
                .take_while(|&&b| b == b' ')
                .count();
        cells.push(cell_start..gap_start);
        cell_start = gap_end;
        at = gap_end;
    }
    cells.push(cell_start..end);
    cells
}

/// The length of a full line: the 80th percentile of the non-blank lines' lengths.
pub(super) fn wrap_width(source: &str, lines: &[Range<usize>]) -> usize {
    let mut lengths: Vec<usize> = lines
        .iter()
        .filter_map(|r| source.get(r.clone()))
        .map(|l| l.trim().chars().count())
        .filter(|&n| n > 0)
        .collect();
    lengths.sort_unstable();
    lengths.get(lengths.len() * 4 / 5).copied().unwrap_or(0)
}

/// Whether a plain text was hard-wrapped at a fixed width: no line (outside a tab-separated
/// table) is longer than a printed page's (110 chars), and most of the long ones are long
/// (the 80th percentile at 60 or more), over a dozen lines at least. A text written one
/// paragraph a line has paragraphs far longer than that.
pub(super) fn is_hard_wrapped(source: &str, lines: &[Range<usize>]) -> bool {
    const LONGEST: usize = 110;
    let mut lengths: Vec<usize> = Vec::new();
    for line in lines.iter().filter_map(|r| source.get(r.clone())) {
        if line.contains('\t') {
            continue;
        }
        let line = line.trim();
        // Most texts are settled at their first paragraph: a line no longer than `LONGEST`
        // bytes is no longer in chars, and only a longer one needs its chars counted to know.
        if line.len() > LONGEST && line.chars().count() > LONGEST {
            return false;
        }
        if !line.is_empty() {
            lengths.push(line.chars().count());
        }
    }
    if lengths.len() < 12 {
        return false;
    }
    lengths.sort_unstable();
    lengths.get(lengths.len() * 4 / 5).copied().unwrap_or(0) >= 60
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #[test]
        fn lines_agree_with_the_byte_by_byte_split(text in "[a\\n\\r\\x0b\\x0cđ ]{0,30}") {
            proptest::prop_assert_eq!(super::lines(&text), super::lines_byte_by_byte(&text));
        }
    }

    #[test]
    fn lines_break_at_every_kind_of_line_end() {
        let text = "a\r\nb\rc\nd\x0ce\r\r\nf";
        assert_eq!(super::lines(text), super::lines_byte_by_byte(text));
        assert_eq!(super::lines(text).len(), 7);
        assert_eq!(super::lines("a\x0bb").len(), 2);
    }

    fn cells(line: &str) -> Vec<&str> {
        super::space_columns(line)
            .into_iter()
            .map(|r| &line[r])
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn space_columns_are_told_without_cutting(line in "[ a\\tđ]{0,24}") {
            proptest::prop_assert_eq!(
                super::has_space_columns(&line),
                super::space_columns(&line).len() > 1
            );
        }
    }

    #[test]
    fn columns_are_cut_at_runs_of_three_spaces() {
        assert_eq!(
            cells("BỘ Y TẾ          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ["BỘ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
        );
        assert_eq!(
            cells("   Số: 12/CT-TTg     Hà Nội, ngày 5 tháng 3 năm 2026   "),
            ["Số: 12/CT-TTg", "Hà Nội, ngày 5 tháng 3 năm 2026"]
        );
        // One or two spaces stay inside a cell; indentation and trailing spaces are no gap.
        assert_eq!(
            cells("  Độc lập -  Tự do - Hạnh phúc  "),
            ["Độc lập -  Tự do - Hạnh phúc"]
        );
        assert_eq!(cells(""), [""]);
        assert_eq!(cells("      "), [""]);
        for line in ["BỘ Y TẾ          CỘNG HÒA", "a   b\t", "\ta   b"] {
            assert!(super::has_space_columns(line), "{line:?}");
        }
        for line in ["", "      ", "  a  b  ", "a\t   ", "   a   ", "a \t  b"] {
            assert!(!super::has_space_columns(line), "{line:?}");
        }
    }
}
