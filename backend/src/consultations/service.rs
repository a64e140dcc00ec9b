use std::collections::HashMap;

use chrono::{DateTime, Datelike, TimeDelta, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel,
    JoinType, Order, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
    sea_query::{Alias, Expr, ExprTrait, Query, QueryStatementBuilder},
};
use uuid::Uuid;

use super::{
    access::{self, Access},
    model::*,
};
use crate::{
    api::{Page, PageQuery},
    bus::{Event, LiveEvent, Payload, events::ConsultationChange},
    calendar::working_days,
    caller::AuthUser,
    entities::{
        consultation::{self, Column as C},
        consultation_counter, follow_up, message, rating, read_receipt, referral, unit, user,
    },
    error::{AppError, AppResult, ErrorCode},
    notify::{self, templates},
    state::AppState,
    vocab::Role,
    vocab::{self, links},
};

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

/// Names of these users, by id.
pub async fn people<Cn: ConnectionTrait>(
    conn: &Cn,
    ids: impl IntoIterator<Item = Uuid>,
) -> AppResult<HashMap<Uuid, PersonRef>> {
    let ids: Vec<Uuid> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| {
            (
                u.id,
                PersonRef {
                    id: u.id,
                    full_name: u.full_name,
                },
            )
        })
        .collect())
}

/// Queue positions of the waiting ones among `rows`, in one query: each position counts the
/// earlier waiting consultations of its unit over a range of the covering queue index, so it
/// costs the same whatever else is stored and never loads the queue.
pub async fn queue_positions<Cn: ConnectionTrait>(
    conn: &Cn,
    rows: &[consultation::Model],
) -> AppResult<HashMap<Uuid, u64>> {
    let ids: Vec<Uuid> = rows
        .iter()
        .filter(|c| c.status == Status::Waiting.as_str())
        .map(|c| c.id)
        .collect();
    positions_of(conn, ids).await
}

/// Queue positions of those of `ids` that are waiting.
pub async fn positions_of<Cn: ConnectionTrait>(
    conn: &Cn,
    ids: Vec<Uuid>,
) -> AppResult<HashMap<Uuid, u64>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let w = Alias::new("w");
    let outer = |col: C| Expr::col((consultation::Entity, col));
    let inner = |col: C| Expr::col((w.clone(), col));
    let earlier = Query::select()
        .expr(inner(C::Id).count())
        .from_as(consultation::Entity, w.clone())
        .and_where(inner(C::UnitCode).eq(outer(C::UnitCode)))
        .and_where(inner(C::Status).eq(Status::Waiting.as_str()))
        .and_where(inner(C::CreatedAt).lte(outer(C::CreatedAt)))
        .and_where(
            inner(C::CreatedAt)
                .lt(outer(C::CreatedAt))
                .or(inner(C::Id).lte(outer(C::Id))),
        )
        .to_owned();
    let positions: Vec<(Uuid, i64)> = consultation::Entity::find()
        .select_only()
        .column(C::Id)
        .expr_as(
            Expr::SubQuery(None, Box::new(earlier.into_sub_query_statement())),
            "position",
        )
        .filter(C::Id.is_in(ids))
        .filter(C::Status.eq(Status::Waiting.as_str()))
        .into_tuple()
        .all(conn)
        .await?;
    positions
        .into_iter()
        .map(|(id, n)| {
            u64::try_from(n)
                .map(|n| (id, n))
                .map_err(|_| AppError::internal("negative queue position"))
        })
        .collect()
}

