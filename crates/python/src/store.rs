//! `dossier.Store`: the store's queries, as JSON rows (the Python layer
//! makes them dicts) or as Arrow record batches. Queries run without the GIL.

use std::path::PathBuf;
use std::sync::Mutex;

use arrow_pyarrow::ToPyArrow;
use dossier_store::arrow::record_batch;
use dossier_store::checks;
use dossier_store::tables::{answers, Column, ENTITIES};
use dossier_store::{Filter, StoreError};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use serde_json::Value;

use crate::analyse::Failure;
use crate::IntoPyErr;

/// A dossier database, opened read-only.
#[pyclass(module = "dossier._dossier")]
pub struct Store {
    inner: Mutex<dossier_store::Store>,
    path: String,
}

/// Rows, or the store's error with its code (the message starts with it).
fn failed(path: &str, e: StoreError) -> Failure {
    let message = e.to_string();
    let (code, rest) = message.split_once(' ').unwrap_or(("E205", &message));
    Failure {
        code: code.to_string(),
        message: rest.to_string(),
        input: path.to_string(),
        record: None,
    }
}

impl Store {
    /// Runs `query` on the store without the GIL.
    fn run<T: Send>(
        &self,
        py: Python<'_>,
        query: impl FnOnce(&dossier_store::Store) -> Result<T, StoreError> + Send,
    ) -> PyResult<T> {
        let result = py.detach(|| {
            let store = self.inner.lock().unwrap_or_else(|p| p.into_inner());
            query(&store)
        });
        result.map_err(|e| failed(&self.path, e).into_py_err(py))
    }

    fn json(
        &self,
        py: Python<'_>,
        query: impl FnOnce(&dossier_store::Store) -> Result<Vec<Value>, StoreError> + Send,
    ) -> PyResult<String> {
        let rows = self.run(py, query)?;
        Ok(Value::Array(rows).to_string())
    }

    fn arrow<'py>(
        &self,
        py: Python<'py>,
        columns: &[Column],
        query: impl FnOnce(&dossier_store::Store) -> Result<Vec<Value>, StoreError> + Send,
    ) -> PyResult<Bound<'py, PyAny>> {
        let rows = self.run(py, query)?;
        let batch =
            record_batch(columns, &rows).map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
        batch.to_pyarrow(py)
    }
}

fn filter(
    by: Option<String>,
    about: Option<String>,
    since: Option<String>,
    until: Option<String>,
    limit: Option<usize>,
) -> Filter {
    Filter {
        by,
        about,
        since,
        until,
        limit,
        ..Filter::default()
    }
}

/// A ValueError naming the argument that was given a bad value.
fn invalid(argument: &str, message: String) -> PyErr {
    PyValueError::new_err(format!("{argument}: {message}"))
}

/// What `Store.events` and `events_arrow` filter on: the package passes its
/// keyword arguments as one dict, so a new filter is one field, not a new
/// positional parameter in four places.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
struct EventQuery {
    #[pyo3(item("type"))]
    event_type: Option<String>,
    status: Option<String>,
    source: Option<String>,
    target: Option<String>,
    since: Option<String>,
    until: Option<String>,
    limit: usize,
    min_confidence: Option<f64>,
}

impl EventQuery {
    /// The store's filter, with the type, status and confidence checked as the CLI checks them.
    fn filter(self) -> PyResult<Filter> {
        let event_type = self
            .event_type
            .as_deref()
            .map(checks::event_type)
            .transpose();
        let status = self.status.as_deref().map(checks::event_status).transpose();
        let min_confidence = self
            .min_confidence
            .map(checks::confidence_value)
            .transpose();
        Ok(Filter {
            event_type: event_type.map_err(|m| invalid("type", m))?,
            status: status.map_err(|m| invalid("status", m))?,
            min_confidence: min_confidence.map_err(|m| invalid("min_confidence", m))?,
            source: self.source,
            target: self.target,
            since: self.since,
            until: self.until,
            limit: Some(self.limit),
            ..Filter::default()
        })
    }
}

