use chrono::{DateTime, Datelike, Timelike, Utc, Weekday};
use serde_json::{Value, json};
use statkonsul::auth::Role;
use statkonsul_tests::{TestApp, TestUser, spawn_app};

fn id(c: &Value) -> String {
    c["id"].as_str().unwrap().to_owned()
}

async fn act(
    app: &TestApp,
    who: &TestUser,
    c: &Value,
    action: &str,
    body: Value,
) -> statkonsul_tests::Reply {
    app.post(
        &format!("/api/v1/consultations/{}/{action}", id(c)),
        Some(who.access_token.as_str()),
        body,
    )
    .await
}

#[tokio::test]
async fn a_member_of_the_public_opens_a_consultation_and_joins_the_queue() {
    let app = spawn_app().await;
    let first = app.public_user().await;
    let second = app.public_user().await;
    let a = app.open_consultation(&first, "3304").await;
    let b = app.open_consultation(&second, "3304").await;
    let elsewhere = app.open_consultation(&second, "3375").await;
    assert_eq!(a["status"], "waiting");
    assert_eq!(a["queue_position"], 1);
    assert_eq!(b["queue_position"], 2);
    assert_eq!(
        elsewhere["queue_position"], 1,
        "each unit has its own queue"
    );
    let year = Utc::now().with_timezone(&chrono_tz_jakarta()).year();
    assert_eq!(a["number"], format!("3304-{year}-000001"));
    assert_eq!(b["number"], format!("3304-{year}-000002"));
    assert_eq!(elsewhere["number"], format!("3375-{year}-000001"));
    assert_eq!(a["owner"]["full_name"], "Siti Rahma");
    assert!(a["created_at"].is_string());
}

fn chrono_tz_jakarta() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(7 * 3600).unwrap()
}

#[tokio::test]
async fn only_verified_public_users_open_consultations_with_valid_fields() {
    let app = spawn_app().await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    let body = json!({"unit_code": "3304", "category": "data", "subject": "Data inflasi", "question": "Berapa inflasi bulan Oktober 2026?"});
    app.post(
        "/api/v1/consultations",
        Some(officer.access_token.as_str()),
        body.clone(),
    )
    .await
    .problem(403, "forbidden");
    app.post("/api/v1/consultations", None, body)
        .await
        .problem(401, "authentication_required");
    let user = app.public_user().await;
    let token = Some(user.access_token.as_str());
    let bad = app
        .post(
            "/api/v1/consultations",
            token,
            json!({"unit_code": "3304", "category": "data", "subject": "x", "question": "short"}),
        )
        .await;
    bad.field_error("subject");
    bad.field_error("question");
    let blank = app
        .post(
            "/api/v1/consultations",
            token,
            json!({"unit_code": "3304", "category": "data", "subject": "     x     ", "question": "   pendek        "}),
        )
        .await;
    blank.field_error("subject");
    blank.field_error("question");
    app.post("/api/v1/consultations", token, json!({"unit_code": "3304", "category": "gossip", "subject": "Data inflasi", "question": "Berapa inflasi bulan Oktober?"}))
        .await
        .problem(400, "malformed_json");
    let nowhere = app
        .post("/api/v1/consultations", token, json!({"unit_code": "9999", "category": "data", "subject": "Data inflasi", "question": "Berapa inflasi bulan Oktober?"}))
        .await;
    nowhere.problem(422, "unit_not_found");
    let units = app.get("/api/v1/units?per_page=100", None).await;
    let offers = |code: &str| {
        units.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["code"] == code)
            .unwrap()["offers_consultations"]
            .clone()
    };
    assert_eq!(offers("3304"), true);
    assert_eq!(
        offers("3300"),
        false,
        "a province office without a published standard"
    );
    app.post("/api/v1/consultations", token, json!({"unit_code": "3300", "category": "data", "subject": "Data inflasi", "question": "Berapa inflasi bulan Oktober?"}))
        .await
        .field_error("unit_code");
    let mine = app.get("/api/v1/consultations", token).await;
    assert_eq!(mine.ok()["total"], 0, "nothing was written");
}

