use actix_web::{
    FromRequest, HttpRequest, HttpResponse, delete, dev::Payload, get, http::header, post, put, web,
};
use futures_util::future::LocalBoxFuture;
use uuid::Uuid;

use super::{
    catalog, day,
    desk::{self, Action},
    guestbook, kiosk, live,
    model::*,
    stats,
    tickets::{self, KIOSK_TOKEN_PREFIX, Taker, TicketListQuery},
};
use crate::{
    api::{
        BadRequest, Conflict, Forbidden, NotFound, Page, Unauthenticated, Unprocessable, ValidJson,
    },
    caller::{AuthUser, MaybeAuth},
    consultations::model::ConsultationView,
    error::{AppError, AppResult, ErrorCode},
    state::AppState,
    units,
};

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_services)
        .service(put_services)
        .service(get_desks)
        .service(put_desks)
        .service(take_ticket)
        .service(list_tickets)
        .service(get_ticket)
        .service(live::ticket_feed)
        .service(get_board)
        .service(live::board_feed)
        .service(call_next)
        .service(recall)
        .service(start)
        .service(finish)
        .service(no_show)
        .service(cancel)
        .service(transfer)
        .service(record_consultation)
        .service(get_stats)
        .service(close_day)
        .service(create_kiosk_token)
        .service(list_kiosk_tokens)
        .service(revoke_kiosk_token)
        .service(record_guest)
        .service(find_guests);
}

type Code = web::Path<String>;

/// The caller of `POST …/walkin/tickets`: a user's access token or a kiosk token, checked
/// before the body (a missing token answers 401 first).
impl FromRequest for Taker {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let kiosk = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim().to_owned())
            .filter(|token| token.starts_with(KIOSK_TOKEN_PREFIX));
        let user = AuthUser::from_request(req, payload);
        Box::pin(async move {
            match kiosk {
                Some(token) => Ok(Taker::Kiosk(token)),
                None => user.await.map(Taker::User),
            }
        })
    }
}

/// The unit's walk-in services (public).
#[utoipa::path(
    tag = "walkin",
    params(("code" = String, Path, description = "BPS region code", example = "3375")),
    responses(
        (status = 200, description = "The services, in display order.", body = ServiceList),
        (status = 404, response = NotFound),
    )
)]
#[get("/units/{code}/walkin/services")]
async fn get_services(state: web::Data<AppState>, code: Code) -> AppResult<web::Json<ServiceList>> {
    units::service::find(&state.db, &code).await?;
    Ok(web::Json(ServiceList {
        items: catalog::listed_services(&state.db, &code).await?,
    }))
}

/// Replace the unit's walk-in services (its supervisor, or an admin).
#[utoipa::path(
    tag = "walkin",
    security(("bearer" = [])),
    params(("code" = String, Path, description = "BPS region code", example = "3375")),
    request_body = ServicesRequest,
    responses(
        (status = 200, description = "The services as saved.", body = ServiceList),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[put("/units/{code}/walkin/services")]
async fn put_services(
    auth: AuthUser,
    state: web::Data<AppState>,
    code: Code,
    body: ValidJson<ServicesRequest>,
) -> AppResult<web::Json<ServiceList>> {
    Ok(web::Json(ServiceList {
        items: catalog::put_services(&state, &auth, &code, body.0).await?,
    }))
}

/// The unit's desks and the services each calls (public).
#[utoipa::path(
    tag = "walkin",
    params(("code" = String, Path, description = "BPS region code", example = "3375")),
    responses(
        (status = 200, description = "The desks, in display order.", body = DeskList),
        (status = 404, response = NotFound),
    )
)]
#[get("/units/{code}/walkin/desks")]
async fn get_desks(state: web::Data<AppState>, code: Code) -> AppResult<web::Json<DeskList>> {
    units::service::find(&state.db, &code).await?;
    Ok(web::Json(DeskList {
        items: catalog::listed_desks(&state.db, &code).await?,
    }))
}

