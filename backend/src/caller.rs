//! The authenticated caller. Put `AuthUser` first among a handler's arguments: actix polls
//! extractors in order, so a missing token answers 401 before a bad body answers 4xx.
use actix_web::{FromRequest, HttpRequest, dev::Payload, http::header, web};
use futures_util::future::LocalBoxFuture;
use uuid::Uuid;

use crate::vocab::Role;
use crate::{
    error::{AppError, ErrorCode},
    state::AppState,
};

#[derive(Debug, Clone)]
pub struct AuthUser {
    pub id: Uuid,
    pub role: Role,
    pub unit_code: Option<String>,
    pub session_id: Uuid,
}

impl AuthUser {
    pub fn require(&self, roles: &[Role]) -> Result<(), AppError> {
        if roles.contains(&self.role) {
            Ok(())
        } else {
            Err(AppError::forbidden())
        }
    }

    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }

    /// The unit a manager's list is limited to: an admin's choice (`None`: every unit), a
    /// supervisor's own unit (asking for another is refused); nobody else manages units.
    pub fn managed_units(&self, asked: Option<String>) -> Result<Option<String>, AppError> {
        match self.role {
            Role::Admin => Ok(asked),
            Role::Supervisor => {
                let own = self.unit_code.clone().ok_or_else(AppError::forbidden)?;
                if asked.as_ref().is_some_and(|u| *u != own) {
                    return Err(AppError::forbidden());
                }
                Ok(Some(own))
            }
            _ => Err(AppError::forbidden()),
        }
    }

    /// Admins manage every unit; a supervisor manages their own.
    pub fn manages_unit(&self, unit_code: &str) -> bool {
        self.is_admin()
            || (self.role == Role::Supervisor && self.unit_code.as_deref() == Some(unit_code))
    }
}

/// The token of an `Authorization: Bearer …` header.
pub fn bearer(req: &HttpRequest) -> Option<&str> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

impl AuthUser {
    /// The caller named by a valid access token whose session has not ended (logout, password
    /// change or reset end it at once, not when the token expires).
    pub async fn from_token(state: &AppState, token: &str) -> Result<Self, AppError> {
        let claims = state
            .keys
            .verify(token)
            .ok_or_else(|| AppError::new(ErrorCode::InvalidAccessToken))?;
        if crate::guard::sessions::is_revoked(state, claims.sid).await? {
            return Err(
                AppError::new(ErrorCode::InvalidAccessToken).with_detail("the session has ended")
            );
        }
        Ok(AuthUser {
            id: claims.sub,
            role: claims.role,
            unit_code: claims.unit,
            session_id: claims.sid,
        })
    }
}

impl FromRequest for AuthUser {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer(req).map(str::to_owned);
        Box::pin(async move {
            let state = state.ok_or_else(|| AppError::internal("application state missing"))?;
            match token {
                None => Err(AppError::new(ErrorCode::AuthenticationRequired)),
                Some(token) => AuthUser::from_token(&state, &token).await,
            }
        })
    }
}

/// The caller on routes open to everyone: `None` without an `Authorization` header; a header
/// with a bad token is still refused (401), so a broken client notices.
#[derive(Debug, Clone)]
pub struct MaybeAuth(pub Option<AuthUser>);

impl FromRequest for MaybeAuth {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        if req.headers().get(header::AUTHORIZATION).is_none() {
            return Box::pin(async { Ok(MaybeAuth(None)) });
        }
        let user = AuthUser::from_request(req, payload);
        Box::pin(async move { user.await.map(|u| MaybeAuth(Some(u))) })
    }
}
