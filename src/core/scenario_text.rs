//! Writes a scenario as `.scenario.ron` text, laid out like the shipped files:
//! fields in a fixed order, values left at their defaults left out, short
//! records (characters, deadlines, noticing answers) on one line and the rest one
//! field per line. The same scenario always gives the same bytes, so a save that
//! changes nothing changes no byte, and a one-field edit is a one-line diff.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::model::{
    Act, Band, Character, Choice, Condition, DEFAULT_LANGUAGE, Deadline, DimensionDef, Ending,
    EntryPoint, Expectation, Feedback, Node, OptimalDistance, Probe, ProbeAnswer, Scenario, Step,
    TakeOver, Timeout, Translation, ValueRange,
};

/// The first line of every written file: comments do not survive a save.
pub const WRITTEN_HEADER: &str =
    "// Written by Doorway's editor. Comments added to this file are not kept when it saves.\n";

/// The scenario as text, ending with a newline.
pub fn scenario_text(scenario: &Scenario) -> String {
    let mut out = String::from(WRITTEN_HEADER);
    write_value(&mut out, &scenario_value(scenario), 0);
    out.push('\n');
    out
}

/// Names every field of a record, so that a field added to the model does not
/// compile until the writer writes it too (else every save would drop it).
macro_rules! written_in_full {
    ($pattern:pat = $value:expr) => {
        let $pattern = $value;
    };
}

/// A value on its way to text.
enum Value {
    /// Text written as it is: a number, a quoted string, an enum variant.
    Atom(String),
    /// `[a, b]` on one line.
    InlineList(Vec<Value>),
    /// One element per line.
    BlockList(Vec<Value>),
    /// `{"key": value, ...}` on one line.
    Map(Vec<(String, Value)>),
    /// `Name(field: value, ...)`, on one line when `inline`.
    Record {
        name: &'static str,
        fields: Vec<Field>,
        inline: bool,
    },
    /// A blank line between sections of a record (only inside a block record).
    Gap,
}

/// One named field of a record.
struct Field {
    name: &'static str,
    value: Value,
}

/// Builds a record's fields, leaving out those at their default.
struct Record {
    name: &'static str,
    fields: Vec<Field>,
}

impl Record {
    fn new(name: &'static str) -> Self {
        Self {
            name,
            fields: Vec::new(),
        }
    }

    fn field(mut self, name: &'static str, value: Value) -> Self {
        self.fields.push(Field { name, value });
        self
    }

    fn text(self, name: &'static str, text: &str) -> Self {
        self.field(name, quoted(text))
    }

    fn text_if(self, name: &'static str, text: &str) -> Self {
        if text.is_empty() {
            self
        } else {
            self.text(name, text)
        }
    }

    fn some(self, name: &'static str, value: Option<Value>) -> Self {
        match value {
            Some(value) => self.field(name, value),
            None => self,
        }
    }

    fn number_if(self, name: &'static str, number: u32) -> Self {
        if number == 0 {
            self
        } else {
            self.field(name, Value::Atom(number.to_string()))
        }
    }

    fn list_if(self, name: &'static str, list: Vec<Value>, inline: bool) -> Self {
        if list.is_empty() {
            self
        } else if inline {
            self.field(name, Value::InlineList(list))
        } else {
            self.field(name, Value::BlockList(list))
        }
    }

    fn effects_if(self, name: &'static str, effects: &BTreeMap<String, i32>) -> Self {
        if effects.is_empty() {
            self
        } else {
            self.field(name, numbers(effects))
        }
    }

    fn gap(mut self) -> Self {
        self.fields.push(Field {
            name: "",
            value: Value::Gap,
        });
        self
    }

    fn block(self) -> Value {
        Value::Record {
            name: self.name,
            fields: self.fields,
            inline: false,
        }
    }

    fn inline(self) -> Value {
        Value::Record {
            name: self.name,
            fields: self.fields,
            inline: true,
        }
    }
}

fn quoted(text: &str) -> Value {
    Value::Atom(quoted_text(text))
}

