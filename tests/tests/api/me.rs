use serde_json::json;
use statkonsul_tests::spawn_app;

#[tokio::test]
async fn me_needs_a_valid_access_token() {
    let app = spawn_app().await;
    app.get("/api/v1/me", None)
        .await
        .problem(401, "authentication_required");
    app.get("/api/v1/me", Some("not-a-jwt"))
        .await
        .problem(401, "invalid_access_token");
    let forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwMTkyZjBjNC04ZDNlLTdjMWEtOWE0ZS0yYjFmM2M0ZDVlNmYiLCJyb2xlIjoiYWRtaW4iLCJzaWQiOiIwMTkyZjBjNC04ZDNlLTdjMWEtOWE0ZS0yYjFmM2M0ZDVlNmYiLCJpYXQiOjE3OTAwMDAwMDAsImV4cCI6NDEwMDAwMDAwMH0.c2lnbmF0dXJl";
    app.get("/api/v1/me", Some(forged))
        .await
        .problem(401, "invalid_access_token");
}

#[tokio::test]
async fn a_user_updates_their_profile_and_null_clears_a_field() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let token = Some(user.access_token.as_str());
    let updated = app
        .patch(
            "/api/v1/me",
            token,
            json!({"full_name": "Siti Rahmawati", "phone": "+62 812-3456-7890", "institution": "Universitas Diponegoro", "occupation": "Peneliti"}),
        )
        .await;
    let body = updated.ok();
    assert_eq!(body["full_name"], "Siti Rahmawati");
    assert_eq!(body["institution"], "Universitas Diponegoro");

    let cleared = app
        .patch("/api/v1/me", token, json!({"institution": null}))
        .await;
    assert_eq!(cleared.ok()["institution"], serde_json::Value::Null);
    assert_eq!(cleared.body["occupation"], "Peneliti", "absent fields stay");
}

#[tokio::test]
async fn a_bad_profile_update_changes_nothing() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let token = Some(user.access_token.as_str());
    let reply = app
        .patch(
            "/api/v1/me",
            token,
            json!({"full_name": "Siti Baru", "phone": "12"}),
        )
        .await;
    reply.field_error("phone");
    let me = app.get("/api/v1/me", token).await;
    assert_eq!(me.ok()["full_name"], "Siti Rahma");
    app.patch("/api/v1/me", token, json!({"email": "x@y.id"}))
        .await
        .problem(400, "malformed_json");
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let other_session = app.login(&user.email, &user.password).await.ok()["refresh_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let token = Some(user.access_token.as_str());
    let wrong = app
        .post(
            "/api/v1/me/password",
            token,
            json!({"current_password": "Nope-Nope-2026", "new_password": "Hujan-Sore-2026"}),
        )
        .await;
    wrong.problem(422, "wrong_password");
    let ok = app
        .post(
            "/api/v1/me/password",
            token,
            json!({"current_password": user.password, "new_password": "Hujan-Sore-2026"}),
        )
        .await;
    assert_eq!(ok.status, 204, "{}", ok.text);
    app.login(&user.email, "Hujan-Sore-2026").await.ok();
    app.refresh(&other_session)
        .await
        .problem(401, "invalid_refresh_token");
    app.refresh(&user.refresh_token).await.ok();
}
