//! The class's results for the Class screen: a source read in the background
//! (a large class takes seconds), summed up with and without names, so the
//! names toggle needs no second reading.
//!
//! The app sleeps while idle (see `power.rs`), so a reading that ends would
//! show only at the next input; the reading wakes the event loop itself
//! when it is done, and the frame it wakes takes the results.

use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, Task, futures::check_ready};
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};

use super::actions::Action;
use super::sync::Sending;
use crate::core::cohort::aggregate::{Filter, Summary};
use crate::core::cohort::read::Skipped;
use crate::core::cohort::source::{ClassSource, read_class};

/// What the Class screen shows and keeps between visits.
#[derive(Resource, Debug, Default)]
pub struct ClassResults {
    /// The folder typed in the source field (the last one read, once read).
    pub folder: String,
    pub status: ClassStatus,
    /// Whether learners show by name rather than as "Learner 7".
    pub show_names: bool,
    /// The scenario shown, by id (the first when none or an unknown one).
    pub scenario: Option<String>,
}

/// Where the reading of a class is.
#[derive(Debug, Default)]
pub enum ClassStatus {
    #[default]
    NotRead,
    Reading(ClassSource),
    Read(ClassReport),
    /// Why the source could not be read at all, in words.
    Failed(String),
}

/// A class read: its figures both ways, and the files skipped.
#[derive(Debug)]
pub struct ClassReport {
    pub source: ClassSource,
    pseudonymous: Summary,
    named: Summary,
    pub skipped: Vec<Skipped>,
    /// Notes on statements left out.
    pub notes: Vec<String>,
}

impl ClassReport {
    /// Reads `source` (slow: run it off the UI thread).
    pub(super) fn read(source: ClassSource) -> Result<Self, String> {
        let read = read_class(&source, Filter::default())?;
        Ok(Self {
            pseudonymous: read.class.summarize(false),
            named: read.class.summarize(true),
            source,
            skipped: read.skipped,
            notes: read.notes,
        })
    }

    /// The figures, with learners by name or as "Learner 7".
    pub fn summary(&self, names: bool) -> &Summary {
        if names {
            &self.named
        } else {
            &self.pseudonymous
        }
    }
}

/// The reading under way.
#[derive(Resource, Default)]
struct PendingRead(Option<Task<Result<ClassReport, String>>>);

/// Reads classes when asked and keeps the results.
pub(super) struct ClassPlugin;

impl Plugin for ClassPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<ClassResults>()
            .init_resource::<PendingRead>()
            .add_systems(Update, (start_reading, take_results).chain());
    }
}

/// Starts reading the source asked for (a reading under way is dropped).
fn start_reading(
    mut actions: MessageReader<Action>,
    mut results: ResMut<ClassResults>,
    mut pending: ResMut<PendingRead>,
    sending: Res<Sending>,
    proxy: Option<Res<EventLoopProxyWrapper>>,
) {
    let Some(source) = actions
        .read()
        .filter_map(|action| match action {
            Action::ReadClass(source) => Some(Ok(source.clone())),
            Action::ReadClassFromLrs => Some(sending.lrs_source().map(ClassSource::Lrs)),
            _ => None,
        })
        .last()
    else {
        return;
    };
    let source = match source {
        Ok(source) => source,
        Err(error) => {
            results.status = ClassStatus::Failed(error);
            return;
        }
    };
    if let ClassSource::Folder(folder) = &source {
        results.folder = folder.display().to_string();
    }
    results.status = ClassStatus::Reading(source.clone());
    let proxy = proxy.map(|p| (**p).clone());
    pending.0 = Some(AsyncComputeTaskPool::get().spawn(async move {
        let report = ClassReport::read(source);
        if let Some(proxy) = proxy {
            // Nothing to wake when the window has gone.
            let _ = proxy.send_event(WinitUserEvent::WakeUp);
        }
        report
    }));
}

/// Takes the results of a reading that has ended.
fn take_results(mut pending: ResMut<PendingRead>, mut results: ResMut<ClassResults>) {
    let Some(task) = pending.0.as_mut() else {
        return;
    };
    let Some(report) = check_ready(task) else {
        return;
    };
    pending.0 = None;
    results.status = match report {
        Ok(report) => ClassStatus::Read(report),
        Err(error) => ClassStatus::Failed(error),
    };
}
