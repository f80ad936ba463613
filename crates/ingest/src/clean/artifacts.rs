//! Finding the artifacts of a line (see [`ARTIFACT`]): the pieces that are not text.

use crate::Footnote;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Pieces of a line that are not text:
/// - Word-to-text conversion leftovers: `[bookmark: _Hlk174546576]`, `[footnoteRef:3]`;
/// - inline footnote bodies `[1:  Quyết định số ...]` (kept on the document);
/// - footnote markers: superscript `¹ ² ⁶`, bracketed `[3]` (web pages) (but not the `²` of `m²`, see [`is_unit_power`]);
/// - Markdown emphasis `**`, `***`, `*` and inline HTML tags left by converters (`<i>`).
///
/// After a tag name, `(?:>|[^\w>][^>]{0,79}>)` says what `\b[^>]{0,80}>` says (the next
/// char is not a word char); a Unicode `\b` would keep the regex off its fast engines on
/// Vietnamese text.
///
/// The lines are searched with [`Artifacts`], which finds the same matches; this pattern is
/// kept as the reference of the tests.
#[cfg(test)]
pub(super) const ARTIFACT: &str = r"(?i)\[bookmark:[^\]]*\]|\[footnoteRef:\s*\d+\]|\[\d{1,3}:\s[^\]]*\]|\[\d{1,3}\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\*+|</?(?:i|b|u|em|strong|sup|sub|span|font|small|br|mark)(?:>|[^\w>][^>]{0,79}>)";

/// The alternatives of [`ARTIFACT`] that open with `[` or `<`, anchored at the start.
static BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i)(?:\[bookmark:[^\]]*\]|\[footnoteRef:\s*\d+\]|\[\d{1,3}:\s[^\]]*\]|\[\d{1,3}\]|</?(?:i|b|u|em|strong|sup|sub|span|font|small|br|mark)(?:>|[^\w>][^>]{0,79}>))",
    )
    .expect("valid regex")
});

static INLINE_FOOTNOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[(\d{1,3}):\s([^\]]*)\]$").expect("valid regex"));

/// The matches of [`ARTIFACT`] in a line, left to right, as `find_iter` gives them, found
/// without running a search over the whole line: every alternative opens with `[`, `<`, `*`
/// or a superscript digit (none of which has another case), so the leftmost match starts
/// at one of those, and the match there is the pattern's anchored match. A run of `*` or of
/// superscripts is taken here; `[` and `<` go to [`BRACKETED`]. A match from `[` ends at the
/// first `]` after it (no alternative has a `]` inside), so the search there stops at that
/// `]`, which keeps a line with many `[` linear.
pub(super) struct Artifacts<'a> {
    raw: &'a str,
    position: usize,
    /// The first `]` at or after `position` (`None`: none left), once looked up.
    close: Option<Option<usize>>,
}

impl<'a> Artifacts<'a> {
    pub(super) fn new(raw: &'a str) -> Self {
        Artifacts {
            raw,
            position: 0,
            close: None,
        }
    }

    /// The end of the match starting at `at`, if one does.
    fn match_at(&mut self, at: usize) -> Option<usize> {
        let bytes = self.raw.as_bytes();
        let end = match bytes[at] {
            b'*' => at + bytes[at..].iter().take_while(|&&b| b == b'*').count(),
            b'[' => {
                let close = match self.close {
                    Some(Some(close)) if close > at => Some(close),
                    Some(None) => None,
                    _ => memchr::memchr(b']', &bytes[at..]).map(|i| at + i),
                };
                self.close = Some(close);
                let close = close?;
                at + BRACKETED.find(self.raw.get(at..=close)?)?.end()
            }
            b'<' => at + BRACKETED.find(self.raw.get(at..)?)?.end(),
            _ => {
                let mut end = at;
                while let Some(width) = superscript_width(bytes, end) {
                    end += width;
                }
                end
            }
        };
        (end > at).then_some(end)
    }
}

impl Iterator for Artifacts<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let bytes = self.raw.as_bytes();
        while self.position < bytes.len() {
            let at = next_opening(bytes, self.position)?;
            match self.match_at(at) {
                Some(end) => {
                    self.position = end;
                    return Some(at..end);
                }
                None => self.position = at + 1,
            }
        }
        None
    }
}

