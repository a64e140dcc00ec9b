//! How consultations read: views with queue positions, unread counts and names, the lists
//! (overdue first for staff) and the detail — each a small fixed number of indexed queries.
use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbBackend, DbErr, EntityTrait, JoinType, Order,
    QueryFilter, QueryOrder, QuerySelect, QueryTrait, RelationDef, Select,
    sea_query::{Alias, Expr, ExprTrait, Func, Query, QueryStatementBuilder, SelectStatement},
};
use uuid::Uuid;

use super::model::*;
use crate::{
    access::{self},
    api::{Page, PageQuery},
    caller::AuthUser,
    chat::service::Reader,
    db::Cursor,
    entities::{
        consultation::{self, Column as C},
        follow_up, rating, referral, user,
    },
    error::{AppError, AppResult},
    holidays::working_days,
    skm::RatedSubject,
    state::AppState,
    vocab::Role,
};

/// A consultation as read with everything its view shows: the owner's and assignee's names,
/// whether it is rated, the viewer's unread count and, for the detail, whether it has follow-ups
/// or referrals (its queue position is a column of its own, kept by `queue`). One statement: the
/// extras are joins and correlated subqueries over indexes, so a page costs the same whatever
/// else is stored.
struct Row {
    c: consultation::Model,
    owner_name: Option<String>,
    assignee_name: Option<String>,
    rated: bool,
    unread: i64,
    has_follow_ups: bool,
    has_referrals: bool,
    /// What the `counts` statements given to [`rows`] counted (the same on every row).
    counts: Vec<i64>,
}

const OWNER: &str = "owner";
const ASSIGNEE: &str = "assignee";

/// The rows `select` finds, each with what the `counts` (`COUNT(*)` statements of no outer
/// column) count: computed once, as they are not correlated, so a page and its totals are one
/// statement.
async fn rows<Cn: ConnectionTrait>(
    conn: &Cn,
    viewer: Reader,
    select: Select<consultation::Entity>,
    detail: bool,
    counts: &[SelectStatement],
) -> AppResult<Vec<Row>> {
    let outer = |col: C| Expr::col((consultation::Entity, col));
    let (owner, assignee, rating) = (
        Alias::new(OWNER),
        Alias::new(ASSIGNEE),
        Alias::new("rating"),
    );
    let mut select = select
        .join_as(JoinType::LeftJoin, consultation_owner(), owner.clone())
        .join_as(
            JoinType::LeftJoin,
            consultation_assignee(),
            assignee.clone(),
        )
        .expr_as(Expr::col((owner, user::Column::FullName)), "owner_name")
        .expr_as(
            Expr::col((assignee, user::Column::FullName)),
            "assignee_name",
        )
        // The subject's id, not the rating's: it is in the unique index the join reads.
        .expr_as(
            Expr::col((rating.clone(), rating::Column::SubjectId)).is_not_null(),
            "rated",
        )
        .expr_as(
            crate::chat::service::unread_count_expr(viewer, outer(C::Id)),
            "unread",
        );
    if detail {
        let follow_ups = Query::select()
            .expr(Expr::val(1))
            .from(follow_up::Entity)
            .and_where(
                Expr::col((follow_up::Entity, follow_up::Column::ConsultationId))
                    .equals((consultation::Entity, C::Id)),
            )
            .to_owned();
        let referrals = Query::select()
            .expr(Expr::val(1))
            .from(referral::Entity)
            .and_where(
                Expr::col((referral::Entity, referral::Column::ConsultationId))
                    .equals((consultation::Entity, C::Id)),
            )
            .to_owned();
        select = select
            .expr_as(Expr::exists(follow_ups), "has_follow_ups")
            .expr_as(Expr::exists(referrals), "has_referrals");
    }
    // A join, not `EXISTS`: PostgreSQL would hash every rating to answer the latter.
    QueryFilter::query(&mut select).join_as(
        JoinType::LeftJoin,
        rating::Entity,
        rating,
        rating_of(),
    );
    let count_names: Vec<String> = (0..counts.len()).map(count_column).collect();
    for (stmt, name) in counts.iter().zip(&count_names) {
        select = select.expr_as(subquery(stmt), name.as_str());
    }
    let stmt = select.build(conn.get_database_backend());
    conn.query_all_raw(stmt)
        .await?
        .into_iter()
        .map(|r| {
            // By position, in the order selected: the entity's columns, then the extras.
            let mut at = Cursor::new(&r);
            Ok(Row {
                c: consultation_at(&mut at)?,
                owner_name: at.read()?,
                assignee_name: at.read()?,
                rated: at.read()?,
                unread: at.read()?,
                has_follow_ups: detail && at.read()?,
                has_referrals: detail && at.read()?,
                counts: count_names
                    .iter()
                    .map(|_| at.read())
                    .collect::<Result<_, _>>()?,
            })
        })
        .collect()
}

