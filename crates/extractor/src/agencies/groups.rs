//! Group phrases: the closed vocabulary of `fixtures/gold/GUIDELINE.md` (`Các bộ, ngành, địa
//! phương` → ministries, government agencies, provinces). Phrases are matched in their key
//! form (see `key.rs`), so case, diacritics and spacing around commas do not matter; every
//! phrase with `Ủy ban nhân dân` also exists with `UBND`, and `trung ương` with `TW`.

use vntask_writer::AgencyGroup;
use AgencyGroup::{
    Communes as C, Departments as D, Districts as Di, GovernmentAgencies as G, Ministries as M,
    Provinces as P, RelatedAgencies as R, StateEnterprises as E, SteeringCommittees as S,
};

/// What may follow a group phrase as its list of members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListHead {
    /// Not a list head.
    No,
    /// `các bộ`, `các Bộ:`: ministries named by their field follow (`Công an, Quốc phòng`).
    Ministries,
    /// `các địa phương:`, `UBND các tỉnh:`: provinces named bare follow.
    Provinces,
    /// `Giám đốc các Sở:`: a province's departments named by their field follow (`Y tế,
    /// Tài chính`); without them the phrase is nothing (`các số:` is `the numbers:`).
    Departments,
}

/// One group phrase.
#[derive(Debug, Clone, Copy)]
pub struct GroupPhrase {
    pub phrase: &'static str,
    pub groups: &'static [AgencyGroup],
    pub list_head: ListHead,
    /// Only a group when it continues a list (`... các bộ, cơ quan liên quan và địa phương`).
    pub needs_list: bool,
}

const fn g(phrase: &'static str, groups: &'static [AgencyGroup]) -> GroupPhrase {
    GroupPhrase {
        phrase,
        groups,
        list_head: ListHead::No,
        needs_list: false,
    }
}

const fn head(phrase: &'static str, groups: &'static [AgencyGroup], list: ListHead) -> GroupPhrase {
    GroupPhrase {
        phrase,
        groups,
        list_head: list,
        needs_list: false,
    }
}

const MGP: &[AgencyGroup] = &[M, G, P];
const MG: &[AgencyGroup] = &[M, G];

