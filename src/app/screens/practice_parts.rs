//! The parts of the play screen the practice modes add: the noticing question
//! and its feedback, the own-words field, picking the closest answer, "how
//! sure were you?", and rating one's own words (also on the debrief).

use bevy_egui::egui;

use crate::app::actions::Action;
use crate::app::theme::palette;
use crate::app::widgets::{card_ui, ctrl_enter_pressed, strong, wide_button_ui};
use crate::core::engine::{Confidence, Engine, ProbeRecord, StepRecord};
use crate::core::fis::{FisItem, RATING_RANGE, SelfRating, items_at};
use crate::core::model::{Node, Probe};
use crate::core::review::ReviewedStep;
use crate::core::wording;
use crate::tr;

/// The noticing question with its answers as numbered buttons; the clock waits.
pub(super) fn probe_ui(ui: &mut egui::Ui, engine: &Engine, actions: &mut Vec<Action>) {
    let Some(probe) = &engine.node().probe else {
        return;
    };
    let colours = palette(ui);
    ui.label(strong(&probe.question, 21.0).color(colours.accent));
    ui.label(egui::RichText::new(wording::clock_waits_for_noticing()).color(colours.muted));
    ui.add_space(6.0);
    for (number, (index, answer)) in engine.probe_answers().into_iter().enumerate() {
        let label = format!("{}   {}", number + 1, answer.text);
        if wide_button_ui(ui, egui::RichText::new(label).size(19.0)).clicked() {
            actions.push(Action::AnswerProbe(index));
        }
    }
}

/// What the noticing answer caught: whether it fits, its feedback, every
/// answer that fits, what there was to notice and the client's inner voice.
pub(super) fn probe_feedback_ui(ui: &mut egui::Ui, engine: &Engine, actions: &mut Vec<Action>) {
    let (Some(probe), Some(record)) = (&engine.node().probe, engine.probe_record()) else {
        return;
    };
    card_ui(ui, |ui| {
        ui.set_width(ui.available_width());
        probe_recap_ui(ui, probe, record, 20.0);
        inner_voice_ui(ui, engine);
    });
    ui.add_space(10.0);
    let go_on = ui.add(
        egui::Button::new(strong(wording::see_the_answers(), 19.0))
            .min_size(egui::vec2(220.0, 48.0)),
    );
    if go_on.clicked() {
        actions.push(Action::Continue);
    }
}

/// A noticing question and the answer given: whether it fits, its feedback,
/// every answer that fits, and what there was to notice.
pub(crate) fn probe_recap_ui(ui: &mut egui::Ui, probe: &Probe, record: &ProbeRecord, size: f32) {
    let colours = palette(ui);
    ui.label(egui::RichText::new(&probe.question).color(colours.muted));
    if let Some(answer) = probe.answers.get(record.picked) {
        ui.label(egui::RichText::new(&answer.text).size(size));
        let colour = if record.fits {
            colours.good
        } else {
            colours.warning
        };
        let verdict = wording::fits_in_words(record.fits);
        ui.label(strong(verdict, size - 3.0).color(colour));
        if !answer.feedback.is_empty() {
            ui.label(&answer.feedback);
        }
    }
    ui.label(strong(wording::what_fits_here(), size - 3.0));
    for answer in probe.answers.iter().filter(|a| a.fits) {
        ui.label(format!("• {}", answer.text));
    }
    if !probe.explanation.is_empty() {
        ui.label(&probe.explanation);
    }
}

/// The client's inner voice at the current moment, under its heading.
fn inner_voice_ui(ui: &mut egui::Ui, engine: &Engine) {
    let node = engine.node();
    let Some(inner) = node.inner.as_deref() else {
        return;
    };
    let name = node
        .speaker
        .as_deref()
        .and_then(|id| engine.scenario().character(id))
        .map(|c| c.name.as_str());
    ui.label(strong(wording::inner_heading(name), 17.0));
    ui.label(
        egui::RichText::new(format!("“{inner}”"))
            .italics()
            .color(palette(ui).muted),
    );
}

/// The own-words field, focused when the moment begins, with its Send
/// button. Its keys are its own: Enter starts a new line, Ctrl+Enter sends.
pub(super) fn own_words_ui(ui: &mut egui::Ui, draft: &str, actions: &mut Vec<Action>) {
    let colours = palette(ui);
    let prompt = ui.label(strong(wording::say_it_first_prompt(), 19.0));
    ui.label(egui::RichText::new(wording::say_it_first_hint()).color(colours.muted));
    let sent_by_keys = ctrl_enter_pressed(ui);
    let mut text = draft.to_owned();
    let field = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .id_salt("own-words")
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .font(egui::TextStyle::Body)
                .hint_text(wording::say_it_first_field_hint()),
        )
        .labelled_by(prompt.id);
    // The field takes the keyboard whenever nothing else has it (egui drops
    // focus while the window is not focused), so typing always lands in it.
    if ui.memory(|m| m.focused().is_none()) {
        field.request_focus();
    }
    if text != draft {
        actions.push(Action::Draft(text.clone()));
    }
    ui.add_space(6.0);
    let send = ui.add_enabled(
        !text.trim().is_empty(),
        egui::Button::new(strong(wording::send_own_words(), 18.0))
            .min_size(egui::vec2(220.0, 44.0)),
    );
    // Ctrl+Enter also reaches the field, which starts a new line with it: the
    // words are sent without trailing space.
    if (send.clicked() || (sent_by_keys && field.has_focus())) && !text.trim().is_empty() {
        actions.push(Action::SubmitOwnWords(text.trim_end().to_owned()));
    }
}

