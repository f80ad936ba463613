//! Provisional lead accuracy on the gold anchors of `fixtures/gold` (until `vntask eval`
//! covers it): for each gold task, the sentence holding its anchor is read from the seed, the
//! way the assembler sees it (label stripped; for a task table, the agency column; under an
//! agency heading, the heading's agency when the item names none), and `find` +
//! `assign_roles` must give the gold `lead` and `lead_groups`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use vntask_extractor::agencies::{assign_roles, find, key_str, AgencyContext, Roles};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Strips a list label: `a) `, `1. `, `- `, `(2) `, `+ `.
fn strip_label(line: &str) -> &str {
    let mut t = line.trim_start();
    // Word bookmarks left by the .docx conversion: `[bookmark: _Hlk174546576]`.
    while let Some(rest) = t.strip_prefix("[bookmark:") {
        t = rest
            .split_once(']')
            .map_or("", |(_, after)| after)
            .trim_start();
    }
    for prefix in ["- ", "+ ", "• ", "– "] {
        if let Some(rest) = t.strip_prefix(prefix) {
            return rest;
        }
    }
    if let Some(end) = t.find([')', '.']) {
        let label = &t[..end];
        let label = label.trim_start_matches('(');
        if !label.is_empty()
            && label.chars().count() <= 4
            && label.chars().all(|c| c.is_alphanumeric())
            && t[end + 1..].starts_with(' ')
        {
            return t[end + 1..].trim_start();
        }
    }
    t
}

fn lead_of(roles: &Roles) -> (BTreeSet<String>, BTreeSet<String>) {
    (
        roles.lead.iter().map(|m| key_str(&m.name)).collect(),
        roles
            .lead_groups
            .iter()
            .map(|g| g.as_str().to_string())
            .collect(),
    )
}

fn support_of(roles: &Roles) -> (BTreeSet<String>, BTreeSet<String>) {
    (
        roles.support.iter().map(|m| key_str(&m.name)).collect(),
        roles
            .support_groups
            .iter()
            .map(|g| g.as_str().to_string())
            .collect(),
    )
}

fn gold_set(gold: &serde_json::Value, field: &str, fold: bool) -> BTreeSet<String> {
    gold[field]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|v| v.as_str())
                .map(|v| if fold { key_str(v) } else { v.to_string() })
                .collect()
        })
        .unwrap_or_default()
}

fn heading_lead(lines: &[&str], index: usize, ctx: &AgencyContext) -> Option<Roles> {
    let mut i = index;
    while i > 0 {
        i -= 1;
        let line = lines[i].trim();
        let unmarked = line.rsplit_once("[bookmark:").map_or(line, |(_, rest)| {
            rest.split_once(']')
                .map_or("", |(_, after)| after.trim_start())
        });
        if unmarked.is_empty() || unmarked.starts_with(['-', '+', '(']) {
            continue;
        }
        let text = strip_label(line);
        if text.chars().count() > 160 {
            return None;
        }
        let mentions = find(text, ctx);
        if mentions.first().is_some_and(|m| m.range.start == 0) {
            return Some(assign_roles(text, &mentions));
        }
        return None;
    }
    None
}

