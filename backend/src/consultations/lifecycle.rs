//! The consultation's lifecycle: opening, claiming, assigning, marking clear, closing,
//! withdrawing, reopening — every change of state through one conditional `transition`.

use chrono::{DateTime, Datelike, TimeDelta, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set,
    TransactionSession, TransactionTrait,
    sea_query::{Expr, ExprTrait},
};
use uuid::Uuid;

use super::model::*;
use crate::{
    access::{self, Access},
    caller::AuthUser,
    entities::{
        consultation::{self, Column as C},
        consultation_counter, message, referral, unit, user,
    },
    error::{AppError, AppResult, ErrorCode},
    holidays::working_days,
    state::AppState,
    vocab::Role,
    vocab::{self},
};

use super::{notices::*, queue};

/// Staff may reopen a closed consultation for this long.
pub const REOPEN_WINDOW: TimeDelta = TimeDelta::days(7);

async fn next_number<Cn: ConnectionTrait>(conn: &Cn, unit_code: &str, year: i32) -> AppResult<i32> {
    consultation_counter::Entity::insert(consultation_counter::ActiveModel {
        unit_code: Set(unit_code.to_owned()),
        year: Set(year),
        last_number: Set(0),
    })
    .on_conflict_do_nothing_on([
        consultation_counter::Column::UnitCode,
        consultation_counter::Column::Year,
    ])
    .exec(conn)
    .await?;
    // The update locks the counter row until commit, so numbers never repeat under concurrency.
    consultation_counter::Entity::update_many()
        .col_expr(
            consultation_counter::Column::LastNumber,
            Expr::col(consultation_counter::Column::LastNumber).add(1),
        )
        .filter(consultation_counter::Column::UnitCode.eq(unit_code))
        .filter(consultation_counter::Column::Year.eq(year))
        .exec(conn)
        .await?;
    let counter = consultation_counter::Entity::find_by_id((unit_code.to_owned(), year))
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal("consultation counter vanished"))?;
    Ok(counter.last_number)
}

pub async fn create(
    state: &AppState,
    auth: &AuthUser,
    req: CreateConsultationRequest,
) -> AppResult<ConsultationView> {
    if auth.role != Role::Public {
        return Err(
            AppError::forbidden().with_detail("Consultations are opened by members of the public.")
        );
    }
    let unit = unit::Entity::find_by_id(req.unit_code.clone())
        .one(&state.db)
        .await?
        .ok_or_else(|| {
            AppError::coded_field(ErrorCode::UnitNotFound, "unit_code", "no such unit")
        })?;
    let serves = crate::entities::service_standard::Entity::find_by_id(unit.code.clone())
        .one(&state.db)
        .await?
        .is_some();
    if !serves {
        return Err(AppError::field(
            "unit_code",
            "this unit does not take consultations (it has no published service standard)",
        ));
    }
    let now = state.clock.now();
    let year = now.with_timezone(&vocab::zone(&unit.time_zone)?).year();
    let txn = state.db.begin().await?;
    queue::lock(&txn, &unit.code).await?;
    let sequence = next_number(&txn, &unit.code, year).await?;
    let id = Uuid::now_v7();
    // Given to an officer at once when the unit assigns and somebody can take it; else queued.
    let assignee = super::assignment::take_turn(&txn, &unit, now).await?;
    let (status, place) = match assignee {
        Some(_) => (Status::Active, None),
        None => (
            Status::Waiting,
            Some(queue::enter(&txn, &unit.code, now, id).await?),
        ),
    };
    let created = consultation::ActiveModel {
        id: Set(id),
        unit_code: Set(unit.code.clone()),
        number: Set(format!("{}-{year}-{sequence:06}", unit.code)),
        user_id: Set(auth.id),
        category: Set(req.category.as_str().to_owned()),
        subject: Set(req.subject),
        question: Set(req.question),
        status: Set(status.as_str().to_owned()),
        resolution: Set(None),
        summary: Set(None),
        assignee_id: Set(assignee),
        to_index: Set(false),
        claimed_at: Set(assignee.map(|_| now)),
        clarified_at: Set(None),
        deadline_at: Set(None),
        closed_at: Set(None),
        last_user_message_at: Set(Some(now)),
        last_officer_message_at: Set(None),
        auto_close_warned_at: Set(None),
        queue_position: Set(place),
        created_at: Set(now),
        updated_at: Set(now),
        channel: Set(vocab::Channel::Online.as_str().to_owned()),
        walkin_ticket_id: Set(None),
    }
    .insert(&txn)
    .await?;
    if unit.notify_staff_on_new_consultation {
        notify_unit_staff(state, &txn, &unit, &created).await?;
    }
    crate::notify::commit(state, txn).await?;
    announced(state, auth.into(), created, false).await
}

