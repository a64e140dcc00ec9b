use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set,
    TransactionTrait, sea_query::Expr,
};
use uuid::Uuid;

use super::{RatingRequest, RatingView, needs_follow_up};
use crate::skm::{FollowUpState, RatedSubject, view};
use crate::{
    access::{self, Access},
    caller::AuthUser,
    entities::{rating, walkin_ticket},
    error::{AppError, AppResult, ErrorCode},
    security::tokens::hash_token,
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
    // A desk consultation is rated with its visit: one rating, whichever way it comes.
    let (kind, subject) = crate::consultations::views::rated_as(&c);
    save(
        &state.db,
        kind,
        subject,
        &c.unit_code,
        Some(auth.id),
        req,
        state.clock.now(),
    )
    .await
}

/// Writes a rating of a subject, once: a second one answers `already_rated`.
async fn save<C: ConnectionTrait>(
    conn: &C,
    kind: RatedSubject,
    subject: Uuid,
    unit: &str,
    user: Option<Uuid>,
    req: RatingRequest,
    now: DateTime<Utc>,
) -> AppResult<RatingView> {
    let already = match kind {
        RatedSubject::Consultation => "This consultation has already been rated.",
        RatedSubject::Visit => "This visit has already been rated.",
    };
    let comment = req
        .comment
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty());
    let s = req.scores;
    let below = crate::units::service::find(conn, unit)
        .await?
        .follow_up_below_score;
    let flagged = needs_follow_up(&s, comment.as_deref(), below);
    let saved = rating::ActiveModel {
        id: Set(Uuid::now_v7()),
        subject_kind: Set(kind.as_str().to_owned()),
        subject_id: Set(subject),
        unit_code: Set(unit.to_owned()),
        user_id: Set(user),
        u1: Set(s.u1),
        u2: Set(s.u2),
        u3: Set(s.u3),
        u4: Set(s.u4),
        u5: Set(s.u5),
        u6: Set(s.u6),
        u7: Set(s.u7),
        u8: Set(s.u8),
        u9: Set(s.u9),
        needs_follow_up: Set(flagged),
        comment: Set(comment),
        created_at: Set(now),
        follow_up_state: Set(if flagged {
            FollowUpState::Open
        } else {
            FollowUpState::None
        }
        .as_str()
        .to_owned()),
        contacted_at: Set(None),
        resolved_at: Set(None),
        resolved_by: Set(None),
        resolution_note: Set(None),
        reply_token_hash: Set(None),
        reply_token_expires_at: Set(None),
    }
    .insert(conn)
    .await
    .map_err(|e| {
        if matches!(
            e.sql_err(),
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
        ) {
            AppError::conflict(ErrorCode::AlreadyRated, already)
        } else {
            AppError::from(e)
        }
    })?;
    view(saved)
}

/// How a walk-in visitor proves the visit is theirs: the one-time token of the emailed rating
/// link, or the tracking key of their ticket (a tablet at the desk shows the form through it).
pub enum VisitCredential {
    Token(String),
    Key(String),
}

/// A walk-in visitor rates a finished visit, once, with the same nine-element survey. The
/// emailed link's token is spent by it.
pub async fn rate_visit(
    state: &AppState,
    id: Uuid,
    credential: VisitCredential,
    req: RatingRequest,
) -> AppResult<RatingView> {
    let now = state.clock.now();
    let ticket = walkin_ticket::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or_else(AppError::not_found)?;
    let opens = match &credential {
        VisitCredential::Key(key) => ticket.key_hash == hash_token(key),
        VisitCredential::Token(token) => {
            ticket.rating_token_hash.as_deref() == Some(hash_token(token).as_str())
                && ticket.rating_token_expires_at.is_some_and(|end| now < end)
        }
    };
    if !opens {
        return Err(match credential {
            VisitCredential::Key(_) => AppError::not_found(),
            VisitCredential::Token(_) => AppError::new(ErrorCode::InvalidToken),
        });
    }
    if ticket.status != "finished" {
        return Err(AppError::conflict(
            ErrorCode::TicketState,
            "The visit is rated once it is finished.",
        ));
    }
    let txn = state.db.begin().await?;
    let saved = save(
        &txn,
        RatedSubject::Visit,
        ticket.id,
        &ticket.unit_code,
        ticket.visitor_id,
        req,
        now,
    )
    .await?;
    walkin_ticket::Entity::update_many()
        .col_expr(
            walkin_ticket::Column::RatingTokenHash,
            Expr::value(Option::<String>::None),
        )
        .filter(walkin_ticket::Column::Id.eq(ticket.id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(saved)
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
    fn scores_at_or_below_the_units_threshold_or_a_comment_need_follow_up() {
        assert!(!needs_follow_up(&scores(3), None, 2));
        assert!(!needs_follow_up(&scores(4), Some("  "), 2));
        assert!(needs_follow_up(
            &scores(4),
            Some("Mohon data per desa juga"),
            2
        ));
        let mut one_low = scores(4);
        one_low.u7 = 2;
        assert!(needs_follow_up(&one_low, None, 2));
        assert!(
            !needs_follow_up(&one_low, None, 1),
            "a unit that asks only for 1s"
        );
        assert!(needs_follow_up(&scores(3), None, 3));
    }
}