/// `text` in double quotes, escaped so that RON reads it back unchanged.
fn quoted_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn atom(text: impl Into<String>) -> Value {
    Value::Atom(text.into())
}

fn texts(list: &[String]) -> Vec<Value> {
    list.iter().map(|text| quoted(text)).collect()
}

fn numbers(map: &BTreeMap<String, i32>) -> Value {
    Value::Map(
        map.iter()
            .map(|(key, value)| (key.clone(), atom(value.to_string())))
            .collect(),
    )
}

fn seconds(value: f64) -> Value {
    atom(seconds_text(value))
}

/// A time limit in seconds as authors write it: whole numbers without a decimal
/// point (`75`), others as they read back exactly (`7.5`).
pub fn seconds_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        ron::to_string(&value).unwrap_or_else(|_| value.to_string())
    }
}

/// An enum value as RON names it (`Beginner`, `Opens(Withdrawal)`): the
/// names serde reads, so a renamed variant is written as it is read.
fn variant<T: serde::Serialize>(value: &T) -> Value {
    atom(ron::to_string(value).expect("an enum of names and names in brackets always writes"))
}

fn scenario_value(s: &Scenario) -> Value {
    written_in_full!(
        Scenario {
            id: _,
            title: _,
            version: _,
            language: _,
            translation: _,
            authors: _,
            summary: _,
            learning_goals: _,
            content_notes: _,
            reflection_prompts: _,
            difficulty: _,
            estimated_minutes: _,
            tags: _,
            sources: _,
            reading_wpm: _,
            optimal_distance: _,
            trainee_support: _,
            characters: _,
            dimensions: _,
            start: _,
            acts: _,
            entry_points: _,
            expectations: _
        } = s
    );
    let mut record = Record::new("Scenario")
        .text("id", &s.id)
        .text("title", &s.title)
        .text("version", &s.version);
    if s.language != DEFAULT_LANGUAGE {
        record = record.text("language", &s.language);
    }
    record = record
        .some("translation", s.translation.as_ref().map(translation))
        .list_if("authors", texts(&s.authors), true)
        .text_if("summary", &s.summary)
        .list_if("learning_goals", texts(&s.learning_goals), false)
        .list_if("content_notes", texts(&s.content_notes), false)
        .list_if("reflection_prompts", texts(&s.reflection_prompts), false)
        .field("difficulty", variant(&s.difficulty))
        .field("estimated_minutes", atom(s.estimated_minutes.to_string()))
        .list_if("tags", texts(&s.tags), true)
        .some(
            "optimal_distance",
            s.optimal_distance.as_ref().map(optimal_distance),
        )
        .some("trainee_support", s.trainee_support.as_deref().map(quoted));
    if s.reading_wpm != super::model::DEFAULT_READING_WPM {
        record = record.field("reading_wpm", atom(s.reading_wpm.to_string()));
    }
    record = record.list_if("sources", texts(&s.sources), false);
    if !s.characters.is_empty() {
        record = record.gap().list_if(
            "characters",
            s.characters.iter().map(character).collect(),
            false,
        );
    }
    if !s.dimensions.is_empty() {
        record = record.gap().list_if(
            "dimensions",
            s.dimensions.iter().map(dimension).collect(),
            false,
        );
    }
    if !s.start.is_empty() {
        record = record.gap().text("start", &s.start);
    }
    record = record
        .gap()
        .field("acts", Value::BlockList(s.acts.iter().map(act).collect()));
    if !s.entry_points.is_empty() {
        record = record.gap().list_if(
            "entry_points",
            s.entry_points.iter().map(entry_point).collect(),
            false,
        );
    }
    if !s.expectations.is_empty() {
        record = record.gap().list_if(
            "expectations",
            s.expectations.iter().map(expectation).collect(),
            false,
        );
    }
    record.block()
}

fn translation(t: &Translation) -> Value {
    written_in_full!(
        Translation {
            of: _,
            review: _,
            acts: _,
            note: _
        } = t
    );
    Record::new("Translation")
        .text("of", &t.of)
        .field("review", variant(&t.review))
        .some("acts", t.acts.map(|acts| atom(acts.to_string())))
        .text_if("note", &t.note)
        .inline()
}

