//! Pieces the screens share: the root of a screen, cards, meters, the countdown,
//! notices and diagnostics banners. Pure functions of `&mut egui::Ui`.

use std::time::Duration;

use bevy_egui::egui;

use super::theme::{SEMIBOLD, palette};
use crate::core::diagnostic::FileReport;
use crate::core::model::Quality;
use crate::core::wording;
use crate::tr;

/// The widest the reading column grows, for comfortable line lengths.
pub(super) const READING_WIDTH: f32 = 760.0;

/// A `Ui` covering the whole window, to put panels in.
pub(super) fn root_ui(ctx: &egui::Context) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        "doorway-root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}

/// The widest a map or chart grows.
pub(super) const WIDE_WIDTH: f32 = 1240.0;

/// Runs `add` in a centred column no wider than [`READING_WIDTH`].
pub(super) fn reading_column_ui<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    column_ui(ui, READING_WIDTH, add)
}

/// Runs `add` in a centred column no wider than `max_width`.
pub(super) fn column_ui<R>(
    ui: &mut egui::Ui,
    max_width: f32,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let width = (ui.available_width() - 32.0).max(0.0).min(max_width);
    let margin = ((ui.available_width() - width) / 2.0).max(0.0);
    ui.horizontal_top(|ui| {
        ui.add_space(margin);
        ui.vertical(|ui| {
            ui.set_width(width);
            add(ui)
        })
        .inner
    })
    .inner
}

/// A rounded card.
pub(super) fn card_ui<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let colours = palette(ui);
    egui::Frame::new()
        .fill(colours.card)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(12)
        .inner_margin(18)
        .show(ui, add)
        .inner
}

/// Text in the semibold face.
pub(super) fn strong(text: impl Into<String>, size: f32) -> egui::RichText {
    egui::RichText::new(text)
        .size(size)
        .family(egui::FontFamily::Name(SEMIBOLD.into()))
}

/// The colour of an answer's level: the skill well shown in the "good" colour,
/// good enough in the accent, costly in the warning colour.
pub(super) fn level_colour(ui: &egui::Ui, level: Quality) -> egui::Color32 {
    let colours = palette(ui);
    match level {
        Quality::Skilled => colours.good,
        Quality::GoodEnough => colours.accent,
        Quality::Costly => colours.warning,
    }
}

/// An answer's level, in its colour: "Your answer: good enough".
pub(super) fn answer_level_ui(ui: &mut egui::Ui, level: Quality, size: f32) {
    ui.label(strong(wording::your_answer_level(level), size).color(level_colour(ui, level)));
}

/// The support a scenario offers the trainee, with the support line from the
/// settings.
pub(super) fn trainee_support_ui(ui: &mut egui::Ui, support: &str, support_line: &str) {
    let colours = palette(ui);
    card_ui(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(strong(wording::looking_after_yourself(), 18.0).color(colours.accent));
        ui.label(wording::support_in_words(support, support_line));
    });
}

/// Whether Ctrl+Enter (Cmd+Enter on a Mac) was pressed this frame: what sends
/// a text field's words. The field also gets the Enter and starts a new line,
/// so the caller trims the words it sends.
pub(super) fn ctrl_enter_pressed(ui: &egui::Ui) -> bool {
    ui.input(|input| {
        input.events.iter().any(|event| {
            matches!(
                event,
                egui::Event::Key { key: egui::Key::Enter, pressed: true, modifiers, .. }
                    if modifiers.command
            )
        })
    })
}

/// A full-width button with a large target.
pub(super) fn wide_button_ui(
    ui: &mut egui::Ui,
    text: impl Into<egui::WidgetText>,
) -> egui::Response {
    let width = ui.available_width();
    ui.add(
        egui::Button::new(text)
            .min_size(egui::vec2(width, 48.0))
            .wrap(),
    )
}

/// A notice (a problem with a file, a save, the preferences), with an OK
/// button when it can be dismissed; true when that button was clicked.
pub(super) fn notice_ui(ui: &mut egui::Ui, text: &str, dismissable: bool) -> bool {
    let colours = palette(ui);
    let mut dismissed = false;
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.5, colours.warning))
        .corner_radius(8)
        .inner_margin(10)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(format!("⚠ {text}")).color(colours.warning));
                dismissed = dismissable && ui.small_button("OK").clicked();
            });
        });
    dismissed
}