#[tokio::test]
async fn nobody_sees_another_users_or_another_units_consultations() {
    let app = spawn_app().await;
    let owner = app.public_user().await;
    let stranger = app.public_user().await;
    let c = app.open_consultation(&owner, "3304").await;
    let path = format!("/api/v1/consultations/{}", id(&c));
    app.get(&path, Some(stranger.access_token.as_str()))
        .await
        .problem(404, "not_found");
    let other_officer = app.staff(Role::Officer, Some("3375")).await;
    app.get(&path, Some(other_officer.access_token.as_str()))
        .await
        .problem(404, "not_found");
    let front = app.staff(Role::FrontOffice, Some("3304")).await;
    app.get(&path, Some(front.access_token.as_str()))
        .await
        .problem(404, "not_found");
    act(&app, &other_officer, &c, "claim", json!({}))
        .await
        .problem(404, "not_found");
    app.get(
        &format!("{path}/messages"),
        Some(stranger.access_token.as_str()),
    )
    .await
    .problem(404, "not_found");

    let theirs = app
        .get(
            "/api/v1/consultations",
            Some(stranger.access_token.as_str()),
        )
        .await;
    assert_eq!(theirs.ok()["total"], 0);
    let other_unit = app
        .get(
            "/api/v1/consultations",
            Some(other_officer.access_token.as_str()),
        )
        .await;
    assert_eq!(other_unit.ok()["total"], 0);

    let own_officer = app.staff(Role::Officer, Some("3304")).await;
    app.get(&path, Some(own_officer.access_token.as_str()))
        .await
        .ok();
    let province = app.staff(Role::Supervisor, Some("3300")).await;
    let seen = app
        .get(
            "/api/v1/consultations",
            Some(province.access_token.as_str()),
        )
        .await;
    assert_eq!(
        seen.ok()["total"],
        1,
        "the province supervisor oversees its regencies"
    );
    app.get(&path, Some(province.access_token.as_str()))
        .await
        .ok();
    act(&app, &province, &c, "claim", json!({}))
        .await
        .problem(403, "forbidden");
    let other_province = app.staff(Role::Supervisor, Some("6500")).await;
    app.get(&path, Some(other_province.access_token.as_str()))
        .await
        .problem(404, "not_found");
    app.get(
        "/api/v1/consultations?unit=3304",
        Some(other_province.access_token.as_str()),
    )
    .await
    .problem(403, "forbidden");
}

#[tokio::test]
async fn exactly_one_of_twenty_concurrent_claims_wins() {
    let app = spawn_app().await;
    let owner = app.public_user().await;
    let c = app.open_consultation(&owner, "3304").await;
    let mut officers = Vec::new();
    for _ in 0..20 {
        officers.push(app.staff(Role::Officer, Some("3304")).await);
    }
    let url = app.url(&format!("/api/v1/consultations/{}/claim", id(&c)));
    let claims = officers.iter().map(|o| {
        let req = app
            .client
            .post(url.clone())
            .bearer_auth(&o.access_token)
            .send();
        async move { req.await.unwrap().status().as_u16() }
    });
    let handles: Vec<_> = claims.map(tokio::spawn).collect();
    let mut statuses = Vec::new();
    for h in handles {
        statuses.push(h.await.unwrap());
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 409).count(),
        19,
        "{statuses:?}"
    );
    let after = app
        .get(
            &format!("/api/v1/consultations/{}", id(&c)),
            Some(owner.access_token.as_str()),
        )
        .await;
    assert_eq!(after.ok()["status"], "active");
    assert_eq!(after.body["queue_position"], Value::Null);
}

