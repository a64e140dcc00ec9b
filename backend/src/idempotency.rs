//! `Idempotency-Key` on the creating `POST`s (consultations, messages, walk-in tickets,
//! complaints): a retry with the same key and body gets the first answer again instead of a
//! second record, even when the first answer was lost (the server was killed after the write).
//!
//! The key is written in the same transaction as the record it created (see [`write_in`]), so
//! a record never exists without its key, nor a key without its record; the answer is added to
//! the key once it is known. Concurrent requests with one key: one creates, the other gets 409.
use std::sync::{
    Arc,
    atomic::{AtomicBool, Ordering},
};

use actix_web::{
    Error, FromRequest, HttpResponse,
    body::BoxBody,
    dev::{ServiceRequest, ServiceResponse},
    http::{Method, StatusCode},
    middleware::Next,
    web,
};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::Expr,
};
use sha2::{Digest, Sha256};

use crate::{
    entities::idempotency_key::{self, Column as K},
    error::{AppError, AppResult, ErrorCode},
    state::AppState,
};

/// The operations that honour the header.
pub const ROUTES: &[&str] = &[
    "/api/v1/consultations",
    "/api/v1/consultations/{id}/messages",
    "/api/v1/units/{code}/walkin/tickets",
    "/api/v1/complaints",
];

pub const HEADER: &str = "idempotency-key";
pub const MAX_KEY_LEN: usize = 200;

#[derive(Clone)]
struct Claim {
    scope: String,
    key: String,
    route: String,
    request_hash: String,
    written: Arc<AtomicBool>,
}

tokio::task_local! {
    static CLAIM: Claim;
}

/// Writes the request's key, if it has one, in the transaction that creates its record: called
/// just before that transaction commits. A second request with the key (committing at the same
/// moment) fails here and its transaction rolls back.
pub async fn write_in<C: ConnectionTrait>(
    conn: &C,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<()> {
    let Ok(claim) = CLAIM.try_with(Claim::clone) else {
        return Ok(());
    };
    if claim.written.swap(true, Ordering::SeqCst) {
        return Ok(());
    }
    let row = idempotency_key::ActiveModel {
        scope: Set(claim.scope),
        key: Set(claim.key),
        route: Set(claim.route),
        request_hash: Set(claim.request_hash),
        status: Set(0),
        body: Set(String::new()),
        created_at: Set(now),
    };
    idempotency_key::Entity::insert(row)
        .exec_without_returning(conn)
        .await
        .map_err(|e| {
            if matches!(
                e.sql_err(),
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
            ) {
                AppError::new(ErrorCode::IdempotencyKeyInUse)
            } else {
                AppError::from(e)
            }
        })?;
    Ok(())
}

/// Whose keys these are: the account, a kiosk, or an anonymous client by its address.
fn scope(req: &ServiceRequest, state: &AppState) -> String {
    match crate::caller::bearer(req.request()) {
        Some(token) => match state.keys.verify(token) {
            Some(claims) => claims.sub.to_string(),
            None => format!("t:{}", &crate::security::tokens::hash_token(token)[..36]),
        },
        None => format!("a:{}", crate::api::client_address(req.request()))
            .chars()
            .take(40)
            .collect(),
    }
}

fn replay(row: &idempotency_key::Model) -> HttpResponse {
    let status = u16::try_from(row.status)
        .ok()
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::OK);
    HttpResponse::build(status)
        .content_type("application/json")
        .insert_header(("idempotent-replayed", "true"))
        .body(row.body.clone())
}

