//! One pass over a text for the words the date patterns are built on, before any of them runs.
//!
//! Each pattern of the scan contains one of a few words in every branch: `ngày` (day), `tháng`
//! (month), `năm` (year), `quý` (quarter), `hằng` (every), `họp` (meeting), ... A text holding
//! none of a pattern's words cannot match it, so the pattern is skipped. The regex engine would
//! look for those words too, but one search per pattern; here one automaton finds all of them at
//! once. The automaton matches every spelling the patterns' `(?i)` matches (checked against the
//! regex engine in the tests), so each gate is an exact necessary condition, like those of
//! `gates`.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};
use foldhash::fast::RandomState;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// A word the patterns are built on; its spellings (lower case; every case variant matches).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(super) enum Word {
    /// `ngày`: day.
    Ngay,
    /// `tháng`: month.
    Thang,
    /// `năm`: year (also five).
    Nam,
    /// `quý`, `quí`: quarter.
    Quy,
    /// `cuối`: end (`cuối năm`, the end of the year).
    Cuoi,
    /// `đầu`: beginning (`6 tháng đầu năm`, the first half).
    Dau,
    /// `đoạn`: of `giai đoạn` (period).
    Doan,
    /// `kỳ`: of `thời kỳ` (period), `định kỳ` (periodically).
    Ky,
    /// `hàng`, `hằng`: every (`hằng tháng`, monthly).
    Hang,
    /// `lần`: times (`6 tháng một lần`, once every six months).
    Lan,
    /// `mỗi`: each.
    Moi,
    /// `họp`: meeting (`kỳ họp`, a session).
    Hop,
    /// `tết`: the lunar new year.
    Tet,
    /// `trước`: before.
    Truoc,
    /// `dịp`: occasion.
    Dip,
    /// `khai`: of `khai giảng` (the opening of the school year).
    Khai,
    /// `vụ`: crop season.
    Vu,
    /// `mùa`: season.
    Mua,
    /// `khi`: when.
    Khi,
    /// `tuần`: week.
    Tuan,
    /// `trong`: in, within.
    Trong,
    /// `nhất`: of `chậm nhất` (at the latest).
    Nhat,
    /// `sau`: after.
    Sau,
    /// `đa`: of `tối đa` (at most).
    Da,
    /// `quá`: of `không quá` (no more than).
    Qua,
}

const WORDS: [(Word, &[&str]); 25] = [
    (Word::Ngay, &["ngày"]),
    (Word::Thang, &["tháng"]),
    (Word::Nam, &["năm"]),
    (Word::Quy, &["quý", "quí"]),
    (Word::Cuoi, &["cuối"]),
    (Word::Dau, &["đầu"]),
    (Word::Doan, &["đoạn"]),
    (Word::Ky, &["kỳ"]),
    (Word::Hang, &["hàng", "hằng"]),
    (Word::Lan, &["lần"]),
    (Word::Moi, &["mỗi"]),
    (Word::Hop, &["họp"]),
    (Word::Tet, &["tết"]),
    (Word::Truoc, &["trước"]),
    (Word::Dip, &["dịp"]),
    (Word::Khai, &["khai"]),
    (Word::Vu, &["vụ"]),
    (Word::Mua, &["mùa"]),
    (Word::Khi, &["khi"]),
    (Word::Tuan, &["tuần"]),
    (Word::Trong, &["trong"]),
    (Word::Nhat, &["nhất"]),
    (Word::Sau, &["sau"]),
    (Word::Da, &["đa"]),
    (Word::Qua, &["quá"]),
];

/// The characters a `(?i)` pattern matches for `c`, besides ASCII case (which the automaton
/// ignores by itself): the other case of a Vietnamese letter (`á` / `Á`), the Kelvin sign for
/// `k` and the long s for `s` (Unicode case folding puts them with `k` and `s`).
fn cases(c: char) -> Vec<char> {
    let mut out = vec![c];
    match c {
        'k' => out.push('\u{212A}'),
        's' => out.push('\u{17F}'),
        _ if !c.is_ascii() => {
            for other in c.to_uppercase().chain(c.to_lowercase()) {
                if !out.contains(&other) {
                    out.push(other);
                }
            }
        }
        _ => {}
    }
    out
}

