//! The scenario editor: the draft being edited, what the editor is asked to do
//! (new, open, add, undo, save, play from here), autosaving unsaved edits to
//! the data folder, and the way back from a trial. The forms are the editor
//! screen's; the model is the core's [`Draft`].

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use bevy::ecs::message::Messages;
use bevy::prelude::*;
use bevy::window::WindowCloseRequested;

use super::navigation::{GoTo, NavigationSet};
use super::notices::Notices;
use super::options::AppOptions;
use super::preferences::UserPreferences;
use super::scenario_assets::WatchFile;
use super::session::{ActiveSession, absorb, session_settings};
use super::state::AppState;
use crate::core::clock::unix_now;
use crate::core::editor::{
    Autosaved, Draft, MomentAt, SaveError, autosave, autosaved, find_moment, forget_autosave,
    lead_to_new_moment, remove_moment, state_at,
};
use crate::core::engine::{Engine, FeedbackMode, PlayableScenario, RelationalState};
use crate::core::files::data_folder;
use crate::core::wording;
use crate::tr;

/// How often unsaved edits are kept in the data folder.
const AUTOSAVE_EVERY: Duration = Duration::from_secs(3);

/// What the editor shows in its middle column.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum EditorView {
    /// Title, summary, goals, notes, prompts, sources.
    #[default]
    Details,
    Characters,
    /// Acts with their clock and deadlines.
    Acts,
    /// Drills: entry points with the state they assume.
    Drills,
    /// One moment and its answers, by id.
    Moment(String),
    /// The map of every moment.
    Map,
}

/// A question the editor waits on before it acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorQuestion {
    /// The file was written by hand: its comments will not be kept.
    SaveDropsComments,
    /// The file changed on disk since it was opened.
    ChangedOnDisk,
    /// Leaving with unsaved edits.
    LeaveUnsaved,
}

/// The scenario being edited.
#[derive(Resource)]
pub struct Editor {
    pub draft: Draft,
    pub view: EditorView,
    /// A field to bring into view and focus, by its path in the scenario
    /// (`acts[0].nodes[2].choices[1].target`), set by a click on a problem.
    pub focus: Option<String>,
    /// Unsaved edits kept from an earlier session, offered back.
    pub recovery: Option<Autosaved>,
    pub question: Option<EditorQuestion>,
    /// What the last save or action did, in words.
    pub status: Option<String>,
    /// A trial is being played from the editor: leaving it comes back here.
    pub trying: bool,
    /// Whether the comments warning was accepted for this file.
    comments_accepted: bool,
    autosaved_text: Option<String>,
    /// Keeping the edits failed, and the author was told.
    autosave_failed: bool,
    since_autosave: Duration,
}

impl Editor {
    fn new(draft: Draft, recovery: Option<Autosaved>) -> Self {
        let view = draft
            .scenario()
            .nodes()
            .next()
            .map_or(EditorView::Details, |n| EditorView::Moment(n.id.clone()));
        Self {
            draft,
            view,
            focus: None,
            recovery,
            question: None,
            status: None,
            trying: false,
            comments_accepted: false,
            autosaved_text: None,
            autosave_failed: false,
            since_autosave: Duration::ZERO,
        }
    }

    /// The moment the middle column shows, if it shows one.
    pub fn moment(&self) -> Option<&str> {
        match &self.view {
            EditorView::Moment(id) => Some(id),
            _ => None,
        }
    }

    /// Shows the part of the scenario a problem's path points into, and asks
    /// for its field to be focused.
    pub fn go_to_path(&mut self, path: &str) {
        self.view = view_of_path(&self.draft, path);
        self.focus = Some(path.to_owned());
    }
}

/// The view that shows the value at `path`.
fn view_of_path(draft: &Draft, path: &str) -> EditorView {
    let index = |prefix: &str, text: &str| -> Option<(usize, String)> {
        let rest = text.strip_prefix(prefix)?;
        let (number, rest) = rest.split_once(']')?;
        Some((number.parse().ok()?, rest.to_owned()))
    };
    if let Some((act, rest)) = index("acts[", path) {
        if let Some((node, _)) = index(".nodes[", &rest)
            && let Some(moment) = draft
                .scenario()
                .acts
                .get(act)
                .and_then(|a| a.nodes.get(node))
        {
            return EditorView::Moment(moment.id.clone());
        }
        return EditorView::Acts;
    }
    if path.starts_with("characters") {
        EditorView::Characters
    } else if path.starts_with("entry_points") {
        EditorView::Drills
    } else {
        EditorView::Details
    }
}