/// A consultation held at a desk, as the officer records it.
pub struct DeskConsultation {
    /// The visitor's account (theirs, or the requester account the unit keeps for them).
    pub owner: Uuid,
    pub ticket_id: Uuid,
    /// When the visitor took the ticket: when they asked.
    pub asked_at: DateTime<Utc>,
    /// When the desk began serving them.
    pub served_from: DateTime<Utc>,
    pub category: Category,
    pub subject: String,
    pub question: String,
    pub answer: String,
    pub referral: Option<ReferralRequest>,
}

/// Records a desk consultation in `txn`: closed and answered, channel `walk_in`, the officer's
/// answer as their message (read by the visitor, who heard it), and the referral if any. One
/// per visit: a second answers `consultation_recorded`, also when two race (a unique index).
pub async fn record_desk<Cn: ConnectionTrait>(
    txn: &Cn,
    unit: &unit::Model,
    officer: &AuthUser,
    desk: DeskConsultation,
    now: DateTime<Utc>,
) -> AppResult<consultation::Model> {
    let year = desk
        .asked_at
        .with_timezone(&vocab::zone(&unit.time_zone)?)
        .year();
    let sequence = next_number(txn, &unit.code, year).await?;
    let id = Uuid::now_v7();
    let recorded = consultation::ActiveModel {
        id: Set(id),
        unit_code: Set(unit.code.clone()),
        number: Set(format!("{}-{year}-{sequence:06}", unit.code)),
        user_id: Set(desk.owner),
        category: Set(desk.category.as_str().to_owned()),
        subject: Set(desk.subject),
        question: Set(desk.question),
        status: Set(Status::Closed.as_str().to_owned()),
        resolution: Set(Some(Resolution::Answered.as_str().to_owned())),
        summary: Set(None),
        assignee_id: Set(Some(officer.id)),
        to_index: Set(false),
        claimed_at: Set(Some(desk.served_from)),
        clarified_at: Set(Some(desk.served_from)),
        deadline_at: Set(None),
        closed_at: Set(Some(now)),
        last_user_message_at: Set(Some(desk.asked_at)),
        last_officer_message_at: Set(Some(now)),
        auto_close_warned_at: Set(None),
        queue_position: Set(None),
        created_at: Set(desk.asked_at),
        updated_at: Set(now),
        channel: Set(vocab::Channel::WalkIn.as_str().to_owned()),
        walkin_ticket_id: Set(Some(desk.ticket_id)),
    }
    .insert(txn)
    .await
    .map_err(|e| {
        if matches!(
            e.sql_err(),
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
        ) {
            recorded_already()
        } else {
            AppError::from(e)
        }
    })?;
    let answer = message::ActiveModel {
        id: Set(Uuid::now_v7()),
        consultation_id: Set(id),
        sender_id: Set(officer.id),
        sender_role: Set(officer.role.as_str().to_owned()),
        body: Set(desk.answer),
        visibility: Set(crate::vocab::Visibility::Public.as_str().to_owned()),
        created_at: Set(now),
    }
    .insert(txn)
    .await?;
    crate::chat::service::upsert_receipt(txn, id, desk.owner, answer.id).await?;
    if let Some(r) = desk.referral {
        referral::ActiveModel {
            id: Set(Uuid::now_v7()),
            consultation_id: Set(id),
            service: Set(r.service.as_str().into()),
            note: Set(r.note),
            created_by: Set(officer.id),
            created_at: Set(now),
        }
        .insert(txn)
        .await?;
    }
    Ok(recorded)
}

pub fn recorded_already() -> AppError {
    AppError::conflict(
        ErrorCode::ConsultationRecorded,
        "The consultation of this visit is already recorded.",
    )
}

pub(super) fn require(condition: bool) -> AppResult<()> {
    if condition {
        Ok(())
    } else {
        Err(AppError::forbidden())
    }
}

/// Applies `change` only if the consultation still has `expected` status; else 409.
async fn transition<Cn: ConnectionTrait + TransactionTrait>(
    conn: &Cn,
    c: &consultation::Model,
    expected: &[Status],
    change: impl FnOnce(&mut consultation::ActiveModel),
    conflict: ErrorCode,
) -> AppResult<consultation::Model> {
    transition_at(conn, c, expected, change, conflict, Utc::now()).await
}

