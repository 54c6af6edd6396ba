//! One runner for everything that analyses many items (`extract`,
//! `ingest`, `annotate`, the server's ingest): items go to worker threads,
//! results come back in input order, and a panic costs only its own item.

use std::any::Any;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{mpsc, Mutex};

/// Work done item by item.
pub trait Task: Sync {
    type Item: Send;
    type Output: Send;
    /// What names an item in an error, taken before the item is handed over.
    type Label;

    fn label(&self, item: &Self::Item) -> Self::Label;

    fn run(&self, item: Self::Item) -> Self::Output;

    /// The output of an item whose `run` panicked; called on the thread
    /// that ran it, so per-thread state can be reset here.
    fn panicked(&self, label: Self::Label, panic: &(dyn Any + Send)) -> Self::Output;
}

/// Why a run stopped before its sink did.
#[derive(Debug)]
pub enum RunError {
    /// A worker thread could not be started.
    Spawn(std::io::Error),
    /// A worker thread stopped without an answer (it cannot panic: its
    /// task's panics are caught).
    WorkerStopped,
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Spawn(e) => write!(f, "E901 cannot start a worker thread: {e}"),
            RunError::WorkerStopped => write!(f, "E902 a worker thread stopped"),
        }
    }
}

impl std::error::Error for RunError {}

/// Unfinished items per worker thread, at most: the bound on memory
/// whatever the input's size.
pub const IN_FLIGHT_PER_THREAD: usize = 8;

#[derive(Clone, Copy, Debug)]
pub struct Runner {
    pub threads: usize,
}

impl Runner {
    /// `threads` workers, or one per core.
    pub fn new(threads: Option<usize>) -> Self {
        let threads = threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .max(1);
        Runner { threads }
    }

    /// Runs `task` over every item and hands each output to `sink` in input
    /// order. With one thread, everything runs on the caller's thread.
    /// Stops at the first error of `sink`.
    pub fn run<T: Task, E: From<RunError>>(
        &self,
        task: &T,
        items: impl Iterator<Item = T::Item>,
        mut sink: impl FnMut(T::Output) -> Result<(), E>,
    ) -> Result<(), E> {
        if self.threads == 1 {
            for item in items {
                sink(isolated(task, item))?;
            }
            return Ok(());
        }
        let (work_tx, work_rx) = mpsc::channel::<(usize, T::Item)>();
        let (done_tx, done_rx) = mpsc::channel::<(usize, T::Output)>();
        let work_rx = Mutex::new(work_rx);
        std::thread::scope(|scope| {
            for _ in 0..self.threads {
                let (work_rx, done_tx) = (&work_rx, done_tx.clone());
                std::thread::Builder::new()
                    // Large stacks: third-party HTML code may recurse on odd pages.
                    .stack_size(64 << 20)
                    .spawn_scoped(scope, move || loop {
                        let next = work_rx.lock().unwrap_or_else(|p| p.into_inner()).recv();
                        let Ok((seq, item)) = next else { return };
                        if done_tx.send((seq, isolated(task, item))).is_err() {
                            return;
                        }
                    })
                    .map_err(RunError::Spawn)?;
            }
            drop(done_tx);
            let window = self.threads * IN_FLIGHT_PER_THREAD;
            let result = reorder(items, window, &work_tx, &done_rx, &mut sink);
            drop(work_tx);
            result
        })
    }
}

/// Hands out items while fewer than `window` are unfinished, and puts the
/// finished ones back in input order.
fn reorder<I, O, E: From<RunError>>(
    mut items: impl Iterator<Item = I>,
    window: usize,
    work: &mpsc::Sender<(usize, I)>,
    done: &mpsc::Receiver<(usize, O)>,
    sink: &mut impl FnMut(O) -> Result<(), E>,
) -> Result<(), E> {
    let (mut sent, mut next_out) = (0usize, 0usize);
    let mut finished: BTreeMap<usize, O> = BTreeMap::new();
    let mut input_done = false;
    loop {
        while !input_done && sent - next_out < window {
            match items.next() {
                Some(item) => {
                    work.send((sent, item))
                        .map_err(|_| RunError::WorkerStopped)?;
                    sent += 1;
                }
                None => input_done = true,
            }
        }
        if next_out == sent {
            return Ok(());
        }
        let (seq, output) = done.recv().map_err(|_| RunError::WorkerStopped)?;
        finished.insert(seq, output);
        while let Some(output) = finished.remove(&next_out) {
            sink(output)?;
            next_out += 1;
        }
    }
}

/// The task's output for one item, or its `panicked` output.
fn isolated<T: Task>(task: &T, item: T::Item) -> T::Output {
    let label = task.label(&item);
    catch_unwind(AssertUnwindSafe(|| task.run(item)))
        .unwrap_or_else(|panic| task.panicked(label, &*panic))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Squares numbers, and panics on 13.
    struct Squares;

    impl Task for Squares {
        type Item = u64;
        type Output = Result<u64, String>;
        type Label = u64;

        fn label(&self, item: &u64) -> u64 {
            *item
        }

        fn run(&self, item: u64) -> Self::Output {
            assert_ne!(item, 13, "unlucky");
            // Later items finish first now and then.
            std::thread::sleep(std::time::Duration::from_micros((item * 7919) % 300));
            Ok(item * item)
        }

        fn panicked(&self, label: u64, panic: &(dyn Any + Send)) -> Self::Output {
            let message = panic.downcast_ref::<String>().cloned().unwrap_or_default();
            Err(format!("{label}: {message}"))
        }
    }

    #[test]
    fn outputs_come_in_input_order_and_a_panic_costs_only_its_item() {
        for threads in [1, 3] {
            let mut out = Vec::new();
            Runner::new(Some(threads))
                .run(&Squares, 0..100, |o| {
                    out.push(o);
                    Ok::<_, RunError>(())
                })
                .unwrap();
            assert_eq!(out.len(), 100);
            for (i, o) in out.iter().enumerate() {
                match o {
                    Ok(square) => assert_eq!(*square, (i * i) as u64),
                    Err(e) => assert!(i == 13 && e.contains("unlucky"), "{e}"),
                }
            }
        }
    }

    #[derive(Debug, PartialEq)]
    struct Enough;

    impl From<RunError> for Enough {
        fn from(e: RunError) -> Self {
            panic!("{e}")
        }
    }

    #[test]
    fn a_sink_error_stops_the_run() {
        let mut seen = 0;
        let result = Runner::new(Some(2)).run(&Squares, 0..1_000, |_| {
            seen += 1;
            if seen == 5 {
                Err(Enough)
            } else {
                Ok(())
            }
        });
        assert_eq!(result, Err(Enough));
        assert_eq!(seen, 5);
    }
}
