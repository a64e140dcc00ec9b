use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;

use super::{
    RatingRequest, RatingView,
    follow_up::{
        self, RatingEntry, RatingFollowUpRequest, RatingListQuery, RatingReplyRequest,
        RatingResolveRequest, RatingThread, Viewer,
    },
    service,
};
use crate::{
    api::{
        BadRequest, Conflict, Forbidden, NotFound, Page, Unauthenticated, Unprocessable, ValidJson,
    },
    caller::{AuthUser, MaybeAuth},
    error::{AppError, AppResult, ErrorCode},
    state::AppState,
};

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(rate_consultation)
        .service(rate_visit)
        .service(list_ratings)
        .service(get_rating)
        .service(follow_up_rating)
        .service(reply_to_follow_up)
        .service(resolve_rating);
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

/// A unit's satisfaction ratings for its staff, newest first: the nine scores, the comment, the
/// consultation or visit, the respondent where known, and the follow-up state. Officers and the
/// supervisor of the unit (and admins); a supervisor of a unit above reads those below.
#[utoipa::path(
    tag = "ratings",
    security(("bearer" = [])),
    params(RatingListQuery),
    responses(
        (status = 200, description = "One page.", body = Page<RatingEntry>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[get("/ratings")]
async fn list_ratings(
    auth: AuthUser,
    state: web::Data<AppState>,
    query: web::Query<RatingListQuery>,
) -> AppResult<web::Json<Page<RatingEntry>>> {
    Ok(web::Json(
        follow_up::list(&state, &auth, query.into_inner()).await?,
    ))
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct ReplyLink {
    /// The token of the link emailed with the unit's follow-up (respondents without an account).
    token: Option<String>,
}

/// The link's token speaks for the respondent even in a browser signed in to another account.
fn viewer(auth: MaybeAuth, link: ReplyLink) -> AppResult<Viewer> {
    match (auth.0, link.token) {
        (_, Some(token)) => Ok(Viewer::Token(token)),
        (Some(auth), None) => Ok(Viewer::Signed(auth)),
        (None, None) => Err(AppError::new(ErrorCode::AuthenticationRequired)),
    }
}

/// A rating and its follow-up messages: for the unit's staff (with the respondent), the
/// signed-in respondent, or the respondent's emailed link (`?token=`, which is used over any session).
#[utoipa::path(
    tag = "ratings",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path), ReplyLink),
    responses(
        (status = 200, description = "The rating and its follow-up.", body = RatingThread),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 404, response = NotFound),
    )
)]
#[get("/ratings/{id}")]
async fn get_rating(
    auth: MaybeAuth,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    link: web::Query<ReplyLink>,
) -> AppResult<web::Json<RatingThread>> {
    let viewer = viewer(auth, link.into_inner())?;
    Ok(web::Json(follow_up::get(&state, viewer, *id).await?))
}

/// Write to the respondent (the unit's officers): emailed in Indonesian with a reply link
/// (valid 30 days), recorded in the thread; the follow-up becomes `contacted`. 409
/// `respondent_unknown` when the unit has no email of them, `invalid_state` once resolved.
#[utoipa::path(
    tag = "ratings",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = RatingFollowUpRequest,
    responses(
        (status = 201, description = "Sent.", body = RatingThread),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/ratings/{id}/follow-ups")]
async fn follow_up_rating(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: ValidJson<RatingFollowUpRequest>,
) -> AppResult<HttpResponse> {
    let thread = follow_up::contact(&state, &auth, *id, body.0).await?;
    Ok(HttpResponse::Created().json(thread))
}

/// The respondent answers the unit's follow-up: signed in, or through the emailed link
/// (`?token=`). Only while the follow-up is `contacted` (else 409 `invalid_state`).
#[utoipa::path(
    tag = "ratings",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path), ReplyLink),
    request_body = RatingReplyRequest,
    responses(
        (status = 201, description = "Answered.", body = RatingThread),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/ratings/{id}/replies")]
async fn reply_to_follow_up(
    auth: MaybeAuth,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    link: web::Query<ReplyLink>,
    body: ValidJson<RatingReplyRequest>,
) -> AppResult<HttpResponse> {
    let viewer = viewer(auth, link.into_inner())?;
    let thread = follow_up::reply(&state, viewer, *id, body.0).await?;
    Ok(HttpResponse::Created().json(thread))
}

/// Close the follow-up with a note (the unit's officers): from `open` or `contacted`.
#[utoipa::path(
    tag = "ratings",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = RatingResolveRequest,
    responses(
        (status = 200, description = "Resolved.", body = RatingThread),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/ratings/{id}/resolve")]
async fn resolve_rating(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: ValidJson<RatingResolveRequest>,
) -> AppResult<web::Json<RatingThread>> {
    Ok(web::Json(
        follow_up::resolve(&state, &auth, *id, body.0).await?,
    ))
}
