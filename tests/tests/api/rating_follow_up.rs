//! Following up satisfaction ratings: the unit's staff read them with the respondent, write to
//! the respondent by email, the respondent answers through the link or signed in, and an officer
//! resolves it; nobody else sees a unit's ratings.
use serde_json::{Value, json};
use statkonsul::auth::Role;
use statkonsul_tests::{TestApp, TestUser, spawn_app};

const UNIT: &str = "1207";

fn scores(v: i64) -> Value {
    json!({"u1": v, "u2": v, "u3": v, "u4": v, "u5": v, "u6": v, "u7": v, "u8": v, "u9": v})
}

/// A consultation of `user` at the unit, answered and closed by `officer`, then rated by `user`.
async fn rated(
    app: &TestApp,
    user: &TestUser,
    officer: &TestUser,
    rating: Value,
) -> (Value, Value) {
    let c = app.open_consultation(user, UNIT).await;
    let base = format!("/api/v1/consultations/{}", c["id"].as_str().unwrap());
    let staff = Some(officer.access_token.as_str());
    app.post(&format!("{base}/claim"), staff, json!({}))
        .await
        .ok();
    app.post(
        &format!("{base}/close"),
        staff,
        json!({"resolution": "answered"}),
    )
    .await
    .ok();
    let r = app
        .post(
            &format!("{base}/rating"),
            Some(user.access_token.as_str()),
            rating,
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    (c, r.body)
}

#[tokio::test]
async fn an_officer_follows_up_a_low_rating_and_the_respondent_answers_through_the_link() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let officer = app.staff(Role::Officer, Some(UNIT)).await;
    let mut low = scores(4);
    low["u3"] = json!(1);
    let (c, rating) = rated(
        &app,
        &user,
        &officer,
        json!({"scores": low, "comment": "Jawaban datang terlambat"}),
    )
    .await;
    assert_eq!(rating["follow_up_state"], "open");
    let id = rating["id"].as_str().unwrap();
    let staff = Some(officer.access_token.as_str());

    let list = app.get("/api/v1/ratings", staff).await;
    assert_eq!(list.ok()["total"], 1);
    let item = &list.body["items"][0];
    assert_eq!(item["id"], id);
    assert_eq!(item["channel"], "online");
    assert_eq!(item["subject_number"], c["number"]);
    assert_eq!(item["consultation_id"], c["id"]);
    assert_eq!(item["respondent"]["email"], user.email.as_str());
    assert_eq!(item["scores"]["u3"], 1);
    assert_eq!(item["comment"], "Jawaban datang terlambat");
    for (query, total) in [
        ("state=open", 1),
        ("state=resolved", 0),
        ("channel=online", 1),
        ("channel=walk_in", 0),
        ("needs_follow_up=true", 1),
        ("needs_follow_up=false", 0),
        ("from=2000-01-01", 1),
        ("to=2000-01-02", 0),
    ] {
        let page = app.get(&format!("/api/v1/ratings?{query}"), staff).await;
        assert_eq!(page.ok()["total"], total, "{query}");
    }
    app.get("/api/v1/ratings?from=2026-12-02&to=2026-12-01", staff)
        .await
        .field_error("to");
    app.get("/api/v1/ratings?state=somewhere", staff)
        .await
        .problem(400, "invalid_query");

    // The officer writes; the respondent gets it by email with a reply link.
    let sent = app
        .post(
            &format!("/api/v1/ratings/{id}/follow-ups"),
            staff,
            json!({"message": "Mohon maaf atas keterlambatan kami; tabelnya kami kirim hari ini."}),
        )
        .await;
    assert_eq!(sent.status, 201, "{}", sent.text);
    assert_eq!(sent.body["follow_up_state"], "contacted");
    assert_eq!(sent.body["follow_ups"][0]["author"], "staff");
    let token = app
        .mailed_token(&user.email, &format!("/ratings/{id}/reply"))
        .await;
    let mail = app
        .smtp
        .wait_for(|m| m.body().contains(&format!("/ratings/{id}/reply")))
        .await;
    assert!(mail.body().contains("tabelnya kami kirim hari ini"));

    let own = app
        .get(&format!("/api/v1/ratings/{id}?token={token}"), None)
        .await;
    assert_eq!(own.ok()["follow_ups"].as_array().unwrap().len(), 1);
    assert_eq!(
        own.body["respondent"],
        Value::Null,
        "no personal data on the link's page"
    );
    // The link works in a browser signed in to someone else's account too.
    let other = app.public_user().await;
    let elsewhere = app
        .get(
            &format!("/api/v1/ratings/{id}?token={token}"),
            Some(other.access_token.as_str()),
        )
        .await;
    assert_eq!(elsewhere.ok()["follow_ups"].as_array().unwrap().len(), 1);
    assert_eq!(elsewhere.body["respondent"], Value::Null);
    app.get(&format!("/api/v1/ratings/{id}?token=not-the-token"), None)
        .await
        .problem(400, "invalid_token");
    app.get(
        &format!("/api/v1/ratings/{id}?token=not-the-token"),
        Some(other.access_token.as_str()),
    )
    .await
    .problem(400, "invalid_token");
    app.get(&format!("/api/v1/ratings/{id}"), None)
        .await
        .problem(401, "authentication_required");
    let answered = app
        .post(
            &format!("/api/v1/ratings/{id}/replies?token={token}"),
            None,
            json!({"body": "Terima kasih, sudah saya terima."}),
        )
        .await;
    assert_eq!(answered.status, 201, "{}", answered.text);
    // Signed in, from the consultation.
    let again = app
        .post(
            &format!("/api/v1/ratings/{id}/replies"),
            Some(user.access_token.as_str()),
            json!({"body": "Satu lagi: apakah ada data per kecamatan?"}),
        )
        .await;
    assert_eq!(again.status, 201, "{}", again.text);
    let authors: Vec<&str> = again.body["follow_ups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["author"].as_str().unwrap())
        .collect();
    assert_eq!(authors, ["staff", "respondent", "respondent"]);
    app.post(
        &format!("/api/v1/ratings/{id}/replies"),
        Some(user.access_token.as_str()),
        json!({"body": "  "}),
    )
    .await
    .field_error("body");

    // Resolved once, with a note; afterwards nobody answers or writes on it.
    let resolved = app
        .post(
            &format!("/api/v1/ratings/{id}/resolve"),
            staff,
            json!({"note": "Tabel dikirim, responden puas."}),
        )
        .await;
    assert_eq!(resolved.ok()["follow_up_state"], "resolved");
    assert_eq!(
        resolved.body["resolution_note"],
        "Tabel dikirim, responden puas."
    );
    app.post(
        &format!("/api/v1/ratings/{id}/resolve"),
        staff,
        json!({"note": "Lagi"}),
    )
    .await
    .problem(409, "invalid_state");
    app.post(
        &format!("/api/v1/ratings/{id}/replies"),
        Some(user.access_token.as_str()),
        json!({"body": "Masih ada pertanyaan."}),
    )
    .await
    .problem(409, "invalid_state");
    app.post(
        &format!("/api/v1/ratings/{id}/replies?token={token}"),
        None,
        json!({"body": "Masih ada pertanyaan."}),
    )
    .await
    .problem(400, "invalid_token");
    app.post(
        &format!("/api/v1/ratings/{id}/follow-ups"),
        staff,
        json!({"message": "Apakah masih ada yang kurang?"}),
    )
    .await
    .problem(409, "invalid_state");
    // The consultation shows its rating's follow-up to the unit's staff.
    let detail = app
        .get(
            &format!("/api/v1/consultations/{}", c["id"].as_str().unwrap()),
            staff,
        )
        .await;
    assert_eq!(detail.ok()["rating"]["follow_up_state"], "resolved");
}

#[tokio::test]
async fn nobody_but_the_units_staff_and_the_respondent_sees_a_rating() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let officer = app.staff(Role::Officer, Some(UNIT)).await;
    let (_, rating) = rated(
        &app,
        &user,
        &officer,
        json!({"scores": scores(2), "comment": "Kurang cepat"}),
    )
    .await;
    let id = rating["id"].as_str().unwrap();
    let elsewhere = app.staff(Role::Officer, Some("3304")).await;
    let stranger = app.public_user().await;
    let province = app.staff(Role::Supervisor, Some("1200")).await;
    let other_province = app.staff(Role::Supervisor, Some("3300")).await;
    let front = app.staff(Role::FrontOffice, Some(UNIT)).await;
    for who in [&elsewhere, &stranger, &other_province, &front] {
        let token = Some(who.access_token.as_str());
        app.get(&format!("/api/v1/ratings/{id}"), token)
            .await
            .problem(404, "not_found");
        app.get(&format!("/api/v1/ratings?unit={UNIT}"), token)
            .await
            .problem(403, "forbidden");
        app.post(
            &format!("/api/v1/ratings/{id}/follow-ups"),
            token,
            json!({"message": "Halo"}),
        )
        .await
        .problem(404, "not_found");
        app.post(
            &format!("/api/v1/ratings/{id}/resolve"),
            token,
            json!({"note": "Selesai"}),
        )
        .await
        .problem(404, "not_found");
    }
    app.get("/api/v1/ratings", Some(elsewhere.access_token.as_str()))
        .await
        .ok();
    // The province above reads, and does not act.
    let read = app
        .get(
            &format!("/api/v1/ratings?unit={UNIT}"),
            Some(province.access_token.as_str()),
        )
        .await;
    assert_eq!(read.ok()["total"], 1);
    app.post(
        &format!("/api/v1/ratings/{id}/follow-ups"),
        Some(province.access_token.as_str()),
        json!({"message": "Halo"}),
    )
    .await
    .problem(403, "forbidden");
    // The respondent reads their own, without anyone's personal data, and cannot act.
    let own = app
        .get(
            &format!("/api/v1/ratings/{id}"),
            Some(user.access_token.as_str()),
        )
        .await;
    assert_eq!(own.ok()["respondent"], Value::Null);
    app.post(
        &format!("/api/v1/ratings/{id}/resolve"),
        Some(user.access_token.as_str()),
        json!({"note": "Selesai"}),
    )
    .await
    .problem(403, "forbidden");
    app.get("/api/v1/ratings", Some(user.access_token.as_str()))
        .await
        .problem(403, "forbidden");
    app.get("/api/v1/ratings", None)
        .await
        .problem(401, "authentication_required");
}

