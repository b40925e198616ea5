//! Fetching the page of a `url` request, through the address [`guard`](crate::guard).
//!
//! Why not `nutgraf_ingest::fetch::Fetcher`: it is a blocking client for the command line and
//! trusts every address. This one is async (a slow page holds no thread) and guarded, and keeps
//! the ingest fetcher's other limits: a total deadline from connect to last byte, at most 5
//! redirects, a body cap enforced while the body streams in, and only HTML, text and feeds
//! accepted. It hands back an ingest [`Page`], so decoding and extraction are the CLI's.

use std::error::Error as _;
use std::sync::Arc;
use std::time::Duration;

use nutgraf_ingest::fetch::{kind_of, sniff, Kind, Page, USER_AGENT};
use reqwest::header::{ACCEPT, CONTENT_TYPE};
use reqwest::redirect::{Attempt, Policy};

use crate::guard::{Guard, GuardedResolver, Refused};
use crate::{ApiError, Config};

/// Redirects followed at most.
pub const MAX_REDIRECTS: usize = 5;

/// The guarded HTTP client of a server.
#[derive(Clone, Debug)]
pub struct Fetcher {
    client: reqwest::Client,
    guard: Arc<Guard>,
    timeout: Duration,
    max_bytes: usize,
}

impl Fetcher {
    /// A client with the fetch limits and address policy of `config`.
    pub fn new(config: &Config) -> Result<Fetcher, String> {
        let guard = Arc::new(Guard {
            allow_private: config.allow_private_urls,
            allowed: config.allowed_ips.clone(),
            hosts: config.hosts.clone(),
        });
        let policy_guard = guard.clone();
        let policy = Policy::custom(move |attempt: Attempt<'_>| {
            if attempt.previous().len() > MAX_REDIRECTS {
                attempt.error(TooManyRedirects)
            } else if !matches!(attempt.url().scheme(), "http" | "https") {
                attempt.stop()
            } else if let Err(refused) = policy_guard.check_url(attempt.url()) {
                attempt.error(refused)
            } else {
                attempt.follow()
            }
        });
        let client = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .redirect(policy)
            .dns_resolver(Arc::new(GuardedResolver(guard.clone())))
            .no_proxy()
            .timeout(config.fetch_timeout)
            .connect_timeout(config.fetch_timeout)
            .build()
            .map_err(|e| format!("cannot start the http client: {e}"))?;
        Ok(Fetcher { client, guard, timeout: config.fetch_timeout, max_bytes: config.fetch_max_bytes })
    }

    /// Fetches `url`, an `http` or `https` address that the guard permits.
    pub async fn get(&self, url: &str) -> Result<Page, ApiError> {
        let parsed = reqwest::Url::parse(url).map_err(|_| ApiError::InvalidUrl(url.to_string()))?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
            return Err(ApiError::InvalidUrl(url.to_string()));
        }
        self.guard.check_url(&parsed).map_err(|r| ApiError::UrlRefused(r.to_string()))?;
        match tokio::time::timeout(self.timeout, self.get_unchecked(parsed, url)).await {
            Ok(result) => result,
            Err(_) => Err(self.timed_out(url)),
        }
    }

    async fn get_unchecked(&self, parsed: reqwest::Url, url: &str) -> Result<Page, ApiError> {
        let accept = "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.5";
        let mut response =
            self.client.get(parsed).header(ACCEPT, accept).send().await.map_err(|e| self.error(url, &e))?;
        let status = response.status();
        if !status.is_success() {
            let reason = status.canonical_reason().map(|r| format!(" {r}")).unwrap_or_default();
            return Err(ApiError::UrlUnusable(format!("{url} answered http {}{reason}", status.as_u16())));
        }
        let content_type = response.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_string);
        let declared = content_type.as_deref().and_then(kind_of);
        if let (Some(None), Some(ct)) = (declared, content_type.as_deref()) {
            return Err(ApiError::UrlUnusable(format!("{url} is {ct}, not an html page or text")));
        }
        let too_large = || {
            ApiError::UrlUnusable(format!("{url} sent more than {} bytes: that is not an article page", self.max_bytes))
        };
        if response.content_length().is_some_and(|n| n > self.max_bytes as u64) {
            return Err(too_large());
        }
        let final_url = response.url().to_string();
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| self.error(url, &e))? {
            if bytes.len() + chunk.len() > self.max_bytes {
                return Err(too_large());
            }
            bytes.extend_from_slice(&chunk);
        }
        let kind = match declared.flatten() {
            Some(kind) => kind,
            None => sniff(&bytes).ok_or_else(|| ApiError::UrlUnusable(format!("{url} is binary data, not a page")))?,
        };
        if kind == Kind::Feed {
            return Err(ApiError::UrlUnusable(format!("{url} is a feed, not an article page")));
        }
        Ok(Page { url: final_url, content_type, kind, bytes })
    }

    fn timed_out(&self, url: &str) -> ApiError {
        ApiError::FetchTimeout(format!("{url} did not answer within {} s", self.timeout.as_secs_f64()))
    }

    /// The API error of a failed request. Refusals and redirect loops say what happened; other
    /// network failures say only which step failed, with the details in the log (a detailed
    /// error would let clients probe the network).
    fn error(&self, url: &str, e: &reqwest::Error) -> ApiError {
        let mut source = e.source();
        while let Some(s) = source {
            if let Some(r) = s.downcast_ref::<Refused>() {
                return ApiError::UrlRefused(r.to_string());
            }
            if s.is::<TooManyRedirects>() {
                return ApiError::UrlUnusable(format!("{url} redirected more than {MAX_REDIRECTS} times"));
            }
            source = s.source();
        }
        if e.is_timeout() {
            return self.timed_out(url);
        }
        tracing::info!(url, error = %chain(e), "fetch failed");
        let what = if e.is_connect() { "could not connect" } else { "the connection failed" };
        ApiError::FetchFailed(format!("cannot fetch {url}: {what}"))
    }
}

/// The redirect limit was passed.
#[derive(Debug, thiserror::Error)]
#[error("too many redirects")]
struct TooManyRedirects;

/// The error and its causes, joined by ": ".
fn chain(e: &dyn std::error::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    parts.join(": ")
}
