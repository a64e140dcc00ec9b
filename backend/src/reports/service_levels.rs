//! How the units kept their service standard in the period: online consultations answered
//! within their working-day deadline, first response and time to close; walk-in waits against
//! the unit's maximum; complaints verified and responded to within their deadlines.
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, EntityTrait, ExprTrait, FromQueryResult, QueryFilter, QuerySelect, sea_query::Expr,
};
use serde::Serialize;
use utoipa::ToSchema;

use super::scope::{ReportPeriod, Scope};
use crate::{
    bus::walkin::TicketStatus,
    entities::{
        complaint::{self, Column as K},
        consultation::{self, Column as C},
        walkin_ticket,
    },
    error::AppResult,
    state::AppState,
    vocab::{Resolution, Role, Status},
    walkin::stats::quantile,
};

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OnlineLevels {
    /// Consultations opened in the period.
    pub opened: u64,
    /// Consultations whose request became clear in the period (their deadline started).
    pub clarified: u64,
    /// Of those, answered or referred so far.
    pub answered: u64,
    /// Of those answered, by their working-day deadline.
    pub answered_within_deadline: u64,
    /// `answered_within_deadline` / `answered` × 100, to one decimal.
    pub within_deadline_percent: Option<f64>,
    /// Median minutes from opening to the unit's first message, of those opened in the period.
    pub median_first_response_minutes: Option<f64>,
    /// Median hours from opening to closing, of those opened in the period and closed.
    pub median_hours_to_close: Option<f64>,
    /// Open now and past their deadline (whatever the period).
    pub overdue_now: u64,
    /// Closed in the period after the user's silence.
    pub auto_closed: u64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WalkinLevels {
    pub tickets: u64,
    pub served: u64,
    pub no_shows: u64,
    /// Minutes from the previous visitor finishing (or the ticket, if later) to the call.
    pub median_wait_minutes: Option<f64>,
    pub p90_wait_minutes: Option<f64>,
    /// Share of measured waits within the unit's `walkin_max_wait_minutes`, to one decimal.
    pub within_max_wait_percent: Option<f64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ComplaintLevels {
    /// Complaints received in the period (confirmed ones only).
    pub received: u64,
    /// Of those, verified (or decided) so far, and by the verify deadline.
    pub verified: u64,
    pub verified_within_deadline: u64,
    pub verify_within_percent: Option<f64>,
    /// Of those, responded to so far, and by the respond deadline.
    pub responded: u64,
    pub responded_within_deadline: u64,
    pub respond_within_percent: Option<f64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnitServiceLevels {
    pub unit_code: String,
    pub unit_name: String,
    pub online: OnlineLevels,
    pub walk_in: WalkinLevels,
    pub complaints: ComplaintLevels,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ServiceLevelReport {
    #[serde(flatten)]
    pub period: ReportPeriod,
    /// All covered units together.
    pub online: OnlineLevels,
    pub walk_in: WalkinLevels,
    pub complaints: ComplaintLevels,
    /// Each covered unit.
    pub units: Vec<UnitServiceLevels>,
}

type At = DateTime<Utc>;

fn percent(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    quantile(&values, 0.5)
}

#[derive(Debug, FromQueryResult)]
struct ConsultationRow {
    unit_code: String,
    created_at: DateTime<Utc>,
    closed_at: Option<DateTime<Utc>>,
    first_staff: Option<DateTime<Utc>>,
}

#[derive(Debug, FromQueryResult)]
struct ClarifiedRow {
    unit_code: String,
    deadline_at: Option<DateTime<Utc>>,
    closed_at: Option<DateTime<Utc>>,
    resolution: Option<String>,
}

fn answered(resolution: Option<&str>) -> bool {
    matches!(
        resolution.and_then(Resolution::parse),
        Some(Resolution::Answered | Resolution::Referred)
    )
}

/// The period's figures; `units` are the covered units' rows, the first being the total.
pub async fn report(state: &AppState, scope: &Scope) -> AppResult<ServiceLevelReport> {
    // Opened in the period, each with the unit's first message: a correlated lookup through
    // the messages' consultation index, a few rows per consultation (a join grouped over all
    // of the period's messages took seconds for a year of a busy unit).
    let staff_roles = [Role::Officer, Role::Supervisor, Role::Admin]
        .map(|r| format!("'{}'", r.as_str()))
        .join(", ");
    let opened = consultation::Entity::find()
        .select_only()
        .column(C::UnitCode)
        .column(C::CreatedAt)
        .column(C::ClosedAt)
        .column_as(
            Expr::cust(format!(
                "(SELECT MIN(m.created_at) FROM messages m WHERE m.consultation_id = consultations.id AND m.visibility = '{public}' AND m.sender_role IN ({staff_roles}))",
                public = crate::vocab::Visibility::Public.as_str()
            )),
            "first_staff",
        )
        .filter(scope.within(C::UnitCode, C::CreatedAt)?);
    let opened: Vec<ConsultationRow> = opened.into_model().all(&state.db).await?;
    let clarified: Vec<ClarifiedRow> = consultation::Entity::find()
        .select_only()
        .column(C::UnitCode)
        .column(C::DeadlineAt)
        .column(C::ClosedAt)
        .column(C::Resolution)
        .filter(scope.within(C::UnitCode, C::ClarifiedAt)?)
        .into_model()
        .all(&state.db)
        .await?;
    let auto_closed: Vec<(String, Option<String>)> = consultation::Entity::find()
        .select_only()
        .column(C::UnitCode)
        .column(C::Resolution)
        .filter(scope.within(C::UnitCode, C::ClosedAt)?)
        .filter(C::Resolution.eq(Resolution::Inactive.as_str()))
        .into_tuple()
        .all(&state.db)
        .await?;
    let (first_day, last_day) = scope.day_keys();
    let codes = scope.codes();
    let tickets: Vec<(String, String, Option<i32>, bool)> = walkin_ticket::Entity::find()
        .select_only()
        .column(walkin_ticket::Column::UnitCode)
        .column(walkin_ticket::Column::Status)
        .column(walkin_ticket::Column::StandardWaitSeconds)
        .column(walkin_ticket::Column::Breach)
        .filter(walkin_ticket::Column::UnitCode.is_in(codes.clone()))
        .filter(walkin_ticket::Column::Day.between(first_day, last_day))
        .into_tuple()
        .all(&state.db)
        .await?;
    #[derive(FromQueryResult)]
    struct ComplaintRow {
        unit_code: String,
        verify_due_at: Option<DateTime<Utc>>,
        respond_due_at: Option<DateTime<Utc>>,
        verified_at: Option<DateTime<Utc>>,
        responded_at: Option<DateTime<Utc>>,
        closed_at: Option<DateTime<Utc>>,
    }
    let complaints: Vec<ComplaintRow> = complaint::Entity::find()
        .select_only()
        .column(K::UnitCode)
        .column(K::VerifyDueAt)
        .column(K::RespondDueAt)
        .column(K::VerifiedAt)
        .column(K::RespondedAt)
        .column(K::ClosedAt)
        .filter(scope.within(K::UnitCode, K::ReceivedAt)?)
        .filter(K::AcceptedAt.is_not_null())
        .into_model()
        .all(&state.db)
        .await?;

    let online_of = |unit: Option<&str>| {
        let mine = |code: &str| unit.is_none_or(|u| u == code);
        let opened_rows: Vec<&ConsultationRow> =
            opened.iter().filter(|r| mine(&r.unit_code)).collect();
        let clarified_rows: Vec<&ClarifiedRow> =
            clarified.iter().filter(|r| mine(&r.unit_code)).collect();
        let answered_rows: Vec<&&ClarifiedRow> = clarified_rows
            .iter()
            .filter(|r| answered(r.resolution.as_deref()))
            .collect();
        let within = answered_rows
            .iter()
            .filter(|r| match (r.closed_at, r.deadline_at) {
                (Some(closed), Some(deadline)) => closed <= deadline,
                _ => false,
            })
            .count() as u64;
        let first = opened_rows
            .iter()
            .filter_map(|r| {
                r.first_staff
                    .map(|t| (t - r.created_at).num_seconds() as f64 / 60.0)
            })
            .collect();
        let to_close = opened_rows
            .iter()
            .filter_map(|r| {
                r.closed_at
                    .map(|t| (t - r.created_at).num_seconds() as f64 / 3600.0)
            })
            .collect();
        OnlineLevels {
            opened: opened_rows.len() as u64,
            clarified: clarified_rows.len() as u64,
            answered: answered_rows.len() as u64,
            answered_within_deadline: within,
            within_deadline_percent: percent(within, answered_rows.len() as u64),
            median_first_response_minutes: median(first),
            median_hours_to_close: median(to_close),
            overdue_now: 0,
            auto_closed: auto_closed.iter().filter(|(c, _)| mine(c)).count() as u64,
        }
    };
    let walkin_of = |unit: Option<&str>| -> AppResult<WalkinLevels> {
        let mut levels = WalkinLevels {
            tickets: 0,
            served: 0,
            no_shows: 0,
            median_wait_minutes: None,
            p90_wait_minutes: None,
            within_max_wait_percent: None,
        };
        let mut waits = Vec::new();
        let mut within = 0;
        for (code, status, wait, breach) in &tickets {
            if unit.is_some_and(|u| u != code) {
                continue;
            }
            levels.tickets += 1;
            match TicketStatus::stored(status)? {
                TicketStatus::Finished => levels.served += 1,
                TicketStatus::NoShow => levels.no_shows += 1,
                _ => {}
            }
            if let Some(w) = wait {
                waits.push(f64::from(*w) / 60.0);
                if !breach {
                    within += 1;
                }
            }
        }
        waits.sort_by(f64::total_cmp);
        levels.median_wait_minutes = quantile(&waits, 0.5);
        levels.p90_wait_minutes = quantile(&waits, 0.9);
        levels.within_max_wait_percent = percent(within, waits.len() as u64);
        Ok(levels)
    };
    let complaints_of = |unit: Option<&str>| {
        let rows: Vec<&ComplaintRow> = complaints
            .iter()
            .filter(|r| unit.is_none_or(|u| u == r.unit_code))
            .collect();
        let on_time = |at: Option<DateTime<Utc>>, due: Option<DateTime<Utc>>| matches!((at, due), (Some(at), Some(due)) if at <= due);
        // A complaint rejected or forwarded without verification was decided: it counts as
        // verified when it closed.
        let verified: Vec<(Option<At>, Option<At>)> = rows
            .iter()
            .filter_map(|r| {
                r.verified_at
                    .or(r.closed_at)
                    .map(|at| (Some(at), r.verify_due_at))
            })
            .collect();
        let verified_on_time = verified.iter().filter(|(a, d)| on_time(*a, *d)).count() as u64;
        let responded: Vec<&&ComplaintRow> =
            rows.iter().filter(|r| r.responded_at.is_some()).collect();
        let responded_on_time = responded
            .iter()
            .filter(|r| on_time(r.responded_at, r.respond_due_at))
            .count() as u64;
        ComplaintLevels {
            received: rows.len() as u64,
            verified: verified.len() as u64,
            verified_within_deadline: verified_on_time,
            verify_within_percent: percent(verified_on_time, verified.len() as u64),
            responded: responded.len() as u64,
            responded_within_deadline: responded_on_time,
            respond_within_percent: percent(responded_on_time, responded.len() as u64),
        }
    };
    // Open and overdue now, whatever the period: one grouped count.
    let overdue: std::collections::HashMap<String, i64> = consultation::Entity::find()
        .select_only()
        .column(C::UnitCode)
        .column_as(Expr::col(C::Id).count(), "n")
        .filter(C::UnitCode.is_in(codes))
        .filter(C::Status.is_in([Status::Waiting.as_str(), Status::Active.as_str()]))
        .filter(C::DeadlineAt.lt(scope.now))
        .group_by(C::UnitCode)
        .into_tuple::<(String, i64)>()
        .all(&state.db)
        .await?
        .into_iter()
        .collect();
    let overdue_of =
        |code: &str| u64::try_from(overdue.get(code).copied().unwrap_or(0)).unwrap_or(0);
    let mut units = Vec::with_capacity(scope.units.len());
    for u in &scope.units {
        let mut online = online_of(Some(&u.code));
        online.overdue_now = overdue_of(&u.code);
        units.push(UnitServiceLevels {
            unit_code: u.code.clone(),
            unit_name: u.name.clone(),
            online,
            walk_in: walkin_of(Some(&u.code))?,
            complaints: complaints_of(Some(&u.code)),
        });
    }
    let mut online = online_of(None);
    online.overdue_now = scope.units.iter().map(|u| overdue_of(&u.code)).sum();
    Ok(ServiceLevelReport {
        period: scope.period(),
        online,
        walk_in: walkin_of(None)?,
        complaints: complaints_of(None),
        units,
    })
}
