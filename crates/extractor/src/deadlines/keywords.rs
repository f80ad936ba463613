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
fn spellings(word: &str) -> Vec<String> {
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

/// The set of [`Word`]s that occur in a text (anywhere, even inside other words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Words(u32);

impl Words {
    /// Every word, for a scan without gates.
    pub(super) const ALL: Words = Words(u32::MAX);

    /// The words occurring in `text`.
    pub(super) fn of(text: &str) -> Words {
        let (automaton, words) = &*AUTOMATON;
        let mut bits = 0u32;
        // A standard (not leftmost) automaton run byte by byte: its match states list every
        // word ending at that byte, overlapping or not, so no occurrence is missed.
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
