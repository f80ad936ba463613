//! Task shapes: how a sentence assigns work.

use crate::agencies::AgencyMention;
use vntask_writer::TaskKind;

mod registry;
pub use registry::RULES;

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
        // `Chính phủ giao Tổng cục Thống kê ...`: the first body assigns by a directive verb
        // right after it, and the next body is the addressee, as in `Giao X`.
        let assigns_next = mentions.get(1).is_some_and(|next| {
            let gap = text
                .get(first.range.end..next.range.start)
                .unwrap_or_default();
            let gap = crate::agencies::skip_personal_name(gap);
            gap.split_whitespace().nth(4).is_none() && ends_with_directive_verb(gap)
        });
        if (only_titles(head) || is_intro_adverbial(head)) && assigns_next {
            return Some(Shape {
                rule: "TK001",
                kind: TaskKind::Directive,
            });
        }
        if only_titles(head) || is_intro_adverbial(head) {
            return Some(Shape {
                rule: "TK002",
                kind: TaskKind::Directive,
            });
        }
        if addressed_by_doi_voi(text, head, first) {
            return Some(Shape {
                rule: "TK001",
                kind: TaskKind::Directive,
            });
        }
    }
    under_assignee.then_some(Shape {
        rule: "TK003",
        kind: TaskKind::Directive,
    })
}

/// `Đối với Bộ Tài chính, Phó Thủ tướng đề nghị bảo đảm ...` (as for the Ministry of
/// Finance, the Deputy PM asks it to ...): the body the sentence opens on is the addressee of
/// the directive verb its assigner says after the comma. The assigner opens with a capital
/// (a title or a name: `Phó Thủ tướng`, `Chủ tịch UBND tỉnh`) and the verb comes within a few
/// words; `Đối với Bộ Xây dựng, lĩnh vực giao thông ...` is no assignment.
fn addressed_by_doi_voi(text: &str, head: &str, first: &AgencyMention) -> bool {
    if vntask_tokenizer::fold(head.trim()) != "doi voi" {
        return false;
    }
    let Some(after) = text
        .get(first.range.end..)
        .and_then(|t| t.strip_prefix(", "))
    else {
        return false;
    };
    if !after.starts_with(char::is_uppercase) {
        return false;
    }
    let clause = &after[..after.find([',', ';', '.']).unwrap_or(after.len())];
    let words: Vec<String> = clause
        .split_whitespace()
        .take(10)
        .map(vntask_tokenizer::fold)
        .collect();
    words.windows(2).enumerate().any(|(at, pair)| {
        let verb = matches!(pair[0].as_str(), "giao")
            || matches!(
                (pair[0].as_str(), pair[1].as_str()),
                ("yeu", "cau") | ("de", "nghi")
            );
        // An assigner before the verb, and work after it.
        verb && at > 0 && words.get(at + 2).is_some_and(|w| !w.is_empty())
    })
}

/// How an introductory phrase opens (folded): `Thứ`, `Về`, `Đối với`, `Thời gian tới`,
/// `Trong thời gian tới`, `Trên cơ sở`, `Để`, `Năm`, `Từ nay`, `Tại` (`Tại buổi làm việc, `,
/// at the meeting); a news report's `Phát biểu kết luận, ` (closing the meeting) and
/// `Kết luận buổi làm việc, ` (concluding the meeting).
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
    "tai ",
    "phat bieu ",
    "ket luan ",
];