/// What the editor is asked to do.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum EditorAction {
    /// Start a new scenario with this title, in the folder for new scenarios.
    New(String),
    /// Open this scenario file.
    Open(PathBuf),
    /// Show another part of the scenario.
    Show(EditorView),
    /// Show the field at this path (a problem's) and focus it.
    GoToField(String),
    /// Add a moment after the one shown (or at the end of the first act).
    AddMoment,
    /// Add a moment at the end of the act at this position.
    AddMomentToAct(usize),
    /// Add a character with no name yet.
    AddCharacter,
    /// Add an answer to the moment shown.
    AddAnswer,
    /// Point the answer at this position of the moment shown at a new moment.
    LeadToNewMoment(usize),
    /// Remove the moment shown.
    RemoveMoment,
    Undo,
    Redo,
    Save,
    /// Answer yes to the question asked (save without the comments, save over
    /// the file changed on disk, leave without saving).
    Confirm,
    /// Answer no to the question asked.
    Cancel,
    /// Take back the unsaved edits kept from an earlier session.
    Recover,
    /// Forget the unsaved edits kept from an earlier session.
    DiscardRecovery,
    /// Play the scenario from the moment shown, with the state it would have
    /// there.
    PlayFromHere,
    /// Back to the library (asks first when there are unsaved edits).
    Close,
}

/// Registers the editor.
pub(super) struct EditorPlugin;

impl Plugin for EditorPlugin {
    fn build(&self, app: &mut App) {
        let options = AppOptions::of(app);
        app.insert_resource(EditorFolders {
            data: data_folder(options.data_dir.clone()),
            new_scenarios: options
                .new_scenarios_folder()
                .unwrap_or_else(|| PathBuf::from("scenarios")),
        })
        .add_message::<EditorAction>()
        .add_systems(
            Update,
            (
                act_in_editor.before(NavigationSet),
                keep_unsaved_edits.run_if(resource_exists::<Editor>),
                keep_edits_on_close.run_if(resource_exists::<Messages<WindowCloseRequested>>),
            ),
        )
        .add_systems(OnEnter(AppState::Editor), back_from_trial);
        if let Some(file) = options.open_file.filter(|_| options.edit) {
            app.add_systems(Startup, move |mut actions: MessageWriter<EditorAction>| {
                actions.write(EditorAction::Open(file.clone()));
            });
        }
    }
}

/// Where the editor keeps things.
#[derive(Resource, Debug, Clone)]
pub(super) struct EditorFolders {
    /// The data folder, where unsaved edits are kept.
    pub data: Option<PathBuf>,
    /// Where new scenarios are created.
    pub new_scenarios: PathBuf,
}

#[expect(
    clippy::too_many_arguments,
    reason = "a Bevy system takes what it uses as parameters"
)]
fn act_in_editor(
    mut actions: MessageReader<EditorAction>,
    editor: Option<ResMut<Editor>>,
    folders: Res<EditorFolders>,
    preferences: Res<UserPreferences>,
    mut notices: ResMut<Notices>,
    mut go_to: MessageWriter<GoTo>,
    mut watch: MessageWriter<WatchFile>,
    mut commands: Commands,
) {
    let mut editor = editor;
    for action in actions.read() {
        match action {
            EditorAction::New(title) => match Draft::create(&folders.new_scenarios, title) {
                Ok(draft) => {
                    watch.write(WatchFile(draft.file().to_path_buf()));
                    let mut editor = Editor::new(draft, None);
                    if title.trim().is_empty() {
                        // Untitled: the title is the first thing to write.
                        editor.view = EditorView::Details;
                        editor.focus = Some("title".to_owned());
                    }
                    commands.insert_resource(editor);
                    go_to.write(GoTo(AppState::Editor));
                }
                Err(error) => notices.post(
                    AppState::Library,
                    tr!(
                        "editor-new-failed",
                        folder = folders.new_scenarios.display().to_string(),
                        error = error.to_string()
                    ),
                ),
            },
            EditorAction::Open(file) => match Draft::open(file) {
                Ok(draft) => {
                    let recovery = recovery_for(&folders, &draft, &mut notices);
                    commands.insert_resource(Editor::new(draft, recovery));
                    go_to.write(GoTo(AppState::Editor));
                }
                Err(error) => notices.post(
                    AppState::Library,
                    tr!(
                        "editor-cannot-edit",
                        file = file.display().to_string(),
                        error = error.to_string()
                    ),
                ),
            },
            _ => {
                let Some(editor) = editor.as_deref_mut() else {
                    continue;
                };
                let outcome = act_on_draft(editor, action, &folders);
                match outcome {
                    Outcome::Stay => {}
                    Outcome::Leave => {
                        // Edits kept from an earlier session and neither taken
                        // back nor forgotten stay kept.
                        if let Some(data) =
                            folders.data.as_ref().filter(|_| editor.recovery.is_none())
                        {
                            forget_autosave(data, editor.draft.file());
                        }
                        commands.remove_resource::<Editor>();
                        go_to.write(GoTo(AppState::Library));
                    }
                    Outcome::Saved(file) => {
                        watch.write(WatchFile(file));
                    }
                    Outcome::Try => match trial(editor, &preferences) {
                        Ok(session) => {
                            editor.trying = true;
                            commands.insert_resource(session);
                            go_to.write(GoTo(AppState::Play));
                        }
                        Err(reason) => editor.status = Some(reason),
                    },
                }
            }
        }
    }
}

