//! Real-time events. In-process broadcast: every WebSocket connection subscribes and keeps the
//! events its user may see. A PostgreSQL LISTEN/NOTIFY implementation can stand behind the same
//! `publish`/`subscribe` pair for several server instances.
use serde::Serialize;
use serde_json::Value;
use tokio::sync::broadcast;
use uuid::Uuid;

/// What a client receives: `{type, consultation_id, data}`.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub consultation_id: Uuid,
    pub data: Value,
    /// Who may receive it: the consultation's owner and the staff of its unit.
    #[serde(skip)]
    pub owner_id: Uuid,
    #[serde(skip)]
    pub unit_code: String,
    /// When set, only this user receives the event (e.g. their own queue position).
    #[serde(skip)]
    pub only_user: Option<Uuid>,
    /// The user whose action caused it (not echoed back for typing indicators).
    #[serde(skip)]
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

    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.sender.subscribe()
    }
}
