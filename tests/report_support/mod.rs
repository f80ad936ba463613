//! Helpers shared by the report tests: running vntask, finding and driving headless Chromium,
//! and reading the rendered page.
#![allow(dead_code)]

use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub const VNTASK: &str = env!("CARGO_BIN_EXE_vntask");

/// Runs vntask with `args` from the repository root; panics with its stderr on failure.
pub fn vntask(args: &[&str]) {
    let output = Command::new(VNTASK)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run vntask");
    assert!(
        output.status.success(),
        "vntask {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// `target/report-test/`: artifacts (screenshots, pages, timings) kept after the tests.
pub fn artifact_dir() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let dir = tmp.parent().unwrap_or(tmp).join("report-test");
    std::fs::create_dir_all(&dir).expect("create target/report-test");
    dir
}

/// Reads a JSON Lines file into values.
pub fn read_jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .expect("read jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("valid json line"))
        .collect()
}

/// The Chromium binary, or `None` (with a loud message) when it is missing outside CI.
/// Under `CI=true` a missing browser is a failure: the setup scripts must install it.
pub fn chromium() -> Option<PathBuf> {
    let candidates = [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ];
    let from_env = std::env::var_os("VNTASK_CHROMIUM").map(PathBuf::from);
    let found = from_env.or_else(|| {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path)
            .flat_map(|dir| candidates.iter().map(move |c| dir.join(c)))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        let message = "headless Chromium not found (install Debian's `chromium`: \
                       bash scripts/setup/chromium.sh, or set VNTASK_CHROMIUM)";
        if std::env::var("CI").map(|v| v == "true").unwrap_or(false) {
            panic!("{message}");
        }
        // Written to the real stderr: the test harness would swallow `eprintln!` of a pass.
        let loud = format!("\n!!!!!!!! SKIPPING BROWSER TEST: {message} !!!!!!!!\n\n");
        let _ = std::io::Write::write_all(&mut std::io::stderr(), loud.as_bytes());
    }
    found
}

/// The guard against a hung browser (not a timing assertion: a run that takes this long is stuck).
const BROWSER_LIMIT: Duration = Duration::from_secs(600);

/// Runs Chromium headless with a fresh profile and `args`; returns its stdout and how long it ran.
pub fn run_chromium(browser: &Path, args: &[String]) -> (String, Duration) {
    let profile = tempfile::tempdir().expect("profile dir");
    let started = Instant::now();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait chromium") {
            break status;
        }
        if started.elapsed() > BROWSER_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within {BROWSER_LIMIT:?}: {args:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let elapsed = started.elapsed();
    let out = out_reader.join().unwrap_or_default();
    let err = err_reader.join().unwrap_or_default();
    assert!(status.success(), "chromium failed ({status}): {err}");
    (out, elapsed)
}

/// Percent-encodes a URL hash parameter value (`URLSearchParams` decodes it).
pub fn encode(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `file://` URL of `page` with a hash built from `params`.
pub fn page_url(page: &Path, params: &[(&str, &str)]) -> String {
    let path = page.canonicalize().expect("page path");
    let path: String = path
        .to_string_lossy()
        .split('/')
        .map(encode)
        .collect::<Vec<_>>()
        .join("/");
    let hash: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    format!("file://{path}#{}", hash.join("&"))
}

/// The DOM of the page after its script ran.
pub fn dump_dom(browser: &Path, page: &Path, params: &[(&str, &str)]) -> (Dom, Duration) {
    let (html, elapsed) =
        run_chromium(browser, &["--dump-dom".to_string(), page_url(page, params)]);
    let dom = Dom(html);
    assert!(
        dom.0.contains("data-ready=\"1\""),
        "the page's script did not finish: {}",
        dom.attr_after("id=\"error\"", "data-error")
            .unwrap_or_default()
    );
    (dom, elapsed)
}

/// A serialised DOM, read with plain string search (the page marks what tests read with
/// `data-*` attributes).
pub struct Dom(pub String);

impl Dom {
    /// The value of attribute `name` in the first tag that contains `anchor`.
    pub fn attr_after(&self, anchor: &str, name: &str) -> Option<String> {
        let at = self.0.find(anchor)?;
        let tag_start = self.0[..at].rfind('<')?;
        let tag_end = at + self.0[at..].find('>')?;
        let tag = &self.0[tag_start..tag_end];
        let key = format!("{name}=\"");
        let v = tag.find(&key)? + key.len();
        let len = tag[v..].find('"')?;
        Some(unescape(&tag[v..v + len]))
    }

    /// A summary card's number.
    pub fn summary(&self, key: &str) -> usize {
        self.number(&format!("data-key=\"{key}\""))
    }

    /// The number of tasks that match the filters.
    pub fn match_count(&self) -> usize {
        self.number("id=\"match-count\"")
    }

    fn number(&self, anchor: &str) -> usize {
        self.attr_after(anchor, "data-value")
            .unwrap_or_else(|| panic!("no data-value for {anchor}"))
            .parse()
            .expect("a number")
    }

    /// Ids of the task rows shown on the current page.
    pub fn row_ids(&self) -> Vec<String> {
        let mut ids = Vec::new();
        let mut rest = self.0.as_str();
        while let Some(at) = rest.find("data-id=\"") {
            rest = &rest[at + "data-id=\"".len()..];
            let end = rest.find('"').unwrap_or(0);
            ids.push(unescape(&rest[..end]));
            rest = &rest[end..];
        }
        ids
    }
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Accent-insensitive form, as the page's search folds (NFD, no marks, đ -> d, lower case),
/// written here independently of the page's script.
pub fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let folded: String = s
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| if c == 'đ' || c == 'Đ' { 'd' } else { c })
        .collect::<String>()
        .to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}
