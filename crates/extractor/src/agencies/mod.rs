//! Agencies: the gazetteer, every way names are written, groups and roles.
//!
//! - [`Gazetteer`] reads `data/agencies.tsv` (ministries and ministry-level agencies of
//!   2016-2025 and since 1 March 2025, government agencies, state bodies, committees, general
//!   departments, state groups, the 63 + 34 provinces, provincial bodies by pattern), each with
//!   validity dates, successor links and its legal source. Users add bodies with a file in the
//!   same format ([`Gazetteer::with_extra`]).
//! - [`find`] runs one leftmost-longest aho-corasick automaton over a folded key of the text
//!   (`key.rs`), then resolves each match from its neighbours (`resolve.rs`).
//! - [`assign_roles`] tells the lead (the addressee) from the support (`phối hợp với`) and
//!   from bodies merely mentioned (`roles.rs`).
//!
//! Rule examples are rendered, for the finding rules (`AG001`-`AG007`), as the canonical name
//! of each mention the rule found, or for a group mention its group names joined by `, `
//! (`ministries, government_agencies, provinces`); for the role rules (`AG101`-`AG104`), as
//! `lead: <name or groups>` / `support: <name or groups>` for each mention whose role the rule
//! decided.

mod gazetteer;
mod groups;
mod key;
pub mod listed;
mod matcher;
mod regional;
mod resolve;
mod roles;
mod units;

pub use gazetteer::{parse_tsv, Entry, Gazetteer, GazetteerError, Kind, BUILTIN_TSV};
pub use groups::{GroupPhrase, PHRASES as GROUP_PHRASES};
pub use key::key_str;
pub use matcher::starts::{pack as pack_word, shift_in, Starts as MentionStarts, WordKey, WordSet};
pub use roles::Role;

use crate::rules::{no, yes, Family, Rule};
use chrono::NaiveDate;
use std::ops::Range;
use std::sync::Arc;
use vntask_writer::AgencyGroup;

const fn rule(
    id: &'static str,
    description: &'static str,
    examples: &'static [crate::rules::Example],
) -> Rule {
    Rule {
        id,
        family: Family::Agency,
        description,
        examples,
    }
}

