//! Tests of the task shapes, and of each fast path against the plain reading it replaces.

use super::*;

#[test]
fn title_words_are_told_as_by_folding_them() {
    let mut words: Vec<String> = crate::test_support::seed_lines()
        .iter()
        .flat_map(|line| {
            line.split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    for made in [
        "Bộ",
        "BỘ",
        "bo\u{323}",
        "\u{301}",
        "Trưởng",
        "TRƯỞNG",
        "truongx",
        "đồng",
        "ĐỒNG",
        "Chủ",
        "chủtịch",
        "người",
        "ngườii",
        "Ⅻ",
        "ß",
        "cac\u{301}",
        "",
    ] {
        words.push(made.to_string());
    }
    let mut titles = 0;
    for word in &words {
        let folded = vntask_tokenizer::fold(word);
        let expected = folded.is_empty() || TITLE_WORDS.contains(&folded.as_str());
        assert_eq!(is_title_word(word), expected, "{word:?}");
        titles += usize::from(expected);
    }
    assert!(titles > 100, "{titles}");
}

/// [`is_report`] written plainly: the whole text folded for the phrases, its words lower-cased
/// and compared with their diacritics (or folded, when typed without any).
fn is_report_folding_all(text: &str) -> bool {
    let folded = vntask_tokenizer::fold(text);
    if folded.starts_with("sau khi nghe") || folded.starts_with("theo bao cao") {
        return true;
    }
    if folded.contains("thong bao de") && folded.contains("biet") {
        return true;
    }
    if text.contains("đã diễn ra") {
        return true;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().take(12).collect();
    let is =
        |w: &str, exact: &str| w == exact || (w.is_ascii() && w == vntask_tokenizer::fold(exact));
    // A `đã` after `<verb of work> <quantifier> <one to three words>` is the object's.
    let of_object = |at: usize| {
        (1..=3).any(|n: usize| {
            at >= n + 3
                && QUANTIFIERS.contains(&words[at - n - 1])
                && !words[at - n..at]
                    .iter()
                    .any(|w| w.ends_with([',', ';', ':', '.']))
                && OBJECT_VERBS.contains(
                    &vntask_tokenizer::fold(&format!(
                        "{} {}",
                        words[at - n - 3],
                        words[at - n - 2]
                    ))
                    .as_str(),
                )
        })
    };
    let da = (0..words.len()).find(|&i| is(words[i], "đã") && !of_object(i));
    let directive = words.iter().position(|w| {
        ["giao", "yêu", "đề", "phải", "cần", "tiếp", "khẩn", "sớm"]
            .iter()
            .any(|v| is(w, v))
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
    let mut texts = crate::test_support::comparison_lines();
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
        "Bệnh viện Đa khoa tỉnh bố trí khu vực điều trị",
        "Những khó khăn đã được tháo gỡ",
        "Cán bộ, công chức đã hoàn thành",
        "Bo Tai chinh da ban hanh",
        "Bộ Tài chính ĐÃ ban hành",
        "Vụ Ngân sách rà soát số vốn đã giao",
        "Các tỉnh triển khai các nhiệm vụ đã đề ra",
        "Đến nay các tỉnh đã hoàn thành",
        "Sở Y tế phối hợp với các đơn vị đã tổ chức",
        "Sở Y tế rà soát các tỉnh, thành phố đã báo cáo",
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
    // `Đa khoa` (general) is not `đã` (already); `khó khăn`, `Cán bộ` hold no directive word.
    assert!(!is_report(
        "Bệnh viện Đa khoa tỉnh bố trí khu vực điều trị riêng."
    ));
    assert!(is_report("Những khó khăn, vướng mắc đã được tháo gỡ."));
    // A `đã` in the object's relative clause (`số vốn đã giao`: the capital already
    // allocated) does not make the clause a report; one after the subject does.
    assert!(!is_report(
        "Vụ Ngân sách nhà nước rà soát số vốn đã giao nhưng chưa phân bổ chi tiết."
    ));
    assert!(!is_report("Sở Xây dựng triển khai các nhiệm vụ đã đề ra."));
    assert!(is_report("Đến nay các tỉnh đã hoàn thành việc sắp xếp."));
    assert!(is_report(
        "Sở Y tế phối hợp với các đơn vị đã tổ chức tiêm chủng."
    ));
    assert!(is_report("Bộ Công an đã triển khai các nhiệm vụ đã đề ra."));
    assert!(is_report("Cán bộ, công chức đã hoàn thành việc số hóa."));
    assert!(is_report("Bo Tai chinh da ban hanh Thong tu."));
    assert!(is_report(
        "Sáng ngày 2/8/2028, tại Hội trường Đa năng - Bộ Tư pháp đã diễn ra Tọa đàm đánh giá."
    ));
    assert!(!is_report(
        "Bộ Tư pháp tổ chức Tọa đàm đánh giá, báo cáo kết quả đã đạt được."
    ));
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

/// [`is_execution_article`] as it was: the whole text folded once the gate lets it through.
fn is_execution_article_folding_all(text: &str) -> bool {
    if !text.contains("hành") && !text.contains("hanh") && !text.contains("HÀNH") {
        return false;
    }
    let folded = vntask_tokenizer::fold(text);
    folded.match_indices("thi hanh ").any(|(at, verb)| {
        let after = folded.get(at + verb.len()..).unwrap_or_default();
        DOCUMENTS.iter().any(|d| {
            after
                .strip_prefix(d)
                .is_some_and(|rest| rest.trim_start().starts_with("nay"))
        })
    })
}

#[test]
fn only_the_space_folds_to_a_space() {
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        if !vntask_tokenizer::is_mark(c) && vntask_tokenizer::fold_char(c) == ' ' {
            assert_eq!(c, ' ', "U+{:04X}", c as u32);
        }
    }
}

#[test]
fn execution_articles_read_around_the_spaces_as_from_the_whole_fold() {
    let mut texts = crate::test_support::comparison_lines();
    for made in [
        "Giám đốc Sở Y tế chịu trách nhiệm thi hành Quyết định này./.",
        "CHỊU TRÁCH NHIỆM THI HÀNH QUYẾT ĐỊNH NÀY",
        "chịu trách nhiệm thi hanh nghi quyet  \u{a0}nay",
        "thi hành Thông tư\tnày",
        "Thi Hành Chỉ thị này và ban hành",
        "thi hành Nghị định số 10 này",
        "thi  hành Quyết định này",
        "thi hành Quyết địnhnày",
        "thi hành Quyết định",
        "thi hành",
        "thi hành ",
        " hành",
        "hành ",
        // Decomposed marks around the space, and letters folding to `h` and `i`.
        "thi\u{301} ha\u{300}nh Quyết định này",
        "thi \u{301}hành Quyết định này",
        "thí Ĥành Quyết định này, ban hành",
        "thİ hành Quyết định này",
        "thi thi hành Nghị quyết này",
        "thi hành thi hành Nghị quyết này",
        "",
    ] {
        texts.push(made.to_string());
    }
    let mut articles = 0;
    for text in &texts {
        let expected = is_execution_article_folding_all(text);
        assert_eq!(is_execution_article(text), expected, "{text:?}");
        articles += usize::from(expected);
    }
    assert!(articles >= 10, "{articles}");
}
