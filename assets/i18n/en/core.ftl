# The core's wording (src/core/wording.rs and src/core/i18n): what the app, the
# command line and the exports say about a session.

## Numbers and dates

percent = { $value } %
date = { $day } { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    } { $year }
date-time-utc = { $date }, { $time } UTC

## Support

looking-after-yourself = Looking after yourself
support-without-line = { $support } You can add who to reach (your supervisor, your counselling service, a crisis line) in the app's Settings, under Support, and it will show here.
support-with-line = { $support } You can reach: { $line }.
optimal-distance = For this client the optimal distance is { $low } to { $high }: { $reason }

## Play and feedback

no-ending = left before an ending
no-ending-short = no ending
time-ran-out = The time ran out before you answered.
clock-waits-for-noticing = Notice first: the clock starts when the answers show.
rate-in-the-steps = The Steps tab sets your own words beside the best answers: rate them there.
mean-self-rating = Your ratings of your own words (mean, 1 to 5)
noticing-that-fitted = Noticing answers that fitted (%)
not-practised-yet = None in these attempts yet.
noticing = Noticing first
what-fits-here = What fits here
see-the-answers = See the answers (Enter)
say-it-first-prompt = What would you say?
say-it-first-hint = Write it as you would say it. The written answers show when you send (Ctrl+Enter), or when the time runs out; what you wrote is kept either way.
say-it-first-field-hint = Your words
send-own-words = Send (Ctrl+Enter)
you-said = You said
pick-the-closest = Which written answer is closest to what you said?
none-is-close = None of these is close (0)
pick-for-the-story = None is close: noted. Choose the one the story should follow.
how-sure = How sure are you of that answer?
sure-key = Sure (S)
unsure-key = Unsure (U)
skip-confidence = Skip (Enter)
your-own-words = Your own words
nothing-written = (nothing written)
the-best-answers-here = The best answers here
rate-your-words = Rate your words against those answers (1 to 5; leave any you prefer not to rate)
own-words-time-ran-out = the time ran out after { $seconds } s
own-words-written = written in { $seconds } s
closest-to-your-words = Closest to your words
the-story-followed = None close; the story followed
you-were = You were { $confidence }.
confidence-sure = sure
confidence-unsure = unsure
noticing-questions-here = { $count ->
        [0] This scenario has no noticing questions yet.
        [one] 1 moment here has one.
       *[other] { $count } moments here have one.
    }
your-answer-level = Your answer: { $level }
what-it-does = What it does
the-concept = The concept
ruptures-repaired = { $count ->
        [one] the rupture was repaired
       *[other] { $count } ruptures were repaired
    }
grounding = Before you go on: feel your feet on the floor and take one slow breath. This was practice; whatever came up in you is information, not a verdict.
reflection-pulled-you = What pulled you towards that answer?
reflection-client-felt = What might the client have felt?
reflection-next-time = What would you say next time?
content-notes = Content notes
leaving-is-fine = You can pause or leave at any moment; leaving is never counted against you.
learning-goals = What you will practise
who-is-here = Who is here
time = Time
press-enter-to-begin = Press Enter to begin (q leaves).
press-enter-to-go-on = Press Enter to go on.
reflection = Reflection
how-to-reflect = Type an answer and press Enter; Enter alone skips a question, q skips the rest.
step-heading = Step { $number }
day-begins = It is { $clock }.
day-begins-at = It is { $clock }. { $place }.
deadline-at = At { $at }: { $label }.
deadline-in = { $minutes ->
        [one] { $label } in 1 minute
       *[other] { $label } in { $minutes } minutes
    }
no-such-choice-none = There is no choice { $number }: nothing is offered here.
no-such-choice-one = There is no choice { $number }: the only choice is 1.
no-such-choice = There is no choice { $number }: the choices are 1 to { $choices }.
that-fits = That fits.
that-does-not-fit = That does not fit.

## Today

