//! Input discovery and the ordered, streaming parallel batch.
//!
//! Discovery ([`discover`]) streams the command line as [`Input`]s in a fixed order (each INPUT
//! in turn; a directory's entries sorted by name, depth first). Anything that will not be read
//! (a hidden file, a symbolic link loop, an unreadable directory, a FIFO) is still an input:
//! it carries a [`Verdict`] and becomes a `skipped` or `error` document record, so every input
//! yields exactly one record and the summary's counts reconcile.
//!
//! [`run_ordered`] runs the work on a rayon pool with at most `window` documents in flight or
//! waiting in the reorder buffer, and hands results to the sink in input order: memory stays
//! flat however long the batch, and output order does not depend on `--jobs`.

mod discover;

pub use discover::{discover, io_reason};

use anyhow::Result;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
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
    inputs: impl IntoIterator<Item = Input>,
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
    let mut inputs = inputs.into_iter().peekable();
    let (sender, receiver) = mpsc::channel::<(usize, Input, Result<T, String>)>();
    let mut failure: Option<anyhow::Error> = None;
    let mut started = 0usize;
    let mut written = 0usize;
    let work = &work;
    pool.in_place_scope(|scope| {
        let mut buffer: BTreeMap<usize, (Input, Result<T, String>)> = BTreeMap::new();
        loop {
            let stopping = failure.is_some() || stop.load(Ordering::SeqCst);
            while !stopping && started - written < window {
                let Some(input) = inputs.next() else {
                    break;
                };
                let index = started;
                let sender = sender.clone();
                scope.spawn(move |_| {
                    // The receiver outlives the scope; a send cannot fail before it ends.
                    let result = catch_unwind(AssertUnwindSafe(|| work(&input)))
                        .map_err(|panic| panic_message(panic.as_ref()));
                    let _ = sender.send((index, input, result));
                });
                started += 1;
            }
            if written == started {
                break;
            }
            let Ok((index, input, result)) = receiver.recv() else {
                break;
            };
            buffer.insert(index, (input, result));
            while let Some((input, result)) = buffer.remove(&written) {
                if failure.is_none() {
                    if let Err(error) = sink(&input, result) {
                        failure = Some(error);
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
            interrupted: inputs.peek().is_some(),
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

    fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
    }

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
        let pool = pool(4);
        let inputs = inputs(200);
        let stop = AtomicBool::new(false);
        let mut seen = Vec::new();
        let finished = run_ordered(
            &pool,
            inputs,
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
        let pool = pool(2);
        let inputs = inputs(1000);
        let stop = AtomicBool::new(false);
        let mut seen = Vec::new();
        let finished = run_ordered(
            &pool,
            inputs,
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
        let pool = pool(2);
        let inputs = inputs(100);
        let stop = AtomicBool::new(false);
        let result = run_ordered(
            &pool,
            inputs,
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
        let pool = pool(2);
        let inputs = inputs(20);
        let stop = AtomicBool::new(false);
        let mut outcomes = Vec::new();
        run_ordered(
            &pool,
            inputs,
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
}
