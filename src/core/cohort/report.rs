//! A class's figures as text for a person and as CSV for a spreadsheet (JSON
//! is the [`Summary`] serialised).

use super::aggregate::{ScenarioSummary, Summary};
use crate::core::wording::{self, percent_in_words};

/// The figures as text.
pub fn text(summary: &Summary) -> String {
    if summary.scenarios.is_empty() {
        return "No attempts found.\n".to_owned();
    }
    let mut out = String::new();
    for scenario in &summary.scenarios {
        out.push_str(&scenario_text(scenario));
    }
    if summary.duplicates > 0 {
        out.push_str(&format!(
            "({} read more than once, counted once)\n",
            wording::plural(summary.duplicates, "attempt")
        ));
    }
    out
}

fn scenario_text(scenario: &ScenarioSummary) -> String {
    let mut out = format!(
        "{}\n  {}, {}\n  endings:\n",
        scenario.scenario,
        wording::plural(scenario.learners, "learner"),
        wording::plural(scenario.attempts, "attempt"),
    );
    for ending in &scenario.endings {
        out.push_str(&format!(
            "    {:<24} {:<16} {}\n",
            ending.node,
            ending.kind.label(),
            ending.attempts
        ));
    }
    if scenario.unfinished > 0 {
        out.push_str(&format!(
            "    {:<41} {}\n",
            "left before an ending", scenario.unfinished
        ));
    }
    out.push_str("\n  moments:\n");
    for moment in &scenario.moments {
        out.push_str(&format!(
            "    {} ({}, {}, {})\n",
            moment.node,
            wording::plural(moment.learners, "learner"),
            wording::plural(moment.answers, "answer"),
            wording::plural(moment.timeouts, "timeout"),
        ));
        for option in &moment.options {
            let level = option
                .quality
                .map_or_else(|| "no level".to_owned(), |q| q.label());
            let share = option
                .share
                .map_or(String::new(), |s| format!(" ({})", percent_in_words(s)));
            out.push_str(&format!(
                "      {:<28} {:<21} {}{share}\n",
                option.option, level, option.chosen
            ));
        }
        match (moment.median_seconds, moment.iqr_seconds) {
            (Some(median), Some(iqr)) => out.push_str(&format!(
                "      {}\n",
                wording::answer_time_in_words(median, iqr)
            )),
            _ if moment.counts_only => {
                out.push_str(&format!("      ({})\n", wording::counts_only_in_words()))
            }
            _ => {}
        }
    }
    if !scenario.connection_falls.is_empty() {
        out.push_str(&format!("\n  {}:\n", wording::connection_falls_most()));
        for fall in &scenario.connection_falls {
            out.push_str(&format!(
                "    {:<28} {}\n",
                fall.node,
                wording::connection_fall_in_words(fall.mean_change, fall.answers)
            ));
        }
    }
    out.push_str(&format!("\n  {}:\n", wording::first_against_latest()));
    for learner in &scenario.progress {
        out.push_str(&format!(
            "    {:<14} {}: {} -> {}\n",
            learner.learner,
            wording::plural(learner.attempts, "attempt"),
            wording::attempt_brief_in_words(&learner.first),
            wording::attempt_brief_in_words(&learner.latest)
        ));
    }
    out.push('\n');
    out
}

/// The figures as CSV, one row per figure:
/// `scenario,section,moment,item,level,count,share,value`.
pub fn csv(summary: &Summary) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut row = |fields: [&str; 8]| {
        writer
            .write_record(fields)
            .expect("writing to memory works");
    };
    row([
        "scenario", "section", "moment", "item", "level", "count", "share", "value",
    ]);
    let number = |n: Option<f64>| n.map_or(String::new(), |n| format!("{n:.3}"));
    for s in &summary.scenarios {
        let id = s.scenario.as_str();
        row([id, "learners", "", "", "", &s.learners.to_string(), "", ""]);
        row([id, "attempts", "", "", "", &s.attempts.to_string(), "", ""]);
        for e in &s.endings {
            row([
                id,
                "ending",
                "",
                &e.node,
                &e.kind.label(),
                &e.attempts.to_string(),
                "",
                "",
            ]);
        }
        row([
            id,
            "unfinished",
            "",
            "",
            "",
            &s.unfinished.to_string(),
            "",
            "",
        ]);
        for m in &s.moments {
            let node = m.node.as_str();
            row([
                id,
                "moment learners",
                node,
                "",
                "",
                &m.learners.to_string(),
                "",
                "",
            ]);
            for o in &m.options {
                let level = o.quality.map_or_else(String::new, |q| q.label());
                row([
                    id,
                    "option",
                    node,
                    &o.option,
                    &level,
                    &o.chosen.to_string(),
                    &number(o.share),
                    "",
                ]);
            }
            row([
                id,
                "timeouts",
                node,
                "",
                "",
                &m.timeouts.to_string(),
                "",
                "",
            ]);
            row([
                id,
                "median seconds",
                node,
                "",
                "",
                "",
                "",
                &number(m.median_seconds),
            ]);
            row([
                id,
                "interquartile seconds",
                node,
                "",
                "",
                "",
                "",
                &number(m.iqr_seconds),
            ]);
        }
        for f in &s.connection_falls {
            row([
                id,
                "connection fall",
                &f.node,
                "",
                "",
                &f.answers.to_string(),
                "",
                &number(Some(f.mean_change)),
            ]);
        }
        for p in &s.progress {
            for (section, brief) in [("first attempt", &p.first), ("latest attempt", &p.latest)] {
                let ending = brief.ending.map_or_else(String::new, |k| k.label());
                row([
                    id,
                    section,
                    "",
                    &p.learner,
                    &ending,
                    &p.attempts.to_string(),
                    "",
                    &number(brief.mean_level),
                ]);
            }
        }
    }
    String::from_utf8(writer.into_inner().expect("writing to memory works"))
        .expect("CSV of text is text")
}
