use chrono::Utc;
use sea_orm::{ActiveModelTrait, Set};
use uuid::Uuid;

use super::{RatingRequest, RatingView, needs_follow_up};
use crate::skm::view;
use crate::{
    access::{self, Access},
    caller::AuthUser,
    entities::rating,
    error::{AppError, AppResult, ErrorCode},
    state::AppState,
    vocab::Status,
};

/// The owner rates a closed consultation, once.
pub async fn rate_consultation(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    req: RatingRequest,
) -> AppResult<RatingView> {
    let (c, access) = access::load(&state.db, auth, id).await?;
    if access != Access::Owner {
        return Err(
            AppError::forbidden().with_detail("Only the person who asked rates the service.")
        );
    }
    if c.status != Status::Closed.as_str() {
        return Err(AppError::conflict(
            ErrorCode::InvalidState,
            "The service is rated once the consultation is closed.",
        ));
    }
    let comment = req
        .comment
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty());
    let s = req.scores;
    let saved = rating::ActiveModel {
        id: Set(Uuid::now_v7()),
        subject_kind: Set("consultation".into()),
        subject_id: Set(c.id),
        unit_code: Set(c.unit_code.clone()),
        user_id: Set(Some(auth.id)),
        u1: Set(s.u1),
        u2: Set(s.u2),
        u3: Set(s.u3),
        u4: Set(s.u4),
        u5: Set(s.u5),
        u6: Set(s.u6),
        u7: Set(s.u7),
        u8: Set(s.u8),
        u9: Set(s.u9),
        needs_follow_up: Set(needs_follow_up(&s, comment.as_deref())),
        comment: Set(comment),
        created_at: Set(Utc::now()),
    }
    .insert(&state.db)
    .await
    .map_err(|e| {
        if matches!(
            e.sql_err(),
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
        ) {
            AppError::conflict(
                ErrorCode::AlreadyRated,
                "This consultation has already been rated.",
            )
        } else {
            AppError::from(e)
        }
    })?;
    Ok(view(saved))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skm::Scores;

    fn scores(v: i16) -> Scores {
        Scores {
            u1: v,
            u2: v,
            u3: v,
            u4: v,
            u5: v,
            u6: v,
            u7: v,
            u8: v,
            u9: v,
        }
    }

    #[test]
    fn low_scores_or_a_comment_need_follow_up() {
        assert!(!needs_follow_up(&scores(3), None));
        assert!(!needs_follow_up(&scores(4), Some("  ")));
        assert!(needs_follow_up(
            &scores(4),
            Some("Mohon data per desa juga")
        ));
        let mut one_low = scores(4);
        one_low.u7 = 2;
        assert!(needs_follow_up(&one_low, None));
    }
}
