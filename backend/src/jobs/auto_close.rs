//! A consultation whose user has not answered the officer's last message for the unit's
//! `auto_close_after_days` closes as `inactive`; one day before, the user is warned by email.
//! Idempotent: a warning is sent once per silence, a consultation closes once, and one the user
//! answered meanwhile is left alone (the updates are conditional on the timestamps read).
use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, QueryFilter, TransactionTrait,
    sea_query::{Expr, ExprTrait},
};

use super::JobReport;
use crate::{
    consultations::{
        model::{Resolution, Status},
        service::{announce, notify_closed},
    },
    entities::{
        consultation::{self, Column as C},
        unit, user,
    },
    error::AppResult,
    notify::{self, templates},
    state::AppState,
};

/// Consultations waiting for their user: the officer spoke last.
fn awaiting_user() -> Condition {
    Condition::all()
        .add(C::Status.eq(Status::Active.as_str()))
        .add(C::LastOfficerMessageAt.is_not_null())
        .add(
            Condition::any()
                .add(C::LastUserMessageAt.is_null())
                .add(Expr::col(C::LastUserMessageAt).lt(Expr::col(C::LastOfficerMessageAt))),
        )
}

/// The same row, unchanged since it was read.
fn unchanged(c: &consultation::Model) -> Condition {
    let mut cond = Condition::all()
        .add(C::Id.eq(c.id))
        .add(C::Status.eq(Status::Active.as_str()))
        .add(C::UpdatedAt.eq(c.updated_at));
    if let Some(t) = c.last_officer_message_at {
        cond = cond.add(C::LastOfficerMessageAt.eq(t));
    }
    cond
}

pub async fn run(state: &AppState, at: DateTime<Utc>) -> AppResult<JobReport> {
    let units: HashMap<String, unit::Model> = unit::Entity::find()
        .all(&state.db)
        .await?
        .into_iter()
        .map(|u| (u.code.clone(), u))
        .collect();
    let candidates = consultation::Entity::find()
        .filter(awaiting_user())
        .all(&state.db)
        .await?;
    let mut report = JobReport::default();
    for c in candidates {
        let (Some(unit), Some(officer_at)) = (units.get(&c.unit_code), c.last_officer_message_at)
        else {
            continue;
        };
        let closes_at = officer_at + TimeDelta::days(unit.auto_close_after_days.into());
        let warn_at = closes_at - TimeDelta::days(1);
        if at >= closes_at {
            let txn = state.db.begin().await?;
            let closed = consultation::Entity::update_many()
                .col_expr(C::Status, Expr::value(Status::Closed.as_str()))
                .col_expr(C::Resolution, Expr::value(Resolution::Inactive.as_str()))
                .col_expr(C::ClosedAt, Expr::value(at))
                .col_expr(C::UpdatedAt, Expr::value(at))
                .filter(unchanged(&c))
                .exec(&txn)
                .await?;
            if closed.rows_affected == 1 {
                let row = consultation::Entity::find_by_id(c.id).one(&txn).await?;
                if let Some(row) = &row {
                    notify_closed(state, &txn, row).await?;
                }
                txn.commit().await?;
                if let Some(row) = row {
                    announce(state, &row, false).await?;
                }
                report.closed += 1;
            }
        } else if at >= warn_at && c.auto_close_warned_at.is_none_or(|w| w < officer_at) {
            let txn = state.db.begin().await?;
            let warned = consultation::Entity::update_many()
                .col_expr(C::AutoCloseWarnedAt, Expr::value(at))
                .filter(unchanged(&c))
                .exec(&txn)
                .await?;
            if warned.rows_affected == 1 {
                if let Some(owner) = user::Entity::find_by_id(c.user_id).one(&txn).await? {
                    let link = crate::vocab::links::consultation(&state.settings.public_url, c.id);
                    let when =
                        templates::local_time(closes_at, crate::vocab::zone(&unit.time_zone)?);
                    notify::enqueue(
                        &txn,
                        templates::auto_close_warning(
                            &owner.email,
                            &owner.full_name,
                            &c.number,
                            &c.subject,
                            &when,
                            &link,
                        ),
                    )
                    .await?;
                }
                txn.commit().await?;
                report.warned += 1;
            }
        }
    }
    if report != JobReport::default() {
        state.outbox_wake.notify_one();
    }
    Ok(report)
}
