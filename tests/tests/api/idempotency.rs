//! `Idempotency-Key`: a retried create returns the first result and creates nothing more.
use reqwest::Method;
use serde_json::{Value, json};
use statkonsul_tests::{Reply, TestApp, TestUser, spawn_app};

async fn post_keyed(app: &TestApp, who: &TestUser, path: &str, key: &str, body: &Value) -> Reply {
    let res = app
        .client
        .request(Method::POST, app.url(path))
        .bearer_auth(&who.access_token)
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
        .unwrap();
    TestApp::read(res).await
}

fn question(subject: &str) -> Value {
    json!({
        "unit_code": "3375",
        "category": "data",
        "subject": subject,
        "question": "Berapa jumlah penduduk Kota Pekalongan menurut kecamatan tahun 2025?"
    })
}

#[tokio::test]
async fn a_retried_consultation_or_message_is_created_once() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let body = question("Penduduk per kecamatan");
    let first = post_keyed(&app, &user, "/api/v1/consultations", "k-1", &body).await;
    assert_eq!(first.status, 201, "{}", first.text);
    assert!(first.headers.get("idempotent-replayed").is_none());
    let retry = post_keyed(&app, &user, "/api/v1/consultations", "k-1", &body).await;
    assert_eq!(retry.status, 201);
    assert_eq!(retry.headers["idempotent-replayed"], "true");
    assert_eq!(retry.body["id"], first.body["id"]);
    assert_eq!(retry.body["number"], first.body["number"]);
    let mine = app
        .get("/api/v1/consultations", Some(&user.access_token))
        .await;
    assert_eq!(mine.ok()["total"], 1);

    // The same key for another request is a client's mistake, not a retry.
    post_keyed(
        &app,
        &user,
        "/api/v1/consultations",
        "k-1",
        &question("Lain"),
    )
    .await
    .problem(422, "idempotency_key_reused");
    // Keys are the caller's own: another person's same key creates their own consultation.
    let other = app.public_user().await;
    let theirs = post_keyed(&app, &other, "/api/v1/consultations", "k-1", &body).await;
    assert_eq!(theirs.status, 201);
    assert_ne!(theirs.body["id"], first.body["id"]);

    let messages = format!(
        "/api/v1/consultations/{}/messages",
        first.body["id"].as_str().unwrap()
    );
    let text = json!({"body": "Mohon dibantu, terima kasih."});
    let sent = post_keyed(&app, &user, &messages, "m-1", &text).await;
    assert_eq!(sent.status, 201, "{}", sent.text);
    let again = post_keyed(&app, &user, &messages, "m-1", &text).await;
    assert_eq!(again.body["id"], sent.body["id"]);
    let history = app.get(&messages, Some(&user.access_token)).await;
    let bodies: Vec<&Value> = history.ok()["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["body"] == "Mohon dibantu, terima kasih.")
        .collect();
    assert_eq!(bodies.len(), 1);

    let long = "x".repeat(201);
    post_keyed(&app, &user, "/api/v1/consultations", &long, &body)
        .await
        .field_error("Idempotency-Key");
}

/// Retries sent at once: one creates, the others get its answer or are told it is in hand;
/// never a second record.
#[tokio::test]
async fn concurrent_retries_create_one_record() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let body = question("Serentak");
    let replies = futures_util::future::join_all(
        (0..8).map(|_| post_keyed(&app, &user, "/api/v1/consultations", "same", &body)),
    )
    .await;
    let created: Vec<&Reply> = replies.iter().filter(|r| r.status == 201).collect();
    assert!(!created.is_empty());
    assert!(
        created
            .iter()
            .all(|r| r.body["id"] == created[0].body["id"])
    );
    for r in replies.iter().filter(|r| r.status != 201) {
        r.problem(409, "idempotency_key_in_use");
    }
    let mine = app
        .get("/api/v1/consultations", Some(&user.access_token))
        .await;
    assert_eq!(mine.ok()["total"], 1);
    let later = post_keyed(&app, &user, "/api/v1/consultations", "same", &body).await;
    assert_eq!(later.body["id"], created[0].body["id"]);
}
