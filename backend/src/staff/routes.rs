use actix_web::{HttpResponse, get, patch, post, put, web};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::{AvailabilityRequest, CreateStaffRequest, StaffView, UpdateStaffRequest, service};
use crate::{
    api::{
        BadRequest, Conflict, Forbidden, NotFound, Page, PageQuery, Unauthenticated, Unprocessable,
        ValidJson,
    },
    caller::AuthUser,
    error::AppResult,
    state::AppState,
};

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_staff)
        .service(create_staff)
        .service(update_staff)
        .service(set_availability);
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StaffQuery {
    /// Only this unit's staff.
    #[param(example = "3304")]
    pub unit: Option<String>,
    #[param(minimum = 1, maximum = 10000)]
    pub page: Option<u64>,
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u64>,
}

/// Staff accounts: all for an admin, the own unit's for a supervisor.
#[utoipa::path(
    tag = "staff",
    security(("bearer" = [])),
    params(StaffQuery),
    responses(
        (status = 200, description = "One page of staff.", body = Page<StaffView>),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[get("/staff")]
async fn list_staff(
    auth: AuthUser,
    state: web::Data<AppState>,
    query: web::Query<StaffQuery>,
) -> AppResult<web::Json<Page<StaffView>>> {
    let query = query.into_inner();
    let (page, per_page) = PageQuery {
        page: query.page,
        per_page: query.per_page,
    }
    .resolve(50)?;
    Ok(web::Json(
        service::list(&state, &auth, query.unit, page, per_page).await?,
    ))
}

/// Create a staff account with a role at a unit (admin).
#[utoipa::path(
    tag = "staff",
    security(("bearer" = [])),
    request_body = CreateStaffRequest,
    responses(
        (status = 201, description = "Created.", body = StaffView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/staff")]
async fn create_staff(
    auth: AuthUser,
    state: web::Data<AppState>,
    body: ValidJson<CreateStaffRequest>,
) -> AppResult<HttpResponse> {
    let created = service::create(&state, Some(&auth), body.0).await?;
    Ok(HttpResponse::Created().json(created))
}

/// Change a staff member's capacity for auto-assignment: the supervisor of their unit, or an
/// admin.
#[utoipa::path(
    tag = "staff",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = UpdateStaffRequest,
    responses(
        (status = 200, description = "Saved.", body = StaffView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[patch("/staff/{id}")]
async fn update_staff(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateStaffRequest>,
) -> AppResult<web::Json<StaffView>> {
    Ok(web::Json(
        service::update(&state, &auth, *id, body.0).await?,
    ))
}

/// Set the caller's availability for new consultations (officers and supervisors). An
/// available officer becomes `away` on their own when their last socket closes, and available
/// again when one opens.
#[utoipa::path(
    tag = "staff",
    security(("bearer" = [])),
    request_body = AvailabilityRequest,
    responses(
        (status = 200, description = "Saved.", body = AvailabilityRequest),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
    )
)]
#[put("/me/availability")]
async fn set_availability(
    auth: AuthUser,
    state: web::Data<AppState>,
    body: ValidJson<AvailabilityRequest>,
) -> AppResult<web::Json<AvailabilityRequest>> {
    Ok(web::Json(
        service::set_availability(&state, &auth, body.0.availability).await?,
    ))
}
