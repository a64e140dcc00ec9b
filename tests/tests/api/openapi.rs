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
        "get /api/v1/holidays/status",
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

/// The Rust files under `dir`, recursively.
fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The schema names the server's types take: each `ToSchema` type's own name (or its
/// `#[schema(as = …)]`), and each `string_enum!`'s.
fn schema_names(source: &str) -> Vec<(String, usize)> {
    let mut names = Vec::new();
    let (mut derived, mut renamed, mut in_enum_macro) = (false, None::<String>, false);
    for (index, line) in source.lines().enumerate() {
        let line = line.trim();
        if line.starts_with("macro_rules!") {
            continue;
        }
        if line.starts_with("string_enum! {") {
            in_enum_macro = true;
            continue;
        }
        if in_enum_macro {
            if let Some(name) = line
                .strip_suffix(" {")
                .filter(|n| n.chars().all(char::is_alphanumeric))
            {
                names.push((name.to_owned(), index + 1));
                in_enum_macro = false;
            }
            continue;
        }
        if line.starts_with("#[derive(") && line.contains("ToSchema") {
            derived = true;
            continue;
        }
        if !derived {
            continue;
        }
        if let Some(rest) = line.strip_prefix("#[schema(as = ") {
            renamed = rest.split([')', ',']).next().map(str::to_owned);
            continue;
        }
        let item = line
            .trim_start_matches("pub(crate) ")
            .trim_start_matches("pub ");
        if let Some(rest) = item
            .strip_prefix("struct ")
            .or_else(|| item.strip_prefix("enum "))
        {
            let own: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            names.push((renamed.take().unwrap_or(own), index + 1));
            derived = false;
        }
    }
    names
}

#[test]
fn no_two_schema_types_share_a_name() {
    // utoipa keys components by the type's name: a second type of the same name silently
    // replaces the first in the document, and the web app's types with it.
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../backend/src"));
    let mut files = Vec::new();
    rust_files(root, &mut files);
    let mut seen: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for (name, line) in schema_names(&source) {
            let place = format!("{}:{line}", file.strip_prefix(root).unwrap().display());
            seen.entry(name).or_default().push(place);
        }
    }
    assert!(
        seen.len() > 100,
        "the scan found only {} schema types",
        seen.len()
    );
    let shared: Vec<_> = seen.iter().filter(|(_, places)| places.len() > 1).collect();
    assert!(
        shared.is_empty(),
        "schema names used by more than one type: {shared:?}"
    );
    // Every scanned name the document uses is there under that name.
    let document = committed();
    let components = document["components"]["schemas"].as_object().unwrap();
    for name in ["ComplaintChannel", "ComplaintIntake", "LiveClientMessage"] {
        assert!(
            seen.contains_key(name) && components.contains_key(name),
            "{name}"
        );
    }
}

#[test]
fn the_answers_every_route_gives_alike_are_documented_where_they_can_occur() {
    // A JSON body can be malformed, too large or of another type; a UUID in the path can be
    // malformed. The contract fuzzing (scripts/contract-fuzz.sh) sends all of these.
    let doc = committed();
    let mut bodies = 0;
    let mut uuid_paths = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let key = format!("{method} {path}");
            let responses = op["responses"].as_object().unwrap();
            if op["requestBody"]["content"]
                .get("application/json")
                .is_some()
            {
                bodies += 1;
                for status in ["400", "413", "415"] {
                    assert!(
                        responses.contains_key(status),
                        "{key} documents no {status}"
                    );
                }
            }
            let uuid_in_path = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|p| p["in"] == "path" && p["schema"]["format"] == "uuid");
            if uuid_in_path {
                uuid_paths += 1;
                assert!(responses.contains_key("400"), "{key} documents no 400");
            }
        }
    }
    assert!(bodies >= 20 && uuid_paths >= 20, "{bodies} {uuid_paths}");
}

#[tokio::test]
async fn a_malformed_uuid_in_the_path_is_a_documented_invalid_path() {
    let app = spawn_app().await;
    let user = app.public_user().await;
    let reply = app
        .get("/api/v1/consultations/not-a-uuid", Some(&user.access_token))
        .await;
    assert_eq!(reply.status, 400, "{}", reply.text);
    assert_eq!(reply.body["code"], "invalid_path");
    let doc = committed();
    let documented = &doc["paths"]["/api/v1/consultations/{id}"]["get"]["responses"];
    assert!(documented["400"].is_object());
}

#[tokio::test]
async fn a_published_standard_matches_its_documented_fields() {
    // The unit's standard carries `updated_at` beside the fields of the standard, which refuses
    // unknown ones: the documented schema must name it among its own properties.
    let app = spawn_app().await;
    let doc = committed();
    let schema = &doc["components"]["schemas"]["PublishedServiceStandard"];
    let properties = schema["properties"].as_object().unwrap();
    assert_eq!(schema["additionalProperties"], false);
    let reply = app.get("/api/v1/units/3375", None).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let standard = reply.body["service_standard"].as_object().unwrap();
    for field in standard.keys() {
        assert!(properties.contains_key(field), "{field} is not documented");
    }
    for field in schema["required"].as_array().unwrap() {
        assert!(standard.contains_key(field.as_str().unwrap()), "{field}");
    }
}