#[tokio::test]
async fn claiming_moves_the_queue_up() {
    let app = spawn_app().await;
    let (u1, u2, u3) = (
        app.public_user().await,
        app.public_user().await,
        app.public_user().await,
    );
    let a = app.open_consultation(&u1, "6571").await;
    let b = app.open_consultation(&u2, "6571").await;
    let c = app.open_consultation(&u3, "6571").await;
    let officer = app.staff(Role::Officer, Some("6571")).await;
    act(&app, &officer, &a, "claim", json!({})).await.ok();
    act(&app, &u2, &b, "withdraw", json!({})).await.ok();
    let third = app
        .get(
            &format!("/api/v1/consultations/{}", id(&c)),
            Some(u3.access_token.as_str()),
        )
        .await;
    assert_eq!(third.ok()["queue_position"], 1);
    act(&app, &officer, &a, "claim", json!({}))
        .await
        .problem(409, "already_claimed");
}

fn parse(t: &Value) -> DateTime<Utc> {
    t.as_str().unwrap().parse().unwrap()
}

#[tokio::test]
async fn clarifying_sets_the_deadline_at_the_end_of_a_working_day_in_the_units_zone() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    for (unit, end_hour_utc) in [("3304", 16), ("6571", 15)] {
        let c = app.open_consultation(&user, unit).await;
        let officer = app.staff(Role::Officer, Some(unit)).await;
        act(&app, &officer, &c, "claim", json!({})).await.ok();
        act(&app, &user, &c, "clarify", json!({}))
            .await
            .problem(403, "forbidden");
        let clarified = act(&app, &officer, &c, "clarify", json!({})).await;
        let body = clarified.ok();
        let deadline = parse(&body["deadline_at"]);
        let clarified_at = parse(&body["clarified_at"]);
        assert_eq!(
            (deadline.hour(), deadline.minute(), deadline.second()),
            (end_hour_utc, 59, 59),
            "{unit}"
        );
        // 23:59:59 on the unit's clock: its offset is 23 minus the UTC hour.
        let local = deadline + chrono::TimeDelta::hours(23 - end_hour_utc as i64);
        assert!(
            !matches!(local.weekday(), Weekday::Sat | Weekday::Sun),
            "{unit}: {deadline}"
        );
        let days = (deadline - clarified_at).num_days();
        assert!(
            (3..=9).contains(&days),
            "{unit}: 3 working days later, not {days} days"
        );
        assert_eq!(body["overdue"], false);
        act(&app, &officer, &c, "clarify", json!({}))
            .await
            .problem(409, "invalid_state");
    }
    let pekalongan = app.open_consultation(&user, "3375").await;
    let officer = app.staff(Role::Officer, Some("3375")).await;
    act(&app, &officer, &pekalongan, "claim", json!({}))
        .await
        .ok();
    let body = act(&app, &officer, &pekalongan, "clarify", json!({}))
        .await
        .ok()
        .clone();
    let days = (parse(&body["deadline_at"]) - parse(&body["clarified_at"])).num_days();
    assert!(
        (0..=5).contains(&days),
        "Pekalongan answers in 1 working day, not {days}"
    );
}

#[tokio::test]
async fn the_assignee_closes_and_may_reopen_within_seven_days() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let c = app.open_consultation(&user, "3304").await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    let colleague = app.staff(Role::Officer, Some("3304")).await;
    act(&app, &officer, &c, "claim", json!({})).await.ok();
    act(
        &app,
        &colleague,
        &c,
        "close",
        json!({"resolution": "answered"}),
    )
    .await
    .problem(403, "forbidden");
    act(
        &app,
        &officer,
        &c,
        "close",
        json!({"resolution": "inactive"}),
    )
    .await
    .field_error("resolution");
    act(&app, &officer, &c, "close", json!({"resolution": "done"}))
        .await
        .problem(400, "malformed_json");
    let closed = act(
        &app,
        &officer,
        &c,
        "close",
        json!({"resolution": "answered", "summary": "Tabel dikirim."}),
    )
    .await;
    assert_eq!(closed.ok()["status"], "closed");
    assert_eq!(closed.body["resolution"], "answered");
    let mail = app
        .smtp
        .wait_for(|m| m.to == [user.email.clone()] && m.body().contains("menilai layanan"))
        .await;
    assert!(mail.body().contains(&format!(
        "http://app.statkonsul.test/consultations/{}",
        id(&c)
    )));
    act(
        &app,
        &officer,
        &c,
        "close",
        json!({"resolution": "answered"}),
    )
    .await
    .problem(409, "invalid_state");
    act(&app, &user, &c, "reopen", json!({}))
        .await
        .problem(403, "forbidden");
    let reopened = act(&app, &colleague, &c, "reopen", json!({})).await;
    assert_eq!(reopened.ok()["status"], "active");
    assert_eq!(reopened.body["resolution"], Value::Null);
}

