//! The lines of the source that normalisation leaves as they are, as ingest found them, so
//! the normalised source (which the content hash is taken over) can be produced without
//! normalising those lines a second time.
//!
//! Normalisation is local to a line: a tone pair (`oà`), a unit of a base and its marks and
//! `\r\n` never run across a line break, and a break is neither a vowel nor `q`, so the
//! normalised source is the normalised pieces between line boundaries, joined. One exception:
//! a combining mark right after a break forms a unit with the break char, which NFC may
//! rewrite differently from the mark alone (U+0344 decomposes only in a unit of two). A line
//! that opens with a mark is therefore never recorded.

use std::ops::Range;
use vntask_tokenizer::{is_mark, normalize_into};

/// Source ranges, in order and apart, each of whole lines (with the `\n` between them) that
/// normalise to themselves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnchangedLines {
    ranges: Vec<Range<usize>>,
}

impl UnchangedLines {
    /// Records `line`, a line of `source` (a range from [`crate::parser::lines`]) that
    /// normalises to itself. A line that opens with a combining mark, or that does not come
    /// after the lines recorded so far, is left out (it is normalised again when needed).
    pub(crate) fn record(&mut self, source: &str, line: Range<usize>) {
        let Some(text) = source.get(line.clone()) else {
            return;
        };
        if line.is_empty() || text.chars().next().is_some_and(is_mark) {
            return;
        }
        match self.ranges.last_mut() {
            Some(last) if line.start < last.end => {}
            // Line breaks other than `\r` (and blank lines) between two lines normalise to
            // themselves: the range goes on over them.
            Some(last)
                if source
                    .as_bytes()
                    .get(last.end..line.start)
                    .is_some_and(|between| {
                        between
                            .iter()
                            .all(|b| matches!(b, b'\n' | b'\x0b' | b'\x0c'))
                    }) =>
            {
                last.end = line.end;
            }
            _ => self.ranges.push(line),
        }
    }

    /// Feeds the normalised form of `source` (the text these lines were recorded from) to
    /// `sink`, piece by piece, in order: the recorded ranges as they stand, what lies between
    /// them normalised.
    pub fn normalized_pieces(&self, source: &str, mut sink: impl FnMut(&str)) {
        let mut buffer = String::new();
        let mut gap = |text: &str, sink: &mut dyn FnMut(&str)| match text {
            "" => {}
            "\n" => sink("\n"),
            // A line break alone: CRLF and CR become `\n`.
            "\r\n" | "\r" => sink("\n"),
            _ => {
                buffer.clear();
                normalize_into(text, &mut buffer);
                sink(&buffer);
            }
        };
        let valid = self
            .ranges
            .iter()
            .all(|range| source.get(range.clone()).is_some());
        if !valid {
            // Never the case for ranges recorded from this source; all of it normalised.
            gap(source, &mut sink);
            return;
        }
        let mut position = 0;
        for range in &self.ranges {
            gap(&source[position..range.start], &mut sink);
            sink(&source[range.clone()]);
            position = range.end;
        }
        gap(&source[position..], &mut sink);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;
    use vntask_tokenizer::normalize;

    /// Records every line of `source` that normalises to itself, as ingest would.
    fn record_all(source: &str) -> UnchangedLines {
        let mut unchanged = UnchangedLines::default();
        for line in crate::parser::lines(source) {
            if normalize(&source[line.clone()]) == source[line.clone()] {
                unchanged.record(source, line);
            }
        }
        unchanged
    }

    fn joined(unchanged: &UnchangedLines, source: &str) -> String {
        let mut out = String::new();
        unchanged.normalized_pieces(source, |piece| out.push_str(piece));
        out
    }

    fn tricky_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            proptest::sample::select(vec![
                "o", "O", "u", "U", "q", "a", "e", "y", "Y", "à", "ẻ", "ỹ", "á", "ô", "ư", "n",
                "h", "\u{300}", "\u{301}", "\u{323}", "\u{344}", "\u{340}", "\u{200B}", "\u{FEFF}",
                "\u{AD}", "\u{A0}", "\r", "\n", "\r\n", "\x0b", "\x0c", " ", "\t", "–", "“", "-",
                "1", "\u{1DC0}", "oà", "Uỷ", "hoà\n", "quý",
            ]),
            0..40,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(3000))]
        #[test]
        fn pieces_join_to_the_normalised_source(source in tricky_text()) {
            proptest::prop_assert_eq!(joined(&record_all(&source), &source), normalize(&source));
        }

        #[test]
        fn pieces_join_to_the_normalised_source_of_any_text(source in "\\PC{0,60}") {
            proptest::prop_assert_eq!(joined(&record_all(&source), &source), normalize(&source));
        }
    }

    #[test]
    fn edge_cases() {
        for source in [
            "",
            "\n",
            "\r\n\r\n",
            "a\n\u{344}b",
            "a\r\n\u{301}",
            "hoà\r\nUỷ ban\rthuỷ\n",
            "Bộ Tài chính\nBộ Tài chi\u{301}nh\r\nx",
            "\u{FEFF}Bộ\n",
            "o\na\u{300}",
        ] {
            assert_eq!(
                joined(&record_all(source), source),
                normalize(source),
                "{source:?}"
            );
            assert_eq!(
                joined(&UnchangedLines::default(), source),
                normalize(source)
            );
        }
    }

    #[test]
    fn pieces_join_on_the_seeds_lf_crlf_and_nfd() {
        use unicode_normalization::UnicodeNormalization;
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            let crlf = text.replace('\n', "\r\n");
            let nfd: String = text.nfd().collect();
            for source in [&text, &crlf, &nfd] {
                let unchanged = record_all(source);
                assert_eq!(joined(&unchanged, source), normalize(source));
            }
            seen += 1;
        }
        assert!(seen > 0, "no seeds read");
    }

    #[test]
    fn lines_apart_by_newlines_share_a_range() {
        let unchanged = record_all("a\nb\r\nc\n\nd");
        assert_eq!(unchanged.ranges, vec![0..3, 5..9]);
    }
}
