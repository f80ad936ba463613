//! The seeds' report in headless Chromium: the page's figures equal the feed's, filtering by
//! one agency shows exactly its tasks, searching without diacritics finds a task.
//! Artifacts (page, screenshot) go to `target/report-test/`.

mod report_support;

use chrono::{Days, NaiveDate};
use report_support::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

struct Seeds {
    tasks: Vec<Value>,
    documents: usize,
    page: std::path::PathBuf,
    as_of: NaiveDate,
}

fn str_at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a str> {
    path.iter().try_fold(v, |v, k| v.get(k))?.as_str()
}

fn due(task: &Value) -> Option<NaiveDate> {
    let text = str_at(task, &["deadline", "due"])?;
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

fn completed(task: &Value) -> bool {
    task.get("status").and_then(Value::as_str) == Some("completed")
}

fn leads(task: &Value) -> BTreeSet<String> {
    task["lead"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["name"].as_str().map(str::to_string))
        .collect()
}

/// Extracts the seeds and writes their report, judged as of the median due date of the feed
/// (so that, whatever the extractor finds today, some tasks are overdue and some are not).
fn seeds_report(dir: &Path) -> Seeds {
    let feed = dir.join("feed.jsonl");
    let docs = dir.join("docs.jsonl");
    let (feed_s, docs_s) = (feed.to_string_lossy(), docs.to_string_lossy());
    vntask(&[
        "extract",
        "seeds",
        "-q",
        "--allow-errors",
        "-o",
        &feed_s,
        "--documents",
        &docs_s,
    ]);
    let tasks = read_jsonl(&feed);
    assert!(!tasks.is_empty(), "the seeds gave no task");
    let mut dues: Vec<NaiveDate> = tasks.iter().filter_map(due).collect();
    dues.sort();
    let as_of = dues
        .get(dues.len() / 2)
        .copied()
        .unwrap_or(NaiveDate::from_ymd_opt(2024, 7, 19).unwrap());
    let page = artifact_dir().join("seeds.html");
    let as_of_s = as_of.format("%Y-%m-%d").to_string();
    let page_s = page.to_string_lossy();
    vntask(&[
        "report",
        &feed_s,
        "--documents",
        &docs_s,
        "--as-of",
        &as_of_s,
        "-o",
        &page_s,
    ]);
    let documents = read_jsonl(&docs).len();
    Seeds {
        tasks,
        documents,
        page,
        as_of,
    }
}

#[test]
fn seeds_report_in_headless_chromium() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let seeds = seeds_report(dir.path());
    let tasks = &seeds.tasks;
    let all_ids: BTreeSet<String> = tasks
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect();

    // The summary, counted here from the feed.
    let (dom, _) = dump_dom(&browser, &seeds.page, &[]);
    let soon_until = seeds.as_of.checked_add_days(Days::new(30)).unwrap();
    let open = |t: &&Value| !completed(t);
    let agencies: BTreeSet<String> = tasks.iter().flat_map(leads).collect();
    assert_eq!(dom.summary("documents"), seeds.documents);
    assert_eq!(dom.summary("tasks"), tasks.len());
    assert_eq!(dom.summary("agencies"), agencies.len());
    let with_deadline = tasks.iter().filter(|t| !t["deadline"].is_null()).count();
    assert_eq!(dom.summary("with_deadline"), with_deadline);
    let overdue: BTreeSet<String> = tasks
        .iter()
        .filter(open)
        .filter(|t| due(t).is_some_and(|d| d < seeds.as_of))
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(dom.summary("overdue"), overdue.len());
    let soon = tasks
        .iter()
        .filter(open)
        .filter(|t| due(t).is_some_and(|d| d >= seeds.as_of && d <= soon_until))
        .count();
    assert_eq!(dom.summary("due_soon"), soon);
    assert_eq!(dom.match_count(), tasks.len());
    assert_eq!(
        dom.row_ids().len(),
        tasks.len().min(50),
        "first page of 50 rows"
    );

    // Every task, on one page, is there once.
    let (dom, _) = dump_dom(&browser, &seeds.page, &[("per", "100000")]);
    let shown: Vec<String> = dom.row_ids();
    assert_eq!(shown.len(), tasks.len());
    assert_eq!(shown.into_iter().collect::<BTreeSet<_>>(), all_ids);

    // Filtering by the agency that leads most tasks shows exactly its tasks.
    let busiest = agencies
        .iter()
        .max_by_key(|a| tasks.iter().filter(|t| leads(t).contains(*a)).count())
        .expect("the seeds name at least one lead agency");
    let expected: BTreeSet<String> = tasks
        .iter()
        .filter(|t| leads(t).contains(busiest))
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect();
    let (dom, _) = dump_dom(
        &browser,
        &seeds.page,
        &[("agency", busiest), ("per", "100000")],
    );
    assert_eq!(dom.match_count(), expected.len(), "agency {busiest}");
    assert_eq!(
        dom.row_ids().into_iter().collect::<BTreeSet<_>>(),
        expected,
        "agency {busiest}"
    );
    assert!(expected.len() < tasks.len() || agencies.len() == 1);

    // The overdue filter shows exactly the overdue tasks.
    let (dom, _) = dump_dom(
        &browser,
        &seeds.page,
        &[("status", "overdue"), ("per", "100000")],
    );
    assert_eq!(dom.row_ids().into_iter().collect::<BTreeSet<_>>(), overdue);

    // One document, and a due range, show exactly their tasks.
    let doc_of = |t: &Value| t["doc"]["id"].as_str().unwrap_or("").to_string();
    let busiest_doc = tasks
        .iter()
        .map(doc_of)
        .max_by_key(|d| tasks.iter().filter(|t| doc_of(t) == *d).count())
        .unwrap();
    let in_doc: BTreeSet<String> = tasks
        .iter()
        .filter(|t| doc_of(t) == busiest_doc)
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect();
    let (dom, _) = dump_dom(
        &browser,
        &seeds.page,
        &[("doc", &busiest_doc), ("per", "100000")],
    );
    assert_eq!(dom.row_ids().into_iter().collect::<BTreeSet<_>>(), in_doc);
    let from = seeds.as_of.checked_sub_days(Days::new(400)).unwrap();
    let in_range: BTreeSet<String> = tasks
        .iter()
        .filter(|t| due(t).is_some_and(|d| d >= from && d <= seeds.as_of))
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect();
    let (from_s, to_s) = (from.to_string(), seeds.as_of.to_string());
    let range = [
        ("from", from_s.as_str()),
        ("to", to_s.as_str()),
        ("per", "100000"),
    ];
    let (dom, _) = dump_dom(&browser, &seeds.page, &range);
    assert_eq!(dom.row_ids().into_iter().collect::<BTreeSet<_>>(), in_range);

    // Searching without diacritics: three words of a task's text that carry diacritics.
    let (target, phrase) = tasks
        .iter()
        .find_map(|t| {
            let words: Vec<&str> = t["text"].as_str()?.split_whitespace().collect();
            let phrase = words.windows(3).map(|w| w.join(" ")).find(|p| {
                fold(p) != p.to_lowercase()
                    && fold(p).chars().all(|c| c.is_alphanumeric() || c == ' ')
            })?;
            Some((t["id"].as_str()?.to_string(), phrase))
        })
        .expect("a task text with diacritics");
    let query = fold(&phrase);
    assert!(query.is_ascii(), "{query}");
    let (dom, _) = dump_dom(&browser, &seeds.page, &[("q", &query), ("per", "100000")]);
    let found: BTreeSet<String> = dom.row_ids().into_iter().collect();
    assert!(
        found.contains(&target),
        "searching {query:?} (for {phrase:?}) did not find {target}"
    );
    let by_text: BTreeSet<String> = tasks
        .iter()
        .filter(|t| fold(t["text"].as_str().unwrap_or("")).contains(&query))
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect();
    assert!(
        by_text.is_subset(&found),
        "every task whose text holds {query:?} is found"
    );
    assert_eq!(dom.match_count(), found.len());

    // An agency name typed without diacritics finds that agency's tasks.
    let (dom, _) = dump_dom(
        &browser,
        &seeds.page,
        &[("q", &fold(busiest)), ("per", "100000")],
    );
    let found: BTreeSet<String> = dom.row_ids().into_iter().collect();
    assert!(expected.is_subset(&found), "searching {:?}", fold(busiest));

    // The screenshot kept as an artifact.
    let shot = artifact_dir().join("seeds.png");
    let _ = std::fs::remove_file(&shot);
    run_chromium(
        &browser,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1400,1000".to_string(),
            page_url(&seeds.page, &[]),
        ],
    );
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(png.starts_with(b"\x89PNG"), "screenshot is a PNG");
}
