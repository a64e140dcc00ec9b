use serde_json::{Value, json};
use statkonsul::auth::Role;
use statkonsul_tests::{TestApp, TestUser, spawn_app};

async fn taken(app: &TestApp) -> (TestUser, TestUser, Value) {
    let user = app.public_user().await;
    let officer = app.staff(Role::Officer, Some("3304")).await;
    let c = app.open_consultation(&user, "3304").await;
    app.post(
        &format!("/api/v1/consultations/{}/claim", c["id"].as_str().unwrap()),
        Some(officer.access_token.as_str()),
        json!({}),
    )
    .await
    .ok();
    (user, officer, c)
}

fn path(c: &Value, rest: &str) -> String {
    format!("/api/v1/consultations/{}/{rest}", c["id"].as_str().unwrap())
}

#[tokio::test]
async fn the_owner_and_the_assignee_converse_and_history_reads_oldest_first() {
    let app = spawn_app().await;
    let (user, officer, c) = taken(&app).await;
    let m1 = app
        .post(
            &path(&c, "messages"),
            Some(user.access_token.as_str()),
            json!({"body": "Selamat pagi, apakah datanya ada?"}),
        )
        .await;
    assert_eq!(m1.status, 201, "{}", m1.text);
    assert_eq!(m1.body["sender_role"], "public");
    let m2 = app
        .post(
            &path(&c, "messages"),
            Some(officer.access_token.as_str()),
            json!({"body": "Ada, <b>berikut</b> tabelnya."}),
        )
        .await;
    assert_eq!(m2.ok()["sender_role"], "officer");
    assert_eq!(
        m2.body["body"], "Ada, <b>berikut</b> tabelnya.",
        "stored as text, escaped by clients"
    );
    let history = app
        .get(&path(&c, "messages"), Some(user.access_token.as_str()))
        .await;
    let items = history.ok()["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["id"], m1.body["id"]);
    let after = app
        .get(
            &format!(
                "{}?after={}",
                path(&c, "messages"),
                m1.body["id"].as_str().unwrap()
            ),
            Some(user.access_token.as_str()),
        )
        .await;
    assert_eq!(after.ok()["items"].as_array().unwrap().len(), 1);
    assert_eq!(after.body["items"][0]["id"], m2.body["id"]);
}

#[tokio::test]
async fn only_participants_write_and_bad_messages_are_refused() {
    let app = spawn_app().await;
    let (user, _officer, c) = taken(&app).await;
    let colleague = app.staff(Role::Officer, Some("3304")).await;
    app.post(
        &path(&c, "messages"),
        Some(colleague.access_token.as_str()),
        json!({"body": "Halo"}),
    )
    .await
    .problem(403, "forbidden");
    let supervisor = app.staff(Role::Supervisor, Some("3304")).await;
    assert_eq!(
        app.post(
            &path(&c, "messages"),
            Some(supervisor.access_token.as_str()),
            json!({"body": "Saya ikut membantu."})
        )
        .await
        .status,
        201
    );
    app.post(
        &path(&c, "messages"),
        Some(user.access_token.as_str()),
        json!({"body": "   "}),
    )
    .await
    .field_error("body");
    app.post(
        &path(&c, "messages"),
        Some(user.access_token.as_str()),
        json!({"body": "x".repeat(10_001)}),
    )
    .await
    .field_error("body");
    app.post(
        &path(&c, "withdraw"),
        Some(user.access_token.as_str()),
        json!({}),
    )
    .await
    .ok();
    app.post(
        &path(&c, "messages"),
        Some(user.access_token.as_str()),
        json!({"body": "Masih di sini?"}),
    )
    .await
    .problem(409, "invalid_state");
}

#[tokio::test]
async fn an_officer_reply_is_emailed_to_an_owner_who_is_not_connected() {
    let app = spawn_app().await;
    let (user, officer, c) = taken(&app).await;
    app.post(
        &path(&c, "messages"),
        Some(officer.access_token.as_str()),
        json!({"body": "Data sudah tersedia."}),
    )
    .await
    .ok();
    let mail = app
        .smtp
        .wait_for(|m| m.to == [user.email.clone()] && m.body().contains("membalas konsultasi"))
        .await;
    assert!(
        mail.header("Subject")
            .unwrap()
            .contains(c["number"].as_str().unwrap())
    );
}

#[tokio::test]
async fn read_receipts_drive_unread_counts() {
    let app = spawn_app().await;
    let (user, officer, c) = taken(&app).await;
    let first = app
        .post(
            &path(&c, "messages"),
            Some(officer.access_token.as_str()),
            json!({"body": "Pesan pertama"}),
        )
        .await
        .ok()
        .clone();
    app.post(
        &path(&c, "messages"),
        Some(officer.access_token.as_str()),
        json!({"body": "Pesan kedua"}),
    )
    .await
    .ok();
    let list = app
        .get("/api/v1/consultations", Some(user.access_token.as_str()))
        .await;
    assert_eq!(list.ok()["items"][0]["unread_count"], 2);
    let read = app
        .post(
            &path(&c, "read"),
            Some(user.access_token.as_str()),
            json!({"message_id": first["id"]}),
        )
        .await;
    assert_eq!(read.status, 204);
    let list = app
        .get("/api/v1/consultations", Some(user.access_token.as_str()))
        .await;
    assert_eq!(list.ok()["items"][0]["unread_count"], 1);
    let officer_view = app
        .get("/api/v1/consultations", Some(officer.access_token.as_str()))
        .await;
    assert_eq!(
        officer_view.ok()["items"][0]["unread_count"],
        0,
        "own messages are read"
    );
    app.post(
        &path(&c, "read"),
        Some(user.access_token.as_str()),
        json!({"message_id": uuid::Uuid::new_v4()}),
    )
    .await
    .field_error("message_id");
}

async fn upload(
    app: &TestApp,
    who: &TestUser,
    c: &Value,
    name: &str,
    content_type: &str,
    bytes: Vec<u8>,
) -> statkonsul_tests::Reply {
    let res = app
        .client
        .post(app.url(&format!(
            "{}?file_name={name}&message=Lampiran",
            path(c, "attachments")
        )))
        .bearer_auth(&who.access_token)
        .header("content-type", content_type)
        .body(bytes)
        .send()
        .await
        .unwrap();
    TestApp::read(res).await
}

#[tokio::test]
async fn attachments_are_checked_stored_and_served_only_to_participants() {
    let app = spawn_app().await;
    let (user, officer, c) = taken(&app).await;
    let pdf = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".to_vec();
    let reply = upload(
        &app,
        &officer,
        &c,
        "tabel.pdf",
        "application/pdf",
        pdf.clone(),
    )
    .await;
    assert_eq!(reply.status, 201, "{}", reply.text);
    let attachment = reply.body["attachments"][0].clone();
    assert_eq!(attachment["file_name"], "tabel.pdf");
    assert_eq!(attachment["size_bytes"], pdf.len());
    let url = attachment["url"].as_str().unwrap();
    let res = app
        .client
        .get(app.url(url))
        .bearer_auth(&user.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("tabel.pdf")
    );
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf);
    let stranger = app.public_user().await;
    app.get(url, Some(stranger.access_token.as_str()))
        .await
        .problem(404, "not_found");
    app.get(url, None)
        .await
        .problem(401, "authentication_required");

    upload(
        &app,
        &user,
        &c,
        "virus.exe",
        "application/x-msdownload",
        b"MZ\x90\x00".to_vec(),
    )
    .await
    .problem(415, "unsupported_attachment");
    upload(
        &app,
        &user,
        &c,
        "fake.pdf",
        "application/pdf",
        b"not a pdf".to_vec(),
    )
    .await
    .problem(415, "unsupported_attachment");
    let mut big = b"%PDF-".to_vec();
    big.resize(10 * 1024 * 1024 + 1, b'0');
    upload(&app, &user, &c, "big.pdf", "application/pdf", big)
        .await
        .problem(413, "attachment_too_large");
    let csv = upload(
        &app,
        &user,
        &c,
        "data.csv",
        "text/csv",
        b"tahun,nilai\n2025,9.8\n".to_vec(),
    )
    .await;
    assert_eq!(csv.status, 201, "{}", csv.text);
    let history = app
        .get(&path(&c, "messages"), Some(user.access_token.as_str()))
        .await;
    assert_eq!(history.ok()["total"], 2, "refused uploads wrote nothing");
}

