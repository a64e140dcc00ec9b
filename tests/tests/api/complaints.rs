//! Complaints: anonymous filings wait for the emailed confirmation, signed-in ones are received
//! at once and staff record the other channels; the lifecycle, its working-day deadlines and
//! automatic closing; the tracking page shows no personal data; nobody else sees a unit's
//! complaints.
use chrono::{DateTime, TimeDelta, Utc};
use serde_json::{Value, json};
use statkonsul::auth::Role;
use statkonsul_tests::{TestApp, TestUser, spawn_app};

const UNIT: &str = "3304";

/// Monday 21 December 2026, 10:00 in Banjarnegara (WIB): Christmas leave (24th) and Christmas
/// (25th) fall within the deadlines.
fn monday() -> DateTime<Utc> {
    "2026-12-21T03:00:00Z".parse().unwrap()
}

fn complaint(email: Option<&str>) -> Value {
    let mut body = json!({
        "unit_code": UNIT,
        "kind": "complaint",
        "subject": "Balasan konsultasi terlambat",
        "description": "Pertanyaan saya tentang data kemiskinan belum dijawab setelah seminggu. NIK saya 3304014101900003.",
        "name": "Siti Rahma",
        "phone": "081234567890",
        "related_number": "3304-2026-000012"
    });
    if let Some(e) = email {
        body["email"] = json!(e);
    }
    body
}

fn token(user: &TestUser) -> Option<&str> {
    Some(user.access_token.as_str())
}

/// Files anonymously and confirms through the emailed link: the tracking code.
async fn filed_and_confirmed(app: &TestApp, email: &str) -> String {
    let filed = app
        .post("/api/v1/complaints", None, complaint(Some(email)))
        .await;
    assert_eq!(filed.status, 201, "{}", filed.text);
    let link = app.mailed_token(email, "/complaints/confirm").await;
    app.post("/api/v1/complaints/confirm", None, json!({"token": link}))
        .await
        .ok();
    filed.body["tracking_code"].as_str().unwrap().to_owned()
}

