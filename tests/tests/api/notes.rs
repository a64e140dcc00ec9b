//! Internal notes: written by the unit's staff, seen by the unit's staff, and never by the
//! person who asked — not in their history, socket, unread counts or emails, nor in an article
//! promoted from the consultation.
use serde_json::{Value, json};
use statkonsul::auth::Role;
use statkonsul_tests::{TestApp, TestUser, spawn_app};

use crate::ws::{connect, next_event, nothing_matching};

const NOTE: &str = "Catatan: pemohon ini sudah tiga kali bertanya, cek tabel 2023 dulu.";

fn at(c: &Value, rest: &str) -> String {
    format!("/api/v1/consultations/{}/{rest}", c["id"].as_str().unwrap())
}

async fn note(app: &TestApp, by: &TestUser, c: &Value) -> Value {
    let written = app
        .post(
            &at(c, "messages"),
            Some(by.access_token.as_str()),
            json!({"body": NOTE, "visibility": "internal"}),
        )
        .await;
    assert_eq!(written.status, 201, "{}", written.text);
    assert_eq!(written.body["visibility"], "internal");
    written.body
}

fn bodies(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body"].as_str().unwrap().to_owned())
        .collect()
}

fn is_note(e: &Value) -> bool {
    e["type"] == "message.created" && e["data"]["body"] == NOTE
}

#[tokio::test]
async fn a_note_reaches_the_units_staff_live_and_never_the_person_who_asked() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    let colleague = app.staff(Role::Officer, Some("3304")).await;
    let supervisor = app.staff(Role::Supervisor, Some("3304")).await;
    let c = app.open_consultation(&user, "3304").await;
    app.post(
        &at(&c, "claim"),
        Some(officer.access_token.as_str()),
        json!({}),
    )
    .await
    .ok();
    let mut owners = connect(&app, &user.access_token).await;
    let mut supervisors = connect(&app, &supervisor.access_token).await;

    // A colleague who does not hold the consultation may leave a note too.
    let written = note(&app, &colleague, &c).await;
    let seen = next_event(&mut supervisors, is_note).await;
    assert_eq!(seen["data"]["visibility"], "internal");
    assert_eq!(seen["data"]["id"], written["id"]);
    let answer = app
        .post(
            &at(&c, "messages"),
            Some(officer.access_token.as_str()),
            json!({"body": "Datanya sudah kami kirim."}),
        )
        .await;
    // The owner's first message event is the answer written after the note.
    let first = next_event(&mut owners, |e| e["type"] == "message.created").await;
    assert_eq!(first["data"]["id"], answer.ok()["id"]);
    nothing_matching(&mut owners, is_note).await;

    // History: the staff read the note in its place, the owner never.
    let staff_history = app
        .get(&at(&c, "messages"), Some(officer.access_token.as_str()))
        .await;
    assert_eq!(
        bodies(staff_history.ok()),
        [NOTE, "Datanya sudah kami kirim."]
    );
    let owner_history = app
        .get(&at(&c, "messages"), Some(user.access_token.as_str()))
        .await;
    assert_eq!(bodies(owner_history.ok()), ["Datanya sudah kami kirim."]);
    assert_eq!(owner_history.body["total"], 1);
    let after = app
        .get(
            &format!(
                "{}?after={}",
                at(&c, "messages"),
                written["id"].as_str().unwrap()
            ),
            Some(user.access_token.as_str()),
        )
        .await;
    assert_eq!(bodies(after.ok()), ["Datanya sudah kami kirim."]);

    // Unread counts: the note counts for staff who have not read it, never for the owner.
    let owners_list = app
        .get("/api/v1/consultations", Some(user.access_token.as_str()))
        .await;
    assert_eq!(owners_list.ok()["items"][0]["unread_count"], 1);
    let supervisors_list = app
        .get(
            &format!("/api/v1/consultations/{}", c["id"].as_str().unwrap()),
            Some(supervisor.access_token.as_str()),
        )
        .await;
    assert_eq!(supervisors_list.ok()["unread_count"], 2);

    // The owner cannot learn of the note through read receipts either.
    app.post(
        &at(&c, "read"),
        Some(user.access_token.as_str()),
        json!({"message_id": written["id"]}),
    )
    .await
    .field_error("message_id");
    // A colleague reading the note tells nobody outside.
    let read = app
        .post(
            &at(&c, "read"),
            Some(officer.access_token.as_str()),
            json!({"message_id": written["id"]}),
        )
        .await;
    assert_eq!(read.status, 204);
    nothing_matching(&mut owners, |e| e["type"] == "read").await;
}

#[tokio::test]
async fn a_note_moves_no_clock_and_mails_nobody() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    let c = app.open_consultation(&user, "3304").await;
    let detail = format!("/api/v1/consultations/{}", c["id"].as_str().unwrap());
    app.post(
        &at(&c, "claim"),
        Some(officer.access_token.as_str()),
        json!({}),
    )
    .await
    .ok();
    let before = app
        .get(&detail, Some(user.access_token.as_str()))
        .await
        .ok()
        .clone();
    // The owner has no socket open: an answer would be mailed, a note is not.
    note(&app, &officer, &c).await;
    let after_note = app.get(&detail, Some(user.access_token.as_str())).await;
    assert_eq!(after_note.ok()["updated_at"], before["updated_at"]);
    assert_eq!(after_note.ok()["unread_count"], 0);
    app.post(
        &at(&c, "messages"),
        Some(officer.access_token.as_str()),
        json!({"body": "Data sudah tersedia."}),
    )
    .await
    .ok();
    app.smtp
        .wait_for(|m| m.to == [user.email.clone()] && m.body().contains("membalas konsultasi"))
        .await;
    crate::jobs::wait_until_the_outbox_is_empty(&app).await;
    let mails = app.smtp.all().await;
    let to_owner: Vec<_> = mails
        .iter()
        .filter(|m| m.to == [user.email.clone()])
        .collect();
    assert_eq!(
        to_owner
            .iter()
            .filter(|m| m.body().contains("membalas konsultasi"))
            .count(),
        1,
        "one email, for the answer"
    );
    assert!(
        mails
            .iter()
            .all(|m| !m.body().contains("tiga kali bertanya")),
        "no email carries the note"
    );
}

