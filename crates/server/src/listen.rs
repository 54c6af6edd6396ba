//! The accept loop: a bounded number of connections, each with a deadline
//! for its request headers and a lifetime cap, and idle connections shed
//! when the limit (or the process's file descriptors) runs out, so a flood
//! of idle clients can neither crash the server nor lock others out.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, OwnedSemaphorePermit, Semaphore};
use tower::ServiceExt;

/// What one client may hold, and for how long.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Open connections at most (lowered to fit the file-descriptor limit).
    pub max_connections: usize,
    /// A client must send a request's headers within this time, and the
    /// next request on a kept-alive connection too.
    pub header_timeout: Duration,
    /// A request body must arrive within this time.
    pub body_timeout: Duration,
    /// A connection is closed after this long, whatever it is doing.
    pub connection_lifetime: Duration,
    /// Bytes of answers the response cache keeps at most.
    pub cache_bytes: usize,
    /// Rows one query or export page returns at most.
    pub max_rows: usize,
    /// Reads that run at once; more wait their turn.
    pub concurrent_reads: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 512,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            connection_lifetime: Duration::from_secs(600),
            cache_bytes: 64 << 20,
            max_rows: 5000,
            concurrent_reads: 8,
        }
    }
}

/// How long a new connection has to send its request before it counts as
/// idle: a real client sends it right after connecting.
const SHED_GRACE: Duration = Duration::from_millis(100);

/// File descriptors kept free for the database and the process itself.
const RESERVED_FDS: usize = 64;

/// The connection limit that fits under the process's file-descriptor limit.
pub fn fitted_connections(wanted: usize) -> usize {
    match open_files_limit() {
        Some(n) => wanted.min(n.saturating_sub(RESERVED_FDS).max(8)),
        None => wanted,
    }
}

fn open_files_limit() -> Option<usize> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes into the struct we own.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } == 0;
    (ok && limit.rlim_cur != libc::RLIM_INFINITY)
        .then(|| usize::try_from(limit.rlim_cur).unwrap_or(usize::MAX))
}

/// Accepts connections until the process stops.
pub async fn accept_loop(listener: TcpListener, app: Router, limits: Limits) {
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    // Each bump asks every connection without a request in flight to close.
    let (shed, _) = watch::channel(0u64);
    loop {
        let permit = loop {
            if let Ok(p) = slots.clone().try_acquire_owned() {
                break p;
            }
            // Full: ask idle connections to close, and ask again while
            // they are all too young to be shed.
            shed.send_modify(|g| *g += 1);
            if let Ok(Ok(p)) = tokio::time::timeout(SHED_GRACE, slots.clone().acquire_owned()).await
            {
                break p;
            }
        };
        match listener.accept().await {
            Ok((stream, _)) => {
                let connection = Connection {
                    app: app.clone(),
                    limits: limits.clone(),
                    shed: shed.subscribe(),
                    _permit: permit,
                };
                tokio::spawn(connection.serve(stream));
            }
            Err(_) => {
                // Out of file descriptors (or a client gone before accept):
                // free idle connections and try again shortly, never exit.
                drop(permit);
                shed.send_modify(|g| *g += 1);
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
    }
}

struct Connection {
    app: Router,
    limits: Limits,
    shed: watch::Receiver<u64>,
    _permit: OwnedSemaphorePermit,
}

impl Connection {
    async fn serve(mut self, stream: TcpStream) {
        let opened = tokio::time::Instant::now();
        let busy = Arc::new(AtomicUsize::new(0));
        let service = {
            let (app, busy) = (self.app.clone(), busy.clone());
            hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
                let (app, guard) = (app.clone(), Busy::new(&busy));
                async move {
                    let response = app.oneshot(request.map(Body::new)).await;
                    drop(guard);
                    response
                }
            })
        };
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(self.limits.header_timeout);
        let connection = builder.serve_connection(TokioIo::new(stream), service);
        tokio::pin!(connection);
        let deadline = tokio::time::sleep(self.limits.connection_lifetime);
        tokio::pin!(deadline);
        loop {
            tokio::select! {
                _ = connection.as_mut() => return,
                _ = &mut deadline => return,
                changed = self.shed.changed() => {
                    let idle = busy.load(Ordering::SeqCst) == 0 && opened.elapsed() >= SHED_GRACE;
                    if changed.is_err() || idle {
                        return;
                    }
                }
            }
        }
    }
}

/// Counts a request in flight on its connection while alive.
struct Busy(Arc<AtomicUsize>);

impl Busy {
    fn new(count: &Arc<AtomicUsize>) -> Self {
        count.fetch_add(1, Ordering::SeqCst);
        Busy(count.clone())
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}
