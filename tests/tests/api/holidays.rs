use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use statkonsul::auth::Role;
use statkonsul_tests::{TestApp, TestUser, spawn_app};

fn at(t: &str) -> DateTime<Utc> {
    t.parse().unwrap()
}

#[tokio::test]
async fn the_2026_calendar_is_loaded_and_public() {
    let app = spawn_app().await;
    let reply = app.get("/api/v1/holidays?year=2026", None).await;
    let body = reply.ok();
    assert_eq!(body["year"], 2026);
    let items = body["items"].as_array().unwrap();
    assert_eq!(items.len(), 25);
    assert!(
        items
            .iter()
            .any(|h| h["date"] == "2026-03-19" && h["kind"] == "national")
    );
    assert!(
        items
            .iter()
            .any(|h| h["date"] == "2026-12-24" && h["kind"] == "collective_leave")
    );
    let dates: Vec<&str> = items.iter().map(|h| h["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    assert_eq!(body["loaded"], true);
    // A year without a decree still has its fixed-date national holidays.
    let unloaded = app.get("/api/v1/holidays?year=2031", None).await;
    let unloaded = unloaded.ok();
    assert_eq!(unloaded["loaded"], false);
    let fixed: Vec<&str> = unloaded["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            assert_eq!(h["kind"], "national");
            h["date"].as_str().unwrap()
        })
        .collect();
    assert_eq!(
        fixed,
        [
            "2031-01-01",
            "2031-05-01",
            "2031-06-01",
            "2031-08-17",
            "2031-12-25"
        ]
    );
    app.get("/api/v1/holidays?year=1800", None)
        .await
        .field_error("year");
}

#[tokio::test]
async fn an_admin_replaces_a_years_calendar() {
    let app = spawn_app().await;
    let admin = app.staff(Role::Admin, None).await;
    let items = json!({"items": [
        {"date": "2027-01-01", "kind": "national", "name": "Tahun Baru 2027 Masehi"},
        {"date": "2027-08-17", "kind": "national", "name": "Proklamasi Kemerdekaan RI"}
    ]});
    let reply = app
        .put(
            "/api/v1/holidays?year=2027",
            Some(admin.access_token.as_str()),
            items,
        )
        .await;
    assert_eq!(reply.ok()["items"].as_array().unwrap().len(), 2);
    let replaced = json!({"items": [{"date": "2027-08-17", "kind": "national", "name": "HUT RI"}]});
    app.put(
        "/api/v1/holidays?year=2027",
        Some(admin.access_token.as_str()),
        replaced,
    )
    .await
    .ok();
    let year = app.get("/api/v1/holidays?year=2027", None).await;
    assert_eq!(
        year.ok()["items"],
        json!([{"date": "2027-08-17", "kind": "national", "name": "HUT RI"}])
    );
    let untouched = app.get("/api/v1/holidays?year=2026", None).await;
    assert_eq!(untouched.ok()["items"].as_array().unwrap().len(), 25);
}

#[tokio::test]
async fn a_bad_calendar_is_refused_whole() {
    let app = spawn_app().await;
    let admin = app.staff(Role::Admin, None).await;
    let token = Some(admin.access_token.as_str());
    let wrong_year = json!({"items": [
        {"date": "2026-05-01", "kind": "national", "name": "Hari Buruh"},
        {"date": "2025-12-31", "kind": "national", "name": "Salah tahun"}
    ]});
    app.put("/api/v1/holidays?year=2026", token, wrong_year)
        .await
        .field_error("items[1].date");
    let duplicate = json!({"items": [
        {"date": "2026-05-01", "kind": "national", "name": "Hari Buruh"},
        {"date": "2026-05-01", "kind": "collective_leave", "name": "Lagi"}
    ]});
    app.put("/api/v1/holidays?year=2026", token, duplicate)
        .await
        .field_error("items[1].date");
    let bad_kind = json!({"items": [{"date": "2026-05-01", "kind": "party", "name": "x"}]});
    app.put("/api/v1/holidays?year=2026", token, bad_kind)
        .await
        .problem(400, "malformed_json");
    let no_name = json!({"items": [{"date": "2026-05-01", "kind": "national", "name": ""}]});
    app.put("/api/v1/holidays?year=2026", token, no_name)
        .await
        .field_error("items[0].name");
    let year = app.get("/api/v1/holidays?year=2026", None).await;
    assert_eq!(
        year.ok()["items"].as_array().unwrap().len(),
        25,
        "nothing changed"
    );
}

#[tokio::test]
async fn only_an_admin_changes_the_calendar() {
    let app = spawn_app().await;
    let body = json!({"items": []});
    for (role, unit) in [
        (Role::Supervisor, Some("3375")),
        (Role::Officer, Some("3375")),
        (Role::FrontOffice, Some("3375")),
    ] {
        let user = app.staff(role, unit).await;
        app.put(
            "/api/v1/holidays?year=2026",
            Some(user.access_token.as_str()),
            body.clone(),
        )
        .await
        .problem(403, "forbidden");
    }
    let public = app.public_user().await;
    app.put(
        "/api/v1/holidays?year=2026",
        Some(public.access_token.as_str()),
        body.clone(),
    )
    .await
    .problem(403, "forbidden");
    app.put("/api/v1/holidays?year=2026", None, body)
        .await
        .problem(401, "authentication_required");
    let year = app.get("/api/v1/holidays?year=2026", None).await;
    assert_eq!(year.ok()["items"].as_array().unwrap().len(), 25);
}

#[tokio::test]
async fn anyone_reads_whether_next_years_decree_is_due() {
    let app = spawn_app().await;
    // 1 October 2026, 00:30 in Jakarta (30 September in UTC): the reminder starts.
    app.state().clock.set(at("2026-09-30T17:30:00Z"));
    let status = app.get("/api/v1/holidays/status", None).await;
    assert_eq!(
        status.ok(),
        &json!({"today": "2026-10-01", "year": 2026, "loaded": true, "next_year": 2027,
            "next_year_loaded": false, "load_next_year": true})
    );
    // Every caller reads the same, as with the calendar itself.
    let public = app.public_user().await;
    let officer = app.staff(Role::Officer, Some("3375")).await;
    for token in [&public.access_token, &officer.access_token] {
        let same = app.get("/api/v1/holidays/status", Some(token)).await;
        assert_eq!(same.ok(), status.ok());
    }
    // The day before, in Jakarta, it is not time yet.
    app.state().clock.set(at("2026-09-30T16:30:00Z"));
    let september = app.get("/api/v1/holidays/status", None).await;
    assert_eq!(september.ok()["today"], "2026-09-30");
    assert_eq!(september.ok()["load_next_year"], false);
    // Once the admin loads 2027 the reminder stops.
    app.state().clock.set(at("2026-12-07T03:00:00Z"));
    let admin = app.staff(Role::Admin, None).await;
    load_2027(&app, &admin).await;
    let loaded = app.get("/api/v1/holidays/status", None).await;
    assert_eq!(loaded.ok()["next_year_loaded"], true);
    assert_eq!(loaded.ok()["load_next_year"], false);
    // In a year whose own decree is missing, it is time at once.
    app.state().clock.set(at("2028-02-01T03:00:00Z"));
    let missing = app.get("/api/v1/holidays/status", None).await;
    assert_eq!(
        missing.ok(),
        &json!({"today": "2028-02-01", "year": 2028, "loaded": false, "next_year": 2029,
            "next_year_loaded": false, "load_next_year": true})
    );
}

/// A 2027 decree, partly: 1 January and a collective leave day (what matters is that it is
/// loaded).
async fn load_2027(app: &TestApp, admin: &TestUser) {
    app.put(
        "/api/v1/holidays?year=2027",
        Some(admin.access_token.as_str()),
        json!({"items": [
            {"date": "2027-01-01", "kind": "national", "name": "Tahun Baru 2027 Masehi"},
            {"date": "2027-02-08", "kind": "collective_leave", "name": "Cuti bersama Tahun Baru Imlek"}
        ]}),
    )
    .await
    .ok();
}

async fn clarified(app: &TestApp, user: &TestUser, officer: &TestUser, unit: &str) -> Value {
    let c = app.open_consultation(user, unit).await;
    let id = c["id"].as_str().unwrap();
    let token = Some(officer.access_token.as_str());
    app.post(
        &format!("/api/v1/consultations/{id}/claim"),
        token,
        json!({}),
    )
    .await
    .ok();
    app.post(
        &format!("/api/v1/consultations/{id}/clarify"),
        token,
        json!({}),
    )
    .await
    .ok()
    .clone()
}

/// The consultation `id` as `who` reads it: alone, and in the unit's list.
async fn read(app: &TestApp, who: &TestUser, id: &str) -> (Value, Value) {
    let token = Some(who.access_token.as_str());
    let one = app.get(&format!("/api/v1/consultations/{id}"), token).await;
    let list = app.get("/api/v1/consultations?unit=3304", token).await;
    let listed = list.ok()["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .cloned()
        .unwrap();
    (one.ok().clone(), listed)
}

#[tokio::test]
async fn a_deadline_into_an_unloaded_year_skips_new_year_and_is_provisional_until_it_is_loaded() {
    let app = spawn_app().await;
    // Tuesday 1 December 2026, 10:00 in Banjarnegara (WIB), whose deadline is 3 working days.
    app.state().clock.set(at("2026-12-01T03:00:00Z"));
    let user = app.public_user().await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    let supervisor = app.staff(Role::Supervisor, Some("3304")).await;
    let admin = app.staff(Role::Admin, None).await;
    let within = clarified(&app, &user, &officer, "3304").await;
    assert_eq!(within["deadline_at"], "2026-12-04T16:59:59Z");
    assert_eq!(within["deadline_provisional"], false, "2026 is loaded");

    // Tuesday 29 December 2026: Wed 30, Thu 31, (Fri 1 January 2027, the weekend), Mon 4.
    app.state().clock.set(at("2026-12-29T03:00:00Z"));
    let across = clarified(&app, &user, &officer, "3304").await;
    assert_eq!(across["deadline_at"], "2027-01-04T16:59:59Z");
    assert_eq!(across["deadline_provisional"], true, "2027 is not loaded");
    let id = across["id"].as_str().unwrap();
    for staff in [&officer, &supervisor] {
        let (one, listed) = read(&app, staff, id).await;
        assert_eq!(one["deadline_provisional"], true);
        assert_eq!(listed["deadline_provisional"], true);
        assert_eq!(listed["deadline_at"], "2027-01-04T16:59:59Z");
    }
    let (_, earlier) = read(&app, &officer, within["id"].as_str().unwrap()).await;
    assert_eq!(earlier["deadline_provisional"], false);

    load_2027(&app, &admin).await;
    for staff in [&officer, &supervisor] {
        let (one, listed) = read(&app, staff, id).await;
        assert_eq!(one["deadline_provisional"], false);
        assert_eq!(listed["deadline_provisional"], false);
        assert_eq!(
            one["deadline_at"], "2027-01-04T16:59:59Z",
            "kept as counted"
        );
    }
    // Unloaded again (an empty list), the deadline is provisional again.
    app.put(
        "/api/v1/holidays?year=2027",
        Some(admin.access_token.as_str()),
        json!({"items": []}),
    )
    .await
    .ok();
    let (one, _) = read(&app, &officer, id).await;
    assert_eq!(one["deadline_provisional"], true);
}
