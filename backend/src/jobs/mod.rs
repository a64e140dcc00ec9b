//! Timers: only the schedule. `run_due(at)` does every job that is due at the instant `at` (the
//! rules live with their capability); the scheduler calls it every minute with the current
//! time, and `statkonsul jobs run-once --at …` with any instant.
//!
//! Several instances each run a scheduler; a lease in `job_leases` lets one of them run the
//! timers at a time (a dead holder's lease runs out and another takes it). The effects are safe
//! without it too: every timer's update is conditional on what it read, so runners that race
//! (`run-once` from cron beside the servers) still warn, close and send once.

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use tokio::sync::watch;
use uuid::Uuid;

use crate::{error::AppResult, state::AppState};

/// The lease of the periodic timers.
pub const TIMERS: &str = "timers";

/// Takes or renews the lease `name` for `holder` until `now + ttl` (see [`crate::guard::leases`]).
pub async fn take_lease(
    state: &AppState,
    name: &str,
    holder: Uuid,
    now: DateTime<Utc>,
    ttl: TimeDelta,
) -> AppResult<bool> {
    crate::guard::leases::take(&state.db, name, holder, now, ttl).await
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct JobReport {
    pub warned: usize,
    pub closed: usize,
    /// Walk-in tickets left waiting when their unit's office closed.
    pub not_served: u64,
    /// Responded complaints closed after the unit's working days without a reply.
    pub complaints_closed: usize,
    /// Feedback-analysis reports sent on the units' schedules.
    pub reports_sent: usize,
}

pub async fn run_due(state: &AppState, at: DateTime<Utc>) -> AppResult<JobReport> {
    let closing = crate::consultations::auto_close::run(state, at).await?;
    let not_served = crate::walkin::day::close_due(state, at).await?;
    let complaints_closed = crate::complaints::service::auto_close(state, at).await?;
    crate::knowledge::search_stats::flush(state).await?;
    crate::guard::counters::purge(state, at).await?;
    crate::guard::sessions::purge(state, at).await?;
    crate::idempotency::purge(state, at).await?;
    crate::live::tickets::purge(state).await?;
    crate::bus::Bus::purge_stored(&state.db).await?;
    let reports_sent = crate::reports::feedback::send_scheduled(state, at).await?;
    Ok(JobReport {
        warned: closing.warned,
        closed: closing.closed,
        not_served,
        complaints_closed,
        reports_sent,
    })
}

/// Runs the due jobs every `interval` until `shutdown` turns true.
pub async fn schedule(
    state: actix_web::web::Data<AppState>,
    interval: Duration,
    mut shutdown: watch::Receiver<bool>,
) {
    tracing::info!("job scheduler started");
    let holder = Uuid::new_v4();
    // Held across a few intervals: a holder that died is replaced within that time.
    let ttl = TimeDelta::from_std(interval * 3)
        .unwrap_or(TimeDelta::minutes(3))
        .max(TimeDelta::seconds(30));
    loop {
        // The lease by the real clock (the rules' clock may be set in tests).
        match take_lease(&state, TIMERS, holder, Utc::now(), ttl).await {
            Ok(true) => {
                let started = std::time::Instant::now();
                let ran = run_due(&state, state.clock.now()).await;
                state
                    .metrics
                    .job_run(ran.is_err(), started.elapsed().as_secs_f64());
                match ran {
                    Ok(report) if report != JobReport::default() => {
                        tracing::info!(?report, "jobs ran")
                    }
                    Ok(_) => {}
                    Err(e) => tracing::error!(error = %e, "jobs failed"),
                }
            }
            Ok(false) => tracing::debug!("another instance runs the timers"),
            Err(e) => tracing::error!(error = %e, "cannot take the timers' lease"),
        }
        tokio::select! {
            _ = tokio::time::sleep(interval) => {}
            _ = shutdown.changed() => {}
        }
        if *shutdown.borrow() {
            break;
        }
    }
    tracing::info!("job scheduler stopped");
}
