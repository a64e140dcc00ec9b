use serde_json::json;
use statkonsul::auth::Role;
use statkonsul_tests::spawn_app;

fn scores(v: i64) -> serde_json::Value {
    json!({"u1": v, "u2": v, "u3": v, "u4": v, "u5": v, "u6": v, "u7": v, "u8": v, "u9": v})
}

#[tokio::test]
async fn the_owner_rates_a_closed_consultation_once() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let officer = app.staff(Role::Officer, Some("1207")).await;
    let c = app.open_consultation(&user, "1207").await;
    let base = format!("/api/v1/consultations/{}", c["id"].as_str().unwrap());
    let token = Some(user.access_token.as_str());
    app.post(
        &format!("{base}/rating"),
        token,
        json!({"scores": scores(4)}),
    )
    .await
    .problem(409, "invalid_state");
    app.post(
        &format!("{base}/claim"),
        Some(officer.access_token.as_str()),
        json!({}),
    )
    .await
    .ok();
    app.post(
        &format!("{base}/close"),
        Some(officer.access_token.as_str()),
        json!({"resolution": "answered"}),
    )
    .await
    .ok();

    let mut bad = scores(4);
    bad["u3"] = json!(5);
    bad["u9"] = json!(0);
    let reply = app
        .post(&format!("{base}/rating"), token, json!({"scores": bad}))
        .await;
    reply.field_error("scores.u3");
    reply.field_error("scores.u9");
    app.post(
        &format!("{base}/rating"),
        token,
        json!({"scores": {"u1": 4}}),
    )
    .await
    .problem(400, "malformed_json");
    app.post(
        &format!("{base}/rating"),
        Some(officer.access_token.as_str()),
        json!({"scores": scores(4)}),
    )
    .await
    .problem(403, "forbidden");

    let rated = app
        .post(
            &format!("{base}/rating"),
            token,
            json!({"scores": scores(4)}),
        )
        .await;
    assert_eq!(rated.status, 201, "{}", rated.text);
    assert_eq!(rated.body["needs_follow_up"], false);
    app.post(
        &format!("{base}/rating"),
        token,
        json!({"scores": scores(3)}),
    )
    .await
    .problem(409, "already_rated");
    let view = app.get(&base, token).await;
    assert_eq!(view.ok()["rated"], true);
    assert_eq!(
        view.body["rating"]["scores"],
        scores(4),
        "the owner reads the rating back"
    );
    let staff_view = app.get(&base, Some(officer.access_token.as_str())).await;
    assert_eq!(staff_view.ok()["rating"]["scores"]["u7"], 4);
}

#[tokio::test]
async fn a_low_score_or_a_comment_flags_the_rating_for_follow_up() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    for (s, comment, flagged) in [
        (2, None, true),
        (4, Some("Mohon data per desa."), true),
        (3, None, false),
    ] {
        let c = app.open_consultation(&user, "3304").await;
        let base = format!("/api/v1/consultations/{}", c["id"].as_str().unwrap());
        app.post(
            &format!("{base}/withdraw"),
            Some(user.access_token.as_str()),
            json!({}),
        )
        .await
        .ok();
        let rated = app
            .post(
                &format!("{base}/rating"),
                Some(user.access_token.as_str()),
                json!({"scores": scores(s), "comment": comment}),
            )
            .await;
        assert_eq!(
            rated.ok()["needs_follow_up"],
            flagged,
            "score {s}, comment {comment:?}"
        );
    }
}
