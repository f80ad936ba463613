//! The task shape rules, their descriptions and examples (see `shapes.rs`).

use crate::rules::{no, yes, Family, Rule};

pub static RULES: &[Rule] = &[
    Rule {
        id: "TK001",
        family: Family::Task,
        description: "A directive verb with its addressee: `Giao X ...`, `Yêu cầu X ...`, `Đề nghị X ...`, also after the body that assigns (`Chính phủ giao X ...`).",
        examples: &[
            yes(
                "Giao Bộ Tài chính chủ trì xây dựng Nghị định.",
                "Bộ Tài chính | Giao Bộ Tài chính chủ trì xây dựng Nghị định.",
            ),
            yes(
                "Chính phủ giao Tổng cục Thống kê công bố số liệu.",
                "Tổng cục Thống kê | Chính phủ giao Tổng cục Thống kê công bố số liệu.",
            ),
            // After an adverbial of the occasion, the assigner and the verb (`Tại buổi kiểm
            // tra, Chủ tịch UBND tỉnh yêu cầu X ...`).
            yes(
                "Tại buổi kiểm tra, Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng yêu cầu Sở Xây dựng khẩn trương thu dọn đất đá.",
                "Sở Xây dựng | Tại buổi kiểm tra, Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng yêu cầu Sở Xây dựng khẩn trương thu dọn đất đá.",
            ),
            // A sentence that enumerates its actions: a task a part.
            yes(
                "Thủ tướng giao Bộ Khoa học và Công nghệ: (1) hoàn thiện Chiến lược dữ liệu; (2) hướng dẫn các địa phương triển khai nền tảng số.",
                "Bộ Khoa học và Công nghệ | hướng dẫn các địa phương triển khai nền tảng số.",
            ),
            // The official's personal name between the assigner and the verb, and a news
            // report's `Phát biểu kết luận, ` before them.
            yes(
                "Phát biểu kết luận, Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai Võ Tấn Đức đề nghị Sở Xây dựng đôn đốc các nhà thầu.",
                "Sở Xây dựng | Phát biểu kết luận, Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai Võ Tấn Đức đề nghị Sở Xây dựng đôn đốc các nhà thầu.",
            ),
            no("Bộ Tài chính đã ban hành Thông tư."),
            no("Tại buổi kiểm tra, Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng đánh giá cao Sở Xây dựng."),
            no("Phát biểu kết luận, Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai Võ Tấn Đức biểu dương Sở Xây dựng."),
            // `Đối với X, <assigner> đề nghị <work>`: X is the addressee.
            yes(
                "Đối với Bộ Tài chính, Phó Thủ tướng đề nghị bảo đảm đủ kinh phí cho các dự án.",
                "Bộ Tài chính | Đối với Bộ Tài chính, Phó Thủ tướng đề nghị bảo đảm đủ kinh phí cho các dự án.",
            ),
            no("Đối với Bộ Xây dựng, lĩnh vực giao thông đã có nhiều chuyển biến."),
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
            // An item that is no task as a whole, with a sentence whose subject acts; its
            // statistics are none.
            yes(
                "o) Nhất trí chủ trương huy động chuyên gia. Bộ Y tế chủ trì, phối hợp với các cơ quan báo chí tăng cường tuyên truyền.",
                "Bộ Y tế | Bộ Y tế chủ trì, phối hợp với các cơ quan báo chí tăng cường tuyên truyền.",
            ),
            no("a) Về hệ thống thông tin. Các bộ, ngành có 828 hệ thống, tương đương 22,6%."),
            // A report, then a `;` clause that assigns; a clause listing attendees does not.
            yes(
                "Thời gian qua, Chính phủ đã chú trọng đầu tư hạ tầng giao thông; thời gian tới, Bộ Xây dựng phải tập trung đầu tư hạ tầng số.",
                "Bộ Xây dựng | thời gian tới, Bộ Xây dựng phải tập trung đầu tư hạ tầng số.",
            ),
            no("Tham dự cuộc họp có đại diện Văn phòng Chính phủ; Ủy ban nhân dân các tỉnh Lào Cai, Tuyên Quang."),

            // A report's closing formula, with what it asks of its addressee, and a
            // decision's execution article.
            no("Bộ Xây dựng kính báo cáo Thủ tướng Chính phủ xem xét, chỉ đạo./."),
            no("Chánh Văn phòng Ủy ban nhân dân tỉnh Nghệ An, Giám đốc Sở Y tế và Chủ tịch Ủy ban nhân dân các xã chịu trách nhiệm thi hành Quyết định này./."),
            yes(
                "Bộ Xây dựng báo cáo Thủ tướng Chính phủ xem xét, quyết định việc kéo dài thời hạn trước ngày 20/12/2025./.",
                "Bộ Xây dựng | Bộ Xây dựng báo cáo Thủ tướng Chính phủ xem xét, quyết định việc kéo dài thời hạn trước ngày 20/12/2025./.",
            ),
            // A Công điện's address formula: the sender telegraphs (`điện`) its addressees.
            no("Bộ trưởng Bộ Tài chính điện:\n- Ủy ban nhân dân tỉnh An Giang;\n- Ủy ban nhân dân tỉnh Cà Mau."),
            yes(
                "Bộ Tài chính cung cấp điện:\n- Bộ Tài chính cung cấp số liệu.",
                "Bộ Tài chính | Bộ Tài chính cung cấp số liệu.",
            ),
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
            // A longer lead-in that announces its list (`thực hiện một số nội dung sau:`).
            yes(
                "Bộ Nội vụ đề nghị Ủy ban nhân dân tỉnh Quảng Ninh thực hiện một số nội dung sau:\n1. Rà soát đội ngũ công chức cấp xã.",
                "Ủy ban nhân dân tỉnh Quảng Ninh | Rà soát đội ngũ công chức cấp xã.",
            ),
            no("3. Về hạ tầng số\n- Xây dựng tài liệu hướng dẫn."),
            no("Bộ Y tế đã tổng hợp ý kiến như sau:\n1. Rà soát danh mục thuốc thiết yếu."),
            // Words after the addressee that say more than announce a list: no lead-in.
            no("Bộ Nội vụ đề nghị Ủy ban nhân dân tỉnh Quảng Ninh tổ chức hội nghị tập huấn cho công chức cấp xã vào đầu năm:\n1. Rà soát đội ngũ công chức cấp xã."),
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
            // A row heading a group of rows (a Roman numeral, no lead, no deadline) is none.
            yes(
                "STT\tNhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành\nI\tHạ tầng số\t\t\n1\tNâng cấp Trung tâm dữ liệu\tBộ Tài chính\tTháng 9",
                "Bộ Tài chính | Nâng cấp Trung tâm dữ liệu",
            ),
        ],
    },
];
