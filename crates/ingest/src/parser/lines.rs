//! Splitting a source into lines: `\n`, `\r\n`, `\r`, form feeds and vertical tabs.

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
}
