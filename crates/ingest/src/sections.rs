//! Section labels and the section tree.
//!
//! Vietnamese administrative documents number their parts `A.`/`B.`, then Roman `I.`/`II.`,
//! then `1.`, then letters of the Vietnamese alphabet `a)` ... `đ)` ... (which has no `f`, `j`,
//! `w`, `z`), then `-` and `+` bullets; `Thứ nhất, ...` paragraphs number points in prose.
//! The order varies between documents, so the tree is built by kind: a label of a kind
//! already open closes everything under it; a new kind opens a level.

mod numbered;

use numbered::{Group, Numbered};
use regex::Regex;
use std::sync::LazyLock;

/// The kind of a label, which decides its level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LabelKind {
    UpperLetter,
    Roman,
    Arabic,
    LowerLetter,
    Paren,
    Ordinal,
    /// `Điều 3.` in a decision or regulation.
    Article,
    /// `Phụ lục 1:` / `PHỤ LỤC II`: an appendix, which closes everything before it.
    Appendix,
    Dash,
    Plus,
}

/// A label found at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub kind: LabelKind,
    /// The label as written (`II.`, `a)`, `-`).
    pub raw: String,
    /// The path component (`II`, `a`, `3`); bullets get theirs from their position.
    pub key: String,
    /// Byte length of the label and the white space after it.
    pub len: usize,
}

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<roman>[IVXL]{1,6})[.)]\s+|(?P<upper>[A-ZĐ])[.)]\s+|(?P<arabic>\d{1,3}(?:\.\d{1,3})*)[.)]\s*|(?P<lower>[a-zđ])(?:\)\s*|\.\s+)|\((?P<paren>\d{1,2}|[a-zđ])\)\s*|(?P<plus>(?:[-–]\s*)?\+\s*)|(?P<dash>[-–—•·∙▪●◦*]\s*))",
    )
    .expect("valid regex")
});

/// The match of [`LABEL`] at the start of `line` (the reference for [`numbered::read`]).
fn numbered_by_regex(line: &str) -> Option<Numbered> {
    let caps = LABEL.captures(line)?;
    let groups = [
        ("roman", Group::Roman),
        ("upper", Group::Upper),
        ("arabic", Group::Arabic),
        ("lower", Group::Lower),
        ("paren", Group::Paren),
        ("plus", Group::Plus),
        ("dash", Group::Dash),
    ];
    let (m, group) = groups
        .iter()
        .find_map(|(name, group)| Some((caps.name(name)?, *group)))?;
    let key = match group {
        Group::Plus | Group::Dash => 0..0,
        _ => m.range(),
    };
    Some(Numbered {
        group,
        key,
        end: caps.get(0)?.end(),
    })
}

/// `Điều 3.`, `Điều 3:` and `Phụ lục 1:` / `PHỤ LỤC II` / `Phụ lục`.
static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Điều\s+(?P<article>\d{1,3})\s*[.:]\s*|(?i:phụ\s+lục)(?:\s+(?P<appendix>[0-9IVXLivxl]{1,6}))?\s*(?:[.:\-]\s*|$))")
        .expect("valid regex")
});

static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:Thứ (?P<th>nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|(?P<la>Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười) là)\s*[,:]",
    )
    .expect("valid regex")
});

/// Reads the label at the start of `line` (already trimmed at the start).
pub fn parse_label(line: &str) -> Option<Label> {
    let label = label_of(line, true)?;
    // A bullet before the document's own number or letter (`- a) Tổ chức ...`: a Markdown or
    // Word list marker put in front of the text's `a)`): the inner label numbers the item,
    // and both come off its text.
    if matches!(label.kind, LabelKind::Dash | LabelKind::Plus) {
        let inner = line
            .get(label.len..)
            .and_then(|rest| label_of(rest, true))
            .filter(|inner| {
                matches!(
                    inner.kind,
                    LabelKind::LowerLetter
                        | LabelKind::UpperLetter
                        | LabelKind::Arabic
                        | LabelKind::Roman
                        | LabelKind::Paren
                )
            });
        if let Some(inner) = inner {
            return Some(Label {
                len: label.len + inner.len,
                ..inner
            });
        }
    }
    Some(label)
}

