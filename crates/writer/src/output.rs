//! Atomic output files.
//!
//! A feed written with `-o FILE` is first written to `FILE.partial` in the same directory,
//! flushed, synced and renamed over `FILE`, so a reader never sees a half-written feed.
//! A target that is not a regular file (`/dev/null`, a pipe, `/dev/stdout`) is written
//! directly and never replaced.
//!
//! An interrupted run leaves `FILE.partial` behind, synced up to the last [`AtomicFile::sync`];
//! `vntask extract --resume` continues it with [`AtomicFile::resume`] and renames it at the end.

use sha2::{Digest, Sha256};
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Read, Write};
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
        if is_special(target) {
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

    /// Continues an interrupted `target.partial`: keeps its first `keep` bytes (the records
    /// known to be whole) and appends after them. A special target is written directly.
    pub fn resume(target: &Path, keep: u64) -> Result<Self, OutputError> {
        if is_special(target) {
            return Self::create(target, false);
        }
        let partial = partial_path(target);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&partial)
            .and_then(|mut file| {
                file.set_len(keep)?;
                io::Seek::seek(&mut file, io::SeekFrom::End(0))?;
                Ok(file)
            })
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

    /// The file being written: `target.partial`, or the target itself when it is special.
    pub fn writing_to(&self) -> &Path {
        self.partial.as_deref().unwrap_or(&self.target)
    }

    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Writes one JSON Lines line (the bytes of a serialised record, without the newline).
    pub fn write_line(&mut self, line: &[u8]) -> Result<(), OutputError> {
        self.write_lines(line)?;
        self.write_lines(b"\n")
    }

    /// Writes whole JSON Lines lines, each already ending with its newline (a document's
    /// tasks, serialised together).
    pub fn write_lines(&mut self, lines: &[u8]) -> Result<(), OutputError> {
        self.out
            .write_all(lines)
            .map_err(|source| OutputError::Write {
                path: self.target.clone(),
                source,
            })
    }

    /// Hands what was written so far to the operating system (no fsync): it survives the
    /// process being killed, not the machine losing power.
    pub fn flush(&mut self) -> Result<(), OutputError> {
        self.out.flush().map_err(|source| OutputError::Write {
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
            .or_else(ignore_unsupported_sync)
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
            // Make the rename itself durable; a directory that cannot be synced is no error.
            if let Some(dir) = self.target.parent() {
                let dir = if dir.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    dir
                };
                if let Ok(handle) = File::open(dir) {
                    let _ = handle.sync_all();
                }
            }
        }
        Ok(())
    }
}

/// Whether `target` is written directly rather than through a `.partial`: anything that
/// exists and is not a regular file (`/dev/null`, a FIFO), and anything under `/dev/`
/// (`/dev/stdout` may resolve to a regular file, but its directory cannot hold a `.partial`).
fn is_special(target: &Path) -> bool {
    target.starts_with("/dev")
        || fs::metadata(target)
            .map(|m| !m.file_type().is_file())
            .unwrap_or(false)
}

/// SHA-256 (hex) and length of everything `reader` yields, read in 64 KiB pieces: the
/// fingerprint of a file too large to hold in memory.
pub fn reader_sha256(mut reader: impl Read) -> io::Result<(String, u64)> {
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 16];
    let mut total = 0u64;
    loop {
        let read = match reader.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => read,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(buffer.get(..read).unwrap_or_default());
        total += read as u64;
    }
    let digest = hasher.finalize();
    let hex = digest.iter().map(|b| format!("{b:02x}")).collect();
    Ok((hex, total))
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
    fn resume_keeps_the_whole_prefix_and_appends() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("tasks.jsonl");
        fs::write(partial_path(&target), "{\"a\":1}\n{\"b\":2}\n{\"c\"").unwrap();
        let mut file = AtomicFile::resume(&target, 16).unwrap();
        file.write_line(b"{\"d\":4}").unwrap();
        file.commit().unwrap();
        assert_eq!(
            fs::read_to_string(&target).unwrap(),
            "{\"a\":1}\n{\"b\":2}\n{\"d\":4}\n"
        );
    }

    #[test]
    fn a_stale_partial_is_replaced_without_resume() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("tasks.jsonl");
        fs::write(partial_path(&target), "stale\n").unwrap();
        let mut file = AtomicFile::create(&target, false).unwrap();
        file.write_line(b"new").unwrap();
        file.commit().unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new\n");
    }

    #[test]
    fn reader_sha256_matches_the_one_shot_hash() {
        let data = vec![7u8; 200_000];
        let (hex, len) = reader_sha256(&data[..]).unwrap();
        assert_eq!(len, 200_000);
        assert_eq!(hex, crate::ids::bytes_sha256(&data));
    }

    #[test]
    fn dev_paths_are_special() {
        assert!(is_special(Path::new("/dev/stdout")));
        assert!(!is_special(Path::new("/tmp/surely-not-here/x.jsonl")));
    }

    #[test]
    fn special_files_are_written_directly() {
        let mut file = AtomicFile::create(Path::new("/dev/null"), false).unwrap();
        file.write_line(b"x").unwrap();
        file.commit().unwrap();
        assert!(Path::new("/dev/null").exists());
    }
}