pub static RULES: &[Rule] = &[
    rule(
        "AG001",
        "A body of the gazetteer named in full, in any case, with or without diacritics, in old or new tone placement (`Bộ Tài chính`, `BỘ Y TẾ`, `Uỷ ban Dân tộc`).",
        &[
            yes("Bộ Tài chính khẩn trương hoàn thiện", "Bộ Tài chính"),
            yes("Giao Bo Thong tin va Truyen thong chu tri", "Bộ Thông tin và Truyền thông"),
            yes("Bộ Lao động – Thương binh và Xã hội", "Bộ Lao động - Thương binh và Xã hội"),
            yes("Uỷ ban Dân tộc hướng dẫn", "Ủy ban Dân tộc"),
            no("các bộ, ngành khẩn trương hoàn thiện"),
            no("toàn bộ Công an nhân dân"),
            no("cán bộ Y tế cơ sở"),
        ],
    ),
    rule(
        "AG002",
        "A body of the gazetteer by an abbreviation or alias (`Bộ TT&TT`, `BTTTT`, `NHNN`, `VPCP`, `UBQG về CĐS`).",
        &[
            yes("Bộ TT&TT chủ trì", "Bộ Thông tin và Truyền thông"),
            yes("giao BTTTT hướng dẫn", "Bộ Thông tin và Truyền thông"),
            yes("NHNN khẩn trương", "Ngân hàng Nhà nước Việt Nam"),
            yes("Bộ KH & ĐT tổng hợp", "Bộ Kế hoạch và Đầu tư"),
            yes("phiên họp của UBQG về CĐS", "Ủy ban Quốc gia về chuyển đổi số"),
            no("phát triển NHNNN"),
            no("thông tin và truyền thông"),
        ],
    ),
    rule(
        "AG003",
        "A ministry named by its field alone in a list that began with a ministry or with `các bộ` (`Bộ Giáo dục và Đào tạo, Y tế`, `các Bộ: Công an, Quốc phòng`, `Các bộ Xây dựng, Công Thương`); a province's department after `các Sở:` (`Giám đốc các Sở: Y tế, Tài chính`).",
        &[
            yes("Bộ Giáo dục và Đào tạo, Y tế chủ trì", "Bộ Y tế"),
            yes("Giám đốc các Sở: Y tế, Tài chính chủ trì", "Sở Tài chính"),
            no("Rà soát các số: 12, 13 trong danh mục"),
            yes("các Bộ: Công an, Quốc phòng, Thông tin và Truyền thông", "Bộ Quốc phòng"),
            yes("Các bộ Xây dựng, Công Thương đẩy mạnh", "Bộ Xây dựng"),
            no("Bộ Tài chính, xây dựng cơ chế"),
            no("lĩnh vực tài chính, y tế"),
        ],
    ),
    rule(
        "AG004",
        "A provincial body with its province (`Ủy ban nhân dân tỉnh An Giang`, `UBND TP. Hà Nội`, `Sở Y tế tỉnh Lào Cai`).",
        &[
            yes("Ủy ban nhân dân tỉnh Quảng Ninh", "Ủy ban nhân dân tỉnh Quảng Ninh"),
            yes("UBND TP. Hà Nội yêu cầu", "Ủy ban nhân dân thành phố Hà Nội"),
            yes("Sở Y tế tỉnh Lào Cai", "Sở Y tế tỉnh Lào Cai"),
            no("Ủy ban nhân dân các tỉnh, thành phố"),
            no("tại tỉnh Quảng Ninh"),
        ],
    ),
    rule(
        "AG005",
        "A provincial body without its province: in a provincial document it is that province's (`Sở Tài chính` → `Sở Tài chính tỉnh X`); elsewhere a department is kept as written, and so is a commune's or district's (`Công an xã`).",
        &[
            yes("Sở Tài chính chủ trì", "Sở Tài chính"),
            yes("Công an xã phối hợp với Ban Chỉ huy Quân sự xã", "Công an xã"),
            // A named commune's committee, its `UBND` spelled out.
            yes("giao UBND xã Long Phước hoàn thành bàn giao mặt bằng", "Ủy ban nhân dân xã Long Phước"),
            no("Sở Y tế các tỉnh, thành phố xây dựng kế hoạch"),
            no("thanh tra, kiểm tra việc thực hiện"),
            no("công an nhân dân"),
        ],
    ),
    rule(
        "AG006",
        "A province named as a body: `tỉnh X` / `thành phố X` alone, or bare names in a list after `các địa phương:` or filling the text; stands for its Ủy ban nhân dân.",
        &[
            yes("các địa phương: An Giang, Cần Thơ", "Ủy ban nhân dân thành phố Cần Thơ"),
            yes("An Giang, Kiên Giang và Thành phố Hồ Chí Minh", "Ủy ban nhân dân tỉnh Kiên Giang"),
            yes(
                "Chủ tịch Ủy ban nhân dân các tỉnh Lào Cai, Yên Bái chỉ đạo tìm kiếm",
                "Ủy ban nhân dân tỉnh Yên Bái",
            ),
            no("Ủy ban nhân dân các tỉnh triển khai tại Lào Cai"),
            no("tư tưởng Hồ Chí Minh"),
            no("Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
        ],
    ),
    rule(
        "AG007",
        "A group of bodies from the guideline's closed list (`các bộ, ngành, địa phương`, `các cơ quan liên quan`, `Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương`).",
        &[
            yes("Các bộ, ngành, địa phương khẩn trương", "ministries, government_agencies, provinces"),
            yes("phối hợp với các cơ quan, đơn vị liên quan", "related_agencies"),
            yes("các bộ, ngành liên quan", "related_agencies"),
            yes("Chủ tịch UBND các tỉnh, thành phố trực thuộc Trung ương", "provinces"),
            yes("UBND cấp xã", "communes"),
            yes("Giám đốc các sở, Thủ trưởng các ban, ngành cấp tỉnh", "departments"),
            yes(
                "Các bộ, cơ quan trung ương và địa phương đẩy nhanh giải ngân",
                "ministries, government_agencies, provinces",
            ),
            no("địa phương đã ban hành"),
            no("Bộ Công an"),
        ],
    ),
    rule(
        "AG008",
        "A provinces group that points back (`các tỉnh, thành phố nêu trên`, `các tỉnh có tên trên`) stands for the provinces listed above it, one by one (a Công điện's addressees).",
        &[
            yes(
                "Bộ trưởng Bộ Tài chính điện:\n- Ủy ban nhân dân tỉnh An Giang;\n- Ủy ban nhân dân tỉnh Cà Mau.\n\nĐề nghị Ủy ban nhân dân các tỉnh nêu trên rà soát kinh phí.",
                "Ủy ban nhân dân tỉnh An Giang; Ủy ban nhân dân tỉnh Cà Mau | Đề nghị Ủy ban nhân dân các tỉnh nêu trên rà soát kinh phí.",
            ),
            // The list in a Công điện's address block (the document's addressees, no block).
            yes(
                "THỦ TƯỚNG CHÍNH PHỦ điện:\n- Chủ tịch Ủy ban nhân dân các tỉnh: An Giang, Cà Mau.\n\nChủ tịch Ủy ban nhân dân các tỉnh nêu trên rà soát kinh phí.",
                "Ủy ban nhân dân tỉnh An Giang; Ủy ban nhân dân tỉnh Cà Mau | Chủ tịch Ủy ban nhân dân các tỉnh nêu trên rà soát kinh phí.",
            ),
            // `trên địa bàn` is "in the area", not "above".
            no("Bộ trưởng Bộ Tài chính điện:\n- Ủy ban nhân dân tỉnh An Giang.\n\nĐề nghị Ủy ban nhân dân các tỉnh trên địa bàn rà soát kinh phí."),
            // Nothing listed above: the group stays the provinces group.
            no("Đề nghị Ủy ban nhân dân các tỉnh nêu trên rà soát kinh phí."),
        ],
    ),
    rule(
        "AG009",
        "A body outside the gazetteer, by the grammar of its name: a head noun (`Cục`, `Vụ`, `Viện`, `Trung tâm`, `Báo`, ...) and a name that opens with a capital, up to punctuation, a function word or the verb (`Cục Quản lý và Xây dựng công trình thủy lợi chủ trì`); `Văn phòng Bộ`, `Thanh tra Bộ` are the issuing ministry's; the Party's committee of a known body takes that body's full name (`Đảng ủy Công an tỉnh`), a province committee's boards the province's name (`Văn phòng Tỉnh ủy Hà Tĩnh`); a management board's lower-case description runs to its level (`Ban Quản lý dự án ... tỉnh`).",
        &[
            yes("Giao Cục Quản lý và Xây dựng công trình thủy lợi chủ trì", "Cục Quản lý và Xây dựng công trình thủy lợi"),
            yes("phối hợp với Vụ Kế hoạch - Tài chính:", "Vụ Kế hoạch - Tài chính"),
            yes("Báo Quảng Trị tăng cường thông tin", "Báo Quảng Trị"),
            yes(
                "Báo và Phát thanh, Truyền hình Tuyên Quang tăng thời lượng tuyên truyền",
                "Báo và Phát thanh, Truyền hình Tuyên Quang",
            ),
            yes("Thanh tra Bộ Y tế chủ trì", "Thanh tra Bộ Y tế"),
            yes("Trạm Y tế các xã, phường rà soát danh sách", "Trạm Y tế các xã, phường"),
            yes("Đảng ủy Bộ Y tế lãnh đạo Bộ Y tế", "Đảng ủy Bộ Y tế"),
            yes("Ban Tổ chức Tỉnh ủy chủ trì", "Ban Tổ chức Tỉnh ủy"),
            yes("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh khẩn trương", "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh"),
            no("kiện toàn Ban Quản lý rừng phòng hộ"),
            no("Báo cáo kết quả về Bộ Y tế"),
            no("Phòng, chống thiên tai"),
            no("Trường hợp cần thiết"),
            no("Văn phòng Chính phủ theo dõi"),
        ],
    ),
    rule(
        "AG101",
        "The addressee of `giao`, `yêu cầu`, `đề nghị` leads (and every body listed with it).",
        &[
            yes("Thủ tướng giao Bộ Công an, Bộ Quốc phòng nghiên cứu", "lead: Bộ Quốc phòng"),
            yes("Đề nghị các bộ, ngành, địa phương khẩn trương triển khai", "lead: ministries, government_agencies, provinces"),
            yes("Đề nghị Sở Y tế các tỉnh, thành phố xây dựng kế hoạch", "lead: provinces"),
            no("Bộ Tài chính báo cáo Thủ tướng"),
            no("theo hướng dẫn của Bộ Y tế"),
            // The asker is no lead, even when no rule names whom it asks.
            no("Bộ Nông nghiệp và Môi trường đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện"),
        ],
    ),
    rule(
        "AG102",
        "The body at the start of the task (after at most a few words such as `Định kỳ hàng tháng`) is its subject and leads.",
        &[
            yes("Bộ Công an khẩn trương xây dựng", "lead: Bộ Công an"),
            yes("Định kỳ hàng tháng Bộ TT&TT báo cáo", "lead: Bộ Thông tin và Truyền thông"),
            yes("Ban Tổ chức Trung ương lãnh đạo, chỉ đạo Bộ Nội vụ hoàn thiện", "lead: Ban Tổ chức Trung ương"),
            no("Triển khai theo hướng dẫn của Bộ Y tế"),
            no("báo cáo Bộ Tài chính trước ngày 15"),
            no("Chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh nếu để xảy ra cháy lớn"),
        ],
    ),
    rule(
        "AG103",
        "A body followed by `chủ trì` leads, wherever it stands (`do Bộ X chủ trì`).",
        &[
            yes("nhiệm vụ do Bộ Tư pháp chủ trì", "lead: Bộ Tư pháp"),
            no("Bộ Công an phối hợp với Bộ Quốc phòng"),
            no("Phó Thủ tướng chủ trì họp với Bộ Y tế"),
        ],
    ),
    rule(
        "AG104",
        "A body after `phối hợp (với)`, `cùng (với)`, `với sự phối hợp của` supports (and every body listed with it); so does one named after a comma and before `phối hợp` in a clause that has its lead (`X chủ trì, Y phối hợp`).",
        &[
            yes("Bộ Công an chủ trì, phối hợp với Bộ Quốc phòng, Bộ Thông tin và Truyền thông", "support: Bộ Thông tin và Truyền thông"),
            yes("Bộ Xây dựng chủ trì, Bộ Tài chính và Bộ Công Thương phối hợp hướng dẫn", "support: Bộ Công Thương"),
            no("Bộ Tài chính tổng hợp số liệu; Bộ Công Thương phối hợp hướng dẫn"),
            no("Theo đề nghị, Bộ Công Thương phối hợp hướng dẫn"),
            yes("phối hợp với các cơ quan liên quan", "support: related_agencies"),
            no("Bộ Công an chỉ đạo Công an các địa phương"),
            no("gửi Bộ Tài chính"),
        ],
    ),
];

/// One agency or group found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct AgencyMention {
    /// Byte range of the words in the searched text.
    pub range: Range<usize>,
    /// The words as written (`Bộ TT&TT`, `các bộ, ngành`).
    pub mention: String,
    /// Gazetteer id (`bo-cong-an`; `ubnd@p-an-giang` for a provincial body); `None` for a
    /// body outside the gazetteer or for a group.
    pub id: Option<String>,
    /// Canonical name as of the document's date (empty for a pure group mention).
    pub name: String,
    /// The body holding its functions in the gazetteer's latest structure, when different.
    pub current: Option<String>,
    /// Groups this mention stands for (`các bộ, ngành` → ministries, government agencies).
    pub groups: Vec<AgencyGroup>,
    pub rule: &'static str,
}

