//! `vntask extract`.

use crate::batch::{self, Input};
use crate::cli::ExtractArgs;
use anyhow::{Context, Result};
use std::io::{Read, Write};
use std::process::ExitCode;
use vntask_extractor::{Extraction, Options};
use vntask_writer::{AtomicFile, DocumentRecord, DocumentStatus};

/// Where a feed goes: an atomic file or stdout.
enum Sink {
    File(AtomicFile),
    Stdout(std::io::BufWriter<std::io::Stdout>),
}

impl Sink {
    fn open(path: Option<&std::path::Path>) -> Result<Self> {
        Ok(match path {
            Some(path) => Sink::File(AtomicFile::create(path, false)?),
            None => Sink::Stdout(std::io::BufWriter::new(std::io::stdout())),
        })
    }

    fn write_line(&mut self, line: &[u8]) -> Result<()> {
        match self {
            Sink::File(file) => file.write_line(line)?,
            Sink::Stdout(out) => {
                out.write_all(line)?;
                out.write_all(b"\n")?;
            }
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
}

pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    if args.stdin_jsonl {
        return super::stdin_jsonl::run(&args);
    }
    let inputs = batch::discover(&args.inputs)?;
    let jobs = args.jobs.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .context("cannot start worker threads")?;
    let mut tasks_out = Sink::open(args.output.as_deref())?;
    let mut documents_out = match &args.documents {
        Some(path) => Some(AtomicFile::create(path, false)?),
        None => None,
    };
    let options_for = |input: &Input| Options {
        doc_id: input.doc_id.clone(),
        path: input.display.clone(),
        reference_date: args.reference_date,
    };
    let mut counts = Counts::default();
    let mut line = Vec::with_capacity(4096);
    pool.install(|| {
        batch::run_ordered(
            &inputs,
            64 * pool.current_num_threads().max(1),
            |input| process(input, &options_for(input)),
            |_input, extraction| {
                for task in &extraction.tasks {
                    line.clear();
                    serde_json::to_writer(&mut line, task)?;
                    tasks_out.write_line(&line)?;
                }
                counts.add(&extraction.document, extraction.tasks.len());
                if let Some(out) = documents_out.as_mut() {
                    line.clear();
                    serde_json::to_writer(&mut line, &extraction.document)?;
                    out.write_line(&line)?;
                }
                if let Some(error) = &extraction.document.error {
                    eprintln!("vntask: {}: {}", extraction.document.path, error);
                }
                Ok(())
            },
        )
    })?;
    tasks_out.commit()?;
    if let Some(out) = documents_out {
        out.commit()?;
    }
    if !args.quiet {
        eprintln!(
            "vntask: {} documents ({} ok, {} error, {} skipped), {} tasks",
            counts.ok + counts.error + counts.skipped,
            counts.ok,
            counts.error,
            counts.skipped,
            counts.tasks
        );
    }
    Ok(if counts.error > 0 && !args.allow_errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[derive(Default)]
struct Counts {
    ok: usize,
    error: usize,
    skipped: usize,
    tasks: usize,
}

impl Counts {
    fn add(&mut self, document: &DocumentRecord, tasks: usize) {
        match document.status {
            DocumentStatus::Ok => self.ok += 1,
            DocumentStatus::Error => self.error += 1,
            DocumentStatus::Skipped => self.skipped += 1,
        }
        self.tasks += tasks;
    }
}

/// Reads and extracts one input; read failures become an `error` document record.
fn process(input: &Input, options: &Options) -> Extraction {
    let name = input
        .path
        .as_ref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin.txt".to_string());
    let bytes = match &input.path {
        Some(path) => std::fs::read(path).map_err(|e| reason(&e)),
        None => {
            let mut buffer = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buffer)
                .map(|_| buffer)
                .map_err(|e| reason(&e))
        }
    };
    match bytes {
        Ok(bytes) => vntask_extractor::extract(&bytes, &name, options),
        Err(why) => Extraction {
            document: DocumentRecord::failed(
                options.doc_id.clone(),
                options.path.clone(),
                &[],
                DocumentStatus::Error,
                why,
                vntask_extractor::VERSION,
            ),
            tasks: Vec::new(),
        },
    }
}

fn reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::NotFound => "not found".to_string(),
        _ => error.to_string(),
    }
}
