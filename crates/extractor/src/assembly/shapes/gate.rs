//! A proof, from the words of a text alone, that [`classify`](super::classify) finds no shape
//! in it when it is not under an assignee heading: then the text is no task, and its agency
//! mentions (keying it, the automaton, resolution, the unit grammar) need not be found.
//! About a quarter of the blocks and two fifths of the sentences assembly reads are settled
//! this way.
//!
//! `classify(text, mentions, false)` gives a shape only when there is a first mention and
//! the text before it (`head`) is either
//! - (a) only title words (`Bộ trưởng`, `các`, `đồng chí`, ...): [`super::only_titles`];
//! - (b) ends with a directive verb and title words (`giao`, `yêu cầu`, `đề nghị các`):
//!   [`super::ends_with_directive_verb`], which needs a word folding to `giao`, `cau` or
//!   `nghi` (the verbs' last words) followed by title words only;
//! - (c) an introductory phrase (`Về hạ tầng số, `): [`super::is_intro_adverbial`], which
//!   needs the text to open (folded) with one of [`super::OPENERS`] (a prefix of `head`
//!   opening with one makes the text open with it) and a comma followed by title words only.
//!
//! A mention starts at a word whose key, with the key of the word after it, is among
//! [`MentionStarts`] (`matcher/starts.rs` argues it), provided the text's words and its
//! key's words are the same: every char is a letter or digit whose fold is one ASCII letter
//! or digit (its one key byte: `ộ` → `o`), or a char that is neither alphanumeric nor a
//! combining mark and does not fold to an alphanumeric char (white space, punctuation,
//! dashes, quotes: no letter or digit in the key). Then runs of letters are at once the
//! words [`super::only_titles`] and the verb test split the text into (they split where a
//! char is neither alphanumeric nor a mark), and the key's words (runs of alphanumeric key
//! chars, which is where a match may start and must end). Any other char (a combining mark,
//! a letter folding to something else) and the text is left to the full path.
//!
//! So the words are read left to right (each settled once the next is read), keeping
//! whether a mention starting at the next word could have a head of shape (a), (b) or (c)
//! ("eligible"): at the start it could (an empty head is only titles); after a verb's last
//! word, or a comma when the text opens with an opener, it could; a word that is none of
//! these and no title word ends it. A word at which a mention may start while eligible stops
//! the proof; reaching the end proves no shape.

use super::{OPENERS, TITLE_WORDS};
use crate::agencies::{pack_word, shift_in, MentionStarts, WordKey, WordSet};
use std::sync::LazyLock;

/// The class of a char ([`classify_char`]): a letter or digit keying to this byte (1 to
/// 127), a separator, or a char that stops the proof.
const SEPARATOR: u8 = 0x80;
const STOP: u8 = 0;

/// The class of each ASCII byte.
static ASCII: [u8; 128] = {
    let mut table = [SEPARATOR; 128];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        if b.is_ascii_alphanumeric() {
            table[byte] = b.to_ascii_lowercase();
        }
        byte += 1;
    }
    table
};

/// Code points below this are classed from [`CLASSES`] (Latin, Latin Extended, the
/// Vietnamese letters and general punctuation: quotes, dashes, the ellipsis); a code point
/// marked [`LATER`] there, or above, is classed when met (rare in Vietnamese text, and
/// classing it reads the Unicode tables).
const CLASSES_END: u32 = 0x2070;
const LATER: u8 = 0x81;

static CLASSES: LazyLock<Vec<u8>> = LazyLock::new(|| {
    (0..CLASSES_END)
        .map(|code| match code {
            0..=0x24F | 0x1E00..=0x1EFF => char::from_u32(code).map_or(STOP, classify_char),
            // General punctuation: no letter, no mark, and none folds to one (the tests
            // check it against `classify_char`).
            0x2000..=0x206F => SEPARATOR,
            _ => LATER,
        })
        .collect()
});

