//! An interrupted run never leaves a half-written final file, keeps its `.partial` files,
//! and `--resume` finishes the job so that the final files equal an uninterrupted run's,
//! byte for byte.

mod cli_support;

use cli_support::*;
use std::fs;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// `count` documents made from the seeds, each with a line of its own so all differ.
fn corpus(dir: &Dir, count: usize) -> Vec<String> {
    let seeds = seeds();
    (0..count)
        .map(|i| {
            let (_, bytes) = &seeds[i % seeds.len()];
            let name = format!("in/{i:04}.txt");
            let mut text = bytes.clone();
            text.extend_from_slice(format!("\nGhi chú số {i}.\n").as_bytes());
            dir.create(&name, text);
            name
        })
        .collect()
}

fn whole_lines(path: &Path) -> usize {
    fs::read(path)
        .map(|b| b.iter().filter(|&&c| c == b'\n').count())
        .unwrap_or(0)
}

/// Waits until `path` holds at least `lines` whole lines, or the child exits.
fn wait_for_lines(child: &mut Child, path: &Path, lines: usize) {
    let start = Instant::now();
    while whole_lines(path) < lines {
        if child.try_wait().unwrap().is_some() {
            return;
        }
        assert!(start.elapsed() < Duration::from_secs(120), "no progress");
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn extract_args<'a>(inputs: &'a [String], jobs: &'a str) -> Vec<&'a str> {
    let mut args = vec!["extract", "--quiet", "--jobs", jobs];
    args.extend(inputs.iter().map(String::as_str));
    args.extend(["-o", "tasks.jsonl", "--documents", "docs.jsonl"]);
    args
}

/// Runs to completion and moves the two outputs to `reference.*`.
fn reference(dir: &Dir, inputs: &[String]) {
    let output = dir.run(&extract_args(inputs, "2"));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    fs::rename(dir.join("tasks.jsonl"), dir.join("reference.tasks")).unwrap();
    fs::rename(dir.join("docs.jsonl"), dir.join("reference.docs")).unwrap();
}

fn assert_same_as_reference(dir: &Dir) {
    assert!(
        fs::read(dir.join("tasks.jsonl")).unwrap()
            == fs::read(dir.join("reference.tasks")).unwrap(),
        "tasks differ from the uninterrupted run"
    );
    assert!(
        fs::read(dir.join("docs.jsonl")).unwrap() == fs::read(dir.join("reference.docs")).unwrap(),
        "documents differ from the uninterrupted run"
    );
    for name in ["tasks.jsonl.partial", "docs.jsonl.partial"] {
        assert!(!dir.join(name).exists(), "{name} left behind");
    }
}

fn resume(dir: &Dir, inputs: &[String], jobs: &str) -> String {
    let mut args = extract_args(inputs, jobs);
    args.retain(|a| *a != "--quiet");
    args.push("--resume");
    let output = dir.run(&args);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stderr}");
    stderr
}

fn mkfifo(path: &Path) {
    let _ = fs::remove_file(path);
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

/// A FIFO among the inputs holds the run at a known place: everything before it is done
/// and on disk, nothing after it is written. SIGKILL there, then resume.
#[test]
fn sigkill_midway_then_resume_equals_an_uninterrupted_run() {
    let dir = Dir::new();
    let mut inputs = corpus(&dir, 30);
    let held = "in/held.txt";
    inputs.insert(12, held.to_string());
    let held_text = seeds()[1].1.clone();
    dir.create(held, &held_text);
    reference(&dir, &inputs);

    mkfifo(&dir.join(held));
    let mut child = dir
        .command()
        .args(extract_args(&inputs, "2"))
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for_lines(&mut child, &dir.join("docs.jsonl.partial"), 12);
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(!dir.join("tasks.jsonl").exists() && !dir.join("docs.jsonl").exists());
    assert_eq!(whole_lines(&dir.join("docs.jsonl.partial")), 12);

    // The held input is a plain file again, with the same bytes.
    fs::remove_file(dir.join(held)).unwrap();
    dir.create(held, &held_text);
    let stderr = resume(&dir, &inputs, "1");
    assert!(stderr.contains("12 documents kept"), "{stderr}");
    assert_same_as_reference(&dir);
}

/// SIGINT stops after the documents in flight, says how far it got, exits 130 and keeps the
/// `.partial` files; a torn last line (as a kill in mid-write leaves) is cut off on resume.
#[test]
fn sigint_stops_cleanly_and_resume_cuts_torn_lines() {
    let dir = Dir::new();
    let mut inputs = corpus(&dir, 20);
    let held = "in/held.txt";
    inputs.insert(5, held.to_string());
    let held_text = seeds()[0].1.clone();
    dir.create(held, &held_text);
    reference(&dir, &inputs);

    mkfifo(&dir.join(held));
    let mut child = dir
        .command()
        .args(extract_args(&inputs, "1"))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for_lines(&mut child, &dir.join("docs.jsonl.partial"), 5);
    let pid = child.id().to_string();
    assert!(Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap()
        .success());
    std::thread::sleep(Duration::from_millis(200));
    // Let the held input through: it was in flight, so it is finished and written.
    fs::write(dir.join(held), &held_text).unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted after"), "{stderr}");
    assert!(stderr.contains("--resume"), "{stderr}");
    assert!(!dir.join("tasks.jsonl").exists() && !dir.join("docs.jsonl").exists());
    let kept = whole_lines(&dir.join("docs.jsonl.partial"));
    assert!((6..21).contains(&kept), "{kept} records kept");

    // Tear the last lines, as a kill in the middle of a write would.
    for name in ["docs.jsonl.partial", "tasks.jsonl.partial"] {
        let path = dir.join(name);
        let bytes = fs::read(&path).unwrap();
        fs::write(&path, &bytes[..bytes.len() - 7]).unwrap();
    }
    fs::remove_file(dir.join(held)).unwrap();
    dir.create(held, &held_text);
    resume(&dir, &inputs, "2");
    assert_same_as_reference(&dir);
}

/// A killed run at an arbitrary instant: the final files are absent or complete, and a
/// resume gives the uninterrupted output; an input changed in between is read again.
#[test]
fn kill_at_any_point_then_resume_with_a_changed_input() {
    let dir = Dir::new();
    let inputs = corpus(&dir, 60);
    reference(&dir, &inputs);
    let mut child = dir
        .command()
        .args(extract_args(&inputs, "2"))
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for_lines(&mut child, &dir.join("docs.jsonl.partial"), 3);
    child.kill().unwrap();
    child.wait().unwrap();
    if dir.join("docs.jsonl").exists() {
        // It finished first: then the output must be complete.
        assert_same_as_reference(&dir);
        return;
    }
    // The first input changes: nothing of the partial run can be kept, and the result is
    // still that of an uninterrupted run over the new inputs.
    let first = dir.join(&inputs[0]);
    let original = fs::read(&first).unwrap();
    fs::write(&first, b"THONG BAO\nNoi dung moi.\n").unwrap();
    let stderr = resume(&dir, &inputs, "2");
    assert!(!stderr.contains("documents kept"), "{stderr}");
    fs::write(&first, original).unwrap();
    let again = dir.run(&extract_args(&inputs, "1"));
    assert!(again.status.success());
    assert_same_as_reference(&dir);
}

/// Without `--resume` a stale `.partial` is replaced, not continued.
#[test]
fn a_stale_partial_is_replaced_without_resume() {
    let dir = Dir::new();
    let inputs = corpus(&dir, 3);
    reference(&dir, &inputs);
    fs::write(dir.join("docs.jsonl.partial"), "garbage\n").unwrap();
    fs::write(dir.join("tasks.jsonl.partial"), "garbage\n").unwrap();
    let output = dir.run(&extract_args(&inputs, "2"));
    assert!(output.status.success());
    assert_same_as_reference(&dir);
}
