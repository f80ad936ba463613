//! Bodies outside the gazetteer, told by the grammar of their names (rule `AG009`).
//!
//! A ministry's own documents assign work to its units: `Cục Điện lực`, `Vụ Kế hoạch - Tài
//! chính`, `Viện Năng lượng`, `Văn phòng Bộ`; a province's to its newspaper (`Báo Quảng
//! Trị`) or a commune's `Phòng Kinh tế`. No list holds them all, but their names have one
//! shape: a head noun of administration (`Cục`, `Vụ`, `Viện`, `Trung tâm`, ...) written with
//! a capital, then a name that opens with a capital (`Cục Quản lý và Xây dựng công trình
//! thủy lợi`). The name runs on, lower-case words included, until punctuation, a function
//! word (`các`, `tại`, `của`, `thuộc`, ...) or a verb of the assignment (`chủ trì`, `phối
//! hợp`, `kiểm tra`, ...); when no such end comes within a few words, only its capitalised
//! words are kept.
//!
//! `Văn phòng Bộ` and `Thanh tra Bộ` in a ministry's document are that ministry's
//! (`Văn phòng Bộ Công Thương`), as `Sở Tài chính` in a province's is the province's; followed
//! by the ministry's name they are one body, not the ministry.
//!
//! The Party's bodies have the same shape: `Đảng ủy Công an tỉnh` (the Party's committee of a
//! body the gazetteer knows, named with that body's full name), `Ban Tổ chức Tỉnh ủy`,
//! `Văn phòng Tỉnh ủy` (a province committee's boards, named with the province's proper
//! name in a provincial document: `Văn phòng Tỉnh ủy Hà Tĩnh`).
//!
//! The grammar only reads what the gazetteer left: a name the gazetteer knows keeps its id.

use super::{AgencyContext, AgencyMention};
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

mod vocabulary;

use vocabulary::{
    FUNCTION_WORDS, HEADS, MAX_TAIL_WORDS, MINISTRY_UNITS, OBJECT_VERBS, PARTY_UNITS,
    PROVINCE_COMMITTEES, VERB_PAIRS,
};

/// The head nouns, one automaton (leftmost-longest: `Ban Quản lý` before `Ban`).
static HEAD_FINDER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(HEADS)
        .ok()
});

/// The head nouns the grammar starts a unit at (`Cục`, `Ban Quản lý`, `Tỉnh ủy`), as written.
pub(super) fn head_words() -> impl Iterator<Item = &'static str> {
    HEADS.iter().copied()
}

/// Adds the units that the grammar finds in the gaps between `mentions` (kept in text order).
pub(super) fn add(text: &str, mentions: &mut Vec<AgencyMention>, context: &AgencyContext) {
    let Some(finder) = HEAD_FINDER.as_ref() else {
        return;
    };
    let mut found: Vec<AgencyMention> = Vec::new();
    for head in finder.find_iter(text) {
        let start = head.start();
        // A name opens with a capital after the head's space (`Báo cáo`, `Ban hành`, `Phòng,
        // chống` end here, before anything costlier).
        let opens_name = text
            .get(head.end() + 1..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_uppercase)
            || (text.get(start..head.end()) == Some("Ban Quản lý")
                && board::board_name_end(text, head.end() + 1).is_some());
        // `Tổ quốc` (the fatherland) is no team.
        let fatherland = head.end() - start == "Tổ".len()
            && text
                .get(head.end() + 1..)
                .is_some_and(|rest| rest.starts_with("Quốc") || rest.starts_with("quốc"));
        // `Tỉnh đoàn`, `Tỉnh ủy` standing alone are the province's youth union and Party
        // committee: a whole name.
        let whole = text.get(start..head.end()).unwrap_or_default();
        if !opens_name
            && PROVINCE_COMMITTEES.iter().any(|(c, _)| *c == whole)
            && is_whole_word(text, start..head.end())
            && found.last().is_none_or(|u| u.range.end <= start)
            && !covered(mentions, start)
        {
            found.push(unit(
                text,
                start..head.end(),
                provincial_name(whole, context),
            ));
            continue;
        }
        if !opens_name
            || fatherland
            || found.last().is_some_and(|u| u.range.end > start)
            || covered(mentions, start)
            || head_at(text, start).is_none_or(|h| h.len() != head.len())
            || after_object_verb(text, start)
        {
            continue;
        }
        let Some(head) = HEADS.get(head.pattern().as_usize()) else {
            continue;
        };
        if let Some(unit) = unit_at(text, start, head, mentions, context) {
            found.push(unit);
        }
    }
    if found.is_empty() {
        return;
    }
    // Merge the two lists in text order; a ministry's name taken into `Văn phòng Bộ X` is no
    // longer a mention of its own.
    let old = std::mem::take(mentions);
    let mut units = found.into_iter().peekable();
    for m in old {
        while let Some(u) = units.next_if(|u| u.range.start < m.range.start) {
            mentions.push(u);
        }
        let taken = mentions
            .last()
            .is_some_and(|u| u.rule == "AG009" && u.range.end > m.range.start);
        if !taken {
            mentions.push(m);
        }
    }
    mentions.extend(units);
}

