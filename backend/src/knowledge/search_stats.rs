//! Searches counted for the reports: each instance counts in memory ([`SearchTally`]) and the
//! job runner adds its counts to the database, so a search costs no write and instances add up.
use sea_orm::{
    EntityTrait, ExprTrait, Set,
    sea_query::{Expr, OnConflict},
};

use crate::{
    entities::knowledge_search_hour::{self as hour, Column as H},
    error::AppResult,
    state::AppState,
};

/// Adds the counts so far to `knowledge_search_hours`; on failure they are kept for next time.
pub async fn flush(state: &AppState) -> AppResult<usize> {
    let counts = state.searches.take();
    if counts.is_empty() {
        return Ok(0);
    }
    let n = counts.len();
    let rows = counts
        .iter()
        .map(|((at, unit), searches)| hour::ActiveModel {
            unit_code: Set(unit.clone()),
            hour_start: Set(*at),
            searches: Set(*searches),
        });
    let written = hour::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::columns([H::UnitCode, H::HourStart])
                .value(
                    H::Searches,
                    Expr::col((hour::Entity, H::Searches)).add(Expr::cust("excluded.searches")),
                )
                .to_owned(),
        )
        .exec(&state.db)
        .await;
    match written {
        Ok(_) => Ok(n),
        Err(e) => {
            state.searches.restore(counts);
            Err(e.into())
        }
    }
}
