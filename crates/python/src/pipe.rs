//! `Pipeline.pipe`: records go to worker threads as the caller's iterable
//! yields them (a few per thread in flight, so memory stays flat), and come
//! back in input order. The GIL is released while the caller waits.

use std::collections::BTreeMap;
use std::sync::{mpsc, Arc, Mutex};
use std::thread::JoinHandle;

use dossier_ingest::Record;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyIterator, PyString};

use crate::analyse::{json_record, text_record, Failure, Job};
use crate::IntoPyErr;

/// Unfinished records per worker thread, at most (as the CLI).
const IN_FLIGHT_PER_THREAD: usize = 8;

type Work = (usize, Result<Record, Failure>);
type Done = (usize, Result<String, Failure>);

/// Analyses texts or dicts on worker threads.
#[pyclass(module = "dossier._dossier")]
pub struct Pipeline {
    job: Arc<Job>,
    threads: usize,
    raise_errors: bool,
    max_bytes: usize,
}

#[pymethods]
impl Pipeline {
    #[new]
    #[pyo3(signature = (layers=None, *, threads=None, date=None, title=None, url=None, errors="record", max_bytes=50_000_000))]
    fn new(
        layers: Option<&str>,
        threads: Option<usize>,
        date: Option<String>,
        title: Option<String>,
        url: Option<String>,
        errors: &str,
        max_bytes: usize,
    ) -> PyResult<Self> {
        let raise_errors = match errors {
            "raise" => true,
            "record" => false,
            other => {
                return Err(PyValueError::new_err(format!(
                    "errors must be \"record\" or \"raise\", got {other:?}"
                )))
            }
        };
        let job = Job::new(layers, date, title, url).map_err(PyValueError::new_err)?;
        let threads = threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .max(1);
        Ok(Pipeline {
            job: Arc::new(job),
            threads,
            raise_errors,
            max_bytes: max_bytes.max(1),
        })
    }

    /// An iterator of JSON documents (str), one per item, in input order.
    fn pipe_json(&self, items: &Bound<'_, PyAny>) -> PyResult<Pipe> {
        let items = PyIterator::from_object(items)?.unbind();
        let state = PipeState {
            items,
            workers: Workers::start(&self.job, self.threads),
            next_in: 0,
            next_out: 0,
            pending: BTreeMap::new(),
            exhausted: false,
            window: self.threads * IN_FLIGHT_PER_THREAD,
            max_bytes: self.max_bytes,
        };
        Ok(Pipe {
            state: Mutex::new(state),
            raise_errors: self.raise_errors,
        })
    }

    #[getter]
    fn threads(&self) -> usize {
        self.threads
    }
}

/// The worker threads of one pipe; they stop when it is dropped.
struct Workers {
    work: Option<mpsc::Sender<Work>>,
    /// In a mutex only so that a thread without the GIL may wait on it.
    done: Mutex<mpsc::Receiver<Done>>,
    handles: Vec<JoinHandle<()>>,
}

impl Workers {
    fn start(job: &Arc<Job>, threads: usize) -> Self {
        let (work_tx, work_rx) = mpsc::channel::<Work>();
        let (done_tx, done_rx) = mpsc::channel::<Done>();
        let work_rx = Arc::new(Mutex::new(work_rx));
        let handles = (0..threads)
            .map(|i| {
                let (job, work_rx, done_tx) = (job.clone(), work_rx.clone(), done_tx.clone());
                std::thread::Builder::new()
                    .name(format!("dossier-{i}"))
                    // Large stacks, as the CLI's: HTML code may recurse on odd pages.
                    .stack_size(64 << 20)
                    .spawn(move || loop {
                        let next = work_rx.lock().unwrap_or_else(|p| p.into_inner()).recv();
                        let Ok((n, record)) = next else { return };
                        if done_tx.send((n, job.analyse(record))).is_err() {
                            return;
                        }
                    })
                    .expect("a worker thread starts")
            })
            .collect();
        Workers {
            work: Some(work_tx),
            done: Mutex::new(done_rx),
            handles,
        }
    }
}

impl Drop for Workers {
    fn drop(&mut self) {
        self.work.take(); // ends the workers' loops
        for h in self.handles.drain(..) {
            let _ = h.join();
        }
    }
}

struct PipeState {
    items: Py<PyIterator>,
    workers: Workers,
    next_in: usize,
    next_out: usize,
    /// Finished documents waiting for an earlier one.
    pending: BTreeMap<usize, Result<String, Failure>>,
    exhausted: bool,
    window: usize,
    max_bytes: usize,
}

impl PipeState {
    /// Sends items until the window is full or the iterable is exhausted.
    fn fill(&mut self, py: Python<'_>) -> PyResult<()> {
        while !self.exhausted && self.next_in - self.next_out < self.window {
            let Some(item) = self.items.bind(py).clone().next() else {
                self.exhausted = true;
                break;
            };
            let record = to_record(py, &item?, self.next_in + 1, self.max_bytes)?;
            let work = self
                .workers
                .work
                .as_ref()
                .expect("workers run while the pipe lives");
            work.send((self.next_in, record))
                .map_err(|_| PyRuntimeError::new_err("dossier's worker threads stopped"))?;
            self.next_in += 1;
        }
        Ok(())
    }

    /// The next document in input order, waiting without the GIL.
    fn next(&mut self, py: Python<'_>) -> PyResult<Option<Result<String, Failure>>> {
        loop {
            if let Some(done) = self.pending.remove(&self.next_out) {
                self.next_out += 1;
                return Ok(Some(done));
            }
            self.fill(py)?;
            if self.exhausted && self.next_in == self.next_out {
                return Ok(None);
            }
            let done = &self.workers.done;
            let (n, result) = py
                .detach(|| done.lock().unwrap_or_else(|p| p.into_inner()).recv())
                .map_err(|_| PyRuntimeError::new_err("dossier's worker threads stopped"))?;
            self.pending.insert(n, result);
        }
    }
}

/// A str is a plain text; a dict is read as a JSON Lines object.
fn to_record(
    py: Python<'_>,
    item: &Bound<'_, PyAny>,
    n: usize,
    max_bytes: usize,
) -> PyResult<Result<Record, Failure>> {
    if let Ok(text) = item.downcast::<PyString>() {
        return Ok(text_record(text.to_string(), "pipe", Some(n.to_string())));
    }
    if item.downcast::<PyDict>().is_ok() {
        let line: String = py
            .import("json")?
            .call_method1("dumps", (item,))?
            .extract()?;
        return Ok(json_record(line, "pipe", n, max_bytes));
    }
    Err(PyTypeError::new_err(format!(
        "item {n}: expected a str or a dict with \"text\" or \"html\", got {}",
        item.get_type().name()?
    )))
}

/// What `Pipeline.pipe_json` returns: an iterator of JSON documents.
#[pyclass(module = "dossier._dossier")]
pub struct Pipe {
    state: Mutex<PipeState>,
    raise_errors: bool,
}

#[pymethods]
impl Pipe {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<String>> {
        // Waiting on a lock held by a thread that released the GIL would deadlock.
        let mut state = self
            .state
            .try_lock()
            .map_err(|_| PyRuntimeError::new_err("this pipe is being read by another thread"))?;
        match state.next(py)? {
            None => Ok(None),
            Some(Ok(json)) => Ok(Some(json)),
            Some(Err(failure)) if self.raise_errors => Err(failure.into_py_err(py)),
            Some(Err(failure)) => Ok(Some(failure.json())),
        }
    }
}
