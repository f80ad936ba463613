//! Task shapes: how a sentence assigns work.

use crate::agencies::AgencyMention;
use crate::rules::{no, yes, Family, Rule};
use vntask_writer::TaskKind;

pub static RULES: &[Rule] = &[
    Rule {
        id: "TK001",
        family: Family::Task,
        description: "A directive verb with its addressee: `Giao X ...`, `Yêu cầu X ...`, `Đề nghị X ...`.",
        examples: &[
            yes(
                "Giao Bộ Tài chính chủ trì xây dựng Nghị định.",
                "Bộ Tài chính | Giao Bộ Tài chính chủ trì xây dựng Nghị định.",
            ),
            no("Bộ Tài chính đã ban hành Thông tư."),
        ],
    },
    Rule {
        id: "TK002",
        family: Family::Task,
        description: "An agency as the subject of an action: `Bộ Y tế khẩn trương hoàn thiện ...`.",
        examples: &[
            yes(
                "Bộ Y tế khẩn trương hoàn thiện Đề án.",
                "Bộ Y tế | Bộ Y tế khẩn trương hoàn thiện Đề án.",
            ),
            no("Sau khi nghe Bộ Y tế báo cáo, Thủ tướng kết luận."),
        ],
    },
    Rule {
        id: "TK003",
        family: Family::Task,
        description: "An item under an agency heading (`3. Bộ Công an` then `- Xây dựng ...`), or in the list after a lead-in (`Bộ X đề nghị các Sở Y:` then `1. Rà soát ...`): led by that agency.",
        examples: &[
            yes(
                "3. Bộ Công an\n- Xây dựng tài liệu hướng dẫn.",
                "Bộ Công an | Xây dựng tài liệu hướng dẫn.",
            ),
            yes(
                "Để bảo đảm cung ứng thuốc, Bộ Y tế đề nghị các Sở Y tế:\n1. Rà soát danh mục thuốc thiết yếu.",
                "Sở Y tế | Rà soát danh mục thuốc thiết yếu.",
            ),
            no("3. Về hạ tầng số\n- Xây dựng tài liệu hướng dẫn."),
            no("Bộ Y tế đã tổng hợp ý kiến như sau:\n1. Rà soát danh mục thuốc thiết yếu."),
        ],
    },
    Rule {
        id: "TK004",
        family: Family::Task,
        description: "A numbered row of a task table (NHIỆM VỤ / THỜI GIAN HOÀN THÀNH / CƠ QUAN THỰC HIỆN).",
        examples: &[
            yes(
                "TT\tNHIỆM VỤ\tKẾT QUẢ YÊU CẦU\tTHỜI GIAN HOÀN THÀNH\tCƠ QUAN THỰC HIỆN\n1\tXây dựng Nghị định\tTrình Chính phủ\tTháng 6\tBộ Tư pháp",
                "Bộ Tư pháp | Xây dựng Nghị định | Trình Chính phủ",
            ),
            no("TT\tTÊN\tGHI CHÚ\n"),
        ],
    },
];

/// How a sentence assigns work, if it does.
pub struct Shape {
    pub rule: &'static str,
    pub kind: TaskKind,
}

/// Directive verbs that open an assignment to the agency after them (folded):
/// `giao` (assign), `yêu cầu` (require), `đề nghị` (request).
const DIRECTIVE_VERBS: &[&str] = &["giao", "yeu cau", "de nghi"];

/// Classifies a text: an outright assignment (`Giao X`, `Thủ tướng yêu cầu X`), an agency as
/// subject, or an item under an assignee heading.
pub fn classify(text: &str, mentions: &[AgencyMention], under_assignee: bool) -> Option<Shape> {
    if let Some(first) = mentions.first() {
        if ends_with_directive_verb(&text[..first.range.start.min(text.len())]) {
            return Some(Shape {
                rule: "TK001",
                kind: TaskKind::Directive,
            });
        }
        let head = &text[..first.range.start.min(text.len())];
        if only_titles(head) || is_intro_adverbial(head) {
            return Some(Shape {
                rule: "TK002",
                kind: TaskKind::Directive,
            });
        }
    }
    under_assignee.then_some(Shape {
        rule: "TK003",
        kind: TaskKind::Directive,
    })
}