/// What the document tells the agency rules.
#[derive(Debug, Clone, Default)]
pub struct AgencyContext {
    /// The document's date: which names were in force.
    pub date: Option<NaiveDate>,
    /// For a provincial document, the province whose bodies unqualified names refer to
    /// (`An Giang`, `tỉnh An Giang`, `thành phố Hà Nội`).
    pub province: Option<String>,
    /// For a ministry's own document, the ministry (`Bộ Công Thương`): whose `Văn phòng Bộ`
    /// and `Thanh tra Bộ` its text names.
    pub ministry: Option<String>,
    /// For a provincial department's own document, the department (`Sở Nội vụ tỉnh Đồng
    /// Nai`): whose `Văn phòng Sở` and `Thanh tra Sở` its text names.
    pub department: Option<String>,
    /// A gazetteer extended by the user (`--agencies FILE`); the built-in one when `None`.
    pub gazetteer: Option<Arc<Gazetteer>>,
}

impl AgencyContext {
    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        self.gazetteer
            .as_deref()
            .unwrap_or_else(|| Gazetteer::builtin())
    }
}

/// Who leads and who supports, in one task text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Roles {
    pub lead: Vec<AgencyMention>,
    pub support: Vec<AgencyMention>,
    pub lead_groups: Vec<AgencyGroup>,
    pub support_groups: Vec<AgencyGroup>,
    pub rules: Vec<&'static str>,
}