/// See [`SEPARATOR`] and the module documentation.
fn classify_char(c: char) -> u8 {
    if vntask_tokenizer::is_mark(c) {
        return STOP;
    }
    let folded = vntask_tokenizer::fold_char(c);
    if crate::is_alphanumeric(c) {
        if folded.is_ascii_alphanumeric() {
            folded as u8
        } else {
            STOP
        }
    } else if folded.is_alphanumeric() {
        STOP
    } else {
        SEPARATOR
    }
}

/// The last word of each directive verb (`giao`, `cau` of `yêu cầu`, `nghi` of `đề nghị`),
/// as constants: every word is compared with them, and comparing with a table read through
/// a lazy static cost a load and a length check a verb (the tests hold them to
/// [`DIRECTIVE_VERBS`](super::DIRECTIVE_VERBS)).
const VERB_ENDS: [u64; 3] = [pack_word(b"giao"), pack_word(b"cau"), pack_word(b"nghi")];

static TITLES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(TITLE_WORDS.iter().map(|w| WordKey::of(w.as_bytes()))));

/// Whether `classify(text, mentions, false)` is `None` for the mentions of `text`, whatever
/// they are; `false` when that cannot be told from the words.
pub fn cannot_classify(text: &str, starts: &MentionStarts) -> bool {
    no_mention_after(text, starts, Heads::Shapes)
}

/// Whether no mention of `text` comes right after a directive verb and title words (`đề
/// nghị các Sở Y`, shape (b) of the module documentation): a lead-in needs one
/// (`blocks::intro_roles`); `false` when that cannot be told from the words.
pub fn cannot_direct(text: &str, starts: &MentionStarts) -> bool {
    no_mention_after(text, starts, Heads::Verbs)
}

/// Whether no mention of `text` has only title words before it (shape (a)): a text that
/// names agencies and nothing else needs one (`blocks::names_only`); `false` when that
/// cannot be told from the words.
pub fn cannot_open_with_mention(text: &str, starts: &MentionStarts) -> bool {
    no_mention_after(text, starts, Heads::Titles)
}

/// Whether `text` opens (folded) with one of [`OPENERS`]. The fold's first char is told
/// once: most texts open with a letter no opener does (`B` of `Bộ`, `C` of `Các`), and
/// folding the text's start against each of the ten openers in turn showed in profiles.
fn opens_with_opener(text: &str) -> bool {
    // The first char of what `fold_starts_with` compares (marks are dropped).
    let Some(first) = text
        .chars()
        .find(|c| !vntask_tokenizer::is_mark(*c))
        .map(vntask_tokenizer::fold_char)
    else {
        return false;
    };
    OPENERS
        .iter()
        .any(|o| o.starts_with(first) && vntask_tokenizer::fold_starts_with(text, o))
}

/// Whether `cannot_classify(&whole[part])` follows from `cannot_classify(whole)`, without
/// reading the part: when it opens `whole` and ends before white space (an item's first
/// sentence, `a) Tình hình ... năm 2024. Các bộ ...`). No char of `whole` stopped the
/// proof, so none of the part does; reading the part alone, the words
/// up to its end are those of `whole` and are read in the same state (the part opens with
/// an opener only if `whole` does); its last word is settled with no word after it, which
/// only lets fewer mentions start there (a second word only adds pairs). So whatever the
/// part's reading finds, the reading of `whole` found too.
pub fn prefix_follows(whole: &str, part: &std::ops::Range<usize>) -> bool {
    part.start == 0
        && whole
            .as_bytes()
            .get(part.end)
            .is_some_and(u8::is_ascii_whitespace)
}

/// Which heads a mention may have: any of the three shapes, only a directive verb's, or
/// only title words.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Heads {
    Shapes,
    Verbs,
    Titles,
}