/// Messages from others after the reader's last read one, per consultation: one query.
pub async fn unread_counts<Cn: ConnectionTrait>(
    conn: &Cn,
    reader: Uuid,
    ids: &[Uuid],
) -> AppResult<HashMap<Uuid, u64>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    use message::Column as M;
    use read_receipt::Column as R;
    let r = Alias::new("r");
    let m = |col: M| Expr::col((message::Entity, col));
    let last_read = Expr::col((r.clone(), R::LastReadMessageId));
    let stmt = Query::select()
        .column((message::Entity, M::ConsultationId))
        .expr_as(m(M::Id).count(), Alias::new("unread"))
        .from(message::Entity)
        .join_as(
            JoinType::LeftJoin,
            read_receipt::Entity,
            r.clone(),
            Condition::all()
                .add(
                    Expr::col((r.clone(), R::ConsultationId))
                        .equals((message::Entity, M::ConsultationId)),
                )
                .add(Expr::col((r.clone(), R::UserId)).eq(reader)),
        )
        .and_where(m(M::ConsultationId).is_in(ids.iter().copied()))
        .and_where(m(M::SenderId).ne(reader))
        .and_where(last_read.clone().is_null().or(m(M::Id).gt(last_read)))
        .group_by_col((message::Entity, M::ConsultationId))
        .to_owned();
    let mut out = HashMap::with_capacity(ids.len());
    for row in conn.query_all(&stmt).await? {
        let id: Uuid = row.try_get("", "consultation_id")?;
        let n: i64 = row.try_get("", "unread")?;
        let n = u64::try_from(n).map_err(|_| AppError::internal("negative unread count"))?;
        out.insert(id, n);
    }
    Ok(out)
}

pub fn is_overdue(c: &consultation::Model, now: DateTime<Utc>) -> bool {
    c.status != Status::Closed.as_str() && c.deadline_at.is_some_and(|d| d < now)
}

/// The consultations as their viewer sees them (queue position, unread count, names).
pub async fn views<Cn: ConnectionTrait>(
    conn: &Cn,
    viewer: Uuid,
    rows: Vec<consultation::Model>,
) -> AppResult<Vec<ConsultationView>> {
    let rated: std::collections::HashSet<Uuid> = if rows.is_empty() {
        Default::default()
    } else {
        rating::Entity::find()
            .select_only()
            .column(rating::Column::SubjectId)
            .filter(rating::Column::SubjectKind.eq("consultation"))
            .filter(rating::Column::SubjectId.is_in(rows.iter().map(|c| c.id)))
            .into_tuple()
            .all(conn)
            .await?
            .into_iter()
            .collect()
    };
    views_rated(conn, viewer, rows, &rated).await
}

/// Like [`views`], when the caller already knows which of `rows` are rated.
async fn views_rated<Cn: ConnectionTrait>(
    conn: &Cn,
    viewer: Uuid,
    rows: Vec<consultation::Model>,
    rated: &std::collections::HashSet<Uuid>,
) -> AppResult<Vec<ConsultationView>> {
    let names = people(
        conn,
        rows.iter()
            .flat_map(|c| [Some(c.user_id), c.assignee_id])
            .flatten(),
    )
    .await?;
    let positions = queue_positions(conn, &rows).await?;
    let ids: Vec<Uuid> = rows.iter().map(|c| c.id).collect();
    let unread = unread_counts(conn, viewer, &ids).await?;
    let now = Utc::now();
    let mut out = Vec::with_capacity(rows.len());
    for c in rows {
        let queue_position = positions.get(&c.id).copied();
        let unread = unread.get(&c.id).copied().unwrap_or(0);
        let person = |id: Uuid| {
            names.get(&id).cloned().unwrap_or(PersonRef {
                id,
                full_name: String::new(),
            })
        };
        out.push(ConsultationView {
            id: c.id,
            overdue: is_overdue(&c, now),
            owner: person(c.user_id),
            assignee: c.assignee_id.map(person),
            rated: rated.contains(&c.id),
            number: c.number,
            unit_code: c.unit_code,
            category: Category::stored(&c.category)?,
            subject: c.subject,
            question: c.question,
            status: Status::stored(&c.status)?,
            resolution: c
                .resolution
                .as_deref()
                .map(Resolution::stored)
                .transpose()?,
            summary: c.summary,
            queue_position,
            clarified_at: c.clarified_at,
            deadline_at: c.deadline_at,
            closed_at: c.closed_at,
            unread_count: unread,
            to_index: c.to_index,
            created_at: c.created_at,
            updated_at: c.updated_at,
        });
    }
    Ok(out)
}

