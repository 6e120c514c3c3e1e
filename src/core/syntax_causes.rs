//! The mistakes an author used to a word processor makes most, recognised from
//! the text where the parser stopped, so that the message names the real cause
//! and its fix instead of the parser's symptom ("expected a comma"): a quotation
//! mark inside dialogue, curly quotes, a unit after a number, a decimal where a
//! whole number belongs, a `#` comment, and a `Choice(` (or any other part)
//! left unclosed before the next one.

use ron::error::Error as RonError;

/// What went wrong, in the author's words: code, message, label and help.
pub(crate) struct Cause {
    /// Where the mistake is, when it is not where the parser stopped.
    pub at: Option<usize>,
    pub code: &'static str,
    pub message: String,
    pub label: String,
    pub help: String,
}

/// The parts of a scenario written `Name(...)`: one of them where a field
/// belongs means the part before it was left open.
const PART_NAMES: [&str; 15] = [
    "Scenario",
    "Character",
    "Dimension",
    "Act",
    "Deadline",
    "Node",
    "Choice",
    "Timeout",
    "Feedback",
    "Probe",
    "ProbeAnswer",
    "Ending",
    "EntryPoint",
    "Expectation",
    "OptimalDistance",
];

/// Quotation marks a word processor puts in place of `"` and `'`.
const CURLY_QUOTES: [char; 7] = ['“', '”', '„', '‘', '’', '«', '»'];

/// The cause of a parse error at byte `at` of `source`, when it is one of the
/// common mistakes.
pub(crate) fn recognise(source: &str, error: &RonError, at: usize) -> Option<Cause> {
    let before = source.get(..at)?;
    let after = source.get(at..)?;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line_so_far = &before[line_start..];
    if let Some(cause) = hash_comment(source, line_start, after) {
        return Some(cause);
    }
    if after.trim_start().starts_with(CURLY_QUOTES)
        || line_so_far.trim_end().ends_with(CURLY_QUOTES)
    {
        return Some(curly_quotes());
    }
    if let RonError::NoSuchStructField { found, outer, .. } = error
        && PART_NAMES.contains(&found.as_str())
    {
        return Some(unclosed_part(found, outer.as_deref()));
    }
    if matches!(
        error,
        RonError::ExpectedComma | RonError::TrailingCharacters
    ) {
        return quote_inside_text(line_so_far, after)
            .or_else(|| unit_after_number(line_so_far, after))
            .or_else(|| decimal_for_whole(line_so_far, after));
    }
    None
}

/// A line that starts with `#`: RON comments start with `//`.
fn hash_comment(source: &str, line_start: usize, after: &str) -> Option<Cause> {
    let line = source[line_start..].lines().next().unwrap_or("");
    let starts_with_hash =
        line.trim_start().starts_with('#') && !line.trim_start().starts_with("#!");
    let at_hash = after.starts_with('#') || starts_with_hash;
    let hash = line_start + line.find('#').unwrap_or(0);
    at_hash.then(|| Cause {
        at: Some(hash),
        code: "hash-comment",
        message: "RON comments start with //, not #".into(),
        label: "a comment written with #".into(),
        help: "write // at the start of a comment line, as in // Act one".into(),
    })
}

fn curly_quotes() -> Cause {
    Cause {
        at: None,
        code: "curly-quotes",
        message: "these are curly quotes from a word processor".into(),
        label: "a curly quote".into(),
        help: "use straight quotes \"...\" around text (a word processor turns them curly: \
               retype them in a plain-text editor, or turn off smart quotes)"
            .into(),
    }
}

/// `says: "Let's "grab coffee" sometime"`: the quote before `grab` closed the
/// text, and the parser then met a word where a comma belongs.
fn quote_inside_text(line_so_far: &str, after: &str) -> Option<Cause> {
    let closed_just_before = line_so_far.trim_end().ends_with('"');
    let word: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '\'')
        .collect();
    (closed_just_before && !word.is_empty() && line_so_far.matches('"').count() >= 2).then(|| {
        Cause {
            at: None,
            code: "quote-inside-text",
            message: format!("the quotation mark before `{word}` ends the text early"),
            label: "the text ended just before this".into(),
            help:
                "inside text, write \\\" for a quotation mark, or use a single quote: 'like this'"
                    .into(),
        }
    })
}

/// `time_limit: 30s`: a unit after a number.
fn unit_after_number(line_so_far: &str, after: &str) -> Option<Cause> {
    let number = trailing_number(line_so_far)?;
    let unit: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    if unit.is_empty() {
        return None;
    }
    let field = field_name(line_so_far);
    let what = match field.as_deref() {
        Some("time_limit") => "a number of seconds",
        Some("minutes" | "estimated_minutes") => "a number of minutes",
        _ => "the number alone",
    };
    Some(Cause {
        at: None,
        code: "unit-after-number",
        message: format!("`{number}{unit}`: write {what}, {number}"),
        label: "a unit after the number".into(),
        help: "numbers are written without units: time_limit is in seconds, minutes and \
               estimated_minutes in minutes"
            .into(),
    })
}

/// `estimated_minutes: 7.5`: a decimal where a whole number belongs.
fn decimal_for_whole(line_so_far: &str, after: &str) -> Option<Cause> {
    let whole = trailing_number(line_so_far)?;
    let fraction: String = after
        .strip_prefix('.')?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if fraction.is_empty() {
        return None;
    }
    let field = field_name(line_so_far).unwrap_or_else(|| "this value".into());
    let next = whole
        .parse::<u64>()
        .map_or(whole.clone(), |n| (n + 1).to_string());
    Some(Cause {
        at: None,
        code: "whole-number",
        message: format!("`{whole}.{fraction}`: {field} is a whole number"),
        label: "a decimal point".into(),
        help: format!("write {whole} or {next}"),
    })
}

/// `Choice(` where a field of a `Choice` belongs: the part before was not
/// closed.
fn unclosed_part(found: &str, outer: Option<&str>) -> Cause {
    let open = outer.unwrap_or(found);
    Cause {
        at: None,
        code: "unclosed-part",
        message: format!("a `{open}(` above is not closed before this `{found}(`"),
        label: format!("`{found}(` begins while the `{open}(` before it is still open"),
        help: format!(
            "close the `{open}(` above with `),` before this one begins (check its last line)"
        ),
    }
}

/// The digits at the end of `text`, if it ends with a number.
fn trailing_number(text: &str) -> Option<String> {
    let digits: String = text
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (!digits.is_empty()).then_some(digits)
}

/// The field whose value the line ends in: `time_limit` in `  time_limit: 30`.
fn field_name(line_so_far: &str) -> Option<String> {
    let (head, _) = line_so_far.rsplit_once(':')?;
    let name: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (!name.is_empty()).then_some(name)
}