#[tokio::test]
async fn a_supervisor_transfers_to_an_officer_of_the_unit_only() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let c = app.open_consultation(&user, "3304").await;
    let supervisor = app.staff(Role::Supervisor, Some("3304")).await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    let outsider = app.staff(Role::Officer, Some("3375")).await;
    let me = app
        .get("/api/v1/me", Some(officer.access_token.as_str()))
        .await
        .ok()
        .clone();
    let them = app
        .get("/api/v1/me", Some(outsider.access_token.as_str()))
        .await
        .ok()
        .clone();
    act(
        &app,
        &officer,
        &c,
        "assign",
        json!({"officer_id": me["id"]}),
    )
    .await
    .problem(403, "forbidden");
    act(
        &app,
        &supervisor,
        &c,
        "assign",
        json!({"officer_id": them["id"]}),
    )
    .await
    .field_error("officer_id");
    let assigned = act(
        &app,
        &supervisor,
        &c,
        "assign",
        json!({"officer_id": me["id"]}),
    )
    .await;
    assert_eq!(assigned.ok()["assignee"]["id"], me["id"]);
    assert_eq!(assigned.body["status"], "active");
    let mine = app
        .get(
            "/api/v1/consultations?assignee=me",
            Some(officer.access_token.as_str()),
        )
        .await;
    assert_eq!(mine.ok()["total"], 1);
    app.get(
        "/api/v1/consultations?assignee=you",
        Some(officer.access_token.as_str()),
    )
    .await
    .field_error("assignee");
}

#[tokio::test]
async fn lists_filter_by_status_category_and_words() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let token = Some(user.access_token.as_str());
    app.open_consultation(&user, "3304").await;
    app.post(
        "/api/v1/consultations",
        token,
        json!({"unit_code": "3304", "category": "classification", "subject": "Kode KBLI warung kopi", "question": "Apa kode KBLI 2020 untuk warung kopi?"}),
    )
    .await
    .ok();
    let officer = app.staff(Role::Officer, Some("3304")).await;
    let staff_token = Some(officer.access_token.as_str());
    let by_category = app
        .get("/api/v1/consultations?category=classification", staff_token)
        .await;
    assert_eq!(by_category.ok()["total"], 1);
    let by_words = app.get("/api/v1/consultations?q=kbli", staff_token).await;
    assert_eq!(by_words.ok()["items"][0]["category"], "classification");
    let waiting = app
        .get(
            "/api/v1/consultations?status=waiting&per_page=1",
            staff_token,
        )
        .await;
    assert_eq!(waiting.ok()["total"], 2);
    assert_eq!(
        waiting.body["items"][0]["queue_position"], 1,
        "the queue is first come first served"
    );
    app.get("/api/v1/consultations?status=lost", staff_token)
        .await
        .problem(400, "invalid_query");
}

