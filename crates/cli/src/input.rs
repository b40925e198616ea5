//! Reading an article from a file or standard input, with clear errors.

use std::io::Read;
use std::path::Path;

use anyhow::Context;

use crate::Failure;

/// Reads all bytes of `path` (`-` is standard input), refusing directories and anything larger
/// than `max_bytes` with a message that says what to do.
pub fn read_bytes(path: &Path, max_bytes: usize) -> Result<Vec<u8>, Failure> {
    let mut buf = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .take(max_bytes as u64 + 1)
            .read_to_end(&mut buf)
            .context("could not read standard input")
            .map_err(Failure::input)?;
        return Ok(buf);
    }
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| {
        Failure::input(anyhow::anyhow!("cannot read {shown}: {}: check the path", e.to_string().to_lowercase()))
    })?;
    if meta.is_dir() {
        return Err(Failure::input(anyhow::anyhow!(
            "{shown} is a directory: give one article file, or - for standard input"
        )));
    }
    if meta.len() > max_bytes as u64 {
        return Err(Failure::input(anyhow::anyhow!(
            "{shown} is {} bytes, over the {max_bytes}-byte limit: split it into articles or raise --max-bytes",
            meta.len()
        )));
    }
    std::fs::File::open(path)
        .and_then(|f| f.take(max_bytes as u64 + 1).read_to_end(&mut buf))
        .with_context(|| format!("cannot read {shown}"))
        .map_err(Failure::input)?;
    Ok(buf)
}
