//! The server's limits, in one place.
//!
//! Every limit exists so that one client cannot take the server from everyone else: the body cap
//! and the body deadline bound what a request may cost before any work starts, the in-flight cap
//! turns overload into fast `503`s instead of an unbounded queue, the worker count keeps
//! pipeline work from crowding out the threads that accept and answer connections, and the
//! connection cap and idle deadline bound what idle or slow connections can hold.

use std::net::IpAddr;
use std::time::Duration;

/// Limits and switches of a server. `Config::default()` is what `nutgraf serve` runs with.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Largest request body accepted, in bytes. Larger bodies get `413 body_too_large`, before
    /// they are read when they say their length up front.
    pub max_body_bytes: usize,
    /// Time allowed to receive a whole request body once its headers are in; a client that
    /// drips its body slower gets `408 body_timeout`.
    pub body_timeout: Duration,
    /// Time allowed for the whole of one request (body, fetch and pipeline); past it the client
    /// gets `503 timeout` with `Retry-After`.
    pub request_timeout: Duration,
    /// Requests admitted at once to the pipeline endpoints, waiting or running. One more gets
    /// `503 overloaded` with `Retry-After` at once.
    pub max_in_flight: usize,
    /// Pipeline jobs that run at the same time, each on a blocking thread (default: one per
    /// core).
    pub workers: usize,
    /// Open connections at most; further connections are accepted and closed at once.
    pub max_connections: usize,
    /// A connection that sends no complete request head within this time is closed (this covers
    /// idle keep-alive connections and clients that drip their headers).
    pub header_timeout: Duration,
    /// On shutdown, how long requests in flight may take to finish before their connections are
    /// dropped.
    pub shutdown_grace: Duration,
    /// Time allowed for fetching one page, connect to last byte.
    pub fetch_timeout: Duration,
    /// Largest fetched page, in bytes (after decompression).
    pub fetch_max_bytes: usize,
    /// Fetch from loopback, private, link-local and other non-public addresses too. Off by
    /// default: a public server must not become a proxy into its own network.
    pub allow_private_urls: bool,
    /// Addresses fetches may reach even when private ones are refused (for tests and for a
    /// deliberately exposed intranet host).
    pub allowed_ips: Vec<IpAddr>,
    /// A static host table consulted before DNS, like `/etc/hosts`: `(name, addresses)`. Its
    /// answers are checked like any DNS answer.
    pub hosts: Vec<(String, Vec<IpAddr>)>,
}

impl Default for Config {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Config {
            max_body_bytes: 2 << 20,
            body_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_in_flight: 256.max(64 * cores),
            workers: cores,
            max_connections: 10_000,
            header_timeout: Duration::from_secs(10),
            shutdown_grace: Duration::from_secs(30),
            fetch_timeout: Duration::from_secs(10),
            fetch_max_bytes: 10 << 20,
            allow_private_urls: false,
            allowed_ips: Vec::new(),
            hosts: Vec::new(),
        }
    }
}

impl Config {
    /// Checks that every limit can work; the message names the limit.
    pub fn validate(&self) -> Result<(), String> {
        let positive = [
            (self.max_body_bytes > 0, "max_body_bytes"),
            (self.max_in_flight > 0, "max_in_flight"),
            (self.workers > 0, "workers"),
            (self.max_connections > 0, "max_connections"),
            (self.fetch_max_bytes > 0, "fetch_max_bytes"),
            (!self.body_timeout.is_zero(), "body_timeout"),
            (!self.request_timeout.is_zero(), "request_timeout"),
            (!self.header_timeout.is_zero(), "header_timeout"),
            (!self.fetch_timeout.is_zero(), "fetch_timeout"),
        ];
        match positive.iter().find(|(ok, _)| !ok) {
            Some((_, name)) => Err(format!("{name} must be greater than zero")),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_zero_limits_are_not() {
        assert_eq!(Config::default().validate(), Ok(()));
        let c = Config { workers: 0, ..Config::default() };
        assert_eq!(c.validate(), Err("workers must be greater than zero".to_string()));
        let c = Config { body_timeout: Duration::ZERO, ..Config::default() };
        assert!(c.validate().unwrap_err().starts_with("body_timeout"));
    }
}
