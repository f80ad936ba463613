//! Input discovery and the ordered, streaming parallel batch.
//!
//! Discovery turns the command line into a list of [`Input`]s in a fixed order (each INPUT in
//! turn; a directory's entries sorted by name, depth first). Anything that will not be read
//! (a hidden file, a symbolic link loop, an unreadable directory, a FIFO) is still an input:
//! it carries a [`Verdict`] and becomes a `skipped` or `error` document record, so every input
//! yields exactly one record and the summary's counts reconcile.
//!
//! [`run_ordered`] runs the work on a rayon pool with at most `window` documents in flight or
//! waiting in the reorder buffer, and hands results to the sink in input order: memory stays
//! flat however long the batch, and output order does not depend on `--jobs`.

use anyhow::Result;
use std::collections::BTreeMap;
use std::io;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use vntask_writer::DocumentStatus;

/// Directories nested deeper than this below an input root are not entered.
pub const MAX_DEPTH: usize = 64;

/// One input document.
#[derive(Debug, Clone)]
pub struct Input {
    /// Where to read it; `None` for stdin.
    pub path: Option<PathBuf>,
    /// `doc.id`: path relative to the input root without extension, or the stem.
    pub doc_id: String,
    /// `doc.path` as written in records.
    pub display: String,
    /// Set when discovery already knows the input will not be read, and why.
    pub verdict: Option<Verdict>,
}

/// Why an input is not read: its status and a reason a person understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub status: DocumentStatus,
    pub reason: String,
}

impl Verdict {
    pub fn skipped(reason: impl Into<String>) -> Self {
        Verdict {
            status: DocumentStatus::Skipped,
            reason: reason.into(),
        }
    }

    pub fn error(reason: impl Into<String>) -> Self {
        Verdict {
            status: DocumentStatus::Error,
            reason: reason.into(),
        }
    }
}

/// Expands the command-line inputs into documents, in order: each INPUT in turn, the entries
/// of a directory sorted by name, depth first. Never fails: an input that cannot be read
/// becomes an input with a [`Verdict`].
pub fn discover(inputs: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    if inputs.is_empty() {
        out.push(stdin_input());
        return out;
    }
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(stdin_input());
            continue;
        }
        match std::fs::metadata(input) {
            Ok(metadata) if metadata.is_dir() => {
                walk(input, input, &mut out, 0);
            }
            // A file named on the command line is read whatever it is (a FIFO such as
            // `<(zcat x.gz)` included), as `cat` would.
            Ok(_) => out.push(file_input(input, None)),
            Err(error) => out.push(file_input(input, Some(Verdict::error(io_reason(&error))))),
        }
    }
    out
}

fn stdin_input() -> Input {
    Input {
        path: None,
        doc_id: "stdin".to_string(),
        display: "-".to_string(),
        verdict: None,
    }
}

/// An input named on the command line: its id is the file stem.
fn file_input(path: &Path, verdict: Option<Verdict>) -> Input {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Input {
        doc_id: stem,
        display: path.display().to_string(),
        path: Some(path.to_path_buf()),
        verdict,
    }
}

/// An input found under `root`: its id is the relative path without extension.
fn entry_input(root: &Path, path: PathBuf, verdict: Option<Verdict>) -> Input {
    let relative = path.strip_prefix(root).unwrap_or(&path);
    Input {
        doc_id: without_extension(relative),
        display: path.display().to_string(),
        path: Some(path),
        verdict,
    }
}

