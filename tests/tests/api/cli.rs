use std::process::Command;

use statkonsul_tests::spawn_app;

use statkonsul_tests::server_binary as binary;

fn run(app: &statkonsul_tests::TestApp, args: &[&str]) -> (bool, String) {
    let out = Command::new(binary())
        .args(args)
        .env("DATABASE_URL", &app.database_url)
        .env("DATA_DIR", app.static_dir.parent().unwrap())
        .env("APP_ENV", "dev")
        .env("RUST_LOG", "warn")
        .env_remove("MEILI_URL")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[tokio::test]
async fn the_first_admin_is_created_on_the_command_line() {
    let app = spawn_app().await;
    let (ok, out) = run(
        &app,
        &[
            "staff",
            "create",
            "--email",
            "kepala@bps.go.id",
            "--password",
            "Admin-Pertama-2026",
            "--role",
            "admin",
        ],
    );
    assert!(ok, "{out}");
    let login = app.login("kepala@bps.go.id", "Admin-Pertama-2026").await;
    let me = app
        .get("/api/v1/me", login.ok()["access_token"].as_str())
        .await;
    assert_eq!(me.ok()["role"], "admin");

    let (ok, out) = run(
        &app,
        &[
            "staff",
            "create",
            "--email",
            "x@bps.go.id",
            "--password",
            "Admin-Pertama-2026",
            "--role",
            "officer",
        ],
    );
    assert!(!ok, "an officer needs a unit: {out}");
    assert!(out.contains("unit_code"), "{out}");
}

#[tokio::test]
async fn the_demo_seed_is_idempotent() {
    let app = spawn_app().await;
    let (ok, first) = run(&app, &["seed", "--demo"]);
    assert!(ok, "{first}");
    assert!(first.contains("17 accounts"), "{first}");
    assert!(first.contains("85 knowledge articles"), "{first}");
    let (ok, second) = run(&app, &["seed", "--demo"]);
    assert!(ok, "{second}");
    assert!(
        second.contains("0 units, 0 service standards, 0 holidays, 0 accounts, 0 synonym groups, 0 knowledge articles"),
        "{second}"
    );
    // The articles' index jobs, written by another process, are applied by the running server.
    app.index_settled().await;
    let found = app.get("/api/v1/knowledge/search?q=ipm", None).await;
    assert!(found.ok()["total"].as_u64().unwrap() > 0, "{}", found.text);

    // The running server holds the embedded index: a rebuild beside it is refused…
    let (ok, out) = run(&app, &["reindex"]);
    assert!(!ok && out.contains("is a server using it?"), "{out}");
    // …and works on an index nobody uses.
    let elsewhere = statkonsul_tests::tempdir::TempDir::new();
    let out = Command::new(binary())
        .arg("reindex")
        .env("DATABASE_URL", &app.database_url)
        .env("DATA_DIR", elsewhere.path())
        .env("APP_ENV", "dev")
        .env("RUST_LOG", "warn")
        .env_remove("MEILI_URL")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("reindexed 85 published articles into the embedded index"),
        "{text}"
    );
    app.login("officer.3304@statkonsul.test", "Staff-Demo-2026!")
        .await
        .ok();
    app.login("warga@statkonsul.test", "Warga-Demo-2026!")
        .await
        .ok();
}

#[test]
fn production_mode_refuses_to_start_without_a_strong_jwt_secret() {
    let dir = statkonsul_tests::tempdir::TempDir::new();
    for secret in [None, Some("short")] {
        let mut cmd = Command::new(binary());
        cmd.args(["migrate"])
            .env("APP_ENV", "production")
            .env("DATA_DIR", dir.path())
            .env_remove("MEILI_URL")
            .env_remove("JWT_SECRET");
        if let Some(s) = secret {
            cmd.env("JWT_SECRET", s);
        }
        let out = cmd.output().unwrap();
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("JWT_SECRET"));
    }
}

#[test]
fn a_bad_log_format_or_a_guessable_metrics_token_refuses_to_start() {
    let dir = statkonsul_tests::tempdir::TempDir::new();
    for (name, value) in [("LOG_FORMAT", "xml"), ("METRICS_TOKEN", "short")] {
        let out = Command::new(binary())
            .args(["migrate"])
            .env("APP_ENV", "dev")
            .env("DATA_DIR", dir.path())
            .env_remove("DATABASE_URL")
            .env(name, value)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{name}={value} was taken");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(name),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn serve_stops_gracefully_on_sigterm() {
    use std::io::{BufRead, BufReader, Read, Write};

    let dir = statkonsul_tests::tempdir::TempDir::new();
    let mut child = Command::new(binary())
        .args(["serve"])
        .env("APP_ENV", "dev")
        .env("DATA_DIR", dir.path())
        .env("BIND_ADDR", "127.0.0.1:0")
        .env("RUST_LOG", "info")
        .env("NO_COLOR", "1")
        .env_remove("DATABASE_URL")
        .env_remove("MEILI_URL")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let port: u16 = loop {
        let line = lines.next().expect("the server printed its port").unwrap();
        if let Some(rest) = line.split("port=").nth(1) {
            break rest.split_whitespace().next().unwrap().parse().unwrap();
        }
    };
    // Ready once the knowledge index is filled, within moments of starting.
    let mut response = String::new();
    for _ in 0..200 {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .write_all(b"GET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .unwrap();
        response.clear();
        stream.read_to_string(&mut response).unwrap();
        if response.starts_with("HTTP/1.1 200") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(
        dir.path().join("statkonsul.db").exists(),
        "SQLite under DATA_DIR by default"
    );

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "exit status {status}");
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "still running 15 s after SIGTERM"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(
        rest.iter().any(|l| l.contains("outbox worker stopped")),
        "{rest:?}"
    );
}