#[tokio::test]
async fn follow_ups_are_emailed_with_a_calendar_invitation_and_referrals_recorded() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let c = app.open_consultation(&user, "6571").await;
    let officer = app.staff(Role::Officer, Some("6571")).await;
    act(&app, &officer, &c, "claim", json!({})).await.ok();
    let past = json!({"kind": "video_meeting", "scheduled_at": "2020-01-01T03:00:00Z", "location_or_link": "https://meet.example.org/x"});
    act(&app, &officer, &c, "follow-ups", past)
        .await
        .field_error("scheduled_at");
    let when = (Utc::now() + chrono::TimeDelta::days(3))
        .format("%Y-%m-%dT02:00:00Z")
        .to_string();
    let created = act(
        &app,
        &officer,
        &c,
        "follow-ups",
        json!({"kind": "video_meeting", "scheduled_at": when, "location_or_link": "https://meet.example.org/pst-6571", "note": "Membahas data"}),
    )
    .await;
    assert_eq!(created.status, 201, "{}", created.text);
    let mail = app
        .smtp
        .wait_for(|m| m.to == [user.email.clone()] && m.data.contains("BEGIN:VCALENDAR"))
        .await;
    assert!(mail.data.contains("text/calendar"));
    assert!(mail.data.contains("WITA"), "times are in the unit's zone");
    let referral = act(
        &app,
        &officer,
        &c,
        "referrals",
        json!({"service": "microdata", "note": "Layanan mikrodata"}),
    )
    .await;
    assert_eq!(referral.status, 201);
    let detail = app
        .get(
            &format!("/api/v1/consultations/{}", id(&c)),
            Some(user.access_token.as_str()),
        )
        .await;
    assert_eq!(detail.ok()["follow_ups"][0]["kind"], "video_meeting");
    assert_eq!(detail.body["referrals"][0]["service"], "microdata");
    act(&app, &user, &c, "referrals", json!({"service": "library"}))
        .await
        .problem(403, "forbidden");
}

#[tokio::test]
async fn the_units_officers_are_emailed_when_a_consultation_waits_unless_the_unit_opts_out() {
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    use statkonsul::entities::outbox_email;

    let app = spawn_app().await;
    let officer = app.staff(Role::Officer, Some("1207")).await;
    let supervisor = app.staff(Role::Supervisor, Some("1207")).await;
    let front_office = app.staff(Role::FrontOffice, Some("1207")).await;
    let elsewhere = app.staff(Role::Officer, Some("3304")).await;
    let user = app.public_user().await;

    let first = app.open_consultation(&user, "1207").await;
    let number = first["number"].as_str().unwrap().to_owned();
    for to in [&officer, &supervisor] {
        let mail = app
            .smtp
            .wait_for(|m| {
                m.to == [to.email.clone()]
                    && m.header("Subject").is_some_and(|s| s.contains(&number))
            })
            .await;
        let body = mail.body();
        assert!(body.contains("Angka kemiskinan 2025"), "{body}");
        assert!(
            body.contains(&format!("/staff/consultations/{}", id(&first))),
            "{body}"
        );
    }
    let mailed_about = |number: String| {
        outbox_email::Entity::find()
            .filter(outbox_email::Column::Subject.contains(number))
            .count(&app.state().db)
    };
    assert_eq!(
        mailed_about(number.clone()).await.unwrap(),
        2,
        "the officer and the supervisor only"
    );
    let recipients: Vec<String> = outbox_email::Entity::find()
        .filter(outbox_email::Column::Subject.contains(&number))
        .all(&app.state().db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.recipient)
        .collect();
    assert!(!recipients.contains(&front_office.email) && !recipients.contains(&elsewhere.email));

    let reply = app
        .put(
            "/api/v1/units/1207/settings",
            Some(supervisor.access_token.as_str()),
            json!({"auto_close_after_days": 7, "online_deadline_working_days": 3,
                   "walkin_max_wait_minutes": 10, "notify_staff_on_new_consultation": false}),
        )
        .await;
    assert_eq!(reply.ok()["notify_staff_on_new_consultation"], false);
    let second = app.open_consultation(&user, "1207").await;
    let quiet = second["number"].as_str().unwrap().to_owned();
    assert_eq!(mailed_about(quiet).await.unwrap(), 0, "the unit opted out");
}

