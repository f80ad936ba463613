//! The words the grammar of unit names reads (rule `AG009`): the head nouns, the verbs and
//! function words that end a name, the Party's units and a province's committees.

/// A province's merged press body since 2025 (`Báo và Phát thanh, Truyền hình Tuyên Quang`):
/// the newspaper and the radio-television station under one name, its comma included, so the
/// name opens at the province.
pub(super) const PROVINCIAL_PRESS: &str = "Báo và Phát thanh, Truyền hình";

/// Head nouns of a unit's name, longest first where one begins another.
pub(super) const HEADS: &[&str] = &[
    "Ban cán sự đảng",
    "Ban Quản lý",
    "Chi nhánh",
    "Đảng đoàn",
    "Đảng ủy",
    "Ủy ban Kiểm tra",
    "Bệnh viện",
    "Chi cục",
    "Học viện",
    "Tạp chí",
    PROVINCIAL_PRESS,
    "Thanh tra",
    "Tổng cục",
    "Trung tâm",
    "Văn phòng",
    "Báo",
    "Ban",
    "Cục",
    "Đài",
    "Đoàn",
    "Đội",
    "Đồn",
    "Hạt",
    "Phòng",
    "Tổ",
    "Trạm",
    "Trường",
    "Viện",
    "Vụ",
    // Whole names, not heads (see `PROVINCE_COMMITTEES`).
    "Thành đoàn",
    "Thành ủy",
    "Tỉnh đoàn",
    "Tỉnh ủy",
];

/// Heads that, followed by `Bộ`, name the ministry's own office or inspectorate.
pub(super) const MINISTRY_UNITS: &[&str] = &["Văn phòng", "Thanh tra"];

/// The Party's organisation inside a body, named by the body: `Đảng ủy Ủy ban nhân dân
/// tỉnh`, `Ban cán sự đảng Bộ Tài chính`, `Đảng đoàn Quốc hội`. Followed by a body the
/// gazetteer knows, the unit is named with that body's full name.
pub(super) const PARTY_UNITS: &[&str] = &["Ban cán sự đảng", "Đảng đoàn", "Đảng ủy"];

/// A province's or a city's Party committee and youth union, named without the province
/// (`Tỉnh ủy`, `Thành đoàn`), with the level of province they belong to.
pub(super) const PROVINCE_COMMITTEES: [(&str, &str); 4] = [
    ("Tỉnh ủy", "tỉnh "),
    ("Thành ủy", "thành phố "),
    ("Tỉnh đoàn", "tỉnh "),
    ("Thành đoàn", "thành phố "),
];

/// Two-word verbs of an assignment: the name ends before them (`Cục Điện lực chủ trì`).
pub(super) const VERB_PAIRS: &[&str] = &[
    "ban hành",
    "báo cáo",
    "bảo đảm",
    "bố trí",
    "bổ sung",
    "cập nhật",
    "chỉ đạo",
    "chủ động",
    "chủ trì",
    "chuẩn bị",
    "công bố",
    "cung cấp",
    "đánh giá",
    "đảm bảo",
    "đẩy mạnh",
    "đề xuất",
    "đôn đốc",
    "giải quyết",
    "giám sát",
    "hoàn thành",
    "hoàn thiện",
    "hướng dẫn",
    "huy động",
    "khẩn trương",
    "kiểm tra",
    "lãnh đạo",
    "nghiên cứu",
    "nghiêm túc",
    "phân bổ",
    "phê duyệt",
    "phối hợp",
    "rà soát",
    "sửa đổi",
    "tăng cường",
    "tập trung",
    "tham mưu",
    "thẩm định",
    "theo dõi",
    "thống nhất",
    "thông báo",
    "thực hiện",
    "tiếp nhận",
    "tiếp tục",
    "tổ chức",
    "tổng hợp",
    "triển khai",
    "tuyên truyền",
    "vận hành",
    "xây dựng",
    "xử lý",
];

/// Words that never stand inside a unit's name after its head: determiners, prepositions,
/// auxiliaries and the verbs of assigning (`các`, `tại`, `thuộc`, `được`, `giao`).
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "bằng", "các", "cần", "cho", "có", "của", "cử", "để", "đã", "đăng", "đang", "đến", "do",
    "dưới", "được", "giao", "gửi", "hằng", "hàng", "khi", "không", "là", "mọi", "này", "nếu",
    "ngay", "ngày", "nhằm", "những", "như", "ở", "phải", "qua", "sau", "sẽ", "sớm", "tại", "tháng",
    "theo", "thuộc", "trên", "trong", "trước", "từ", "về", "với",
];

/// Verbs whose object is a body being made or remade (`Thành lập Ban Chỉ huy phòng cháy`): the
/// body after them does nothing in the task, and is not taken.
pub(super) const OBJECT_VERBS: &[&str] = &[
    "củng cố",
    "giải thể",
    "hợp nhất",
    "kiện toàn",
    "sáp nhập",
    "thành lập",
];

/// Lower-case words a name may run over before an end must come; past it the words are
/// not taken for a name.
pub(super) const MAX_TAIL_WORDS: usize = 8;
