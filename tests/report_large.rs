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

fn agency(k: usize) -> Option<String> {
    (k % 10 != 0).then(|| format!("Cơ quan thử nghiệm số {}", k % AGENCIES))
}

fn due(k: usize) -> Option<NaiveDate> {
    let start = NaiveDate::from_ymd_opt(2024, 1, 1)?;
    (k % 3 != 0).then(|| start.checked_add_days(Days::new((k * 37 % 1400) as u64)))?
}

/// The seeds' tasks, repeated with synthetic ids, agencies, deadlines and statuses.
fn synthetic_feed(templates: &[Value]) -> Vec<Value> {
    (0..TASKS)
        .map(|k| {
            let mut t = templates[k % templates.len()].clone();
            t["id"] = json!(format!("t{k:06}"));
            t["lead"] = match agency(k) {
                Some(name) => json!([{ "id": null, "name": name, "mention": name }]),
                None => json!([]),
            };
            t["deadline"] = match due(k) {
                Some(d) => json!({
                    "due": d.format("%Y-%m-%d").to_string(),
                    "precision": "day",
                    "text": format!("trước ngày {}", d.format("%d/%m/%Y")),
                }),
                None => Value::Null,
            };
            t["status"] = if k % 11 == 0 { json!("completed") } else { Value::Null };
            t
        })
        .collect()
}

#[test]
fn a_100k_task_report_opens_and_filters() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let seeds_feed = dir.path().join("seeds.jsonl");
    vntask(&["extract", "seeds", "-q", "--allow-errors", "-o", &seeds_feed.to_string_lossy()]);
    let templates = read_jsonl(&seeds_feed);
    assert!(!templates.is_empty());
    let tasks = synthetic_feed(&templates);

    let feed = dir.path().join("large.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&feed).unwrap());
    for t in &tasks {
        writeln!(out, "{t}").unwrap();
    }
    drop(out);

    let page = artifact_dir().join("large.html");
    let started = Instant::now();
    vntask(&["report", &feed.to_string_lossy(), "--as-of", "2025-06-30", "-o", &page.to_string_lossy()]);
    let generate = started.elapsed();
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();

    let (dom, open) = dump_dom(&browser, &page, &[]);
    assert_eq!(dom.summary("tasks"), TASKS);
    assert_eq!(dom.summary("agencies"), AGENCIES);
    assert_eq!(dom.match_count(), TASKS);
    assert_eq!(dom.row_ids().len(), 50, "one page of rows, not 100,000");

    // One agency, overdue only.
    let name = agency(5).unwrap();
    let expected: BTreeSet<String> = (0..TASKS)
        .filter(|&k| agency(k).as_deref() == Some(name.as_str()))
        .filter(|&k| k % 11 != 0 && due(k).is_some_and(|d| d < as_of))
        .map(|k| format!("t{k:06}"))
        .collect();
    assert!(!expected.is_empty());
    let (dom, filter) = dump_dom(&browser, &page, &[("agency", &name), ("status", "overdue")]);
    assert_eq!(dom.match_count(), expected.len());
    let rows = dom.row_ids();
    assert_eq!(rows.len(), expected.len().min(50));
    assert!(rows.iter().all(|id| expected.contains(id)));

    // Search without diacritics over every task.
    let query = fold(&format!("{name} trước ngày"));
    let (dom, search) = dump_dom(&browser, &page, &[("q", &query), ("page", "2")]);
    let with_name = (0..TASKS)
        .filter(|&k| agency(k).as_deref() == Some(name.as_str()) && due(k).is_some())
        .count();
    // `... số 5` also matches `số 50` to `số 59`: at least the agency's dated tasks are found.
    assert!(dom.match_count() >= with_name, "{} < {with_name}", dom.match_count());
    assert!(dom.match_count() < TASKS);

    let bytes = std::fs::metadata(&page).map(|m| m.len()).unwrap_or(0);
    let record = format!(
        "tasks={TASKS} page_bytes={bytes} generate_ms={} open_ms={} filter_ms={} search_ms={}\n",
        generate.as_millis(),
        open.as_millis(),
        filter.as_millis(),
        search.as_millis()
    );
    eprint!("report 100k: {record}");
    std::fs::write(artifact_dir().join("large-timings.txt"), record).unwrap();
}
