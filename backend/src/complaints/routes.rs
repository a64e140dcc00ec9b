use actix_web::{HttpRequest, HttpResponse, get, post, web};
use uuid::Uuid;

use super::{model::*, service};
use crate::{
    api::{
        BadRequest, Conflict, Forbidden, NotFound, Page, TooMany, Unauthenticated, Unprocessable,
        ValidJson,
    },
    caller::{AuthUser, MaybeAuth},
    error::AppResult,
    state::AppState,
};

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(file_complaint)
        .service(confirm_complaint)
        .service(track_complaint)
        .service(reply_to_complaint)
        .service(list_complaints)
        .service(get_complaint)
        .service(change_complaint_status)
        .service(respond_to_complaint)
        .service(assign_complaint);
}

/// File a complaint, suggestion, appreciation or request for information with a unit. From a
/// signed-in member of the public it is received at once; from an anonymous visitor it waits
/// for the confirmation link emailed to `email` (valid 48 hours) before the unit sees it. The
/// unit's officers and supervisors record complaints from the other channels with `channel`
/// (and `lapor_reference` for LAPOR!) and `received_at`. The public is limited per email and
/// per address (429). Answers the tracking code, also emailed.
#[utoipa::path(
    tag = "complaints",
    security((), ("bearer" = [])),
    request_body = ComplaintRequest,
    responses(
        (status = 201, description = "Filed.", body = ComplaintReceipt),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
        (status = 429, response = TooMany),
    )
)]
#[post("/complaints")]
async fn file_complaint(
    auth: MaybeAuth,
    state: web::Data<AppState>,
    req: HttpRequest,
    body: ValidJson<ComplaintRequest>,
) -> AppResult<HttpResponse> {
    let address = crate::api::client_address(&req);
    let receipt = service::create(&state, auth.0, &address, body.0).await?;
    Ok(HttpResponse::Created().json(receipt))
}

/// Confirm an anonymous complaint with the token of its emailed link: the unit receives it and
/// its deadlines start. A used or expired link is 400 `invalid_token`.
#[utoipa::path(
    tag = "complaints",
    request_body = ComplaintConfirmRequest,
    responses(
        (status = 200, description = "Confirmed: the tracking page.", body = ComplaintTracking),
        (status = 400, response = BadRequest),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/complaints/confirm")]
async fn confirm_complaint(
    state: web::Data<AppState>,
    body: ValidJson<ComplaintConfirmRequest>,
) -> AppResult<web::Json<ComplaintTracking>> {
    Ok(web::Json(service::confirm(&state, &body.0.token).await?))
}

/// A complaint's public tracking page, by its code: the status, its history and the unit's
/// responses, never the complainant's name, contacts or description.
#[utoipa::path(
    tag = "complaints",
    params(("tracking_code" = String, Path, example = "ADU-3304-7KQ2M9XD4HPW")),
    responses(
        (status = 200, description = "The complaint's progress.", body = ComplaintTracking),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
    )
)]
#[get("/complaints/track/{tracking_code}")]
async fn track_complaint(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> AppResult<web::Json<ComplaintTracking>> {
    Ok(web::Json(service::track(&state, &code).await?))
}

/// The complainant answers the unit's response, with the tracking code: a reply sends it back
/// to the unit; `resolved: true` closes it. Only while `responded` (else 409
/// `invalid_transition`).
#[utoipa::path(
    tag = "complaints",
    params(("tracking_code" = String, Path, example = "ADU-3304-7KQ2M9XD4HPW")),
    request_body = ComplaintReplyRequest,
    responses(
        (status = 201, description = "Answered: the tracking page.", body = ComplaintTracking),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/complaints/track/{tracking_code}/replies")]
async fn reply_to_complaint(
    state: web::Data<AppState>,
    code: web::Path<String>,
    body: ValidJson<ComplaintReplyRequest>,
) -> AppResult<HttpResponse> {
    let page = service::reply(&state, &code, body.0).await?;
    Ok(HttpResponse::Created().json(page))
}

/// A unit's complaints for its officers and supervisors (admins name the unit; a supervisor
/// may read a unit below): those past their deadline first, then by deadline, then newest.
/// Unconfirmed filings are not listed.
#[utoipa::path(
    tag = "complaints",
    security(("bearer" = [])),
    params(ComplaintListQuery),
    responses(
        (status = 200, description = "One page of complaints.", body = Page<Complaint>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[get("/complaints")]
async fn list_complaints(
    auth: AuthUser,
    state: web::Data<AppState>,
    q: web::Query<ComplaintListQuery>,
) -> AppResult<web::Json<Page<Complaint>>> {
    Ok(web::Json(
        service::list(&state, &auth, q.into_inner()).await?,
    ))
}

/// One complaint with its whole history, for the unit's staff (and supervisors above).
#[utoipa::path(
    tag = "complaints",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, description = "The complaint.", body = ComplaintDetail),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 404, response = NotFound),
    )
)]
#[get("/complaints/{id}")]
async fn get_complaint(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<ComplaintDetail>> {
    Ok(web::Json(service::get(&state, &auth, *id).await?))
}

/// Move a complaint on: officers take it up (`in_progress`); the unit's supervisor verifies,
/// rejects (with a reason), forwards (to another unit, which receives it under a new tracking
/// code, or to `lapor`) and closes it. The complainant is emailed when it ends. A change the
/// lifecycle does not allow is 409 `invalid_transition`.
#[utoipa::path(
    tag = "complaints",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = ComplaintStatusRequest,
    responses(
        (status = 200, description = "Changed.", body = ComplaintDetail),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/complaints/{id}/status")]
async fn change_complaint_status(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: ValidJson<ComplaintStatusRequest>,
) -> AppResult<web::Json<ComplaintDetail>> {
    Ok(web::Json(
        service::set_status(&state, &auth, *id, body.0).await?,
    ))
}

/// Respond to the complainant (the unit's officers and supervisor), once it is verified: emailed
/// and shown on the tracking page; the complaint is `responded` and closes by itself after the
/// unit's `complaint_auto_close_working_days` without a reply.
#[utoipa::path(
    tag = "complaints",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = ComplaintResponseRequest,
    responses(
        (status = 201, description = "Responded.", body = ComplaintDetail),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/complaints/{id}/responses")]
async fn respond_to_complaint(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: ValidJson<ComplaintResponseRequest>,
) -> AppResult<HttpResponse> {
    let detail = service::respond(&state, &auth, *id, body.0).await?;
    Ok(HttpResponse::Created().json(detail))
}

/// Assign the complaint to an officer or supervisor of the unit (null: nobody).
#[utoipa::path(
    tag = "complaints",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = ComplaintAssignRequest,
    responses(
        (status = 200, description = "Assigned.", body = ComplaintDetail),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/complaints/{id}/assign")]
async fn assign_complaint(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: ValidJson<ComplaintAssignRequest>,
) -> AppResult<web::Json<ComplaintDetail>> {
    Ok(web::Json(
        service::assign(&state, &auth, *id, body.0).await?,
    ))
}