/// [`transition`] as of the instant `at` (the timers run as of any instant). A change into or
/// out of `waiting` also takes or gives up the consultation's place in its unit's queue, in a
/// transaction of its own (a savepoint inside the caller's), after [`queue::lock`].
pub(super) async fn transition_at<Cn: ConnectionTrait + TransactionTrait>(
    conn: &Cn,
    c: &consultation::Model,
    expected: &[Status],
    change: impl FnOnce(&mut consultation::ActiveModel),
    conflict: ErrorCode,
    at: DateTime<Utc>,
) -> AppResult<consultation::Model> {
    let mut active = c.clone().into_active_model();
    change(&mut active);
    active.updated_at = Set(at);
    let waiting = Status::Waiting.as_str();
    let was_waiting = c.status == waiting;
    let waits = active.status.as_ref() == waiting;
    if was_waiting == waits {
        return apply(conn, c, active, expected, conflict).await;
    }
    let txn = conn.begin().await?;
    queue::lock(&txn, &c.unit_code).await?;
    active.queue_position = Set(if waits {
        // Back at the place its opening time gives it.
        Some(queue::enter(&txn, &c.unit_code, c.created_at, c.id).await?)
    } else {
        None
    });
    let changed = apply(&txn, c, active, expected, conflict).await?;
    if was_waiting {
        queue::leave(&txn, c).await?;
    }
    txn.commit().await?;
    Ok(changed)
}

async fn apply<Cn: ConnectionTrait>(
    conn: &Cn,
    c: &consultation::Model,
    active: consultation::ActiveModel,
    expected: &[Status],
    conflict: ErrorCode,
) -> AppResult<consultation::Model> {
    let result = consultation::Entity::update_many()
        .set(active)
        .filter(C::Id.eq(c.id))
        .filter(C::Status.is_in(expected.iter().map(|s| s.as_str())))
        .filter(C::UpdatedAt.eq(c.updated_at))
        .exec(conn)
        .await?;
    if result.rows_affected != 1 {
        return Err(AppError::conflict(
            conflict,
            "The consultation changed meanwhile; reload it.",
        ));
    }
    consultation::Entity::find_by_id(c.id)
        .one(conn)
        .await?
        .ok_or_else(AppError::not_found)
}

pub async fn claim(state: &AppState, auth: &AuthUser, id: Uuid) -> AppResult<ConsultationView> {
    let (c, access) = access::load(&state.db, auth, id).await?;
    require(access.is_unit_staff())?;
    if c.status != Status::Waiting.as_str() {
        return Err(AppError::conflict(
            ErrorCode::AlreadyClaimed,
            "This consultation is no longer waiting.",
        ));
    }
    let now = state.clock.now();
    let claimed = transition(
        &state.db,
        &c,
        &[Status::Waiting],
        |a| {
            a.status = Set(Status::Active.as_str().into());
            a.assignee_id = Set(Some(auth.id));
            a.claimed_at = Set(Some(now));
        },
        ErrorCode::AlreadyClaimed,
    )
    .await?;
    announced(state, auth.into(), claimed, true).await
}

pub async fn assign(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    officer_id: Uuid,
) -> AppResult<ConsultationView> {
    let (c, access) = access::load(&state.db, auth, id).await?;
    require(access == Access::UnitSupervisor)?;
    let officer = user::Entity::find_by_id(officer_id).one(&state.db).await?;
    let eligible = officer.is_some_and(|o| {
        o.unit_code.as_deref() == Some(c.unit_code.as_str())
            && matches!(Role::parse(&o.role), Some(Role::Officer | Role::Supervisor))
    });
    if !eligible {
        return Err(AppError::field(
            "officer_id",
            "must be an officer or supervisor of the consultation's unit",
        ));
    }
    let was_waiting = c.status == Status::Waiting.as_str();
    let now = state.clock.now();
    let assigned = transition(
        &state.db,
        &c,
        &[Status::Waiting, Status::Active],
        |a| {
            a.status = Set(Status::Active.as_str().into());
            a.assignee_id = Set(Some(officer_id));
            if was_waiting {
                a.claimed_at = Set(Some(now));
            }
        },
        ErrorCode::InvalidState,
    )
    .await?;
    announced(state, auth.into(), assigned, was_waiting).await
}

pub(super) fn acts_for(c: &consultation::Model, auth: &AuthUser, access: Access) -> bool {
    access == Access::UnitSupervisor
        || (access == Access::UnitOfficer && c.assignee_id == Some(auth.id))
}

