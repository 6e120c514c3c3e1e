//! Failures the user should see, each once, on the screen where it happened:
//! a scenario that cannot begin, an edit that cannot carry the session on, an
//! export or a save that failed. Systems post them; every screen shows its own
//! (through [`super::screens::ScreenFrame`]) until the user dismisses them.

use bevy::prelude::*;

use super::state::AppState;

/// A message for the user on one screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub screen: AppState,
    pub text: String,
}

/// The notices not yet dismissed.
#[derive(Resource, Debug, Default)]
pub struct Notices {
    posted: Vec<Notice>,
}

impl Notices {
    /// Shows `text` on `screen` (once: the same notice twice is shown once).
    pub fn post(&mut self, screen: AppState, text: impl Into<String>) {
        let notice = Notice {
            screen,
            text: text.into(),
        };
        if !self.posted.contains(&notice) {
            self.posted.push(notice);
        }
    }

    /// The notices for `screen`, oldest first.
    pub fn on(&self, screen: AppState) -> impl Iterator<Item = &str> {
        self.posted
            .iter()
            .filter(move |n| n.screen == screen)
            .map(|n| n.text.as_str())
    }

    /// Removes a notice the user has read.
    pub fn dismiss(&mut self, screen: AppState, text: &str) {
        self.posted
            .retain(|n| !(n.screen == screen && n.text == text));
    }
}

/// Registers the notices.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Notices>();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_shows_on_its_screen_once_until_dismissed() {
        let mut notices = Notices::default();
        notices.post(AppState::End, "This attempt could not be saved.");
        notices.post(AppState::End, "This attempt could not be saved.");
        notices.post(AppState::Briefing, "It cannot start.");
        assert_eq!(
            notices.on(AppState::End).collect::<Vec<_>>(),
            ["This attempt could not be saved."]
        );
        assert_eq!(notices.on(AppState::Library).count(), 0);
        notices.dismiss(AppState::End, "This attempt could not be saved.");
        assert_eq!(notices.on(AppState::End).count(), 0);
        assert_eq!(notices.on(AppState::Briefing).count(), 1);
    }
}