/// An introductory phrase before a subject, closed by a comma: `Thứ tám, về an ninh mạng, `
/// (eighthly, on ...), `Về hạ tầng số, `, `Đối với ..., `, `Thời gian tới, ` (from now on),
/// `Trên cơ sở đó, `, `Tại buổi kiểm tra, `. Titles may follow it (`..., lãnh đạo các bộ`).
pub fn is_intro_adverbial(head: &str) -> bool {
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
        .rsplit(|c: char| !crate::is_alphanumeric(c) && !vntask_tokenizer::is_mark(c))
        .map(WordFold::of)
        .filter(|w| *w != WordFold::Empty);
    let mut last = words.next();
    let mut before = words.next();
    while let Some(word) = last {
        let verb_ends = DIRECTIVE_VERBS
            .iter()
            .any(|verb| match verb.split_once(' ') {
                Some((first, second)) => word.is(second) && before.is_some_and(|b| b.is(first)),
                None => word.is(verb),
            });
        if verb_ends {
            return true;
        }
        if !TITLE_WORDS.iter().any(|t| word.is(t)) {
            return false;
        }
        last = before;
        before = words.next();
    }
    false
}

const TITLE_WORDS: &[&str] = &[
    "cac", "dong", "chi", "bo", "truong", "thu", "chu", "tich", "giam", "doc", "lanh", "dao",
    "nguoi", "dung", "dau", "nganh", "va", "cung", "voi", "mot", "so", "tong", "chanh",
];

/// Words that may stand before or between agency names in a subject without making it
/// anything else: titles (`Bộ trưởng`, `Thủ trưởng`, `Chủ tịch`, `Giám đốc`, `lãnh đạo`,
/// `người đứng đầu`, `Trưởng ngành`), `các đồng chí`, conjunctions and punctuation.
pub fn only_titles(text: &str) -> bool {
    // Word by word, so that a long text stops at its first word that is not a title.
    text.split(|c: char| !crate::is_alphanumeric(c) && !vntask_tokenizer::is_mark(c))
        .filter(|w| !w.is_empty())
        .all(is_title_word)
}

/// Whether `vntask_tokenizer::fold(word)` is empty or one of [`TITLE_WORDS`].
fn is_title_word(word: &str) -> bool {
    match WordFold::of(word) {
        WordFold::Empty => true,
        fold => TITLE_WORDS.iter().any(|t| fold.is(t)),
    }
}

/// `vntask_tokenizer::fold(word)` as far as the verbs and title words need, on the stack (a
/// string per word showed in profiles): those are short and ASCII, so a fold that runs
/// longer or holds another char is only told apart from an empty one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordFold {
    Empty,
    Short([u8; 8], usize),
    Other,
}

impl WordFold {
    fn of(word: &str) -> WordFold {
        let mut buffer = [0u8; 8];
        let mut len = 0;
        for c in word.chars().filter(|c| !vntask_tokenizer::is_mark(*c)) {
            let folded = vntask_tokenizer::fold_char(c);
            match buffer.get_mut(len) {
                Some(slot) if folded.is_ascii() => *slot = folded as u8,
                _ => return WordFold::Other,
            }
            len += 1;
        }
        if len == 0 {
            WordFold::Empty
        } else {
            WordFold::Short(buffer, len)
        }
    }

    /// Whether the fold is `wanted` (a word of ASCII letters).
    fn is(&self, wanted: &str) -> bool {
        match self {
            WordFold::Short(buffer, len) => buffer.get(..*len) == Some(wanted.as_bytes()),
            _ => false,
        }
    }
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
    // `đã` among the first words of the clause, before any directive verb: read first, as it
    // needs only the first words and the phrases below scan the whole text.
    if opens_with_da(text) {
        return true;
    }
    // The closing formula of a Thông báo: `X thông báo để các cơ quan biết, thực hiện`.
    if has_closing_formula(text) {
        return true;
    }
    // `... đã diễn ra Tọa đàm`: an event that took place, however long the dateline before it
    // (`Sáng ngày 2/8, tại Hội trường ..., Bộ Tư pháp đã diễn ra ...`).
    text.contains("đã diễn ra")
}

/// The directive words a report's `đã` must come after to be the task's own: `giao`, `yêu
/// (cầu)`, `đề (nghị)`, `phải`, `cần`, `tiếp (tục)`, `khẩn (trương)`, `sớm`; each with its
/// form typed without diacritics.
const DIRECTIVE_WORDS: &[(&str, &str)] = &[
    ("giao", "giao"),
    ("yêu", "yeu"),
    ("đề", "de"),
    ("phải", "phai"),
    ("cần", "can"),
    ("tiếp", "tiep"),
    ("khẩn", "khan"),
    ("sớm", "som"),
];

