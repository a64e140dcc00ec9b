//! Staff search over consultations (`q=`): full-text, never a scan of every row. SQLite matches
//! the FTS5 table that triggers keep beside `consultations`; PostgreSQL matches a GIN index over
//! the same text. Every word must occur, as a word or the start of one; a whole consultation
//! number matches that consultation.
use sea_orm::{ColumnTrait, Condition, DbBackend, sea_query::Expr};

use crate::entities::consultation::Column as C;

/// At most this many words of a query are used.
const MAX_WORDS: usize = 16;
const MAX_WORD_CHARS: usize = 64;

/// The query's words, lowercased, punctuation dropped.
fn words(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS)
        .map(|w| {
            w.chars()
                .take(MAX_WORD_CHARS)
                .collect::<String>()
                .to_lowercase()
        })
        .collect()
}

pub fn matches(backend: DbBackend, query: &str) -> Condition {
    let query = query.trim();
    let by_number = Condition::any().add(C::Number.eq(query));
    let words = words(query);
    if words.is_empty() {
        return by_number;
    }
    let text = match backend {
        DbBackend::Postgres => Expr::cust_with_values(
            "to_tsvector('simple'::regconfig, \"consultations\".\"subject\" || ' ' || \
             \"consultations\".\"question\") @@ to_tsquery('simple'::regconfig, $1)",
            [words
                .iter()
                .map(|w| format!("{w}:*"))
                .collect::<Vec<_>>()
                .join(" & ")],
        ),
        _ => Expr::cust_with_values(
            "\"consultations\".\"rowid\" IN \
             (SELECT rowid FROM consultations_fts WHERE consultations_fts MATCH ?)",
            [words
                .iter()
                .map(|w| format!("\"{w}\"*"))
                .collect::<Vec<_>>()
                .join(" ")],
        ),
    };
    by_number.add(text)
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn words_drop_punctuation_and_operators() {
        assert_eq!(
            words("Kode KBLI: \"warung-kopi\" * OR (NEAR)"),
            ["kode", "kbli", "warung", "kopi", "or", "near"]
        );
        assert!(words("  !!! ").is_empty());
        assert_eq!(words(&"kata ".repeat(40)).len(), 16);
    }
}