/// Every spelling of `word` that `(?i)` matches, up to ASCII case.
pub(super) fn spellings(word: &str) -> Vec<String> {
    word.chars().fold(vec![String::new()], |prefixes, c| {
        let cases = cases(c);
        prefixes
            .iter()
            .flat_map(|p| {
                cases.iter().map(move |c| {
                    let mut s = p.clone();
                    s.push(*c);
                    s
                })
            })
            .collect()
    })
}

/// The automaton over every spelling, and the word of each of its patterns.
static AUTOMATON: LazyLock<(DFA, Vec<Word>)> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut words = Vec::new();
    for (word, forms) in WORDS {
        for form in forms {
            for spelling in spellings(form) {
                patterns.push(spelling);
                words.push(word);
            }
        }
    }
    let automaton = DFA::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .prefilter(false)
        .build(&patterns)
        // The words are literals of this module; a failure is caught by every test run.
        .unwrap_or_else(|e| panic!("keyword automaton: {e}"));
    (automaton, words)
});

/// [`AUTOMATON`] copied into a plain table, so that the loop over a text's bytes is a class
/// lookup, a transition and one comparison (the automaton's own loop checked for special
/// states, then for matches, at every byte: 12 instructions a byte, the largest single cost of
/// the deadline scan). A standard (not leftmost) automaton run byte by byte: its match states
/// list every word ending at that byte, overlapping or not, so no occurrence is missed.
struct Table {
    /// The automaton's state of each of the table's, for the tests.
    #[cfg(test)]
    states: Vec<aho_corasick::automaton::StateID>,
    /// The class of each byte: bytes no state tells apart share one.
    classes: [u8; 256],
    /// Transitions: `next[state | class]`, states premultiplied by the stride; the states
    /// take far fewer than the 65,536 entries (checked when the table is made).
    next: Box<[u16; 1 << 16]>,
    /// log2 of the stride (the number of classes, rounded up to a power of two).
    stride2: u32,
    start: u16,
    /// The states from here on match (they are numbered last).
    first_match: u16,
    /// The words each matching state ends, by `(state - first_match) >> stride2`.
    masks: Vec<u32>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    use aho_corasick::automaton::StateID;
    let (automaton, words) = &*AUTOMATON;
    // The words are literals of this module; a failure is caught by every test run.
    let start = automaton
        .start_state(Anchored::No)
        .unwrap_or_else(|e| panic!("keyword automaton: {e}"));
    // A byte in no spelling (up to ASCII case) takes every state to where it takes the start,
    // as no state has a word going on with it: all such bytes share class 0 (the test checks
    // every byte in every state). Each byte of a spelling has a class of its own.
    let mut classes = [0u8; 256];
    let mut representatives = vec![0u8];
    for (_, forms) in WORDS {
        for spelling in forms.iter().flat_map(|form| spellings(form)) {
            for byte in spelling.bytes() {
                for byte in [byte.to_ascii_lowercase(), byte.to_ascii_uppercase()] {
                    if classes[usize::from(byte)] == 0 {
                        classes[usize::from(byte)] =
                            u8::try_from(representatives.len()).unwrap_or(u8::MAX);
                        representatives.push(byte);
                    }
                }
            }
        }
    }
    if let Some(other) = (0..=255u8).find(|b| classes[usize::from(*b)] == 0) {
        representatives[0] = other;
    }
    // Every state reachable from the start, in the order first seen.
    let mut states: Vec<StateID> = vec![start];
    let mut seen: HashSet<StateID, RandomState> = HashSet::default();
    seen.insert(start);
    let mut at = 0;
    while let Some(&state) = states.get(at) {
        for &byte in &representatives {
            let next = automaton.next_state(Anchored::No, state, byte);
            if seen.insert(next) {
                states.push(next);
            }
        }
        at += 1;
    }
    let matches = |state: StateID| automaton.is_special(state) && automaton.is_match(state);
    // Matching states last, each group in the order first seen.
    let mut order: Vec<StateID> = states.iter().copied().filter(|s| !matches(*s)).collect();
    let first_match = order.len();
    order.extend(states.iter().copied().filter(|s| matches(*s)));
    let index: HashMap<StateID, usize, RandomState> =
        order.iter().enumerate().map(|(i, s)| (*s, i)).collect();
    let stride2 = representatives.len().next_power_of_two().trailing_zeros();
    let premultiplied = |state: usize| {
        u16::try_from(state << stride2)
            .unwrap_or_else(|_| panic!("keyword automaton: {} states", order.len()))
    };
    premultiplied(order.len());
    let mut next = Box::new([0u16; 1 << 16]);
    for (i, state) in order.iter().enumerate() {
        for (class, &byte) in representatives.iter().enumerate() {
            let target = automaton.next_state(Anchored::No, *state, byte);
            next[(i << stride2) + class] = premultiplied(index.get(&target).copied().unwrap_or(0));
        }
    }
    let masks = order[first_match..]
        .iter()
        .map(|state| {
            (0..automaton.match_len(*state))
                .filter_map(|i| words.get(automaton.match_pattern(*state, i).as_usize()))
                .fold(0u32, |bits, word| bits | 1 << *word as u8)
        })
        .collect();
    Table {
        #[cfg(test)]
        states: order.clone(),
        classes,
        next,
        stride2,
        start: premultiplied(index[&start]),
        first_match: premultiplied(first_match),
        masks,
    }
});

