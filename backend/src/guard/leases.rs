//! Leases: one holder at a time for work that several instances could each do (the timers, the
//! shared search index's worker). A holder renews its lease while it works; a dead holder's
//! lease runs out and another instance takes it.
use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, Set, sea_query::OnConflict};
use uuid::Uuid;

use crate::{
    db::Db,
    entities::job_lease::{self, Column as L},
    error::AppResult,
};

/// Takes or renews the lease `name` for `holder` until `now + ttl`: true when `holder` has it
/// (it was free, expired, or already the holder's). One statement each way, so of two
/// instances asking at once one gets it.
pub async fn take(
    db: &Db,
    name: &str,
    holder: Uuid,
    now: DateTime<Utc>,
    ttl: TimeDelta,
) -> AppResult<bool> {
    let inserted = job_lease::Entity::insert(job_lease::ActiveModel {
        name: Set(name.to_owned()),
        holder: Set(holder),
        expires_at: Set(now + ttl),
    })
    .on_conflict(OnConflict::column(L::Name).do_nothing().to_owned())
    .exec_without_returning(db)
    .await?;
    if inserted == 1 {
        return Ok(true);
    }
    let renewed = job_lease::Entity::update_many()
        .col_expr(L::Holder, holder.into())
        .col_expr(L::ExpiresAt, (now + ttl).into())
        .filter(L::Name.eq(name))
        .filter(
            Condition::any()
                .add(L::Holder.eq(holder))
                .add(L::ExpiresAt.lt(now)),
        )
        .exec(db)
        .await?;
    Ok(renewed.rows_affected == 1)
}
