//! Conversions between the extractor's Rust values and Python objects.

use chrono::NaiveDate;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;
use vntask_extractor::Extraction;
use vntask_writer::DocumentStatus;

/// An extraction as JSON text: built with the GIL released, turned into objects after.
pub struct Serialized {
    /// A JSON array of the task records.
    pub tasks: String,
    /// The document record as a JSON object.
    pub document: String,
    /// `doc.path` of the document, for messages.
    pub path: String,
    /// `(status, reason)` when the status is not `ok`.
    pub failure: Option<(&'static str, String)>,
}

impl Serialized {
    pub fn new(extraction: &Extraction) -> serde_json::Result<Self> {
        let record = &extraction.document;
        let status = match record.status {
            DocumentStatus::Ok => None,
            DocumentStatus::Error => Some("error"),
            DocumentStatus::Skipped => Some("skipped"),
        };
        Ok(Serialized {
            tasks: serde_json::to_string(&extraction.tasks)?,
            document: serde_json::to_string(record)?,
            path: record.path.clone(),
            failure: status.map(|s| (s, record.error.clone().unwrap_or_default())),
        })
    }
}

/// `(list of task dicts, document dict)`, parsed by Python's `json` so that every value is
/// the one a CLI feed line holds (key order included).
pub fn records_to_python<'py>(
    py: Python<'py>,
    serialized: &Serialized,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    let loads = py.import("json")?.getattr("loads")?;
    let tasks = loads.call1((PyString::new(py, &serialized.tasks),))?;
    let document = loads.call1((PyString::new(py, &serialized.document),))?;
    Ok((tasks, document))
}

/// Reads `reference_date`: `None`, a `YYYY-MM-DD` string, or a `datetime.date` (anything
/// with `isoformat()`; a `datetime` gives its date).
pub fn reference_date(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<NaiveDate>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    let text: String = if let Ok(text) = value.extract::<String>() {
        text
    } else if value.hasattr("isoformat")? {
        let iso: String = value.call_method0("isoformat")?.extract()?;
        iso.split('T').next().unwrap_or_default().to_string()
    } else {
        return Err(PyTypeError::new_err(
            "reference_date must be None, a 'YYYY-MM-DD' string or a datetime.date",
        ));
    };
    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .map(Some)
        .map_err(|e| {
            PyValueError::new_err(format!("reference_date {text:?}: expected YYYY-MM-DD: {e}"))
        })
}
