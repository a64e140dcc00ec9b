use serde_json::json;
use statkonsul::auth::Role;
use statkonsul_tests::spawn_app;

fn officer(email: &str, unit: &str) -> serde_json::Value {
    json!({"email": email, "password": "Meja-Layanan-2026", "full_name": "Rina Wulandari", "role": "officer", "unit_code": unit})
}

#[tokio::test]
async fn an_admin_creates_a_staff_account_that_can_log_in() {
    let app = spawn_app().await;
    let admin = app.staff(Role::Admin, None).await;
    let reply = app
        .post(
            "/api/v1/staff",
            Some(admin.access_token.as_str()),
            officer("Rina@BPS.go.id", "3304"),
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.text);
    assert_eq!(reply.body["email"], "rina@bps.go.id");
    assert_eq!(reply.body["role"], "officer");
    assert_eq!(reply.body["unit_code"], "3304");
    let mail = app.smtp.wait_for(|m| m.to == ["rina@bps.go.id"]).await;
    assert!(mail.body().contains("BPS Kabupaten Banjarnegara"));
    assert!(
        !mail.body().contains("Meja-Layanan-2026"),
        "passwords are never mailed"
    );
    let login = app.login("rina@bps.go.id", "Meja-Layanan-2026").await;
    let me = app
        .get("/api/v1/me", login.ok()["access_token"].as_str())
        .await;
    assert_eq!(me.ok()["role"], "officer");
    assert_eq!(me.body["unit_code"], "3304");
}

#[tokio::test]
async fn staff_creation_refuses_bad_input() {
    let app = spawn_app().await;
    let admin = app.staff(Role::Admin, None).await;
    let token = Some(admin.access_token.as_str());
    app.post("/api/v1/staff", token, officer("dup@bps.go.id", "3304"))
        .await
        .ok();
    app.post("/api/v1/staff", token, officer("DUP@bps.go.id", "3375"))
        .await
        .problem(409, "email_taken");
    let mut no_unit = officer("a@bps.go.id", "3304");
    no_unit["unit_code"] = serde_json::Value::Null;
    app.post("/api/v1/staff", token, no_unit)
        .await
        .field_error("unit_code");
    let reply = app
        .post("/api/v1/staff", token, officer("b@bps.go.id", "9999"))
        .await;
    let body = reply.problem(422, "unit_not_found");
    assert!(body["errors"]["unit_code"].is_array());
    let mut public_role = officer("c@bps.go.id", "3304");
    public_role["role"] = json!("public");
    app.post("/api/v1/staff", token, public_role)
        .await
        .field_error("role");
    let mut weak = officer("d@bps.go.id", "3304");
    weak["password"] = json!("123");
    app.post("/api/v1/staff", token, weak)
        .await
        .field_error("password");
    let mut unknown_role = officer("e@bps.go.id", "3304");
    unknown_role["role"] = json!("king");
    app.post("/api/v1/staff", token, unknown_role)
        .await
        .problem(400, "malformed_json");
    for email in ["a@bps.go.id", "b@bps.go.id", "c@bps.go.id", "d@bps.go.id"] {
        app.login(email, "Meja-Layanan-2026")
            .await
            .problem(401, "invalid_credentials");
    }
}

#[tokio::test]
async fn only_admins_create_staff() {
    let app = spawn_app().await;
    let supervisor = app.staff(Role::Supervisor, Some("3304")).await;
    let public = app.public_user().await;
    for user in [&supervisor, &public] {
        app.post(
            "/api/v1/staff",
            Some(user.access_token.as_str()),
            officer("x@bps.go.id", "3304"),
        )
        .await
        .problem(403, "forbidden");
    }
    app.post("/api/v1/staff", None, officer("x@bps.go.id", "3304"))
        .await
        .problem(401, "authentication_required");
}

#[tokio::test]
async fn admins_see_all_staff_and_supervisors_only_their_units() {
    let app = spawn_app().await;
    let admin = app.staff(Role::Admin, None).await;
    let supervisor = app.staff(Role::Supervisor, Some("3304")).await;
    app.staff(Role::Officer, Some("3304")).await;
    app.staff(Role::Officer, Some("3375")).await;
    app.staff(Role::FrontOffice, Some("6571")).await;
    app.public_user().await;

    let all = app
        .get("/api/v1/staff", Some(admin.access_token.as_str()))
        .await;
    assert_eq!(all.ok()["total"], 5, "public users are not staff");
    let one_unit = app
        .get("/api/v1/staff?unit=3375", Some(admin.access_token.as_str()))
        .await;
    assert_eq!(one_unit.ok()["total"], 1);

    let own = app
        .get("/api/v1/staff", Some(supervisor.access_token.as_str()))
        .await;
    let items = own.ok()["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 2);
    assert!(items.iter().all(|s| s["unit_code"] == "3304"));
    app.get(
        "/api/v1/staff?unit=3375",
        Some(supervisor.access_token.as_str()),
    )
    .await
    .problem(403, "forbidden");

    let officer = app.staff(Role::Officer, Some("3304")).await;
    app.get("/api/v1/staff", Some(officer.access_token.as_str()))
        .await
        .problem(403, "forbidden");
    let public = app.public_user().await;
    app.get("/api/v1/staff", Some(public.access_token.as_str()))
        .await
        .problem(403, "forbidden");
    app.get("/api/v1/staff", None)
        .await
        .problem(401, "authentication_required");
}