/// A consultation read from the row's first columns, in the entity's column order (what
/// `Entity::find()` selects; a test holds the two together).
fn consultation_at(at: &mut Cursor) -> Result<consultation::Model, DbErr> {
    Ok(consultation::Model {
        id: at.read()?,
        unit_code: at.read()?,
        number: at.read()?,
        user_id: at.read()?,
        category: at.read()?,
        subject: at.read()?,
        question: at.read()?,
        status: at.read()?,
        resolution: at.read()?,
        summary: at.read()?,
        assignee_id: at.read()?,
        to_index: at.read()?,
        claimed_at: at.read()?,
        clarified_at: at.read()?,
        deadline_at: at.read()?,
        closed_at: at.read()?,
        last_user_message_at: at.read()?,
        last_officer_message_at: at.read()?,
        auto_close_warned_at: at.read()?,
        queue_position: at.read()?,
        created_at: at.read()?,
        updated_at: at.read()?,
        channel: at.read()?,
        walkin_ticket_id: at.read()?,
    })
}

/// What a rating of the consultation rates: a desk consultation's is its visit's.
pub fn rated_as(c: &consultation::Model) -> (RatedSubject, Uuid) {
    match c.walkin_ticket_id {
        Some(ticket) => (RatedSubject::Visit, ticket),
        None => (RatedSubject::Consultation, c.id),
    }
}

/// The join condition of its rating (at most one: ratings are unique per subject): a desk
/// consultation is rated with its visit, the others on their own. Both sides of the unique
/// index (kind, subject) are values of the outer row, so each row is one index lookup.
fn rating_of() -> Condition {
    let ticket = || Expr::col((consultation::Entity, C::WalkinTicketId));
    let kind = Expr::case(ticket().is_null(), RatedSubject::Consultation.as_str())
        .finally(RatedSubject::Visit.as_str());
    let subject = Func::coalesce([ticket(), Expr::col((consultation::Entity, C::Id))]);
    Condition::all()
        .add(
            Expr::col((Alias::new("rating"), rating::Column::SubjectKind))
                .eq(Into::<Expr>::into(kind)),
        )
        .add(Expr::col((Alias::new("rating"), rating::Column::SubjectId)).eq(subject))
}

fn consultation_owner() -> RelationDef {
    consultation::Entity::belongs_to(user::Entity)
        .from(C::UserId)
        .to(user::Column::Id)
        .into()
}

fn consultation_assignee() -> RelationDef {
    consultation::Entity::belongs_to(user::Entity)
        .from(C::AssigneeId)
        .to(user::Column::Id)
        .into()
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

/// Queue positions of those of `ids` that are waiting.
pub async fn positions_of<Cn: ConnectionTrait>(
    conn: &Cn,
    ids: Vec<Uuid>,
) -> AppResult<HashMap<Uuid, u64>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let waiting: Vec<consultation::Model> = consultation::Entity::find()
        .filter(C::Id.is_in(ids))
        .filter(C::Status.eq(Status::Waiting.as_str()))
        .all(conn)
        .await?;
    waiting
        .iter()
        .filter_map(|c| queue_position(c).transpose().map(|n| n.map(|n| (c.id, n))))
        .collect()
}

