//! `vntask extract` over a directory of bad inputs, generated here: every input yields
//! exactly one document record with a reason a person understands, the batch goes on, the
//! summary reconciles, the exit status says whether anything failed, and the good
//! documents' tasks are all there.

mod cli_support;

use cli_support::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::{symlink, PermissionsExt};

/// What a record must say about an input: its status, and words its reason must contain.
struct Expect {
    status: &'static str,
    reason: Option<&'static str>,
}

fn ok() -> Expect {
    Expect {
        status: "ok",
        reason: None,
    }
}

fn failed(status: &'static str, reason: &'static str) -> Expect {
    Expect {
        status,
        reason: Some(reason),
    }
}

/// Lines of the text joined with `sep` instead of `\n`.
fn with_line_ends(text: &str, sep: &str) -> Vec<u8> {
    text.lines().collect::<Vec<_>>().join(sep).into_bytes()
}

/// A text with a zero-width space, a zero-width joiner and bidi controls in every line.
fn with_invisibles(text: &str) -> Vec<u8> {
    text.lines()
        .map(|l| format!("\u{200B}{l}\u{200D}\u{202A}\u{2066}"))
        .collect::<Vec<_>>()
        .join("\n")
        .into_bytes()
}

/// Canonical decomposition (NFD) of Vietnamese letters, done by hand for the test.
fn nfd(text: &str) -> Vec<u8> {
    use std::fmt::Write;
    let mut out = String::new();
    for c in text.chars() {
        match c {
            'ệ' => out.push_str("e\u{0302}\u{0323}"),
            'ộ' => out.push_str("o\u{0302}\u{0323}"),
            'á' => out.push_str("a\u{0301}"),
            'à' => out.push_str("a\u{0300}"),
            'ạ' => out.push_str("a\u{0323}"),
            'ố' => out.push_str("o\u{0302}\u{0301}"),
            'ư' => out.push('ư'),
            _ => {
                let _ = write!(out, "{c}");
            }
        }
    }
    out.into_bytes()
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        out.extend_from_slice(&unit.to_le_bytes());
    }
    out
}

fn nested_bullets(levels: usize) -> Vec<u8> {
    let mut text = String::from("THÔNG BÁO\nKết luận của Phó Thủ tướng\n");
    for level in 0..levels {
        let indent = " ".repeat(level % 200);
        let marker = ["-", "+", "*", "a)", "1."][level % 5];
        text.push_str(&format!(
            "{indent}{marker} Bộ Tài chính chủ trì, hoàn thành trước ngày {} tháng 6 năm 2025.\n",
            level % 28 + 1
        ));
    }
    text.into_bytes()
}

