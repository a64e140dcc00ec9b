//! Following up satisfaction ratings (Banjarnegara's steps 7–8): the unit's staff read the
//! ratings with the consultation or visit and the respondent; a rating that asks for action is
//! `open`, an officer writes to the respondent by email (`contacted`), the respondent answers
//! through the emailed link or, signed in, from their consultation, and an officer closes it with
//! a note (`resolved`). Every page is a fixed number of indexed queries.
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, TransactionTrait, sea_query::Expr,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::{
    access,
    api::{Page, PageQuery},
    caller::AuthUser,
    entities::{
        consultation, guestbook_entry,
        rating::{self, Column as R},
        rating_follow_up as fu, user, walkin_ticket,
    },
    error::{AppError, AppResult, ErrorCode},
    notify::{self, templates},
    security::tokens::{hash_token, random_token},
    skm::{FollowUpState, RatedSubject, RatingView, view},
    state::AppState,
    units,
    vocab::{self, Channel, Role, links, string_enum},
};

string_enum! {
    /// Who wrote a message of a rating's follow-up.
    RatingFollowUpAuthor {
        /// An officer of the unit (emailed to the respondent).
        Staff => "staff",
        /// The respondent, answering.
        Respondent => "respondent",
    }
}

/// How long the respondent's reply link works; each new message from the unit renews it.
const REPLY_LINK_VALID: TimeDelta = TimeDelta::days(30);

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RatingListQuery {
    /// The unit (default: the caller's own; admins name one). A supervisor may name a unit below
    /// theirs, to read.
    #[param(example = "3304")]
    pub unit: Option<String>,
    /// First day, in the unit's time zone (inclusive).
    pub from: Option<NaiveDate>,
    /// Last day, in the unit's time zone (inclusive).
    pub to: Option<NaiveDate>,
    /// `online` (consultations) or `walk_in` (visits and the desk consultations held in them).
    pub channel: Option<Channel>,
    /// Only those whose scores or comment asked for a follow-up (or only the others).
    pub needs_follow_up: Option<bool>,
    pub state: Option<FollowUpState>,
    #[param(minimum = 1, maximum = 10000)]
    pub page: Option<u64>,
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u64>,
}

/// Who gave the rating, as far as the unit knows them: to the unit's staff only.
#[derive(Debug, Serialize, ToSchema)]
pub struct Respondent {
    pub full_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub institution: Option<String>,
}

impl From<&user::Model> for Respondent {
    fn from(u: &user::Model) -> Self {
        Self {
            full_name: u.full_name.clone(),
            email: u.email.clone(),
            phone: u.phone.clone(),
            institution: u.institution.clone(),
        }
    }
}

impl From<&guestbook_entry::Model> for Respondent {
    fn from(e: &guestbook_entry::Model) -> Self {
        Self {
            full_name: e.full_name.clone(),
            email: e.email.clone(),
            phone: e.phone.clone(),
            institution: e.institution.clone(),
        }
    }
}

/// A rating as the unit's staff read it.
#[derive(Debug, Serialize, ToSchema)]
pub struct RatingEntry {
    #[serde(flatten)]
    pub rating: RatingView,
    pub channel: Channel,
    /// The consultation's number, or the visit's ticket number.
    pub subject_number: String,
    /// The consultation rated (for a visit: the desk consultation held in it, if recorded).
    pub consultation_id: Option<Uuid>,
    /// The visit's ticket, for a walk-in rating.
    pub ticket_id: Option<Uuid>,
    /// Null for the respondent's own view, and when the unit has no contact.
    pub respondent: Option<Respondent>,
    pub contacted_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    /// The officer's note at resolving.
    pub resolution_note: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RatingFollowUpMessage {
    pub id: Uuid,
    pub author: RatingFollowUpAuthor,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// A rating with its follow-up messages, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct RatingThread {
    #[serde(flatten)]
    pub entry: RatingEntry,
    pub follow_ups: Vec<RatingFollowUpMessage>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"message": "Mohon maaf atas lamanya menunggu. Tabel kemiskinan per kecamatan kami kirim hari ini; apakah ada data lain yang Bapak perlukan?"}))]
