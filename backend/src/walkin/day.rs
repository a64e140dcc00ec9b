//! Closing a unit's day: tickets still waiting (or called and never come) become `not_served`
//! — by the supervisor, or by the scheduler once the office has closed.
use chrono::{DateTime, TimeZone, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

use super::{events, model::*, tickets};
use crate::{
    caller::AuthUser,
    entities::{
        unit,
        walkin_ticket::{self, Column as T},
    },
    error::{AppError, AppResult},
    state::AppState,
    units,
};

/// Ends every waiting or called ticket of the unit taken before `cutoff`.
async fn close_before(
    state: &AppState,
    unit: &unit::Model,
    cutoff: DateTime<Utc>,
    now: DateTime<Utc>,
) -> AppResult<u64> {
    let result = walkin_ticket::Entity::update_many()
        .col_expr(T::Status, Expr::value(TicketStatus::NotServed.as_str()))
        .col_expr(T::EndedAt, Expr::value(now))
        .col_expr(T::UpdatedAt, Expr::value(now))
        .filter(T::UnitCode.eq(&unit.code))
        .filter(T::Status.is_in([
            TicketStatus::Waiting.as_str(),
            TicketStatus::Called.as_str(),
        ]))
        .filter(T::TakenAt.lt(cutoff))
        .exec(&state.db)
        .await?;
    if result.rows_affected > 0 {
        events::changed(state, &unit.code, &[]).await;
    }
    Ok(result.rows_affected)
}

pub async fn close(state: &AppState, auth: &AuthUser, unit_code: &str) -> AppResult<DayClosed> {
    let unit = units::service::find(&state.db, unit_code).await?;
    if !auth.manages_unit(&unit.code) {
        return Err(AppError::forbidden());
    }
    let now = state.clock.now();
    Ok(DayClosed {
        not_served: close_before(state, &unit, now + chrono::TimeDelta::seconds(1), now).await?,
    })
}

/// What the scheduler closes at `at`: once a unit's office has closed, the day's tickets taken
/// before closing time; at any hour, tickets left from earlier days.
pub async fn close_due(state: &AppState, at: DateTime<Utc>) -> AppResult<u64> {
    let mut closed = 0;
    for unit in unit::Entity::find().all(&state.db).await? {
        let zone = tickets::unit_zone(&unit)?;
        let local = at.with_timezone(&zone);
        let day = local.date_naive();
        let closes = tickets::office_time(&unit.office_closes_at)?;
        let cutoff_local = if local.time() >= closes {
            day.and_time(closes)
        } else {
            day.and_hms_opt(0, 0, 0)
                .ok_or_else(|| AppError::internal("no midnight"))?
        };
        let cutoff = zone
            .from_local_datetime(&cutoff_local)
            .earliest()
            .ok_or_else(|| AppError::internal("a local time that does not exist"))?
            .with_timezone(&Utc);
        closed += close_before(state, &unit, cutoff, at).await?;
    }
    Ok(closed)
}