/// The diagnostics of a broken scenario file, as the command line shows them.
pub(super) fn diagnostics_banner_ui(ui: &mut egui::Ui, report: &FileReport, keeps_last_good: bool) {
    let colours = palette(ui);
    egui::Frame::new()
        .stroke(egui::Stroke::new(2.0, colours.warning))
        .corner_radius(8)
        .inner_margin(12)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let what = if keeps_last_good {
                tr!("diagnostics-keeps-last-good", name = report.name.as_str())
            } else {
                tr!("diagnostics-cannot-play", name = report.name.as_str())
            };
            ui.label(strong(what, 16.0).color(colours.warning));
            egui::ScrollArea::vertical()
                .id_salt(("diagnostics", &report.name))
                .max_height(180.0)
                .show(ui, |ui| {
                    ui.label(
                        egui::RichText::new(report.render_plain())
                            .monospace()
                            .size(13.0),
                    );
                });
        });
}

/// The countdown: a bar and whole seconds, in the warning colour near the end.
/// Both move once a second, when the seconds shown change (the app redraws only
/// then).
pub(super) fn countdown_ui(ui: &mut egui::Ui, remaining: Duration, limit: Duration, warned: bool) {
    let colours = palette(ui);
    let seconds = remaining.as_secs_f32().ceil();
    let fraction = seconds / limit.as_secs_f32().ceil().max(1.0);
    let colour = if warned {
        colours.warning
    } else {
        colours.accent
    };
    ui.horizontal(|ui| {
        let label = format!("⏱ {} s", seconds as u32);
        ui.label(strong(label, 20.0).color(colour));
        if warned {
            ui.label(egui::RichText::new(tr!("countdown-more-time")).color(colours.warning));
        }
    });
    let bar = egui::ProgressBar::new(fraction.clamp(0.0, 1.0))
        .fill(colour)
        .desired_height(10.0)
        .corner_radius(5);
    ui.add(bar);
}

/// A horizontal meter from `min` to `max` with a marker at `value` and, for a
/// dimension with an optimal band, the band shaded.
pub(super) fn meter_ui(
    ui: &mut egui::Ui,
    label: &str,
    value: i32,
    range: (i32, i32),
    band: Option<(i32, i32)>,
) {
    let colours = palette(ui);
    ui.label(egui::RichText::new(format!("{label}: {value}")).size(15.0));
    let (rect, _) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), 14.0), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let span = (range.1 - range.0).max(1) as f32;
    let x = |v: i32| rect.left() + rect.width() * (v - range.0) as f32 / span;
    painter.rect_filled(rect, 7.0, ui.visuals().faint_bg_color);
    if let Some((low, high)) = band {
        let band_rect = egui::Rect::from_x_y_ranges(x(low)..=x(high), rect.y_range());
        painter.rect_filled(band_rect, 3.0, colours.band);
    }
    let out_of_band = band.is_some_and(|(low, high)| value < low || value > high);
    let marker = if out_of_band {
        colours.warning
    } else {
        colours.accent
    };
    painter.circle_filled(egui::pos2(x(value), rect.center().y), 7.0, marker);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::test_render::rendered;

    #[test]
    fn the_countdown_shows_whole_seconds_rounded_up() {
        let text = rendered(|ui| {
            countdown_ui(
                ui,
                Duration::from_millis(12_100),
                Duration::from_secs(30),
                false,
            )
        });
        assert!(text.contains("13 s"), "12.1 s left shows as 13");
        assert!(!text.contains("press E"), "no warning yet");
    }

    #[test]
    fn the_trainee_support_names_the_support_line() {
        let text = rendered(|ui| {
            trainee_support_ui(ui, "This scenario touches suicide.", "Dr. Lee, 555-0142")
        });
        assert!(text.contains("Looking after yourself"), "{text}");
        assert!(text.contains("You can reach: Dr. Lee, 555-0142."), "{text}");
        let unset = rendered(|ui| trainee_support_ui(ui, "This scenario touches suicide.", ""));
        assert!(unset.contains("under Support"), "{unset}");
    }

    #[test]
    fn the_warning_asks_for_more_time() {
        let text =
            rendered(|ui| countdown_ui(ui, Duration::from_secs(5), Duration::from_secs(30), true));
        assert!(text.contains("press E for more time"));
    }
}
