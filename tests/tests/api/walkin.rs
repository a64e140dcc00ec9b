//! The walk-in service: tickets, desks, the board, the guest book and the 10-minute standard,
//! with the server's clock fixed so that office hours and days never depend on when tests run.
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use futures_util::StreamExt;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};
use statkonsul::auth::Role;
use statkonsul_tests::{TestApp, TestUser, spawn_app};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream, connect_async, tungstenite::Message};

type Socket = WebSocketStream<MaybeTlsStream<tokio::net::TcpStream>>;

const UNIT: &str = "3375";

/// Wednesday 2 December 2026, 09:00 in Pekalongan (WIB, UTC+7): a working day, office open.
fn morning() -> DateTime<Utc> {
    "2026-12-02T02:00:00Z".parse().unwrap()
}

struct Desk {
    app: TestApp,
    front: TestUser,
    officer: TestUser,
    supervisor: TestUser,
}

async fn walkin_app() -> Desk {
    let app = spawn_app().await;
    app.state().clock.set(morning());
    let front = app.staff(Role::FrontOffice, Some(UNIT)).await;
    let officer = app.staff(Role::Officer, Some(UNIT)).await;
    let supervisor = app.staff(Role::Supervisor, Some(UNIT)).await;
    Desk {
        app,
        front,
        officer,
        supervisor,
    }
}

impl Desk {
    async fn take(&self, service: &str, priority: Option<&str>) -> Value {
        let mut body = json!({"service": service});
        if let Some(p) = priority {
            body["priority"] = json!(p);
        }
        let reply = self
            .app
            .post(
                &format!("/api/v1/units/{UNIT}/walkin/tickets"),
                Some(&self.front.access_token),
                body,
            )
            .await;
        assert_eq!(reply.status, 201, "{}", reply.text);
        reply.body
    }

    async fn call(&self, desk: &str) -> statkonsul_tests::Reply {
        self.app
            .post(
                &format!("/api/v1/units/{UNIT}/walkin/call-next"),
                Some(&self.officer.access_token),
                json!({"desk": desk}),
            )
            .await
    }

    async fn act(&self, ticket: &Value, action: &str) -> statkonsul_tests::Reply {
        self.officer_posts(ticket, action, json!({})).await
    }

    /// The officer posts `body` to the ticket's `action`.
    async fn officer_posts(
        &self,
        ticket: &Value,
        action: &str,
        body: Value,
    ) -> statkonsul_tests::Reply {
        self.app
            .post(
                &format!(
                    "/api/v1/walkin/tickets/{}/{action}",
                    ticket["id"].as_str().unwrap()
                ),
                Some(&self.officer.access_token),
                body,
            )
            .await
    }

    /// Calls the next ticket to `desk` and finishes it; returns its number.
    async fn serve_next(&self, desk: &str) -> String {
        let called = self.call(desk).await;
        let ticket = called.ok().clone();
        self.act(&ticket, "finish").await.ok();
        ticket["number"].as_str().unwrap().to_owned()
    }

    fn later(&self, minutes: i64) {
        self.app.state().clock.advance(TimeDelta::minutes(minutes));
    }
}

fn key_of(ticket: &Value) -> String {
    let url = ticket["track_url"].as_str().unwrap();
    url.split("key=").nth(1).unwrap().to_owned()
}

async fn socket(app: &TestApp, path: &str) -> Socket {
    let (socket, _) = connect_async(format!("ws://127.0.0.1:{}{path}", app.port))
        .await
        .expect("WebSocket connects");
    socket
}

/// The next event on the socket matching `accept` (every event seen is passed to `seen`).
async fn next_event(
    socket: &mut Socket,
    accept: impl Fn(&Value) -> bool,
    seen: &mut Vec<Value>,
) -> Value {
    loop {
        let frame = tokio::time::timeout(Duration::from_secs(20), socket.next())
            .await
            .expect("an event arrives")
            .expect("the socket stays open")
            .unwrap();
        if let Message::Text(text) = frame {
            let event: Value = serde_json::from_str(&text).unwrap();
            seen.push(event.clone());
            if accept(&event) {
                return event;
            }
        }
    }
}

#[tokio::test]
async fn every_unit_that_serves_the_public_has_the_pst_services_and_desks() {
    let app = spawn_app().await;
    let services = app
        .get(&format!("/api/v1/units/{UNIT}/walkin/services"), None)
        .await;
    let items = services.ok()["items"].as_array().unwrap().clone();
    let prefixes: Vec<&str> = items
        .iter()
        .map(|s| s["prefix"].as_str().unwrap())
        .collect();
    assert_eq!(prefixes, ["K", "P", "J", "R"]);
    assert_eq!(items[0]["name"], "Konsultasi Statistik");
    let desks = app
        .get(&format!("/api/v1/units/{UNIT}/walkin/desks"), None)
        .await;
    let desks = desks.ok()["items"].as_array().unwrap().clone();
    assert_eq!(desks[0]["name"], "Meja 1");
    assert!(
        desks
            .iter()
            .all(|d| !d["services"].as_array().unwrap().is_empty())
    );
    app.get("/api/v1/units/9999/walkin/services", None)
        .await
        .problem(404, "not_found");
}

