//! Tests of the key: the fast paths against a plain char-by-char key that keeps every key
//! byte's input range, the mapping back from checkpoints against those ranges, and keys cut
//! out of a whole text's key against the parts' own keys.

use super::walk::{walk, Sink};
use super::*;

#[test]
fn variants_meet() {
    assert_eq!(
        key_str("Bộ Lao động – Thương binh và Xã hội"),
        key_str("Bộ Lao động-Thương binh và Xã hội")
    );
    assert_eq!(key_str("Bộ TT & TT"), "bo tt&tt");
    assert_eq!(key_str("TP. Hà  Nội"), "tp.ha noi");
    assert_eq!(key_str("Uỷ ban"), key_str("Ủy ban"));
    assert_ne!(key_str("Bộ Công an"), key_str("Bộ Công Thương"));
}

/// A key with the input range of every key byte (as the key was kept before checkpoints).
#[derive(Debug, Default)]
struct Plain {
    text: String,
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl Plain {
    /// [`Key::input_range`] as it was, from the ranges of every key byte.
    fn input_range(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let from = self.starts.get(start).copied().unwrap_or(0);
        let to = end
            .checked_sub(1)
            .and_then(|last| self.ends.get(last))
            .copied()
            .unwrap_or(from);
        from..to.max(from)
    }
}

/// Asserts that `got`, the key of `input`, is `plain`'s text and maps every key byte, every
/// input offset and key ranges back as `plain` does.
fn assert_maps(got: &Key, input: &str, plain: &Plain, at: &str) {
    assert_eq!(got.text, plain.text, "{at}");
    let len = plain.text.len();
    for k in 0..=len {
        let (start, end) = (plain.starts.get(k).copied(), plain.ends.get(k).copied());
        assert_eq!(got.start_of(input, k), start, "start of {k} in {at}");
        assert_eq!(got.end_of(input, k), end, "end of {k} in {at}");
    }
    for offset in 0..=input.len() + 1 {
        let want = plain.starts.partition_point(|&s| s < offset);
        assert_eq!(
            got.key_offset(input, offset),
            want,
            "offset {offset} in {at}"
        );
    }
    // Every range of a short key; of a long one, ranges from a few starts.
    let step = (len / 8).max(1);
    for start in (0..=len + 1).step_by(step) {
        for end in (0..=len + 1).step_by(step) {
            let want = plain.input_range(start, end);
            assert_eq!(
                got.input_range(input, start, end),
                want,
                "{start}..{end} in {at}"
            );
        }
    }
}

/// The plain char-by-char key that the fast path must agree with.
fn reference_key(text: &str) -> Plain {
    let mut out = Plain::default();
    let mut pending_space: Option<(usize, usize)> = None;
    for (index, c) in text.char_indices() {
        let end = index + c.len_utf8();
        if is_mark(c) {
            if let Some(last) = out.ends.last_mut() {
                *last = end;
            }
            continue;
        }
        if c.is_whitespace() {
            pending_space.get_or_insert((index, end));
            continue;
        }
        let folded = match c {
            '–' | '—' | '‑' | '−' | '‐' => '-',
            _ => fold_char(c),
        };
        if let Some((space_start, space_end)) = pending_space.take() {
            let after_glue = out.text.chars().last().is_some_and(is_glue);
            if !out.text.is_empty() && !after_glue && !is_glue(folded) {
                out.text.push(' ');
                out.starts.push(space_start);
                out.ends.push(space_end);
            }
        }
        for _ in 0..folded.len_utf8() {
            out.starts.push(index);
            out.ends.push(end);
        }
        out.text.push(folded);
    }
    out
}

#[test]
fn fast_path_agrees_with_the_plain_key() {
    let mut texts: Vec<String> = [
        "Giao  Bộ TT & TT làm",
        "\u{b}Bộ\u{c}Y\u{a0}tế – Sở\tNội vụ ,  TP. Hà Nội",
        "Bo\u{0323} Ta\u{300}i chi\u{301}nh",
        "  - & . ",
        "",
        "…“Bộ”… ßẞ ǅ İ 𝔸𝔹 x",
    ]
    .iter()
    .map(|t| t.to_string())
    .collect();
    // Marks, spaces and glue on both sides of where the key is flushed in chunks.
    for n in CHUNK - 3..CHUNK + 3 {
        let run = "a".repeat(n);
        texts.push(format!("{run}\u{301} b"));
        texts.push(format!("{run} \u{301}b"));
        texts.push(format!("{run}  - Ộ{run}ệ\u{300}"));
        texts.push(format!("{}{run}", "\u{301}".repeat(3)));
        // Words longer than a chunk, cut where it fills.
        texts.push(format!("x {} y", "ưộa".repeat(n)));
        texts.push(format!("{run}ộ{run} -{run}"));
    }
    texts.extend(crate::test_support::seed_lines());
    assert!(texts.len() > 100, "the seeds were read");
    for text in &texts {
        assert_maps(&key(text), text, &reference_key(text), text);
    }
}

#[test]
fn every_ascii_character_keys_as_the_plain_key_does() {
    for byte in 0..0x80u8 {
        let c = char::from(byte);
        for text in [format!("a{c}b"), format!("x {c} "), format!("{c}{c}.{c}")] {
            assert_maps(
                &key(&text),
                &text,
                &reference_key(&text),
                &format!("{byte:#x}"),
            );
        }
    }
}

#[test]
fn every_letter_in_the_table_keys_as_the_plain_key_does() {
    for code in 0x80..LETTERS_END + 0x100 {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        for text in [
            format!("a{c}b"),
            format!("x {c}"),
            format!("{c}\u{301} - y"),
            format!("z.{c}, {c}{c}"),
        ] {
            let at = format!("U+{code:04X}");
            assert_maps(&key(&text), &text, &reference_key(&text), &at);
        }
    }
}

#[test]
fn shared_keys_are_the_keys_of_the_same_text() {
    let a = "Giao Bộ Tài chính chủ trì";
    let first = shared(a);
    // The same words in another buffer are the same text.
    let copy: String = a.chars().collect();
    let again = shared(&copy);
    assert!(std::rc::Rc::ptr_eq(&first, &again));
    assert_eq!(first.text, key(a).text);
    let b = "Giao Bộ Tài chính chủ trì.";
    assert_eq!(shared(b).text, key(b).text);
    // Once more than RECENT other texts were keyed, the key is made again, alike.
    for n in 0..=RECENT {
        shared(&format!("Bộ {n}"));
    }
    let remade = shared(a);
    assert!(!std::rc::Rc::ptr_eq(&first, &remade));
    assert_eq!(remade.text, first.text);
    assert_eq!(remade.checkpoints, first.checkpoints);
}

/// Asserts that the key cut out of `whole`'s key for `part` is `part`'s own key, or that
/// none is cut; returns whether one was.
fn check_part(whole: &str, whole_key: &Key, part: std::ops::Range<usize>) -> bool {
    let own = key(&whole[part.clone()]);
    let Some(cut) = key_of_part(whole, whole_key, part.clone()) else {
        return false;
    };
    let at = format!("{:?} in {whole:?}", &whole[part.clone()]);
    let input = &whole[part];
    let plain = reference_key(input);
    assert_maps(&own, input, &plain, &at);
    assert_maps(&cut, input, &plain, &at);
    true
}

#[test]
fn keys_of_parts_are_cut_out_of_the_whole_key() {
    let mut texts: Vec<String> = [
        "Giao  Bộ TT & TT làm. Sở\tNội vụ ,  TP. Hà Nội",
        "a , b - c . d",
        " x  y \u{301} z\u{301}",
        "Bo\u{0323} Ta\u{300}i chi\u{301}nh; Bộ Y tế",
        "\u{b}Bộ\u{c}Y\u{a0}tế – Sở Nội vụ",
        "  - & . ",
    ]
    .iter()
    .map(|t| t.to_string())
    .collect();
    texts.extend(crate::test_support::seed_lines());
    let mut cut = 0;
    for whole in &texts {
        let whole_key = key(whole);
        let bounds: Vec<usize> = whole
            .char_indices()
            .map(|(i, _)| i)
            .chain([whole.len()])
            .collect();
        // Every part of a short text; of a long one, parts from about twelve starts to
        // about twelve ends.
        let step = (bounds.len() / 12).max(1);
        for (n, &start) in bounds.iter().enumerate().step_by(step) {
            for &end in bounds.iter().skip(n).step_by(step) {
                cut += usize::from(check_part(whole, &whole_key, start..end));
            }
            // The part up to the end, and the sentence-like part up to the next `.`/`;`.
            cut += usize::from(check_part(whole, &whole_key, start..whole.len()));
            if let Some(stop) = whole[start..].find(['.', ';']) {
                cut += usize::from(check_part(whole, &whole_key, start..start + stop + 1));
            }
        }
    }
    assert!(cut > 10_000, "only {cut} parts were cut");
}

#[test]
fn shared_keys_of_parts_are_their_own_keys() {
    let whole = String::from("Giao Bộ Tài chính chủ trì. Bộ Y tế  phối hợp \u{301}; xong");
    let whole_key = shared(&whole);
    assert_eq!(whole_key.text, key(&whole).text);
    let dot = whole.find('.').unwrap();
    let y = whole.find(" Y").unwrap();
    let parts = [
        0..dot + 1,
        dot + 1..whole.len(),
        dot + 2..y + " Y tế".len(),
        5..9,
        dot..dot,
    ];
    for range in parts {
        let part = &whole[range];
        assert_maps(&shared(part), part, &reference_key(part), part);
    }
}

#[test]
fn ranges_map_back() {
    let text = "Giao  Bộ TT & TT làm";
    let k = key(text);
    let start = k.text.find("bo tt&tt").unwrap();
    let range = k.input_range(text, start, start + "bo tt&tt".len());
    assert_eq!(&text[range], "Bộ TT & TT");
}

#[test]
fn keys_made_into_used_buffers_are_fresh_keys() {
    let mut texts: Vec<String> = [
        "Bộ Y tế",
        "",
        "Bo\u{0323} Ta\u{300}i chi\u{301}nh",
        "  x , y  ",
    ]
    .iter()
    .map(|t| t.to_string())
    .collect();
    texts.extend(crate::test_support::seed_lines().into_iter().take(200));
    // Each text keyed into the buffers of the one before (longer or shorter, dirty).
    let mut reused = key("Ủy ban nhân dân tỉnh An Giang, Sở Tài chính – TP. Hà Nội");
    for text in &texts {
        key_into(text, &mut reused);
        let fresh = key(text);
        assert_eq!(reused.text, fresh.text, "{text}");
        assert_eq!(reused.checkpoints, fresh.checkpoints, "{text}");
    }
}

/// Where [`walk`] stands before each character (the states a checkpoint may hold).
#[derive(Default)]
struct Trace {
    settled: Vec<Checkpoint>,
}

impl Sink for Trace {
    fn boundary(&mut self, index: usize, written: usize, settled: bool, after_glue: bool) -> bool {
        if settled {
            self.settled.push(Checkpoint {
                written,
                index,
                after_glue,
            });
        }
        true
    }

