//! `vntask` for Python: the same extraction as the CLI, as functions that return the CLI's
//! records as dicts.
//!
//! Every function goes through [`vntask_extractor::extract`], the one entry point the CLI uses,
//! and turns its records into Python objects by parsing serde_json's output with Python's
//! `json` module: the dicts are, key for key and value for value, the lines of a CLI feed.
//! The GIL is released while a document is read and extracted, so threads extract in parallel.

mod convert;

use convert::{records_to_python, reference_date, Serialized};
use pyo3::prelude::*;
use std::path::{Path, PathBuf};
use vntask_extractor::Options;

pyo3::create_exception!(
    vntask,
    ExtractError,
    pyo3::exceptions::PyException,
    "A document could not be extracted: its status is `error` or `skipped`. Attributes: `status`, `reason`, `document` (the document record)."
);

/// Extracts the tasks of a plain-text document.
///
/// The text is read as `<doc_id>.txt`; `doc.id` and `doc.path` are `doc_id`, exactly as
/// `vntask extract --stdin-jsonl` does for `{"id": doc_id, "text": text}`.
#[pyfunction]
#[pyo3(signature = (text, *, doc_id = "text", reference_date = None))]
fn extract(
    py: Python<'_>,
    text: &str,
    doc_id: &str,
    reference_date: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let options = Options {
        doc_id: doc_id.to_string(),
        path: doc_id.to_string(),
        reference_date: self::reference_date(reference_date)?,
        gazetteer: None,
    };
    let name = format!("{doc_id}.txt");
    let serialized = py.detach(|| run(text.as_bytes(), &name, &options))?;
    tasks_or_raise(py, serialized)
}

/// Extracts the tasks of a document given as bytes in any supported format (txt, md, html,
/// docx, pdf, legacy Vietnamese encodings); `name` is its file name, used for the extension.
#[pyfunction]
#[pyo3(signature = (data, name, *, doc_id = None, path = None, reference_date = None))]
fn extract_bytes(
    py: Python<'_>,
    data: &[u8],
    name: &str,
    doc_id: Option<String>,
    path: Option<String>,
    reference_date: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let options = options_for(name, doc_id, path, reference_date)?;
    let serialized = py.detach(|| run(data, file_name(name), &options))?;
    tasks_or_raise(py, serialized)
}

/// Reads and extracts one file. `doc.id` defaults to the file's stem and `doc.path` to the
/// path as given, as `vntask extract FILE` does.
#[pyfunction]
#[pyo3(signature = (path, *, doc_id = None, reference_date = None))]
fn extract_file(
    py: Python<'_>,
    path: PathBuf,
    doc_id: Option<String>,
    reference_date: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let shown = path.display().to_string();
    let options = options_for(&shown, doc_id, Some(shown.clone()), reference_date)?;
    let name = file_name(&shown).to_string();
    let serialized = py.detach(|| -> PyResult<Serialized> {
        let bytes = std::fs::read(&path).map_err(|e| os_error(&e, &shown))?;
        run(&bytes, &name, &options)
    })?;
    tasks_or_raise(py, serialized)
}

/// Extracts a document and returns `(tasks, document_record)`. Never raises `ExtractError`:
/// a document that cannot be read gives no tasks and a record whose `status` is `error` or
/// `skipped` with the reason in `error` (what a batch job wants: one bad file is a row, not
/// a failed job).
#[pyfunction]
#[pyo3(signature = (data, name, *, doc_id = None, path = None, reference_date = None))]
fn extract_document(
    py: Python<'_>,
    data: &[u8],
    name: &str,
    doc_id: Option<String>,
    path: Option<String>,
    reference_date: Option<&Bound<'_, PyAny>>,
) -> PyResult<(Py<PyAny>, Py<PyAny>)> {
    let options = options_for(name, doc_id, path, reference_date)?;
    let serialized = py.detach(|| run(data, file_name(name), &options))?;
    let (tasks, document) = records_to_python(py, &serialized)?;
    Ok((tasks.unbind(), document.unbind()))
}

/// The version of the extractor (the `vntask_version` of document records).
#[pyfunction]
fn version() -> &'static str {
    vntask_extractor::VERSION
}

/// Extracts and serialises, without touching Python objects (runs with the GIL released).
fn run(bytes: &[u8], name: &str, options: &Options) -> PyResult<Serialized> {
    let extraction = vntask_extractor::extract(bytes, name, options);
    Serialized::new(&extraction).map_err(|e| ExtractError::new_err(format!("{name}: {e}")))
}

/// The task list, or `ExtractError` when the document's status is not `ok`.
fn tasks_or_raise(py: Python<'_>, serialized: Serialized) -> PyResult<Py<PyAny>> {
    let (tasks, document) = records_to_python(py, &serialized)?;
    match &serialized.failure {
        None => Ok(tasks.unbind()),
        Some((status, reason)) => {
            let error = ExtractError::new_err(format!("{}: {status}: {reason}", serialized.path));
            let value = error.value(py);
            value.setattr("status", status)?;
            value.setattr("reason", reason)?;
            value.setattr("document", document)?;
            Err(error)
        }
    }
}

/// An `OSError` as Python raises it (`OSError(errno, strerror, filename)` becomes
/// `FileNotFoundError`, `PermissionError`, ... from the errno).
fn os_error(error: &std::io::Error, path: &str) -> PyErr {
    let errno = error.raw_os_error().unwrap_or(0);
    let message = error.to_string();
    // Rust appends " (os error N)"; Python prints the errno itself.
    let message = match message.rsplit_once(" (os error ") {
        Some((head, _)) => head.to_string(),
        None => message,
    };
    pyo3::exceptions::PyOSError::new_err((errno, message, path.to_string()))
}

/// Options for a named input: `doc.id` defaults to the name's stem, `doc.path` to the name.
fn options_for(
    name: &str,
    doc_id: Option<String>,
    path: Option<String>,
    reference_date: Option<&Bound<'_, PyAny>>,
) -> PyResult<Options> {
    let stem = Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Options {
        doc_id: doc_id.unwrap_or(stem),
        path: path.unwrap_or_else(|| name.to_string()),
        reference_date: self::reference_date(reference_date)?,
        gazetteer: None,
    })
}

/// The last component of a path-like name (what ingest reads the extension from).
fn file_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// Extract assigned tasks from Vietnamese government documents.
#[pymodule]
fn vntask(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(extract_file, m)?)?;
    m.add_function(wrap_pyfunction!(extract_document, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add("ExtractError", m.py().get_type::<ExtractError>())?;
    m.add("__version__", vntask_extractor::VERSION)?;
    Ok(())
}
