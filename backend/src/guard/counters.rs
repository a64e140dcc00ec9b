//! Attempt limits shared by every instance: each attempt adds one to a counter per key and time
//! window in the database (one statement for all of a request's limits, so attempts made at once,
//! on any instance, cannot all pass before they are counted). An attempt over any of its limits is
//! refused with the seconds until that window ends.
//!
//! Growing delays come from stacking windows of one key: e.g. 5 a minute, 10 in 15 minutes and
//! 20 in a day for one account from one address, so each burst of failures waits longer.
use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{
    ColumnTrait, EntityTrait, ExprTrait, QueryFilter, Set,
    sea_query::{Expr, OnConflict},
};

use crate::{
    entities::rate_counter::{self, Column as C},
    error::{AppError, AppResult, ErrorCode},
    state::AppState,
};

/// At most `max` attempts under a key in each window of `window` seconds.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    pub seconds: i64,
    pub max: i64,
}

pub const fn per(seconds: i64, max: i64) -> Window {
    Window { seconds, max }
}

/// One key and the windows that limit it.
pub struct Limit<'a> {
    pub key: String,
    pub windows: &'a [Window],
}

impl<'a> Limit<'a> {
    pub fn new(kind: &str, subject: &str, windows: &'a [Window]) -> Self {
        // Keys stay bounded whatever is sent: a long subject is hashed.
        let subject = if subject.len() > 200 {
            crate::security::tokens::hash_token(subject)
        } else {
            subject.to_owned()
        };
        Self {
            key: format!("{kind}:{subject}"),
            windows,
        }
    }
}

fn window_start(at: DateTime<Utc>, seconds: i64) -> i64 {
    let t = at.timestamp();
    t - t.rem_euclid(seconds)
}

/// Counts one attempt under every limit; `Err(seconds to wait)` when any of them is exceeded
/// (and then the attempt is not counted).
pub async fn hit(state: &AppState, limits: &[Limit<'_>]) -> AppResult<Result<(), u64>> {
    let now = state.clock.now();
    let mut rows = Vec::new();
    let mut expected = Vec::new();
    for limit in limits {
        for w in limit.windows {
            let start = window_start(now, w.seconds);
            rows.push(rate_counter::ActiveModel {
                key: Set(format!("{}@{}", limit.key, w.seconds)),
                window_start: Set(start),
                hits: Set(1),
                expires_at: Set(DateTime::from_timestamp(start + w.seconds, 0).unwrap_or(now)),
            });
            expected.push((format!("{}@{}", limit.key, w.seconds), start, *w));
        }
    }
    if rows.is_empty() {
        return Ok(Ok(()));
    }
    let counted = rate_counter::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::columns([C::Key, C::WindowStart])
                .value(C::Hits, Expr::col((rate_counter::Entity, C::Hits)).add(1))
                .to_owned(),
        )
        .exec_with_returning(&state.db)
        .await?;
    let wait = counted
        .iter()
        .filter_map(|row| {
            let (_, start, w) = expected
                .iter()
                .find(|(k, s, _)| *k == row.key && *s == row.window_start)?;
            (row.hits > w.max).then(|| Ord::max(start + w.seconds - now.timestamp(), 1) as u64)
        })
        .max();
    Ok(match wait {
        Some(seconds) => {
            // A refused attempt does not count: a flood does not use up the day's allowance of
            // the person it names.
            for limit in limits {
                take_back(state, limit).await?;
            }
            Err(seconds)
        }
        None => Ok(()),
    })
}

/// As [`hit`], answering 429 `too_many_attempts` with `Retry-After` when over a limit.
pub async fn enforce(state: &AppState, limits: &[Limit<'_>], what: &str) -> AppResult<()> {
    hit(state, limits)
        .await?
        .map_err(|wait| too_many(what, wait))
}

pub fn too_many(what: &str, wait: u64) -> AppError {
    let mut e = AppError::new(ErrorCode::TooManyAttempts)
        .with_detail(format!("Too many {what}; try again in {wait} seconds."));
    e.retry_after_seconds = Some(wait);
    e
}

/// Forgets every window of a key (a login succeeded).
pub async fn forget(state: &AppState, kind: &str, subject: &str) -> AppResult<()> {
    let key = Limit::new(kind, subject, &[]).key;
    rate_counter::Entity::delete_many()
        .filter(C::Key.starts_with(format!("{key}@")))
        .exec(&state.db)
        .await?;
    Ok(())
}

/// Takes one attempt back from the key's current windows (it turned out to be no failure).
pub async fn take_back(state: &AppState, limit: &Limit<'_>) -> AppResult<()> {
    let now = state.clock.now();
    for w in limit.windows {
        rate_counter::Entity::update_many()
            .col_expr(C::Hits, Expr::col(C::Hits).sub(1))
            .filter(C::Key.eq(format!("{}@{}", limit.key, w.seconds)))
            .filter(C::WindowStart.eq(window_start(now, w.seconds)))
            .filter(C::Hits.gt(0))
            .exec(&state.db)
            .await?;
    }
    Ok(())
}

/// Removes the counters of windows that have ended.
pub async fn purge(state: &AppState, at: DateTime<Utc>) -> AppResult<u64> {
    let done = rate_counter::Entity::delete_many()
        .filter(C::ExpiresAt.lt(at - TimeDelta::seconds(1)))
        .exec(&state.db)
        .await?;
    Ok(done.rows_affected)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::window_start;
    use chrono::DateTime;

    #[test]
    fn windows_start_on_their_multiples() {
        let at = DateTime::from_timestamp(1_000_123, 0).unwrap();
        assert_eq!(window_start(at, 60), 1_000_080);
        assert_eq!(window_start(at, 3600), 997_200);
    }
}
