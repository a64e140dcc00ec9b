//! `/metrics` for Prometheus, beside the health checks: served only when `METRICS_TOKEN` is set,
//! to a scrape that sends it as its bearer token (the figures name units and their queues, and
//! counting them costs queries). Also the middleware that counts and times every request.
use std::time::Instant;

use actix_web::{
    Error, HttpMessage, HttpRequest, HttpResponse,
    body::MessageBody,
    dev::{ServiceRequest, ServiceResponse},
    get,
    middleware::Next,
};
use sea_orm::{ConnectionTrait, DbErr, Statement};
use sha2::{Digest, Sha256};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::{
    db::{Cursor, Db},
    error::{AppError, AppResult, ErrorCode},
    metrics::{CONTENT_TYPE, Snapshot},
    request_span::MatchedRoute,
    state::{AppState, SharedState},
};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(metrics);
}

const EXAMPLE: &str = "# HELP statkonsul_http_requests_total HTTP requests answered, by route template, method and status.
# TYPE statkonsul_http_requests_total counter
statkonsul_http_requests_total{method=\"GET\",route=\"/api/v1/units/{code}\",status=\"200\"} 12
# HELP statkonsul_consultations_waiting Online consultations waiting in each unit's queue.
# TYPE statkonsul_consultations_waiting gauge
statkonsul_consultations_waiting{unit=\"3375\"} 4
# HELP statkonsul_outbox_emails_pending Emails in the outbox not sent yet and still being tried.
# TYPE statkonsul_outbox_emails_pending gauge
statkonsul_outbox_emails_pending 0
";

/// Metrics in Prometheus's text format: requests by route template, method and status with
/// latency histograms; the database pools; open WebSockets; the waiting consultations and walk-in
/// tickets per unit; the outbox's backlog and the age of its oldest email; runs and failures of
/// the timers. Off (404) unless the server has a `METRICS_TOKEN`, which the scrape sends as its
/// bearer token.
#[utoipa::path(
    tag = "health",
    security(("metrics_token" = [])),
    responses(
        (status = 200, description = "The metrics.", content_type = "text/plain; version=0.0.4; charset=utf-8", body = String, example = json!(EXAMPLE)),
        (status = 401, description = "No token (`authentication_required`), or not the server's `METRICS_TOKEN` (`invalid_access_token`).", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "The server has no `METRICS_TOKEN`: metrics are off.", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/metrics")]
async fn metrics(req: HttpRequest, state: SharedState) -> AppResult<HttpResponse> {
    let Some(expected) = &state.settings.metrics_token else {
        return Err(AppError::not_found()
            .with_detail("Metrics are off: set METRICS_TOKEN to serve them to a scrape."));
    };
    let sent = crate::caller::bearer(&req)
        .ok_or_else(|| AppError::new(ErrorCode::AuthenticationRequired))?;
    // Compared as digests: the time taken tells nothing about the token.
    if Sha256::digest(sent.as_bytes()) != Sha256::digest(expected.expose().as_bytes()) {
        return Err(AppError::new(ErrorCode::InvalidAccessToken));
    }
    let snapshot = snapshot(&state).await?;
    Ok(HttpResponse::Ok()
        .content_type(CONTENT_TYPE)
        .insert_header(("cache-control", "no-store"))
        .body(state.metrics.render(&snapshot)))
}

/// The figures read at a scrape: three grouped counts over covering indexes, and the pools.
async fn snapshot(state: &AppState) -> Result<Snapshot, DbErr> {
    let (websockets, websocket_users) = state.bus.socket_counts();
    let consultations_waiting = per_unit(
        &state.db,
        "SELECT u.code, COUNT(c.id) FROM units u LEFT JOIN consultations c \
         ON c.unit_code = u.code AND c.status = 'waiting' GROUP BY u.code ORDER BY u.code",
    )
    .await?;
    let walkin_waiting = per_unit(
        &state.db,
        "SELECT u.code, COUNT(t.id) FROM units u LEFT JOIN walkin_tickets t \
         ON t.unit_code = u.code AND t.status = 'waiting' GROUP BY u.code ORDER BY u.code",
    )
    .await?;
    let backlog = crate::notify::worker::backlog(&state.db).await?;
    let oldest = backlog.oldest.map_or(0.0, |at| {
        (chrono::Utc::now() - at).num_milliseconds().max(0) as f64 / 1000.0
    });
    Ok(Snapshot {
        pools: state.db.pool_use(),
        websockets,
        websocket_users,
        consultations_waiting,
        walkin_waiting,
        outbox_pending: backlog.pending,
        outbox_failed: backlog.failed,
        outbox_oldest_seconds: oldest,
    })
}

async fn per_unit(db: &Db, sql: &str) -> Result<Vec<(String, i64)>, DbErr> {
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?;
    rows.iter()
        .map(|row| {
            let mut cursor = Cursor::new(row);
            Ok((cursor.read()?, cursor.read()?))
        })
        .collect()
}

/// A method as a label: the standard ones, and `other` for whatever a client makes up.
fn method_label(method: &actix_web::http::Method) -> &'static str {
    use actix_web::http::Method as M;
    match *method {
        M::GET => "GET",
        M::HEAD => "HEAD",
        M::POST => "POST",
        M::PUT => "PUT",
        M::PATCH => "PATCH",
        M::DELETE => "DELETE",
        M::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// Counts and times every request by the route template it matched, never by its path, so that
/// the series stay bounded: unmatched requests are the web app's (`web_app`) or, under the API's
/// paths, `unmatched`.
pub async fn record(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = Instant::now();
    let state = req.app_data::<SharedState>().cloned();
    let method = method_label(req.method());
    // Matched once, for the request's span (outside this middleware).
    let matched = req
        .extensions()
        .get::<MatchedRoute>()
        .map(|m| m.0.clone())
        .unwrap_or_else(|| req.match_pattern());
    let route = matched.unwrap_or_else(|| {
        if crate::security_headers::is_api(req.path()) {
            "unmatched".into()
        } else {
            "web_app".into()
        }
    });
    let res = next.call(req).await;
    if let Some(state) = state {
        let status = match &res {
            Ok(res) => res.status(),
            Err(e) => e.as_response_error().status_code(),
        };
        state.metrics.request(
            &route,
            method,
            status.as_u16(),
            started.elapsed().as_secs_f64(),
        );
    }
    res
}
