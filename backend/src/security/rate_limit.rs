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

    /// Counts an attempt before it is made, in one step with the check, so that attempts made at
    /// once cannot all pass the check before any is counted: `Err(seconds to wait)` when the
    /// subject or the address is locked out (nothing is counted then). An attempt that succeeds
    /// is taken back with [`AttemptLimiter::succeeded`].
    pub fn attempt(&self, subject: &str, address: &str) -> Result<Attempt, u64> {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(wait) = self.locked(&mut map, subject, address, now) {
            return Err(wait);
        }
        Self::push(&mut map, subject, address, now, self.window);
        Ok(Attempt { at: now })
    }

    /// The attempt succeeded: the subject's failures are forgotten, and the attempt no longer
    /// counts against the address.
    pub fn succeeded(&self, subject: &str, address: &str, attempt: Attempt) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let [account, addr] = Self::keys(subject, address);
        map.remove(&account);
        if let Some(list) = map.get_mut(&addr)
            && let Some(i) = list.iter().rposition(|t| *t == attempt.at)
        {
            list.remove(i);
        }
    }

    /// `Some(seconds to wait)` when the subject or the address is locked out.
    pub fn check(&self, subject: &str, address: &str) -> Option<u64> {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        self.locked(&mut map, subject, address, now)
    }

    fn locked(
        &self,
        map: &mut HashMap<String, VecDeque<Instant>>,
        subject: &str,
        address: &str,
        now: Instant,
    ) -> Option<u64> {
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

    fn push(
        map: &mut HashMap<String, VecDeque<Instant>>,
        subject: &str,
        address: &str,
        now: Instant,
        window: Duration,
    ) {
        for key in Self::keys(subject, address) {
            map.entry(key).or_default().push_back(now);
        }
        if map.len() > 100_000 {
            map.retain(|_, list| list.back().is_some_and(|t| now.duration_since(*t) < window));
        }
    }

    /// Forgets the subject's failures (a password was reset).
    pub fn record_success(&self, subject: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(&format!("subject:{subject}"));
    }
}

/// An attempt counted by [`AttemptLimiter::attempt`].
#[must_use]
pub struct Attempt {
    at: Instant,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_an_account_after_its_limit_and_a_success_clears_it() {
        let limiter = AttemptLimiter::new(Duration::from_secs(60), 3, 100);
        for _ in 0..3 {
            assert!(limiter.attempt("a@b.id", "1.1.1.1").is_ok());
        }
        let wait = limiter.attempt("a@b.id", "2.2.2.2").err();
        assert!(matches!(wait, Some(s) if (1..=60).contains(&s)));
        assert!(limiter.check("a@b.id", "2.2.2.2").is_some());
        assert!(limiter.attempt("c@d.id", "1.1.1.1").is_ok());
        limiter.record_success("a@b.id");
        assert_eq!(limiter.check("a@b.id", "2.2.2.2"), None);
    }

    #[test]
    fn locks_an_address_across_accounts() {
        let limiter = AttemptLimiter::new(Duration::from_secs(60), 100, 2);
        assert!(limiter.attempt("a@b.id", "9.9.9.9").is_ok());
        assert!(limiter.attempt("c@d.id", "9.9.9.9").is_ok());
        assert!(limiter.check("e@f.id", "9.9.9.9").is_some());
        assert_eq!(limiter.check("e@f.id", "8.8.8.8"), None);
    }

    /// Attempts made at once are counted as they pass the check: no more than the limit pass.
    #[test]
    fn concurrent_attempts_never_pass_beyond_the_limit() {
        let limiter = std::sync::Arc::new(AttemptLimiter::new(Duration::from_secs(60), 5, 100));
        let passed: usize = (0..40)
            .map(|_| {
                let limiter = limiter.clone();
                std::thread::spawn(move || limiter.attempt("a@b.id", "1.1.1.1").is_ok())
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| usize::from(t.join().unwrap_or(false)))
            .sum();
        assert_eq!(passed, 5);
    }

    #[test]
    fn a_success_does_not_count_against_the_address() {
        let limiter = AttemptLimiter::new(Duration::from_secs(60), 100, 2);
        for _ in 0..5 {
            let attempt = limiter
                .attempt("a@b.id", "9.9.9.9")
                .unwrap_or_else(|_| panic!("locked"));
            limiter.succeeded("a@b.id", "9.9.9.9", attempt);
        }
        assert_eq!(limiter.check("c@d.id", "9.9.9.9"), None);
    }
}