fn optimal_distance(o: &OptimalDistance) -> Value {
    written_in_full!(
        OptimalDistance {
            low: _,
            high: _,
            reason: _
        } = o
    );
    Record::new("OptimalDistance")
        .field("low", atom(o.low.to_string()))
        .field("high", atom(o.high.to_string()))
        .text("reason", &o.reason)
        .inline()
}

fn character(c: &Character) -> Value {
    written_in_full!(
        Character {
            id: _,
            name: _,
            role: _,
            description: _
        } = c
    );
    Record::new("Character")
        .text("id", &c.id)
        .text("name", &c.name)
        .field("role", variant(&c.role))
        .text_if("description", &c.description)
        .inline()
}

fn dimension(d: &DimensionDef) -> Value {
    written_in_full!(
        DimensionDef {
            id: _,
            label: _,
            description: _,
            min: _,
            max: _,
            initial: _,
            optimal: _,
            source: _
        } = d
    );
    Record::new("Dimension")
        .text("id", &d.id)
        .text("label", &d.label)
        .text_if("description", &d.description)
        .field("min", atom(d.min.to_string()))
        .field("max", atom(d.max.to_string()))
        .field("initial", atom(d.initial.to_string()))
        .some("optimal", d.optimal.map(band))
        .text_if("source", &d.source)
        .block()
}

fn band(b: Band) -> Value {
    Record::new("Band")
        .field("low", atom(b.low.to_string()))
        .field("high", atom(b.high.to_string()))
        .inline()
}

fn act(a: &Act) -> Value {
    written_in_full!(
        Act {
            id: _,
            title: _,
            place: _,
            clock_start: _,
            client: _,
            deadlines: _,
            nodes: _
        } = a
    );
    Record::new("Act")
        .text("id", &a.id)
        .text("title", &a.title)
        .text_if("place", &a.place)
        .some("client", a.client.as_deref().map(quoted))
        .text("clock_start", &a.clock_start.to_string())
        .list_if(
            "deadlines",
            a.deadlines.iter().map(deadline).collect(),
            false,
        )
        .field(
            "nodes",
            Value::BlockList(a.nodes.iter().map(node).collect()),
        )
        .block()
}

fn deadline(d: &Deadline) -> Value {
    written_in_full!(
        Deadline {
            at: _,
            label: _,
            node: _,
            takes_over: _
        } = d
    );
    let record = Record::new("Deadline")
        .text("at", &d.at.to_string())
        .text("label", &d.label)
        .text("node", &d.node);
    match d.takes_over {
        TakeOver::AtNextNode => record,
        TakeOver::Immediately => record.field("takes_over", variant(&d.takes_over)),
    }
    .inline()
}

fn node(n: &Node) -> Value {
    written_in_full!(
        Node {
            id: _,
            speaker: _,
            text: _,
            alternatives: _,
            narration: _,
            inner: _,
            felt_by: _,
            time_limit: _,
            timeout: _,
            pin_order: _,
            choices: _,
            probe: _,
            ending: _
        } = n
    );
    let mut record = Record::new("Node")
        .text("id", &n.id)
        .some("speaker", n.speaker.as_deref().map(quoted))
        .some("felt_by", n.felt_by.as_deref().map(quoted))
        .some("narration", n.narration.as_deref().map(quoted))
        .text_if("text", &n.text)
        .list_if("alternatives", texts(&n.alternatives), false)
        .some("inner", n.inner.as_deref().map(quoted))
        .some("probe", n.probe.as_ref().map(probe))
        .some("time_limit", n.time_limit.map(seconds))
        .some("timeout", n.timeout.as_ref().map(timeout));
    if n.pin_order {
        record = record.field("pin_order", atom("true"));
    }
    record
        .list_if("choices", n.choices.iter().map(choice).collect(), false)
        .some("ending", n.ending.as_ref().map(ending))
        .block()
}

