# The app's screens (src/app).

## Counts shared by several screens

attempts = { $count ->
        [one] 1 attempt
       *[other] { $count } attempts
    }

## Shared buttons

back = ← Back (Esc)

## Settings

settings-heading = Settings
settings-authoring = Authoring
settings-author-mode = Author mode: node ids, jump to any node, every choice's feedback, the state watch
settings-pause-on-focus-loss = Pause when the window loses focus
settings-language = Language
settings-language-system = The system's ({ $language })
settings-reading = Reading
settings-text-size = text size
settings-theme = Theme:
settings-reduced-motion = Reduce motion (no animations)
settings-show-meters = Show the relational meters during play
settings-support = Support
settings-support-explained = Who you can reach when a scenario stirs something: your supervisor, your counselling service, a crisis line. It is shown with the scenarios that touch suicide or loss, on their briefing and end screen.
settings-support-hint = for example: my supervisor, Dr. Lee, 555-0142
settings-exports = Exports for a learning management system
settings-exports-explained = xAPI exports name you only if you give an email here; otherwise they carry a random name for this computer and nothing else about you.
settings-name = Name
settings-optional = optional
settings-email = Email
settings-email-hint = leave empty to stay anonymous

## Library

library-course = Course
library-open-briefing = Open the briefing →
library-not-in-library = not in the library
library-your-files = Your scenario files
library-edit = ✏ Edit
library-file-has-problems = { $title } (has problems to fix)
library-write-new = Write a new scenario
library-write-new-explained = Give it a title; the editor starts it with a client, you, one moment and an ending, and lists what to write next.
library-title-hint = Title, for example: The email after two years
library-new-scenario = ✏ New scenario
library-new-scenario-hover = Write a scenario in the editor
library-tagline = rehearse the moments that matter
library-settings = ⚙ Settings
library-today = ⏰ Today
library-history = 📈 History
library-class-results = 👥 Class results
library-class-results-hover = A class's attempts, read from exported files
library-concepts = 📖 Concepts
library-practise-them = Practise them →
library-find = Find:
library-find-hint = title, tag or word
library-no-match = No scenario matches.
library-content-notes = Content notes: { $notes }
library-not-tried-yet = Not tried yet
library-last-attempt = Last attempt: { $outcome }

## Briefing

briefing-library = ← Library (Esc)
briefing-leaving-is-fine = You can pause (Esc) or leave at any moment; leaving is never counted against you.
briefing-where-to-start = Where to start
briefing-from-the-beginning = From the beginning
briefing-feedback = Feedback
briefing-feedback-set-by-course = { $feedback } (set by the course “{ $course }”)
briefing-no-time-limits = no time limits
briefing-times-time-to-answer = ×{ $multiplier } time to answer
briefing-course-time-own = The course “{ $course }” starts trainees with { $time }; your own settings below apply.
briefing-course-time = The course “{ $course }” gives you { $time }. Change the settings below to use your own.
briefing-feedback-immediate = After each answer
briefing-feedback-deferred = All at the end (the meters stay visible)
briefing-feedback-exam = Exam: nothing until the end
briefing-how-you-answer = How you answer
briefing-ask-confidence = Ask me how sure I am after each answer (S sure, U unsure), before any feedback
briefing-begin = Begin
briefing-keys = In play: 1-9 answer · Enter goes on · E more time · Esc pause · while you type, Ctrl+Enter sends
briefing-timers-off = No time limits
briefing-more-time = × more time to answer
briefing-extend-seconds = seconds added when you press E

## Play

back-to-the-editor = ← Back to the editor
play-pause = ⏸ Pause (Esc)
play-meters = Meters
play-leave = ← Leave
play-let-the-moment-pass = Let the moment pass
play-continue = Continue (Enter)
play-the-relationship = The relationship
play-open-rupture = Open rupture: { $ruptures }
play-author = Author
play-at-node = at { $node }
play-time-out-now = Time out now
play-jump-to = Jump to:
play-watch = Watch
play-visited = visited: { $count }