pub fn is_overdue(c: &consultation::Model, now: DateTime<Utc>) -> bool {
    c.status != Status::Closed.as_str() && c.deadline_at.is_some_and(|d| d < now)
}

/// The place of a waiting consultation in its unit's queue (none unless waiting); a waiting one
/// without a place is an error, never shown as some default.
fn queue_position(c: &consultation::Model) -> AppResult<Option<u64>> {
    let waiting = c.status == Status::Waiting.as_str();
    match (waiting, c.queue_position) {
        (false, _) => Ok(None),
        (true, Some(n)) if n >= 1 => Ok(Some(n as u64)),
        (true, stored) => {
            tracing::error!(consultation = %c.id, ?stored, "a waiting consultation has no place in the queue");
            Err(AppError::internal(
                "a waiting consultation has no place in the queue",
            ))
        }
    }
}

fn count(n: i64, what: &str) -> AppResult<u64> {
    u64::try_from(n).map_err(|_| AppError::internal(format!("negative {what}")))
}

fn to_view(row: Row, now: DateTime<Utc>) -> AppResult<ConsultationView> {
    let queue_position = queue_position(&row.c)?;
    let Row { c, .. } = row;
    let owner = PersonRef {
        id: c.user_id,
        full_name: row.owner_name.unwrap_or_default(),
    };
    let assignee = c.assignee_id.map(|id| PersonRef {
        id,
        full_name: row.assignee_name.unwrap_or_default(),
    });
    Ok(ConsultationView {
        id: c.id,
        overdue: is_overdue(&c, now),
        owner,
        assignee,
        rated: row.rated,
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
        // Set for the whole read by `provisional`.
        deadline_provisional: false,
        closed_at: c.closed_at,
        unread_count: count(row.unread, "unread count")?,
        to_index: c.to_index,
        channel: Channel::stored(&c.channel)?,
        created_at: c.created_at,
        updated_at: c.updated_at,
    })
}

/// The views of `rows`, each deadline marked provisional when a year it was counted through has
/// no loaded decree: one statement more for all of them (which of their years are loaded), and
/// none when no row has a deadline.
async fn to_views<Cn: ConnectionTrait>(
    conn: &Cn,
    rows: Vec<Row>,
    now: DateTime<Utc>,
) -> AppResult<Vec<ConsultationView>> {
    let mut views = rows
        .into_iter()
        .map(|r| to_view(r, now))
        .collect::<AppResult<Vec<_>>>()?;
    provisional(conn, &mut views).await?;
    Ok(views)
}

/// Marks the deadlines of `views` counted through a year without a loaded decree.
async fn provisional<Cn: ConnectionTrait>(
    conn: &Cn,
    views: &mut [ConsultationView],
) -> AppResult<()> {
    let counted = |v: &ConsultationView| match (v.clarified_at, v.deadline_at) {
        (Some(clarified), Some(deadline)) => working_days::counted_years(clarified, deadline),
        _ => BTreeSet::new(),
    };
    let years: BTreeSet<i32> = views.iter().flat_map(counted).collect();
    if years.is_empty() {
        return Ok(());
    }
    let loaded = working_days::loaded_years(conn, &years).await?;
    for v in views.iter_mut() {
        v.deadline_provisional = counted(v).iter().any(|y| !loaded.contains(y));
    }
    Ok(())
}

/// The consultations `select` finds, in its order, as `viewer` sees them: one query, and one
/// more for the calendar when one of them has a deadline.
pub async fn select_views<Cn: ConnectionTrait>(
    conn: &Cn,
    viewer: Reader,
    select: Select<consultation::Entity>,
) -> AppResult<Vec<ConsultationView>> {
    let now = Utc::now();
    to_views(conn, rows(conn, viewer, select, false, &[]).await?, now).await
}

