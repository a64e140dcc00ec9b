use serde_json::{Value, json};
use statkonsul::auth::Role;
use statkonsul_tests::spawn_app;

#[tokio::test]
async fn units_are_listed_publicly_with_pagination() {
    let app = spawn_app().await;
    let all = app.get("/api/v1/units", None).await;
    let body = all.ok();
    assert_eq!(body["total"], 10);
    let codes: Vec<&str> = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "0000", "1200", "1207", "1800", "1808", "3300", "3304", "3375", "6500", "6571"
        ]
    );
    let page = app.get("/api/v1/units?page=2&per_page=3", None).await;
    let page = page.ok();
    assert_eq!(page["total"], 10);
    assert_eq!(page["page"], 2);
    assert_eq!(page["per_page"], 3);
    assert_eq!(page["items"][0]["code"], "1800");
}

#[tokio::test]
async fn units_form_a_hierarchy_with_their_own_time_zones() {
    let app = spawn_app().await;
    let tarakan = app.get("/api/v1/units/6571", None).await;
    let body = tarakan.ok();
    assert_eq!(body["time_zone"], "Asia/Makassar");
    assert_eq!(body["parent_code"], "6500");
    assert_eq!(body["kind"], "city");
    let province = app.get("/api/v1/units/6500", None).await;
    assert_eq!(province.ok()["parent_code"], "0000");
    let pekalongan = app.get("/api/v1/units/3375", None).await;
    assert_eq!(pekalongan.ok()["time_zone"], "Asia/Jakarta");
    app.get("/api/v1/units/9999", None)
        .await
        .problem(404, "not_found");
}

#[tokio::test]
async fn each_unit_has_its_own_settings_from_its_standard() {
    let app = spawn_app().await;
    let expected = [
        ("3375", 7, 1),
        ("3304", 3, 3),
        ("1207", 7, 3),
        ("1808", 7, 3),
        ("6571", 7, 3),
    ];
    for (code, auto_close, deadline) in expected {
        let reply = app.get(&format!("/api/v1/units/{code}"), None).await;
        let settings = &reply.ok()["settings"];
        assert_eq!(settings["auto_close_after_days"], auto_close, "{code}");
        assert_eq!(settings["online_deadline_working_days"], deadline, "{code}");
        assert_eq!(settings["walkin_max_wait_minutes"], 10, "{code}");
    }
}

#[tokio::test]
async fn the_five_published_standards_are_served_component_by_component() {
    let app = spawn_app().await;
    for code in ["3375", "3304", "1207", "1808", "6571"] {
        let reply = app.get(&format!("/api/v1/units/{code}"), None).await;
        let s = &reply.ok()["service_standard"];
        assert!(
            s["service_name"].as_str().is_some_and(|n| !n.is_empty()),
            "{code}"
        );
        assert_eq!(s["cost"], "Tidak dipungut biaya", "{code}");
        assert!(
            !s["requirements"]["online"].as_array().unwrap().is_empty(),
            "{code}"
        );
        assert!(
            !s["procedures"]["online"].as_array().unwrap().is_empty(),
            "{code}"
        );
        assert!(!s["products"].as_array().unwrap().is_empty(), "{code}");
        assert!(
            !s["complaint_channels"].as_array().unwrap().is_empty(),
            "{code}"
        );
        assert!(s["updated_at"].is_string());
    }
    let tarakan = app.get("/api/v1/units/6571", None).await;
    let s = &tarakan.body["service_standard"];
    assert_eq!(s["sk_number"], "24E Tahun 2024");
    assert!(!s["requirements"]["offline"].as_array().unwrap().is_empty());
    assert!(
        s["completion_time"]["offline"]
            .as_str()
            .unwrap()
            .contains("10 (sepuluh) menit")
    );
    let banjarnegara = app.get("/api/v1/units/3304", None).await;
    let channels = banjarnegara.body["service_standard"]["complaint_channels"]
        .as_array()
        .unwrap()
        .clone();
    assert!(
        channels
            .iter()
            .any(|c| c["channel"] == "email" && c["value"] == "bps3304@bps.go.id")
    );
    let province = app.get("/api/v1/units/3300", None).await;
    assert_eq!(province.ok()["service_standard"], Value::Null);
}

fn settings(auto_close: i32) -> Value {
    json!({"auto_close_after_days": auto_close, "online_deadline_working_days": 2,
           "walkin_max_wait_minutes": 15, "notify_staff_on_new_consultation": false})
}

#[tokio::test]
async fn an_admin_or_the_units_supervisor_changes_settings() {
    let app = spawn_app().await;
    let admin = app.staff(Role::Admin, None).await;
    let reply = app
        .put(
            "/api/v1/units/6571/settings",
            Some(admin.access_token.as_str()),
            settings(5),
        )
        .await;
    assert_eq!(reply.ok()["auto_close_after_days"], 5);
    let supervisor = app.staff(Role::Supervisor, Some("3304")).await;
    app.put(
        "/api/v1/units/3304/settings",
        Some(supervisor.access_token.as_str()),
        settings(4),
    )
    .await
    .ok();
    let unit = app.get("/api/v1/units/3304", None).await;
    let saved = &unit.ok()["settings"];
    for (field, value) in settings(4).as_object().unwrap() {
        assert_eq!(&saved[field], value, "{field}");
    }
    // Settings left out keep their documented defaults.
    assert_eq!(saved["walkin_priority_run"], 2);
    assert_eq!(saved["walkin_remote_tickets"], false);
}

