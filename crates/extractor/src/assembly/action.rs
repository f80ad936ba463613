//! Where a task's work begins after its subject: past the words that hand out roles rather
//! than name work. In `Bộ Xây dựng chủ trì, phối hợp với Bộ Tài chính hướng dẫn các địa
//! phương`, the action is `hướng dẫn các địa phương`: `chủ trì` (chairs) and `phối hợp với
//! Bộ Tài chính` (in coordination with) are already in the task's lead and support.

use crate::agencies::{self, AgencyContext, AgencyMention};

/// `chủ trì`: the subject chairs the work.
const CHAIR: &str = "chu tri";

/// Words (folded) after which the coordinating bodies are named: `phối hợp (chặt chẽ) với
/// Y`, `cùng với Y`. Longer first: `phối hợp` alone is tried after `phối hợp với`.
const COORDINATE_WITH: &[&str] = &[
    "phoi hop chat che voi",
    "chu dong phoi hop voi",
    "phoi hop voi",
    "phoi hop",
    "cung voi",
];

/// Words (folded) after the coordinating bodies themselves: `X chủ trì, Y phối hợp`,
/// `Y cùng phối hợp`, `Y tham gia phối hợp`.
const COORDINATE: &[&str] = &["cung phoi hop", "tham gia phoi hop", "phoi hop"];

/// Separators between the role phrases and before the work.
const SEPARATORS: [char; 4] = [' ', ',', ':', '-'];

/// The byte offset in `rest` (the text after a task's subject) where its work begins: `0`
/// when `rest` opens with no role phrase, or when the role phrases are all there is.
///
/// A coordination phrase is skipped only with the bodies it names (found in `context`):
/// `phối hợp, nghiên cứu đầu tư` names none, so `phối hợp` is part of the work.
pub fn work_start(rest: &str, context: &AgencyContext) -> usize {
    let mut at = 0;
    let mut after_chair = false;
    loop {
        let text = rest.get(at..).unwrap_or_default();
        let trimmed = text.trim_start_matches(SEPARATORS);
        let pos = at + (text.len() - trimmed.len());
        if let Some(after) = strip_words(trimmed, CHAIR) {
            at = pos + (trimmed.len() - after.len());
            after_chair = true;
            continue;
        }
        if let Some(after) = COORDINATE_WITH.iter().find_map(|w| strip_words(trimmed, w)) {
            let named = after.trim_start();
            let Some(end) = list_end(named, context) else {
                break;
            };
            at = pos + (trimmed.len() - named.len()) + end;
            after_chair = false;
            continue;
        }
        // `X chủ trì, Y (và Z) phối hợp`: only right after `chủ trì`, so that a task whose
        // work opens with a body's name is not searched for bodies again.
        if after_chair {
            if let Some(end) = list_end(trimmed, context) {
                let after_list = trimmed.get(end..).unwrap_or_default().trim_start();
                if let Some(after) = COORDINATE.iter().find_map(|w| strip_words(after_list, w)) {
                    at = pos + (trimmed.len() - after.len());
                    after_chair = false;
                    continue;
                }
            }
        }
        break;
    }
    let left = rest.get(at..).unwrap_or_default();
    if !left.chars().any(crate::is_alphanumeric) {
        0
    } else {
        at
    }
}

/// Whether the bodies that open `text` (`mentions`, found in it) are followed by `phối hợp`:
/// they coordinate (`Bộ Tài chính phối hợp hướng dẫn`), they do not lead.
pub fn coordinates_after_list(text: &str, mentions: &[AgencyMention]) -> bool {
    list_end_among(text, mentions).is_some_and(|end| {
        let after = text.get(end..).unwrap_or_default().trim_start();
        COORDINATE.iter().any(|w| strip_words(after, w).is_some())
    })
}

