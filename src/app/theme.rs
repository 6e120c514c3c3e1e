//! Fonts, colours and text size: Inter (embedded), light, dark and high-contrast
//! themes, and the text size from the preferences.

use std::sync::Arc;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPreUpdateSet, egui};

use super::preferences::UserPreferences;
use crate::core::preferences::{Preferences, Theme};

const INTER_REGULAR: &[u8] = include_bytes!("../../assets/fonts/Inter-Regular.otf");
const INTER_SEMIBOLD: &[u8] = include_bytes!("../../assets/fonts/Inter-SemiBold.otf");

/// The name of the semibold family, for headings and buttons.
pub(super) const SEMIBOLD: &str = "Inter SemiBold";

/// Applies fonts once and the theme whenever the preferences change.
pub(super) struct ThemePlugin;

/// Present once the fonts are set. They are set before the first egui pass of the
/// app, so they are in use from that pass on; drawing with one of their families
/// before they are in use panics.
#[derive(Resource, Debug)]
pub(super) struct FontsReady;

impl Plugin for ThemePlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(Startup, spawn_camera)
            .add_systems(PreUpdate, apply_theme.after(EguiPreUpdateSet::InitContexts));
    }
}

/// egui draws through a camera; the clear colour is the theme's background.
fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}

/// Runs before the frame's egui pass (which bevy_egui runs in `PostUpdate`):
/// egui takes new fonts and a new zoom only when a pass begins, so set here they
/// are in use in this frame's pass, and the first frame is drawn as it should be.
fn apply_theme(
    mut contexts: EguiContexts,
    preferences: Res<UserPreferences>,
    mut applied: Local<Option<Preferences>>,
    mut commands: Commands,
) {
    // The context exists once the camera is in (it is spawned at start-up).
    let Ok(ctx) = contexts.ctx_mut() else {
        return;
    };
    if applied.is_none() {
        ctx.set_fonts(fonts());
        commands.insert_resource(FontsReady);
    }
    if applied.as_ref() != Some(&preferences.current) {
        style(ctx, &preferences.current);
        *applied = Some(preferences.current.clone());
    }
}

/// Inter for text, with egui's own fonts behind it for symbols.
pub(super) fn fonts() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "Inter".into(),
        Arc::new(egui::FontData::from_static(INTER_REGULAR)),
    );
    fonts.font_data.insert(
        SEMIBOLD.into(),
        Arc::new(egui::FontData::from_static(INTER_SEMIBOLD)),
    );
    let proportional = fonts
        .families
        .entry(egui::FontFamily::Proportional)
        .or_default();
    proportional.insert(0, "Inter".into());
    let mut semibold = vec![SEMIBOLD.to_owned()];
    semibold.extend(proportional.iter().skip(1).cloned());
    fonts
        .families
        .insert(egui::FontFamily::Name(SEMIBOLD.into()), semibold);
    fonts
}

/// Colours, spacing and size for the preferences.
pub(super) fn style(ctx: &egui::Context, preferences: &Preferences) {
    let theme = match preferences.theme {
        Theme::Dark => egui::Theme::Dark,
        Theme::Light | Theme::HighContrast => egui::Theme::Light,
    };
    let visuals = visuals_of(preferences.theme);
    ctx.set_theme(theme);
    ctx.set_visuals_of(theme, visuals);
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(10.0, 10.0);
        style.spacing.button_padding = egui::vec2(14.0, 10.0);
        set_motion(style, preferences.reduced_motion);
        for (text_style, size) in [
            (egui::TextStyle::Heading, 28.0),
            (egui::TextStyle::Body, 18.0),
            (egui::TextStyle::Button, 18.0),
            (egui::TextStyle::Small, 14.0),
            (egui::TextStyle::Monospace, 15.0),
        ] {
            if let Some(font) = style.text_styles.get_mut(&text_style) {
                font.size = size;
            }
        }
        if let Some(heading) = style.text_styles.get_mut(&egui::TextStyle::Heading) {
            heading.family = egui::FontFamily::Name(SEMIBOLD.into());
        }
    });
    ctx.set_zoom_factor(preferences.text_scale);
}

/// Motion in the style: with reduced motion, nothing animates (panels,
/// collapsing sections and tooltips appear at once, scrolling jumps) and the
/// text cursor does not blink.
fn set_motion(style: &mut egui::Style, reduced: bool) {
    let defaults = egui::Style::default();
    if reduced {
        style.animation_time = 0.0;
        style.scroll_animation = egui::style::ScrollAnimation::none();
        style.visuals.text_cursor.blink = false;
    } else {
        style.animation_time = 0.1;
        style.scroll_animation = defaults.scroll_animation;
        style.visuals.text_cursor.blink = defaults.visuals.text_cursor.blink;
    }
}