#[tokio::test]
async fn nobody_else_changes_a_units_settings() {
    let app = spawn_app().await;
    let other_supervisor = app.staff(Role::Supervisor, Some("3375")).await;
    let province_supervisor = app.staff(Role::Supervisor, Some("3300")).await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    let front = app.staff(Role::FrontOffice, Some("3304")).await;
    let public = app.public_user().await;
    for user in [
        &other_supervisor,
        &province_supervisor,
        &officer,
        &front,
        &public,
    ] {
        app.put(
            "/api/v1/units/3304/settings",
            Some(user.access_token.as_str()),
            settings(1),
        )
        .await
        .problem(403, "forbidden");
    }
    app.put("/api/v1/units/3304/settings", None, settings(1))
        .await
        .problem(401, "authentication_required");
    let unit = app.get("/api/v1/units/3304", None).await;
    assert_eq!(unit.ok()["settings"]["auto_close_after_days"], 3);
}

#[tokio::test]
async fn invalid_settings_name_their_fields_and_change_nothing() {
    let app = spawn_app().await;
    let admin = app.staff(Role::Admin, None).await;
    let reply = app
        .put(
            "/api/v1/units/3375/settings",
            Some(admin.access_token.as_str()),
            json!({"auto_close_after_days": 0, "online_deadline_working_days": 31, "walkin_max_wait_minutes": 10}),
        )
        .await;
    reply.field_error("auto_close_after_days");
    reply.field_error("online_deadline_working_days");
    app.put(
        "/api/v1/units/3375/settings",
        Some(admin.access_token.as_str()),
        json!({"auto_close_after_days": 3}),
    )
    .await
    .problem(400, "malformed_json");
    app.put(
        "/api/v1/units/9999/settings",
        Some(admin.access_token.as_str()),
        settings(3),
    )
    .await
    .problem(404, "not_found");
    let unit = app.get("/api/v1/units/3375", None).await;
    assert_eq!(unit.ok()["settings"]["online_deadline_working_days"], 1);
}

fn standard() -> Value {
    json!({
        "service_name": "Konsultasi Statistik",
        "sk_number": "12 Tahun 2026",
        "address": "Jl. Contoh No. 1",
        "phone": "(0286) 591893",
        "fax": null,
        "website": "https://banjarnegarakab.bps.go.id",
        "email": "bps3304@bps.go.id",
        "requirements": {"online": ["Memiliki alamat email yang aktif"], "offline": ["Membawa kartu identitas"]},
        "procedures": {"online": ["Mencari informasi", "Membuat konsultasi"], "offline": ["Mengambil nomor antrian"]},
        "completion_time": {"online": "3 hari kerja", "offline": "10 menit"},
        "cost": "Tidak dipungut biaya",
        "products": ["Jasa konsultasi informasi statistik"],
        "complaint_channels": [{"channel": "whatsapp", "label": "WA", "value": "0812-0000-3304"}]
    })
}

#[tokio::test]
async fn the_units_supervisor_publishes_a_new_standard() {
    let app = spawn_app().await;
    let supervisor = app.staff(Role::Supervisor, Some("3304")).await;
    let reply = app
        .put(
            "/api/v1/units/3304/service-standard",
            Some(supervisor.access_token.as_str()),
            standard(),
        )
        .await;
    assert_eq!(reply.ok()["sk_number"], "12 Tahun 2026");
    let unit = app.get("/api/v1/units/3304", None).await;
    let s = &unit.ok()["service_standard"];
    assert_eq!(s["complaint_channels"][0]["channel"], "whatsapp");
    assert_eq!(s["procedures"]["online"][1], "Membuat konsultasi");
    // A unit without a standard can publish its first one.
    let admin = app.staff(Role::Admin, None).await;
    app.put(
        "/api/v1/units/3300/service-standard",
        Some(admin.access_token.as_str()),
        standard(),
    )
    .await
    .ok();
    let province = app.get("/api/v1/units/3300", None).await;
    assert_eq!(
        province.ok()["service_standard"]["service_name"],
        "Konsultasi Statistik"
    );
}

#[tokio::test]
async fn an_invalid_standard_is_refused_whole_and_others_may_not_publish() {
    let app = spawn_app().await;
    let supervisor = app.staff(Role::Supervisor, Some("3304")).await;
    let mut bad = standard();
    bad["service_name"] = json!("");
    bad["email"] = json!("not-an-email");
    bad["procedures"]["online"] = json!(["ok", "  "]);
    let reply = app
        .put(
            "/api/v1/units/3304/service-standard",
            Some(supervisor.access_token.as_str()),
            bad,
        )
        .await;
    reply.field_error("service_name");
    reply.field_error("email");
    reply.field_error("procedures.online");
    let mut wrong_channel = standard();
    wrong_channel["complaint_channels"][0]["channel"] = json!("pigeon");
    app.put(
        "/api/v1/units/3304/service-standard",
        Some(supervisor.access_token.as_str()),
        wrong_channel,
    )
    .await
    .problem(400, "malformed_json");
    let unit = app.get("/api/v1/units/3304", None).await;
    assert_ne!(unit.ok()["service_standard"]["service_name"], "");
    assert_ne!(unit.body["service_standard"]["sk_number"], "12 Tahun 2026");

    let officer = app.staff(Role::Officer, Some("3304")).await;
    app.put(
        "/api/v1/units/3304/service-standard",
        Some(officer.access_token.as_str()),
        standard(),
    )
    .await
    .problem(403, "forbidden");
    app.put(
        "/api/v1/units/3375/service-standard",
        Some(supervisor.access_token.as_str()),
        standard(),
    )
    .await
    .problem(403, "forbidden");
}