/// Adds the bodies a responsibility cell of a task table names by a head noun but with a
/// lower-case name (`Tổ công nghệ số cộng đồng`): in running text the capital tells where a
/// name begins, in a cell the items (apart by `;`, `,` or a line) tell it. Items a mention
/// already covers, and groups (`Các khu phố`), are left.
pub(super) fn add_cell_items(
    cell: &str,
    mentions: &mut Vec<AgencyMention>,
    context: &AgencyContext,
) {
    let mut start = 0;
    let mut items = Vec::new();
    for (at, c) in cell.char_indices() {
        if matches!(c, ';' | ',' | '\n') {
            items.push(start..at);
            start = at + c.len_utf8();
        }
    }
    items.push(start..cell.len());
    for item in items {
        let Some(raw) = cell.get(item.clone()) else {
            continue;
        };
        let lead = raw.len() - raw.trim_start().len();
        let range = item.start + lead..item.start + raw.trim_end().len();
        let Some(name) = cell.get(range.clone()) else {
            continue;
        };
        let overlaps = mentions
            .iter()
            .any(|m| m.range.start < range.end && range.start < m.range.end);
        let words = name.split_whitespace().count();
        let headed = head_at(cell, range.start).is_some_and(|head| name.len() > head.len());
        if overlaps || !headed || words > MAX_TAIL_WORDS || after_object_verb(cell, range.start) {
            continue;
        }
        let at = mentions.partition_point(|m| m.range.start < range.start);
        let found = unit(cell, range, provincial_name(name, context));
        mentions.insert(at, found);
    }
}

/// Whether the two words before `index` are a verb of [`OBJECT_VERBS`].
fn after_object_verb(text: &str, index: usize) -> bool {
    let before = text.get(..index).unwrap_or_default().trim_end();
    let mut words = before.rsplit(' ');
    let (Some(second), Some(first)) = (words.next(), words.next()) else {
        return false;
    };
    OBJECT_VERBS.iter().any(|verb| is_pair(first, second, verb))
}

/// Whether `word` lower-cased is `lower` (no allocation; Vietnamese letters keep their UTF-8
/// length in lower case, so other lengths are settled at once).
fn lower_is(word: &str, lower: &str) -> bool {
    word.len() == lower.len() && vntask_tokenizer::lowercase_is(word, lower)
}

/// Whether `first second` lower-cased is the two-word `pair`.
/// The lengths are compared first (lower-casing keeps a Vietnamese letter's UTF-8 length, and
/// [`lower_is`] wants equal lengths): most pairs are settled without splitting them.
fn is_pair(first: &str, second: &str, pair: &str) -> bool {
    pair.len() == first.len() + 1 + second.len()
        && pair
            .split_once(' ')
            .is_some_and(|(a, b)| lower_is(first, a) && lower_is(second, b))
}

fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.iter().any(|w| lower_is(word, w))
}

/// Whether `word` and the word after it are a two-word verb of [`VERB_PAIRS`].
fn is_verb_pair(word: &str, next: Option<&str>) -> bool {
    next.is_some_and(|next| VERB_PAIRS.iter().any(|pair| is_pair(word, next, pair)))
}

/// The head noun standing at `index`: at a word start, written as in [`HEADS`], followed by a
/// space.
fn head_at(text: &str, index: usize) -> Option<&'static str> {
    let starts_word = text
        .get(..index)?
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    if !starts_word {
        return None;
    }
    let rest = text.get(index..)?;
    HEADS.iter().copied().find(|h| {
        rest.strip_prefix(*h)
            .is_some_and(|after| after.starts_with(' '))
    })
}