## Pause

pause-heading = Paused
pause-clock-stopped = The clock has stopped. Take whatever time you need.
pause-resume = Resume (Esc)
pause-leave = Leave the scenario
pause-leaving-is-fine = Leaving is never counted against you.

## End

end-try-again = Try it again
end-library = Library
end-play-again = Play again
end-kind-and-meaning = { $kind }: { $meaning }
end-stopped = The scenario stopped
end-in-short = In short
end-tabs-explained = The tabs above take you through the debrief: each step with its feedback, the relationship over time, the map of the scenario, and your earlier attempts.
end-reflect = Reflect
end-reflect-explained = A few lines are enough. Only you can read these unless you export them.
end-keep-reflections = Keep my reflections with this attempt (Ctrl+Enter)
end-kept = Kept with this attempt.

## Shared widgets

diagnostics-keeps-last-good = ⚠ { $name } has errors; the last version that loaded stays playable
diagnostics-cannot-play = ⚠ { $name } has errors and cannot be played yet

## Debrief

debrief-ending = Ending
debrief-steps = Steps
debrief-relationship = Connection & distance
debrief-map = Map
debrief-earlier = Earlier attempts
debrief-export = Export
debrief-go-back-here = ↺ Go back here
debrief-go-back-here-hover = Answer this moment differently; this path is kept
debrief-other-answers = Other answers here ({ $count }){ $spread }
debrief-no-answer = (no answer)
debrief-connection-and-distance = connection { $connection }, distance { $distance }
debrief-what-if = What if: from step { $step }
debrief-first-time = First time
debrief-this-time = This time
debrief-branch-line = { $ending } · { $values } · { $steps ->
        [one] 1 step
       *[other] { $steps } steps
    }

## Charts

chart-optimal-distance = optimal distance
chart-no-steps = No steps were answered, so there is nothing to draw yet.
chart-connection = connection
chart-distance = distance
chart-rupture-opened = rupture opened
chart-rupture-repaired = rupture repaired
chart-after-step = after step

## Earlier attempts

compare-first-attempt = This is your first attempt at { $title }. Next time, your attempts will be here side by side.
compare-this-attempt = This attempt
compare-most-recent = The { $shown } most recent of { $count } earlier attempts; the History screen has them all.
compare-ending = Ending
compare-steps = Steps
compare-ruptures = Ruptures
compare-ruptures-cell = { $opened } opened, { $repaired } repaired
compare-time-ran-out = Time ran out
compare-mean-time = Mean time to answer
compare-answers-by-level = Answers by level
compare-paths-part = Paths part at
compare-step = step { $step }
compare-same-path = the same path
compare-connection-by-step = Connection, step by step:

## Export

export-explained = Nothing leaves this computer unless you export it. Each export is a file you can read first and then pass on yourself.
export-for-supervisor = For your supervisor
export-for-supervisor-explained = A readable transcript: every step, your answers and timings, and the feedback.
export-include-reflections = Include my reflections
export-markdown = Export as Markdown
export-for-lms = For a learning management system
export-for-lms-explained = xAPI 1.0.3 statements for a learning record store. They are anonymous unless you give a name and email under Settings; reflections are never included.
export-xapi = Export as xAPI
export-written-to = Written to
export-copy-path = Copy the path
export-failed = The export could not be written: { $error }

## Map

map-your-path = your path
map-skilled-answers = answers that show the skill well
map-other-answers = other answers
map-class-answers = answers the class took (thicker: more often; the number: how many times)
map-answers-nobody-took = answers nobody took
map-hover = Hover over a moment to read it.

## History

