//! A document's output lines, serialised on the worker thread that extracted it. The thread
//! that writes then only copies bytes: with two workers, serialising there made it a third
//! party competing for two cores, and `--jobs 2` fell short of twice `--jobs 1`.

use vntask_extractor::Extraction;
use vntask_writer::DocumentRecord;

/// What the writing thread needs of one document.
pub struct Rendered {
    /// The record itself, for the counts, the progress bar and the error message.
    pub document: DocumentRecord,
    /// How many tasks `task_lines` holds.
    pub tasks: usize,
    /// Every task as one JSON line, each ending with a newline.
    pub task_lines: Vec<u8>,
    /// The document record as one JSON line without its newline (empty when not wanted).
    pub document_line: Vec<u8>,
}

/// Serialises `extraction`; the document record's line only when `with_document`.
pub fn render(extraction: Extraction, with_document: bool) -> serde_json::Result<Rendered> {
    // Task lines run to about 1.2 kB each on average (half the documents of a batch
    // outgrew a kilobyte a task, and growing copied their lines over).
    let mut task_lines = Vec::with_capacity(extraction.tasks.len() * 1536);
    for task in &extraction.tasks {
        // The same bytes as `serde_json::to_writer` (see `vntask_writer::json`).
        vntask_writer::json::write_task(&mut task_lines, task);
        task_lines.push(b'\n');
    }
    let document_line = if with_document {
        serde_json::to_vec(&extraction.document)?
    } else {
        Vec::new()
    };
    Ok(Rendered {
        document: extraction.document,
        tasks: extraction.tasks.len(),
        task_lines,
        document_line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use vntask_extractor::Options;

    fn extraction() -> Extraction {
        let text = "1. Giao Bộ Tài chính hoàn thành dự thảo Nghị định trước ngày 30/6/2025.\n\
                    2. Bộ Y tế chủ trì xây dựng kế hoạch, báo cáo trong tháng 9/2025.\n";
        vntask_extractor::extract(text.as_bytes(), "a.txt", &Options::default())
    }

    #[test]
    fn lines_are_the_records_serialised_one_by_one() {
        let extraction = extraction();
        assert!(extraction.tasks.len() >= 2, "{:?}", extraction.tasks);
        let mut expected = Vec::new();
        for task in &extraction.tasks {
            expected.extend(serde_json::to_vec(task).unwrap());
            expected.push(b'\n');
        }
        let document = serde_json::to_vec(&extraction.document).unwrap();
        let rendered = render(extraction, true).unwrap();
        assert_eq!(rendered.tasks, 2);
        assert_eq!(rendered.task_lines, expected);
        assert_eq!(rendered.document_line, document);
    }

    #[test]
    fn task_lines_of_every_seed_are_serde_json_lines() {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut tasks = 0;
        for entry in std::fs::read_dir(seeds).unwrap() {
            let path = entry.unwrap().path();
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let extraction = vntask_extractor::extract(&bytes, &name, &Options::default());
            let mut expected = Vec::new();
            for task in &extraction.tasks {
                expected.extend(serde_json::to_vec(task).unwrap());
                expected.push(b'\n');
            }
            tasks += extraction.tasks.len();
            assert_eq!(
                render(extraction, false).unwrap().task_lines,
                expected,
                "{name}"
            );
        }
        assert!(tasks > 100, "only {tasks} tasks in the seeds");
    }

    #[test]
    fn document_line_only_when_wanted() {
        let rendered = render(extraction(), false).unwrap();
        assert!(rendered.document_line.is_empty());
        assert!(!rendered.task_lines.is_empty());
    }
}
