//! `AppState`: what every handler shares, as one `Clone` struct of `Arc`s.

use std::sync::Arc;

use tokio::sync::Semaphore;

use crate::fetch::Fetcher;
use crate::Config;

/// The shared state of a server: its limits, the URL fetcher, and the two semaphores of the
/// back-pressure scheme (see [`pool`](crate::pool)). Cloning is cheap.
#[derive(Clone, Debug)]
pub struct AppState {
    config: Arc<Config>,
    fetcher: Arc<Fetcher>,
    admission: Arc<Semaphore>,
    workers: Arc<Semaphore>,
}

impl AppState {
    /// The state of a server with `config`. Fails when a limit is zero or the HTTP client
    /// cannot start.
    pub fn new(config: Config) -> Result<AppState, String> {
        config.validate()?;
        let fetcher = Fetcher::new(&config)?;
        Ok(AppState {
            admission: Arc::new(Semaphore::new(config.max_in_flight)),
            workers: Arc::new(Semaphore::new(config.workers)),
            fetcher: Arc::new(fetcher),
            config: Arc::new(config),
        })
    }

    /// The limits in force.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The guarded URL fetcher.
    pub(crate) fn fetcher(&self) -> &Fetcher {
        &self.fetcher
    }

    /// Admission slots: one per request in flight on a pipeline endpoint.
    pub(crate) fn admission(&self) -> &Arc<Semaphore> {
        &self.admission
    }

    /// Worker slots: one per pipeline job running on a blocking thread.
    pub(crate) fn workers(&self) -> &Arc<Semaphore> {
        &self.workers
    }
}
