//! Where in a document tasks can stand.
//!
//! Vietnamese conclusions and directives first review the past (`TÌNH HÌNH`, `KẾT QUẢ`,
//! `ĐÁNH GIÁ`, `TỒN TẠI, HẠN CHẾ`, `NGUYÊN NHÂN`, `BÀI HỌC KINH NGHIỆM`) and then assign the
//! future (`NHIỆM VỤ`, `GIẢI PHÁP`, `PHƯƠNG HƯỚNG`, `TỔ CHỨC THỰC HIỆN`, `KIẾN NGHỊ`,
//! `ĐỀ XUẤT`). Items under a review heading are reports, not tasks, unless a sentence
//! assigns work outright (`Đề nghị X ...`, `Giao X ...`).

use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;
use vntask_ingest::Document;

/// Folded cues of a heading over reporting.
const REPORT_CUES: &[&str] = &[
    "tinh hinh",
    "ket qua",
    "danh gia",
    "ton tai",
    "han che",
    "nguyen nhan",
    "bai hoc",
    "thuc trang",
    "boi canh",
    "quan diem",
    "ghi nhan",
    "bieu duong",
];

/// Folded cues of a heading over assignments.
const DIRECTIVE_CUES: &[&str] = &[
    "nhiem vu",
    "giai phap",
    "phuong huong",
    "to chuc thuc hien",
    "kien nghi",
    "de xuat",
    "de nghi",
    "yeu cau",
    "trach nhiem",
    "thoi gian toi",
];

/// What the headings above a block say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// Under a heading that reviews the past.
    Report,
    /// Under a heading that assigns work.
    Directive,
    /// No heading says either.
    Neutral,
}

/// The zone of every block: of the ancestor headings that carry a cue, the outermost decides
/// (`II. KẾT QUẢ ĐẠT ĐƯỢC` > `b) Các giải pháp ...` is still a review); within one heading the
/// cue written first decides (`Ghi nhận ... nỗ lực triển khai các nhiệm vụ` reviews, `Về
/// nhiệm vụ trọng tâm ... và đánh giá` assigns).
///
/// One pass in document order, since a parent comes before its children: a block's zone is its
/// parent's, or when that is neutral, what the parent's own heading says. Each heading is read
/// once, however many items stand under it.
pub fn zones(document: &Document) -> Vec<Zone> {
    let blocks = &document.blocks;
    let mut own: Vec<Option<Zone>> = vec![None; blocks.len()];
    let mut out: Vec<Zone> = Vec::with_capacity(blocks.len());
    for block in blocks {
        let zone = match block.parent {
            Some(parent) if parent < out.len() => match out[parent] {
                Zone::Neutral => *own[parent].get_or_insert_with(|| cue_of(&blocks[parent].text)),
                above => above,
            },
            _ => Zone::Neutral,
        };
        out.push(zone);
    }
    out
}

/// One automaton per cue list: its leftmost-first match starts where the earliest cue of the
/// list does, what a `find` per cue and the least of their positions gave, in one pass.
static DIRECTIVE_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| finder(DIRECTIVE_CUES));
static REPORT_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| finder(REPORT_CUES));

fn finder(cues: &[&str]) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(cues)
        // The cues are literals of this module; a failure is caught by every test run.
        .unwrap_or_else(|e| panic!("zone cue automaton: {e}"))
}

/// What one heading's own words say: the cue written first decides.
fn cue_of(text: &str) -> Zone {
    let heading: String = text.chars().take(160).collect();
    let folded = vntask_tokenizer::fold(&heading);
    let first = |finder: &AhoCorasick| finder.find(folded.as_str()).map(|m| m.start());
    match (first(&DIRECTIVE_FINDER), first(&REPORT_FINDER)) {
        (Some(d), Some(r)) if r < d && coordinated(&folded[r..d]) => Zone::Neutral,
        (Some(d), Some(r)) if r < d => Zone::Report,
        (Some(_), _) => Zone::Directive,
        (None, Some(_)) => Zone::Report,
        (None, None) => Zone::Neutral,
    }
}

