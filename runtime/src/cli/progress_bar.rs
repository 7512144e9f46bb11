//! A one-line progress display on stderr (distinct states, queue, depth, states per second,
//! elapsed time) for human output on a terminal. It redraws in place at most five times a
//! second and is erased before any line goes to stdout, so the TLC lines stay intact; output
//! that is not a terminal never sees it (`TLA2_NO_PROGRESS_BAR` turns it off everywhere).

use crate::report::human::ProgressInfo;
use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const REDRAW: Duration = Duration::from_millis(200);

pub(crate) struct ProgressBar {
    state: Mutex<BarState>,
}

struct BarState {
    start: Instant,
    last_draw: Option<Instant>,
    visible: bool,
}

impl ProgressBar {
    /// A bar if stderr is a terminal and the user did not turn it off.
    pub(crate) fn for_stderr() -> Option<ProgressBar> {
        let wanted = std::io::stderr().is_terminal() && std::env::var_os("TLA2_NO_PROGRESS_BAR").is_none();
        wanted.then(|| ProgressBar {
            state: Mutex::new(BarState { start: Instant::now(), last_draw: None, visible: false }),
        })
    }

    /// Redraws the bar if it was last drawn long enough ago.
    pub(crate) fn update(&self, info: &ProgressInfo) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        if state.last_draw.is_some_and(|t| now.duration_since(t) < REDRAW) {
            return;
        }
        state.last_draw = Some(now);
        state.visible = true;
        let line = render(info, now.duration_since(state.start));
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{line}");
        let _ = err.flush();
    }

    /// Erases the bar (before a line is printed, and at the end of the run).
    pub(crate) fn clear(&self) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if std::mem::take(&mut state.visible) {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}

/// The bar's text.
pub(crate) fn render(info: &ProgressInfo, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 { (info.generated as f64 / secs) as u64 } else { 0 };
    let s = elapsed.as_secs();
    format!(
        "[{:02}:{:02}:{:02}] {} distinct, {} on queue, depth {}, {} states/s",
        s / 3600,
        s / 60 % 60,
        s % 60,
        group(info.distinct),
        group(info.queue),
        info.depth,
        group(rate)
    )
}

/// `1234567` as `1,234,567`.
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_shows_counts_rate_and_elapsed_time() {
        let info =
            ProgressInfo { depth: 7, generated: 2_000_000, distinct: 1_234_567, queue: 890, ..ProgressInfo::default() };
        assert_eq!(
            render(&info, Duration::from_secs(3725)),
            "[01:02:05] 1,234,567 distinct, 890 on queue, depth 7, 536 states/s"
        );
    }
}
