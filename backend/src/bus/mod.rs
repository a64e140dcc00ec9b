//! Real-time events. In-process broadcast: every WebSocket connection subscribes and keeps the
//! events its user may see; the events themselves are [`LiveEvent`].
//! A PostgreSQL LISTEN/NOTIFY implementation can stand behind the same
//! `publish`/`subscribe` pair for several server instances.
pub mod events;
pub mod walkin;

use tokio::sync::broadcast;
use uuid::Uuid;

pub use events::LiveEvent;

/// What travels on the bus.
#[derive(Debug, Clone)]
pub enum Payload {
    /// Sent to the clients that may see it.
    Live(LiveEvent),
    /// Not sent as such: the unit's queue moved on, and every connection with a consultation
    /// waiting there recounts its own position and sends it as [`LiveEvent::QueueMoved`].
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

#[derive(Clone)]
pub struct Bus {
    sender: broadcast::Sender<Event>,
}

impl Default for Bus {
    fn default() -> Self {
        Self::new()
    }
}

impl Bus {
    pub fn new() -> Self {
        let (sender, _) = broadcast::channel(4096);
        Self { sender }
    }

    pub fn publish(&self, event: Event) {
        // No subscriber is not an error: nobody is connected.
        let _ = self.sender.send(event);
    }

    /// Whether anybody listens (a WebSocket is open): work done only to publish can be skipped.
    pub fn has_subscribers(&self) -> bool {
        self.sender.receiver_count() > 0
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.sender.subscribe()
    }
}
