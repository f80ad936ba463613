//! Phrases standing as whole words, told without the patterns they were first written as:
//!
//! `(?i)(?:^|[^\p{L}])(?:PHRASE|PHRASE|...)(?:[^\p{L}]|$)`
//!
//! Each such pattern cost about 11 M instructions to compile on every run (the case-folded
//! letter class, negated, twice, forwards and backwards), more than a batch spends running
//! it. Here one automaton finds every spelling of every phrase that `(?i)` matches (see
//! `keywords::spellings`), overlapping or not, and the chars on either side are asked
//! whether they are letters as the pattern's class has them.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::Regex;
use std::sync::LazyLock;

/// A letter as `(?i)\p{L}` has it (the class case-folded: it also holds U+0345, whose
/// folding is a Greek letter), for the chars the quick ranges of [`is_letter`] leave out.
static LETTER: LazyLock<Regex> = LazyLock::new(|| {
    // A literal of this module; a failure is caught by every test run.
    Regex::new(r"(?i)^\p{L}").unwrap_or_else(|e| panic!("letter pattern: {e}"))
});

/// Whether `c` is in the case-folded letter class. Vietnamese text is nearly all ASCII,
/// Latin letters (U+00C0 to U+024F but `×` and `÷`, U+1E00 to U+1EFF: every one a letter)
/// and general punctuation (U+2000 to U+206F: none); the rest asks the pattern (checked
/// over every char of those ranges in the tests).
pub(super) fn is_letter(c: char) -> bool {
    let code = c as u32;
    match code {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xC0..=0x24F => code != 0xD7 && code != 0xF7,
        0x1E00..=0x1EFF => true,
        0x2000..=0x206F => false,
        _ => {
            let mut buffer = [0u8; 4];
            LETTER.is_match(c.encode_utf8(&mut buffer))
        }
    }
}

/// A list of phrases (lower case, single spaces), matched as the pattern of the module doc.
pub(super) struct Phrases {
    automaton: AhoCorasick,
    /// The phrase (its place in the list) of each of the automaton's spellings.
    phrase: Vec<usize>,
}

impl Phrases {
    pub(super) fn new(phrases: &[&str]) -> Phrases {
        let mut spellings = Vec::new();
        let mut phrase = Vec::new();
        for (index, text) in phrases.iter().enumerate() {
            for spelling in super::keywords::spellings(text) {
                spellings.push(spelling);
                phrase.push(index);
            }
        }
        // A contiguous NFA, not a DFA: the spellings of a list multiply (every Vietnamese
        // letter in two cases), and building the DFA's full transition table cost about 12 M
        // instructions a run for the three lists, against a few hundred searches of short
        // windows a document.
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&spellings)
            // The phrases are literals of the callers; a failure is caught by every test run.
            .unwrap_or_else(|e| panic!("phrase automaton: {e}"));
        Phrases { automaton, phrase }
    }

    /// Every place a phrase occurs with no letter right before it (or at the start): its
    /// start, the end of the phrase, and the phrase's place in the list; by start, then by
    /// place in the list.
    fn openings(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let mut found: Vec<(usize, usize, usize)> = self
            .automaton
            .find_overlapping_iter(text)
            .filter(|m| !text[..m.start()].chars().next_back().is_some_and(is_letter))
            .map(|m| (m.start(), m.end(), self.phrase[m.pattern().as_usize()]))
            .collect();
        found.sort_unstable_by_key(|&(start, _, phrase)| (start, phrase));
        found
    }

    /// The char after a phrase ending at `end`, when it is no letter: `Some(its length)`,
    /// `Some(0)` at the end of `text`, `None` when a letter follows.
    fn closing(text: &str, end: usize) -> Option<usize> {
        match text[end..].chars().next() {
            None => Some(0),
            Some(c) if is_letter(c) => None,
            Some(c) => Some(c.len_utf8()),
        }
    }

    /// The pattern's `is_match`.
    pub(super) fn is_match(&self, text: &str) -> bool {
        self.automaton.find_overlapping_iter(text).any(|m| {
            !text[..m.start()].chars().next_back().is_some_and(is_letter)
                && Self::closing(text, m.end()).is_some()
        })
    }

    /// The end of the pattern's last match, as `find_iter(text).last()` gives it. A match
    /// takes the char before the phrase (unless it opens the text) and the char after it
    /// (unless it ends the text), and the next search starts where a match ends: a phrase
    /// whose char before was taken by the match before it is not found.
    pub(super) fn last_match_end(&self, text: &str) -> Option<usize> {
        let mut searched_to = 0;
        let mut last = None;
        let openings = self.openings(text);
        let mut i = 0;
        while i < openings.len() {
            let start = openings[i].0;
            // The match would start at the char before the phrase (at 0 by `^`).
            let match_start = text[..start]
                .chars()
                .next_back()
                .map_or(0, |c| start - c.len_utf8());
            if match_start < searched_to || (start == 0 && searched_to > 0) {
                i += 1;
                continue;
            }
            // The first phrase of the list, among those at `start`, that a non-letter
            // follows.
            let mut end = None;
            while i < openings.len() && openings[i].0 == start {
                if end.is_none() {
                    end = Self::closing(text, openings[i].1).map(|len| openings[i].1 + len);
                }
                i += 1;
            }
            if let Some(end) = end {
                last = Some(end);
                searched_to = end;
            }
        }
        last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_letter_is_the_patterns_class() {
        let class = Regex::new(r"(?i)^[^\p{L}]").unwrap_or_else(|e| panic!("{e}"));
        for c in (0..=0x2FFFu32).filter_map(char::from_u32) {
            let mut buffer = [0u8; 4];
            let text = c.encode_utf8(&mut buffer);
            assert_eq!(is_letter(c), !class.is_match(text), "U+{:04X}", c as u32);
        }
        assert!(is_letter('\u{345}') && is_letter('ệ') && !is_letter('–'));
    }
}