#[tokio::test]
async fn the_supervisor_edits_services_and_desks_and_others_may_not() {
    let d = walkin_app().await;
    let path = format!("/api/v1/units/{UNIT}/walkin/services");
    let body = json!({"services": [
        {"code": "konsultasi", "name": "Konsultasi Statistik", "prefix": "K"},
        {"code": "perpustakaan", "name": "Perpustakaan Digital", "prefix": "P"},
        {"code": "pengaduan", "name": "Pengaduan", "prefix": "A"}
    ]});
    d.app
        .put(&path, Some(&d.officer.access_token), body.clone())
        .await
        .problem(403, "forbidden");
    d.app
        .put(&path, None, body.clone())
        .await
        .problem(401, "authentication_required");
    let saved = d
        .app
        .put(&path, Some(&d.supervisor.access_token), body)
        .await;
    let names: Vec<String> = saved.ok()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        names,
        ["Konsultasi Statistik", "Perpustakaan Digital", "Pengaduan"]
    );
    // Left out: no tickets any more.
    d.app
        .post(
            &format!("/api/v1/units/{UNIT}/walkin/tickets"),
            Some(&d.front.access_token),
            json!({"service": "J"}),
        )
        .await
        .problem(422, "service_not_found");
    let bad = d
        .app
        .put(
            &path,
            Some(&d.supervisor.access_token),
            json!({"services": [
                {"code": "Konsultasi!", "name": "x", "prefix": "k"}
            ]}),
        )
        .await;
    bad.field_error("services[0].code");
    bad.field_error("services[0].prefix");
    let desks = format!("/api/v1/units/{UNIT}/walkin/desks");
    d.app
        .put(
            &desks,
            Some(&d.supervisor.access_token),
            json!({"desks": [{"code": "meja-1", "name": "Meja 1", "services": ["penjualan"]}]}),
        )
        .await
        .field_error("desks[0].services");
}

#[tokio::test]
async fn numbers_are_per_service_and_day_unique_and_without_gaps_under_concurrency() {
    let d = walkin_app().await;
    let takes = (0..24).map(|i| d.take(if i % 3 == 0 { "perpustakaan" } else { "K" }, None));
    let tickets = futures_util::future::join_all(takes).await;
    let mut k: Vec<String> = tickets
        .iter()
        .filter(|t| t["service"] == "konsultasi")
        .map(|t| t["number"].as_str().unwrap().to_owned())
        .collect();
    let mut p: Vec<String> = tickets
        .iter()
        .filter(|t| t["service"] == "perpustakaan")
        .map(|t| t["number"].as_str().unwrap().to_owned())
        .collect();
    k.sort();
    p.sort();
    assert_eq!(k, (1..=16).map(|n| format!("K-{n:03}")).collect::<Vec<_>>());
    assert_eq!(p, (1..=8).map(|n| format!("P-{n:03}")).collect::<Vec<_>>());
    let first = &tickets[1];
    assert_eq!(first["status"], "waiting");
    assert!(
        first["track_url"]
            .as_str()
            .unwrap()
            .starts_with("http://app.statkonsul.test/walkin/tickets/")
    );
    // 23:30 in Pekalongan is still the same day; 00:05 the next, and the numbers start again.
    d.app
        .state()
        .clock
        .set("2026-12-02T16:30:00Z".parse().unwrap());
    assert_eq!(d.take("K", None).await["number"], "K-017");
    d.app
        .state()
        .clock
        .set("2026-12-02T17:05:00Z".parse().unwrap());
    assert_eq!(d.take("K", None).await["number"], "K-001");
}

#[tokio::test]
async fn tickets_come_from_staff_a_kiosk_token_or_a_phone_when_the_unit_allows_it() {
    let d = walkin_app().await;
    let path = format!("/api/v1/units/{UNIT}/walkin/tickets");
    let body = json!({"service": "konsultasi"});
    d.app
        .post(&path, None, body.clone())
        .await
        .problem(401, "authentication_required");
    let visitor = d.app.public_user().await;
    d.app
        .post(&path, Some(&visitor.access_token), body.clone())
        .await
        .problem(403, "remote_tickets_closed");
    let elsewhere = d.app.staff(Role::FrontOffice, Some("3304")).await;
    d.app
        .post(&path, Some(&elsewhere.access_token), body.clone())
        .await
        .problem(403, "forbidden");
    d.app
        .post(&path, Some(&d.officer.access_token), body.clone())
        .await
        .ok();

    // The kiosk's token, created by the supervisor, shown once, revocable.
    let kiosks = format!("/api/v1/units/{UNIT}/walkin/kiosk-tokens");
    d.app
        .post(
            &kiosks,
            Some(&d.officer.access_token),
            json!({"name": "Lobi"}),
        )
        .await
        .problem(403, "forbidden");
    let created = d
        .app
        .post(
            &kiosks,
            Some(&d.supervisor.access_token),
            json!({"name": "Lobi"}),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.text);
    let token = created.body["token"].as_str().unwrap().to_owned();
    let kiosk_ticket = d.app.post(&path, Some(&token), body.clone()).await;
    assert_eq!(kiosk_ticket.status, 201, "{}", kiosk_ticket.text);
    let listed = d.app.get(&kiosks, Some(&d.supervisor.access_token)).await;
    assert!(listed.ok()["items"][0]["last_used_at"].is_string());
    assert!(listed.body["items"][0].get("token").is_none());
    d.app
        .post(
            "/api/v1/units/3304/walkin/tickets",
            Some(&token),
            body.clone(),
        )
        .await
        .problem(403, "forbidden");
    let id = created.body["id"].as_str().unwrap();
    let revoked = d
        .app
        .send(
            reqwest::Method::DELETE,
            &format!("{kiosks}/{id}"),
            Some(&d.supervisor.access_token),
            None,
        )
        .await;
    assert_eq!(revoked.status, 204);
    d.app
        .post(&path, Some(&token), body.clone())
        .await
        .problem(401, "invalid_access_token");

    // Remote tickets, once allowed: during office hours only, one at a time.
    let settings = d.app.get(&format!("/api/v1/units/{UNIT}"), None).await.ok()["settings"].clone();
    let mut changed = settings.clone();
    changed["walkin_remote_tickets"] = json!(true);
    d.app
        .put(
            &format!("/api/v1/units/{UNIT}/settings"),
            Some(&d.supervisor.access_token),
            changed,
        )
        .await
        .ok();
    let remote = d
        .app
        .post(&path, Some(&visitor.access_token), body.clone())
        .await;
    assert_eq!(remote.status, 201, "{}", remote.text);
    d.app
        .post(&path, Some(&visitor.access_token), body.clone())
        .await
        .problem(409, "ticket_state");
    let other = d.app.public_user().await;
    d.app
        .state()
        .clock
        .set("2026-12-02T09:30:00Z".parse().unwrap()); // 16:30 WIB
    d.app
        .post(&path, Some(&other.access_token), body.clone())
        .await
        .problem(403, "remote_tickets_closed");
    d.app
        .state()
        .clock
        .set("2026-12-05T02:00:00Z".parse().unwrap()); // Saturday
    d.app
        .post(&path, Some(&other.access_token), body.clone())
        .await
        .problem(403, "remote_tickets_closed");
    d.app
        .state()
        .clock
        .set("2026-12-25T02:00:00Z".parse().unwrap()); // Christmas
    d.app
        .post(&path, Some(&other.access_token), body)
        .await
        .problem(403, "remote_tickets_closed");
}

