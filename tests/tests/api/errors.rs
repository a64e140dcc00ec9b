use reqwest::Method;
use serde_json::json;
use statkonsul_tests::{TestApp, spawn_app};

#[tokio::test]
async fn an_unknown_api_route_is_a_404_problem() {
    let app = spawn_app().await;
    app.get("/api/v1/does-not-exist", None)
        .await
        .problem(404, "not_found");
    app.get("/api/v2/units", None)
        .await
        .problem(404, "not_found");
}

#[tokio::test]
async fn a_wrong_method_is_a_405_problem_with_allow() {
    let app = spawn_app().await;
    let reply = app
        .send(Method::DELETE, "/api/v1/units/3375", None, None)
        .await;
    reply.problem(405, "method_not_allowed");
    assert_eq!(reply.headers["allow"], "GET");
    let reply = app.send(Method::DELETE, "/api/v1/me", None, None).await;
    reply.problem(405, "method_not_allowed");
    assert_eq!(reply.headers["allow"], "GET, PATCH");
}

async fn raw_post(
    app: &TestApp,
    path: &str,
    content_type: &str,
    body: impl Into<reqwest::Body>,
) -> statkonsul_tests::Reply {
    let res = app
        .client
        .post(app.url(path))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    TestApp::read(res).await
}

#[tokio::test]
async fn malformed_json_is_a_400_problem() {
    let app = spawn_app().await;
    raw_post(
        &app,
        "/api/v1/auth/register",
        "application/json",
        "{\"email\": ",
    )
    .await
    .problem(400, "malformed_json");
}

#[tokio::test]
async fn a_missing_field_is_named() {
    let app = spawn_app().await;
    let reply = app
        .post(
            "/api/v1/auth/register",
            None,
            json!({"email": "a@b.id", "full_name": "A"}),
        )
        .await;
    let body = reply.problem(400, "malformed_json");
    assert!(body["errors"]["password"].is_array(), "{}", reply.text);
}

#[tokio::test]
async fn an_unknown_field_is_refused_and_named() {
    let app = spawn_app().await;
    let reply = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": "a@b.id", "password": "x", "role": "admin"}),
        )
        .await;
    let body = reply.problem(400, "malformed_json");
    assert!(body["errors"]["role"].is_array(), "{}", reply.text);
}

#[tokio::test]
async fn a_body_that_is_not_json_is_a_415_problem() {
    let app = spawn_app().await;
    raw_post(&app, "/api/v1/auth/login", "text/plain", "email=a@b.id")
        .await
        .problem(415, "unsupported_media_type");
}

#[tokio::test]
async fn an_oversized_body_is_a_413_problem() {
    let app = spawn_app().await;
    let huge = format!("{{\"email\": \"{}\"}}", "a".repeat(300 * 1024));
    raw_post(
        &app,
        "/api/v1/auth/password-reset/request",
        "application/json",
        huge,
    )
    .await
    .problem(413, "payload_too_large");
}

#[tokio::test]
async fn a_bad_query_string_is_a_400_problem_and_a_bad_page_a_422() {
    let app = spawn_app().await;
    app.get("/api/v1/units?page=abc", None)
        .await
        .problem(400, "invalid_query");
    app.get("/api/v1/units?per_page=0", None)
        .await
        .field_error("per_page");
    app.get("/api/v1/units?per_page=101", None)
        .await
        .field_error("per_page");
    app.get("/api/v1/holidays?year=20x6", None)
        .await
        .problem(400, "invalid_query");
}

#[tokio::test]
async fn authentication_is_checked_before_the_body() {
    let app = spawn_app().await;
    raw_post(&app, "/api/v1/me/password", "application/json", "{not json")
        .await
        .problem(401, "authentication_required");
    let res = app
        .client
        .put(app.url("/api/v1/units/3375/settings"))
        .header("content-type", "application/json")
        .body("[]")
        .send()
        .await
        .unwrap();
    TestApp::read(res)
        .await
        .problem(401, "authentication_required");
}

#[tokio::test]
async fn the_web_app_is_served_with_a_fallback_to_index_html() {
    let app = spawn_app().await;
    for path in [
        "/",
        "/units/3375",
        "/verify-email?token=abc",
        "/staff/admin",
    ] {
        let reply = app.get(path, None).await;
        assert_eq!(reply.status, 200, "{path}");
        assert!(
            reply.text.contains("<div id=root>"),
            "{path}: {}",
            reply.text
        );
        assert_eq!(reply.headers["cache-control"], "no-cache");
    }
    let asset = app.get("/assets/app-1234.js", None).await;
    assert_eq!(asset.status, 200);
    assert!(asset.text.contains("statkonsul"));
    assert!(
        asset.headers["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
}

#[tokio::test]
async fn the_web_app_never_serves_files_outside_its_folder() {
    let app = spawn_app().await;
    std::fs::write(
        app.static_dir.parent().unwrap().join("secret.txt"),
        "top secret",
    )
    .unwrap();
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/assets/..%2f..%2fsecret.txt",
        "/.env",
    ] {
        let reply = app.get(path, None).await;
        assert!(!reply.text.contains("top secret"), "{path} leaked");
    }
}

#[tokio::test]
async fn non_get_requests_outside_the_api_are_405() {
    let app = spawn_app().await;
    raw_post(&app, "/units/3375", "application/json", "{}")
        .await
        .problem(405, "method_not_allowed");
}

#[tokio::test]
async fn configured_third_party_portals_may_call_the_api_from_the_browser() {
    let app = spawn_app().await;
    let res = app
        .client
        .request(Method::OPTIONS, app.url("/api/v1/units"))
        .header("origin", "https://portal.example.org")
        .header("access-control-request-method", "GET")
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success());
    assert_eq!(
        res.headers()["access-control-allow-origin"],
        "https://portal.example.org"
    );
    let res = app
        .client
        .get(app.url("/api/v1/units"))
        .header("origin", "https://evil.example.com")
        .send()
        .await
        .unwrap();
    assert!(res.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn answers_carry_security_headers_and_only_the_board_may_be_framed() {
    let app = spawn_app().await;
    let get = |path: &str| {
        let url = app.url(path);
        let client = app.client.clone();
        async move { client.get(url).send().await.unwrap() }
    };
    let page = get("/consultations").await;
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("script-src 'self';"), "{csp}");
    assert!(csp.contains("object-src 'none'"), "{csp}");
    assert!(csp.ends_with("frame-ancestors 'none'"), "{csp}");
    assert!(!csp.contains("unsafe-eval"), "{csp}");
    assert_eq!(page.headers()["x-frame-options"], "DENY");
    assert_eq!(page.headers()["x-content-type-options"], "nosniff");
    assert_eq!(
        page.headers()["referrer-policy"],
        "strict-origin-when-cross-origin"
    );

    let board = get("/units/3375/board").await;
    let csp = board.headers()["content-security-policy"].to_str().unwrap();
    assert!(
        csp.ends_with("frame-ancestors 'self' https://portal.example.org"),
        "{csp}"
    );
    assert!(board.headers().get("x-frame-options").is_none());

    let api = get("/api/v1/units").await;
    assert_eq!(
        api.headers()["content-security-policy"],
        "default-src 'none'; frame-ancestors 'none'"
    );
    assert_eq!(api.headers()["x-content-type-options"], "nosniff");
    assert_eq!(api.headers()["x-frame-options"], "DENY");
    let problem = get("/api/v1/nothing-here").await;
    assert_eq!(problem.status(), 404);
    assert_eq!(problem.headers()["x-content-type-options"], "nosniff");
}