fn probe(p: &Probe) -> Value {
    written_in_full!(
        Probe {
            question: _,
            answers: _,
            explanation: _
        } = p
    );
    Record::new("Probe")
        .text("question", &p.question)
        .list_if(
            "answers",
            p.answers.iter().map(probe_answer).collect(),
            false,
        )
        .text_if("explanation", &p.explanation)
        .block()
}

fn probe_answer(a: &ProbeAnswer) -> Value {
    written_in_full!(
        ProbeAnswer {
            text: _,
            fits: _,
            feedback: _
        } = a
    );
    let mut record = Record::new("ProbeAnswer").text("text", &a.text);
    if a.fits {
        record = record.field("fits", atom("true"));
    }
    record.text_if("feedback", &a.feedback).inline()
}

fn timeout(t: &Timeout) -> Value {
    written_in_full!(
        Timeout {
            target: _,
            minutes: _,
            effects: _,
            rupture: _,
            feedback: _,
            tags: _
        } = t
    );
    Record::new("Timeout")
        .text("target", &t.target)
        .number_if("minutes", t.minutes)
        .some("rupture", t.rupture.as_ref().map(variant))
        .effects_if("effects", &t.effects)
        .list_if("tags", texts(&t.tags), true)
        .some("feedback", t.feedback.as_ref().map(feedback))
        .block()
}

fn choice(c: &Choice) -> Value {
    written_in_full!(
        Choice {
            id: _,
            says: _,
            target: _,
            minutes: _,
            effects: _,
            rupture: _,
            feedback: _,
            tags: _,
            quality: _,
            exemplar: _,
            when: _
        } = c
    );
    let mut record = Record::new("Choice")
        .text("id", &c.id)
        .text("says", &c.says)
        .text("target", &c.target)
        .list_if("when", c.when.iter().map(condition).collect(), true)
        .number_if("minutes", c.minutes)
        .some("quality", c.quality.as_ref().map(variant));
    if c.exemplar {
        record = record.field("exemplar", atom("true"));
    }
    record
        .some("rupture", c.rupture.as_ref().map(variant))
        .effects_if("effects", &c.effects)
        .list_if("tags", texts(&c.tags), true)
        .some("feedback", c.feedback.as_ref().map(feedback))
        .block()
}

fn condition(c: &Condition) -> Value {
    atom(match c {
        Condition::Visited(id) => format!("Visited({})", quoted_text(id)),
        Condition::NotVisited(id) => format!("NotVisited({})", quoted_text(id)),
        Condition::RuptureOpen => "RuptureOpen".to_owned(),
        Condition::NoRuptureOpen => "NoRuptureOpen".to_owned(),
        Condition::AtLeast(id, n) => format!("AtLeast({}, {n})", quoted_text(id)),
        Condition::AtMost(id, n) => format!("AtMost({}, {n})", quoted_text(id)),
    })
}

fn feedback(f: &Feedback) -> Value {
    written_in_full!(
        Feedback {
            relational: _,
            client: _,
            voice: _,
            concept: _,
            source: _
        } = f
    );
    Record::new("Feedback")
        .text_if("relational", &f.relational)
        .text_if("client", &f.client)
        .some("voice", f.voice.as_deref().map(quoted))
        .text_if("concept", &f.concept)
        .text_if("source", &f.source)
        .block()
}

fn ending(e: &Ending) -> Value {
    written_in_full!(
        Ending {
            kind: _,
            title: _,
            text: _
        } = e
    );
    Record::new("Ending")
        .field("kind", variant(&e.kind))
        .text("title", &e.title)
        .text_if("text", &e.text)
        .block()
}

fn entry_point(e: &EntryPoint) -> Value {
    written_in_full!(
        EntryPoint {
            id: _,
            title: _,
            description: _,
            node: _,
            clock: _,
            state: _,
            open_ruptures: _,
            visited: _
        } = e
    );
    Record::new("EntryPoint")
        .text("id", &e.id)
        .text("title", &e.title)
        .text_if("description", &e.description)
        .text("node", &e.node)
        .some("clock", e.clock.map(|clock| quoted(&clock.to_string())))
        .effects_if("state", &e.state)
        .list_if(
            "open_ruptures",
            e.open_ruptures.iter().map(variant).collect(),
            true,
        )
        .list_if("visited", texts(&e.visited), true)
        .block()
}

