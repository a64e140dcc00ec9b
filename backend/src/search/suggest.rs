//! "Did you mean …": a query whose words were found only through typo tolerance is offered
//! again with the words the top hits actually hold. The same for every engine, worked out from
//! the hits.
use std::collections::HashMap;

use super::{IndexedArticle, analysis};

/// How many of the top hits are read for the corrected words.
const READ_HITS: usize = 5;

/// The query with each word that no hit holds (as itself or its stem) replaced by the nearest
/// word the top hits hold; `None` when nothing needed correcting. `synonymous`: whether a stem
/// has synonyms (its hits may hold only those, which is no typo).
pub fn suggestion(
    query: &str,
    hits: &[&IndexedArticle],
    synonymous: impl Fn(&str) -> bool,
) -> Option<String> {
    let terms = analysis::terms(query);
    if terms.is_empty() || hits.is_empty() {
        return None;
    }
    let mut seen: HashMap<String, (String, usize)> = HashMap::new();
    for a in hits.iter().take(READ_HITS) {
        for text in [&a.title, &a.question, &a.answer] {
            for (_, _, _, raw) in analysis::words(text) {
                if analysis::is_stopword(&raw) {
                    continue;
                }
                let entry = seen
                    .entry(raw.clone())
                    .or_insert_with(|| (analysis::stem(&raw), 0));
                entry.1 += 1;
            }
        }
    }
    let mut out = String::with_capacity(query.len());
    let mut cursor = 0;
    let mut changed = false;
    let last = terms.len() - 1;
    for (i, term) in terms.iter().enumerate() {
        let held = seen
            .iter()
            .any(|(raw, (stem, _))| *stem == term.stem || raw == &term.raw)
            // The last word may be unfinished (suggestions while typing).
            || (i == last && seen.keys().any(|raw| raw.starts_with(&term.raw)))
            || synonymous(&term.stem);
        if held {
            continue;
        }
        let budget = usize::from(analysis::typo_budget(&term.raw));
        let nearest = seen
            .iter()
            .filter(|(raw, _)| budget > 0 && analysis::within_edits(&term.raw, raw, budget))
            .max_by(|a, b| a.1.1.cmp(&b.1.1).then_with(|| b.0.cmp(a.0)))
            .map(|(raw, _)| raw.clone());
        if let Some(word) = nearest {
            out.push_str(&query[cursor..term.start]);
            out.push_str(&word);
            cursor = term.end;
            changed = true;
        }
    }
    out.push_str(&query[cursor..]);
    changed.then(|| out.trim().to_owned())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn article(title: &str, answer: &str) -> IndexedArticle {
        IndexedArticle {
            id: uuid::Uuid::nil(),
            slug: "a".into(),
            title: title.into(),
            question: String::new(),
            answer: answer.into(),
            category: "data".into(),
            unit_code: None,
            tags: vec![],
        }
    }

    #[test]
    fn a_misspelt_word_is_offered_as_the_word_the_hits_hold() {
        let a = article(
            "Cara membaca inflasi bulanan",
            "Inflasi bulanan membandingkan IHK.",
        );
        assert_eq!(
            suggestion("Inflsi bulanan", &[&a], |_| false).as_deref(),
            Some("inflasi bulanan")
        );
        assert_eq!(
            suggestion("inflasi bulan", &[&a], |_| false),
            None,
            "stems match"
        );
        assert_eq!(
            suggestion("inflasi bul", &[&a], |_| false),
            None,
            "an unfinished last word"
        );
        assert_eq!(
            suggestion("kemiskinan", &[&a], |_| false),
            None,
            "nothing near"
        );
        assert_eq!(
            suggestion("inflsi", &[&a], |s| s == "inflsi"),
            None,
            "found through a synonym"
        );
    }
}
