//! The fields of a task beyond who: its deadline, targets, action and deliverable.

use crate::deadlines::{self, DeadlineContext, DeadlineMatch};
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;
use vntask_ingest::Document;

/// Whether the document's task tables write dates month-first (`4/30/2024`): decided over
/// every date cell of every table row, since one table's column is read as a whole.
pub fn tables_month_first(document: &Document) -> bool {
    let cells: Vec<&str> = document
        .blocks
        .iter()
        .filter_map(|b| b.table.as_ref())
        .filter_map(super::columns::deadline_cell)
        .collect();
    deadlines::column_is_month_first(&cells)
}

/// The deadline of a task: from its table cell and its own text, the more precise one; from
/// the text alone, [`deadlines::pick`]. Also returns the repetition, if any.
pub fn deadline_of(
    text: &str,
    cell: Option<&str>,
    context: &DeadlineContext,
    memo: &deadlines::Memo,
) -> (Option<DeadlineMatch>, Option<vntask_writer::Recurring>) {
    let in_text = memo.find(text, context);
    let recurring = deadlines::recurring_of(&in_text);
    let from_text = deadlines::pick(&in_text).cloned();
    let Some(cell) = cell else {
        return (from_text, recurring);
    };
    let cell_context = DeadlineContext {
        reference: context.reference,
        month_first: context.month_first,
    };
    let in_cell = memo.find(cell, &cell_context);
    let recurring = recurring.or_else(|| deadlines::recurring_of(&in_cell));
    let from_cell = deadlines::pick(&in_cell).cloned();
    let chosen = match (from_cell, from_text) {
        (Some(c), Some(t)) => Some(deadlines::more_precise(&c, &t).clone()),
        (Some(c), None) => Some(c),
        (None, t) => t,
    };
    (chosen, recurring)
}

/// The names of products a task may name (legal documents, plans, reports, projects), as
/// they are written: `Luật` (law), `Nghị quyết` (resolution), `Nghị định` (decree), `Quyết
/// định` (decision), `Thông tư` (circular), `Chỉ thị` (directive), `Chiến lược` (strategy),
/// `Chương trình` (programme), `Kế hoạch` (plan), `Đề án` (scheme), `Đề xuất` (proposal),
/// `báo cáo` (report), `hướng dẫn` (guidance), `tài liệu` (document), `phương án` (option).
/// None is the start of another, so at most one is written at any place.
const PRODUCTS: &[&str] = &[
    "Luật",
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
    "Thông tư",
    "Chỉ thị",
    "Chiến lược",
    "Chương trình",
    "Kế hoạch",
    "Đề án",
    "Đề xuất",
    "Báo cáo",
    "báo cáo",
    "Hướng dẫn",
    "hướng dẫn",
    "Tài liệu",
    "tài liệu",
    "Phương án",
    "phương án",
];

/// What may stand before a product's name as part of it: `Dự án` (draft law), `Dự thảo`
/// (draft).
const DRAFT_PREFIXES: &[&str] = &["Dự án ", "dự án ", "Dự thảo ", "dự thảo "];

/// The product names, bare. The automaton reports the leftmost name (none starts another,
/// so there is one at each place); a draft prefix written right before it (and after the
/// search's start) is taken into the match, as `(?:[Dd]ự án |[Dd]ự thảo )?` before the names
/// does. No name starts inside a prefix, so no prefixed name starts before the leftmost bare
/// one without holding it. Few patterns keep the automaton's vectorised search.
static PRODUCT_NAMES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    // Literals of this module; a failure is caught by every test run.
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(PRODUCTS)
        .unwrap_or_else(|e| panic!("product names automaton: {e}"))
});

/// The first quoted title starting at or after `from`: a `"` with 4 to 200 chars before the
/// next `"`, as `"[^"]{4,200}"` matches (`[^"]` takes any char but `"`, so the title runs to
/// the next `"`; a `"` whose title is too short or too long opens none, and the next `"` is
/// tried as an opener).
fn quoted_title(text: &str, from: usize) -> Option<std::ops::Range<usize>> {
    // `"` is one byte, so the text after it starts at `open + 1`.
    let mut open = from + text.get(from..)?.find('"')?;
    loop {
        let close = open + 1 + text.get(open + 1..)?.find('"')?;
        let chars = text.get(open + 1..close)?.chars().take(201).count();
        if (4..=200).contains(&chars) {
            return Some(open..close + 1);
        }
        open = close;
    }
}

