//! The glossary: each concept the feedback names, in plain words, what it looks
//! like in a session, and its sources. Feedback links here.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use crate::app::actions::Action;
use crate::app::glossary::{GlossaryBook, GlossaryFocus};
use crate::app::screens::ScreenFrame;
use crate::app::state::AppState;
use crate::app::theme::palette;
use crate::app::widgets::{card_ui, reading_column_ui, strong};
use crate::core::glossary::{Entry, Glossary};
use crate::core::model::Feedback;
use crate::tr;

/// Draws the glossary.
pub(super) struct GlossaryScreenPlugin;

impl Plugin for GlossaryScreenPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            EguiPrimaryContextPass,
            glossary_screen
                .run_if(in_state(AppState::Glossary))
                .in_set(super::ScreenSet),
        );
    }
}

fn glossary_screen(
    mut frame: ScreenFrame,
    book: Res<GlossaryBook>,
    mut focus: ResMut<GlossaryFocus>,
    mut filter: Local<String>,
) -> Result {
    frame.show(|root, wanted| {
        // Scroll to the linked entry once, then let the reader move freely.
        let scroll_to = focus.0.take();
        egui::CentralPanel::default().show(root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                reading_column_ui(ui, |ui| {
                    glossary_ui(ui, &book.0, &mut filter, scroll_to.as_deref(), wanted);
                });
            });
        });
    })
}

/// The glossary's contents, with `focus` highlighted and scrolled to.
pub(super) fn glossary_ui(
    ui: &mut egui::Ui,
    glossary: &Glossary,
    filter: &mut String,
    focus: Option<&str>,
    actions: &mut Vec<Action>,
) {
    let colours = palette(ui);
    ui.add_space(16.0);
    if ui.button(tr!("back")).clicked() {
        actions.push(Action::Back);
    }
    ui.label(strong(tr!("glossary-heading"), 30.0));
    ui.label(egui::RichText::new(tr!("glossary-explained")).color(colours.muted));
    ui.horizontal(|ui| {
        let label = ui.label(tr!("library-find"));
        ui.add(egui::TextEdit::singleline(filter).hint_text(tr!("glossary-find-hint")))
            .labelled_by(label.id);
    });
    ui.add_space(8.0);
    let needle = filter.trim().to_lowercase();
    for entry in glossary.entries.iter().filter(|e| matches(e, &needle)) {
        let focused = focus == Some(entry.id.as_str());
        let response = card_ui(ui, |ui| {
            ui.set_width(ui.available_width());
            let title = strong(&entry.term, 21.0);
            ui.label(if focused {
                title.color(colours.accent)
            } else {
                title
            });
            ui.label(&entry.gloss);
            ui.label(strong(tr!("glossary-in-the-room"), 15.5));
            ui.label(egui::RichText::new(&entry.in_the_room).italics());
            for source in &entry.sources {
                ui.label(egui::RichText::new(source).size(14.0).color(colours.muted));
            }
            ui.min_rect()
        });
        if focused {
            ui.scroll_to_rect(response, Some(egui::Align::TOP));
        }
        ui.add_space(6.0);
    }
}

fn matches(entry: &Entry, needle: &str) -> bool {
    needle.is_empty()
        || [&entry.term, &entry.gloss, &entry.in_the_room]
            .iter()
            .any(|text| text.to_lowercase().contains(needle))
}

/// Small links from a piece of feedback to the glossary entries it draws on.
pub(crate) fn concept_links_ui(
    ui: &mut egui::Ui,
    glossary: &Glossary,
    feedback: &Feedback,
    tags: &[String],
    actions: &mut Vec<Action>,
) {
    let links = glossary.links(feedback, tags);
    if links.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(tr!("glossary-read-more"))
                .size(14.0)
                .color(palette(ui).muted),
        );
        for entry in links {
            if ui
                .link(egui::RichText::new(&entry.term).size(14.0))
                .on_hover_text(tr!("glossary-open-concept"))
                .clicked()
            {
                actions.push(Action::OpenGlossary(Some(entry.id.clone())));
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::test_render::rendered;

    #[test]
    fn the_glossary_filters_its_entries() {
        let glossary = Glossary::shipped();
        let all =
            rendered(|ui| glossary_ui(ui, &glossary, &mut String::new(), None, &mut Vec::new()));
        assert!(all.contains("Withdrawal rupture") && all.contains("Bordin"));
        let mut filter = "metacommunication".to_owned();
        let some = rendered(|ui| glossary_ui(ui, &glossary, &mut filter, None, &mut Vec::new()));
        assert!(some.contains("Exploratory repair"));
        assert!(!some.contains("Withdrawal rupture"));
    }

    #[test]
    fn feedback_shows_links_to_its_concepts() {
        let glossary = Glossary::shipped();
        let feedback = Feedback {
            relational: String::new(),
            client: String::new(),
            concept: "Too distant on the continuum of optimal distance".into(),
            source: "Jordan (1995)".into(),
            voice: None,
        };
        let text = rendered(|ui| {
            concept_links_ui(
                ui,
                &glossary,
                &feedback,
                &["3RS:withdrawal".into()],
                &mut Vec::new(),
            )
        });
        assert!(text.contains("Withdrawal rupture") && text.contains("Optimal distance"));
    }
}
