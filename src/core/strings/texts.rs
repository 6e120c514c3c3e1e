//! Every translatable text of a scenario, each with a stable id built from the
//! scenario's structure (`node.knock.choice.welcome.says`), so that a string
//! table keeps its rows when texts around them are added, moved or removed.
//!
//! Translated: everything a trainee reads (titles, goals, notes, names, speech,
//! narration, answers, feedback, noticing questions, endings, drills) and the
//! descriptions an instructor reads. Kept as written: ids, numbers, tags on
//! answers (codes such as `FIS:empathy`), authors, and the sources and their
//! citations in feedback, which name published works.
//!
//! Lists without ids (learning goals, alternatives, noticing answers,
//! deadlines) are keyed by their position, counted from 1.

use crate::core::model::{Feedback, Node, Scenario};

/// One translatable text in a scenario, to read or to replace.
#[derive(Debug)]
pub struct Text<'a> {
    /// The stable id of the text.
    pub id: String,
    /// What a translator needs to know about it: who says it, what it is.
    pub comment: String,
    /// The text itself.
    pub text: &'a mut String,
}

/// Every non-empty translatable text of `scenario`, in file order.
pub fn texts_mut(scenario: &mut Scenario) -> Vec<Text<'_>> {
    let mut out = Collector::default();
    let names: Vec<(String, String)> = scenario
        .characters
        .iter()
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    let name_of = |id: &str| {
        names
            .iter()
            .find(|(character, _)| character == id)
            .map_or_else(|| id.to_owned(), |(_, name)| name.clone())
    };
    out.add("meta.title", "the scenario's title", &mut scenario.title);
    out.add("meta.summary", "the summary", &mut scenario.summary);
    out.list(
        "meta.learning_goal",
        "a learning goal",
        &mut scenario.learning_goals,
    );
    out.list(
        "meta.content_note",
        "a content note, shown before play",
        &mut scenario.content_notes,
    );
    out.list(
        "meta.reflection_prompt",
        "a reflection prompt at the end",
        &mut scenario.reflection_prompts,
    );
    out.list("meta.tag", "a tag shown in the library", &mut scenario.tags);
    if let Some(distance) = &mut scenario.optimal_distance {
        out.add(
            "meta.optimal_distance.reason",
            "why this client's optimal distance is where it is",
            &mut distance.reason,
        );
    }
    if let Some(support) = &mut scenario.trainee_support {
        out.add(
            "meta.trainee_support",
            "support for the trainee, on the briefing and the end screen",
            support,
        );
    }
    for character in &mut scenario.characters {
        let base = format!("character.{}", character.id);
        out.add(
            format!("{base}.name"),
            "a character's name",
            &mut character.name,
        );
        out.add(
            format!("{base}.description"),
            "a character's description",
            &mut character.description,
        );
    }
    for dimension in &mut scenario.dimensions {
        let base = format!("dimension.{}", dimension.id);
        out.add(
            format!("{base}.label"),
            "a dimension's name",
            &mut dimension.label,
        );
        out.add(
            format!("{base}.description"),
            "what a dimension measures",
            &mut dimension.description,
        );
    }
    for act in &mut scenario.acts {
        let base = format!("act.{}", act.id);
        out.add(format!("{base}.title"), "an act's title", &mut act.title);
        out.add(
            format!("{base}.place"),
            "where and when an act happens",
            &mut act.place,
        );
        for (index, deadline) in act.deadlines.iter_mut().enumerate() {
            out.add(
                format!("{base}.deadline.{}", index + 1),
                "what happens at a deadline",
                &mut deadline.label,
            );
        }
        for node in &mut act.nodes {
            node_texts(&mut out, node, &name_of);
        }
    }
    for entry in &mut scenario.entry_points {
        let base = format!("entry.{}", entry.id);
        out.add(format!("{base}.title"), "a drill's title", &mut entry.title);
        out.add(
            format!("{base}.description"),
            "a drill's description",
            &mut entry.description,
        );
    }
    out.texts
}

fn node_texts<'a>(out: &mut Collector<'a>, node: &'a mut Node, name_of: &impl Fn(&str) -> String) {
    let base = format!("node.{}", node.id);
    let speaker = node.speaker.as_deref().map_or_else(
        || "narration".to_owned(),
        |id| format!("said by {}", name_of(id)),
    );
    if let Some(narration) = &mut node.narration {
        out.add(format!("{base}.narration"), "narration", narration);
    }
    out.add(format!("{base}.text"), speaker.clone(), &mut node.text);
    for (index, text) in node.alternatives.iter_mut().enumerate() {
        out.add(
            format!("{base}.alternative.{}", index + 1),
            format!("{speaker}: another wording of the line above"),
            text,
        );
    }
    if let Some(inner) = &mut node.inner {
        out.add(
            format!("{base}.inner"),
            "the client's inner voice, shown with the feedback",
            inner,
        );
    }
    if let Some(feedback) = node
        .timeout
        .as_mut()
        .and_then(|timeout| timeout.feedback.as_mut())
    {
        feedback_texts(out, &format!("{base}.timeout"), feedback);
    }
    for choice in &mut node.choices {
        let choice_base = format!("{base}.choice.{}", choice.id);
        out.add(
            format!("{choice_base}.says"),
            "the trainee's answer",
            &mut choice.says,
        );
        if let Some(feedback) = &mut choice.feedback {
            feedback_texts(out, &choice_base, feedback);
        }
    }
    if let Some(probe) = &mut node.probe {
        out.add(
            format!("{base}.probe.question"),
            "a noticing question",
            &mut probe.question,
        );
        for (index, answer) in probe.answers.iter_mut().enumerate() {
            let answer_base = format!("{base}.probe.answer.{}", index + 1);
            out.add(
                format!("{answer_base}.text"),
                "an answer to the noticing question",
                &mut answer.text,
            );
            out.add(
                format!("{answer_base}.feedback"),
                "shown when this answer is picked",
                &mut answer.feedback,
            );
        }
        out.add(
            format!("{base}.probe.explanation"),
            "what there was to notice",
            &mut probe.explanation,
        );
    }
    if let Some(ending) = &mut node.ending {
        out.add(
            format!("{base}.ending.title"),
            "an ending's title",
            &mut ending.title,
        );
        out.add(
            format!("{base}.ending.text"),
            "an ending's text",
            &mut ending.text,
        );
    }
}

fn feedback_texts<'a>(out: &mut Collector<'a>, base: &str, feedback: &'a mut Feedback) {
    out.add(
        format!("{base}.feedback.relational"),
        "feedback: what the answer does to the relationship",
        &mut feedback.relational,
    );
    out.add(
        format!("{base}.feedback.client"),
        "feedback: what the client may feel, in the client's voice",
        &mut feedback.client,
    );
    out.add(
        format!("{base}.feedback.concept"),
        "feedback: the concept the answer shows",
        &mut feedback.concept,
    );
}

/// Gathers the texts, leaving out empty ones: there is nothing to translate.
#[derive(Default)]
struct Collector<'a> {
    texts: Vec<Text<'a>>,
}

impl<'a> Collector<'a> {
    fn add(&mut self, id: impl Into<String>, comment: impl Into<String>, text: &'a mut String) {
        if !text.trim().is_empty() {
            self.texts.push(Text {
                id: id.into(),
                comment: comment.into(),
                text,
            });
        }
    }

    fn list(&mut self, base: &str, comment: &str, list: &'a mut [String]) {
        for (index, text) in list.iter_mut().enumerate() {
            self.add(format!("{base}.{}", index + 1), comment, text);
        }
    }
}
