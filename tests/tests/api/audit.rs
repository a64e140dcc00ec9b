//! The audit log of staff actions: written for every staff change, read by admins and by a
//! unit's supervisors for their unit only, never changed.
use reqwest::Method;
use serde_json::json;
use statkonsul::auth::Role;
use statkonsul_tests::{Options, TestApp, spawn_app_with};

#[tokio::test]
async fn staff_changes_are_logged_with_who_what_and_where_and_shown_only_to_their_unit() {
    let app = spawn_app_with(Options {
        trusted_proxies: "127.0.0.1/32",
        ..Options::default()
    })
    .await;
    let user = app.public_user().await;
    let officer = app.staff(Role::Officer, Some("3375")).await;
    let supervisor = app.staff(Role::Supervisor, Some("3375")).await;
    let elsewhere = app.staff(Role::Supervisor, Some("3304")).await;
    let admin = app.staff(Role::Admin, None).await;
    let c = app.open_consultation(&user, "3375").await;
    let id = c["id"].as_str().unwrap();
    let res = app
        .client
        .request(
            Method::POST,
            app.url(&format!("/api/v1/consultations/{id}/claim")),
        )
        .bearer_auth(&officer.access_token)
        .header("X-Forwarded-For", "203.0.113.7")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(TestApp::read(res).await.status, 200);
    // A refused change is no change: it is not logged.
    app.post(
        &format!("/api/v1/consultations/{id}/claim"),
        Some(&officer.access_token),
        json!({}),
    )
    .await
    .problem(409, "already_claimed");

    let log = app
        .get("/api/v1/audit", Some(&supervisor.access_token))
        .await;
    let body = log.ok();
    assert_eq!(body["total"], 1, "{body}");
    let entry = &body["items"][0];
    assert_eq!(entry["action"], "POST /consultations/{id}/claim");
    assert_eq!(entry["target_type"], "consultations");
    assert_eq!(entry["target_id"], id);
    assert_eq!(entry["actor_role"], "officer");
    assert_eq!(entry["unit_code"], "3375");
    assert_eq!(entry["address"], "203.0.113.7");
    assert_eq!(entry["detail"]["status"], 200);
    let me = app.get("/api/v1/me", Some(&officer.access_token)).await;
    assert_eq!(entry["actor_id"], me.ok()["id"]);

    // The member of the public's own actions are not staff actions.
    assert!(
        body["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["action"] != "POST /consultations")
    );
    // Another unit's supervisor sees nothing of it, and may not ask for it.
    let theirs = app
        .get("/api/v1/audit", Some(&elsewhere.access_token))
        .await;
    assert_eq!(theirs.ok()["total"], 0);
    app.get("/api/v1/audit?unit=3375", Some(&elsewhere.access_token))
        .await
        .problem(403, "forbidden");
    app.get("/api/v1/audit", Some(&officer.access_token))
        .await
        .problem(403, "forbidden");
    app.get("/api/v1/audit", Some(&user.access_token))
        .await
        .problem(403, "forbidden");
    app.get("/api/v1/audit", None)
        .await
        .problem(401, "authentication_required");
    let all = app
        .get("/api/v1/audit?unit=3375", Some(&admin.access_token))
        .await;
    assert_eq!(all.ok()["total"], 1);

    // Append-only, in the database itself.
    let db = &app.state().db;
    use sea_orm::ConnectionTrait;
    assert!(
        db.execute_unprepared("UPDATE audit_events SET address = 'x'")
            .await
            .is_err()
    );
    assert!(
        db.execute_unprepared("DELETE FROM audit_events")
            .await
            .is_err()
    );
    let still = app
        .get("/api/v1/audit", Some(&supervisor.access_token))
        .await;
    assert_eq!(still.ok()["items"][0]["address"], "203.0.113.7");
}
