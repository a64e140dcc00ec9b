//! Real-time events. An event is serialised once, when it is published, and handed by this
//! instance's [`hub::Hub`] to the sockets that may see it. On PostgreSQL every instance also
//! sends what it publishes through `NOTIFY` and hands on what the others publish (`pg`), so a
//! socket on one instance receives what happens on another; SQLite runs one instance and keeps
//! the bus in process.
pub mod events;
pub mod hub;
mod pg;
mod presence;
pub mod walkin;

use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};
use tokio::sync::mpsc;
use uuid::Uuid;

pub use events::LiveEvent;
pub use hub::{Delivery, Registration, Viewer};

/// What travels on the bus.
#[derive(Debug, Clone)]
pub enum Payload {
    /// Sent to the clients that may see it.
    Live(LiveEvent),
    /// Not sent as such: the unit's queue moved on, and every socket with a consultation
    /// waiting there recounts its own positions and sends them as [`LiveEvent::QueueMoved`].
    QueueMoved,
    /// Not sent: these sessions ended (logout, password change or reset); their sockets close.
    SessionsEnded(Vec<Uuid>),
}

/// An event and who may receive it.
#[derive(Debug, Clone)]
pub struct Event {
    pub payload: Payload,
    /// Who may receive it: the consultation's owner and the staff of its unit.
    pub owner_id: Uuid,
    pub unit_code: String,
    /// When set, only this user receives the event (e.g. their own queue position).
    pub only_user: Option<Uuid>,
    /// The user whose action caused it (not echoed back for typing indicators).
    pub actor_id: Option<Uuid>,
}

/// What routing needs to know of a live event besides its audience.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    /// Not sent back to the one typing.
    Typing,
    /// Also to the unit's board and ticket feeds.
    Board,
    /// The owner's consultation entered or left its unit's queue.
    Queue {
        consultation_id: Uuid,
        waiting: bool,
    },
    /// To the unit's staff only, never to the owner (an internal note).
    StaffOnly,
    Plain,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Body {
    Live { text: String, kind: Kind },
    QueueMoved,
    SessionsEnded(Vec<Uuid>),
}

/// An event as it crosses instances: its audience and its serialised body.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Routed {
    pub owner_id: Uuid,
    pub unit_code: String,
    pub only_user: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    pub body: Body,
}

impl Routed {
    fn from_event(event: Event) -> Option<Self> {
        let body = match event.payload {
            Payload::Live(live) => {
                let kind = match &live {
                    LiveEvent::Typing { .. } => Kind::Typing,
                    LiveEvent::WalkinBoard { .. } => Kind::Board,
                    LiveEvent::MessageCreated { data, .. }
                        if data.visibility == crate::vocab::Visibility::Internal =>
                    {
                        Kind::StaffOnly
                    }
                    LiveEvent::ConsultationUpdated {
                        consultation_id,
                        data,
                    } => Kind::Queue {
                        consultation_id: *consultation_id,
                        waiting: data.status == crate::vocab::Status::Waiting,
                    },
                    _ => Kind::Plain,
                };
                match serde_json::to_string(&live) {
                    Ok(text) => Body::Live { text, kind },
                    Err(e) => {
                        tracing::error!(error = %e, "cannot serialise a live event");
                        return None;
                    }
                }
            }
            Payload::QueueMoved => Body::QueueMoved,
            Payload::SessionsEnded(sessions) => Body::SessionsEnded(sessions),
        };
        Some(Self {
            owner_id: event.owner_id,
            unit_code: event.unit_code,
            only_user: event.only_user,
            actor_id: event.actor_id,
            body,
        })
    }
}

#[derive(Clone)]
pub struct Bus {
    hub: Arc<hub::Hub>,
    /// This instance, to tell its own notifications from the others'.
    origin: Uuid,
    /// Set once PostgreSQL carries the events to the other instances.
    remote: Arc<OnceLock<mpsc::UnboundedSender<Routed>>>,
}

impl Default for Bus {
    fn default() -> Self {
        Self::new()
    }
}

impl Bus {
    pub fn new() -> Self {
        Self {
            hub: Arc::new(hub::Hub::default()),
            origin: Uuid::new_v4(),
            remote: Arc::new(OnceLock::new()),
        }
    }

    /// Publishes to this instance's sockets at once and, on PostgreSQL, to the other instances.
    pub fn publish(&self, event: Event) {
        let Some(routed) = Routed::from_event(event) else {
            return;
        };
        self.hub.dispatch(&routed);
        if let Some(remote) = self.remote.get() {
            // The sender task lives as long as the bus; a send after it stopped finds no one.
            let _ = remote.send(routed);
        }
    }

    /// Whether anybody may be listening: work done only to publish can be skipped. With other
    /// instances, their sockets are unknown here, so always.
    pub fn has_subscribers(&self) -> bool {
        self.remote.get().is_some() || self.hub.sockets() > 0
    }

    /// Whether the user has a socket open, on this instance or (PostgreSQL) any other.
    pub async fn is_connected(
        &self,
        db: &crate::db::Db,
        user: Uuid,
    ) -> crate::error::AppResult<bool> {
        if self.hub.is_connected(user) {
            return Ok(true);
        }
        if self.remote.get().is_none() {
            return Ok(false);
        }
        presence::anywhere(db, user).await
    }

    /// After a user's socket opened: known to the other instances.
    pub async fn entered(&self, db: &crate::db::Db, user: Uuid) {
        if self.remote.get().is_some()
            && let Err(e) = presence::mark(db, self.origin, vec![user]).await
        {
            tracing::warn!(error = %e, "cannot record a socket's presence");
        }
    }

    /// After a user's socket closed (and its registration was dropped).
    pub async fn left(&self, db: &crate::db::Db, user: Uuid) {
        if self.remote.get().is_some()
            && !self.hub.is_connected(user)
            && let Err(e) = presence::unmark(db, self.origin, user).await
        {
            tracing::warn!(error = %e, "cannot record a socket's absence");
        }
    }

    /// Open sockets on this instance.
    pub fn sockets(&self) -> usize {
        self.hub.sockets()
    }

    /// Users' open sockets on this instance (not the feeds'), and the users they belong to.
    pub fn socket_counts(&self) -> (usize, usize) {
        self.hub.counts()
    }

    pub fn register_user(&self, viewer: Viewer) -> (Registration, mpsc::Receiver<Delivery>) {
        self.hub.register_user(viewer)
    }

    pub fn register_feed(&self, unit: &str) -> (Registration, mpsc::Receiver<Delivery>) {
        self.hub.register_feed(unit)
    }

    /// Removes the stored large events the other instances have had time to read.
    pub async fn purge_stored(db: &crate::db::Db) -> crate::error::AppResult<u64> {
        pg::purge(db).await
    }

    /// Carries the events across instances through PostgreSQL's LISTEN/NOTIFY, from now on.
    pub async fn connect_postgres(&self, db: &crate::db::Db) -> anyhow::Result<()> {
        let Some(pool) = db.postgres_pool() else {
            return Ok(());
        };
        let sender = pg::start(pool.clone(), db.clone(), self.hub.clone(), self.origin).await?;
        if self.remote.set(sender).is_ok() {
            tokio::spawn(presence::renew(db.clone(), self.hub.clone(), self.origin));
        }
        Ok(())
    }
}