/// Whether `line` opens with an appendix label (`Phụ lục 1`): `parse_label(line)` of kind
/// [`LabelKind::Appendix`], which only [`ARTICLE`] gives, without trying the other patterns.
pub fn is_appendix_label(line: &str) -> bool {
    may_open_article(line)
        && ARTICLE
            .captures(line)
            .is_some_and(|caps| caps.name("article").is_none())
}

/// Whether `line` may open with a match of [`ARTICLE`]: `Điều` or `phụ` in any case (the
/// only case variant of `p` is `P`).
fn may_open_article(line: &str) -> bool {
    line.starts_with("Điều") || line.starts_with(['p', 'P'])
}

/// Whether `line` may open with a match of [`LABEL`]: a digit (`\d` is any Unicode digit), a
/// parenthesis, a bullet or dash, or a letter followed (after at most five more Roman
/// numeral letters) by `.` or `)`. Most lines open with a word and are settled here.
fn may_open_numbered(line: &str) -> bool {
    let Some(first) = line.chars().next() else {
        return false;
    };
    match first {
        '(' | '+' | '-' | '–' | '—' | '•' | '·' | '∙' | '▪' | '●' | '◦' | '*' => {
            true
        }
        'A'..='Z' | 'a'..='z' | 'Đ' | 'đ' => {
            let rest = &line.as_bytes()[first.len_utf8()..];
            let numerals = rest
                .iter()
                .take(5)
                .take_while(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
                .count();
            matches!(rest.get(numerals), Some(b'.' | b')'))
        }
        c => c.is_numeric(),
    }
}

/// Whether `line` may open with a match of [`ORDINAL`]: `Thứ ` or a number word (at most 7
/// bytes, `Mười`) followed by ` là` (`20 6C C3 A0`).
fn may_open_ordinal(line: &str) -> bool {
    let bytes = line.as_bytes();
    line.starts_with("Thứ ")
        || bytes[..bytes.len().min(11)]
            .windows(4)
            .any(|w| w == " là".as_bytes())
}

/// [`parse_label`]; with `filtered`, a pattern runs only on lines its cheap necessary test
/// (`may_open_*`) lets through (without, every pattern runs: the reference for the tests).
fn label_of(line: &str, filtered: bool) -> Option<Label> {
    let article = (!filtered || may_open_article(line))
        .then(|| ARTICLE.captures(line))
        .flatten();
    if let Some(caps) = article {
        let whole = caps.get(0)?;
        let (kind, key) = match caps.name("article") {
            Some(m) => (LabelKind::Article, format!("art{}", m.as_str())),
            None => (
                LabelKind::Appendix,
                format!(
                    "PL{}",
                    caps.name("appendix")
                        .map_or("", |m| m.as_str())
                        .to_uppercase()
                ),
            ),
        };
        return Some(Label {
            kind,
            raw: whole.as_str().trim_end().to_string(),
            key,
            len: whole.end(),
        });
    }
    let numbered = if !filtered {
        numbered_by_regex(line)
    } else if may_open_numbered(line) {
        numbered::read(line).unwrap_or_else(|numbered::Undecided| numbered_by_regex(line))
    } else {
        None
    };
    if let Some(numbered) = numbered {
        let whole = line.get(..numbered.end)?;
        let key = line.get(numbered.key.clone())?;
        let rest = line.get(numbered.end..)?;
        let kind = match numbered.group {
            Group::Upper => LabelKind::UpperLetter,
            Group::Roman => LabelKind::Roman,
            Group::Arabic => {
                // `2024 - 2025` or `10.000` at a line start are not labels.
                if rest.starts_with(|c: char| c.is_ascii_digit())
                    || key.len() > 3 && !key.contains('.')
                {
                    return None;
                }
                LabelKind::Arabic
            }
            Group::Lower => LabelKind::LowerLetter,
            Group::Paren => LabelKind::Paren,
            Group::Dash => {
                // A dash must be followed by text: `-` alone or `---` is a rule line.
                if rest.trim().is_empty() || line.starts_with("--") {
                    return None;
                }
                LabelKind::Dash
            }
            Group::Plus => LabelKind::Plus,
        };
        // A single letter with a dot followed by lower case is a sentence, not a heading.
        if matches!(kind, LabelKind::UpperLetter | LabelKind::Roman)
            && rest.starts_with(|c: char| c.is_lowercase())
        {
            return None;
        }
        return Some(Label {
            kind,
            raw: whole.trim_end().to_string(),
            key: key.to_string(),
            len: numbered.end,
        });
    }
    // `Thứ nhất, ...` and `Một là, ...` number points in prose; the words stay in the text.
    if filtered && !may_open_ordinal(line) {
        return None;
    }
    ORDINAL.captures(line).and_then(|caps| {
        let key = match (caps.name("th"), caps.name("la")) {
            (Some(m), _) => format!("th{}", vntask_tokenizer::fold(m.as_str())),
            (_, Some(m)) => format!("{}la", vntask_tokenizer::fold(m.as_str())),
            _ => return None,
        };
        Some(Label {
            kind: LabelKind::Ordinal,
            raw: String::new(),
            key,
            len: 0,
        })
    })
}

/// The open levels of the section tree while reading a document in order.
#[derive(Debug, Default)]
pub struct SectionStack {
    levels: Vec<(LabelKind, String)>,
    /// How many bullets of a kind each parent path has had, to number them `-1`, `-2`.
    bullet_counts: std::collections::HashMap<(String, LabelKind), usize>,
}

impl SectionStack {
    /// Enters a labelled block; returns its path and depth (1 for a top-level label).
    pub fn enter(&mut self, label: &Label) -> (String, usize) {
        let kind = self.resolved_kind(label);
        if kind == LabelKind::Appendix {
            self.levels.clear();
        }
        if let Some(position) = self.levels.iter().position(|(open, _)| *open == kind) {
            self.levels.truncate(position);
        }
        let key = match kind {
            LabelKind::Dash | LabelKind::Plus => {
                // The parent's path goes into the map as it is (it was copied there).
                let count = self.bullet_counts.entry((self.path(), kind)).or_insert(0);
                *count += 1;
                format!("-{count}")
            }
            _ => label.key.clone(),
        };
        self.levels.push((kind, key));
        // The parent's path joined to the new key with `.`, built once at its size.
        (self.path(), self.levels.len())
    }

    /// `I.`, `V.`, `X.` are Roman numerals, unless they continue an open run of capital
    /// letters (`H.` then `I.`: the Vietnamese alphabet has no `J`, so `I` follows `H`).
    pub fn resolve(&self, label: &Label) -> Label {
        Label {
            kind: self.resolved_kind(label),
            ..label.clone()
        }
    }

    /// The kind of [`SectionStack::resolve`]'s label, without copying the label.
    pub fn resolved_kind(&self, label: &Label) -> LabelKind {
        if label.kind == LabelKind::Roman && label.key.len() == 1 {
            let follows_letter = self.levels.iter().any(|(kind, key)| {
                *kind == LabelKind::UpperLetter && next_letter(key) == Some(label.key.as_str())
            });
            if follows_letter {
                return LabelKind::UpperLetter;
            }
        }
        label.kind
    }

    /// An unlabelled paragraph: open bullets close; returns the enclosing item's path and depth.
    pub fn paragraph(&mut self) -> (String, usize) {
        while self
            .levels
            .last()
            .is_some_and(|(kind, _)| matches!(kind, LabelKind::Dash | LabelKind::Plus))
        {
            self.levels.pop();
        }
        (self.path(), self.levels.len())
    }

    /// An unlabelled heading (a news subheading): closes `Thứ nhất, ...` runs and bullets,
    /// which do not go on across it.
    pub fn heading(&mut self) -> (String, usize) {
        if let Some(position) = self.levels.iter().position(|(kind, _)| {
            matches!(kind, LabelKind::Ordinal | LabelKind::Dash | LabelKind::Plus)
        }) {
            self.levels.truncate(position);
        }
        (self.path(), self.levels.len())
    }

    /// Closes every level (a new part of the document such as an appendix table).
    pub fn reset(&mut self) {
        self.levels.clear();
    }

    /// The keys of the open levels joined with `.`.
    pub fn path(&self) -> String {
        // Sized once: pushing key by key grew the string two or three times a block.
        let len = self
            .levels
            .iter()
            .map(|(_, key)| key.len() + 1)
            .sum::<usize>();
        let mut path = String::with_capacity(len.saturating_sub(1));
        for (i, (_, key)) in self.levels.iter().enumerate() {
            if i > 0 {
                path.push('.');
            }
            path.push_str(key);
        }
        path
    }
}

/// The next capital letter of the Vietnamese alphabet (`D` -> `Đ`, `H` -> `I`).
fn next_letter(key: &str) -> Option<&'static str> {
    const ALPHABET: &[&str] = &[
        "A", "B", "C", "D", "Đ", "E", "G", "H", "I", "K", "L", "M", "N", "O", "P", "Q", "R", "S",
        "T", "U", "V", "X", "Y",
    ];
    let index = ALPHABET.iter().position(|letter| *letter == key)?;
    ALPHABET.get(index + 1).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_of(lines: &[&str]) -> Vec<String> {
        let mut stack = SectionStack::default();
        lines
            .iter()
            .map(|line| match parse_label(line) {
                Some(label) => {
                    let (path, depth) = stack.enter(&label);
                    assert_eq!(
                        (path.as_str(), depth),
                        (stack.path().as_str(), stack.levels.len())
                    );
                    path
                }
                None => stack.paragraph().0,
            })
            .collect()
    }

    #[test]
    fn a_bullet_before_a_letter_or_number_takes_the_inner_label() {
        let label = parse_label("- a) Tổ chức chiến dịch").expect("a label");
        assert_eq!(
            (label.kind, label.key.as_str(), label.len),
            (LabelKind::LowerLetter, "a", 5)
        );
        let label = parse_label("+ 2. Rà soát").expect("a label");
        assert_eq!((label.kind, label.key.as_str()), (LabelKind::Arabic, "2"));
        // A plain bullet, and a bullet before a number that is no label, stay bullets.
        for line in [
            "- Tổ chức chiến dịch",
            "- 2025 là năm bản lề",
            "- 10 tỉnh tham gia",
        ] {
            assert_eq!(
                parse_label(line).map(|l| l.kind),
                Some(LabelKind::Dash),
                "{line}"
            );
        }
        // Under an `a)` item, `- b)` is its sibling, not a bullet below it.
        assert_eq!(
            path_of(&["1. Bộ Y tế", "- a) Rà soát", "- b) Báo cáo"])[2],
            "1.b"
        );
    }

    proptest::proptest! {
        /// The prefilters change no label.
        #[test]
        fn prefilters_change_no_label(
            line in "(I|V|X|L|IV|A|Đ|đ|a|z|H|1|12|1.2|٣|²|\\(|\\)|\\.|-|–|\\+|•|\\*|Điều|điều|Phụ lục|PHỤ LỤC|phụ|Thứ|Mười|Hai|Một|Bốn| là| làng|nhất|,|:| |  |\\t|x|ạ|\\u{a0}){0,6}"
        ) {
            proptest::prop_assert_eq!(label_of(&line, true), label_of(&line, false));
            let appendix = label_of(&line, false).is_some_and(|l| l.kind == LabelKind::Appendix);
            proptest::prop_assert_eq!(is_appendix_label(&line), appendix);
        }
    }

    #[test]
    fn prefilters_change_no_label_of_the_seed_lines() {
        for line in [
            "Điều 3. Giao",
            "Điều 3: Giao",
            "Phụ lục 1: Tiến độ",
            "PHỤ LỤC II",
            "phụ lục",
            "II. Về giải pháp",
            "LXVIII. Mục",
            "IIIIIII. X",
            "a) Bộ",
            "đ. Bộ",
            "(2) Hoàn thiện",
            "(đ) Bộ",
            "- Sớm",
            "– Sớm",
            "— Sớm",
            "+ Bộ",
            "-+ Bộ",
            "• Bộ",
            "▪ Bộ",
            "* Mục",
            "٣. Bộ",
            "12.3.4) Bộ",
            "Thứ nhất, nhận thức",
            "Mười là: tập trung",
            "Bốn là, x",
            "Hai làng được chọn",
            "Hà Nội",
            "",
            "A",
            "I.",
            "Ia. x",
            "LI) Bộ",
        ] {
            assert_eq!(label_of(line, true), label_of(line, false), "{line}");
            let appendix = label_of(line, false).is_some_and(|l| l.kind == LabelKind::Appendix);
            assert_eq!(is_appendix_label(line), appendix, "{line}");
        }
    }

    #[test]
    fn builds_paths_by_kind() {
        assert_eq!(
            path_of(&[
                "A. VỀ TÌNH HÌNH",
                "I. Kết quả",
                "B. VỀ NHIỆM VỤ",
                "II. Về giải pháp",
                "3. Về kinh tế số:",
                "a) Bộ Tài chính",
                "- Sớm tham mưu",
                "- Hoàn thành",
                "b) Bộ Y tế",
                "4. Khác",
                "Đoạn văn"
            ]),
            vec![
                "A",
                "A.I",
                "B",
                "B.II",
                "B.II.3",
                "B.II.3.a",
                "B.II.3.a.-1",
                "B.II.3.a.-2",
                "B.II.3.b",
                "B.II.4",
                "B.II.4"
            ]
        );
    }

    #[test]
    fn capital_i_after_h_is_a_letter_and_appendix_resets() {
        assert_eq!(
            path_of(&[
                "H. Mục",
                "I. Mục tiếp",
                "Phụ lục 1: Tiến độ",
                "a) Các nhiệm vụ"
            ]),
            vec!["H", "I", "PL1", "PL1.a"]
        );
        assert_eq!(path_of(&["Điều 2. Giao", "1. Sở"]), vec!["art2", "art2.1"]);
    }

    #[test]
    fn labels_and_non_labels() {
        assert_eq!(
            parse_label("đ) Bộ Y tế").map(|l| l.key),
            Some("đ".to_string())
        );
        assert_eq!(
            parse_label("(2) Hoàn thiện").map(|l| l.kind),
            Some(LabelKind::Paren)
        );
        assert_eq!(
            parse_label("Thứ hai, nhận thức").map(|l| l.key),
            Some("thhai".to_string())
        );
        assert_eq!(
            parse_label("Hai là, tập trung hoàn thiện").map(|l| l.key),
            Some("haila".to_string())
        );
        assert_eq!(parse_label("Hai làng được chọn"), None);
        assert_eq!(
            parse_label("* Mục một").map(|l| l.kind),
            Some(LabelKind::Dash)
        );
        for not_label in [
            "2024 - 2025 là giai đoạn",
            "10.000 cán bộ",
            "---",
            "A. là chữ",
            "Hà Nội",
            "06; Sổ tay",
            "54/63 địa phương",
        ] {
            assert_eq!(parse_label(not_label), None, "{not_label}");
        }
    }
}