history-heading = History
history-kept-and-sent = Your attempts stay on this computer, and each one you finish or leave also goes to your course's LRS, as agreed in Settings.
history-kept = Your attempts stay on this computer.
history-explained = { $kept } Repetition is the point: a hard moment practised until the repair comes naturally.
history-practise-next = What to practise next
history-no-attempts = No attempts yet. Each scenario you play is kept here, finished or not.
history-start = Start
history-when = When
history-lrs = LRS
history-review = Review
history-send = Send
history-send-hover = Kept on this computer only: send it to the LRS
history-not-sent-yet = not sent yet
history-last-try-failed = The last try failed: { $problem }. Doorway tries again by itself.
history-failed = failed
history-sent = sent
history-at-the-end = At the end of each attempt:
history-attempt-axis = attempt

## Review

review-history = ← History (Esc)
review-gone = This attempt is no longer kept.
review-scenario-gone = The scenario "{ $id }" of this attempt is not in the library any more, so its words cannot be shown. Add its file back to see the debrief.
review-played = Played { $when }
review-left-before-an-ending = Left before an ending
review-edited-since = The scenario has been edited since this attempt: the words shown are from the current version.
review-your-reflections = Your reflections

## Concepts

glossary-heading = Concepts
glossary-explained = The ideas the feedback draws on, in plain words, with where they come from.
glossary-find-hint = a word or a concept
glossary-in-the-room = In the room
glossary-read-more = Read more:
glossary-open-concept = Open this concept in the glossary

## Sending attempts

sync-heading = Sending attempts to your course
sync-explained = If your instructor collects attempts in a learning record store (LRS), enter the address, key and secret they gave you. Nothing is sent until you agree below.
sync-use-course-lrs = Use the LRS of “{ $course }”: { $endpoint }
sync-address = Address
sync-key = Key
sync-secret = Secret
sync-secret-kept = kept on this computer; type to replace it
sync-secret-hint = as your instructor gave it
sync-agree = I agree to send my attempts to this address
sync-save = Save and send
sync-test = Test the connection
sync-stop = Stop sending
sync-testing = Testing the connection…
sync-counts = { $sent } sent, { $queued } queued.
sync-not-sending = Not sending: attempts stay on this computer. { $counts }
sync-sending-failed = Sending to { $endpoint }, but the last try failed: { $problem }. { $counts }
sync-sending = Sending to { $endpoint }. { $counts }
debrief-what-if-explained = Any step can be tried again: “Go back here” returns to that moment and keeps this path to compare with.

## Notices

notice-no-data-folder = No data folder could be found (see --data-dir), so nothing is kept after you close Doorway.
notice-reflections-not-saved = Your reflections could not be saved: { $error }
notice-reflections-not-kept = Your reflections were not saved. { $why }
notice-rating-not-kept = That rating was not kept: { $error }.
notice-ratings-not-saved = Your ratings could not be saved: { $error }
notice-attempt-not-saved = This attempt could not be saved: { $error }
notice-attempt-not-kept = This attempt is not saved. { $why }
notice-nothing-exported = Nothing was exported. { $why }
notice-scenario-has-errors = This scenario has errors and cannot begin: the library shows them.
notice-cannot-begin = This scenario cannot begin: { $error }.
notice-went-back = You went back to step { $step }. Your first path is kept: the debrief will compare the two.
notice-cannot-go-back = You cannot go back there: { $error }.
notice-edited-carry-on = The scenario was edited: you carry on from the same moment.
notice-edited-starts-again = The scenario was edited and this moment is gone: it starts again.
notice-edited-cannot-begin = The scenario was edited, but the new version cannot begin ({ $error }): you carry on with the version you started.
notice-today-scenario-gone = The scenario "{ $id }" is not in the library any more, so this moment cannot be played.
notice-today-moment-changed = This moment cannot be played any more ({ $error }); the scenario has changed.
notice-schedule-not-saved = Your practice schedule could not be saved: { $error }
notice-preferences-not-kept = No folder for your data was found, so preferences will not be kept.
notice-preferences-not-saved = Your preferences could not be saved to { $path }: { $error }
notice-folder-not-found = The scenario folder { $folder } could not be found.
notice-folder-not-read = The scenario folder { $folder } could not be read.
notice-sender-did-not-start = Attempts cannot be sent from this session: the sender did not start ({ $error }).
notice-attempt-gone = The attempt { $id } is no longer kept here.
sync-no-data-folder = No data folder could be found (see --data-dir).
sync-write-key = Write the LRS key your instructor gave you.
sync-write-secret = Write the LRS secret your instructor gave you.
sync-agree-first = Sending starts once you agree to the words above.
sync-secret-not-kept = The secret could not be kept: { $error }.
sync-settings-not-kept = The settings could not be kept: { $error }.
sync-saved = Saved. Attempts you finish or leave are sent to { $endpoint }.
sync-secret-not-removed = The secret could not be removed: { $error }.
sync-stopped = Sending is stopped and the secret forgotten. What was sent stays in the LRS.
sync-scenario-gone = The attempt at { $title } cannot be sent: its scenario is not in the library.

