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
    cfg.service(rate_consultation).service(rate_visit);
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

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct VisitProof {
    /// The one-time token of the rating link emailed after the visit (valid 7 days).
    token: Option<String>,
    /// Or the tracking key of the ticket (the visitor's page, or a tablet at the desk).
    key: Option<String>,
}

/// Rate a finished walk-in visit, once, without an account: the nine SKM elements (1–4) and a
/// comment, proven by the emailed link's token or the ticket's tracking key.
#[utoipa::path(
    tag = "ratings",
    params(("id" = Uuid, Path, description = "The visit's ticket"), VisitProof),
    request_body = RatingRequest,
    responses(
        (status = 201, description = "Rated.", body = RatingView),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/walkin/tickets/{id}/rating")]
async fn rate_visit(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    proof: web::Query<VisitProof>,
    body: ValidJson<RatingRequest>,
) -> AppResult<HttpResponse> {
    let proof = proof.into_inner();
    let credential = match (proof.token, proof.key) {
        (Some(token), _) => service::VisitCredential::Token(token),
        (None, Some(key)) => service::VisitCredential::Key(key),
        (None, None) => {
            return Err(crate::error::AppError::field(
                "token",
                "the rating link's token or the ticket's key is required",
            ));
        }
    };
    Ok(HttpResponse::Created().json(service::rate_visit(&state, *id, credential, body.0).await?))
}
