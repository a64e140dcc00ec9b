//! Ending sessions at once, limits that nobody can turn against another person, and the client
//! address behind a trusted reverse proxy.
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use futures_util::StreamExt;
use reqwest::Method;
use serde_json::{Value, json};
use statkonsul_tests::{Options, Reply, TestApp, TestUser, spawn_app, spawn_app_with};
use tokio_tungstenite::{connect_async, tungstenite::Message};

/// A fixed instant at the start of a day window: limits count in time windows, and a test must
/// not straddle one of their edges.
fn at_a_window_start(app: &TestApp) {
    let start = DateTime::parse_from_rfc3339("2026-12-03T00:00:05Z")
        .unwrap()
        .with_timezone(&Utc);
    app.state().clock.set(start);
}

async fn post_from(
    app: &TestApp,
    forwarded_for: &str,
    path: &str,
    body: serde_json::Value,
) -> Reply {
    let res = app
        .client
        .request(Method::POST, app.url(path))
        .header("X-Forwarded-For", forwarded_for)
        .json(&body)
        .send()
        .await
        .unwrap();
    TestApp::read(res).await
}

async fn login_from(app: &TestApp, forwarded_for: &str, email: &str, password: &str) -> Reply {
    post_from(
        app,
        forwarded_for,
        "/api/v1/auth/login",
        json!({"email": email, "password": password}),
    )
    .await
}

/// Someone failing on purpose from their own address cannot lock the owner out: limits are per
/// account and address, and the address is the client's as the trusted proxy forwarded it.
#[tokio::test]
async fn failures_from_elsewhere_never_lock_the_owner_out() {
    let app = spawn_app_with(Options {
        trusted_proxies: "127.0.0.1/32",
        ..Options::default()
    })
    .await;
    at_a_window_start(&app);
    let owner = app.public_user().await;
    for _ in 0..12 {
        login_from(&app, "198.51.100.66", &owner.email, "Wrong-Password-1").await;
    }
    let blocked = login_from(&app, "198.51.100.66", &owner.email, &owner.password).await;
    blocked.problem(429, "too_many_attempts");
    login_from(&app, "203.0.113.10", &owner.email, &owner.password)
        .await
        .ok();
    // A new account from another client behind the same proxy is not limited by it either.
    let other = app.public_user().await;
    login_from(&app, "203.0.113.11", &other.email, &other.password)
        .await
        .ok();
}

/// The waits grow: a burst waits out the minute, the next bursts the quarter hour, and a
/// persistent guesser the hour.
#[tokio::test]
async fn repeated_failures_wait_longer_and_longer() {
    let app = spawn_app().await;
    at_a_window_start(&app);
    let user = app.public_user().await;
    let mut waits = Vec::new();
    let mut failures = 0;
    while waits.last().is_none_or(|w| *w <= 900) && waits.len() < 20 {
        let reply = app.login(&user.email, "Wrong-Password-1").await;
        if reply.status == 429 {
            let wait: i64 = reply.headers["retry-after"]
                .to_str()
                .unwrap()
                .parse()
                .unwrap();
            waits.push(wait);
            app.state().clock.advance(TimeDelta::seconds(wait));
        } else {
            reply.problem(401, "invalid_credentials");
            failures += 1;
        }
    }
    assert!(waits[0] <= 60, "{waits:?}");
    assert!(waits.iter().any(|w| (61..=900).contains(w)), "{waits:?}");
    assert!(*waits.last().unwrap() > 900, "{waits:?}");
    // Fewer than 20 tries got through in the hour, however the guesser paced them.
    assert!(failures <= 20, "{failures} failures");
    // Once the wait is over, the right password works and clears the account's failures.
    app.state()
        .clock
        .advance(TimeDelta::seconds(*waits.last().unwrap()));
    app.login(&user.email, &user.password).await.ok();
    app.login(&user.email, "Wrong-Password-1")
        .await
        .problem(401, "invalid_credentials");
}

/// Without TRUSTED_PROXIES, a client's own X-Forwarded-For is ignored: it cannot pose as many.
#[tokio::test]
async fn forwarded_for_from_an_untrusted_peer_is_ignored() {
    let app = spawn_app().await;
    at_a_window_start(&app);
    for i in 0..30 {
        let who = format!("192.0.2.{i}");
        login_from(
            &app,
            &who,
            &format!("guess{i}@example.id"),
            "Wrong-Password-1",
        )
        .await;
    }
    login_from(&app, "192.0.2.200", "next@example.id", "Wrong-Password-1")
        .await
        .problem(429, "too_many_attempts");
}

async fn request_reset(app: &TestApp, email: &str) -> Reply {
    app.post(
        "/api/v1/auth/password-reset/request",
        None,
        json!({"email": email}),
    )
    .await
}

