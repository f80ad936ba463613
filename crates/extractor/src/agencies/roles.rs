//! Roles in one task text: who leads (the addressee), who supports (`phối hợp với`), and who
//! is merely mentioned (the assigner, a recipient, a cited body).
//!
//! Each mention is judged by the words right before it (in key form), skipping titles
//! (`Bộ trưởng`, `lãnh đạo`, `Chủ tịch`): a mention that directly continues a list
//! (`Bộ Công an, Bộ Quốc phòng và ...`) shares the role of the item before it.

use super::key::shared;
use super::{AgencyMention, Roles};

mod vocabulary;
use vocabulary::{
    ACTION_WORDS, GOVERNING_VERBS, LEAD_CUES, NEITHER_CUES, SUPPORT_CUES, TITLES, TRINH_NOUNS,
};

/// A mention's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Lead,
    Support,
    Neither,
}

/// Words that may stand before the subject at the start of a task (`Định kỳ hàng tháng`,
/// `Đồng thời`, `Trong đó`) without making it anything but the subject.
const MAX_SUBJECT_LEAD_IN_WORDS: usize = 4;

/// [`ends_with_words`] for a cue before a body, where a noun ending in the cue's word is not
/// the cue: `Về vận hành công trình, Cục X chỉ đạo ...` (works) is not `trình Cục X` (submit).
fn ends_with_cue(text: &str, cue: &str) -> bool {
    if !ends_with_words(text, cue) {
        return false;
    }
    if cue != "trinh" {
        return true;
    }
    let before = text[..text.len() - cue.len()].trim_end();
    let previous = before.rsplit(' ').next().unwrap_or_default();
    !TRINH_NOUNS.contains(&previous)
}

fn ends_with_words(text: &str, cue: &str) -> bool {
    // Most cues are settled by their last byte, before the comparisons' `memcmp` calls
    // (about 250,000 over 2 MB showed in profiles): a text that ends with another byte
    // neither is nor ends with the cue.
    if let (Some(last), Some(cue_last)) = (text.as_bytes().last(), cue.as_bytes().last()) {
        if last != cue_last {
            return false;
        }
    }
    text == cue
        || text
            .strip_suffix(cue)
            .is_some_and(|before| before.ends_with(|c: char| !c.is_alphanumeric()))
}

/// The text before a mention without the titles at its end (`Bộ trưởng`, `các`), trimmed
/// of spaces only.
fn strip_titles(mut gap: &str) -> &str {
    loop {
        let trimmed = gap.trim_end();
        let stripped = TITLES
            .iter()
            .find(|t| ends_with_words(trimmed, t))
            .and_then(|t| trimmed.strip_suffix(*t));
        match stripped {
            Some(rest) => gap = rest,
            None => return trimmed,
        }
    }
}

fn is_list_gap(gap: &str) -> bool {
    matches!(
        gap.trim().trim_start_matches(','),
        "" | "va" | "hoac" | "cung nhu"
    )
}

fn starts_with_words(text: &str, word: &str) -> bool {
    // A text that opens with another byte does not open with the word (see
    // [`ends_with_words`]).
    if let (Some(first), Some(word_first)) = (text.as_bytes().first(), word.as_bytes().first()) {
        if first != word_first {
            return false;
        }
    }
    text.strip_prefix(word)
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
}

/// Whether the words between two coordinators keep the list of coordinators going: they end
/// with `và` or a comma and hold no verb and no semicolon.
fn continues_support(gap: &str) -> bool {
    let trimmed = gap.trim_end();
    (ends_with_words(trimmed, "va") || trimmed.ends_with(','))
        && !gap.contains(';')
        && !gap
            .split(|c: char| !c.is_alphanumeric() && c != ' ')
            .any(|part| {
                let part = part.trim();
                ACTION_WORDS.iter().any(|w| {
                    part.match_indices(w).any(|(i, _)| {
                        let before_ok = i == 0 || part.as_bytes().get(i - 1) == Some(&b' ');
                        let after = part.get(i + w.len()..).unwrap_or_default();
                        before_ok && !after.starts_with(|c: char| c.is_alphanumeric())
                    })
                })
            })
}

/// Whether the whole gap between a leading body and the next is a governing verb
/// (`lãnh đạo`, `lãnh đạo, chỉ đạo`), with no punctuation before it: the next body is its
/// object, not a second subject.
fn is_governing_verb(gap: &str) -> bool {
    let gap = gap.trim_end();
    let gap = gap.strip_suffix(" cac").unwrap_or(gap);
    if gap.starts_with(|c: char| !c.is_whitespace()) || gap.trim_start().is_empty() {
        return false;
    }
    gap.split(',')
        .all(|part| GOVERNING_VERBS.contains(&part.trim()))
}

