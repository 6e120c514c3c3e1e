//! The Spanish interface from the library to the end: every screen of the play
//! path drawn in Spanish, with its Spanish words and none of the English ones.

use super::briefing::{begin_bar_ui, briefing_ui};
use super::end::{end_header_ui, end_ui, reflection_ui};
use super::library::library_ui;
use super::pause::pause_ui;
use super::play::{choices_ui, feedback_ui, meters_ui};
use crate::app::attempts::SavedAttempts;
use crate::app::briefing::BriefingChoices;
use crate::app::test_render::rendered;
use crate::app::widgets::Fit;
use crate::core::engine::{Engine, FeedbackMode, Settings};
use crate::core::fixtures::fixture;
use crate::core::glossary::Glossary;
use crate::core::i18n::{Language, in_language};
use crate::core::preferences::Preferences;
use crate::core::review::review_step;
use crate::core::wording;

/// Words of the English interface on these screens, none of which may show
/// in Spanish.
const ENGLISH: &[&str] = &[
    "Open the briefing",
    "Not tried yet",
    "Find:",
    "Where to start",
    "From the beginning",
    "How you answer",
    "Begin",
    "The relationship",
    "Continue (Enter)",
    "What it does",
    "The concept",
    "Your answer",
    "The other answers here",
    "In short",
    "Reflect",
    "Play again",
    "Paused",
    "Resume",
    "Before you go on",
];

fn assert_spanish(screen: &str, text: &str, spanish: &[&str]) {
    for word in spanish {
        assert!(text.contains(word), "{screen} lacks \"{word}\":\n{text}");
    }
    for word in ENGLISH {
        assert!(
            !text.contains(word),
            "{screen} says \"{word}\" in English:\n{text}"
        );
    }
}

#[test]
fn the_spanish_interface_plays_from_the_library_to_the_end_in_spanish() {
    in_language(Language::Spanish, || {
        let library = crate::app::library::shipped_library();
        let text = rendered(|ui| {
            library_ui(
                ui,
                &library.entries,
                &SavedAttempts::default(),
                &[],
                &mut String::new(),
                &mut Vec::new(),
            );
        });
        assert_spanish(
            "the library",
            &text,
            &[
                "Buscar:",
                "Abrir la presentación →",
                "Aún sin intentar",
                "minutos",
            ],
        );

        let scenario = fixture("two-acts");
        let mut choices = BriefingChoices {
            entry: None,
            feedback: FeedbackMode::Immediate,
        };
        let text = rendered(|ui| {
            let mut preferences = Preferences::default();
            briefing_ui(
                ui,
                scenario.scenario(),
                None,
                &mut choices,
                &mut preferences,
                &mut Vec::new(),
            );
            begin_bar_ui(ui, &mut Vec::new());
        });
        assert_spanish(
            "the briefing",
            &text,
            &[
                "Por dónde empezar",
                "Desde el principio",
                "Cómo respondes",
                "Empezar",
            ],
        );

        let (mut engine, _) = Engine::start(&scenario, None, 1, Settings::default()).unwrap();
        let text = rendered(|ui| {
            choices_ui(ui, &engine, false, Fit::ROOMY, &mut Vec::new());
            meters_ui(ui, &engine, false);
        });
        assert_spanish(
            "play",
            &text,
            &[
                "La relación",
                "Conexión: ni conexión ni desconexión",
                "Distancia: dentro de la banda óptima",
            ],
        );

        let text = rendered(|ui| pause_ui(ui, &mut Vec::new()));
        assert_spanish(
            "the pause",
            &text,
            &["En pausa", "Reanudar (Esc)", "Salir del escenario"],
        );

        let glossary = Glossary::shipped();
        for (index, choice) in ["welcome", "ask_more", "book_next_week"].iter().enumerate() {
            engine.choose(choice).unwrap();
            let record = engine.transcript().steps.last().unwrap();
            let step = review_step(engine.playable(), record);
            let text = rendered(|ui| feedback_ui(ui, &step, &glossary, &mut Vec::new()));
            assert_spanish(
                "the feedback",
                &text,
                &[
                    "Dijiste",
                    "Tu respuesta:",
                    "Lo que hace",
                    "El concepto",
                    "Seguir (Intro)",
                ],
            );
            if index == 0 {
                assert!(
                    text.contains("Las otras respuestas de aquí: 1 suficiente, 1 costosa."),
                    "{text}"
                );
            }
            if engine.reading_feedback() {
                engine.go_on().unwrap();
            }
        }
        assert!(
            engine.transcript().ending.is_some(),
            "the path reaches an ending"
        );

        let prompts = wording::reflection_prompts(engine.scenario());
        let mut answers = vec![String::new(); prompts.len()];
        let text = rendered(|ui| {
            end_header_ui(ui, &engine, false, &mut Vec::new());
            end_ui(ui, &engine, "");
            reflection_ui(
                ui,
                "attempt",
                &prompts,
                &mut answers,
                false,
                &mut Vec::new(),
            );
        });
        assert_spanish(
            "the end",
            &text,
            &[
                "Jugar otra vez",
                "En resumen",
                "pasos. Conexión",
                "Antes de seguir",
                "Reflexionar",
                "¿Qué dirías la próxima vez?",
            ],
        );
    });
}

#[test]
fn the_shipped_spanish_drill_plays_to_its_end_with_the_spanish_interface() {
    in_language(Language::Spanish, || {
        let library = crate::app::library::shipped_library();
        let drill = library
            .get("repair-drill.es")
            .and_then(|entry| entry.playable.clone())
            .expect("the Spanish drill is shipped");
        let glossary = Glossary::shipped();
        let mut engine = Engine::start(&drill, None, 3, Settings::default())
            .expect("the drill starts")
            .0;
        let mut moments = 0;
        while engine.state().status == crate::core::engine::Status::Playing {
            let session =
                crate::app::session::ActiveSession::new(drill.scenario().id.clone(), engine);
            let moment = rendered(|ui| {
                super::play::moment_ui(ui, &session, false, Fit::ROOMY, &mut Vec::new());
            });
            assert_spanish("a moment of the drill", &moment, &[]);
            engine = session.engine;
            let first = engine.state().shown.choices[0].clone();
            engine
                .respond_with(&crate::core::engine::Response::Choice(first))
                .expect("a shown answer can be given");
            let record = engine.transcript().steps.last().expect("a step");
            let step = review_step(engine.playable(), record);
            let feedback = rendered(|ui| feedback_ui(ui, &step, &glossary, &mut Vec::new()));
            assert_spanish("its feedback", &feedback, &["Lo que hace", "El concepto"]);
            if engine.reading_feedback() {
                engine.go_on().expect("the feedback is read");
            }
            moments += 1;
        }
        assert!(moments >= 3, "the drill has its three rounds: {moments}");
        let end = rendered(|ui| end_ui(ui, &engine, ""));
        assert_spanish("the end", &end, &[]);
    });
}
