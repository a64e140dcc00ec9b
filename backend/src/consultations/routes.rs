use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;

use super::{model::*, service};
use crate::{
    api::{
        BadRequest, Conflict, Forbidden, NotFound, Page, Unauthenticated, Unprocessable, ValidJson,
    },
    caller::AuthUser,
    error::AppResult,
    state::AppState,
};

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(create)
        .service(list)
        .service(get_one)
        .service(claim)
        .service(assign)
        .service(clarify)
        .service(close)
        .service(reopen)
        .service(withdraw)
        .service(mark_to_index)
        .service(follow_up)
        .service(referral);
}

/// Open a consultation at a unit (verified members of the public). It joins the unit's queue.
#[utoipa::path(
    tag = "consultations",
    security(("bearer" = [])),
    request_body = CreateConsultationRequest,
    responses(
        (status = 201, description = "Opened; waiting in the unit's queue.", body = ConsultationView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/consultations")]
async fn create(
    auth: AuthUser,
    state: web::Data<AppState>,
    body: ValidJson<CreateConsultationRequest>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Created().json(service::create(&state, &auth, body.0).await?))
}

/// Consultations: a member of the public sees their own, staff their unit's (and the units below
/// for a supervisor of an upper unit). Staff see those past their deadline first.
#[utoipa::path(
    tag = "consultations",
    security(("bearer" = [])),
    params(ListQuery),
    responses(
        (status = 200, description = "One page.", body = Page<ConsultationView>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[get("/consultations")]
async fn list(
    auth: AuthUser,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> AppResult<web::Json<Page<ConsultationView>>> {
    Ok(web::Json(
        service::list(&state, &auth, query.into_inner()).await?,
    ))
}

/// One consultation with its follow-ups and referrals (its owner and the unit's staff only).
#[utoipa::path(
    tag = "consultations",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, description = "The consultation.", body = ConsultationDetail),
        (status = 401, response = Unauthenticated),
        (status = 404, response = NotFound),
    )
)]
#[get("/consultations/{id}")]
async fn get_one(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<ConsultationDetail>> {
    Ok(web::Json(service::detail(&state, &auth, *id).await?))
}

/// Take a waiting consultation (an officer of the unit). When several try at once, one wins; the others get 409.
#[utoipa::path(
    tag = "consultations",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, description = "Taken.", body = ConsultationView),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
#[post("/consultations/{id}/claim")]
async fn claim(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<ConsultationView>> {
    Ok(web::Json(service::claim(&state, &auth, *id).await?))
}

/// Assign or transfer a consultation to an officer of the unit (the unit's supervisor).
#[utoipa::path(
    tag = "consultations",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = AssignRequest,
    responses(
        (status = 200, description = "Assigned.", body = ConsultationView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/consultations/{id}/assign")]
async fn assign(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: ValidJson<AssignRequest>,
) -> AppResult<web::Json<ConsultationView>> {
    Ok(web::Json(
        service::assign(&state, &auth, *id, body.0.officer_id).await?,
    ))
}

/// Mark the request clear and complete: the deadline becomes the end (unit time) of the unit's
/// Nth working day after today, skipping weekends, holidays and collective leave.
#[utoipa::path(
    tag = "consultations",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, description = "Marked clear; `deadline_at` is set.", body = ConsultationView),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
#[post("/consultations/{id}/clarify")]
async fn clarify(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<ConsultationView>> {
    Ok(web::Json(service::clarify(&state, &auth, *id).await?))
}

/// Close with a resolution (the assignee or the unit's supervisor); the owner is asked to rate.
#[utoipa::path(
    tag = "consultations",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = CloseRequest,
    responses(
        (status = 200, description = "Closed.", body = ConsultationView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/consultations/{id}/close")]
async fn close(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: ValidJson<CloseRequest>,
) -> AppResult<web::Json<ConsultationView>> {
    Ok(web::Json(service::close(&state, &auth, *id, body.0).await?))
}

/// Reopen a consultation closed in the last 7 days (the unit's staff).
#[utoipa::path(
    tag = "consultations",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, description = "Reopened.", body = ConsultationView),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
#[post("/consultations/{id}/reopen")]
async fn reopen(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<ConsultationView>> {
    Ok(web::Json(service::reopen(&state, &auth, *id).await?))
}

/// Withdraw one's own consultation while it waits or runs.
#[utoipa::path(
    tag = "consultations",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, description = "Withdrawn.", body = ConsultationView),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
#[post("/consultations/{id}/withdraw")]
async fn withdraw(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<ConsultationView>> {
    Ok(web::Json(service::withdraw(&state, &auth, *id).await?))
}

/// Mark (or unmark) a conversation to be curated into the knowledge base (the unit's staff).
#[utoipa::path(
    tag = "consultations",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = MarkToIndexRequest,
    responses(
        (status = 200, description = "Saved.", body = ConsultationView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    )
)]
#[post("/consultations/{id}/to-index")]
async fn mark_to_index(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: ValidJson<MarkToIndexRequest>,
) -> AppResult<web::Json<ConsultationView>> {
    Ok(web::Json(
        service::mark_to_index(&state, &auth, *id, body.0.to_index).await?,
    ))
}

/// Schedule a follow-up, in person or as a video meeting; the user gets an email with an
/// iCalendar invitation.
#[utoipa::path(
    tag = "consultations",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = FollowUpRequest,
    responses(
        (status = 201, description = "Scheduled.", body = FollowUpView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/consultations/{id}/follow-ups")]
async fn follow_up(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: ValidJson<FollowUpRequest>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Created().json(service::add_follow_up(&state, &auth, *id, body.0).await?))
}

/// Record a referral to another PST service.
#[utoipa::path(
    tag = "consultations",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = ReferralRequest,
    responses(
        (status = 201, description = "Recorded.", body = ReferralView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/consultations/{id}/referrals")]
async fn referral(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: ValidJson<ReferralRequest>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Created().json(service::add_referral(&state, &auth, *id, body.0).await?))
}