async fn staff_item(app: &TestApp, staff: &TestUser, code: &str) -> Value {
    let page = app
        .get("/api/v1/complaints?per_page=100", token(staff))
        .await;
    page.ok()["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["tracking_code"] == code)
        .cloned()
        .unwrap_or(Value::Null)
}

#[tokio::test]
async fn an_anonymous_complaint_reaches_the_unit_only_after_its_email_is_confirmed() {
    let app = spawn_app().await;
    app.state().clock.set(monday());
    let officer = app.staff(Role::Officer, Some(UNIT)).await;
    let email = "siti.rahma@example.id";

    let filed = app
        .post("/api/v1/complaints", None, complaint(Some(email)))
        .await;
    assert_eq!(filed.status, 201, "{}", filed.text);
    assert_eq!(filed.body["status"], "unconfirmed");
    assert_eq!(filed.body["confirmation_required"], true);
    let code = filed.body["tracking_code"].as_str().unwrap().to_owned();
    assert!(code.starts_with("ADU-3304-"), "{code}");
    assert_eq!(
        filed.body["tracking_url"],
        format!("http://app.statkonsul.test/complaints/track/{code}")
    );
    assert_eq!(staff_item(&app, &officer, &code).await, Value::Null);
    let tracked = app
        .get(&format!("/api/v1/complaints/track/{code}"), None)
        .await;
    assert_eq!(tracked.ok()["status"], "unconfirmed");

    // Without an email an anonymous filing cannot be confirmed nor answered.
    app.post("/api/v1/complaints", None, complaint(None))
        .await
        .field_error("email");

    let link = app.mailed_token(email, "/complaints/confirm").await;
    let confirmed = app
        .post("/api/v1/complaints/confirm", None, json!({"token": link}))
        .await;
    assert_eq!(confirmed.ok()["status"], "received");
    assert_eq!(confirmed.body["tracking_code"], code.as_str());
    let mail = app
        .smtp
        .wait_for(|m| m.body().contains(&code) && m.body().contains("/complaints/track/"))
        .await;
    assert!(mail.to.iter().any(|t| t == email));
    assert_eq!(
        staff_item(&app, &officer, &code).await["status"],
        "received"
    );
    app.post("/api/v1/complaints/confirm", None, json!({"token": link}))
        .await
        .problem(400, "invalid_token");
    app.post("/api/v1/complaints/confirm", None, json!({"token": "nope"}))
        .await
        .problem(400, "invalid_token");
}

#[tokio::test]
async fn a_signed_in_complaint_is_received_at_once_and_runs_its_lifecycle_to_the_end() {
    let app = spawn_app().await;
    app.state().clock.set(monday());
    let user = app.public_user().await;
    let officer = app.staff(Role::Officer, Some(UNIT)).await;
    let supervisor = app.staff(Role::Supervisor, Some(UNIT)).await;

    let mut body = complaint(None);
    body.as_object_mut().unwrap().remove("name");
    let filed = app.post("/api/v1/complaints", token(&user), body).await;
    assert_eq!(filed.status, 201, "{}", filed.text);
    assert_eq!(filed.body["status"], "received");
    assert_eq!(filed.body["confirmation_required"], false);
    let code = filed.body["tracking_code"].as_str().unwrap().to_owned();
    app.smtp
        .wait_for(|m| m.to.contains(&user.email) && m.body().contains(&code))
        .await;

    let item = staff_item(&app, &officer, &code).await;
    assert_eq!(item["email"], user.email.as_str(), "the account's email");
    assert_eq!(item["channel"], "web");
    // 3 working days from Mon 21 Dec: 22, 23, (24 leave, 25 Christmas, weekend) 28; 5: 29, 30.
    assert_eq!(item["verify_due_at"], "2026-12-28T16:59:59Z");
    assert_eq!(item["respond_due_at"], "2026-12-30T16:59:59Z");
    assert_eq!(item["due_at"], "2026-12-28T16:59:59Z");
    assert_eq!(item["overdue"], false);
    let id = item["id"].as_str().unwrap().to_owned();
    let status = format!("/api/v1/complaints/{id}/status");
    let responses = format!("/api/v1/complaints/{id}/responses");

    // Responding before verifying, and skipping steps, are refused.
    app.post(
        &responses,
        token(&officer),
        json!({"body": "Sudah kami jawab."}),
    )
    .await
    .problem(409, "invalid_transition");
    app.post(&status, token(&supervisor), json!({"status": "responded"}))
        .await
        .problem(409, "invalid_transition");
    // Verifying is the supervisor's.
    app.post(&status, token(&officer), json!({"status": "verified"}))
        .await
        .problem(403, "forbidden");
    let verified = app
        .post(&status, token(&supervisor), json!({"status": "verified"}))
        .await;
    assert_eq!(verified.ok()["status"], "verified");
    assert_eq!(verified.body["due_at"], "2026-12-30T16:59:59Z");
    app.post(&status, token(&supervisor), json!({"status": "verified"}))
        .await
        .problem(409, "invalid_transition");
    app.post(&status, token(&supervisor), json!({"status": "rejected"}))
        .await
        .field_error("reason");

    // The unit closes silent complaints after 3 working days instead of 10.
    let mut settings =
        app.get(&format!("/api/v1/units/{UNIT}"), None).await.ok()["settings"].clone();
    assert_eq!(settings["complaint_auto_close_working_days"], 10);
    assert_eq!(settings["complaint_verify_working_days"], 3);
    assert_eq!(settings["complaint_respond_working_days"], 5);
    settings["complaint_auto_close_working_days"] = json!(0);
    let path = format!("/api/v1/units/{UNIT}/settings");
    app.put(&path, token(&supervisor), settings.clone())
        .await
        .field_error("complaint_auto_close_working_days");
    settings["complaint_auto_close_working_days"] = json!(3);
    let saved = app.put(&path, token(&supervisor), settings).await;
    assert_eq!(saved.ok()["complaint_auto_close_working_days"], 3);

    let answer =
        "Mohon maaf atas keterlambatan. Jawaban konsultasi Anda sudah kami kirim hari ini.";
    let responded = app
        .post(&responses, token(&officer), json!({"body": answer}))
        .await;
    assert_eq!(responded.status, 201, "{}", responded.text);
    assert_eq!(responded.body["status"], "responded");
    assert_eq!(responded.body["due_at"], Value::Null);
    // 3 working days after Mon 21 Dec: 22, 23, (24 leave, 25 Christmas, weekend) 28.
    assert_eq!(responded.body["auto_close_at"], "2026-12-28T16:59:59Z");
    let mail = app
        .smtp
        .wait_for(|m| m.body().contains("sudah kami kirim hari ini"))
        .await;
    assert!(mail.to.contains(&user.email));
    assert!(mail.body().contains(&code));

    // The tracking page: the history and the response, no personal data.
    let page = app
        .get(&format!("/api/v1/complaints/track/{code}"), None)
        .await;
    assert_eq!(page.ok()["status"], "responded");
    assert_eq!(page.body["can_reply"], true);
    let history = page.body["history"].as_array().unwrap();
    let kinds: Vec<&str> = history
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["status", "status", "response"]);
    assert_eq!(history[2]["body"], answer);
    for private in [
        user.email.as_str(),
        "081234567890",
        "3304014101900003",
        "Pertanyaan saya",
        "Staf",
    ] {
        assert!(
            !page.text.contains(private),
            "{private} on the tracking page"
        );
    }

    // The complainant is not satisfied: back to the unit with a new deadline.
    let replies = format!("/api/v1/complaints/track/{code}/replies");
    app.post(&replies, None, json!({}))
        .await
        .field_error("body");
    let replied = app
        .post(
            &replies,
            None,
            json!({"body": "Tabelnya belum lengkap per kecamatan."}),
        )
        .await;
    assert_eq!(replied.status, 201, "{}", replied.text);
    assert_eq!(replied.body["status"], "in_progress");
    assert_eq!(replied.body["can_reply"], false);
    app.post(&replies, None, json!({"body": "Lagi"}))
        .await
        .problem(409, "invalid_transition");
    let detail = app
        .get(&format!("/api/v1/complaints/{id}"), token(&officer))
        .await;
    assert_eq!(detail.ok()["status"], "in_progress");
    assert_eq!(detail.body["due_at"], "2026-12-30T16:59:59Z");
    assert_eq!(
        detail.body["events"].as_array().unwrap().last().unwrap()["body"],
        "Tabelnya belum lengkap per kecamatan."
    );

    app.post(
        &responses,
        token(&officer),
        json!({"body": "Tabel per kecamatan terlampir di email."}),
    )
    .await
    .ok();
    let done = app.post(&replies, None, json!({"resolved": true})).await;
    assert_eq!(done.ok()["status"], "closed");
    let detail = app
        .get(&format!("/api/v1/complaints/{id}"), token(&supervisor))
        .await;
    assert_eq!(detail.ok()["status"], "closed");
    assert!(detail.body["closed_at"].is_string());
    app.post(
        &status,
        token(&supervisor),
        json!({"status": "in_progress"}),
    )
    .await
    .problem(409, "invalid_transition");
}

