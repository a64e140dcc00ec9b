//! Queue tickets: taking one (front office, officers, a kiosk, a signed-in visitor's phone when
//! the unit allows it), numbering (prefix and a sequence per service and local day, gap-free
//! under concurrency: the counter row is updated in the ticket's own transaction), and the views
//! of tickets with their place in the queue, read in a fixed number of statements.
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};
use chrono_tz::Tz;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, Statement, TransactionTrait, Value,
    sea_query::{Expr, ExprTrait},
};
use uuid::Uuid;

use super::{catalog, events, model::*};
use crate::{
    api::{Page, PageQuery},
    caller::AuthUser,
    entities::{
        kiosk_token, rating, unit, walkin_counter,
        walkin_ticket::{self, Column as T},
    },
    error::{AppError, AppResult, ErrorCode},
    security::tokens::{hash_token, random_token},
    skm::RatedSubject,
    state::AppState,
    units,
    vocab::{self, Role},
};

/// Kiosk tokens start with this, so they are told from access tokens without a lookup.
pub const KIOSK_TOKEN_PREFIX: &str = "kiosk_";

/// What a desk visit takes until the day's finished visits say otherwise.
const DEFAULT_SERVICE_MINUTES: f64 = 15.0;

/// Who asks for a ticket.
pub enum Taker {
    User(AuthUser),
    /// A kiosk's token, as sent.
    Kiosk(String),
}

/// The unit's local date of an instant.
pub fn local_day(at: DateTime<Utc>, zone: Tz) -> NaiveDate {
    at.with_timezone(&zone).date_naive()
}

pub fn day_key(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

pub fn unit_zone(unit: &unit::Model) -> AppResult<Tz> {
    vocab::zone(&unit.time_zone)
}

/// A stored `HH:MM`; anything else is an error, never a guess.
pub fn office_time(value: &str) -> AppResult<NaiveTime> {
    NaiveTime::parse_from_str(value, "%H:%M").map_err(|_| {
        tracing::error!(value, "unreadable office hours stored for a unit");
        AppError::internal(format!("unreadable stored office time `{value}`"))
    })
}

/// The unit's office is open at `at`: a working day (no weekend, holiday or collective leave)
/// between its opening and closing time.
pub async fn office_open<C: ConnectionTrait>(
    conn: &C,
    unit: &unit::Model,
    at: DateTime<Utc>,
) -> AppResult<bool> {
    let local = at.with_timezone(&unit_zone(unit)?);
    let day = local.date_naive();
    let holiday = crate::holidays::working_days::is_holiday(conn, day).await?;
    if !crate::holidays::working_days::is_working_day(day, &HashSet::new()) || holiday {
        return Ok(false);
    }
    let time = local.time();
    Ok(office_time(&unit.office_opens_at)? <= time && time < office_time(&unit.office_closes_at)?)
}

/// Front office, officers and the supervisor of the unit, and admins.
pub fn is_unit_staff(auth: &AuthUser, unit: &str) -> bool {
    auth.is_admin()
        || (matches!(
            auth.role,
            Role::FrontOffice | Role::Officer | Role::Supervisor
        ) && auth.unit_code.as_deref() == Some(unit))
}

/// Those who serve at a desk: the unit's officers and supervisor, and admins.
pub fn serves_desks(auth: &AuthUser, unit: &str) -> bool {
    auth.is_admin()
        || (matches!(auth.role, Role::Officer | Role::Supervisor)
            && auth.unit_code.as_deref() == Some(unit))
}

/// The next number of a service's day: the update holds the counter row until commit.
async fn next_seq<C: ConnectionTrait>(
    conn: &C,
    unit: &str,
    service: &str,
    day: &str,
) -> AppResult<i32> {
    walkin_counter::Entity::insert(walkin_counter::ActiveModel {
        unit_code: Set(unit.to_owned()),
        service_code: Set(service.to_owned()),
        day: Set(day.to_owned()),
        last_number: Set(0),
    })
    .on_conflict_do_nothing_on([
        walkin_counter::Column::UnitCode,
        walkin_counter::Column::ServiceCode,
        walkin_counter::Column::Day,
    ])
    .exec(conn)
    .await?;
    walkin_counter::Entity::update_many()
        .col_expr(
            walkin_counter::Column::LastNumber,
            Expr::col(walkin_counter::Column::LastNumber).add(1),
        )
        .filter(walkin_counter::Column::UnitCode.eq(unit))
        .filter(walkin_counter::Column::ServiceCode.eq(service))
        .filter(walkin_counter::Column::Day.eq(day))
        .exec(conn)
        .await?;
    Ok(
        walkin_counter::Entity::find_by_id((unit.to_owned(), service.to_owned(), day.to_owned()))
            .one(conn)
            .await?
            .ok_or_else(|| AppError::internal("walk-in counter vanished"))?
            .last_number,
    )
}

pub fn number(prefix: &str, seq: i32) -> String {
    format!("{prefix}-{seq:03}")
}

/// A new waiting ticket, written in `conn`'s transaction.
pub struct NewTicket<'a> {
    pub unit: &'a str,
    pub service: &'a crate::entities::walkin_service::Model,
    pub priority: Option<Priority>,
    pub source: TicketSource,
    pub taken_by: Option<Uuid>,
    pub visitor_id: Option<Uuid>,
    pub key_hash: String,
    pub queue_at: DateTime<Utc>,
    pub transferred_from_id: Option<Uuid>,
}

pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    t: NewTicket<'_>,
    now: DateTime<Utc>,
    zone: Tz,
) -> AppResult<walkin_ticket::Model> {
    let day = day_key(local_day(now, zone));
    let seq = next_seq(conn, t.unit, &t.service.code, &day).await?;
    Ok(walkin_ticket::ActiveModel {
        id: Set(Uuid::now_v7()),
        unit_code: Set(t.unit.to_owned()),
        service_code: Set(t.service.code.clone()),
        day: Set(day),
        seq: Set(seq),
        number: Set(number(&t.service.prefix, seq)),
        priority: Set(t.priority.map(|p| p.as_str().to_owned())),
        status: Set(TicketStatus::Waiting.as_str().to_owned()),
        source: Set(t.source.as_str().to_owned()),
        taken_by: Set(t.taken_by),
        visitor_id: Set(t.visitor_id),
        key_hash: Set(t.key_hash),
        queue_at: Set(t.queue_at),
        taken_at: Set(now),
        called_at: Set(None),
        last_called_at: Set(None),
        call_count: Set(0),
        desk_code: Set(None),
        officer_id: Set(None),
        started_at: Set(None),
        finished_at: Set(None),
        ended_at: Set(None),
        note: Set(None),
        wait_from: Set(None),
        standard_wait_seconds: Set(None),
        breach: Set(false),
        transferred_from_id: Set(t.transferred_from_id),
        transferred_to_id: Set(None),
        rating_token_hash: Set(None),
        rating_token_expires_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        consultation_id: Set(None),
    }
    .insert(conn)
    .await?)
}

/// The kiosk a token belongs to, if it is live; records its use.
async fn kiosk(state: &AppState, token: &str, now: DateTime<Utc>) -> AppResult<kiosk_token::Model> {
    let found = kiosk_token::Entity::find()
        .filter(kiosk_token::Column::TokenHash.eq(hash_token(token)))
        .filter(kiosk_token::Column::RevokedAt.is_null())
        .one(&state.db)
        .await?
        .ok_or_else(|| {
            AppError::new(ErrorCode::InvalidAccessToken)
                .with_detail("The kiosk token is unknown or revoked.")
        })?;
    kiosk_token::Entity::update_many()
        .col_expr(kiosk_token::Column::LastUsedAt, Expr::value(now))
        .filter(kiosk_token::Column::Id.eq(found.id))
        .exec(&state.db)
        .await?;
    Ok(found)
}

