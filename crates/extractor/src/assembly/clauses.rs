//! Where one task's text splits into several: at a clause or sentence with a new subject,
//! and between deadlines that differ.

use super::blocks::{names_only, Lookups};
use super::commas::{split_at_commas, Part};
use super::shapes;
use crate::agencies::{self, AgencyMention, Roles};
use crate::deadlines::{self, DeadlineContext};
use std::ops::Range;

/// Splits one task's text where it assigns separate work:
/// - at a `;` clause or a sentence that opens with a new subject (`...; Bộ Tài chính tổng hợp
///   ...`, `... . Các bộ, ngành khác thực hiện ...`) or assigns anew (`...; giao Sở Nội vụ
///   tham mưu ...`), which gets its own roles;
/// - between two deadlines that differ (`hoàn thành A chậm nhất trong tháng 9, triển khai B
///   chậm nhất trong tháng 12`: two tasks);
/// - before a `;` clause that carries a deadline of its own when what precedes it has none
///   (`hoàn thiện dự thảo A; hoàn thiện dự thảo B trong tháng 5`: the guideline's two tasks).
///
/// `one_sentence`: `range` is one of `vntask_tokenizer::sentences(text)`, whose only
/// boundaries are its `; ` (see [`semicolon_boundaries`]).
pub(super) fn split_clauses(
    text: &str,
    range: Range<usize>,
    one_sentence: bool,
    roles: Roles,
    found: &Lookups,
) -> Vec<Part> {
    let context = found.context;
    let deadline_context = DeadlineContext {
        reference: context.date,
        ..DeadlineContext::default()
    };
    let mut parts: Vec<(Range<usize>, Roles)> = Vec::new();
    let mut start = range.start;
    // Taken, not copied: the caller's roles are the first part's.
    let mut current_roles = roles;
    let boundaries = if one_sentence {
        semicolon_boundaries(text, range.clone())
    } else {
        clause_boundaries(text, range.clone())
    };
    for &(boundary, clause_start) in &boundaries {
        let clause_end = next_boundary_among(text, &boundaries, clause_start, range.end);
        let clause = &text[clause_start..clause_end];
        let mentions = agencies::find(clause, context);
        // A clause that opens with its own subject (TK002), or assigns anew (TK001: `Giao Sở
        // Tài chính ...; giao Sở Nội vụ tham mưu ...`) after a part that names its own lead
        // (a lead-in with no assignee, `Đối với đề xuất ... . Giao Bộ X ...`, stays with it).
        let shape = shapes::classify(clause, &mentions, false).map(|s| s.rule);
        let assigns_anew = shape == Some("TK001") && {
            let before = text.get(start..boundary).unwrap_or_default();
            let own = agencies::assign_roles(before, &agencies::find(before, context));
            !own.lead.is_empty() || !own.lead_groups.is_empty()
        };
        // A clause that reports (`...; Chính phủ đã ban hành 20 nghị định`) assigns nothing.
        if (shape == Some("TK002") || assigns_anew)
            && !names_only(clause, &mentions)
            && !shapes::is_report(clause)
        {
            let clause_roles = agencies::assign_roles(clause, &mentions);
            if !clause_roles.lead.is_empty() || !clause_roles.lead_groups.is_empty() {
                let before = text.get(start..boundary).unwrap_or_default();
                parts.push((
                    start..boundary,
                    without_new_subjects(current_roles, before, &clause_roles),
                ));
                start = clause_start;
                current_roles = clause_roles;
            }
        }
    }
    parts.push((start..range.end, current_roles));
    // Each part may still join clauses with subjects of their own by commas.
    let parts: Vec<Part> = parts
        .into_iter()
        .flat_map(|(part, part_roles)| split_at_commas(text, part, part_roles, context))
        .collect();
    let mut out = Vec::with_capacity(parts.len());
    for Part {
        range: part,
        roles: part_roles,
        shared_deadline,
    } in parts
    {
        let part_start = part.start;
        let mut pieces = split_at_deadlines(text, part, &deadline_context, &found.deadlines);
        // Each piece has the part's roles; the last one takes them, the others copy them,
        // less the bodies that support only later pieces (`X chủ trì A trước ngày 1; phối
        // hợp với Y tổ chức B trong tháng 5`: Y supports B alone).
        let last = pieces.pop();
        out.extend(pieces.into_iter().map(|r| {
            let said = text.get(part_start..r.end).unwrap_or_default();
            let mut roles = part_roles.clone();
            roles.support.retain(|m| said.contains(m.mention.as_str()));
            Part {
                range: r,
                roles,
                shared_deadline: shared_deadline.clone(),
            }
        }));
        out.extend(last.map(|r| Part {
            range: r,
            roles: part_roles,
            shared_deadline,
        }));
    }
    out
}

