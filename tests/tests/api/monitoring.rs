//! Operations: `/metrics` for Prometheus, and the request id every answer carries.
use std::time::{Duration, Instant};

use serde_json::json;
use statkonsul_tests::{METRICS_TOKEN, Options, TestApp, spawn_app, spawn_app_with};

async fn scrape(app: &TestApp) -> String {
    let res = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth(METRICS_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"],
        "text/plain; version=0.0.4; charset=utf-8"
    );
    res.text().await.unwrap()
}

/// The value of the series named exactly `series` (name and labels), if it is there.
fn value(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
}

#[tokio::test]
async fn requests_are_counted_by_their_route_template_and_timed() {
    let app = spawn_app().await;
    for code in ["3375", "1207", "9999"] {
        app.get(&format!("/api/v1/units/{code}"), None).await;
    }
    let text = scrape(&app).await;
    let route = r#"method="GET",route="/api/v1/units/{code}""#;
    assert_eq!(
        value(
            &text,
            &format!(r#"statkonsul_http_requests_total{{{route},status="200"}}"#)
        ),
        Some(2.0),
        "{text}"
    );
    assert_eq!(
        value(
            &text,
            &format!(r#"statkonsul_http_requests_total{{{route},status="404"}}"#)
        ),
        Some(1.0),
        "{text}"
    );
    assert_eq!(
        value(
            &text,
            &format!(r#"statkonsul_http_request_duration_seconds_count{{{route}}}"#)
        ),
        Some(3.0),
        "{text}"
    );
    // Never the path itself: the series stay bounded whatever is requested.
    assert!(!text.contains("/api/v1/units/3375"), "{text}");
    app.get("/staff/anything/at/all", None).await;
    app.get("/api/v1/no/such/route", None).await;
    let text = scrape(&app).await;
    assert!(text.contains(r#"route="web_app",status="200""#), "{text}");
    assert!(text.contains(r#"route="unmatched",status="404""#), "{text}");
    assert!(!text.contains("/staff/anything"), "{text}");
}

#[tokio::test]
async fn the_queues_the_outbox_the_pools_and_the_jobs_are_reported() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    app.post(
        "/api/v1/consultations",
        Some(&user.access_token),
        json!({"unit_code": "3375", "category": "data", "subject": "Angka kemiskinan 2025",
               "question": "Berapa persentase penduduk miskin tahun 2025 menurut kecamatan?"}),
    )
    .await
    .ok();
    let text = scrape(&app).await;
    assert_eq!(
        value(&text, r#"statkonsul_consultations_waiting{unit="3375"}"#),
        Some(1.0),
        "{text}"
    );
    assert_eq!(
        value(&text, r#"statkonsul_consultations_waiting{unit="1207"}"#),
        Some(0.0),
        "{text}"
    );
    assert!(
        value(&text, r#"statkonsul_walkin_tickets_waiting{unit="3375"}"#).is_some(),
        "{text}"
    );
    assert!(
        value(&text, "statkonsul_outbox_emails_pending").is_some(),
        "{text}"
    );
    assert!(
        value(&text, "statkonsul_outbox_oldest_pending_age_seconds").is_some(),
        "{text}"
    );
    assert_eq!(
        value(
            &text,
            r#"statkonsul_db_pool_connections{pool="sqlite_readers",state="max"}"#
        )
        .or_else(|| value(
            &text,
            r#"statkonsul_db_pool_connections{pool="postgres",state="max"}"#
        )),
        Some(4.0),
        "{text}"
    );
    assert_eq!(
        value(&text, "statkonsul_websocket_connections"),
        Some(0.0),
        "{text}"
    );
    // The scheduler runs the due jobs once as it starts.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = scrape(&app).await;
        if value(&text, "statkonsul_job_runs_total").is_some_and(|n| n >= 1.0) {
            assert_eq!(value(&text, "statkonsul_job_failures_total"), Some(0.0));
            break;
        }
        assert!(Instant::now() < deadline, "no job run counted: {text}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_scrape_without_the_metrics_token_is_refused() {
    let app = spawn_app().await;
    app.get("/metrics", None)
        .await
        .problem(401, "authentication_required");
    app.get("/metrics", Some("not-the-metrics-token"))
        .await
        .problem(401, "invalid_access_token");
    // An account's access token is not the scrape's.
    let user = app.public_user().await;
    app.get("/metrics", Some(&user.access_token))
        .await
        .problem(401, "invalid_access_token");
}

#[tokio::test]
async fn metrics_are_off_when_no_token_is_configured() {
    let app = spawn_app_with(Options {
        metrics_token: None,
        ..Options::default()
    })
    .await;
    app.get("/metrics", Some(METRICS_TOKEN))
        .await
        .problem(404, "not_found");
}

#[tokio::test]
async fn every_answer_names_its_request_with_a_new_id_or_the_one_sent() {
    let app = spawn_app().await;
    let id = |reply: &statkonsul_tests::Reply| {
        reply.headers["x-request-id"].to_str().unwrap().to_owned()
    };
    let first = app.get("/healthz", None).await;
    let second = app.get("/healthz", None).await;
    assert!(uuid::Uuid::parse_str(&id(&first)).is_ok(), "{}", id(&first));
    assert_ne!(id(&first), id(&second));
    // Errors too, and the web app.
    let missing = app.get("/api/v1/units/9999", None).await;
    missing.problem(404, "not_found");
    assert!(uuid::Uuid::parse_str(&id(&missing)).is_ok());
    let unauthenticated = app.get("/api/v1/me", None).await;
    assert!(uuid::Uuid::parse_str(&id(&unauthenticated)).is_ok());
    let page = app.get("/consultations", None).await;
    assert!(uuid::Uuid::parse_str(&id(&page)).is_ok());

    let sent = |value: &str| {
        let client = app.client.clone();
        let url = app.url("/api/v1/units/9999");
        let value = value.to_owned();
        async move {
            let res = client
                .get(url)
                .header("x-request-id", value)
                .send()
                .await
                .unwrap();
            res.headers()["x-request-id"].to_str().unwrap().to_owned()
        }
    };
    // A proxy's id is kept, so that its log and ours name the same request.
    assert_eq!(sent("edge-7f3a9c.2026:12").await, "edge-7f3a9c.2026:12");
    // One too long or with other characters is replaced.
    for bad in ["a".repeat(129), "two words".into(), "x\"y".into()] {
        let answered = sent(&bad).await;
        assert!(
            uuid::Uuid::parse_str(&answered).is_ok(),
            "{bad} gave {answered}"
        );
    }
}

#[tokio::test]
async fn json_logs_name_each_request_by_its_id() {
    let dir = statkonsul_tests::tempdir::TempDir::new();
    let server = statkonsul_tests::ServedBinary::start(
        dir.path(),
        &[("LOG_FORMAT", "json"), ("RUST_LOG", "info")],
    )
    .await;
    let res = reqwest::Client::new()
        .get(format!("{}/api/v1/units?token=secret-value", server.base))
        .header("x-request-id", "edge-1234")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["x-request-id"], "edge-1234");
    // The request's line is written as its span closes, just after the answer.
    let deadline = Instant::now() + Duration::from_secs(10);
    let line = loop {
        let log = server.log();
        let found = log
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .find(|l| l["span"]["request_id"] == "edge-1234");
        if let Some(line) = found {
            break line;
        }
        assert!(
            Instant::now() < deadline,
            "no line of the request in\n{log}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(line["span"]["http.route"], "/api/v1/units");
    assert_eq!(line["span"]["http.status_code"], 200);
    assert_eq!(
        line["span"]["http.target"],
        "/api/v1/units?token=[redacted]"
    );
    assert!(line["timestamp"].is_string() && line["level"] == "INFO");
    // Every line is JSON.
    for l in server.log().lines() {
        assert!(serde_json::from_str::<serde_json::Value>(l).is_ok(), "{l}");
    }
}

#[tokio::test]
async fn open_websockets_are_counted_with_their_users_and_the_boards_apart() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let (first, _) = tokio_tungstenite::connect_async(app.socket_url(&user.access_token).await)
        .await
        .unwrap();
    let (second, _) = tokio_tungstenite::connect_async(app.socket_url(&user.access_token).await)
        .await
        .unwrap();
    // Counted once the server has taken each socket in.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = scrape(&app).await;
        if value(&text, "statkonsul_websocket_connections") == Some(2.0) {
            assert_eq!(value(&text, "statkonsul_websocket_users"), Some(1.0));
            break;
        }
        assert!(Instant::now() < deadline, "{text}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // A display board's feed, without an account, apart.
    let (board, _) = tokio_tungstenite::connect_async(format!(
        "ws://127.0.0.1:{}/api/v1/units/3375/walkin/board/live",
        app.port
    ))
    .await
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while value(&scrape(&app).await, "statkonsul_walkin_live_feeds") != Some(1.0) {
        assert!(Instant::now() < deadline, "the board's feed is not counted");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    drop((first, second, board));
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = scrape(&app).await;
        if value(&text, "statkonsul_websocket_connections") == Some(0.0)
            && value(&text, "statkonsul_walkin_live_feeds") == Some(0.0)
        {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "closed sockets still counted: {text}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn mail_that_cannot_go_out_shows_as_a_backlog_that_ages() {
    let app = spawn_app_with(Options {
        smtp_reachable: false,
        ..Options::default()
    })
    .await;
    app.register("tertunda@example.id", "Kopi-Tubruk-2026")
        .await
        .ok();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let text = scrape(&app).await;
    assert_eq!(
        value(&text, "statkonsul_outbox_emails_pending"),
        Some(1.0),
        "{text}"
    );
    let age = value(&text, "statkonsul_outbox_oldest_pending_age_seconds").unwrap();
    assert!((1.0..60.0).contains(&age), "{text}");
    assert_eq!(value(&text, "statkonsul_outbox_emails_failed"), Some(0.0));
}
