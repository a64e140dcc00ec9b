//! One error type for the whole API, rendered as RFC 9457 `application/problem+json`
//! with a stable machine-readable `code`. Every error code is defined once, in the table below.
use std::collections::BTreeMap;

use actix_web::{
    HttpRequest, HttpResponse, ResponseError,
    error::{JsonPayloadError, PathError, QueryPayloadError},
    http::{StatusCode, header},
};
use serde::Serialize;
use utoipa::ToSchema;

macro_rules! error_codes {
    ($($variant:ident => ($status:expr, $code:literal, $title:literal),)*) => {
        /// Every error the API can answer with: the `code` of a problem.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
        pub enum ErrorCode { $(#[serde(rename = $code)] $variant,)* }

        impl utoipa::PartialSchema for ErrorCode {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .description(Some("Every error the API can answer with: the stable `code` of a problem."))
                    .enum_values(Some([$($code,)*]))
                    .into()
            }
        }

        impl utoipa::ToSchema for ErrorCode {}

        impl ErrorCode {
            pub fn status(self) -> StatusCode {
                match self { $(Self::$variant => $status,)* }
            }
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $code,)* }
            }
            pub fn title(self) -> &'static str {
                match self { $(Self::$variant => $title,)* }
            }
            pub const ALL: &'static [ErrorCode] = &[$(Self::$variant,)*];
        }
    };
}

error_codes! {
    ValidationFailed => (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", "The request has invalid fields"),
    MalformedJson => (StatusCode::BAD_REQUEST, "malformed_json", "The request body is not valid JSON for this operation"),
    UnsupportedMediaType => (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "The request body must be application/json"),
    PayloadTooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", "The request body is too large"),
    InvalidQuery => (StatusCode::BAD_REQUEST, "invalid_query", "The query string is invalid"),
    InvalidPath => (StatusCode::BAD_REQUEST, "invalid_path", "A path parameter is invalid"),
    AuthenticationRequired => (StatusCode::UNAUTHORIZED, "authentication_required", "Authentication is required"),
    InvalidAccessToken => (StatusCode::UNAUTHORIZED, "invalid_access_token", "The access token is invalid or expired"),
    Forbidden => (StatusCode::FORBIDDEN, "forbidden", "You are not allowed to do this"),
    NotFound => (StatusCode::NOT_FOUND, "not_found", "The resource was not found"),
    MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "The method is not allowed for this resource"),
    EmailTaken => (StatusCode::CONFLICT, "email_taken", "An account with this email already exists"),
    InvalidCredentials => (StatusCode::UNAUTHORIZED, "invalid_credentials", "The email or password is wrong"),
    EmailNotVerified => (StatusCode::FORBIDDEN, "email_not_verified", "The email address has not been verified yet"),
    TooManyAttempts => (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts", "Too many attempts; try again later"),
    InvalidRefreshToken => (StatusCode::UNAUTHORIZED, "invalid_refresh_token", "The refresh token is invalid, expired or revoked"),
    InvalidToken => (StatusCode::BAD_REQUEST, "invalid_token", "The link is invalid, expired or already used"),
    WrongPassword => (StatusCode::UNPROCESSABLE_ENTITY, "wrong_password", "The current password is wrong"),
    UnitNotFound => (StatusCode::UNPROCESSABLE_ENTITY, "unit_not_found", "The unit does not exist"),
    AlreadyClaimed => (StatusCode::CONFLICT, "already_claimed", "Another officer has already taken this consultation"),
    IdempotencyKeyInUse => (StatusCode::CONFLICT, "idempotency_key_in_use", "A request with this Idempotency-Key is being carried out, or was carried out without its answer being kept"),
    IdempotencyKeyReused => (StatusCode::UNPROCESSABLE_ENTITY, "idempotency_key_reused", "This Idempotency-Key was used for a different request"),
    InvalidState => (StatusCode::CONFLICT, "invalid_state", "The consultation's status does not allow this"),
    NothingToPromote => (StatusCode::CONFLICT, "nothing_to_promote", "The consultation has no answer to turn into an article yet"),
    ConcurrentChange => (StatusCode::CONFLICT, "concurrent_change", "The request conflicts with a concurrent change; try again"),
    AlreadyRated => (StatusCode::CONFLICT, "already_rated", "This service has already been rated"),
    AttachmentTooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "attachment_too_large", "Attachments are limited to 10 MB"),
    UnsupportedAttachment => (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_attachment", "Attachments must be PDF, XLSX, CSV, DOCX, PNG or JPEG"),
    ServiceNotFound => (StatusCode::UNPROCESSABLE_ENTITY, "service_not_found", "The unit has no such active walk-in service"),
    DeskNotFound => (StatusCode::UNPROCESSABLE_ENTITY, "desk_not_found", "The unit has no such active desk"),
    RemoteTicketsClosed => (StatusCode::FORBIDDEN, "remote_tickets_closed", "The unit does not take queue tickets from phones now"),
    DeskBusy => (StatusCode::CONFLICT, "desk_busy", "The desk is still calling or serving a visitor"),
    QueueEmpty => (StatusCode::NOT_FOUND, "queue_empty", "Nobody is waiting for the desk's services"),
    TicketState => (StatusCode::CONFLICT, "ticket_state", "The ticket's status does not allow this"),
    NotCalledEnough => (StatusCode::CONFLICT, "not_called_enough", "The visitor has not been called often enough to be marked absent"),
    GuestbookRequired => (StatusCode::CONFLICT, "guestbook_required", "The visitor's guest-book entry is recorded first"),
    ConsultationRecorded => (StatusCode::CONFLICT, "consultation_recorded", "The consultation of this visit is already recorded"),
    RespondentUnknown => (StatusCode::CONFLICT, "respondent_unknown", "The unit has no email of the respondent"),
    InvalidTransition => (StatusCode::CONFLICT, "invalid_transition", "The complaint's status does not allow this change"),
    NoRecipients => (StatusCode::CONFLICT, "no_recipients", "The unit has no supervisor to send the report to"),
    Internal => (StatusCode::INTERNAL_SERVER_ERROR, "internal_error", "Something went wrong on our side"),
    Unavailable => (StatusCode::SERVICE_UNAVAILABLE, "unavailable", "The service is not ready"),
}

pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// The body of every error response.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "type": "urn:statkonsul:problem:validation_failed",
    "title": "The request has invalid fields",
    "status": 422,
    "detail": "Check the fields listed in `errors`.",
    "code": "validation_failed",
    "errors": {"password": ["must be at least 10 characters"]}
}))]
pub struct Problem {
    /// `urn:statkonsul:problem:{code}`
    #[serde(rename = "type")]
    pub type_uri: String,
    pub title: String,
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Stable machine-readable error code.
    pub code: ErrorCode,
    /// For validation errors: messages per offending field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<FieldErrors>,
}