#[tokio::test]
async fn overdue_complaints_come_first_and_a_silent_one_closes_once_after_its_working_days() {
    let app = spawn_app().await;
    app.state().clock.set(monday());
    let supervisor = app.staff(Role::Supervisor, Some(UNIT)).await;
    let first = filed_and_confirmed(&app, "pertama@example.id").await;
    app.state().clock.advance(TimeDelta::days(2));
    let second = filed_and_confirmed(&app, "kedua@example.id").await;

    // Tuesday 29 December: the first's verify deadline (28th) has passed, the second's not.
    app.state()
        .clock
        .set("2026-12-29T03:00:00Z".parse().unwrap());
    let list = app.get("/api/v1/complaints", token(&supervisor)).await;
    let items = list.ok()["items"].as_array().unwrap();
    assert_eq!(items[0]["tracking_code"], first.as_str());
    assert_eq!(items[0]["overdue"], true);
    assert_eq!(items[1]["tracking_code"], second.as_str());
    assert_eq!(items[1]["overdue"], false);
    let overdue = app
        .get("/api/v1/complaints?overdue=true", token(&supervisor))
        .await;
    assert_eq!(overdue.ok()["total"], 1);

    // The second is answered and left without a reply.
    let id = items[1]["id"].as_str().unwrap().to_owned();
    app.post(
        &format!("/api/v1/complaints/{id}/status"),
        token(&supervisor),
        json!({"status": "verified"}),
    )
    .await
    .ok();
    let responded = app
        .post(
            &format!("/api/v1/complaints/{id}/responses"),
            token(&supervisor),
            json!({"body": "Data sudah kami kirim."}),
        )
        .await;
    // Paged one at a time: the one waiting for its deadline, then the responded one.
    for (page, code) in [(1, &first), (2, &second)] {
        let one = app
            .get(
                &format!("/api/v1/complaints?per_page=1&page={page}"),
                token(&supervisor),
            )
            .await;
        assert_eq!(one.ok()["total"], 2);
        assert_eq!(one.body["items"].as_array().unwrap().len(), 1);
        assert_eq!(one.body["items"][0]["tracking_code"], code.as_str());
    }
    let beyond = app
        .get("/api/v1/complaints?per_page=1&page=3", token(&supervisor))
        .await;
    assert_eq!(beyond.ok()["items"], json!([]));
    let closes: DateTime<Utc> = responded.body["auto_close_at"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let before = statkonsul::jobs::run_due(app.state(), closes - TimeDelta::hours(1))
        .await
        .unwrap();
    assert_eq!(before.complaints_closed, 0);
    let runs = futures_util::future::join_all(
        (0..4).map(|_| statkonsul::jobs::run_due(app.state(), closes + TimeDelta::minutes(1))),
    )
    .await;
    let closed: usize = runs.into_iter().map(|r| r.unwrap().complaints_closed).sum();
    assert_eq!(closed, 1, "closed once however many runners race");
    let detail = app
        .get(&format!("/api/v1/complaints/{id}"), token(&supervisor))
        .await;
    assert_eq!(detail.ok()["status"], "closed");
    let closings = detail.body["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["status"] == "closed")
        .count();
    assert_eq!(closings, 1);
}

#[tokio::test]
async fn staff_record_complaints_from_other_channels_and_forward_them() {
    let app = spawn_app().await;
    app.state().clock.set(monday());
    let officer = app.staff(Role::Officer, Some(UNIT)).await;
    let supervisor = app.staff(Role::Supervisor, Some(UNIT)).await;
    let province = app.staff(Role::Officer, Some("3300")).await;

    let mut from_box = complaint(None);
    from_box["channel"] = json!("suggestion_box");
    from_box["received_at"] = json!("2026-12-18");
    from_box["kind"] = json!("suggestion");
    let recorded = app
        .post("/api/v1/complaints", token(&officer), from_box.clone())
        .await;
    assert_eq!(recorded.status, 201, "{}", recorded.text);
    assert_eq!(recorded.body["status"], "received");
    let code = recorded.body["tracking_code"].as_str().unwrap().to_owned();
    let item = staff_item(&app, &officer, &code).await;
    assert_eq!(item["channel"], "suggestion_box");
    assert_eq!(
        item["received_at"], "2026-12-17T17:00:00Z",
        "the day it came in, WIB"
    );
    // Fri 18 Dec + 3 working days: 21, 22, 23.
    assert_eq!(item["verify_due_at"], "2026-12-23T16:59:59Z");
    assert_eq!(item["recorded_by"]["full_name"], "Staf officer");

    let mut lapor = complaint(Some("warga@example.id"));
    lapor["channel"] = json!("lapor");
    app.post("/api/v1/complaints", token(&officer), lapor.clone())
        .await
        .field_error("lapor_reference");
    lapor["lapor_reference"] = json!("LAPOR-2026-1234567");
    assert_eq!(
        app.post("/api/v1/complaints", token(&officer), lapor)
            .await
            .status,
        201
    );
    from_box["received_at"] = json!("2026-12-22");
    app.post("/api/v1/complaints", token(&officer), from_box.clone())
        .await
        .field_error("received_at");
    let mut staff_web = complaint(None);
    staff_web["received_at"] = json!("2026-12-18");
    app.post("/api/v1/complaints", token(&officer), staff_web)
        .await
        .field_error("channel");
    // The public files on the web only; another unit's staff record nothing here.
    let user = app.public_user().await;
    let mut sneaky = complaint(None);
    sneaky["channel"] = json!("whatsapp");
    app.post("/api/v1/complaints", token(&user), sneaky)
        .await
        .field_error("channel");
    from_box["received_at"] = json!("2026-12-18");
    app.post("/api/v1/complaints", token(&province), from_box)
        .await
        .problem(403, "forbidden");

    // Forwarded to the province: it continues there under a new code.
    let id = item["id"].as_str().unwrap();
    let status = format!("/api/v1/complaints/{id}/status");
    app.post(&status, token(&supervisor), json!({"status": "forwarded"}))
        .await
        .field_error("forwarded_to");
    app.post(
        &status,
        token(&supervisor),
        json!({"status": "forwarded", "forwarded_to": "9999"}),
    )
    .await
    .problem(422, "unit_not_found");
    let forwarded = app
        .post(
            &status,
            token(&supervisor),
            json!({"status": "forwarded", "forwarded_to": "3300", "reason": "Saran untuk data provinsi."}),
        )
        .await;
    assert_eq!(forwarded.ok()["status"], "forwarded");
    assert_eq!(forwarded.body["forwarded_to"], "3300");
    let there = app.get("/api/v1/complaints", token(&province)).await;
    let onward = &there.ok()["items"][0];
    assert_eq!(onward["forwarded_from_id"], id);
    assert_eq!(onward["status"], "received");
    assert!(
        onward["tracking_code"]
            .as_str()
            .unwrap()
            .starts_with("ADU-3300-")
    );
    let tracked = app
        .get(&format!("/api/v1/complaints/track/{code}"), None)
        .await;
    assert_eq!(tracked.ok()["status"], "forwarded");
    assert_eq!(tracked.body["forwarded_to"], "3300");
}

#[tokio::test]
async fn nobody_outside_the_unit_sees_or_handles_its_complaints() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let filed = app
        .post("/api/v1/complaints", token(&user), complaint(None))
        .await;
    let code = filed.body["tracking_code"].as_str().unwrap().to_owned();
    let own = app.staff(Role::Officer, Some(UNIT)).await;
    let id = staff_item(&app, &own, &code).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let other_officer = app.staff(Role::Officer, Some("3375")).await;
    let other_supervisor = app.staff(Role::Supervisor, Some("3375")).await;
    let front = app.staff(Role::FrontOffice, Some(UNIT)).await;
    let province = app.staff(Role::Supervisor, Some("3300")).await;
    let detail = format!("/api/v1/complaints/{id}");
    for outsider in [&other_officer, &other_supervisor] {
        app.get(&detail, token(outsider))
            .await
            .problem(404, "not_found");
        app.get(&format!("/api/v1/complaints?unit={UNIT}"), token(outsider))
            .await
            .problem(403, "forbidden");
        app.post(
            &format!("{detail}/status"),
            token(outsider),
            json!({"status": "verified"}),
        )
        .await
        .problem(404, "not_found");
        app.post(
            &format!("{detail}/responses"),
            token(outsider),
            json!({"body": "x"}),
        )
        .await
        .problem(404, "not_found");
        let theirs = app.get("/api/v1/complaints", token(outsider)).await;
        assert_eq!(theirs.ok()["total"], 0);
    }
    for caller in [&user, &front] {
        app.get("/api/v1/complaints", token(caller))
            .await
            .problem(403, "forbidden");
        app.get(&detail, token(caller))
            .await
            .problem(404, "not_found");
    }
    app.get("/api/v1/complaints", None)
        .await
        .problem(401, "authentication_required");
    // The province's supervisor reads the regency's complaints but does not handle them.
    let read = app
        .get(&format!("/api/v1/complaints?unit={UNIT}"), token(&province))
        .await;
    assert_eq!(read.ok()["total"], 1);
    assert_eq!(app.get(&detail, token(&province)).await.status, 200);
    app.post(
        &format!("{detail}/status"),
        token(&province),
        json!({"status": "verified"}),
    )
    .await
    .problem(403, "forbidden");
    app.get("/api/v1/complaints/track/ADU-3304-000000000000", None)
        .await
        .problem(404, "not_found");
}

#[tokio::test]
async fn filings_from_one_address_are_limited_even_when_sent_at_once() {
    let app = spawn_app().await;
    let email = "banyak@example.id";
    let replies = futures_util::future::join_all(
        (0..8).map(|_| app.post("/api/v1/complaints", None, complaint(Some(email)))),
    )
    .await;
    let accepted = replies.iter().filter(|r| r.status == 201).count();
    let limited: Vec<_> = replies.iter().filter(|r| r.status == 429).collect();
    assert_eq!(accepted, 5);
    assert_eq!(limited.len(), 3);
    limited[0].problem(429, "too_many_attempts");
    assert!(limited[0].headers.contains_key("retry-after"));
}