today = Today
today-explained = Moments you answered at a costly level, let the time run out on, or answered much slower than usual come back here the next day. Each is played alone, from where it happened. Answered well, it comes back after 3, then 7, then 21 days, and then leaves the list; answered poorly, it comes back the next day.
practise-it = Practise it
moment-gone = This moment is not in the scenario any more (it was edited or removed).
moments-due = { $count ->
        [one] 1 moment to practise today
       *[other] { $count } moments to practise today
    }
on-the-list-because = On the list for { $reason } · box { $box_number } of { $boxes }
nothing-due = { $days ->
        [1] Nothing is due today. The next moment comes back tomorrow.
       *[other] Nothing is due today. The next moment comes back in { $days } days.
    }
nothing-to-practise-yet = Nothing to practise yet: finish a scenario and the moments that were hard come back here.
your-ratings = Your ratings of your words
practised-learned = { $title }: answered well after the last box; it leaves the list.
practised-still-hard = { $title }: this one is still hard; it comes back tomorrow (box 1 of { $boxes }).
practised-comes-back = { $title }: answered well; it comes back in { $days } days (box { $box_number } of { $boxes }).
practised = { $title }: practised.
said-just-before = Just before this moment, you said: “{ $said }”

## Drafts

draft-played-with = This draft has { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }: answers with an error (such as one that leads to a moment not written yet) are shown but cannot be chosen, and play stops where the draft does.
try-it-as-a-draft = to try it as far as it is written, errors and all, play it with --draft
cannot-be-chosen-yet = cannot be chosen yet
cannot-pass-yet = this moment cannot be let pass yet
no-answer-can-be-chosen-yet = none of the answers here can be chosen yet
passes-a-deadline-that-leads-nowhere = it takes the clock past { $at }, and then { $why }
end-of-draft = This is as far as the draft goes: { $reason }.
timer-off-in-draft = No countdown at this moment of the draft: { $reason }.

## Kinds and levels

ending-held = Held
ending-repaired = Repaired
ending-unresolved = Unresolved
ending-deepened = Rupture deepened
ending-held-meaning = the connection held; nothing needed repairing
ending-repaired-meaning = a rupture opened and was worked through
ending-unresolved-meaning = things were left open, neither worked through nor worse
ending-deepened-meaning = a rupture grew and was not worked through
level-skilled = shows the skill well
level-good-enough = good enough
level-costly = costly
rupture-withdrawal = Withdrawal
rupture-confrontation = Confrontation
difficulty-beginner = Beginner
difficulty-intermediate = Intermediate
difficulty-advanced = Advanced
feedback-immediate = feedback after each answer
feedback-deferred = feedback at the end
feedback-exam = exam: no feedback or meters until the end
theme-light = Light
theme-dark = Dark
theme-high-contrast = High contrast
level-and-length = { $difficulty } · about { $minutes } minutes

## Ruptures and counts

ruptures-none = none
ruptures-all-repaired = all repaired
ruptures-left-open = left open
ruptures-some-left-open = { $open } of { $opened } left open
rupture-opened = a { $kind } rupture opened
sync-kept-here-only = kept here only
sync-queued = queued
sync-not-sent = not sent: { $reason } ({ $tries }; { $next_try })
sync-sent = sent to { $host } on { $when } ({ $statements ->
        [one] 1 statement
       *[other] { $statements } statements
    })
tries = { $count ->
        [one] 1 try
       *[other] { $count } tries
    }
not-tried-by-itself = not tried again by itself: `doorway sync` or Send tries it
next-try-after = next try after { $when }
timeouts = { $count ->
        [one] 1 timeout
       *[other] { $count } timeouts
    }
seconds-per-answer = { $seconds } s per answer
no-rupture = no rupture
ruptures-opened-and-repaired = ruptures { $opened } opened and { $repaired } repaired
other-answers-here = The other answers here: { $levels }.
count-skilled = { $count ->
        [one] 1 shows the skill well
       *[other] { $count } show the skill well
    }
