//! The editor's form for one moment: who speaks and what, the time limit and
//! what happens when it runs out, the noticing question, the ending, and a
//! form per answer.

use bevy_egui::egui;

use super::editor_fields::{Form, character_options};
use crate::app::editor::EditorAction;
use crate::app::widgets::card_ui;
use crate::core::dimensions::DimensionSet;
use crate::core::model::{
    Choice, Ending, EndingKind, Feedback, Node, Probe, ProbeAnswer, Quality, RuptureEffect,
    RuptureKind, Scenario, Timeout,
};
use crate::tr;

/// The default time limit given to a moment when one is switched on.
const DEFAULT_TIME_LIMIT: f64 = 45.0;

/// The form of the moment at `act`, `node` of the scenario.
pub(super) fn moment_form_ui(
    ui: &mut egui::Ui,
    form: &mut Form,
    scenario: &mut Scenario,
    act: usize,
    node: usize,
) {
    let moments: Vec<(String, String)> = scenario
        .nodes()
        .map(|n| (moment_label(n), n.id.clone()))
        .collect();
    let speakers = character_options(scenario, &tr!("form-nobody"));
    let felt_by = character_options(scenario, &tr!("form-acts-client"));
    let dimensions = DimensionSet::for_scenario(scenario);
    let sources = short_sources(scenario);
    let path = format!("acts[{act}].nodes[{node}]");
    let moment = &mut scenario.acts[act].nodes[node];

    ui.label(
        egui::RichText::new(tr!("form-moment", id = moment.id.as_str()))
            .size(22.0)
            .strong(),
    );
    form.problems_at_ui(ui, &path);
    form.problems_at_ui(ui, &format!("{path}.id"));
    form.pick_ui(
        ui,
        &tr!("form-who-speaks"),
        &format!("{path}.speaker"),
        &mut moment.speaker,
        &speakers,
    );

    form.pick_ui(
        ui,
        &tr!("form-felt-by"),
        &format!("{path}.felt_by"),
        &mut moment.felt_by,
        &felt_by,
    );
    form.optional_text_ui(
        ui,
        &tr!("form-narration"),
        &format!("{path}.narration"),
        &mut moment.narration,
        2,
    );
    form.text_ui(
        ui,
        &tr!("form-what-they-say"),
        &format!("{path}.text"),
        &mut moment.text,
        3,
    );
    form.text_list_ui(
        ui,
        &tr!("form-variants"),
        &format!("{path}.alternatives"),
        &mut moment.alternatives,
        &tr!("form-add-variant"),
    );
    form.optional_text_ui(
        ui,
        &tr!("form-inner"),
        &format!("{path}.inner"),
        &mut moment.inner,
        2,
    );
    ui.separator();
    timing_ui(ui, form, moment, &path, &moments, &dimensions);
    ui.separator();
    probe_ui(ui, form, moment, &path);
    ui.separator();
    ending_ui(ui, form, moment, &path);
    if moment.ending.is_some() {
        return;
    }
    ui.separator();
    ui.label(egui::RichText::new(tr!("form-answers")).size(20.0).strong());
    form.problems_at_ui(ui, &format!("{path}.choices"));
    for (index, choice) in moment.choices.iter_mut().enumerate() {
        let choice_path = format!("{path}.choices[{index}]");
        card_ui(ui, |ui| {
            ui.set_width(ui.available_width());
            answer_ui(
                ui,
                form,
                choice,
                index,
                &choice_path,
                &moments,
                &dimensions,
                &sources,
            );
        });
    }
    if let Some(remove) = removed_answer(ui, moment.choices.len()) {
        moment.choices.remove(remove);
        form.changed = Some(format!("{path}.choices.remove"));
    }
    if ui.button(tr!("form-add-answer")).clicked() {
        form.actions.push(EditorAction::AddAnswer);
    }
}

/// A moment as listed: its id and the first words it says.
pub(super) fn moment_label(node: &Node) -> String {
    let words = if node.text.is_empty() {
        node.ending.as_ref().map_or_else(
            || node.narration.clone().unwrap_or_default(),
            |e| e.title.clone(),
        )
    } else {
        node.text.clone()
    };
    let short: String = words.chars().take(40).collect();
    let more = if words.chars().count() > 40 {
        "…"
    } else {
        ""
    };
    if short.is_empty() {
        node.id.clone()
    } else {
        format!("{}: {short}{more}", node.id)
    }
}