/// This consultation as `viewer` sees it, read again (one statement) with its names, rating,
/// queue position and unread count.
pub async fn view<Cn: ConnectionTrait>(
    conn: &Cn,
    viewer: Reader,
    c: consultation::Model,
) -> AppResult<ConsultationView> {
    select_views(conn, viewer, consultation::Entity::find_by_id(c.id))
        .await?
        .pop()
        .ok_or_else(|| AppError::internal("a consultation vanished while read"))
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
    if let Some(channel) = q.channel {
        query = query.filter(C::Channel.eq(channel.as_str()));
    }
    if q.from.is_some() || q.to.is_some() {
        // Days are the unit's: the one named, or the caller's own.
        let code = q
            .unit
            .as_deref()
            .or(auth.unit_code.as_deref())
            .ok_or_else(|| {
                AppError::field("unit", "name the unit whose days `from` and `to` are")
            })?;
        let unit = crate::entities::unit::Entity::find_by_id(code.to_owned())
            .one(&state.db)
            .await?
            .ok_or_else(|| AppError::field("unit", "no such unit"))?;
        let (start, end) =
            crate::vocab::local_days(q.from, q.to, crate::vocab::zone(&unit.time_zone)?)?;
        if let Some(start) = start {
            query = query.filter(C::CreatedAt.gte(start));
        }
        if let Some(end) = end {
            query = query.filter(C::CreatedAt.lt(end));
        }
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
            !auth.role.is_staff(),
        ));
    }
    let order = if q.status == Some(Status::Waiting) {
        Order::Asc
    } else {
        Order::Desc
    };
    if auth.role.is_staff() {
        let (total, items) = overdue_first(
            &state.db,
            auth.into(),
            query,
            order,
            page,
            per_page,
            q.status,
        )
        .await?;
        return Ok(Page {
            items,
            total,
            page,
            per_page,
        });
    }
    page_of_views(
        &state.db,
        auth.into(),
        query,
        &[(C::CreatedAt, order.clone()), (C::Id, order)],
        page,
        per_page,
    )
    .await
}

/// `COUNT(*)` of what `query` finds.
fn counting(query: Select<consultation::Entity>) -> SelectStatement {
    query
        .select_only()
        .expr(Expr::cust("COUNT(*)"))
        .into_query()
}

fn count_column(i: usize) -> String {
    format!("count_{i}")
}

fn subquery(stmt: &SelectStatement) -> Expr {
    Expr::SubQuery(None, Box::new(stmt.clone().into_sub_query_statement()))
}

/// The `counts` read on their own, for a page without rows to carry them: one statement.
async fn counts_alone<Cn: ConnectionTrait>(
    conn: &Cn,
    counts: &[SelectStatement],
) -> AppResult<Vec<i64>> {
    let mut q = Query::select();
    for (i, stmt) in counts.iter().enumerate() {
        q.expr_as(subquery(stmt), Alias::new(count_column(i)));
    }
    let row = conn
        .query_one_raw(conn.get_database_backend().build(&q))
        .await?
        .ok_or_else(|| AppError::internal("a count answered no row"))?;
    (0..counts.len())
        .map(|i| Ok(row.try_get("", &count_column(i))?))
        .collect()
}

/// The `i`-th of the counts a page was read with.
fn counted(counts: &[i64], i: usize) -> AppResult<u64> {
    let n = counts
        .get(i)
        .copied()
        .ok_or_else(|| AppError::internal("a page read without its count"))?;
    count(n, "count")
}

/// Page `page` of the consultations `query` finds, in `order`, as `viewer` sees them, with the
/// total: one statement (the total rides on the rows), and a count apart only for a page past the
/// end.
pub async fn page_of_views<Cn: ConnectionTrait>(
    conn: &Cn,
    viewer: Reader,
    query: Select<consultation::Entity>,
    order: &[(C, Order)],
    page: u64,
    per_page: u64,
) -> AppResult<Page<ConsultationView>> {
    let ordered = order
        .iter()
        .fold(query.clone(), |q, (col, o)| q.order_by(*col, o.clone()));
    let counts = [counting(query)];
    let page_rows = rows(
        conn,
        viewer,
        ordered.offset((page - 1) * per_page).limit(per_page),
        false,
        &counts,
    )
    .await?;
    let total = match page_rows.first() {
        Some(row) => counted(&row.counts, 0)?,
        None => counted(&counts_alone(conn, &counts).await?, 0)?,
    };
    let now = Utc::now();
    Ok(Page {
        items: to_views(conn, page_rows, now).await?,
        total,
        page,
        per_page,
    })
}

