//! Maps the path of every value in a RON text (such as
//! `acts[0].nodes[2].choices[1].target`) to where it stands in the source.
//!
//! `ron` reports where a syntax error is, but once a file has parsed, the values
//! carry no positions. The validator names values by path; this index, built by one
//! light pass over the text, turns those paths back into lines and columns.
//!
//! Path rules: struct fields are `.name` (no dot at the top level), sequence
//! elements `[i]`, map entries `["key"]` (located at the key). A value wrapped in a
//! named or unnamed parenthesis, such as `Some(x)` or `Choose("x")`, shares its
//! path with the wrapper; further elements of a tuple are `[1]`, `[2]`, and so on.

use std::collections::HashMap;
use std::ops::Range;

/// Deeper nesting than this is not indexed (the loader rejects it anyway).
const MAX_DEPTH: usize = 128;

/// Paths of values to their byte ranges in the source.
#[derive(Debug, Default)]
pub struct SourceMap {
    spans: HashMap<String, Range<usize>>,
}

impl SourceMap {
    /// Indexes `source`. Malformed text is indexed up to the first thing that does
    /// not parse.
    pub fn build(source: &str) -> Self {
        let mut indexer = Indexer {
            bytes: source.as_bytes(),
            pos: 0,
            depth: 0,
            path: String::new(),
            spans: HashMap::new(),
        };
        indexer.skip_trivia();
        indexer.skip_attributes();
        indexer.value();
        Self {
            spans: indexer.spans,
        }
    }

    /// The range of exactly this path.
    pub fn get(&self, path: &str) -> Option<Range<usize>> {
        self.spans.get(path).cloned()
    }

    /// The range of this path, or of its closest enclosing value that is present.
    pub fn find(&self, path: &str) -> Option<Range<usize>> {
        let mut path = path;
        loop {
            if let Some(span) = self.get(path) {
                return Some(span);
            }
            if path.is_empty() {
                return None;
            }
            path = parent(path);
        }
    }
}

/// The path one level up.
fn parent(path: &str) -> &str {
    if path.ends_with("\"]")
        && let Some(i) = path.rfind("[\"")
    {
        return &path[..i];
    }
    if path.ends_with(']')
        && let Some(i) = path.rfind('[')
    {
        return &path[..i];
    }
    match path.rfind('.') {
        Some(i) => &path[..i],
        None => "",
    }
}

struct Indexer<'a> {
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    path: String,
    spans: HashMap<String, Range<usize>>,
}