/// Whether a mention covers `offset` (`mentions` are in text order and do not overlap, so a
/// binary search finds the one candidate: a long line with many names stays linear).
fn covered(mentions: &[AgencyMention], offset: usize) -> bool {
    let after = mentions.partition_point(|m| m.range.start <= offset);
    after
        .checked_sub(1)
        .and_then(|i| mentions.get(i))
        .is_some_and(|m| m.range.contains(&offset))
}

/// The unit whose head stands at `start`, if a name follows it.
fn unit_at(
    text: &str,
    start: usize,
    head: &str,
    mentions: &[AgencyMention],
    context: &AgencyContext,
) -> Option<AgencyMention> {
    let name_start = start + head.len() + 1;
    // `Đảng ủy Công an tỉnh`: the Party's committee of the body after it, in its full name
    // (`Đảng ủy Công an tỉnh Hà Tĩnh`).
    if PARTY_UNITS.contains(&head) {
        let at = mentions.partition_point(|m| m.range.start < name_start);
        if let Some(body) = mentions
            .get(at)
            .filter(|m| m.range.start == name_start && !m.name.is_empty())
        {
            return Some(unit(
                text,
                start..body.range.end,
                format!("{head} {}", body.name),
            ));
        }
    }
    // `Văn phòng Bộ Công Thương`: the unit with the ministry's name.
    if MINISTRY_UNITS.contains(&head) {
        let at = mentions.partition_point(|m| m.range.start < name_start);
        if let Some(ministry) = mentions
            .get(at)
            .filter(|m| m.range.start == name_start && m.name.starts_with("Bộ "))
        {
            return Some(unit(
                text,
                start..ministry.range.end,
                format!("{head} {}", ministry.name),
            ));
        }
        // `Văn phòng Bộ` alone, in a ministry's document.
        let rest = text.get(name_start..)?;
        if rest
            .strip_prefix("Bộ")
            .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric()))
        {
            let ministry = context.ministry.as_deref()?;
            let end = name_start + "Bộ".len();
            return Some(unit(text, start..end, format!("{head} {ministry}")));
        }
        // `Văn phòng Sở` alone, in a provincial department's document.
        if rest
            .strip_prefix("Sở")
            .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric()))
        {
            let department = context.department.as_deref()?;
            let end = name_start + "Sở".len();
            return Some(unit(text, start..end, format!("{head} {department}")));
        }
    }
    // `Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã`: the one office of a commune's or
    // district's council and committee.
    if head == "Văn phòng" {
        let rest = text.get(name_start..)?;
        if let Some(after) = ["Hội đồng nhân dân và Ủy ban nhân dân", "HĐND và UBND"]
            .iter()
            .find_map(|both| rest.strip_prefix(both))
        {
            if let Some(level) = local_level(after) {
                let end = name_start + (rest.len() - after.len()) + level;
                let name = text.get(start..end)?.to_string();
                return Some(unit(text, start..end, name));
            }
        }
    }
    // `Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh`: a management
    // board's name is a lower-case description closed by its level.
    if head == "Ban Quản lý" {
        if let Some(end) = board::board_name_end(text, name_start) {
            let name = text.get(start..end)?;
            return Some(unit(text, start..end, provincial_name(name, context)));
        }
    }
    // `Báo và Phát thanh, Truyền hình Tuyên Quang`: the province's press body is named by the
    // province's proper name alone, every word of it capitalised; the verb follows.
    if head == vocabulary::PROVINCIAL_PRESS {
        let end = capitalised_run_end(text, name_start)?;
        return Some(unit(text, start..end, text.get(start..end)?.to_string()));
    }
    let mut end = name_end(text, name_start, mentions)?;
    // `Trạm Y tế các xã, phường`: the unit of every commune named, with its list of levels.
    if let Some(levels) = text.get(end..).and_then(local::plural_levels) {
        let end = end + levels;
        return Some(unit(text, start..end, text.get(start..end)?.to_string()));
    }
    // `Bệnh viện Đa khoa tỉnh Hà Tĩnh`: the province the name ends with (found as a province,
    // from its `tỉnh`) belongs to the name.
    let at = mentions.partition_point(|m| m.range.start < name_start);
    if let Some(province) = mentions.get(at).filter(|m| {
        m.range.start <= end + 1
            && m.rule == "AG006"
            && m.id.as_deref().is_some_and(|id| id.starts_with("ubnd@"))
    }) {
        end = end.max(province.range.end);
        return Some(unit(text, start..end, text.get(start..end)?.to_string()));
    }
    let name = text.get(start..end)?;
    Some(unit(text, start..end, provincial_name(name, context)))
}

