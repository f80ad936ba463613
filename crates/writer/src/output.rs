//! Atomic output files.
//!
//! A feed written with `-o FILE` is first written to `FILE.partial` in the same directory,
//! flushed, synced and renamed over `FILE`, so a reader never sees a half-written feed.
//! A target that is not a regular file (`/dev/null`, a pipe, `/dev/stdout`) is written
//! directly and never replaced.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("cannot create {path}: {source}")]
    Create { path: PathBuf, source: io::Error },
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot move {from} to {to}: {source}")]
    Rename {
        from: PathBuf,
        to: PathBuf,
        source: io::Error,
    },
}

/// A file written in place of `target` only when [`AtomicFile::commit`] is called.
pub struct AtomicFile {
    target: PathBuf,
    /// `Some(partial path)` when writing to a temporary file that will be renamed.
    partial: Option<PathBuf>,
    out: BufWriter<File>,
}

/// The temporary file that stands for `target` while it is written: `target.partial`.
pub fn partial_path(target: &Path) -> PathBuf {
    let mut name = target.as_os_str().to_owned();
    name.push(".partial");
    PathBuf::from(name)
}

impl AtomicFile {
    /// Starts writing `target`. With `append_partial`, an existing `target.partial` is
    /// continued (used by `--resume`); otherwise a stale one is replaced.
    pub fn create(target: &Path, append_partial: bool) -> Result<Self, OutputError> {
        let is_special = fs::metadata(target)
            .map(|m| !m.file_type().is_file())
            .unwrap_or(false);
        if is_special {
            let file = OpenOptions::new()
                .write(true)
                .open(target)
                .map_err(|source| OutputError::Create {
                    path: target.to_path_buf(),
                    source,
                })?;
            return Ok(AtomicFile {
                target: target.to_path_buf(),
                partial: None,
                out: BufWriter::with_capacity(1 << 16, file),
            });
        }
        let partial = partial_path(target);
        let mut options = OpenOptions::new();
        if append_partial {
            options.create(true).append(true);
        } else {
            options.create(true).write(true).truncate(true);
        }
        let file = options
            .open(&partial)
            .map_err(|source| OutputError::Create {
                path: partial.clone(),
                source,
            })?;
        Ok(AtomicFile {
            target: target.to_path_buf(),
            partial: Some(partial),
            out: BufWriter::with_capacity(1 << 16, file),
        })
    }

    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Writes one JSON Lines line (the bytes of a serialised record, without the newline).
    pub fn write_line(&mut self, line: &[u8]) -> Result<(), OutputError> {
        self.out
            .write_all(line)
            .and_then(|_| self.out.write_all(b"\n"))
            .map_err(|source| OutputError::Write {
                path: self.target.clone(),
                source,
            })
    }

    /// Flushes and syncs what was written so far (the `.partial` stays usable by `--resume`).
    pub fn sync(&mut self) -> Result<(), OutputError> {
        let target = self.target.clone();
        self.out
            .flush()
            .and_then(|_| self.out.get_ref().sync_data())
            .or_else(|e| ignore_unsupported_sync(e))
            .map_err(|source| OutputError::Write {
                path: target,
                source,
            })
    }

    /// Flushes, syncs and renames the temporary file over the target.
    pub fn commit(mut self) -> Result<(), OutputError> {
        self.sync()?;
        if let Some(partial) = self.partial.take() {
            fs::rename(&partial, &self.target).map_err(|source| OutputError::Rename {
                from: partial,
                to: self.target.clone(),
                source,
            })?;
        }
        Ok(())
    }
}

/// Pipes and character devices do not support fsync; that is not a failure to write.
fn ignore_unsupported_sync(e: io::Error) -> io::Result<()> {
    if e.kind() == io::ErrorKind::InvalidInput || e.raw_os_error() == Some(22) {
        Ok(())
    } else {
        Err(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_appears_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("tasks.jsonl");
        let mut file = AtomicFile::create(&target, false).unwrap();
        file.write_line(b"{\"a\":1}").unwrap();
        file.sync().unwrap();
        assert!(!target.exists());
        assert!(partial_path(&target).exists());
        file.commit().unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "{\"a\":1}\n");
        assert!(!partial_path(&target).exists());
    }

    #[test]
    fn special_files_are_written_directly() {
        let mut file = AtomicFile::create(Path::new("/dev/null"), false).unwrap();
        file.write_line(b"x").unwrap();
        file.commit().unwrap();
        assert!(Path::new("/dev/null").exists());
    }
}