/// The colours of a theme.
fn visuals_of(theme: Theme) -> egui::Visuals {
    let mut visuals = match theme {
        Theme::Light => light(),
        Theme::Dark => dark(),
        Theme::HighContrast => high_contrast(),
    };
    visuals.widgets.inactive.corner_radius = egui::CornerRadius::same(4);
    visuals.widgets.hovered.corner_radius = egui::CornerRadius::same(4);
    visuals.widgets.active.corner_radius = egui::CornerRadius::same(4);
    visuals
}

/// A calm, warm light theme.
fn light() -> egui::Visuals {
    let mut visuals = egui::Visuals::light();
    visuals.panel_fill = egui::Color32::from_rgb(0xf7, 0xf4, 0xef);
    visuals.window_fill = egui::Color32::from_rgb(0xfd, 0xfb, 0xf8);
    visuals.extreme_bg_color = egui::Color32::from_rgb(0xff, 0xff, 0xff);
    visuals.faint_bg_color = egui::Color32::from_rgb(0xee, 0xea, 0xe3);
    visuals.override_text_color = Some(egui::Color32::from_rgb(0x22, 0x22, 0x26));
    // The text is dark everywhere, selected buttons too: a mid blue behind
    // it keeps 4.5:1.
    visuals.selection.bg_fill = egui::Color32::from_rgb(0x9e, 0xc0, 0xe6);
    visuals.hyperlink_color = egui::Color32::from_rgb(0x1f, 0x4e, 0x79);
    // Outlines dark enough to find checkboxes, radio buttons and sliders (WCAG
    // asks 3:1 for the boundaries of controls).
    let outline = egui::Stroke::new(1.5, egui::Color32::from_gray(110));
    visuals.widgets.inactive.bg_stroke = outline;
    visuals.widgets.inactive.bg_fill = egui::Color32::WHITE;
    visuals.widgets.inactive.weak_bg_fill = egui::Color32::from_rgb(0xe6, 0xe1, 0xd8);
    visuals.widgets.hovered.bg_stroke = egui::Stroke::new(2.0, egui::Color32::from_gray(60));
    visuals
}

/// egui's dark theme, with text light enough for the cards (4.5:1).
fn dark() -> egui::Visuals {
    let mut visuals = egui::Visuals::dark();
    visuals.widgets.noninteractive.fg_stroke.color = egui::Color32::from_gray(200);
    visuals
}

/// Black on white with strong outlines, for low vision.
fn high_contrast() -> egui::Visuals {
    let mut visuals = egui::Visuals::light();
    visuals.panel_fill = egui::Color32::WHITE;
    visuals.window_fill = egui::Color32::WHITE;
    visuals.extreme_bg_color = egui::Color32::WHITE;
    visuals.faint_bg_color = egui::Color32::from_gray(235);
    visuals.override_text_color = Some(egui::Color32::BLACK);
    let stroke = egui::Stroke::new(2.0, egui::Color32::BLACK);
    visuals.widgets.noninteractive.bg_stroke = stroke;
    visuals.widgets.inactive.bg_stroke = stroke;
    visuals.widgets.inactive.weak_bg_fill = egui::Color32::WHITE;
    visuals.widgets.hovered.bg_stroke = egui::Stroke::new(3.0, egui::Color32::BLACK);
    visuals.widgets.active.bg_stroke = egui::Stroke::new(3.0, egui::Color32::BLACK);
    // Selected buttons keep black text: a pale blue fill, a black outline.
    visuals.selection.bg_fill = egui::Color32::from_rgb(0xb8, 0xd4, 0xff);
    visuals.selection.stroke = egui::Stroke::new(2.0, egui::Color32::BLACK);
    visuals.hyperlink_color = egui::Color32::from_rgb(0x00, 0x3d, 0x99);
    visuals
}

/// Colours that carry meaning, per theme.
#[derive(Debug, Clone, Copy)]
pub(super) struct Palette {
    pub accent: egui::Color32,
    pub warning: egui::Color32,
    pub good: egui::Color32,
    pub muted: egui::Color32,
    pub band: egui::Color32,
    pub card: egui::Color32,
}

/// The palette for the current visuals.
pub(super) fn palette(ui: &egui::Ui) -> Palette {
    palette_of(ui.visuals())
}