/// After the own words: them, then the written answers to pick the closest
/// from, and "none of these is close" (after which the pick is the one the
/// story follows).
pub(super) fn picking_heading_ui(ui: &mut egui::Ui, engine: &Engine, actions: &mut Vec<Action>) {
    let colours = palette(ui);
    let Some(words) = engine.state().pending.own_words.as_ref() else {
        return;
    };
    card_ui(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(egui::RichText::new(wording::you_said()).color(colours.muted));
        ui.label(egui::RichText::new(format!("“{}”", words.text)).size(20.0));
    });
    ui.add_space(8.0);
    if words.none_close {
        ui.label(strong(wording::pick_for_the_story(), 19.0));
    } else {
        ui.label(strong(wording::pick_the_closest(), 19.0));
        if ui.button(wording::none_is_close()).clicked() {
            actions.push(Action::NoneClose);
        }
    }
    ui.add_space(4.0);
}

/// "How sure are you of that answer?": before any feedback.
pub(super) fn confidence_ui(ui: &mut egui::Ui, engine: &Engine, actions: &mut Vec<Action>) {
    let colours = palette(ui);
    card_ui(ui, |ui| {
        ui.set_width(ui.available_width());
        if let Some(record) = engine.transcript().steps.last()
            && let Some(said) = said_text(engine.node(), record)
        {
            let heading = wording::answer_heading(record.own_words.as_ref());
            ui.label(egui::RichText::new(heading).color(colours.muted));
            ui.label(egui::RichText::new(format!("“{said}”")).size(20.0));
        }
        ui.add_space(6.0);
        ui.label(strong(wording::how_sure(), 19.0));
        ui.horizontal(|ui| {
            let button = |ui: &mut egui::Ui, text: &str| {
                ui.add(egui::Button::new(strong(text, 18.0)).min_size(egui::vec2(160.0, 44.0)))
                    .clicked()
            };
            if button(ui, &wording::sure_key()) {
                actions.push(Action::Confide(Some(Confidence::Sure)));
            }
            if button(ui, &wording::unsure_key()) {
                actions.push(Action::Confide(Some(Confidence::Unsure)));
            }
            if button(ui, &wording::skip_confidence()) {
                actions.push(Action::Confide(None));
            }
        });
    });
}

/// The written answer a step recorded, if it was one.
fn said_text<'a>(node: &'a Node, record: &StepRecord) -> Option<&'a str> {
    let crate::core::engine::Response::Choice(id) = &record.response else {
        return None;
    };
    node.choices
        .iter()
        .find(|c| &c.id == id)
        .map(|c| c.says.as_str())
}

/// The own words beside the moment's best answers, and a 1-5 rating on each
/// FIS item tagged at the moment, with anchors for 1, 3 and 5. Each click
/// sends every rating of the step; when not `editable` (a saved attempt under
/// review) the ratings given are listed instead.
pub(crate) fn own_words_rating_ui(
    ui: &mut egui::Ui,
    step: &ReviewedStep,
    editable: bool,
    actions: &mut Vec<Action>,
) {
    let Some(words) = &step.record.own_words else {
        return;
    };
    let colours = palette(ui);
    ui.add_space(6.0);
    ui.label(strong(wording::your_own_words(), 17.0));
    if words.text.trim().is_empty() {
        ui.label(egui::RichText::new(wording::nothing_written()).color(colours.muted));
    } else {
        ui.label(egui::RichText::new(format!("“{}”", words.text)).italics());
    }
    ui.label(
        egui::RichText::new(wording::own_words_timing(words))
            .color(colours.muted)
            .size(15.0),
    );
    let top = step.top_answers();
    if !top.is_empty() {
        ui.label(strong(wording::the_best_answers_here(), 17.0));
        for choice in top {
            ui.label(format!("• “{}”", choice.says));
        }
    }
    if !editable {
        if let Some(ratings) = wording::self_ratings_in_words(&step.record.self_ratings) {
            let line = format!("{}: {ratings}", wording::your_ratings());
            ui.label(egui::RichText::new(line).color(colours.muted));
        }
        return;
    }
    let items = step.node.map(items_at).unwrap_or_default();
    if items.is_empty() || words.text.trim().is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(strong(wording::rate_your_words(), 17.0));
    let mut ratings = step.record.self_ratings.clone();
    let mut changed = false;
    for item in items {
        changed |= rating_row_ui(ui, item, &mut ratings);
    }
    if changed {
        actions.push(Action::RateOwnWords {
            step: step.record.index,
            ratings,
        });
    }
}

/// One item's row: its name, the anchors, and buttons 1 to 5 (the score given
/// is selected; clicking it again clears it). True when the rating changed.
fn rating_row_ui(ui: &mut egui::Ui, item: FisItem, ratings: &mut Vec<SelfRating>) -> bool {
    let colours = palette(ui);
    let current = ratings.iter().find(|r| r.item == item).map(|r| r.score);
    let mut changed = false;
    ui.label(egui::RichText::new(item.label()).strong());
    ui.label(
        egui::RichText::new(wording::anchors_in_words(item))
            .color(colours.muted)
            .size(14.0),
    );
    ui.horizontal(|ui| {
        let (first, last) = RATING_RANGE;
        for score in first..=last {
            let selected = current == Some(score);
            let button = ui
                .add(
                    egui::Button::new(format!("{score}"))
                        .selected(selected)
                        .min_size(egui::vec2(40.0, 32.0)),
                )
                .on_hover_text(tr!(
                    "rating-hover",
                    item = item.label(),
                    score = score,
                    last = last
                ));
            if button.clicked() {
                ratings.retain(|r| r.item != item);
                if !selected {
                    ratings.push(SelfRating { item, score });
                }
                changed = true;
            }
        }
    });
    changed
}
