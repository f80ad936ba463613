//! Output order is input order, whatever `--jobs`: `--jobs 1` and `--jobs 2` give
//! byte-identical task feeds and document lists.

mod cli_support;

use cli_support::*;
use std::fs;

fn run_with_jobs(dir: &Dir, jobs: &str, inputs: &[&str]) -> (Vec<u8>, Vec<u8>) {
    let tasks = format!("tasks-{jobs}.jsonl");
    let docs = format!("docs-{jobs}.jsonl");
    let mut args = vec!["extract", "--quiet", "--allow-errors", "--jobs", jobs];
    args.extend(inputs);
    args.extend(["-o", &tasks, "--documents", &docs]);
    let output = dir.run(&args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        fs::read(dir.join(&tasks)).unwrap(),
        fs::read(dir.join(&docs)).unwrap(),
    )
}

#[test]
fn jobs_1_and_2_give_identical_output_on_the_seeds() {
    let dir = Dir::new();
    let seeds = root().join("seeds");
    let seeds = seeds.to_str().unwrap();
    let one = run_with_jobs(&dir, "1", &[seeds]);
    let two = run_with_jobs(&dir, "2", &[seeds]);
    assert!(!one.0.is_empty());
    assert_eq!(one, two);
    // Input order: documents sorted by path.
    let docs = lines(&String::from_utf8(one.1).unwrap());
    let paths: Vec<String> = docs
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert_eq!(paths.len(), 5);
}

#[test]
fn jobs_do_not_change_a_mixed_batch() {
    // Small and large documents interleaved, so later ones finish first.
    let dir = Dir::new();
    let seeds = seeds();
    for i in 0..40 {
        let (_, bytes) = &seeds[(i * 3) % seeds.len()];
        let bytes = if i % 7 == 0 {
            b"".to_vec()
        } else {
            bytes.clone()
        };
        dir.create(&format!("in/{i:03}.txt"), bytes);
    }
    let one = run_with_jobs(&dir, "1", &["in"]);
    let two = run_with_jobs(&dir, "2", &["in"]);
    let four = run_with_jobs(&dir, "4", &["in"]);
    assert_eq!(one, two);
    assert_eq!(one, four);
    assert_eq!(lines(&String::from_utf8(one.1).unwrap()).len(), 40);
}