#[tokio::test]
async fn the_units_threshold_decides_which_scores_ask_for_a_follow_up() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let officer = app.staff(Role::Officer, Some(UNIT)).await;
    let supervisor = app.staff(Role::Supervisor, Some(UNIT)).await;
    let (_, plain) = rated(&app, &user, &officer, json!({"scores": scores(3)})).await;
    assert_eq!(plain["needs_follow_up"], false);
    assert_eq!(plain["follow_up_state"], "none");
    let path = format!("/api/v1/units/{UNIT}/settings");
    let mut settings =
        app.get(&format!("/api/v1/units/{UNIT}"), None).await.ok()["settings"].clone();
    assert_eq!(settings["follow_up_below_score"], 2);
    settings["follow_up_below_score"] = json!(5);
    app.put(
        &path,
        Some(supervisor.access_token.as_str()),
        settings.clone(),
    )
    .await
    .field_error("follow_up_below_score");
    settings["follow_up_below_score"] = json!(3);
    let saved = app
        .put(&path, Some(supervisor.access_token.as_str()), settings)
        .await;
    assert_eq!(saved.ok()["follow_up_below_score"], 3);
    let (_, flagged) = rated(&app, &user, &officer, json!({"scores": scores(3)})).await;
    assert_eq!(flagged["needs_follow_up"], true);
    assert_eq!(flagged["follow_up_state"], "open");
    let open = app
        .get(
            "/api/v1/ratings?state=open",
            Some(officer.access_token.as_str()),
        )
        .await;
    assert_eq!(open.ok()["total"], 1);
    assert_eq!(open.body["items"][0]["id"], flagged["id"]);
}