/// Collects the entries of `dir` in name order. Symbolic links to files are followed;
/// symbolic links to directories are not (so there are no loops), and say so.
fn walk(root: &Path, dir: &Path, out: &mut Vec<Input>, depth: usize) {
    if depth > MAX_DEPTH {
        let reason = format!("directory nested deeper than {MAX_DEPTH} levels (not entered)");
        out.push(entry_input(
            root,
            dir.to_path_buf(),
            Some(Verdict::skipped(reason)),
        ));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            let reason = format!("directory cannot be listed: {}", io_reason(&error));
            out.push(entry_input(
                root,
                dir.to_path_buf(),
                Some(Verdict::error(reason)),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push(entry.path()),
            Err(error) => {
                let reason = format!("directory listing failed: {}", io_reason(&error));
                out.push(entry_input(
                    root,
                    dir.to_path_buf(),
                    Some(Verdict::error(reason)),
                ));
            }
        }
    }
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .is_some_and(|name| name.as_encoded_bytes().first() == Some(&b'.'));
        let link = std::fs::symlink_metadata(&path);
        let followed = std::fs::metadata(&path);
        match (link, followed) {
            (Err(error), _) => {
                out.push(entry_input(
                    root,
                    path,
                    Some(Verdict::error(io_reason(&error))),
                ));
            }
            (Ok(link), Ok(meta)) if meta.is_dir() => {
                if hidden {
                    let verdict = Verdict::skipped("hidden directory (not entered)");
                    out.push(entry_input(root, path, Some(verdict)));
                } else if link.file_type().is_symlink() {
                    let verdict = Verdict::skipped("symbolic link to a directory (not followed)");
                    out.push(entry_input(root, path, Some(verdict)));
                } else {
                    walk(root, &path, out, depth + 1);
                }
            }
            (Ok(_), Ok(meta)) => {
                let verdict = if hidden {
                    Some(Verdict::skipped("hidden file"))
                } else if !meta.is_file() {
                    Some(Verdict::skipped(format!(
                        "not a regular file ({})",
                        special_kind(&meta)
                    )))
                } else {
                    None
                };
                out.push(entry_input(root, path, verdict));
            }
            (Ok(_), Err(error)) => {
                // The entry exists but what it points to does not resolve.
                let reason = match error.raw_os_error() {
                    Some(code) if code == ELOOP => "symbolic link loop".to_string(),
                    _ if error.kind() == io::ErrorKind::NotFound => {
                        "broken symbolic link (target not found)".to_string()
                    }
                    _ => io_reason(&error),
                };
                out.push(entry_input(root, path, Some(Verdict::error(reason))));
            }
        }
    }
}

/// `ELOOP` on Linux and the BSDs differs; both mean "too many levels of symbolic links".
#[cfg(target_os = "linux")]
const ELOOP: i32 = 40;
#[cfg(not(target_os = "linux"))]
const ELOOP: i32 = 62;

#[cfg(unix)]
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_fifo() {
        "named pipe"
    } else if kind.is_socket() {
        "socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "device"
    } else {
        "special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_meta: &std::fs::Metadata) -> &'static str {
    "special file"
}

/// An I/O error in words a person understands.
pub fn io_reason(error: &io::Error) -> String {
    if error.raw_os_error() == Some(ELOOP) {
        return "symbolic link loop".to_string();
    }
    match error.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::NotFound => "not found".to_string(),
        io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => {
            // Drop the "(os error N)" suffix: the words say it.
            let text = error.to_string();
            match text.find(" (os error") {
                Some(at) => text[..at].to_string(),
                None => text,
            }
        }
    }
}

fn without_extension(path: &Path) -> String {
    let mut parts: Vec<String> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.last_mut() {
        if let Some((stem, _)) = last.rsplit_once('.') {
            if !stem.is_empty() {
                *last = stem.to_string();
            }
        }
    }
    parts.join("/")
}

/// How a batch ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finished {
    /// Inputs handed to the sink (a prefix of the inputs, in order).
    pub done: usize,
    /// Whether `stop` was raised before every input was started.
    pub interrupted: bool,
}

