//! The words a mention can start with: what assembly needs to prove, without looking for
//! agencies, that a text cannot open with a subject or an addressee (see
//! `assembly::shapes::gate`).
//!
//! A mention starts where a raw match of the automaton starts (resolution only ever starts a
//! mention at a raw match's start, or at an earlier match's start for a list head, and a
//! pointing-back group's provinces take the group's range), or where the unit grammar finds a
//! head noun (`Cục`, `Vụ`, `Tỉnh ủy`: `units::add`). A raw match sits on word boundaries of the
//! key, so its first key word (its first run of letters and digits) is the first run of its
//! pattern, however the pattern goes on, and when the pattern has a second run after a
//! separator, the next key word is that run; a head noun is matched in the text at a word
//! start and is followed by a space, so the word there is the head's first word. [`Starts`]
//! holds the first words of one-word patterns and head nouns, and the first two words of the
//! other patterns.

/// One word's key, as a number: its last eight key bytes (ASCII letters and digits, never
/// 0), each shifted in from the right ([`pack`]), and whether it runs longer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WordKey {
    pub packed: u64,
    pub long: bool,
}

/// `packed` with key byte `byte` shifted in.
#[inline(always)]
pub const fn shift_in(packed: u64, byte: u8) -> u64 {
    (packed << 8) | byte as u64
}

/// The [`WordKey::packed`] of `bytes` (lower-case ASCII letters and digits).
pub const fn pack(bytes: &[u8]) -> u64 {
    let mut packed = 0u64;
    let mut at = 0;
    while at < bytes.len() {
        packed = shift_in(packed, bytes[at]);
        at += 1;
    }
    packed
}

impl WordKey {
    /// The key of `bytes` (lower-case ASCII letters and digits).
    pub fn of(bytes: &[u8]) -> WordKey {
        WordKey {
            packed: pack(bytes),
            long: bytes.len() > 8,
        }
    }
}

/// A set of [`WordKey`]s: open addressing over a table four times as large as the set,
/// hashed by one multiplication (a binary search over the few hundred first words cost
/// more than the rest of a word's reading).
#[derive(Debug, Default, Clone)]
pub struct WordSet {
    /// Each word as [`WordSet::slot_value`], 0 for free (the empty word is never in a set).
    slots: Vec<u64>,
    /// 64 minus the table's size in bits.
    shift: u32,
}

impl WordSet {
    pub fn new(words: impl IntoIterator<Item = WordKey>) -> WordSet {
        let words: Vec<u64> = words.into_iter().map(WordSet::slot_value).collect();
        let bits = (words.len().max(1) * 4)
            .next_power_of_two()
            .trailing_zeros()
            .max(1);
        let mut set = WordSet {
            slots: vec![0; 1 << bits],
            shift: 64 - bits,
        };
        for word in words.into_iter().filter(|&w| w != 0) {
            let mut at = set.home(word);
            while let Some(slot) = set.slots.get_mut(at) {
                if *slot == 0 || *slot == word {
                    *slot = word;
                    break;
                }
                at = (at + 1) & (set.slots.len() - 1);
            }
        }
        set
    }

    /// The packed bytes, with the top bit (never set by ASCII bytes) for a long word.
    #[inline(always)]
    fn slot_value(word: WordKey) -> u64 {
        word.packed | (u64::from(word.long) << 63)
    }

    #[inline(always)]
    fn home(&self, value: u64) -> usize {
        (value.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    #[inline]
    pub fn contains(&self, word: WordKey) -> bool {
        let value = WordSet::slot_value(word);
        if value == 0 {
            // The empty word.
            return false;
        }
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = self.home(value);
        // The table is at most a quarter full: a free slot ends every probe.
        while let Some(&slot) = self.slots.get(at) {
            if slot == value {
                return true;
            }
            if slot == 0 {
                return false;
            }
            at = (at + 1) & mask;
        }
        false
    }
}

/// The first key words of every pattern and head noun, and for patterns of more than one
/// word the first two.
#[derive(Debug, Default, Clone)]
pub struct Starts {
    /// First words that start a pattern alone (a one-word pattern such as `nhnn`, or a head
    /// noun, whose name may be any word).
    singles: WordSet,
    /// First and second words of the longer patterns, hashed ([`pair`]: two pairs sharing a
    /// hash only make the set say yes more often).
    pairs: WordSet,
    /// False when some pattern does not start with a letter or digit: then any word may
    /// start a mention (no such pattern exists today; the tests hold to it).
    known: bool,
}

/// A pair of words as one [`WordKey`] (a hash, never 0 and never long).
fn pair(first: WordKey, second: WordKey) -> WordKey {
    let a = first.packed | (u64::from(first.long) << 63);
    let b = second.packed | (u64::from(second.long) << 63);
    let hash = a.wrapping_mul(0xD6E8_FEB8_6659_FD93).rotate_left(29)
        ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    WordKey {
        packed: (hash >> 1) | 1,
        long: false,
    }
}

/// The run of ASCII letters and digits `bytes` opens with, and what follows it.
fn run(bytes: &[u8]) -> (&[u8], &[u8]) {
    let end = bytes
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(bytes.len());
    bytes.split_at(end)
}

impl Starts {
    /// The starts of `patterns` (keys) and of `heads` (head nouns as written).
    ///
    /// A pattern's occurrence at a key word starts with its first run of letters and digits,
    /// which is then the whole key word (the pattern goes on with another char, or ends
    /// where the match must end a word). When the pattern goes on after a separator with a
    /// second run, that run is the next key word whole, for the same reasons; so the pattern
    /// is recorded as a pair, and a text whose word is not followed by that second word
    /// cannot hold it there.
    pub fn build(patterns: &[String], heads: impl IntoIterator<Item = &'static str>) -> Starts {
        let mut known = true;
        let mut singles = Vec::new();
        let mut pairs = Vec::new();
        for pattern in patterns {
            let (first, rest) = run(pattern.as_bytes());
            // A key holds only lower-case letters and digits in its words (other letters
            // fold to them); anything else stays unknown.
            if first.is_empty() || rest.first().is_some_and(|b| !b.is_ascii()) {
                known = false;
            }
            let separator = rest
                .iter()
                .take_while(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
                .count();
            let (second, after) = run(rest.get(separator..).unwrap_or_default());
            let clean_second = !second.is_empty() && after.first().is_none_or(u8::is_ascii);
            if clean_second {
                pairs.push(pair(WordKey::of(first), WordKey::of(second)));
            } else {
                singles.push(WordKey::of(first));
            }
        }
        for head in heads {
            let key = super::key_str(head);
            singles.push(WordKey::of(run(key.as_bytes()).0));
        }
        Starts {
            singles: WordSet::new(singles),
            pairs: WordSet::new(pairs),
            known,
        }
    }

    /// Whether a mention may start with a word of key `word` followed by the word `next`
    /// (`None` when it ends the text).
    #[inline]
    pub fn may_start(&self, word: WordKey, next: Option<WordKey>) -> bool {
        !self.known
            || self.singles.contains(word)
            || next.is_some_and(|next| self.pairs.contains(pair(word, next)))
    }
}