/// The ids of unit 6571's queue as its officer lists it, checking that the places are 1, 2, …
/// and that each consultation's own view shows the same place.
async fn queue_of(app: &TestApp, officer: &TestUser) -> Vec<String> {
    let listed = app
        .get(
            "/api/v1/consultations?status=waiting&per_page=100",
            Some(officer.access_token.as_str()),
        )
        .await;
    let items = listed.ok()["items"].as_array().unwrap().clone();
    for (i, item) in items.iter().enumerate() {
        assert_eq!(item["queue_position"], i + 1, "{items:#?}");
        let own = app
            .get(
                &format!("/api/v1/consultations/{}", id(item)),
                Some(officer.access_token.as_str()),
            )
            .await;
        assert_eq!(own.ok()["queue_position"], i + 1);
    }
    items.iter().map(id).collect()
}

#[tokio::test]
async fn the_queue_keeps_its_order_and_places_through_every_change() {
    let app = spawn_app().await;
    let officer = app.staff(Role::Officer, Some("6571")).await;
    let supervisor = app.staff(Role::Supervisor, Some("6571")).await;
    let mut users = Vec::new();
    for _ in 0..8 {
        users.push(app.public_user().await);
    }
    // Opened one after the other (the queue's order is the opening time), then eight more at once.
    let mut opened = Vec::new();
    for user in &users {
        opened.push(app.open_consultation(user, "6571").await);
    }
    let ids: Vec<String> = opened.iter().map(id).collect();
    assert_eq!(queue_of(&app, &officer).await, ids);

    // Leaving from the middle, the head and the tail: claim, assign, close, withdraw.
    act(&app, &officer, &opened[3], "claim", json!({}))
        .await
        .ok();
    let officer_id = app
        .get("/api/v1/me", Some(officer.access_token.as_str()))
        .await
        .ok()["id"]
        .clone();
    act(
        &app,
        &supervisor,
        &opened[0],
        "assign",
        json!({"officer_id": officer_id}),
    )
    .await
    .ok();
    act(
        &app,
        &supervisor,
        &opened[1],
        "close",
        json!({"resolution": "cancelled", "summary": "Pertanyaan ganda."}),
    )
    .await
    .ok();
    act(&app, &users[7], &opened[7], "withdraw", json!({}))
        .await
        .ok();
    let left = |gone: &[usize]| -> Vec<String> {
        (0..8)
            .filter(|i| !gone.contains(i))
            .map(|i| ids[i].clone())
            .collect()
    };
    assert_eq!(queue_of(&app, &officer).await, left(&[0, 1, 3, 7]));

    // A closed one nobody took goes back to its own place (it was opened second).
    act(&app, &supervisor, &opened[1], "reopen", json!({}))
        .await
        .ok();
    assert_eq!(queue_of(&app, &officer).await, left(&[0, 3, 7]));

    // Concurrent claims and new consultations: every place stays taken once.
    let more: Vec<TestUser> = {
        let mut v = Vec::new();
        for _ in 0..6 {
            v.push(app.public_user().await);
        }
        v
    };
    let opens = more.iter().map(|user| async {
        app.open_consultation(user, "6571").await;
    });
    let (app_ref, officer_ref) = (&app, &officer);
    let claims = [2, 4, 5].map(|i| {
        let c = &opened[i];
        async move {
            act(app_ref, officer_ref, c, "claim", json!({})).await.ok();
        }
    });
    futures_util::future::join(
        futures_util::future::join_all(opens),
        futures_util::future::join_all(claims),
    )
    .await;
    let queue = queue_of(&app, &officer).await;
    assert_eq!(queue.len(), 2 + 6, "{queue:?}");
    assert_eq!(
        queue[..2],
        [ids[1].clone(), ids[6].clone()],
        "the older ones stay ahead"
    );
    assert!([2, 4, 5].iter().all(|&i| !queue.contains(&ids[i])));
}

