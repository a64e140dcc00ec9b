//! Serving at a desk: calling the next visitor (first come first served, priority tickets
//! ahead but never more than the unit's `walkin_priority_run` priority calls in a row while
//! normal tickets wait), recalling, starting, finishing, no-shows after the unit's minimum of
//! calls, transfers to another service's queue, cancelling. Every change of a ticket's status
//! is one conditional update (`transition`), so two desks never take the same ticket.
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, TransactionTrait,
    sea_query::{Expr, ExprTrait, SimpleExpr},
};
use uuid::Uuid;

use super::{catalog, events, model::*, tickets};
use crate::{
    caller::AuthUser,
    entities::{
        unit, walkin_desk,
        walkin_ticket::{self, Column as T},
    },
    error::{AppError, AppResult, ErrorCode},
    state::AppState,
    units,
};

/// How often a call is tried again when another desk took the chosen ticket first.
const CALL_ATTEMPTS: usize = 8;

/// Sets `changes` on the ticket if its status is one of `from`; the ticket after it, or
/// `ticket_state` when its status had moved on.
async fn transition<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
    from: &[TicketStatus],
    changes: Vec<(T, SimpleExpr)>,
    now: DateTime<Utc>,
) -> AppResult<Option<walkin_ticket::Model>> {
    guarded(conn, id, from, Condition::all(), changes, now).await
}

/// [`transition`], only if `guard` also holds for the ticket.
async fn guarded<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
    from: &[TicketStatus],
    guard: Condition,
    changes: Vec<(T, SimpleExpr)>,
    now: DateTime<Utc>,
) -> AppResult<Option<walkin_ticket::Model>> {
    let mut update = walkin_ticket::Entity::update_many()
        .col_expr(T::UpdatedAt, Expr::value(now))
        .filter(T::Id.eq(id))
        .filter(T::Status.is_in(from.iter().map(|s| s.as_str())))
        .filter(guard);
    for (col, value) in changes {
        update = update.col_expr(col, value);
    }
    if update.exec(conn).await?.rows_affected == 0 {
        return Ok(None);
    }
    Ok(walkin_ticket::Entity::find_by_id(id).one(conn).await?)
}

fn set<V: Into<sea_orm::Value>>(col: T, v: V) -> (T, SimpleExpr) {
    (col, Expr::value(v))
}

/// The desk's ticket that is called or being served today, if any.
async fn held<C: ConnectionTrait>(
    conn: &C,
    unit: &str,
    day: &str,
    desk: &str,
) -> AppResult<Option<walkin_ticket::Model>> {
    Ok(walkin_ticket::Entity::find()
        .filter(T::UnitCode.eq(unit))
        .filter(T::Day.eq(day))
        .filter(T::Status.is_in([
            TicketStatus::Called.as_str(),
            TicketStatus::Serving.as_str(),
        ]))
        .filter(T::DeskCode.eq(desk))
        .one(conn)
        .await?)
}

/// The first waiting ticket of these services, priority or normal.
async fn first_waiting<C: ConnectionTrait>(
    conn: &C,
    unit: &str,
    services: &[String],
    priority: bool,
) -> AppResult<Option<walkin_ticket::Model>> {
    let q = walkin_ticket::Entity::find()
        .filter(T::UnitCode.eq(unit))
        .filter(T::Status.eq(TicketStatus::Waiting.as_str()))
        .filter(T::ServiceCode.is_in(services.iter().map(String::as_str)));
    let q = if priority {
        q.filter(T::Priority.is_not_null())
    } else {
        q.filter(T::Priority.is_null())
    };
    Ok(q.order_by_asc(T::QueueAt)
        .order_by_asc(T::Id)
        .one(conn)
        .await?)
}