pub async fn take(
    state: &AppState,
    taker: Taker,
    unit_code: &str,
    req: TakeTicketRequest,
) -> AppResult<TicketView> {
    let unit = units::service::find(&state.db, unit_code).await?;
    let zone = unit_zone(&unit)?;
    let now = state.clock.now();
    let (source, taken_by, visitor_id) = match &taker {
        Taker::Kiosk(token) => {
            let kiosk = kiosk(state, token, now).await?;
            if kiosk.unit_code != unit.code {
                return Err(AppError::forbidden().with_detail("The kiosk belongs to another unit."));
            }
            (TicketSource::Kiosk, Some(kiosk.id), None)
        }
        Taker::User(auth) if auth.role == Role::Public => {
            if !unit.walkin_remote_tickets {
                return Err(AppError::new(ErrorCode::RemoteTicketsClosed)
                    .with_detail("The unit gives queue numbers at its office only."));
            }
            if !office_open(&state.db, &unit, now).await? {
                return Err(AppError::new(ErrorCode::RemoteTicketsClosed).with_detail(format!(
                    "Queue numbers are given from a phone during office hours only ({}–{}, working days).",
                    unit.office_opens_at, unit.office_closes_at
                )));
            }
            (TicketSource::Remote, None, Some(auth.id))
        }
        Taker::User(auth) if is_unit_staff(auth, &unit.code) => {
            (TicketSource::Staff, Some(auth.id), None)
        }
        Taker::User(_) => return Err(AppError::forbidden()),
    };
    let service = catalog::find_service(&state.db, &unit.code, &req.service, "service").await?;
    let key = random_token();
    let txn = state.db.begin().await?;
    if let Some(visitor) = visitor_id {
        // One ticket at a time per visitor and unit, whatever the concurrency: the unit's row
        // is locked before counting.
        units::service::lock(&txn, &unit.code).await?;
        let open = walkin_ticket::Entity::find()
            .filter(T::UnitCode.eq(&unit.code))
            .filter(T::VisitorId.eq(visitor))
            .filter(T::Status.is_in([
                TicketStatus::Waiting.as_str(),
                TicketStatus::Called.as_str(),
                TicketStatus::Serving.as_str(),
            ]))
            .count(&txn)
            .await?;
        if open > 0 {
            return Err(AppError::conflict(
                ErrorCode::TicketState,
                "You already hold a queue number at this unit.",
            ));
        }
    }
    let ticket = insert(
        &txn,
        NewTicket {
            unit: &unit.code,
            service: &service,
            priority: req.priority,
            source,
            taken_by,
            visitor_id,
            key_hash: hash_token(&key),
            queue_at: now,
            transferred_from_id: None,
        },
        now,
        zone,
    )
    .await?;
    crate::idempotency::write_in(&txn, chrono::Utc::now()).await?;
    txn.commit().await?;
    events::changed(state, &unit.code, &[&ticket]).await;
    let mut view = views(&state.db, state, &unit, std::slice::from_ref(&ticket), true)
        .await?
        .pop()
        .ok_or_else(|| AppError::internal("a ticket vanished while read"))?;
    view.track_url = Some(vocab::links::walkin_ticket(
        &state.settings.public_url,
        ticket.id,
        &key,
    ));
    Ok(view)
}

/// 1-based places of these waiting tickets in their service's queue, priority tickets first.
/// One ticket: counts of its service's queue ahead of it (ranges of the queue index); several:
/// one statement ranking the unit's waiting tickets. Never more than two statements, whatever
/// else is stored.
async fn places<C: ConnectionTrait>(
    conn: &C,
    unit: &str,
    waiting: &[&walkin_ticket::Model],
) -> AppResult<HashMap<Uuid, u64>> {
    match waiting {
        [] => Ok(HashMap::new()),
        [one] => {
            let queue = || {
                walkin_ticket::Entity::find()
                    .filter(T::UnitCode.eq(unit))
                    .filter(T::Status.eq(TicketStatus::Waiting.as_str()))
                    .filter(T::ServiceCode.eq(&one.service_code))
            };
            let same_class = if one.priority.is_some() {
                T::Priority.is_not_null()
            } else {
                T::Priority.is_null()
            };
            let before = queue()
                .filter(same_class)
                .filter(
                    Condition::any().add(T::QueueAt.lt(one.queue_at)).add(
                        Condition::all()
                            .add(T::QueueAt.eq(one.queue_at))
                            .add(T::Id.lt(one.id)),
                    ),
                )
                .count(conn)
                .await?;
            // A normal ticket also waits behind every priority ticket of its service.
            let priority = if one.priority.is_none() {
                queue()
                    .filter(T::Priority.is_not_null())
                    .count(conn)
                    .await?
            } else {
                0
            };
            Ok(HashMap::from([(one.id, before + priority + 1)]))
        }
        many => ranks(conn, unit, &many.iter().map(|t| t.id).collect::<Vec<_>>()).await,
    }
}