/// How many words before a `đã` [`modifies_object`] reads: a two-word verb, a quantifier and
/// up to three words of the noun.
const OBJECT_LOOKBACK: usize = 6;

/// Quantifiers that open a noun phrase: `các` (the), `những` (those), `số` (the amount of),
/// `mọi` (every).
const QUANTIFIERS: &[&str] = &["các", "những", "số", "mọi"];

/// Verbs of work done on an object, folded: `rà soát số vốn`, `triển khai các nhiệm vụ`,
/// `hoàn thành các dự án`.
const OBJECT_VERBS: &[&str] = &[
    "ra soat",
    "trien khai",
    "thuc hien",
    "hoan thanh",
    "hoan thien",
    "tong hop",
    "kiem tra",
    "danh gia",
    "xu ly",
    "giai quyet",
    "theo doi",
    "cap nhat",
    "dieu chinh",
    "sua doi",
    "bo sung",
    "thao go",
    "don doc",
    "giai ngan",
    "quyet toan",
    "thanh toan",
    "cong khai",
    "khac phuc",
    "su dung",
    "phan bo",
    "ban giao",
    "nghiem thu",
];

/// Whether a `đã` right after `recent` (the words before it, newest last) belongs to a
/// relative clause of the object rather than to the clause's own verb: in `Vụ X rà soát số
/// vốn đã giao` (review the capital already allocated) the `đã` says the allocation is past,
/// not that the review was done. That is a verb of work, then a quantifier (`các`, `những`,
/// `số`, `mọi`) and one to three words of its noun, then `đã`. A report's `đã` follows its
/// subject instead: `Các địa phương đã ...`, `Đến nay các tỉnh đã ...`, `Bộ Y tế phối hợp
/// với các đơn vị đã ...` (no verb of work right before the quantifier).
fn modifies_object(recent: &[&str; OBJECT_LOOKBACK]) -> bool {
    // The quantifier stands one to three words before `đã`, after a two-word verb.
    (1..=3).any(|noun_words| {
        let Some(quantifier_at) = OBJECT_LOOKBACK.checked_sub(noun_words + 1) else {
            return false;
        };
        let (Some(quantifier), Some(verb)) = (
            recent.get(quantifier_at),
            recent.get(quantifier_at.saturating_sub(2)..quantifier_at),
        ) else {
            return false;
        };
        // Lower-cased char by char, with no string made: the quantifiers hold no sigma, the
        // only letter `str::to_lowercase` reads in context.
        if quantifier_at < 2
            || !QUANTIFIERS.iter().any(|q| {
                quantifier
                    .chars()
                    .flat_map(char::to_lowercase)
                    .eq(q.chars())
            })
        {
            return false;
        }
        // The noun's words hold no punctuation: `các tỉnh, thành phố đã` is a subject list.
        let noun = recent.get(quantifier_at + 1..).unwrap_or_default();
        if noun.iter().any(|w| w.ends_with([',', ';', ':', '.'])) {
            return false;
        }
        let verb = vntask_tokenizer::fold(&verb.join(" "));
        OBJECT_VERBS.contains(&verb.as_str())
    })
}

/// How many words from the start a report's `đã` may stand at.
const DA_WORDS: usize = 10;

