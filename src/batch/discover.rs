//! Input discovery, streamed: the command line becomes a sequence of [`Input`]s in a fixed
//! order (each INPUT in turn; a directory's entries sorted by name, depth first), produced as
//! the batch asks for them. Only the listings of the directories on the current path are
//! held, so a batch of a million files does not hold a million paths (it used to: about 250
//! bytes a file, the one part of the batch's memory that grew with its size).

use super::{Input, Verdict, MAX_DEPTH};
use std::collections::VecDeque;
use std::io;
use std::path::{Path, PathBuf};

/// Expands the command-line inputs into documents, in order. Never fails: an input that
/// cannot be read becomes an input with a [`Verdict`].
pub fn discover(inputs: &[PathBuf]) -> Discovery {
    let mut ready = VecDeque::new();
    if inputs.is_empty() {
        ready.push_back(stdin_input());
    }
    Discovery {
        arguments: inputs.iter().cloned().collect(),
        directories: Vec::new(),
        ready,
    }
}

/// The inputs still to come (see [`discover`]).
pub struct Discovery {
    /// Command-line inputs not yet started.
    arguments: VecDeque<PathBuf>,
    /// The directories being walked, innermost last.
    directories: Vec<Listing>,
    /// Inputs decided but not yet handed out (a directory's listing errors come before its
    /// entries).
    ready: VecDeque<Input>,
}

/// One directory being walked: its entries not yet visited, sorted by name.
struct Listing {
    root: PathBuf,
    entries: std::vec::IntoIter<PathBuf>,
    depth: usize,
}

impl Iterator for Discovery {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if let Some(input) = self.ready.pop_front() {
                return Some(input);
            }
            if let Some(listing) = self.directories.last_mut() {
                match listing.entries.next() {
                    Some(path) => {
                        let (root, depth) = (listing.root.clone(), listing.depth);
                        self.visit(root, path, depth);
                    }
                    None => {
                        self.directories.pop();
                    }
                }
                continue;
            }
            let input = self.arguments.pop_front()?;
            self.argument(input);
        }
    }
}

impl Discovery {
    /// One INPUT of the command line.
    fn argument(&mut self, input: PathBuf) {
        if input.as_os_str() == "-" {
            self.ready.push_back(stdin_input());
            return;
        }
        match std::fs::metadata(&input) {
            Ok(metadata) if metadata.is_dir() => self.enter(&input, input.clone(), 0),
            // A file named on the command line is read whatever it is (a FIFO such as
            // `<(zcat x.gz)` included), as `cat` would.
            Ok(_) => self.ready.push_back(file_input(&input, None)),
            Err(error) => {
                let verdict = Verdict::error(io_reason(&error));
                self.ready.push_back(file_input(&input, Some(verdict)));
            }
        }
    }