async fn ranks<C: ConnectionTrait>(
    conn: &C,
    unit: &str,
    ids: &[Uuid],
) -> AppResult<HashMap<Uuid, u64>> {
    let backend = conn.get_database_backend();
    let param = |i: usize| match backend {
        DbBackend::Postgres => format!("${i}"),
        _ => "?".to_owned(),
    };
    let list: Vec<String> = (0..ids.len()).map(|i| param(i + 3)).collect();
    let sql = format!(
        "SELECT id, place FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY service_code \
         ORDER BY CASE WHEN priority IS NULL THEN 1 ELSE 0 END, queue_at, id) AS place \
         FROM walkin_tickets WHERE unit_code = {} AND status = {}) ranked WHERE id IN ({})",
        param(1),
        param(2),
        list.join(", ")
    );
    let mut values: Vec<Value> = vec![unit.into(), TicketStatus::Waiting.as_str().into()];
    values.extend(ids.iter().map(|id| Value::from(*id)));
    let rows = conn
        .query_all_raw(Statement::from_sql_and_values(backend, sql, values))
        .await?;
    rows.into_iter()
        .map(|r| {
            let id: Uuid = r.try_get("", "id")?;
            let place: i64 = r.try_get("", "place")?;
            Ok((
                id,
                u64::try_from(place).map_err(|_| AppError::internal("negative queue place"))?,
            ))
        })
        .collect()
}

/// A finished visit's service, start and end.
type VisitTimes = (String, Option<DateTime<Utc>>, Option<DateTime<Utc>>);

/// Minutes a visit takes at the unit's desks for each service, from the day's last finished
/// visits (at most 20 per read).
async fn service_minutes<C: ConnectionTrait>(
    conn: &C,
    unit: &str,
    day: &str,
) -> AppResult<HashMap<String, f64>> {
    let recent: Vec<VisitTimes> = walkin_ticket::Entity::find()
        .select_only()
        .column(T::ServiceCode)
        .column(T::StartedAt)
        .column(T::FinishedAt)
        .filter(T::UnitCode.eq(unit))
        .filter(T::Day.eq(day))
        .filter(T::Status.eq(TicketStatus::Finished.as_str()))
        .order_by_desc(T::FinishedAt)
        .limit(20)
        .into_tuple()
        .all(conn)
        .await?;
    let mut sums: HashMap<String, (f64, u32)> = HashMap::new();
    for (service, started, finished) in recent {
        if let (Some(s), Some(f)) = (started, finished) {
            let e = sums.entry(service).or_default();
            e.0 += std::cmp::max((f - s).num_seconds(), 0) as f64 / 60.0;
            e.1 += 1;
        }
    }
    Ok(sums
        .into_iter()
        .map(|(k, (sum, n))| (k, sum / f64::from(n)))
        .collect())
}

fn minutes(seconds: i32) -> f64 {
    (f64::from(seconds) / 6.0).round() / 10.0
}