/// An introductory phrase before a subject, closed by a comma: `Thứ tám, về an ninh mạng, `
/// (eighthly, on ...), `Về hạ tầng số, `, `Đối với ..., `, `Thời gian tới, ` (from now on),
/// `Trên cơ sở đó, `. Titles may follow it (`..., lãnh đạo các bộ`).
pub fn is_intro_adverbial(head: &str) -> bool {
    const OPENERS: &[&str] = &[
        "thu ",
        "ve ",
        "doi voi ",
        "thoi gian toi",
        "trong thoi gian toi",
        "tren co so",
        "de ",
        "nam ",
        "tu nay",
    ];
    let trimmed = head.trim_end();
    let Some(comma) = trimmed.rfind(',') else {
        return false;
    };
    OPENERS
        .iter()
        .any(|o| vntask_tokenizer::fold_starts_with(trimmed, o))
        && only_titles(&trimmed[comma + 1..])
}

/// Whether `text` ends with a directive verb (`giao`, `yêu cầu`, `đề nghị`), so that what
/// follows is its addressee.
/// Titles and determiners between the verb and the agency (`đề nghị các`, `giao đồng chí
/// Chủ tịch`) are skipped.
pub fn ends_with_directive_verb(text: &str) -> bool {
    // The words from the end, each folded when reached: the verb and the titles after it are
    // the last few words, and the lead-in before them can be long. Splitting the text where
    // a char is neither alphanumeric nor a mark (which folding drops) gives the words of the
    // folded text, since folding keeps every other char alphanumeric or not (checked over all
    // of Unicode in the tests).
    let mut words = text
        .rsplit(|c: char| !c.is_alphanumeric() && !vntask_tokenizer::is_mark(c))
        .map(vntask_tokenizer::fold)
        .filter(|w| !w.is_empty());
    let mut last = words.next();
    let mut before = words.next();
    while let Some(word) = last {
        let verb_ends = DIRECTIVE_VERBS
            .iter()
            .any(|verb| match verb.split_once(' ') {
                Some((first, second)) => word == second && before.as_deref() == Some(first),
                None => word == *verb,
            });
        if verb_ends {
            return true;
        }
        if !TITLE_WORDS.contains(&word.as_str()) {
            return false;
        }
        last = before;
        before = words.next();
    }
    false
}

const TITLE_WORDS: &[&str] = &[
    "cac", "dong", "chi", "bo", "truong", "thu", "chu", "tich", "giam", "doc", "lanh", "dao",
    "nguoi", "dung", "dau", "nganh", "va", "cung", "voi", "mot", "so", "tong",
];

/// Words that may stand before or between agency names in a subject without making it
/// anything else: titles (`Bộ trưởng`, `Thủ trưởng`, `Chủ tịch`, `Giám đốc`, `lãnh đạo`,
/// `người đứng đầu`, `Trưởng ngành`), `các đồng chí`, conjunctions and punctuation.
pub fn only_titles(text: &str) -> bool {
    // Word by word, so that a long text stops at its first word that is not a title.
    text.split(|c: char| !c.is_alphanumeric() && !vntask_tokenizer::is_mark(c))
        .filter(|w| !w.is_empty())
        .all(|w| {
            let folded = vntask_tokenizer::fold(w);
            folded.is_empty() || TITLE_WORDS.contains(&folded.as_str())
        })
}

/// A text that reports what was done rather than assigning work: `đã` (already) right after
/// the subject, or a report opener such as `Sau khi nghe` (after hearing).
///
/// Read without folding the whole text (folding every task's text showed in profiles): the
/// openers and the first words need only the text's first words folded, and the closing
/// formula is looked for around each `b`, which both of its phrases hold (see
/// [`has_closing_formula`]).
pub fn is_report(text: &str) -> bool {
    if vntask_tokenizer::fold_starts_with(text, "sau khi nghe")
        || vntask_tokenizer::fold_starts_with(text, "theo bao cao")
    {
        return true;
    }
    // The closing formula of a Thông báo: `X thông báo để các cơ quan biết, thực hiện`.
    if has_closing_formula(text) {
        return true;
    }
    // `đã` among the first words of the clause, before any directive verb.
    let (da, directive) = first_da_and_directive(text, 12);
    match (da, directive) {
        (Some(d), Some(v)) => d < v && d < 10,
        (Some(d), None) => d < 10,
        _ => false,
    }
}

