//! One aho-corasick automaton (leftmost-longest) over the keys of every name, alias,
//! ministry field, provincial body, province spelling and group phrase.

use super::gazetteer::{Entry, Kind};
use super::groups::{self, GroupPhrase};
use super::key::{ends_word, key_str, starts_word, Key};
use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

pub mod memo;
pub mod starts;

use memo::{Answers, Found, Step};

/// The id of the next matcher built (0 stands for none: see [`memo::Memo`]).
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// What a matched key may stand for; resolution (`resolve.rs`) picks one from the context.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Candidate {
    /// A national body; `alias` when the text was not its canonical name.
    Entry { index: usize, alias: bool },
    /// A ministry named by its field alone (`Y tế` in `Bộ Giáo dục và Đào tạo, Y tế`).
    Field { index: usize },
    /// A body every province has (`Sở Y tế`, `Ủy ban nhân dân`).
    Head { index: usize },
    /// A province; `prefixed` when written with `tỉnh`, `thành phố` or `TP.`.
    Province { index: usize, prefixed: bool },
    /// A group phrase (index into [`groups::PHRASES`]).
    Group { index: usize },
}

/// One raw match, in key offsets, with what its pattern may stand for (borrowed from the
/// matcher: a vector a match cost an allocation and a free).
#[derive(Debug, Clone)]
pub struct Raw<'m> {
    pub start: usize,
    pub end: usize,
    pub candidates: &'m [Candidate],
}

/// The compiled automaton and what each pattern stands for.
#[derive(Debug, Default)]
pub struct Matcher {
    automaton: Option<AhoCorasick>,
    candidates: Vec<Vec<Candidate>>,
    /// Tells this matcher's answers kept with a key ([`memo::Memo`]) from another's.
    id: u64,
    /// The words a mention can start with (see [`starts`]).
    pub starts: starts::Starts,
}

fn province_prefixes(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::City => &["thành phố ", "TP ", "TP. ", "Tp "],
        _ => &["tỉnh "],
    }
}

impl Matcher {
    pub fn build(entries: &[Entry]) -> Matcher {
        let mut table: HashMap<String, Vec<Candidate>> = HashMap::new();
        let mut add = |text: &str, candidate: Candidate| {
            let k = key_str(text);
            if k.is_empty() {
                return;
            }
            // `và` is also written `&`: `Bộ Nông nghiệp & Phát triển nông thôn`.
            let ampersand = k.replace(" va ", "&");
            for k in [k, ampersand] {
                let slot = table.entry(k).or_default();
                if !slot.contains(&candidate) {
                    slot.push(candidate);
                }
            }
        };
        for (index, entry) in entries.iter().enumerate() {
            let names = std::iter::once(&entry.name).chain(entry.aliases.iter());
            match entry.kind {
                Kind::Province | Kind::City => {
                    for (n, name) in names.enumerate() {
                        let own_prefix = key_str(name).starts_with("tp");
                        add(
                            name,
                            Candidate::Province {
                                index,
                                prefixed: own_prefix,
                            },
                        );
                        for prefix in province_prefixes(entry.kind) {
                            add(
                                &format!("{prefix}{name}"),
                                Candidate::Province {
                                    index,
                                    prefixed: true,
                                },
                            );
                        }
                        if n == 0 && entry.kind == Kind::City {
                            add(
                                &format!("tỉnh {name}"),
                                Candidate::Province {
                                    index,
                                    prefixed: true,
                                },
                            );
                        }
                    }
                }
                Kind::ProvincialBody => {
                    for name in names {
                        add(name, Candidate::Head { index });
                    }
                }
                _ => {
                    for (n, name) in names.enumerate() {
                        add(
                            name,
                            Candidate::Entry {
                                index,
                                alias: n > 0,
                            },
                        );
                        if entry.kind == Kind::Ministry {
                            if let Some(field) = name.strip_prefix("Bộ ") {
                                add(field, Candidate::Field { index });
                            }
                        }
                    }
                }
            }
        }
        for (index, phrase) in groups::PHRASES.iter().enumerate() {
            for variant in groups::variants(phrase.phrase) {
                add(&variant, Candidate::Group { index });
            }
        }
        let mut patterns: Vec<String> = table.keys().cloned().collect();
        patterns.sort();
        let candidates: Vec<Vec<Candidate>> = patterns
            .iter()
            .map(|p| table.get(p).cloned().unwrap_or_default())
            .collect();
        let starts = starts::Starts::build(&patterns, super::units::head_words());
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .ok();
        Matcher {
            automaton,
            candidates,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            starts,
        }
    }

    /// Every whole-word match in `key`, left to right, not overlapping. A match that does not
    /// sit on word boundaries is skipped and the search resumes one character further.
    ///
    /// The automaton's answers are kept with the key, and a key cut out of one already
    /// scanned takes the answers that hold for it from there (see [`memo`]).
    pub fn scan(&self, key: &Key) -> Vec<Raw<'_>> {
        self.scan_counting(key, &mut 0)
    }

    /// [`Matcher::scan`], counting in `asked` the questions put to the automaton.
    fn scan_counting(&self, key: &Key, asked: &mut usize) -> Vec<Raw<'_>> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let text = key.text.as_str();
        // The key's steps when they are this matcher's (read), else a fresh record of them.
        let mut memo = key.memo.try_borrow_mut().ok();
        let mut known: &[Step] = &[];
        let mut record: Option<&mut Vec<Step>> = None;
        if let Some(memo) = memo.as_deref_mut() {
            if memo.matcher == self.id {
                known = &memo.steps;
            } else {
                memo.steps.clear();
                memo.matcher = self.id;
                record = Some(&mut memo.steps);
            }
        }
        let mut answers = Answers::new(known);
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let found = match answers.settled(pos) {
                Some(found) => found,
                None => {
                    *asked += 1;
                    automaton
                        .find(Input::new(text).span(pos..text.len()))
                        .map(|found| Found {
                            start: found.start(),
                            end: found.end(),
                            pattern: found.pattern().as_usize(),
                        })
                }
            };
            if let Some(steps) = record.as_deref_mut() {
                steps.push(Step { from: pos, found });
            }
            let Some(Found {
                start,
                end,
                pattern,
            }) = found
            else {
                break;
            };
            if starts_word(text, start) && ends_word(text, end) {
                out.push(Raw {
                    start,
                    end,
                    candidates: self.candidates.get(pattern).map_or(&[], Vec::as_slice),
                });
                pos = end;
            } else {
                pos = start
                    + text
                        .get(start..)
                        .and_then(|rest| rest.chars().next())
                        .map_or(1, char::len_utf8);
            }
        }
        out
    }
}

/// The group phrase of a candidate index.
pub fn phrase(index: usize) -> Option<&'static GroupPhrase> {
    groups::PHRASES.get(index)
}

#[cfg(test)]
mod tests;
