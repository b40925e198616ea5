//! Many items in parallel, the interpreter released while Rust works, results in input order.
//!
//! The work of each item runs on rayon threads without the GIL (so Python threads, and the
//! other items, run meanwhile). Only the last step, building Python objects, needs the
//! interpreter: the calling thread does it as results arrive, overlapping it with the work
//! still running, so on N cores a batch costs about (work + conversion) / N rather than
//! work / N + conversion.
//!
//! Each item's work runs under `catch_unwind`: a panic becomes that item's error, never a
//! crash of the interpreter nor a failure of the batch.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, LazyLock, Mutex};

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use rayon::prelude::*;
use rayon::ThreadPool;

/// Thread pools by size, made on first use and kept: `threads=N` calls reuse them.
static POOLS: LazyLock<Mutex<HashMap<usize, Arc<ThreadPool>>>> = LazyLock::new(Default::default);

/// The pool for `threads` (`None`: rayon's global pool, one thread per core).
fn pool(threads: Option<usize>) -> PyResult<Option<Arc<ThreadPool>>> {
    let Some(n) = threads else { return Ok(None) };
    let mut pools = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(p) = pools.get(&n) {
        return Ok(Some(p.clone()));
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("nutgraf-{i}"))
        .build()
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start {n} worker threads: {e}")))?;
    let p = Arc::new(p);
    pools.insert(n, p.clone());
    Ok(Some(p))
}

/// Python's cyclic garbage collector paused for a scope (and restored as it was on drop).
pub struct GcPause<'py> {
    gc: Option<Bound<'py, PyModule>>,
}

impl<'py> GcPause<'py> {
    /// Pauses the collector if it is running.
    pub fn new(py: Python<'py>) -> PyResult<GcPause<'py>> {
        let gc = py.import("gc")?;
        if gc.call_method0("isenabled")?.extract::<bool>()? {
            gc.call_method0("disable")?;
            return Ok(GcPause { gc: Some(gc) });
        }
        Ok(GcPause { gc: None })
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.gc {
            let _ = gc.call_method0("enable");
        }
    }
}

/// The message of a caught panic.
pub fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_string());
    format!("internal error in nutgraf ({what}): please report it with the input that caused it")
}

/// Runs `work` on one item without the GIL, a panic becoming `Err(message)`.
pub fn guarded<T: Send, W: FnOnce() -> T + Send>(py: Python<'_>, work: W) -> Result<T, String> {
    py.detach(|| catch_unwind(AssertUnwindSafe(work)).map_err(panic_message))
}

/// Runs `work` on every job `(index, input)` on `threads` threads (`None`: all cores) and hands
/// each result to `take` on the calling thread, with the interpreter held, in completion order.
/// `take` is called exactly once per job unless it fails; its first error ends the batch.
pub fn run<'py, 'a, I, T, W, C>(
    py: Python<'py>,
    jobs: &'a [(usize, I)],
    threads: Option<usize>,
    work: W,
    mut take: C,
) -> PyResult<()>
where
    I: Sync,
    T: Send,
    W: Fn(usize, &'a I) -> T + Sync,
    C: FnMut(usize, Result<T, String>) -> PyResult<()>,
{
    if jobs.len() <= 1 || threads == Some(1) {
        // One thread: all the work in one stretch without the GIL (each release and
        // reacquisition can wait for a busy Python thread's switch interval), then conversion.
        let done: Vec<Result<T, String>> = py.detach(|| {
            jobs.iter()
                .map(|(i, input)| catch_unwind(AssertUnwindSafe(|| work(*i, input))).map_err(panic_message))
                .collect()
        });
        for ((i, _), r) in jobs.iter().zip(done) {
            take(*i, r)?;
        }
        return Ok(());
    }
    let pool = pool(threads)?;
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<(usize, Result<T, String>)>();
    let rx = Mutex::new(rx);
    let all = |tx: mpsc::Sender<(usize, Result<T, String>)>| {
        jobs.par_iter().for_each_with(tx, |tx, (i, input)| {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            let r = catch_unwind(AssertUnwindSafe(|| work(*i, input))).map_err(panic_message);
            let _ = tx.send((*i, r));
        })
    };
    let mut receive = |py: Python<'py>| -> PyResult<()> {
        let mut left = jobs.len();
        while left > 0 {
            // Wait without the GIL, then take everything that has arrived while holding it.
            let first = py.detach(|| rx.lock().unwrap_or_else(|e| e.into_inner()).recv());
            let Ok(first) = first else { break };
            let mut next = Some(first);
            while let Some((i, r)) = next.take() {
                left -= 1;
                if let Err(e) = take(i, r) {
                    stop.store(true, Ordering::Relaxed);
                    return Err(e);
                }
                next = rx.lock().unwrap_or_else(|e| e.into_inner()).try_recv().ok();
            }
        }
        if left > 0 {
            return Err(PyRuntimeError::new_err("internal error in nutgraf: a worker thread stopped early"));
        }
        Ok(())
    };
    match pool {
        Some(p) => p.in_place_scope(|s| {
            s.spawn(|_| all(tx));
            receive(py)
        }),
        None => rayon::in_place_scope(|s| {
            s.spawn(|_| all(tx));
            receive(py)
        }),
    }
}
