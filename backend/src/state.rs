//! The state every request handler and worker shares: the database, settings, keys,
//! the event bus and the wake-ups of the workers.
use std::sync::Arc;

use actix_web::web;
use tokio::sync::Notify;

use crate::{bus::Bus, clock::Clock, config::Settings, db::Db, security::tokens::JwtKeys};

/// The state shared by every request handler.
pub type SharedState = web::Data<AppState>;

pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub keys: JwtKeys,
    /// Wakes the outbox worker after a transaction that wrote an email commits.
    pub outbox_wake: Arc<Notify>,
    /// Wakes the knowledge index worker after a transaction that queued an index job commits.
    pub index_wake: Arc<Notify>,
    pub bus: Bus,
    /// The time the walk-in rules read (settable in tests).
    pub clock: Clock,
    pub searches: SearchTally,
    /// What `/metrics` reports.
    pub metrics: crate::metrics::Metrics,
}

/// Knowledge-base searches counted in memory per hour and unit, until the job runner adds them
/// to the database (`knowledge_search_hours`): a search costs no write.
#[derive(Default)]
pub struct SearchTally(
    std::sync::Mutex<std::collections::HashMap<(chrono::DateTime<chrono::Utc>, String), i64>>,
);

impl SearchTally {
    /// Counts a search made at `at` (from `unit`, if one was chosen).
    pub fn count(&self, at: chrono::DateTime<chrono::Utc>, unit: Option<&str>) {
        use chrono::{DurationRound, TimeDelta};
        let hour = at.duration_trunc(TimeDelta::hours(1)).unwrap_or(at);
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        // Only what looks like a unit code, and a bounded number of keys, whatever is sent.
        let unit = unit
            .filter(|u| u.len() <= 8 && u.bytes().all(|b| b.is_ascii_digit()))
            .filter(|_| map.len() < 10_000)
            .unwrap_or_default();
        *map.entry((hour, unit.to_owned())).or_default() += 1;
    }

    /// Takes the counts so far, leaving none.
    pub fn take(&self) -> Vec<((chrono::DateTime<chrono::Utc>, String), i64)> {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        map.drain().collect()
    }

    /// Puts counts back after a failed write, to be written next time.
    pub fn restore(&self, counts: Vec<((chrono::DateTime<chrono::Utc>, String), i64)>) {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        for (key, n) in counts {
            *map.entry(key).or_default() += n;
        }
    }
}

impl AppState {
    pub fn new(db: Db, settings: Settings) -> Self {
        Self {
            keys: JwtKeys::new(settings.jwt_secret.expose()),
            outbox_wake: Arc::new(Notify::new()),
            index_wake: Arc::new(Notify::new()),
            bus: Bus::new(),
            clock: Clock::default(),
            searches: SearchTally::default(),
            metrics: crate::metrics::Metrics::new(),
            settings: Arc::new(settings),
            db,
        }
    }
}
