//! The debrief's views: the steps, the relationship over time, the map of the
//! scenario, earlier attempts side by side, and exports. The end screen shows
//! them for the session just played, the review screen for a saved attempt.

mod chart;
mod compare;
mod export;
mod map;
pub(crate) use map::{box_rect, map_size};
mod timeline;

pub(super) use chart::{DISTANCE_COLOUR, band_polygon, still_plot, trajectory_plot_ui};
pub(super) use compare::earlier_attempts_ui;
pub(super) use export::export_ui;
pub(super) use map::{ClassAnswers, MapCache, MapOverlay, scenario_map_ui};
pub(super) use timeline::timeline_ui;

use bevy_egui::egui;

use super::actions::Action;
use crate::core::engine::PlayableScenario;
use crate::core::glossary::Glossary;
use crate::core::store::Attempt;
use crate::tr;

/// The views of the debrief, one at a time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub(super) enum DebriefTab {
    /// The ending and summary (and on the end screen, the reflections): drawn by
    /// the screen itself.
    #[default]
    Overview,
    Steps,
    Relationship,
    Map,
    Earlier,
    Export,
}

impl DebriefTab {
    const ALL: [DebriefTab; 6] = [
        DebriefTab::Overview,
        DebriefTab::Steps,
        DebriefTab::Relationship,
        DebriefTab::Map,
        DebriefTab::Earlier,
        DebriefTab::Export,
    ];

    /// The widest the view's column grows: the map and charts want room.
    pub(super) fn width(self) -> f32 {
        match self {
            DebriefTab::Map => super::widgets::WIDE_WIDTH,
            _ => super::widgets::READING_WIDTH,
        }
    }

    fn label(self) -> String {
        match self {
            DebriefTab::Overview => tr!("debrief-ending"),
            DebriefTab::Steps => tr!("debrief-steps"),
            DebriefTab::Relationship => tr!("debrief-relationship"),
            DebriefTab::Map => tr!("debrief-map"),
            DebriefTab::Earlier => tr!("debrief-earlier"),
            DebriefTab::Export => tr!("debrief-export"),
        }
    }
}

/// What a debrief shows.
pub(super) struct Debrief<'a> {
    pub scenario: &'a PlayableScenario,
    pub attempt: &'a Attempt,
    /// The same scenario's other attempts, oldest first.
    pub earlier: Vec<&'a Attempt>,
    /// Whether "what if" is offered (only for the session just played).
    pub what_if: bool,
    /// For the links from feedback to the concepts.
    pub glossary: &'a Glossary,
}

/// The state a debrief keeps between frames.
#[derive(Debug, Clone, Default)]
pub(super) struct DebriefState {
    pub tab: DebriefTab,
    /// Markdown exports include the reflections only when this is ticked.
    pub include_reflections: bool,
    /// The map tab's layout, kept between frames.
    pub map: MapCache,
}

/// The tab bar.
pub(super) fn debrief_tabs_ui(ui: &mut egui::Ui, tab: &mut DebriefTab) {
    ui.horizontal_wrapped(|ui| {
        for choice in DebriefTab::ALL {
            ui.selectable_value(tab, choice, super::widgets::strong(choice.label(), 15.0));
        }
    });
}

/// The chosen view (the overview is the screen's own).
pub(super) fn debrief_view_ui(
    ui: &mut egui::Ui,
    debrief: &Debrief,
    state: &mut DebriefState,
    last_export: Option<&Result<std::path::PathBuf, String>>,
    actions: &mut Vec<Action>,
) {
    let transcript = &debrief.attempt.transcript;
    match state.tab {
        DebriefTab::Overview => {}
        DebriefTab::Steps => timeline_ui(ui, debrief, transcript, actions),
        DebriefTab::Relationship => trajectory_plot_ui(ui, debrief.scenario, transcript),
        DebriefTab::Map => scenario_map_ui(
            ui,
            debrief.scenario,
            MapOverlay::Path(transcript),
            &mut state.map,
        ),
        DebriefTab::Earlier => {
            earlier_attempts_ui(ui, debrief.scenario, debrief.attempt, &debrief.earlier);
        }
        DebriefTab::Export => export_ui(ui, &mut state.include_reflections, last_export, actions),
    }
}

