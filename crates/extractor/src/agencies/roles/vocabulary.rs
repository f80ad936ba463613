//! The words the role rules read: titles, the cues before a body that make it lead,
//! support or neither, the words that start a directive's verb phrase, governing verbs.

/// Titles before a body's name, skipped when reading the cue before it.
pub(super) const TITLES: &[&str] = &[
    "cac dong chi",
    "dong chi",
    "bo truong",
    "thu truong",
    "lanh dao",
    "chu tich",
    "pho chu tich",
    "giam doc",
    "tong giam doc",
    "thong doc",
    "chu nhiem",
    "tong thanh tra",
    "tong kiem toan",
    "truong ban",
    // `Chánh Văn phòng`, `Chánh Thanh tra`: the chief of an office or an inspectorate.
    "chanh",
    "cac",
];

/// Words after which a body is the addressee (`Giao Bộ X`, `Yêu cầu X`, `Đề nghị X`, `cho phép
/// X`: permitted, X does the work).
pub(super) const LEAD_CUES: &[&str] = &[
    "giao",
    "giao cho",
    "giao nhiem vu cho",
    "yeu cau",
    "de nghi",
    "kinh de nghi",
    "chi thi",
    "doi voi",
    "cho phep",
];

/// Words after which a body supports (`phối hợp với Y`, `cùng với Y`).
pub(super) const SUPPORT_CUES: &[&str] = &[
    "phoi hop voi",
    "phoi hop",
    "phoi hop chat che voi",
    "phoi hop chat che",
    "chu dong phoi hop voi",
    "chu dong phoi hop",
    "cung voi",
    "lam viec voi",
    "lam viec cu the voi",
    "trao doi voi",
    "thong nhat voi",
    "hop tac voi",
    "voi su phoi hop cua",
    "su phoi hop cua",
    "phoi hop cung",
];

/// Words whose presence before a body makes it merely mentioned: it is reported to, cited,
/// a place or an owner (`báo cáo X`, `trình X`, `gửi X`, `theo hướng dẫn của X`, `tại X`).
pub(super) const NEITHER_CUES: &[&str] = &[
    "bao cao",
    "trinh",
    "gui",
    "cua",
    "tai",
    "cho",
    "den",
    "voi",
    "chi dao",
    "theo",
    "thuoc",
    "o",
    "tren dia ban",
    "huong dan",
    "de xuat",
    "kien nghi",
    "tu",
    "va",
    "thay mat",
    // `tham mưu Ủy ban nhân dân tỉnh ...`, `giúp Bộ trưởng ...`: advised or helped, the
    // body decides; the work is the adviser's.
    "tham muu",
    "giup",
    // `chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh` (answer to the chairman): the
    // body the work answers to.
    "truoc",
];

/// Nouns ending in `trình` (folded), whose last word is not the verb `trình` (submit to):
/// `công trình` (works), `chương trình` (programme), `quy trình`, `lộ trình`, `quá trình`,
/// `tiến trình`, `hành trình`, `giáo trình`, `phương trình`.
pub(super) const TRINH_NOUNS: &[&str] = &[
    "cong", "chuong", "quy", "lo", "qua", "tien", "hanh", "giao", "phuong",
];

/// Words that start a directive's verb phrase: a body right before them, after a comma or a
/// semicolon, is the subject of its clause (`Thứ bảy, về ..., Bộ X khẩn trương hoàn thiện`).
pub(super) const ACTION_WORDS: &[&str] = &[
    "khan truong",
    "som",
    "tiep tuc",
    "chu dong",
    "co trach nhiem",
    "can",
    "phai",
    "chiu trach nhiem",
    "nghien cuu",
    "xay dung",
    "hoan thien",
    "hoan thanh",
    "trien khai",
    "thuc hien",
    "to chuc",
    "ra soat",
    "day manh",
    "tang cuong",
    "huong dan",
    "chi dao",
    "tap trung",
    "quyet liet",
    "ban hanh",
    "trinh",
    "tham muu",
    "bao dam",
    "dam bao",
    "chu tri",
    "phoi hop",
    "thuc day",
    "uu tien",
    "kiem tra",
    "theo doi",
    "tong hop",
    "cap nhat",
    "de xuat",
    "bao cao",
    "truc tiep",
    "khan cap",
    "nghiem tuc",
    "lua chon",
    "can cu",
    "don doc",
    "bo tri",
    "giam sat",
    "xu ly",
    "chuan bi",
    "day nhanh",
    "bo sung",
    "cung cap",
    "phan dau",
];

/// Verbs by which the body before them directs the body after them (`Đảng ủy X lãnh đạo,
/// chỉ đạo Bộ Y thực hiện ...`: X leads, Y is the body directed). `lãnh đạo` is also a
/// title (`đề nghị lãnh đạo các bộ`: the ministries' leaders), so it counts as a verb only
/// in [`is_governing_verb`], right after a leading body.
pub(super) const GOVERNING_VERBS: &[&str] = &["chi dao", "lanh dao"];
