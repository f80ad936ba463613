//! Diacritic folding: lower case, tone and vowel marks removed, `đ` → `d`.
//! `Bộ Tài chính`, `BỘ TÀI CHÍNH` and `Bo Tai chinh` all fold to `bo tai chinh`.

use crate::marks::is_mark;
use unicode_normalization::char::decompose_canonical;

/// Folded forms of U+0000..U+1EFF (ASCII, Latin-1, Latin Extended, Vietnamese letters), built
/// once: decomposing each character on every call showed in profiles.
static TABLE: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
    (0..TABLE_END)
        .map(|code| char::from_u32(code).map_or(' ', fold_char_slow))
        .collect()
});
const TABLE_END: u32 = 0x1F00;

/// Folds one character (see the module documentation).
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match TABLE.get(c as usize) {
        Some(folded) if (c as u32) < TABLE_END => *folded,
        _ => fold_char_slow(c),
    }
}

fn fold_char_slow(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        'đ' | 'Đ' => return 'd',
        _ => {}
    }
    let mut base = c;
    let mut found = false;
    decompose_canonical(c, |part| {
        if !found && !is_mark(part) {
            base = part;
            found = true;
        }
    });
    base.to_lowercase().next().unwrap_or(base)
}

/// Folds a whole text.
pub fn fold(text: &str) -> String {
    // A folded text is almost never longer than the text (Vietnamese letters fold to ASCII),
    // so one allocation holds it; growing the string char by char showed in profiles.
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if !is_mark(c) {
            out.push(fold_char(c));
        }
    }
    out
}

/// Whether `fold(text)` starts with `prefix` (folded already), folding only as much of
/// `text` as the prefix needs (`Nơi nhận:` opening a long line).
pub fn fold_starts_with(text: &str, prefix: &str) -> bool {
    let mut folded = text.chars().filter(|c| !is_mark(*c)).map(fold_char);
    prefix.chars().all(|p| folded.next() == Some(p))
}

/// Folds `text` and returns, for every byte of the result plus its end, the byte offset in
/// `text` it came from (so a match in folded text maps back to a span of `text`).
pub fn fold_with_offsets(text: &str) -> (String, Vec<u32>) {
    let mut out = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() + 1);
    for (index, c) in text.char_indices() {
        if is_mark(c) {
            continue;
        }
        let folded = fold_char(c);
        for _ in 0..folded.len_utf8() {
            offsets.push(index as u32);
        }
        out.push(folded);
    }
    offsets.push(text.len() as u32);
    (out, offsets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_agrees_with_the_slow_fold() {
        for code in 0..TABLE_END {
            if let Some(c) = char::from_u32(code) {
                assert_eq!(fold_char(c), fold_char_slow(c), "U+{code:04X}");
            }
        }
    }

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("Bộ Tài chính"), "bo tai chinh");
        assert_eq!(fold("ĐẨY MẠNH Ủy ban"), "day manh uy ban");
        assert_eq!(fold("Bo Tai chinh"), "bo tai chinh");
        assert_eq!(fold("Thông tin & Truyền thông"), "thong tin & truyen thong");
    }

    proptest::proptest! {
        #[test]
        fn fold_starts_with_agrees_with_fold(
            text in "[a-zA-Zơớờ\\u{300}\\u{301}ĐđNnÔôIiHhÂâÀàỢợ ]{0,14}",
            prefix in "[a-z ]{0,6}",
        ) {
            for prefix in [prefix.as_str(), "noi nhan", "", "n"] {
                proptest::prop_assert_eq!(
                    fold_starts_with(&text, prefix),
                    fold(&text).starts_with(prefix)
                );
            }
        }
    }

    #[test]
    fn fold_starts_with_samples() {
        assert!(fold_starts_with("Nơi nhận:", "noi nhan"));
        assert!(fold_starts_with(
            "NO\u{031B}I NHA\u{0302}\u{0323}N",
            "noi nhan"
        ));
        assert!(!fold_starts_with("Nơi", "noi nhan"));
        assert!(fold_starts_with("x", ""));
    }

    #[test]
    fn folded_offsets_map_back() {
        let text = "Bộ Tài chính";
        let (folded, offsets) = fold_with_offsets(text);
        let start = folded.find("tai").unwrap();
        let end = start + 3;
        assert_eq!(&text[offsets[start] as usize..offsets[end] as usize], "Tài");
    }
}