/// Whether a `đã` (already) of the clause's own, not its object's, stands among the first
/// [`DA_WORDS`] words of `text` before any directive word. A word is compared with its
/// diacritics: folding would take `Đa khoa` (general hospital) for `đã`, `Cán bộ` for `cần`
/// and `khó khăn` for `khẩn`. Only a word typed with no diacritics at all is compared in its
/// folded form (`da`, `can`).
///
/// The first of the two decides, so the words are read only up to it.
fn opens_with_da(text: &str) -> bool {
    // The last few words before the current one, word `i` at `i % OBJECT_LOOKBACK` (rotating
    // an array a word showed in profiles), put in order only for a `đã`.
    let mut ring: [&str; OBJECT_LOOKBACK] = [""; OBJECT_LOOKBACK];
    for (index, word) in text.split_whitespace().take(DA_WORDS).enumerate() {
        // Lower-casing keeps a Vietnamese letter's UTF-8 length (`Đ`/`đ`, `Ã`/`ã`), so a word
        // of another length is settled before any char is read.
        let ascii = word.is_ascii();
        let is = |(exact, plain): (&str, &str)| {
            if ascii {
                word.len() == plain.len() && word.eq_ignore_ascii_case(plain)
            } else {
                word.len() == exact.len() && vntask_tokenizer::lowercase_is(word, exact)
            }
        };
        if is(("đã", "da")) {
            let recent = std::array::from_fn(|i| ring[(index + i) % OBJECT_LOOKBACK]);
            if !modifies_object(&recent) {
                return true;
            }
        }
        if DIRECTIVE_WORDS.iter().any(|pair| is(*pair)) {
            return false;
        }
        ring[index % OBJECT_LOOKBACK] = word;
    }
    false
}

/// Whether the fold of `text` holds both `thong bao de` and `biet`, as
/// `fold(text).contains(..)` tells. Both phrases hold a `b`, and only `b` and `B` fold to
/// `b` in a text without the byte 0xB8 (the other letters that do, `Ḃ` to `ḇ`, U+1E02 to
/// U+1E07, are written with it; checked over all of Unicode in the tests): each phrase is
/// looked for around the text's `b`s, folding a few chars on each side.
fn has_closing_formula(text: &str) -> bool {
    let mut formula = false;
    let mut biet = false;
    // One pass for the `b`s, the `B`s and the byte 0xB8 together (three scans of the text
    // showed in profiles). A phrase found around a `b` is in the fold whatever else the text
    // holds, so only a `false` must wait for the whole text to be free of 0xB8.
    for at in memchr::memchr3_iter(b'b', b'B', 0xB8, text.as_bytes()) {
        if text.as_bytes().get(at) == Some(&0xB8) {
            let folded = vntask_tokenizer::fold(text);
            return folded.contains("thong bao de") && folded.contains("biet");
        }
        // The char after the `b` starts at `at + 1`: `b` and `B` are one byte.
        biet = biet || folded_from(text, at + 1).take(3).eq("iet".chars());
        formula = formula
            || (folded_from(text, at + 1).take(5).eq("ao de".chars())
                && folded_before(text, at).take(6).eq(" gnoht".chars()));
        if formula && biet {
            return true;
        }
    }
    false
}

/// The folded chars of `text` from byte `at` on (marks dropped, as `vntask_tokenizer::fold`
/// does).
fn folded_from(text: &str, at: usize) -> impl Iterator<Item = char> + Clone + '_ {
    text.get(at..)
        .unwrap_or_default()
        .chars()
        .filter(|c| !vntask_tokenizer::is_mark(*c))
        .map(vntask_tokenizer::fold_char)
}

/// The folded chars of `text` before byte `at`, the nearest first.
fn folded_before(text: &str, at: usize) -> impl Iterator<Item = char> + '_ {
    text.get(..at)
        .unwrap_or_default()
        .chars()
        .rev()
        .filter(|c| !vntask_tokenizer::is_mark(*c))
        .map(vntask_tokenizer::fold_char)
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
    // What the report asks of its addressee (`xem xét, chỉ đạo`, `cho ý kiến`) belongs to the
    // formula too.
    for words in [
        "thu tuong",
        "chinh phu",
        "quoc hoi",
        "xem xet",
        "chi dao",
        "cho y kien",
        "quyet dinh",
    ] {
        rest = rest.replace(words, " ");
    }
    only_titles(&rest)
}

