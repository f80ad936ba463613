//! Task shapes: how a sentence assigns work.

use crate::agencies::{AgencyContext, AgencyMention};
use crate::rules::{no, yes, Family, Rule};
use vntask_ingest::{Block, BlockKind};
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
        description: "An item under an agency heading (`3. Bộ Công an` then `- Xây dựng ...`): led by the heading's agency.",
        examples: &[
            yes(
                "3. Bộ Công an\n- Xây dựng tài liệu hướng dẫn.",
                "Bộ Công an | Xây dựng tài liệu hướng dẫn.",
            ),
            no("3. Về hạ tầng số\n- Xây dựng tài liệu hướng dẫn."),
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
    /// The shape yields a task only when an assignee is found.
    pub needs_assignee: bool,
}

/// Directive verbs that open an assignment to the agency after them.
const DIRECTIVE_OPENERS: &[&str] = &["giao ", "yeu cau ", "de nghi ", "chi dao "];

/// Words that make a sentence a report of what was done, not an assignment.
const REPORTING: &[&str] = &[
    " da ban hanh",
    " da hoan thanh",
    " da trien khai",
    " da to chuc",
    " bao cao tong quan",
    "sau khi nghe",
];

/// Classifies one sentence.
pub fn classify(
    text: &str,
    mentions: &[AgencyMention],
    under_agency_heading: bool,
) -> Option<Shape> {
    let folded = vntask_tokenizer::fold(text);
    let folded_trim = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
    if REPORTING.iter().any(|r| folded.contains(r)) {
        return None;
    }
    if DIRECTIVE_OPENERS.iter().any(|o| folded_trim.starts_with(o)) {
        return Some(Shape {
            rule: "TK001",
            kind: TaskKind::Directive,
            needs_assignee: true,
        });
    }
    let starts_with_agency = mentions
        .first()
        .is_some_and(|m| text[..m.range.start].trim().is_empty());
    if starts_with_agency {
        return Some(Shape {
            rule: "TK002",
            kind: TaskKind::Directive,
            needs_assignee: true,
        });
    }
    if under_agency_heading {
        return Some(Shape {
            rule: "TK003",
            kind: TaskKind::Directive,
            needs_assignee: true,
        });
    }
    None
}

/// A heading that names an agency and nothing else (`3. Bộ Công an`, `b) Bộ Thông tin và
/// Truyền thông`): its items are the agency's tasks.
pub fn is_agency_heading(block: &Block, context: &AgencyContext) -> bool {
    if block.kind == BlockKind::TableRow || block.text.chars().count() > 160 {
        return false;
    }
    let mentions = crate::agencies::find(&block.text, context);
    mentions
        .first()
        .is_some_and(|m| m.range.start == 0 && !block.text.trim_end().ends_with('.'))
}