fn expectation(e: &Expectation) -> Value {
    written_in_full!(
        Expectation {
            name: _,
            entry: _,
            steps: _,
            ending: _,
            node: _,
            state: _
        } = e
    );
    let steps = e
        .steps
        .iter()
        .map(|step| match step {
            Step::Choose(id) => atom(format!("Choose({})", quoted_text(id))),
            Step::TimeOut => atom("TimeOut"),
        })
        .collect();
    let record = Record::new("Expectation")
        .text("name", &e.name)
        .some("entry", e.entry.as_deref().map(quoted))
        .field("steps", Value::InlineList(steps))
        .some("ending", e.ending.as_ref().map(variant))
        .some("node", e.node.as_deref().map(quoted));
    if e.state.is_empty() {
        record
    } else {
        let ranges = e
            .state
            .iter()
            .map(|(id, range)| (id.clone(), value_range(*range)))
            .collect();
        record.field("state", Value::Map(ranges))
    }
    .block()
}

/// A range written without its type name, as the shipped files do: `(min: 8)`.
fn value_range(range: ValueRange) -> Value {
    let mut record = Record::new("");
    if let Some(min) = range.min {
        record = record.field("min", atom(min.to_string()));
    }
    if let Some(max) = range.max {
        record = record.field("max", atom(max.to_string()));
    }
    record.inline()
}

const INDENT: &str = "    ";