/// The set of [`Word`]s that occur in a text (anywhere, even inside other words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Words(u32);

impl Words {
    /// Every word, for a scan without gates.
    pub(super) const ALL: Words = Words(u32::MAX);

    /// The words occurring in `text`. Not inlined: inside the scan its loop ran short of
    /// registers and reloaded the text from the stack at every byte.
    #[inline(never)]
    pub(super) fn of(text: &str) -> Words {
        let table = &*TABLE;
        let (classes, next, first_match) = (&table.classes, &*table.next, table.first_match);
        let mut bits = 0u32;
        let mut state = table.start;
        let mut step = |byte: u8| {
            // A state is a multiple of the stride and a class is below it: `|` adds them, and
            // the sum indexes the 65,536 transitions without a bounds check.
            state = next[usize::from(state | u16::from(classes[usize::from(byte)]))];
            if state >= first_match {
                let matched = usize::from((state - first_match) >> table.stride2);
                bits |= table.masks.get(matched).copied().unwrap_or(0);
            }
        };
        // Eight bytes a round: the loop's own pointer increment, compare and branch were three
        // of the ten instructions a byte.
        let mut chunks = text.as_bytes().chunks_exact(8);
        for chunk in &mut chunks {
            for &byte in chunk {
                step(byte);
            }
        }
        for &byte in chunks.remainder() {
            step(byte);
        }
        Words(bits)
    }

    /// [`Words::of`] run on the aho-corasick automaton itself, which [`TABLE`] copies.
    #[cfg(test)]
    fn of_automaton(text: &str) -> Words {
        let (automaton, words) = &*AUTOMATON;
        let mut bits = 0u32;
        let Ok(mut state) = automaton.start_state(Anchored::No) else {
            return Words::ALL;
        };
        for &byte in text.as_bytes() {
            state = automaton.next_state(Anchored::No, state, byte);
            if automaton.is_special(state) && automaton.is_match(state) {
                for i in 0..automaton.match_len(state) {
                    if let Some(word) = words.get(automaton.match_pattern(state, i).as_usize()) {
                        bits |= 1 << *word as u8;
                    }
                }
            }
        }
        Words(bits)
    }

    pub(super) fn has(self, word: Word) -> bool {
        self.0 & (1 << word as u8) != 0
    }