/// Among the first `words` words of `vntask_tokenizer::fold(text)`, the index of the first
/// `da` and of the first directive word, folded char by char as far as those words go
/// (folding maps each char on its own, a mark to nothing, so these are the words of the
/// whole fold). A word is kept while it could still be one of them (four chars at most).
fn first_da_and_directive(text: &str, words: usize) -> (Option<usize>, Option<usize>) {
    let mut da = None;
    let mut directive = None;
    let mut index = 0;
    let mut word = ['\0'; 4];
    let mut len = 0;
    let mut in_word = false;
    let mut judge = |word: &[char], index: usize| {
        let is = |wanted: &str| word.iter().copied().eq(wanted.chars());
        if da.is_none() && is("da") {
            da = Some(index);
        }
        let verbs = ["giao", "yeu", "de", "phai", "can", "tiep", "khan", "som"];
        if directive.is_none() && verbs.iter().any(|v| is(v)) {
            directive = Some(index);
        }
    };
    let chars = text
        .chars()
        .filter(|c| !vntask_tokenizer::is_mark(*c))
        .map(vntask_tokenizer::fold_char);
    for c in chars.chain(std::iter::once(' ')) {
        if c.is_whitespace() {
            if in_word {
                // `len` past the buffer marks a word too long to be one of those looked for.
                if let Some(word) = word.get(..len) {
                    judge(word, index);
                }
                index += 1;
                if index == words {
                    break;
                }
            }
            in_word = false;
            len = 0;
        } else {
            in_word = true;
            if let Some(slot) = word.get_mut(len) {
                *slot = c;
            }
            len += 1;
        }
    }
    (da, directive)
}

/// Whether the fold of `text` holds both `thong bao de` and `biet`, as
/// `fold(text).contains(..)` tells. Both phrases hold a `b`, and only `b` and `B` fold to
/// `b` in a text without the byte 0xB8 (the other letters that do, `Ḃ` to `ḇ`, U+1E02 to
/// U+1E07, are written with it; checked over all of Unicode in the tests): each phrase is
/// looked for around the text's `b`s, folding a few chars on each side.
fn has_closing_formula(text: &str) -> bool {
    if text.as_bytes().contains(&0xB8) {
        let folded = vntask_tokenizer::fold(text);
        return folded.contains("thong bao de") && folded.contains("biet");
    }
    let folded_from = |at: usize| {
        text.get(at..)
            .unwrap_or_default()
            .chars()
            .filter(|c| !vntask_tokenizer::is_mark(*c))
            .map(vntask_tokenizer::fold_char)
    };
    let folded_before = |at: usize| {
        text.get(..at)
            .unwrap_or_default()
            .chars()
            .rev()
            .filter(|c| !vntask_tokenizer::is_mark(*c))
            .map(vntask_tokenizer::fold_char)
    };
    let mut formula = false;
    let mut biet = false;
    for at in text
        .match_indices('b')
        .chain(text.match_indices('B'))
        .map(|(at, _)| at)
    {
        // The char after the `b` starts at `at + 1`: `b` and `B` are one byte.
        biet = biet || folded_from(at + 1).take(3).eq("iet".chars());
        formula = formula
            || (folded_from(at + 1).take(5).eq("ao de".chars())
                && folded_before(at).take(6).eq(" gnoht".chars()));
        if formula && biet {
            return true;
        }
    }
    false
}

/// The closing formula of a report (`Ủy ban nhân dân tỉnh X báo cáo Bộ Y./.`, `... kính báo
/// cáo Thủ tướng Chính phủ./.`): the body's last sentence, closed by `./.`, says to whom the
/// document reports and nothing after the addressee. A task that ends with a report to make
/// (`..., báo cáo Thủ tướng Chính phủ trước ngày 20/11./.`) still has its deadline after it.
pub fn is_closing_report(text: &str, mentions: &[AgencyMention]) -> bool {
    const VERB: &str = "báo cáo";
    let text = text.trim_end();
    if !text.ends_with("/.") {
        return false;
    }
    let Some(at) = text.rfind(VERB).map(|i| i + VERB.len()) else {
        return false;
    };
    // What follows the verb, without the agencies named there: titles and punctuation only.
    let mut rest = String::new();
    let mut from = at;
    for mention in mentions.iter().filter(|m| m.range.start >= at) {
        rest.push_str(text.get(from..mention.range.start).unwrap_or_default());
        rest.push(' ');
        from = mention.range.end.max(from);
    }
    rest.push_str(text.get(from..).unwrap_or_default());
    // The Government, its Prime Minister and the National Assembly are the usual addressees
    // and are not agencies of the gazetteer.
    let mut rest = vntask_tokenizer::fold(&rest);
    for addressee in ["thu tuong", "chinh phu", "quoc hoi"] {
        rest = rest.replace(addressee, " ");
    }
    only_titles(&rest)
}

