//! The `nutgraf` binary: parses flags, calls the library, maps errors to exit codes.
//!
//! Exit codes: 0 success; 1 an input could not be used (missing file, not UTF-8, empty ...);
//! 2 a usage error (unknown flag, conflicting or invalid options); 3 reserved for "checked and
//! found wanting" verdicts. A broken pipe (`nutgraf ... | head`) is success.

use std::io::Write;
use std::process::ExitCode;

mod cmd;
mod flags;
mod input;
mod source;

/// An error with the exit code it maps to.
#[derive(Debug)]
pub struct Failure {
    /// The process exit code.
    pub code: u8,
    /// What went wrong.
    pub error: anyhow::Error,
}

impl Failure {
    /// A usage error (exit 2).
    pub fn usage(error: impl Into<anyhow::Error>) -> Failure {
        Failure { code: 2, error: error.into() }
    }

    /// An input error (exit 1).
    pub fn input(error: impl Into<anyhow::Error>) -> Failure {
        Failure { code: 1, error: error.into() }
    }
}

impl From<nutgraf_summarize::Error> for Failure {
    fn from(e: nutgraf_summarize::Error) -> Failure {
        if e.is_input() {
            Failure::input(e)
        } else {
            Failure::usage(e)
        }
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Failure {
        Failure::input(e)
    }
}

/// The exit code of a run that succeeded with a verdict (see [`verdict_exit`]).
static VERDICT: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Sets the exit code of a command that ran fine but reached a verdict scripts gate on (3:
/// checked and found wanting). Errors still map through [`Failure`].
pub fn verdict_exit(code: u8) {
    VERDICT.store(code, std::sync::atomic::Ordering::Relaxed);
}

fn main() -> ExitCode {
    match cmd::run(flags::parse()) {
        Ok(()) => ExitCode::from(VERDICT.load(std::sync::atomic::Ordering::Relaxed)),
        Err(f) => {
            if is_broken_pipe(&f.error) {
                return ExitCode::SUCCESS;
            }
            let _ = writeln!(std::io::stderr(), "nutgraf: error: {:#}", f.error);
            ExitCode::from(f.code)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}
