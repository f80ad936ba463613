//! A 100,000-task feed: its report opens and filters in headless Chromium. How long that
//! takes is written to `target/report-test/large-timings.txt` (a record, never an assertion).

mod report_support;

use chrono::{Days, NaiveDate};
use report_support::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::io::Write;
use std::time::Instant;

const TASKS: usize = 100_000;
const AGENCIES: usize = 97;

fn agency_name(n: usize) -> String {
    format!("Cơ quan thử nghiệm số {n}")
}

/// Lead agencies of task `k`: none for every tenth, two for every seventh.
fn leads(k: usize) -> Vec<String> {
    match (k % 10, k % 7) {
        (0, _) => vec![],
        (_, 0) => vec![agency_name(k % AGENCIES), agency_name((k / 7) % AGENCIES)],
        _ => vec![agency_name(k % AGENCIES)],
    }
}

fn due(k: usize) -> Option<NaiveDate> {
    let start = NaiveDate::from_ymd_opt(2024, 1, 1)?;
    (!k.is_multiple_of(3)).then(|| start.checked_add_days(Days::new((k * 37 % 1400) as u64)))?
}

fn completed(k: usize) -> bool {
    k.is_multiple_of(11)
}

/// The seeds' tasks, repeated with synthetic ids, agencies, deadlines and statuses.
fn synthetic_feed(templates: &[Value]) -> Vec<Value> {
    (0..TASKS)
        .map(|k| {
            let mut t = templates[k % templates.len()].clone();
            t["id"] = json!(format!("t{k:06}"));
            let lead: Vec<Value> = leads(k)
                .into_iter()
                .map(|name| json!({ "id": null, "name": name, "mention": name }))
                .collect();
            t["lead"] = json!(lead);
            t["deadline"] = match due(k) {
                Some(d) => json!({
                    "due": d.format("%Y-%m-%d").to_string(),
                    "precision": "day",
                    "text": format!("trước ngày {}", d.format("%d/%m/%Y")),
                }),
                None => Value::Null,
            };
            t["status"] = if completed(k) {
                json!("completed")
            } else {
                Value::Null
            };
            t
        })
        .collect()
}

#[test]
fn a_100k_task_report_opens_and_filters() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let seeds_feed = dir.path().join("seeds.jsonl");
    let seeds_s = seeds_feed.to_string_lossy();
    vntask(&["extract", "seeds", "-q", "--allow-errors", "-o", &seeds_s]);
    let templates = read_jsonl(&seeds_feed);
    assert!(!templates.is_empty());

    let feed = dir.path().join("large.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&feed).unwrap());
    for t in synthetic_feed(&templates) {
        writeln!(out, "{t}").unwrap();
    }
    drop(out);

    let page = artifact_dir().join("large.html");
    let (feed_s, page_s) = (feed.to_string_lossy(), page.to_string_lossy());
    let started = Instant::now();
    vntask(&["report", &feed_s, "--as-of", "2025-06-30", "-o", &page_s]);
    let generate = started.elapsed();
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();

    // One agency (also where it is the second lead), overdue only.
    let name = agency_name(5);
    let expected: BTreeSet<String> = (0..TASKS)
        .filter(|&k| leads(k).contains(&name))
        .filter(|&k| !completed(k) && due(k).is_some_and(|d| d < as_of))
        .map(|k| format!("t{k:06}"))
        .collect();
    assert!(expected.len() > 50, "more than one page of rows");
    let filter = [("agency", name.as_str()), ("status", "overdue")];
    let (dom, filter_wall) = dump_dom(&browser, &page, &filter);
    assert_eq!(dom.summary("tasks"), TASKS);
    assert_eq!(dom.summary("agencies"), AGENCIES);
    assert_eq!(dom.match_count(), expected.len());
    let rows = dom.row_ids();
    assert_eq!(rows.len(), 50, "one page of rows, not all of them");
    assert!(rows.iter().all(|id| expected.contains(id)));
    let filter_ms = dom.attr_after("data-ready=", "data-ready-ms");

    // Search without diacritics over every task, second page.
    let query = fold(&format!("{name} trước ngày"));
    let (dom, search_wall) = dump_dom(&browser, &page, &[("q", &query), ("page", "2")]);
    let dated_with_name = (0..TASKS)
        .filter(|&k| leads(k).contains(&name) && due(k).is_some())
        .count();
    // `... số 5` also matches `số 50` to `số 59`: at least the agency's dated tasks are found.
    assert!(dom.match_count() >= dated_with_name);
    assert!(dom.match_count() < TASKS);
    assert_eq!(dom.row_ids().len(), 50);
    let search_ms = dom.attr_after("data-ready=", "data-ready-ms");

    let bytes = std::fs::metadata(&page).map(|m| m.len()).unwrap_or(0);
    let record = format!(
        "tasks={TASKS} page_bytes={bytes} generate_ms={} \
         in_page_ready_ms(filter)={} in_page_ready_ms(search)={} \
         chromium_dump_dom_wall_ms(filter)={} chromium_dump_dom_wall_ms(search)={}\n",
        generate.as_millis(),
        filter_ms.unwrap_or_default(),
        search_ms.unwrap_or_default(),
        filter_wall.as_millis(),
        search_wall.as_millis()
    );
    eprint!("report 100k: {record}");
    std::fs::write(artifact_dir().join("large-timings.txt"), record).unwrap();
}