count-good-enough = { $count } good enough
count-costly = { $count } costly
levels-in-words = { $skilled ->
        [one] 1 answer that shows the skill well
       *[other] { $skilled } answers that show the skill well
    }, { $good_enough } good enough, { $costly } costly
time-ran-out-times = { $count ->
        [one] The time ran out once.
       *[other] The time ran out { $count } times.
    }
how-they-heard-it = How { $name } may have heard it
what-they-felt = What { $name } may have felt
what-someone-felt = What they may have felt
inside = Inside
inside-named = Inside, { $name } was thinking
extended = { $count ->
        [one] , extended once
       *[other] , extended { $count } times
    }
timing-of-limit = after { $latency } s of { $limit } s{ $extended }
timing-no-limit = after { $latency } s, no time limit{ $extended }

## A class's figures

answer-time = answer time: median { $median } s, interquartile range { $iqr } s
counts-only = fewer than { $fewest } learners: counts only
connection-falls-most = where connection falls most (mean change)
connection-fall = { $change } over { $answers ->
        [one] 1 answer
       *[other] { $answers } answers
    }
first-against-latest = first attempt against latest (ending, mean level: skilled 2, good enough 1, costly 0)

## Practice modes

practice-choose = Choose
practice-say-it-first = Say it first
practice-notice-first = Notice first
practice-choose-explained = Pick one of the written answers.
practice-say-it-first-explained = Write what you would say before the answers appear, then pick the closest and rate your words.
practice-notice-first-explained = Answer a question about what is happening before the answers appear, where the author wrote one.

## The end's summary

answer-missing = (choice "{ $id }", no longer in the scenario)
summary-within-band = {" "}(within the optimal band)
summary-too-distant = {" "}(too distant)
summary-too-close = {" "}(too close)
summary-answers = {" "}Answers: { $levels }.
summary = { $steps } steps. Connection { $connection_before } → { $connection_after }; distance { $distance_before } → { $distance_after }{ $band }. Ruptures opened: { $opened }, repaired: { $repaired }.{ $levels }{ $timeouts }
calibration-sure = Sure of { $count ->
        [one] 1 answer
       *[other] { $count } answers
    }: { $top } showed the skill well.
calibration-unsure = Unsure of { $count ->
        [one] 1 answer
       *[other] { $count } answers
    }: { $not_top } did not show it well.
practice-said-it-first = { $person ->
        [you] You
       *[trainee] The trainee
    } said it first at { $count ->
        [one] 1 moment
       *[other] { $count } moments
    }{ $none_close ->
        [0] {""}
       *[other] ; at { $none_close } no written answer was close to { $person ->
            [you] your
           *[trainee] their
        } words
    }.
practice-mean-rating = { $person ->
        [you] Your own ratings of your words
       *[trainee] The trainee's own ratings of their words
    } averaged { $mean } of 5.
practice-noticing-fitted = { $person ->
        [you] Your
       *[trainee] The trainee's
    } noticing fitted { $fitting } of { $probes } times.

## The default dimensions

dimension-connection = Connection
dimension-distance = Distance
dimension-repair = Repair
dimension-frame = Frame
dimension-authenticity = Authenticity

## Why a moment is on the Today list

reason-costly = a costly answer
reason-timed-out = no answer in time
reason-slow = a slow answer

## Sending to a learning record store

