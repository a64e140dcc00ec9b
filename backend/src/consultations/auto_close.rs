//! A consultation whose user has not answered the officer's last message for the unit's
//! `auto_close_after_days` closes as `inactive`; one day before, the user is warned by email.
//! Idempotent: a warning is sent once per silence, a consultation closes once, and one the user
//! answered meanwhile is left alone (the updates are conditional on the timestamps read).
use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, QueryFilter, Set, TransactionTrait,
    sea_query::{Expr, ExprTrait},
};

use super::{
    lifecycle::transition_at,
    model::{Resolution, Status},
    notices::{announce, notify_closed},
};
use crate::{
    entities::{
        consultation::{self, Column as C},
        unit, user,
    },
    error::AppResult,
    error::ErrorCode,
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

/// What a run did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub warned: usize,
    pub closed: usize,
}

/// A transition's row, or `None` when the consultation changed since it was read.
fn unless_changed(
    result: AppResult<consultation::Model>,
) -> AppResult<Option<consultation::Model>> {
    match result {
        Ok(row) => Ok(Some(row)),
        Err(e) if e.code == ErrorCode::InvalidState => Ok(None),
        Err(e) => Err(e),
    }
}

/// Warns and closes every consultation due at the instant `at`.
pub async fn run(state: &AppState, at: DateTime<Utc>) -> AppResult<Report> {
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
    let mut report = Report::default();
    for c in candidates {
        let (Some(unit), Some(officer_at)) = (units.get(&c.unit_code), c.last_officer_message_at)
        else {
            continue;
        };
        let closes_at = officer_at + TimeDelta::days(unit.auto_close_after_days.into());
        let warn_at = closes_at - TimeDelta::days(1);
        if at >= closes_at {
            let txn = state.db.begin().await?;
            let change = |a: &mut consultation::ActiveModel| {
                a.status = Set(Status::Closed.as_str().into());
                a.resolution = Set(Some(Resolution::Inactive.as_str().into()));
                a.closed_at = Set(Some(at));
            };
            // Left alone when the user answered (or anything else changed) since it was read.
            let Some(row) = unless_changed(
                transition_at(
                    &txn,
                    &c,
                    &[Status::Active],
                    change,
                    ErrorCode::InvalidState,
                    at,
                )
                .await,
            )?
            else {
                continue;
            };
            notify_closed(state, &txn, &row).await?;
            txn.commit().await?;
            announce(state, &row, false).await?;
            report.closed += 1;
        } else if at >= warn_at && c.auto_close_warned_at.is_none_or(|w| w < officer_at) {
            let txn = state.db.begin().await?;
            let warn = |a: &mut consultation::ActiveModel| a.auto_close_warned_at = Set(Some(at));
            let Some(_) = unless_changed(
                transition_at(
                    &txn,
                    &c,
                    &[Status::Active],
                    warn,
                    ErrorCode::InvalidState,
                    at,
                )
                .await,
            )?
            else {
                continue;
            };
            if let Some(owner) = user::Entity::find_by_id(c.user_id).one(&txn).await? {
                let link = crate::vocab::links::consultation(&state.settings.public_url, c.id);
                let when = templates::local_time(closes_at, crate::vocab::zone(&unit.time_zone)?);
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
    if report != Report::default() {
        state.outbox_wake.notify_one();
    }
    Ok(report)
}