/// Finds agency and group mentions in `text`, in text order, not overlapping.
pub fn find(text: &str, context: &AgencyContext) -> Vec<AgencyMention> {
    let gazetteer = context.gazetteer();
    let key = key::shared(text);
    let raws = gazetteer.matcher.scan(&key);
    let mut mentions = resolve::resolve(text, &key, &raws, context, gazetteer);
    regional::extend(text, &mut mentions);
    units::add(text, &mut mentions, context);
    mentions
}

/// [`find`] over a responsibility cell of a task table (`Đơn vị chủ trì`, `Đơn vị phối
/// hợp`): each item of the cell that opens with a unit's head noun is a body, even with a
/// lower-case name (`Tổ công nghệ số cộng đồng`).
pub fn find_in_cell(cell: &str, context: &AgencyContext) -> Vec<AgencyMention> {
    let mut mentions = find(cell, context);
    units::add_cell_items(cell, &mut mentions, context);
    mentions
}

/// The ministry that issued a document, from its issuer line (`BỘ CÔNG THƯƠNG`), for
/// [`AgencyContext::ministry`]; `None` when the issuer is not a ministry.
pub fn issuing_ministry(issuer: &str, date: Option<NaiveDate>) -> Option<String> {
    let context = AgencyContext {
        date,
        ..Default::default()
    };
    let first = find(issuer, &context).into_iter().next()?;
    let entry = context.gazetteer().get(first.id.as_deref()?)?;
    matches!(entry.kind, gazetteer::Kind::Ministry).then_some(first.name)
}

