//! Facts about the machine and the process that a benchmark report records: CPU model, peak
//! memory and the date. Linux `/proc` is read directly (no dependency) and a missing file gives
//! "unknown" or `None` rather than an error: a benchmark is still worth having without them.

use std::time::{SystemTime, UNIX_EPOCH};

/// The process's peak resident set in megabytes (10^6 bytes), from `/proc/self/status`.
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.trim_start_matches("VmHWM:").trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kb * 1024.0 / 1e6)
}

/// The CPU's model name from `/proc/cpuinfo`, or "unknown".
pub fn cpu_model() -> String {
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    info.lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map_or_else(|| "unknown".to_string(), |(_, name)| name.trim().to_string())
}

/// The current time as UTC ISO 8601, to the second.
pub fn utc_now() -> String {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    let s = secs % 86_400;
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let cases = vec![(0, (1970, 1, 1)), (11_016, (2000, 2, 29)), (19_723, (2024, 1, 1)), (-1, (1969, 12, 31))];
        for (days, expected) in cases {
            assert_eq!(civil_from_days(days), expected, "{days}");
        }
        let now = utc_now();
        assert_eq!((now.len(), &now[4..5], &now[19..]), (20, "-", "Z"), "{now}");
    }

    #[test]
    fn machine_facts() {
        assert!(!cpu_model().is_empty());
        if std::path::Path::new("/proc/self/status").exists() {
            let rss = peak_rss_mb().unwrap();
            assert!(rss > 0.1 && rss < 100_000.0, "{rss}");
        }
    }
}
