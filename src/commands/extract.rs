//! `vntask extract`: the batch.
//!
//! Every input yields exactly one document record (`ok`, `error` or `skipped` with a reason);
//! the batch always goes on. Outputs are atomic (`FILE.partial`, synced, renamed). Ctrl-C or
//! SIGTERM stops after the documents in flight, keeps the synced `.partial` files and says how
//! far it got; `--resume` continues from them.
//!
//! Exit status: 0 all documents ok (or skipped); 1 some document failed (0 with
//! `--allow-errors`); 2 usage errors and failures to write; 130 interrupted.

mod load;
mod progress;
mod render;
mod resume;

use crate::batch::{self, Input};
use crate::cli::ExtractArgs;
use anyhow::{Context, Result};
use progress::Progress;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use vntask_extractor::{Extraction, Options};
use vntask_writer::{AtomicFile, DocumentRecord, DocumentStatus, OutputError};

/// Raised by Ctrl-C / SIGTERM: start no further document.
static STOP: AtomicBool = AtomicBool::new(false);

/// How often the `.partial` files are flushed and synced (what survives a crash or a kill).
const SYNC_EVERY: Duration = Duration::from_secs(2);

/// Exit status of an interrupted run (128 + SIGINT, as shells report it).
const INTERRUPTED: u8 = 130;

/// Where a feed goes: an atomic file or stdout.
enum Sink {
    File(AtomicFile),
    Stdout(std::io::BufWriter<std::io::Stdout>),
}

impl Sink {
    fn open(path: Option<&Path>, keep: Option<u64>) -> Result<Self> {
        Ok(match (path, keep) {
            (Some(path), Some(keep)) => Sink::File(AtomicFile::resume(path, keep)?),
            (Some(path), None) => Sink::File(AtomicFile::create(path, false)?),
            (None, _) => Sink::Stdout(std::io::BufWriter::with_capacity(
                1 << 16,
                std::io::stdout(),
            )),
        })
    }

    /// Writes whole lines, each already ending with a newline.
    fn write_lines(&mut self, lines: &[u8]) -> Result<()> {
        match self {
            Sink::File(file) => file.write_lines(lines)?,
            Sink::Stdout(out) => out.write_all(lines)?,
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        match self {
            Sink::File(file) => file.flush()?,
            Sink::Stdout(out) => out.flush()?,
        }
        Ok(())
    }

    fn sync(&mut self) -> Result<()> {
        match self {
            Sink::File(file) => file.sync()?,
            Sink::Stdout(out) => out.flush()?,
        }
        Ok(())
    }

    fn commit(self) -> Result<()> {
        match self {
            Sink::File(file) => file.commit()?,
            Sink::Stdout(mut out) => out.flush()?,
        }
        Ok(())
    }

    fn is_file(&self) -> bool {
        matches!(self, Sink::File(_))
    }

    /// Where the partial output is, for the message of an interrupted run.
    fn describe(&self) -> String {
        match self {
            Sink::File(file) => file.writing_to().display().to_string(),
            Sink::Stdout(_) => "stdout".to_string(),
        }
    }
}

pub fn run(mut args: ExtractArgs) -> Result<ExitCode> {
    // `-o -` is stdout, as an input `-` is stdin; without this it made a file named `-`.
    if args.output.as_deref() == Some(std::path::Path::new("-")) {
        if args.resume {
            anyhow::bail!("--resume needs files for -o and --documents, not stdout");
        }
        args.output = None;
    }
    if args.stdin_jsonl {
        return super::stdin_jsonl::run(&args);
    }
    let gazetteer = match &args.agencies {
        Some(path) => Some(std::sync::Arc::new(
            vntask_extractor::agencies::Gazetteer::with_extra(path)
                .with_context(|| format!("reading agencies file {}", path.display()))?,
        )),
        None => None,
    };
    if let (Some(output), Some(documents)) = (&args.output, &args.documents) {
        if output == documents {
            anyhow::bail!("-o and --documents name the same file");
        }
    }
    let mut inputs = batch::discover(&args.inputs);
    let jobs = args.jobs.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("vntask-{i}"))
        .build()
        .context("cannot start worker threads")?;

    let mut kept = match (&args.output, &args.documents) {
        (Some(output), Some(documents)) if args.resume => {
            resume::plan(&pool, &mut inputs, output, documents, args.max_bytes)?
        }
        _ => resume::Kept::default(),
    };
    let resuming = args.resume.then_some(());
    let mut tasks_out = Sink::open(args.output.as_deref(), resuming.map(|_| kept.tasks_bytes))?;
    let mut documents_out = match &args.documents {
        Some(path) => Some(match resuming {
            Some(()) => AtomicFile::resume(path, kept.documents_bytes)?,
            None => AtomicFile::create(path, false)?,
        }),
        None => None,
    };
    // A second signal while stopping quits at once; the synced `.partial` files stay.
    let _ = ctrlc::set_handler(|| {
        if STOP.swap(true, Ordering::SeqCst) {
            eprintln!("vntask: interrupted again: quitting now");
            std::process::exit(i32::from(INTERRUPTED));
        }
        eprintln!("vntask: stopping after the documents in flight (Ctrl-C again to quit now)");
    });

