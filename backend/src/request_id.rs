//! Every request's id: the `X-Request-Id` a proxy or client sent, when it is short and plain,
//! else a new one. It is in the request's span (so in every log line of the request) and in the
//! answer's `X-Request-Id`, errors included, so that a person who reports a failure can name the
//! log lines that tell what happened.
use actix_web::{
    Error, HttpMessage,
    body::MessageBody,
    dev::{ServiceRequest, ServiceResponse},
    error::InternalError,
    http::header::{HeaderName, HeaderValue},
    middleware::Next,
};

pub const HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// Longest id taken from a request.
pub const MAX_LEN: usize = 128;

/// The id of the request being served (in its extensions).
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// An id another system gave the request, kept when it is 1 to [`MAX_LEN`] letters, digits and
/// `-_.:` (so that it cannot forge a log line or a header).
fn acceptable(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= MAX_LEN
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

fn of(req: &ServiceRequest) -> String {
    req.headers()
        .get(&HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| acceptable(v))
        .map_or_else(|| uuid::Uuid::new_v4().to_string(), str::to_owned)
}

/// The outermost middleware: names the request, and names it in the answer.
pub async fn assign(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let id = of(&req);
    req.extensions_mut().insert(RequestId(id.clone()));
    let value = HeaderValue::from_str(&id).ok();
    match next.call(req).await {
        Ok(mut res) => {
            if let Some(value) = value {
                res.headers_mut().insert(HEADER, value);
            }
            Ok(res)
        }
        // A failure left as an error (not an answer) by an inner middleware: its answer, with
        // the header too.
        Err(e) => {
            let mut res = e.error_response();
            if let Some(value) = value {
                res.headers_mut().insert(HEADER, value);
            }
            Err(InternalError::from_response(e, res).into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::acceptable;

    #[test]
    fn only_short_plain_ids_are_taken() {
        assert!(acceptable("4bf92f3577b34da6a3ce929d0e0e4736"));
        assert!(acceptable("req-2026.12.07:17_a"));
        assert!(!acceptable(""));
        assert!(!acceptable("a b"));
        assert!(!acceptable("x\nforged=1"));
        assert!(!acceptable(&"a".repeat(129)));
        assert!(acceptable(&"a".repeat(128)));
    }
}
