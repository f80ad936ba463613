//! Every rule's examples are its tests (Duckling style): a positive example must yield its
//! expected value from that rule, a negative one nothing from that rule. A rule without both
//! kinds of example fails here, so no rule is born untested.

use vntask_extractor::rules;

#[test]
fn every_rule_has_positive_and_negative_examples() {
    let mut missing = Vec::new();
    for rule in rules::all() {
        let positives = rule
            .examples
            .iter()
            .filter(|e| e.expected.is_some())
            .count();
        let negatives = rule.examples.len() - positives;
        if positives == 0 || negatives == 0 {
            missing.push(format!(
                "{} ({positives} positive, {negatives} negative)",
                rule.id
            ));
        }
    }
    assert!(missing.is_empty(), "rules without examples: {missing:?}");
}

#[test]
fn rule_ids_are_unique_and_well_formed() {
    let all = rules::all();
    for pair in all.windows(2) {
        assert_ne!(pair[0].id, pair[1].id, "duplicate rule id");
    }
    for rule in &all {
        let (prefix, digits) = rule.id.split_at(2);
        assert_eq!(
            prefix,
            rule.family.prefix(),
            "{} is in the wrong family",
            rule.id
        );
        assert!(
            digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit()),
            "{}",
            rule.id
        );
        assert!(
            !rule.description.is_empty(),
            "{} has no description",
            rule.id
        );
    }
}

#[test]
fn every_rule_example_holds() {
    let mut failures = Vec::new();
    for rule in rules::all() {
        for example in rule.examples {
            let found = rules::run_example(rule, example.text);
            match example.expected {
                Some(expected) if !found.iter().any(|f| f == expected) => failures.push(format!(
                    "{}: {:?}\n    expected {:?}\n    found    {:?}",
                    rule.id, example.text, expected, found
                )),
                None if !found.is_empty() => failures.push(format!(
                    "{}: negative example {:?} matched {:?}",
                    rule.id, example.text, found
                )),
                _ => {}
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing examples:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