/// These tickets of one unit as views: a fixed number of statements (services, desks, the
/// day's visit times, queue places, linked tickets, ratings) whatever their number. `staff` adds what
/// only the unit's staff see.
pub async fn views<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    unit: &unit::Model,
    tickets: &[walkin_ticket::Model],
    staff: bool,
) -> AppResult<Vec<TicketView>> {
    if tickets.is_empty() {
        return Ok(vec![]);
    }
    let services: HashMap<String, crate::entities::walkin_service::Model> =
        catalog::services(conn, &unit.code)
            .await?
            .into_iter()
            .map(|s| (s.code.clone(), s))
            .collect();
    let desks = catalog::desks(conn, &unit.code).await?;
    let mut desks_per_service: HashMap<String, u64> = HashMap::new();
    for d in desks.iter().filter(|d| d.active) {
        for s in catalog::desk_services(d)? {
            *desks_per_service.entry(s).or_default() += 1;
        }
    }
    let waiting: Vec<&walkin_ticket::Model> = tickets
        .iter()
        .filter(|t| t.status == TicketStatus::Waiting.as_str())
        .collect();
    let places = places(conn, &unit.code, &waiting).await?;
    let today = day_key(local_day(state.clock.now(), unit_zone(unit)?));
    let minutes_per_visit = if waiting.is_empty() {
        HashMap::new()
    } else {
        service_minutes(conn, &unit.code, &today).await?
    };
    let linked: Vec<Uuid> = tickets
        .iter()
        .flat_map(|t| [t.transferred_from_id, t.transferred_to_id])
        .flatten()
        .collect();
    let linked: HashMap<Uuid, TicketRef> = if linked.is_empty() {
        HashMap::new()
    } else {
        walkin_ticket::Entity::find()
            .filter(T::Id.is_in(linked))
            .all(conn)
            .await?
            .into_iter()
            .map(|t| {
                (
                    t.id,
                    TicketRef {
                        id: t.id,
                        number: t.number,
                        service: t.service_code,
                    },
                )
            })
            .collect()
    };
    let finished: Vec<Uuid> = tickets
        .iter()
        .filter(|t| t.status == TicketStatus::Finished.as_str())
        .map(|t| t.id)
        .collect();
    // Staff read the ratings themselves; the visitor only whether there is one.
    let mut ratings: HashMap<Uuid, rating::Model> = HashMap::new();
    let rated: HashSet<Uuid> = if finished.is_empty() {
        HashSet::new()
    } else if staff {
        for r in rating::Entity::find()
            .filter(rating::Column::SubjectKind.eq(RatedSubject::Visit.as_str()))
            .filter(rating::Column::SubjectId.is_in(finished))
            .all(conn)
            .await?
        {
            ratings.insert(r.subject_id, r);
        }
        ratings.keys().copied().collect()
    } else {
        rating::Entity::find()
            .select_only()
            .column(rating::Column::SubjectId)
            .filter(rating::Column::SubjectKind.eq(RatedSubject::Visit.as_str()))
            .filter(rating::Column::SubjectId.is_in(finished))
            .into_tuple::<Uuid>()
            .all(conn)
            .await?
            .into_iter()
            .collect()
    };
    tickets
        .iter()
        .map(|t| {
            let status = TicketStatus::stored(&t.status)?;
            let service_name = services
                .get(&t.service_code)
                .map(|s| s.name.clone())
                .ok_or_else(|| AppError::internal("a ticket of an unknown service"))?;
            let place = if status == TicketStatus::Waiting {
                Some(places.get(&t.id).copied().ok_or_else(|| {
                    AppError::internal("a waiting ticket has no place in its queue")
                })?)
            } else {
                None
            };
            let ahead = place.map(|p| p - 1);
            let estimated = ahead.map(|ahead| {
                let per_visit = minutes_per_visit
                    .get(&t.service_code)
                    .copied()
                    .unwrap_or(DEFAULT_SERVICE_MINUTES);
                let desks = std::cmp::max(
                    desks_per_service.get(&t.service_code).copied().unwrap_or(1),
                    1,
                );
                (ahead as f64 * per_visit / desks as f64).ceil() as u64
            });
            let desk = t.desk_code.as_ref().map(|code| DeskRef {
                code: code.clone(),
                name: desks
                    .iter()
                    .find(|d| &d.code == code)
                    .map(|d| d.name.clone())
                    .unwrap_or_else(|| code.clone()),
            });
            Ok(TicketView {
                id: t.id,
                unit_code: t.unit_code.clone(),
                number: t.number.clone(),
                service: t.service_code.clone(),
                service_name,
                priority: t.priority.as_deref().map(Priority::stored).transpose()?,
                status,
                position: place,
                ahead,
                estimated_wait_minutes: estimated,
                taken_at: t.taken_at,
                called_at: t.called_at,
                call_count: u32::try_from(t.call_count)
                    .map_err(|_| AppError::internal("negative call count"))?,
                desk,
                started_at: t.started_at,
                finished_at: t.finished_at,
                standard_wait_minutes: t.standard_wait_seconds.map(minutes),
                breach: t.breach,
                rated: rated.contains(&t.id),
                transferred_from: t
                    .transferred_from_id
                    .and_then(|id| linked.get(&id).cloned()),
                transferred_to: t.transferred_to_id.and_then(|id| linked.get(&id).cloned()),
                track_url: None,
                note: if staff { t.note.clone() } else { None },
                consultation_id: if staff { t.consultation_id } else { None },
                rating: ratings.remove(&t.id).map(crate::skm::view).transpose()?,
            })
        })
        .collect()
}

