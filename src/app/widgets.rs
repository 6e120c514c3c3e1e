//! Pieces the screens share: the root of a screen, cards, meters, the countdown,
//! notices and diagnostics banners. Pure functions of `&mut egui::Ui`.

use std::time::Duration;

use bevy_egui::egui;

use bevy_egui::egui::accesskit::Role;

use super::accessibility::{Urgency, announce_ui, describe};
use super::theme::{SEMIBOLD, palette};
use crate::core::diagnostic::FileReport;
use crate::core::model::{DimensionDef, Quality};
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

/// Runs `add` in a centred column no wider than `max_width`, with a narrower
/// gutter when large text leaves little room.
pub(super) fn column_ui<R>(
    ui: &mut egui::Ui,
    max_width: f32,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let gutter = if Fit::of(ui.ctx()).is_compact() {
        8.0
    } else {
        32.0
    };
    let width = (ui.available_width() - gutter).max(0.0).min(max_width);
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

/// How much room the window leaves at the trainee's text size. A screen in
/// play lays itself out tighter when text is large (compact), so that the
/// client's line, the countdown and every answer fit without scrolling; a
/// moment too long for that even so is drawn a little smaller (its scale).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Fit {
    compact: bool,
    scale: f32,
}

impl Fit {
    /// The usual sizes and spacing.
    pub(super) const ROOMY: Fit = Fit {
        compact: false,
        scale: 1.0,
    };

    /// Tighter sizes and spacing.
    pub(super) const COMPACT: Fit = Fit {
        compact: true,
        scale: 1.0,
    };

    /// The fit for the window `ctx` draws in: compact under 900 × 560 points
    /// (a 1280 × 800 window at 150 % text or more).
    pub(super) fn of(ctx: &egui::Context) -> Fit {
        let size = ctx.viewport_rect().size();
        if size.x < 900.0 || size.y < 560.0 {
            Fit::COMPACT
        } else {
            Fit::ROOMY
        }
    }

    /// Whether the layout is the tight one.
    pub(super) fn is_compact(self) -> bool {
        self.compact
    }

    /// This fit with its text drawn at `scale` of its size.
    pub(super) fn scaled(self, scale: f32) -> Fit {
        Fit { scale, ..self }
    }

    /// A text size: the roomy one, or when compact a smaller one (never under
    /// 15 points, five sixths of the body text), times the scale.
    pub(super) fn text(self, roomy: f32) -> f32 {
        let size = if self.compact {
            (roomy - 5.0).max(15.0).min(roomy)
        } else {
            roomy
        };
        size * self.scale
    }

    /// A gap between parts: a third of the roomy one when compact.
    pub(super) fn gap(self, roomy: f32) -> f32 {
        if self.compact { roomy / 3.0 } else { roomy }
    }

    /// The height of a wide button.
    pub(super) fn button_height(self) -> f32 {
        if self.compact { 26.0 } else { 48.0 }
    }

    /// Tightens the spacing of `ui` when compact.
    pub(super) fn tighten(self, ui: &mut egui::Ui) {
        if self.compact {
            let spacing = ui.spacing_mut();
            spacing.item_spacing = egui::vec2(8.0, 3.0);
            spacing.button_padding = egui::vec2(10.0, 2.0);
        }
    }
}

/// A full-width button with a large target.
pub(super) fn wide_button_ui(
    ui: &mut egui::Ui,
    text: impl Into<egui::WidgetText>,
) -> egui::Response {
    fitted_wide_button_ui(ui, text, Fit::ROOMY)
}

/// A full-width button, as tall as the fit allows.
pub(super) fn fitted_wide_button_ui(
    ui: &mut egui::Ui,
    text: impl Into<egui::WidgetText>,
    fit: Fit,
) -> egui::Response {
    let width = ui.available_width();
    ui.add(
        egui::Button::new(text)
            .min_size(egui::vec2(width, fit.button_height()))
            .wrap(),
    )
}

/// A notice (a problem with a file, a save, the preferences), with an OK
/// button when it can be dismissed; true when that button was clicked. A
/// screen reader is told of it when it appears.
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
    announce_ui(ui, text, text, Urgency::Polite);
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

