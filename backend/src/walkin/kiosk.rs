//! Kiosk tokens: revocable bearer tokens with which a unit's self-service kiosk takes queue
//! tickets. The supervisor (or an admin) creates them; the token is shown once and stored hashed.
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use super::{model::*, tickets::KIOSK_TOKEN_PREFIX};
use crate::{
    caller::AuthUser,
    entities::kiosk_token,
    error::{AppError, AppResult},
    security::tokens::{hash_token, random_token},
    state::AppState,
    units,
};

fn view(k: kiosk_token::Model) -> KioskTokenView {
    KioskTokenView {
        id: k.id,
        unit_code: k.unit_code,
        name: k.name,
        created_at: k.created_at,
        last_used_at: k.last_used_at,
        revoked_at: k.revoked_at,
    }
}

async fn managed(state: &AppState, auth: &AuthUser, unit: &str) -> AppResult<()> {
    units::service::find(&state.db, unit).await?;
    if auth.manages_unit(unit) {
        Ok(())
    } else {
        Err(AppError::forbidden())
    }
}

pub async fn create(
    state: &AppState,
    auth: &AuthUser,
    unit: &str,
    req: KioskTokenRequest,
) -> AppResult<NewKioskToken> {
    managed(state, auth, unit).await?;
    let token = format!("{KIOSK_TOKEN_PREFIX}{}", random_token());
    let row = kiosk_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        unit_code: Set(unit.to_owned()),
        name: Set(req.name.trim().to_owned()),
        token_hash: Set(hash_token(&token)),
        created_by: Set(auth.id),
        created_at: Set(Utc::now()),
        last_used_at: Set(None),
        revoked_at: Set(None),
    }
    .insert(&state.db)
    .await?;
    Ok(NewKioskToken {
        kiosk: view(row),
        token,
    })
}

pub async fn list(state: &AppState, auth: &AuthUser, unit: &str) -> AppResult<KioskTokenList> {
    managed(state, auth, unit).await?;
    Ok(KioskTokenList {
        items: kiosk_token::Entity::find()
            .filter(kiosk_token::Column::UnitCode.eq(unit))
            .order_by_desc(kiosk_token::Column::CreatedAt)
            .all(&state.db)
            .await?
            .into_iter()
            .map(view)
            .collect(),
    })
}

pub async fn revoke(state: &AppState, auth: &AuthUser, unit: &str, id: Uuid) -> AppResult<()> {
    managed(state, auth, unit).await?;
    let result = kiosk_token::Entity::update_many()
        .col_expr(
            kiosk_token::Column::RevokedAt,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .filter(kiosk_token::Column::Id.eq(id))
        .filter(kiosk_token::Column::UnitCode.eq(unit))
        .filter(kiosk_token::Column::RevokedAt.is_null())
        .exec(&state.db)
        .await?;
    if result.rows_affected == 0 {
        let exists = kiosk_token::Entity::find_by_id(id)
            .one(&state.db)
            .await?
            .is_some_and(|k| k.unit_code == unit);
        if !exists {
            return Err(AppError::not_found());
        }
    }
    Ok(())
}