pub struct RatingFollowUpRequest {
    #[serde(deserialize_with = "crate::api::trimmed")]
    #[schema(min_length = 1, max_length = 5000)]
    #[validate(length(min = 1, max = 5000, message = "must be 1 to 5000 characters"))]
    pub message: String,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"body": "Terima kasih, tabelnya sudah saya terima."}))]
pub struct RatingReplyRequest {
    #[serde(deserialize_with = "crate::api::trimmed")]
    #[schema(min_length = 1, max_length = 5000)]
    #[validate(length(min = 1, max = 5000, message = "must be 1 to 5000 characters"))]
    pub body: String,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"note": "Tabel dikirim; responden menyatakan puas."}))]
pub struct RatingResolveRequest {
    #[serde(deserialize_with = "crate::api::trimmed")]
    #[schema(min_length = 1, max_length = 2000)]
    #[validate(length(min = 1, max = 2000, message = "must be 1 to 2000 characters"))]
    pub note: String,
}

/// How the caller of a rating's page is known.
pub enum Viewer {
    Signed(AuthUser),
    /// The token of the reply link emailed to the respondent.
    Token(String),
}

/// What the unit's staff may do with a unit's ratings: act (its officers and supervisor,
/// admins), read (a supervisor of a unit above), or nothing.
async fn staff_may<C: ConnectionTrait>(
    conn: &C,
    auth: &AuthUser,
    unit: &str,
) -> AppResult<Option<bool>> {
    Ok(access::unit_access(conn, auth, unit)
        .await?
        .map(access::Access::is_unit_staff))
}

fn channel_of(kind: &str) -> AppResult<Channel> {
    Ok(match RatedSubject::stored(kind)? {
        RatedSubject::Consultation => Channel::Online,
        RatedSubject::Visit => Channel::WalkIn,
    })
}

/// A unit's ratings for its staff, newest first.
pub async fn list(
    state: &AppState,
    auth: &AuthUser,
    q: RatingListQuery,
) -> AppResult<Page<RatingEntry>> {
    let (page, per_page) = PageQuery {
        page: q.page,
        per_page: q.per_page,
    }
    .resolve(20)?;
    let (unit, _) = access::listed_unit(&state.db, auth, q.unit.as_deref()).await?;
    let zone = vocab::zone(&unit.time_zone)?;
    let mut query = rating::Entity::find().filter(R::UnitCode.eq(&unit.code));
    let (start, end) = vocab::local_days(q.from, q.to, zone)?;
    if let Some(start) = start {
        query = query.filter(R::CreatedAt.gte(start));
    }
    if let Some(end) = end {
        query = query.filter(R::CreatedAt.lt(end));
    }
    if let Some(channel) = q.channel {
        let kind = match channel {
            Channel::Online => RatedSubject::Consultation,
            Channel::WalkIn => RatedSubject::Visit,
        };
        query = query.filter(R::SubjectKind.eq(kind.as_str()));
    }
    if let Some(flag) = q.needs_follow_up {
        query = query.filter(R::NeedsFollowUp.eq(flag));
    }
    if let Some(s) = q.state {
        query = query.filter(R::FollowUpState.eq(s.as_str()));
    }
    let total = query.clone().count(&state.db).await?;
    let rows = query
        .order_by_desc(R::CreatedAt)
        .order_by_desc(R::Id)
        .offset((page - 1) * per_page)
        .limit(per_page)
        .all(&state.db)
        .await?;
    Ok(Page {
        items: entries(&state.db, rows, true).await?,
        total,
        page,
        per_page,
    })
}