/// The short citations the scenario's feedback already uses, to pick from.
fn short_sources(scenario: &Scenario) -> Vec<String> {
    let mut sources: Vec<String> = scenario
        .nodes()
        .flat_map(|n| n.choices.iter().filter_map(|c| c.feedback.as_ref()))
        .map(|f| f.source.clone())
        .filter(|s| !s.is_empty())
        .collect();
    sources.sort();
    sources.dedup();
    sources
}

/// The answer a "Remove an answer" drop-down picked, if any.
fn removed_answer(ui: &mut egui::Ui, count: usize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    let mut removed = None;
    ui.menu_button(tr!("form-remove-answer-menu"), |ui| {
        for index in 0..count {
            if ui
                .button(tr!("form-remove-answer", number = index + 1))
                .clicked()
            {
                removed = Some(index);
                ui.close();
            }
        }
    });
    removed
}

fn timing_ui(
    ui: &mut egui::Ui,
    form: &mut Form,
    moment: &mut Node,
    path: &str,
    moments: &[(String, String)],
    dimensions: &DimensionSet,
) {
    let limit_path = format!("{path}.time_limit");
    let mut timed = moment.time_limit.is_some();
    let response = ui.checkbox(&mut timed, tr!("form-timed"));
    form.watch(ui, &response, &limit_path);
    if timed != moment.time_limit.is_some() {
        moment.time_limit = timed.then_some(DEFAULT_TIME_LIMIT);
        if !timed {
            // Without a clock there is no time to run out (undo brings both back).
            moment.timeout = None;
        }
    }
    if let Some(limit) = &mut moment.time_limit {
        ui.horizontal(|ui| {
            ui.label(tr!("form-seconds"));
            let response = ui.add(
                egui::DragValue::new(limit)
                    .range(5.0..=600.0)
                    .clamp_existing_to_range(false)
                    .speed(1.0),
            );
            if response.changed() {
                form.changed = Some(limit_path.clone());
            }
        });
        let timeout_path = format!("{path}.timeout");
        let mut has_timeout = moment.timeout.is_some();
        let response = ui.checkbox(&mut has_timeout, tr!("form-has-timeout"));
        form.watch(ui, &response, &timeout_path);
        if has_timeout != moment.timeout.is_some() {
            moment.timeout = has_timeout.then(|| Timeout {
                target: moment.id.clone(),
                minutes: 0,
                effects: Default::default(),
                rupture: None,
                feedback: Some(Feedback::default()),
                tags: Vec::new(),
            });
        }
        if let Some(timeout) = &mut moment.timeout {
            let options: Vec<(String, String)> = moments.to_vec();
            form.pick_ui(
                ui,
                &tr!("form-timeout-target"),
                &format!("{timeout_path}.target"),
                &mut timeout.target,
                &options,
            );
            effects_ui(
                ui,
                form,
                &mut timeout.effects,
                &format!("{timeout_path}.effects"),
                dimensions,
            );
            optional_feedback_ui(
                ui,
                form,
                &mut timeout.feedback,
                &format!("{timeout_path}.feedback"),
                &[],
            );
        }
    }
}

fn probe_ui(ui: &mut egui::Ui, form: &mut Form, moment: &mut Node, path: &str) {
    let probe_path = format!("{path}.probe");
    let mut asks = moment.probe.is_some();
    let response = ui.checkbox(&mut asks, tr!("form-probe"));
    form.watch(ui, &response, &probe_path);
    if asks != moment.probe.is_some() {
        moment.probe = asks.then(|| Probe {
            question: String::new(),
            answers: Vec::new(),
            explanation: String::new(),
        });
    }
    let Some(probe) = &mut moment.probe else {
        return;
    };
    form.text_ui(
        ui,
        &tr!("form-question"),
        &format!("{probe_path}.question"),
        &mut probe.question,
        1,
    );
    let mut remove = None;
    for (index, answer) in probe.answers.iter_mut().enumerate() {
        let answer_path = format!("{probe_path}.answers[{index}]");
        let heading = ui.horizontal(|ui| {
            let heading = ui.label(
                egui::RichText::new(tr!("form-noticing-answer", number = index + 1)).strong(),
            );
            let response = ui.checkbox(&mut answer.fits, tr!("form-fits"));
            form.watch(ui, &response, &format!("{answer_path}.fits"));
            if ui.small_button(tr!("form-remove-x")).clicked() {
                remove = Some(index);
            }
            heading
        });
        let text_path = format!("{answer_path}.text");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut answer.text)
                    .desired_width(f32::INFINITY)
                    .id_salt(&text_path),
            )
            .labelled_by(heading.inner.id);
        form.watch(ui, &response, &text_path);
        form.text_ui(
            ui,
            &tr!("form-feedback-on-it"),
            &format!("{answer_path}.feedback"),
            &mut answer.feedback,
            2,
        );
    }
    if let Some(index) = remove {
        probe.answers.remove(index);
        form.changed = Some(format!("{probe_path}.answers.remove"));
    }
    if ui.button(tr!("form-add-noticing-answer")).clicked() {
        probe.answers.push(ProbeAnswer {
            text: String::new(),
            fits: false,
            feedback: String::new(),
        });
        form.changed = Some(format!("{probe_path}.answers.add"));
    }
    form.text_ui(
        ui,
        &tr!("form-what-to-notice"),
        &format!("{probe_path}.explanation"),
        &mut probe.explanation,
        2,
    );
}