/// A heading rather than an action: it ends with a colon, or is a few words without a verb
/// phrase's length (`c) Tổ chức thực hiện`).
pub fn is_bare_heading(text: &str) -> bool {
    let trimmed = text.trim();
    // At most four words, counting no further than the fifth (items run to pages).
    trimmed.ends_with(':') || trimmed.split_whitespace().nth(4).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`is_report`] as it was: the whole text folded.
    fn is_report_folding_all(text: &str) -> bool {
        let folded = vntask_tokenizer::fold(text);
        if folded.starts_with("sau khi nghe") || folded.starts_with("theo bao cao") {
            return true;
        }
        if folded.contains("thong bao de") && folded.contains("biet") {
            return true;
        }
        let words: Vec<&str> = folded.split_whitespace().take(12).collect();
        let da = words.iter().position(|w| *w == "da");
        let directive = words.iter().position(|w| {
            matches!(
                *w,
                "giao" | "yeu" | "de" | "phai" | "can" | "tiep" | "khan" | "som"
            )
        });
        match (da, directive) {
            (Some(d), Some(v)) => d < v && d < 10,
            (Some(d), None) => d < 10,
            _ => false,
        }
    }

    #[test]
    fn only_b_and_letters_written_with_0xb8_fold_to_b() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if vntask_tokenizer::is_mark(c) || vntask_tokenizer::fold_char(c) != 'b' {
                continue;
            }
            let mut utf8 = [0; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            assert!(c == 'b' || c == 'B' || bytes.contains(&0xB8), "{c:?}");
        }
    }

    #[test]
    fn reports_read_from_the_head_and_the_bs_as_from_the_whole_fold() {
        let mut texts = crate::test_support::seed_lines();
        let corpus = std::fs::read_dir("/tmp/corp2")
            .into_iter()
            .flatten()
            .flatten();
        for entry in corpus {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                texts.extend(text.lines().map(str::to_string));
            }
        }
        for made in [
            "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện.",
            "VĂN PHÒNG CHÍNH PHỦ THÔNG BÁO ĐỂ CÁC CƠ QUAN BIẾT",
            "Văn phòng thong bao de cac co quan biet",
            // Decomposed marks between the letters, a `b` glued to the phrase, and `Ḃ`.
            "thông ba\u{301}o đê\u{309} các cơ quan bi\u{302}\u{301}t",
            "thôngbáo để biết",
            "thông Ḃáo để biết",
            "thông báo để các cơ quan Ḃiết",
            "biết thông báo để",
            "thông báo đểbiết",
            "thông báo đ",
            "b",
            "B",
            "",
            "  Bộ Y tế đã ban hành; giao Bộ Tài chính",
            "Sau khi nghe báo cáo",
            "a b c d e f g h i j k đã",
            "a b c d e f g h i đã l",
            "a\u{301} \u{301} đã",
        ] {
            texts.push(made.to_string());
        }
        let mut reports = 0;
        for text in &texts {
            let expected = is_report_folding_all(text);
            assert_eq!(is_report(text), expected, "{text:?}");
            reports += usize::from(expected);
        }
        assert!(
            texts.len() > 1000 && reports > 20,
            "{} {reports}",
            texts.len()
        );
    }

    #[test]
    fn a_directive_verb_ends_the_lead_in_past_titles() {
        assert!(ends_with_directive_verb("Thủ tướng Chính phủ giao "));
        assert!(ends_with_directive_verb(
            "Thủ tướng yêu cầu các đồng chí Bộ trưởng "
        ));
        assert!(ends_with_directive_verb("Đề nghị "));
        assert!(ends_with_directive_verb("ĐỀ NGHỊ các "));
        // A verb inside a longer word, or followed by other words, is not one.
        assert!(!ends_with_directive_verb("Bộ Giáo dục tiếp tục giao dịch "));
        assert!(!ends_with_directive_verb("nghị "));
        assert!(!ends_with_directive_verb("giao nhiệm vụ cho "));
        assert!(!ends_with_directive_verb(""));
    }

    #[test]
    fn reports_and_headings() {
        assert!(is_report("Bộ Tài chính đã ban hành Thông tư."));
        assert!(is_report(
            "Sau khi nghe Bộ Y tế báo cáo, Thủ tướng kết luận."
        ));
        assert!(!is_report(
            "Bộ Tài chính khẩn trương hoàn thiện Nghị định đã được giao."
        ));
        assert!(is_report(
            "Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện."
        ));
        assert!(is_bare_heading("3. Về phát triển kinh tế số:"));
        assert!(is_bare_heading("Tổ chức thực hiện"));
        assert!(!is_bare_heading("Xây dựng, hoàn thiện tài liệu hướng dẫn."));
    }

    #[test]
    fn the_closing_report_formula_is_not_a_task() {
        let context = crate::agencies::AgencyContext::default();
        let closing = |text: &str| {
            let mentions = crate::agencies::find(text, &context);
            is_closing_report(text, &mentions)
        };
        assert!(closing(
            "Ủy ban nhân dân tỉnh Hà Tĩnh báo cáo Bộ Khoa học và Công nghệ./."
        ));
        assert!(closing("Bộ Y tế kính báo cáo Thủ tướng Chính phủ./."));
        // A report still to be made, with its deadline, is work.
        assert!(!closing(
            "Bộ Tài chính tổng hợp, báo cáo Thủ tướng Chính phủ trước ngày 20/11/2025./."
        ));
        // Not the end of the body.
        assert!(!closing("Sở Y tế báo cáo Ủy ban nhân dân tỉnh."));
        assert!(!closing("Bộ Y tế chủ trì xây dựng Đề án./."));
    }

    #[test]
    fn introductory_phrases_before_a_subject() {
        assert!(is_intro_adverbial(
            "Thứ tám, về an ninh, an toàn thông tin, "
        ));
        assert!(is_intro_adverbial("thời gian tới, "));
        assert!(is_intro_adverbial("Về hạ tầng số, lãnh đạo "));
        assert!(!is_intro_adverbial("Sau khi nghe "));
        assert!(!is_intro_adverbial(
            "Về hạ tầng số, Thủ tướng nhấn mạnh vai trò của "
        ));
    }

    #[test]
    fn titles_are_not_content() {
        assert!(only_titles("Các đồng chí Bộ trưởng, "));
        assert!(only_titles(""));
        assert!(!only_titles("Sau khi nghe "));
    }

    /// The lead-in test as it was: the whole text folded and split into words.
    fn ends_with_directive_verb_by_folding_all(text: &str) -> bool {
        let folded = vntask_tokenizer::fold(text);
        let mut words: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let verb_ends = |words: &[&str]| {
            DIRECTIVE_VERBS.iter().any(|verb| {
                let count = verb.split(' ').count();
                words.len() >= count
                    && words[words.len() - count..]
                        .iter()
                        .copied()
                        .eq(verb.split(' '))
            })
        };
        while !verb_ends(&words) {
            match words.last() {
                Some(w) if TITLE_WORDS.contains(w) => {
                    words.pop();
                }
                _ => return false,
            }
        }
        true
    }

    #[test]
    fn directive_verbs_read_from_the_end_as_from_the_whole_fold() {
        // At most two words each: the reading from the end keeps two.
        assert!(DIRECTIVE_VERBS.iter().all(|v| v.split(' ').count() <= 2));
        let mut texts = crate::test_support::seed_lines();
        for made in [
            "Thủ tướng Chính phủ giao ",
            "ĐỀ NGHỊ các đồng chí Bộ trưởng, Thủ trưởng ",
            "đề\u{301} nghị các ",
            "đê\u{323} nghị ",
            "gi\u{301}ao ",
            "yê\u{303}u câ\u{300}u các ",
            "yêu-cầu Bộ trưởng ",
            "giao. các ",
            "nghị ",
            "cầu ",
            "",
            "  ,, ",
        ] {
            texts.push(made.to_string());
        }
        let mut agreed = 0;
        for text in &texts {
            // Every prefix ending at a space: the lead-ins the classifier asks about.
            for (at, _) in text.match_indices(' ') {
                let head = &text[..at + 1];
                let expected = ends_with_directive_verb_by_folding_all(head);
                assert_eq!(ends_with_directive_verb(head), expected, "{head:?}");
                agreed += usize::from(expected);
            }
            assert_eq!(
                ends_with_directive_verb(text),
                ends_with_directive_verb_by_folding_all(text),
                "{text:?}"
            );
        }
        assert!(agreed > 10);
    }

    /// Folding keeps a char that is not a mark alphanumeric, or not, as it was.
    #[test]
    fn folding_keeps_word_chars_and_separators_apart() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if vntask_tokenizer::is_mark(c) {
                continue;
            }
            let folded = vntask_tokenizer::fold(c.encode_utf8(&mut [0; 4]));
            let mut chars = folded.chars();
            let (Some(f), None) = (chars.next(), chars.next()) else {
                panic!("{c:?} folds to {folded:?}");
            };
            assert_eq!(f.is_alphanumeric(), c.is_alphanumeric(), "{c:?}");
        }
    }
}