/// The end of the run of capitalised words from `from` (`Tuyên Quang` in `Tuyên Quang tăng
/// ...`), or `None` when the first word is not capitalised.
fn capitalised_run_end(text: &str, from: usize) -> Option<usize> {
    let rest = text.get(from..)?;
    let mut end = None;
    let mut at = 0;
    for word in rest.split(' ') {
        let letters = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !letters.starts_with(char::is_uppercase) {
            break;
        }
        end = Some(from + at + letters.len());
        if letters.len() < word.len() {
            // Punctuation after the word closes the name.
            break;
        }
        at += word.len() + 1;
    }
    end
}

/// `Bệnh viện Đa khoa tỉnh` in a provincial document is that province's: `Bệnh viện Đa khoa
/// tỉnh Quảng Trị` (as `Sở Tài chính` is `Sở Tài chính tỉnh X`, GUIDELINE.md).
fn provincial_name(name: &str, context: &AgencyContext) -> String {
    if let Some(province) = context.province.as_deref() {
        // `Văn phòng Tỉnh ủy`, `Ban Tổ chức Thành ủy`, `Tỉnh đoàn`: the province's Party
        // committee and youth union are named with the province's proper name (`Văn phòng
        // Tỉnh ủy Hà Tĩnh`, `Tỉnh đoàn Tây Ninh`).
        for (committee, level) in PROVINCE_COMMITTEES {
            let proper = province.strip_prefix(level);
            if let Some(proper) =
                proper.filter(|_| name == committee || ends_with_word(name, committee))
            {
                return format!("{name} {proper}");
            }
        }
        for level in ["tỉnh", "thành phố"] {
            let stem = name.strip_suffix(level).filter(|stem| stem.ends_with(' '));
            if let Some(stem) = stem.filter(|_| province.starts_with(level)) {
                return format!("{stem}{province}");
            }
        }
    }
    name.to_string()
}

/// Whether `range` of `text` is whole words: no letter or digit right before or after it.
fn is_whole_word(text: &str, range: std::ops::Range<usize>) -> bool {
    let before = text.get(..range.start).and_then(|t| t.chars().next_back());
    let after = text.get(range.end..).and_then(|t| t.chars().next());
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
}

/// Whether `name` ends with the words `tail`, as whole words.
fn ends_with_word(name: &str, tail: &str) -> bool {
    name.strip_suffix(tail)
        .is_some_and(|before| before.ends_with(' '))
}

fn unit(text: &str, range: std::ops::Range<usize>, name: String) -> AgencyMention {
    AgencyMention {
        mention: text.get(range.clone()).unwrap_or_default().to_string(),
        range,
        id: None,
        name,
        current: None,
        groups: Vec::new(),
        rule: "AG009",
    }
}

/// Where the name that begins at `from` ends, or `None` when no capitalised word opens it.
fn name_end(text: &str, from: usize, mentions: &[AgencyMention]) -> Option<usize> {
    let rest = text.get(from..)?;
    let mut words = Words { text: rest, at: 0 };
    let mut end = None;
    let mut tail = 0;
    while let Some((word_start, word_end, word, punct_after)) = words.next_word() {
        let absolute = from + word_start;
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if end.is_none() && !capitalised {
            return None;
        }
        let ends_here = word.chars().any(|c| c.is_ascii_digit())
            || (end.is_some() && capitalised && starts_another_body(text, absolute, mentions))
            || (!capitalised && is_function_word(word));
        if ends_here {
            break;
        }
        // A two-word verb ends the name before its first word.
        if !capitalised && is_verb_pair(word, words.peek_word()) {
            break;
        }
        // `và`, `-` join two parts of a name only before a capitalised word or more name.
        let joiner = lower_is(word, "và") || word == "-" || word == "–";
        if !joiner {
            if capitalised {
                tail = 0;
            } else {
                tail += 1;
                if tail > MAX_TAIL_WORDS {
                    return None;
                }
            }
            end = Some(from + word_end);
        }
        if punct_after {
            // `Cục Quản lý Khám, chữa bệnh`: a comma before a lower-case word that is neither
            // a function word nor a verb joins two parts of one name.
            if !words.comma_joins() {
                break;
            }
        }
    }
    end
}

