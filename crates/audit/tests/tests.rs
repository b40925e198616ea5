//! Integration tests of nutgraf-audit, one binary with modules.

// nutgraf's own extractive briefs always audit as fully supported.
mod briefs;
// A sentence copied from the source with one piece changed is flagged, naming the piece.
mod changed;
// Bad input: clear errors or clear notes, bounded time, no panic.
mod bad_input;