/// The palette for `visuals`.
fn palette_of(visuals: &egui::Visuals) -> Palette {
    if visuals.dark_mode {
        Palette {
            accent: egui::Color32::from_rgb(0x8a, 0xb4, 0xe8),
            warning: egui::Color32::from_rgb(0xf2, 0xa3, 0x5e),
            good: egui::Color32::from_rgb(0x8f, 0xd1, 0x9e),
            muted: egui::Color32::from_gray(170),
            band: egui::Color32::from_rgb(0x2c, 0x4a, 0x33),
            card: egui::Color32::from_gray(40),
        }
    } else {
        Palette {
            accent: egui::Color32::from_rgb(0x2f, 0x5d, 0x8a),
            warning: egui::Color32::from_rgb(0xa3, 0x42, 0x00),
            good: egui::Color32::from_rgb(0x2e, 0x6b, 0x3a),
            muted: egui::Color32::from_gray(90),
            band: egui::Color32::from_rgb(0xd2, 0xe9, 0xd0),
            card: visuals.window_fill,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::contrast::{LARGE_TEXT_AND_CONTROLS, TEXT, contrast_ratio};

    #[test]
    fn reduced_motion_stops_every_animation_egui_has() {
        let ctx = egui::Context::default();
        for reduced in [true, false] {
            let preferences = Preferences {
                reduced_motion: reduced,
                ..Preferences::default()
            };
            style(&ctx, &preferences);
            let chosen = ctx.style_of(egui::Theme::Light);
            assert_eq!(chosen.animation_time == 0.0, reduced);
            assert_eq!(chosen.scroll_animation.duration.max == 0.0, reduced);
            assert_eq!(chosen.visuals.text_cursor.blink, !reduced);
        }
    }

    fn rgb(colour: egui::Color32) -> [u8; 3] {
        [colour.r(), colour.g(), colour.b()]
    }

    /// Every pair of a theme below its WCAG 2.1 minimum, described.
    fn failures(theme: Theme) -> Vec<String> {
        let visuals = visuals_of(theme);
        let palette = palette_of(&visuals);
        let text = visuals.text_color();
        let backgrounds = [
            ("the page", visuals.panel_fill),
            ("a window", visuals.window_fill),
            ("a card", palette.card),
            ("a text field", visuals.extreme_bg_color),
            ("a striped row", visuals.faint_bg_color),
        ];
        let mut pairs: Vec<(String, egui::Color32, egui::Color32, f64)> = Vec::new();
        for (place, background) in backgrounds {
            for (what, colour) in [
                ("text", text),
                ("muted text", palette.muted),
                ("warning text", palette.warning),
                ("good text", palette.good),
                ("accent text", palette.accent),
                ("a link", visuals.hyperlink_color),
            ] {
                pairs.push((format!("{what} on {place}"), colour, background, TEXT));
            }
            for (what, stroke) in [
                ("a control's outline", visuals.widgets.inactive.bg_stroke),
                (
                    "a focused or hovered control's outline",
                    visuals.widgets.hovered.bg_stroke,
                ),
            ] {
                if stroke.width > 0.0 && stroke.color.a() > 0 {
                    pairs.push((
                        format!("{what} on {place}"),
                        stroke.color,
                        background,
                        LARGE_TEXT_AND_CONTROLS,
                    ));
                }
            }
        }
        for (state, widget) in [
            ("a button", visuals.widgets.inactive),
            ("a hovered button", visuals.widgets.hovered),
            ("a pressed button", visuals.widgets.active),
        ] {
            let label = visuals
                .override_text_color
                .unwrap_or(widget.fg_stroke.color);
            pairs.push((
                format!("the label of {state}"),
                label,
                widget.weak_bg_fill,
                TEXT,
            ));
        }
        pairs.push((
            "the label of a selected button".to_owned(),
            visuals
                .override_text_color
                .unwrap_or(visuals.selection.stroke.color),
            visuals.selection.bg_fill,
            TEXT,
        ));
        pairs
            .into_iter()
            .filter_map(|(what, fore, back, least)| {
                let ratio = contrast_ratio(rgb(fore), rgb(back));
                (ratio < least).then(|| format!("{what}: {ratio:.2} (at least {least})"))
            })
            .collect()
    }

    #[test]
    fn every_theme_meets_the_wcag_contrast_minimums() {
        let failed: Vec<String> = Theme::ALL
            .into_iter()
            .flat_map(|theme| {
                failures(theme)
                    .into_iter()
                    .map(move |failure| format!("{}: {failure}", theme.label()))
            })
            .collect();
        assert!(failed.is_empty(), "\n{}", failed.join("\n"));
    }
}
