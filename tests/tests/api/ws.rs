use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use statkonsul::auth::Role;
use statkonsul_tests::{TestApp, spawn_app};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream, connect_async, tungstenite::Message};

pub(crate) type Socket = WebSocketStream<MaybeTlsStream<tokio::net::TcpStream>>;

pub(crate) async fn connect(app: &TestApp, token: &str) -> Socket {
    let (socket, _) = connect_async(app.socket_url(token).await)
        .await
        .expect("WebSocket connects");
    socket
}

/// The next event matching `accept`, within a second.
pub(crate) async fn next_event(socket: &mut Socket, accept: impl Fn(&Value) -> bool) -> Value {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(1);
    loop {
        let frame = tokio::time::timeout_at(deadline, socket.next())
            .await
            .expect("an event arrives within a second")
            .expect("the socket stays open")
            .unwrap();
        if let Message::Text(text) = frame {
            let event: Value = serde_json::from_str(&text).unwrap();
            if accept(&event) {
                return event;
            }
        }
    }
}

pub(crate) async fn nothing_matching(socket: &mut Socket, accept: impl Fn(&Value) -> bool) {
    let deadline = tokio::time::Instant::now() + Duration::from_millis(400);
    while let Ok(Some(Ok(frame))) = tokio::time::timeout_at(deadline, socket.next()).await {
        if let Message::Text(text) = frame {
            let event: Value = serde_json::from_str(&text).unwrap();
            assert!(!accept(&event), "unexpected event {event}");
        }
    }
}

#[tokio::test]
async fn a_message_from_one_client_arrives_live_at_the_other() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    let c = app.open_consultation(&user, "3304").await;
    let id = c["id"].as_str().unwrap().to_owned();
    let mut user_socket = connect(&app, &user.access_token).await;
    let mut officer_socket = connect(&app, &officer.access_token).await;
    app.post(
        &format!("/api/v1/consultations/{id}/claim"),
        Some(officer.access_token.as_str()),
        json!({}),
    )
    .await
    .ok();
    let claimed = next_event(&mut user_socket, |e| {
        e["type"] == "consultation.updated" && e["data"]["status"] == "active"
    })
    .await;
    assert_eq!(claimed["consultation_id"], id.as_str());
    assert_eq!(
        claimed["data"]["assignee"]["full_name"], "Staf officer",
        "{claimed}"
    );

    let sent = app
        .post(
            &format!("/api/v1/consultations/{id}/messages"),
            Some(officer.access_token.as_str()),
            json!({"body": "Halo, ada yang bisa dibantu?"}),
        )
        .await;
    let event = next_event(&mut user_socket, |e| e["type"] == "message.created").await;
    assert_eq!(event["data"]["id"], sent.body["id"]);
    assert_eq!(event["data"]["body"], "Halo, ada yang bisa dibantu?");

    user_socket
        .send(Message::Text(
            json!({"type": "typing", "consultation_id": id})
                .to_string()
                .into(),
        ))
        .await
        .unwrap();
    let typing = next_event(&mut officer_socket, |e| e["type"] == "typing").await;
    assert_eq!(typing["data"]["role"], "public");
    user_socket
        .send(Message::Text(
            json!({"type": "read", "consultation_id": id, "message_id": sent.body["id"]})
                .to_string()
                .into(),
        ))
        .await
        .unwrap();
    next_event(&mut officer_socket, |e| {
        e["type"] == "read" && e["data"]["message_id"] == sent.body["id"]
    })
    .await;
    // Connected owners are not emailed about replies they see live.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        app.smtp
            .all()
            .await
            .iter()
            .all(|m| !m.body().contains("membalas konsultasi"))
    );
}

