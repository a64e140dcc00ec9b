//! The rules of complaints: filing (anonymous filings wait for their emailed confirmation),
//! recording from other channels, the lifecycle and its working-day deadlines, responses and
//! replies, forwarding, and the public tracking page.
use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};
use rand::Rng;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
    sea_query::{Expr, SimpleExpr},
};
use uuid::Uuid;

use super::model::*;
use crate::{
    access::{self, Access},
    api::{Page, PageQuery},
    caller::AuthUser,
    entities::{
        complaint::{self, Column as C},
        complaint_event as event, unit, user,
    },
    error::{AppError, AppResult, ErrorCode},
    guard::counters::{self, Limit, Window, per},
    holidays::working_days,
    notify::{self, templates},
    security::tokens::{hash_token, random_token},
    state::AppState,
    vocab::{self, PersonRef, Role, links},
};

/// How long the confirmation link of an anonymous filing works.
const CONFIRM_LINK_VALID: TimeDelta = TimeDelta::hours(48);
/// Filings from one email address in a day, counted in the database (so across instances and
/// restarts).
const PER_EMAIL_PER_DAY: u64 = 10;
/// The value of `forwarded_to` for SP4N-LAPOR!.
pub const LAPOR: &str = "lapor";

/// Crockford's base32 alphabet: no I, L, O or U to misread.
const CODE_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// `ADU-{unit}-` and 12 random characters (60 bits): the tracking code cannot be guessed.
fn tracking_code(unit: &str) -> String {
    let mut rng = rand::rng();
    let suffix: String = (0..12)
        .map(|_| CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())] as char)
        .collect();
    format!("ADU-{unit}-{suffix}")
}

fn stored_status(c: &complaint::Model) -> AppResult<ComplaintStatus> {
    ComplaintStatus::stored(&c.status)
}

/// The verify and respond deadlines of a complaint received at `received`: the ends of the
/// unit's Nth working days after that day in its zone.
async fn deadlines<Cn: ConnectionTrait>(
    conn: &Cn,
    unit: &unit::Model,
    received: DateTime<Utc>,
) -> AppResult<(DateTime<Utc>, DateTime<Utc>)> {
    let zone = vocab::zone(&unit.time_zone)?;
    let holidays =
        working_days::holidays_from(conn, received.with_timezone(&zone).date_naive()).await?;
    let days = |n: i32| u32::try_from(n).map_err(|_| AppError::internal("negative deadline"));
    Ok((
        working_days::deadline(
            received,
            zone,
            days(unit.complaint_verify_working_days)?,
            &holidays,
        ),
        working_days::deadline(
            received,
            zone,
            days(unit.complaint_respond_working_days)?,
            &holidays,
        ),
    ))
}

async fn working_days_after<Cn: ConnectionTrait>(
    conn: &Cn,
    unit: &unit::Model,
    start: DateTime<Utc>,
    n: i32,
) -> AppResult<DateTime<Utc>> {
    let zone = vocab::zone(&unit.time_zone)?;
    let holidays =
        working_days::holidays_from(conn, start.with_timezone(&zone).date_naive()).await?;
    let n = u32::try_from(n).map_err(|_| AppError::internal("negative working days"))?;
    Ok(working_days::deadline(start, zone, n, &holidays))
}

async fn find_unit<Cn: ConnectionTrait>(conn: &Cn, code: &str) -> AppResult<unit::Model> {
    unit::Entity::find_by_id(code.to_owned())
        .one(conn)
        .await?
        .ok_or_else(|| AppError::coded_field(ErrorCode::UnitNotFound, "unit_code", "no such unit"))
}

/// Complaints from one email address: five an hour (and [`PER_EMAIL_PER_DAY`] a day).
const PER_EMAIL: &[Window] = &[per(3600, 5)];
/// Complaints from one client address (people may share one): twenty an hour.
const PER_ADDRESS: &[Window] = &[per(3600, 20)];

fn too_many(wait: u64) -> AppError {
    let mut e = AppError::new(ErrorCode::TooManyAttempts).with_detail(format!(
        "Too many complaints from this address; try again in {wait} seconds."
    ));
    e.retry_after_seconds = Some(wait);
    e
}

/// Who files: a member of the public (signed in or not), or the unit's staff recording it.
enum Filer {
    Anonymous,
    Public(Box<user::Model>),
    Staff(AuthUser),
}

async fn filer(state: &AppState, auth: Option<AuthUser>, unit: &str) -> AppResult<Filer> {
    let Some(auth) = auth else {
        return Ok(Filer::Anonymous);
    };
    if auth.role == Role::Public {
        let account = user::Entity::find_by_id(auth.id)
            .one(&state.db)
            .await?
            .ok_or_else(|| AppError::new(ErrorCode::InvalidAccessToken))?;
        return Ok(Filer::Public(Box::new(account)));
    }
    match access::unit_access(&state.db, &auth, unit).await? {
        Some(a) if a.is_unit_staff() => Ok(Filer::Staff(auth)),
        _ => Err(AppError::forbidden()
            .with_detail("Only the unit's officers and supervisors record its complaints.")),
    }
}

