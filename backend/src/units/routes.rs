use actix_web::{get, put, web};

use super::{
    model::{PublishedServiceStandard, ServiceStandard, UnitDetail, UnitSettings, UnitView},
    service,
};
use crate::{
    api::{
        BadRequest, Forbidden, NotFound, Page, PageQuery, Unauthenticated, Unprocessable, ValidJson,
    },
    caller::AuthUser,
    error::AppResult,
    state::AppState,
};

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_units)
        .service(get_unit)
        .service(put_service_standard)
        .service(put_settings);
}

/// All units, ordered by code. Public.
#[utoipa::path(
    tag = "units",
    params(PageQuery),
    responses(
        (status = 200, description = "One page of units.", body = Page<UnitView>),
        (status = 400, response = BadRequest),
        (status = 422, response = Unprocessable),
    )
)]
#[get("/units")]
async fn list_units(
    state: web::Data<AppState>,
    query: web::Query<PageQuery>,
) -> AppResult<web::Json<Page<UnitView>>> {
    let (page, per_page) = query.resolve(100)?;
    Ok(web::Json(service::list(&state, page, per_page).await?))
}

/// A unit with its published service standard and settings. Public.
#[utoipa::path(
    tag = "units",
    params(("code" = String, Path, description = "BPS region code", example = "3375")),
    responses(
        (status = 200, description = "The unit.", body = UnitDetail),
        (status = 404, response = NotFound),
    )
)]
#[get("/units/{code}")]
async fn get_unit(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> AppResult<web::Json<UnitDetail>> {
    Ok(web::Json(service::detail(&state, &code).await?))
}

/// Publish or replace a unit's service standard (admin, or the unit's supervisor).
#[utoipa::path(
    tag = "units",
    security(("bearer" = [])),
    params(("code" = String, Path, description = "BPS region code", example = "3375")),
    request_body = ServiceStandard,
    responses(
        (status = 200, description = "The standard as published.", body = PublishedServiceStandard),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[put("/units/{code}/service-standard")]
async fn put_service_standard(
    auth: AuthUser,
    state: web::Data<AppState>,
    code: web::Path<String>,
    body: ValidJson<ServiceStandard>,
) -> AppResult<web::Json<PublishedServiceStandard>> {
    Ok(web::Json(
        service::put_standard(&state, &auth, &code, body.0).await?,
    ))
}

/// Change a unit's settings (admin, or the unit's supervisor).
#[utoipa::path(
    tag = "units",
    security(("bearer" = [])),
    params(("code" = String, Path, description = "BPS region code", example = "3304")),
    request_body = UnitSettings,
    responses(
        (status = 200, description = "The settings as saved.", body = UnitSettings),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[put("/units/{code}/settings")]
async fn put_settings(
    auth: AuthUser,
    state: web::Data<AppState>,
    code: web::Path<String>,
    body: ValidJson<UnitSettings>,
) -> AppResult<web::Json<UnitSettings>> {
    Ok(web::Json(
        service::put_settings(&state, &auth, &code, body.0).await?,
    ))
}
