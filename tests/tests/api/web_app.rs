//! The web app built into the server: the real binary, started from a folder that is not the
//! checkout and without `STATIC_DIR`, serves the app built in `frontend/dist` (which a debug
//! build reads from there, and a release build carries inside it).
use std::{
    path::PathBuf,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use statkonsul_tests::{server_binary, tempdir::TempDir};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `statkonsul serve` in a fresh folder (its working directory and data), SQLite, no STATIC_DIR.
async fn serve_from_elsewhere(dir: &TempDir, client: &reqwest::Client) -> (Server, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let log = std::fs::File::create(dir.path().join("server.log")).unwrap();
    let mut server = Server(
        Command::new(server_binary())
            .arg("serve")
            .current_dir(dir.path())
            .env_remove("STATIC_DIR")
            .env("APP_ENV", "dev")
            .env(
                "DATABASE_URL",
                format!("sqlite://{}/web.db?mode=rwc", dir.path().display()),
            )
            .env("DATA_DIR", dir.path())
            .env("BIND_ADDR", format!("127.0.0.1:{port}"))
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::from(log))
            .spawn()
            .unwrap(),
    );
    let base = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(r) = client.get(format!("{base}/readyz")).send().await
            && r.status().is_success()
        {
            return (server, base);
        }
        if let Some(status) = server.0.try_wait().unwrap() {
            panic!(
                "the server exited ({status}): {}",
                std::fs::read_to_string(dir.path().join("server.log")).unwrap_or_default()
            );
        }
        assert!(
            Instant::now() < deadline,
            "the server was not ready in 60 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The folder the server was built with.
fn built_app() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../frontend/dist")
}

#[tokio::test]
async fn the_server_serves_its_own_web_app_from_any_folder() {
    let dir = TempDir::new();
    let client = reqwest::Client::new();
    let (_server, base) = serve_from_elsewhere(&dir, &client).await;
    let dist = built_app();
    let Ok(index) = std::fs::read_to_string(dist.join("index.html")) else {
        // Not built (`npm run build` in frontend/): the answer says so, as a problem.
        let res = client.get(format!("{base}/")).send().await.unwrap();
        assert_eq!(res.status(), 404);
        let body: serde_json::Value = res.json().await.unwrap();
        assert!(
            body["detail"]
                .as_str()
                .unwrap()
                .contains("not built into this server"),
            "{body}"
        );
        return;
    };
    for path in ["/", "/consultations", "/units/3375/board"] {
        let res = client.get(format!("{base}{path}")).send().await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(res.headers()["cache-control"], "no-cache", "{path}");
        assert_eq!(
            res.headers()["content-type"],
            "text/html; charset=utf-8",
            "{path}"
        );
        assert!(res.headers().contains_key("content-security-policy"));
        assert_eq!(res.text().await.unwrap(), index, "{path}");
    }
    let asset = std::fs::read_dir(dist.join("assets"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|name| name.ends_with(".js"))
        .expect("a built script under assets/");
    let url = format!("{base}/assets/{asset}");
    let res = client.get(&url).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains("javascript")
    );
    let etag = res.headers()["etag"].clone();
    assert_eq!(
        res.bytes().await.unwrap(),
        std::fs::read(dist.join("assets").join(&asset)).unwrap()
    );
    // A browser that has it asks again with its ETag and is told it is unchanged.
    let again = client
        .get(&url)
        .header("if-none-match", etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    // The API is still the API.
    let api = client
        .get(format!("{base}/api/v1/nothing"))
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), 404);
    assert_eq!(api.headers()["content-type"], "application/problem+json");
}
