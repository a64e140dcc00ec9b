//! Indonesian text analysis shared by indexing, querying and highlighting: words split on
//! anything that is not a letter or digit, lower-cased, stop words dropped, and stemmed with the
//! Sastrawi algorithm (Nazief–Adriani with enhanced confix stripping) so that *kemiskinan*,
//! *miskin* and *termiskin* meet.
use std::{
    cell::RefCell,
    collections::{HashMap, HashSet},
    sync::LazyLock,
};

use sastrawi::{Dictionary, Stemmer};

const STOPWORDS: &str = include_str!("../../seed/stopwords-id.txt");

static STOPWORD_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    STOPWORDS
        .lines()
        .map(str::trim)
        .filter(|w| !w.is_empty() && !w.starts_with('#'))
        .collect()
});

static DICTIONARY: LazyLock<Dictionary> = LazyLock::new(Dictionary::new);
static STEMMER: LazyLock<Stemmer<'static>> = LazyLock::new(|| Stemmer::new(&DICTIONARY));

thread_local! {
    static STEMS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// One word of a text: its byte range, its place among all words (stop words included, so
/// phrases keep their gaps), the lower-cased form and the stem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub start: usize,
    pub end: usize,
    pub position: usize,
    pub raw: String,
    pub stem: String,
}

/// The Indonesian stop words (lower-case).
pub fn stopwords() -> impl Iterator<Item = &'static str> {
    STOPWORD_SET.iter().copied()
}

pub fn is_stopword(word: &str) -> bool {
    STOPWORD_SET.contains(word)
}

/// The stem of one lower-cased word; words with digits are kept as they are.
pub fn stem(word: &str) -> String {
    if word.chars().count() < 4 || !word.chars().all(char::is_alphabetic) {
        return word.to_owned();
    }
    STEMS.with(|cache| {
        if let Some(hit) = cache.borrow().get(word) {
            return hit.clone();
        }
        let stemmed = STEMMER.stem_word(word).into_owned();
        let mut cache = cache.borrow_mut();
        if cache.len() > 200_000 {
            cache.clear();
        }
        cache.insert(word.to_owned(), stemmed.clone());
        stemmed
    })
}

/// Every word of `text` with its range and position, lower-cased; stop words included.
pub fn words(text: &str) -> Vec<(usize, usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut position = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i, position, fold(&text[s..i])));
            position += 1;
        }
    }
    out
}

fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            other => other,
        })
        .collect()
}

/// The searchable terms of `text`: stop words dropped, each word stemmed.
pub fn terms(text: &str) -> Vec<Term> {
    words(text)
        .into_iter()
        .filter(|(_, _, _, w)| !is_stopword(w))
        .map(|(start, end, position, raw)| Term {
            start,
            end,
            position,
            stem: stem(&raw),
            raw,
        })
        .collect()
}

/// Levenshtein distance, stopping early once it exceeds `limit`.
pub fn within_edits(a: &str, b: &str, limit: usize) -> bool {
    if a == b {
        return true;
    }
    let b: Vec<char> = b.chars().collect();
    if a.chars().count().abs_diff(b.len()) > limit {
        return false;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            current[j + 1] = (previous[j] + cost)
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
        }
        if current.iter().min().is_some_and(|m| *m > limit) {
            return false;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()] <= limit
}

/// How many typing mistakes a word of this length may carry and still match.
pub fn typo_budget(word: &str) -> u8 {
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poverty_words_meet_at_one_stem() {
        for word in ["kemiskinan", "miskin", "termiskin"] {
            assert_eq!(stem(word), "miskin", "{word}");
        }
        assert_eq!(stem("pengangguran"), stem("menganggur"));
        assert_eq!(stem("sp2020"), "sp2020");
    }

    #[test]
    fn terms_drop_stop_words_and_keep_positions_and_ranges() {
        let text = "Berapa angka Kemiskinan di Banjarnegara?";
        let terms = terms(text);
        let stems: Vec<&str> = terms.iter().map(|t| t.stem.as_str()).collect();
        assert_eq!(stems, ["angka", "miskin", "banjarnegara"]);
        assert_eq!(&text[terms[1].start..terms[1].end], "Kemiskinan");
        assert_eq!(terms[2].position, 4);
    }

    #[test]
    fn edit_distance_is_bounded() {
        assert!(within_edits("inflsi", "inflasi", 1));
        assert!(within_edits("kemiskinn", "kemiskinan", 1));
        assert!(!within_edits("ekspor", "impor", 1));
        assert!(within_edits("pengangguaran", "pengangguran", 1));
    }
}