/// The documents an execution article binds to (folded): `Quyết định`, `Nghị quyết`, `Nghị
/// định`, `Chỉ thị`, `Thông tư` (`... thi hành Quyết định này`).
const DOCUMENTS: &[&str] = &[
    "quyet dinh",
    "nghi quyet",
    "nghi dinh",
    "chi thi",
    "thong tu",
];

/// The execution article of a decision (`Điều 3. Chánh Văn phòng ..., Giám đốc các Sở ...
/// chịu trách nhiệm thi hành Quyết định này./.`): the list of those bound by the document,
/// which every decision ends with; no task of its own.
pub fn is_execution_article(text: &str) -> bool {
    // Most texts hold no `hành` (`hanh` typed without marks): fold only those that do.
    if !text.contains("hành") && !text.contains("hanh") && !text.contains("HÀNH") {
        return false;
    }
    // Read around the text's spaces rather than folding it all (a fold of every text that
    // holds `hành` showed in profiles): only ` ` folds to ` ` (checked over all of Unicode in
    // the tests), so every `thi hanh ` of the fold has its first space at a space of the text,
    // with `thi` folded before it and `hanh ` after it. The phrase cannot overlap itself, so
    // this finds what `match_indices` finds.
    let bytes = text.as_bytes();
    memchr::memchr_iter(b' ', bytes).any(|at| {
        // Most words after a space start with an ASCII letter other than `h`: settled by it.
        match bytes.get(at + 1) {
            Some(&next) if next.is_ascii() && next | 0x20 != b'h' => return false,
            None => return false,
            _ => {}
        }
        let mut after = folded_from(text, at + 1);
        if !after.by_ref().take(5).eq("hanh ".chars())
            || !folded_before(text, at).take(3).eq("iht".chars())
        {
            return false;
        }
        DOCUMENTS.iter().any(|d| {
            let mut rest = after.clone();
            rest.by_ref().take(d.len()).eq(d.chars())
                && rest
                    .skip_while(|c| c.is_whitespace())
                    .take(3)
                    .eq("nay".chars())
        })
    })
}

/// The address formula of a Công điện (telegram): `Bộ trưởng Bộ X điện:`, `THỦ TƯỚNG CHÍNH PHỦ
/// điện:` (`điện` is "telegraphs to"): the sender and its titles, then `điện:` and the list of
/// addressees. The sender sends; it is given no task.
pub fn is_address_formula(text: &str, mentions: &[AgencyMention]) -> bool {
    let Some(body) = text.trim_end().strip_suffix(':') else {
        return false;
    };
    let body = body.trim_end();
    let Some(verb_at) = body
        .char_indices()
        .rev()
        .nth(3)
        .map(|(i, _)| i)
        .filter(|&i| body[i..].to_lowercase() == "điện")
    else {
        return false;
    };
    let before = &body[..verb_at];
    if before
        .chars()
        .next_back()
        .is_some_and(crate::is_alphanumeric)
    {
        return false;
    }
    // What stands before the verb, without the agencies named there: titles only.
    let mut rest = String::new();
    let mut from = 0;
    for mention in mentions.iter().filter(|m| m.range.end <= verb_at) {
        rest.push_str(before.get(from..mention.range.start).unwrap_or_default());
        rest.push(' ');
        from = mention.range.end.max(from);
    }
    rest.push_str(before.get(from..).unwrap_or_default());
    let rest = vntask_tokenizer::fold(&rest).replace("chinh phu", " ");
    only_titles(&rest)
}

/// A heading rather than an action: it ends with a colon, or is a few words without a verb
/// phrase's length (`c) Tổ chức thực hiện`).
pub fn is_bare_heading(text: &str) -> bool {
    let trimmed = text.trim();
    // At most four words, counting no further than the fifth (items run to pages).
    trimmed.ends_with(':') || trimmed.split_whitespace().nth(4).is_none()
}

pub mod gate;

#[cfg(test)]
mod tests;
