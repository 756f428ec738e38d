//! Progress of long bulk jobs (seed, imports) on standard error: a bar redrawn in place on a
//! terminal, a line every tenth otherwise (logs, CI).

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// A progress reporter for `total` items.
pub struct Progress {
    label: &'static str,
    total: usize,
    done: usize,
    started: Instant,
    last_draw: Instant,
    last_tenth: usize,
    terminal: bool,
}

impl Progress {
    /// Starts reporting on standard error.
    pub fn new(label: &'static str, total: usize) -> Self {
        let now = Instant::now();
        let terminal = std::io::stderr().is_terminal();
        Self { label, total, done: 0, started: now, last_draw: now, last_tenth: 0, terminal }
    }

    /// Records `n` more items done.
    pub fn add(&mut self, n: usize) {
        self.done += n;
        let tenth = self.done * 10 / self.total.max(1);
        if self.terminal && self.last_draw.elapsed() >= Duration::from_millis(200) {
            self.last_draw = Instant::now();
            eprint!("\r{}", self.line());
            let _ = std::io::stderr().flush();
        } else if !self.terminal && tenth > self.last_tenth {
            self.last_tenth = tenth;
            eprintln!("{}", self.line());
        }
    }

    /// Ends the bar.
    pub fn finish(&self) {
        if self.terminal {
            eprintln!("\r{}", self.line());
        }
    }

    /// `label [#####.....]  50% 500,000/1,000,000  8,200/s  ETA 1m01s`
    pub fn line(&self) -> String {
        const WIDTH: usize = 30;
        let fraction = if self.total == 0 { 1.0 } else { self.done as f64 / self.total as f64 };
        let filled = ((fraction * WIDTH as f64) as usize).min(WIDTH);
        let secs = self.started.elapsed().as_secs_f64().max(0.001);
        let rate = self.done as f64 / secs;
        let left = if rate > 0.0 { (self.total.saturating_sub(self.done)) as f64 / rate } else { 0.0 };
        format!(
            "{} [{}{}] {:>3.0}% {}/{}  {}/s  ETA {}m{:02}s",
            self.label,
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            fraction * 100.0,
            thousands(self.done),
            thousands(self.total),
            thousands(rate as usize),
            (left as u64) / 60,
            (left as u64) % 60
        )
    }
}

/// `1234567` -> `1,234,567`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
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
    fn numbers_get_thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn the_line_shows_the_share_done() {
        let mut p = Progress::new("contacts", 1000);
        p.terminal = false;
        p.last_tenth = 10; // no output from the test
        p.done = 500;
        let line = p.line();
        assert!(line.starts_with("contacts [###############...............]  50% 500/1,000"), "{line}");
    }
}