    fn put(&mut self, _: usize, _: u8, _: usize, _: usize) {}

    fn mark(&mut self, _: usize, _: usize) {}
}

#[test]
fn checkpoints_are_where_walking_stands() {
    let mut texts: Vec<String> = [
        "Giao  Bộ TT & TT làm. Sở\tNội vụ ,  TP. Hà Nội",
        "a-b-c-d-e-f-g-h-i-j , k . l & m",
        "Bo\u{0323} Ta\u{300}i chi\u{301}nh; Bộ Y tế – Sở",
        "…“Bộ”… ßẞ ǅ İ 𝔸𝔹 x",
    ]
    .iter()
    .map(|t| t.to_string())
    .collect();
    texts.extend(crate::test_support::seed_lines());
    for text in &texts {
        let k = key(text);
        let mut trace = Trace::default();
        let written = walk(text, Checkpoint::default(), &mut trace);
        assert_eq!(written, k.text.len(), "{text}");
        assert_eq!(k.checkpoints.is_empty(), text.is_empty(), "{text}");
        for checkpoint in &k.checkpoints {
            // The end of the text serves as well: nothing is keyed from it.
            let at_end = checkpoint.index == text.len() && checkpoint.written == written;
            assert!(
                at_end || trace.settled.contains(checkpoint),
                "{checkpoint:?} in {text}"
            );
        }
        // A checkpoint at least every STRIDE key bytes, a word or character more at most.
        for pair in k.checkpoints.windows(2) {
            assert!(pair[1].written - pair[0].written < STRIDE + 64, "{text}");
        }
    }
}