fn write_value(out: &mut String, value: &Value, depth: usize) {
    match value {
        Value::Atom(text) => out.push_str(text),
        Value::Gap => {}
        Value::InlineList(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_value(out, item, depth);
            }
            out.push(']');
        }
        Value::Map(entries) => {
            out.push('{');
            for (i, (key, item)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_value(out, &quoted(key), depth);
                out.push_str(": ");
                write_value(out, item, depth);
            }
            out.push('}');
        }
        Value::BlockList(items) => {
            out.push_str("[\n");
            for item in items {
                indent(out, depth + 1);
                write_value(out, item, depth + 1);
                out.push_str(",\n");
            }
            indent(out, depth);
            out.push(']');
        }
        Value::Record {
            name,
            fields,
            inline: true,
        } => {
            out.push_str(name);
            out.push('(');
            for (i, field) in fields.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(field.name);
                out.push_str(": ");
                write_value(out, &field.value, depth);
            }
            out.push(')');
        }
        Value::Record {
            name,
            fields,
            inline: false,
        } => {
            out.push_str(name);
            out.push_str("(\n");
            for field in fields {
                if let Value::Gap = field.value {
                    out.push('\n');
                    continue;
                }
                indent(out, depth + 1);
                out.push_str(field.name);
                out.push_str(": ");
                write_value(out, &field.value, depth + 1);
                out.push_str(",\n");
            }
            indent(out, depth);
            out.push(')');
        }
    }
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str(INDENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load::{LoadOptions, parse};
    use crate::core::shipped::SHIPPED_SCENARIOS;

    fn shipped() -> impl Iterator<Item = (&'static str, Scenario)> {
        SHIPPED_SCENARIOS.iter().map(|(name, text)| {
            let scenario = parse(text, LoadOptions::default()).expect("shipped scenarios parse");
            (*name, scenario)
        })
    }

    #[test]
    fn every_shipped_scenario_reads_back_as_written() {
        for (name, scenario) in shipped() {
            let text = scenario_text(&scenario);
            let again = parse(&text, LoadOptions::default())
                .unwrap_or_else(|e| panic!("{name} written does not parse: {}", e.message));
            assert!(again == scenario, "{name} changed on the way through text");
            assert_eq!(scenario_text(&again), text, "{name} is not stable");
        }
    }

    #[test]
    fn the_layout_follows_the_shipped_files() {
        let (_, scenario) = shipped()
            .find(|(_, s)| s.id == "repair-drill")
            .expect("the repair drill ships");
        let text = scenario_text(&scenario);
        assert!(text.starts_with(WRITTEN_HEADER));
        for line in [
            "\n    id: \"repair-drill\",\n",
            "\n                            rupture: Opens(Withdrawal),\n",
            "\n                            effects: {\"connection\": -1, \"distance\": 2},\n",
            "\n                    time_limit: 70,\n",
            "\n            state: {\"left_open\": (max: 0), \"repair\": (min: 8)},\n",
            "\n            open_ruptures: [Withdrawal],\n",
        ] {
            assert!(text.contains(line), "missing {line:?}");
        }
        assert!(
            !text.contains("pin_order: false") && !text.contains("minutes: 0,"),
            "values at their default are left out"
        );
    }

    #[test]
    fn text_with_quotes_newlines_and_controls_reads_back() {
        let (_, mut scenario) = shipped().next().expect("a shipped scenario");
        let awkward = "She said \"grab coffee\"\\ then:\n\tthe end\u{7}, “curly” 30s #1";
        scenario.title = awkward.to_owned();
        scenario.acts[0].nodes[0].time_limit = Some(7.5);
        let again =
            parse(&scenario_text(&scenario), LoadOptions::default()).expect("escaped text parses");
        assert_eq!(again.title, awkward);
        assert_eq!(again.acts[0].nodes[0].time_limit, Some(7.5));
    }

    #[test]
    fn fields_the_shipped_files_leave_out_read_back_too() {
        use crate::core::clock::ClockTime;
        use crate::core::model::{Band, EndingKind, TakeOver};
        let (_, mut scenario) = shipped()
            .find(|(_, s)| !s.entry_points.is_empty() && !s.expectations.is_empty())
            .expect("a shipped scenario with drills and test paths");
        scenario.reading_wpm = 180;
        scenario.trainee_support = Some("Talk to your supervisor.".into());
        scenario.dimensions = vec![DimensionDef {
            id: "trust".into(),
            label: "Trust".into(),
            description: "How far the client trusts you".into(),
            min: -3,
            max: 3,
            initial: 0,
            optimal: Some(Band { low: 0, high: 2 }),
            source: "Bordin (1979)".into(),
        }];
        scenario.acts[0].client = Some("x".into());
        scenario.acts[0].deadlines.push(Deadline {
            at: ClockTime::from_minutes(15 * 60),
            label: "Now".into(),
            node: scenario.start.clone(),
            takes_over: TakeOver::Immediately,
        });
        let node = &mut scenario.acts[0].nodes[0];
        node.pin_order = true;
        node.felt_by = Some("x".into());
        node.alternatives = vec!["Again".into()];
        scenario.entry_points[0].clock = Some(ClockTime::from_minutes(600));
        scenario.entry_points[0].visited = vec!["a".into()];
        scenario.expectations[0].entry = Some("e".into());
        scenario.expectations[0].node = Some("n".into());
        scenario.expectations[0].ending = Some(EndingKind::Deepened);
        let again =
            parse(&scenario_text(&scenario), LoadOptions::default()).expect("every field parses");
        assert!(again == scenario);
    }

    #[test]
    fn conditions_of_every_kind_read_back() {
        let (_, mut scenario) = shipped().next().expect("a shipped scenario");
        let choice = scenario
            .acts
            .iter_mut()
            .flat_map(|a| a.nodes.iter_mut())
            .flat_map(|n| n.choices.iter_mut())
            .next()
            .expect("a choice");
        choice.when = vec![
            Condition::Visited("a".into()),
            Condition::NotVisited("b".into()),
            Condition::RuptureOpen,
            Condition::NoRuptureOpen,
            Condition::AtLeast("connection".into(), -2),
            Condition::AtMost("distance".into(), 3),
        ];
        choice.exemplar = true;
        let again =
            parse(&scenario_text(&scenario), LoadOptions::default()).expect("conditions parse");
        assert!(again == scenario);
    }
}
