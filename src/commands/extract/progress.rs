//! The progress bar (on a terminal only) and the closing summary line.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Instant;

/// Progress of a batch: documents done, megabytes read, rate.
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    bytes: u64,
}

impl Progress {
    /// A bar over `total()` documents, drawn only when stderr is a terminal and not `quiet`
    /// (`total` is called only then).
    pub fn new(quiet: bool, total: impl FnOnce() -> u64) -> Self {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(Some(total()), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template(
                "{elapsed_precise} {wide_bar} {human_pos}/{human_len} docs {msg} ETA {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
            bytes: 0,
        }
    }

    /// One more document of `bytes` bytes is done.
    pub fn advance(&mut self, bytes: u64) {
        self.bytes += bytes;
        if let Some(bar) = &self.bar {
            bar.inc(1);
            let position = bar.position();
            if position % 16 == 0 || Some(position) == bar.length() {
                bar.set_message(format!(
                    "{:.1} MB, {:.1} MB/s",
                    megabytes(self.bytes),
                    self.rate()
                ));
            }
        }
    }

    /// Prints a line on stderr without tearing the bar.
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    pub fn seconds(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }

    /// Megabytes (10^6 bytes) per second since the start.
    pub fn rate(&self) -> f64 {
        megabytes(self.bytes) / self.seconds().max(1e-9)
    }
}

pub fn megabytes(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}
