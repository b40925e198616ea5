//! The connection loop: accepting, per-connection limits and graceful shutdown.
//!
//! Why not `axum::serve`: it has no deadline for request heads and no connection cap, so a few
//! thousand clients that connect and send nothing (or drip a header a byte a minute) would hold
//! their sockets for ever. This loop drives hyper directly:
//!
//! * at most [`Config::max_connections`](crate::Config::max_connections) connections; past that, new ones are closed at once;
//! * a connection gets [`Config::header_timeout`](crate::Config::header_timeout) to deliver each request head, which also ends
//!   idle keep-alive connections;
//! * accept errors (such as running out of file descriptors) are logged and waited out, never
//!   fatal;
//! * on shutdown the listener closes at once, idle connections are closed, requests in flight
//!   finish (up to [`Config::shutdown_grace`](crate::Config::shutdown_grace)), then the function returns.

use std::future::Future;
use std::io::IsTerminal;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use crate::{app, AppState};

/// Serves `state`'s app on `listener` until `shutdown` completes, then drains.
pub async fn serve(listener: TcpListener, state: AppState, shutdown: impl Future<Output = ()>) -> std::io::Result<()> {
    let config = state.config().clone();
    let service = TowerToHyperService::new(app(state));
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(config.header_timeout).keep_alive(true);
    let graceful = GracefulShutdown::new();
    let connections = Arc::new(Semaphore::new(config.max_connections));
    tokio::pin!(shutdown);
    loop {
        let (stream, _peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // EMFILE and friends: wait for connections to close rather than spin or die.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(slot) = connections.clone().try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let conn = graceful.watch(http.serve_connection(TokioIo::new(stream), service.clone()));
        tokio::spawn(async move {
            // Errors here are the client's (reset, malformed request, header timeout): hyper
            // has already answered what could be answered.
            let _ = conn.await;
            drop(slot);
        });
    }
    drop(listener);
    tracing::info!("shutting down: finishing requests in flight");
    tokio::select! {
        () = graceful.shutdown() => tracing::info!("all connections closed"),
        () = tokio::time::sleep(config.shutdown_grace) => {
            tracing::warn!(grace = ?config.shutdown_grace, "requests still in flight after the grace period: dropped");
        }
    }
    Ok(())
}

/// Why a server could not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    /// The address cannot be listened on.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The runtime could not start or the server failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Runs a server with `state` on `addr` until SIGINT or SIGTERM: sets up logging (`RUST_LOG`,
/// default `info`, to standard error) and a multi-threaded runtime, logs
/// `listening on http://ADDR`, serves, drains. The entry point of `nutgraf serve`.
pub fn run(addr: SocketAddr, state: AppState) -> Result<(), ServeError> {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into());
    let ansi = std::io::stderr().is_terminal();
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_ansi(ansi).with_writer(std::io::stderr).try_init();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let listener = TcpListener::bind(addr).await.map_err(|source| ServeError::Bind { addr, source })?;
        tracing::info!("listening on http://{}", listener.local_addr()?);
        serve(listener, state, signal()).await?;
        Ok(())
    })
}

/// Completes on SIGINT (Ctrl-C) or, on Unix, SIGTERM.
pub async fn signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
