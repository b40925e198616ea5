//! `nutgraf serve`: validates the flags into a server configuration and hands over to
//! `nutgraf_server::run`, which serves until SIGINT or SIGTERM and then drains.

use std::time::Duration;

use anyhow::anyhow;
use nutgraf_server::{AppState, Config};

use crate::flags::ServeArgs;
use crate::Failure;

/// Runs `nutgraf serve`.
pub fn run(args: ServeArgs) -> Result<(), Failure> {
    if !(args.request_timeout.is_finite() && args.request_timeout > 0.0) {
        return Err(Failure::usage(anyhow!("--request-timeout must be a positive number of seconds")));
    }
    let defaults = Config::default();
    let config = Config {
        allow_private_urls: args.allow_private_urls,
        max_in_flight: args.max_in_flight.unwrap_or(defaults.max_in_flight),
        workers: args.workers.unwrap_or(defaults.workers),
        max_body_bytes: args.max_body_bytes,
        request_timeout: Duration::from_secs_f64(args.request_timeout),
        ..defaults
    };
    let state = AppState::new(config).map_err(|e| Failure::usage(anyhow!("--{}", e.replace('_', "-"))))?;
    nutgraf_server::run(args.addr, state).map_err(Failure::input)
}