#[tokio::test]
async fn desks_call_first_come_first_served_with_priority_runs_that_never_starve_the_others() {
    let d = walkin_app().await;
    let mut places = vec![];
    for (service, priority) in [
        ("K", None),
        ("K", None),
        ("K", Some("elderly")),
        ("K", Some("pregnant")),
        ("K", Some("disability")),
        ("K", None),
    ] {
        places.push(d.take(service, priority).await["position"].clone());
        d.later(1);
    }
    // Places as taken: priority tickets go before the normal ones already waiting.
    assert_eq!(places, [1, 2, 1, 2, 3, 6]);
    // Priority first, but after two priority calls in a row a normal ticket goes.
    let mut order = vec![];
    for _ in 0..6 {
        order.push(d.serve_next("meja-1").await);
        d.later(4);
    }
    assert_eq!(
        order,
        ["K-003", "K-004", "K-001", "K-005", "K-002", "K-006"]
    );
    d.call("meja-1").await.problem(404, "queue_empty");
}

#[tokio::test]
async fn two_desks_calling_at_once_never_get_the_same_ticket_and_a_busy_desk_waits() {
    let d = walkin_app().await;
    d.take("K", None).await;
    d.take("K", None).await;
    let (a, b) = tokio::join!(d.call("meja-1"), d.call("meja-2"));
    let (a, b) = (a.ok().clone(), b.ok().clone());
    assert_ne!(a["id"], b["id"]);
    assert_eq!(a["status"], "called");
    assert_eq!(a["desk"]["code"], "meja-1");
    d.take("K", None).await;
    d.call("meja-1").await.problem(409, "desk_busy");
    d.app
        .post(
            &format!("/api/v1/units/{UNIT}/walkin/call-next"),
            Some(&d.front.access_token),
            json!({"desk": "meja-3"}),
        )
        .await
        .problem(403, "forbidden");
    d.app
        .post(
            &format!("/api/v1/units/{UNIT}/walkin/call-next"),
            Some(&d.officer.access_token),
            json!({"desk": "meja-9"}),
        )
        .await
        .problem(422, "desk_not_found");
}

#[tokio::test]
async fn a_visitor_is_absent_only_after_the_units_minimum_of_calls() {
    let d = walkin_app().await;
    d.take("K", None).await;
    let called = d.call("meja-1").await.ok().clone();
    d.act(&called, "no-show")
        .await
        .problem(409, "not_called_enough");
    let again = d.act(&called, "recall").await;
    assert_eq!(again.ok()["call_count"], 2);
    let absent = d.act(&called, "no-show").await;
    assert_eq!(absent.ok()["status"], "no_show");
    d.act(&called, "start").await.problem(409, "ticket_state");
    // The desk is free again.
    d.take("K", None).await;
    d.call("meja-1").await.ok();
}

#[tokio::test]
async fn a_transfer_queues_the_visitor_first_in_the_other_service_linked_both_ways() {
    let d = walkin_app().await;
    let visitor = d.take("K", None).await;
    d.take("P", None).await;
    d.take("P", None).await;
    d.later(5);
    let called = d.call("meja-1").await.ok().clone();
    assert_eq!(called["id"], visitor["id"]);
    d.act(&called, "start").await.ok();
    let moved = d
        .app
        .post(
            &format!(
                "/api/v1/walkin/tickets/{}/transfer",
                called["id"].as_str().unwrap()
            ),
            Some(&d.officer.access_token),
            json!({"service": "perpustakaan"}),
        )
        .await;
    let moved = moved.ok().clone();
    assert_eq!(moved["from"]["status"], "transferred");
    assert_eq!(moved["to"]["number"], "P-003");
    assert_eq!(moved["to"]["position"], 1);
    assert_eq!(moved["from"]["transferred_to"]["number"], "P-003");
    assert_eq!(moved["to"]["transferred_from"]["number"], visitor["number"]);
    // The visitor's key opens the new ticket too.
    let key = key_of(&visitor);
    let new = d
        .app
        .get(
            &format!(
                "/api/v1/walkin/tickets/{}?key={key}",
                moved["to"]["id"].as_str().unwrap()
            ),
            None,
        )
        .await;
    assert_eq!(new.ok()["status"], "waiting");
    assert_eq!(d.serve_next("meja-3").await, "P-003");
}

