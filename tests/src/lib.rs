//! The test harness: `spawn_app()` starts the real server on a random port with a fresh
//! database (SQLite, or PostgreSQL when `STATKONSUL_TEST_DB=postgres`) and a capturing SMTP server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

pub mod smtp;

use std::{path::PathBuf, time::Duration};

use reqwest::{Method, StatusCode};
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};
use statkonsul::{
    app::Application,
    auth::Role,
    config::{Secret, Settings},
    seed,
    staff::{self, CreateStaffRequest},
    state::{AppState, SharedState},
};

pub use smtp::{Mail, SmtpServer};

/// The bearer token that may read the test server's `/metrics`.
pub const METRICS_TOKEN: &str = "metrics-scrape-token-for-tests";

pub struct TestApp {
    pub address: String,
    pub port: u16,
    pub client: reqwest::Client,
    pub smtp: SmtpServer,
    pub state: SharedState,
    pub static_dir: PathBuf,
    pub database_url: String,
    /// The knowledge index the server uses: `embedded` or `meilisearch`.
    pub engine: &'static str,
    /// The server's workers (index, outbox, jobs), when the test starts them itself.
    held: std::sync::Mutex<Option<Application>>,
    _dir: tempdir::TempDir,
}

pub mod tempdir {
    use std::path::{Path, PathBuf};

    /// A folder removed when the test ends.
    pub struct TempDir(PathBuf);