fn predict(seed: &str, anchor: &str, occurrence: usize, ctx: &AgencyContext) -> Option<Roles> {
    let at = seed
        .match_indices(anchor)
        .nth(occurrence.saturating_sub(1))?
        .0;
    let lines: Vec<&str> = seed.lines().collect();
    let mut offset = 0;
    let mut index = 0;
    for (i, line) in lines.iter().enumerate() {
        if offset + line.len() >= at {
            index = i;
            break;
        }
        offset += line.len() + 1;
    }
    let line = lines[index];
    if line.contains('\t') {
        // A task table: the agency column of the header above.
        let header = lines[..index]
            .iter()
            .rev()
            .find(|l| l.contains('\t') && l.contains("CƠ QUAN"))?;
        let column = header.split('\t').position(|c| c.contains("CƠ QUAN"))?;
        let cell = line.split('\t').nth(column).unwrap_or_default();
        let mentions = find(cell, ctx);
        return Some(Roles {
            lead: mentions
                .iter()
                .filter(|m| !m.name.is_empty())
                .cloned()
                .collect(),
            lead_groups: mentions.iter().flat_map(|m| m.groups.clone()).collect(),
            ..Roles::default()
        });
    }
    let text = strip_label(line);
    let sentences: Vec<&str> = vntask_tokenizer::sentences(text)
        .into_iter()
        .map(|r| &text[r])
        .collect();
    let position = sentences
        .iter()
        .position(|s| s.contains(anchor))
        .unwrap_or(0);
    let sentence = sentences.get(position).copied().unwrap_or(text);
    let roles_of = |t: &str| assign_roles(t, &find(t, ctx));
    let empty = |r: &Roles| r.lead.is_empty() && r.lead_groups.is_empty();
    // The clause (`;`) holding the anchor, else its sentence, else the sentence before it in
    // the same item, else the agency heading above.
    let clause = vntask_tokenizer::clauses(sentence)
        .into_iter()
        .map(|r| &sentence[r])
        .find(|c| c.contains(anchor))
        .unwrap_or(sentence);
    // The sentence's roles, unless the anchor's clause names a lead of its own (`A làm X; B
    // làm Y`); a sentence without a lead takes the one of the sentence before it in the same
    // item, else the agency heading above, keeping its own coordinators.
    let clause_roles = roles_of(clause);
    let sentence_roles = roles_of(sentence);
    let mut roles = if !clause_roles.lead.is_empty() && clause_roles.lead != sentence_roles.lead {
        clause_roles
    } else {
        sentence_roles
    };
    if empty(&roles) && position > 0 {
        if let Some(previous) = sentences.get(position - 1) {
            let earlier = roles_of(previous);
            roles.lead = earlier.lead;
            roles.lead_groups = earlier.lead_groups;
        }
    }
    if empty(&roles) {
        if let Some(heading) = heading_lead(&lines, index, ctx) {
            roles.lead = heading.lead;
            roles.lead_groups = heading.lead_groups;
        }
    }
    Some(roles)
}

#[test]
fn lead_accuracy_on_gold_anchors() {
    let gold_dir = root().join("fixtures/gold");
    let mut total = 0;
    let mut right = 0;
    let mut total_required = 0;
    let mut right_required = 0;
    let mut misses = Vec::new();
    let (mut support_total, mut support_right) = (0, 0);
    let mut support_misses = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&gold_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    for path in files {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let seed =
            std::fs::read_to_string(root().join("seeds").join(format!("{stem}.txt"))).unwrap();
        let ctx = AgencyContext::default();
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            let gold: serde_json::Value = serde_json::from_str(line).unwrap();
            let anchor = gold["anchor"].as_str().unwrap();
            let want_lead: BTreeSet<String> = gold["lead"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| key_str(v.as_str().unwrap()))
                .collect();
            let want_groups: BTreeSet<String> = gold["lead_groups"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_string())
                .collect();
            let optional = gold["optional"].as_bool().unwrap_or(false);
            let occurrence = gold["anchor_occurrence"].as_u64().unwrap_or(1) as usize;
            let predicted = predict(&seed, anchor, occurrence, &ctx).unwrap_or_default();
            let got = lead_of(&predicted);
            let want_support = (
                gold_set(&gold, "support", true),
                gold_set(&gold, "support_groups", false),
            );
            if !optional {
                support_total += 1;
                if support_of(&predicted) == want_support {
                    support_right += 1;
                } else {
                    support_misses.push(format!(
                        "{}: want {:?}\n        got  {:?}",
                        gold["id"],
                        want_support,
                        support_of(&predicted)
                    ));
                }
            }
            let ok = got == (want_lead.clone(), want_groups.clone());
            total += 1;
            right += usize::from(ok);
            if !optional {
                total_required += 1;
                right_required += usize::from(ok);
            }
            if !ok && !optional {
                misses.push(format!(
                    "{}: want {:?} {:?}\n        got  {:?} {:?}",
                    gold["id"], want_lead, want_groups, got.0, got.1
                ));
            }
        }
    }
    let accuracy = right_required as f64 / total_required as f64;
    eprintln!(
        "lead accuracy: {right_required}/{total_required} = {accuracy:.3} on required tasks; {right}/{total} on all"
    );
    for miss in &misses {
        eprintln!("  {miss}");
    }
    eprintln!("support (named and groups) exact: {support_right}/{support_total} on required tasks (not asserted; a task's support may sit in a clause the provisional reader does not take)");
    for miss in &support_misses {
        eprintln!("  support {miss}");
    }
    assert!(accuracy >= 0.95, "lead accuracy {accuracy:.3} below 0.95");
}