/// Whether a governing verb stands earlier in the gap with only its other objects after it
/// (`chỉ đạo Chính phủ, ` + `các bộ, ngành, địa phương`: those bodies are directed too, up
/// to a verb or a semicolon).
fn governed_object_inside(gap: &str) -> bool {
    gap.contains(" dao") && cue_then_list(gap, GOVERNING_VERBS)
}

/// Whether one of `cues` stands in the gap (its last occurrence at a word start) with only a
/// list of bodies after it, up to the mention (see [`continues_support`]).
fn cue_then_list(gap: &str, cues: &[&str]) -> bool {
    cues.iter()
        .filter_map(|cue| {
            gap.match_indices(cue)
                .filter(|(i, _)| {
                    gap.get(..*i)
                        .is_none_or(|before| !before.ends_with(|c: char| c.is_alphanumeric()))
                })
                .last()
                .and_then(|(i, _)| gap.get(i + cue.len()..))
        })
        .any(continues_support)
}

/// Whether a support cue stands earlier in the gap, with only other coordinators after it
/// (`phối hợp với các cơ quan thông tấn, báo chí và` + the mention).
fn support_cue_inside(gap: &str) -> bool {
    // Every cue below holds `phoi hop` or `cung voi`; most gaps hold neither, and looking
    // for two needles costs less than setting up a search for each of the four cues (this
    // runs for every mention).
    if !gap.contains("phoi hop") && !gap.contains("cung voi") {
        return false;
    }
    cue_then_list(
        gap,
        &[
            "phoi hop voi",
            "phoi hop",
            "cung voi",
            "voi su phoi hop cua",
        ],
    )
}

