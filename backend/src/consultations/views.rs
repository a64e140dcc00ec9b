//! How consultations read: views with queue positions, unread counts and names, the lists
//! (overdue first for staff) and the detail — each a small fixed number of indexed queries.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, Order, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
    sea_query::{Alias, Expr, ExprTrait, Query, QueryStatementBuilder},
};
use uuid::Uuid;

use super::model::*;
use crate::{
    access::{self},
    api::{Page, PageQuery},
    caller::AuthUser,
    entities::{
        consultation::{self, Column as C},
        follow_up, rating, referral, user,
    },
    error::{AppError, AppResult},
    state::AppState,
    vocab::Role,
};

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
    let unread = crate::chat::service::unread_counts(conn, viewer, &ids).await?;
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
    // Open ones (`waiting`, `active`: not `closed`) past their deadline, as two ranges of the
    // (unit, status, deadline) index.
    let overdue = Condition::all()
        .add(C::Status.is_in([Status::Waiting.as_str(), Status::Active.as_str()]))
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
