//! Crash safety: the real server binary, under concurrent writes (messages, new consultations,
//! walk-in tickets) and with a slow mail server, is killed with SIGKILL and started again on the
//! same data. Every write it acknowledged is there, and every email in its outbox is delivered
//! afterwards, one per `Message-ID` (a second attempt can only be of the email whose send the
//! kill interrupted, under the same `Message-ID`): the backlog without waiting for the poll
//! interval (an hour here), the interrupted email once its lease runs out.
use std::{
    collections::{HashMap, HashSet},
    process::{Child, Command, Stdio},
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
    time::{Duration, Instant},
};

use chrono::Utc;
use sea_orm::{
    ColumnTrait, ConnectionTrait, Database, DatabaseConnection, EntityTrait, QueryFilter,
};
use serde_json::{Value, json};
use statkonsul::entities::{consultation, message, outbox_email, walkin_ticket};
use statkonsul_tests::{SmtpServer, server_binary, tempdir::TempDir, test_database};

pub(crate) const UNIT: &str = "3375";
pub(crate) const PASSWORD: &str = "Meja-Layanan-2026";

/// The data a server runs on, and how it is started.
pub(crate) struct Site {
    dir: TempDir,
    pub(crate) database_url: String,
    pub(crate) smtp: SmtpServer,
}

impl Site {
    pub(crate) async fn new() -> Self {
        let dir = TempDir::new();
        let database_url = match test_database().as_str() {
            "postgres" => {
                let admin = std::env::var("STATKONSUL_TEST_PG_URL")
                    .expect("STATKONSUL_TEST_DB=postgres needs STATKONSUL_TEST_PG_URL");
                let name = format!("t_{}", uuid::Uuid::new_v4().simple());
                let conn = Database::connect(&admin).await.unwrap();
                conn.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                    .await
                    .unwrap();
                conn.close().await.unwrap();
                let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
                format!("{base}/{name}")
            }
            _ => format!("sqlite://{}/crash.db?mode=rwc", dir.path().display()),
        };
        std::fs::create_dir_all(dir.path().join("dist")).unwrap();
        std::fs::write(dir.path().join("dist/index.html"), "<!doctype html>").unwrap();
        Self {
            dir,
            database_url,
            smtp: SmtpServer::start().await,
        }
    }