/// A ticket as its visitor sees it, through the key of its link (no login). A wrong key is
/// answered like a missing ticket.
pub async fn track(state: &AppState, id: Uuid, key: &str) -> AppResult<(TicketView, String)> {
    let ticket = walkin_ticket::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .filter(|t| t.key_hash == hash_token(key))
        .ok_or_else(AppError::not_found)?;
    let unit = units::service::find(&state.db, &ticket.unit_code).await?;
    let view = views(
        &state.db,
        state,
        &unit,
        std::slice::from_ref(&ticket),
        false,
    )
    .await?
    .pop()
    .ok_or_else(|| AppError::internal("a ticket vanished while read"))?;
    Ok((view, unit.code))
}

/// A ticket as the unit's staff see it.
pub async fn staff_view(state: &AppState, auth: &AuthUser, id: Uuid) -> AppResult<TicketView> {
    let ticket = walkin_ticket::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or_else(AppError::not_found)?;
    if !is_unit_staff(auth, &ticket.unit_code) {
        return Err(AppError::not_found());
    }
    let unit = units::service::find(&state.db, &ticket.unit_code).await?;
    views(&state.db, state, &unit, std::slice::from_ref(&ticket), true)
        .await?
        .pop()
        .ok_or_else(|| AppError::internal("a ticket vanished while read"))
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TicketListQuery {
    pub status: Option<TicketStatus>,
    /// The unit's local date (default: today there).
    #[param(value_type = Option<String>, format = Date, example = "2026-12-02")]
    pub date: Option<NaiveDate>,
    #[param(minimum = 1, maximum = 10000)]
    pub page: Option<u64>,
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u64>,
}

/// A day's tickets of the unit (staff): waiting ones in calling order, the others newest first.
pub async fn list(
    state: &AppState,
    auth: &AuthUser,
    unit_code: &str,
    q: TicketListQuery,
) -> AppResult<Page<TicketView>> {
    let unit = units::service::find(&state.db, unit_code).await?;
    if !is_unit_staff(auth, &unit.code) {
        return Err(AppError::forbidden());
    }
    let (page, per_page) = PageQuery {
        page: q.page,
        per_page: q.per_page,
    }
    .resolve(50)?;
    let day = match q.date {
        Some(day) => day,
        None => local_day(state.clock.now(), unit_zone(&unit)?),
    };
    let mut query = walkin_ticket::Entity::find()
        .filter(T::UnitCode.eq(&unit.code))
        .filter(T::Day.eq(day_key(day)));
    if let Some(status) = q.status {
        query = query.filter(T::Status.eq(status.as_str()));
    }
    let total = query.clone().count(&state.db).await?;
    let query = if q.status == Some(TicketStatus::Waiting) {
        query
            .order_by_asc(Expr::cust("CASE WHEN priority IS NULL THEN 1 ELSE 0 END"))
            .order_by_asc(T::QueueAt)
            .order_by_asc(T::Id)
    } else {
        query.order_by_desc(T::TakenAt).order_by_desc(T::Id)
    };
    let rows = query
        .offset((page - 1) * per_page)
        .limit(per_page)
        .all(&state.db)
        .await?;
    Ok(Page {
        items: views(&state.db, state, &unit, &rows, true).await?,
        total,
        page,
        per_page,
    })
}

/// The front of a service's normal (or priority) queue: where a transferred visitor goes.
pub async fn front_of_queue<C: ConnectionTrait>(
    conn: &C,
    unit: &str,
    service: &str,
    priority: bool,
    now: DateTime<Utc>,
) -> AppResult<DateTime<Utc>> {
    let mut q = walkin_ticket::Entity::find()
        .select_only()
        .column(T::QueueAt)
        .filter(T::UnitCode.eq(unit))
        .filter(T::Status.eq(TicketStatus::Waiting.as_str()))
        .filter(T::ServiceCode.eq(service));
    q = if priority {
        q.filter(T::Priority.is_not_null())
    } else {
        q.filter(T::Priority.is_null())
    };
    let first: Option<DateTime<Utc>> = q
        .order_by_asc(T::QueueAt)
        .limit(1)
        .into_tuple()
        .one(conn)
        .await?;
    Ok(match first {
        Some(at) if at <= now => at - TimeDelta::seconds(1),
        _ => now,
    })
}