#[tokio::test]
async fn queue_positions_are_pushed_and_others_see_nothing() {
    let app = spawn_app().await;
    let first = app.public_user().await;
    let second = app.public_user().await;
    let stranger = app.public_user().await;
    let a = app.open_consultation(&first, "6571").await;
    let b = app.open_consultation(&second, "6571").await;
    assert_eq!(b["queue_position"], 2);
    let mut second_socket = connect(&app, &second.access_token).await;
    let mut stranger_socket = connect(&app, &stranger.access_token).await;
    let other_unit = app.staff(Role::Officer, Some("3375")).await;
    let mut other_unit_socket = connect(&app, &other_unit.access_token).await;
    let officer = app.staff(Role::Officer, Some("6571")).await;
    app.post(
        &format!("/api/v1/consultations/{}/claim", a["id"].as_str().unwrap()),
        Some(officer.access_token.as_str()),
        json!({}),
    )
    .await
    .ok();
    let moved = next_event(&mut second_socket, |e| e["consultation_id"] == b["id"]).await;
    assert_eq!(moved["data"]["queue_position"], 1);
    nothing_matching(&mut stranger_socket, |_| true).await;
    nothing_matching(&mut other_unit_socket, |_| true).await;
}

#[tokio::test]
async fn a_consultation_opened_after_connecting_follows_the_queue_too() {
    let app = spawn_app().await;
    let first = app.public_user().await;
    let second = app.public_user().await;
    let a = app.open_consultation(&first, "1808").await;
    let mut second_socket = connect(&app, &second.access_token).await;
    let b = app.open_consultation(&second, "1808").await;
    assert_eq!(b["queue_position"], 2);
    let officer = app.staff(Role::Officer, Some("1808")).await;
    app.post(
        &format!(
            "/api/v1/consultations/{}/withdraw",
            a["id"].as_str().unwrap()
        ),
        Some(first.access_token.as_str()),
        json!({}),
    )
    .await
    .ok();
    let moved = next_event(&mut second_socket, |e| {
        e["type"] == "queue.moved" && e["consultation_id"] == b["id"]
    })
    .await;
    assert_eq!(moved["data"]["queue_position"], 1);
    app.post(
        &format!("/api/v1/consultations/{}/claim", b["id"].as_str().unwrap()),
        Some(officer.access_token.as_str()),
        json!({}),
    )
    .await
    .ok();
    let taken = next_event(&mut second_socket, |e| {
        e["type"] == "consultation.updated" && e["consultation_id"] == b["id"]
    })
    .await;
    assert_eq!(taken["data"]["status"], "active");
    assert_eq!(taken["data"]["queue_position"], Value::Null);
}

#[tokio::test]
async fn a_socket_opens_once_with_its_ticket_and_never_with_a_token_in_the_url() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    // No ticket without a valid access token.
    app.post("/api/v1/ws/tickets", None, Value::Null)
        .await
        .problem(401, "authentication_required");
    app.post("/api/v1/ws/tickets", Some("forged"), Value::Null)
        .await
        .problem(401, "invalid_access_token");
    let url = app.socket_url(&user.access_token).await;
    let (_socket, _) = connect_async(&url)
        .await
        .expect("the ticket opens a socket");
    // A ticket opens one socket only.
    assert!(connect_async(&url).await.is_err());
    let path = url.split_once(&format!(":{}", app.port)).unwrap().1;
    app.get(path, None)
        .await
        .problem(401, "invalid_access_token");
    // The access token itself is no longer accepted in the URL.
    app.get(&format!("/api/v1/ws?token={}", user.access_token), None)
        .await
        .problem(400, "invalid_query");
    app.get("/api/v1/ws?ticket=forged", None)
        .await
        .problem(401, "invalid_access_token");
    app.get("/api/v1/ws", None)
        .await
        .problem(400, "invalid_query");
}

/// Two upgrades racing with one ticket: one socket opens.
#[tokio::test]
async fn a_ticket_shown_twice_at_once_opens_one_socket() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let url = app.socket_url(&user.access_token).await;
    let attempts = futures_util::future::join_all((0..6).map(|_| connect_async(url.clone()))).await;
    assert_eq!(attempts.iter().filter(|a| a.is_ok()).count(), 1);
}
