//! Whose experience the client line of feedback speaks for at a moment: the
//! name in its heading ("What Theo may have felt"). It is not always whoever
//! speaks: the next client may speak at the door in the middle of a scene
//! about another client, and the line is still that client's.

use super::model::{Act, Character, Feedback, Node, Role, Scenario};

/// The character the client line of `feedback`, at `node` of `act`, speaks
/// for, the first of:
/// 1. the feedback's `voice`;
/// 2. the node's `felt_by`;
/// 3. the speaker, when a supervisor speaks: a supervision moment is theirs;
/// 4. the act's client ([`act_client`]);
/// 5. the speaker.
///
/// `None` when none names a character: a narration moment in an act where
/// no client speaks, or an id the scenario does not have.
pub fn felt_by<'s>(
    scenario: &'s Scenario,
    act: &Act,
    node: &Node,
    feedback: Option<&Feedback>,
) -> Option<&'s Character> {
    let named = feedback
        .and_then(|f| f.voice.as_deref())
        .or(node.felt_by.as_deref());
    if let Some(id) = named {
        return scenario.character(id);
    }
    let speaker = node
        .speaker
        .as_deref()
        .and_then(|id| scenario.character(id));
    if let Some(supervisor) = speaker.filter(|c| c.role == Role::Supervisor) {
        return Some(supervisor);
    }
    act_client(scenario, act).or(speaker)
}

/// The client of an act: its `client` when given, else the first character
/// with the role Client who speaks in it; `None` when no client speaks there.
pub fn act_client<'s>(scenario: &'s Scenario, act: &Act) -> Option<&'s Character> {
    if let Some(id) = &act.client {
        return scenario.character(id);
    }
    act.nodes
        .iter()
        .filter_map(|node| node.speaker.as_deref())
        .filter_map(|id| scenario.character(id))
        .find(|c| c.role == Role::Client)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load::{LoadOptions, parse};

    /// Dana's session, where Sam (the next client) and Dr. Okafor also speak;
    /// a supervision act where only Dr. Okafor speaks; an act whose client is
    /// named although someone else speaks first.
    const SCENARIO: &str = r#"(
        id: "s", title: "S", version: "1", difficulty: Beginner, estimated_minutes: 1,
        characters: [
            (id: "front", name: "Jo", role: FrontDesk),
            (id: "sam", name: "Sam", role: NextClient),
            (id: "dana", name: "Dana", role: Client),
            (id: "okafor", name: "Dr. Okafor", role: Supervisor),
        ],
        acts: [
            (id: "session", title: "Session", clock_start: "09:00", nodes: [
                (id: "desk", speaker: "front", text: "Dana is here."),
                (id: "dana_speaks", speaker: "dana", text: "Hello."),
                (id: "sam_arrives", speaker: "sam", text: "Is this my time?"),
                (id: "sam_hurt", speaker: "sam", felt_by: "sam", text: "Oh. I'll wait."),
                (id: "pause", narration: "Dana looks away."),
                (id: "okafor_drops_by", speaker: "okafor", text: "Got a minute?"),
            ]),
            (id: "supervision", title: "Supervision", clock_start: "12:00", nodes: [
                (id: "okafor_asks", speaker: "okafor", text: "How did it go?"),
                (id: "notes", narration: "You write your notes."),
            ]),
            (id: "phone", title: "Phone", clock_start: "13:00", client: "sam", nodes: [
                (id: "dana_calls", speaker: "dana", text: "It's me again."),
            ]),
        ],
    )"#;

    fn scenario() -> Scenario {
        parse(SCENARIO, LoadOptions::default()).expect("the test scenario parses")
    }

    fn feedback(voice: Option<&str>) -> Feedback {
        Feedback {
            relational: String::new(),
            client: "A line.".to_owned(),
            voice: voice.map(str::to_owned),
            concept: String::new(),
            source: String::new(),
        }
    }

    /// The name of whom the feedback at `node` speaks for.
    fn felt_at(scenario: &Scenario, node: &str, voice: Option<&str>) -> Option<String> {
        let act = scenario
            .acts
            .iter()
            .find(|act| act.nodes.iter().any(|n| n.id == node))
            .expect("the node is in an act");
        let node = act.nodes.iter().find(|n| n.id == node).unwrap();
        felt_by(scenario, act, node, Some(&feedback(voice))).map(|c| c.name.clone())
    }

    #[test]
    fn a_moment_where_the_next_client_speaks_is_felt_by_the_acts_client() {
        let scenario = scenario();
        assert_eq!(
            felt_at(&scenario, "sam_arrives", None).as_deref(),
            Some("Dana")
        );
        assert_eq!(
            felt_at(&scenario, "desk", None).as_deref(),
            Some("Dana"),
            "the act's client is the first client who speaks, wherever she first speaks"
        );
        assert_eq!(felt_at(&scenario, "pause", None).as_deref(), Some("Dana"));
    }

    #[test]
    fn a_moments_felt_by_overrides_the_acts_client() {
        let scenario = scenario();
        assert_eq!(felt_at(&scenario, "sam_hurt", None).as_deref(), Some("Sam"));
    }

    #[test]
    fn an_answers_voice_overrides_the_moment_and_the_act() {
        let scenario = scenario();
        assert_eq!(
            felt_at(&scenario, "sam_hurt", Some("dana")).as_deref(),
            Some("Dana")
        );
        assert_eq!(
            felt_at(&scenario, "dana_speaks", Some("sam")).as_deref(),
            Some("Sam")
        );
    }

    #[test]
    fn a_supervisor_who_speaks_keeps_the_moment() {
        let scenario = scenario();
        assert_eq!(
            felt_at(&scenario, "okafor_asks", None).as_deref(),
            Some("Dr. Okafor"),
            "an act where only the supervisor speaks"
        );
        assert_eq!(
            felt_at(&scenario, "okafor_drops_by", None).as_deref(),
            Some("Dr. Okafor"),
            "an act where a client speaks too"
        );
        assert_eq!(
            felt_at(&scenario, "notes", None),
            None,
            "a narration moment in an act where no client speaks is nobody's"
        );
    }

    #[test]
    fn an_acts_client_is_the_one_it_names() {
        let scenario = scenario();
        assert_eq!(
            felt_at(&scenario, "dana_calls", None).as_deref(),
            Some("Sam")
        );
    }
}
