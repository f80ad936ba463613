//! Arbitrary bytes through the whole pipeline (ingest, rules, assembly): it must never
//! panic, a failed document carries a reason and no tasks, and every span in file offsets is
//! a range of the input on UTF-8 character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vntask_extractor::{extract, Options};
use vntask_writer::{DocumentStatus, Span, SpanBasis};

/// The first byte picks the file name, so the extension-driven paths are reached too.
const NAMES: [&str; 6] = [
    "doc.txt", "doc.md", "doc.html", "doc.docx", "doc.pdf", "doc",
];

fuzz_target!(|data: &[u8]| {
    let (name, bytes) = match data.split_first() {
        Some((b, rest)) => (NAMES[*b as usize % NAMES.len()], rest),
        None => ("doc.txt", data),
    };
    let options = Options {
        doc_id: "fuzz".into(),
        path: name.into(),
        reference_date: chrono::NaiveDate::from_ymd_opt(2024, 6, 1),
        ..Options::default()
    };
    let extraction = extract(bytes, name, &options);
    let document = &extraction.document;
    assert_eq!(document.tasks as usize, extraction.tasks.len());
    if document.status == DocumentStatus::Ok {
        assert!(document.error.is_none());
    } else {
        assert!(extraction.tasks.is_empty());
        assert!(document.error.as_deref().is_some_and(|e| !e.is_empty()));
    }
    for task in &extraction.tasks {
        check_span(bytes, &task.span);
        for span in task
            .deadline
            .iter()
            .filter_map(|d| d.span.as_ref())
            .chain(task.targets.iter().filter_map(|t| t.span.as_ref()))
        {
            check_span(bytes, span);
        }
    }
});

fn check_span(bytes: &[u8], span: &Span) {
    assert!(span.start <= span.end, "{span:?}");
    if span.basis == SpanBasis::File {
        let slice = bytes.get(span.start..span.end);
        assert!(
            slice.is_some(),
            "span {span:?} outside {} bytes",
            bytes.len()
        );
        assert!(
            slice.is_some_and(|s| std::str::from_utf8(s).is_ok()),
            "span {span:?} not on character boundaries"
        );
    }
}
