//! Where in a document tasks can stand.
//!
//! Vietnamese conclusions and directives first review the past (`TÌNH HÌNH`, `KẾT QUẢ`,
//! `ĐÁNH GIÁ`, `TỒN TẠI, HẠN CHẾ`, `NGUYÊN NHÂN`, `BÀI HỌC KINH NGHIỆM`) and then assign the
//! future (`NHIỆM VỤ`, `GIẢI PHÁP`, `PHƯƠNG HƯỚNG`, `TỔ CHỨC THỰC HIỆN`, `KIẾN NGHỊ`,
//! `ĐỀ XUẤT`). Items under a review heading are reports, not tasks, unless a sentence
//! assigns work outright (`Đề nghị X ...`, `Giao X ...`).

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

/// The zone of block `index`: of the ancestor headings that carry a cue, the outermost
/// decides (`II. KẾT QUẢ ĐẠT ĐƯỢC` > `b) Các giải pháp ...` is still a review); within one
/// heading the cue written first decides (`Ghi nhận ... nỗ lực triển khai các nhiệm vụ`
/// reviews, `Về nhiệm vụ trọng tâm ... và đánh giá` assigns).
pub fn zone_of(document: &Document, index: usize) -> Zone {
    let mut current = document.blocks.get(index).and_then(|b| b.parent);
    let mut outermost = Zone::Neutral;
    let mut steps = 0;
    while let Some(parent) = current {
        let Some(block) = document.blocks.get(parent) else {
            break;
        };
        let heading: String = block.text.chars().take(160).collect();
        let folded = vntask_tokenizer::fold(&heading);
        let first = |cues: &[&str]| cues.iter().filter_map(|cue| folded.find(cue)).min();
        match (first(DIRECTIVE_CUES), first(REPORT_CUES)) {
            (Some(d), Some(r)) if r < d => outermost = Zone::Report,
            (Some(_), _) => outermost = Zone::Directive,
            (None, Some(_)) => outermost = Zone::Report,
            (None, None) => {}
        }
        current = block.parent;
        steps += 1;
        if steps > 64 {
            break;
        }
    }
    outermost
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zones(text: &str) -> Vec<(String, Zone)> {
        let document = vntask_ingest::read(text.as_bytes(), "x.txt", &Default::default()).unwrap();
        (0..document.blocks.len())
            .map(|i| (document.blocks[i].text.clone(), zone_of(&document, i)))
            .collect()
    }

    #[test]
    fn headings_decide_the_zone() {
        let found = zones(
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
        let nested = zones("II. KẾT QUẢ ĐẠT ĐƯỢC\nb) Các giải pháp nâng cao hiệu quả\n- Các bộ thực hiện nhiều giải pháp.\n");
        assert_eq!(nested.last().map(|(_, z)| *z), Some(Zone::Report));
    }
}