## Practice

rating-hover = { $item }: { $score } of { $last }

## Class results

class-heading = Class results
class-explained = A class's attempts, read from the course's learning record store (LRS), or from a folder of exported xAPI files (“doorway export ID --format xapi”) and attempt files, with its subfolders. Learners show as “Learner 1”, “Learner 2”… unless you show their names.
class-reading = Reading { $source }…
class-not-read = The class could not be read: { $error }.
class-read-lrs = Read the class from the LRS
class-lrs-endpoint = { $endpoint }, with the key and secret in Settings
class-no-lrs = To read the class from your course's LRS, enter its address, a key that may read statements, and its secret in Settings.
class-folder = Folder:
class-folder-hint = the folder of the class's files
class-read = Read the class
class-duplicates = { $count ->
        [one] 1 attempt
       *[other] { $count } attempts
    } read more than once, counted once.
class-no-attempts = No attempts found in { $source }.
class-scenario = Scenario:
class-figures = Figures
class-show-names = Show names
class-show-names-hover = The names in the files instead of “Learner 1”, “Learner 2”…
class-no-map = The scenario “{ $scenario }” is not in the library, so its map cannot be drawn.
class-note = Note: { $note }.
class-skipped = ⚠ { $count ->
        [one] 1 file
       *[other] { $count } files
    } skipped:
class-learners-and-attempts = { $learners ->
        [one] 1 learner
       *[other] { $learners } learners
    }, { $attempts ->
        [one] 1 attempt
       *[other] { $attempts } attempts
    }
class-endings = Endings
class-moments = Moments
class-no-level = no level, or the time ran out
class-attempts-axis = attempts
class-moment-counts = { $learners ->
        [one] 1 learner
       *[other] { $learners } learners
    }, { $answers ->
        [one] 1 answer
       *[other] { $answers } answers
    }, { $timeouts ->
        [one] 1 timeout
       *[other] { $timeouts } timeouts
    }
class-time-ran-out = (time ran out)
class-answers-axis = answers
class-nothing-to-count = Nothing to count.
class-learner = Learner
class-attempts = Attempts
class-first = First
class-latest = Latest

## Editor