    /// True when any of `words` occurs.
    pub(super) fn any(self, words: &[Word]) -> bool {
        words.iter().any(|w| self.has(*w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// Every character `(?i)c` matches, for each character of the words, is a spelling the
    /// automaton knows: checked over all of Unicode.
    #[test]
    fn spellings_cover_what_case_insensitive_patterns_match() {
        let all: String = (0..=0x10FFFFu32).filter_map(char::from_u32).collect();
        let mut letters: Vec<char> = WORDS
            .iter()
            .flat_map(|(_, forms)| forms.iter().flat_map(|f| f.chars()))
            .collect();
        letters.sort_unstable();
        letters.dedup();
        for c in letters {
            let pattern = Regex::new(&format!("(?i){}", regex::escape(&c.to_string())))
                .unwrap_or_else(|e| panic!("{e}"));
            let known = cases(c);
            for found in pattern.find_iter(&all) {
                let other = found.as_str().chars().next().unwrap_or(c);
                assert!(
                    known.contains(&other) || (c.is_ascii() && other.eq_ignore_ascii_case(&c)),
                    "{c:?} also matches {other:?}"
                );
            }
        }
    }

    /// Seed lines, the deadline corpus, every spelling of every word alone and glued to the
    /// others, and bytes of every value.
    #[test]
    fn table_equals_the_automaton() {
        let mut texts = crate::test_support::seed_lines();
        let corpus = include_str!("../../corpus/deadlines.tsv");
        texts.extend(corpus.lines().map(str::to_string));
        let spelled: Vec<String> = WORDS
            .iter()
            .flat_map(|(_, forms)| forms.iter().flat_map(|f| spellings(f)))
            .collect();
        for (i, a) in spelled.iter().enumerate() {
            texts.push(a.clone());
            texts.push(a.to_uppercase());
            texts.push(format!("x{a}{}", spelled[(i * 7 + 3) % spelled.len()]));
            texts.push(a.chars().skip(1).collect());
        }
        let all_bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        texts.push(String::from_utf8_lossy(&all_bytes).into_owned());
        let mut found = 0;
        for text in &texts {
            let words = Words::of(text);
            assert_eq!(words, Words::of_automaton(text), "{text:?}");
            found += words.0.count_ones();
        }
        assert!(found > 1000, "{found} words found");
    }

    /// Every transition of the table, in every state, for every byte, is the automaton's.
    #[test]
    fn table_has_the_automatons_transitions() {
        let (automaton, _) = &*AUTOMATON;
        let table = &*TABLE;
        let stride2 = table.stride2;
        assert!(table.states.len() > 100);
        for (i, state) in table.states.iter().enumerate() {
            let premultiplied = (i << stride2) as u16;
            assert_eq!(
                i < usize::from(table.first_match >> stride2),
                !automaton.is_match(*state)
            );
            for byte in 0..=255u8 {
                let to = table.next
                    [usize::from(premultiplied | u16::from(table.classes[usize::from(byte)]))];
                let expected = automaton.next_state(Anchored::No, *state, byte);
                assert_eq!(
                    table.states[usize::from(to >> stride2)],
                    expected,
                    "{i} {byte}"
                );
            }
        }
    }

    #[test]
    fn finds_words_in_any_case() {
        let words = Words::of("NGÀY 5 Tháng 6 NĂM 2024, QUÍ IV, \u{212A}ỳ họp, ſau, giai ĐOẠN");
        for word in [
            Word::Ngay,
            Word::Thang,
            Word::Nam,
            Word::Quy,
            Word::Ky,
            Word::Hop,
            Word::Sau,
            Word::Doan,
        ] {
            assert!(words.has(word), "{word:?}");
        }
        for word in [Word::Tet, Word::Cuoi, Word::Trong, Word::Khi] {
            assert!(!words.has(word), "{word:?}");
        }
        // Overlapping words are all found: `ngày` sharing its `ng` with `trong`.
        let words = Words::of("trongày");
        assert!(words.has(Word::Trong) && words.has(Word::Ngay));
        // Decomposed text (NFD) spells no word the patterns could match either.
        assert!(!Words::of("nga\u{300}y").has(Word::Ngay));
    }
}