#[pymethods]
impl Store {
    #[new]
    fn new(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let name = path.display().to_string();
        if !path.exists() {
            let message = format!("cannot open the database {name}: no such file");
            return Err(Failure {
                code: "E201".into(),
                message,
                input: name,
                record: None,
            }
            .into_py_err(py));
        }
        let store = dossier_store::Store::open_read_only(&path)
            .map_err(|e| failed(&name, e).into_py_err(py))?;
        Ok(Store {
            inner: Mutex::new(store),
            path: name,
        })
    }

    #[getter]
    fn path(&self) -> &str {
        &self.path
    }

    #[pyo3(signature = (query, limit=20))]
    fn search_json(&self, py: Python<'_>, query: String, limit: usize) -> PyResult<String> {
        self.json(py, |s| s.search(&query, limit))
    }

    #[pyo3(signature = (query, limit=20))]
    fn search_arrow<'py>(
        &self,
        py: Python<'py>,
        query: String,
        limit: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.arrow(py, answers::SEARCH, |s| s.search(&query, limit))
    }

    fn entity_json(&self, py: Python<'_>, name: String) -> PyResult<String> {
        let profile = self.run(py, |s| s.entity(&name))?;
        Ok(profile.unwrap_or(Value::Null).to_string())
    }

    #[pyo3(signature = (r#type=None, limit=1000))]
    fn entities_json(
        &self,
        py: Python<'_>,
        r#type: Option<String>,
        limit: usize,
    ) -> PyResult<String> {
        self.json(py, |s| s.entities(r#type.as_deref(), limit))
    }

    #[pyo3(signature = (r#type=None, limit=1000))]
    fn entities_arrow<'py>(
        &self,
        py: Python<'py>,
        r#type: Option<String>,
        limit: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.arrow(py, ENTITIES.columns, |s| {
            s.entities(r#type.as_deref(), limit)
        })
    }

    #[pyo3(signature = (by=None, about=None, since=None, until=None, limit=200))]
    fn quotes_json(
        &self,
        py: Python<'_>,
        by: Option<String>,
        about: Option<String>,
        since: Option<String>,
        until: Option<String>,
        limit: usize,
    ) -> PyResult<String> {
        self.json(py, |s| {
            s.quotes(&filter(by, about, since, until, Some(limit)))
        })
    }

    #[pyo3(signature = (by=None, about=None, since=None, until=None, limit=200))]
    fn quotes_arrow<'py>(
        &self,
        py: Python<'py>,
        by: Option<String>,
        about: Option<String>,
        since: Option<String>,
        until: Option<String>,
        limit: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.arrow(py, answers::QUOTES, |s| {
            s.quotes(&filter(by, about, since, until, Some(limit)))
        })
    }

    fn events_json(&self, py: Python<'_>, query: EventQuery) -> PyResult<String> {
        let filter = query.filter()?;
        self.json(py, |s| s.events(&filter))
    }

    fn events_arrow<'py>(&self, py: Python<'py>, query: EventQuery) -> PyResult<Bound<'py, PyAny>> {
        let filter = query.filter()?;
        self.arrow(py, answers::EVENTS, |s| s.events(&filter))
    }

    #[pyo3(signature = (donor=None, recipient=None))]
    fn commitments_json(
        &self,
        py: Python<'_>,
        donor: Option<String>,
        recipient: Option<String>,
    ) -> PyResult<String> {
        self.json(py, |s| {
            s.commitments(donor.as_deref(), recipient.as_deref())
        })
    }

    #[pyo3(signature = (donor=None, recipient=None))]
    fn commitments_arrow<'py>(
        &self,
        py: Python<'py>,
        donor: Option<String>,
        recipient: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.arrow(py, answers::COMMITMENTS, |s| {
            s.commitments(donor.as_deref(), recipient.as_deref())
        })
    }

    fn conflicts_json(&self, py: Python<'_>) -> PyResult<String> {
        self.json(py, |s| s.conflicts())
    }

    fn conflicts_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.arrow(py, answers::CONFLICTS, |s| s.conflicts())
    }

    fn stories_json(&self, py: Python<'_>) -> PyResult<String> {
        self.json(py, |s| s.stories())
    }

    fn stories_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.arrow(py, dossier_store::tables::STORIES.columns, |s| s.stories())
    }
}
