//! The span of each request, as tracing-actix-web's default but with secrets kept out: the
//! values of `token` and `ticket` query parameters (a WebSocket's access token, an emailed link's
//! token) never reach `http.target` or any log line. The request's id (`request_id`, from
//! [`crate::request_id`]) names every line of it.
use actix_web::{
    Error, HttpMessage,
    body::MessageBody,
    dev::{ServiceRequest, ServiceResponse},
};
use tracing::Span;
use tracing_actix_web::{DefaultRootSpanBuilder, RootSpanBuilder};

const SECRET_PARAMETERS: &[&str] = &["token", "ticket", "access_token"];

/// The path and query with secret parameters' values replaced by `[redacted]`.
pub fn redacted_target(path: &str, query: &str) -> String {
    if query.is_empty() {
        return path.to_owned();
    }
    let query: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, _)) if SECRET_PARAMETERS.contains(&name.to_ascii_lowercase().as_str()) => {
                format!("{name}=[redacted]")
            }
            _ => pair.to_owned(),
        })
        .collect();
    format!("{path}?{}", query.join("&"))
}

/// The route template the request matched, if any (in its extensions).
#[derive(Debug, Clone)]
pub struct MatchedRoute(pub Option<String>);

pub struct RedactingRootSpan;

impl RootSpanBuilder for RedactingRootSpan {
    fn on_request_start(request: &ServiceRequest) -> Span {
        let target = redacted_target(request.path(), request.query_string());
        // Matching the route table costs a walk over it: once a request, kept for the metrics.
        let matched = request.match_pattern();
        request
            .extensions_mut()
            .insert(MatchedRoute(matched.clone()));
        let route = matched.unwrap_or_default();
        let user_agent = request
            .headers()
            .get("user-agent")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let client_ip = crate::api::client_address(request.request());
        let request_id = request
            .extensions()
            .get::<crate::request_id::RequestId>()
            .map(|id| id.0.clone())
            .unwrap_or_default();
        tracing::info_span!(
            "HTTP request",
            request_id = %request_id,
            http.method = %request.method(),
            http.route = %route,
            http.target = %target,
            http.client_ip = %client_ip,
            http.user_agent = %user_agent,
            http.status_code = tracing::field::Empty,
            otel.kind = "server",
            otel.status_code = tracing::field::Empty,
            exception.message = tracing::field::Empty,
            exception.details = tracing::field::Empty,
        )
    }

    fn on_request_end<B: MessageBody>(span: Span, outcome: &Result<ServiceResponse<B>, Error>) {
        DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

#[cfg(test)]
mod tests {
    use super::redacted_target;

    #[test]
    fn secret_parameters_are_redacted() {
        assert_eq!(
            redacted_target("/api/v1/ws", "token=eyJabc.def&x=1"),
            "/api/v1/ws?token=[redacted]&x=1"
        );
        assert_eq!(
            redacted_target("/api/v1/ratings/1", "Token=abc"),
            "/api/v1/ratings/1?Token=[redacted]"
        );
        assert_eq!(redacted_target("/a", "page=2"), "/a?page=2");
        assert_eq!(redacted_target("/a", ""), "/a");
    }
}
