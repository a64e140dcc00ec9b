//! Follow-ups (a meeting in person or by video, emailed with a calendar invitation) and
//! referrals to other PST services.

use sea_orm::{ActiveModelTrait, EntityTrait, Set, TransactionTrait};
use uuid::Uuid;

use super::model::*;
use crate::{
    access::{self},
    caller::AuthUser,
    entities::{follow_up, referral, unit, user},
    error::{AppError, AppResult, ErrorCode},
    notify::{self, templates},
    state::AppState,
    vocab::{self},
};

use super::{lifecycle::*, notices::*};

pub async fn add_follow_up(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    req: FollowUpRequest,
) -> AppResult<FollowUpView> {
    let (c, access) = access::load(&state.db, auth, id).await?;
    require(acts_for(&c, auth, access))?;
    if req.scheduled_at <= state.clock.now() {
        return Err(AppError::field("scheduled_at", "must be in the future"));
    }
    if c.status == Status::Closed.as_str()
        && c.resolution.as_deref() != Some(Resolution::Answered.as_str())
        && c.resolution.as_deref() != Some(Resolution::Referred.as_str())
    {
        return Err(AppError::conflict(
            ErrorCode::InvalidState,
            "A withdrawn, cancelled or inactive consultation takes no follow-up.",
        ));
    }
    let unit = unit::Entity::find_by_id(c.unit_code.clone())
        .one(&state.db)
        .await?
        .ok_or_else(AppError::not_found)?;
    let owner = user::Entity::find_by_id(c.user_id)
        .one(&state.db)
        .await?
        .ok_or_else(AppError::not_found)?;
    let now = state.clock.now();
    let txn = state.db.begin().await?;
    let saved = follow_up::ActiveModel {
        id: Set(Uuid::now_v7()),
        consultation_id: Set(c.id),
        kind: Set(req.kind.as_str().into()),
        scheduled_at: Set(req.scheduled_at),
        location_or_link: Set(req.location_or_link),
        note: Set(req.note),
        created_by: Set(auth.id),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    notify::enqueue(
        &txn,
        templates::follow_up(&owner, &unit, &c, &saved, vocab::zone(&unit.time_zone)?),
    )
    .await?;
    notify::commit(state, txn).await?;
    announced(state, auth.into(), c, false).await?;
    Ok(FollowUpView {
        id: saved.id,
        kind: req.kind,
        scheduled_at: saved.scheduled_at,
        location_or_link: saved.location_or_link,
        note: saved.note,
        created_at: saved.created_at,
    })
}

pub async fn add_referral(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    req: ReferralRequest,
) -> AppResult<ReferralView> {
    let (c, access) = access::load(&state.db, auth, id).await?;
    require(acts_for(&c, auth, access))?;
    let saved = referral::ActiveModel {
        id: Set(Uuid::now_v7()),
        consultation_id: Set(c.id),
        service: Set(req.service.as_str().into()),
        note: Set(req.note),
        created_by: Set(auth.id),
        created_at: Set(state.clock.now()),
    }
    .insert(&state.db)
    .await?;
    announced(state, auth.into(), c, false).await?;
    Ok(ReferralView {
        id: saved.id,
        service: req.service,
        note: saved.note,
        created_at: saved.created_at,
    })
}
