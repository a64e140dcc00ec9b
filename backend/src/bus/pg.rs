//! Live events across instances on PostgreSQL: each instance `NOTIFY`s what it publishes on one
//! channel and `LISTEN`s to it, handing the other instances' events to its own sockets. A
//! notification's payload is limited (8,000 bytes): an event larger than [`INLINE_MAX`] is
//! written to `live_events` and only its id is notified. Notifications arrive in commit order;
//! one sender task per instance keeps that instance's events in the order they were published.
//! A lost listening connection is opened again; events sent meanwhile are missed, and clients
//! catch up on their next read, as after any dropped socket.
use std::{sync::Arc, time::Duration};

use chrono::{TimeDelta, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set,
    sqlx::{self, PgPool, postgres::PgListener},
};
use serde::{Deserialize, Serialize};
use tokio::sync::mpsc;
use uuid::Uuid;

use super::{Routed, hub::Hub};
use crate::{db::Db, entities::live_event};

pub const CHANNEL: &str = "statkonsul_live";
/// The largest payload sent inline (the limit is 8,000 bytes, with some room).
const INLINE_MAX: usize = 7_000;
/// How long a stored event is kept for the others to read.
pub const KEEP_STORED: TimeDelta = TimeDelta::minutes(5);

#[derive(Serialize, Deserialize)]
struct Envelope {
    /// The instance that published it.
    o: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    e: Option<Routed>,
    /// Where the event is stored when it is too large to be sent inline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    r: Option<Uuid>,
}

pub async fn start(
    pool: PgPool,
    db: Db,
    hub: Arc<Hub>,
    origin: Uuid,
) -> anyhow::Result<mpsc::UnboundedSender<Routed>> {
    let mut listener = PgListener::connect_with(&pool).await?;
    listener.listen(CHANNEL).await?;
    tokio::spawn(listen(listener, db.clone(), hub, origin));
    let (tx, rx) = mpsc::unbounded_channel();
    tokio::spawn(send(rx, pool, db, origin));
    Ok(tx)
}

async fn send(mut events: mpsc::UnboundedReceiver<Routed>, pool: PgPool, db: Db, origin: Uuid) {
    while let Some(event) = events.recv().await {
        if let Err(e) = notify(&pool, &db, origin, event).await {
            tracing::warn!(error = %e, "cannot send a live event to the other instances");
        }
    }
}

async fn notify(pool: &PgPool, db: &Db, origin: Uuid, event: Routed) -> anyhow::Result<()> {
    let mut payload = serde_json::to_string(&Envelope {
        o: origin,
        e: Some(event),
        r: None,
    })?;
    if payload.len() > INLINE_MAX {
        let id = Uuid::now_v7();
        live_event::ActiveModel {
            id: Set(id),
            body: Set(payload),
            created_at: Set(Utc::now()),
        }
        .insert(db)
        .await?;
        payload = serde_json::to_string(&Envelope {
            o: origin,
            e: None,
            r: Some(id),
        })?;
    }
    sqlx::query("SELECT pg_notify($1, $2)")
        .bind(CHANNEL)
        .bind(payload)
        .execute(pool)
        .await?;
    Ok(())
}

async fn listen(mut listener: PgListener, db: Db, hub: Arc<Hub>, origin: Uuid) {
    loop {
        match listener.try_recv().await {
            Ok(Some(notification)) => match receive(&db, origin, notification.payload()).await {
                Ok(Some(event)) => hub.dispatch(&event),
                Ok(None) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "cannot read a live event of another instance")
                }
            },
            // The connection was lost; the next call opens it again and listens anew.
            Ok(None) => tracing::warn!("lost the live events' connection; listening again"),
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen to live events; retrying");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
}

async fn receive(db: &Db, origin: Uuid, payload: &str) -> anyhow::Result<Option<Routed>> {
    let envelope: Envelope = serde_json::from_str(payload)?;
    if envelope.o == origin {
        // Already handed to this instance's sockets when it was published.
        return Ok(None);
    }
    if let Some(event) = envelope.e {
        return Ok(Some(event));
    }
    let Some(id) = envelope.r else {
        return Ok(None);
    };
    let Some(row) = live_event::Entity::find_by_id(id).one(db).await? else {
        anyhow::bail!("the stored live event {id} is gone");
    };
    let stored: Envelope = serde_json::from_str(&row.body)?;
    Ok(stored.e)
}

/// Removes stored events the others have had time to read (by the real clock: they are
/// transport, not records).
pub async fn purge(db: &Db) -> crate::error::AppResult<u64> {
    Ok(live_event::Entity::delete_many()
        .filter(live_event::Column::CreatedAt.lt(Utc::now() - KEEP_STORED))
        .exec(db)
        .await?
        .rows_affected)
}