/// Whether no mention can start in `text` with a head of the shapes `heads` names (see the
/// module documentation); `false` when that cannot be told from the words.
///
/// Inlined into each of the three callers, so that each reads the text with its `heads`
/// known (no test of it for every word).
#[inline(always)]
fn no_mention_after(text: &str, starts: &MentionStarts, heads: Heads) -> bool {
    let titles = &*TITLES;
    let classes = CLASSES.as_slice();
    // Whether the text opens with an introductory phrase: only a comma asks (and only for
    // the three shapes: `Some(false)` stands for "no").
    let mut opener: Option<bool> = (heads != Heads::Shapes).then_some(false);
    // Before the first word, the head is empty: only titles (shape a), when it counts.
    let mut eligible = heads != Heads::Verbs;
    let verbs_count = heads != Heads::Titles;
    // The word being read: its packed key bytes and its length.
    let mut word = 0u64;
    let mut len = 0usize;
    // The word before it, settled once the word after it is known (a mention of two words
    // or more needs its second word: see `MentionStarts`), and whether a comma stands
    // between the two.
    let mut pending: Option<WordKey> = None;
    let mut comma = false;
    // Reads word `key`, followed by `next`; `false` when a mention may start at it while
    // eligible. Inlined: called for every word, a call cost more than most words' reading.
    #[inline(always)]
    fn settle(
        key: WordKey,
        next: Option<WordKey>,
        eligible: &mut bool,
        (starts, titles, verbs_count): (&MentionStarts, &WordSet, bool),
    ) -> bool {
        if *eligible && starts.may_start(key, next) {
            return false;
        }
        if verbs_count && !key.long && VERB_ENDS.contains(&key.packed) {
            *eligible = true;
        } else if *eligible && !titles.contains(key) {
            *eligible = false;
        }
        true
    }
    let tables = (starts, titles, verbs_count);
    // The word just read ends: the one before it is settled, knowing this one.
    macro_rules! end_word {
        () => {{
            let key = WordKey {
                packed: word,
                long: len > 8,
            };
            if let Some(previous) = pending {
                if !settle(previous, Some(key), &mut eligible, tables) {
                    return false;
                }
                // Only title words keep a head of titles, and nothing makes it one again
                // once a word is not: no mention after it can have one. What follows is
                // not read (a char there that stops the proof cannot undo it: the words up
                // to here and the one after them were read whole, and every mention after
                // them has this word in its head).
                if !eligible && heads == Heads::Titles {
                    return true;
                }
            }
            // A comma before this word, in a text opening with an introductory phrase.
            if comma && *opener.get_or_insert_with(|| opens_with_opener(text)) {
                eligible = true;
            }
            pending = Some(key);
            comma = false;
            word = 0;
            len = 0;
        }};
    }
    let bytes = text.as_bytes();
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        let class = if byte.is_ascii() {
            index += 1;
            ASCII[usize::from(byte)]
        } else {
            // A two- or three-byte char decoded by hand (`text` is UTF-8); a longer one
            // is classed from its char.
            let continuation = |at: usize| u32::from(bytes.get(at).copied().unwrap_or(0) & 0x3F);
            let lead = u32::from(byte);
            let (code, width) = match byte {
                0xC0..=0xDF => (((lead & 0x1F) << 6) | continuation(index + 1), 2),
                0xE0..=0xEF => (
                    ((lead & 0x0F) << 12)
                        | (continuation(index + 1) << 6)
                        | continuation(index + 2),
                    3,
                ),
                _ => (u32::MAX, 4),
            };
            let class = match classes.get(code as usize) {
                Some(&class) if class != LATER => class,
                _ => match text.get(index..).and_then(|rest| rest.chars().next()) {
                    Some(c) => classify_char(c),
                    None => STOP,
                },
            };
            index += width;
            if class == STOP {
                return false;
            }
            class
        };
        if class < SEPARATOR {
            word = shift_in(word, class);
            len += 1;
            continue;
        }
        if len > 0 {
            end_word!();
        }
        comma |= byte == b',';
    }
    // The end of the text ends the last word as a space would (what `end_word` resets is
    // not read again).
    if len > 0 {
        end_word!();
    }
    let _ = (word, len, comma);
    pending.is_none_or(|last| settle(last, None, &mut eligible, tables))
}

