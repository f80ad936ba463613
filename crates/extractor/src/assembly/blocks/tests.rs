//! Tests of block reading: the caches against reading again, and the order blocks are read in.

use super::*;

/// Blocks read in any order find what reading them in document order finds, a group
/// pointing back to the provinces above (`các tỉnh nêu trên`) included.
#[test]
fn mentions_do_not_depend_on_the_order_blocks_are_read_in() {
    let context = AgencyContext::default();
    let made = concat!(
        "Bộ trưởng Bộ Tài chính điện:\n- Ủy ban nhân dân tỉnh An Giang;\n",
        "- Ủy ban nhân dân tỉnh Cà Mau.\n\n",
        "Đề nghị Ủy ban nhân dân các tỉnh nêu trên rà soát kinh phí.\n\n",
        "Tình hình mưa lũ còn diễn biến phức tạp.\n\n",
        "Chủ tịch Ủy ban nhân dân các tỉnh nêu trên chỉ đạo sơ tán dân.\n\n",
        "Ủy ban nhân dân tỉnh Kiên Giang hỗ trợ.\n\n",
        "Các tỉnh nêu trên báo cáo kết quả."
    );
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut sources: Vec<Vec<u8>> = vec![made.as_bytes().to_vec()];
    for entry in std::fs::read_dir(seeds).into_iter().flatten().flatten() {
        sources.extend(std::fs::read(entry.path()));
    }
    let mut expanded = 0;
    for bytes in sources {
        let Ok(document) = vntask_ingest::read(&bytes, "made.txt", &Default::default()) else {
            continue;
        };
        let in_order = Lookups::new(&document, &context);
        let reversed = Lookups::new(&document, &context);
        let count = document.blocks.len();
        let eligible = |i: usize| {
            document
                .blocks
                .get(i)
                .is_some_and(|b| b.kind != BlockKind::TableRow && !b.text.trim().is_empty())
        };
        for index in (0..count).filter(|&i| eligible(i)) {
            in_order.of(&document, index);
        }
        // Every other block skipped, the rest read from the end.
        for index in (0..count).rev().step_by(2).filter(|&i| eligible(i)) {
            reversed.of(&document, index);
        }
        for index in (0..count).filter(|&i| eligible(i)) {
            let expected = in_order.of(&document, index);
            assert_eq!(reversed.of(&document, index), expected, "block {index}");
            let plain = agencies::find(&document.blocks[index].text, &context);
            expanded += usize::from(plain != expected);
        }
    }
    assert!(expanded >= 2, "{expanded}");
}

#[test]
fn enumerated_parts_split_at_numbers() {
    let text = "Bộ Công an: (1) Xây dựng Luật; (2) Hoàn thiện Đề án.";
    let parts: Vec<&str> = enumerated_parts(text)
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(parts, vec!["Xây dựng Luật", "Hoàn thiện Đề án."]);
    assert!(enumerated_parts("Chỉ có (1) một phần.").is_empty());
}

/// [`inherited_roles`] as it was: every ancestor read again for every item.
fn inherited_roles_uncached(document: &Document, index: usize, found: &Lookups) -> Option<Roles> {
    let mut current = document.blocks.get(index)?.parent;
    let mut steps = 0;
    while let Some(parent) = current {
        let block = document.blocks.get(parent)?;
        if let Some(roles) = heading_roles(document, parent, found) {
            return Some(roles);
        }
        current = block.parent;
        steps += 1;
        if steps > 64 {
            break;
        }
    }
    None
}

#[test]
fn cached_heading_roles_are_what_reading_the_ancestors_gives() {
    let context = AgencyContext::default();
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut inherited = 0;
    for entry in std::fs::read_dir(seeds).into_iter().flatten().flatten() {
        let Ok(bytes) = std::fs::read(entry.path()) else {
            continue;
        };
        let Ok(document) = vntask_ingest::read(&bytes, "seed.txt", &Default::default()) else {
            continue;
        };
        let cached = Lookups::new(&document, &context);
        let fresh = Lookups::new(&document, &context);
        // Items in document order, as assembly asks, so later ones hit the cache.
        for index in 0..document.blocks.len() {
            let expected = inherited_roles_uncached(&document, index, &fresh);
            assert_eq!(
                inherited_roles(&document, index, &cached),
                expected.as_ref()
            );
            inherited += usize::from(expected.is_some());
        }
    }
    assert!(inherited > 20, "{inherited}");
}