/// Staff see the consultations past their deadline first. The page is read in two ordered
/// parts, overdue then the rest, each an index range with a limit: sorting on a computed
/// "overdue" key would sort every matching row of the unit. The total and the overdue count
/// ride on the part read first that has rows (a count apart only for a page past the end), so
/// a page is one statement when the overdue fill it, else two; the queue (`status=waiting`),
/// where hardly anything is overdue, one.
async fn overdue_first<Cn: ConnectionTrait>(
    conn: &Cn,
    viewer: Reader,
    query: sea_orm::Select<consultation::Entity>,
    order: Order,
    page: u64,
    per_page: u64,
    status: Option<Status>,
) -> AppResult<(u64, Vec<ConsultationView>)> {
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
    let counts = [
        counting(query.clone()),
        counting(query.clone().filter(overdue.clone())),
    ];
    let offset = (page - 1) * per_page;
    // A waiting consultation has a deadline only when it was reopened after being marked clear,
    // so the queue is first read as if nothing in it were overdue, the counts riding along: when
    // they say so, that page is the answer, in one statement.
    if status == Some(Status::Waiting) {
        let guess = rows(
            conn,
            viewer,
            ordered(query.clone().filter(on_time.clone()))
                .offset(offset)
                .limit(per_page),
            false,
            &counts,
        )
        .await?;
        if let Some(first) = guess.first()
            && counted(&first.counts, 1)? == 0
        {
            return Ok((
                counted(&first.counts, 0)?,
                to_views(conn, guess, now).await?,
            ));
        }
    }
    // The overdue ones are a range of the (unit, status, deadline) index, sorted: they are at
    // most the open ones, while an index in the page's order would be walked through every
    // consultation of the unit to find them (or to find there are none). SQLite is told not to
    // take the order from an index (`+column`), PostgreSQL's planner has statistics.
    let backend = conn.get_database_backend();
    let sort_key = |col: &str| match backend {
        DbBackend::Sqlite => Expr::cust(format!("+\"consultations\".\"{col}\"")),
        _ => Expr::col((consultation::Entity, Alias::new(col))),
    };
    let late_ids = query
        .clone()
        .filter(overdue.clone())
        .select_only()
        .column(C::Id)
        .order_by(sort_key("created_at"), order.clone())
        .order_by(sort_key("id"), order.clone())
        .offset(offset)
        .limit(per_page)
        .into_query();
    let late = rows(
        conn,
        viewer,
        ordered(consultation::Entity::find().filter(C::Id.in_subquery(late_ids))),
        false,
        &counts,
    )
    .await?;
    // Known from the rows read, or — with none read — zero overdue ones before this page's
    // first place only if it is the first page.
    let known = |counts: &[i64]| Ok::<_, AppError>((counted(counts, 0)?, counted(counts, 1)?));
    let mut totals = late.first().map(|r| known(&r.counts)).transpose()?;
    if totals.is_none() && offset > 0 {
        totals = Some(known(&counts_alone(conn, &counts).await?)?);
    }
    let overdue_count = totals.map_or(0, |(_, o)| o);
    let mut views: Vec<Row> = late;
    let wanted = per_page - views.len() as u64;
    if wanted > 0 && totals.is_none_or(|(total, o)| total > o) {
        let rest = rows(
            conn,
            viewer,
            ordered(query.filter(on_time))
                .offset(offset.saturating_sub(overdue_count))
                .limit(wanted),
            false,
            if totals.is_none() { &counts } else { &[] },
        )
        .await?;
        if totals.is_none() {
            // The first page: nothing overdue; the counts ride on the rest, or there is nothing.
            totals = Some(
                rest.first()
                    .map(|r| known(&r.counts))
                    .transpose()?
                    .unwrap_or((0, 0)),
            );
        }
        views.extend(rest);
    }
    let (total, _) = totals.ok_or_else(|| AppError::internal("a page read without its count"))?;
    Ok((total, to_views(conn, views, now).await?))
}