/// Every group phrase. Longer phrases win over their prefixes (leftmost-longest matching).
pub static PHRASES: &[GroupPhrase] = &[
    // Ministries, government agencies and provinces together.
    g("các bộ, ngành, địa phương", MGP),
    g("bộ, ngành, địa phương", MGP),
    g("các bộ, ngành và địa phương", MGP),
    g("bộ, ngành và địa phương", MGP),
    g("các bộ, ngành trung ương và địa phương", MGP),
    g("các bộ, ngành trung ương, địa phương", MGP),
    g("bộ, ngành trung ương và địa phương", MGP),
    g("các bộ, ngành, cơ quan, địa phương", MGP),
    g("các bộ, cơ quan, địa phương", MGP),
    g("các bộ, cơ quan trung ương và địa phương", MGP),
    g("các bộ, cơ quan trung ương, địa phương", MGP),
    g("bộ, cơ quan trung ương và địa phương", MGP),
    g("các bộ, địa phương", &[M, P]),
    g("các bộ và địa phương", &[M, P]),
    // Ministries and government agencies.
    g("các bộ, ngành", MG),
    g("bộ, ngành", MG),
    g("các bộ, ngành trung ương", MG),
    g("bộ, ngành trung ương", MG),
    g("các bộ, cơ quan trung ương", MG),
    g("các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", MG),
    g("bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", MG),
    g("các bộ, cơ quan ngang bộ, cơ quan trực thuộc Chính phủ", MG),
    g("bộ, cơ quan ngang bộ, cơ quan trực thuộc Chính phủ", MG),
    g("các cơ quan trực thuộc Chính phủ", &[G]),
    g("cơ quan trực thuộc Chính phủ", &[G]),
    g("các bộ, cơ quan ngang bộ", &[M]),
    g("cơ quan ngang bộ", &[M]),
    g("các cơ quan thuộc Chính phủ", &[G]),
    g("cơ quan thuộc Chính phủ", &[G]),
    g("Bộ trưởng, Thủ trưởng cơ quan ngang bộ", &[M]),
    g("Thủ trưởng cơ quan ngang bộ", &[M]),
    g("Thủ trưởng cơ quan thuộc Chính phủ", &[G]),
    g("Bộ trưởng, Trưởng ngành", MG),
    g("Trưởng ngành", &[G]),
    g("các Bộ trưởng", &[M]),
    head("các bộ", &[M], ListHead::Ministries),
    head("các Sở:", &[], ListHead::Departments),
    head("Bộ trưởng các bộ", &[M], ListHead::Ministries),
    // Provinces.
    g(
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
        &[P],
    ),
    head(
        "Ủy ban nhân dân các tỉnh, thành phố",
        &[P],
        ListHead::Provinces,
    ),
    head("Ủy ban nhân dân các tỉnh", &[P], ListHead::Provinces),
    g("Ủy ban nhân dân các cấp", &[P]),
    g("các tỉnh, thành phố trực thuộc trung ương", &[P]),
    g("tỉnh, thành phố trực thuộc trung ương", &[P]),
    head("các tỉnh, thành phố", &[P], ListHead::Provinces),
    head("các tỉnh", &[P], ListHead::Provinces),
    head("các địa phương", &[P], ListHead::Provinces),
    g("chính quyền địa phương các cấp", &[P]),
    GroupPhrase {
        phrase: "địa phương",
        groups: &[P],
        list_head: ListHead::No,
        needs_list: true,
    },
    // Related bodies.
    g("các cơ quan, đơn vị liên quan", &[R]),
    g("các cơ quan, đơn vị có liên quan", &[R]),
    g("các cơ quan, tổ chức liên quan", &[R]),
    g("các cơ quan, tổ chức có liên quan", &[R]),
    g("các cơ quan liên quan", &[R]),
    g("các cơ quan có liên quan", &[R]),
    g("cơ quan liên quan", &[R]),
    g("các đơn vị liên quan", &[R]),
    g("các đơn vị có liên quan", &[R]),
    // A ministry's own units: `các Vụ, Cục liên quan`.
    g("các vụ, cục liên quan", &[R]),
    g("các vụ, cục có liên quan", &[R]),
    g("các cục, vụ liên quan", &[R]),
    g("các cục, vụ có liên quan", &[R]),
    g("các vụ, cục, đơn vị liên quan", &[R]),
    g("các cục, vụ, đơn vị liên quan", &[R]),
    g("các bộ, cơ quan liên quan", &[R]),
    g("bộ, cơ quan liên quan", &[R]),
    g("bộ, ngành liên quan", &[R]),
    g("các bộ, ngành liên quan", &[R]),
    g("các bộ, ngành có liên quan", &[R]),
    g("các bộ, ngành, cơ quan liên quan", &[R]),
    g("các cơ quan chủ quản", &[R]),
    g("các cơ quan chức năng", &[R]),
    // Steering committees.
    g(
        "các Ban Chỉ đạo chuyển đổi số của bộ, ngành, địa phương",
        &[S],
    ),
    g(
        "các Ban Chỉ đạo chuyển đổi số của các bộ, ngành, địa phương",
        &[S],
    ),
    g(
        "Ban Chỉ đạo chuyển đổi số của các bộ, ngành, địa phương",
        &[S],
    ),
    g("Ban Chỉ đạo chuyển đổi số của bộ, ngành, địa phương", &[S]),
    g("Ban Chỉ đạo chuyển đổi số các bộ, ngành, địa phương", &[S]),
    g("các Ban Chỉ đạo chuyển đổi số", &[S]),
    g("các Ban Chỉ đạo", &[S]),
    // Provincial departments (in a provincial document).
    g("các sở, ban, ngành", &[D]),
    g("sở, ban, ngành", &[D]),
    g("các sở, ngành", &[D]),
    g("các sở, ban, ngành tỉnh", &[D]),
    g("các sở, ban, ngành thành phố", &[D]),
    g("các sở, ngành, địa phương", &[D, Di]),
    // `cấp tỉnh` (of the province's level) after the list.
    g("các sở, ban, ngành cấp tỉnh", &[D]),
    g("các sở, ban, ngành cấp thành phố", &[D]),
    // Their heads, named as officials: `Giám đốc các sở, Thủ trưởng các ban, ngành` (the
    // directors of the departments, the heads of the boards and branches).
    g("các sở, Thủ trưởng các ban, ngành", &[D]),
    g("các sở, Thủ trưởng các ban, ngành cấp tỉnh", &[D]),
    g("các sở, Thủ trưởng các ban, ngành tỉnh", &[D]),
    g("các sở, Thủ trưởng các ban, ngành thành phố", &[D]),
    // Districts (before 1 July 2025).
    g("Ủy ban nhân dân các huyện, thị xã, thành phố", &[Di]),
    g(
        "Ủy ban nhân dân các huyện, thị xã, thành phố thuộc tỉnh",
        &[Di],
    ),
    g("Ủy ban nhân dân các quận, huyện, thị xã, thành phố", &[Di]),
    g("Ủy ban nhân dân các quận, huyện", &[Di]),
    g("Ủy ban nhân dân cấp huyện", &[Di]),
    g("Ủy ban nhân dân các huyện", &[Di]),
    g("các huyện, thị xã, thành phố", &[Di]),
    // Communes.
    g("Ủy ban nhân dân các xã, phường, thị trấn", &[C]),
    g("Ủy ban nhân dân các xã, phường, đặc khu", &[C]),
    g("Ủy ban nhân dân các xã, phường", &[C]),
    g("Ủy ban nhân dân cấp xã", &[C]),
    g("các xã, phường, thị trấn", &[C]),
    // State enterprises.
    g("các tập đoàn, tổng công ty nhà nước", &[E]),
    g("các tập đoàn, tổng công ty", &[E]),
    g("các tập đoàn kinh tế nhà nước", &[E]),
    g("các doanh nghiệp nhà nước", &[E]),
    g("doanh nghiệp nhà nước", &[E]),
];