impl Indexer<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    /// Skips white space and comments (block comments nest in RON).
    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(b), _) if b.is_ascii_whitespace() => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    while self.peek().is_some_and(|b| b != b'\n') {
                        self.pos += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    self.pos += 2;
                    let mut open = 1;
                    while open > 0 {
                        match (self.peek(), self.peek_at(1)) {
                            (None, _) => return,
                            (Some(b'/'), Some(b'*')) => {
                                open += 1;
                                self.pos += 2;
                            }
                            (Some(b'*'), Some(b'/')) => {
                                open -= 1;
                                self.pos += 2;
                            }
                            _ => self.pos += 1,
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// Skips `#![enable(...)]` headers.
    fn skip_attributes(&mut self) {
        while self.peek() == Some(b'#') {
            while self.peek().is_some_and(|b| b != b']') {
                self.pos += 1;
            }
            self.eat(b']');
            self.skip_trivia();
        }
    }

    fn record(&mut self, start: usize) {
        self.spans
            .entry(self.path.clone())
            .or_insert(start..self.pos);
    }

    /// Indexes one value at the current path; `None` when the text does not parse.
    fn value(&mut self) -> Option<()> {
        if self.depth >= MAX_DEPTH {
            return None;
        }
        self.depth += 1;
        let start = self.pos;
        let parsed = match self.peek()? {
            b'[' => self.sequence(),
            b'{' => self.map(),
            b'(' => self.parenthesised(),
            b'"' => self.string(),
            b'\'' => self.char_literal(),
            b'r' if self.peek_at(1) == Some(b'"')
                || (self.peek_at(1) == Some(b'#')
                    && !self.peek_at(2).is_some_and(is_ident_start)) =>
            {
                self.raw_string()
            }
            b'b' if self.peek_at(1) == Some(b'"') => {
                self.pos += 1;
                self.string()
            }
            b if b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.') => self.number(),
            b if is_ident_start(b) => self.identified(),
            _ => None,
        };
        self.depth -= 1;
        parsed?;
        self.record(start);
        Some(())
    }

    /// Indexes comma-separated items up to `close`, calling `item` with the
    /// position of each; a trailing comma is allowed.
    fn items(
        &mut self,
        close: u8,
        mut item: impl FnMut(&mut Self, usize) -> Option<()>,
    ) -> Option<()> {
        let mut index = 0;
        loop {
            self.skip_trivia();
            if self.eat(close) {
                return Some(());
            }
            item(self, index)?;
            index += 1;
            self.skip_trivia();
            if !self.eat(b',') {
                self.skip_trivia();
                return self.eat(close).then_some(());
            }
        }
    }

    /// Indexes one value with `suffix` added to the current path.
    fn value_at(&mut self, suffix: &str) -> Option<()> {
        let saved = self.path.len();
        self.path.push_str(suffix);
        let parsed = self.value();
        self.path.truncate(saved);
        parsed
    }

    fn sequence(&mut self) -> Option<()> {
        self.pos += 1;
        self.items(b']', |this, index| this.value_at(&format!("[{index}]")))
    }

    fn map(&mut self) -> Option<()> {
        self.pos += 1;
        self.items(b'}', |this, _| {
            let key_start = this.pos;
            this.value_at("#key")?;
            let key_end = this.pos;
            let entry = format!("[\"{}\"]", this.key_text(key_start, key_end));
            let saved = this.path.len();
            this.path.push_str(&entry);
            this.spans
                .entry(this.path.clone())
                .or_insert(key_start..key_end);
            this.path.truncate(saved);
            this.skip_trivia();
            if !this.eat(b':') {
                return None;
            }
            this.skip_trivia();
            this.value_at(&entry)
        })
    }

    /// A key's text: the string it stands for (escapes read, as the validator
    /// names it), or the token itself.
    fn key_text(&self, start: usize, end: usize) -> String {
        let raw = String::from_utf8_lossy(&self.bytes[start..end]);
        ron::from_str::<String>(&raw).unwrap_or_else(|_| raw.into_owned())
    }

    /// `( ... )`: a struct's fields, or a tuple whose first element shares the path.
    fn parenthesised(&mut self) -> Option<()> {
        self.pos += 1;
        self.skip_trivia();
        if self.looks_like_field() {
            self.fields()
        } else {
            self.tuple()
        }
    }

    /// Whether an identifier and a colon come next (comments may stand between
    /// them), leaving the position where it was.
    fn looks_like_field(&mut self) -> bool {
        let start = self.pos;
        if !self.peek().is_some_and(is_ident_start) {
            return false;
        }
        while self.peek().is_some_and(is_ident_char) {
            self.pos += 1;
        }
        self.skip_trivia();
        let colon = self.peek() == Some(b':');
        self.pos = start;
        colon
    }

    fn fields(&mut self) -> Option<()> {
        self.items(b')', |this, _| {
            let name_start = this.pos;
            while this.peek().is_some_and(is_ident_char) {
                this.pos += 1;
            }
            if name_start == this.pos {
                return None;
            }
            let name = String::from_utf8_lossy(&this.bytes[name_start..this.pos]).into_owned();
            this.skip_trivia();
            if !this.eat(b':') {
                return None;
            }
            this.skip_trivia();
            let separator = if this.path.is_empty() { "" } else { "." };
            this.value_at(&format!("{separator}{name}"))
        })
    }

    fn tuple(&mut self) -> Option<()> {
        self.items(b')', |this, index| match index {
            0 => this.value(),
            _ => this.value_at(&format!("[{index}]")),
        })
    }

    fn string(&mut self) -> Option<()> {
        self.pos += 1;
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => self.pos += 1,
            }
        }
    }

    fn raw_string(&mut self) -> Option<()> {
        self.pos += 1;
        let mut hashes = 0;
        while self.eat(b'#') {
            hashes += 1;
        }
        if !self.eat(b'"') {
            return None;
        }
        loop {
            if self.peek()? == b'"' {
                let closes = (1..=hashes).all(|i| self.peek_at(i) == Some(b'#'));
                if closes {
                    self.pos += 1 + hashes;
                    return Some(());
                }
            }
            self.pos += 1;
        }
    }

    fn char_literal(&mut self) -> Option<()> {
        self.pos += 1;
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b'\'' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => self.pos += 1,
            }
        }
    }

    fn number(&mut self) -> Option<()> {
        let start = self.pos;
        if matches!(self.peek(), Some(b'-' | b'+')) {
            self.pos += 1;
        }
        while let Some(b) = self.peek() {
            let exponent_sign = matches!(b, b'-' | b'+')
                && matches!(self.bytes.get(self.pos - 1), Some(b'e' | b'E'));
            if b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || exponent_sign {
                self.pos += 1;
            } else {
                break;
            }
        }
        (self.pos > start).then_some(())
    }

    /// An identifier, possibly naming a struct or variant with a body. `Some(x)` is
    /// located at `x`; any other `Name(..)` at the whole, name included.
    fn identified(&mut self) -> Option<()> {
        let start = self.pos;
        if self.peek() == Some(b'r') && self.peek_at(1) == Some(b'#') {
            self.pos += 2;
        }
        while self.peek().is_some_and(is_ident_char) {
            self.pos += 1;
        }
        let after_name = self.pos;
        let is_some = &self.bytes[start..after_name] == b"Some";
        // A map entry's path is already taken by its key, which it keeps.
        let taken = self.spans.contains_key(&self.path);
        self.skip_trivia();
        if self.peek() == Some(b'(') {
            self.parenthesised()?;
            if !is_some && !taken {
                self.spans.insert(self.path.clone(), start..self.pos);
            }
            Some(())
        } else {
            self.pos = after_name;
            Some(())
        }
    }
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_at<'a>(source: &'a str, map: &SourceMap, path: &str) -> &'a str {
        &source[map
            .get(path)
            .unwrap_or_else(|| panic!("no span for {path}"))]
    }

    #[test]
    fn indexes_fields_sequences_maps_and_wrappers() {
        let source = r##"#![enable(implicit_some)]
Scenario( // a comment with ( and "
    id: "x", /* nested /* block */ comment */
    acts: [
        Act(id: "a", nodes: [
            (id: "n1", time_limit: Some(2.5e-1), choices: [
                Choice(id: "c", effects: {"connection": -2, "distance": +1}, when: [AtLeast("frame", 3)]),
            ]),
        ]),
    ],
    raw: r#"he said "hi""#,
    steps: [Choose("c"), TimeOut],
)"##;
        let map = SourceMap::build(source);
        assert_eq!(text_at(source, &map, "id"), "\"x\"");
        assert_eq!(text_at(source, &map, "acts[0].id"), "\"a\"");
        assert_eq!(
            text_at(source, &map, "acts[0].nodes[0].time_limit"),
            "2.5e-1"
        );
        let choice = "acts[0].nodes[0].choices[0]";
        assert_eq!(
            text_at(source, &map, &format!("{choice}.effects[\"distance\"]")),
            "\"distance\""
        );
        assert_eq!(
            text_at(source, &map, &format!("{choice}.when[0]")),
            "AtLeast(\"frame\", 3)"
        );
        assert_eq!(text_at(source, &map, &format!("{choice}.when[0][1]")), "3");
        assert_eq!(text_at(source, &map, "raw"), "r#\"he said \"hi\"\"#");
        assert_eq!(text_at(source, &map, "steps[0]"), "Choose(\"c\")");
        assert_eq!(text_at(source, &map, "steps[1]"), "TimeOut");
    }

    #[test]
    fn a_comment_between_a_field_and_its_colon_keeps_the_struct_indexed() {
        let source = "Choice(id // the first field\n: \"c\", target /* here */ : \"t\")";
        let map = SourceMap::build(source);
        assert_eq!(text_at(source, &map, ""), source);
        assert_eq!(text_at(source, &map, "id"), "\"c\"");
        assert_eq!(text_at(source, &map, "target"), "\"t\"");
    }

    #[test]
    fn an_escaped_map_key_is_found_by_the_text_it_stands_for() {
        // The validator names entries by the key it read: `conn"ection`, `hope`.
        let source = r#"(effects: {"conn\"ection": 1, "h\u{6f}pe": 2})"#;
        let map = SourceMap::build(source);
        assert_eq!(
            text_at(source, &map, "effects[\"conn\"ection\"]"),
            r#""conn\"ection""#
        );
        assert_eq!(text_at(source, &map, "effects[\"hope\"]"), r#""h\u{6f}pe""#);
    }

    #[test]
    fn a_map_entry_stays_at_its_key_when_its_value_is_named() {
        let source = r#"(state: {"repair": Range(min: 4)})"#;
        let map = SourceMap::build(source);
        assert_eq!(text_at(source, &map, "state[\"repair\"]"), "\"repair\"");
        assert_eq!(text_at(source, &map, "state[\"repair\"].min"), "4");
    }

    #[test]
    fn find_falls_back_to_the_closest_present_parent() {
        let source = r#"(acts: [(id: "a", nodes: [])])"#;
        let map = SourceMap::build(source);
        let span = map.find("acts[0].nodes[3].choices[1].target").unwrap();
        assert_eq!(&source[span], "[]");
        assert_eq!(
            &source[map.find("acts[0][\"odd.key\"]").unwrap()],
            r#"(id: "a", nodes: [])"#
        );
    }

    #[test]
    fn malformed_and_deep_input_is_indexed_without_panicking() {
        for source in [
            "(a: [1, 2",
            "(a: \"unterminated",
            "((((",
            "{\"k\" 1}",
            "r#",
            "",
        ] {
            let _ = SourceMap::build(source);
        }
        let deep = "[".repeat(100_000);
        assert!(SourceMap::build(&deep).get("").is_none());
    }
}