pub async fn detail(state: &AppState, auth: &AuthUser, id: Uuid) -> AppResult<ConsultationDetail> {
    let row = rows(
        &state.db,
        auth.into(),
        consultation::Entity::find_by_id(id),
        true,
        &[],
    )
    .await?
    .pop()
    .ok_or_else(AppError::not_found)?;
    access::access(&state.db, auth, &row.c)
        .await?
        .ok_or_else(AppError::not_found)?;
    // Follow-ups, referrals and the rating are read only when the row says there are some.
    let follow_ups = if row.has_follow_ups {
        follow_up::Entity::find()
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
            .collect::<AppResult<_>>()?
    } else {
        Vec::new()
    };
    let referrals = if row.has_referrals {
        referral::Entity::find()
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
            .collect::<AppResult<_>>()?
    } else {
        Vec::new()
    };
    let rating = if row.rated {
        let (kind, subject) = rated_as(&row.c);
        rating::Entity::find()
            .filter(rating::Column::SubjectKind.eq(kind.as_str()))
            .filter(rating::Column::SubjectId.eq(subject))
            .one(&state.db)
            .await?
            .map(crate::skm::view)
            .transpose()?
    } else {
        None
    };
    let mut consultation = [to_view(row, state.clock.now())?];
    provisional(&state.db, &mut consultation).await?;
    let [consultation] = consultation;
    Ok(ConsultationDetail {
        consultation,
        follow_ups,
        referrals,
        rating,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use sea_orm::{ActiveModelTrait, IntoActiveModel};

    use super::*;

    fn at(minute: u32) -> DateTime<Utc> {
        format!("2026-12-02T03:{minute:02}:00Z").parse().unwrap()
    }

    /// The positional read gives back every column as stored: each column of the same type holds
    /// a different value, so a column read in another's place cannot go unnoticed.
    #[tokio::test]
    async fn a_row_reads_back_every_column_in_place() {
        let dir = std::env::temp_dir().join(format!("statkonsul-views-{}", Uuid::new_v4()));
        let url = format!("sqlite://{}/t.db?mode=rwc", dir.display());
        let db = crate::db::Db::connect(&url, Some(1)).await.unwrap();
        db.migrate().await.unwrap();
        db.execute_unprepared(
            "PRAGMA foreign_keys = OFF", // the people and the ticket need not exist here
        )
        .await
        .unwrap();
        let stored = consultation::Model {
            id: Uuid::now_v7(),
            unit_code: "3375".into(),
            number: "3375-2026-000042".into(),
            user_id: Uuid::now_v7(),
            category: "metadata".into(),
            subject: "Subjek".into(),
            question: "Pertanyaan".into(),
            status: "closed".into(),
            resolution: Some("answered".into()),
            summary: Some("Ringkasan".into()),
            assignee_id: Some(Uuid::now_v7()),
            to_index: true,
            claimed_at: Some(at(1)),
            clarified_at: Some(at(2)),
            deadline_at: Some(at(3)),
            closed_at: Some(at(4)),
            last_user_message_at: Some(at(5)),
            last_officer_message_at: Some(at(6)),
            auto_close_warned_at: Some(at(7)),
            queue_position: Some(9),
            created_at: at(8),
            updated_at: at(10),
            channel: "walk_in".into(),
            walkin_ticket_id: Some(Uuid::now_v7()),
        };
        stored
            .clone()
            .into_active_model()
            .insert(&db)
            .await
            .unwrap();
        let read = rows(
            &db,
            Reader {
                id: Uuid::now_v7(),
                staff: false,
            },
            consultation::Entity::find(),
            true,
            &[],
        )
        .await
        .unwrap();
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].c, stored);
        assert!(!read[0].rated && !read[0].has_follow_ups && !read[0].has_referrals);
        assert_eq!(read[0].unread, 0);
        std::fs::remove_dir_all(dir).ok();
    }
}