/// The spellings of one phrase: as written, with its list of local levels in any order
/// (see [`level_orders`]), with `UBND` for `Ủy ban nhân dân`, with `TW` for `trung ương`.
pub fn variants(phrase: &str) -> Vec<String> {
    let mut out = vec![phrase.to_string()];
    out.extend(level_orders(phrase).into_iter().filter(|p| p != phrase));
    let ubnd: Vec<String> = out
        .iter()
        .filter(|p| p.contains("Ủy ban nhân dân"))
        .map(|p| p.replace("Ủy ban nhân dân", "UBND"))
        .collect();
    out.extend(ubnd);
    let more: Vec<String> = out
        .iter()
        .filter(|p| p.contains("trung ương"))
        .map(|p| p.replace("trung ương", "TW"))
        .collect();
    out.extend(more);
    out
}

/// The names of the local levels of government, as they are listed after `các`
/// (`các xã, phường, thị trấn`; `các quận, huyện`).
const LEVELS: &[&str] = &[
    "tỉnh",
    "thành phố",
    "huyện",
    "quận",
    "thị xã",
    "xã",
    "phường",
    "thị trấn",
    "đặc khu",
];

/// A phrase ending in a list of two to four local levels after `các`, in every order of that
/// list: documents list the same levels in their own order (`Ủy ban nhân dân các phường, xã`
/// for `các xã, phường`), and the levels named, not their order, decide the group. Other
/// phrases give nothing.
fn level_orders(phrase: &str) -> Vec<String> {
    let Some(at) = phrase.rfind("các ") else {
        return Vec::new();
    };
    let (head, list) = phrase.split_at(at + "các ".len());
    let items: Vec<&str> = list.split(", ").collect();
    if !(2..=4).contains(&items.len()) || !items.iter().all(|i| LEVELS.contains(i)) {
        return Vec::new();
    }
    let mut out = Vec::new();
    permute(&mut items.clone(), 0, &mut |order| {
        out.push(format!("{head}{}", order.join(", ")));
    });
    out
}

/// Calls `visit` with every order of `items[k..]` after `items[..k]` (Heap's swaps).
fn permute<'a>(items: &mut Vec<&'a str>, k: usize, visit: &mut impl FnMut(&[&'a str])) {
    if k == items.len() {
        visit(items);
        return;
    }
    for i in k..items.len() {
        items.swap(k, i);
        permute(items, k + 1, visit);
        items.swap(k, i);
    }
}

#[cfg(test)]
mod level_order_tests {
    use super::*;

    #[test]
    fn a_list_of_levels_comes_in_every_order() {
        let orders = level_orders("Ủy ban nhân dân các xã, phường, thị trấn");
        assert_eq!(orders.len(), 6);
        assert!(orders.contains(&"Ủy ban nhân dân các phường, xã, thị trấn".to_string()));
        assert!(orders.contains(&"Ủy ban nhân dân các thị trấn, phường, xã".to_string()));
        let two = variants("Ủy ban nhân dân các xã, phường");
        assert!(two.contains(&"UBND các phường, xã".to_string()));
    }

    #[test]
    fn other_lists_keep_their_order() {
        // Not levels of government: the bodies' own words are not reordered.
        assert!(level_orders("các sở, ban, ngành").is_empty());
        assert!(level_orders("các tập đoàn, tổng công ty").is_empty());
        // A single level is no list.
        assert!(level_orders("Ủy ban nhân dân các huyện").is_empty());
        // A level list of more than four is left alone (no phrase has one).
        assert!(level_orders("các tỉnh, thành phố, huyện, quận, xã").is_empty());
    }

    /// No reordering of one group's levels spells another group's phrase, so the order never
    /// changes which group a phrase is.
    #[test]
    fn reorderings_do_not_collide_with_other_groups() {
        for phrase in PHRASES {
            for order in level_orders(phrase.phrase) {
                for other in PHRASES.iter().filter(|o| o.groups != phrase.groups) {
                    assert_ne!(order, other.phrase, "{} / {}", phrase.phrase, other.phrase);
                }
            }
        }
    }
}
