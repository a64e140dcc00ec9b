//! Shapes shared by every capability's routes: pagination, validated JSON bodies, reusable
//! problem responses for the OpenAPI document.
use actix_web::{FromRequest, HttpRequest, dev::Payload, web};
use futures_util::future::LocalBoxFuture;
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use utoipa::{IntoParams, ToResponse, ToSchema};
use validator::Validate;

use crate::error::{AppError, AppResult, Problem};

pub const MAX_PER_PAGE: u64 = 100;
/// Deeper pages are refused: nobody reads them, and their offsets would only cost.
pub const MAX_PAGE: u64 = 10_000;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// 1-based page number (default 1).
    #[param(minimum = 1, maximum = 10000, example = 1)]
    pub page: Option<u64>,
    /// Items per page, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100, example = 20)]
    pub per_page: Option<u64>,
}

impl PageQuery {
    /// Page and page size, checked.
    pub fn resolve(&self, default_per_page: u64) -> AppResult<(u64, u64)> {
        let page = self.page.unwrap_or(1);
        let per_page = self.per_page.unwrap_or(default_per_page);
        let mut errors = crate::error::FieldErrors::new();
        if !(1..=MAX_PAGE).contains(&page) {
            errors.insert(
                "page".into(),
                vec![format!("must be between 1 and {MAX_PAGE}")],
            );
        }
        if !(1..=MAX_PER_PAGE).contains(&per_page) {
            errors.insert(
                "per_page".into(),
                vec![format!("must be between 1 and {MAX_PER_PAGE}")],
            );
        }
        if errors.is_empty() {
            Ok((page, per_page))
        } else {
            Err(AppError::fields(errors))
        }
    }
}

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Number of items over all pages.
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
}

/// A JSON body that is deserialized and then validated; failures are problems.
pub struct ValidJson<T>(pub T);

impl<T> FromRequest for ValidJson<T>
where
    T: DeserializeOwned + Validate + 'static,
{
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        // Read as JSON first (actix checks the type and the size), then as `T`, so that a
        // value of the wrong kind is reported at its field's path.
        let fut = web::Json::<serde_json::Value>::from_request(req, payload);
        Box::pin(async move {
            let value = fut.await?.into_inner();
            let body: T = serde_path_to_error::deserialize(value)
                .map_err(|e| AppError::from(crate::error::BodyError::from(e)))?;
            body.validate().map_err(AppError::from)?;
            Ok(ValidJson(body))
        })
    }
}

macro_rules! problem_responses {
    ($($name:ident => $description:literal,)*) => {$(
        #[derive(ToResponse)]
        #[response(description = $description, content_type = "application/problem+json")]
        #[allow(dead_code)]
        pub struct $name(Problem);
    )*};
}

problem_responses! {
    BadRequest => "The request is malformed (JSON, query or path).",
    Unauthenticated => "Missing, invalid or expired access token.",
    Forbidden => "The caller's role or unit does not allow this.",
    NotFound => "No such resource.",
    Conflict => "The request conflicts with the current state.",
    Unprocessable => "Validation failed: `errors` names the offending fields.",
    TooMany => "Too many attempts; see the Retry-After header.",
    UnsupportedMediaType => "The request body is not `application/json` (`unsupported_media_type`).",
    PayloadTooLarge => "The JSON body is larger than 262144 bytes (`payload_too_large`).",
}

/// Documents the answers every route gives in the same way, so that no route repeats them: 400
/// for a malformed JSON body, query or path parameter (`malformed_json`, `invalid_query`,
/// `invalid_path`), and 413 and 415 for a JSON body that is too large or of another type. A
/// route's own description of a status is kept.
pub struct CommonResponses;

impl utoipa::Modify for CommonResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{
            Ref, RefOr,
            path::{Operation, ParameterIn},
            schema::Schema,
        };

        fn add(operation: &mut Operation, status: &str, response: &str) {
            operation
                .responses
                .responses
                .entry(status.to_owned())
                .or_insert_with(|| RefOr::Ref(Ref::from_response_name(response)));
        }
        // A path parameter other than free text (a UUID, a number) can fail to parse.
        fn parsed(schema: Option<&RefOr<Schema>>) -> bool {
            match schema {
                Some(RefOr::T(Schema::Object(object))) => {
                    object.format.is_some()
                        || !matches!(
                            object.schema_type,
                            utoipa::openapi::schema::SchemaType::Type(
                                utoipa::openapi::schema::Type::String
                            )
                        )
                }
                _ => true,
            }
        }

        for item in openapi.paths.paths.values_mut() {
            let operations = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ];
            for operation in operations.into_iter().flatten() {
                let parameters: Vec<_> = operation
                    .parameters
                    .iter()
                    .flatten()
                    .filter_map(|p| match p {
                        RefOr::T(p) => Some(p),
                        RefOr::Ref(_) => None,
                    })
                    .collect();
                let bad_path = parameters
                    .iter()
                    .any(|p| p.parameter_in == ParameterIn::Path && parsed(p.schema.as_ref()));
                let query = parameters
                    .iter()
                    .any(|p| p.parameter_in == ParameterIn::Query);
                let json_body = matches!(
                    &operation.request_body,
                    Some(RefOr::T(body)) if body.content.contains_key("application/json")
                );
                if bad_path || query || json_body {
                    add(operation, "400", "BadRequest");
                }
                if json_body {
                    add(operation, "413", "PayloadTooLarge");
                    add(operation, "415", "UnsupportedMediaType");
                }
            }
        }
    }
}

/// Deserializes a string without its surrounding whitespace (pasted email addresses often carry some).
pub fn trimmed<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    String::deserialize(d).map(|s| s.trim().to_owned())
}

/// The client's address, for limits per address and the audit log: the TCP peer, or behind a
/// trusted proxy (`TRUSTED_PROXIES`) the client it forwarded for.
pub fn client_address(req: &HttpRequest) -> String {
    let proxies = req
        .app_data::<web::Data<crate::state::AppState>>()
        .map(|s| s.settings.trusted_proxies.as_slice())
        .unwrap_or_default();
    let forwarded: Vec<&str> = if proxies.is_empty() {
        Vec::new()
    } else {
        req.headers()
            .get_all("x-forwarded-for")
            .filter_map(|v| v.to_str().ok())
            .collect()
    };
    crate::proxies::client_ip(req.peer_addr().map(|a| a.ip()), &forwarded, proxies)
        .map(|ip| ip.to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// Deserializes optional text without its surrounding whitespace; blank text counts as absent.
/// Use with `#[serde(default)]`.
pub fn trimmed_optional<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<String>, D::Error> {
    Ok(Option::<String>::deserialize(d)?
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty()))
}

/// Validates that a text is not only whitespace.
pub fn not_blank(value: &str) -> Result<(), validator::ValidationError> {
    if value.trim().is_empty() {
        Err(validator::ValidationError::new("blank").with_message("must not be blank".into()))
    } else {
        Ok(())
    }
}