/// The ratings as entries: their consultations, tickets and respondents read in one query
/// each, whatever the page's size.
async fn entries<C: ConnectionTrait>(
    conn: &C,
    rows: Vec<rating::Model>,
    staff: bool,
) -> AppResult<Vec<RatingEntry>> {
    let ids_of = |kind: RatedSubject| -> Vec<Uuid> {
        rows.iter()
            .filter(|r| r.subject_kind == kind.as_str())
            .map(|r| r.subject_id)
            .collect()
    };
    let consultations: HashMap<Uuid, consultation::Model> = consultation::Entity::find()
        .filter(consultation::Column::Id.is_in(ids_of(RatedSubject::Consultation)))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let tickets: HashMap<Uuid, walkin_ticket::Model> = walkin_ticket::Entity::find()
        .filter(walkin_ticket::Column::Id.is_in(ids_of(RatedSubject::Visit)))
        .all(conn)
        .await?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    // A visit's guest-book entry was written for its ticket or the one it was transferred from.
    let mut guests: HashMap<Uuid, guestbook_entry::Model> = HashMap::new();
    if staff && !tickets.is_empty() {
        let visits: HashSet<Uuid> = tickets
            .values()
            .flat_map(|t| [Some(t.id), t.transferred_from_id])
            .flatten()
            .collect();
        for e in guestbook_entry::Entity::find()
            .filter(guestbook_entry::Column::TicketId.is_in(visits))
            .order_by_asc(guestbook_entry::Column::CreatedAt)
            .all(conn)
            .await?
        {
            if let Some(ticket) = e.ticket_id {
                guests.insert(ticket, e);
            }
        }
    }
    let people: HashMap<Uuid, user::Model> = if staff {
        let ids: HashSet<Uuid> = consultations
            .values()
            .map(|c| c.user_id)
            .chain(rows.iter().filter_map(|r| r.user_id))
            .collect();
        user::Entity::find()
            .filter(user::Column::Id.is_in(ids))
            .all(conn)
            .await?
            .into_iter()
            .map(|u| (u.id, u))
            .collect()
    } else {
        HashMap::new()
    };
    let person = |id: Option<Uuid>| id.and_then(|id| people.get(&id)).map(Respondent::from);
    rows.into_iter()
        .map(|r| {
            let channel = channel_of(&r.subject_kind)?;
            let (subject_number, consultation_id, ticket_id, respondent) = match channel {
                Channel::Online => {
                    let c = consultations
                        .get(&r.subject_id)
                        .ok_or_else(|| AppError::internal("a rated consultation is missing"))?;
                    (c.number.clone(), Some(c.id), None, person(Some(c.user_id)))
                }
                Channel::WalkIn => {
                    let t = tickets
                        .get(&r.subject_id)
                        .ok_or_else(|| AppError::internal("a rated visit's ticket is missing"))?;
                    let guest = [Some(t.id), t.transferred_from_id]
                        .into_iter()
                        .flatten()
                        .find_map(|id| guests.get(&id))
                        .map(Respondent::from);
                    let known = guest.or_else(|| person(r.user_id));
                    (t.number.clone(), t.consultation_id, Some(t.id), known)
                }
            };
            Ok(RatingEntry {
                channel,
                subject_number,
                consultation_id,
                ticket_id,
                respondent: if staff { respondent } else { None },
                contacted_at: r.contacted_at,
                resolved_at: r.resolved_at,
                resolution_note: if staff {
                    r.resolution_note.clone()
                } else {
                    None
                },
                rating: view(r)?,
            })
        })
        .collect()
}

async fn thread<C: ConnectionTrait>(
    conn: &C,
    r: rating::Model,
    staff: bool,
) -> AppResult<RatingThread> {
    let messages = fu::Entity::find()
        .filter(fu::Column::RatingId.eq(r.id))
        .order_by_asc(fu::Column::CreatedAt)
        .order_by_asc(fu::Column::Id)
        .all(conn)
        .await?;
    let entry = entries(conn, vec![r], staff)
        .await?
        .pop()
        .ok_or_else(|| AppError::internal("a rating vanished while read"))?;
    Ok(RatingThread {
        entry,
        follow_ups: messages
            .into_iter()
            .map(|m| {
                Ok(RatingFollowUpMessage {
                    id: m.id,
                    author: RatingFollowUpAuthor::stored(&m.author)?,
                    body: m.body,
                    created_at: m.created_at,
                })
            })
            .collect::<AppResult<_>>()?,
    })
}

