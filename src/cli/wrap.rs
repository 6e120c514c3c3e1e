//! Text wrapped to the terminal's width, so a long line of a scenario is not
//! cut by the terminal in the middle of a word.
//!
//! `textwrap` does the wrapping (it counts the width of Unicode text as a
//! terminal shows it, which the scenarios' curly quotes and dashes need) and
//! `terminal_size` asks the terminal how wide it is; both are small, widely used
//! and kept up to date, and `terminal_size` was already built for other crates.

use std::io::IsTerminal;

/// The width used when neither `COLUMNS` nor the terminal says.
pub(super) const DEFAULT_WIDTH: usize = 80;

/// Narrower than this, wrapping would do more harm than good.
const MIN_WIDTH: usize = 20;

/// The width to wrap to: `$COLUMNS` when it is set to a usable number (a way
/// to choose one), else the terminal's own width when standard output is a
/// terminal, else 80.
pub(super) fn terminal_width() -> usize {
    let from_columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|text| text.trim().parse::<usize>().ok());
    let from_terminal = || {
        std::io::stdout()
            .is_terminal()
            .then(terminal_size::terminal_size)
            .flatten()
            .map(|(terminal_size::Width(width), _)| usize::from(width))
    };
    from_columns
        .or_else(from_terminal)
        .filter(|&width| width >= MIN_WIDTH)
        .unwrap_or(DEFAULT_WIDTH)
}

/// Wraps each line of `text` to `width` columns. A line's own indentation is
/// kept on the lines it wraps onto, and a numbered choice ("  2. …") wraps
/// under its words, not under its number.
pub(super) fn wrap(text: &str, width: usize) -> String {
    text.split('\n')
        .map(|line| wrap_line(line, width))
        .collect::<Vec<_>>()
        .join("\n")
}

fn wrap_line(line: &str, width: usize) -> String {
    let words = line.trim_start();
    let indent = &line[..line.len() - words.len()];
    if words.is_empty() {
        return line.to_owned();
    }
    let hanging = format!("{indent}{}", " ".repeat(marker_width(words)));
    let options = textwrap::Options::new(width)
        .initial_indent(indent)
        .subsequent_indent(&hanging);
    textwrap::fill(words, options)
}

/// The width of a list marker such as "12. " at the start of `words`; 0 when
/// there is none.
fn marker_width(words: &str) -> usize {
    let digits = words.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && words[digits..].starts_with(". ") {
        digits + 2
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_wrap_at_word_boundaries_within_the_width() {
        let text =
            "Ada: \"I have been meaning to come for weeks, but something always got in the way.\"";
        let wrapped = wrap(text, 30);
        assert!(wrapped.lines().count() > 2, "{wrapped}");
        assert!(
            wrapped.lines().all(|l| l.chars().count() <= 30),
            "{wrapped}"
        );
        assert_eq!(
            wrapped.split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>(),
            "no word is lost or split"
        );
    }

    #[test]
    fn a_numbered_choice_wraps_under_its_words() {
        let wrapped = wrap("  2. Wait. That sounded cold. I'm glad you came.", 24);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert_eq!(lines[0], "  2. Wait. That sounded");
        assert!(
            lines[1..]
                .iter()
                .all(|l| l.starts_with("     ") && !l.starts_with("      "))
        );
    }

    #[test]
    fn short_lines_blank_lines_and_indentation_are_kept() {
        let text = "== The meeting ==\n\n    What it does: a welcome.";
        assert_eq!(wrap(text, 80), text);
    }
}
