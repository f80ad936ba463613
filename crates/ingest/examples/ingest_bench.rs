//! Times the ingest stage alone over a directory of documents (the files are read first, so
//! only `vntask_ingest::read` is timed), and writes every document's debug form to a file so
//! two builds can be compared byte for byte.
//!
//! ```text
//! cargo run --release -p vntask-ingest --example ingest_bench -- /tmp/corp20 /tmp/docs.txt
//! ```

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        out.push(dir.to_path_buf());
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(dump)) = (args.first(), args.get(1)) else {
        eprintln!("usage: ingest_bench DIR DUMP_FILE|- [ROUNDS]");
        return Ok(());
    };
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(1);
    let mut paths = Vec::new();
    files(Path::new(dir), &mut paths);
    paths.sort();
    let inputs: Vec<(String, Vec<u8>)> = paths
        .iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read(p).ok()?)))
        .collect();
    let total: usize = inputs.iter().map(|(_, b)| b.len()).sum();
    let options = vntask_ingest::IngestOptions::default();
    let mut best = f64::MAX;
    let mut documents = Vec::new();
    for _ in 0..rounds {
        documents.clear();
        let start = Instant::now();
        for (name, bytes) in &inputs {
            documents.push(vntask_ingest::read(bytes, name, &options));
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{} files, {:.1} MB, ingest {:.3} s, {:.1} MB/s",
        inputs.len(),
        total as f64 / 1e6,
        best,
        total as f64 / 1e6 / best
    );
    if dump == "-" {
        return Ok(());
    }
    let mut out = std::io::BufWriter::new(std::fs::File::create(dump)?);
    for ((name, _), document) in inputs.iter().zip(&documents) {
        writeln!(out, "== {name}\n{document:#?}")?;
    }
    Ok(())
}