#[derive(Debug)]
pub struct AppError {
    pub code: ErrorCode,
    pub detail: Option<String>,
    pub errors: Option<FieldErrors>,
    pub retry_after_seconds: Option<u64>,
    pub allow: Option<String>,
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn new(code: ErrorCode) -> Self {
        Self {
            code,
            detail: None,
            errors: None,
            retry_after_seconds: None,
            allow: None,
        }
    }
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
    /// A validation failure of one field.
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        Self::fields(
            [(field.to_owned(), vec![message.into()])]
                .into_iter()
                .collect(),
        )
    }
    pub fn fields(errors: FieldErrors) -> Self {
        let mut e = Self::new(ErrorCode::ValidationFailed)
            .with_detail("Check the fields listed in `errors`.");
        e.errors = Some(errors);
        e
    }
    /// An error of a code other than `validation_failed` that still names its field.
    pub fn coded_field(code: ErrorCode, field: &str, message: impl Into<String>) -> Self {
        let mut e = Self::new(code);
        e.errors = Some(
            [(field.to_owned(), vec![message.into()])]
                .into_iter()
                .collect(),
        );
        e
    }
    pub fn conflict(code: ErrorCode, detail: impl Into<String>) -> Self {
        Self::new(code).with_detail(detail)
    }
    pub fn not_found() -> Self {
        Self::new(ErrorCode::NotFound)
    }
    pub fn forbidden() -> Self {
        Self::new(ErrorCode::Forbidden)
    }
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        Self::new(ErrorCode::Internal)
    }
    pub fn problem(&self) -> Problem {
        Problem {
            type_uri: format!("urn:statkonsul:problem:{}", self.code.as_str()),
            title: self.code.title().to_owned(),
            status: self.code.status().as_u16(),
            detail: self.detail.clone(),
            code: self.code,
            errors: self.errors.clone(),
        }
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.code.as_str())?;
        if let Some(d) = &self.detail {
            write!(f, ": {d}")?;
        }
        Ok(())
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        self.code.status()
    }
    fn error_response(&self) -> HttpResponse {
        let mut res = HttpResponse::build(self.code.status());
        res.insert_header((header::CONTENT_TYPE, "application/problem+json"));
        if let Some(secs) = self.retry_after_seconds {
            res.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        if let Some(allow) = &self.allow {
            res.insert_header((header::ALLOW, allow.clone()));
        }
        res.json(self.problem())
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(e: sea_orm::DbErr) -> Self {
        // Two requests raced for the same unique value (the loser's transaction rolled back).
        if let Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) = e.sql_err() {
            return Self::conflict(
                ErrorCode::ConcurrentChange,
                "Another request changed the same data at the same moment; please try again.",
            );
        }
        Self::internal(e)
    }
}

impl From<sea_orm::TransactionError<AppError>> for AppError {
    fn from(e: sea_orm::TransactionError<AppError>) -> Self {
        match e {
            sea_orm::TransactionError::Connection(db) => Self::internal(db),
            sea_orm::TransactionError::Transaction(app) => app,
        }
    }
}

impl From<validator::ValidationErrors> for AppError {
    fn from(errors: validator::ValidationErrors) -> Self {
        let mut out = FieldErrors::new();
        collect_validation_errors("", &errors, &mut out);
        Self::fields(out)
    }
}

