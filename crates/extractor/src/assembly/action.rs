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
/// A coordination phrase is skipped only with the bodies it names: `phối hợp, nghiên cứu
/// đầu tư` names none, so `phối hợp` is part of the work. The bodies are read off `known`
/// (the task's own mentions, as written) where they settle the list, and are otherwise
/// found in `context`.
pub fn work_start(rest: &str, known: &[&str], context: &AgencyContext) -> usize {
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
            let Some(end) = list_end(named, known, context) else {
                break;
            };
            at = pos + (trimmed.len() - named.len()) + end;
            after_chair = false;
            continue;
        }
        // `X chủ trì, Y (và Z) phối hợp`: only right after `chủ trì`, so that a task whose
        // work opens with a body's name is not searched for bodies again.
        if after_chair {
            if let Some(end) = list_end(trimmed, known, context) {
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
fn list_end(text: &str, known: &[&str], context: &AgencyContext) -> Option<usize> {
    if let Some(end) = known_list_end(text, known) {
        return Some(end);
    }
    // Only the bodies at the start count: they are looked for up to the clause's end (`;`)
    // and in at most `LIST_SEARCH` bytes, not in the whole rest of the task.
    let mut end = text.find(';').unwrap_or(text.len()).min(LIST_SEARCH);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text.get(..end).unwrap_or(text);
    list_end_among(head, &agencies::find(head, context))
}

/// [`list_end`] read off the task's own mentions (`known`, as written), when they settle it:
/// the list is made of them and what follows it is a lower-case word other than `các`
/// (a verb: the work). Anything else (a group, `các cơ quan liên quan`, or a body the task
/// does not name in that role) is left to the finder.
fn known_list_end(text: &str, known: &[&str]) -> Option<usize> {
    let known_at = |at: usize| {
        let rest = text.get(at..).unwrap_or_default();
        known
            .iter()
            .filter(|k| !k.is_empty() && rest.starts_with(**k))
            .map(|k| k.len())
            .max()
    };
    let mut end = known_at(0)?;
    loop {
        let after = text.get(end..).unwrap_or_default();
        let gap = [", và ", ", hoặc ", " và ", " hoặc ", ", "]
            .iter()
            .find(|g| after.starts_with(**g))
            .map_or(0, |g| g.len());
        match known_at(end + gap) {
            Some(len) if gap > 0 => end += gap + len,
            _ => break,
        }
    }
    let next = text.get(end..).unwrap_or_default();
    let next = next.trim_start_matches([' ', ',']);
    let next = next
        .strip_prefix("và ")
        .or_else(|| next.strip_prefix("hoặc "))
        .unwrap_or(next);
    let word = next.split(' ').next().unwrap_or_default();
    let settled = word.starts_with(|c: char| c.is_lowercase()) && word != "các";
    settled.then_some(end)
}

/// How far [`list_end`] looks for the bodies a role phrase names: longer than any list of
/// coordinators in the fixtures (`phối hợp với Bộ Thông tin và Truyền thông, Văn phòng Chính
/// phủ, Bộ Tư pháp và các bộ, cơ quan liên quan` is 150 bytes).
const LIST_SEARCH: usize = 400;

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
        &rest[work_start(rest, &[], &AgencyContext::default())..]
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
    fn the_task_own_mentions_settle_a_list_as_the_finder_does() {
        let context = AgencyContext::default();
        for (text, settled) in [
            (
                "Bộ Tài chính, Bộ Công Thương và Bộ Xây dựng hướng dẫn",
                true,
            ),
            ("Bộ Tài chính hoặc Bộ Xây dựng tổng hợp", true),
            ("Bộ Tài chính và các cơ quan liên quan tổng hợp", false),
            ("Bộ Tài chính, Ngân hàng Nhà nước Việt Nam kiểm tra", true),
            (
                "Bộ Tài chính, Đoàn Thanh niên Cộng sản Hồ Chí Minh tổ chức",
                true,
            ),
        ] {
            let mentions = agencies::find(text, &context);
            // As a task's roles keep them: named bodies, not groups.
            let known: Vec<&str> = mentions
                .iter()
                .filter(|m| m.groups.is_empty())
                .map(|m| m.mention.as_str())
                .collect();
            let by_finder = list_end_among(text, &mentions);
            assert_eq!(known_list_end(text, &known).is_some(), settled, "{text}");
            if settled {
                assert_eq!(known_list_end(text, &known), by_finder, "{text}");
            }
            // Without the later bodies known, the list is left to the finder.
            assert_eq!(known_list_end(text, &known[..1]), None, "{text}");
        }
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
