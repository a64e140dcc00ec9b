//! The web app built into the server: the real binary, started from a folder that is not the
//! checkout and without `STATIC_DIR`, serves the app built in `frontend/dist` (which a debug
//! build reads from there, and a release build carries inside it).
use std::path::PathBuf;

use statkonsul_tests::{ServedBinary, tempdir::TempDir};

/// The folder the server was built with.
fn built_app() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../frontend/dist")
}

#[tokio::test]
async fn the_server_serves_its_own_web_app_from_any_folder() {
    let dir = TempDir::new();
    let client = reqwest::Client::new();
    let server = ServedBinary::start(dir.path(), &[]).await;
    let base = &server.base;
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