/// Runs `work` over `inputs` on `pool` and hands each result to `sink` in input order.
///
/// At most `window` inputs are in flight or waiting in the reorder buffer at once, so memory
/// is bounded by the window, not by the batch. The calling thread schedules and writes; the
/// pool's threads do the work. When `stop` is raised no further input is started; the ones
/// in flight finish and are written, so the output is always a whole prefix of the inputs.
/// An error from the sink stops the batch the same way and is returned. A panic in `work`
/// does not take the batch down: the sink gets `Err(message)` for that input.
pub fn run_ordered<T, W, S>(
    pool: &rayon::ThreadPool,
    inputs: &[Input],
    window: usize,
    stop: &AtomicBool,
    work: W,
    mut sink: S,
) -> Result<Finished>
where
    T: Send,
    W: Fn(&Input) -> T + Sync,
    S: FnMut(&Input, Result<T, String>) -> Result<()>,
{
    let window = window.max(1);
    let (sender, receiver) = mpsc::channel::<(usize, Result<T, String>)>();
    let mut failure: Option<anyhow::Error> = None;
    let mut started = 0usize;
    let mut written = 0usize;
    let work = &work;
    pool.in_place_scope(|scope| {
        let mut buffer: BTreeMap<usize, Result<T, String>> = BTreeMap::new();
        loop {
            let stopping = failure.is_some() || stop.load(Ordering::SeqCst);
            while !stopping && started < inputs.len() && started - written < window {
                let index = started;
                let sender = sender.clone();
                if let Some(input) = inputs.get(index) {
                    scope.spawn(move |_| {
                        // The receiver outlives the scope; a send cannot fail before it ends.
                        let result = catch_unwind(AssertUnwindSafe(|| work(input)))
                            .map_err(|panic| panic_message(panic.as_ref()));
                        let _ = sender.send((index, result));
                    });
                }
                started += 1;
            }
            if written == started {
                break;
            }
            let Ok((index, result)) = receiver.recv() else {
                break;
            };
            buffer.insert(index, result);
            while let Some(result) = buffer.remove(&written) {
                if failure.is_none() {
                    if let Some(input) = inputs.get(written) {
                        if let Err(error) = sink(input, result) {
                            failure = Some(error);
                        }
                    }
                }
                written += 1;
            }
        }
    });
    match failure {
        Some(error) => Err(error),
        None => Ok(Finished {
            done: written,
            interrupted: written < inputs.len(),
        }),
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    let text = if let Some(text) = panic.downcast_ref::<&str>() {
        (*text).to_string()
    } else if let Some(text) = panic.downcast_ref::<String>() {
        text.clone()
    } else {
        "unknown cause".to_string()
    };
    format!("internal error (please report): {text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(n: usize) -> Vec<Input> {
        (0..n)
            .map(|i| Input {
                path: None,
                doc_id: i.to_string(),
                display: i.to_string(),
                verdict: None,
            })
            .collect()
    }

    #[test]
    fn results_come_out_in_input_order_whatever_finishes_first() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        let inputs = inputs(200);
        let stop = AtomicBool::new(false);
        let mut seen = Vec::new();
        let finished = run_ordered(
            &pool,
            &inputs,
            8,
            &stop,
            |input| {
                let n: u64 = input.doc_id.parse().unwrap();
                // Later inputs finish first within a window.
                std::thread::sleep(std::time::Duration::from_micros((200 - n) * 20));
                n
            },
            |_, n| {
                seen.push(n.unwrap());
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..200).collect::<Vec<u64>>());
        assert_eq!(
            finished,
            Finished {
                done: 200,
                interrupted: false
            }
        );
    }

    #[test]
    fn stop_writes_a_whole_prefix() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let inputs = inputs(1000);
        let stop = AtomicBool::new(false);
        let mut seen = Vec::new();
        let finished = run_ordered(
            &pool,
            &inputs,
            4,
            &stop,
            |input| input.doc_id.parse::<usize>().unwrap(),
            |_, n| {
                let n = n.unwrap();
                seen.push(n);
                if n == 10 {
                    stop.store(true, Ordering::SeqCst);
                }
                Ok(())
            },
        )
        .unwrap();
        assert!(finished.interrupted);
        assert_eq!(seen, (0..finished.done).collect::<Vec<usize>>());
        assert!(finished.done >= 11 && finished.done <= 15, "{finished:?}");
    }

    #[test]
    fn sink_error_stops_and_is_returned() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let inputs = inputs(100);
        let stop = AtomicBool::new(false);
        let result = run_ordered(
            &pool,
            &inputs,
            4,
            &stop,
            |_| (),
            |input, _| {
                if input.doc_id == "5" {
                    anyhow::bail!("disk full")
                }
                Ok(())
            },
        );
        assert_eq!(result.unwrap_err().to_string(), "disk full");
    }

    #[test]
    fn a_panicking_input_becomes_an_error_and_the_batch_goes_on() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let inputs = inputs(20);
        let stop = AtomicBool::new(false);
        let mut outcomes = Vec::new();
        run_ordered(
            &pool,
            &inputs,
            4,
            &stop,
            |input| {
                if input.doc_id == "7" {
                    panic!("boom at 7");
                }
                1
            },
            |_, outcome| {
                outcomes.push(outcome);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(outcomes.len(), 20);
        assert_eq!(
            outcomes[7],
            Err("internal error (please report): boom at 7".to_string())
        );
        assert_eq!(outcomes.iter().filter(|o| o.is_ok()).count(), 19);
    }

    #[test]
    fn without_extension_keeps_directories() {
        assert_eq!(without_extension(Path::new("a/b/c.txt")), "a/b/c");
        assert_eq!(without_extension(Path::new(".hidden")), ".hidden");
        assert_eq!(without_extension(Path::new("x.tar.gz")), "x.tar");
    }

    #[test]
    fn io_reason_is_plain_words() {
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(io_reason(&denied), "permission denied");
        let looped = io::Error::from_raw_os_error(ELOOP);
        assert_eq!(io_reason(&looped), "symbolic link loop");
    }
}