/// 25 reset requests for one inbox send 3 emails; the rest are refused with Retry-After, and
/// another address is not affected.
#[tokio::test]
async fn reset_and_verification_requests_are_limited_per_inbox() {
    let app = spawn_app_with(Options {
        trusted_proxies: "127.0.0.1/32",
        ..Options::default()
    })
    .await;
    at_a_window_start(&app);
    let user = app.public_user().await;
    let replies = futures_util::future::join_all((0..25).map(|_| {
        post_from(
            &app,
            "198.51.100.1",
            "/api/v1/auth/password-reset/request",
            json!({"email": user.email}),
        )
    }))
    .await;
    let accepted = replies.iter().filter(|r| r.status == 202).count();
    let refused: Vec<&Reply> = replies.iter().filter(|r| r.status == 429).collect();
    assert_eq!((accepted, refused.len()), (3, 22));
    refused[0].problem(429, "too_many_attempts");
    assert!(refused[0].headers.contains_key("retry-after"));
    // Another person behind the same proxy is not affected.
    let other = app.public_user().await;
    let theirs = post_from(
        &app,
        "198.51.100.2",
        "/api/v1/auth/password-reset/request",
        json!({"email": other.email}),
    )
    .await;
    assert_eq!(theirs.status, 202, "{}", theirs.text);
    app.smtp
        .wait_for(|m| m.to == [other.email.clone()] && m.body().contains("/reset-password"))
        .await;
    let resets = app
        .smtp
        .all()
        .await
        .into_iter()
        .filter(|m| m.to == [user.email.clone()] && m.body().contains("/reset-password"))
        .count();
    assert_eq!(resets, 3);
    for _ in 0..3 {
        app.post(
            "/api/v1/auth/resend-verification",
            None,
            json!({"email": "belum@example.id"}),
        )
        .await;
    }
    app.post(
        "/api/v1/auth/resend-verification",
        None,
        json!({"email": "belum@example.id"}),
    )
    .await
    .problem(429, "too_many_attempts");
    // Registrations for one address too.
    for i in 0..3 {
        let r = app
            .register("ulang@example.id", &format!("Kopi-Tubruk-2026-{i}"))
            .await;
        assert_eq!(r.status, 202, "{}", r.text);
    }
    app.register("ulang@example.id", "Kopi-Tubruk-2026-9")
        .await
        .problem(429, "too_many_attempts");
    // The window passes and the inbox may ask again.
    app.state().clock.advance(TimeDelta::hours(1));
    let again = post_from(
        &app,
        "198.51.100.1",
        "/api/v1/auth/password-reset/request",
        json!({"email": user.email}),
    )
    .await;
    assert_eq!(again.status, 202, "{}", again.text);
}

async fn second_session(app: &TestApp, user: &TestUser) -> String {
    app.login(&user.email, &user.password).await.ok()["access_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn logout_ends_the_sessions_access_tokens_at_once() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let other = second_session(&app, &user).await;
    app.get("/api/v1/me", Some(&user.access_token)).await.ok();
    assert_eq!(app.logout(&user.refresh_token).await.status, 204);
    app.get("/api/v1/me", Some(&user.access_token))
        .await
        .problem(401, "invalid_access_token");
    // Routes open to everyone refuse it too, rather than treating the caller as anonymous.
    app.get("/api/v1/consultations", Some(&user.access_token))
        .await
        .problem(401, "invalid_access_token");
    // The other session goes on.
    app.get("/api/v1/me", Some(&other)).await.ok();
}

#[tokio::test]
async fn a_password_change_ends_the_other_sessions_at_once() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let other = second_session(&app, &user).await;
    let changed = app
        .post(
            "/api/v1/me/password",
            Some(&user.access_token),
            json!({"current_password": user.password, "new_password": "Hujan-Sore-Baru-2026"}),
        )
        .await;
    assert_eq!(changed.status, 204, "{}", changed.text);
    app.get("/api/v1/me", Some(&other))
        .await
        .problem(401, "invalid_access_token");
    app.get("/api/v1/me", Some(&user.access_token)).await.ok();
}

/// A reset ends every session: access tokens are refused and open WebSockets close.
#[tokio::test]
async fn a_password_reset_ends_every_session_and_closes_its_sockets() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let (mut socket, _) = connect_async(app.socket_url(&user.access_token).await)
        .await
        .expect("WebSocket connects");
    assert_eq!(request_reset(&app, &user.email).await.status, 202);
    let token = app.mailed_token(&user.email, "/reset-password").await;
    let done = app
        .post(
            "/api/v1/auth/password-reset/confirm",
            None,
            json!({"token": token, "new_password": "Angin-Malam-Baru-2026"}),
        )
        .await;
    assert_eq!(done.status, 204, "{}", done.text);
    app.get("/api/v1/me", Some(&user.access_token))
        .await
        .problem(401, "invalid_access_token");
    let closed = tokio::time::timeout(Duration::from_secs(20), async {
        loop {
            match socket.next().await {
                Some(Ok(Message::Close(frame))) => return frame.map(|f| f.reason.to_string()),
                Some(Ok(_)) => continue,
                _ => return None,
            }
        }
    })
    .await
    .expect("the socket closes");
    assert_eq!(closed.as_deref(), Some("session ended"));
    // No new socket for the old token.
    app.post("/api/v1/ws/tickets", Some(&user.access_token), Value::Null)
        .await
        .problem(401, "invalid_access_token");
}
