//! Search over consultations (`q=`): full-text, never a scan of every row. SQLite matches the
//! FTS5 tables that triggers keep beside `consultations` and `messages`; PostgreSQL matches GIN
//! indexes over the same text. Every word must occur, as a word or the start of one, in the
//! subject and question or in one message; a whole consultation number matches that
//! consultation.
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

/// The consultations whose number is `query`, whose subject and question hold all its words,
/// or with a message that holds them all: the messages the reader may see (`public_only`: the
/// person who asked, who never sees an internal note).
pub fn matches(backend: DbBackend, query: &str, public_only: bool) -> Condition {
    let query = query.trim();
    let by_number = Condition::any().add(C::Number.eq(query));
    let words = words(query);
    if words.is_empty() {
        return by_number;
    }
    let public = if public_only {
        format!(
            " AND \"m\".\"visibility\" = '{}'",
            crate::vocab::Visibility::Public.as_str()
        )
    } else {
        String::new()
    };
    let (text, messages) = match backend {
        DbBackend::Postgres => {
            let tsquery = words
                .iter()
                .map(|w| format!("{w}:*"))
                .collect::<Vec<_>>()
                .join(" & ");
            (
                Expr::cust_with_values(
                    "to_tsvector('simple'::regconfig, \"consultations\".\"subject\" || ' ' || \
                     \"consultations\".\"question\") @@ to_tsquery('simple'::regconfig, $1)",
                    [tsquery.clone()],
                ),
                Expr::cust_with_values(
                    format!(
                        "\"consultations\".\"id\" IN (SELECT \"m\".\"consultation_id\" FROM \"messages\" \"m\" \
                         WHERE to_tsvector('simple'::regconfig, \"m\".\"body\") @@ \
                         to_tsquery('simple'::regconfig, $1){public})"
                    ),
                    [tsquery],
                ),
            )
        }
        _ => {
            let fts = words
                .iter()
                .map(|w| format!("\"{w}\"*"))
                .collect::<Vec<_>>()
                .join(" ");
            (
                Expr::cust_with_values(
                    "\"consultations\".\"rowid\" IN \
                     (SELECT rowid FROM consultations_fts WHERE consultations_fts MATCH ?)",
                    [fts.clone()],
                ),
                Expr::cust_with_values(
                    format!(
                        "\"consultations\".\"id\" IN (SELECT \"m\".\"consultation_id\" FROM \"messages\" \"m\" \
                         WHERE \"m\".\"rowid\" IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?){public})"
                    ),
                    [fts],
                ),
            )
        }
    };
    by_number.add(text).add(messages)
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