/// The provincial department that issued a document, from its issuer line (`SỞ NỘI VỤ` under
/// `UBND TỈNH ĐỒNG NAI`), named with the document's province, for
/// [`AgencyContext::department`]; `None` when the issuer is not a department (`Sở ...`).
pub fn issuing_department(
    issuer: &str,
    province: Option<&str>,
    date: Option<NaiveDate>,
) -> Option<String> {
    let context = AgencyContext {
        date,
        province: province.map(str::to_string),
        ..Default::default()
    };
    let first = find(issuer, &context).into_iter().next()?;
    first.name.starts_with("Sở ").then_some(first.name)
}

/// The province of a provincial document, from its header (the first lines, where the issuer
/// stands: `ỦY BAN NHÂN DÂN` / `TỈNH QUẢNG NINH`): `tỉnh Quảng Ninh`, `thành phố Hà Nội`; for
/// [`AgencyContext::province`]. `None` when the first body named is not a province's.
pub fn issuing_province(header: &str, date: Option<NaiveDate>) -> Option<String> {
    let context = AgencyContext {
        date,
        ..Default::default()
    };
    // The issuer is often split over two lines: `ỦY BAN NHÂN DÂN` then `TỈNH QUẢNG NINH`.
    let joined = header.lines().take(4).collect::<Vec<_>>().join(" ");
    let first = find(&joined, &context).into_iter().next()?;
    let id = first.id?;
    let province = id.strip_prefix("ubnd@")?;
    let entry = context.gazetteer().get(province)?;
    Some(entry.province_full_name())
}