/// `text` after `words` (folded, single-spaced) when it opens with them as whole words.
fn strip_words<'a>(text: &'a str, words: &str) -> Option<&'a str> {
    let mut wanted = words.chars().peekable();
    let mut end = 0;
    for (index, c) in text.char_indices() {
        if wanted.peek().is_none() {
            break;
        }
        end = index + c.len_utf8();
        if vntask_tokenizer::is_mark(c) {
            continue;
        }
        if wanted.next() != Some(vntask_tokenizer::fold::fold_char(c)) {
            return None;
        }
    }
    if wanted.peek().is_some() {
        return None;
    }
    let after = text.get(end..)?;
    // Marks that still belong to the last letter, then a word boundary.
    let after = after.trim_start_matches(vntask_tokenizer::is_mark);
    match after.chars().next() {
        Some(c) if crate::is_alphanumeric(c) => None,
        _ => Some(after),
    }
}

/// The end of the bodies listed at the very start of `text` (`Bộ Tài chính, Bộ Công Thương
/// và các cơ quan liên quan`), `None` when `text` does not open with one.
fn list_end(text: &str, context: &AgencyContext) -> Option<usize> {
    list_end_among(text, &agencies::find(text, context))
}

/// [`list_end`] with the bodies of `text` found already.
fn list_end_among(text: &str, mentions: &[AgencyMention]) -> Option<usize> {
    let first = mentions.first().filter(|m| m.range.start == 0)?;
    let mut end = first.range.end;
    for next in mentions.iter().skip(1) {
        let gap = text.get(end..next.range.start).unwrap_or("-");
        let gap = gap.trim_matches([' ', ',']);
        if !(gap.is_empty() || gap == "và" || gap == "hoặc") {
            break;
        }
        end = next.range.end;
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn work(rest: &str) -> &str {
        &rest[work_start(rest, &AgencyContext::default())..]
    }

    #[test]
    fn chairing_and_coordination_are_not_work() {
        assert_eq!(
            work(" chủ trì, phối hợp với Bộ Tài chính hướng dẫn các địa phương"),
            " hướng dẫn các địa phương"
        );
        assert_eq!(
            work(" chủ trì, phối hợp chặt chẽ với Bộ Công an, Bộ Quốc phòng và các cơ quan liên quan tổ chức kiểm tra"),
            " tổ chức kiểm tra"
        );
        assert_eq!(
            work("Phối hợp với các bộ, ngành, địa phương xác định lộ trình"),
            " xác định lộ trình"
        );
        assert_eq!(
            work(" chủ trì, Bộ Tài chính và Bộ Công Thương phối hợp hướng dẫn"),
            " hướng dẫn"
        );
        assert_eq!(work(" chủ trì kiểm tra giá điện"), " kiểm tra giá điện");
    }

    #[test]
    fn coordination_without_bodies_is_work() {
        let rest = "phối hợp, nghiên cứu đầu tư phù hợp";
        assert_eq!(work(rest), rest);
        let rest = " phối hợp tốt với địa phương";
        assert_eq!(work(rest), rest);
        // Nothing but roles: the action keeps them rather than vanish.
        let rest = " chủ trì, phối hợp với Bộ Tài chính.";
        assert_eq!(work(rest), rest);
        let rest = " chủ trì.";
        assert_eq!(work(rest), rest);
    }

    #[test]
    fn words_must_end_where_the_text_word_ends() {
        // `chủ trìx` is not `chủ trì`; `Phối hợp` folds to `phoi hop`.
        assert_eq!(strip_words("chủ trìx, A", CHAIR), None);
        assert_eq!(strip_words("Phối hợp với A", "phoi hop voi"), Some(" A"));
        assert_eq!(strip_words("chủ", CHAIR), None);
        // A body after `chủ trì` that is not followed by `phối hợp` stays.
        let rest = " chủ trì, Bộ Tài chính hướng dẫn";
        assert_eq!(work(rest), ", Bộ Tài chính hướng dẫn");
    }
}