#[cfg(test)]
mod tests {
    use super::super::classify;
    use super::*;
    use crate::agencies::{self, AgencyContext};

    /// The documents of `seeds/` and `fixtures/docs/`, read as assembly reads them.
    fn documents() -> Vec<vntask_ingest::Document> {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        let mut out = Vec::new();
        for dir in ["seeds", "fixtures/docs"] {
            for entry in std::fs::read_dir(format!("{root}/{dir}"))
                .into_iter()
                .flatten()
                .flatten()
            {
                let name = entry.file_name().to_string_lossy().into_owned();
                let Ok(bytes) = std::fs::read(entry.path()) else {
                    continue;
                };
                if let Ok(document) = vntask_ingest::read(&bytes, &name, &Default::default()) {
                    out.push(document);
                }
            }
        }
        out
    }

    /// Whether the gate is right about `text`: when it says no shape, the full path finds
    /// none, and no mention at all has a head of any shape; when it says no mention after a
    /// directive verb, none has. Returns what the gate said.
    fn check(text: &str, context: &AgencyContext) -> bool {
        let starts = agencies::mention_starts(context);
        let rejected = cannot_classify(text, starts);
        let mentions = agencies::find(text, context);
        let head = |m: &agencies::AgencyMention| text.get(..m.range.start).unwrap_or_default();
        if rejected {
            assert!(
                classify(text, &mentions, false).is_none(),
                "{text:?}: {mentions:?}"
            );
            for mention in &mentions {
                let head = head(mention);
                assert!(
                    !super::super::only_titles(head)
                        && !super::super::is_intro_adverbial(head)
                        && !super::super::ends_with_directive_verb(head),
                    "{text:?}: {mention:?}"
                );
            }
        }
        if cannot_open_with_mention(text, starts) {
            for mention in &mentions {
                assert!(
                    !super::super::only_titles(head(mention)),
                    "{text:?}: {mention:?}"
                );
            }
        }
        if cannot_direct(text, starts) {
            for mention in &mentions {
                assert!(
                    !super::super::ends_with_directive_verb(head(mention)),
                    "{text:?}: {mention:?}"
                );
            }
        }
        rejected
    }

    #[test]
    fn no_text_the_gate_rejects_has_a_shape() {
        let context = AgencyContext::default();
        let (mut rejected, mut kept) = (0, 0);
        for document in documents() {
            for block in &document.blocks {
                let texts = std::iter::once(0..block.text.len())
                    .chain(vntask_tokenizer::sentences(&block.text))
                    .filter_map(|range| block.text.get(range));
                for text in texts {
                    if check(text, &context) {
                        rejected += 1;
                    } else {
                        kept += 1;
                    }
                }
            }
        }
        assert!(rejected > 500 && kept > 500, "{rejected} {kept}");
    }

