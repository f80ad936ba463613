//! Input discovery and the ordered parallel batch.

use anyhow::{Context, Result};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// One input document.
#[derive(Debug, Clone)]
pub struct Input {
    /// Where to read it; `None` for stdin.
    pub path: Option<PathBuf>,
    /// `doc.id`: path relative to the input root without extension, or the stem.
    pub doc_id: String,
    /// `doc.path` as written in records.
    pub display: String,
}

/// Expands the command-line inputs into documents, in order: each INPUT in turn, the files
/// of a directory sorted by path.
pub fn discover(inputs: &[PathBuf]) -> Result<Vec<Input>> {
    let mut out = Vec::new();
    if inputs.is_empty() {
        out.push(stdin_input());
        return Ok(out);
    }
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(stdin_input());
            continue;
        }
        let metadata = std::fs::metadata(input)
            .with_context(|| format!("{}: cannot read input", input.display()))?;
        if metadata.is_dir() {
            let mut files = Vec::new();
            walk(input, &mut files, 0);
            files.sort();
            for file in files {
                let relative = file.strip_prefix(input).unwrap_or(&file);
                out.push(Input {
                    doc_id: without_extension(relative),
                    display: file.display().to_string(),
                    path: Some(file),
                });
            }
        } else {
            let stem = input
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            out.push(Input {
                doc_id: stem,
                display: input.display().to_string(),
                path: Some(input.clone()),
            });
        }
    }
    Ok(out)
}

fn stdin_input() -> Input {
    Input {
        path: None,
        doc_id: "stdin".to_string(),
        display: "-".to_string(),
    }
}

/// Collects regular files under `dir`; symlinked directories are not followed (no loops).
fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    if depth > 64 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            walk(&path, out, depth + 1);
        } else if file_type.is_file() || file_type.is_symlink() && path.is_file() {
            out.push(path);
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

/// Runs `work` over `inputs` on the current rayon pool in bounded chunks, handing results to
/// `sink` in input order. Memory is bounded by the chunk size, not the batch size.
pub fn run_ordered<T, W, S>(inputs: &[Input], chunk: usize, work: W, mut sink: S) -> Result<()>
where
    T: Send,
    W: Fn(&Input) -> T + Sync,
    S: FnMut(&Input, T) -> Result<()>,
{
    for group in inputs.chunks(chunk.max(1)) {
        let results: Vec<T> = group.par_iter().map(&work).collect();
        for (input, result) in group.iter().zip(results) {
            sink(input, result)?;
        }
    }
    Ok(())
}