editor-library = ← Library
editor-unsaved = ● Unsaved
editor-saved = Saved
editor-play-from-here = ▶ Play from here
editor-play-from-start = ▶ Play from the start
editor-save = 💾 Save (Ctrl+S)
editor-redo = Redo
editor-undo = Undo
editor-drops-comments = This file was written by hand. Saving from the editor lays it out again and does not keep its comments (lines starting with //). A copy of it as it is now is kept beside it, with .bak added to its name.
editor-save-without-comments = Save without the comments
editor-dont-save = Don't save
editor-changed-on-disk = The file was changed outside the editor since you opened it. Saving replaces those changes; they are kept beside it in a copy with .bak added to its name.
editor-save-over-it = Save over it
editor-leave-unsaved = You have unsaved edits. Leave without saving them?
editor-leave-without-saving = Leave without saving
editor-stay = Stay
editor-recovered = Edits to this file that were never saved were kept ({ $when }).
editor-recovered-file-changed = The file has changed since then (in a text editor or by a sheet import): taking them back replaces those changes.
editor-take-them-back = Take them back
editor-forget-them = Forget them
editor-the-scenario = The scenario
editor-characters = Characters
editor-acts = Acts and the clock
editor-drills = Drills
editor-map-marked = Map ({ $count } marked)
editor-add-moment = + Add a moment
editor-remove-moment = Remove this moment
editor-checker = Checker
editor-no-problems = No problems: it can be played.
editor-warnings-only = It can be played. { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }.
editor-errors-only = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } to fix before trainees can play it (you can try it as it is).
editor-errors-and-warnings = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } to fix before trainees can play it (you can try it as it is), and { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }.
editor-error = Error
editor-warning = Warning
editor-note = Note
editor-go-to-it = Go to it
editor-go-to-it-arrow = Go to it →
editor-moment-gone = This moment is gone (undone or removed).

## Editor: the scenario

form-title = Title
form-version = Version
form-start = Play starts at
form-summary = Summary (shown on the library card)
form-level = Level
form-minutes = About how long it takes
form-min = {" "}min
form-authors = Authors
form-add-author = + An author
form-goals = Learning goals
form-add-goal = + A learning goal
form-content-notes = Content notes (shown before it starts)
form-add-content-note = + A content note
form-prompts = Reflection prompts (asked at the end)
form-add-prompt = + A reflection prompt
form-tags = Tags
form-add-tag = + A tag
form-sources = Sources (full references)
form-add-source = + A source
form-support = Support for the trainee (for scenarios that may stir them)
form-role-client = Client
form-role-trainee = The trainee
form-role-next-client = The next client
form-role-supervisor = Supervisor
form-role-front-desk = Front desk
form-role-other = Someone else
form-role = Role
form-who = Who they are
form-add-character = + Add a character
form-first-client = The first client who speaks in it
form-act-title = Act title
form-place = Where and when
form-act-client = The client of this act (whose feelings the feedback speaks for)
form-add-moment-to-act = + Add a moment to this act
form-clock-start = The clock starts at
form-add-act = + Add an act
form-deadlines = Deadlines: at a time, play moves to a moment
form-remove = Remove
form-at = At
form-what-happens = What happens
form-go-to = Go to
form-at-next-moment = At the next moment
form-at-once = At once, even mid-answer
form-takes-over = Takes over
form-add-deadline = + Add a deadline
form-time-hint = write a time such as 14:45
form-drills-explained = A drill starts the scenario at a moment past the beginning, with the state it assumes there. The briefing offers each one.
form-before-drill = What has happened before it
form-starts-at = Starts at
form-remove-drill = Remove this drill
form-add-drill = + Add a drill
form-character-id = Id in the file: { $id } (made from the name)
form-drill-assumes = It assumes { $state }. To change that, edit the file in a text editor.
form-value-at = { $id } at { $value }
form-open-rupture = an open { $kind } rupture

## Editor: a moment