#[tokio::test]
async fn the_waiting_standard_counts_from_the_desks_previous_visitor_and_breaches_are_pushed() {
    let d = walkin_app().await;
    let (mut staff_feed, _) = connect_async(d.app.socket_url(&d.officer.access_token).await)
        .await
        .expect("WebSocket connects");
    d.take("K", None).await; // 09:00
    d.later(1);
    d.take("K", None).await; // 09:01
    d.later(2);
    let first = d.call("meja-1").await.ok().clone(); // 09:03
    assert_eq!(first["standard_wait_minutes"], 3.0);
    assert_eq!(first["breach"], false);
    d.act(&first, "start").await.ok();
    d.later(17);
    d.act(&first, "finish").await.ok(); // 09:20
    d.later(12);
    let second = d.call("meja-1").await.ok().clone(); // 09:32: 12 minutes after the previous visitor finished
    assert_eq!(second["standard_wait_minutes"], 12.0);
    assert_eq!(second["breach"], true);
    let mut seen = vec![];
    let breach = next_event(&mut staff_feed, |e| e["type"] == "walkin.breach", &mut seen).await;
    assert_eq!(breach["data"]["number"], second["number"]);
    assert_eq!(breach["data"]["max_wait_minutes"], 10);
    d.act(&second, "finish").await.ok();
    let stats = d
        .app
        .get(
            &format!("/api/v1/units/{UNIT}/walkin/stats?date=2026-12-02"),
            Some(&d.supervisor.access_token),
        )
        .await;
    let stats = stats.ok();
    assert_eq!(stats["total"]["taken"], 2);
    assert_eq!(stats["total"]["served"], 2);
    assert_eq!(stats["total"]["breaches"], 1);
    assert_eq!(stats["total"]["median_wait_minutes"], 7.5);
    assert_eq!(stats["total"]["p90_wait_minutes"], 11.1);
    let desk = stats["desks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["desk"] == "meja-1")
        .unwrap();
    assert_eq!(desk["served"], 2);
    d.app
        .get(
            &format!("/api/v1/units/{UNIT}/walkin/stats"),
            Some(&d.app.staff(Role::Officer, Some("3304")).await.access_token),
        )
        .await
        .problem(403, "forbidden");
}

#[tokio::test]
async fn board_clients_see_calls_and_waiting_counts_and_nothing_else() {
    let d = walkin_app().await;
    let mut board = socket(&d.app, &format!("/api/v1/units/{UNIT}/walkin/board/live")).await;
    let mut seen = vec![];
    let initial = next_event(&mut board, |e| e["type"] == "walkin.board", &mut seen).await;
    assert_eq!(initial["data"]["waiting"]["konsultasi"], 0);
    d.take("K", None).await;
    next_event(
        &mut board,
        |e| e["data"]["waiting"]["konsultasi"] == 1,
        &mut seen,
    )
    .await;
    // Online traffic of the same unit is not for the board.
    let citizen = d.app.public_user().await;
    d.app.open_consultation(&citizen, UNIT).await;
    let called = d.call("meja-2").await.ok().clone();
    let shown = next_event(
        &mut board,
        |e| !e["data"]["now_serving"].as_array().unwrap().is_empty(),
        &mut seen,
    )
    .await;
    let now = &shown["data"]["now_serving"][0];
    assert_eq!(now["number"], called["number"]);
    assert_eq!(now["desk"], "Meja 2");
    assert_eq!(shown["data"]["recent_calls"][0]["number"], called["number"]);
    assert!(
        seen.iter()
            .all(|e| e["type"] == "walkin.board" && e["unit_code"] == UNIT),
        "{seen:?}"
    );
    let plain = d
        .app
        .get(&format!("/api/v1/units/{UNIT}/walkin/board"), None)
        .await;
    assert_eq!(plain.ok()["now_serving"][0]["number"], called["number"]);
}

#[tokio::test]
async fn a_visitor_follows_their_ticket_with_its_key_and_sees_their_turn_come() {
    let d = walkin_app().await;
    d.take("K", None).await;
    let mine = d.take("K", None).await;
    assert_eq!(mine["position"], 2);
    assert_eq!(mine["ahead"], 1);
    assert!(mine["estimated_wait_minutes"].as_u64().unwrap() > 0);
    let id = mine["id"].as_str().unwrap();
    let key = key_of(&mine);
    let seen = d
        .app
        .get(&format!("/api/v1/walkin/tickets/{id}?key={key}"), None)
        .await;
    assert_eq!(seen.ok()["position"], 2);
    assert!(seen.body["track_url"].is_null());
    d.app
        .get(&format!("/api/v1/walkin/tickets/{id}?key=wrong"), None)
        .await
        .problem(404, "not_found");
    d.app
        .get(&format!("/api/v1/walkin/tickets/{id}"), None)
        .await
        .problem(401, "authentication_required");
    let visitor = d.app.public_user().await;
    d.app
        .get(
            &format!("/api/v1/walkin/tickets/{id}"),
            Some(&visitor.access_token),
        )
        .await
        .problem(404, "not_found");
    let mut feed = socket(
        &d.app,
        &format!("/api/v1/walkin/tickets/{id}/live?key={key}"),
    )
    .await;
    let mut events = vec![];
    next_event(&mut feed, |e| e["data"]["position"] == 2, &mut events).await;
    d.serve_next("meja-1").await;
    next_event(&mut feed, |e| e["data"]["position"] == 1, &mut events).await;
    d.call("meja-2").await.ok();
    let called = next_event(&mut feed, |e| e["data"]["status"] == "called", &mut events).await;
    assert_eq!(called["data"]["desk"]["name"], "Meja 2");
    assert!(
        events
            .iter()
            .all(|e| e["type"] == "walkin.ticket" && e["ticket_id"] == id)
    );
    assert!(events.iter().all(|e| e["data"]["note"].is_null()));
}

#[tokio::test]
async fn the_day_closes_by_hand_or_when_the_office_closes_and_nobody_is_left_waiting() {
    let d = walkin_app().await;
    d.take("K", None).await;
    d.take("P", None).await;
    let path = format!("/api/v1/units/{UNIT}/walkin/close-day");
    d.app
        .post(&path, Some(&d.officer.access_token), json!({}))
        .await
        .problem(403, "forbidden");
    let closed = d
        .app
        .post(&path, Some(&d.supervisor.access_token), json!({}))
        .await;
    assert_eq!(closed.ok()["not_served"], 2);
    let left = d.take("K", None).await;
    // The scheduler at 15:59 leaves it; at 16:00 the office has closed.
    let state = d.app.state();
    let report = statkonsul::jobs::run_due(state, "2026-12-02T08:59:00Z".parse().unwrap())
        .await
        .unwrap();
    assert_eq!(report.not_served, 0);
    let report = statkonsul::jobs::run_due(state, "2026-12-02T09:00:00Z".parse().unwrap())
        .await
        .unwrap();
    assert_eq!(report.not_served, 1);
    let ended = d
        .app
        .get(
            &format!("/api/v1/walkin/tickets/{}", left["id"].as_str().unwrap()),
            Some(&d.front.access_token),
        )
        .await;
    assert_eq!(ended.ok()["status"], "not_served");
    let stats = d
        .app
        .get(
            &format!("/api/v1/units/{UNIT}/walkin/stats"),
            Some(&d.front.access_token),
        )
        .await;
    assert_eq!(stats.ok()["total"]["not_served"], 3);
}

#[tokio::test]
async fn the_guest_book_keeps_only_the_last_four_characters_of_the_id_number() {
    let d = walkin_app().await;
    let ticket = d.take("K", None).await;
    let citizen = d.app.public_user().await;
    let path = format!("/api/v1/units/{UNIT}/guestbook");
    let entry = json!({
        "ticket_id": ticket["id"], "full_name": "Siti Rahma", "id_type": "ktp",
        "id_number": "3375 0141 0190 0003", "email": citizen.email.to_uppercase(),
        "institution": "Universitas Pekalongan", "purpose": "Data kemiskinan per kecamatan"
    });
    let recorded = d
        .app
        .post(&path, Some(&d.front.access_token), entry.clone())
        .await;
    assert_eq!(recorded.status, 201, "{}", recorded.text);
    assert_eq!(recorded.body["id_number_masked"], "••••0003");
    assert_eq!(recorded.body["ticket_number"], ticket["number"]);
    assert!(
        recorded.body["user_id"].is_string(),
        "the verified account is linked"
    );
    assert_eq!(recorded.body["previous_visits"], 0);
    // Stored: type, last four and a keyed hash; never the number.
    let row = d
        .app
        .state()
        .db
        .query_one_raw(Statement::from_string(
            d.app.state().db.get_database_backend(),
            "SELECT * FROM guestbook_entries",
        ))
        .await
        .unwrap()
        .unwrap();
    let last4: String = row.try_get("", "id_last4").unwrap();
    let hash: String = row.try_get("", "id_hash").unwrap();
    assert_eq!(last4, "0003");
    assert_eq!(hash.len(), 64);
    assert!(!hash.contains("3375014101900003"));
    let all = d.app.state().db.query_one_raw(Statement::from_string(
        d.app.state().db.get_database_backend(),
        "SELECT COUNT(*) AS n FROM guestbook_entries WHERE full_name LIKE '%3375%' OR email LIKE '%3375%' OR purpose LIKE '%3375%' OR id_hash LIKE '%3375014101900003%'",
    )).await.unwrap().unwrap();
    assert_eq!(all.try_get::<i64>("", "n").unwrap(), 0);
    // The same person comes back, with the number typed differently.
    let mut again = entry.clone();
    again["ticket_id"] = Value::Null;
    again["id_number"] = json!("3375-0141-0190-0003");
    d.app
        .post(&path, Some(&d.front.access_token), again)
        .await
        .ok();
    let found = d
        .app
        .get(
            &format!("{path}?id_number=3375014101900003"),
            Some(&d.officer.access_token),
        )
        .await;
    assert_eq!(found.ok()["total"], 2);
    assert_eq!(found.body["items"][0]["previous_visits"], 1);
    let by_email = d
        .app
        .get(
            &format!("{path}?email={}", citizen.email),
            Some(&d.front.access_token),
        )
        .await;
    assert_eq!(by_email.ok()["total"], 2);
    assert!(!found.text.contains("3375014101900003"));
    let mut bad = entry.clone();
    bad["email"] = json!("bukan-email");
    bad["id_type"] = json!("ktp");
    d.app
        .post(&path, Some(&d.front.access_token), bad)
        .await
        .field_error("email");
    let elsewhere = d.app.staff(Role::FrontOffice, Some("3304")).await;
    d.app
        .post(&path, Some(&elsewhere.access_token), entry)
        .await
        .problem(403, "forbidden");
    d.app
        .get(&path, Some(&citizen.access_token))
        .await
        .problem(403, "forbidden");
}

#[tokio::test]
async fn another_units_staff_and_the_public_cannot_touch_a_units_tickets() {
    let d = walkin_app().await;
    d.take("K", None).await;
    let called = d.call("meja-1").await.ok().clone();
    let id = called["id"].as_str().unwrap();
    let elsewhere = d.app.staff(Role::Officer, Some("3304")).await;
    let citizen = d.app.public_user().await;
    for who in [&elsewhere, &citizen] {
        for action in ["recall", "start", "finish", "no-show", "cancel"] {
            d.app
                .post(
                    &format!("/api/v1/walkin/tickets/{id}/{action}"),
                    Some(&who.access_token),
                    json!({}),
                )
                .await
                .problem(404, "not_found");
        }
        d.app
            .post(
                &format!("/api/v1/units/{UNIT}/walkin/call-next"),
                Some(&who.access_token),
                json!({"desk": "meja-2"}),
            )
            .await
            .problem(403, "forbidden");
        d.app
            .get(
                &format!("/api/v1/units/{UNIT}/walkin/tickets"),
                Some(&who.access_token),
            )
            .await
            .problem(403, "forbidden");
    }
    let list = d
        .app
        .get(
            &format!("/api/v1/units/{UNIT}/walkin/tickets"),
            Some(&d.front.access_token),
        )
        .await;
    assert_eq!(list.ok()["total"], 1);
    assert!(list.body["items"][0]["track_url"].is_null());
}

#[tokio::test]
async fn walk_in_settings_are_the_units_own() {
    let d = walkin_app().await;
    let path = format!("/api/v1/units/{UNIT}/settings");
    let mut settings =
        d.app.get(&format!("/api/v1/units/{UNIT}"), None).await.ok()["settings"].clone();
    assert_eq!(settings["walkin_priority_run"], 2);
    assert_eq!(settings["office_opens_at"], "08:00");
    settings["walkin_no_show_after_calls"] = json!(3);
    settings["office_closes_at"] = json!("15:30");
    let saved = d
        .app
        .put(&path, Some(&d.supervisor.access_token), settings.clone())
        .await;
    assert_eq!(saved.ok()["walkin_no_show_after_calls"], 3);
    assert_eq!(saved.body["office_closes_at"], "15:30");
    let mut bad = settings.clone();
    bad["office_opens_at"] = json!("25:00");
    bad["walkin_priority_run"] = json!(0);
    let reply = d
        .app
        .put(&path, Some(&d.supervisor.access_token), bad)
        .await;
    reply.field_error("office_opens_at");
    reply.field_error("walkin_priority_run");
    let mut backwards = settings;
    backwards["office_opens_at"] = json!("16:00");
    d.app
        .put(&path, Some(&d.supervisor.access_token), backwards)
        .await
        .field_error("office_closes_at");
}

fn scores(v: i16) -> Value {
    json!({"scores": {"u1": v, "u2": v, "u3": v, "u4": v, "u5": v, "u6": v, "u7": v, "u8": v, "u9": v}, "comment": "Petugas ramah"})
}

#[tokio::test]
async fn a_visitor_rates_the_visit_once_through_the_emailed_link_or_the_tickets_key() {
    let d = walkin_app().await;
    let ticket = d.take("K", None).await;
    let id = ticket["id"].as_str().unwrap();
    let key = key_of(&ticket);
    d.app
        .post(&format!("/api/v1/units/{UNIT}/guestbook"), Some(&d.front.access_token), json!({
            "ticket_id": id, "full_name": "Budi Santoso", "id_type": "sim", "id_number": "SIM-778812",
            "email": "budi@example.id", "purpose": "Konsultasi data inflasi"
        }))
        .await
        .ok();
    let app = &d.app;
    let rate = |query: String| async move {
        app.post(
            &format!("/api/v1/walkin/tickets/{id}/rating?{query}"),
            None,
            scores(4),
        )
        .await
    };
    rate(format!("key={key}"))
        .await
        .problem(409, "ticket_state");
    let called = d.call("meja-1").await.ok().clone();
    d.act(&called, "finish").await.ok();
    let mail = d
        .app
        .smtp
        .wait_for(|m| m.to.iter().any(|t| t.contains("budi@example.id")))
        .await;
    let body = mail.body();
    assert!(
        body.contains("Budi Santoso") && body.contains(ticket["number"].as_str().unwrap()),
        "{body}"
    );
    let link = body
        .split_whitespace()
        .find(|w| w.contains("/rate?token="))
        .unwrap()
        .to_owned();
    assert!(link.starts_with(&format!(
        "http://app.statkonsul.test/walkin/tickets/{id}/rate?token="
    )));
    let token = link.split("token=").nth(1).unwrap();
    rate("token=not-the-token".into())
        .await
        .problem(400, "invalid_token");
    let rated = rate(format!("token={token}")).await;
    assert_eq!(rated.status, 201, "{}", rated.text);
    assert_eq!(rated.body["subject_kind"], "walkin");
    assert_eq!(rated.body["needs_follow_up"], true);
    rate(format!("token={token}"))
        .await
        .problem(400, "invalid_token");
    rate(format!("key={key}"))
        .await
        .problem(409, "already_rated");
    rate("".into()).await.field_error("token");
    let seen = d
        .app
        .get(&format!("/api/v1/walkin/tickets/{id}?key={key}"), None)
        .await;
    assert_eq!(seen.ok()["rated"], true);
    assert_eq!(
        seen.body["rating"],
        Value::Null,
        "the visitor's view carries no rating"
    );
    // The unit's staff see the rating on the visit, with its follow-up state.
    let staff_view = d
        .app
        .get(
            &format!("/api/v1/walkin/tickets/{id}"),
            Some(&d.officer.access_token),
        )
        .await;
    assert_eq!(staff_view.ok()["rating"]["id"], rated.body["id"]);
    assert_eq!(staff_view.body["rating"]["scores"]["u1"], 4);
    assert_eq!(staff_view.body["rating"]["follow_up_state"], "open");
    // A tablet at the desk rates the next visit through its key.
    let next = d.take("K", None).await;
    let next_id = next["id"].as_str().unwrap();
    let called = d.call("meja-1").await.ok().clone();
    d.act(&called, "finish").await.ok();
    let tablet = d
        .app
        .post(
            &format!(
                "/api/v1/walkin/tickets/{next_id}/rating?key={}",
                key_of(&next)
            ),
            None,
            scores(3),
        )
        .await;
    assert_eq!(tablet.status, 201, "{}", tablet.text);
}

fn desk_consultation() -> Value {
    json!({
        "category": "data",
        "subject": "Angka kemiskinan Kota Pekalongan 2025",
        "question": "Berapa persentase penduduk miskin Kota Pekalongan tahun 2025, dan di mana tabelnya?",
        "answer": "Persentase penduduk miskin Kota Pekalongan Maret 2025 ada di publikasi Kota Pekalongan Dalam Angka 2026, bab Sosial; tabelnya kami kirim lewat email.",
        "referral": {"service": "library", "note": "Publikasi cetak dipinjam di perpustakaan."}
    })
}

impl Desk {
    async fn guest(&self, ticket: &Value, email: &str) {
        let reply = self
            .app
            .post(
                &format!("/api/v1/units/{UNIT}/guestbook"),
                Some(&self.front.access_token),
                json!({
                    "ticket_id": ticket["id"], "full_name": "Rina Wulandari", "id_type": "ktp",
                    "id_number": "3375014101900011", "email": email,
                    "institution": "Universitas Pekalongan", "purpose": "Data kemiskinan"
                }),
            )
            .await;
        assert_eq!(reply.status, 201, "{}", reply.text);
    }

    async fn record(&self, ticket: &Value, body: Value) -> statkonsul_tests::Reply {
        self.officer_posts(ticket, "consultation", body).await
    }

    async fn count(&self, table: &str) -> i64 {
        let db = &self.app.state().db;
        db.query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("SELECT COUNT(*) AS n FROM {table}"),
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get("", "n")
        .unwrap()
    }
}

#[tokio::test]
async fn a_desk_consultation_joins_the_visitors_history_closed_and_is_rated_with_the_visit() {
    let d = walkin_app().await;
    let citizen = d.app.public_user().await;
    let ticket = d.take("K", None).await;
    d.guest(&ticket, &citizen.email).await;
    let called = d.call("meja-1").await.ok().clone();
    // Not before the visitor is served.
    d.record(&called, desk_consultation())
        .await
        .problem(409, "ticket_state");
    d.act(&called, "start").await.ok();
    let recorded = d.record(&called, desk_consultation()).await;
    assert_eq!(recorded.status, 201, "{}", recorded.text);
    let c = recorded.body.clone();
    assert_eq!(c["channel"], "walk_in");
    assert_eq!(c["status"], "closed");
    assert_eq!(c["resolution"], "answered");
    assert_eq!(
        c["owner"]["full_name"], "Siti Rahma",
        "the account's own name"
    );
    assert!(c["assignee"]["id"].is_string());
    assert_eq!(c["queue_position"], Value::Null);
    assert_eq!(
        c["created_at"], ticket["taken_at"],
        "asked when the ticket was taken"
    );
    d.record(&called, desk_consultation())
        .await
        .problem(409, "consultation_recorded");
    let staff_ticket = d
        .app
        .get(
            &format!("/api/v1/walkin/tickets/{}", called["id"].as_str().unwrap()),
            Some(&d.officer.access_token),
        )
        .await;
    assert_eq!(staff_ticket.ok()["consultation_id"], c["id"]);
    let visitor_view = d
        .app
        .get(
            &format!(
                "/api/v1/walkin/tickets/{}?key={}",
                ticket["id"].as_str().unwrap(),
                key_of(&ticket)
            ),
            None,
        )
        .await;
    assert_eq!(
        visitor_view.ok()["consultation_id"],
        Value::Null,
        "staff only"
    );
    d.act(&called, "finish").await.ok();

    // In the visitor's history, answered and already read (they heard the answer).
    let mine = d
        .app
        .get("/api/v1/consultations", Some(&citizen.access_token))
        .await;
    assert_eq!(mine.ok()["total"], 1);
    assert_eq!(mine.body["items"][0]["id"], c["id"]);
    assert_eq!(mine.body["items"][0]["channel"], "walk_in");
    assert_eq!(mine.body["items"][0]["unread_count"], 0);
    let id = c["id"].as_str().unwrap();
    let detail = d
        .app
        .get(
            &format!("/api/v1/consultations/{id}"),
            Some(&citizen.access_token),
        )
        .await;
    assert_eq!(detail.ok()["referrals"][0]["service"], "library");
    let messages = d
        .app
        .get(
            &format!("/api/v1/consultations/{id}/messages"),
            Some(&citizen.access_token),
        )
        .await;
    assert!(
        messages.ok().to_string().contains("Dalam Angka 2026"),
        "{}",
        messages.text
    );

    // One rating per visit, from the history or through the ticket's key.
    let rated = d
        .app
        .post(
            &format!("/api/v1/consultations/{id}/rating"),
            Some(&citizen.access_token),
            scores(4),
        )
        .await;
    assert_eq!(rated.status, 201, "{}", rated.text);
    assert_eq!(rated.body["subject_kind"], "walkin");
    d.app
        .post(
            &format!(
                "/api/v1/walkin/tickets/{}/rating?key={}",
                ticket["id"].as_str().unwrap(),
                key_of(&ticket)
            ),
            None,
            scores(2),
        )
        .await
        .problem(409, "already_rated");
    let detail = d
        .app
        .get(
            &format!("/api/v1/consultations/{id}"),
            Some(&citizen.access_token),
        )
        .await;
    assert_eq!(detail.ok()["rated"], true);
    assert_eq!(detail.body["rating"]["scores"]["u1"], 4);

    // The knowledge base takes it like an online answer.
    let promoted = d
        .app
        .post(
            &format!("/api/v1/consultations/{id}/promote"),
            Some(&d.officer.access_token),
            json!({}),
        )
        .await;
    assert_eq!(promoted.status, 201, "{}", promoted.text);
    assert!(
        promoted.body["answer"]
            .as_str()
            .unwrap()
            .contains("Dalam Angka 2026")
    );
}

#[tokio::test]
async fn a_visitor_without_an_account_finds_the_desk_consultation_once_they_register() {
    let d = walkin_app().await;
    let ticket = d.take("K", None).await;
    let email = "rina.wulandari@example.id";
    d.guest(&ticket, "Rina.Wulandari@Example.id").await;
    let called = d.call("meja-1").await.ok().clone();
    d.act(&called, "start").await.ok();
    d.record(&called, desk_consultation()).await.ok();
    // The account kept for the email has no password: nobody logs in with it.
    d.app
        .login(email, "Kopi-Tubruk-2026")
        .await
        .problem(401, "invalid_credentials");
    // Registering with the email makes it the person's own, history and all.
    let registered = d.app.register(email, "Kopi-Tubruk-2026").await;
    assert_eq!(registered.status, 202, "{}", registered.text);
    d.app
        .login(email, "Kopi-Tubruk-2026")
        .await
        .problem(403, "email_not_verified");
    let token = d.app.mailed_token(email, "/verify-email").await;
    d.app
        .post("/api/v1/auth/verify-email", None, json!({"token": token}))
        .await
        .ok();
    let login = d.app.login(email, "Kopi-Tubruk-2026").await;
    let access = login.ok()["access_token"].as_str().unwrap().to_owned();
    let mine = d.app.get("/api/v1/consultations", Some(&access)).await;
    assert_eq!(mine.ok()["total"], 1);
    assert_eq!(mine.body["items"][0]["channel"], "walk_in");
    assert_eq!(mine.body["items"][0]["owner"]["full_name"], "Siti Rahma");
    // A registered account is not taken over by a second registration.
    assert_eq!(
        d.app.register(email, "Teh-Manis-2026-Sore").await.status,
        202
    );
    d.app
        .login(email, "Teh-Manis-2026-Sore")
        .await
        .problem(401, "invalid_credentials");
    d.app.login(email, "Kopi-Tubruk-2026").await.ok();
}

#[tokio::test]
async fn a_desk_consultation_needs_the_guest_book_valid_fields_and_the_units_officer() {
    let d = walkin_app().await;
    let ticket = d.take("K", None).await;
    let called = d.call("meja-1").await.ok().clone();
    d.act(&called, "start").await.ok();
    d.record(&called, desk_consultation())
        .await
        .problem(409, "guestbook_required");
    d.guest(&ticket, "budi.santoso@example.id").await;
    let mut unknown = desk_consultation();
    unknown["referral"] = json!({"service": "bukan-layanan"});
    d.record(&called, unknown)
        .await
        .problem(400, "malformed_json");
    let mut short = desk_consultation();
    short["subject"] = json!("x");
    d.record(&called, short).await.field_error("subject");
    let mut blank = desk_consultation();
    blank["answer"] = json!("   ");
    d.record(&called, blank).await.field_error("answer");
    let path = format!(
        "/api/v1/walkin/tickets/{}/consultation",
        called["id"].as_str().unwrap()
    );
    d.app
        .post(&path, Some(&d.front.access_token), desk_consultation())
        .await
        .problem(403, "forbidden");
    let elsewhere = d.app.staff(Role::Officer, Some("3304")).await;
    d.app
        .post(&path, Some(&elsewhere.access_token), desk_consultation())
        .await
        .problem(404, "not_found");
    let citizen = d.app.public_user().await;
    d.app
        .post(&path, Some(&citizen.access_token), desk_consultation())
        .await
        .problem(404, "not_found");
    d.app
        .post(&path, None, desk_consultation())
        .await
        .problem(401, "authentication_required");
    assert_eq!(d.count("consultations").await, 0, "no partial write");
    // Two officers recording at once: one consultation.
    let (a, b) = tokio::join!(
        d.record(&called, desk_consultation()),
        d.record(&called, desk_consultation())
    );
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [201, 409], "{} / {}", a.text, b.text);
    assert_eq!(d.count("consultations").await, 1);
    assert_eq!(d.count("messages").await, 1);
}

