//! Records staff changes as they are answered: a middleware around the API that adds one row
//! for each successful `POST`, `PUT`, `PATCH` or `DELETE` by a staff member.
use actix_web::{
    Error,
    body::MessageBody,
    dev::{ServiceRequest, ServiceResponse},
    http::Method,
    middleware::Next,
    web,
};
use sea_orm::{EntityTrait, Set};
use uuid::Uuid;

use crate::{entities::audit_event, state::AppState};

/// What the middleware knows of a staff change before it runs.
struct Pending {
    actor_id: Uuid,
    actor_role: String,
    unit_code: Option<String>,
    method: Method,
    path: String,
    address: String,
}

fn pending(req: &ServiceRequest, state: &AppState) -> Option<Pending> {
    let method = req.method().clone();
    if !matches!(
        method,
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    ) {
        return None;
    }
    if !req.path().starts_with("/api/v1/") {
        return None;
    }
    let token = crate::caller::bearer(req.request())?;
    let claims = state.keys.verify(token)?;
    if !claims.role.is_staff() {
        return None;
    }
    Some(Pending {
        actor_id: claims.sub,
        actor_role: claims.role.as_str().to_owned(),
        unit_code: claims.unit,
        method,
        path: req.path().to_owned(),
        address: crate::api::client_address(req.request()),
    })
}

/// `POST /api/v1/consultations/{id}/close` → action `POST /consultations/{id}/close`, target
/// type `consultations`, target the first path value that looks like an id or a code.
fn describe(route: &str, path: &str) -> (String, String, Option<String>) {
    let route = route.strip_prefix("/api/v1").unwrap_or(route);
    let path = path.strip_prefix("/api/v1").unwrap_or(path);
    let target_type = route
        .split('/')
        .find(|s| !s.is_empty())
        .unwrap_or_default()
        .chars()
        .take(32)
        .collect();
    let target = route
        .split('/')
        .zip(path.split('/'))
        .find(|(pattern, _)| pattern.starts_with('{'))
        .map(|(_, value)| value.chars().take(64).collect());
    (route.chars().take(56).collect(), target_type, target)
}

pub async fn record(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let pending = state.as_ref().and_then(|s| pending(&req, s));
    let route = req.match_pattern();
    let res = next.call(req).await?;
    if let (Some(state), Some(p)) = (state, pending)
        && res.status().is_success()
    {
        let route = route.unwrap_or_else(|| p.path.clone());
        let (action, target_type, target_id) = describe(&route, &p.path);
        let detail = serde_json::json!({
            "path": p.path,
            "status": res.status().as_u16(),
        });
        let row = audit_event::ActiveModel {
            id: Set(Uuid::now_v7()),
            at: Set(state.clock.now()),
            actor_id: Set(Some(p.actor_id)),
            actor_role: Set(p.actor_role),
            unit_code: Set(p.unit_code),
            action: Set(format!("{} {action}", p.method)),
            target_type: Set(target_type),
            target_id: Set(target_id),
            address: Set(p.address.chars().take(64).collect()),
            detail: Set(detail.to_string()),
        };
        if let Err(e) = audit_event::Entity::insert(row)
            .exec_without_returning(&state.db)
            .await
        {
            tracing::error!(error = %e, "cannot write the audit log");
        }
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn routes_name_the_action_and_target() {
        let (action, kind, target) = describe(
            "/api/v1/consultations/{id}/close",
            "/api/v1/consultations/0190-ab/close",
        );
        assert_eq!(action, "/consultations/{id}/close");
        assert_eq!(kind, "consultations");
        assert_eq!(target.as_deref(), Some("0190-ab"));
        let (_, kind, target) = describe("/api/v1/staff", "/api/v1/staff");
        assert_eq!((kind.as_str(), target), ("staff", None));
    }
}
