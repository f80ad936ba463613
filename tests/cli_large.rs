//! Large and pathological inputs: a 200 MB file, a 50 MB single line, 100,000 nested
//! bullets, a directory of 100,000 files. They take time and disk, so they are `#[ignore]`d
//! in the default suite; run them with the release build:
//!
//! ```text
//! cargo test --release --test cli_large -- --ignored --test-threads 1
//! ```
//!
//! Each checks what a data team relies on: one record per input, the batch goes on, and the
//! run ends (no quadratic blow-up). Peak memory is reported by `bench/run.sh`, not here.

mod cli_support;

use cli_support::*;
use std::fs;
use std::io::Write;

/// Seed text repeated to about `bytes` bytes, with a numbered line between copies.
fn repeated_seeds(bytes: usize) -> Vec<u8> {
    let seeds = seeds();
    let mut out = Vec::with_capacity(bytes + 200_000);
    let mut i = 0;
    while out.len() < bytes {
        let (_, text) = &seeds[i % seeds.len()];
        out.extend_from_slice(text);
        out.extend_from_slice(format!("\nPhụ lục {i}.\n").as_bytes());
        i += 1;
    }
    out
}

fn one_record(dir: &Dir, args: &[&str]) -> serde_json::Value {
    let mut full = vec![
        "extract",
        "--quiet",
        "--allow-errors",
        "--documents",
        "docs.jsonl",
        "-o",
        "tasks.jsonl",
    ];
    full.extend(args);
    let output = dir.run(&full);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let docs = read_lines(&dir.join("docs.jsonl"));
    assert_eq!(docs.len(), 1);
    docs.into_iter().next().unwrap()
}

#[test]
#[ignore = "large: run with --release -- --ignored"]
fn a_200_mb_file() {
    let dir = Dir::new();
    dir.create("big.txt", repeated_seeds(200 << 20));
    let doc = one_record(&dir, &["big.txt"]);
    assert_eq!(doc["status"], "ok", "{doc}");
    assert!(doc["tasks"].as_u64().unwrap() > 1000, "{doc}");
    // Below the limit it is skipped with a reason, without being held in memory.
    let doc = one_record(&dir, &["big.txt", "--max-bytes", "100M"]);
    assert_eq!(doc["status"], "skipped");
    assert!(doc["error"].as_str().unwrap().contains("--max-bytes"));
    assert_eq!(
        doc["bytes"].as_u64().unwrap(),
        fs::metadata(dir.join("big.txt")).unwrap().len()
    );
}

#[test]
#[ignore = "large: run with --release -- --ignored"]
fn a_50_mb_single_line() {
    let dir = Dir::new();
    let mut line = repeated_seeds(50 << 20);
    for byte in line.iter_mut() {
        if *byte == b'\n' || *byte == b'\r' {
            *byte = b' ';
        }
    }
    dir.create("line.txt", line);
    let doc = one_record(&dir, &["line.txt"]);
    assert_ne!(doc["status"], "error", "{doc}");
}

#[test]
#[ignore = "large: run with --release -- --ignored"]
fn a_hundred_thousand_nested_bullets() {
    let dir = Dir::new();
    let mut text = String::from("CHỈ THỊ\nVề việc triển khai nhiệm vụ\n");
    for level in 0..100_000usize {
        let indent = " ".repeat(level % 500);
        let marker = ["-", "+", "*", "a)", "1.", "1.1."][level % 6];
        text.push_str(&format!(
            "{indent}{marker} Bộ Tài chính chủ trì, hoàn thành trước ngày {} tháng 6 năm 2025.\n",
            level % 28 + 1
        ));
    }
    dir.create("nested.txt", text);
    let doc = one_record(&dir, &["nested.txt"]);
    assert_eq!(doc["status"], "ok", "{doc}");
}

#[test]
#[ignore = "large: run with --release -- --ignored"]
fn a_directory_of_a_hundred_thousand_files() {
    let dir = Dir::new();
    fs::create_dir_all(dir.join("many")).unwrap();
    let body = "Bộ Tài chính chủ trì, hoàn thành trước ngày 30 tháng 6 năm 2025.\n";
    for i in 0..100_000 {
        let mut file = fs::File::create(dir.join(&format!("many/{i:06}.txt"))).unwrap();
        if i % 10 == 0 {
            continue; // empty: skipped
        }
        write!(file, "THÔNG BÁO số {i}\n{body}").unwrap();
    }
    let output = dir.run(&[
        "extract",
        "many",
        "--allow-errors",
        "-o",
        "tasks.jsonl",
        "--documents",
        "docs.jsonl",
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let docs = fs::read_to_string(dir.join("docs.jsonl")).unwrap();
    assert_eq!(docs.lines().count(), 100_000);
    let [total, ok, error, skipped, _] = summary_counts(&stderr).unwrap();
    assert_eq!(total, 100_000);
    assert_eq!(ok + error + skipped, total);
    assert!(skipped >= 10_000);
}