fn ending_ui(ui: &mut egui::Ui, form: &mut Form, moment: &mut Node, path: &str) {
    let ending_path = format!("{path}.ending");
    let mut ends = moment.ending.is_some();
    let response = ui.checkbox(&mut ends, tr!("form-is-ending"));
    form.watch(ui, &response, &ending_path);
    if ends != moment.ending.is_some() {
        moment.ending = ends.then(|| Ending {
            kind: EndingKind::Held,
            title: String::new(),
            text: String::new(),
        });
    }
    let Some(ending) = &mut moment.ending else {
        return;
    };
    let kinds: Vec<(String, EndingKind)> = [
        EndingKind::Held,
        EndingKind::Repaired,
        EndingKind::Unresolved,
        EndingKind::Deepened,
    ]
    .into_iter()
    .map(|k| {
        (
            tr!(
                "end-kind-and-meaning",
                kind = k.label(),
                meaning = k.meaning()
            ),
            k,
        )
    })
    .collect();
    form.pick_ui(
        ui,
        &tr!("form-ending-kind"),
        &format!("{ending_path}.kind"),
        &mut ending.kind,
        &kinds,
    );
    form.text_ui(
        ui,
        &tr!("form-ending-title"),
        &format!("{ending_path}.title"),
        &mut ending.title,
        1,
    );
    form.text_ui(
        ui,
        &tr!("form-closing-text"),
        &format!("{ending_path}.text"),
        &mut ending.text,
        3,
    );
}

#[expect(
    clippy::too_many_arguments,
    reason = "an answer's form needs the lists it picks from"
)]
fn answer_ui(
    ui: &mut egui::Ui,
    form: &mut Form,
    choice: &mut Choice,
    index: usize,
    path: &str,
    moments: &[(String, String)],
    dimensions: &DimensionSet,
    sources: &[String],
) {
    ui.label(
        egui::RichText::new(tr!(
            "form-answer",
            number = index + 1,
            id = choice.id.as_str()
        ))
        .strong(),
    );
    form.problems_at_ui(ui, path);
    form.text_ui(
        ui,
        &tr!("form-trainee-says"),
        &format!("{path}.says"),
        &mut choice.says,
        2,
    );
    ui.horizontal(|ui| {
        form.pick_ui(
            ui,
            &tr!("form-leads-to"),
            &format!("{path}.target"),
            &mut choice.target,
            moments,
        );
        if ui.button(tr!("form-new-moment")).clicked() {
            form.actions.push(EditorAction::LeadToNewMoment(index));
        }
    });
    form.number_ui(
        ui,
        &tr!("form-minutes-it-takes"),
        &format!("{path}.minutes"),
        &mut choice.minutes,
        0..=120,
        &tr!("form-min"),
    );
    let levels: Vec<(String, Option<Quality>)> = [
        (tr!("form-not-rated"), None),
        (
            Quality::Skilled.heading().to_owned(),
            Some(Quality::Skilled),
        ),
        (
            Quality::GoodEnough.heading().to_owned(),
            Some(Quality::GoodEnough),
        ),
        (Quality::Costly.heading().to_owned(), Some(Quality::Costly)),
    ]
    .into();
    // An old file's `exemplar: true` shows as the level it stands for; a
    // level picked here replaces it.
    let mut level = choice.level();
    let level_path = format!("{path}.quality");
    form.pick_ui(ui, &tr!("form-level"), &level_path, &mut level, &levels);
    if form.changed.as_deref() == Some(level_path.as_str()) {
        choice.quality = level;
        choice.exemplar = false;
    }
    let ruptures: Vec<(String, Option<RuptureEffect>)> = vec![
        (tr!("form-no-rupture"), None),
        (
            tr!("form-opens-withdrawal"),
            Some(RuptureEffect::Opens(RuptureKind::Withdrawal)),
        ),
        (
            tr!("form-opens-confrontation"),
            Some(RuptureEffect::Opens(RuptureKind::Confrontation)),
        ),
        (tr!("form-repairs"), Some(RuptureEffect::Repairs)),
    ];
    form.pick_ui(
        ui,
        &tr!("form-rupture"),
        &format!("{path}.rupture"),
        &mut choice.rupture,
        &ruptures,
    );
    effects_ui(
        ui,
        form,
        &mut choice.effects,
        &format!("{path}.effects"),
        dimensions,
    );
    optional_feedback_ui(
        ui,
        form,
        &mut choice.feedback,
        &format!("{path}.feedback"),
        sources,
    );
    // The text as typed is kept while the field has the focus, so that a
    // comma typed before the next tag stays.
    let tags_path = format!("{path}.tags");
    let typed = egui::Id::new(("typed tags", &tags_path));
    let mut tags = ui
        .data(|d| d.get_temp::<String>(typed))
        .unwrap_or_else(|| choice.tags.join(", "));
    let response = form.text_ui(ui, &tr!("form-tags-commas"), &tags_path, &mut tags, 1);
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(typed, tags.clone()));
    } else {
        ui.data_mut(|d| d.remove::<String>(typed));
    }
    if form.changed.as_deref() == Some(tags_path.as_str()) {
        choice.tags = tags
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
    }
    if !choice.when.is_empty() {
        ui.label(tr!("form-conditions", count = choice.when.len()));
    }
}

