//! Both languages have every message with the same arguments, every message
//! formats without a Fluent error, and counts take their plural forms.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::*;

/// Every message of a language with the variables it uses.
fn messages(language: Language) -> BTreeMap<String, BTreeSet<String>> {
    let mut found = BTreeMap::new();
    for source in sources(language) {
        let resource = fluent_syntax::parser::parse(source)
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", language.code()));
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let mut variables = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    pattern_variables(pattern, &mut variables);
                }
                let id = message.id.name.to_owned();
                assert!(
                    found.insert(id.clone(), variables).is_none(),
                    "{}: \"{id}\" is written twice",
                    language.code()
                );
            }
        }
    }
    found
}

fn pattern_variables(pattern: &ast::Pattern<&str>, variables: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, variables);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, variables: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, variables),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, variables);
            for variant in variants {
                pattern_variables(&variant.value, variables);
            }
        }
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, variables: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            variables.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => {
            expression_variables(expression, variables);
        }
        _ => {}
    }
}

#[test]
fn every_message_is_in_every_language_with_the_same_arguments() {
    let english = messages(Language::English);
    assert!(english.len() > 100, "only {} messages", english.len());
    for language in Language::ALL {
        let other = messages(language);
        let missing: Vec<&String> = english
            .keys()
            .filter(|id| !other.contains_key(*id))
            .collect();
        let extra: Vec<&String> = other
            .keys()
            .filter(|id| !english.contains_key(*id))
            .collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", language.code());
        assert!(extra.is_empty(), "{} has extra {extra:?}", language.code());
        for (id, variables) in &english {
            assert_eq!(
                &other[id],
                variables,
                "\"{id}\" takes other arguments in {}",
                language.code()
            );
        }
    }
}

#[test]
fn every_message_formats_without_errors_with_any_count() {
    for language in Language::ALL {
        for (id, variables) in messages(language) {
            for count in [0, 1, 2, 5, 1_000_000] {
                let args: Vec<(&str, FluentValue<'_>)> = variables
                    .iter()
                    .map(|name| (name.as_str(), FluentValue::from(count)))
                    .collect();
                let text = message_in(language, &id, &args)
                    .unwrap_or_else(|error| panic!("{}: {error}", language.code()));
                assert!(
                    !text.trim().is_empty(),
                    "{}: \"{id}\" is empty",
                    language.code()
                );
                assert!(
                    !text.contains('\u{2068}'),
                    "{}: \"{id}\" has isolation marks",
                    language.code()
                );
            }
        }
    }
}

#[test]
fn a_message_missing_an_argument_is_an_error_not_a_guess() {
    assert!(matches!(
        message_in(Language::English, "step-heading", &[]),
        Err(LookupError::Format(..))
    ));
    assert_eq!(
        message_in(Language::English, "no-such-message", &[]),
        Err(LookupError::Missing("no-such-message".to_owned()))
    );
}

#[test]
fn counts_take_the_plural_forms_of_each_language() {
    let tries = |language, count: u32| in_language(language, || crate::tr!("tries", count = count));
    assert_eq!(tries(Language::English, 1), "1 try");
    assert_eq!(tries(Language::English, 2), "2 tries");
    assert_eq!(tries(Language::English, 0), "0 tries");
    assert_eq!(tries(Language::Spanish, 1), "1 intento");
    assert_eq!(tries(Language::Spanish, 2), "2 intentos");
    assert_eq!(tries(Language::Spanish, 0), "0 intentos");
    let attempts =
        |language, count: usize| in_language(language, || crate::tr!("attempts", count = count));
    assert_eq!(attempts(Language::English, 1), "1 attempt");
    assert_eq!(attempts(Language::English, 2), "2 attempts");
    assert_eq!(attempts(Language::Spanish, 1), "1 intento");
    assert_eq!(attempts(Language::Spanish, 2), "2 intentos");
}

#[test]
fn a_thread_may_speak_another_language_for_a_while() {
    let before = language();
    let inside = in_language(Language::Spanish, || {
        (language(), crate::core::wording::time_ran_out())
    });
    assert_eq!(inside.0, Language::Spanish);
    assert_eq!(inside.1, "El tiempo se acabó antes de que respondieras.");
    assert_eq!(language(), before);
}
