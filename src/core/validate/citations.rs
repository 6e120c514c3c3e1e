//! The citation check: each feedback `source` cites an author and year that the
//! scenario's `sources` list gives in full.

use super::Context;
use crate::core::diagnostic::Diagnostic;
use crate::core::model::Feedback;

/// An author-year citation found in a feedback source: "Eubanks (2018)".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Citation {
    /// The first author's surname, or the first word of an institution.
    pub(crate) author: String,
    /// The year, with a letter when one follows it ("2018a").
    pub(crate) year: String,
}

/// The author-year citations in `text`: each year of four digits (with an
/// optional letter) and the name that comes before it, back to the nearest
/// `;` or `(`. A year right after another year ("(2015, 2018)") is the same
/// author's.
pub(crate) fn citations(text: &str) -> Vec<Citation> {
    let mut found: Vec<Citation> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let digits = bytes[i..i + 4].iter().all(u8::is_ascii_digit);
        let mut end = i + 4;
        if end < bytes.len() && bytes[end].is_ascii_lowercase() {
            end += 1;
        }
        let ends_word = end == bytes.len() || !bytes[end].is_ascii_alphanumeric();
        // Compared as bytes: `i + 2` need not fall between characters.
        let plausible = matches!(&bytes[i..i + 2], b"19" | b"20");
        if !(starts_word && digits && ends_word && plausible) {
            i += 1;
            continue;
        }
        let year = text[i..end].to_owned();
        let before =
            text[..i].trim_end_matches(|c: char| c == '(' || c == ',' || c.is_whitespace());
        let segment = before
            .rfind([';', '('])
            .map_or(before, |at| &before[at + 1..])
            .trim();
        let author = segment
            .split(|c: char| c.is_whitespace() || c == ',')
            .find(|w| !w.is_empty())
            .unwrap_or_default();
        let author = if author.starts_with(|c: char| c.is_ascii_digit()) || author.is_empty() {
            found.last().map(|c| c.author.clone()).unwrap_or_default()
        } else {
            author.to_owned()
        };
        found.push(Citation { author, year });
        i = end;
    }
    found
}

/// Whether a full reference gives this citation: it starts with the author and
/// has the year in parentheses.
fn gives(reference: &str, citation: &Citation) -> bool {
    !citation.author.is_empty()
        && reference.trim_start().starts_with(&citation.author)
        && reference.contains(&format!("({}", citation.year))
}

pub(super) fn check(cx: &mut Context) {
    let mut found = Vec::new();
    for node in 0..cx.graph.len() {
        let n = cx.graph.nodes[node];
        let base = cx.graph.node_path(node);
        for (c, choice) in n.choices.iter().enumerate() {
            check_source(
                cx,
                choice.feedback.as_ref(),
                || format!("{base}.choices[{c}].feedback.source"),
                &mut found,
            );
        }
        if let Some(timeout) = &n.timeout {
            check_source(
                cx,
                timeout.feedback.as_ref(),
                || format!("{base}.timeout.feedback.source"),
                &mut found,
            );
        }
    }
    cx.out.extend(found);
}

fn check_source(
    cx: &Context,
    feedback: Option<&Feedback>,
    path: impl Fn() -> String,
    found: &mut Vec<Diagnostic>,
) {
    let Some(source) = feedback.map(|f| f.source.as_str()) else {
        return;
    };
    if super::is_blank(source) {
        return; // incomplete feedback is reported on its own
    }
    let cited = citations(source);
    if cited.is_empty() {
        found.push(
            Diagnostic::warning(
                "unsourced-citation",
                path(),
                format!("\"{source}\" names no author and year"),
            )
            .with_label("no author-year citation")
            .with_help("cite the work the concept comes from, such as \"Safran & Muran (2000)\", and give it in full under `sources`"),
        );
        return;
    }
    for citation in cited {
        if cx.scenario.sources.iter().any(|r| gives(r, &citation)) {
            continue;
        }
        found.push(
            Diagnostic::warning(
                "unsourced-citation",
                path(),
                format!(
                    "{} ({}) is not in the scenario's `sources`",
                    citation.author, citation.year
                ),
            )
            .with_label("cited here, never given in full")
            .with_help(format!(
                "add the full reference, starting \"{}\" and with \"({})\", to `sources`, or correct the citation",
                citation.author, citation.year
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cited(text: &str) -> Vec<(String, String)> {
        citations(text)
            .into_iter()
            .map(|c| (c.author, c.year))
            .collect()
    }

    fn pair(author: &str, year: &str) -> (String, String) {
        (author.to_owned(), year.to_owned())
    }

    #[test]
    fn citations_are_found_in_the_usual_forms() {
        assert_eq!(
            cited("Eubanks, Burckell & Goldfried (2018)"),
            vec![pair("Eubanks", "2018")]
        );
        assert_eq!(
            cited("Optimal distance; Mallinckrodt, Choi & Daly (2015)"),
            vec![pair("Mallinckrodt", "2015")]
        );
        assert_eq!(
            cited("Bids for connection (Gottman & DeClaire, 2001)"),
            vec![pair("Gottman", "2001")]
        );
        assert_eq!(
            cited("Safran & Muran (2000); 3RS resolution strategies"),
            vec![pair("Safran", "2000")]
        );
        assert_eq!(
            cited("Eubanks, Muran & Safran (2015, 2018b)"),
            vec![pair("Eubanks", "2015"), pair("Eubanks", "2018b")]
        );
        assert_eq!(cited("3RS resolution strategies"), vec![]);
        assert_eq!(cited("Standard 3.05"), vec![]);
    }

    /// Found by the robustness test's mutations: a letter of two bytes right
    /// after two digits is no year, and no reason to panic.
    #[test]
    fn digits_before_a_letter_of_two_bytes_are_no_year() {
        assert_eq!(cited("Eubanks, Burckell & Goldfried (20é18)"), vec![]);
        assert_eq!(cited("Café (2019)"), vec![pair("Café", "2019")]);
    }

    #[test]
    fn a_reference_gives_a_citation_by_first_author_and_year() {
        let reference = "Eubanks, C. F., Burckell, L. A., & Goldfried, M. R. (2018). Clinical consensus strategies.";
        let citation = |author: &str, year: &str| Citation {
            author: author.into(),
            year: year.into(),
        };
        assert!(gives(reference, &citation("Eubanks", "2018")));
        assert!(!gives(reference, &citation("Eubanks", "2015")));
        assert!(!gives(reference, &citation("Burckell", "2018")));
    }
}
