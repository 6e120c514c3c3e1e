//! Today: the moments due for practice, from every scenario in turn, each
//! with why it is there and how far it has come; one click plays it alone.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use crate::app::actions::Action;
use crate::app::attempts::scenario_of;
use crate::app::library::ScenarioLibrary;
use crate::app::screens::ScreenFrame;
use crate::app::state::AppState;
use crate::app::theme::palette;
use crate::app::today::{PracticeDay, PracticeSchedule};
use crate::app::widgets::{card_ui, notice_ui, reading_column_ui, strong};
use crate::core::schedule::Item;
use crate::core::wording;
use crate::tr;

/// Draws the Today list.
pub(super) struct TodayScreenPlugin;

impl Plugin for TodayScreenPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            EguiPrimaryContextPass,
            today_screen
                .run_if(in_state(AppState::Today))
                .in_set(super::ScreenSet),
        );
    }
}

fn today_screen(
    mut frame: ScreenFrame,
    schedule: Res<PracticeSchedule>,
    day: Res<PracticeDay>,
    library: Res<ScenarioLibrary>,
) -> Result {
    frame.show(|root, wanted| {
        egui::CentralPanel::default().show(root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                reading_column_ui(ui, |ui| {
                    today_ui(ui, &schedule, day.0, &library, wanted);
                });
            });
        });
    })
}

/// The list, or when it is empty, when the next moment comes and how moments
/// get on it.
pub(super) fn today_ui(
    ui: &mut egui::Ui,
    schedule: &PracticeSchedule,
    day: time::Date,
    library: &ScenarioLibrary,
    actions: &mut Vec<Action>,
) {
    let colours = palette(ui);
    ui.add_space(16.0);
    if ui.button(tr!("briefing-library")).clicked() {
        actions.push(Action::Back);
    }
    ui.label(strong(wording::today(), 30.0));
    ui.label(egui::RichText::new(wording::today_explained()).color(colours.muted));
    if let Some(notice) = &schedule.notice {
        notice_ui(ui, notice, false);
    }
    ui.add_space(8.0);
    let due = schedule.due(day);
    if due.is_empty() {
        let next = schedule.schedule.next_due_after(day);
        ui.label(strong(wording::nothing_due(day, next), 19.0));
        return;
    }
    ui.label(strong(wording::moments_due(due.len()), 19.0));
    for (position, item) in due.into_iter().enumerate() {
        item_card_ui(ui, item, position, library, actions);
    }
}

/// One moment: its scenario, the client's words there, why it is on the list
/// and its box, and the button that plays it.
fn item_card_ui(
    ui: &mut egui::Ui,
    item: &Item,
    position: usize,
    library: &ScenarioLibrary,
    actions: &mut Vec<Action>,
) {
    let colours = palette(ui);
    let playable = scenario_of(library, &item.scenario_id);
    let node = playable.as_ref().and_then(|p| p.node(&item.node));
    card_ui(ui, |ui| {
        ui.set_width(ui.available_width());
        let title = playable
            .as_ref()
            .map_or(item.scenario_id.as_str(), |p| p.scenario().title.as_str());
        ui.label(egui::RichText::new(title).color(colours.muted));
        match node {
            Some(node) => {
                let words = node
                    .narration
                    .as_deref()
                    .filter(|_| node.text.is_empty())
                    .unwrap_or(&node.text);
                ui.label(egui::RichText::new(format!("“{words}”")).size(19.0));
            }
            None => {
                ui.label(egui::RichText::new(wording::moment_gone()).color(colours.warning));
            }
        }
        ui.label(
            egui::RichText::new(wording::on_the_list_because(item.reason, item.box_index))
                .color(colours.muted)
                .size(15.0),
        );
        ui.add_enabled_ui(node.is_some(), |ui| {
            let play = ui.add(
                egui::Button::new(strong(wording::practise_it(), 17.0))
                    .min_size(egui::vec2(160.0, 40.0)),
            );
            if play.clicked() {
                actions.push(Action::PractiseToday(position));
            }
        });
    });
}