    /// Lists `dir` (under `root`) in name order for walking. Symbolic links to files are
    /// followed; symbolic links to directories are not (so there are no loops), and say so.
    fn enter(&mut self, root: &Path, dir: PathBuf, depth: usize) {
        if depth > MAX_DEPTH {
            let reason = format!("directory nested deeper than {MAX_DEPTH} levels (not entered)");
            self.ready
                .push_back(entry_input(root, dir, Some(Verdict::skipped(reason))));
            return;
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) => {
                let reason = format!("directory cannot be listed: {}", io_reason(&error));
                self.ready
                    .push_back(entry_input(root, dir, Some(Verdict::error(reason))));
                return;
            }
        };
        let mut paths: Vec<PathBuf> = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => paths.push(entry.path()),
                Err(error) => {
                    let reason = format!("directory listing failed: {}", io_reason(&error));
                    let verdict = Some(Verdict::error(reason));
                    self.ready
                        .push_back(entry_input(root, dir.clone(), verdict));
                }
            }
        }
        paths.sort();
        self.directories.push(Listing {
            root: root.to_path_buf(),
            entries: paths.into_iter(),
            depth,
        });
    }

    /// One entry of a directory being walked at `depth`.
    fn visit(&mut self, root: PathBuf, path: PathBuf, depth: usize) {
        let hidden = path
            .file_name()
            .is_some_and(|name| name.as_encoded_bytes().first() == Some(&b'.'));
        let link = std::fs::symlink_metadata(&path);
        let followed = std::fs::metadata(&path);
        let verdict = match (link, followed) {
            (Err(error), _) => Some(Verdict::error(io_reason(&error))),
            (Ok(link), Ok(meta)) if meta.is_dir() => {
                if hidden {
                    Some(Verdict::skipped("hidden directory (not entered)"))
                } else if link.file_type().is_symlink() {
                    Some(Verdict::skipped(
                        "symbolic link to a directory (not followed)",
                    ))
                } else {
                    self.enter(&root, path, depth + 1);
                    return;
                }
            }
            (Ok(_), Ok(meta)) => {
                if hidden {
                    Some(Verdict::skipped("hidden file"))
                } else if !meta.is_file() {
                    Some(Verdict::skipped(format!(
                        "not a regular file ({})",
                        special_kind(&meta)
                    )))
                } else {
                    None
                }
            }
            // The entry exists but what it points to does not resolve.
            (Ok(_), Err(error)) => Some(Verdict::error(match error.raw_os_error() {
                Some(code) if code == ELOOP => "symbolic link loop".to_string(),
                _ if error.kind() == io::ErrorKind::NotFound => {
                    "broken symbolic link (target not found)".to_string()
                }
                _ => io_reason(&error),
            })),
        };
        self.ready.push_back(entry_input(&root, path, verdict));
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(inputs: impl Iterator<Item = Input>) -> Vec<String> {
        inputs.map(|input| input.doc_id).collect()
    }

    #[test]
    fn entries_come_sorted_by_name_depth_first() {
        let dir = tempfile::tempdir().unwrap();
        for file in ["z.txt", "a/c.txt", "a/b/2.txt", "a/1.txt", "m.md"] {
            let path = dir.path().join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let found = ids(discover(&[dir.path().to_path_buf()]));
        assert_eq!(found, ["a/1", "a/b/2", "a/c", "m", "z"]);
    }

    #[test]
    fn every_argument_in_turn_and_stdin_when_there_is_none() {
        let dir = tempfile::tempdir().unwrap();
        let (one, two) = (dir.path().join("one.txt"), dir.path().join("two"));
        std::fs::write(&one, "x").unwrap();
        std::fs::create_dir(&two).unwrap();
        std::fs::write(two.join("inner.txt"), "x").unwrap();
        let missing = dir.path().join("missing.txt");
        let found: Vec<Input> = discover(&[two.clone(), missing, one, "-".into()]).collect();
        assert_eq!(
            ids(found.iter().cloned()),
            ["inner", "missing", "one", "stdin"]
        );
        assert_eq!(found[1].verdict, Some(Verdict::error("not found")));
        assert_eq!(ids(discover(&[])), ["stdin"]);
    }

    #[test]
    fn hidden_entries_and_deep_directories_are_records_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".secret.txt"), "x").unwrap();
        let mut deep = dir.path().join("deep");
        for _ in 0..=MAX_DEPTH {
            deep.push("d");
        }
        std::fs::create_dir_all(&deep).unwrap();
        let found: Vec<Input> = discover(&[dir.path().to_path_buf()]).collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].verdict, Some(Verdict::skipped("hidden file")));
        let reason = &found[1].verdict.as_ref().unwrap().reason;
        assert!(reason.contains("nested deeper"), "{reason}");
    }

    #[test]
    fn holds_only_the_listings_on_the_current_path() {
        let dir = tempfile::tempdir().unwrap();
        for folder in 0..20 {
            let folder = dir.path().join(format!("f{folder:02}"));
            std::fs::create_dir(&folder).unwrap();
            for file in 0..50 {
                std::fs::write(folder.join(format!("{file:03}.txt")), "x").unwrap();
            }
        }
        let mut discovery = discover(&[dir.path().to_path_buf()]);
        let mut count = 0;
        while discovery.next().is_some() {
            count += 1;
            let held: usize = discovery
                .directories
                .iter()
                .map(|listing| listing.entries.len())
                .sum();
            // The root's remaining folders and one folder's remaining files, never all 1,000.
            assert!(held <= 20 + 50, "{held} paths held after {count} inputs");
        }
        assert_eq!(count, 1000);
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