/// Replace the unit's desks (its supervisor, or an admin).
#[utoipa::path(
    tag = "walkin",
    security(("bearer" = [])),
    params(("code" = String, Path, description = "BPS region code", example = "3375")),
    request_body = DesksRequest,
    responses(
        (status = 200, description = "The desks as saved.", body = DeskList),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[put("/units/{code}/walkin/desks")]
async fn put_desks(
    auth: AuthUser,
    state: web::Data<AppState>,
    code: Code,
    body: ValidJson<DesksRequest>,
) -> AppResult<web::Json<DeskList>> {
    Ok(web::Json(DeskList {
        items: catalog::put_desks(&state, &auth, &code, body.0).await?,
    }))
}

/// Take a queue number. Front office and the unit's officers (their access token), the unit's
/// kiosk (its kiosk token as the bearer token), or a signed-in visitor from a phone when the unit
/// allows remote tickets, during office hours, one ticket at a time. Numbers are the service's
/// prefix and the day's sequence (`K-007`), restarting each day in the unit's zone, unique and
/// without gaps. The answer's `track_url` is the visitor's own page (print it as a QR code).
#[utoipa::path(
    tag = "walkin",
    security(("bearer" = [])),
    params(("code" = String, Path, description = "BPS region code", example = "3375")),
    request_body = TakeTicketRequest,
    responses(
        (status = 201, description = "Taken; waiting in the service's queue.", body = TicketView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/units/{code}/walkin/tickets")]
async fn take_ticket(
    taker: Taker,
    state: web::Data<AppState>,
    code: Code,
    body: ValidJson<TakeTicketRequest>,
) -> AppResult<HttpResponse> {
    let ticket = tickets::take(&state, taker, &code, body.0).await?;
    Ok(HttpResponse::Created().json(ticket))
}

/// The day's tickets of the unit (its staff): waiting ones in calling order, the rest newest first.
#[utoipa::path(
    tag = "walkin",
    security(("bearer" = [])),
    params(("code" = String, Path, description = "BPS region code", example = "3375"), TicketListQuery),
    responses(
        (status = 200, description = "One page.", body = Page<TicketView>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[get("/units/{code}/walkin/tickets")]
async fn list_tickets(
    auth: AuthUser,
    state: web::Data<AppState>,
    code: Code,
    query: web::Query<TicketListQuery>,
) -> AppResult<web::Json<Page<TicketView>>> {
    Ok(web::Json(
        tickets::list(&state, &auth, &code, query.into_inner()).await?,
    ))
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct OptionalKey {
    /// The tracking key of the ticket's link; without it, the unit's staff read with their token.
    key: Option<String>,
}

/// A ticket: the visitor's own view through the key of its link (no login), or the unit's staff.
#[utoipa::path(
    tag = "walkin",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The ticket"), OptionalKey),
    responses(
        (status = 200, description = "The ticket, with its place in the queue while waiting.", body = TicketView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 404, response = NotFound),
    )
)]
#[get("/walkin/tickets/{id}")]
async fn get_ticket(
    auth: MaybeAuth,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: web::Query<OptionalKey>,
) -> AppResult<web::Json<TicketView>> {
    match (&query.key, auth.0) {
        (Some(key), _) => Ok(web::Json(tickets::track(&state, *id, key).await?.0)),
        (None, Some(auth)) => Ok(web::Json(tickets::staff_view(&state, &auth, *id).await?)),
        (None, None) => Err(
            AppError::new(ErrorCode::AuthenticationRequired).with_detail(
                "Open the ticket with the key of its link, or sign in as the unit's staff.",
            ),
        ),
    }
}

/// The unit's display board (public): tickets at the desks, the last calls, waiting counts.
/// Pushed live by `GET /units/{code}/walkin/board/live`.
#[utoipa::path(
    tag = "walkin",
    params(("code" = String, Path, description = "BPS region code", example = "3375")),
    responses(
        (status = 200, description = "The board now.", body = Board),
        (status = 404, response = NotFound),
    )
)]
#[get("/units/{code}/walkin/board")]
async fn get_board(state: web::Data<AppState>, code: Code) -> AppResult<web::Json<Board>> {
    Ok(web::Json(super::board::get(&state, &code).await?))
}

/// Call the next visitor to a desk (the unit's officers): first come first served among the
/// desk's services, priority tickets first but never more than the unit's `walkin_priority_run`
/// in a row while normal tickets wait. Two desks calling at once never get the same ticket.
#[utoipa::path(
    tag = "walkin",
    security(("bearer" = [])),
    params(("code" = String, Path, description = "BPS region code", example = "3375")),
    request_body = CallNextRequest,
    responses(
        (status = 200, description = "The ticket called.", body = TicketView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, description = "`queue_empty`: nobody waits for the desk's services; or no such unit.", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "`desk_busy`: the desk still holds a called or served ticket.", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/units/{code}/walkin/call-next")]
async fn call_next(
    auth: AuthUser,
    state: web::Data<AppState>,
    code: Code,
    body: ValidJson<CallNextRequest>,
) -> AppResult<web::Json<TicketView>> {
    Ok(web::Json(
        desk::call_next(&state, &auth, &code, body.0).await?,
    ))
}

async fn act(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    action: Action,
    note: Option<String>,
) -> AppResult<web::Json<TicketView>> {
    Ok(web::Json(
        desk::act(&state, &auth, *id, action, note).await?,
    ))
}

/// Call a called visitor again (the unit's officers).
#[utoipa::path(
    tag = "walkin",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The ticket")),
    responses(
        (status = 200, description = "Called once more.", body = TicketView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
#[post("/walkin/tickets/{id}/recall")]
async fn recall(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<TicketView>> {
    act(auth, state, id, Action::Recall, None).await
}

/// The called visitor has come to the desk: serving starts (the unit's officers).
#[utoipa::path(
    tag = "walkin",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The ticket")),
    responses(
        (status = 200, description = "Being served.", body = TicketView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
#[post("/walkin/tickets/{id}/start")]
async fn start(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<TicketView>> {
    act(auth, state, id, Action::Start, None).await
}

/// The visit is over (the unit's officers), with an optional note for the unit's staff.
#[utoipa::path(
    tag = "walkin",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The ticket")),
    request_body(content = Option<FinishRequest>, description = "Optional."),
    responses(
        (status = 200, description = "Finished.", body = TicketView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/walkin/tickets/{id}/finish")]
async fn finish(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: Option<ValidJson<FinishRequest>>,
) -> AppResult<web::Json<TicketView>> {
    let note = body.and_then(|b| b.0.note);
    act(auth, state, id, Action::Finish, note).await
}

/// The called visitor did not come (the unit's officers): only after the unit's
/// `walkin_no_show_after_calls` calls, else 409 `not_called_enough`.
#[utoipa::path(
    tag = "walkin",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The ticket")),
    responses(
        (status = 200, description = "Marked absent.", body = TicketView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
#[post("/walkin/tickets/{id}/no-show")]
async fn no_show(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<TicketView>> {
    act(auth, state, id, Action::NoShow, None).await
}

/// Cancel a waiting or called ticket (front office or officers), e.g. the visitor left.
#[utoipa::path(
    tag = "walkin",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The ticket")),
    responses(
        (status = 200, description = "Cancelled.", body = TicketView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
#[post("/walkin/tickets/{id}/cancel")]
async fn cancel(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> AppResult<web::Json<TicketView>> {
    act(auth, state, id, Action::Cancel, None).await
}

/// Refer the visitor to another service (the unit's officers): a new ticket of that service at
/// the front of its normal queue (priority visitors: of its priority queue), linked both ways;
/// the visitor's tracking key opens both.
#[utoipa::path(
    tag = "walkin",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The ticket")),
    request_body = TransferRequest,
    responses(
        (status = 200, description = "The ended ticket and the new one.", body = Transfer),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/walkin/tickets/{id}/transfer")]
async fn transfer(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: ValidJson<TransferRequest>,
) -> AppResult<web::Json<Transfer>> {
    Ok(web::Json(desk::transfer(&state, &auth, *id, body.0).await?))
}

/// Record the consultation held at the desk (the unit's officers), once per visit, while the
/// visitor is served or after: a consultation with channel `walk_in`, closed and answered, in
/// the visitor's history (their account if the guest book's email has one, else an account the
/// unit keeps for that email, theirs once they register with it). The visit needs its
/// guest-book entry first (409 `guestbook_required`); a second record answers 409
/// `consultation_recorded`.
#[utoipa::path(
    tag = "walkin",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The ticket")),
    request_body = DeskConsultationRequest,
    responses(
        (status = 201, description = "Recorded.", body = ConsultationView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/walkin/tickets/{id}/consultation")]
async fn record_consultation(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: ValidJson<DeskConsultationRequest>,
) -> AppResult<HttpResponse> {
    let recorded = super::record::record(&state, &auth, *id, body.0).await?;
    Ok(HttpResponse::Created().json(recorded))
}

/// A day's figures per service and desk (the unit's staff): taken, served, no-shows, median and
/// p90 of the standard wait, breaches of the unit's maximum.
#[utoipa::path(
    tag = "walkin",
    security(("bearer" = [])),
    params(("code" = String, Path, description = "BPS region code", example = "3375"), StatsQuery),
    responses(
        (status = 200, description = "The day's figures.", body = WalkinStats),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    )
)]
#[get("/units/{code}/walkin/stats")]
async fn get_stats(
    auth: AuthUser,
    state: web::Data<AppState>,
    code: Code,
    query: web::Query<StatsQuery>,
) -> AppResult<web::Json<WalkinStats>> {
    Ok(web::Json(
        stats::day(&state, &auth, &code, query.into_inner()).await?,
    ))
}

/// Close the day (the unit's supervisor, or an admin): tickets still waiting, or called and
/// never come, become `not_served`. The server also does it when the office closes.
#[utoipa::path(
    tag = "walkin",
    security(("bearer" = [])),
    params(("code" = String, Path, description = "BPS region code", example = "3375")),
    responses(
        (status = 200, description = "Closed.", body = DayClosed),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    )
)]
#[post("/units/{code}/walkin/close-day")]
async fn close_day(
    auth: AuthUser,
    state: web::Data<AppState>,
    code: Code,
) -> AppResult<web::Json<DayClosed>> {
    Ok(web::Json(day::close(&state, &auth, &code).await?))
}

/// Create a kiosk token for the unit (its supervisor, or an admin); the token is shown once.
#[utoipa::path(
    tag = "walkin",
    security(("bearer" = [])),
    params(("code" = String, Path, description = "BPS region code", example = "3375")),
    request_body = KioskTokenRequest,
    responses(
        (status = 201, description = "Created.", body = NewKioskToken),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/units/{code}/walkin/kiosk-tokens")]
async fn create_kiosk_token(
    auth: AuthUser,
    state: web::Data<AppState>,
    code: Code,
    body: ValidJson<KioskTokenRequest>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Created().json(kiosk::create(&state, &auth, &code, body.0).await?))
}

/// The unit's kiosk tokens, without the tokens themselves (its supervisor, or an admin).
#[utoipa::path(
    tag = "walkin",
    security(("bearer" = [])),
    params(("code" = String, Path, description = "BPS region code", example = "3375")),
    responses(
        (status = 200, description = "Newest first.", body = KioskTokenList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    )
)]
#[get("/units/{code}/walkin/kiosk-tokens")]
async fn list_kiosk_tokens(
    auth: AuthUser,
    state: web::Data<AppState>,
    code: Code,
) -> AppResult<web::Json<KioskTokenList>> {
    Ok(web::Json(kiosk::list(&state, &auth, &code).await?))
}

/// Revoke a kiosk token (its supervisor, or an admin): the kiosk can take no more tickets.
#[utoipa::path(
    tag = "walkin",
    security(("bearer" = [])),
    params(
        ("code" = String, Path, description = "BPS region code", example = "3375"),
        ("id" = Uuid, Path, description = "The kiosk token"),
    ),
    responses(
        (status = 204, description = "Revoked (or already revoked)."),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    )
)]
#[delete("/units/{code}/walkin/kiosk-tokens/{id}")]
async fn revoke_kiosk_token(
    auth: AuthUser,
    state: web::Data<AppState>,
    path: web::Path<(String, Uuid)>,
) -> AppResult<HttpResponse> {
    let (code, id) = path.into_inner();
    kiosk::revoke(&state, &auth, &code, id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Record a visitor in the guest book (front office and officers). The ID number is kept only
/// as its last four characters and a keyed hash; an email of a verified account links the visit
/// to that person's history.
#[utoipa::path(
    tag = "walkin",
    security(("bearer" = [])),
    params(("code" = String, Path, description = "BPS region code", example = "3375")),
    request_body = GuestbookRequest,
    responses(
        (status = 201, description = "Recorded.", body = GuestbookEntryView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/units/{code}/guestbook")]
async fn record_guest(
    auth: AuthUser,
    state: web::Data<AppState>,
    code: Code,
    body: ValidJson<GuestbookRequest>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Created().json(guestbook::record(&state, &auth, &code, body.0).await?))
}

/// Find visitors (front office and officers): by email or ID number (returning visitors), or
/// the entries of a day (default today).
#[utoipa::path(
    tag = "walkin",
    security(("bearer" = [])),
    params(("code" = String, Path, description = "BPS region code", example = "3375"), GuestbookQuery),
    responses(
        (status = 200, description = "One page, newest first.", body = Page<GuestbookEntryView>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[get("/units/{code}/guestbook")]
async fn find_guests(
    auth: AuthUser,
    state: web::Data<AppState>,
    code: Code,
    query: web::Query<GuestbookQuery>,
) -> AppResult<web::Json<Page<GuestbookEntryView>>> {
    Ok(web::Json(
        guestbook::find(&state, &auth, &code, query.into_inner()).await?,
    ))
}