/// Whether the directive cue at the end of `between` (the heading from its first review cue
/// up to the directive cue) is coordinated with the review, by `và` (and) or a comma: `Về
/// tình hình kinh tế - xã hội và các nhiệm vụ, giải pháp trọng tâm thời gian tới`, `ĐÁNH GIÁ
/// KẾT QUẢ, NHIỆM VỤ 6 THÁNG CUỐI NĂM`. Such a heading names a review and then assignments,
/// each under a heading of its own, so it decides neither. Not coordinated: a cue that is the
/// object of the review (`Ghi nhận ... nỗ lực triển khai các nhiệm vụ`), or one inside the
/// review's own sentences (`Nguyên nhân: (6) ... cách tiếp cận vấn đề và tổ chức thực hiện`:
/// a colon, a bracket or a clause stop comes between). Determiners before the cue (`các`,
/// `những`, `một số`, `về`) are skipped.
fn coordinated(between: &str) -> bool {
    if between.contains([':', ';', '.', '(', ')']) {
        return false;
    }
    let mut words = between.split_whitespace().rev();
    for word in words.by_ref() {
        match word {
            "cac" | "nhung" | "mot" | "so" | "ve" => continue,
            "va" => return true,
            _ => return word.ends_with(','),
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zones_of_text(text: &str) -> Vec<(String, Zone)> {
        let document = vntask_ingest::read(text.as_bytes(), "x.txt", &Default::default()).unwrap();
        let zones = zones(&document);
        document
            .blocks
            .iter()
            .zip(zones)
            .map(|(block, zone)| (block.text.clone(), zone))
            .collect()
    }

    #[test]
    fn headings_decide_the_zone() {
        let found = zones_of_text(
            "I. ĐÁNH GIÁ KẾT QUẢ\n1. Bộ Y tế đã ban hành Thông tư.\nII. NHIỆM VỤ THỜI GIAN TỚI\n1. Bộ Y tế hoàn thiện Đề án.\n",
        );
        let zone = |needle: &str| {
            found
                .iter()
                .find(|(t, _)| t.contains(needle))
                .map(|(_, z)| *z)
        };
        assert_eq!(zone("đã ban hành"), Some(Zone::Report));
        assert_eq!(zone("hoàn thiện"), Some(Zone::Directive));
        let nested = zones_of_text("II. KẾT QUẢ ĐẠT ĐƯỢC\nb) Các giải pháp nâng cao hiệu quả\n- Các bộ thực hiện nhiều giải pháp.\n");
        assert_eq!(nested.last().map(|(_, z)| *z), Some(Zone::Report));
    }

    #[test]
    fn a_heading_over_a_review_and_assignments_leaves_them_to_their_own_headings() {
        let found = zones_of_text(
            "Điều 1. Về tình hình kinh tế - xã hội và các nhiệm vụ, giải pháp thời gian tới\n\
             I. Về tình hình kinh tế - xã hội\n\
             1. Các bộ đã ban hành 27 văn bản.\n\
             II. Về nhiệm vụ, giải pháp trọng tâm\n\
             1. Bộ Tài chính theo dõi sát diễn biến thị trường.\n",
        );
        let zone = |needle: &str| {
            found
                .iter()
                .find(|(t, _)| t.contains(needle))
                .map(|(_, z)| *z)
        };
        assert_eq!(zone("27 văn bản"), Some(Zone::Report));
        assert_eq!(zone("theo dõi sát"), Some(Zone::Directive));
        assert_eq!(
            cue_of("ĐÁNH GIÁ KẾT QUẢ, NHIỆM VỤ 6 THÁNG CUỐI NĂM"),
            Zone::Neutral
        );
        // The assignments are what the review looks at: still a review.
        assert_eq!(
            cue_of("Ghi nhận nỗ lực của các bộ trong triển khai các nhiệm vụ"),
            Zone::Report
        );
        assert_eq!(
            cue_of("Tình hình thực hiện nhiệm vụ năm 2025"),
            Zone::Report
        );
        assert_eq!(cue_of("Về nhiệm vụ trọng tâm và đánh giá"), Zone::Directive);
        // Inside the review's own sentences, `và` joins the review's nouns.
        assert_eq!(
            cue_of("6. Nguyên nhân: (6) chưa thống nhất cách tiếp cận vấn đề và tổ chức thực hiện"),
            Zone::Report
        );
    }

    /// The cue search as it was: one `find` per cue, the least position.
    fn first_by_find(folded: &str, cues: &[&str]) -> Option<usize> {
        cues.iter().filter_map(|cue| folded.find(cue)).min()
    }

    #[test]
    fn automata_find_the_first_cue_as_a_find_per_cue_does() {
        let mut texts = crate::test_support::seed_lines();
        for made in [
            "TỔ CHỨC THỰC HIỆN VÀ ĐÁNH GIÁ",
            "ĐÁNH GIÁ TÌNH HÌNH, NHIỆM VỤ",
            "de nghi de xuat kien nghi",
            "thoi gian toi: tinh hinh",
            "ket qua tinh hinh danh gia",
            "không có gì",
            "",
        ] {
            texts.push(made.to_string());
        }
        for text in texts {
            let folded = vntask_tokenizer::fold(&text);
            for (finder, cues) in [
                (&*DIRECTIVE_FINDER, DIRECTIVE_CUES),
                (&*REPORT_FINDER, REPORT_CUES),
            ] {
                assert_eq!(
                    finder.find(folded.as_str()).map(|m| m.start()),
                    first_by_find(&folded, cues),
                    "{text:?}"
                );
            }
        }
    }
}
