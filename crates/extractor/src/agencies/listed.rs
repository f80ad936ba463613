//! A group that points back to a list: `Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu trên`
//! stands for the provinces the document named above, one by one (the guideline's
//! `các tỉnh, thành phố nêu trên`). A Công điện names them in its address block
//! (`Thủ tướng Chính phủ điện: Chủ tịch UBND các tỉnh: An Giang, Cà Mau, ...`) and its items then
//! say only `các tỉnh nêu trên`.

use super::AgencyMention;
use vntask_writer::AgencyGroup;

/// The words after a group that point back (folded): `nêu trên`, `nói trên`, `kể trên`,
/// `có tên trên`, `(được) nêu ở trên`. A bare `trên` counts only before punctuation: `các tỉnh
/// trên địa bàn` is "in the area", not "above".
const BACK_WORDS: &[&str] = &[
    "neu tren",
    "noi tren",
    "ke tren",
    "co ten tren",
    "co ten o tren",
    "neu o tren",
    "duoc neu tren",
    "duoc neu o tren",
];

/// Whether `after`, the text right after a group, points back to bodies named above.
pub fn points_back(after: &str) -> bool {
    // Enough for the longest phrase; folding a few dozen bytes, only after a provinces group.
    let head: String = after.chars().take(24).collect();
    let folded = vntask_tokenizer::fold(head.trim_start());
    let is_boundary = |rest: &str| rest.chars().next().is_none_or(|c| !c.is_alphanumeric());
    if BACK_WORDS
        .iter()
        .any(|w| folded.strip_prefix(w).is_some_and(is_boundary))
    {
        return true;
    }
    folded
        .strip_prefix("tren")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([',', ';', ':', '.', ')']))
}

/// Whether a mention is a province's People's Committee (`Ủy ban nhân dân tỉnh An Giang`, or a
/// province named bare in a list), the members a provinces group points back to.
pub fn is_province(mention: &AgencyMention) -> bool {
    mention
        .id
        .as_deref()
        .is_some_and(|id| id.starts_with("ubnd@"))
}

/// Whether a provinces group among `mentions` points back to a list above.
pub fn any_points_back(text: &str, mentions: &[AgencyMention]) -> bool {
    mentions.iter().any(|m| group_points_back(text, m))
}

fn group_points_back(text: &str, m: &AgencyMention) -> bool {
    m.name.is_empty()
        && m.groups.contains(&AgencyGroup::Provinces)
        && text.get(m.range.end..).is_some_and(points_back)
}

/// `mentions` of `text` with each provinces group that points back replaced by `listed`, the
/// provinces named above (each taking the group's place in the text); `None` when no group
/// points back or nothing was listed.
pub fn expand(
    text: &str,
    mentions: &[AgencyMention],
    listed: &[AgencyMention],
) -> Option<Vec<AgencyMention>> {
    if listed.is_empty() {
        return None;
    }
    let points = |m: &AgencyMention| group_points_back(text, m);
    if !mentions.iter().any(points) {
        return None;
    }
    let mut out = Vec::with_capacity(mentions.len() + listed.len());
    for mention in mentions {
        if points(mention) {
            out.extend(listed.iter().map(|province| AgencyMention {
                range: mention.range.clone(),
                mention: mention.mention.clone(),
                rule: "AG008",
                ..province.clone()
            }));
        } else {
            out.push(mention.clone());
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_point_back() {
        for after in [
            " nêu trên rà soát",
            " nói trên",
            " kể trên chỉ đạo",
            " có tên trên",
            " có tên ở trên",
            " được nêu ở trên khẩn trương",
            " trên:",
            " trên.",
            " NÊU TRÊN",
        ] {
            assert!(points_back(after), "{after}");
        }
    }

    #[test]
    fn words_that_do_not() {
        for after in [
            " trên địa bàn",
            " trên cả nước",
            " trên toàn quốc",
            " nêu tiếp",
            " rà soát",
            "",
            " trênh",
        ] {
            assert!(!points_back(after), "{after}");
        }
    }

    fn mention(range: std::ops::Range<usize>, id: Option<&str>, name: &str) -> AgencyMention {
        AgencyMention {
            range,
            mention: name.to_string(),
            id: id.map(str::to_string),
            name: name.to_string(),
            current: None,
            groups: if name.is_empty() {
                vec![AgencyGroup::Provinces]
            } else {
                Vec::new()
            },
            rule: "AG007",
        }
    }

    #[test]
    fn a_group_pointing_back_becomes_the_listed_provinces() {
        let text = "Đề nghị UBND các tỉnh nêu trên rà soát";
        let start = text.find("UBND").unwrap_or_default();
        let end = text.find(" nêu").unwrap_or_default();
        let group = mention(start..end, None, "");
        let listed = [
            mention(
                0..5,
                Some("ubnd@p-an-giang"),
                "Ủy ban nhân dân tỉnh An Giang",
            ),
            mention(7..12, Some("ubnd@p-ca-mau"), "Ủy ban nhân dân tỉnh Cà Mau"),
        ];
        let expanded = expand(text, &[group], &listed).expect("expanded");
        let names: Vec<&str> = expanded.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Ủy ban nhân dân tỉnh An Giang",
                "Ủy ban nhân dân tỉnh Cà Mau"
            ]
        );
        assert!(expanded
            .iter()
            .all(|m| m.range == (start..end) && m.rule == "AG008"));
    }

    #[test]
    fn a_group_that_does_not_point_back_stays() {
        let group = |text: &str, end: &str| {
            let start = text.find("UBND").unwrap_or_default();
            mention(start..text.find(end).unwrap_or_default(), None, "")
        };
        let text = "Đề nghị UBND các tỉnh trên địa bàn rà soát";
        let listed = [mention(
            0..5,
            Some("ubnd@p-an-giang"),
            "Ủy ban nhân dân tỉnh An Giang",
        )];
        assert_eq!(expand(text, &[group(text, " trên")], &listed), None);
        // Nothing listed above: the group stays a group.
        let text = "Đề nghị UBND các tỉnh nêu trên rà soát";
        assert_eq!(expand(text, &[group(text, " nêu")], &[]), None);
        // Listed and pointing back: expanded (the same group, so the cases above fail only
        // for their own reason).
        assert!(expand(text, &[group(text, " nêu")], &listed).is_some());
    }
}
