//! Several instances on one PostgreSQL: two real server processes behind no proxy, on one
//! database. A socket on one instance receives what happens on the other (messages, large ones
//! included, and typing); whether a user is online is known to both (an officer's answer on A
//! is not emailed to a user whose page is open on B); limits count across them; and the timers'
//! effects happen once however many runners race. On SQLite there is one instance (the bus stays
//! in process): the test says so and stops.
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use futures_util::{SinkExt, StreamExt};
use sea_orm::{ColumnTrait, Database, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};
use statkonsul::entities::{outbox_email, socket_presence};
use statkonsul_tests::test_database;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream, connect_async, tungstenite::Message};

use crate::crash::{PASSWORD, Server, Site, UNIT, login, must};

type Socket = WebSocketStream<MaybeTlsStream<tokio::net::TcpStream>>;

/// A socket on `server`, opened with a ticket issued by `issuer` (tickets hold on every instance).
async fn socket(client: &reqwest::Client, issuer: &Server, server: &Server, token: &str) -> Socket {
    let ticket = must(
        client,
        issuer,
        Some(token),
        "/api/v1/ws/tickets",
        Value::Null,
    )
    .await;
    let url = format!(
        "{}/api/v1/ws?ticket={}",
        server.base.replacen("http://", "ws://", 1),
        ticket["ticket"].as_str().unwrap()
    );
    connect_async(url).await.expect("the socket opens").0
}

/// The next event of `kind`, within 20 s (a busy machine; nothing here waits on a timer).
async fn next_event(socket: &mut Socket, kind: &str) -> Value {
    tokio::time::timeout(Duration::from_secs(20), async {
        loop {
            match socket.next().await {
                Some(Ok(Message::Text(text))) => {
                    let event: Value = serde_json::from_str(&text).unwrap();
                    if event["type"] == kind {
                        return event;
                    }
                }
                Some(Ok(_)) => {}
                other => panic!("the socket ended: {other:?}"),
            }
        }
    })
    .await
    .unwrap_or_else(|_| panic!("no {kind} event within 20 s"))
}

/// A verified member of the public, signed up on `a` and signed in on `b`: their email and
/// access token.
async fn sign_up(
    site: &Site,
    client: &reqwest::Client,
    a: &Server,
    b: &Server,
) -> (String, String) {
    let email = format!("warga-{}@example.id", uuid::Uuid::new_v4().simple());
    must(
        client,
        a,
        None,
        "/api/v1/auth/register",
        json!({"email": email, "password": "Kopi-Tubruk-2026", "full_name": "Dewi Lestari"}),
    )
    .await;
    let token = site.mailed_token(&email, "/verify-email").await;
    must(
        client,
        b,
        None,
        "/api/v1/auth/verify-email",
        json!({"token": token}),
    )
    .await;
    let token = login(client, b, &email, "Kopi-Tubruk-2026").await;
    (email, token)
}

async fn emails_to(db: &sea_orm::DatabaseConnection, to: &str) -> u64 {
    outbox_email::Entity::find()
        .filter(outbox_email::Column::Recipient.eq(to))
        .count(db)
        .await
        .unwrap()
}

