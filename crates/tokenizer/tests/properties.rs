//! Properties of normalisation over arbitrary text, Vietnamese-heavy: it is idempotent, its
//! offset map lands on char boundaries of the input in order, and folding ignores tone
//! placement and composition.

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use vntask_tokenizer::{fold, normalize, normalize_with_map};

/// Text drawn from Vietnamese letters in both tone placements, NFD marks, dashes, quotes,
/// odd spaces, line ends and plain ASCII.
fn vietnamese_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "hoà",
        "hòa",
        "thuỷ",
        "thủy",
        "Uỷ",
        "Ủy",
        "quý",
        "hoàng",
        "khoẻ",
        "Bộ",
        "Tài chính",
        "đ",
        "a\u{0300}",
        "o\u{0301}",
        "u\u{0309}y",
        "–",
        "—",
        "“",
        "”",
        "\u{00A0}",
        "\u{200B}",
        "\r\n",
        "\r",
        "\n",
        " ",
        ".",
        ",",
        "1",
        "o",
        "u",
        "y",
        "e",
        "A",
        "\u{FEFF}",
        "x",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn normalisation_is_idempotent(text in vietnamese_text()) {
        let once = normalize(&text);
        prop_assert_eq!(normalize(&once), once);
    }

    #[test]
    fn offsets_map_to_input_char_boundaries_in_order(text in vietnamese_text()) {
        let (out, map) = normalize_with_map(&text);
        let mut last = 0;
        for (index, _) in out.char_indices().chain(std::iter::once((out.len(), ' '))) {
            let input = map.to_input(index);
            prop_assert!(text.is_char_boundary(input), "{input} in {text:?}");
            prop_assert!(input >= last);
            last = input;
        }
        prop_assert_eq!(map.to_input(out.len()), text.len());
    }

    #[test]
    fn folding_ignores_composition(text in vietnamese_text()) {
        let nfd: String = text.nfd().collect();
        prop_assert_eq!(fold(&normalize(&nfd)), fold(&normalize(&text)));
    }
}

/// Any map: checkpoints sorted by output offset, input offsets in any order.
fn any_map() -> impl Strategy<Value = vntask_tokenizer::OffsetMap> {
    (
        prop::collection::vec((0usize..50, 0usize..50), 0..8),
        0usize..50,
    )
        .prop_map(|(mut checkpoints, end)| {
            checkpoints.sort_by_key(|&(norm, _)| norm);
            vntask_tokenizer::OffsetMap::from_checkpoints(checkpoints, end)
        })
}

proptest! {
    #[test]
    fn in_step_until_is_in_step(map in any_map(), offset in 0usize..60) {
        let stop = map.in_step_until(offset);
        prop_assert!(stop > offset);
        let start = map.to_input(offset);
        for o in offset..stop.min(80) {
            prop_assert_eq!(map.to_input(o), start + (o - offset), "{} in {:?}", o, map);
        }
    }

    #[test]
    fn in_step_until_is_in_step_on_normalised_text(text in vietnamese_text()) {
        let (out, map) = normalize_with_map(&text);
        for offset in 0..=out.len() {
            let stop = map.in_step_until(offset).min(out.len() + 1);
            let start = map.to_input(offset);
            for o in offset..stop {
                prop_assert_eq!(map.to_input(o), start + (o - offset));
            }
        }
    }
}