/// A slider per dimension for how much an answer moves it; 0 leaves it out.
fn effects_ui(
    ui: &mut egui::Ui,
    form: &mut Form,
    effects: &mut std::collections::BTreeMap<String, i32>,
    path: &str,
    dimensions: &DimensionSet,
) {
    ui.label(egui::RichText::new(tr!("form-effects")).strong());
    for dimension in dimensions.iter() {
        let span = dimension.max.saturating_sub(dimension.min).max(1);
        let mut value = effects.get(&dimension.id).copied().unwrap_or(0);
        let response = ui.add(
            egui::Slider::new(&mut value, -span..=span)
                .text(&dimension.label)
                .clamping(egui::SliderClamping::Never),
        );
        if response.changed() {
            if value == 0 {
                effects.remove(&dimension.id);
            } else {
                effects.insert(dimension.id.clone(), value);
            }
            form.changed = Some(format!("{path}.{}", dimension.id));
        }
    }
    form.problems_at_ui(ui, path);
}

/// Feedback that may be left out: its fields, filled in as it is written.
fn optional_feedback_ui(
    ui: &mut egui::Ui,
    form: &mut Form,
    feedback: &mut Option<Feedback>,
    path: &str,
    sources: &[String],
) {
    let mut edited = feedback.clone().unwrap_or_default();
    feedback_ui(ui, form, &mut edited, path, sources);
    let edited_here = form
        .changed
        .as_deref()
        .is_some_and(|changed| changed.starts_with(path));
    if edited_here {
        // Emptied entirely, the feedback is left out again.
        *feedback = (edited != Feedback::default()).then_some(edited);
    }
}

/// The three parts of feedback and the source.
fn feedback_ui(
    ui: &mut egui::Ui,
    form: &mut Form,
    feedback: &mut Feedback,
    path: &str,
    sources: &[String],
) {
    form.text_ui(
        ui,
        &tr!("form-relational"),
        &format!("{path}.relational"),
        &mut feedback.relational,
        3,
    );
    form.text_ui(
        ui,
        &tr!("form-client-felt"),
        &format!("{path}.client"),
        &mut feedback.client,
        2,
    );
    form.text_ui(
        ui,
        &tr!("form-concept"),
        &format!("{path}.concept"),
        &mut feedback.concept,
        1,
    );
    let heading = ui.horizontal(|ui| {
        let heading = ui.label(egui::RichText::new(tr!("form-source")).strong());
        ui.menu_button(tr!("form-pick-source"), |ui| {
            for source in sources {
                if ui.button(source).clicked() {
                    feedback.source = source.clone();
                    form.changed = Some(format!("{path}.source"));
                    ui.close();
                }
            }
        });
        heading
    });
    let source_path = format!("{path}.source");
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut feedback.source)
                .desired_width(f32::INFINITY)
                .id_salt(&source_path),
        )
        .labelled_by(heading.inner.id);
    form.watch(ui, &response, &source_path);
}