/// The countdown: whole seconds and a bar, in the warning colour near the end.
/// Both move once a second, when the seconds shown change (the app redraws only
/// then). A screen reader reads the bar as the time left, and is told at once
/// when the warning shows, with a button for more time; true when it was
/// pressed. When compact, the parts follow each other in the row they are
/// drawn in, with a short bar.
pub(super) fn countdown_ui(
    ui: &mut egui::Ui,
    remaining: Duration,
    limit: Duration,
    warned: bool,
    fit: Fit,
) -> bool {
    let colours = palette(ui);
    let seconds = remaining.as_secs_f32().ceil();
    let limit_seconds = limit.as_secs_f32().ceil().max(1.0);
    let colour = if warned {
        colours.warning
    } else {
        colours.accent
    };
    let bar = egui::ProgressBar::new((seconds / limit_seconds).clamp(0.0, 1.0))
        .fill(colour)
        .corner_radius(3);
    let words = wording::time_left_in_words(seconds as u64, limit_seconds as u64);
    let label = strong(format!("⏱ {seconds:.0} s"), fit.text(20.0)).color(colour);
    let more_time = egui::RichText::new(wording::more_time()).color(colours.warning);
    let mut asked = false;
    if fit.is_compact() {
        ui.label(label);
        asked = warned && ui.small_button(more_time).clicked();
        let bar = bar.desired_width(80.0).desired_height(8.0);
        describe(&ui.add(bar), Role::ProgressIndicator, &words);
    } else {
        ui.horizontal(|ui| {
            ui.label(label);
            asked = warned && ui.small_button(more_time).clicked();
        });
        let bar = bar.desired_height(10.0);
        describe(&ui.add(bar), Role::ProgressIndicator, &words);
    }
    if warned {
        announce_ui(ui, "countdown", &wording::time_nearly_up(), Urgency::Urgent);
    }
    asked
}

/// A horizontal meter over the dimension's range, with a marker at `value` and,
/// for a dimension with an optimal band, the band shaded; above it, where the
/// value stands in words, which a screen reader also reads for the bar.
pub(super) fn meter_ui(ui: &mut egui::Ui, dimension: &DimensionDef, value: i32) {
    let colours = palette(ui);
    let words = wording::meter_in_words(dimension, value);
    ui.label(egui::RichText::new(&words).size(15.0));
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), 14.0), egui::Sense::hover());
    describe(&response, Role::Meter, &words);
    let painter = ui.painter_at(rect);
    let span = (dimension.max - dimension.min).max(1) as f32;
    let x = |v: i32| rect.left() + rect.width() * (v - dimension.min) as f32 / span;
    painter.rect_filled(rect, 7.0, ui.visuals().faint_bg_color);
    if let Some(band) = dimension.optimal {
        let band_rect = egui::Rect::from_x_y_ranges(x(band.low)..=x(band.high), rect.y_range());
        painter.rect_filled(band_rect, 3.0, colours.band);
    }
    let out_of_band = dimension
        .optimal
        .is_some_and(|band| value < band.low || value > band.high);
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
    use crate::app::test_render::{accessibility_tree, rendered};
    use bevy_egui::egui::accesskit::Live;

    /// Draws a 30-second countdown with `remaining` left.
    fn countdown(remaining: Duration, warned: bool) -> impl FnMut(&mut egui::Ui) {
        move |ui| {
            countdown_ui(ui, remaining, Duration::from_secs(30), warned, Fit::ROOMY);
        }
    }

    #[test]
    fn the_countdown_shows_whole_seconds_rounded_up() {
        let text = rendered(countdown(Duration::from_millis(12_100), false));
        assert!(text.contains("13 s"), "12.1 s left shows as 13");
        assert!(!text.contains(&wording::more_time()), "no warning yet");
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
        let text = rendered(countdown(Duration::from_secs(5), true));
        assert!(text.contains(&wording::more_time()));
    }

    #[test]
    fn a_screen_reader_hears_the_time_left_and_the_warning_at_once() {
        let calm = accessibility_tree(countdown(Duration::from_millis(12_100), false));
        let bar = calm.find("Time left: 13 of 30 seconds").expect("the bar");
        assert_eq!(bar.role, Role::ProgressIndicator);
        assert!(calm.announced().is_empty(), "nothing to announce yet");
        let warned = accessibility_tree(countdown(Duration::from_secs(5), true));
        let announced = warned.announced();
        assert_eq!(announced.len(), 1);
        assert_eq!(announced[0].words, wording::time_nearly_up());
        assert_eq!(announced[0].live, Live::Assertive);
    }

    #[test]
    fn a_notice_is_announced_when_it_appears() {
        let tree = accessibility_tree(|ui| {
            notice_ui(ui, "This attempt could not be saved.", true);
        });
        let announced = tree.announced();
        assert_eq!(announced.len(), 1);
        assert_eq!(announced[0].words, "This attempt could not be saved.");
        assert!(tree.find_role(Role::Button, "OK").is_some());
    }

    #[test]
    fn a_meter_is_read_in_words() {
        let dimensions = crate::core::dimensions::default_dimensions();
        let distance = dimensions
            .iter()
            .find(|d| d.id == crate::core::dimensions::DISTANCE)
            .unwrap();
        let tree = accessibility_tree(|ui| meter_ui(ui, distance, 4));
        let meter = tree
            .find_role(Role::Meter, "Distance")
            .expect("the meter's bar");
        assert_eq!(meter.words, "Distance: a little too far (4)");
    }
}
