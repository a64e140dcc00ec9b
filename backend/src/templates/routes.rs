use actix_web::{HttpResponse, delete, get, post, put, web};
use uuid::Uuid;

use super::{
    model::{
        FilledTemplate, FilledTemplatesQuery, TemplateListQuery, TemplateRequest, TemplateView,
    },
    service,
};
use crate::{
    api::{BadRequest, Forbidden, NotFound, Page, Unauthenticated, Unprocessable, ValidJson},
    caller::AuthUser,
    error::AppResult,
    state::AppState,
};

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_templates)
        .service(create_template)
        .service(get_template)
        .service(replace_template)
        .service(delete_template)
        .service(consultation_templates);
}

/// Answer templates the caller may use: the unit's own (by default the caller's unit) first,
/// then the national ones, each by shortcut. Officers, supervisors and admins; a supervisor
/// also reads the units below theirs.
#[utoipa::path(
    tag = "templates",
    security(("bearer" = [])),
    params(TemplateListQuery),
    responses(
        (status = 200, description = "One page of templates.", body = Page<TemplateView>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[get("/templates")]
async fn list_templates(
    auth: AuthUser,
    state: web::Data<AppState>,
    query: web::Query<TemplateListQuery>,
) -> AppResult<web::Json<Page<TemplateView>>> {
    Ok(web::Json(
        service::list(&state, &auth, query.into_inner()).await?,
    ))
}

/// Write a template: a unit's officers and supervisor for their unit, admins for any unit or
/// nationally (`unit_code` omitted).
#[utoipa::path(
    tag = "templates",
    security(("bearer" = [])),
    request_body = TemplateRequest,
    responses(
        (status = 201, description = "Written.", body = TemplateView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/templates")]
async fn create_template(
    auth: AuthUser,
    state: web::Data<AppState>,
    body: ValidJson<TemplateRequest>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Created().json(service::create(&state, &auth, body.0).await?))
}

/// One template, as written (with its variables).
#[utoipa::path(
    tag = "templates",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, description = "The template.", body = TemplateView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    )
)]
#[get("/templates/{id}")]
async fn get_template(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<TemplateView>> {
    Ok(web::Json(service::get(&state, &auth, *id).await?))
}

/// Replace a template whole (its unit too, for those who write both).
#[utoipa::path(
    tag = "templates",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = TemplateRequest,
    responses(
        (status = 200, description = "Saved.", body = TemplateView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[put("/templates/{id}")]
async fn replace_template(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: ValidJson<TemplateRequest>,
) -> AppResult<web::Json<TemplateView>> {
    Ok(web::Json(
        service::replace(&state, &auth, *id, body.0).await?,
    ))
}

/// Delete a template.
#[utoipa::path(
    tag = "templates",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 204, description = "Deleted."),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    )
)]
#[delete("/templates/{id}")]
async fn delete_template(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    service::delete(&state, &auth, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The templates to answer this consultation with (its unit's first, then the national ones),
/// each filled for it: `{nama}` who asked, `{nomor}` its number, `{unit}` the unit's name,
/// `{petugas}` the caller, `{tenggat}` the deadline in the unit's time zone. For the unit's
/// officers and supervisor.
#[utoipa::path(
    tag = "templates",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), FilledTemplatesQuery),
    responses(
        (status = 200, description = "The matching templates, filled.", body = Vec<FilledTemplate>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[get("/consultations/{id}/templates")]
async fn consultation_templates(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: web::Query<FilledTemplatesQuery>,
) -> AppResult<web::Json<Vec<FilledTemplate>>> {
    Ok(web::Json(
        service::for_consultation(&state, &auth, *id, query.into_inner()).await?,
    ))
}