/// The first byte from `from` on that may open a match: `[`, `*`, `<` or a superscript
/// digit. The bytes are tested eight at a time for `[`, `*`, `<` and the lead bytes `C2`
/// and `E2` of the superscripts (a lead byte then gets a closer look: `°`, `–`, `“` share
/// them).
fn next_opening(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let splat = |byte: u8| ONES * u64::from(byte);
    // `(v - 1) & !v` sets the high bit of every zero byte of `v`; a borrow may set it in
    // bytes above a zero byte, never below: the lowest byte flagged is exact.
    let zero = |v: u64| v.wrapping_sub(ONES) & !v;
    let mut position = from;
    while position < bytes.len() {
        let mut chunk = [0u8; 8];
        let end = bytes.len().min(position + 8);
        chunk[..end - position].copy_from_slice(&bytes[position..end]);
        let word = u64::from_le_bytes(chunk);
        let flags = (zero(word ^ splat(b'['))
            | zero(word ^ splat(b'*'))
            | zero(word ^ splat(b'<'))
            | zero(word ^ splat(0xC2))
            | zero(word ^ splat(0xE2)))
            & HIGH;
        if flags == 0 {
            position += 8;
            continue;
        }
        // Bytes past the end read as zero and are never flagged.
        let at = position + (flags.trailing_zeros() / 8) as usize;
        let byte = *bytes.get(at)?;
        if matches!(byte, b'[' | b'*' | b'<') || superscript_width(bytes, at).is_some() {
            return Some(at);
        }
        position = at + 1;
    }
    None
}

/// The byte length of the superscript digit at `at`: `¹²³` are U+00B9/U+00B2/U+00B3 (`C2 B9`,
/// `C2 B2`, `C2 B3` in UTF-8), `⁰⁴⁵⁶⁷⁸⁹` U+2070/U+2074..U+2079 (`E2 81 B0`, `E2 81 B4`..`B9`).
#[inline]
fn superscript_width(bytes: &[u8], at: usize) -> Option<usize> {
    match (bytes.get(at)?, bytes.get(at + 1), bytes.get(at + 2)) {
        (0xC2, Some(0xB2 | 0xB3 | 0xB9), _) => Some(2),
        (0xE2, Some(0x81), Some(0xB0 | 0xB4..=0xB9)) => Some(3),
        _ => None,
    }
}

/// `m²`, `km³`, `5 cm²`: a superscript right after a unit of length that follows a number
/// is a power, not a footnote marker (`Việt Nam⁵` is a marker).
fn is_unit_power(raw: &str, start: usize) -> bool {
    let before = &raw[..start];
    let unit_len = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum::<usize>();
    let unit = &before[before.len() - unit_len..];
    if !matches!(unit, "m" | "km" | "cm" | "dm" | "mm") {
        return false;
    }
    before[..before.len() - unit_len]
        .trim_end()
        .ends_with(|c: char| c.is_ascii_digit())
}

/// Whether `raw` may hold an artifact: every pattern of [`ARTIFACT`] opens with `[`, `*`,
/// `<` or a superscript digit, none of which has another case, so a line without any of them
/// (most lines) need not be searched. `¹²³` are U+00B9/U+00B2/U+00B3 (`C2 B9`, `C2 B2`,
/// `C2 B3` in UTF-8), `⁰⁴⁵⁶⁷⁸⁹` U+2070/U+2074..U+2079 (`E2 81 B0`, `E2 81 B4`..`B9`).
pub(super) fn may_have_artifacts(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    if memchr::memchr3(b'[', b'*', b'<', bytes).is_some() {
        return true;
    }
    memchr::memchr2_iter(0xC2, 0xE2, bytes).any(|at| {
        matches!(
            (bytes[at], bytes.get(at + 1), bytes.get(at + 2)),
            (0xC2, Some(0xB2 | 0xB3 | 0xB9), _) | (0xE2, Some(0x81), Some(0xB0 | 0xB4..=0xB9))
        )
    })
}

/// Where the artifacts of `raw` are (relative ranges), with the inline footnote bodies.
pub(super) fn artifacts(raw: &str, base: usize) -> (Vec<Range<usize>>, Vec<Footnote>) {
    let mut cuts = Vec::new();
    let mut footnotes = Vec::new();
    if !may_have_artifacts(raw) {
        return (cuts, footnotes);
    }
    for found in Artifacts::new(raw) {
        let text = &raw[found.clone()];
        if text.starts_with(['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'])
            && is_unit_power(raw, found.start)
        {
            continue;
        }
        if text.starts_with('*') {
            // `(*)` is a note mark and `* ` opening a line is a bullet: both are text.
            let before = raw[..found.start].chars().next_back();
            let after = raw[found.end..].chars().next();
            if before == Some('(') && after == Some(')') {
                continue;
            }
            if raw[..found.start].trim().is_empty() && after.is_some_and(char::is_whitespace) {
                continue;
            }
        }
        // INLINE_FOOTNOTE is anchored on `[` and `]`: most matches (`*`, `¹`) skip it.
        let bracketed = text.starts_with('[') && text.ends_with(']');
        if let Some(caps) = bracketed.then(|| INLINE_FOOTNOTE.captures(text)).flatten() {
            footnotes.push(Footnote {
                label: caps.get(1).map_or("", |c| c.as_str()).to_string(),
                text: vntask_tokenizer::normalize(caps.get(2).map_or("", |c| c.as_str()).trim()),
                span: base + found.start..base + found.end,
            });
        }
        cuts.push(found);
    }
    (cuts, footnotes)
}