    pub(crate) fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(server_binary());
        cmd.args(args)
            .env("APP_ENV", "dev")
            .env("DATABASE_URL", &self.database_url)
            .env("DATA_DIR", self.dir.path())
            .env_remove("MEILI_URL")
            .env("STATIC_DIR", self.dir.path().join("dist"))
            .env("SMTP_URL", format!("smtp://127.0.0.1:{}", self.smtp.port))
            .env("MAIL_FROM", "Statkonsul <layanan@statkonsul.test>")
            .env("PUBLIC_URL", "http://app.statkonsul.test")
            // One secret for every instance: a token issued by one is valid on the others.
            .env(
                "JWT_SECRET",
                "instances-share-this-secret-of-at-least-32-chars",
            )
            // Never polled: the outbox must be sent because emails are due (new, a full batch
            // behind them, a lease run out), not because an interval passed.
            .env("OUTBOX_POLL_SECONDS", "3600")
            .env("RUST_LOG", "warn");
        cmd
    }

    /// A staff account of [`UNIT`] with this role, email and [`PASSWORD`].
    pub(crate) fn create_staff(&self, role: &str, email: &str) {
        self.run(&[
            "staff",
            "create",
            "--email",
            email,
            "--password",
            PASSWORD,
            "--role",
            role,
            "--unit",
            UNIT,
        ]);
    }

    /// Runs a command of the binary to its end.
    pub(crate) fn run(&self, args: &[&str]) {
        let out = self.command(args).output().unwrap();
        assert!(
            out.status.success(),
            "statkonsul {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Starts `serve` and waits until it is ready.
    pub(crate) async fn serve(&self, client: &reqwest::Client) -> Server {
        self.serve_in(client, self.dir.path()).await
    }

    /// Starts `serve` with its files (the embedded search index) in `data_dir`.
    pub(crate) async fn serve_in(
        &self,
        client: &reqwest::Client,
        data_dir: &std::path::Path,
    ) -> Server {
        self.serve_with(client, data_dir, &[]).await
    }

    /// Starts `serve` in `data_dir` with these variables added to its environment.
    pub(crate) async fn serve_with(
        &self,
        client: &reqwest::Client,
        data_dir: &std::path::Path,
        envs: &[(&str, &str)],
    ) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.path().join("server.log"))
            .unwrap();
        let child = self
            .command(&["serve"])
            .env("BIND_ADDR", format!("127.0.0.1:{port}"))
            .env("DATA_DIR", data_dir)
            .envs(envs.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::from(log))
            .spawn()
            .unwrap();
        let mut server = Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            if let Ok(r) = client.get(format!("{}/readyz", server.base)).send().await
                && r.status().is_success()
            {
                return server;
            }
            if let Some(status) = server.child.try_wait().unwrap() {
                panic!("the server exited ({status}): {}", self.log());
            }
            assert!(
                Instant::now() < deadline,
                "the server was not ready within 120 s: {}",
                self.log()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
    }

    /// The token in the link to `path` mailed to `to`.
    pub(crate) async fn mailed_token(&self, to: &str, path: &str) -> String {
        let mail = self
            .smtp
            .wait_for(|m| m.to.iter().any(|t| t == to) && m.body().contains(path))
            .await;
        let body = mail.body();
        let marker = format!("http://app.statkonsul.test{path}?token=");
        let start = body.find(&marker).expect("link in the email") + marker.len();
        body[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect()
    }
}

pub(crate) struct Server {
    child: Child,
    pub(crate) base: String,
}

impl Server {
    /// SIGKILL: no shutdown, no flush, nothing finished.
    fn kill(&mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A request that must succeed, for the setup.
pub(crate) async fn must(
    client: &reqwest::Client,
    server: &Server,
    token: Option<&str>,
    path: &str,
    body: Value,
) -> Value {
    let mut req = client.post(format!("{}{path}", server.base)).json(&body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let res = req.send().await.unwrap();
    let status = res.status();
    let text = res.text().await.unwrap();
    assert!(status.is_success(), "POST {path}: {status} {text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

pub(crate) async fn login(
    client: &reqwest::Client,
    server: &Server,
    email: &str,
    password: &str,
) -> String {
    let body = must(
        client,
        server,
        None,
        "/api/v1/auth/login",
        json!({"email": email, "password": password}),
    )
    .await;
    body["access_token"].as_str().unwrap().to_owned()
}

/// What the load wrote and the server acknowledged (a 2xx answer with the new id).
#[derive(Default)]
struct Acknowledged {
    messages: Vec<uuid::Uuid>,
    consultations: Vec<uuid::Uuid>,
    tickets: Vec<uuid::Uuid>,
    refused: usize,
}

/// Posts until `stop`; records the id of every acknowledged write.
async fn write_loop(
    client: reqwest::Client,
    url: String,
    token: String,
    body: Value,
    stop: Arc<AtomicBool>,
    acked: Arc<Mutex<Acknowledged>>,
    record: fn(&mut Acknowledged, uuid::Uuid),
) {
    while !stop.load(Ordering::Relaxed) {
        let sent = client
            .post(&url)
            .bearer_auth(&token)
            .json(&body)
            .timeout(Duration::from_secs(30))
            .send()
            .await;
        let Ok(res) = sent else {
            // The server is gone: whatever was in flight was not acknowledged.
            if stop.load(Ordering::Relaxed) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
            continue;
        };
        let ok = res.status().is_success();
        let Ok(text) = res.text().await else { continue };
        let id = serde_json::from_str::<Value>(&text)
            .ok()
            .and_then(|v| v["id"].as_str().and_then(|s| s.parse().ok()));
        let mut acked = acked.lock().unwrap();
        match (ok, id) {
            (true, Some(id)) => record(&mut acked, id),
            _ => acked.refused += 1,
        }
    }
}

async fn unsent(db: &DatabaseConnection) -> usize {
    outbox_email::Entity::find()
        .filter(outbox_email::Column::SentAt.is_null())
        .all(db)
        .await
        .map(|rows| rows.len())
        .unwrap_or(0)
}

/// How many of `ids` the table holds.
async fn present<E>(db: &DatabaseConnection, column: E::Column, ids: &[uuid::Uuid]) -> usize
where
    E: EntityTrait,
{
    let mut found = 0;
    for chunk in ids.chunks(500) {
        found += E::find()
            .filter(column.is_in(chunk.iter().copied()))
            .all(db)
            .await
            .unwrap()
            .len();
    }
    found
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_killed_server_keeps_every_acknowledged_write_and_delivers_its_queued_emails_once() {
    let site = Site::new().await;
    let client = reqwest::Client::new();
    site.run(&["seed"]);
    for (role, email) in [
        ("officer", "petugas.crash@bps.go.id"),
        ("front_office", "depan.crash@bps.go.id"),
        ("supervisor", "ketua.crash@bps.go.id"),
    ] {
        site.create_staff(role, email);
    }
    let mut server = site.serve(&client).await;
    let officer = login(&client, &server, "petugas.crash@bps.go.id", PASSWORD).await;
    let front = login(&client, &server, "depan.crash@bps.go.id", PASSWORD).await;
    let supervisor = login(&client, &server, "ketua.crash@bps.go.id", PASSWORD).await;

    // Three members of the public, each with a consultation the officer has taken.
    let mut public = Vec::new();
    for i in 0..3 {
        let email = format!("warga{i}-{}@example.id", uuid::Uuid::new_v4().simple());
        must(
            &client,
            &server,
            None,
            "/api/v1/auth/register",
            json!({"email": email, "password": "Kopi-Tubruk-2026", "full_name": "Siti Rahma"}),
        )
        .await;
        let token = site.mailed_token(&email, "/verify-email").await;
        must(
            &client,
            &server,
            None,
            "/api/v1/auth/verify-email",
            json!({"token": token}),
        )
        .await;
        let access = login(&client, &server, &email, "Kopi-Tubruk-2026").await;
        let c = must(
            &client,
            &server,
            Some(&access),
            "/api/v1/consultations",
            json!({"unit_code": UNIT, "category": "data", "subject": "Angka kemiskinan 2025",
                   "question": "Berapa persentase penduduk miskin tahun 2025 menurut kecamatan?"}),
        )
        .await;
        let id = c["id"].as_str().unwrap().to_owned();
        must(
            &client,
            &server,
            Some(&officer),
            &format!("/api/v1/consultations/{id}/claim"),
            json!({}),
        )
        .await;
        public.push((access, id));
    }

    // Walk-in tickets are taken only while the office is open: all day, but not on weekends and
    // holidays, when the load leaves them out.
    let unit: Value = client
        .get(format!("{}/api/v1/units/{UNIT}", server.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut settings = unit["settings"].clone();
    settings["office_opens_at"] = json!("00:00");
    settings["office_closes_at"] = json!("23:59");
    let saved = client
        .put(format!("{}/api/v1/units/{UNIT}/settings", server.base))
        .bearer_auth(&supervisor)
        .json(&settings)
        .send()
        .await
        .unwrap();
    assert!(
        saved.status().is_success(),
        "{}",
        saved.text().await.unwrap()
    );
    let tickets_url = format!("{}/api/v1/units/{UNIT}/walkin/tickets", server.base);
    let walkin_open = client
        .post(&tickets_url)
        .bearer_auth(&front)
        .json(&json!({"service": "konsultasi"}))
        .send()
        .await
        .unwrap()
        .status()
        .is_success();

    // The mail server slows down, so that emails queue up behind the writes.
    site.smtp.set_delay(Duration::from_millis(200));
    let db = Database::connect(&site.database_url).await.unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let acked = Arc::new(Mutex::new(Acknowledged::default()));
    let mut load = Vec::new();
    let spawn =
        |url: String, token: &str, body: Value, record: fn(&mut Acknowledged, uuid::Uuid)| {
            tokio::spawn(write_loop(
                client.clone(),
                url,
                token.to_owned(),
                body,
                stop.clone(),
                acked.clone(),
                record,
            ))
        };
    for (token, id) in &public {
        let url = format!("{}/api/v1/consultations/{id}/messages", server.base);
        // The owner writes; the officer answers, which emails the owner (not connected live).
        load.push(spawn(
            url.clone(),
            token,
            json!({"body": "Apakah ada rincian per kelurahan juga?"}),
            |a, id| a.messages.push(id),
        ));
        load.push(spawn(
            url,
            &officer,
            json!({"body": "Rincian per kelurahan tidak tersedia; per kecamatan ada di tabel 4.1."}),
            |a, id| a.messages.push(id),
        ));
    }
    load.push(spawn(
        format!("{}/api/v1/consultations", server.base),
        &public[0].0,
        json!({"unit_code": UNIT, "category": "metadata", "subject": "Definisi pengangguran",
               "question": "Apa definisi tingkat pengangguran terbuka yang dipakai BPS?"}),
        |a, id| a.consultations.push(id),
    ));
    if walkin_open {
        load.push(spawn(
            tickets_url,
            &front,
            json!({"service": "konsultasi"}),
            |a, id| a.tickets.push(id),
        ));
    }

    // Killed mid-load, once emails wait in the outbox.
    let started = Instant::now();
    loop {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let waiting = unsent(&db).await;
        if (started.elapsed() > Duration::from_secs(2) && waiting >= 30)
            || started.elapsed() > Duration::from_secs(30)
        {
            break;
        }
    }
    server.kill();
    let killed_at = Utc::now();
    stop.store(true, Ordering::Relaxed);
    for task in load {
        task.await.unwrap();
    }
    let queued: Vec<outbox_email::Model> = outbox_email::Entity::find().all(&db).await.unwrap();
    let waiting: Vec<&outbox_email::Model> =
        queued.iter().filter(|e| e.sent_at.is_none()).collect();
    // An email leased at the kill was being sent: the mail server may have it already.
    let in_flight: HashSet<String> = waiting
        .iter()
        .filter(|e| e.next_attempt_at > killed_at)
        .map(|e| e.id.to_string())
        .collect();
    assert!(
        !waiting.is_empty(),
        "the kill came after the outbox had drained; nothing tested"
    );

    site.smtp.set_delay(Duration::from_millis(5));
    let restarted = Instant::now();
    let server = site.serve(&client).await;

    // Every acknowledged write survived.
    let acked = std::mem::take(&mut *acked.lock().unwrap());
    let messages = present::<message::Entity>(&db, message::Column::Id, &acked.messages).await;
    let consultations =
        present::<consultation::Entity>(&db, consultation::Column::Id, &acked.consultations).await;
    let tickets =
        present::<walkin_ticket::Entity>(&db, walkin_ticket::Column::Id, &acked.tickets).await;
    assert!(
        acked.messages.len() >= 10,
        "too little load: {} messages",
        acked.messages.len()
    );
    assert_eq!(messages, acked.messages.len(), "acknowledged messages lost");
    assert_eq!(
        consultations,
        acked.consultations.len(),
        "acknowledged consultations lost"
    );
    assert_eq!(tickets, acked.tickets.len(), "acknowledged tickets lost");

    // Every email queued before the kill arrives: awaited, with a generous bound.
    let ids: HashSet<String> = queued.iter().map(|e| e.id.to_string()).collect();
    let deadline = Instant::now() + Duration::from_secs(240);
    // When all but the interrupted email had arrived: the backlog's own time.
    let mut backlog_sent = None;
    let counts = loop {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for mail in site.smtp.all().await {
            let id = mail
                .header("Message-ID")
                .and_then(|m| {
                    m.trim_matches(['<', '>'])
                        .split('@')
                        .next()
                        .map(str::to_owned)
                })
                .unwrap_or_default();
            *counts.entry(id).or_default() += 1;
        }
        let missing = ids.iter().filter(|id| !counts.contains_key(*id)).count();
        if backlog_sent.is_none() && missing <= in_flight.len() {
            backlog_sent = Some(restarted.elapsed());
        }
        if missing == 0 && unsent(&db).await == 0 {
            break counts;
        }
        assert!(
            Instant::now() < deadline,
            "{missing} of {} queued emails not delivered within 240 s of the restart",
            ids.len()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let drained = restarted.elapsed();
    let repeated: Vec<(&String, &usize)> = counts
        .iter()
        .filter(|(id, n)| ids.contains(*id) && **n > 1)
        .collect();
    for (id, n) in &repeated {
        assert!(
            in_flight.contains(*id),
            "email {id} delivered {n} times though it was not being sent at the kill"
        );
    }
    assert!(
        repeated.len() <= in_flight.len(),
        "repeated deliveries: {repeated:?}"
    );
    println!(
        "crash test ({}): acknowledged {} messages, {} consultations, {} tickets (walk-in {}), \
         {} refused; found {messages}, {consultations}, {tickets}. Outbox at the kill: {} emails, \
         {} unsent ({} being sent); the backlog delivered {:.1} s and all {:.1} s after the \
         restart, {} delivered twice under the same Message-ID.",
        test_database(),
        acked.messages.len(),
        acked.consultations.len(),
        acked.tickets.len(),
        if walkin_open { "open" } else { "closed today" },
        acked.refused,
        queued.len(),
        waiting.len(),
        in_flight.len(),
        backlog_sent.unwrap_or(drained).as_secs_f64(),
        drained.as_secs_f64(),
        repeated.len(),
    );
    drop(server);
}