/// The province whose own newspaper a news page is (`Báo Đồng Nai điện tử`, `Báo điện tử Cà
/// Mau`): `tỉnh Đồng Nai`, for [`AgencyContext::province`]. `None` for a national paper
/// (`Báo Nhân Dân`, `Báo điện tử Chính phủ`).
pub fn press_province(publisher: &str, context: &AgencyContext) -> Option<String> {
    let name = ["Báo điện tử ", "Báo "]
        .iter()
        .find_map(|head| publisher.strip_prefix(head))?;
    let name = name
        .strip_suffix(" điện tử")
        .or_else(|| name.strip_suffix(" Online"))
        .unwrap_or(name);
    let key = key::key_str(name);
    let entry = context
        .gazetteer()
        .province_keyed(key.trim(), context.date)?;
    Some(entry.province_full_name())
}

/// The text after an official's title without its personal name (see `roles.rs`).
pub fn skip_personal_name(gap: &str) -> &str {
    roles::skip_personal_name(gap)
}

/// Whether the bodies opening `text` are followed by a directive's verb (see `roles.rs`).
pub fn subject_acts(text: &str, mentions: &[AgencyMention]) -> bool {
    roles::subject_acts(text, mentions)
}

/// The words an agency mention can start with, in the gazetteer in use (see
/// `matcher/starts.rs`).
pub fn mention_starts(context: &AgencyContext) -> &MentionStarts {
    &context.gazetteer().matcher.starts
}

/// Assigns roles to the mentions of one task text (see `roles.rs`).
pub fn assign_roles(text: &str, mentions: &[AgencyMention]) -> Roles {
    roles::assign(text, mentions)
}

fn render(mention: &AgencyMention) -> String {
    if mention.groups.is_empty() {
        mention.name.clone()
    } else {
        mention
            .groups
            .iter()
            .map(|g| g.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Renders what rule `rule_id` finds in `text` (see the module documentation).
pub fn render_examples(rule_id: &str, text: &str, reference: Option<NaiveDate>) -> Vec<String> {
    let context = AgencyContext {
        date: reference,
        ..Default::default()
    };
    // A group pointing back needs the blocks above it: read as a whole document.
    if rule_id == "AG008" {
        return crate::assembly::render_examples(rule_id, text, reference);
    }
    let mentions = find(text, &context);
    if rule_id.starts_with("AG1") {
        return mentions
            .iter()
            .zip(roles::decide(text, &mentions))
            .filter(|(_, (_, rule))| *rule == Some(rule_id))
            .filter_map(|(m, (role, _))| match role {
                Role::Lead => Some(format!("lead: {}", render(m))),
                Role::Support => Some(format!("support: {}", render(m))),
                Role::Neither => None,
            })
            .collect();
    }
    mentions
        .iter()
        .filter(|m| m.rule == rule_id)
        .map(render)
        .collect()
}
