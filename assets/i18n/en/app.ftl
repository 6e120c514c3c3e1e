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
play-distance = Distance (close ← → distant)
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
countdown-more-time = press E for more time

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