/// Decides the role of each mention and the rule that decided it.
pub fn decide(text: &str, mentions: &[AgencyMention]) -> Vec<(Role, Option<&'static str>)> {
    if mentions.is_empty() {
        // Nothing to decide; the key below costs a pass over the text.
        return Vec::new();
    }
    let k = shared(text);
    let mut out: Vec<(Role, Option<&'static str>)> = Vec::with_capacity(mentions.len());
    let mut previous_end = 0;
    let mut lead_seen = false;
    // Each mention's key range, mapped once: a list's members are read again from each
    // member before them.
    let spans: Vec<(usize, usize)> = mentions
        .iter()
        .map(|m| {
            (
                k.key_offset(text, m.range.start),
                k.key_offset(text, m.range.end),
            )
        })
        .collect();
    for (i, &(start, end)) in spans.iter().enumerate() {
        let gap = k
            .text
            .get(previous_end.min(start)..start)
            .unwrap_or_default();
        // `X chủ trì` (also `do X chủ trì`), looking past the rest of a list of bodies.
        // The key text after the mention and the bodies listed with it.
        let after_list = {
            let mut j = i;
            let mut tail_end = end;
            while let Some(&(next_start, next_end)) = spans.get(j + 1) {
                let between = k
                    .text
                    .get(tail_end.min(next_start)..next_start)
                    .unwrap_or_default();
                if !is_list_gap(between) {
                    break;
                }
                tail_end = next_end;
                j += 1;
            }
            k.text
                .get(tail_end..)
                .unwrap_or_default()
                .trim_start_matches([' ', ','])
        };
        let chairs = starts_with_words(after_list, "chu tri")
            || after_list.starts_with("la co quan chu tri");
        // `X chủ trì, Y phối hợp ...` (also `Y cùng phối hợp`, `Y tham gia phối hợp`): Y
        // coordinates with the lead named before it in the same clause.
        let coordinates = ["phoi hop", "cung phoi hop", "tham gia phoi hop"]
            .iter()
            .any(|w| starts_with_words(after_list, w));
        let action_follows = {
            let rest = k.text.get(end..).unwrap_or_default().trim_start();
            ACTION_WORDS.iter().any(|w| starts_with_words(rest, w))
        };
        let stripped = strip_titles(gap);
        let cue = stripped.trim_end_matches([',', ':', '(', ' ']);
        let boundary = cue.is_empty() || stripped.ends_with([',', ';', ':']);
        let follows_lead = out.last().is_some_and(|(role, _)| *role == Role::Lead);
        // `Chính phủ giao Bộ X ...`, `Bộ Y tế đề nghị Bộ Tài chính ...`: the body right before
        // a directive verb and its addressee assigns the work; the addressee leads.
        let assigns_next = spans.get(i + 1).is_some_and(|&(next_start, _)| {
            let between = k.text.get(end..next_start).unwrap_or_default();
            let verb = strip_titles(between).trim_start();
            LEAD_CUES.contains(&verb)
                || addresses_officials(between)
                || mentions
                    .get(i..i + 2)
                    .is_some_and(|pair| named_official_directs(text, &pair[0], &pair[1]))
        }) || (i + 1 == spans.len() && {
            // `Bộ X đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện`: the last body
            // asks an addressee no rule names; it assigns all the same, and does not lead.
            let after = k.text.get(end..).unwrap_or_default().trim_start();
            LEAD_CUES.iter().any(|cue| starts_with_words(after, cue))
        });
        let decided = if follows_lead && is_governing_verb(gap) {
            // `X lãnh đạo Y`: the title-stripped gap is empty, yet Y is X's object.
            (Role::Neither, None)
        } else if assigns_next {
            (Role::Neither, None)
        } else if i > 0 && is_list_gap(stripped) {
            out.last().copied().unwrap_or((Role::Neither, None))
        } else if chairs && !SUPPORT_CUES.iter().any(|c| ends_with_words(cue, c)) {
            (Role::Lead, Some("AG103"))
        } else if coordinates && lead_seen && stripped.ends_with(',') {
            (Role::Support, Some("AG104"))
        } else {
            let previous = out.last().copied().unwrap_or((Role::Neither, None));
            if SUPPORT_CUES.iter().any(|c| ends_with_words(cue, c)) {
                (Role::Support, Some("AG104"))
            } else if (previous.0 == Role::Support && continues_support(stripped))
                || support_cue_inside(stripped)
            {
                // `phối hợp với các cơ quan thông tấn, báo chí và các bộ, ngành, địa phương`:
                // the coordinators run on until a verb or a semicolon.
                (Role::Support, Some("AG104"))
            } else if LEAD_CUES.iter().any(|c| ends_with_words(cue, c)) {
                (Role::Lead, Some("AG101"))
            } else if NEITHER_CUES.iter().any(|c| ends_with_cue(cue, c))
                || governed_object_inside(stripped)
            {
                (Role::Neither, None)
            } else if (!lead_seen
                && i == 0
                && cue
                    .split_whitespace()
                    .nth(MAX_SUBJECT_LEAD_IN_WORDS)
                    .is_none())
                || (boundary && action_follows)
            {
                (Role::Lead, Some("AG102"))
            } else {
                (Role::Neither, None)
            }
        };
        if decided.0 == Role::Lead {
            lead_seen = true;
        }
        out.push(decided);
        previous_end = end;
    }
    out
}

/// `Chủ tịch UBND tỉnh Võ Tấn Đức đề nghị Sở Xây dựng ...`: the official's personal name
/// (capitalised words) stands between the body and the directive verb; the body assigns.
fn named_official_directs(text: &str, body: &AgencyMention, next: &AgencyMention) -> bool {
    let Some(between) = text.get(body.range.end..next.range.start) else {
        return false;
    };
    let verb = skip_personal_name(between);
    verb.len() < between.len() && LEAD_CUES.contains(&vntask_tokenizer::fold(verb.trim()).as_str())
}

/// The text after an official's title without the personal name (two to four capitalised
/// words) that opens it: `đề nghị Sở Xây dựng` from ` Võ Tấn Đức đề nghị Sở Xây dựng`; the
/// text as it is when no such name opens it.
pub fn skip_personal_name(gap: &str) -> &str {
    let mut rest = gap.trim_start();
    let mut names = 0;
    while names < 4 && rest.starts_with(char::is_uppercase) {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        rest = rest[end..].trim_start();
        names += 1;
    }
    if names >= 2 {
        rest
    } else {
        gap
    }
}

/// Whether `between` (key text after a body, up to the next) is a directive verb addressed
/// to officials by title: `Chủ tịch Ủy ban nhân dân thành phố yêu cầu Thủ trưởng các cơ
/// quan, đơn vị, Chủ tịch ...`: the body before the verb assigns, whoever the titles name.
fn addresses_officials(between: &str) -> bool {
    let between = between.trim_start();
    LEAD_CUES.iter().any(|cue| {
        between
            .strip_prefix(cue)
            .and_then(|rest| rest.strip_prefix(' '))
            .is_some_and(|rest| {
                TITLES
                    .iter()
                    .filter(|t| **t != "cac")
                    .any(|t| starts_with_words(rest, t))
            })
    })
}

/// Whether the bodies that open `text` (the first mention and those listed with it: `Bộ A,
/// Bộ B và các địa phương`) are followed by the verb phrase of a directive (`phải`, `cần`,
/// `khẩn trương`, `chủ trì`, `tập trung` ...): a subject that acts, not a list of attendees.
pub fn subject_acts(text: &str, mentions: &[AgencyMention]) -> bool {
    let Some(first) = mentions.first() else {
        return false;
    };
    let mut end = first.range.end;
    for next in mentions.iter().skip(1) {
        let gap = text.get(end..next.range.start).unwrap_or("-");
        let gap = gap.trim().trim_start_matches(',').trim();
        if !(gap.is_empty() || gap == "và") {
            break;
        }
        end = next.range.end;
    }
    let rest: String = text
        .get(end..)
        .unwrap_or_default()
        .chars()
        .take(40)
        .collect();
    let rest = vntask_tokenizer::fold(&rest);
    let rest = rest.trim_start_matches([' ', ',']);
    ACTION_WORDS.iter().any(|w| starts_with_words(rest, w))
}

/// Builds [`Roles`] from the decisions.
pub fn assign(text: &str, mentions: &[AgencyMention]) -> Roles {
    let mut roles = Roles::default();
    for (mention, (role, rule)) in mentions.iter().zip(decide(text, mentions)) {
        let (named, groups) = match role {
            Role::Lead => (&mut roles.lead, &mut roles.lead_groups),
            Role::Support => (&mut roles.support, &mut roles.support_groups),
            Role::Neither => continue,
        };
        if mention.groups.is_empty() {
            if !named.iter().any(|m| m.name == mention.name) {
                named.push(mention.clone());
            }
        } else {
            for group in &mention.groups {
                if !groups.contains(group) {
                    groups.push(*group);
                }
            }
        }
        for id in [Some(mention.rule), rule].into_iter().flatten() {
            if !roles.rules.contains(&id) {
                roles.rules.push(id);
            }
        }
    }
    roles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_checks_keep_the_word_tests() {
        let texts = [
            "", "giao", "va giao", "giaox", "xgiao", "bo, giao", ",", "giao cho", "a",
        ];
        for text in texts {
            for cue in texts {
                let ends = text == cue
                    || text
                        .strip_suffix(cue)
                        .is_some_and(|b| b.ends_with(|c: char| !c.is_alphanumeric()));
                let starts = text
                    .strip_prefix(cue)
                    .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()));
                assert_eq!(ends_with_words(text, cue), ends, "{text:?} {cue:?}");
                assert_eq!(starts_with_words(text, cue), starts, "{text:?} {cue:?}");
            }
        }
    }

    /// [`support_cue_inside`] without the quick test for its cues.
    fn reference_support_cue_inside(gap: &str) -> bool {
        [
            "phoi hop voi",
            "phoi hop",
            "cung voi",
            "voi su phoi hop cua",
        ]
        .iter()
        .filter_map(|cue| {
            gap.match_indices(cue)
                .filter(|(i, _)| {
                    gap.get(..*i)
                        .is_none_or(|before| !before.ends_with(|c: char| c.is_alphanumeric()))
                })
                .last()
                .and_then(|(i, _)| gap.get(i + cue.len()..))
        })
        .any(continues_support)
    }

    #[test]
    fn support_cue_inside_agrees_with_the_plain_search() {
        let mut gaps: Vec<String> = [
            "phoi hop voi cac co quan thong tan, bao chi va",
            "chu tri, phoi hop voi bo cong an va",
            "cung voi cac dia phuong,",
            "voi su phoi hop cua cac bo, nganh va",
            "phoi hop voi bo y te; trien khai va",
            "xphoi hop voi cac bo va",
            "phoi hop",
            "cung voi",
            "",
        ]
        .iter()
        .map(|g| g.to_string())
        .collect();
        for line in crate::test_support::seed_lines() {
            let k = super::super::key::key(&line).text;
            // Every tail of the key that starts a word, as the gap before a mention; from a
            // cue, also every stretch of it up to a word end.
            let word_starts: Vec<usize> = k
                .char_indices()
                .filter(|(i, _)| *i == 0 || k[..*i].ends_with(' '))
                .map(|(i, _)| i)
                .collect();
            for &i in &word_starts {
                gaps.push(k[i..].to_string());
                if ["phoi hop", "cung voi", "voi su"]
                    .iter()
                    .any(|c| k[i..].starts_with(c))
                {
                    for &j in word_starts.iter().filter(|&&j| j > i) {
                        gaps.push(k[i..j].to_string());
                        gaps.push(format!("chu tri, {}", &k[i..j]));
                    }
                }
            }
        }
        let mut found = 0;
        for gap in &gaps {
            let expected = reference_support_cue_inside(gap);
            assert_eq!(support_cue_inside(gap), expected, "{gap:?}");
            found += usize::from(expected);
        }
        assert!(found > 20, "only {found} gaps with a support cue inside");
    }
}
