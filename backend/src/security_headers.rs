//! Headers on every answer: `nosniff`, the referrer policy, and a Content-Security-Policy that
//! fits what is served. The web app may load only its own scripts, styles and connections; the
//! API's JSON may load nothing. Framing is refused everywhere but on the walk-in display board,
//! which units embed in their own pages (`BOARD_FRAME_ANCESTORS`).
use actix_web::{
    Error,
    body::MessageBody,
    dev::{ServiceRequest, ServiceResponse},
    http::header::{self, HeaderValue},
    middleware::Next,
    web,
};

use crate::state::AppState;

/// The web app's policy, less `frame-ancestors`. Styles allow inline ones: Mantine sets its
/// theme in a `<style>` element and components use `style` attributes.
fn app_policy(public_url: &str) -> String {
    let socket_origin = public_url
        .strip_prefix("https://")
        .map(|rest| format!("wss://{rest}"))
        .or_else(|| {
            public_url
                .strip_prefix("http://")
                .map(|rest| format!("ws://{rest}"))
        })
        .unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' {socket_origin}; \
         media-src 'self' blob: data:; worker-src 'self' blob:; manifest-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'"
    )
}

const API_POLICY: &str = "default-src 'none'; frame-ancestors 'none'";
const DOCS_POLICY: &str = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

/// `/units/{code}/board`: the page a unit shows on its waiting-room screen and may embed.
pub fn is_board(path: &str) -> bool {
    let parts: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    matches!(parts.as_slice(), ["", "units", code, "board"] if !code.is_empty())
}

/// The API, the health checks and the metrics: answered as problems and JSON (or Prometheus's
/// text), never as the web app.
pub fn is_api(path: &str) -> bool {
    path == "/api"
        || path.starts_with("/api/")
        || path == "/healthz"
        || path == "/readyz"
        || path == "/metrics"
}

pub async fn add(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let path = req.path().to_owned();
    let (public_url, board_ancestors) = req
        .app_data::<web::Data<AppState>>()
        .map(|s| {
            (
                s.settings.public_url.clone(),
                s.settings.board_frame_ancestors.join(" "),
            )
        })
        .unwrap_or_default();
    let mut res = next.call(req).await?;
    let board = is_board(&path);
    let policy = if path.starts_with("/api/docs") {
        DOCS_POLICY.to_owned()
    } else if is_api(&path) {
        API_POLICY.to_owned()
    } else if board {
        format!(
            "{}; frame-ancestors 'self' {board_ancestors}",
            app_policy(&public_url)
        )
    } else {
        format!("{}; frame-ancestors 'none'", app_policy(&public_url))
    };
    let headers = res.headers_mut();
    if let Ok(value) = HeaderValue::from_str(policy.trim()) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    headers.insert(
        header::HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    if !board {
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    if public_url.starts_with("https://") {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_board_is_the_board() {
        assert!(is_board("/units/3375/board"));
        assert!(is_board("/units/3375/board/"));
        assert!(!is_board("/units/3375"));
        assert!(!is_board("/units//board"));
        assert!(!is_board("/api/v1/units/3375/board"));
    }

    #[test]
    fn the_app_may_open_its_own_socket() {
        assert!(
            app_policy("https://pst.example.go.id")
                .contains("connect-src 'self' wss://pst.example.go.id;")
        );
        assert!(app_policy("http://127.0.0.1:8080").contains("ws://127.0.0.1:8080"));
    }
}
