//! Vietnamese text basics for vntask.
//!
//! - [`normalize`]: NFC, one tone-mark placement, one dash, quote and space of each kind,
//!   with an [`OffsetMap`] back to the input so spans can always be reported in original bytes.
//! - [`fold`]: lower case without diacritics (`Bộ Tài chính` ~ `bo tai chinh`), for matching.
//! - [`tokenize`]: syllables, numbers and punctuation with byte offsets.
//! - [`sentences`]: sentence splitting that knows `TP.`, `1.`, `104,9%`, `4.543/6.325`.
//! - [`numbers`]: reading `16,4`, `10.000`, `43/53` and numbers written in words.

pub mod fold;
pub mod letters;
pub mod lower;
pub mod marks;
pub mod normalize;
pub mod numbers;
pub mod sentences;
mod swar;
pub mod tokens;

pub use fold::{fold, fold_char, fold_starts_with, fold_with_offsets};
pub use letters::is_letter;
pub use lower::lowercase_is;
pub use marks::is_mark;
pub use normalize::{
    is_normal, is_normal_spaced, normalize, normalize_into, normalize_with_map, OffsetMap,
};
pub use numbers::{parse_number, parse_number_words, parse_ratio};
pub use sentences::{clauses, sentences};
pub use tokens::{tokenize, Token, TokenKind};