    #[test]
    fn the_gate_keeps_every_shape_and_rejects_plain_prose() {
        let context = AgencyContext::default();
        for kept in [
            "Giao Bộ Tài chính chủ trì xây dựng Nghị định.",
            "Giao Bo Tai chinh chu tri xay dung Nghi dinh.",
            "Chính phủ giao Tổng cục Thống kê công bố số liệu.",
            "Thủ tướng Chính phủ yêu cầu Bộ trưởng Bộ Y tế khẩn trương hoàn thiện Đề án.",
            "Đề nghị các bộ, ngành, địa phương khẩn trương triển khai.",
            "Về hạ tầng số, Bộ Thông tin và Truyền thông chủ trì.",
            "Thứ tám, về an ninh mạng, lãnh đạo các bộ khẩn trương rà soát.",
            "Bộ Y tế khẩn trương hoàn thiện Đề án.",
            "Cục Điện lực chủ trì, phối hợp với các đơn vị.",
            "Tỉnh ủy chỉ đạo tổng kết.",
            "UBND TP. Hà Nội yêu cầu các sở rà soát.",
            "“Bộ Công an” chủ trì.",
            "Các đồng chí Chủ tịch Ủy ban nhân dân các tỉnh chỉ đạo.",
            "NHNN khẩn trương rà soát.",
        ] {
            assert!(!check(kept, &context), "{kept}");
        }
        let starts = agencies::mention_starts(&context);
        for lead_in in [
            "Bộ Y tế đề nghị các Sở Y tế:",
            "Thủ tướng Chính phủ yêu cầu Bộ Tài chính thực hiện các nhiệm vụ sau:",
            "Giao Cục Điện lực:",
        ] {
            assert!(!cannot_direct(lead_in, starts), "{lead_in}");
        }
        for no_lead_in in [
            "Bộ Y tế đã tổng hợp ý kiến như sau:",
            "Giao nhiệm vụ như sau:",
        ] {
            assert!(cannot_direct(no_lead_in, starts), "{no_lead_in}");
        }
        for rejected in [
            "Tăng cường công tác kiểm tra, giám sát.",
            "Sau khi nghe Bộ Y tế báo cáo, Thủ tướng kết luận.",
            "Triển khai theo hướng dẫn của Bộ Y tế.",
            "Kinh tế năm 2024 tăng trưởng khá – “vượt” kế hoạch…",
            "",
        ] {
            assert!(check(rejected, &context), "{rejected}");
        }
        // A combining mark, or a letter that folds to no ASCII letter: left to the full path.
        for unclear in [
            "Tăng cường gia\u{301}o dục.",
            "Tăng cường ĸiểm tra.",
            "Tăng Ωmega.",
        ] {
            assert!(!check(unclear, &context), "{unclear}");
        }
    }

    #[test]
    fn a_shapeless_text_opens_with_a_shapeless_sentence() {
        let context = AgencyContext::default();
        let starts = agencies::mention_starts(&context);
        let mut followed = 0;
        let texts = documents()
            .into_iter()
            .flat_map(|d| d.blocks.into_iter().map(|b| b.text))
            .chain(
                [
                    "Về hạ tầng số. Bộ Y tế chủ trì.",
                    "Tăng cường kiểm tra, giám sát. Giao Bộ Y tế chủ trì.",
                    "Nhất trí chủ trương. Bộ Y tế chủ trì.",
                    "Sau khi nghe Bộ Y tế báo cáo. Thủ tướng kết luận.",
                ]
                .map(String::from),
            );
        for text in texts {
            if !cannot_classify(&text, starts) {
                continue;
            }
            for range in vntask_tokenizer::sentences(&text) {
                if prefix_follows(&text, &range) {
                    let part = text.get(range.clone()).unwrap_or_default();
                    assert!(cannot_classify(part, starts), "{text:?} {range:?}");
                    followed += 1;
                }
            }
        }
        assert!(followed > 50, "{followed}");
    }

    #[test]
    fn the_verb_ends_are_the_directive_verbs_last_words() {
        let ends: Vec<u64> = super::super::DIRECTIVE_VERBS
            .iter()
            .filter_map(|verb| verb.rsplit(' ').next())
            .map(|word| pack_word(word.as_bytes()))
            .collect();
        assert_eq!(ends, VERB_ENDS);
    }

    #[test]
    fn the_class_table_is_what_classing_each_char_gives() {
        for code in 0..CLASSES_END {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            match CLASSES.get(code as usize) {
                Some(&LATER) => {}
                Some(&class) => assert_eq!(class, classify_char(c), "U+{code:04X}"),
                None => panic!("U+{code:04X}"),
            }
        }
        for byte in 0..128u8 {
            assert_eq!(ASCII[usize::from(byte)], classify_char(char::from(byte)));
        }
    }
}