/// The rating and whether the caller reads it as the unit's staff (else as its respondent),
/// and whether they may act on it; anyone else: 404.
async fn load<C: ConnectionTrait>(
    conn: &C,
    viewer: &Viewer,
    id: Uuid,
    now: DateTime<Utc>,
) -> AppResult<(rating::Model, Option<bool>)> {
    let r = rating::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(AppError::not_found)?;
    match viewer {
        Viewer::Signed(auth) => {
            if let Some(acts) = staff_may(conn, auth, &r.unit_code).await? {
                return Ok((r, Some(acts)));
            }
            if auth.role == Role::Public && r.user_id == Some(auth.id) {
                return Ok((r, None));
            }
            Err(AppError::not_found())
        }
        Viewer::Token(token) => {
            let opens = r.reply_token_hash.as_deref() == Some(hash_token(token).as_str())
                && r.reply_token_expires_at.is_some_and(|end| now < end);
            if opens {
                Ok((r, None))
            } else {
                Err(AppError::new(ErrorCode::InvalidToken))
            }
        }
    }
}

/// A rating with its follow-up: the unit's staff, the signed-in respondent, or the reply link.
pub async fn get(state: &AppState, viewer: Viewer, id: Uuid) -> AppResult<RatingThread> {
    let (r, staff) = load(&state.db, &viewer, id, state.clock.now()).await?;
    thread(&state.db, r, staff.is_some()).await
}

async fn acting(state: &AppState, auth: &AuthUser, id: Uuid) -> AppResult<rating::Model> {
    let (r, staff) = load(
        &state.db,
        &Viewer::Signed(auth.clone()),
        id,
        state.clock.now(),
    )
    .await?;
    match staff {
        Some(true) => Ok(r),
        Some(false) => Err(AppError::forbidden()
            .with_detail("A unit above reads its ratings; the unit's own staff follow them up.")),
        None => Err(AppError::forbidden()),
    }
}

fn refused(r: &rating::Model, what: &str) -> AppError {
    AppError::conflict(
        ErrorCode::InvalidState,
        format!(
            "The rating's follow-up is {}: it cannot be {what}.",
            r.follow_up_state
        ),
    )
}

/// Moves the follow-up to `to` if it is still in one of `from`, with `changes`; false if it
/// had moved on (the caller answers 409).
async fn transition<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
    from: &[FollowUpState],
    to: FollowUpState,
    changes: Vec<(R, sea_orm::sea_query::SimpleExpr)>,
) -> AppResult<bool> {
    let mut update = rating::Entity::update_many()
        .col_expr(R::FollowUpState, Expr::value(to.as_str()))
        .filter(R::Id.eq(id))
        .filter(R::FollowUpState.is_in(from.iter().map(|s| s.as_str())));
    for (col, value) in changes {
        update = update.col_expr(col, value);
    }
    Ok(update.exec(conn).await?.rows_affected > 0)
}

