//! The target rules, their descriptions and examples.
//! Rendering: `<value> <unit>`, plus ` max=<v>`, ` total=<v>`, ` cmp=<comparator>` when set.

use crate::rules::{no, yes, Family, Rule};

const F: Family = Family::Target;

pub static RULES: &[Rule] = &[
    Rule {
        id: "TG001",
        family: F,
        description: "A percentage to reach (`đạt 80% dịch vụ công trực tuyến toàn trình`, `100% hồ sơ ...`), not one reported as reached (`đã đạt 104,9%`).",
        examples: &[
            yes("phấn đấu đạt 80% dịch vụ công trực tuyến toàn trình", "80 %"),
            yes("Bảo đảm 100% dịch vụ công trực tuyến thiết yếu", "100 %"),
            yes("tỷ lệ kinh phí tối thiểu 10%", "10 % cmp=at_least"),
            yes("đạt 16,4% tổng số", "16.4 %"),
            yes("tỷ lệ hồ sơ đúng hạn đạt từ 98% trở lên", "98 % cmp=at_least"),
            // A floor stays a target when a baseline follows (`so với`).
            yes("thực hiện tiết kiệm tối thiểu 10% điện năng tiêu thụ so với năm 2025", "10 % cmp=at_least"),
            no("điện năng tiêu thụ tăng 10% so với năm 2025"),
            no("theo Thông tư 98 của Bộ Tài chính"),
            no("tỷ lệ giải ngân đã đạt 104,9%"),
            no("tỷ lệ nhiệm vụ hoàn thành thấp (31,3%)"),
            no("triển khai mạng 4G, 5G và IPv6"),
        ],
    },
    Rule {
        id: "TG002",
        family: F,
        description: "A range (`từ 80% đến 90%`, `80-90%`): value is the lower bound, max the upper.",
        examples: &[
            yes("phấn đấu đạt từ 80% đến 90% hồ sơ", "80 % max=90"),
            yes("đạt 80 - 90% người dân", "80 % max=90"),
            no("trong 6-12 tháng tới"),
        ],
    },
    Rule {
        id: "TG003",
        family: F,
        description: "A counted quantity announced by a target word (`bồi dưỡng 10.000 cán bộ, công chức`, `cung cấp đầy đủ 25 dịch vụ công`).",
        examples: &[
            yes("mục tiêu sẽ bồi dưỡng, tập huấn được 10.000 cán bộ, công chức về chuyển đổi số", "10000 cán bộ, công chức"),
            yes("hoàn thành cung cấp đầy đủ 25 dịch vụ công thiết yếu", "25 dịch vụ công"),
            yes("phấn đấu có ít nhất 50 doanh nghiệp", "50 doanh nghiệp cmp=at_least"),
            no("đẩy mạnh các nhiệm vụ của Đề án 06"),
            no("triển khai 06 giải pháp trọng tâm"),
            no("Nghị định 123/2020/NĐ-CP"),
            no("lọt Top 50 quốc gia"),
            no("(1) Bảo đảm triển khai chuyển đổi số"),
            no("khẩn trương hoàn thành đường dây 500 kV mạch 3"),
            // The count right after the verb that opens an imperative clause is the work's size.
            yes("Tích hợp 50 thủ tục hành chính của Bộ lên Cổng Dịch vụ công quốc gia", "50 thủ tục hành chính"),
            yes("Rà soát, lắp đặt 120 hệ thống camera giám sát", "120 hệ thống"),
            no("Bộ Công an tích hợp 50 thủ tục hành chính lên Cổng"),
            no("Hướng dẫn 63 tỉnh, thành phố triển khai"),
            no("Tại 32 tỉnh, dịch bệnh đã xuất hiện trở lại"),
            no("Có 20 doanh nghiệp tham gia chương trình"),
            no("Việt Nam có 11 doanh nghiệp cung cấp dịch vụ trung tâm dữ liệu"),
            no("Riêng 28 dịch vụ công trực tuyến thiết yếu triển khai theo yêu cầu"),
            no("đồng bộ dữ liệu về người lao động, việc làm của 25 nghìn sinh viên tốt nghiệp"),
        ],
    },
    Rule {
        id: "TG004",
        family: F,
        description: "An amount with scale words multiplied in, or a currency (`16,4 triệu tài khoản`, `250 nghìn tỷ đồng`).",
        examples: &[
            yes("phấn đấu đạt 16,4 triệu tài khoản", "16400000 tài khoản"),
            yes("bảo đảm huy động 250 nghìn tỷ đồng", "250000000000000 đồng"),
            yes("tiết kiệm ít nhất 1.928.311 đồng", "1928311 đồng cmp=at_least"),
            no("đã huy động được 250 nghìn tỷ đồng"),
        ],
    },
    Rule {
        id: "TG005",
        family: F,
        description: "A ratio to reach (`43/53 tỉnh`, `4.543/6.325 thủ tục`): value and total.",
        examples: &[
            yes("phấn đấu đạt 43/53 tỉnh", "43 tỉnh total=53"),
            yes("hoàn thành 4.543/6.325 thủ tục", "4543 thủ tục total=6325"),
            no("hoàn thành trước 20/7 để chỉ đạo"),
            no("63/63 địa phương đã ban hành"),
        ],
    },
    Rule {
        id: "TG006",
        family: F,
        description: "A number in words (`một trăm phần trăm`, `đạt hai mươi nghìn người`).",
        examples: &[
            yes("bảo đảm một trăm phần trăm hồ sơ", "100 %"),
            yes("đào tạo hai mươi nghìn người", "20000 người"),
            no("triển khai tại một bộ, một địa phương"),
        ],
    },
];
