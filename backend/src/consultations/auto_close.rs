//! A consultation whose user has not answered the officer's last message for the unit's
//! `auto_close_after_days` closes as `inactive`; one day before, the user is warned by email.
//! Idempotent: a warning is sent once per silence, a consultation closes once, and one the user
//! answered meanwhile is left alone (the updates are conditional on the timestamps read).
use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    TransactionTrait,
    sea_query::{Expr, ExprTrait},
};

use super::{
    lifecycle::transition_at,
    model::{Resolution, Status},
    notices::{announced, notify_closed},
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

/// How many candidates a run reads at a time.
const BATCH: u64 = 200;

/// Those awaiting their user whose officer spoke long enough ago to be warned (a day before
/// the close) or closed at `at`: units grouped by their `auto_close_after_days`, so the
/// condition stays small whatever the number of units.
fn due(units: &HashMap<String, unit::Model>, at: DateTime<Utc>) -> Condition {
    let mut by_days: HashMap<i32, Vec<String>> = HashMap::new();
    for u in units.values() {
        by_days
            .entry(u.auto_close_after_days)
            .or_default()
            .push(u.code.clone());
    }
    let mut any = Condition::any();
    for (days, codes) in by_days {
        let warn_from = at - TimeDelta::days(i64::from(days)) + TimeDelta::days(1);
        any = any.add(
            Condition::all()
                .add(C::UnitCode.is_in(codes))
                .add(C::LastOfficerMessageAt.lte(warn_from)),
        );
    }
    Condition::all().add(awaiting_user()).add(any)
}

/// Warns and closes every consultation due at the instant `at`, reading the due ones in
/// batches (by id), never the whole table.
pub async fn run(state: &AppState, at: DateTime<Utc>) -> AppResult<Report> {
    let units: HashMap<String, unit::Model> = unit::Entity::find()
        .all(&state.db)
        .await?
        .into_iter()
        .map(|u| (u.code.clone(), u))
        .collect();
    let mut report = Report::default();
    if units.is_empty() {
        return Ok(report);
    }
    let due = due(&units, at);
    let mut after: Option<uuid::Uuid> = None;
    loop {
        let mut batch = consultation::Entity::find().filter(due.clone());
        if let Some(id) = after {
            batch = batch.filter(C::Id.gt(id));
        }
        let candidates = batch
            .order_by_asc(C::Id)
            .limit(BATCH)
            .all(&state.db)
            .await?;
        let Some(last) = candidates.last() else { break };
        after = Some(last.id);
        let full = candidates.len() as u64 == BATCH;
        process(state, at, &units, candidates, &mut report).await?;
        if !full {
            break;
        }
    }
    if report != Report::default() {
        state.outbox_wake.notify_one();
    }
    Ok(report)
}

async fn process(
    state: &AppState,
    at: DateTime<Utc>,
    units: &HashMap<String, unit::Model>,
    candidates: Vec<consultation::Model>,
    report: &mut Report,
) -> AppResult<()> {
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
            // The owner's view: nobody asked, the event is what matters.
            let owner = row.user_id;
            announced(
                state,
                crate::chat::service::Reader {
                    id: owner,
                    staff: false,
                },
                row,
                false,
            )
            .await?;
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
    Ok(())
}
