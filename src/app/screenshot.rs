//! `--screenshot PATH`: renders the first interactive frame into a PNG and exits.
//!
//! The fonts and the theme are in use from the first egui pass (see `theme.rs`),
//! and egui settles a new layout within the frame (it runs a second pass when a
//! widget asks for one), so what the capture waits for is the renderer: Bevy
//! compiles its pipelines in the background and skips drawing until they are
//! ready. Under Xvfb's software renderer the first two frames come out black and
//! the third is the settled screen, pixel for pixel the same as after seven.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};
use bevy::window::RequestRedraw;

use super::state::AppState;
use super::theme::FontsReady;

/// Frames of the screen drawn before the capture, the last one captured: enough
/// for the renderer's pipelines here (see the module doc), as for a bare Bevy
/// window; a capture that comes out blank is taken again on the next frame.
const SETTLE_FRAMES: u32 = 3;

/// Frames to wait at most for the screen to be reached.
const MAX_WAIT_FRAMES: u32 = 600;

/// Takes one screenshot of `screen` (once it is showing), then exits.
pub(super) struct ScreenshotPlugin {
    pub path: PathBuf,
    pub screen: AppState,
}

#[derive(Resource)]
struct ScreenshotTarget {
    path: PathBuf,
    screen: AppState,
    frames: u32,
    settled: u32,
    requested: bool,
}

impl Plugin for ScreenshotPlugin {
    fn build(&self, app: &mut App) {
        app.insert_resource(ScreenshotTarget {
            path: self.path.clone(),
            screen: self.screen,
            frames: 0,
            settled: 0,
            requested: false,
        })
        .add_systems(Update, capture_when_settled);
    }
}

fn capture_when_settled(
    mut target: ResMut<ScreenshotTarget>,
    state: Res<State<AppState>>,
    fonts: Option<Res<FontsReady>>,
    mut redraw: MessageWriter<RequestRedraw>,
    mut commands: Commands,
) {
    // Keep frames coming in reactive mode until the capture is written.
    redraw.write(RequestRedraw);
    if target.requested {
        return;
    }
    target.frames += 1;
    if *state.get() == target.screen && fonts.is_some() {
        target.settled += 1;
    }
    if target.settled < SETTLE_FRAMES && target.frames < MAX_WAIT_FRAMES {
        return;
    }
    target.requested = true;
    let mut save = save_to_disk(target.path.clone());
    commands.spawn(Screenshot::primary_window()).observe(
        move |captured: On<ScreenshotCaptured>,
              mut target: ResMut<ScreenshotTarget>,
              mut exit: MessageWriter<AppExit>| {
            // A machine slower than this one may not have drawn yet: then ask
            // again on the next frame, rather than keep a blank picture.
            if is_blank(&captured.image) && target.frames < MAX_WAIT_FRAMES {
                target.requested = false;
                return;
            }
            save(captured);
            exit.write(AppExit::Success);
        },
    );
}

/// Whether every pixel of the capture has one colour: nothing was drawn yet.
fn is_blank(image: &Image) -> bool {
    let Some(data) = image.data.as_deref() else {
        return true;
    };
    let pixel = image
        .texture_descriptor
        .format
        .block_copy_size(None)
        .unwrap_or(4) as usize;
    data.chunks_exact(pixel.max(1))
        .all(|p| p == &data[..pixel.max(1).min(data.len())])
}

#[cfg(test)]
mod tests {
    use bevy::asset::RenderAssetUsages;
    use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};

    use super::*;

    fn image(pixels: &[[u8; 4]]) -> Image {
        let mut image = Image::new_fill(
            Extent3d {
                width: pixels.len() as u32,
                height: 1,
                depth_or_array_layers: 1,
            },
            TextureDimension::D2,
            &pixels[0],
            TextureFormat::Rgba8UnormSrgb,
            RenderAssetUsages::default(),
        );
        image.data = Some(pixels.concat());
        image
    }

    #[test]
    fn a_capture_of_one_colour_is_blank_and_one_with_a_drawn_pixel_is_not() {
        assert!(is_blank(&image(&[[0, 0, 0, 255]; 4])));
        assert!(!is_blank(&image(&[
            [0, 0, 0, 255],
            [0, 0, 0, 255],
            [240, 236, 228, 255],
            [0, 0, 0, 255],
        ])));
    }
}
