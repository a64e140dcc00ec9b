//! Auto-assignment: a unit set to `round_robin` gives each new consultation to the available
//! officer with the fewest active ones under their capacity, in turn on a tie; nobody
//! available, it waits. Officers go away with their last socket and come back with the next.
use serde_json::{Value, json};
use statkonsul::auth::Role;
use statkonsul_tests::{TestApp, TestUser, spawn_app};

use crate::ws::connect;

async fn round_robin(app: &TestApp, unit: &str) {
    let supervisor = app.staff(Role::Supervisor, Some(unit)).await;
    let token = Some(supervisor.access_token.as_str());
    let current = app.get(&format!("/api/v1/units/{unit}"), None).await;
    let mut settings = current.ok()["settings"].clone();
    settings["auto_assign"] = json!("round_robin");
    let saved = app
        .put(&format!("/api/v1/units/{unit}/settings"), token, settings)
        .await;
    assert_eq!(saved.ok()["auto_assign"], "round_robin", "{}", saved.text);
}

async fn me(app: &TestApp, who: &TestUser) -> Value {
    app.get("/api/v1/me", Some(who.access_token.as_str()))
        .await
        .ok()
        .clone()
}

async fn available(app: &TestApp, who: &TestUser, availability: &str) {
    let set = app
        .put(
            "/api/v1/me/availability",
            Some(who.access_token.as_str()),
            json!({"availability": availability}),
        )
        .await;
    assert_eq!(set.ok()["availability"], availability, "{}", set.text);
}

async fn officer_with_capacity(app: &TestApp, unit: &str, capacity: i64) -> (TestUser, String) {
    let officer = app.staff(Role::Officer, Some(unit)).await;
    let admin = app.staff(Role::Admin, None).await;
    let id = me(app, &officer).await["id"].as_str().unwrap().to_owned();
    let saved = app
        .patch(
            &format!("/api/v1/staff/{id}"),
            Some(admin.access_token.as_str()),
            json!({"capacity": capacity}),
        )
        .await;
    assert_eq!(saved.ok()["capacity"], capacity, "{}", saved.text);
    (officer, id)
}

#[tokio::test]
async fn new_consultations_go_in_turn_to_available_officers_under_their_capacity() {
    let app = spawn_app().await;
    round_robin(&app, "3304").await;
    let (a, a_id) = officer_with_capacity(&app, "3304", 3).await;
    let (b, b_id) = officer_with_capacity(&app, "3304", 3).await;
    let (offline, offline_id) = officer_with_capacity(&app, "3304", 10).await;
    available(&app, &a, "available").await;
    available(&app, &b, "available").await;
    available(&app, &offline, "offline").await;
    let user = app.public_user().await;

    // One after the other: in turn.
    let mut turns = Vec::new();
    for _ in 0..4 {
        let c = app.open_consultation(&user, "3304").await;
        assert_eq!(c["status"], "active", "{c}");
        assert!(c["queue_position"].is_null());
        turns.push(c["assignee"]["id"].as_str().unwrap().to_owned());
    }
    assert_ne!(turns[0], turns[1]);
    assert_eq!(turns[0], turns[2]);
    assert_eq!(turns[1], turns[3]);

    // Twenty at once: each officer is filled up to their capacity and no further; the rest wait.
    let users = futures_util::future::join_all((0..4).map(|_| app.public_user())).await;
    let opened = futures_util::future::join_all(
        (0..20).map(|i| app.open_consultation(&users[i % users.len()], "3304")),
    )
    .await;
    let to = |id: &str| {
        opened
            .iter()
            .filter(|c| c["assignee"]["id"].as_str() == Some(id))
            .count()
    };
    // Each had two from the four before.
    assert_eq!(to(&a_id), 1, "a: capacity 3 with two already");
    assert_eq!(to(&b_id), 1, "b: capacity 3 with two already");
    assert_eq!(to(&offline_id), 0, "an offline officer gets none");
    let waiting: Vec<i64> = opened
        .iter()
        .filter(|c| c["status"] == "waiting")
        .map(|c| c["queue_position"].as_i64().unwrap())
        .collect();
    assert_eq!(waiting.len(), 18);
    let mut places = waiting.clone();
    places.sort_unstable();
    assert_eq!(
        places,
        (1..=18).collect::<Vec<_>>(),
        "the queue holds each once"
    );
    for (officer, expected) in [(&a, 3), (&b, 3)] {
        let mine = app
            .get(
                "/api/v1/consultations?status=active&assignee=me",
                Some(officer.access_token.as_str()),
            )
            .await;
        assert_eq!(mine.ok()["total"], expected);
    }
}