/// The roles of the part before a clause with a subject of its own, less the leads that only
/// the clause names: in `Bộ Công Thương bảo đảm cung ứng điện ...; Tập đoàn Điện lực Việt Nam
/// khẩn trương hoàn thành ...` the whole item's roles lead with both, but the first part is
/// the ministry's alone. A lead the part names itself stays (`Bộ A, Bộ B phối hợp ...; Bộ B
/// tổng hợp ...`), and a part that would be left with no lead keeps what it had.
pub(super) fn without_new_subjects(mut roles: Roles, before: &str, clause: &Roles) -> Roles {
    let named_after = |m: &AgencyMention| {
        !before.contains(m.mention.as_str())
            && clause
                .lead
                .iter()
                .any(|c| c.id.is_some() && c.id == m.id || c.id.is_none() && c.name == m.name)
    };
    let kept: Vec<AgencyMention> = roles
        .lead
        .iter()
        .filter(|m| !named_after(m))
        .cloned()
        .collect();
    // Groups stay: they carry no words of their own to tell which part names them.
    if !kept.is_empty() || !roles.lead_groups.is_empty() {
        roles.lead = kept;
    }
    roles
}

/// `(end of the clause before, start of the next)` for every `; ` and sentence end inside
/// `range`.
fn clause_boundaries(text: &str, range: Range<usize>) -> Vec<(usize, usize)> {
    let body = &text[range.clone()];
    let mut out = semicolon_boundaries(text, range.clone());
    let sentences = vntask_tokenizer::sentences(body);
    for pair in sentences.windows(2) {
        out.push((range.start + pair[0].end, range.start + pair[1].start));
    }
    out.sort_unstable();
    out.dedup_by_key(|b| b.1);
    out
}

/// The `; ` boundaries of `range`, in order: [`clause_boundaries`] of a range that is one
/// sentence of the sentence split of `text`. Splitting that sentence again ends it nowhere
/// inside: it starts where the whole split started it (only white space before), each end
/// is decided by the text after it, which inside the sentence is the same, and at its end
/// the whole split ended it (a dot there ends a sentence when nothing follows).
fn semicolon_boundaries(text: &str, range: Range<usize>) -> Vec<(usize, usize)> {
    // Each `;` (found by memchr) followed by a space: what `match_indices("; ")` finds, as
    // the two can never overlap, without setting up a substring searcher for every range.
    let body = &text[range.clone()];
    body.match_indices(';')
        .map(|(i, _)| i)
        .filter(|&i| body.as_bytes().get(i + 1) == Some(&b' '))
        .map(|i| (range.start + i, range.start + i + 2))
        .collect()
}

/// Where the clause starting at `from` ends: the first boundary of `from..end`.
/// [`next_boundary_among`] gives the same without splitting the rest of the text again.
fn next_boundary(text: &str, from: usize, end: usize) -> usize {
    clause_boundaries(text, from..end)
        .first()
        .map(|b| b.0)
        .unwrap_or(end)
}