sync-consent = When I finish or leave an attempt, Doorway sends it to the learning record store at { $endpoint }: each moment I met, the answer I chose or wrote, how long I took, the noticing answers and ratings I gave, and the name and email set for exports (or, without them, this installation's random name). My instructor, and whoever runs that store, can read it. Attempts stay on this computer too. I can stop sending at any time; what was already sent stays in the store.

## What to practise next

suggest-not-tried = Not tried yet: { $title }.
suggest-rupture-open-drill = In your last attempt at { $title } a rupture stayed open. Practise the repair: start at "{ $drill }".
suggest-rupture-open = In your last attempt at { $title } a rupture stayed open. Play it again and look for the moment to repair it.
suggest-timeouts = The time ran out at { $timeouts } of { $steps } steps in { $title }. Give yourself more time in Settings, then bring it back down as the answers come.
suggest-too-distant = You ended { $title } too distant. Next time, try saying the one true thing: that you are glad, and how much time there is.
suggest-too-close = You ended { $title } too close: giving more than the hour holds. Next time, try keeping the limit warmly.
suggest-drill-hard-moment = It starts at a hard moment, to practise it again.
suggest-drill-in-rupture = It starts where a rupture has opened, to practise the repair.
suggest-untried-drill = { $title } has a drill you have not tried: "{ $drill }". { $starts }
suggest-exam = Play { $title } again in exam mode, with no feedback until the end, so the answers you know have to come without prompts.

## The Facilitative Interpersonal Skills items and their anchors

fis-verbal-fluency = Verbal fluency
fis-verbal-fluency-1 = hard to follow: stops, restarts or rambles
fis-verbal-fluency-3 = mostly easy to follow, some stumbling
fis-verbal-fluency-5 = flows naturally and is easy to follow
fis-emotional-expression = Emotional expression
fis-emotional-expression-1 = flat or detached; no feeling comes through
fis-emotional-expression-3 = some feeling, mostly held back
fis-emotional-expression-5 = feeling comes through clearly; you sound engaged
fis-persuasiveness = Persuasiveness
fis-persuasiveness-1 = no clear reason or view offered
fis-persuasiveness-3 = a reason given, but thin or tentative
fis-persuasiveness-5 = a clear, believable reason or view they could accept
fis-hope = Hope and positive expectations
fis-hope-1 = sounds discouraging, or offers no way forward
fis-hope-3 = some hope, but vague
fis-hope-5 = conveys that things can improve, with a next step
fis-warmth = Warmth, acceptance and understanding
fis-warmth-1 = cold, impatient, critical or judging
fis-warmth-3 = polite and neutral
fis-warmth-5 = warm and accepting; shows you care
fis-empathy = Empathy
fis-empathy-1 = misses or contradicts what the client feels
fis-empathy-3 = names the surface feeling
fis-empathy-5 = shows you grasp what this is like for them
fis-alliance-bond = Alliance bond capacity
fis-alliance-bond-1 = pushes the client away or talks past them
fis-alliance-bond-3 = friendly, but little sense of working together
fis-alliance-bond-5 = connected, with a clear sense of working together
fis-rupture-repair = Alliance rupture-repair responsiveness
fis-rupture-repair-1 = ignores the strain or defends against it
fis-rupture-repair-3 = acknowledges the strain in passing
fis-rupture-repair-5 = names the strain openly, asks about it, without defending

## What a screen reader is told

meter-words = { $label }: { $words } ({ $value })
meter-scale = { $label }: { $value } on a scale from { $min } to { $max }
meter-band-within = within the optimal band
meter-band-little-close = a little too close
meter-band-much-close = much too close
meter-band-little-far = a little too far
meter-band-much-far = much too far
meter-connection-none = neither connected nor disconnected
meter-slightly-connected = slightly connected
meter-slightly-disconnected = slightly disconnected
meter-connected = connected
meter-disconnected = disconnected
meter-strongly-connected = strongly connected
meter-strongly-disconnected = strongly disconnected
moment-said = “{ $text }”
moment-said-by = { $speaker }: “{ $text }”
open-the-briefing-of = Open the briefing: { $title }
edit-the-file-of = Edit { $title }
time-nearly-up = Time is nearly up: press E for more time.
more-time = More time (E)
time-left = Time left: { $seconds } of { $limit } seconds

## The languages of a scenario, on its library card

review-machine-assisted = machine-assisted, awaiting review
review-unreviewed = awaiting review
review-reviewed = reviewed
language-translated = { $name } ({ $review })
language-translated-part = { $name } ({ $review }; { $acts ->
    [1] act 1 only
   *[other] acts 1 to { $acts } only
})
