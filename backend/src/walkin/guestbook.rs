//! The front office's guest book. The visitor's ID number is never stored: only its type, its
//! last four characters and a keyed hash (HMAC-SHA256 with a key derived from the server's
//! secret), which recognises a returning visitor without keeping the number.
use std::collections::HashMap;

use hmac::{Hmac, Mac};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
    sea_query::{Expr, ExprTrait},
};
use sha2::Sha256;
use uuid::Uuid;

use super::{model::*, tickets};
use crate::{
    api::{Page, PageQuery},
    auth::service::normalize_email,
    caller::AuthUser,
    entities::{guestbook_entry as g, unit, user, walkin_ticket},
    error::{AppError, AppResult},
    notify::{outbox, templates},
    security::tokens::{hash_token, random_token},
    state::AppState,
    units,
};

/// How long the emailed rating link works.
const RATING_LINK_VALID: chrono::TimeDelta = chrono::TimeDelta::days(7);

/// The ID number as compared: capitals, without spaces, dots and hyphens.
fn normalized_id(id_number: &str) -> String {
    id_number
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '.')
        .flat_map(char::to_uppercase)
        .collect()
}

/// The keyed hash of an ID number.
pub fn id_hash(secret: &str, id_number: &str) -> AppResult<String> {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(format!("statkonsul guest book\0{secret}").as_bytes())
            .map_err(AppError::internal)?;
    mac.update(normalized_id(id_number).as_bytes());
    Ok(hex::encode(mac.finalize().into_bytes()))
}

fn last4(id_number: &str) -> String {
    let n: Vec<char> = normalized_id(id_number).chars().collect();
    n[n.len().saturating_sub(4)..].iter().collect()
}

fn view(
    e: g::Model,
    ticket_number: Option<String>,
    previous_visits: u64,
) -> AppResult<GuestbookEntryView> {
    Ok(GuestbookEntryView {
        id: e.id,
        unit_code: e.unit_code,
        ticket_id: e.ticket_id,
        ticket_number,
        full_name: e.full_name,
        id_type: IdType::stored(&e.id_type)?,
        id_number_masked: format!("••••{}", e.id_last4),
        email: e.email,
        phone: e.phone,
        institution: e.institution,
        occupation: e.occupation,
        education: e.education,
        gender: e.gender,
        age_group: e.age_group,
        purpose: e.purpose,
        user_id: e.user_id,
        previous_visits,
        created_at: e.created_at,
    })
}

/// Views of entries with their tickets' numbers and the other visits of the same ID number:
/// two statements whatever their number.
async fn views(
    state: &AppState,
    unit: &str,
    entries: Vec<g::Model>,
) -> AppResult<Vec<GuestbookEntryView>> {
    let ticket_ids: Vec<Uuid> = entries.iter().filter_map(|e| e.ticket_id).collect();
    let numbers: HashMap<Uuid, String> = if ticket_ids.is_empty() {
        HashMap::new()
    } else {
        walkin_ticket::Entity::find()
            .select_only()
            .column(walkin_ticket::Column::Id)
            .column(walkin_ticket::Column::Number)
            .filter(walkin_ticket::Column::Id.is_in(ticket_ids))
            .into_tuple::<(Uuid, String)>()
            .all(&state.db)
            .await?
            .into_iter()
            .collect()
    };
    let hashes: Vec<String> = entries.iter().map(|e| e.id_hash.clone()).collect();
    let visits: HashMap<String, i64> = if hashes.is_empty() {
        HashMap::new()
    } else {
        g::Entity::find()
            .select_only()
            .column(g::Column::IdHash)
            .expr(Expr::col(g::Column::Id).count())
            .filter(g::Column::UnitCode.eq(unit))
            .filter(g::Column::IdHash.is_in(hashes))
            .group_by(g::Column::IdHash)
            .into_tuple::<(String, i64)>()
            .all(&state.db)
            .await?
            .into_iter()
            .collect()
    };
    entries
        .into_iter()
        .map(|e| {
            let others = visits
                .get(&e.id_hash)
                .copied()
                .unwrap_or(1)
                .saturating_sub(1);
            let number = e.ticket_id.and_then(|id| numbers.get(&id).cloned());
            view(
                e,
                number,
                u64::try_from(others).map_err(AppError::internal)?,
            )
        })
        .collect()
}

