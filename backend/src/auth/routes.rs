//! HTTP routes of accounts and sessions.
use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};

use super::{
    model::{
        ChangePasswordRequest, EmailRequest, LoginRequest, MeView, RefreshRequest, RegisterRequest,
        RegistrationAccepted, ResetConfirmRequest, TokenPair, TokenRequest, UpdateMeRequest,
    },
    service,
};
use crate::{
    api::{BadRequest, TooMany, Unauthenticated, Unprocessable, ValidJson},
    caller::AuthUser,
    error::AppResult,
    state::AppState,
};

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(register)
        .service(verify_email)
        .service(resend_verification)
        .service(login)
        .service(refresh)
        .service(logout)
        .service(password_reset_request)
        .service(password_reset_confirm)
        .service(get_me)
        .service(update_me)
        .service(change_password);
}

/// Register an account for a member of the public.
///
/// A verification email with a link `{PUBLIC_URL}/verify-email?token=…` is sent; logging in is
/// possible once the address is verified. The answer is the same for an address that already
/// has an account (whose owner is told by email instead), so it reveals nobody's account.
/// Limited per client address (60 an hour: a class may register from one network) and per email (3 an hour).
#[utoipa::path(
    tag = "auth",
    request_body = RegisterRequest,
    responses(
        (status = 202, description = "Accepted: a verification email is on its way to the address.", body = RegistrationAccepted),
        (status = 400, response = BadRequest),
        (status = 422, response = Unprocessable),
        (status = 429, response = TooMany),
    )
)]
#[post("/auth/register")]
async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: ValidJson<RegisterRequest>,
) -> AppResult<HttpResponse> {
    let email = service::register(&state, body.0, &crate::api::client_address(&req)).await?;
    Ok(HttpResponse::Accepted().json(RegistrationAccepted { email }))
}

/// Verify an email address with the token from the verification link.
#[utoipa::path(
    tag = "auth",
    request_body = TokenRequest,
    responses(
        (status = 200, description = "Verified.", body = MeView),
        (status = 400, response = BadRequest),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/auth/verify-email")]
async fn verify_email(
    state: web::Data<AppState>,
    body: ValidJson<TokenRequest>,
) -> AppResult<web::Json<MeView>> {
    Ok(web::Json(
        service::verify_email(&state, &body.0.token).await?,
    ))
}

/// Send a new verification link. Answers 202 whether or not the address is registered; limited
/// per client address (60 an hour: a class may register from one network) and per email (3 an hour).
#[utoipa::path(
    tag = "auth",
    request_body = EmailRequest,
    responses(
        (status = 202, description = "If the address belongs to an unverified account, a new link was sent."),
        (status = 400, response = BadRequest),
        (status = 422, response = Unprocessable),
        (status = 429, response = TooMany),
    )
)]
#[post("/auth/resend-verification")]
async fn resend_verification(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: ValidJson<EmailRequest>,
) -> AppResult<HttpResponse> {
    service::resend_verification(&state, &body.0.email, &crate::api::client_address(&req)).await?;
    Ok(HttpResponse::Accepted().finish())
}

/// Log in with email and password.
///
/// Failed attempts are limited per account *and* client address (5 at once, then growing waits:
/// 10 in 15 minutes, 20 in an hour, 40 in a day), so nobody can lock another person out, and
/// per client address over all accounts (30 in 15 minutes); past a limit the answer is 429 with
/// `Retry-After`. Behind a reverse proxy the client address is read from `X-Forwarded-For` when
/// the proxy is listed in `TRUSTED_PROXIES`.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in.", body = TokenPair),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, description = "`email_not_verified`: the address has not been verified yet.", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = Unprocessable),
        (status = 429, response = TooMany),
    )
)]
#[post("/auth/login")]
async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: ValidJson<LoginRequest>,
) -> AppResult<web::Json<TokenPair>> {
    let body = body.0;
    Ok(web::Json(
        service::login(
            &state,
            &body.email,
            &body.password,
            &crate::api::client_address(&req),
        )
        .await?,
    ))
}

/// Exchange a refresh token for a new token pair. Each refresh token works once; presenting a
/// spent one ends the whole session.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "A new token pair.", body = TokenPair),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/auth/refresh")]
async fn refresh(
    state: web::Data<AppState>,
    body: ValidJson<RefreshRequest>,
) -> AppResult<web::Json<TokenPair>> {
    Ok(web::Json(
        service::refresh(&state, &body.0.refresh_token).await?,
    ))
}

/// End the session the refresh token belongs to: its access tokens stop working at once and its
/// WebSockets close.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 204, description = "Logged out."),
        (status = 400, response = BadRequest),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/auth/logout")]
async fn logout(
    state: web::Data<AppState>,
    body: ValidJson<RefreshRequest>,
) -> AppResult<HttpResponse> {
    service::logout(&state, &body.0.refresh_token).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Ask for a password-reset link by email. Answers 202 whether or not the address is
/// registered; limited per client address (60 an hour: a class may register from one network) and per email (3 an hour).
#[utoipa::path(
    tag = "auth",
    request_body = EmailRequest,
    responses(
        (status = 202, description = "If the address is registered, a link was sent."),
        (status = 400, response = BadRequest),
        (status = 422, response = Unprocessable),
        (status = 429, response = TooMany),
    )
)]
#[post("/auth/password-reset/request")]
async fn password_reset_request(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: ValidJson<EmailRequest>,
) -> AppResult<HttpResponse> {
    service::request_password_reset(&state, &body.0.email, &crate::api::client_address(&req))
        .await?;
    Ok(HttpResponse::Accepted().finish())
}

/// Set a new password with the token from the reset link. The link works once, for one hour;
/// every session of the account ends.
#[utoipa::path(
    tag = "auth",
    request_body = ResetConfirmRequest,
    responses(
        (status = 204, description = "Password changed."),
        (status = 400, response = BadRequest),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/auth/password-reset/confirm")]
async fn password_reset_confirm(
    state: web::Data<AppState>,
    body: ValidJson<ResetConfirmRequest>,
) -> AppResult<HttpResponse> {
    service::confirm_password_reset(&state, body.0).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The caller's own account.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account.", body = MeView),
        (status = 401, response = Unauthenticated),
    )
)]
#[get("/me")]
async fn get_me(auth: AuthUser, state: web::Data<AppState>) -> AppResult<web::Json<MeView>> {
    Ok(web::Json(service::me(&state, auth.id).await?))
}

/// Change the caller's profile. Absent fields stay; `null` clears an optional field.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    request_body = UpdateMeRequest,
    responses(
        (status = 200, description = "The updated account.", body = MeView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 422, response = Unprocessable),
    )
)]
#[patch("/me")]
async fn update_me(
    auth: AuthUser,
    state: web::Data<AppState>,
    body: ValidJson<UpdateMeRequest>,
) -> AppResult<web::Json<MeView>> {
    Ok(web::Json(
        service::update_me(&state, auth.id, body.0).await?,
    ))
}

/// Change the caller's password; the caller's other sessions end at once (their access tokens
/// and WebSockets too).
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    request_body = ChangePasswordRequest,
    responses(
        (status = 204, description = "Password changed."),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/me/password")]
async fn change_password(
    auth: AuthUser,
    state: web::Data<AppState>,
    body: ValidJson<ChangePasswordRequest>,
) -> AppResult<HttpResponse> {
    service::change_password(&state, auth.id, auth.session_id, body.0).await?;
    Ok(HttpResponse::NoContent().finish())
}