/// What an action on the open draft leads to.
enum Outcome {
    Stay,
    Leave,
    Saved(PathBuf),
    Try,
}

fn act_on_draft(editor: &mut Editor, action: &EditorAction, folders: &EditorFolders) -> Outcome {
    // Moving elsewhere names what was just written; every other edit, save or
    // trial names it first, so that it works on the names a reader sees.
    match action {
        EditorAction::Show(view) => {
            editor.view = view.clone();
            name_new_ids_keeping_view(editor);
            return Outcome::Stay;
        }
        EditorAction::GoToField(path) => {
            editor.go_to_path(path);
            name_new_ids_keeping_view(editor);
            return Outcome::Stay;
        }
        EditorAction::Undo | EditorAction::Redo => {}
        _ => name_new_ids_keeping_view(editor),
    }
    let shown = editor.moment().map(str::to_owned);
    match action {
        EditorAction::Show(_) | EditorAction::GoToField(_) => {}
        EditorAction::AddMoment => {
            let id = editor.draft.add_moment(shown.as_deref());
            editor.view = EditorView::Moment(id);
        }
        EditorAction::AddMomentToAct(act) => {
            if let Some(id) = editor.draft.add_moment_to_act(*act) {
                editor.view = EditorView::Moment(id);
            }
        }
        EditorAction::AddCharacter => {
            editor.draft.add_character();
        }
        EditorAction::AddAnswer => {
            if let Some(moment) = shown {
                editor.draft.add_answer(&moment);
            }
        }
        EditorAction::LeadToNewMoment(answer) => {
            if let Some(moment) = shown
                && let Some(id) = editor
                    .draft
                    .edit(|s| lead_to_new_moment(s, &moment, *answer))
            {
                editor.status = Some(tr!("editor-leads-to-new", id = id.as_str()));
            }
        }
        EditorAction::RemoveMoment => {
            if let Some(moment) = shown {
                let next = next_moment_after(&editor.draft, &moment);
                editor.draft.edit(|s| remove_moment(s, &moment));
                editor.view = next.map_or(EditorView::Details, EditorView::Moment);
            }
        }
        EditorAction::Undo => {
            let at = shown_position(editor);
            if !editor.draft.undo() {
                editor.status = Some(tr!("editor-nothing-to-undo"));
            }
            keep_view_valid(editor, at);
        }
        EditorAction::Redo => {
            let at = shown_position(editor);
            if !editor.draft.redo() {
                editor.status = Some(tr!("editor-nothing-to-redo"));
            }
            keep_view_valid(editor, at);
        }
        EditorAction::Save => {
            if editor.draft.save_drops_comments() && !editor.comments_accepted {
                editor.question = Some(EditorQuestion::SaveDropsComments);
                return Outcome::Stay;
            }
            return save(editor, folders, false);
        }
        EditorAction::Confirm => match editor.question.take() {
            Some(EditorQuestion::SaveDropsComments) => {
                editor.comments_accepted = true;
                return save(editor, folders, false);
            }
            Some(EditorQuestion::ChangedOnDisk) => return save(editor, folders, true),
            Some(EditorQuestion::LeaveUnsaved) => return Outcome::Leave,
            None => {}
        },
        EditorAction::Cancel => editor.question = None,
        EditorAction::Recover => {
            if let Some(kept) = editor.recovery.take() {
                match crate::core::load::parse(&kept.text, Default::default()) {
                    Ok(scenario) => {
                        let at = shown_position(editor);
                        editor.draft.edit(|s| *s = scenario);
                        editor.status = Some(tr!("editor-edits-back"));
                        keep_view_valid(editor, at);
                    }
                    Err(error) => {
                        editor.status =
                            Some(tr!("editor-edits-not-back", error = error.message.as_str()))
                    }
                }
            }
        }
        EditorAction::DiscardRecovery => {
            editor.recovery = None;
            if let Some(data) = &folders.data {
                forget_autosave(data, editor.draft.file());
            }
        }
        EditorAction::PlayFromHere => return Outcome::Try,
        EditorAction::Close => {
            if editor.draft.is_unsaved() {
                editor.question = Some(EditorQuestion::LeaveUnsaved);
            } else {
                return Outcome::Leave;
            }
        }
        EditorAction::New(_) | EditorAction::Open(_) => {}
    }
    Outcome::Stay
}