/// The leftmost product named at or after `from`: a quoted title or a product's name (with
/// its draft prefix), as a leftmost-first search for either finds it. Both cannot start at
/// one place: a title starts with `"`, a name with a letter.
fn next_product(text: &str, from: usize) -> Option<(std::ops::Range<usize>, bool)> {
    let quoted = quoted_title(text, from);
    // Only a name that starts before the title can come first.
    let before = quoted.as_ref().map_or(text.len(), |q| q.start);
    let name = PRODUCT_NAMES
        .find(aho_corasick::Input::new(text).span(from..before.max(from)))
        .map(|m| {
            let head = &text[from..m.start()];
            let prefix = DRAFT_PREFIXES
                .iter()
                .find(|prefix| head.ends_with(**prefix))
                .map_or(0, |prefix| prefix.len());
            m.start() - prefix..m.end()
        })
        .filter(|m| m.start < before);
    match (name, quoted) {
        (Some(name), _) => Some((name, false)),
        (None, Some(quoted)) => Some((quoted, true)),
        (None, None) => None,
    }
}

/// The first product named in `text`: a quoted title, or a product's name that ends a word
/// (`Luật` but not `Luậtx`) with the words after it up to a `,;.()`, at most 160 characters.
/// The names and titles are found by [`next_product`] (a regex over both, with its reverse
/// search for each match's start, showed in profiles).
fn find_deliverable(text: &str) -> Option<std::ops::Range<usize>> {
    let mut from = 0;
    while let Some((m, quoted)) = next_product(text, from) {
        if quoted {
            return Some(m);
        }
        let after = &text[m.end..];
        if !after
            .chars()
            .next()
            .is_some_and(|c| crate::is_alphanumeric(c) || c == '_')
        {
            let tail: usize = after
                .chars()
                .take_while(|c| !matches!(c, ',' | ';' | '.' | '(' | ')'))
                .take(160)
                .map(char::len_utf8)
                .sum();
            return Some(m.start..m.end + tail);
        }
        from = m.start + text[m.start..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Words that open an action phrase without being its verb: `khẩn trương` (urgently), `sớm`
/// (soon), `tiếp tục` (continue), `chủ động` (proactively), `có trách nhiệm` (is responsible
/// for), `tập trung` (focus on), `phải`, `cần` (must).
const MODALS: &[&str] = &[
    "khan truong",
    "som",
    "tiep tuc",
    "chu dong",
    "co trach nhiem",
    "phai",
    "can",
    "quyet liet",
    "tap trung",
];

/// The action (`hoàn thiện, trình Thủ tướng Chính phủ ban hành`) and the deliverable
/// (`"Chiến lược ..."`, `Nghị định về ...`, `báo cáo`) of a task text whose assignee phrase
/// ends at `subject_end`. The roles it hands out before the work (`chủ trì, phối hợp với Bộ
/// X`) are not the action: [`super::action::work_start`], with the bodies found in `context`.
pub fn action_and_deliverable(
    text: &str,
    subject_end: usize,
    known: &[&str],
    context: &crate::agencies::AgencyContext,
) -> (Option<String>, Option<String>) {
    let rest = text.get(subject_end..).unwrap_or_default();
    let rest = strip_modals(rest.trim_start_matches([' ', ',', ':', '-']));
    let work = super::action::work_start(rest, known, context);
    let rest = match work {
        0 => rest,
        _ => strip_modals(rest[work..].trim_start_matches([' ', ',', ':', '-'])),
    };
    // A product's name that opens the work is its verb (`hướng dẫn người dân ...`: guide),
    // not a product (`Hướng dẫn` as a document): the action must not come out empty.
    let deliverable = find_deliverable(rest).filter(|m| m.start > 0);
    let action_end = deliverable
        .as_ref()
        .map(|m| m.start)
        .unwrap_or_else(|| rest.find([';', '.', '(']).unwrap_or(rest.len()));
    let action: String = rest[..action_end]
        .trim()
        .trim_end_matches([',', ':', ';', ' '])
        .split_whitespace()
        .take(16)
        .collect::<Vec<_>>()
        .join(" ");
    let deliverable = deliverable.map(|m| rest[m].trim().to_string());
    (
        (!action.is_empty()).then_some(action),
        deliverable.filter(|d| !d.is_empty()),
    )
}

fn strip_modals(mut text: &str) -> &str {
    // Only the opening words can be a modal: fold the longest modal and one char more, not
    // the whole task (this ran over every task, once per modal stripped).
    let head_chars = MODALS.iter().map(|m| m.len()).max().unwrap_or(0) + 1;
    loop {
        let folded: String = text
            .chars()
            .filter(|c| !vntask_tokenizer::is_mark(*c))
            .map(vntask_tokenizer::fold::fold_char)
            .take(head_chars)
            .collect();
        let Some(modal) = MODALS
            .iter()
            .find(|m| folded.starts_with(**m) && folded[m.len()..].starts_with([' ', ',']))
        else {
            return text;
        };
        // Folding keeps one char per char, so the modal's char count locates it in `text`.
        let chars = modal.chars().count();
        let cut = text
            .char_indices()
            .nth(chars)
            .map(|(i, _)| i)
            .unwrap_or(text.len());
        text = text[cut..].trim_start_matches([' ', ',']);
    }
}

/// Whether a task only exhorts: among its first words it states what must be (`phải tiên
/// phong, gương mẫu`, `Đề án cần bảo đảm tính khả thi`: must, should), with no deadline and no
/// product named after that word. Such records are kept with `kind: "exhortation"` so users
/// can filter them out.
pub fn is_exhortation(text: &str, has_deadline: bool) -> bool {
    if has_deadline {
        return false;
    }
    // Lower-cased char by char: a String for each of the first ten words showed in profiles.
    let lower_is = vntask_tokenizer::lowercase_is;
    let is_modal = |word: &str| {
        let word = word.trim_matches(|c: char| !vntask_tokenizer::is_letter(c));
        lower_is(word, "phải") || lower_is(word, "cần")
    };
    let Some(modal) = text.split_whitespace().take(10).find(|w| is_modal(w)) else {
        return false;
    };
    // The word's byte offset in `text` (it is a subslice of it).
    let after_start = modal.as_ptr() as usize - text.as_ptr() as usize + modal.len();
    let after = text.get(after_start..).unwrap_or_default().trim_start();
    // `cần thiết` is an adjective (necessary), not the modal.
    // Its first five chars, borrowed (a collected String showed in profiles).
    let opening = after
        .char_indices()
        .nth(5)
        .map_or(after, |(end, _)| &after[..end]);
    if lower_is(opening, "thiết") {
        return false;
    }
    find_deliverable(after).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The pattern [`next_product`] stands for.
    static DELIVERABLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#""[^"]{4,200}"|(?:[Dd]ự án |[Dd]ự thảo )?(?:Luật|Nghị quyết|Nghị định|Quyết định|Thông tư|Chỉ thị|Chiến lược|Chương trình|Kế hoạch|Đề án|Đề xuất|[Bb]áo cáo|[Hh]ướng dẫn|[Tt]ài liệu|[Pp]hương án)"#,
        )
        .expect("valid regex")
    });

    /// [`find_deliverable`] as it was, over the pattern.
    fn find_deliverable_reference(text: &str) -> Option<std::ops::Range<usize>> {
        let mut from = 0;
        while let Some(m) = DELIVERABLE.find_at(text, from) {
            if m.as_str().starts_with('"') {
                return Some(m.range());
            }
            let after = &text[m.end()..];
            if !after
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
            {
                let tail: usize = after
                    .chars()
                    .take_while(|c| !matches!(c, ',' | ';' | '.' | '(' | ')'))
                    .take(160)
                    .map(char::len_utf8)
                    .sum();
                return Some(m.start()..m.end() + tail);
            }
            from = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
        }
        None
    }

    /// Every match the pattern finds from every char boundary, [`next_product`] finds too.
    fn assert_same_products(text: &str) {
        for from in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let expected = DELIVERABLE
                .find_at(text, from)
                .map(|m| (m.range(), m.as_str().starts_with('"')));
            assert_eq!(next_product(text, from), expected, "{text:?} from {from}");
        }
        assert_eq!(
            find_deliverable(text),
            find_deliverable_reference(text),
            "{text:?}"
        );
    }

    #[test]
    fn products_are_found_as_by_the_pattern() {
        let mut texts = crate::test_support::seed_lines();
        let long = "x".repeat(199);
        let longer = "ư".repeat(201);
        for made in [
            "trình \"Đề án phát triển\" trong năm",
            "\"abc\" rồi \"Kế hoạch năm\" và Luật",
            "\"ab\"cde\" Luật",
            "\"\"\"\"",
            "Dự án Luật Đất đai; dự thảo Nghị định; Dự án đầu tư; dự thảo báo cáo",
            "Dự thảo Dự án Luật",
            "xdự án Luật, Dự án  Luật, Dự ánLuật, dự thảo tài liệu, Dự thảo thảo Luật",
            "dự án dự thảo Kế hoạch; Dự án \"Đề án năm\"",
            "Luậtx và Kế hoạch hành động.",
            "BÁO CÁO, báo cáo, Báo cáo, bÁo cáo",
            "Hướng dẫnTài liệuphương ánPhương án",
            "một \"ư\u{300}ư\u{300}\" hai",
            "Nghị quyết\"Chỉ thị\"Quyết định",
            "\"Luật",
            "Luật\"",
            "Chương trình Chiến lược Thông tư Đề xuất Đề án Nghị định",
        ] {
            texts.push(made.to_string());
        }
        texts.push(format!("a \"{long}\" b \"{long}x\" Luật"));
        texts.push(format!("\"{longer}\" \"Kế hoạch\""));
        texts.push(format!("\"{}\" Đề án", "ệ".repeat(200)));
        let mut found = 0;
        for text in &texts {
            assert_same_products(text);
            found += usize::from(find_deliverable(text).is_some());
        }
        assert!(found > 50, "{found}");
    }

    #[test]
    fn a_product_name_ends_a_word_and_runs_to_a_comma() {
        let found = |text: &str| find_deliverable(text).map(|r| text[r].to_string());
        // A name ending in a non-ASCII letter (`thị`) still ends a word.
        assert_eq!(
            found("quán triệt Chỉ thị này, báo cáo").as_deref(),
            Some("Chỉ thị này")
        );
        assert_eq!(
            found("xây dựng Dự thảo Luật Đất đai (sửa đổi)").as_deref(),
            Some("Dự thảo Luật Đất đai ")
        );
        assert_eq!(
            found("trình \"Đề án phát triển\" trong năm").as_deref(),
            Some("\"Đề án phát triển\"")
        );
        // Glued to a letter it is part of another word; a later name is found instead.
        assert_eq!(
            found("Luậtx và Kế hoạch hành động.").as_deref(),
            Some("Kế hoạch hành động")
        );
        assert_eq!(found("tổ chức thực hiện nghiêm túc"), None);
    }

    #[test]
    fn modals_are_stripped_from_the_opening_only() {
        assert_eq!(
            strip_modals("khẩn trương hoàn thiện dự thảo"),
            "hoàn thiện dự thảo"
        );
        assert_eq!(
            strip_modals("Tiếp tục, chủ động phối hợp với các bộ"),
            "phối hợp với các bộ"
        );
        assert_eq!(strip_modals("CÓ TRÁCH NHIỆM tổ chức"), "tổ chức");
        // A modal later in the text, or one that is the start of a longer word, stays.
        assert_eq!(
            strip_modals("hoàn thiện, phải trình"),
            "hoàn thiện, phải trình"
        );
        assert_eq!(strip_modals("cành cây"), "cành cây");
        assert_eq!(strip_modals("cần"), "cần");
    }

    #[test]
    fn exhortations_have_no_deadline_and_no_product() {
        assert!(is_exhortation("phải tiên phong, gương mẫu thúc đẩy", false));
        assert!(is_exhortation("Đề án cần bảo đảm tính khả thi", false));
        assert!(!is_exhortation("phải hoàn thành", true));
        assert!(!is_exhortation(
            "hoàn thiện, trình Chính phủ ban hành",
            false
        ));
        assert!(!is_exhortation(
            "cần xây dựng Nghị định về bảo vệ dữ liệu",
            false
        ));
        assert!(!is_exhortation("đào tạo cán bộ, công chức", false));
        // The modal in capitals or quoted is still the modal; `cần thiết` is not one.
        assert!(is_exhortation(
            "Các đơn vị PHẢI tiên phong, gương mẫu",
            false
        ));
        assert!(is_exhortation(
            "Các địa phương \"Cần\" chủ động, sáng tạo",
            false
        ));
        assert!(!is_exhortation("Cần Thiết tăng cường phối hợp", false));
        assert!(!is_exhortation("Các đơn vị phảixx tiên phong", false));
    }

    #[test]
    fn action_and_deliverable_of_a_directive() {
        let text = "Bộ Tài chính khẩn trương hoàn thiện, trình Chính phủ ban hành Nghị định sửa đổi Nghị định số 123/2020/NĐ-CP, trong tháng 8.";
        let (action, deliverable) =
            action_and_deliverable(text, "Bộ Tài chính".len(), &[], &Default::default());
        assert_eq!(
            action.as_deref(),
            Some("hoàn thiện, trình Chính phủ ban hành")
        );
        assert_eq!(
            deliverable.as_deref(),
            Some("Nghị định sửa đổi Nghị định số 123/2020/NĐ-CP")
        );
        let (action, deliverable) = action_and_deliverable(
            "Tăng cường kiểm tra, giám sát.",
            0,
            &[],
            &Default::default(),
        );
        assert_eq!(action.as_deref(), Some("Tăng cường kiểm tra, giám sát"));
        assert_eq!(deliverable, None);
        let quoted = "Xây dựng \"Chiến lược dữ liệu quốc gia\" trình Thủ tướng.";
        assert_eq!(
            action_and_deliverable(quoted, 0, &[], &Default::default())
                .1
                .as_deref(),
            Some("\"Chiến lược dữ liệu quốc gia\"")
        );
        // A product named after the clause's `;`: the action ends without its semicolon.
        let text = "Văn phòng Chính phủ theo dõi, đôn đốc; báo cáo Thủ tướng Chính phủ.";
        let (action, deliverable) =
            action_and_deliverable(text, "Văn phòng Chính phủ".len(), &[], &Default::default());
        assert_eq!(action.as_deref(), Some("theo dõi, đôn đốc"));
        assert_eq!(deliverable.as_deref(), Some("báo cáo Thủ tướng Chính phủ"));
    }
}