#[tokio::test]
async fn a_visits_rating_is_followed_up_with_the_guest_books_email() {
    let d = walkin_app().await;
    let ticket = d.take("K", None).await;
    d.guest(&ticket, "rina.wulandari@example.id").await;
    let called = d.call("meja-1").await.ok().clone();
    d.act(&called, "finish").await.ok();
    let rated = d
        .app
        .post(
            &format!(
                "/api/v1/walkin/tickets/{}/rating?key={}",
                ticket["id"].as_str().unwrap(),
                key_of(&ticket)
            ),
            None,
            scores(2),
        )
        .await;
    assert_eq!(rated.status, 201, "{}", rated.text);
    let staff = Some(d.officer.access_token.as_str());
    let list = d.app.get("/api/v1/ratings?channel=walk_in", staff).await;
    assert_eq!(list.ok()["total"], 1);
    let item = &list.body["items"][0];
    assert_eq!(item["subject_number"], ticket["number"]);
    assert_eq!(item["ticket_id"], ticket["id"]);
    assert_eq!(item["respondent"]["full_name"], "Rina Wulandari");
    assert_eq!(item["follow_up_state"], "open");
    let id = item["id"].as_str().unwrap();
    d.app
        .post(
            &format!("/api/v1/ratings/{id}/follow-ups"),
            staff,
            json!({"message": "Terima kasih atas masukannya; kami menambah petugas di meja konsultasi."}),
        )
        .await
        .ok();
    let token = d
        .app
        .mailed_token("rina.wulandari@example.id", &format!("/ratings/{id}/reply"))
        .await;
    let answered = d
        .app
        .post(
            &format!("/api/v1/ratings/{id}/replies?token={token}"),
            None,
            json!({"body": "Baik, terima kasih."}),
        )
        .await;
    assert_eq!(answered.status, 201, "{}", answered.text);
}