pub async fn clarify(state: &AppState, auth: &AuthUser, id: Uuid) -> AppResult<ConsultationView> {
    let (c, access) = access::load(&state.db, auth, id).await?;
    require(acts_for(&c, auth, access))?;
    if c.status != Status::Active.as_str() || c.clarified_at.is_some() {
        return Err(AppError::conflict(
            ErrorCode::InvalidState,
            "Only an active consultation not yet marked clear can be marked clear.",
        ));
    }
    let unit = unit::Entity::find_by_id(c.unit_code.clone())
        .one(&state.db)
        .await?
        .ok_or_else(AppError::not_found)?;
    let now = state.clock.now();
    let zone = vocab::zone(&unit.time_zone)?;
    let holidays =
        working_days::holidays_from(&state.db, now.with_timezone(&zone).date_naive()).await?;
    let deadline = working_days::deadline(
        now,
        zone,
        Ord::max(unit.online_deadline_working_days, 1) as u32,
        &holidays,
    );
    let clarified = transition(
        &state.db,
        &c,
        &[Status::Active],
        |a| {
            a.clarified_at = Set(Some(now));
            a.deadline_at = Set(Some(deadline));
        },
        ErrorCode::InvalidState,
    )
    .await?;
    announced(state, auth.into(), clarified, false).await
}

pub async fn close(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    req: CloseRequest,
) -> AppResult<ConsultationView> {
    let (c, access) = access::load(&state.db, auth, id).await?;
    require(acts_for(&c, auth, access))?;
    if !matches!(
        req.resolution,
        Resolution::Answered | Resolution::Referred | Resolution::Cancelled
    ) {
        return Err(AppError::field(
            "resolution",
            "must be answered, referred or cancelled",
        ));
    }
    let was_waiting = c.status == Status::Waiting.as_str();
    let txn = state.db.begin().await?;
    let now = state.clock.now();
    let closed = transition(
        &txn,
        &c,
        &[Status::Waiting, Status::Active],
        |a| {
            a.status = Set(Status::Closed.as_str().into());
            a.resolution = Set(Some(req.resolution.as_str().into()));
            a.summary = Set(req.summary);
            a.closed_at = Set(Some(now));
        },
        ErrorCode::InvalidState,
    )
    .await?;
    notify_closed(state, &txn, &closed).await?;
    crate::notify::commit(state, txn).await?;
    announced(state, auth.into(), closed, was_waiting).await
}

pub async fn withdraw(state: &AppState, auth: &AuthUser, id: Uuid) -> AppResult<ConsultationView> {
    let (c, access) = access::load(&state.db, auth, id).await?;
    require(access == Access::Owner)?;
    let was_waiting = c.status == Status::Waiting.as_str();
    let now = state.clock.now();
    let withdrawn = transition(
        &state.db,
        &c,
        &[Status::Waiting, Status::Active],
        |a| {
            a.status = Set(Status::Closed.as_str().into());
            a.resolution = Set(Some(Resolution::Withdrawn.as_str().into()));
            a.closed_at = Set(Some(now));
        },
        ErrorCode::InvalidState,
    )
    .await?;
    announced(state, auth.into(), withdrawn, was_waiting).await
}

pub async fn reopen(state: &AppState, auth: &AuthUser, id: Uuid) -> AppResult<ConsultationView> {
    let (c, access) = access::load(&state.db, auth, id).await?;
    require(access.is_unit_staff())?;
    let within = c
        .closed_at
        .is_some_and(|t| state.clock.now() - t <= REOPEN_WINDOW);
    if c.status != Status::Closed.as_str() || !within {
        return Err(AppError::conflict(
            ErrorCode::InvalidState,
            "Only a consultation closed in the last 7 days can be reopened.",
        ));
    }
    let back_to = if c.assignee_id.is_some() {
        Status::Active
    } else {
        Status::Waiting
    };
    let now = state.clock.now();
    let reopened = transition(
        &state.db,
        &c,
        &[Status::Closed],
        |a| {
            a.status = Set(back_to.as_str().into());
            a.resolution = Set(None);
            a.closed_at = Set(None);
            a.auto_close_warned_at = Set(None);
            // The silence clock starts again from the reopening.
            if back_to == Status::Active {
                a.last_officer_message_at = Set(Some(now));
            }
        },
        ErrorCode::InvalidState,
    )
    .await?;
    announced(state, auth.into(), reopened, back_to == Status::Waiting).await
}

pub async fn mark_to_index(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    to_index: bool,
) -> AppResult<ConsultationView> {
    let (c, access) = access::load(&state.db, auth, id).await?;
    require(access.is_unit_staff())?;
    let mut active = c.into_active_model();
    active.to_index = Set(to_index);
    active.updated_at = Set(state.clock.now());
    let saved = active.update(&state.db).await?;
    announced(state, auth.into(), saved, false).await
}