/// Whether the last `run` calls of the day for these services were all priority tickets.
async fn priority_run_full<C: ConnectionTrait>(
    conn: &C,
    unit: &unit::Model,
    day: &str,
    services: &[String],
) -> AppResult<bool> {
    let run = u64::try_from(std::cmp::max(unit.walkin_priority_run, 0))
        .map_err(|_| AppError::internal("negative priority run"))?;
    if run == 0 {
        return Ok(true);
    }
    let last: Vec<Option<String>> = walkin_ticket::Entity::find()
        .select_only()
        .column(T::Priority)
        .filter(T::UnitCode.eq(&unit.code))
        .filter(T::Day.eq(day))
        .filter(T::CalledAt.is_not_null())
        .filter(T::ServiceCode.is_in(services.iter().map(String::as_str)))
        .order_by_desc(T::CalledAt)
        .limit(run)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(last.len() as u64 == run && last.iter().all(Option::is_some))
}

/// When the wait the standard measures began for a ticket called now at this desk: the later
/// of its taking and the finishing of the desk's previous visitor that day.
async fn wait_from<C: ConnectionTrait>(
    conn: &C,
    t: &walkin_ticket::Model,
    desk: &str,
) -> AppResult<DateTime<Utc>> {
    let previous: Option<Option<DateTime<Utc>>> = walkin_ticket::Entity::find()
        .select_only()
        .column(T::FinishedAt)
        .filter(T::UnitCode.eq(&t.unit_code))
        .filter(T::DeskCode.eq(desk))
        .filter(T::FinishedAt.is_not_null())
        .filter(T::Day.eq(&t.day))
        .order_by_desc(T::FinishedAt)
        .limit(1)
        .into_tuple()
        .one(conn)
        .await?;
    Ok(match previous.flatten() {
        Some(finished) if finished > t.taken_at => finished,
        _ => t.taken_at,
    })
}

async fn desk_txn(
    state: &AppState,
    unit: &str,
    desk: &walkin_desk::Model,
    now: DateTime<Utc>,
) -> AppResult<DatabaseTransaction> {
    let txn = state.db.begin().await?;
    // Holds the desk's row: two calls from one desk are one after the other.
    walkin_desk::Entity::update_many()
        .col_expr(walkin_desk::Column::UpdatedAt, Expr::value(now))
        .filter(walkin_desk::Column::Id.eq(desk.id))
        .filter(walkin_desk::Column::UnitCode.eq(unit))
        .exec(&txn)
        .await?;
    Ok(txn)
}

pub async fn call_next(
    state: &AppState,
    auth: &AuthUser,
    unit_code: &str,
    req: CallNextRequest,
) -> AppResult<TicketView> {
    let unit = units::service::find(&state.db, unit_code).await?;
    if !tickets::serves_desks(auth, &unit.code) {
        return Err(AppError::forbidden());
    }
    let desk = catalog::find_desk(&state.db, &unit.code, &req.desk).await?;
    let services = catalog::desk_services(&desk)?;
    let now = state.clock.now();
    let today = tickets::day_key(tickets::local_day(now, tickets::unit_zone(&unit)?));
    for _ in 0..CALL_ATTEMPTS {
        let txn = desk_txn(state, &unit.code, &desk, now).await?;
        if let Some(busy) = held(&txn, &unit.code, &today, &desk.code).await? {
            return Err(AppError::conflict(
                ErrorCode::DeskBusy,
                format!("{} still holds {}.", desk.name, busy.number),
            ));
        }
        let priority = first_waiting(&txn, &unit.code, &services, true).await?;
        let normal = first_waiting(&txn, &unit.code, &services, false).await?;
        let chosen = match (priority, normal) {
            (Some(_), Some(n)) if priority_run_full(&txn, &unit, &today, &services).await? => n,
            (Some(p), _) => p,
            (None, Some(n)) => n,
            (None, None) => {
                return Err(AppError::new(ErrorCode::QueueEmpty)
                    .with_detail(format!("Nobody waits for the services of {}.", desk.name)));
            }
        };
        let from = wait_from(&txn, &chosen, &desk.code).await?;
        let waited =
            i32::try_from(std::cmp::max((now - from).num_seconds(), 0)).unwrap_or(i32::MAX);
        let breach = i64::from(waited) > i64::from(unit.walkin_max_wait_minutes) * 60;
        let Some(called) = transition(
            &txn,
            chosen.id,
            &[TicketStatus::Waiting],
            vec![
                set(T::Status, TicketStatus::Called.as_str()),
                set(T::DeskCode, desk.code.clone()),
                set(T::OfficerId, auth.id),
                set(T::CalledAt, now),
                set(T::LastCalledAt, now),
                set(T::CallCount, 1),
                set(T::WaitFrom, from),
                set(T::StandardWaitSeconds, waited),
                set(T::Breach, breach),
            ],
            now,
        )
        .await?
        else {
            // Another desk called it first: choose again.
            txn.rollback().await?;
            continue;
        };
        txn.commit().await?;
        events::changed(state, &unit.code, &[&called]).await;
        if breach {
            events::breach(
                state,
                &called,
                Breach {
                    number: called.number.clone(),
                    desk: desk.name.clone(),
                    standard_wait_minutes: f64::from(waited) / 60.0,
                    max_wait_minutes: unit.walkin_max_wait_minutes,
                },
            );
        }
        return one_view(state, &unit, called).await;
    }
    Err(AppError::conflict(
        ErrorCode::ConcurrentChange,
        "Other desks kept calling the same visitors; please try again.",
    ))
}