fn collect_validation_errors(
    prefix: &str,
    errors: &validator::ValidationErrors,
    out: &mut FieldErrors,
) {
    use validator::ValidationErrorsKind;
    for (field, kind) in errors.errors() {
        let name = if prefix.is_empty() {
            field.to_string()
        } else {
            format!("{prefix}.{field}")
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                let messages = out.entry(name).or_default();
                for e in list {
                    messages.push(
                        e.message
                            .as_ref()
                            .map(|m| m.to_string())
                            .unwrap_or_else(|| e.code.to_string()),
                    );
                }
            }
            ValidationErrorsKind::Struct(inner) => collect_validation_errors(&name, inner, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect_validation_errors(&format!("{name}[{index}]"), inner, out);
                }
            }
        }
    }
}

/// Turns actix's JSON extractor failures into problems.
pub fn json_error(err: JsonPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let app = match &err {
        JsonPayloadError::OverflowKnownLength { .. } | JsonPayloadError::Overflow { .. } => {
            AppError::new(ErrorCode::PayloadTooLarge).with_detail(format!(
                "JSON bodies are limited to {} bytes",
                crate::config::JSON_LIMIT_BYTES
            ))
        }
        JsonPayloadError::ContentType => AppError::new(ErrorCode::UnsupportedMediaType),
        JsonPayloadError::Deserialize(e) => {
            let mut app = AppError::new(ErrorCode::MalformedJson).with_detail(e.to_string());
            if let Some(field) = missing_or_bad_field(&e.to_string()) {
                app.errors = Some([(field, vec![e.to_string()])].into_iter().collect());
            }
            app
        }
        other => AppError::new(ErrorCode::MalformedJson).with_detail(other.to_string()),
    };
    app.into()
}

/// A JSON body that does not fit its operation's schema, and where.
pub struct BodyError(serde_path_to_error::Error<serde_json::Error>);

impl From<serde_path_to_error::Error<serde_json::Error>> for BodyError {
    fn from(e: serde_path_to_error::Error<serde_json::Error>) -> Self {
        Self(e)
    }
}

impl From<BodyError> for AppError {
    /// The field is named as validation names it (`groups.1.terms`): the path to the value that
    /// failed, or to the missing field serde names in its message.
    fn from(BodyError(e): BodyError) -> Self {
        use serde_path_to_error::Segment;
        let message = e.inner().to_string();
        let mut path: Vec<String> = e
            .path()
            .iter()
            .filter_map(|segment| match segment {
                Segment::Seq { index } => Some(index.to_string()),
                Segment::Map { key } => Some(key.clone()),
                Segment::Enum { variant } => Some(variant.clone()),
                Segment::Unknown => None,
            })
            .collect();
        // An unknown field is on the path already; a missing one only in the message.
        if message.starts_with("missing field")
            && let Some(field) = missing_or_bad_field(&message)
        {
            path.push(field);
        }
        let mut app = AppError::new(ErrorCode::MalformedJson).with_detail(message.clone());
        if !path.is_empty() {
            app.errors = Some([(path.join("."), vec![message])].into_iter().collect());
        }
        app
    }
}

/// serde names the field in "missing field `x`" and "unknown field `x`" messages.
fn missing_or_bad_field(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(message[start..start + len].to_owned())
}

pub fn query_error(err: QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let message = err.to_string();
    let mut app = AppError::new(ErrorCode::InvalidQuery).with_detail(message.clone());
    if let Some(field) = missing_or_bad_field(&message) {
        app.errors = Some([(field, vec![message])].into_iter().collect());
    }
    app.into()
}

pub fn path_error(err: PathError, _req: &HttpRequest) -> actix_web::Error {
    AppError::new(ErrorCode::InvalidPath)
        .with_detail(err.to_string())
        .into()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Body {
        kind: crate::vocab::Visibility,
        groups: Option<Vec<Group>>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Group {
        terms: Vec<String>,
    }

    fn field_of(json: serde_json::Value) -> Vec<String> {
        let e = serde_path_to_error::deserialize::<_, Body>(json).unwrap_err();
        let app = AppError::from(BodyError::from(e));
        assert_eq!(app.code, ErrorCode::MalformedJson);
        app.errors.unwrap_or_default().into_keys().collect()
    }

    #[test]
    fn a_body_that_does_not_fit_names_the_offending_field() {
        use serde_json::json;
        assert_eq!(field_of(json!({"kind": "secret"})), ["kind"]);
        assert_eq!(field_of(json!({"groups": []})), ["kind"]);
        assert_eq!(field_of(json!({"kind": "public", "colour": 1})), ["colour"]);
        assert_eq!(
            field_of(json!({"kind": "public", "groups": [{"terms": []}, {"terms": [3]}]})),
            ["groups.1.terms.0"]
        );
        assert_eq!(
            field_of(json!({"kind": "public", "groups": [{"terms": [], "x": 1}]})),
            ["groups.0.x"]
        );
    }
}
