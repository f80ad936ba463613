//! The groups of a quantity whose bounds the scan already holds.
//!
//! `Regex::captures_at` searches again from the match's start: a forward and a reverse pass of
//! the lazy DFA find the bounds the scan already has, and only then does the backtracker read
//! the groups over them. Here the backtracker runs alone, anchored on the known bounds. Its
//! match is the same: the pattern's preferred match from the start ends at the known end (that
//! is the match `find_iter` gave), every path it prefers to that one also fits in the bounds or
//! fails, and look-around (`\b`) still sees the text outside them. The tests compare the two on
//! every match of the seed lines and on made texts.
//!
//! The backtracker has a bounded haystack (about 3,600 bytes for this pattern): a longer match,
//! which only a run of thousands of spaces between number words could make, is read by
//! `captures_at` as before, and so is anything the backtracker reports as an error.

use regex::Regex;
use regex_automata::nfa::thompson::backtrack::{BoundedBacktracker, Cache};
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input};
use std::cell::RefCell;
use std::ops::Range;
use std::sync::LazyLock;

/// The quantity pattern's groups, the whole match (0) included.
const GROUPS: usize = 9;

/// One group of a match.
#[derive(Debug, Clone, Copy)]
pub(super) struct Group<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Group<'t> {
    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

/// Every group of one match, by index.
#[derive(Debug)]
pub(super) struct Groups<'t> {
    text: &'t str,
    spans: [Option<(usize, usize)>; GROUPS],
}

impl<'t> Groups<'t> {
    pub fn get(&self, index: usize) -> Option<Group<'t>> {
        let (start, end) = (*self.spans.get(index)?)?;
        Some(Group {
            text: self.text,
            start,
            end,
        })
    }
}

/// The backtracker of the quantity pattern (`None` would only mean it cannot be built, and then
/// every match is read by `captures_at`).
static BACKTRACKER: LazyLock<Option<BoundedBacktracker>> =
    LazyLock::new(|| BoundedBacktracker::new(&super::grammar::quantity_pattern()).ok());

thread_local! {
    /// The backtracker's scratch space and a captures buffer, made once a thread.
    static SCRATCH: RefCell<Option<(Cache, Captures)>> = const { RefCell::new(None) };
}

/// The groups of `regex`'s match at `range` (one that `regex.find_iter(text)` returned; `regex`
/// is the quantity pattern).
pub(super) fn groups<'t>(regex: &Regex, text: &'t str, range: Range<usize>) -> Option<Groups<'t>> {
    if let Some(found) = backtrack(text, range.clone()) {
        return Some(found);
    }
    let caps = regex.captures_at(text, range.start)?;
    let mut spans = [None; GROUPS];
    for (index, span) in spans.iter_mut().enumerate() {
        *span = caps.get(index).map(|m| (m.start(), m.end()));
    }
    Some(Groups { text, spans })
}

/// The backtracker's reading of the match at `range`, or `None` when it cannot give one.
fn backtrack(text: &str, range: Range<usize>) -> Option<Groups<'_>> {
    let backtracker = BACKTRACKER.as_ref()?;
    if range.len() > backtracker.max_haystack_len() {
        return None;
    }
    SCRATCH.with(|cell| {
        let mut scratch = cell.try_borrow_mut().ok()?;
        let (cache, caps) = scratch
            .get_or_insert_with(|| (backtracker.create_cache(), backtracker.create_captures()));
        let input = Input::new(text).span(range).anchored(Anchored::Yes);
        backtracker.try_captures(cache, input, caps).ok()?;
        if !caps.is_match() {
            return None;
        }
        let mut spans = [None; GROUPS];
        for (index, span) in spans.iter_mut().enumerate() {
            *span = caps.get_group(index).map(|s| (s.start, s.end));
        }
        Some(Groups { text, spans })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_captures_at(regex: &Regex, text: &str, start: usize) -> Vec<Option<(usize, usize)>> {
        regex
            .captures_at(text, start)
            .map_or_else(Vec::new, |caps| {
                (0..GROUPS)
                    .map(|i| caps.get(i).map(|m| (m.start(), m.end())))
                    .collect()
            })
    }

    #[test]
    fn the_backtracker_reads_the_groups_captures_at_reads() {
        let regex = Regex::new(&super::super::grammar::quantity_pattern()).expect("pattern");
        assert_eq!(regex.captures_len(), GROUPS);
        let backtracker = BACKTRACKER.as_ref().expect("backtracker");
        assert_eq!(
            backtracker.get_nfa().group_info().group_len(0.into()),
            GROUPS
        );
        let mut texts = crate::test_support::seed_lines();
        for made in [
            "từ 80% đến 90%, TỪ 10 – 20 phần trăm, từ hai mươi đến 30 nghìn tỷ",
            "ba mươi lăm người, chính ban đầu tư, 1.928.311 hồ sơ, 43 / 53 tỉnh",
            "5\u{a0}%, hai\u{a0}mươi, 6-12%, 6 - 12 phần  trăm, 250 nghìn tỷ đồng, tỉnh",
            "từ\t5, từ5, xtừ 5, 5phần trăm, 5 phần trămx, Năm MƯƠI, ſáu mươi",
        ] {
            texts.push(made.to_string());
        }
        let mut compared = 0;
        for text in &texts {
            for found in regex.find_iter(text) {
                let expected = by_captures_at(&regex, text, found.start());
                let groups = backtrack(text, found.range()).expect("within the bounds");
                let got: Vec<_> = (0..GROUPS)
                    .map(|i| groups.get(i).map(|g| (g.start(), g.end())))
                    .collect();
                assert_eq!(got, expected, "{text:?} at {:?}", found.range());
                let fallback = groups_of(&regex, text, found.range());
                assert_eq!(fallback, expected);
                compared += 1;
            }
        }
        assert!(compared > 1000, "{compared} matches");
    }

    fn groups_of(regex: &Regex, text: &str, range: Range<usize>) -> Vec<Option<(usize, usize)>> {
        groups(regex, text, range).map_or_else(Vec::new, |g| {
            (0..GROUPS)
                .map(|i| g.get(i).map(|m| (m.start(), m.end())))
                .collect()
        })
    }

    #[test]
    fn a_match_past_the_bound_is_read_by_captures_at() {
        let regex = Regex::new(&super::super::grammar::quantity_pattern()).expect("pattern");
        let text = format!("hai{}mươi người", " ".repeat(10_000));
        let found = regex.find(&text).expect("a match");
        assert!(backtrack(&text, found.range()).is_none());
        let got = groups_of(&regex, &text, found.range());
        assert_eq!(got, by_captures_at(&regex, &text, found.start()));
        assert_eq!(got.first().copied().flatten(), Some((0, found.end())));
    }
}
