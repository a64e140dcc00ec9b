use serde_json::json;
use statkonsul::auth::Role;
use statkonsul_tests::spawn_app;

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
    let empty = app.get("/api/v1/holidays?year=2031", None).await;
    assert_eq!(empty.ok()["items"], json!([]));
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