async fn jobs_run_once(site: &Site, at: DateTime<Utc>) -> String {
    let mut cmd = tokio::process::Command::from(site.command(&[
        "jobs",
        "run-once",
        "--at",
        &at.to_rfc3339(),
    ]));
    let out = cmd.output().await.unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The JSON body of the answer to `req`.
async fn json_of(req: reqwest::RequestBuilder) -> Value {
    req.send().await.unwrap().json().await.unwrap()
}

fn count(out: &str, what: &str) -> usize {
    out.split(&format!(" {what}"))
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count of {what} in {out}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_share_live_events_presence_limits_and_timers() {
    if test_database() != "postgres" {
        eprintln!("instances: skipped on SQLite, which runs one instance (PostgreSQL runs it)");
        return;
    }
    let site = Site::new().await;
    let client = reqwest::Client::new();
    // Both start at once on the empty database: one migrates, the other waits for it. Each
    // has its own embedded search index (a deployment of several uses Meilisearch).
    let b_files = statkonsul_tests::tempdir::TempDir::new();
    let (a, b) = tokio::join!(site.serve(&client), site.serve_in(&client, b_files.path()));
    site.run(&["seed"]);
    site.create_staff("officer", "petugas.dua@bps.go.id");
    let db = Database::connect(&site.database_url).await.unwrap();

    // A member of the public signs up on A and signs in on B.
    let (email, user) = sign_up(&site, &client, &a, &b).await;
    let officer = login(&client, &a, "petugas.dua@bps.go.id", PASSWORD).await;
    let c = must(
        &client,
        &b,
        Some(&user),
        "/api/v1/consultations",
        json!({"unit_code": UNIT, "category": "data", "subject": "Angka kemiskinan 2025",
               "question": "Berapa persentase penduduk miskin tahun 2025 menurut kecamatan?"}),
    )
    .await;
    let id = c["id"].as_str().unwrap().to_owned();

    // A second member of the public waits behind the first, with a page open on B.
    let (_, second) = sign_up(&site, &client, &a, &b).await;
    let waiting = must(
        &client,
        &a,
        Some(&second),
        "/api/v1/consultations",
        json!({"unit_code": UNIT, "category": "data", "subject": "Inflasi bulanan",
               "question": "Berapa inflasi bulan lalu di Kota Pekalongan?"}),
    )
    .await;
    assert_eq!(waiting["queue_position"], 2);
    let mut second_socket = socket(&client, &b, &b, &second).await;

    // The user's page is open on B; the officer's console on A.
    let mut user_socket = socket(&client, &a, &b, &user).await;
    let mut officer_socket = socket(&client, &b, &a, &officer).await;
    must(
        &client,
        &a,
        Some(&officer),
        &format!("/api/v1/consultations/{id}/claim"),
        json!({}),
    )
    .await;
    let taken = next_event(&mut user_socket, "consultation.updated").await;
    assert_eq!(taken["data"]["status"], "active");
    // The queue moved on A: the one waiting behind hears of it on B.
    let moved = next_event(&mut second_socket, "queue.moved").await;
    assert_eq!(moved["consultation_id"], waiting["id"]);
    assert_eq!(moved["data"]["queue_position"], 1);

    let before = emails_to(&db, &email).await;
    let answer = "Data kemiskinan per kecamatan tersedia di publikasi Kota Pekalongan Dalam Angka.";
    let posted = must(
        &client,
        &a,
        Some(&officer),
        &format!("/api/v1/consultations/{id}/messages"),
        json!({"body": answer}),
    )
    .await;
    let got = next_event(&mut user_socket, "message.created").await;
    assert_eq!(got["data"]["id"], posted["id"]);
    assert_eq!(got["data"]["body"], answer);
    // The user reads it on B: the officer on A sees the receipt.
    must(
        &client,
        &b,
        Some(&user),
        &format!("/api/v1/consultations/{id}/read"),
        json!({"message_id": posted["id"]}),
    )
    .await;
    let read = next_event(&mut officer_socket, "read").await;
    assert_eq!(read["data"]["message_id"], posted["id"]);
    assert_eq!(
        emails_to(&db, &email).await,
        before,
        "the user is online on B: no email for the answer posted on A"
    );

    // An event larger than a notification's payload crosses too.
    let long = "é".repeat(4_000);
    must(
        &client,
        &a,
        Some(&officer),
        &format!("/api/v1/consultations/{id}/messages"),
        json!({"body": long}),
    )
    .await;
    let got = next_event(&mut user_socket, "message.created").await;
    assert_eq!(got["data"]["body"].as_str().unwrap().chars().count(), 4_000);

    // Typing on A reaches B; the user's own message on B reaches the officer on A.
    officer_socket
        .send(Message::Text(
            json!({"type": "typing", "consultation_id": id})
                .to_string()
                .into(),
        ))
        .await
        .unwrap();
    let typing = next_event(&mut user_socket, "typing").await;
    assert_eq!(typing["data"]["role"], "officer");
    must(
        &client,
        &b,
        Some(&user),
        &format!("/api/v1/consultations/{id}/messages"),
        json!({"body": "Terima kasih, Pak."}),
    )
    .await;
    // (The officer's socket also carries the officer's own messages.)
    loop {
        let got = next_event(&mut officer_socket, "message.created").await;
        if got["data"]["body"] == "Terima kasih, Pak." {
            assert_eq!(got["data"]["sender_role"], "public");
            break;
        }
    }

    // The user closes the page: gone from B's presence, an answer on A is emailed.
    let me: Value = client
        .get(format!("{}/api/v1/me", b.base))
        .bearer_auth(&user)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let user_id: uuid::Uuid = me["id"].as_str().unwrap().parse().unwrap();
    user_socket.close(None).await.unwrap();
    drop(user_socket);
    tokio::time::timeout(Duration::from_secs(20), async {
        while socket_presence::Entity::find()
            .filter(socket_presence::Column::UserId.eq(user_id))
            .count(&db)
            .await
            .unwrap()
            > 0
        {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await
    .expect("the closed socket leaves the presence");
    let before = emails_to(&db, &email).await;
    must(
        &client,
        &a,
        Some(&officer),
        &format!("/api/v1/consultations/{id}/messages"),
        json!({"body": "Apakah masih ada yang bisa kami bantu?"}),
    )
    .await;
    assert_eq!(
        emails_to(&db, &email).await,
        before + 1,
        "offline everywhere: emailed"
    );

    // Failed logins count across instances: five on A, the sixth on B is refused.
    for _ in 0..5 {
        let res = client
            .post(format!("{}/api/v1/auth/login", a.base))
            .json(&json!({"email": email, "password": "salah-sekali-2026"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 401);
    }
    let res = client
        .post(format!("{}/api/v1/auth/login", b.base))
        .json(&json!({"email": email, "password": "salah-sekali-2026"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 429, "the limit holds across instances");

    // Timers: four runners at one instant beside the two servers (whose schedulers share one
    // lease) close the silent consultation once. The user spoke last, so answer as the officer.
    must(
        &client,
        &a,
        Some(&officer),
        &format!("/api/v1/consultations/{id}/messages"),
        json!({"body": "Kami tunggu kabarnya."}),
    )
    .await;
    let at = Utc::now() + TimeDelta::days(40);
    let runs = futures_util::future::join_all((0..4).map(|_| jobs_run_once(&site, at))).await;
    let effects: usize = runs
        .iter()
        .map(|out| count(out, "warned") + count(out, "closed"))
        .sum();
    assert_eq!(effects, 1, "{runs:?}");
}

/// The words of `query` searched on `server` until `found` says yes, within 30 s (the index
/// worker of whichever instance holds its lease writes the change into the shared index).
async fn search_until(
    client: &reqwest::Client,
    server: &Server,
    query: &str,
    found: impl Fn(&Value) -> bool,
) -> Value {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let res = client
            .get(format!("{}/api/v1/knowledge/search", server.base))
            .query(&[("q", query)])
            .send()
            .await
            .unwrap();
        assert!(res.status().is_success(), "search: {}", res.status());
        let body: Value = res.json().await.unwrap();
        if found(&body) {
            return body;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "search for {query:?} on {} never matched: {body}",
            server.base
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn slugs(results: &Value) -> Vec<&str> {
    results["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["slug"].as_str().unwrap())
        .collect()
}

/// Two instances on one Meilisearch index (the deployment of docker-compose): what is published
/// on one is found on the other, what is archived on the other leaves both, and a third instance
/// started on the filled index is ready with it. Needs PostgreSQL and `MEILI_URL`.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_share_one_meilisearch_index() {
    if test_database() != "postgres" {
        eprintln!("instances: skipped on SQLite, which runs one instance (PostgreSQL runs it)");
        return;
    }
    let Ok(meili_url) = std::env::var("MEILI_URL") else {
        eprintln!("instances: the shared Meilisearch index is skipped: MEILI_URL is not set");
        return;
    };
    let meili_key = std::env::var("MEILI_API_KEY").unwrap_or_default();
    let index = format!("statkonsul_instances_{}", uuid::Uuid::new_v4().simple());
    let mut envs = vec![
        ("MEILI_URL", meili_url.as_str()),
        ("MEILI_INDEX", index.as_str()),
    ];
    if !meili_key.is_empty() {
        envs.push(("MEILI_API_KEY", meili_key.as_str()));
    }
    let site = Site::new().await;
    let client = reqwest::Client::new();
    let a_files = statkonsul_tests::tempdir::TempDir::new();
    let b_files = statkonsul_tests::tempdir::TempDir::new();
    let (a, b) = tokio::join!(
        site.serve_with(&client, a_files.path(), &envs),
        site.serve_with(&client, b_files.path(), &envs)
    );
    site.run(&["seed"]);
    site.create_staff("officer", "petugas.cari@bps.go.id");
    let officer = login(&client, &a, "petugas.cari@bps.go.id", PASSWORD).await;

    // Published through A: B's search finds it.
    let created = must(
        &client,
        &a,
        Some(&officer),
        "/api/v1/knowledge/articles",
        json!({
            "title": "Produksi batik tulis per kelurahan",
            "question": "Di mana data produksi batik tulis menurut kelurahan?",
            "answer": "Produksi batik tulis menurut kelurahan ada di publikasi Kecamatan Dalam Angka.",
            "category": "data",
            "unit_code": UNIT,
            "tags": ["batik"],
            "status": "published",
        }),
    )
    .await;
    assert_eq!(created["status"], "published");
    let id = created["id"].as_str().unwrap().to_owned();
    let found = search_until(&client, &b, "batik tulis", |r| r["total"] == 1).await;
    assert_eq!(slugs(&found), ["produksi-batik-tulis-per-kelurahan"]);
    let found = search_until(&client, &a, "batik tulis", |r| r["total"] == 1).await;
    assert_eq!(slugs(&found), ["produksi-batik-tulis-per-kelurahan"]);
    // It is the shared index that holds it, not each instance's own.
    let in_meili = |client: reqwest::Client| {
        let (url, key, index) = (meili_url.clone(), meili_key.clone(), index.clone());
        async move {
            let authed = |req: reqwest::RequestBuilder| {
                if key.is_empty() {
                    req
                } else {
                    req.bearer_auth(&key)
                }
            };
            // The server names its index after MEILI_INDEX (with the version of its settings).
            let listed = json_of(authed(client.get(format!("{url}/indexes?limit=1000")))).await;
            let uids: Vec<String> = listed["results"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|i| i["uid"].as_str())
                .filter(|uid| uid.starts_with(&index))
                .map(str::to_owned)
                .collect();
            assert_eq!(uids.len(), 1, "one index of this deployment: {uids:?}");
            let body = json_of(
                authed(client.post(format!("{url}/indexes/{}/search", uids[0])))
                    .json(&json!({"q": "batik"})),
            )
            .await;
            (uids[0].clone(), body["hits"].as_array().map(Vec::len))
        }
    };
    assert_eq!(in_meili(client.clone()).await.1, Some(1));

    // A third instance started on the filled index is ready with the article in it.
    let c_files = statkonsul_tests::tempdir::TempDir::new();
    let c = site.serve_with(&client, c_files.path(), &envs).await;
    let res = client
        .get(format!("{}/api/v1/knowledge/search", c.base))
        .query(&[("q", "batik tulis")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.json::<Value>().await.unwrap()["total"],
        1,
        "ready with the index"
    );

    // Archived through B: it leaves every instance's results.
    let res = client
        .delete(format!("{}/api/v1/knowledge/articles/{id}", b.base))
        .bearer_auth(&officer)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    for server in [&a, &b, &c] {
        search_until(&client, server, "batik tulis", |r| r["total"] == 0).await;
    }
    let (uid, hits) = in_meili(client.clone()).await;
    assert_eq!(hits, Some(0));

    let mut delete = client.delete(format!("{meili_url}/indexes/{uid}"));
    if !meili_key.is_empty() {
        delete = delete.bearer_auth(&meili_key);
    }
    delete.send().await.ok();
}