async fn one_view(
    state: &AppState,
    unit: &unit::Model,
    t: walkin_ticket::Model,
) -> AppResult<TicketView> {
    tickets::views(&state.db, state, unit, std::slice::from_ref(&t), true)
        .await?
        .pop()
        .ok_or_else(|| AppError::internal("a ticket vanished while read"))
}

/// What can be done to a ticket at a desk.
#[derive(Debug, Clone, Copy)]
pub enum Action {
    Recall,
    Start,
    Finish,
    NoShow,
    Cancel,
}

pub(super) async fn ticket_for(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    front_office_too: bool,
) -> AppResult<(walkin_ticket::Model, unit::Model)> {
    let ticket = walkin_ticket::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or_else(AppError::not_found)?;
    if !tickets::is_unit_staff(auth, &ticket.unit_code) {
        return Err(AppError::not_found());
    }
    let allowed = if front_office_too {
        true
    } else {
        tickets::serves_desks(auth, &ticket.unit_code)
    };
    if !allowed {
        return Err(AppError::forbidden());
    }
    let unit = units::service::find(&state.db, &ticket.unit_code).await?;
    Ok((ticket, unit))
}

fn refused(t: &walkin_ticket::Model, what: &str) -> AppError {
    AppError::conflict(
        ErrorCode::TicketState,
        format!("Ticket {} is {}: it cannot be {what}.", t.number, t.status),
    )
}

