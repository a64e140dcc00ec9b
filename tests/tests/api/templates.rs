//! Answer templates: a unit's own and national ones, written by those who may, hidden from
//! other units, and filled for the consultation they answer.
use serde_json::{Value, json};
use statkonsul::auth::Role;
use statkonsul_tests::{TestApp, TestUser, spawn_app};

fn template(unit: Option<&str>, shortcut: &str, body: &str) -> Value {
    json!({
        "unit_code": unit,
        "title": format!("Templat {shortcut}"),
        "shortcut": shortcut,
        "body": body,
    })
}

async fn create(app: &TestApp, by: &TestUser, body: Value) -> Value {
    let created = app
        .post("/api/v1/templates", Some(by.access_token.as_str()), body)
        .await;
    assert_eq!(created.status, 201, "{}", created.text);
    created.body
}

fn shortcuts(page: &Value) -> Vec<&str> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["shortcut"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn officers_write_their_units_templates_and_admins_the_national_ones() {
    let app = spawn_app().await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    let elsewhere = app.staff(Role::Officer, Some("3375")).await;
    let province = app.staff(Role::Supervisor, Some("3300")).await;
    let front = app.staff(Role::FrontOffice, Some("3304")).await;
    let admin = app.staff(Role::Admin, None).await;
    let user = app.public_user().await;

    let own = create(
        &app,
        &officer,
        template(Some("3304"), "data-web", "Halo {nama}."),
    )
    .await;
    create(
        &app,
        &admin,
        template(None, "salam", "Selamat siang {nama}."),
    )
    .await;
    create(
        &app,
        &elsewhere,
        template(Some("3375"), "data-web", "Di Pekalongan."),
    )
    .await;
    // Not theirs to write.
    for (caller, body) in [
        (&officer, template(None, "nasional", "Halo.")),
        (&officer, template(Some("3375"), "lain", "Halo.")),
        (&province, template(Some("3304"), "atas", "Halo.")),
        (&front, template(Some("3304"), "depan", "Halo.")),
        (&user, template(Some("3304"), "warga", "Halo.")),
    ] {
        app.post(
            "/api/v1/templates",
            Some(caller.access_token.as_str()),
            body,
        )
        .await
        .problem(403, "forbidden");
    }

    // Each unit's own first, then the national ones; never another unit's.
    let mine = app
        .get("/api/v1/templates", Some(officer.access_token.as_str()))
        .await;
    assert_eq!(shortcuts(mine.ok()), ["data-web", "salam"]);
    assert_eq!(mine.body["items"][0]["id"], own["id"]);
    let theirs = app
        .get("/api/v1/templates", Some(elsewhere.access_token.as_str()))
        .await;
    assert_eq!(theirs.ok()["total"], 2);
    assert_ne!(theirs.body["items"][0]["id"], own["id"]);
    let template_path = format!("/api/v1/templates/{}", own["id"].as_str().unwrap());
    app.get(&template_path, Some(elsewhere.access_token.as_str()))
        .await
        .problem(404, "not_found");
    app.get(
        "/api/v1/templates?unit=3304",
        Some(elsewhere.access_token.as_str()),
    )
    .await
    .problem(403, "forbidden");
    // The supervisor above reads the unit's, but does not change them.
    let above = app
        .get(
            "/api/v1/templates?unit=3304",
            Some(province.access_token.as_str()),
        )
        .await;
    assert_eq!(shortcuts(above.ok()), ["data-web", "salam"]);
    app.put(
        &template_path,
        Some(province.access_token.as_str()),
        template(Some("3304"), "data-web", "Diubah."),
    )
    .await
    .problem(403, "forbidden");
    app.get("/api/v1/templates", Some(user.access_token.as_str()))
        .await
        .problem(403, "forbidden");
    app.get("/api/v1/templates", None)
        .await
        .problem(401, "authentication_required");

    // Narrowed as the composer asks after "/".
    let found = app
        .get(
            "/api/v1/templates?q=%2Fdat",
            Some(officer.access_token.as_str()),
        )
        .await;
    assert_eq!(shortcuts(found.ok()), ["data-web"]);
    let by_title = app
        .get(
            "/api/v1/templates?q=SALAM",
            Some(officer.access_token.as_str()),
        )
        .await;
    assert_eq!(shortcuts(by_title.ok()), ["salam"]);
    // A shortcut that starts with the letters comes before a title that holds them.
    create(
        &app,
        &officer,
        json!({"unit_code": "3304", "title": "Salam penutup", "shortcut": "akhir", "body": "Terima kasih."}),
    )
    .await;
    let ranked = app
        .get(
            "/api/v1/templates?q=sal",
            Some(officer.access_token.as_str()),
        )
        .await;
    assert_eq!(shortcuts(ranked.ok()), ["salam", "akhir"]);
    let literally = app
        .get(
            "/api/v1/templates?q=%25",
            Some(officer.access_token.as_str()),
        )
        .await;
    assert_eq!(literally.ok()["total"], 0, "% is a letter, not a wildcard");

    // Replaced and deleted by the unit's officer only.
    let saved = app
        .put(
            &template_path,
            Some(officer.access_token.as_str()),
            template(Some("3304"), "data-situs", "Data ada di situs {unit}."),
        )
        .await;
    assert_eq!(saved.ok()["shortcut"], "data-situs");
    let deleted = app
        .send(
            reqwest::Method::DELETE,
            &template_path,
            Some(elsewhere.access_token.as_str()),
            None,
        )
        .await;
    deleted.problem(404, "not_found");
    let deleted = app
        .send(
            reqwest::Method::DELETE,
            &template_path,
            Some(officer.access_token.as_str()),
            None,
        )
        .await;
    assert_eq!(deleted.status, 204);
    app.get(&template_path, Some(officer.access_token.as_str()))
        .await
        .problem(404, "not_found");
}

#[tokio::test]
async fn bad_templates_are_refused_by_field_and_a_shortcut_is_taken_once() {
    let app = spawn_app().await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    let token = Some(officer.access_token.as_str());
    for (body, field) in [
        (template(Some("3304"), "Data Web", "Halo."), "shortcut"),
        (template(Some("3304"), "-web", "Halo."), "shortcut"),
        (template(Some("3304"), "web", "Halo {name}."), "body"),
        (template(Some("3304"), "web", "   "), "body"),
        (
            json!({"unit_code": "3304", "title": "", "shortcut": "web", "body": "Halo."}),
            "title",
        ),
    ] {
        app.post("/api/v1/templates", token, body)
            .await
            .field_error(field);
    }
    let unknown = app
        .post(
            "/api/v1/templates",
            token,
            template(Some("3304"), "web", "Halo {name} dan {kota}."),
        )
        .await;
    let message = unknown.body["errors"]["body"][0].as_str().unwrap();
    assert!(
        message.contains("{name}") && message.contains("{nama}"),
        "{message}"
    );

    // Eight at once with one shortcut: one is written, the others are told it is taken.
    let answers = futures_util::future::join_all((0..8).map(|i| {
        app.post(
            "/api/v1/templates",
            token,
            template(Some("3304"), "sama", &format!("Versi {i}.")),
        )
    }))
    .await;
    let written = answers.iter().filter(|a| a.status == 201).count();
    assert_eq!(
        written,
        1,
        "{:?}",
        answers.iter().map(|a| &a.text).collect::<Vec<_>>()
    );
    for refused in answers.iter().filter(|a| a.status != 201) {
        refused.field_error("shortcut");
    }
    let listed = app.get("/api/v1/templates?q=sama", token).await;
    assert_eq!(listed.ok()["total"], 1);
}

#[tokio::test]
async fn a_template_is_filled_for_the_consultation_it_answers() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    let elsewhere = app.staff(Role::Officer, Some("3375")).await;
    let admin = app.staff(Role::Admin, None).await;
    app.patch(
        "/api/v1/me",
        Some(user.access_token.as_str()),
        json!({"full_name": "Siti Rahma"}),
    )
    .await
    .ok();
    create(
        &app,
        &officer,
        template(
            Some("3304"),
            "tenggat",
            "Yth. {nama}, konsultasi {nomor} di {unit} kami jawab paling lambat {tenggat}. Salam, {petugas}.",
        ),
    )
    .await;
    create(
        &app,
        &admin,
        template(None, "terima-kasih", "Terima kasih, {nama}."),
    )
    .await;
    let c = app.open_consultation(&user, "3304").await;
    let id = c["id"].as_str().unwrap();
    let at = |rest: &str| format!("/api/v1/consultations/{id}/{rest}");
    let token = Some(officer.access_token.as_str());
    app.post(&at("claim"), token, json!({})).await.ok();
    let clarified = app.post(&at("clarify"), token, json!({})).await;
    let deadline: chrono::DateTime<chrono::Utc> = clarified.ok()["deadline_at"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let unit = app.get("/api/v1/units/3304", None).await;
    let unit_name = unit.ok()["name"].as_str().unwrap().to_owned();
    let officer_name = app.get("/api/v1/me", token).await.ok()["full_name"]
        .as_str()
        .unwrap()
        .to_owned();

    let filled = app.get(&at("templates?q=tenggat"), token).await;
    let items = filled.ok().as_array().unwrap();
    assert_eq!(items.len(), 1, "{}", filled.text);
    let expected = format!(
        "Yth. Siti Rahma, konsultasi {} di {unit_name} kami jawab paling lambat {}. Salam, {officer_name}.",
        c["number"].as_str().unwrap(),
        statkonsul::notify::templates::local_time(
            deadline,
            statkonsul::vocab::zone(unit.body["time_zone"].as_str().unwrap()).unwrap()
        ),
    );
    assert_eq!(items[0]["filled"], expected);
    assert!(expected.contains(" WIB"), "{expected}");
    assert_eq!(items[0]["body"].as_str().unwrap().matches('{').count(), 5);
    let all = app.get(&at("templates"), token).await;
    let shortcuts: Vec<&str> = all
        .ok()
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["shortcut"].as_str().unwrap())
        .collect();
    assert_eq!(shortcuts, ["tenggat", "terima-kasih"]);
    assert_eq!(all.body[1]["filled"], "Terima kasih, Siti Rahma.");
    // Only the unit's staff fill templates for its consultations.
    app.get(&at("templates"), Some(elsewhere.access_token.as_str()))
        .await
        .problem(404, "not_found");
    app.get(&at("templates"), Some(user.access_token.as_str()))
        .await
        .problem(403, "forbidden");
}