pub async fn view<Cn: ConnectionTrait>(
    conn: &Cn,
    viewer: Uuid,
    c: consultation::Model,
) -> AppResult<ConsultationView> {
    views(conn, viewer, vec![c])
        .await?
        .pop()
        .ok_or_else(|| AppError::internal("view of one consultation is empty"))
}

/// Tells the owner and the unit's staff that a consultation changed, and every waiting owner
/// of the unit their (possibly new) queue position.
pub async fn announce(
    state: &AppState,
    c: &consultation::Model,
    queue_changed: bool,
) -> AppResult<()> {
    let position = queue_positions(&state.db, std::slice::from_ref(c))
        .await?
        .get(&c.id)
        .copied();
    let assignee = match c.assignee_id {
        Some(id) => people(&state.db, [id]).await?.remove(&id),
        None => None,
    };
    let data = ConsultationChange {
        status: Status::stored(&c.status)?,
        resolution: c
            .resolution
            .as_deref()
            .map(Resolution::stored)
            .transpose()?,
        summary: c.summary.clone(),
        assignee_id: c.assignee_id,
        assignee,
        queue_position: position,
        clarified_at: c.clarified_at,
        deadline_at: c.deadline_at,
        closed_at: c.closed_at,
        overdue: is_overdue(c, Utc::now()),
        to_index: c.to_index,
        updated_at: c.updated_at,
    };
    let routed = |payload| Event {
        payload,
        owner_id: c.user_id,
        unit_code: c.unit_code.clone(),
        only_user: None,
        actor_id: None,
    };
    state
        .bus
        .publish(routed(Payload::Live(LiveEvent::ConsultationUpdated {
            consultation_id: c.id,
            data,
        })));
    if queue_changed {
        state.bus.publish(routed(Payload::QueueMoved));
    }
    Ok(())
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
    let now = Utc::now();
    let year = now.with_timezone(&vocab::zone(&unit.time_zone)?).year();
    let txn = state.db.begin().await?;
    let sequence = next_number(&txn, &unit.code, year).await?;
    let created = consultation::ActiveModel {
        id: Set(Uuid::now_v7()),
        unit_code: Set(unit.code.clone()),
        number: Set(format!("{}-{year}-{sequence:06}", unit.code)),
        user_id: Set(auth.id),
        category: Set(req.category.as_str().to_owned()),
        subject: Set(req.subject),
        question: Set(req.question),
        status: Set(Status::Waiting.as_str().to_owned()),
        resolution: Set(None),
        summary: Set(None),
        assignee_id: Set(None),
        to_index: Set(false),
        claimed_at: Set(None),
        clarified_at: Set(None),
        deadline_at: Set(None),
        closed_at: Set(None),
        last_user_message_at: Set(Some(now)),
        last_officer_message_at: Set(None),
        auto_close_warned_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    if unit.notify_staff_on_new_consultation {
        notify_unit_staff(state, &txn, &unit, &created).await?;
    }
    txn.commit().await?;
    state.outbox_wake.notify_one();
    announce(state, &created, false).await?;
    view(&state.db, auth.id, created).await
}

/// Emails the unit's officers and supervisors that a consultation waits (through the outbox, in
/// the caller's transaction).
async fn notify_unit_staff<Cn: ConnectionTrait>(
    state: &AppState,
    conn: &Cn,
    unit: &unit::Model,
    c: &consultation::Model,
) -> AppResult<()> {
    let staff = user::Entity::find()
        .filter(user::Column::UnitCode.eq(&unit.code))
        .filter(user::Column::Role.is_in([Role::Officer.as_str(), Role::Supervisor.as_str()]))
        .all(conn)
        .await?;
    let link = links::staff_consultation(&state.settings.public_url, c.id);
    let zone = vocab::zone(&unit.time_zone)?;
    for person in staff {
        notify::enqueue(
            conn,
            templates::consultation_waiting(&person, unit, c, &link, zone),
        )
        .await?;
    }
    Ok(())
}

pub async fn list(
    state: &AppState,
    auth: &AuthUser,
    q: ListQuery,
) -> AppResult<Page<ConsultationView>> {
    let (page, per_page) = PageQuery {
        page: q.page,
        per_page: q.per_page,
    }
    .resolve(20)?;
    let mut query = consultation::Entity::find();
    if auth.role == Role::Public {
        query = query.filter(C::UserId.eq(auth.id));
    } else {
        if let Some(units) = access::readable_units(&state.db, auth).await? {
            if let Some(unit) = &q.unit
                && !units.contains(unit)
            {
                return Err(AppError::forbidden());
            }
            query = query.filter(C::UnitCode.is_in(units));
        }
        if let Some(unit) = &q.unit {
            query = query.filter(C::UnitCode.eq(unit));
        }
    }
    if let Some(status) = q.status {
        query = query.filter(C::Status.eq(status.as_str()));
    }
    if let Some(category) = q.category {
        query = query.filter(C::Category.eq(category.as_str()));
    }
    match q.assignee.as_deref() {
        None => {}
        Some("me") => query = query.filter(C::AssigneeId.eq(auth.id)),
        Some(_) => return Err(AppError::field("assignee", "must be `me`")),
    }
    if let Some(words) = q.q.as_deref().map(str::trim).filter(|w| !w.is_empty()) {
        query = query.filter(super::search::matches(
            state.db.get_database_backend(),
            words,
        ));
    }
    let order = if q.status == Some(Status::Waiting) {
        Order::Asc
    } else {
        Order::Desc
    };
    if auth.role.is_staff() {
        let (total, rows) = overdue_first(&state.db, query, order, page, per_page).await?;
        return Ok(Page {
            items: views(&state.db, auth.id, rows).await?,
            total,
            page,
            per_page,
        });
    }
    query = query
        .order_by(C::CreatedAt, order.clone())
        .order_by(C::Id, order);
    let paginator = query.paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(page - 1).await?;
    Ok(Page {
        items: views(&state.db, auth.id, rows).await?,
        total,
        page,
        per_page,
    })
}

/// Staff see the consultations past their deadline first. The page is read in two ordered
/// parts, overdue then the rest, each an index range with a limit: sorting on a computed
/// "overdue" key would sort every matching row of the unit.
async fn overdue_first<Cn: ConnectionTrait>(
    conn: &Cn,
    query: sea_orm::Select<consultation::Entity>,
    order: Order,
    page: u64,
    per_page: u64,
) -> AppResult<(u64, Vec<consultation::Model>)> {
    let now = Utc::now();
    let overdue = Condition::all()
        .add(C::Status.ne(Status::Closed.as_str()))
        .add(C::DeadlineAt.lt(now));
    let on_time = Condition::any()
        .add(C::Status.eq(Status::Closed.as_str()))
        .add(C::DeadlineAt.is_null())
        .add(C::DeadlineAt.gte(now));
    let ordered = |q: sea_orm::Select<consultation::Entity>| {
        q.order_by(C::CreatedAt, order.clone())
            .order_by(C::Id, order.clone())
    };
    let total = query.clone().count(conn).await?;
    let overdue_count = query.clone().filter(overdue.clone()).count(conn).await?;
    let offset = (page - 1) * per_page;
    let mut rows = Vec::with_capacity(per_page as usize);
    if offset < overdue_count {
        rows = ordered(query.clone().filter(overdue))
            .offset(offset)
            .limit(per_page)
            .all(conn)
            .await?;
    }
    let wanted = per_page - rows.len() as u64;
    if wanted > 0 && total > overdue_count {
        let skip = offset.saturating_sub(overdue_count);
        rows.extend(
            ordered(query.filter(on_time))
                .offset(skip)
                .limit(wanted)
                .all(conn)
                .await?,
        );
    }
    Ok((total, rows))
}

pub async fn detail(state: &AppState, auth: &AuthUser, id: Uuid) -> AppResult<ConsultationDetail> {
    let (c, _) = access::load(&state.db, auth, id).await?;
    let follow_ups = follow_up::Entity::find()
        .filter(follow_up::Column::ConsultationId.eq(id))
        .order_by_asc(follow_up::Column::ScheduledAt)
        .all(&state.db)
        .await?
        .into_iter()
        .map(|f| {
            Ok(FollowUpView {
                id: f.id,
                kind: FollowUpKind::stored(&f.kind)?,
                scheduled_at: f.scheduled_at,
                location_or_link: f.location_or_link,
                note: f.note,
                created_at: f.created_at,
            })
        })
        .collect::<AppResult<_>>()?;
    let referrals = referral::Entity::find()
        .filter(referral::Column::ConsultationId.eq(id))
        .order_by_asc(referral::Column::CreatedAt)
        .all(&state.db)
        .await?
        .into_iter()
        .map(|r| {
            Ok(ReferralView {
                id: r.id,
                service: ReferralService::stored(&r.service)?,
                note: r.note,
                created_at: r.created_at,
            })
        })
        .collect::<AppResult<_>>()?;
    let rating = rating::Entity::find()
        .filter(rating::Column::SubjectKind.eq("consultation"))
        .filter(rating::Column::SubjectId.eq(c.id))
        .one(&state.db)
        .await?
        .map(crate::skm::view);
    let rated = rating
        .as_ref()
        .map(|_| std::collections::HashSet::from([c.id]))
        .unwrap_or_default();
    let consultation = views_rated(&state.db, auth.id, vec![c], &rated)
        .await?
        .pop()
        .ok_or_else(|| AppError::internal("view of one consultation is empty"))?;
    Ok(ConsultationDetail {
        consultation,
        follow_ups,
        referrals,
        rating,
    })
}

fn require(condition: bool) -> AppResult<()> {
    if condition {
        Ok(())
    } else {
        Err(AppError::forbidden())
    }
}

/// Applies `change` only if the consultation still has `expected` status; else 409.
async fn transition<Cn: ConnectionTrait>(
    conn: &Cn,
    c: &consultation::Model,
    expected: &[Status],
    change: impl FnOnce(&mut consultation::ActiveModel),
    conflict: ErrorCode,
) -> AppResult<consultation::Model> {
    let mut active = c.clone().into_active_model();
    change(&mut active);
    active.updated_at = Set(Utc::now());
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
    let now = Utc::now();
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
    announce(state, &claimed, true).await?;
    view(&state.db, auth.id, claimed).await
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
    let now = Utc::now();
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
    announce(state, &assigned, was_waiting).await?;
    view(&state.db, auth.id, assigned).await
}

fn acts_for(c: &consultation::Model, auth: &AuthUser, access: Access) -> bool {
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
    let now = Utc::now();
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
    announce(state, &clarified, false).await?;
    view(&state.db, auth.id, clarified).await
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
    let now = Utc::now();
    let closed = transition(
        &txn,
        &c,
        &[Status::Waiting, Status::Active],
        |a| {
            a.status = Set(Status::Closed.as_str().into());
            a.resolution = Set(Some(req.resolution.as_str().into()));
            a.summary = Set(req
                .summary
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty()));
            a.closed_at = Set(Some(now));
        },
        ErrorCode::InvalidState,
    )
    .await?;
    notify_closed(state, &txn, &closed).await?;
    txn.commit().await?;
    state.outbox_wake.notify_one();
    announce(state, &closed, was_waiting).await?;
    view(&state.db, auth.id, closed).await
}

