use super::*;

/// [`Resolver::context_province`] as it was, keying every province's name each time.
fn reference_context_province<'g>(g: &'g Gazetteer, ctx: &AgencyContext) -> Option<&'g Entry> {
    let wanted = super::super::key::key_str(ctx.province.as_deref()?);
    let wanted = wanted
        .trim_start_matches("tinh ")
        .trim_start_matches("thanh pho ")
        .trim();
    g.entries()
        .iter()
        .filter(|e| e.kind.is_province())
        .find(|e| super::super::key::key_str(&e.name) == wanted && e.valid_on(ctx.date))
        .or_else(|| {
            g.entries()
                .iter()
                .find(|e| e.kind.is_province() && super::super::key::key_str(&e.name) == wanted)
        })
}

#[test]
fn context_province_agrees_with_keying_every_province() {
    let gazetteer = Gazetteer::builtin();
    let key = Key::default();
    let mut found = 0;
    let names = gazetteer
        .entries()
        .iter()
        .filter(|e| e.kind.is_province())
        .flat_map(|e| std::iter::once(e.name.clone()).chain(e.aliases.iter().cloned()));
    for name in names.chain(["Hà Nội".to_string(), "nowhere".to_string()]) {
        for province in [
            name.clone(),
            format!("tỉnh {name}"),
            format!("thành phố {name}"),
            name.to_uppercase(),
        ] {
            for date in [
                None,
                NaiveDate::from_ymd_opt(2020, 1, 1),
                NaiveDate::from_ymd_opt(2026, 1, 1),
            ] {
                let ctx = AgencyContext {
                    date,
                    province: Some(province.clone()),
                    ..Default::default()
                };
                let resolver = Resolver {
                    text: "",
                    key: &key,
                    ctx: &ctx,
                    gazetteer,
                    out: Vec::new(),
                    list: List::None,
                    last_end: 0,
                    province_list: false,
                    pending_head: None,
                };
                let expected = reference_context_province(gazetteer, &ctx);
                assert_eq!(
                    resolver.context_province().map(|e| e as *const Entry),
                    expected.map(|e| e as *const Entry),
                    "{province} {date:?}"
                );
                found += usize::from(expected.is_some());
            }
        }
    }
    assert!(found > 300, "only {found} provinces found");
}

/// [`first_word_fits`] as it was, normalising the first word of every match.
fn reference_first_word_fits(key_text: &str, original: &str) -> bool {
    let first = original.split_whitespace().next().unwrap_or_default();
    let first = vntask_tokenizer::normalize(first).to_lowercase();
    let plain = first.is_ascii();
    if key_text.starts_with("bo ") {
        return plain || first == "bộ";
    }
    if key_text.starts_with("so ") {
        return plain || first == "sở";
    }
    true
}

#[test]
fn first_word_fits_agrees_with_the_full_check() {
    let cases = [
        ("bo tai chinh", "Bộ Tài chính", true),
        ("bo tai chinh", "BỘ TÀI CHÍNH", true),
        ("bo tai chinh", "Bo Tai chinh", true),
        ("bo tai chinh", "bổ tài chính", false),
        // Decomposed `bộ` (o, circumflex, dot below) fits; `bọ` does not.
        ("bo tai chinh", "bo\u{302}\u{323} tài chính", true),
        ("bo tai chinh", "bo\u{323} tài chính", false),
        ("so y te", "Sở Y tế", true),
        ("so y te", "số y tế", false),
        ("so y te", "SO Y TE", true),
        ("ubnd", "UBND", true),
        ("cac bo", "các bộ", true),
        ("bo", "bổ", true),
        ("so", "số", true),
    ];
    for (key_text, original, expected) in cases {
        assert_eq!(
            first_word_fits(key_text, || original),
            expected,
            "{original}"
        );
        assert_eq!(
            reference_first_word_fits(key_text, original),
            expected,
            "{original}"
        );
        // The words as written are read only for a match starting with `bo ` or `so `.
        let read = std::cell::Cell::new(false);
        first_word_fits(key_text, || {
            read.set(true);
            original
        });
        assert_eq!(
            read.get(),
            key_text.starts_with("bo ") || key_text.starts_with("so "),
            "{key_text}"
        );
    }
}
