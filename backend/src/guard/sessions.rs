//! Ending sessions before their access tokens expire. An access token names its session; a
//! logout, a password change or a reset records the ended sessions, every authenticated request
//! looks its session up (one primary-key read), and the WebSockets of those sessions are closed
//! at once.
use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set};
use uuid::Uuid;

use crate::{
    bus::{Event, Payload},
    entities::{refresh_token, revoked_session},
    error::{AppError, AppResult},
    state::AppState,
};

/// Whether the session has been ended.
pub async fn is_revoked(state: &AppState, session_id: Uuid) -> AppResult<bool> {
    Ok(revoked_session::Entity::find_by_id(session_id)
        .select_only()
        .column(revoked_session::Column::SessionId)
        .into_tuple::<Uuid>()
        .one(&state.db)
        .await?
        .is_some())
}

/// The user's sessions that are still open (a refresh token not yet revoked), but `except`.
pub async fn open_sessions<C: ConnectionTrait>(
    conn: &C,
    user_id: Uuid,
    except: Option<Uuid>,
) -> AppResult<Vec<Uuid>> {
    let mut query = refresh_token::Entity::find()
        .select_only()
        .column(refresh_token::Column::FamilyId)
        .distinct()
        .filter(refresh_token::Column::UserId.eq(user_id))
        .filter(refresh_token::Column::RevokedAt.is_null());
    if let Some(family) = except {
        query = query.filter(refresh_token::Column::FamilyId.ne(family));
    }
    Ok(query.into_tuple::<Uuid>().all(conn).await?)
}

/// Records the sessions as ended, inside the caller's transaction: their access tokens are
/// refused from the commit on. Call [`close_sockets`] after the commit.
pub async fn record_ended<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    user_id: Uuid,
    sessions: &[Uuid],
    now: DateTime<Utc>,
) -> AppResult<()> {
    if sessions.is_empty() {
        return Ok(());
    }
    let ttl = TimeDelta::from_std(state.settings.access_token_ttl).map_err(AppError::internal)?;
    let rows = sessions.iter().map(|id| revoked_session::ActiveModel {
        session_id: Set(*id),
        user_id: Set(user_id),
        revoked_at: Set(now),
        // An access token issued the moment before still runs its full time.
        forget_after: Set(now + ttl + TimeDelta::minutes(1)),
    });
    revoked_session::Entity::insert_many(rows)
        .on_conflict_do_nothing_on([revoked_session::Column::SessionId])
        .exec(conn)
        .await?;
    Ok(())
}

/// Closes the open WebSockets of ended sessions.
pub fn close_sockets(state: &AppState, user_id: Uuid, sessions: Vec<Uuid>) {
    if sessions.is_empty() {
        return;
    }
    state.bus.publish(Event {
        payload: Payload::SessionsEnded(sessions),
        owner_id: user_id,
        unit_code: String::new(),
        only_user: Some(user_id),
        actor_id: None,
    });
}

/// Forgets ended sessions whose access tokens have all expired.
pub async fn purge(state: &AppState, at: DateTime<Utc>) -> AppResult<u64> {
    Ok(revoked_session::Entity::delete_many()
        .filter(revoked_session::Column::ForgetAfter.lt(at))
        .exec(&state.db)
        .await?
        .rows_affected)
}