/// The owner learns the consultation closed and is asked to rate the service.
pub async fn notify_closed<Cn: ConnectionTrait>(
    state: &AppState,
    conn: &Cn,
    c: &consultation::Model,
) -> AppResult<()> {
    let owner = user::Entity::find_by_id(c.user_id)
        .one(conn)
        .await?
        .ok_or_else(AppError::not_found)?;
    let link = links::consultation(&state.settings.public_url, c.id);
    notify::enqueue(
        conn,
        templates::consultation_closed(
            &owner.email,
            &owner.full_name,
            &c.number,
            &c.subject,
            c.resolution.as_deref().unwrap_or(""),
            &link,
        ),
    )
    .await
}

pub async fn withdraw(state: &AppState, auth: &AuthUser, id: Uuid) -> AppResult<ConsultationView> {
    let (c, access) = access::load(&state.db, auth, id).await?;
    require(access == Access::Owner)?;
    let was_waiting = c.status == Status::Waiting.as_str();
    let now = Utc::now();
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
    announce(state, &withdrawn, was_waiting).await?;
    view(&state.db, auth.id, withdrawn).await
}

pub async fn reopen(state: &AppState, auth: &AuthUser, id: Uuid) -> AppResult<ConsultationView> {
    let (c, access) = access::load(&state.db, auth, id).await?;
    require(access.is_unit_staff())?;
    let within = c.closed_at.is_some_and(|t| Utc::now() - t <= REOPEN_WINDOW);
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
    let now = Utc::now();
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
    announce(state, &reopened, back_to == Status::Waiting).await?;
    view(&state.db, auth.id, reopened).await
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
    active.updated_at = Set(Utc::now());
    let saved = active.update(&state.db).await?;
    announce(state, &saved, false).await?;
    view(&state.db, auth.id, saved).await
}

