use super::super::gazetteer::Gazetteer;
use super::super::key::{key, key_of_part, Key};
use super::*;

/// The scan as it was before answers were kept with keys: every question goes to the
/// automaton.
fn reference_scan<'m>(matcher: &'m Matcher, key: &str) -> Vec<(usize, usize, &'m [Candidate])> {
    let Some(automaton) = &matcher.automaton else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < key.len() {
        let Some(found) = automaton.find(Input::new(key).span(pos..key.len())) else {
            break;
        };
        let (start, end) = (found.start(), found.end());
        if starts_word(key, start) && ends_word(key, end) {
            let candidates = matcher.candidates[found.pattern().as_usize()].as_slice();
            out.push((start, end, candidates));
            pos = end;
        } else {
            pos = start + key[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

fn plain(raws: Vec<Raw<'_>>) -> Vec<(usize, usize, &[Candidate])> {
    raws.into_iter()
        .map(|r| (r.start, r.end, r.candidates))
        .collect()
}

/// Scans `key` and checks the matches against the reference scan of its text; returns how
/// many questions went to the automaton.
fn check(matcher: &Matcher, key: &Key, at: &str) -> usize {
    let mut asked = 0;
    let got = plain(matcher.scan_counting(key, &mut asked));
    assert_eq!(got, reference_scan(matcher, &key.text), "{at}");
    asked
}

/// Texts with matches that a part may cut: `Ủy ban nhân dân tỉnh Quảng Ninh` holds the
/// shorter `Ủy ban nhân dân` (a part ending before `Quảng Ninh` must find that one), words
/// glued to a name (`xBộ Y tế`), lists, aliases.
fn texts() -> Vec<String> {
    let mut texts: Vec<String> = [
        "Giao Ủy ban nhân dân tỉnh Quảng Ninh chủ trì, phối hợp với Bộ Tài chính. Sở Y tế tỉnh Lào Cai báo cáo.",
        "Bộ Giáo dục và Đào tạo, Y tế, Công an; các bộ, ngành, địa phương khẩn trương; UBND TP. Hà Nội",
        "xBộ Y tếx Bộ Y tế. BTTTT, NHNNN, NHNN; Bộ TT&TT; Bộ KH & ĐT tổng hợp",
        "Các bộ, cơ quan trung ương và địa phương; Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
        "An Giang, Kiên Giang và Thành phố Hồ Chí Minh. tư tưởng Hồ Chí Minh",
        "",
        "Bộ",
    ]
    .iter()
    .map(|t| t.to_string())
    .collect();
    texts.extend(crate::test_support::seed_lines());
    texts
}

#[test]
fn parts_scan_as_their_own_keys_do_with_fewer_questions() {
    let matcher = &Gazetteer::builtin().matcher;
    let (mut asked, mut asked_alone, mut parts) = (0, 0, 0);
    for whole in texts() {
        let whole_key = key(&whole);
        // The first scan records its answers, the second reads them all.
        check(matcher, &whole_key, &whole);
        assert_eq!(check(matcher, &whole_key, &whole), 0, "{whole}");
        let bounds: Vec<usize> = whole
            .char_indices()
            .map(|(i, _)| i)
            .chain([whole.len()])
            .collect();
        let step = (bounds.len() / 16).max(1);
        for (n, &start) in bounds.iter().enumerate().step_by(step) {
            for &end in bounds.iter().skip(n).step_by(step) {
                let Some(cut) = key_of_part(&whole, &whole_key, start..end) else {
                    continue;
                };
                let at = format!("{:?} in {whole:?}", &whole[start..end]);
                asked += check(matcher, &cut, &at);
                asked_alone += check(matcher, &key(&whole[start..end]), &at);
                parts += 1;
                // A part of the part: its clause.
                let half = cut.text.len() / 2;
                let inner_start = whole[start..end]
                    .char_indices()
                    .map(|(i, _)| start + i)
                    .find(|&i| i >= start + half)
                    .unwrap_or(end);
                if let Some(inner) =
                    key_of_part(&whole[start..end], &cut, inner_start - start..end - start)
                {
                    check(matcher, &inner, &at);
                }
            }
        }
    }
    assert!(parts > 1000, "only {parts} parts");
    assert!(
        asked * 2 < asked_alone,
        "parts asked {asked} questions, keyed alone {asked_alone}"
    );
}

#[test]
fn answers_of_another_matcher_are_not_read() {
    let builtin = &Gazetteer::builtin().matcher;
    let other = Matcher::build(&[]);
    let text = "Giao Bộ Tài chính và các bộ, ngành, địa phương";
    let made = key(text);
    // Recorded by the group-phrases-only matcher, then scanned by the full one.
    check(&other, &made, text);
    assert!(check(builtin, &made, text) > 0);
    assert_eq!(check(builtin, &made, text), 0);
    assert!(check(&other, &made, text) > 0);
}

#[test]
fn a_match_running_past_a_part_is_asked_again() {
    let matcher = &Gazetteer::builtin().matcher;
    let whole = "Ủy ban nhân dân tỉnh Quảng Ninh";
    let whole_key = key(whole);
    check(matcher, &whole_key, whole);
    let end = whole.find(" Quảng").unwrap_or(whole.len());
    let Some(cut) = key_of_part(whole, &whole_key, 0..end) else {
        panic!("no key cut for {whole:?}");
    };
    // The whole key's answer past `Ủy ban nhân dân` runs past the part (`tỉnh Quảng Ninh`):
    // it is not carried into the part, which asks the automaton again.
    let straddles = |memo: &memo::Memo, first: usize, last: usize| {
        memo.steps.iter().any(|step| {
            step.found
                .is_some_and(|found| found.start < last && found.end > last && found.start >= first)
        })
    };
    assert!(straddles(&whole_key.memo.borrow(), 0, cut.text.len()));
    assert!(!straddles(&cut.memo.borrow(), 0, cut.text.len()));
    assert!(cut
        .memo
        .borrow()
        .steps
        .iter()
        .all(|step| step.found.is_none_or(|found| found.end <= cut.text.len())));
    assert!(check(matcher, &cut, whole) > 0);
}

/// The word of `text` at byte `start` as a [`starts::WordKey`], with the word after it
/// (`None` at the end): their chars folded, when each folds to one ASCII letter or digit
/// (else `None`: the gate leaves such texts alone).
fn words_at(text: &str, start: usize) -> Option<(starts::WordKey, Option<starts::WordKey>)> {
    let mut words = Vec::new();
    let mut bytes = Vec::new();
    for c in text.get(start..)?.chars() {
        if vntask_tokenizer::is_mark(c) {
            return None;
        }
        if crate::is_alphanumeric(c) {
            let folded = vntask_tokenizer::fold_char(c);
            if !folded.is_ascii_alphanumeric() {
                return None;
            }
            bytes.push(folded as u8);
        } else if !bytes.is_empty() {
            words.push(starts::WordKey::of(&std::mem::take(&mut bytes)));
            if words.len() == 2 {
                break;
            }
        }
    }
    if !bytes.is_empty() && words.len() < 2 {
        words.push(starts::WordKey::of(&bytes));
    }
    let mut words = words.into_iter();
    Some((words.next()?, words.next()))
}

#[test]
fn every_mention_starts_at_a_word_of_the_starts() {
    let context = crate::agencies::AgencyContext::default();
    let starts = &Gazetteer::builtin().matcher.starts;
    let word = |w: &str| starts::WordKey::of(w.as_bytes());
    assert!(starts.may_start(word("bo"), Some(word("cong"))));
    assert!(starts.may_start(word("cuc"), None));
    assert!(starts.may_start(word("nhnn"), None));
    // (`tang` is no first word: the starts are known, not "any word".)
    assert!(!starts.may_start(word("tang"), Some(word("cuong"))));
    assert!(!starts.may_start(word("bo"), Some(word("tang"))));
    assert!(!starts.may_start(word(""), None));
    let mut mentions = 0;
    for text in &texts() {
        // Every raw match: its first key words.
        let key = key(text);
        for raw in Gazetteer::builtin().matcher.scan(&key) {
            let words: Vec<&str> = key.text[raw.start..]
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .take(2)
                .collect();
            let first = words.first().copied().unwrap_or_default();
            let second = words.get(1).map(|w| word(w));
            assert!(starts.may_start(word(first), second), "{text}");
        }
        // Every mention, units included: the words it starts at in the text.
        for mention in crate::agencies::find(text, &context) {
            if let Some((first, second)) = words_at(text, mention.range.start) {
                assert!(starts.may_start(first, second), "{text}: {mention:?}");
                mentions += 1;
            }
        }
    }
    assert!(mentions > 500, "{mentions}");
}

#[test]
fn long_words_and_sets_are_told_apart() {
    let set = starts::WordSet::new(
        ["bo", "thanhpho12", "thanhpho13", "a"]
            .iter()
            .map(|w| starts::WordKey::of(w.as_bytes())),
    );
    for (word, expected) in [
        ("bo", true),
        ("a", true),
        ("thanhpho12", true),
        ("anhpho12", false),
        ("thanhpho14", false),
        ("b", false),
        ("bob", false),
        ("", false),
    ] {
        assert_eq!(
            set.contains(starts::WordKey::of(word.as_bytes())),
            expected,
            "{word}"
        );
    }
}
