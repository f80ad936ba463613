//! What the automaton answered while a key was scanned, kept with the key, so that the key of
//! a sentence or clause cut out of it (`key::key_of_part`) is scanned without running the
//! automaton again over the same bytes (assembly finds the agencies of a block, then of each
//! sentence of a prose block and of each clause of a task, all cut out of the block's key).
//!
//! [`Matcher::scan`](super::Matcher::scan) puts one question at a time to the automaton: the
//! leftmost-longest match in `key[p..]` (the search span runs to the key's end). An
//! aho-corasick automaton has no look-around, so the answer depends on the bytes of `key[p..]`
//! alone. When the answer for `p = q` is the match `[s, e)`, no pattern occurs in the key
//! starting in `[q, s)`; so for any `p` in `[q, s]` the occurrences in `key[p..]` are those of
//! `key[q..]` that start at `p` or later: the leftmost still starts at `s`, and the longest
//! there still ends at `e`. The answer for `p` is `[s, e)` too. Likewise no match from `q`
//! means no match from any `p ≥ q`. A [`Step`] is one answer with the questions it settles.
//!
//! For a part `P = key[f..l)` the question at `p` is the leftmost-longest occurrence inside
//! `key[f + p..l)`. A step of the whole key that settles `f + p` with the match `[s, e)`:
//! - `e ≤ l`: no occurrence starts in `[f + p, s)`, and the longest of those starting at `s`
//!   ends inside the part, so it is also the longest that does: the part's answer is
//!   `[s - f, e - f)`;
//! - `s ≥ l`: no occurrence starts in `[f + p, l)`, and every pattern is non-empty (an
//!   occurrence inside the part starts before `l`): no match in the part;
//! - `s < l < e`: the match runs past the part's end, and a shorter occurrence at `s`, or a
//!   later one, may be the part's answer: the step is dropped, and the scan of the part puts
//!   that question to the automaton itself.
//!
//! A step with no match settles no match in the part as well. The steps kept, shifted by `f`,
//! are thus true of the part, as the whole key's were of the whole key, and a part of a part
//! is cut the same way. The scan takes an answer from a step only for a question the step
//! settles; everything else it does (the word-boundary checks on its own key, where to go on)
//! is unchanged.

/// A match of the automaton, in key offsets, with its pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub pattern: usize,
}

/// One answer: the leftmost-longest match from `from` to the key's end (`None`: no match).
/// It settles every question from `from` up to the match's start (to the end when `None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub from: usize,
    pub found: Option<Found>,
}

/// The steps of one key, in key order (each settles questions after the one before), and the
/// automaton they came from ([`super::Matcher`]'s id; 0 for none: nothing is known).
#[derive(Debug, Clone, Default)]
pub struct Memo {
    pub matcher: u64,
    pub steps: Vec<Step>,
}

impl Memo {
    /// Forgets every step (the key's text is about to change).
    pub fn clear(&mut self) {
        self.matcher = 0;
        self.steps.clear();
    }

    /// The steps true of the part `key[first..last)` of this memo's key, in the part's offsets
    /// (see the module documentation).
    /// Written into `out` (its buffer reused).
    pub fn part_into(&self, first: usize, last: usize, out: &mut Memo) {
        out.clear();
        if self.matcher == 0 {
            return;
        }
        out.matcher = self.matcher;
        let steps = self.steps.iter().filter_map(|step| {
            if step.from >= last {
                return None;
            }
            let from = step.from.max(first) - first;
            match step.found {
                None => Some(Step { from, found: None }),
                // It settles nothing at or after the part's start.
                Some(found) if found.start < first => None,
                Some(found) if found.start >= last => Some(Step { from, found: None }),
                Some(found) if found.end <= last => Some(Step {
                    from,
                    found: Some(Found {
                        start: found.start - first,
                        end: found.end - first,
                        pattern: found.pattern,
                    }),
                }),
                Some(_) => None,
            }
        });
        out.steps.extend(steps);
    }
}

/// Reads the answers of a memo's steps for questions asked left to right.
pub struct Answers<'m> {
    steps: &'m [Step],
    next: usize,
}

impl<'m> Answers<'m> {
    pub fn new(steps: &'m [Step]) -> Self {
        Answers { steps, next: 0 }
    }

    /// The answer for the question at `pos` when a step settles it; `pos` never decreases
    /// from one call to the next.
    pub fn settled(&mut self, pos: usize) -> Option<Option<Found>> {
        while let Some(step) = self.steps.get(self.next) {
            if step.from > pos {
                return None;
            }
            match step.found {
                None => return Some(None),
                Some(found) if pos <= found.start => return Some(Some(found)),
                // Settles only questions before `pos`: so do the ones before it.
                Some(_) => self.next += 1,
            }
        }
        None
    }
}
