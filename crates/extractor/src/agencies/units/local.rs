//! The bodies of communes and districts: their level words (`xã`, `phường`, `đặc khu`, ...)
//! after a body's name, a named commune's committee (`Ủy ban nhân dân phường Lâm Viên - Đà
//! Lạt`), and its name in full.

/// The level words of communes and districts, as written after a body's name.
const LOCAL_LEVELS: &[&str] = &[
    "thị trấn",
    "thị xã",
    "đặc khu",
    "huyện",
    "phường",
    "quận",
    "xã",
];

/// The byte length of a commune or district level word (with its leading space) at the start
/// of `after`, the original text after a body's name: ` xã` in `Công an xã`.
pub(in crate::agencies) fn local_level(after: &str) -> Option<usize> {
    let rest = after.strip_prefix(' ')?;
    LOCAL_LEVELS.iter().find_map(|level| {
        let tail = rest.strip_prefix(level)?;
        (!tail.starts_with(|c: char| c.is_alphanumeric())).then_some(1 + level.len())
    })
}

/// The byte length of a commune's or district's level word and its proper name at the start
/// of `after` (with the leading space): ` phường Lâm Viên - Đà Lạt` in `Ủy ban nhân dân
/// phường Lâm Viên - Đà Lạt bố trí ...`, ` xã Tân Phú`, ` phường 3`. The name is its capitalised
/// words (or a number), joined by spaces or a dash; `None` without a name (`Ủy ban nhân dân xã`).
pub(in crate::agencies) fn local_level_and_name(after: &str) -> Option<usize> {
    let level = local_level(after)?;
    let mut end = level;
    let mut words = 0;
    loop {
        let rest = after.get(end..)?;
        let gap = if rest.starts_with(" - ") || rest.starts_with(" – ") {
            if words == 0 {
                break;
            }
            rest.find(|c: char| c.is_alphanumeric())
                .unwrap_or(rest.len())
        } else if rest.starts_with(' ') {
            1
        } else {
            break;
        };
        let word_start = end + gap;
        let word: &str = after
            .get(word_start..)?
            .split(|c: char| !c.is_alphanumeric() && !vntask_tokenizer::is_mark(c))
            .next()
            .unwrap_or_default();
        let first = word.chars().next();
        let proper = first.is_some_and(char::is_uppercase)
            || (words == 0 && !word.is_empty() && word.chars().all(|c| c.is_ascii_digit()));
        if !proper {
            break;
        }
        end = word_start + word.len();
        words += 1;
    }
    (words > 0).then_some(end)
}

/// `UBND xã Long Phước` in full: `Ủy ban nhân dân xã Long Phước` (the canonical name spells
/// out `UBND`, `HĐND`).
pub(in crate::agencies) fn committee_in_full(name: &str) -> String {
    for (short, full) in [
        ("UBND ", "Ủy ban nhân dân "),
        ("HĐND ", "Hội đồng nhân dân "),
    ] {
        if let Some(rest) = name.strip_prefix(short) {
            return format!("{full}{rest}");
        }
    }
    name.to_string()
}

/// Whether `after` (the original text after a unit's head, with its leading space) names the
/// unit's parent by its kind alone: ` Sở` (the department), ` Bộ` (the ministry), as in
/// `Thanh tra Sở`, `Văn phòng Bộ`.
pub(in crate::agencies) fn names_parent(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    ["Sở", "Bộ"].iter().any(|word| {
        rest.strip_prefix(word)
            .is_some_and(|tail| !tail.starts_with(char::is_alphanumeric))
    })
}

/// The byte length of ` các xã, phường` (every commune, ward, ...) at the start of `after`:
/// `các` and a list of local levels joined by `, ` or ` và `; `None` without one.
pub(in crate::agencies) fn plural_levels(after: &str) -> Option<usize> {
    let mut rest = after.strip_prefix(" các ")?;
    let mut end = after.len() - rest.len();
    let mut levels = 0;
    while let Some(level) = LOCAL_LEVELS.iter().find(|level| {
        rest.strip_prefix(**level)
            .is_some_and(|tail| !tail.starts_with(char::is_alphanumeric))
    }) {
        end += level.len();
        rest = &rest[level.len()..];
        levels += 1;
        match [", ", " và "].iter().find(|sep| rest.starts_with(**sep)) {
            Some(sep)
                if LOCAL_LEVELS
                    .iter()
                    .any(|l| rest[sep.len()..].starts_with(l)) =>
            {
                end += sep.len();
                rest = &rest[sep.len()..];
            }
            _ => break,
        }
    }
    (levels > 0).then_some(end)
}