pub async fn act(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    action: Action,
    note: Option<String>,
) -> AppResult<TicketView> {
    let (ticket, unit) = ticket_for(state, auth, id, matches!(action, Action::Cancel)).await?;
    let now = state.clock.now();
    let (from, changes, what): (&[TicketStatus], Vec<(T, SimpleExpr)>, &str) = match action {
        Action::Recall => (
            &[TicketStatus::Called],
            vec![
                (T::CallCount, Expr::col(T::CallCount).add(1)),
                set(T::LastCalledAt, now),
            ],
            "called again",
        ),
        Action::Start => (
            &[TicketStatus::Called],
            vec![
                set(T::Status, TicketStatus::Serving.as_str()),
                set(T::StartedAt, now),
            ],
            "started",
        ),
        Action::Finish => (
            &[TicketStatus::Called, TicketStatus::Serving],
            vec![
                set(T::Status, TicketStatus::Finished.as_str()),
                // Finished without pressing start: served from the call on.
                (
                    T::StartedAt,
                    Expr::cust_with_exprs(
                        "COALESCE($1, $2)",
                        [Expr::col(T::StartedAt), Expr::value(now)],
                    ),
                ),
                set(T::FinishedAt, now),
                set(T::Note, note),
            ],
            "finished",
        ),
        Action::NoShow => {
            if ticket.status == TicketStatus::Called.as_str()
                && ticket.call_count < unit.walkin_no_show_after_calls
            {
                return Err(AppError::conflict(
                    ErrorCode::NotCalledEnough,
                    format!(
                        "{} was called {} of the {} times before a visitor counts as absent; call again first.",
                        ticket.number, ticket.call_count, unit.walkin_no_show_after_calls
                    ),
                ));
            }
            (
                &[TicketStatus::Called],
                vec![
                    set(T::Status, TicketStatus::NoShow.as_str()),
                    set(T::EndedAt, now),
                ],
                "marked absent",
            )
        }
        Action::Cancel => (
            &[TicketStatus::Waiting, TicketStatus::Called],
            vec![
                set(T::Status, TicketStatus::Cancelled.as_str()),
                set(T::EndedAt, now),
            ],
            "cancelled",
        ),
    };
    let changed = match action {
        // No-show: the call count is checked again in the update, against a concurrent recall.
        Action::NoShow => {
            guarded(
                &state.db,
                id,
                from,
                Condition::all().add(T::CallCount.gte(unit.walkin_no_show_after_calls)),
                changes,
                now,
            )
            .await?
        }
        // The visit ends with the survey: its link goes to the guest book's email, in the
        // same transaction as the finishing.
        Action::Finish => {
            let txn = state.db.begin().await?;
            let done = transition(&txn, id, from, changes, now).await?;
            if let Some(done) = &done {
                super::guestbook::ask_for_rating(&txn, state, &unit, done, now).await?;
            }
            crate::notify::outbox::commit(state, txn).await?;
            done
        }
        _ => transition(&state.db, id, from, changes, now).await?,
    };
    let changed = changed.ok_or_else(|| refused(&ticket, what))?;
    events::changed(state, &unit.code, &[&changed]).await;
    one_view(state, &unit, changed).await
}

/// Sends the visitor to another service's queue, at the front of its normal tickets (or of its
/// priority tickets, for a priority visitor), with a new number of that service; both tickets
/// name each other and the visitor's tracking key opens both.
pub async fn transfer(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    req: TransferRequest,
) -> AppResult<Transfer> {
    let (ticket, unit) = ticket_for(state, auth, id, false).await?;
    let target = catalog::find_service(&state.db, &unit.code, &req.service, "service").await?;
    if target.code == ticket.service_code {
        return Err(AppError::field(
            "service",
            "must be another service than the ticket's",
        ));
    }
    let now = state.clock.now();
    let zone = tickets::unit_zone(&unit)?;
    let txn = state.db.begin().await?;
    let queue_at = tickets::front_of_queue(
        &txn,
        &unit.code,
        &target.code,
        ticket.priority.is_some(),
        now,
    )
    .await?;
    let new = tickets::insert(
        &txn,
        tickets::NewTicket {
            unit: &unit.code,
            service: &target,
            priority: ticket
                .priority
                .as_deref()
                .map(Priority::stored)
                .transpose()?,
            source: TicketSource::stored(&ticket.source)?,
            taken_by: ticket.taken_by,
            visitor_id: ticket.visitor_id,
            key_hash: ticket.key_hash.clone(),
            queue_at,
            transferred_from_id: Some(ticket.id),
        },
        now,
        zone,
    )
    .await?;
    let Some(old) = transition(
        &txn,
        ticket.id,
        &[TicketStatus::Called, TicketStatus::Serving],
        vec![
            set(T::Status, TicketStatus::Transferred.as_str()),
            set(T::EndedAt, now),
            set(T::TransferredToId, new.id),
        ],
        now,
    )
    .await?
    else {
        txn.rollback().await?;
        return Err(refused(&ticket, "transferred"));
    };
    txn.commit().await?;
    events::changed(state, &unit.code, &[&old, &new]).await;
    let mut views = tickets::views(&state.db, state, &unit, &[old, new], true).await?;
    let to = views
        .pop()
        .ok_or_else(|| AppError::internal("a ticket vanished while read"))?;
    let from = views
        .pop()
        .ok_or_else(|| AppError::internal("a ticket vanished while read"))?;
    Ok(Transfer { from, to })
}
