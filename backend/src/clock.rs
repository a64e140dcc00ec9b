//! The time the rules read. The server uses the system clock; tests set or advance it so that
//! rules about office hours, days in a unit's zone and waits never depend on when they run.
use std::sync::Mutex;

use chrono::{DateTime, TimeDelta, Utc};

#[derive(Default)]
pub struct Clock {
    /// A stopped clock's instant; `None`: the system clock.
    fixed: Mutex<Option<DateTime<Utc>>>,
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        match *self.fixed.lock().unwrap_or_else(|p| p.into_inner()) {
            Some(at) => at,
            None => Utc::now(),
        }
    }

    /// Stops the clock at `at` (tests).
    pub fn set(&self, at: DateTime<Utc>) {
        *self.fixed.lock().unwrap_or_else(|p| p.into_inner()) = Some(at);
    }

    /// Moves a stopped clock on (tests); starts from now if it runs.
    pub fn advance(&self, by: TimeDelta) {
        let mut fixed = self.fixed.lock().unwrap_or_else(|p| p.into_inner());
        *fixed = Some(fixed.unwrap_or_else(Utc::now) + by);
    }
}