pub async fn add_follow_up(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    req: FollowUpRequest,
) -> AppResult<FollowUpView> {
    let (c, access) = access::load(&state.db, auth, id).await?;
    require(acts_for(&c, auth, access))?;
    if req.scheduled_at <= Utc::now() {
        return Err(AppError::field("scheduled_at", "must be in the future"));
    }
    if c.status == Status::Closed.as_str()
        && c.resolution.as_deref() != Some(Resolution::Answered.as_str())
        && c.resolution.as_deref() != Some(Resolution::Referred.as_str())
    {
        return Err(AppError::conflict(
            ErrorCode::InvalidState,
            "A withdrawn, cancelled or inactive consultation takes no follow-up.",
        ));
    }
    let unit = unit::Entity::find_by_id(c.unit_code.clone())
        .one(&state.db)
        .await?
        .ok_or_else(AppError::not_found)?;
    let owner = user::Entity::find_by_id(c.user_id)
        .one(&state.db)
        .await?
        .ok_or_else(AppError::not_found)?;
    let now = Utc::now();
    let txn = state.db.begin().await?;
    let saved = follow_up::ActiveModel {
        id: Set(Uuid::now_v7()),
        consultation_id: Set(c.id),
        kind: Set(req.kind.as_str().into()),
        scheduled_at: Set(req.scheduled_at),
        location_or_link: Set(req.location_or_link.trim().to_owned()),
        note: Set(req
            .note
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())),
        created_by: Set(auth.id),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    notify::enqueue(
        &txn,
        templates::follow_up(&owner, &unit, &c, &saved, vocab::zone(&unit.time_zone)?),
    )
    .await?;
    txn.commit().await?;
    state.outbox_wake.notify_one();
    announce(state, &c, false).await?;
    Ok(FollowUpView {
        id: saved.id,
        kind: req.kind,
        scheduled_at: saved.scheduled_at,
        location_or_link: saved.location_or_link,
        note: saved.note,
        created_at: saved.created_at,
    })
}

pub async fn add_referral(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    req: ReferralRequest,
) -> AppResult<ReferralView> {
    let (c, access) = access::load(&state.db, auth, id).await?;
    require(acts_for(&c, auth, access))?;
    let saved = referral::ActiveModel {
        id: Set(Uuid::now_v7()),
        consultation_id: Set(c.id),
        service: Set(req.service.as_str().into()),
        note: Set(req
            .note
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())),
        created_by: Set(auth.id),
        created_at: Set(Utc::now()),
    }
    .insert(&state.db)
    .await?;
    announce(state, &c, false).await?;
    Ok(ReferralView {
        id: saved.id,
        service: req.service,
        note: saved.note,
        created_at: saved.created_at,
    })
}
