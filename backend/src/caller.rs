//! The authenticated caller. Put `AuthUser` first among a handler's arguments: actix polls
//! extractors in order, so a missing token answers 401 before a bad body answers 4xx.
use std::future::{Ready, ready};

use actix_web::{FromRequest, HttpRequest, dev::Payload, http::header, web};
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

    /// Admins manage every unit; a supervisor manages their own.
    pub fn manages_unit(&self, unit_code: &str) -> bool {
        self.is_admin()
            || (self.role == Role::Supervisor && self.unit_code.as_deref() == Some(unit_code))
    }
}

fn bearer(req: &HttpRequest) -> Option<&str> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

impl FromRequest for AuthUser {
    type Error = AppError;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let Some(state) = req.app_data::<web::Data<AppState>>() else {
            return ready(Err(AppError::internal("application state missing")));
        };
        let result = match bearer(req) {
            None => Err(AppError::new(ErrorCode::AuthenticationRequired)),
            Some(token) => state
                .keys
                .verify(token)
                .map(|c| AuthUser {
                    id: c.sub,
                    role: c.role,
                    unit_code: c.unit,
                    session_id: c.sid,
                })
                .ok_or_else(|| AppError::new(ErrorCode::InvalidAccessToken)),
        };
        ready(result)
    }
}

/// The caller on routes open to everyone: `None` without an `Authorization` header; a header
/// with a bad token is still refused (401), so a broken client notices.
#[derive(Debug, Clone)]
pub struct MaybeAuth(pub Option<AuthUser>);

impl FromRequest for MaybeAuth {
    type Error = AppError;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        if req.headers().get(header::AUTHORIZATION).is_none() {
            return ready(Ok(MaybeAuth(None)));
        }
        match AuthUser::from_request(req, payload).into_inner() {
            Ok(user) => ready(Ok(MaybeAuth(Some(user)))),
            Err(e) => ready(Err(e)),
        }
    }
}