/// [`next_boundary`] for a clause start `from` out of `boundaries`, which are
/// `clause_boundaries(text, start..end)`: the first of them that ends at or after `from`.
///
/// Splitting `from..end` again finds the same sentence ends as splitting the whole range,
/// since the sentence splitter decides each end from the text after it and from the word
/// before the dot, and at `from` it starts afresh just as the whole split does after a
/// sentence end (only white space lies between). The one difference: after `; ` the whole
/// split is mid-sentence while the new one starts a sentence, and a dot in the clause's
/// first word may then be read as a heading number (`a.`, `1.`, `II.`); such a clause is
/// split again, as before.
fn next_boundary_among(
    text: &str,
    boundaries: &[(usize, usize)],
    from: usize,
    end: usize,
) -> usize {
    let after_semicolon = text.get(..from).is_some_and(|t| t.ends_with("; "));
    if after_semicolon {
        let first_word = text.get(from..end).unwrap_or_default().trim_start();
        let first_word = first_word
            .split(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or_default();
        if first_word.contains('.') {
            return next_boundary(text, from, end);
        }
    }
    let at = boundaries.partition_point(|b| b.0 < from);
    boundaries.get(at).map(|b| b.0).unwrap_or(end)
}

/// What makes two deadlines different: the due date, or the words of an event.
fn deadline_key(m: &deadlines::DeadlineMatch) -> Option<&str> {
    match m.role {
        deadlines::Role::Due => m.deadline.due.as_deref(),
        deadlines::Role::Event => Some(m.deadline.text.as_str()),
        _ => None,
    }
}

fn split_at_deadlines(
    text: &str,
    range: Range<usize>,
    context: &DeadlineContext,
    memo: &deadlines::Memo,
) -> Vec<Range<usize>> {
    let Some(body) = text.get(range.clone()) else {
        return vec![range];
    };
    // Only deadlines announced by their words count here: a bare year inside a plan's name
    // (`Kế hoạch ... năm 2024`) must not cut a task in two.
    let in_body = memo.find(body, context);
    let found: Vec<&deadlines::DeadlineMatch> = in_body
        .iter()
        .filter(|m| m.explicit && deadline_key(m).is_some())
        .collect();
    // Each cut is (end of the part before, start of the part after), in `body` offsets.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for pair in found.windows(2) {
        if deadline_key(pair[0]) == deadline_key(pair[1]) {
            continue;
        }
        let between = pair[0].range.end..pair[1].range.start;
        let Some(gap) = body.get(between.clone()) else {
            continue;
        };
        let cut = gap
            .find("; ")
            .map(|i| (i, i + 2))
            .or_else(|| gap.find(", ").map(|i| (i, i + 2)))
            .or_else(|| gap.find(" và ").map(|i| (i, i + " và ".len())))
            .map(|(end, next)| (between.start + end, between.start + next));
        cuts.extend(cut);
    }
    // A sentence, or a `;` item that starts with a capital (a new entry of a list), carrying
    // a deadline of its own after text that has none. A labelled deadline (`Thời hạn hoàn
    // thành ...`, `Thời gian hoàn thành ...`) closes and covers the whole item instead.
    let labelled = found.iter().any(|m| m.labelled);
    if let Some(first) = found.first().filter(|_| !labelled) {
        let before = body.get(..first.range.start).unwrap_or_default();
        let boundary = clause_boundaries(body, 0..before.len())
            .into_iter()
            .rev()
            .find(|&(end, next)| {
                let sentence_end = body[..end].ends_with(['.', '!', '?']);
                let capital = body[next..].chars().next().is_some_and(char::is_uppercase);
                sentence_end || capital
            });
        if let Some(cut) = boundary {
            cuts.push(cut);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    // Every part keeps at least four words besides its deadline, or the cut is dropped.
    let words_without_deadlines = |part: &str| -> usize {
        let mut words = part.split_whitespace().count();
        for m in memo.find(part, context).iter() {
            words = words.saturating_sub(m.deadline.text.split_whitespace().count());
        }
        words
    };
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for (end, next) in cuts {
        let (Some(left), Some(right)) = (body.get(start..end), body.get(next..)) else {
            continue;
        };
        if end > start
            && words_without_deadlines(left) >= 4
            && words_without_deadlines(right) >= 4
            && !starts_with_deadline_label(right)
        {
            out.push(range.start + start..range.start + end);
            start = next;
        }
    }
    out.push(range.start + start..range.end);
    out
}

/// `Thời hạn: ...`, `Thời gian hoàn thành ...`, `Hạn hoàn thành ...`: words that annotate the
/// work before them with its deadline.
fn starts_with_deadline_label(text: &str) -> bool {
    // Folding only as far as each label needs: the text runs to the end of the item.
    let text = text.trim_start();
    [
        "thoi han",
        "thoi gian hoan thanh",
        "thoi gian thuc hien",
        "han hoan thanh",
        "han:",
    ]
    .iter()
    .any(|label| vntask_tokenizer::fold_starts_with(text, label))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agencies::AgencyContext;

    /// The roles of each part when `text`, one item, is split with its own roles.
    fn roles_of_parts(text: &str, context: &AgencyContext) -> Vec<Roles> {
        let document = vntask_ingest::read(text.as_bytes(), "t.txt", &Default::default())
            .expect("a one-line document");
        let found = Lookups::new(&document, context);
        let mentions = agencies::find(text, context);
        let roles = agencies::assign_roles(text, &mentions);
        split_clauses(text, 0..text.len(), false, roles, &found)
            .into_iter()
            .map(|part| part.roles)
            .collect()
    }

    /// The leads of each part when `text`, one item, is split with its own roles.
    fn leads_of_parts(text: &str) -> Vec<Vec<String>> {
        roles_of_parts(text, &AgencyContext::default())
            .into_iter()
            .map(|roles| roles.lead.into_iter().map(|m| m.name).collect())
            .collect()
    }

    #[test]
    fn the_part_before_a_new_subject_loses_only_the_leads_it_does_not_name() {
        assert_eq!(
            leads_of_parts(
                "Bộ Công Thương bảo đảm cung ứng đủ điện cho sản xuất; Tập đoàn Điện lực Việt \
                 Nam khẩn trương hoàn thành đường dây 500 kV."
            ),
            vec![vec!["Bộ Công Thương"], vec!["Tập đoàn Điện lực Việt Nam"]]
        );
        // Named in the part itself: it stays.
        assert_eq!(
            leads_of_parts(
                "Bộ Xây dựng, Bộ Tài chính phối hợp nghiên cứu đầu tư cho hạ tầng số; Bộ Tài \
                 chính tổng hợp và phân bổ ngân sách chi thường xuyên."
            ),
            vec![vec!["Bộ Xây dựng", "Bộ Tài chính"], vec!["Bộ Tài chính"]]
        );
    }

    #[test]
    fn a_body_that_supports_only_a_later_deadline_part_is_not_the_earlier_ones() {
        let context = AgencyContext {
            date: chrono::NaiveDate::from_ymd_opt(2025, 11, 5),
            ..Default::default()
        };
        let support_of_parts = |text: &str| -> Vec<Vec<String>> {
            roles_of_parts(text, &context)
                .into_iter()
                .map(|roles| roles.support.into_iter().map(|m| m.name).collect())
                .collect()
        };
        assert_eq!(
            support_of_parts(
                "Bộ Tư pháp chủ trì nâng cấp hệ thống, vận hành trước ngày 30/4/2026; phối hợp \
                 với Bộ Công an tổ chức tập huấn trong tháng 5/2026."
            ),
            vec![vec![], vec!["Bộ Công an"]]
        );
        // Named before the split, the coordinator supports every part.
        assert_eq!(
            support_of_parts(
                "Bộ Tư pháp chủ trì, phối hợp với Bộ Công an nâng cấp hệ thống trước ngày \
                 30/4/2026; tổ chức tập huấn trong tháng 5/2026."
            ),
            vec![vec!["Bộ Công an"], vec!["Bộ Công an"]]
        );
    }

    #[test]
    fn a_clause_that_assigns_anew_splits_after_a_part_with_its_own_lead() {
        // `Giao A ...; giao B ...`: two tasks, each its own lead.
        assert_eq!(
            leads_of_parts(
                "Giao Bộ Tài chính chủ trì rà soát kinh phí hỗ trợ; giao Bộ Nội vụ tham mưu \
                 khen thưởng các tập thể."
            ),
            vec![vec!["Bộ Tài chính"], vec!["Bộ Nội vụ"]]
        );
        // A clause that reports what a new subject did is no task of its own.
        assert_eq!(
            leads_of_parts(
                "Bộ Tư pháp khẩn trương hoàn thiện dự thảo; Bộ Tài chính đã ban hành 20 thông tư."
            ),
            vec![vec!["Bộ Tư pháp"]]
        );
        // A lead-in that assigns nobody stays with the assignment after it.
        assert_eq!(
            leads_of_parts(
                "Đối với đề xuất thống nhất sử dụng ứng dụng định danh. Giao Bộ Công an làm \
                 việc cụ thể với Bộ Y tế."
            ),
            vec![vec!["Bộ Công an"]]
        );
    }

    #[test]
    fn clauses_with_a_new_subject_or_a_second_deadline_split() {
        let context = AgencyContext {
            date: chrono::NaiveDate::from_ymd_opt(2024, 7, 19),
            ..AgencyContext::default()
        };
        let text =
            "Bộ Công Thương nghiên cứu đầu tư hạ tầng; Bộ Tài chính tổng hợp và phân bổ ngân sách.";
        let document = vntask_ingest::read(text.as_bytes(), "t.txt", &Default::default())
            .expect("a one-line document");
        let found = Lookups::new(&document, &context);
        let parts = split_clauses(text, 0..text.len(), false, Roles::default(), &found);
        let texts: Vec<&str> = parts.iter().map(|p| &text[p.range.clone()]).collect();
        assert_eq!(
            texts,
            vec![
                "Bộ Công Thương nghiên cứu đầu tư hạ tầng",
                "Bộ Tài chính tổng hợp và phân bổ ngân sách."
            ]
        );
        assert_eq!(
            parts[1].roles.lead.first().map(|m| m.name.as_str()),
            Some("Bộ Tài chính")
        );
        let one = "Bộ Y tế rà soát hồ sơ; lập danh sách trình Chính phủ.";
        assert_eq!(
            split_clauses(one, 0..one.len(), false, Roles::default(), &found).len(),
            1
        );
    }

    /// Every clause end [`next_boundary_among`] gives equals the one [`next_boundary`] gives.
    fn assert_same_clause_ends(text: &str) {
        let boundaries = clause_boundaries(text, 0..text.len());
        for &(_, from) in &boundaries {
            assert_eq!(
                next_boundary_among(text, &boundaries, from, text.len()),
                next_boundary(text, from, text.len()),
                "clause at {from} of {text:?}"
            );
        }
    }

    #[test]
    fn clause_ends_read_off_the_whole_split_match_splitting_again() {
        for text in [
            "Bộ Y tế rà soát; a. lập danh sách. Bộ Tài chính bố trí kinh phí.",
            "rà soát hồ sơ; 1. Lập đề án. Trình Chính phủ; II. Tổng kết",
            "rà soát;  TP. Hồ Chí Minh báo cáo. Xong",
            "rà soát; (a. b) làm. Tiếp; x.y. Hết",
            "Xong. Tiếp!  Hết? Còn; nữa\nDòng mới; v.v. Cuối",
            "a; b; c. D; e.\n\nF; g",
            "Bộ Công an chủ trì; Bộ Quốc phòng phối hợp. Các bộ, ngành khác thực hiện.",
        ] {
            assert_same_clause_ends(text);
        }
        // The case the whole split cannot answer: `a.` opens the clause after `; `, where
        // splitting again reads it as a heading number and does not end a sentence there.
        let text = "rà soát; a. Lập danh sách; xong";
        let boundaries = clause_boundaries(text, 0..text.len());
        let from = text.find("a.").unwrap_or_default();
        let whole = boundaries[boundaries.partition_point(|b| b.0 < from)].0;
        assert_eq!(&text[whole..], " Lập danh sách; xong");
        assert_eq!(&text[next_boundary(text, from, text.len())..], "; xong");
        assert_eq!(
            next_boundary_among(text, &boundaries, from, text.len()),
            next_boundary(text, from, text.len())
        );
    }

    #[test]
    fn clause_ends_match_on_generated_texts() {
        // Texts made of the pieces the sentence splitter looks at: dots in and after words,
        // heading numbers, abbreviations, `; `, line breaks, capitals and lower case.
        const PIECES: &[&str] = &[
            "a", "A", "1", "II", "TP", "v.v", "x.y", "Bộ", "làm", "Đề", "(", ")", ".", ". ", "; ",
            ";", " ", "  ", "\n", "! ", "? ", ",", "số",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            let mut text = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            for _ in 0..(state % 24) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
            }
            assert_same_clause_ends(&text);
            assert_sentences_split_no_further(&text);
        }
    }

    #[test]
    fn semicolons_are_found_as_by_a_substring_search() {
        let mut texts = crate::test_support::seed_lines();
        for made in [
            ";",
            "; ",
            ";;  ; ;",
            "a;b; c ;  d;\u{a0}e; ",
            "; ; ;",
            "đ; ế;x",
        ] {
            texts.push(made.to_string());
        }
        let mut found = 0;
        for text in &texts {
            let expected: Vec<(usize, usize)> =
                text.match_indices("; ").map(|(i, _)| (i, i + 2)).collect();
            assert_eq!(
                semicolon_boundaries(text, 0..text.len()),
                expected,
                "{text:?}"
            );
            found += expected.len();
        }
        assert!(found > 50, "{found}");
    }

    /// Each sentence of `text` has only its `; ` as boundaries.
    fn assert_sentences_split_no_further(text: &str) {
        for sentence in vntask_tokenizer::sentences(text) {
            assert_eq!(
                semicolon_boundaries(text, sentence.clone()),
                clause_boundaries(text, sentence.clone()),
                "{sentence:?} of {text:?}"
            );
        }
    }

    #[test]
    fn a_sentence_of_the_split_has_only_its_semicolons_as_boundaries() {
        let mut texts = crate::test_support::seed_lines();
        for made in [
            "Xong. Tiếp!  Hết? Còn; nữa\nDòng mới; v.v. Cuối",
            "TP. Hồ Chí Minh làm.\nabc.\nxyz; a. b",
            "1. Bộ Y tế. 2. Bộ Tài chính; II. Tổng kết",
            "làm xong. tiếp tục; (a. b) làm. Tiếp",
        ] {
            texts.push(made.to_string());
        }
        for text in &texts {
            assert_sentences_split_no_further(text);
        }
    }
}