#[test]
fn every_bad_input_gets_one_record_and_the_batch_goes_on() {
    let dir = Dir::new();
    let seeds = seeds();
    let (_, first) = &seeds[0];
    let text = String::from_utf8(first.clone()).unwrap();
    let mut expect: BTreeMap<String, Expect> = BTreeMap::new();
    let mut add = |name: &str, bytes: Vec<u8>, e: Expect| {
        dir.create(&format!("in/{name}"), bytes);
        expect.insert(format!("in/{name}"), e);
    };
    for (name, bytes) in &seeds {
        add(&format!("good/{name}"), bytes.clone(), ok());
    }
    add("crlf.txt", with_line_ends(&text, "\r\n"), ok());
    add("cr.txt", with_line_ends(&text, "\r"), ok());
    add("nfd.txt", nfd(&text), ok());
    add("invisible.txt", with_invisibles(&text), ok());
    add(
        "bom.txt",
        [b"\xEF\xBB\xBF".as_slice(), first].concat(),
        ok(),
    );
    add("utf16.txt", utf16le_with_bom(&text), ok());
    add("nested.txt", nested_bullets(3_000), ok());
    add("empty.txt", Vec::new(), failed("skipped", "empty"));
    add(
        "nul.txt",
        b"abc\0def\0\0ghi".to_vec(),
        failed("error", "NUL"),
    );
    add(
        "huge.txt",
        vec![b'a'; 1200 * 1024],
        failed("skipped", "larger than --max-bytes"),
    );
    add(
        ".hidden.txt",
        first.clone(),
        failed("skipped", "hidden file"),
    );
    add(
        "whitespace.txt",
        b" \n\t\r\n  \n".to_vec(),
        failed("skipped", "empty"),
    );
    add("invalid-utf8.txt", invalid_utf8(), failed("error", "UTF-8"));
    if let Some(bomb) = zip_bomb() {
        assert!(bomb.len() < 1 << 20, "a bomb is small: {}", bomb.len());
        add("zipbomb.docx", bomb, failed("error", "docx"));
    }
    add(
        "not-a-zip.docx",
        b"PK\x03\x04 this is no zip".to_vec(),
        failed_or_ok(),
    );

    // Links and special files.
    let inside = |name: &str| dir.join(&format!("in/{name}"));
    symlink("loop-b", inside("loop-a")).unwrap();
    symlink("loop-a", inside("loop-b")).unwrap();
    for name in ["loop-a", "loop-b"] {
        expect.insert(format!("in/{name}"), failed("error", "symbolic link loop"));
    }
    symlink("nowhere.txt", inside("dangling.txt")).unwrap();
    expect.insert(
        "in/dangling.txt".into(),
        failed("error", "broken symbolic link"),
    );
    symlink("good", inside("linked-dir")).unwrap();
    expect.insert(
        "in/linked-dir".into(),
        failed("skipped", "symbolic link to a directory"),
    );
    symlink("crlf.txt", inside("linked-file.txt")).unwrap();
    expect.insert("in/linked-file.txt".into(), ok());
    fs::create_dir_all(inside(".git")).unwrap();
    fs::write(inside(".git/config"), "x").unwrap();
    expect.insert("in/.git".into(), failed("skipped", "hidden directory"));
    let fifo = inside("fifo");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    expect.insert("in/fifo".into(), failed("skipped", "not a regular file"));
    let locked = dir.create("in/locked.txt", first);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let permissions = permissions_apply(dir.path());
    expect.insert(
        "in/locked.txt".into(),
        if permissions {
            failed("error", "permission denied")
        } else {
            ok()
        },
    );

    let output = dir.run(&[
        "extract",
        "in",
        "-o",
        "tasks.jsonl",
        "--documents",
        "docs.jsonl",
        "--max-bytes",
        "1M",
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let docs = read_lines(&dir.join("docs.jsonl"));
    let tasks = read_lines(&dir.join("tasks.jsonl"));

    // Exactly one record per input, in name order.
    let paths: Vec<&str> = docs.iter().map(|d| d["path"].as_str().unwrap()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "records in input order");
    assert_eq!(
        paths,
        expect.keys().map(String::as_str).collect::<Vec<_>>(),
        "one record per input"
    );
    for doc in &docs {
        let path = doc["path"].as_str().unwrap();
        let e = &expect[path];
        let reason = doc["error"].as_str();
        if e.status == "any" {
            if doc["status"] != "ok" {
                assert!(reason.is_some_and(|r| r.len() > 3), "{doc}");
            }
            continue;
        }
        assert_eq!(doc["status"], e.status, "{path}: {doc}");
        match e.reason {
            Some(words) => assert!(
                reason.is_some_and(|r| r.contains(words)),
                "{path}: reason {reason:?} lacks {words:?}"
            ),
            None => assert_eq!(doc["error"], Value::Null, "{path}"),
        }
        if e.status != "ok" {
            assert_eq!(doc["tasks"], 0, "{path}");
        }
    }

    // The summary reconciles: inputs = ok + error + skipped, tasks = lines.
    let [total, ok_n, error_n, skipped_n, task_n] = summary_counts(&stderr).unwrap();
    assert_eq!(total as usize, docs.len());
    assert_eq!(ok_n + error_n + skipped_n, total);
    let count = |s: &str| docs.iter().filter(|d| d["status"] == s).count() as u64;
    assert_eq!(
        [ok_n, error_n, skipped_n],
        [count("ok"), count("error"), count("skipped")]
    );
    assert_eq!(task_n as usize, tasks.len());

    // The good documents' tasks are all there: as many as when each is extracted alone,
    // and the same ids.
    for (name, _) in &seeds {
        let alone = dir.run(&["extract", "--quiet", &format!("in/good/{name}")]);
        assert!(alone.status.success());
        let alone_ids: Vec<Value> = lines(&String::from_utf8_lossy(&alone.stdout))
            .into_iter()
            .map(|t| t["id"].clone())
            .collect();
        let path = format!("in/good/{name}");
        let batch_ids: Vec<Value> = tasks
            .iter()
            .filter(|t| t["doc"]["path"] == path.as_str())
            .map(|t| t["id"].clone())
            .collect();
        assert!(!alone_ids.is_empty(), "{name} has tasks");
        assert_eq!(batch_ids, alone_ids, "{name}");
    }
    // Every task belongs to an ok document, and each document's count matches.
    for doc in &docs {
        let path = doc["path"].as_str().unwrap();
        let n = tasks.iter().filter(|t| t["doc"]["path"] == path).count();
        assert_eq!(doc["tasks"], n as u64, "{path}");
    }

    // --allow-errors turns the failures into exit 0, with the same records.
    let output = dir.run(&[
        "extract",
        "in",
        "--quiet",
        "--allow-errors",
        "-o",
        "tasks2.jsonl",
        "--documents",
        "docs2.jsonl",
        "--max-bytes",
        "1M",
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        fs::read(dir.join("docs.jsonl")).unwrap(),
        fs::read(dir.join("docs2.jsonl")).unwrap()
    );
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).unwrap();
}

fn failed_or_ok() -> Expect {
    Expect {
        status: "any",
        reason: None,
    }
}

/// Mostly Vietnamese UTF-8 with stray bytes that no UTF-8 decoder accepts.
fn invalid_utf8() -> Vec<u8> {
    let mut out = "Bộ Tài chính chủ trì ".as_bytes().to_vec();
    out.extend_from_slice(&[0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C]);
    out.extend_from_slice(" trước ngày 30/6/2025.".as_bytes());
    out
}

/// A docx-looking zip whose `word/document.xml` inflates to 64 MiB: ingest must bound
/// decompression (or refuse), and the batch must go on. Made with Python's zipfile (no zip
/// writer among the test's dependencies); `None` when python3 is missing.
fn zip_bomb() -> Option<Vec<u8>> {
    let script = "import io,sys,zipfile\n\
b=io.BytesIO()\n\
z=zipfile.ZipFile(b,'w',zipfile.ZIP_DEFLATED)\n\
z.writestr('[Content_Types].xml','<?xml version=\\'1.0\\'?><Types/>')\n\
z.writestr('word/document.xml','<w:t>'+'0'*(64<<20)+'</w:t>')\n\
z.close()\n\
sys.stdout.buffer.write(b.getvalue())\n";
    let output = std::process::Command::new("python3")
        .args(["-c", script])
        .output()
        .ok()?;
    output.status.success().then_some(output.stdout)
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    let dir = Dir::new();
    dir.create("a.txt", "x");
    let cases: [&[&str]; 4] = [
        &["extract", "a.txt", "--max-bytes", "lots"],
        &["extract", "a.txt", "--resume"],
        &["extract", "a.txt", "--resume", "-o", "t.jsonl"],
        &[
            "extract",
            "a.txt",
            "-o",
            "same.jsonl",
            "--documents",
            "same.jsonl",
        ],
    ];
    for args in cases {
        let output = dir.run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(!output.stderr.is_empty(), "{args:?}");
        assert!(!dir.join("t.jsonl").exists() && !dir.join("same.jsonl").exists());
    }
}

#[test]
fn a_missing_input_is_an_error_record_not_an_abort() {
    let dir = Dir::new();
    let seeds = seeds();
    dir.create("a.txt", &seeds[0].1);
    let output = dir.run(&["extract", "nope.txt", "a.txt", "--documents", "d.jsonl"]);
    assert_eq!(output.status.code(), Some(1));
    let docs = read_lines(&dir.join("d.jsonl"));
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["status"], "error");
    assert_eq!(docs[0]["error"], "not found");
    assert_eq!(docs[1]["status"], "ok");
    assert!(!output.stdout.is_empty(), "a.txt's tasks are written");
}

#[test]
fn special_targets_are_written_directly() {
    let dir = Dir::new();
    dir.create("a.txt", &seeds()[0].1);
    let output = dir.run(&["extract", "a.txt", "--quiet", "-o", "/dev/stdout"]);
    assert!(output.status.success());
    assert!(!lines(&String::from_utf8_lossy(&output.stdout)).is_empty());
    let output = dir.run(&["extract", "a.txt", "--quiet", "-o", "/dev/null"]);
    assert!(output.status.success());
    assert!(fs::read_dir(dir.path()).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .ends_with(".partial")));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let dir = Dir::new();
    for i in 0..20 {
        dir.create(&format!("in/{i:02}.txt"), &seeds()[2].1);
    }
    let mut child = dir
        .command()
        .args(["extract", "in", "--quiet"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Read one line, then close the pipe (as `| head -1` does).
    {
        use std::io::BufRead;
        let stdout = child.stdout.take().unwrap();
        let mut first = String::new();
        std::io::BufReader::new(stdout)
            .read_line(&mut first)
            .unwrap();
        assert!(first.starts_with('{'));
    }
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn dash_as_output_is_stdout() {
    let dir = Dir::new();
    dir.create("in/a.txt", &seeds()[4].1);
    let to_stdout = dir.run(&["extract", "in", "--quiet"]);
    let dashed = dir.run(&["extract", "in", "--quiet", "-o", "-"]);
    assert_eq!(dashed.status.code(), Some(0));
    assert!(!lines(&String::from_utf8_lossy(&dashed.stdout)).is_empty());
    assert_eq!(dashed.stdout, to_stdout.stdout);
    assert!(!dir.join("-").exists(), "a file named - was written");
    let resumed = dir.run(&[
        "extract",
        "in",
        "-o",
        "-",
        "--documents",
        "d.jsonl",
        "--resume",
    ]);
    assert_eq!(resumed.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&resumed.stderr).contains("--resume"));
}