/// Files a complaint. A signed-in member of the public's is accepted at once, an anonymous
/// visitor's once the emailed link is opened; the unit's staff record those from the other
/// channels. The tracking code goes back and, when there is an email, by email.
pub async fn create(
    state: &AppState,
    auth: Option<AuthUser>,
    address: &str,
    req: ComplaintRequest,
) -> AppResult<ComplaintReceipt> {
    let unit = find_unit(&state.db, &req.unit_code).await?;
    let filer = filer(state, auth, &unit.code).await?;
    let now = state.clock.now();
    let zone = vocab::zone(&unit.time_zone)?;
    let channel = req.channel.unwrap_or(ComplaintIntake::Web);
    let mut received_at = now;
    let email = match &filer {
        Filer::Staff(_) => {
            if req.channel.is_none() || channel == ComplaintIntake::Web {
                return Err(AppError::field(
                    "channel",
                    "name the channel the complaint came through",
                ));
            }
            if channel == ComplaintIntake::Lapor && req.lapor_reference.is_none() {
                return Err(AppError::field(
                    "lapor_reference",
                    "a complaint from LAPOR! carries its reference",
                ));
            }
            if let Some(day) = req.received_at {
                let today = now.with_timezone(&zone).date_naive();
                if day > today {
                    return Err(AppError::field("received_at", "must not be in the future"));
                }
                if day < today {
                    received_at = vocab::day_start(day, zone);
                }
            }
            req.email.clone()
        }
        Filer::Anonymous | Filer::Public(_) => {
            if channel != ComplaintIntake::Web {
                return Err(AppError::field(
                    "channel",
                    "complaints from other channels are recorded by the unit's staff",
                ));
            }
            for (field, given) in [
                ("received_at", req.received_at.is_some()),
                ("lapor_reference", req.lapor_reference.is_some()),
            ] {
                if given {
                    return Err(AppError::field(
                        field,
                        "only staff recording a complaint set it",
                    ));
                }
            }
            let email = match (&filer, &req.email) {
                (_, Some(e)) => e.clone(),
                (Filer::Public(u), None) => u.email.clone(),
                _ => {
                    return Err(AppError::field(
                        "email",
                        "an email address is needed to confirm the complaint and to answer it",
                    ));
                }
            };
            Some(email)
        }
    };
    // Limits on what the public files: per address and per email, counted before any write.
    if let (Filer::Anonymous | Filer::Public(_), Some(email)) = (&filer, &email) {
        // Every filing counts, on every instance (counted in the database).
        counters::hit(
            state,
            &[
                Limit::new("complaint:email", &email.to_lowercase(), PER_EMAIL),
                Limit::new("complaint:address", address, PER_ADDRESS),
            ],
        )
        .await?
        .map_err(too_many)?;
        let filed_today = complaint::Entity::find()
            .filter(C::Email.eq(email.as_str()))
            .filter(C::CreatedAt.gt(now - TimeDelta::days(1)))
            .count(&state.db)
            .await?;
        if filed_today >= PER_EMAIL_PER_DAY {
            return Err(too_many(3600));
        }
    }
    let confirmation_required = matches!(filer, Filer::Anonymous);
    let status = if confirmation_required {
        ComplaintStatus::Unconfirmed
    } else {
        ComplaintStatus::Received
    };
    let code = tracking_code(&unit.code);
    let token = random_token();
    let txn = state.db.begin().await?;
    let (verify_due, respond_due) = if confirmation_required {
        (None, None)
    } else {
        let (v, r) = deadlines(&txn, &unit, received_at).await?;
        (Some(v), Some(r))
    };
    let id = Uuid::now_v7();
    let (user_id, recorded_by) = match &filer {
        Filer::Anonymous => (None, None),
        Filer::Public(u) => (Some(u.id), None),
        Filer::Staff(a) => (None, Some(a.id)),
    };
    let name = req.name.clone().or_else(|| match &filer {
        Filer::Public(u) => Some(u.full_name.clone()),
        _ => None,
    });
    let row = complaint::ActiveModel {
        id: Set(id),
        unit_code: Set(unit.code.clone()),
        tracking_code: Set(code.clone()),
        kind: Set(req.kind.as_str().to_owned()),
        channel: Set(channel.as_str().to_owned()),
        subject: Set(req.subject),
        description: Set(req.description),
        name: Set(name),
        email: Set(email.clone()),
        phone: Set(req.phone),
        related_number: Set(req.related_number),
        lapor_reference: Set(req.lapor_reference),
        user_id: Set(user_id),
        recorded_by: Set(recorded_by),
        assignee_id: Set(None),
        status: Set(status.as_str().to_owned()),
        received_at: Set(received_at),
        accepted_at: Set((!confirmation_required).then_some(now)),
        verify_due_at: Set(verify_due),
        respond_due_at: Set(respond_due),
        due_at: Set(verify_due),
        verified_at: Set(None),
        responded_at: Set(None),
        auto_close_at: Set(None),
        closed_at: Set(None),
        reason: Set(None),
        forwarded_to: Set(None),
        forwarded_from_id: Set(None),
        confirm_token_hash: Set(confirmation_required.then(|| hash_token(&token))),
        confirm_expires_at: Set(confirmation_required.then(|| now + CONFIRM_LINK_VALID)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    record(
        &txn,
        id,
        ComplaintEventKind::Status,
        status,
        None,
        recorded_by,
        now,
    )
    .await?;
    let tracking_url = links::complaint_tracking(&state.settings.public_url, &code);
    if let Some(to) = &email {
        let mail = if confirmation_required {
            templates::complaint_confirm(
                to,
                row.name.as_deref(),
                &unit.name,
                &links::complaint_confirm(&state.settings.public_url, &token),
            )
        } else {
            templates::complaint_received(to, row.name.as_deref(), &unit.name, &code, &tracking_url)
        };
        notify::enqueue(&txn, mail).await?;
    }
    notify::commit(state, txn).await?;
    Ok(ComplaintReceipt {
        tracking_code: code,
        tracking_url,
        status,
        confirmation_required,
    })
}

async fn record<Cn: ConnectionTrait>(
    conn: &Cn,
    complaint_id: Uuid,
    kind: ComplaintEventKind,
    status: ComplaintStatus,
    body: Option<String>,
    author_id: Option<Uuid>,
    at: DateTime<Utc>,
) -> AppResult<()> {
    event::ActiveModel {
        id: Set(Uuid::now_v7()),
        complaint_id: Set(complaint_id),
        kind: Set(kind.as_str().to_owned()),
        status: Set(status.as_str().to_owned()),
        body: Set(body),
        author_id: Set(author_id),
        created_at: Set(at),
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Opens the emailed link of an anonymous filing: the complaint reaches the unit's queue, its
/// deadlines start, and the tracking code is emailed.
pub async fn confirm(state: &AppState, token: &str) -> AppResult<ComplaintTracking> {
    let now = state.clock.now();
    let c = complaint::Entity::find()
        .filter(C::ConfirmTokenHash.eq(hash_token(token)))
        .one(&state.db)
        .await?
        .filter(|c| c.confirm_expires_at.is_some_and(|end| now < end))
        .ok_or_else(|| AppError::new(ErrorCode::InvalidToken))?;
    let unit = find_unit(&state.db, &c.unit_code).await?;
    let txn = state.db.begin().await?;
    let (verify_due, respond_due) = deadlines(&txn, &unit, now).await?;
    let moved = complaint::Entity::update_many()
        .col_expr(C::Status, Expr::value(ComplaintStatus::Received.as_str()))
        .col_expr(C::ReceivedAt, Expr::value(now))
        .col_expr(C::AcceptedAt, Expr::value(now))
        .col_expr(C::VerifyDueAt, Expr::value(verify_due))
        .col_expr(C::RespondDueAt, Expr::value(respond_due))
        .col_expr(C::DueAt, Expr::value(verify_due))
        .col_expr(C::ConfirmTokenHash, Expr::value(Option::<String>::None))
        .col_expr(C::UpdatedAt, Expr::value(now))
        .filter(C::Id.eq(c.id))
        .filter(C::Status.eq(ComplaintStatus::Unconfirmed.as_str()))
        .exec(&txn)
        .await?
        .rows_affected
        > 0;
    if !moved {
        return Err(AppError::new(ErrorCode::InvalidToken));
    }
    record(
        &txn,
        c.id,
        ComplaintEventKind::Status,
        ComplaintStatus::Received,
        None,
        None,
        now,
    )
    .await?;
    if let Some(to) = &c.email {
        let url = links::complaint_tracking(&state.settings.public_url, &c.tracking_code);
        notify::enqueue(
            &txn,
            templates::complaint_received(
                to,
                c.name.as_deref(),
                &unit.name,
                &c.tracking_code,
                &url,
            ),
        )
        .await?;
    }
    notify::commit(state, txn).await?;
    track(state, &c.tracking_code).await
}

async fn by_code(state: &AppState, code: &str) -> AppResult<complaint::Model> {
    complaint::Entity::find()
        .filter(C::TrackingCode.eq(code))
        .one(&state.db)
        .await?
        .ok_or_else(AppError::not_found)
}

async fn events_of<Cn: ConnectionTrait>(conn: &Cn, id: Uuid) -> AppResult<Vec<event::Model>> {
    Ok(event::Entity::find()
        .filter(event::Column::ComplaintId.eq(id))
        .order_by_asc(event::Column::CreatedAt)
        .order_by_asc(event::Column::Id)
        .all(conn)
        .await?)
}

/// The public tracking page: the status, its history and the unit's responses; never a name,
/// an email, a phone number or the description.
pub async fn track(state: &AppState, code: &str) -> AppResult<ComplaintTracking> {
    let c = by_code(state, code).await?;
    let unit = find_unit(&state.db, &c.unit_code).await?;
    let status = stored_status(&c)?;
    let history = events_of(&state.db, c.id)
        .await?
        .into_iter()
        .map(|e| {
            let kind = ComplaintEventKind::stored(&e.kind)?;
            Ok(TrackedEvent {
                status: ComplaintStatus::stored(&e.status)?,
                // Assignments name staff: the page shows only that work began.
                body: if kind == ComplaintEventKind::Assigned {
                    None
                } else {
                    e.body
                },
                kind,
                created_at: e.created_at,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok(ComplaintTracking {
        tracking_code: c.tracking_code,
        unit_code: unit.code,
        unit_name: unit.name,
        time_zone: unit.time_zone,
        kind: ComplaintKind::stored(&c.kind)?,
        channel: ComplaintIntake::stored(&c.channel)?,
        subject: c.subject,
        status,
        received_at: c.received_at,
        verify_due_at: c.verify_due_at,
        respond_due_at: c.respond_due_at,
        auto_close_at: c.auto_close_at,
        forwarded_to: c.forwarded_to,
        can_reply: status == ComplaintStatus::Responded,
        history,
    })
}

/// Moves a complaint from one of `from` to `to` with `changes`, only if it is still in one of
/// them: `false` when a concurrent change came first.
async fn transition<Cn: ConnectionTrait>(
    conn: &Cn,
    id: Uuid,
    from: &[ComplaintStatus],
    to: ComplaintStatus,
    at: DateTime<Utc>,
    changes: Vec<(C, SimpleExpr)>,
) -> AppResult<bool> {
    let mut update = complaint::Entity::update_many()
        .col_expr(C::Status, Expr::value(to.as_str()))
        .col_expr(C::UpdatedAt, Expr::value(at))
        .filter(C::Id.eq(id))
        .filter(C::Status.is_in(from.iter().map(|s| s.as_str())));
    for (col, value) in changes {
        update = update.col_expr(col, value);
    }
    Ok(update.exec(conn).await?.rows_affected > 0)
}

fn not_allowed(from: ComplaintStatus, to: &str) -> AppError {
    AppError::conflict(
        ErrorCode::InvalidTransition,
        format!("A complaint that is {} cannot be {to}.", from.as_str()),
    )
}

/// The complainant answers the unit's response on the tracking page: a reply sends it back to
/// the unit (in progress, with a new respond deadline); `resolved` closes it.
pub async fn reply(
    state: &AppState,
    code: &str,
    req: ComplaintReplyRequest,
) -> AppResult<ComplaintTracking> {
    if !req.resolved && req.body.is_none() {
        return Err(AppError::field(
            "body",
            "write a reply, or confirm it is resolved",
        ));
    }
    let c = by_code(state, code).await?;
    let from = stored_status(&c)?;
    if from != ComplaintStatus::Responded {
        return Err(not_allowed(from, "answered by the complainant now"));
    }
    let unit = find_unit(&state.db, &c.unit_code).await?;
    let now = state.clock.now();
    let txn = state.db.begin().await?;
    let (to, changes) = if req.resolved {
        (
            ComplaintStatus::Closed,
            vec![
                (C::ClosedAt, Expr::value(now)),
                (C::AutoCloseAt, Expr::value(Option::<DateTime<Utc>>::None)),
                (
                    C::Reason,
                    Expr::value("Dinyatakan selesai oleh pelapor".to_owned()),
                ),
            ],
        )
    } else {
        let due = working_days_after(&txn, &unit, now, unit.complaint_respond_working_days).await?;
        (
            ComplaintStatus::InProgress,
            vec![
                (C::DueAt, Expr::value(due)),
                (C::AutoCloseAt, Expr::value(Option::<DateTime<Utc>>::None)),
            ],
        )
    };
    if !transition(&txn, c.id, &[from], to, now, changes).await? {
        return Err(AppError::new(ErrorCode::ConcurrentChange));
    }
    if let Some(body) = req.body {
        record(
            &txn,
            c.id,
            ComplaintEventKind::Reply,
            to,
            Some(body),
            None,
            now,
        )
        .await?;
    }
    if req.resolved {
        record(
            &txn,
            c.id,
            ComplaintEventKind::Status,
            to,
            Some("Dinyatakan selesai oleh pelapor".into()),
            None,
            now,
        )
        .await?;
    }
    txn.commit().await?;
    track(state, code).await
}

/// The unit's complaints for its staff: those past their deadline first, then by deadline,
/// then the newest.
pub async fn list(
    state: &AppState,
    auth: &AuthUser,
    q: ComplaintListQuery,
) -> AppResult<Page<Complaint>> {
    let (page, per_page) = PageQuery {
        page: q.page,
        per_page: q.per_page,
    }
    .resolve(20)?;
    let (unit, _) = access::listed_unit(&state.db, auth, q.unit.as_deref()).await?;
    let zone = vocab::zone(&unit.time_zone)?;
    let now = state.clock.now();
    let mut query = complaint::Entity::find().filter(C::UnitCode.eq(&unit.code));
    query = match q.status {
        Some(ComplaintStatus::Unconfirmed) => {
            return Err(AppError::field(
                "status",
                "unconfirmed complaints are not the unit's until confirmed",
            ));
        }
        Some(s) => query.filter(C::Status.eq(s.as_str())),
        None => query.filter(C::Status.ne(ComplaintStatus::Unconfirmed.as_str())),
    };
    if let Some(kind) = q.kind {
        query = query.filter(C::Kind.eq(kind.as_str()));
    }
    if let Some(channel) = q.channel {
        query = query.filter(C::Channel.eq(channel.as_str()));
    }
    if let Some(overdue) = q.overdue {
        query = if overdue {
            query.filter(C::DueAt.lt(now))
        } else {
            query.filter(C::DueAt.is_null().or(C::DueAt.gte(now)))
        };
    }
    if let Some(assignee) = q.assignee_id {
        query = query.filter(C::AssigneeId.eq(assignee));
    }
    let (start, end) = vocab::local_days(q.from, q.to, zone)?;
    if let Some(start) = start {
        query = query.filter(C::ReceivedAt.gte(start));
    }
    if let Some(end) = end {
        query = query.filter(C::ReceivedAt.lt(end));
    }
    // Two index ranges, each read in its order: those waiting for a deadline (earliest, so
    // overdue, first), then the others (newest first); the page may span both.
    let total = query.clone().count(&state.db).await?;
    let waiting = query.clone().filter(C::DueAt.is_not_null());
    let waiting_total = waiting.clone().count(&state.db).await?;
    let offset = (page - 1) * per_page;
    let mut rows = if offset < waiting_total {
        waiting
            .order_by_asc(C::DueAt)
            .order_by_asc(C::Id)
            .offset(offset)
            .limit(per_page)
            .all(&state.db)
            .await?
    } else {
        Vec::new()
    };
    let missing = per_page - rows.len() as u64;
    if missing > 0 && total > waiting_total {
        rows.extend(
            query
                .filter(C::DueAt.is_null())
                .order_by_desc(C::ReceivedAt)
                .order_by_desc(C::Id)
                .offset(offset.saturating_sub(waiting_total))
                .limit(missing)
                .all(&state.db)
                .await?,
        );
    }
    let people = crate::consultations::views::people(
        &state.db,
        rows.iter()
            .flat_map(|c| [c.assignee_id, c.recorded_by])
            .flatten(),
    )
    .await?;
    Ok(Page {
        items: rows
            .into_iter()
            .map(|c| view(c, &people, now))
            .collect::<AppResult<_>>()?,
        total,
        page,
        per_page,
    })
}

fn view(
    c: complaint::Model,
    people: &HashMap<Uuid, PersonRef>,
    now: DateTime<Utc>,
) -> AppResult<Complaint> {
    let person = |id: Option<Uuid>| id.and_then(|id| people.get(&id)).cloned();
    Ok(Complaint {
        kind: ComplaintKind::stored(&c.kind)?,
        channel: ComplaintIntake::stored(&c.channel)?,
        status: stored_status(&c)?,
        overdue: c.due_at.is_some_and(|due| due < now),
        assignee: person(c.assignee_id),
        recorded_by: person(c.recorded_by),
        id: c.id,
        tracking_code: c.tracking_code,
        unit_code: c.unit_code,
        subject: c.subject,
        description: c.description,
        name: c.name,
        email: c.email,
        phone: c.phone,
        related_number: c.related_number,
        lapor_reference: c.lapor_reference,
        received_at: c.received_at,
        verify_due_at: c.verify_due_at,
        respond_due_at: c.respond_due_at,
        due_at: c.due_at,
        verified_at: c.verified_at,
        responded_at: c.responded_at,
        auto_close_at: c.auto_close_at,
        closed_at: c.closed_at,
        reason: c.reason,
        forwarded_to: c.forwarded_to,
        forwarded_from_id: c.forwarded_from_id,
        created_at: c.created_at,
    })
}

/// A complaint the caller may see as the unit's staff, with that access; anyone else: 404.
async fn load(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
) -> AppResult<(complaint::Model, Access)> {
    let c = complaint::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .filter(|c| c.status != ComplaintStatus::Unconfirmed.as_str())
        .ok_or_else(AppError::not_found)?;
    let access = access::unit_access(&state.db, auth, &c.unit_code)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok((c, access))
}

pub async fn get(state: &AppState, auth: &AuthUser, id: Uuid) -> AppResult<ComplaintDetail> {
    let (c, _) = load(state, auth, id).await?;
    detail(state, c).await
}

async fn detail(state: &AppState, c: complaint::Model) -> AppResult<ComplaintDetail> {
    let events = events_of(&state.db, c.id).await?;
    let people = crate::consultations::views::people(
        &state.db,
        events
            .iter()
            .filter_map(|e| e.author_id)
            .chain([c.assignee_id, c.recorded_by].into_iter().flatten()),
    )
    .await?;
    let events = events
        .into_iter()
        .map(|e| {
            Ok(ComplaintEvent {
                id: e.id,
                kind: ComplaintEventKind::stored(&e.kind)?,
                status: ComplaintStatus::stored(&e.status)?,
                body: e.body,
                author: e.author_id.and_then(|id| people.get(&id)).cloned(),
                created_at: e.created_at,
            })
        })
        .collect::<AppResult<_>>()?;
    Ok(ComplaintDetail {
        complaint: view(c, &people, state.clock.now())?,
        events,
    })
}

async fn reread(state: &AppState, id: Uuid) -> AppResult<ComplaintDetail> {
    let c = complaint::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or_else(AppError::not_found)?;
    detail(state, c).await
}

/// The unit's staff who may act on it: officers for work, supervisors (and admins) for the
/// decisions; a unit above only reads.
fn require(access: Access, supervisor: bool) -> AppResult<()> {
    match access {
        Access::UnitSupervisor => Ok(()),
        Access::UnitOfficer if !supervisor => Ok(()),
        Access::UnitOfficer => Err(AppError::forbidden().with_detail(
            "The unit's supervisor verifies, rejects, forwards and closes complaints.",
        )),
        _ => Err(AppError::forbidden()
            .with_detail("A unit above reads its complaints; the unit's own staff handle them.")),
    }
}

/// A change of status by the unit's staff: verify, take up, reject, forward or close.
pub async fn set_status(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    req: ComplaintStatusRequest,
) -> AppResult<ComplaintDetail> {
    use ComplaintStatus as S;
    let (c, access) = load(state, auth, id).await?;
    let from = stored_status(&c)?;
    let to = req.status;
    let allowed_from: &[S] = match to {
        S::Verified => &[S::Received],
        S::InProgress => &[S::Verified, S::Responded],
        S::Rejected | S::Forwarded => &[S::Received, S::Verified, S::InProgress],
        S::Closed => &[S::Verified, S::InProgress, S::Responded],
        S::Unconfirmed | S::Received | S::Responded => {
            return Err(AppError::conflict(
                ErrorCode::InvalidTransition,
                match to {
                    S::Responded => {
                        "A complaint is responded to with POST /complaints/{id}/responses."
                    }
                    _ => "A complaint is never set back to this status.",
                },
            ));
        }
    };
    require(access, to != S::InProgress)?;
    if !allowed_from.contains(&from) {
        return Err(not_allowed(from, to.as_str()));
    }
    let needs_reason = to == S::Rejected || (to == S::Closed && from != S::Responded);
    if needs_reason && req.reason.is_none() {
        return Err(AppError::field("reason", "say why, for the complainant"));
    }
    let unit = find_unit(&state.db, &c.unit_code).await?;
    let target = match (to, req.forwarded_to.as_deref()) {
        (S::Forwarded, None) => {
            return Err(AppError::field(
                "forwarded_to",
                "name the unit to forward to, or lapor",
            ));
        }
        (S::Forwarded, Some(LAPOR)) => None,
        (S::Forwarded, Some(code)) if code == unit.code => {
            return Err(AppError::field("forwarded_to", "must be another unit"));
        }
        (S::Forwarded, Some(code)) => Some(
            unit::Entity::find_by_id(code.to_owned())
                .one(&state.db)
                .await?
                .ok_or_else(|| {
                    AppError::coded_field(ErrorCode::UnitNotFound, "forwarded_to", "no such unit")
                })?,
        ),
        (_, Some(_)) => {
            return Err(AppError::field("forwarded_to", "only when forwarding"));
        }
        (_, None) => None,
    };
    let now = state.clock.now();
    let none_at = || Expr::value(Option::<DateTime<Utc>>::None);
    let mut changes: Vec<(C, SimpleExpr)> = Vec::new();
    match to {
        S::Verified => {
            changes.push((C::VerifiedAt, Expr::value(now)));
            changes.push((C::DueAt, Expr::value(c.respond_due_at)));
        }
        S::InProgress if from == S::Responded => {
            let due =
                working_days_after(&state.db, &unit, now, unit.complaint_respond_working_days)
                    .await?;
            changes.push((C::DueAt, Expr::value(due)));
            changes.push((C::AutoCloseAt, none_at()));
        }
        S::InProgress => {
            if c.verified_at.is_none() {
                changes.push((C::VerifiedAt, Expr::value(now)));
            }
            changes.push((C::DueAt, Expr::value(c.respond_due_at)));
        }
        _ => {
            changes.push((C::DueAt, none_at()));
            changes.push((C::AutoCloseAt, none_at()));
            changes.push((C::ClosedAt, Expr::value(now)));
            changes.push((C::Reason, Expr::value(req.reason.clone())));
            changes.push((C::ForwardedTo, Expr::value(req.forwarded_to.clone())));
        }
    }
    let txn = state.db.begin().await?;
    if !transition(&txn, c.id, &[from], to, now, changes).await? {
        return Err(AppError::new(ErrorCode::ConcurrentChange));
    }
    record(
        &txn,
        c.id,
        ComplaintEventKind::Status,
        to,
        req.reason.clone(),
        Some(auth.id),
        now,
    )
    .await?;
    let mut new_code = None;
    if let Some(target) = &target {
        new_code = Some(forward(&txn, &c, target, auth, now).await?);
    }
    if to.is_final()
        && let Some(email) = &c.email
    {
        let url = links::complaint_tracking(&state.settings.public_url, &c.tracking_code);
        let what = match (to, &target) {
            (S::Rejected, _) => "tidak dapat kami proses".to_owned(),
            (S::Forwarded, Some(t)) => format!("kami teruskan kepada {}", t.name),
            (S::Forwarded, None) => "kami teruskan ke SP4N-LAPOR!".to_owned(),
            _ => "telah ditutup".to_owned(),
        };
        let onward = new_code.map(|code| {
            let url = links::complaint_tracking(&state.settings.public_url, &code);
            (code, url)
        });
        notify::enqueue(
            &txn,
            templates::complaint_ended(
                email,
                c.name.as_deref(),
                &unit.name,
                &c.tracking_code,
                &what,
                req.reason.as_deref(),
                &url,
                onward,
            ),
        )
        .await?;
    }
    notify::commit(state, txn).await?;
    reread(state, c.id).await
}

/// The complaint continues at `target`: a new one there, received now, with the same content
/// and complainant and its own tracking code.
async fn forward<Cn: ConnectionTrait>(
    conn: &Cn,
    c: &complaint::Model,
    target: &unit::Model,
    auth: &AuthUser,
    now: DateTime<Utc>,
) -> AppResult<String> {
    let (verify_due, respond_due) = deadlines(conn, target, now).await?;
    let code = tracking_code(&target.code);
    let id = Uuid::now_v7();
    let mut copy = complaint::ActiveModel::from(c.clone()).reset_all();
    copy.id = Set(id);
    copy.unit_code = Set(target.code.clone());
    copy.tracking_code = Set(code.clone());
    copy.recorded_by = Set(None);
    copy.assignee_id = Set(None);
    copy.status = Set(ComplaintStatus::Received.as_str().to_owned());
    copy.received_at = Set(now);
    copy.accepted_at = Set(Some(now));
    copy.verify_due_at = Set(Some(verify_due));
    copy.respond_due_at = Set(Some(respond_due));
    copy.due_at = Set(Some(verify_due));
    for col in [C::VerifiedAt, C::RespondedAt, C::AutoCloseAt, C::ClosedAt] {
        copy.set(col, Option::<DateTime<Utc>>::None.into());
    }
    copy.reason = Set(None);
    copy.forwarded_to = Set(None);
    copy.forwarded_from_id = Set(Some(c.id));
    copy.created_at = Set(now);
    copy.updated_at = Set(now);
    copy.insert(conn).await?;
    record(
        conn,
        id,
        ComplaintEventKind::Status,
        ComplaintStatus::Received,
        Some(format!("Diteruskan dari {}", c.unit_code)),
        Some(auth.id),
        now,
    )
    .await?;
    Ok(code)
}

/// The unit responds: emailed to the complainant, shown on the tracking page; the complaint is
/// `responded` and closes by itself after the unit's working days without a reply.
pub async fn respond(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    req: ComplaintResponseRequest,
) -> AppResult<ComplaintDetail> {
    use ComplaintStatus as S;
    let (c, access) = load(state, auth, id).await?;
    require(access, false)?;
    let from = stored_status(&c)?;
    let allowed = [S::Verified, S::InProgress, S::Responded];
    if !allowed.contains(&from) {
        return Err(not_allowed(from, "responded to (verify it first)"));
    }
    let unit = find_unit(&state.db, &c.unit_code).await?;
    let now = state.clock.now();
    let txn = state.db.begin().await?;
    let closes =
        working_days_after(&txn, &unit, now, unit.complaint_auto_close_working_days).await?;
    let mut changes = vec![
        (C::DueAt, Expr::value(Option::<DateTime<Utc>>::None)),
        (C::AutoCloseAt, Expr::value(closes)),
    ];
    if c.responded_at.is_none() {
        changes.push((C::RespondedAt, Expr::value(now)));
    }
    if c.verified_at.is_none() {
        changes.push((C::VerifiedAt, Expr::value(now)));
    }
    if !transition(&txn, c.id, &[from], S::Responded, now, changes).await? {
        return Err(AppError::new(ErrorCode::ConcurrentChange));
    }
    record(
        &txn,
        c.id,
        ComplaintEventKind::Response,
        S::Responded,
        Some(req.body.clone()),
        Some(auth.id),
        now,
    )
    .await?;
    if let Some(email) = &c.email {
        let url = links::complaint_tracking(&state.settings.public_url, &c.tracking_code);
        notify::enqueue(
            &txn,
            templates::complaint_response(
                email,
                c.name.as_deref(),
                &unit.name,
                &c.tracking_code,
                &req.body,
                &url,
            ),
        )
        .await?;
    }
    notify::commit(state, txn).await?;
    reread(state, c.id).await
}

/// Assigns the complaint to one of the unit's officers or supervisors (or nobody).
pub async fn assign(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    req: ComplaintAssignRequest,
) -> AppResult<ComplaintDetail> {
    let (c, access) = load(state, auth, id).await?;
    require(access, false)?;
    let status = stored_status(&c)?;
    if status.is_final() {
        return Err(not_allowed(status, "assigned"));
    }
    let mut name = None;
    if let Some(assignee) = req.assignee_id {
        let person = user::Entity::find_by_id(assignee)
            .one(&state.db)
            .await?
            .filter(|u| {
                u.unit_code.as_deref() == Some(c.unit_code.as_str())
                    && matches!(Role::stored(&u.role), Ok(Role::Officer | Role::Supervisor))
            })
            .ok_or_else(|| {
                AppError::field(
                    "assignee_id",
                    "must be an officer or supervisor of the unit",
                )
            })?;
        name = Some(person.full_name);
    }
    let now = state.clock.now();
    let txn = state.db.begin().await?;
    complaint::Entity::update_many()
        .col_expr(C::AssigneeId, Expr::value(req.assignee_id))
        .col_expr(C::UpdatedAt, Expr::value(now))
        .filter(C::Id.eq(c.id))
        .exec(&txn)
        .await?;
    record(
        &txn,
        c.id,
        ComplaintEventKind::Assigned,
        status,
        name,
        Some(auth.id),
        now,
    )
    .await?;
    txn.commit().await?;
    reread(state, c.id).await
}

/// Closes responded complaints whose complainant did not answer within the unit's working
/// days. Each closes once however many runners race: the update requires it still open.
pub async fn auto_close(state: &AppState, at: DateTime<Utc>) -> AppResult<usize> {
    let due = complaint::Entity::find()
        .filter(C::Status.eq(ComplaintStatus::Responded.as_str()))
        .filter(C::AutoCloseAt.lte(at))
        .order_by_asc(C::AutoCloseAt)
        .limit(500)
        .all(&state.db)
        .await?;
    let mut closed = 0;
    let reason = "Ditutup otomatis: tidak ada tanggapan dari pelapor";
    for c in due {
        let txn = state.db.begin().await?;
        let moved = complaint::Entity::update_many()
            .col_expr(C::Status, Expr::value(ComplaintStatus::Closed.as_str()))
            .col_expr(C::ClosedAt, Expr::value(at))
            .col_expr(C::Reason, Expr::value(reason))
            .col_expr(C::UpdatedAt, Expr::value(at))
            .filter(C::Id.eq(c.id))
            .filter(C::Status.eq(ComplaintStatus::Responded.as_str()))
            .filter(C::AutoCloseAt.lte(at))
            .exec(&txn)
            .await?
            .rows_affected
            > 0;
        if !moved {
            continue;
        }
        record(
            &txn,
            c.id,
            ComplaintEventKind::Status,
            ComplaintStatus::Closed,
            Some(reason.into()),
            None,
            at,
        )
        .await?;
        txn.commit().await?;
        closed += 1;
    }
    Ok(closed)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn tracking_codes_name_the_unit_and_are_not_repeated() {
        let a = tracking_code("3304");
        let b = tracking_code("3304");
        assert!(a.starts_with("ADU-3304-"));
        assert_eq!(a.len(), "ADU-3304-".len() + 12);
        assert!(a[9..].bytes().all(|c| CODE_ALPHABET.contains(&c)));
        assert_ne!(a, b);
    }
}
