//! dossier for Python: `extract` one text, a `Pipeline` that analyses an
//! iterable on worker threads (in input order, without the GIL), and the
//! `Store` as JSON rows and Arrow record batches. The Python layer
//! (`python/dossier/__init__.py`) turns the JSON into dicts.

mod analyse;
mod pipe;
mod store;

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use analyse::{Failure, Job};

create_exception!(
    _dossier,
    DossierError,
    PyValueError,
    "A bad input or store error; `.code` is its code in ERRORS.md (e.g. \"E103\")."
);

/// A failure as Python's typed exception.
trait IntoPyErr {
    fn into_py_err(self, py: Python<'_>) -> PyErr;
}

impl IntoPyErr for Failure {
    /// The typed exception, with `code`, `input` and `record` attributes.
    fn into_py_err(self, py: Python<'_>) -> PyErr {
        let err = DossierError::new_err(self.line());
        let value = err.value(py);
        let set = || -> PyResult<()> {
            value.setattr("code", &self.code)?;
            value.setattr("input", &self.input)?;
            value.setattr("record", &self.record)
        };
        set().map(|_| err).unwrap_or_else(|e| e)
    }
}

/// Analyses one text; returns its JSON document (the same as `dossier extract`).
#[pyfunction]
#[pyo3(signature = (text, *, date=None, title=None, url=None, layers=None))]
fn extract_json(
    py: Python<'_>,
    text: String,
    date: Option<String>,
    title: Option<String>,
    url: Option<String>,
    layers: Option<&str>,
) -> PyResult<String> {
    let job = Job::new(layers, date, title, url).map_err(PyValueError::new_err)?;
    let record = analyse::text_record(text, "text", None);
    py.detach(|| job.analyse(record))
        .map_err(|f| f.into_py_err(py))
}

#[pymodule]
fn _dossier(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("DossierError", m.py().get_type::<DossierError>())?;
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_class::<pipe::Pipeline>()?;
    m.add_class::<pipe::Pipe>()?;
    m.add_class::<store::Store>()?;
    Ok(())
}