/// A short line in a colour, with its meaning: the key to a chart or map.
pub(super) fn key_ui(ui: &mut egui::Ui, colour: egui::Color32, width: f32, text: &str) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(28.0, 12.0), egui::Sense::hover());
    ui.painter().line_segment(
        [rect.left_center(), rect.right_center()],
        egui::Stroke::new(width, colour),
    );
    ui.label(egui::RichText::new(text).size(14.0));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::test_render::rendered;
    use crate::core::export::tests::fixed_attempt;

    fn draw(tab: DebriefTab, earlier: Vec<&Attempt>, attempt: &Attempt) -> String {
        let (scenario, _) = fixed_attempt();
        let glossary = Glossary::shipped();
        let debrief = Debrief {
            scenario: &scenario,
            attempt,
            earlier,
            what_if: true,
            glossary: &glossary,
        };
        let mut state = DebriefState {
            tab,
            ..DebriefState::default()
        };
        rendered(|ui| {
            debrief_tabs_ui(ui, &mut state.tab);
            debrief_view_ui(ui, &debrief, &mut state, None, &mut Vec::new());
        })
    }

    /// The two-acts fixture answered with `choices`, as a saved attempt.
    fn played(choices: &[&str]) -> Attempt {
        let (scenario, _) = fixed_attempt();
        let (mut engine, _) =
            crate::core::engine::Engine::start(&scenario, None, 1, Default::default()).unwrap();
        for choice in choices {
            let response = crate::core::engine::Response::Choice((*choice).to_owned());
            engine.respond_with(&response).unwrap();
        }
        Attempt::new("Two acts", engine.transcript().clone())
    }

    #[test]
    fn the_steps_show_each_answers_level_and_the_spread_of_the_others() {
        let attempt = played(&["welcome", "ask_more", "book_next_week"]);
        let text = draw(DebriefTab::Steps, vec![], &attempt);
        assert!(text.contains("Your answer: shows the skill well"), "{text}");
        assert!(text.contains("Your answer: good enough"), "{text}");
        // At the greeting the other answers were one good enough, one costly.
        assert!(
            text.contains("Other answers here (2): 1 good enough, 1 costly"),
            "{text}"
        );
    }

    #[test]
    fn the_steps_head_each_client_line_with_the_voice_the_review_gives() {
        // The Steps tab once wrote "<speaker> may have felt" whoever spoke.
        let supervised = played(&["brush_off", "confirm_booking", "move_on", "leave_it"]);
        let text = draw(DebriefTab::Steps, vec![], &supervised);
        assert!(text.contains("How Dr. Lin may have heard it"), "{text}");
        assert!(!text.contains("Dr. Lin may have felt"));
        let overran = played(&["welcome", "keep_talking", "ask_ben_to_wait"]);
        let text = draw(DebriefTab::Steps, vec![], &overran);
        assert!(
            text.contains("What Ada may have felt"),
            "Ada's line at Ben's moment is headed with her name"
        );
        assert!(!text.contains("Ben may have felt"));
    }

    #[test]
    fn the_steps_show_each_answer_with_its_timing_and_a_way_back() {
        let (_, attempt) = fixed_attempt();
        let text = draw(DebriefTab::Steps, vec![], &attempt);
        for expected in [
            "Step 1",
            "Step 4",
            "3.5 s of 45 s",
            "Go back here",
            "Other answers here",
        ] {
            assert!(text.contains(expected), "missing {expected}");
        }
    }

    #[test]
    fn a_what_if_branch_is_compared_with_the_path_taken() {
        let (scenario, mut attempt) = fixed_attempt();
        let (mut engine, _) = crate::core::engine::Engine::start(
            &scenario,
            None,
            attempt.transcript.seed,
            attempt.transcript.settings,
        )
        .unwrap();
        for step in &attempt.transcript.steps {
            engine.respond_with(&step.response).unwrap();
        }
        engine.rewind(1).unwrap();
        engine.choose("confirm_booking").unwrap();
        attempt.transcript = engine.transcript().clone();
        let text = draw(DebriefTab::Steps, vec![], &attempt);
        assert!(text.contains("What if: from step 2"));
        assert!(text.contains("First time") && text.contains("This time"));
    }

    #[test]
    fn the_other_views_draw() {
        let (_, attempt) = fixed_attempt();
        assert!(draw(DebriefTab::Relationship, vec![], &attempt).contains("optimal distance"));
        assert!(draw(DebriefTab::Map, vec![], &attempt).contains("your path"));
        assert!(draw(DebriefTab::Earlier, vec![], &attempt).contains("first attempt"));
        let earlier = Attempt {
            id: "0-earlier".to_owned(),
            ..attempt.clone()
        };
        let side_by_side = draw(DebriefTab::Earlier, vec![&earlier], &attempt);
        assert!(side_by_side.contains("This attempt") && side_by_side.contains("the same path"));
        assert!(draw(DebriefTab::Export, vec![], &attempt).contains("Export as Markdown"));
    }
}
