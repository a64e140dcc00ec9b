use serde_json::Value;
use statkonsul_tests::spawn_app;

fn committed() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/openapi.json");
    let text = std::fs::read_to_string(path).expect("openapi/openapi.json is committed");
    serde_json::from_str(&text).unwrap()
}

#[tokio::test]
async fn the_committed_openapi_document_is_current() {
    let generated: Value = serde_json::from_str(&statkonsul::app::openapi_json()).unwrap();
    assert!(
        committed() == generated,
        "openapi/openapi.json is stale: run scripts/gen-openapi.sh"
    );
}

#[tokio::test]
async fn the_server_serves_the_committed_document_and_swagger_ui() {
    let app = spawn_app().await;
    let served = app.get("/api/openapi.json", None).await;
    assert_eq!(served.status, 200);
    assert!(served.body == committed());
    let docs = app.get("/api/docs/", None).await;
    assert_eq!(docs.status, 200);
    assert!(docs.text.contains("swagger"), "{}", docs.text);
    let asset = app.get("/api/docs/swagger-ui-bundle.js", None).await;
    assert_eq!(
        asset.status, 200,
        "Swagger UI is served from the binary, offline"
    );
}

#[test]
fn every_operation_is_documented_with_responses_and_security_where_needed() {
    let doc = committed();
    let public = [
        "post /api/v1/auth/register",
        "post /api/v1/auth/verify-email",
        "post /api/v1/auth/resend-verification",
        "post /api/v1/auth/login",
        "post /api/v1/auth/refresh",
        "post /api/v1/auth/logout",
        "post /api/v1/auth/password-reset/request",
        "post /api/v1/auth/password-reset/confirm",
        "get /api/v1/units",
        "get /api/v1/units/{code}",
        "get /api/v1/holidays",
        "get /healthz",
        "get /readyz",
        // Browsers cannot send headers on WebSockets: the token is a query parameter.
        "get /api/v1/ws",
        "get /api/v1/knowledge/search",
        // Open to everyone; a token adds the staff's view.
        "get /api/v1/knowledge/articles",
        "get /api/v1/knowledge/articles/{id}",
        "post /api/v1/knowledge/articles/{id}/feedback",
        // The walk-in service's public side: the catalogue, the board, and the visitor's own
        // ticket through the key of its link.
        "get /api/v1/units/{code}/walkin/services",
        "get /api/v1/units/{code}/walkin/desks",
        "get /api/v1/units/{code}/walkin/board",
        "get /api/v1/units/{code}/walkin/board/live",
        "get /api/v1/walkin/tickets/{id}/live",
        "get /api/v1/walkin/tickets/{id}",
        "post /api/v1/walkin/tickets/{id}/rating",
        // The respondent of a rating, through the token of the emailed link (or signed in).
        "get /api/v1/ratings/{id}",
        "post /api/v1/ratings/{id}/replies",
        // Anyone files a complaint and follows it by its tracking code; staff record with a token.
        "post /api/v1/complaints",
        "post /api/v1/complaints/confirm",
        "get /api/v1/complaints/track/{tracking_code}",
        "post /api/v1/complaints/track/{tracking_code}/replies",
    ];
    let mut count = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            count += 1;
            let key = format!("{method} {path}");
            assert!(op["summary"].is_string(), "{key} has no summary");
            assert!(op["tags"].is_array(), "{key} has no tag");
            let responses = op["responses"].as_object().unwrap();
            assert!(
                responses.keys().any(|s| s.starts_with('2') || s == "101"),
                "{key} has no success response"
            );
            let security = op["security"].as_array();
            let optional = security.is_some_and(|s| {
                s.iter()
                    .any(|r| r.as_object().is_some_and(|o| o.is_empty()))
            });
            let secured = security.is_some_and(|s| !s.is_empty()) && !optional;
            assert_eq!(secured, !public.contains(&key.as_str()), "{key}: security");
            if optional {
                assert!(
                    responses.contains_key("401"),
                    "{key} documents no 401 for a bad token"
                );
            }
            if secured {
                assert!(responses.contains_key("401"), "{key} documents no 401");
            }
            if op.get("requestBody").is_some() {
                assert!(
                    responses.contains_key("422") || responses.contains_key("400"),
                    "{key}"
                );
            }
        }
    }
    assert!(count >= 20, "only {count} operations");
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    assert!(doc["components"]["schemas"]["Problem"]["example"].is_object());
}

#[tokio::test]
async fn every_secured_operation_refuses_a_caller_without_a_token() {
    let app = spawn_app().await;
    let doc = committed();
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let Some(security) = op["security"].as_array().filter(|s| !s.is_empty()) else {
                continue;
            };
            // Routes open to everyone still refuse a bad token.
            let optional = security
                .iter()
                .any(|r| r.as_object().is_some_and(|o| o.is_empty()));
            let concrete = path.replace("{code}", "3375");
            let method = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let body = op.get("requestBody").map(|_| serde_json::json!({}));
            let tokens: &[Option<&str>] = if optional {
                &[Some("expired.or.forged")]
            } else {
                &[None, Some("expired.or.forged")]
            };
            for &token in tokens {
                let reply = app
                    .send(method.clone(), &concrete, token, body.clone())
                    .await;
                let code = if token.is_some() {
                    "invalid_access_token"
                } else {
                    "authentication_required"
                };
                assert_eq!(reply.status, 401, "{method} {concrete}: {}", reply.text);
                assert_eq!(reply.body["code"], code, "{method} {concrete}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 8, "only {checked} secured operations");
}

fn collect_refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("$ref", Value::String(r)) => out.push(r.clone()),
                    _ => collect_refs(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

#[test]
fn every_reference_in_the_document_resolves() {
    let doc = committed();
    let mut refs = Vec::new();
    collect_refs(&doc, &mut refs);
    assert!(!refs.is_empty());
    for r in refs {
        let pointer = r
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("external reference {r}"));
        assert!(doc.pointer(pointer).is_some(), "{r} does not resolve");
    }
}