    let unread = std::mem::take(&mut kept.unread);
    // Discovery streams; the bar's total is counted by a walk of its own, only when drawn.
    let mut progress = Progress::new(args.quiet, || {
        let all = batch::discover(&args.inputs).count();
        all.saturating_sub(kept.documents) as u64
    });
    let remaining = unread.into_iter().chain(inputs);
    let mut counts = kept.counts;
    let mut last_sync = Instant::now();
    let options_for = |input: &Input| Options {
        doc_id: input.doc_id.clone(),
        path: input.display.clone(),
        reference_date: args.reference_date,
        gazetteer: gazetteer.clone(),
    };
    let window = 4 * pool.current_num_threads().max(1);
    let with_documents = documents_out.is_some();
    let outcome = batch::run_ordered(
        &pool,
        remaining,
        window,
        &STOP,
        |input| {
            let extraction = load::process(input, &options_for(input), args.max_bytes);
            render::render(extraction, with_documents)
        },
        |input, outcome| {
            let rendered = match outcome {
                Ok(rendered) => rendered?,
                Err(panic) => {
                    let extraction = Extraction {
                        document: load::failed_record(
                            &options_for(input),
                            load::Failure {
                                status: DocumentStatus::Error,
                                reason: panic,
                                sha256: vntask_writer::ids::bytes_sha256(&[]),
                                bytes: 0,
                            },
                        ),
                        tasks: Vec::new(),
                    };
                    render::render(extraction, with_documents)?
                }
            };
            // Tasks first, then the record that vouches for them (see resume.rs).
            tasks_out.write_lines(&rendered.task_lines)?;
            if let Some(out) = documents_out.as_mut() {
                out.write_line(&rendered.document_line)?;
            }
            let document = &rendered.document;
            counts.add(document, rendered.tasks);
            progress.advance(document.bytes);
            if document.status == DocumentStatus::Error {
                if let Some(error) = &document.error {
                    progress.println(&format!("vntask: {}: {}", document.path, error));
                }
            }
            // Every whole document goes to the OS at once, so a killed run loses nothing
            // it finished; the data reach the disk every SYNC_EVERY.
            if last_sync.elapsed() >= SYNC_EVERY {
                tasks_out.sync()?;
                if let Some(out) = documents_out.as_mut() {
                    out.sync()?;
                }
                last_sync = Instant::now();
            } else if tasks_out.is_file() {
                tasks_out.flush()?;
                if let Some(out) = documents_out.as_mut() {
                    out.flush()?;
                }
            }
            Ok(())
        },
    );
    progress.finish();
    let finished = match outcome {
        Ok(finished) => finished,
        Err(error) if is_broken_pipe(&error) => return Ok(ExitCode::SUCCESS),
        Err(error) => return Err(error),
    };

    if finished.interrupted {
        tasks_out.sync()?;
        if let Some(out) = documents_out.as_mut() {
            out.sync()?;
        }
        let done = kept.documents + finished.done;
        let mut message = format!(
            "vntask: interrupted after {done} of {} documents ({} tasks); output so far kept in {}",
            batch::discover(&args.inputs).count(),
            counts.tasks,
            tasks_out.describe()
        );
        if let Some(out) = &documents_out {
            message.push_str(&format!(" and {}", out.writing_to().display()));
        }
        if args.output.is_some() && args.documents.is_some() {
            message.push_str("; run the same command with --resume to continue");
        }
        eprintln!("{message}");
        return Ok(ExitCode::from(INTERRUPTED));
    }

    tasks_out.commit()?;
    if let Some(out) = documents_out {
        out.commit()?;
    }
    if !args.quiet {
        let mut summary = format!(
            "vntask: {} documents ({} ok, {} error, {} skipped), {} tasks, {:.1} MB in {:.2} s ({:.1} MB/s)",
            counts.ok + counts.error + counts.skipped,
            counts.ok,
            counts.error,
            counts.skipped,
            counts.tasks,
            progress::megabytes(progress.bytes()),
            progress.seconds(),
            progress.rate(),
        );
        if kept.documents > 0 {
            summary.push_str(&format!(
                "; {} documents kept from the interrupted run",
                kept.documents
            ));
        }
        eprintln!("{summary}");
    }
    Ok(if counts.error > 0 && !args.allow_errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `vntask extract | head` closes the pipe early: that is not an error worth a message.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    let is_pipe = |e: &std::io::Error| e.kind() == std::io::ErrorKind::BrokenPipe;
    error.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(is_pipe)
            || matches!(
                cause.downcast_ref::<OutputError>(),
                Some(OutputError::Write { source, .. }) if is_pipe(source)
            )
    })
}

/// Documents by status, and tasks.
#[derive(Debug, Default)]
pub struct Counts {
    pub ok: usize,
    pub error: usize,
    pub skipped: usize,
    pub tasks: usize,
}

impl Counts {
    pub fn add(&mut self, document: &DocumentRecord, tasks: usize) {
        match document.status {
            DocumentStatus::Ok => self.ok += 1,
            DocumentStatus::Error => self.error += 1,
            DocumentStatus::Skipped => self.skipped += 1,
        }
        self.tasks += tasks;
    }
}
