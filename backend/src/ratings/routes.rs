use actix_web::{HttpResponse, post, web};
use uuid::Uuid;

use super::{RatingRequest, RatingView, service};
use crate::{
    api::{BadRequest, Conflict, Forbidden, NotFound, Unauthenticated, Unprocessable, ValidJson},
    caller::AuthUser,
    error::AppResult,
    state::AppState,
};

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(rate_consultation);
}

/// Rate the service of one's closed consultation, once: the nine SKM elements (1–4) and a comment.
#[utoipa::path(
    tag = "ratings",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = RatingRequest,
    responses(
        (status = 201, description = "Rated.", body = RatingView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/consultations/{id}/rating")]
async fn rate_consultation(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: ValidJson<RatingRequest>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Created().json(service::rate_consultation(&state, &auth, *id, body.0).await?))
}
