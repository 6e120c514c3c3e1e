//! How to fix a problem, said with the editor's labels: the checker's own
//! hints name fields as the file writes them (`quality: Skilled`), which a
//! form does not show.

/// The fix for a problem with this code, in the editor's words, where the
/// checker's hint names the file's notation.
fn hint_in_the_editor(code: &str) -> Option<&'static str> {
    Some(match code {
        "missing-timeout" => {
            "tick “Something happens when the time runs out” under the moment's clock, and pick where the moment goes"
        }
        "timeout-without-limit" => {
            "tick “The trainee answers against the clock”, or untick what happens when the time runs out"
        }
        "missing-feedback" => {
            "fill in the answer's feedback: what it did to the connection, what the client may have felt, the concept and its source"
        }
        "unrated-answer" => "pick the answer's Level",
        "no-top-answer" => {
            "set the Level of the answers that show the skill well to “Shows the skill well”"
        }
        "unknown-target" => {
            "pick a moment in “Leads to”, or click “→ a new moment” to write the next one"
        }
        "missing-start" | "unknown-start" => "pick “Play starts at” in The scenario",
        "dead-end" => {
            "add an answer, tick “This moment is an ending”, or give the moment a clock and say what happens when the time runs out"
        }
        "unreachable-node" | "unreachable-ending" => {
            "point an answer at it (“Leads to”), or remove the moment if it is not needed"
        }
        "unknown-speaker" => "pick who speaks, or add them under Characters",
        "single-good-answer" => {
            "give another answer a Level of “Good enough” or “Shows the skill well”, if it is defensible in a different way"
        }
        _ => return None,
    })
}

/// The hint to show in the editor: its own words where it has them, the
/// checker's hint where that does not name the file's notation, or none.
pub fn editor_hint<'a>(code: &str, help: Option<&'a str>) -> Option<&'a str> {
    hint_in_the_editor(code).or(help.filter(|h| !h.contains('`')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hint_in_the_files_notation_is_said_with_the_forms_labels() {
        let said = editor_hint("unrated-answer", Some("add `quality: Skilled`"));
        assert_eq!(said, Some("pick the answer's Level"));
        assert_eq!(editor_hint("other", Some("add `x: y`")), None);
        assert_eq!(
            editor_hint("other", Some("use the id of a node")),
            Some("use the id of a node")
        );
    }
}
