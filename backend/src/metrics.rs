//! What `/metrics` tells Prometheus: requests by route template, method and status with their
//! latency, job runs and failures (counted as they happen), and, read at each scrape, the
//! database pools, open WebSockets, the queues and the outbox. Every server has its own
//! registry, so that the figures of two servers in one process (the tests) never mix.
use prometheus::{
    Encoder, Gauge, Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge,
    IntGaugeVec, Opts, Registry, TextEncoder,
};

use crate::db::PoolUse;

/// Prometheus's text exposition format.
pub const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// Request latencies, in seconds: from a cached read to a slow report.
const LATENCY_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    job_runs: IntCounter,
    job_failures: IntCounter,
    job_seconds: Histogram,
    pool_connections: IntGaugeVec,
    websockets: IntGauge,
    websocket_users: IntGauge,
    walkin_feeds: IntGauge,
    consultations_waiting: IntGaugeVec,
    walkin_waiting: IntGaugeVec,
    outbox_pending: IntGauge,
    outbox_failed: IntGauge,
    outbox_oldest: Gauge,
}

/// An open walk-in feed, counted while it lives.
pub struct OpenFeed(IntGauge);

impl Drop for OpenFeed {
    fn drop(&mut self) {
        self.0.dec();
    }
}

/// The figures read at a scrape.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub pools: Vec<PoolUse>,
    pub websockets: usize,
    pub websocket_users: usize,
    /// Per unit code.
    pub consultations_waiting: Vec<(String, i64)>,
    pub walkin_waiting: Vec<(String, i64)>,
    pub outbox_pending: i64,
    pub outbox_failed: i64,
    /// How long the oldest unsent email has waited, in seconds (0 with none).
    pub outbox_oldest_seconds: f64,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    /// Runs at start-up. The names and labels are constants, which the unit test below proves
    /// valid, so registering cannot fail.
    #[allow(clippy::expect_used)]
    pub fn new() -> Self {
        Self::build().expect("the metrics' names are valid")
    }

    fn build() -> prometheus::Result<Self> {
        let registry = Registry::new_custom(Some("statkonsul".into()), None)?;
        let requests = IntCounterVec::new(
            Opts::new(
                "http_requests_total",
                "HTTP requests answered, by route template, method and status.",
            ),
            &["route", "method", "status"],
        )?;
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "http_request_duration_seconds",
                "Time to answer an HTTP request, by route template and method.",
            )
            .buckets(LATENCY_BUCKETS.to_vec()),
            &["route", "method"],
        )?;
        let job_runs = IntCounter::new(
            "job_runs_total",
            "Runs of the due timers (auto-close, day close, purges, scheduled reports).",
        )?;
        let job_failures =
            IntCounter::new("job_failures_total", "Runs of the timers that failed.")?;
        let job_seconds = Histogram::with_opts(
            HistogramOpts::new(
                "job_run_duration_seconds",
                "Time one run of the timers took.",
            )
            .buckets(LATENCY_BUCKETS.to_vec()),
        )?;
        let pool_connections = IntGaugeVec::new(
            Opts::new(
                "db_pool_connections",
                "Database connections per pool: open (busy or idle), idle, and the most it opens.",
            ),
            &["pool", "state"],
        )?;
        let websockets = IntGauge::new(
            "websocket_connections",
            "Open WebSocket connections of signed-in users (/api/v1/ws).",
        )?;
        let websocket_users = IntGauge::new(
            "websocket_users",
            "Signed-in users with at least one open WebSocket.",
        )?;
        let walkin_feeds = IntGauge::new(
            "walkin_live_feeds",
            "Open WebSockets of display boards and visitors' ticket pages (no account).",
        )?;
        let consultations_waiting = IntGaugeVec::new(
            Opts::new(
                "consultations_waiting",
                "Online consultations waiting in each unit's queue.",
            ),
            &["unit"],
        )?;
        let walkin_waiting = IntGaugeVec::new(
            Opts::new(
                "walkin_tickets_waiting",
                "Walk-in queue tickets waiting to be called, per unit.",
            ),
            &["unit"],
        )?;
        let outbox_pending = IntGauge::new(
            "outbox_emails_pending",
            "Emails in the outbox not sent yet and still being tried.",
        )?;
        let outbox_failed = IntGauge::new(
            "outbox_emails_failed",
            "Emails in the outbox given up after every attempt failed.",
        )?;
        let outbox_oldest = Gauge::new(
            "outbox_oldest_pending_age_seconds",
            "How long the oldest email still being tried has waited (0 with none).",
        )?;
        let build_info = IntGaugeVec::new(
            Opts::new("build_info", "The running server's version."),
            &["version"],
        )?;
        build_info
            .with_label_values(&[env!("CARGO_PKG_VERSION")])
            .set(1);
        let collectors: [Box<dyn prometheus::core::Collector>; 15] = [
            Box::new(requests.clone()),
            Box::new(latency.clone()),
            Box::new(job_runs.clone()),
            Box::new(job_failures.clone()),
            Box::new(job_seconds.clone()),
            Box::new(pool_connections.clone()),
            Box::new(websockets.clone()),
            Box::new(websocket_users.clone()),
            Box::new(walkin_feeds.clone()),
            Box::new(consultations_waiting.clone()),
            Box::new(walkin_waiting.clone()),
            Box::new(outbox_pending.clone()),
            Box::new(outbox_failed.clone()),
            Box::new(outbox_oldest.clone()),
            Box::new(build_info),
        ];
        for collector in collectors {
            registry.register(collector)?;
        }
        Ok(Self {
            registry,
            requests,
            latency,
            job_runs,
            job_failures,
            job_seconds,
            pool_connections,
            websockets,
            websocket_users,
            walkin_feeds,
            consultations_waiting,
            walkin_waiting,
            outbox_pending,
            outbox_failed,
            outbox_oldest,
        })
    }

    /// One answered request. `route` is the template the request matched, never its path, so
    /// that the number of series stays bounded whatever is requested.
    pub fn request(&self, route: &str, method: &str, status: u16, seconds: f64) {
        let status = status.to_string();
        self.requests
            .with_label_values(&[route, method, &status])
            .inc();
        self.latency
            .with_label_values(&[route, method])
            .observe(seconds);
    }

    /// Counts an open walk-in feed (a board's or a ticket's WebSocket) until the guard drops.
    pub fn walkin_feed(&self) -> OpenFeed {
        self.walkin_feeds.inc();
        OpenFeed(self.walkin_feeds.clone())
    }

    /// How many times the scheduler has run the due jobs since start.
    pub fn job_runs(&self) -> u64 {
        self.job_runs.get()
    }

    /// One run of the timers, and whether it failed.
    pub fn job_run(&self, failed: bool, seconds: f64) {
        self.job_runs.inc();
        if failed {
            self.job_failures.inc();
        }
        self.job_seconds.observe(seconds);
    }

    /// Everything, in the text format, with the scrape's figures.
    pub fn render(&self, snapshot: &Snapshot) -> String {
        self.pool_connections.reset();
        for pool in &snapshot.pools {
            for (state, n) in [("open", pool.open), ("idle", pool.idle), ("max", pool.max)] {
                self.pool_connections
                    .with_label_values(&[pool.name, state])
                    .set(i64::try_from(n).unwrap_or(i64::MAX));
            }
        }
        self.websockets
            .set(i64::try_from(snapshot.websockets).unwrap_or(i64::MAX));
        self.websocket_users
            .set(i64::try_from(snapshot.websocket_users).unwrap_or(i64::MAX));
        for (gauge, counts) in [
            (&self.consultations_waiting, &snapshot.consultations_waiting),
            (&self.walkin_waiting, &snapshot.walkin_waiting),
        ] {
            // A unit gone from the figures is gone from the series.
            gauge.reset();
            for (unit, n) in counts {
                gauge.with_label_values(&[unit.as_str()]).set(*n);
            }
        }
        self.outbox_pending.set(snapshot.outbox_pending);
        self.outbox_failed.set(snapshot.outbox_failed);
        self.outbox_oldest.set(snapshot.outbox_oldest_seconds);
        let mut out = Vec::new();
        if let Err(e) = TextEncoder::new().encode(&self.registry.gather(), &mut out) {
            tracing::error!(error = %e, "cannot encode the metrics");
        }
        String::from_utf8(out).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn every_metric_registers_and_renders() {
        let metrics = Metrics::build().unwrap();
        metrics.request("/api/v1/units/{code}", "GET", 200, 0.003);
        metrics.job_run(true, 0.2);
        let text = metrics.render(&Snapshot {
            pools: vec![PoolUse {
                name: "postgres",
                open: 3,
                idle: 2,
                max: 16,
            }],
            websockets: 3,
            websocket_users: 2,
            consultations_waiting: vec![("3375".into(), 4)],
            walkin_waiting: vec![("3375".into(), 0)],
            outbox_pending: 5,
            outbox_failed: 1,
            outbox_oldest_seconds: 42.5,
        });
        for line in [
            r#"statkonsul_http_requests_total{method="GET",route="/api/v1/units/{code}",status="200"} 1"#,
            r#"statkonsul_http_request_duration_seconds_bucket{method="GET",route="/api/v1/units/{code}",le="0.005"} 1"#,
            "statkonsul_job_runs_total 1",
            "statkonsul_job_failures_total 1",
            r#"statkonsul_db_pool_connections{pool="postgres",state="idle"} 2"#,
            "statkonsul_websocket_connections 3",
            r#"statkonsul_consultations_waiting{unit="3375"} 4"#,
            "statkonsul_outbox_emails_pending 5",
            "statkonsul_outbox_oldest_pending_age_seconds 42.5",
            r#"statkonsul_build_info{version=""#,
        ] {
            assert!(text.contains(line), "{line} missing from\n{text}");
        }
    }
}
