//! The terminal as play uses it: what is printed (wrapped text, the prompt and
//! the countdown on it) and the lines the trainee types, read on a thread of
//! their own so that the countdown runs while nothing is typed.
//!
//! The terminal is line-buffered: what the trainee types belongs to the
//! terminal until Enter, and a program cannot redraw it. So nothing is printed
//! over the line being typed: on a terminal the countdown rewrites only the
//! fixed-width "[ 12 s left]" at the start of the prompt line (saving and
//! restoring the cursor around it), and everything else goes on lines of its
//! own, followed by the prompt again.

use std::io::{BufRead, IsTerminal, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use super::wrap::{terminal_width, wrap};
use crate::core::engine::Engine;

/// What has been printed: the prompt, and the countdown on it.
pub(super) struct Screen {
    width: usize,
    /// Whether output is a terminal, where the countdown can be redrawn in place.
    pub(super) terminal: bool,
    /// Whether input is a terminal, which echoes the trainee's Enter.
    echoed: bool,
    /// Whether the prompt for the current input is on screen.
    prompt_shown: bool,
    countdown_shown: Option<u64>,
}

impl Screen {
    fn new() -> Self {
        Self {
            width: terminal_width(),
            terminal: std::io::stdout().is_terminal(),
            echoed: std::io::stdin().is_terminal(),
            prompt_shown: false,
            countdown_shown: None,
        }
    }

    /// Prints text wrapped to the terminal's width, on lines of its own.
    pub(super) fn say(&mut self, text: &str) {
        if self.prompt_shown {
            println!();
        }
        println!("{}", wrap(text, self.width));
        self.prompt_shown = false;
    }

    /// A line was read: the terminal's echo of Enter ended the prompt line
    /// (piped input has no echo, so the next output starts a line itself).
    fn line_read(&mut self) {
        if self.echoed {
            self.prompt_shown = false;
        }
    }

    /// "> " with nothing before it.
    pub(super) fn prompt_plain(&mut self) {
        print!("> ");
        let _ = std::io::stdout().flush();
        self.prompt_shown = true;
    }

    /// The prompt for the moment, unless it is on screen: the time left when a
    /// limit runs, "> " alone otherwise (and while the clock waits, as it does
    /// for a noticing question or picking the answer closest to one's words).
    pub(super) fn prompt(&mut self, engine: &Engine) {
        if self.prompt_shown {
            return;
        }
        match running_time_left(engine) {
            Some(remaining) => {
                let seconds = whole_seconds(remaining);
                self.countdown_shown = Some(seconds);
                print!("{} > ", countdown_text(seconds));
                let _ = std::io::stdout().flush();
                self.prompt_shown = true;
            }
            None => self.prompt_plain(),
        }
    }

    /// On a terminal, redraws the seconds at the start of the prompt line in
    /// place, leaving whatever the trainee is typing where it is.
    pub(super) fn countdown(&mut self, engine: &Engine) {
        let Some(remaining) = running_time_left(engine) else {
            return;
        };
        let seconds = whole_seconds(remaining);
        if !self.terminal || !self.prompt_shown || self.countdown_shown == Some(seconds) {
            return;
        }
        self.countdown_shown = Some(seconds);
        // Save the cursor, write at the line's start, restore the cursor.
        print!("\x1b7\r{}\x1b8", countdown_text(seconds));
        let _ = std::io::stdout().flush();
    }
}

/// The time left when a limit is in force and its clock runs in this phase.
fn running_time_left(engine: &Engine) -> Option<Duration> {
    engine.remaining().filter(|_| engine.phase().clock_runs())
}

/// Whole seconds left, rounded up: "1 s" until the very end.
fn whole_seconds(remaining: Duration) -> u64 {
    remaining.as_secs_f64().ceil() as u64
}

/// "[ 12 s left]": always the same width, so it can be redrawn in place.
fn countdown_text(seconds: u64) -> String {
    format!("[{seconds:>3} s left]")
}

/// What waiting for a line brought.
pub(super) enum Received {
    Line(String),
    /// Nothing yet.
    Nothing,
    /// Input has ended (now or before).
    Ended,
}

/// The screen and the lines typed.
pub(super) struct Terminal {
    pub(super) screen: Screen,
    lines: Receiver<String>,
    /// False once input has ended.
    pub(super) input_open: bool,
}

impl Terminal {
    /// The terminal of this process, with standard input read line by line.
    pub(super) fn new() -> Self {
        Self {
            screen: Screen::new(),
            lines: spawn_line_reader(),
            input_open: true,
        }
    }

    /// Prints text wrapped to the terminal's width, on lines of its own.
    pub(super) fn say(&mut self, text: &str) {
        self.screen.say(text);
    }

    /// Shows "> " and waits for a line, however long it takes; none when
    /// input has ended.
    pub(super) fn ask(&mut self) -> Option<String> {
        if !self.input_open {
            return None;
        }
        self.screen.prompt_plain();
        match self.lines.recv() {
            Ok(line) => {
                self.screen.line_read();
                Some(line)
            }
            Err(_) => {
                self.input_open = false;
                None
            }
        }
    }

    /// Waits up to `timeout` for a line (the prompt is the caller's to show).
    pub(super) fn receive(&mut self, timeout: Duration) -> Received {
        if !self.input_open {
            std::thread::sleep(timeout);
            return Received::Ended;
        }
        match self.lines.recv_timeout(timeout) {
            Ok(line) => {
                self.screen.line_read();
                Received::Line(line)
            }
            Err(RecvTimeoutError::Timeout) => Received::Nothing,
            Err(RecvTimeoutError::Disconnected) => {
                self.input_open = false;
                Received::Ended
            }
        }
    }
}

/// Reads standard input line by line on its own thread.
fn spawn_line_reader() -> Receiver<String> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { break };
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    receiver
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_countdown_keeps_one_width_to_be_redrawn_in_place() {
        assert_eq!(countdown_text(5).len(), countdown_text(120).len());
        assert_eq!(whole_seconds(Duration::from_millis(100)), 1);
        assert_eq!(whole_seconds(Duration::from_secs(45)), 45);
    }
}
