//! The state every request handler and worker shares: the database, settings, keys, limiters,
//! the event bus and the wake-ups of the workers.
use std::{sync::Arc, time::Duration};

use actix_web::web;
use tokio::sync::Notify;

use crate::{
    bus::Bus,
    clock::Clock,
    config::Settings,
    db::Db,
    security::{rate_limit::AttemptLimiter, tokens::JwtKeys},
};

/// The state shared by every request handler.
pub type SharedState = web::Data<AppState>;

pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub keys: JwtKeys,
    pub login_limiter: AttemptLimiter,
    /// Readers' votes on articles: three per article and reader (account, or address when
    /// anonymous: people may share one) an hour, at most 60 an hour from one address.
    pub vote_limiter: AttemptLimiter,
    /// Complaints from the public: five an hour from one email address, twenty from one client
    /// address (besides the daily count per email kept in the database).
    pub complaint_limiter: AttemptLimiter,
    /// Wakes the outbox worker after a transaction that wrote an email commits.
    pub outbox_wake: Arc<Notify>,
    /// Wakes the knowledge index worker after a transaction that queued an index job commits.
    pub index_wake: Arc<Notify>,
    pub bus: Bus,
    /// Users with an open WebSocket, and how many.
    pub presence: Presence,
    /// The time the walk-in rules read (settable in tests).
    pub clock: Clock,
}

#[derive(Default)]
pub struct Presence(std::sync::Mutex<std::collections::HashMap<uuid::Uuid, usize>>);

impl Presence {
    pub fn enter(&self, user: uuid::Uuid) {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        *map.entry(user).or_default() += 1;
    }
    pub fn leave(&self, user: uuid::Uuid) {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(count) = map.get_mut(&user) {
            *count -= 1;
            if *count == 0 {
                map.remove(&user);
            }
        }
    }
    pub fn is_connected(&self, user: uuid::Uuid) -> bool {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains_key(&user)
    }
}

impl AppState {
    pub fn new(db: Db, settings: Settings) -> Self {
        Self {
            keys: JwtKeys::new(settings.jwt_secret.expose()),
            login_limiter: AttemptLimiter::new(Duration::from_secs(15 * 60), 5, 30),
            vote_limiter: AttemptLimiter::new(Duration::from_secs(3600), 3, 60),
            complaint_limiter: AttemptLimiter::new(Duration::from_secs(3600), 5, 20),
            outbox_wake: Arc::new(Notify::new()),
            index_wake: Arc::new(Notify::new()),
            bus: Bus::new(),
            presence: Presence::default(),
            clock: Clock::default(),
            settings: Arc::new(settings),
            db,
        }
    }
}