pub async fn honour(
    req: ServiceRequest,
    next: Next<BoxBody>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let route = req.match_pattern().unwrap_or_default();
    let key = req
        .headers()
        .get(HEADER)
        .map(|v| v.to_str().map(str::trim).map(str::to_owned));
    let (Some(key), true) = (
        key,
        req.method() == Method::POST && ROUTES.contains(&route.as_str()),
    ) else {
        return next.call(req).await;
    };
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return next.call(req).await;
    };
    let key = match key {
        Ok(k)
            if !k.is_empty()
                && k.len() <= MAX_KEY_LEN
                && k.bytes().all(|b| b.is_ascii_graphic()) =>
        {
            k
        }
        _ => {
            return Err(AppError::field(
                "Idempotency-Key",
                "must be 1 to 200 visible ASCII characters",
            )
            .into());
        }
    };
    let scope = scope(&req, &state);
    // The body is read here to recognise a retry, and handed on unchanged.
    let (http_req, mut payload) = req.into_parts();
    let body = web::Bytes::from_request(&http_req, &mut payload).await?;
    let request_hash = hex::encode(Sha256::digest(&body));
    let path = http_req.path().to_owned();
    let existing = idempotency_key::Entity::find()
        .filter(K::Scope.eq(&scope))
        .filter(K::Key.eq(&key))
        .one(&state.db)
        .await
        .map_err(AppError::from)?;
    if let Some(row) = existing {
        let res = if row.route != path || row.request_hash != request_hash {
            return Err(AppError::new(ErrorCode::IdempotencyKeyReused).into());
        } else if row.status == 0 {
            return Err(AppError::new(ErrorCode::IdempotencyKeyInUse)
                .with_detail("The first request with this key was carried out, but its answer was not kept; do not send it again.")
                .into());
        } else {
            replay(&row)
        };
        return Ok(ServiceResponse::new(http_req, res));
    }
    let (_, mut rebuilt) = actix_http::h1::Payload::create(true);
    rebuilt.unread_data(body);
    let req = ServiceRequest::from_parts(http_req, actix_http::Payload::from(rebuilt));
    let claim = Claim {
        scope: scope.clone(),
        key: key.clone(),
        route: path,
        request_hash,
        written: Arc::new(AtomicBool::new(false)),
    };
    let written = claim.written.clone();
    let res = CLAIM.scope(claim, next.call(req)).await?;
    if !written.load(Ordering::SeqCst) || !res.status().is_success() {
        return Ok(res);
    }
    // Keep the answer with the key, for retries.
    let status = res.status();
    let (http_req, response) = res.into_parts();
    let (head, body) = response.into_parts();
    let bytes = actix_web::body::to_bytes(body)
        .await
        .map_err(|_| AppError::internal("cannot read the answer"))?;
    let stored = idempotency_key::Entity::update_many()
        .col_expr(K::Status, Expr::value(i32::from(status.as_u16())))
        .col_expr(
            K::Body,
            Expr::value(String::from_utf8_lossy(&bytes).into_owned()),
        )
        .filter(K::Scope.eq(&scope))
        .filter(K::Key.eq(&key))
        .exec(&state.db)
        .await;
    if let Err(e) = stored {
        tracing::warn!(error = %e, "cannot keep the answer of an idempotent request");
    }
    Ok(ServiceResponse::new(
        http_req,
        head.set_body(bytes).map_into_boxed_body(),
    ))
}

/// Forgets keys after a day: a retry comes within minutes.
pub async fn purge(state: &AppState, at: chrono::DateTime<chrono::Utc>) -> AppResult<u64> {
    Ok(idempotency_key::Entity::delete_many()
        .filter(K::CreatedAt.lt(at - chrono::TimeDelta::days(1)))
        .exec(&state.db)
        .await?
        .rows_affected)
}

/// Documents the header, and the answers it can bring, on the operations that honour it.
pub struct Documented;

impl utoipa::Modify for Documented {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{
            Ref, RefOr,
            path::{ParameterBuilder, ParameterIn},
            schema::{ObjectBuilder, Type},
        };
        for route in ROUTES {
            let Some(operation) = openapi
                .paths
                .paths
                .get_mut(*route)
                .and_then(|item| item.post.as_mut())
            else {
                continue;
            };
            let parameter = ParameterBuilder::new()
                .name("Idempotency-Key")
                .parameter_in(ParameterIn::Header)
                .description(Some(
                    "A key of the client's choosing (e.g. a UUID) that makes a retry safe: a \
                     second request with the same key and body within a day gets the first \
                     answer again (with `Idempotent-Replayed: true`) and creates nothing; the same \
                     key with another body answers 422 `idempotency_key_reused`; while the first \
                     is being carried out, or when it was carried out but its answer was lost, \
                     409 `idempotency_key_in_use`.",
                ))
                .schema(Some(
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .min_length(Some(1))
                        .max_length(Some(MAX_KEY_LEN))
                        .pattern(Some("^[!-~]+$")),
                ))
                .build();
            operation
                .parameters
                .get_or_insert_with(Vec::new)
                .push(RefOr::T(parameter));
            for (status, response) in [("409", "Conflict"), ("422", "Unprocessable")] {
                operation
                    .responses
                    .responses
                    .entry(status.to_owned())
                    .or_insert_with(|| RefOr::Ref(Ref::from_response_name(response)));
            }
        }
    }
}