form-nobody = Nobody (narration only)
form-acts-client = The act's client
form-who-speaks = Who speaks
form-felt-by = Whose feelings the feedback speaks for
form-narration = Narration (what the trainee sees happen)
form-what-they-say = What they say
form-variants = Other wordings of the same line (one is picked at random)
form-add-variant = + Another wording
form-inner = Inner voice (what the client is thinking, shown after)
form-answers = Answers
form-add-answer = + Add an answer
form-remove-answer-menu = Remove an answer…
form-timed = The trainee answers against the clock
form-seconds = Seconds to answer
form-has-timeout = Something happens when the time runs out
form-timeout-target = When the time runs out, go to
form-probe = Ask a noticing question first (Notice first mode)
form-question = Question
form-fits = fits
form-remove-x = ✖ Remove
form-feedback-on-it = Feedback on it
form-add-noticing-answer = + Add a noticing answer
form-what-to-notice = What there was to notice
form-is-ending = This moment is an ending
form-ending-kind = What happened to the relationship
form-ending-title = Ending title
form-closing-text = Closing text
form-trainee-says = The trainee says
form-leads-to = Leads to
form-new-moment = → a new moment
form-minutes-it-takes = Minutes it takes
form-not-rated = Not rated
form-no-rupture = No rupture
form-opens-withdrawal = Opens a withdrawal rupture
form-opens-confrontation = Opens a confrontation rupture
form-repairs = Repairs a rupture
form-rupture = Rupture
form-tags-commas = Tags (comma between them)
form-effects = What it does to the relationship
form-relational = What it did to the connection
form-client-felt = What the client may have felt (in their voice)
form-concept = The concept it shows
form-source = Source
form-pick-source = Pick one used here…

## Editor: fields


## Editor: the map

editor-map-click = Click a moment to edit it.
form-moment = Moment “{ $id }”
form-remove-answer = Remove answer { $number }
form-noticing-answer = Noticing answer { $number }
form-answer = Answer { $number } ({ $id })
form-conditions = Offered only under { $count ->
        [one] 1 condition
       *[other] { $count } conditions
    }: edit these conditions in the file.

## Editor: notices

editor-new-failed = A new scenario could not be made in { $folder }: { $error }.
editor-leads-to-new = The answer now leads to the new moment “{ $id }”.
editor-nothing-to-undo = Nothing to undo.
editor-nothing-to-redo = Nothing to redo.
editor-edits-back = Your unsaved edits are back.
editor-edits-not-back = The unsaved edits could not be read back: { $error }.
editor-saved-unchanged = Saved: the file already had every edit.
editor-saved-backup = Saved. The text it replaced is kept as { $backup }.
editor-saved-recreated = Saved. The file was no longer there (deleted or moved), so it was written again at { $file }.
editor-saved-status = Saved.
editor-not-saved = Not saved: { $error }. Your edits are still here.
editor-trial-cannot-start = The trial cannot start here: { $error }.
editor-trial-from-start = A trial from the start: it is not kept.
editor-trial-from-node = A trial from “{ $node }”, with the state after the shortest way there ({ $answers ->
        [one] 1 answer
       *[other] { $answers } answers
    }). It is not kept.
editor-trial-no-way = A trial from “{ $node }”: no way there from the start was found, so it starts with the state at the beginning. It is not kept.
editor-autosave-failed = Unsaved edits could not be kept in { $folder }: { $error }. Save to keep them.
editor-map-unreachable = ■ unreachable: no start leads here
editor-map-dead-end = ■ dead end: leads nowhere and is not an ending
editor-cannot-edit = { $file } cannot be edited here: { $error }.
sync-no-data-folder-lower = no data folder could be found (see --data-dir)
sync-not-all-set = the LRS's address, key and secret are not all set in Settings
chart-explained = Connection runs from acute disconnection (down) to mutual connection (up). Distance is a continuum, not a score: the shaded band is the optimal distance; below it is too close, above it too distant.
notice-broken-since-edit = { $file } has errors since your edit: you carry on with the last version that loaded. The library shows the problems.

## Accessibility: names a screen reader reads

settings-single-key-shortcuts = Keys of one character in play (1–9 answer, E more time, S and U sure or unsure); off for speech input
form-remove-item = Remove { $item } { $number }
form-remove-deadline = Remove deadline { $number }
window-name = Doorway: { $screen }
screen-library = Library
screen-briefing = Briefing
screen-play = Play
screen-end = The end of the attempt
screen-settings = Settings
screen-history = History
screen-review = Review of an attempt
screen-glossary = Concepts
screen-today = Today
screen-editor = Scenario editor
screen-class = Class results
pause-short = ⏸ Pause
