//! One-time tickets that open a WebSocket: issued to an authenticated caller by `POST`, taken by
//! the first upgrade that shows one (deleted in one statement, so two upgrades with the same
//! ticket, on any instances, cannot both open), valid for [`VALID`]. Only the ticket's hash is
//! stored.
use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde::Serialize;
use utoipa::ToSchema;

use crate::{
    caller::AuthUser,
    entities::{socket_ticket, user},
    error::{AppError, AppResult, ErrorCode},
    security::tokens::{hash_token, random_token},
    state::AppState,
    vocab::Role,
};

pub const VALID: TimeDelta = TimeDelta::seconds(60);

/// Opens one WebSocket: `GET /api/v1/ws?ticket=…`.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "ticket": "q3Vx0m2bLk9yT4nW8cZr1aHs5dFg7jUe6iOp0lKj3Mn",
    "expires_at": "2026-12-07T03:01:00Z"
}))]
pub struct SocketTicket {
    pub ticket: String,
    pub expires_at: DateTime<Utc>,
}

pub async fn issue(state: &AppState, auth: &AuthUser) -> AppResult<SocketTicket> {
    let ticket = random_token();
    let now = Utc::now();
    let expires_at = now + VALID;
    socket_ticket::ActiveModel {
        ticket_hash: Set(hash_token(&ticket)),
        user_id: Set(auth.id),
        session_id: Set(auth.session_id),
        expires_at: Set(expires_at),
    }
    .insert(&state.db)
    .await?;
    Ok(SocketTicket { ticket, expires_at })
}

fn refused(why: &str) -> AppError {
    AppError::new(ErrorCode::InvalidAccessToken).with_detail(why.to_owned())
}

/// The caller the ticket was issued to, if the ticket is unused, unexpired, and its session and
/// account still stand; the ticket is used up either way.
pub async fn redeem(state: &AppState, ticket: &str) -> AppResult<AuthUser> {
    let hash = hash_token(ticket);
    let Some(row) = socket_ticket::Entity::find_by_id(hash.clone())
        .one(&state.db)
        .await?
    else {
        return Err(refused("unknown or used ticket"));
    };
    let taken = socket_ticket::Entity::delete_many()
        .filter(socket_ticket::Column::TicketHash.eq(hash))
        .exec(&state.db)
        .await?;
    if taken.rows_affected != 1 {
        return Err(refused("unknown or used ticket"));
    }
    if row.expires_at <= Utc::now() {
        return Err(refused("the ticket has expired"));
    }
    if crate::guard::sessions::is_revoked(state, row.session_id).await? {
        return Err(refused("the session has ended"));
    }
    let Some(account) = user::Entity::find_by_id(row.user_id).one(&state.db).await? else {
        return Err(refused("the account is gone"));
    };
    Ok(AuthUser {
        id: account.id,
        role: Role::stored(&account.role)?,
        unit_code: account.unit_code,
        session_id: row.session_id,
    })
}

/// Forgets tickets that expired unused.
pub async fn purge(state: &AppState) -> AppResult<u64> {
    Ok(socket_ticket::Entity::delete_many()
        .filter(socket_ticket::Column::ExpiresAt.lt(Utc::now() - VALID))
        .exec(&state.db)
        .await?
        .rows_affected)
}
