//! A differential property test of the source map: random scenario-like RON
//! values (named and unnamed structs, tuples and variants, lists, maps, `Some`,
//! strings with escapes, raw strings, characters, numbers) are rendered with
//! comments and odd white space between every two tokens, and the renderer
//! records where each value's text starts and ends, and on which line and column
//! it starts. That record is the oracle: for every value path, the source map's
//! span, and the line and column a diagnostic would show for it, must be the
//! same.

use std::collections::BTreeMap;
use std::ops::Range;

use proptest::prelude::*;

use super::diagnostic::line_and_column;
use super::source_map::SourceMap;

/// A RON value, as the generator builds it.
#[derive(Debug, Clone)]
enum Ron {
    /// A string literal: the text it stands for, and how to write each character.
    Text(Vec<(char, Spelling)>),
    /// A raw string literal's contents (no `"` or `#`).
    Raw(String),
    Number(&'static str),
    Char(&'static str),
    /// A bare identifier: a unit variant, `true`, `None`.
    Unit(&'static str),
    /// `Name(field: value, ...)`, or `(field: value, ...)` without a name.
    Struct(Option<&'static str>, Vec<(&'static str, Ron)>),
    /// `Name(a, b, ...)`, or `(a, b, ...)` without a name.
    Tuple(Option<&'static str>, Vec<Ron>),
    List(Vec<Ron>),
    /// `{"key": value, ...}`: keys as the text they stand for.
    Map(Vec<(Vec<(char, Spelling)>, Ron)>),
    Some(Box<Ron>),
}

/// How one character of a string literal is written.
#[derive(Debug, Clone, Copy)]
enum Spelling {
    /// As itself, or escaped where it must be (`\"`, `\\`, `\n`).
    Plain,
    /// As a `\u{...}` escape.
    Unicode,
}

/// Characters that test the scanner: quotes, backslashes, brackets, comment
/// starts, line breaks, and characters of two and four bytes.
const CHARACTERS: &[char] = &[
    'a', 'b', 'z', ' ', '"', '\\', '\n', '\t', '/', '*', '(', ')', '[', ']', '{', '}', ',', ':',
    '#', '\'', 'é', '😀',
];

/// Map keys leave out `[` and `]`, which paths use to delimit them.
const KEY_CHARACTERS: &[char] = &['a', 'k', '_', ' ', '.', '"', '\\', '\n', '/', 'é', '😀'];

const NUMBERS: &[&str] = &["0", "7", "-3", "+1", "2.5e-1", "1e3", "-0.5", "1_000"];
const CHARS: &[&str] = &["'x'", "'\\''", "'\"'", "'\\\\'", "'('"];
const UNITS: &[&str] = &["Neutral", "TimeOut", "true", "false", "None", "Withdrawal"];
const STRUCTS: &[&str] = &["Scenario", "Act", "Node", "Choice", "Feedback"];
const VARIANTS: &[&str] = &["Choose", "AtLeast", "Opens", "Visited"];
const FIELDS: &[&str] = &[
    "id", "text", "says", "target", "effects", "nodes", "when", "r_a", "x1",
];

/// What may stand between two tokens.
const TRIVIA: &[&str] = &[
    "",
    " ",
    "\n",
    "\t",
    "\r\n",
    "  \n        ",
    "// a comment with ( [ { \" ' and :\n",
    "/* block */",
    "/* outer /* nested \" */ still a comment */",
    " /* é 😀 */ ",
    "\n// two\n// lines\n",
];

fn spelled_text(alphabet: &'static [char]) -> impl Strategy<Value = Vec<(char, Spelling)>> {
    prop::collection::vec(
        (
            prop::sample::select(alphabet),
            prop_oneof![4 => Just(Spelling::Plain), 1 => Just(Spelling::Unicode)],
        ),
        0..8,
    )
}

fn leaf() -> impl Strategy<Value = Ron> {
    prop_oneof![
        spelled_text(CHARACTERS).prop_map(Ron::Text),
        "[a-z é\\(\\)\\[\\]{}/*,:'\\\\]{0,6}".prop_map(Ron::Raw),
        prop::sample::select(NUMBERS).prop_map(Ron::Number),
        prop::sample::select(CHARS).prop_map(Ron::Char),
        prop::sample::select(UNITS).prop_map(Ron::Unit),
    ]
}

fn value() -> impl Strategy<Value = Ron> {
    leaf().prop_recursive(5, 48, 5, |inner| {
        let name = |names: &'static [&'static str]| prop::option::of(prop::sample::select(names));
        prop_oneof![
            (
                name(STRUCTS),
                prop::collection::vec((prop::sample::select(FIELDS), inner.clone()), 1..5)
            )
                .prop_map(|(name, fields)| Ron::Struct(name, unique_by(fields, |(f, _)| *f))),
            (name(VARIANTS), prop::collection::vec(inner.clone(), 0..4))
                .prop_map(|(name, items)| Ron::Tuple(name, items)),
            prop::collection::vec(inner.clone(), 0..5).prop_map(Ron::List),
            prop::collection::vec((spelled_text(KEY_CHARACTERS), inner.clone()), 0..4)
                .prop_map(|entries| Ron::Map(unique_by(entries, |(k, _)| meaning(k)))),
            inner.prop_map(|v| Ron::Some(Box::new(v))),
        ]
    })
}

/// The items with the first of each key kept.
fn unique_by<T, K: PartialEq>(items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
    let mut kept: Vec<T> = Vec::new();
    for item in items {
        if !kept.iter().any(|k| key(k) == key(&item)) {
            kept.push(item);
        }
    }
    kept
}

/// The text a string literal stands for.
fn meaning(text: &[(char, Spelling)]) -> String {
    text.iter().map(|(c, _)| *c).collect()
}

/// Where a value was written: bytes, and the line and column it starts on.
#[derive(Debug, Clone, PartialEq)]
struct Written {
    span: Range<usize>,
    line: usize,
    column: usize,
}

/// Renders values, keeping the line and column as it goes, and records where
/// each path's value was written.
struct Renderer {
    out: String,
    line: usize,
    column: usize,
    /// Which trivia to write next, taken in turn.
    trivia: Vec<usize>,
    next_trivia: usize,
    trailing_commas: bool,
    written: BTreeMap<String, Option<Written>>,
}

impl Renderer {
    fn push(&mut self, text: &str) {
        for c in text.chars() {
            if c == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
        self.out.push_str(text);
    }

    fn gap(&mut self) {
        let pick = self.trivia[self.next_trivia % self.trivia.len()];
        self.next_trivia += 1;
        self.push(TRIVIA[pick % TRIVIA.len()]);
    }

    fn here(&self) -> (usize, usize, usize) {
        (self.out.len(), self.line, self.column)
    }

    /// Records where `path`'s value was written. Two values can have the same
    /// path (in `([a, b], c)`, both `b` and `c` are `[1]`); such a path names
    /// no one value and is not checked.
    fn record(&mut self, path: &str, (start, line, column): (usize, usize, usize)) {
        let span = start..self.out.len();
        self.written
            .entry(path.to_owned())
            .and_modify(|ambiguous| *ambiguous = None)
            .or_insert(Some(Written { span, line, column }));
    }

    /// Writes `items` between `open` and `close`, separated by commas.
    fn items<T>(
        &mut self,
        open: &str,
        close: &str,
        items: &[T],
        mut each: impl FnMut(&mut Self, usize, &T),
    ) {
        self.push(open);
        for (index, item) in items.iter().enumerate() {
            self.gap();
            each(self, index, item);
            self.gap();
            if index + 1 < items.len() || self.trailing_commas {
                self.push(",");
            }
        }
        self.gap();
        self.push(close);
    }

    /// Writes `value` at `path`. A value whose path an enclosing value already
    /// claims (the first element of a tuple, the value of a map entry, which is
    /// located at its key) is not recorded itself; its children are.
    fn value(&mut self, value: &Ron, path: &str, claimed: bool) {
        let start = self.here();
        match value {
            Ron::Text(text) => {
                let literal = string_literal(text);
                self.push(&literal);
            }
            Ron::Raw(text) => {
                let literal = format!("r#\"{text}\"#");
                self.push(&literal);
            }
            Ron::Number(token) | Ron::Char(token) | Ron::Unit(token) => self.push(token),
            Ron::Struct(name, fields) => {
                if let Some(name) = name {
                    self.push(name);
                    self.gap();
                }
                self.items("(", ")", fields, |this, _, (field, value)| {
                    this.push(field);
                    this.gap();
                    this.push(":");
                    this.gap();
                    let path = if path.is_empty() {
                        (*field).to_owned()
                    } else {
                        format!("{path}.{field}")
                    };
                    this.value(value, &path, false);
                });
            }
            Ron::Tuple(name, items) => {
                if let Some(name) = name {
                    self.push(name);
                    self.gap();
                }
                // A named tuple is located as a whole; an unnamed one, like
                // `Some(x)`, at its first element.
                let unnamed = name.is_none() && !items.is_empty();
                let first_claimed = if unnamed { claimed } else { true };
                self.items("(", ")", items, |this, index, item| match index {
                    0 => this.value(item, path, first_claimed),
                    _ => this.value(item, &format!("{path}[{index}]"), false),
                });
                if unnamed {
                    return;
                }
            }
            Ron::List(items) => {
                self.items("[", "]", items, |this, index, item| {
                    this.value(item, &format!("{path}[{index}]"), false);
                });
            }
            Ron::Map(entries) => {
                self.items("{", "}", entries, |this, _, (key, value)| {
                    let entry = format!("{path}[\"{}\"]", meaning(key));
                    let key_start = this.here();
                    let literal = string_literal(key);
                    this.push(&literal);
                    this.record(&entry, key_start);
                    this.gap();
                    this.push(":");
                    this.gap();
                    this.value(value, &entry, true);
                });
            }
            Ron::Some(inner) => {
                // `Some(x)` is located at `x`.
                self.push("Some");
                self.gap();
                self.push("(");
                self.gap();
                self.value(inner, path, claimed);
                self.gap();
                self.push(")");
                return;
            }
        }
        if !claimed {
            self.record(path, start);
        }
    }
}

fn string_literal(text: &[(char, Spelling)]) -> String {
    let mut literal = String::from("\"");
    for &(c, spelling) in text {
        match (c, spelling) {
            (c, Spelling::Unicode) => literal.push_str(&format!("\\u{{{:x}}}", c as u32)),
            ('"', _) => literal.push_str("\\\""),
            ('\\', _) => literal.push_str("\\\\"),
            ('\n', _) => literal.push_str("\\n"),
            (c, _) => literal.push(c),
        }
    }
    literal.push('"');
    literal
}

/// The rendered text, and where each path's value was written.
fn render(
    value: &Ron,
    header: bool,
    trivia: Vec<usize>,
    trailing_commas: bool,
) -> (String, BTreeMap<String, Option<Written>>) {
    let mut renderer = Renderer {
        out: String::new(),
        line: 1,
        column: 1,
        trivia,
        next_trivia: 0,
        trailing_commas,
        written: BTreeMap::new(),
    };
    renderer.gap();
    if header {
        renderer.push("#![enable(implicit_some)]");
        renderer.gap();
    }
    renderer.value(value, "", false);
    renderer.gap();
    (renderer.out, renderer.written)
}

/// A top-level scenario: a named struct of a few fields.
fn scenario() -> impl Strategy<Value = Ron> {
    prop::collection::vec((prop::sample::select(FIELDS), value()), 1..6)
        .prop_map(|fields| Ron::Struct(Some("Scenario"), unique_by(fields, |(f, _)| *f)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn every_value_path_points_at_the_text_of_its_value(
        value in scenario(),
        header in any::<bool>(),
        trivia in prop::collection::vec(0usize..64, 1..40),
        trailing_commas in any::<bool>(),
    ) {
        let (text, written) = render(&value, header, trivia, trailing_commas);
        prop_assert!(
            ron::from_str::<ron::Value>(&text).is_ok(),
            "the generator wrote RON that does not parse:\n{}",
            text
        );
        let map = SourceMap::build(&text);
        for (path, expected) in &written {
            let Some(expected) = expected else { continue };
            let span = map.get(path);
            prop_assert_eq!(
                span.clone(),
                Some(expected.span.clone()),
                "path {:?}: found {:?}, wrote {:?}\n{}",
                path,
                span.clone().map(|s| &text[s]),
                &text[expected.span.clone()],
                text
            );
            prop_assert_eq!(
                line_and_column(&text, expected.span.start),
                (expected.line, expected.column),
                "path {:?}", path
            );
            // A path below a value that has none of its own is found at the value.
            let missing = format!("{path}.not_a_field[3]");
            prop_assert_eq!(map.find(&missing), Some(expected.span.clone()), "{}", missing);
        }
    }
}
