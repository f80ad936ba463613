//! The deadline rules, their descriptions and examples (reference date 2024-07-19).
//! Rendering: `<due or null> <precision>[ <recurring>]`.

use crate::rules::{no, yes, Family, Rule};

const F: Family = Family::Deadline;

pub static RULES: &[Rule] = &[
    Rule {
        id: "DL001",
        family: F,
        description: "A month with its year (`trong tháng 8 năm 2024`, `tháng 9/2024`): the last day of that month.",
        examples: &[
            yes("chậm nhất trong tháng 9 năm 2024", "2024-09-30 month"),
            yes("hoàn thành việc phê duyệt (tháng 9/2024)", "2024-09-30 month"),
            yes("mục tiêu đến tháng 10 năm 2022 sẽ bồi dưỡng", "2022-10-31 month"),
            no("Quyết định số 06/QĐ-TTg ngày 06 tháng 01 năm 2022"),
            no("Chính phủ đã thông qua tháng 4/2024"),
        ],
    },
    Rule {
        id: "DL002",
        family: F,
        description: "A month without its year (`trong tháng 8`, a table cell `Tháng 6`): the last day of that month in the reference year; only with a relation or deadline word, or alone in a cell.",
        examples: &[
            yes("hoàn thành trong tháng 8.", "2024-08-31 month"),
            yes("Tháng 6", "2024-06-30 month"),
            yes("thời hạn hoàn thành: tháng 8.", "2024-08-31 month"),
            no("báo cáo kết quả 6 tháng, 9 tháng"),
            no("định kỳ hằng tháng báo cáo"),
        ],
    },
    Rule {
        id: "DL003",
        family: F,
        description: "A day written in words (`trước ngày 15 tháng 10 năm 2024`); not the date of a cited document.",
        examples: &[
            yes("hoàn thành trước ngày 15 tháng 10 năm 2024", "2024-10-15 day"),
            yes("Thời hạn hoàn thành trước ngày 16 tháng 8 năm 2024.", "2024-08-16 day"),
            yes(
                "báo cáo Ủy ban nhân dân tỉnh ngày 15 tháng 12 năm 2024",
                "2024-12-15 day",
            ),
            // The day of the month after the document's (reference 2024-07-19).
            yes("báo cáo trước ngày 05 của tháng sau", "2024-08-05 day"),
            no("tính ngày 15 tháng 12 năm 2024, đã giải ngân 40%"),
            no("Quyết định số 06/QĐ-TTg ngày 06 tháng 01 năm 2022"),
            no("Nghị định 123/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ"),
        ],
    },
    Rule {
        id: "DL004",
        family: F,
        description: "A day in digits, day first (`trước ngày 15/10/2024`, `trước 20/7`); a day and month without a year need a relation word.",
        examples: &[
            yes("hoàn thành trước 20/7 để chỉ đạo", "2024-07-20 day"),
            yes("Trước ngày 15/4", "2024-04-15 day"),
            yes("ngày 01/7/2024", "2024-07-01 day"),
            no("nhận được 25/26 ý kiến"),
            no("Nghị định 123/2020/NĐ-CP"),
            no("Ngày 30/5/2024, Văn phòng Chính phủ đã gửi dự thảo"),
        ],
    },
    Rule {
        id: "DL005",
        family: F,
        description: "A spreadsheet date read month first (`4/30/2024`): the second number cannot be a month, or the column is month-first.",
        examples: &[
            yes("4/30/2024", "2024-04-30 day"),
            yes("4/15/2024", "2024-04-15 day"),
            no("30/4/2024"),
        ],
    },
    Rule {
        id: "DL006",
        family: F,
        description: "A quarter (`trong quý II năm 2022`, `quý 3/2023`, `Quý I`): its last day.",
        examples: &[
            yes("hoàn thành Đề án thí điểm trong quý II năm 2022.", "2022-06-30 quarter"),
            yes("quý 3/2023", "2023-09-30 quarter"),
            yes("Quý I", "2024-03-31 quarter"),
            no("trong quý I năm 2022 đã bồi dưỡng được 1.000 cán bộ"),
        ],
    },
    Rule {
        id: "DL007",
        family: F,
        description: "A half year (`6 tháng đầu năm`, `6 tháng cuối năm 2024`): 30 June or 31 December.",
        examples: &[
            yes("hoàn thành trong 6 tháng đầu năm 2025", "2025-06-30 half"),
            yes("trong 6 tháng cuối năm 2024", "2024-12-31 half"),
            no("báo cáo sơ kết 6 tháng đầu năm 2024 đã nêu"),
        ],
    },
    Rule {
        id: "DL008",
        family: F,
        description: "A year with its relation (`trong năm 2025`, `vào năm 2025`, `đến hết năm 2024`, `đến năm 2025`, `từ nay đến hết năm 2025`, `trong năm`): 31 December.",
        examples: &[
            yes("phấn đấu đến hết năm 2024 đạt 80%", "2024-12-31 year"),
            yes("hoàn thành các chỉ tiêu đã đặt ra vào năm 2025", "2025-12-31 year"),
            yes("thực hiện xong trong thời gian từ nay đến hết năm 2025", "2025-12-31 year"),
            yes("; đến năm 2025 đạt 100% hồ sơ", "2025-12-31 year"),
            yes("hoàn thành trong năm", "2024-12-31 year"),
            no("trình ban hành “Chiến lược phát triển ngành công nghiệp bán dẫn đến năm 2030”"),
            no("Đề án phát triển nguồn nhân lực đến năm 2030, tầm nhìn đến năm 2045"),
            no("tăng gần 500 doanh nghiệp so với năm 2021"),
            // `dịp` (the occasion of): when the work matters, not when it is due.
            no("có giải pháp bình ổn giá các mặt hàng thiết yếu dịp cuối năm"),
            no("bảo đảm hàng hóa phục vụ nhân dân vào dịp cuối năm 2025"),
        ],
    },
    Rule {
        id: "DL009",
        family: F,
        description: "A bare year after the action (`cung cấp dịch vụ công năm 2024`), weakest of all: kept only for the reference year or later, never inside a plan's name.",
        examples: &[
            yes("triển khai tích hợp dịch vụ công trên Cổng Dịch vụ công quốc gia năm 2024", "2024-12-31 year"),
            no("ban hành Kế hoạch hành động năm 2024"),
            no("ngân sách trung ương năm 2024 chưa phân bổ"),
            no("tích hợp dịch vụ công năm 2023"),
        ],
    },
    Rule {
        id: "DL010",
        family: F,
        description: "A period the task runs over (`thực hiện giai đoạn 2026 - 2030`, `ổn định trong giai đoạn 2026-2030`): the end of its last year; not a period that names a plan or a source of funds.",
        examples: &[
            yes("phân bổ ngân sách cho chuyển đổi số ổn định trong giai đoạn 2026-2030", "2030-12-31 year"),
            yes("thực hiện giai đoạn 2026 - 2030", "2030-12-31 year"),
            no("từ nguồn vốn kế hoạch đầu tư trung hạn giai đoạn 2026-2030"),
            no("Kế hoạch phát triển kinh tế số giai đoạn 2024-2025"),
        ],
    },
    Rule {
        id: "DL011",
        family: F,
        description: "A span counted from the document (`trong vòng 30 ngày kể từ ngày ký`, `trong 03 tháng`, `mười lăm ngày`): the reference date plus the span.",
        examples: &[
            yes("trong vòng 30 ngày kể từ ngày ký", "2024-08-18 day"),
            yes("trong vòng 10 ngày kể từ ngày nhận được đề nghị", "null event"),
            yes("hoàn thành trong 03 tháng", "2024-10-19 day"),
            yes("trong thời hạn mười lăm ngày", "2024-08-03 day"),
            no("trong 5 năm qua"),
            no("trong 6 tháng đầu năm 2024 đã đạt"),
        ],
    },
    Rule {
        id: "DL012",
        family: F,
        description: "A repeated action (`hàng tháng`, `hằng quý`, `hàng năm`, `định kỳ 6 tháng`): recurring, no due day; not a budget or plan cycle (`ngân sách hằng năm`).",
        examples: &[
            yes("Định kỳ hàng tháng tổ chức họp", "null month monthly"),
            yes("định kỳ 6 tháng báo cáo", "null half half_yearly"),
            yes("các bộ hàng năm rà soát", "null year yearly"),
            // `tỉnh` (province) before it is not `tính` (counting up to a date).
            yes(
                "Các sở, ban, ngành cấp tỉnh định kỳ hằng quý báo cáo kết quả",
                "null quarter quarterly",
            ),
            // `mỗi năm` (each year) repeats as `hằng năm` does.
            yes("bảo đảm kiểm tra ít nhất 500 cơ sở mỗi năm", "null year yearly"),
            no("bố trí ngân sách hàng năm"),
            no("bố trí ngân sách mỗi năm"),
            no("kế hoạch đầu tư công hằng năm"),
            no("đưa vào chương trình kiểm tra, giám sát hằng năm"),
            yes("xây dựng kế hoạch, hằng năm báo cáo kết quả", "null year yearly"),
        ],
    },
    Rule {
        id: "DL013",
        family: F,
        description: "A repetition that names its day (`trước ngày 20 hằng tháng`, `trước ngày 15 tháng 11 hằng năm`): due at its first occurrence on or after the reference date.",
        examples: &[
            yes("báo cáo trước ngày 20 hằng tháng", "2024-07-20 day monthly"),
            yes("trước ngày 15 hằng tháng", "2024-08-15 day monthly"),
            yes("trước ngày 15 tháng 11 hằng năm", "2024-11-15 day yearly"),
            no("trước ngày 20 tháng 7"),
        ],
    },
    Rule {
        id: "DL014",
        family: F,
        description: "A session as deadline (`tại kỳ họp thứ 8`, `tại phiên họp tiếp theo của Ủy ban`): precision event, due null.",
        examples: &[
            yes("trình Quốc hội cho ý kiến tại kỳ họp thứ 8", "null event"),
            yes("báo cáo tại phiên họp tiếp theo của Ủy ban.", "null event"),
            no("Quốc hội đã thông qua tại Kỳ họp thứ 7 khóa XV."),
            no("thông qua các phiên họp Chính phủ thường kỳ"),
        ],
    },
    Rule {
        id: "DL015",
        family: F,
        description: "A holiday as deadline (`trước Tết Nguyên đán`): precision event, due null.",
        examples: &[
            yes("hoàn thành trước Tết Nguyên đán", "null event"),
            yes("tổ chức thăm hỏi, tặng quà trong dịp Tết Nguyên đán", "null event"),
            no("sau Tết Nguyên đán"),
            // A bare `dịp` after a noun says what the thing is for (goods for Tết), not when
            // the work is due.
            no("xây dựng Kế hoạch bảo đảm hàng hóa dịp Tết Nguyên đán Đinh Mùi năm 2027"),
        ],
    },
    Rule {
        id: "DL016",
        family: F,
        description: "The entry into force of a law as deadline (`khi Luật ... có hiệu lực`): precision event, due null.",
        examples: &[
            yes("Đáp ứng yêu cầu Luật Các tổ chức tín dụng khi có hiệu lực", "null event"),
            yes("ban hành khi Luật Dữ liệu có hiệu lực thi hành", "null event"),
            no("Luật có hiệu lực từ nay"),
        ],
    },
    Rule {
        id: "DL017",
        family: F,
        description: "A start date (`từ ngày 01 tháng 6 năm 2022`): due null, start set; with an end (`từ ... đến ngày ...`) the end is due.",
        examples: &[
            yes("thực hiện từ ngày 01 tháng 6 năm 2022", "null day"),
            yes("từ ngày 01/6/2024 đến ngày 30/6/2024", "2024-06-30 day"),
            no("trước ngày 01 tháng 6 năm 2022"),
        ],
    },
    Rule {
        id: "DL018",
        family: F,
        description: "An occasion of the school, crop or weather year as deadline (`trước ngày khai giảng năm học 2025-2026`, `trước vụ đông`, `trước mùa mưa bão`): precision event, due null.",
        examples: &[
            yes("hoàn thành sửa chữa trường học trước ngày khai giảng năm học 2025-2026", "null event"),
            yes("bảo đảm giống cây trồng trước vụ đông", "null event"),
            yes("gia cố đê điều trước mùa mưa bão năm 2024", "null event"),
            no("dự lễ khai giảng năm học 2025-2026"),
            no("sản lượng vụ đông năm nay tăng"),
        ],
    },
];