/// Whether another body's name begins at `offset` (`Cục Điện lực và Cục Hóa chất`).
fn starts_another_body(text: &str, offset: usize, mentions: &[AgencyMention]) -> bool {
    if covered(mentions, offset) {
        return true;
    }
    let rest = text.get(offset..).unwrap_or_default();
    let word_len = rest.find(' ').unwrap_or(rest.len());
    if matches!(rest.get(..word_len), Some("Bộ" | "Sở" | "Ủy" | "UBND")) {
        return true;
    }
    head_at(text, offset).is_some_and(|head| {
        rest.get(head.len() + 1..)
            .and_then(|name| name.chars().next())
            .is_some_and(char::is_uppercase)
    })
}

/// Words of a name: runs of letters, digits, `-` and `–`, with whether punctuation other than
/// a space follows the word (the name ends there).
struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Words<'a> {
    fn next_word(&mut self) -> Option<(usize, usize, &'a str, bool)> {
        let rest = self.text.get(self.at..)?;
        let skipped = rest.len() - rest.trim_start_matches(' ').len();
        let start = self.at + skipped;
        let rest = self.text.get(start..)?;
        // Anything but a letter, digit or dash opens no word: the name has ended.
        let first = rest.chars().next()?;
        if !(first.is_alphanumeric() || first == '-' || first == '–') {
            return None;
        }
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '–'))
            .unwrap_or(rest.len());
        let end = start + len;
        self.at = end;
        let after = self.text.get(end..).and_then(|a| a.chars().next());
        let punct_after = after.is_some_and(|c| c != ' ');
        Some((start, end, self.text.get(start..end)?, punct_after))
    }

    /// At a `, ` that joins two parts of a name, steps over it and says so.
    fn comma_joins(&mut self) -> bool {
        let Some(rest) = self.text.get(self.at..).and_then(|r| r.strip_prefix(", ")) else {
            return false;
        };
        let mut after = Words {
            text: self.text,
            at: self.text.len() - rest.len(),
        };
        let Some((_, _, word, _)) = after.next_word() else {
            return false;
        };
        if word.chars().next().is_some_and(char::is_uppercase) {
            // `Phòng Kinh tế, Hạ tầng và Đô thị`, `Trung tâm Văn hóa, Thông tin và Thể thao`:
            // the fields of one name, listed up to a `và` before a capitalised word. (A
            // second body after the comma is told apart where the name is read on.)
            if !fields_up_to_va(word, &mut after) {
                return false;
            }
            self.at = self.text.len() - rest.len();
            return true;
        }
        if word.chars().next().is_none_or(|c| !c.is_lowercase())
            || is_function_word(word)
            || is_verb_pair(word, after.peek_word())
        {
            return false;
        }
        self.at = self.text.len() - rest.len();
        true
    }

    fn peek_word(&self) -> Option<&'a str> {
        let mut copy = Words {
            text: self.text,
            at: self.at,
        };
        copy.next_word().map(|(_, _, word, _)| word)
    }
}

/// Whether the words from `first` (already read from `words`) run, within four words and
/// with no punctuation, to a `và` followed by a capitalised word.
fn fields_up_to_va(first: &str, words: &mut Words) -> bool {
    let mut word = first;
    for _ in 0..4 {
        if lower_is(word, "và") {
            return words
                .peek_word()
                .and_then(|next| next.chars().next())
                .is_some_and(char::is_uppercase);
        }
        let Some((_, _, next, punct_after)) = words.next_word() else {
            return false;
        };
        if punct_after && !lower_is(next, "và") {
            return false;
        }
        if is_function_word(next) {
            return false;
        }
        word = next;
    }
    false
}

mod board;
mod local;
pub(super) use local::{committee_in_full, local_level, local_level_and_name, names_parent};
#[cfg(test)]
mod tests;
