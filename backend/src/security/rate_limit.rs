//! Attempts limited per subject (an account for logins, a reader and article for votes) and per
//! client address: after too many within a window, further ones are refused until the oldest
//! leaves the window.
use std::{
    collections::{HashMap, VecDeque},
    sync::Mutex,
    time::{Duration, Instant},
};

pub struct AttemptLimiter {
    window: Duration,
    per_subject: usize,
    per_address: usize,
    failures: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl AttemptLimiter {
    pub fn new(window: Duration, per_subject: usize, per_address: usize) -> Self {
        Self {
            window,
            per_subject,
            per_address,
            failures: Mutex::new(HashMap::new()),
        }
    }

    fn keys(subject: &str, address: &str) -> [String; 2] {
        [format!("subject:{subject}"), format!("address:{address}")]
    }

    /// `Some(seconds to wait)` when the subject or the address is locked out.
    pub fn check(&self, subject: &str, address: &str) -> Option<u64> {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let [account, addr] = Self::keys(subject, address);
        [(account, self.per_subject), (addr, self.per_address)]
            .into_iter()
            .filter_map(|(key, limit)| {
                let list = map.get_mut(&key)?;
                while list
                    .front()
                    .is_some_and(|t| now.duration_since(*t) >= self.window)
                {
                    list.pop_front();
                }
                (list.len() >= limit).then(|| {
                    let oldest = list.front().copied().unwrap_or(now);
                    (self.window.saturating_sub(now.duration_since(oldest)))
                        .as_secs()
                        .max(1)
                })
            })
            .max()
    }

    pub fn record(&self, subject: &str, address: &str) {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        for key in Self::keys(subject, address) {
            map.entry(key).or_default().push_back(now);
        }
        if map.len() > 100_000 {
            let window = self.window;
            map.retain(|_, list| list.back().is_some_and(|t| now.duration_since(*t) < window));
        }
    }

    pub fn record_success(&self, subject: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(&format!("subject:{subject}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_an_account_after_its_limit_and_a_success_clears_it() {
        let limiter = AttemptLimiter::new(Duration::from_secs(60), 3, 100);
        for _ in 0..3 {
            assert_eq!(limiter.check("a@b.id", "1.1.1.1"), None);
            limiter.record("a@b.id", "1.1.1.1");
        }
        let wait = limiter.check("a@b.id", "2.2.2.2");
        assert!(matches!(wait, Some(s) if (1..=60).contains(&s)));
        assert_eq!(limiter.check("c@d.id", "1.1.1.1"), None);
        limiter.record_success("a@b.id");
        assert_eq!(limiter.check("a@b.id", "2.2.2.2"), None);
    }

    #[test]
    fn locks_an_address_across_accounts() {
        let limiter = AttemptLimiter::new(Duration::from_secs(60), 100, 2);
        limiter.record("a@b.id", "9.9.9.9");
        limiter.record("c@d.id", "9.9.9.9");
        assert!(limiter.check("e@f.id", "9.9.9.9").is_some());
        assert_eq!(limiter.check("e@f.id", "8.8.8.8"), None);
    }
}