    impl TempDir {
        pub fn new() -> Self {
            let path =
                std::env::temp_dir().join(format!("statkonsul-test-{}", uuid::Uuid::new_v4()));
            std::fs::create_dir_all(&path).unwrap();
            Self(path)
        }
        pub fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Default for TempDir {
        fn default() -> Self {
            Self::new()
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// The server binary, built beside the test binaries (`cargo build -p statkonsul`).
pub fn server_binary() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let path = exe.parent().unwrap().parent().unwrap().join("statkonsul");
    assert!(
        path.exists(),
        "build the server first: cargo build -p statkonsul ({})",
        path.display()
    );
    path
}

/// The real server binary serving on a free port: killed when dropped.
pub struct ServedBinary {
    child: std::process::Child,
    pub base: String,
    log: PathBuf,
}

impl ServedBinary {
    /// `statkonsul serve` with `dir` as its working directory and data (SQLite), standard error
    /// written to `dir/server.log`, and `env` besides; waits until `/readyz` answers.
    pub async fn start(dir: &std::path::Path, env: &[(&str, &str)]) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let log = dir.join("server.log");
        let mut command = std::process::Command::new(server_binary());
        command
            .arg("serve")
            .current_dir(dir)
            .env_remove("STATIC_DIR")
            .env_remove("LOG_FORMAT")
            .env("APP_ENV", "dev")
            .env(
                "DATABASE_URL",
                format!("sqlite://{}/served.db?mode=rwc", dir.display()),
            )
            .env("DATA_DIR", dir)
            .env("BIND_ADDR", format!("127.0.0.1:{port}"))
            .env("RUST_LOG", "warn")
            .envs(env.iter().copied())
            .stdout(std::process::Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap());
        let mut served = Self {
            child: command.spawn().unwrap(),
            base: format!("http://127.0.0.1:{port}"),
            log,
        };
        let client = reqwest::Client::new();
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(r) = client.get(format!("{}/readyz", served.base)).send().await
                && r.status().is_success()
            {
                return served;
            }
            if let Some(status) = served.child.try_wait().unwrap() {
                panic!("the server exited ({status}): {}", served.log());
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the server was not ready in 60 s: {}",
                served.log()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// What it wrote to standard error so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for ServedBinary {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Which database the tests run on.
pub fn test_database() -> String {
    std::env::var("STATKONSUL_TEST_DB").unwrap_or_else(|_| "sqlite".into())
}

async fn fresh_database_url(dir: &std::path::Path) -> String {
    match test_database().as_str() {
        "sqlite" => format!("sqlite://{}/test.db?mode=rwc", dir.display()),
        "postgres" => {
            let admin = std::env::var("STATKONSUL_TEST_PG_URL").expect(
                "STATKONSUL_TEST_DB=postgres needs STATKONSUL_TEST_PG_URL (e.g. postgres://postgres@127.0.0.1:5433/postgres)",
            );
            let name = format!("t_{}", uuid::Uuid::new_v4().simple());
            let conn = Database::connect(&admin)
                .await
                .expect("cannot reach the test PostgreSQL");
            conn.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await
                .unwrap();
            conn.close().await.unwrap();
            let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
            format!("{base}/{name}")
        }
        other => panic!("STATKONSUL_TEST_DB must be sqlite or postgres, not {other}"),
    }
}

pub struct Options {
    pub smtp_reachable: bool,
    /// `TRUSTED_PROXIES`: whose `X-Forwarded-For` names the client.
    pub trusted_proxies: &'static str,
    /// `METRICS_TOKEN`: [`METRICS_TOKEN`] by default; `None` turns the metrics off.
    pub metrics_token: Option<&'static str>,
    /// `MEILI_URL`: unset, the embedded index.
    pub meili_url: Option<String>,
    pub meili_api_key: Option<String>,
    /// The Meilisearch index, unique per test so tests running at once do not share one.
    pub meili_index: String,
    /// The server answers, but its workers (the knowledge index among them) wait for
    /// [`TestApp::start_workers`].
    pub hold_workers: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            smtp_reachable: true,
            trusted_proxies: "",
            metrics_token: Some(METRICS_TOKEN),
            meili_url: None,
            meili_api_key: None,
            meili_index: format!("statkonsul_test_{}", uuid::Uuid::new_v4().simple()),
            hold_workers: false,
        }
    }
}

/// The Meilisearch the knowledge tests also run against, when `MEILI_URL` is set.
pub fn test_meilisearch() -> Option<(String, Option<String>)> {
    let url = std::env::var("MEILI_URL").ok().filter(|u| !u.is_empty())?;
    Some((url, std::env::var("MEILI_API_KEY").ok()))
}

/// The options of one server per knowledge index to test: the embedded one, and Meilisearch when
/// `MEILI_URL` is set (each with its own index).
pub fn options_per_engine() -> Vec<Options> {
    let mut out = vec![Options::default()];
    if let Some((url, key)) = test_meilisearch() {
        out.push(Options {
            meili_url: Some(url),
            meili_api_key: key,
            ..Options::default()
        });
    }
    out
}

/// One server per knowledge index to test ([`options_per_engine`]). Only the knowledge tests use
/// this; the others keep the embedded index.
pub async fn spawn_app_per_engine() -> Vec<TestApp> {
    let mut apps = Vec::new();
    for options in options_per_engine() {
        apps.push(spawn_app_with(options).await);
    }
    apps
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(Options::default()).await
}

pub async fn spawn_app_with(options: Options) -> TestApp {
    let dir = tempdir::TempDir::new();
    let smtp = SmtpServer::start().await;
    let static_dir = dir.path().join("dist");
    std::fs::create_dir_all(static_dir.join("assets")).unwrap();
    std::fs::write(
        static_dir.join("index.html"),
        "<!doctype html><title>Statkonsul</title><div id=root></div>",
    )
    .unwrap();
    std::fs::write(
        static_dir.join("assets/app-1234.js"),
        "console.log('statkonsul')",
    )
    .unwrap();
    let database_url = fresh_database_url(dir.path()).await;
    let smtp_port = if options.smtp_reachable {
        smtp.port
    } else {
        // A port nobody listens on: delivery fails and is retried.
        let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        probe.local_addr().unwrap().port()
    };
    let settings = Settings {
        dev_mode: true,
        database_url: Secret::new(database_url.clone()),
        database_max_connections: Some(4),
        bind_addr: "127.0.0.1:0".into(),
        public_url: "http://app.statkonsul.test".into(),
        static_dir: Some(static_dir.clone()),
        data_dir: dir.path().to_path_buf(),
        smtp_url: Some(Secret::new(format!("smtp://127.0.0.1:{smtp_port}"))),
        meili_url: options.meili_url,
        meili_api_key: options.meili_api_key.map(Secret::new),
        meili_index: options.meili_index,
        mail_from: "Statkonsul <layanan@statkonsul.test>".into(),
        jwt_secret: Secret::new("test-secret-test-secret-test-secret-0123"),
        cors_origins: vec!["https://portal.example.org".into()],
        trusted_proxies: statkonsul::proxies::parse(options.trusted_proxies).unwrap(),
        board_frame_ancestors: vec!["https://portal.example.org".into()],
        access_token_ttl: Duration::from_secs(900),
        refresh_token_ttl: Duration::from_secs(3600),
        outbox_poll_interval: Duration::from_millis(500),
        jobs_interval: Duration::from_secs(3600),
        metrics_token: options.metrics_token.map(Secret::new),
    };
    let app = Application::build(settings)
        .await
        .expect("server failed to build");
    let port = app.port();
    let state = app.state();
    let engine = app.knowledge_index().engine();
    seed::run(&state, false).await.expect("seeding failed");
    let held = if options.hold_workers {
        Some(app)
    } else {
        tokio::spawn(app.run_until_stopped());
        None
    };
    let test_app = TestApp {
        address: format!("http://127.0.0.1:{port}"),
        port,
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
        smtp,
        state,
        static_dir,
        database_url,
        engine,
        held: std::sync::Mutex::new(held),
        _dir: dir,
    };
    if !options.hold_workers {
        test_app.wait_until_ready().await;
        test_app.wait_for_the_first_job_run().await;
    }
    test_app
}

/// A response read whole: status, headers and the body as JSON (Null when empty or not JSON).
pub struct Reply {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Reply {
    pub fn content_type(&self) -> &str {
        self.headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }

    /// Asserts a problem+json answer with this status and code; returns the body.
    #[track_caller]
    pub fn problem(&self, status: u16, code: &str) -> &Value {
        assert_eq!(
            self.status.as_u16(),
            status,
            "unexpected status; body: {}",
            self.text
        );
        assert_eq!(
            self.content_type(),
            "application/problem+json",
            "body: {}",
            self.text
        );
        assert_eq!(self.body["code"], code, "body: {}", self.text);
        assert_eq!(self.body["status"], status);
        assert!(self.body["title"].is_string());
        assert_eq!(self.body["type"], format!("urn:statkonsul:problem:{code}"));
        &self.body
    }

    /// Asserts a validation failure naming `field`.
    #[track_caller]
    pub fn field_error(&self, field: &str) {
        let body = self.problem(422, "validation_failed");
        assert!(
            body["errors"][field]
                .as_array()
                .is_some_and(|m| !m.is_empty()),
            "expected an error for `{field}`: {}",
            self.text
        );
    }

    #[track_caller]
    pub fn ok(&self) -> &Value {
        assert!(
            self.status.is_success(),
            "expected success, got {}: {}",
            self.status,
            self.text
        );
        &self.body
    }
}

pub struct TestUser {
    pub email: String,
    pub password: String,
    pub access_token: String,
    pub refresh_token: String,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn send(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Reply {
        let mut req = self.client.request(method, self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        Self::read(req.send().await.expect("request failed")).await
    }

    pub async fn read(res: reqwest::Response) -> Reply {
        let status = res.status();
        let headers = res.headers().clone();
        let text = res.text().await.unwrap();
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            body,
            text,
        }
    }

    /// The address of a live socket for the caller: a one-time ticket from
    /// `POST /api/v1/ws/tickets`, in the URL in place of the access token.
    pub async fn socket_url(&self, token: &str) -> String {
        let issued = self
            .post("/api/v1/ws/tickets", Some(token), Value::Null)
            .await;
        assert_eq!(issued.status, 201, "socket ticket: {}", issued.text);
        let ticket = issued.body["ticket"].as_str().unwrap().to_owned();
        format!("ws://127.0.0.1:{}/api/v1/ws?ticket={ticket}", self.port)
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Reply {
        self.send(Method::GET, path, token, None).await
    }
    pub async fn post(&self, path: &str, token: Option<&str>, body: Value) -> Reply {
        self.send(Method::POST, path, token, Some(body)).await
    }
    pub async fn put(&self, path: &str, token: Option<&str>, body: Value) -> Reply {
        self.send(Method::PUT, path, token, Some(body)).await
    }
    pub async fn patch(&self, path: &str, token: Option<&str>, body: Value) -> Reply {
        self.send(Method::PATCH, path, token, Some(body)).await
    }

    pub async fn register(&self, email: &str, password: &str) -> Reply {
        self.post(
            "/api/v1/auth/register",
            None,
            json!({"email": email, "password": password, "full_name": "Siti Rahma"}),
        )
        .await
    }

    pub async fn login(&self, email: &str, password: &str) -> Reply {
        self.post(
            "/api/v1/auth/login",
            None,
            json!({"email": email, "password": password}),
        )
        .await
    }

    pub async fn refresh(&self, refresh_token: &str) -> Reply {
        self.post(
            "/api/v1/auth/refresh",
            None,
            json!({"refresh_token": refresh_token}),
        )
        .await
    }

    pub async fn logout(&self, refresh_token: &str) -> Reply {
        self.post(
            "/api/v1/auth/logout",
            None,
            json!({"refresh_token": refresh_token}),
        )
        .await
    }

    /// Opens a consultation as `user` at `unit`; returns its JSON.
    pub async fn open_consultation(&self, user: &TestUser, unit: &str) -> Value {
        let reply = self
            .post(
                "/api/v1/consultations",
                Some(user.access_token.as_str()),
                json!({
                    "unit_code": unit,
                    "category": "data",
                    "subject": "Angka kemiskinan 2025",
                    "question": "Berapa persentase penduduk miskin tahun 2025 menurut kecamatan?"
                }),
            )
            .await;
        assert_eq!(reply.status, 201, "{}", reply.text);
        reply.body
    }

    /// The token in the newest link to `path` mailed to `to`.
    pub async fn mailed_token(&self, to: &str, path: &str) -> String {
        let mail = self
            .smtp
            .wait_for(|m| {
                m.to.iter().any(|t| t.eq_ignore_ascii_case(to)) && m.body().contains(path)
            })
            .await;
        let body = mail.body();
        let marker = format!("http://app.statkonsul.test{path}?token=");
        let start = body.find(&marker).expect("link in the email") + marker.len();
        body[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect()
    }

    /// A verified, logged-in member of the public.
    pub async fn public_user(&self) -> TestUser {
        let email = format!("warga-{}@example.id", uuid::Uuid::new_v4().simple());
        let password = "Kopi-Tubruk-2026".to_owned();
        self.register(&email, &password).await.ok();
        let token = self.mailed_token(&email, "/verify-email").await;
        self.post("/api/v1/auth/verify-email", None, json!({"token": token}))
            .await
            .ok();
        self.logged_in(email, password).await
    }

    async fn logged_in(&self, email: String, password: String) -> TestUser {
        let reply = self.login(&email, &password).await;
        let body = reply.ok();
        TestUser {
            access_token: body["access_token"].as_str().unwrap().to_owned(),
            refresh_token: body["refresh_token"].as_str().unwrap().to_owned(),
            email,
            password,
        }
    }

    /// A logged-in staff member with `role` at `unit` (created as the command line does).
    pub async fn staff(&self, role: Role, unit: Option<&str>) -> TestUser {
        let email = format!(
            "{}-{}@bps.go.id",
            role.as_str(),
            uuid::Uuid::new_v4().simple()
        );
        let password = "Meja-Layanan-2026".to_owned();
        staff::service::create(
            self.state(),
            None,
            CreateStaffRequest {
                email: email.clone(),
                password: password.clone(),
                full_name: format!("Staf {}", role.as_str()),
                role,
                unit_code: unit.map(str::to_owned),
            },
        )
        .await
        .unwrap();
        self.logged_in(email, password).await
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Starts the workers of a server spawned with `hold_workers`.
    pub fn start_workers(&self) {
        let app = self
            .held
            .lock()
            .unwrap()
            .take()
            .expect("workers already started");
        tokio::spawn(app.run_until_stopped());
    }

    /// Waits (up to 60 s) until the scheduler's first pass, which it makes as it starts, is done:
    /// the next comes after the test's hour-long interval. A pass still running when a test sets
    /// the clock back would purge, by the real time it started with, the counters, sessions and
    /// keys the test then writes on its own clock.
    pub async fn wait_for_the_first_job_run(&self) {
        for _ in 0..1200 {
            if self.state.metrics.job_runs() >= 1 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the scheduler made no pass within 60 s");
    }

    /// Waits (up to 20 s) until `/readyz` answers 200, as a load balancer would.
    pub async fn wait_until_ready(&self) {
        for _ in 0..400 {
            let ready = self
                .client
                .get(self.url("/readyz"))
                .send()
                .await
                .is_ok_and(|r| r.status() == StatusCode::OK);
            if ready {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the server was not ready within 20 s");
    }

    /// Loads the demo knowledge-base articles and waits until the index has applied them.
    pub async fn seed_knowledge(&self) {
        seed::seed_knowledge_articles(self.state()).await.unwrap();
        self.index_settled().await;
    }

    /// Waits (up to 10 s) until every queued knowledge-index job has been applied.
    pub async fn index_settled(&self) {
        use sea_orm::{EntityTrait, PaginatorTrait};
        use statkonsul::entities::knowledge_index_job;
        for _ in 0..200 {
            let pending = knowledge_index_job::Entity::find()
                .count(&self.state().db)
                .await
                .unwrap();
            if pending == 0 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the knowledge index did not catch up within 10 s");
    }
}
