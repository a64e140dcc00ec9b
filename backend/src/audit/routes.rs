//! `GET /api/v1/audit`.
use actix_web::{get, web};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::service::{self, AuditEventView, AuditFilter};
use crate::{
    api::{Forbidden, Page, PageQuery, Unauthenticated, Unprocessable},
    caller::AuthUser,
    error::AppResult,
    state::AppState,
};

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_audit);
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only actions of this unit's staff (a supervisor always sees their own unit's).
    #[param(example = "3375", max_length = 8)]
    pub unit: Option<String>,
    /// Only this staff member's actions.
    pub actor_id: Option<Uuid>,
    /// From this instant (inclusive).
    pub from: Option<DateTime<Utc>>,
    /// Until this instant (exclusive).
    pub to: Option<DateTime<Utc>>,
    #[param(minimum = 1, maximum = 10000)]
    pub page: Option<u64>,
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u64>,
}

/// The audit log of staff actions, newest first: every change a staff member made through the
/// API (who, what, on which record, when, from where). Admins read every unit's; a unit's
/// supervisor reads their unit's. Entries are only ever added.
#[utoipa::path(
    tag = "staff",
    security(("bearer" = [])),
    params(AuditQuery),
    responses(
        (status = 200, description = "One page of the log.", body = Page<AuditEventView>),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[get("/audit")]
async fn list_audit(
    auth: AuthUser,
    state: web::Data<AppState>,
    query: web::Query<AuditQuery>,
) -> AppResult<web::Json<Page<AuditEventView>>> {
    let query = query.into_inner();
    let (page, per_page) = PageQuery {
        page: query.page,
        per_page: query.per_page,
    }
    .resolve(50)?;
    let filter = AuditFilter {
        unit: query.unit,
        actor: query.actor_id,
        from: query.from,
        to: query.to,
    };
    Ok(web::Json(
        service::list(&state, &auth, filter, page, per_page).await?,
    ))
}