#[tokio::test]
async fn staff_see_overdue_consultations_first_on_every_page() {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
    use statkonsul::entities::consultation;

    let app = spawn_app().await;
    let officer = app.staff(Role::Officer, Some("1808")).await;
    let mut opened = Vec::new();
    for _ in 0..5 {
        let user = app.public_user().await;
        let c = app.open_consultation(&user, "1808").await;
        act(&app, &officer, &c, "claim", json!({})).await.ok();
        opened.push(c);
    }
    for c in &opened[..4] {
        act(&app, &officer, c, "clarify", json!({})).await.ok();
    }
    // Time passes for two of them: their deadline is behind us.
    let late: Vec<uuid::Uuid> = [&opened[1], &opened[3]]
        .iter()
        .map(|c| id(c).parse().unwrap())
        .collect();
    consultation::Entity::update_many()
        .col_expr(
            consultation::Column::DeadlineAt,
            Expr::value(Utc::now() - chrono::TimeDelta::days(1)),
        )
        .filter(consultation::Column::Id.is_in(late))
        .exec(&app.state().db)
        .await
        .unwrap();

    let page = |per_page: u32, page: u32| {
        let token = officer.access_token.clone();
        let app = &app;
        async move {
            let reply = app
                .get(
                    &format!("/api/v1/consultations?per_page={per_page}&page={page}"),
                    Some(token.as_str()),
                )
                .await;
            let body = reply.ok().clone();
            assert_eq!(body["total"], 5, "{body}");
            body["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| (id(c), c["overdue"].as_bool().unwrap()))
                .collect::<Vec<_>>()
        }
    };
    let expect = |order: &[usize]| -> Vec<(String, bool)> {
        order
            .iter()
            .map(|&i| (id(&opened[i]), i == 1 || i == 3))
            .collect()
    };
    // Overdue first (newest first), then the rest (newest first), whatever the page size.
    assert_eq!(page(2, 1).await, expect(&[3, 1]));
    assert_eq!(page(2, 2).await, expect(&[4, 2]));
    assert_eq!(page(2, 3).await, expect(&[0]));
    assert_eq!(page(2, 4).await, expect(&[]));
    assert_eq!(page(3, 1).await, expect(&[3, 1, 4]));
    assert_eq!(page(3, 2).await, expect(&[2, 0]));
    assert_eq!(page(1, 2).await, expect(&[1]));
    assert_eq!(page(20, 1).await, expect(&[3, 1, 4, 2, 0]));
    // In the queue too: a waiting one past its deadline (reopened after being marked clear)
    // comes first, the rest in their order.
    let mut waiting = Vec::new();
    for _ in 0..3 {
        let user = app.public_user().await;
        waiting.push(app.open_consultation(&user, "1808").await);
    }
    let queue = || {
        let token = officer.access_token.clone();
        let app = &app;
        async move {
            let body = app
                .get("/api/v1/consultations?status=waiting", Some(token.as_str()))
                .await
                .ok()
                .clone();
            assert_eq!(body["total"], 3, "{body}");
            body["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(id)
                .collect::<Vec<_>>()
        }
    };
    let ids: Vec<String> = waiting.iter().map(id).collect();
    assert_eq!(queue().await, ids);
    consultation::Entity::update_many()
        .col_expr(
            consultation::Column::DeadlineAt,
            Expr::value(Utc::now() - chrono::TimeDelta::hours(1)),
        )
        .filter(consultation::Column::Id.eq(ids[2].parse::<uuid::Uuid>().unwrap()))
        .exec(&app.state().db)
        .await
        .unwrap();
    assert_eq!(
        queue().await,
        [ids[2].clone(), ids[0].clone(), ids[1].clone()]
    );

    // A unit with nothing to show still answers its total.
    let elsewhere = app.staff(Role::Officer, Some("6571")).await;
    let empty = app
        .get(
            "/api/v1/consultations",
            Some(elsewhere.access_token.as_str()),
        )
        .await;
    assert_eq!(empty.ok()["total"], 0);
    assert_eq!(empty.body["items"], json!([]));
}