/// An officer writes to the respondent: emailed (Indonesian) with the reply link, recorded,
/// and the follow-up is `contacted`.
pub async fn contact(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    req: RatingFollowUpRequest,
) -> AppResult<RatingThread> {
    let r = acting(state, auth, id).await?;
    let from = [
        FollowUpState::None,
        FollowUpState::Open,
        FollowUpState::Contacted,
    ];
    if !from.iter().any(|s| s.as_str() == r.follow_up_state) {
        return Err(refused(&r, "followed up again"));
    }
    let respondent = entries(&state.db, vec![r.clone()], true)
        .await?
        .pop()
        .and_then(|e| e.respondent)
        .ok_or_else(|| {
            AppError::conflict(
                ErrorCode::RespondentUnknown,
                "The unit has no email of this respondent to write to.",
            )
        })?;
    let unit = units::service::find(&state.db, &r.unit_code).await?;
    let now = state.clock.now();
    let token = random_token();
    let txn = state.db.begin().await?;
    let moved = transition(
        &txn,
        r.id,
        &from,
        FollowUpState::Contacted,
        vec![
            (R::ContactedAt, Expr::value(now)),
            (R::ReplyTokenHash, Expr::value(hash_token(&token))),
            (R::ReplyTokenExpiresAt, Expr::value(now + REPLY_LINK_VALID)),
        ],
    )
    .await?;
    if !moved {
        return Err(refused(&r, "followed up again"));
    }
    fu::ActiveModel {
        id: Set(Uuid::now_v7()),
        rating_id: Set(r.id),
        author: Set(RatingFollowUpAuthor::Staff.as_str().to_owned()),
        author_id: Set(Some(auth.id)),
        body: Set(req.message.clone()),
        emailed: Set(true),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    let link = links::rating_reply(&state.settings.public_url, r.id, &token);
    notify::enqueue(
        &txn,
        templates::rating_follow_up(
            &respondent.email,
            &respondent.full_name,
            &unit.name,
            &req.message,
            &link,
        ),
    )
    .await?;
    notify::commit(state, txn).await?;
    reread(state, r.id, true).await
}

/// The respondent answers the unit's follow-up (signed in, or through the emailed link).
pub async fn reply(
    state: &AppState,
    viewer: Viewer,
    id: Uuid,
    req: RatingReplyRequest,
) -> AppResult<RatingThread> {
    let now = state.clock.now();
    let (r, staff) = load(&state.db, &viewer, id, now).await?;
    if staff.is_some() {
        return Err(AppError::forbidden()
            .with_detail("Staff write to the respondent with POST /ratings/{id}/follow-ups."));
    }
    if r.follow_up_state != FollowUpState::Contacted.as_str() {
        return Err(refused(&r, "answered"));
    }
    fu::ActiveModel {
        id: Set(Uuid::now_v7()),
        rating_id: Set(r.id),
        author: Set(RatingFollowUpAuthor::Respondent.as_str().to_owned()),
        author_id: Set(match &viewer {
            Viewer::Signed(auth) => Some(auth.id),
            Viewer::Token(_) => r.user_id,
        }),
        body: Set(req.body),
        emailed: Set(false),
        created_at: Set(now),
    }
    .insert(&state.db)
    .await?;
    reread(state, r.id, false).await
}

/// An officer closes the follow-up with a note.
pub async fn resolve(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    req: RatingResolveRequest,
) -> AppResult<RatingThread> {
    let r = acting(state, auth, id).await?;
    let now = state.clock.now();
    let moved = transition(
        &state.db,
        r.id,
        &[FollowUpState::Open, FollowUpState::Contacted],
        FollowUpState::Resolved,
        vec![
            (R::ResolvedAt, Expr::value(now)),
            (R::ResolvedBy, Expr::value(auth.id)),
            (R::ResolutionNote, Expr::value(req.note)),
            (R::ReplyTokenHash, Expr::value(Option::<String>::None)),
        ],
    )
    .await?;
    if !moved {
        return Err(refused(&r, "resolved"));
    }
    reread(state, r.id, true).await
}

async fn reread(state: &AppState, id: Uuid, staff: bool) -> AppResult<RatingThread> {
    let r = rating::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or_else(AppError::not_found)?;
    thread(&state.db, r, staff).await
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_local_day_begins_at_the_units_midnight() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let wib = vocab::zone("Asia/Jakarta").unwrap();
        let wita = vocab::zone("Asia/Makassar").unwrap();
        assert_eq!(
            vocab::day_start(day, wib).to_rfc3339(),
            "2026-12-01T17:00:00+00:00"
        );
        assert_eq!(
            vocab::day_start(day, wita).to_rfc3339(),
            "2026-12-01T16:00:00+00:00"
        );
    }
}
