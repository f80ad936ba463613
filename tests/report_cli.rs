//! `vntask report` and `vntask export` as a user runs them (no browser needed).

mod report_support;

use report_support::*;
use serde_json::Value;
use std::process::Command;

fn extract_seeds(dir: &std::path::Path) -> (String, String) {
    let feed = dir.join("feed.jsonl").to_string_lossy().into_owned();
    let docs = dir.join("docs.jsonl").to_string_lossy().into_owned();
    vntask(&[
        "extract",
        "seeds",
        "-q",
        "--allow-errors",
        "-o",
        &feed,
        "--documents",
        &docs,
    ]);
    (feed, docs)
}

/// The JSON embedded in the page.
fn embedded_data(html: &str) -> Value {
    let open = "<script type=\"application/json\" id=\"report-data\">";
    let start = html.find(open).expect("data element") + open.len();
    let len = html[start..].find("</script>").expect("end of data");
    serde_json::from_str(&html[start..start + len]).expect("valid embedded JSON")
}

#[test]
fn report_is_one_self_contained_page_with_every_task() {
    let dir = tempfile::tempdir().unwrap();
    let (feed, docs) = extract_seeds(dir.path());
    let page = dir.path().join("report.html");
    vntask(&[
        "report",
        &feed,
        "--documents",
        &docs,
        "-o",
        &page.to_string_lossy(),
    ]);
    let html = std::fs::read_to_string(&page).unwrap();
    let data = embedded_data(&html);
    let tasks = read_jsonl(std::path::Path::new(&feed));
    assert_eq!(data["tasks"].as_array().map(Vec::len), Some(tasks.len()));
    assert_eq!(data["summary"]["tasks"].as_u64(), Some(tasks.len() as u64));
    // Self-contained: nothing is loaded from elsewhere (the data element holds only text).
    let data_at = html.find("id=\"report-data\"").unwrap();
    let data_end = data_at + html[data_at..].find("</script>").unwrap();
    let code = format!("{}{}", &html[..data_at], &html[data_end..]);
    for needle in [
        "<link",
        " src=",
        "@import",
        "url(",
        "fetch(",
        "XMLHttpRequest",
        "https://",
    ] {
        assert!(
            !code.contains(needle),
            "page refers to something outside: {needle}"
        );
    }
    // The default date: the latest document or reference date in the document list.
    let latest = read_jsonl(std::path::Path::new(&docs))
        .iter()
        .flat_map(|d| [d["date"].as_str(), d["reference_date"].as_str()])
        .flatten()
        .filter(|d| d.len() == 10)
        .max()
        .map(str::to_string);
    assert_eq!(data["meta"]["as_of"].as_str().map(str::to_string), latest);
    assert_eq!(data["meta"]["as_of_source"], "latest_document");
}

#[test]
fn same_feed_gives_the_same_page() {
    let dir = tempfile::tempdir().unwrap();
    let (feed, docs) = extract_seeds(dir.path());
    let a = dir.path().join("a.html");
    let b = dir.path().join("b.html");
    vntask(&[
        "report",
        &feed,
        "--documents",
        &docs,
        "-o",
        &a.to_string_lossy(),
    ]);
    vntask(&[
        "report",
        &feed,
        "--documents",
        &docs,
        "-o",
        &b.to_string_lossy(),
    ]);
    assert_eq!(std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
}

#[test]
fn report_without_any_date_asks_for_as_of() {
    let dir = tempfile::tempdir().unwrap();
    let (feed, _) = extract_seeds(dir.path());
    // The same tasks with every document date removed.
    let undated: Vec<String> = read_jsonl(std::path::Path::new(&feed))
        .into_iter()
        .map(|mut t| {
            t["doc"]["date"] = Value::Null;
            t.to_string()
        })
        .collect();
    let undated_feed = dir.path().join("undated.jsonl");
    std::fs::write(&undated_feed, undated.join("\n")).unwrap();
    let output = Command::new(VNTASK)
        .args(["report", &undated_feed.to_string_lossy()])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--as-of"));
    let page = dir.path().join("r.html");
    let (feed_s, page_s) = (undated_feed.to_string_lossy(), page.to_string_lossy());
    vntask(&["report", &feed_s, "--as-of", "2024-07-19", "-o", &page_s]);
    let data = embedded_data(&std::fs::read_to_string(page).unwrap());
    assert_eq!(data["meta"]["as_of"], "2024-07-19");
    assert_eq!(data["meta"]["as_of_source"], "option");
}

#[test]
fn csv_export_has_a_bom_and_one_row_per_task() {
    let dir = tempfile::tempdir().unwrap();
    let (feed, _) = extract_seeds(dir.path());
    let csv_path = dir.path().join("tasks.csv");
    vntask(&[
        "export",
        &feed,
        "--format",
        "csv",
        "-o",
        &csv_path.to_string_lossy(),
    ]);
    let bytes = std::fs::read(&csv_path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM");
    let tasks = read_jsonl(std::path::Path::new(&feed));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), tasks.len());
    for (row, task) in rows.iter().zip(&tasks) {
        assert_eq!(&row[col("id")], task["id"].as_str().unwrap());
        assert_eq!(&row[col("text")], task["text"].as_str().unwrap());
        assert_eq!(&row[col("section")], task["section"].as_str().unwrap());
        let due = task["deadline"]["due"].as_str().unwrap_or("");
        assert_eq!(&row[col("due")], due);
    }
}