fn stored_files(app: &TestApp) -> usize {
    let root = app.state().settings.data_dir.join("attachments");
    let Ok(dirs) = std::fs::read_dir(&root) else {
        return 0;
    };
    dirs.flatten()
        .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten())
        .filter(|f| !f.file_name().to_string_lossy().starts_with('.'))
        .count()
}

/// A refused upload leaves no file behind: not for a stranger (refused before the body is read),
/// not for a message that fails its checks after the file was recognised.
#[tokio::test]
async fn refused_uploads_leave_no_file_and_names_beyond_ascii_survive() {
    let app = spawn_app().await;
    let (user, _officer, c) = taken(&app).await;
    let pdf = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".to_vec();
    let stranger = app.public_user().await;
    upload(&app, &stranger, &c, "x.pdf", "application/pdf", pdf.clone())
        .await
        .problem(404, "not_found");
    let long = "a".repeat(10_001);
    let res = app
        .client
        .post(app.url(&format!(
            "{}?file_name=x.pdf&message={long}",
            path(&c, "attachments")
        )))
        .bearer_auth(&user.access_token)
        .header("content-type", "application/pdf")
        .body(pdf.clone())
        .send()
        .await
        .unwrap();
    TestApp::read(res).await.field_error("message");
    assert_eq!(stored_files(&app), 0, "no orphan file on disk");

    let name = "Tabel%20Penduduk%20%E2%80%93%20Sl%C3%A9man.pdf";
    let reply = upload(&app, &user, &c, name, "application/pdf", pdf).await;
    assert_eq!(reply.status, 201, "{}", reply.text);
    assert_eq!(
        reply.body["attachments"][0]["file_name"],
        "Tabel Penduduk – Sléman.pdf"
    );
    assert_eq!(stored_files(&app), 1);
    let url = reply.body["attachments"][0]["url"].as_str().unwrap();
    let res = app
        .client
        .get(app.url(url))
        .bearer_auth(&user.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let disposition = res.headers()["content-disposition"].to_str().unwrap();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    assert!(
        disposition.contains("filename=\"Tabel Penduduk _ Sl_man.pdf\""),
        "{disposition}"
    );
    assert!(
        disposition.contains("filename*=UTF-8''Tabel%20Penduduk%20%E2%80%93%20Sl%C3%A9man.pdf"),
        "{disposition}"
    );
}