fn save(editor: &mut Editor, folders: &EditorFolders, over_changes: bool) -> Outcome {
    let result = if over_changes {
        editor.draft.save_over()
    } else {
        editor.draft.save()
    };
    match result {
        Ok(saved) => {
            if let Some(data) = &folders.data {
                forget_autosave(data, editor.draft.file());
            }
            editor.autosaved_text = None;
            editor.status = Some(match (saved.unchanged, saved.backup) {
                (true, _) => tr!("editor-saved-unchanged"),
                (false, Some(backup)) => tr!("editor-saved-backup", backup = file_name(&backup)),
                (false, None) if saved.recreated => tr!(
                    "editor-saved-recreated",
                    file = editor.draft.file().display().to_string()
                ),
                (false, None) => tr!("editor-saved-status"),
            });
            Outcome::Saved(editor.draft.file().to_path_buf())
        }
        Err(SaveError::ChangedOnDisk) => {
            editor.question = Some(EditorQuestion::ChangedOnDisk);
            Outcome::Stay
        }
        Err(error) => {
            editor.status = Some(tr!("editor-not-saved", error = error.to_string()));
            Outcome::Stay
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The moment after `id` in file order, or the one before when it is last.
fn next_moment_after(draft: &Draft, id: &str) -> Option<String> {
    let ids: Vec<&str> = draft.scenario().nodes().map(|n| n.id.as_str()).collect();
    let position = ids.iter().position(|&n| n == id)?;
    ids.get(position + 1)
        .or_else(|| position.checked_sub(1).and_then(|p| ids.get(p)))
        .map(|&n| n.to_owned())
}

/// Names the moments, answers and characters that have words now (see
/// [`Draft::name_new_ids`]), keeping the moment shown in view under its new id.
fn name_new_ids_keeping_view(editor: &mut Editor) {
    let at = shown_position(editor);
    if editor.draft.name_new_ids()
        && let Some(at) = at
    {
        let id = editor.draft.scenario().acts[at.act].nodes[at.node]
            .id
            .clone();
        editor.view = EditorView::Moment(id);
    }
}

/// Where the moment shown is, if one is.
fn shown_position(editor: &Editor) -> Option<MomentAt> {
    editor
        .moment()
        .and_then(|id| find_moment(editor.draft.scenario(), id))
}

/// After an undo or redo, the moment shown may have another id, or be gone:
/// show the moment now at its place, or the details when there is none.
fn keep_view_valid(editor: &mut Editor, at: Option<MomentAt>) {
    if let EditorView::Moment(id) = &editor.view
        && find_moment(editor.draft.scenario(), id).is_none()
    {
        let scenario = editor.draft.scenario();
        editor.view = at
            .and_then(|at| scenario.acts.get(at.act)?.nodes.get(at.node))
            .map_or(EditorView::Details, |n| EditorView::Moment(n.id.clone()));
    }
}

/// The unsaved edits kept for the draft's file, when they differ from it.
fn recovery_for(
    folders: &EditorFolders,
    draft: &Draft,
    notices: &mut Notices,
) -> Option<Autosaved> {
    let data = folders.data.as_ref()?;
    match autosaved(data, draft.file()) {
        Ok(kept) => kept.filter(|k| k.text != draft.text()),
        Err(problem) => {
            notices.post(
                AppState::Editor,
                format!("{}.", wording::capitalised(&problem)),
            );
            None
        }
    }
}

/// A session on the draft from the moment shown (the start when none), with
/// the state the shortest way there leads to. A draft with errors plays as
/// far as it is written: answers with an error are shown but cannot be
/// chosen.
fn trial(editor: &Editor, preferences: &UserPreferences) -> Result<ActiveSession, String> {
    let scenario = editor.draft.scenario().clone();
    let node = editor
        .moment()
        .map_or_else(|| scenario.start.clone(), str::to_owned);
    let playable: Arc<PlayableScenario> =
        PlayableScenario::draft(scenario, editor.draft.problems())
            .map_err(|blocked| format!("{}.", wording::capitalised(&blocked.to_string())))?;
    let settings = {
        let mut settings = session_settings(
            preferences,
            FeedbackMode::Immediate,
            &playable.scenario().id,
        );
        settings.practice = crate::core::engine::PracticeMode::Choose;
        settings
    };
    let seed = rand::random::<u64>();
    let here = state_at(&playable, &node);
    let (relational, clock) = match &here {
        Some(here) => (here.relational.clone(), Some(here.clock)),
        None => (RelationalState::initial(playable.dimensions(), None), None),
    };
    let (engine, events) = Engine::start_at(&playable, &node, relational, clock, seed, settings)
        .map_err(|error| tr!("editor-trial-cannot-start", error = error.to_string()))?;
    let mut session = ActiveSession::new(playable.scenario().id.clone(), engine);
    session.trial = true;
    let draft_note = match playable.draft_errors() {
        0 => String::new(),
        errors => format!(" {}", crate::core::wording::draft_played_with(errors)),
    };
    session.notice = Some(
        match here {
            Some(here) if here.way.is_empty() => tr!("editor-trial-from-start"),
            Some(here) => tr!(
                "editor-trial-from-node",
                node = node.as_str(),
                answers = here.way.len()
            ),
            None => tr!("editor-trial-no-way", node = node.as_str()),
        } + &draft_note,
    );
    absorb(&mut session, &events);
    Ok(session)
}

/// Back in the editor after a trial.
fn back_from_trial(editor: Option<ResMut<Editor>>, mut commands: Commands) {
    if let Some(mut editor) = editor
        && editor.trying
    {
        editor.trying = false;
        commands.remove_resource::<ActiveSession>();
    }
}

/// Keeps unsaved edits in the data folder every few seconds while they differ
/// from what was kept last.
fn keep_unsaved_edits(
    mut editor: ResMut<Editor>,
    folders: Res<EditorFolders>,
    time: Res<Time<Real>>,
    mut notices: ResMut<Notices>,
) {
    editor.since_autosave += time.delta();
    if editor.since_autosave >= AUTOSAVE_EVERY {
        editor.since_autosave = Duration::ZERO;
        keep_edits_now(&mut editor, &folders, &mut notices);
    }
}

/// Keeps unsaved edits at once when the window is asked to close: closing
/// does not wait for the next autosave, and the edits are offered back the
/// next time the file is opened.
fn keep_edits_on_close(
    mut requests: MessageReader<WindowCloseRequested>,
    editor: Option<ResMut<Editor>>,
    folders: Res<EditorFolders>,
    mut notices: ResMut<Notices>,
) {
    if requests.read().count() > 0
        && let Some(mut editor) = editor
    {
        keep_edits_now(&mut editor, &folders, &mut notices);
    }
}

/// Keeps the unsaved edits in the data folder if they differ from what was
/// kept last; forgets what was kept when the draft is back to the file.
fn keep_edits_now(editor: &mut Editor, folders: &EditorFolders, notices: &mut Notices) {
    // Edits kept from an earlier session are not written over until the
    // author takes them back or forgets them.
    if editor.recovery.is_some() {
        return;
    }
    let Some(data) = &folders.data else {
        return;
    };
    if !editor.draft.is_unsaved() {
        // Undone back to the file: nothing to offer back after a crash.
        if editor.autosaved_text.take().is_some() {
            forget_autosave(data, editor.draft.file());
        }
        return;
    }
    let text = editor.draft.text();
    if editor.autosaved_text.as_deref() == Some(text.as_str()) {
        return;
    }
    let now = unix_now();
    match autosave(
        data,
        editor.draft.file(),
        &text,
        editor.draft.file_text(),
        now,
    ) {
        Ok(()) => {
            editor.autosaved_text = Some(text);
            editor.autosave_failed = false;
        }
        // Said once until it works again, not every few seconds.
        Err(error) if !editor.autosave_failed => {
            editor.autosave_failed = true;
            notices.post(
                AppState::Editor,
                tr!(
                    "editor-autosave-failed",
                    folder = data.display().to_string(),
                    error = error.to_string()
                ),
            );
        }
        Err(_) => {}
    }
}