#[tokio::test]
async fn only_the_units_officers_and_supervisors_write_notes() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    let elsewhere = app.staff(Role::Officer, Some("3375")).await;
    let province = app.staff(Role::Supervisor, Some("3300")).await;
    let c = app.open_consultation(&user, "3304").await;
    let internal = json!({"body": NOTE, "visibility": "internal"});
    for (caller, status, code) in [
        (&user, 403, "forbidden"),
        (&elsewhere, 404, "not_found"),
        (&province, 403, "forbidden"),
    ] {
        app.post(
            &at(&c, "messages"),
            Some(caller.access_token.as_str()),
            internal.clone(),
        )
        .await
        .problem(status, code);
    }
    let unknown = app
        .post(
            &at(&c, "messages"),
            Some(officer.access_token.as_str()),
            json!({"body": NOTE, "visibility": "secret"}),
        )
        .await;
    assert!(
        unknown.problem(400, "malformed_json")["errors"]["visibility"].is_array(),
        "{}",
        unknown.text
    );
    // Before anyone takes it, and after it closed, the unit's officers may still leave notes.
    note(&app, &officer, &c).await;
    app.post(
        &at(&c, "claim"),
        Some(officer.access_token.as_str()),
        json!({}),
    )
    .await
    .ok();
    app.post(
        &at(&c, "close"),
        Some(officer.access_token.as_str()),
        json!({"resolution": "answered", "summary": "Dijawab."}),
    )
    .await
    .ok();
    note(&app, &officer, &c).await;
    // The overseeing supervisor reads them.
    let seen = app
        .get(&at(&c, "messages"), Some(province.access_token.as_str()))
        .await;
    assert_eq!(bodies(seen.ok()), [NOTE, NOTE]);
    let owner = app
        .get(&at(&c, "messages"), Some(user.access_token.as_str()))
        .await;
    assert_eq!(owner.ok()["total"], 0);
}

#[tokio::test]
async fn an_article_promoted_from_the_consultation_holds_no_note() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    let c = app.open_consultation(&user, "3304").await;
    let token = Some(officer.access_token.as_str());
    app.post(&at(&c, "claim"), token, json!({})).await.ok();
    let written = note(&app, &officer, &c).await;
    app.post(
        &at(&c, "messages"),
        token,
        json!({"body": "Persentase penduduk miskin tersedia sampai tingkat kabupaten di tabel kemiskinan."}),
    )
    .await
    .ok();
    app.post(
        &at(&c, "close"),
        token,
        json!({"resolution": "answered", "summary": "Dijawab."}),
    )
    .await
    .ok();
    app.post(
        &at(&c, "promote"),
        token,
        json!({"message_ids": [written["id"]]}),
    )
    .await
    .field_error("message_ids");
    let draft = app.post(&at(&c, "promote"), token, json!({})).await;
    assert_eq!(draft.status, 201, "{}", draft.text);
    let answer = draft.body["answer"].as_str().unwrap();
    assert!(answer.contains("tingkat kabupaten"), "{answer}");
    assert!(!answer.contains("tiga kali"), "{answer}");
}

#[tokio::test]
async fn search_finds_a_consultation_by_a_word_of_its_messages_and_a_notes_words_only_for_staff() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    let elsewhere = app.staff(Role::Officer, Some("3375")).await;
    let c = app.open_consultation(&user, "3304").await;
    app.open_consultation(&user, "3304").await;
    app.post(
        &at(&c, "claim"),
        Some(officer.access_token.as_str()),
        json!({}),
    )
    .await
    .ok();
    app.post(
        &at(&c, "messages"),
        Some(officer.access_token.as_str()),
        json!({"body": "Tabel Susenas Maret 2025 terlampir di website."}),
    )
    .await
    .ok();
    note(&app, &officer, &c).await;
    let search = |who: &TestUser, q: &str| {
        let path = format!("/api/v1/consultations?q={q}");
        let token = who.access_token.clone();
        let app = &app;
        async move { app.get(&path, Some(token.as_str())).await }
    };
    let ids = |page: &Value| -> Vec<String> {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let id = c["id"].as_str().unwrap().to_owned();
    // A word of an answer, and the start of another, find it for staff and its owner alike.
    for who in [&officer, &user] {
        let found = search(who, "susenas%20mar").await;
        assert_eq!(ids(found.ok()), [id.as_str()], "{}", found.text);
    }
    // A note's words: the unit's staff find it, the owner never does.
    let by_note = search(&officer, "pemohon%20bertanya").await;
    assert_eq!(ids(by_note.ok()), [id.as_str()]);
    let owner = search(&user, "pemohon%20bertanya").await;
    assert_eq!(owner.ok()["total"], 0, "{}", owner.text);
    // All words in one message (or the subject and question), not spread over several.
    let spread = search(&officer, "susenas%20pemohon").await;
    assert_eq!(spread.ok()["total"], 0);
    // Another unit's staff find nothing of it.
    let other = search(&elsewhere, "susenas").await;
    assert_eq!(other.ok()["total"], 0);
}