#[tokio::test]
async fn without_auto_assignment_or_anybody_available_a_consultation_waits() {
    let app = spawn_app().await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    available(&app, &officer, "available").await;
    let user = app.public_user().await;
    let queued = app.open_consultation(&user, "3304").await;
    assert_eq!(queued["status"], "waiting", "the unit does not assign");
    round_robin(&app, "3304").await;
    available(&app, &officer, "away").await;
    let queued = app.open_consultation(&user, "3304").await;
    assert_eq!(queued["status"], "waiting", "nobody is available");
    available(&app, &officer, "available").await;
    let given = app.open_consultation(&user, "3304").await;
    assert_eq!(given["status"], "active");
}

#[tokio::test]
async fn an_officer_goes_away_with_the_last_socket_and_returns_with_the_next() {
    let app = spawn_app().await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    assert_eq!(me(&app, &officer).await["availability"], "offline");
    available(&app, &officer, "available").await;
    let first = connect(&app, &officer.access_token).await;
    let second = connect(&app, &officer.access_token).await;
    drop(first);
    // Still one socket open: still available (checked after the first has surely closed).
    let third = connect(&app, &officer.access_token).await;
    drop(third);
    drop(second);
    let mut seen = Value::Null;
    for _ in 0..200 {
        seen = me(&app, &officer).await["availability"].clone();
        if seen == "away" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert_eq!(seen, "away");
    let back = connect(&app, &officer.access_token).await;
    for _ in 0..200 {
        seen = me(&app, &officer).await["availability"].clone();
        if seen == "available" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert_eq!(seen, "available");
    drop(back);
    // Offline by choice stays offline whatever the sockets do.
    available(&app, &officer, "offline").await;
    let again = connect(&app, &officer.access_token).await;
    drop(again);
    let user = app.public_user().await;
    assert_eq!(me(&app, &user).await["availability"], Value::Null);
    assert_eq!(me(&app, &officer).await["availability"], "offline");
}

#[tokio::test]
async fn capacity_is_the_units_supervisors_to_set_and_availability_the_officers_own() {
    let app = spawn_app().await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    let supervisor = app.staff(Role::Supervisor, Some("3304")).await;
    let elsewhere = app.staff(Role::Supervisor, Some("3375")).await;
    let user = app.public_user().await;
    let id = me(&app, &officer).await["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/staff/{id}");
    app.patch(
        &path,
        Some(officer.access_token.as_str()),
        json!({"capacity": 9}),
    )
    .await
    .problem(403, "forbidden");
    app.patch(
        &path,
        Some(elsewhere.access_token.as_str()),
        json!({"capacity": 9}),
    )
    .await
    .problem(404, "not_found");
    app.patch(
        &path,
        Some(supervisor.access_token.as_str()),
        json!({"capacity": 0}),
    )
    .await
    .field_error("capacity");
    let saved = app
        .patch(
            &path,
            Some(supervisor.access_token.as_str()),
            json!({"capacity": 9}),
        )
        .await;
    assert_eq!(saved.ok()["capacity"], 9);
    assert_eq!(saved.body["availability"], "offline");
    app.put(
        "/api/v1/me/availability",
        Some(user.access_token.as_str()),
        json!({"availability": "available"}),
    )
    .await
    .problem(403, "forbidden");
}