pub async fn record(
    state: &AppState,
    auth: &AuthUser,
    unit_code: &str,
    req: GuestbookRequest,
) -> AppResult<GuestbookEntryView> {
    let unit = units::service::find(&state.db, unit_code).await?;
    if !tickets::is_unit_staff(auth, &unit.code) {
        return Err(AppError::forbidden());
    }
    if normalized_id(&req.id_number).chars().count() < 4 {
        return Err(AppError::field(
            "id_number",
            "must have at least 4 letters or digits",
        ));
    }
    if let Some(ticket) = req.ticket_id {
        let of_unit = walkin_ticket::Entity::find_by_id(ticket)
            .one(&state.db)
            .await?
            .is_some_and(|t| t.unit_code == unit.code);
        if !of_unit {
            return Err(AppError::field("ticket_id", "no such ticket at this unit"));
        }
    }
    let email = normalize_email(&req.email);
    let account = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .filter(user::Column::EmailVerifiedAt.is_not_null())
        .one(&state.db)
        .await?
        .map(|u| u.id);
    let now = state.clock.now();
    let entry = g::ActiveModel {
        id: Set(Uuid::now_v7()),
        unit_code: Set(unit.code.clone()),
        ticket_id: Set(req.ticket_id),
        day: Set(tickets::day_key(tickets::local_day(
            now,
            tickets::unit_zone(&unit)?,
        ))),
        full_name: Set(req.full_name),
        id_type: Set(req.id_type.as_str().to_owned()),
        id_last4: Set(last4(&req.id_number)),
        id_hash: Set(id_hash(state.settings.jwt_secret.expose(), &req.id_number)?),
        email: Set(email),
        phone: Set(req.phone),
        institution: Set(req.institution),
        occupation: Set(req.occupation),
        education: Set(req.education),
        gender: Set(req.gender),
        age_group: Set(req.age_group),
        purpose: Set(req.purpose),
        user_id: Set(account),
        recorded_by: Set(auth.id),
        created_at: Set(now),
    }
    .insert(&state.db)
    .await?;
    views(state, &unit.code, vec![entry])
        .await?
        .pop()
        .ok_or_else(|| AppError::internal("a guest book entry vanished while read"))
}

pub async fn find(
    state: &AppState,
    auth: &AuthUser,
    unit_code: &str,
    q: GuestbookQuery,
) -> AppResult<Page<GuestbookEntryView>> {
    let unit = units::service::find(&state.db, unit_code).await?;
    if !tickets::is_unit_staff(auth, &unit.code) {
        return Err(AppError::forbidden());
    }
    let (page, per_page) = PageQuery {
        page: q.page,
        per_page: q.per_page,
    }
    .resolve(20)?;
    let mut query = g::Entity::find().filter(g::Column::UnitCode.eq(&unit.code));
    let by_person = q.email.is_some() || q.id_number.is_some();
    if let Some(email) = q
        .email
        .as_deref()
        .map(normalize_email)
        .filter(|e| !e.is_empty())
    {
        query = query.filter(g::Column::Email.eq(email));
    }
    if let Some(id_number) = q.id_number.as_deref().filter(|n| !n.trim().is_empty()) {
        query = query
            .filter(g::Column::IdHash.eq(id_hash(state.settings.jwt_secret.expose(), id_number)?));
    }
    if q.date.is_some() || !by_person {
        let day = match q.date {
            Some(d) => d,
            None => tickets::local_day(state.clock.now(), tickets::unit_zone(&unit)?),
        };
        query = query.filter(g::Column::Day.eq(tickets::day_key(day)));
    }
    let total = query.clone().count(&state.db).await?;
    let rows = query
        .order_by_desc(g::Column::CreatedAt)
        .order_by_desc(g::Column::Id)
        .offset((page - 1) * per_page)
        .limit(per_page)
        .all(&state.db)
        .await?;
    Ok(Page {
        items: views(state, &unit.code, rows).await?,
        total,
        page,
        per_page,
    })
}

/// After a visit: when the guest book has the visitor's email (for this ticket, or the one it
/// was transferred from), sends the one-time link to rate it, valid 7 days.
/// The guest-book entry of the visit `ticket` belongs to (written for it, or for the ticket it
/// was transferred from), the newest if there are several.
pub async fn entry_of_visit<C: ConnectionTrait>(
    conn: &C,
    ticket: &walkin_ticket::Model,
) -> AppResult<Option<g::Model>> {
    let visits: Vec<Uuid> = [Some(ticket.id), ticket.transferred_from_id]
        .into_iter()
        .flatten()
        .collect();
    Ok(g::Entity::find()
        .filter(g::Column::TicketId.is_in(visits))
        .order_by_desc(g::Column::CreatedAt)
        .one(conn)
        .await?)
}

pub async fn ask_for_rating<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    unit: &unit::Model,
    ticket: &walkin_ticket::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<()> {
    let Some(entry) = entry_of_visit(conn, ticket).await? else {
        return Ok(());
    };
    let token = random_token();
    walkin_ticket::Entity::update_many()
        .col_expr(
            walkin_ticket::Column::RatingTokenHash,
            Expr::value(hash_token(&token)),
        )
        .col_expr(
            walkin_ticket::Column::RatingTokenExpiresAt,
            Expr::value(now + RATING_LINK_VALID),
        )
        .filter(walkin_ticket::Column::Id.eq(ticket.id))
        .exec(conn)
        .await?;
    let link = crate::vocab::links::walkin_rating(&state.settings.public_url, ticket.id, &token);
    outbox::enqueue(
        conn,
        templates::walkin_rating(
            &entry.email,
            &entry.full_name,
            &ticket.number,
            &unit.name,
            &link,
        ),
    )
    .await
}
