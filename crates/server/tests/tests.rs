//! Integration tests of nutgraf-server: one binary, one module per concern.

// Shared helpers: an in-process app, requests, a real listener.
mod util;

// The endpoints' answers on good input, and the OpenAPI description against real responses.
mod api;
// Bad bodies, wrong types, huge fields, unknown routes: 4xx JSON errors, never a crash.
mod hostile;
// Back-pressure and deadlines: 503 with Retry-After instead of unbounded queues.
mod limits;
// A real listener: slow-drip bodies and headers, thousands of idle connections, graceful shutdown.
mod network;
// URL fetching: private addresses refused after DNS and on every redirect.
mod ssrf;
