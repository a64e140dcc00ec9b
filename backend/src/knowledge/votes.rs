//! Readers' votes on an article (helpful or not), limited per reader and address.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
    sea_query::{Expr, ExprTrait},
};
use uuid::Uuid;

use super::model::*;
use crate::{
    caller::AuthUser,
    entities::{
        knowledge_article::{self, Column as A},
        knowledge_vote,
    },
    error::{AppError, AppResult, ErrorCode},
    guard::counters::{self, Limit, Window, per},
    state::AppState,
};

/// Votes of one reader (an account, or an address when anonymous) on one article: three an hour.
const PER_READER: &[Window] = &[per(3600, 3)];
/// Votes from one client address (people may share one): sixty an hour.
const PER_ADDRESS: &[Window] = &[per(3600, 60)];

use super::articles::*;

pub async fn vote(
    state: &AppState,
    auth: Option<&AuthUser>,
    address: &str,
    key: &str,
    req: VoteRequest,
) -> AppResult<()> {
    let article = find(&state.db, key).await?;
    if article.status != ArticleStatus::Published.as_str() {
        return Err(AppError::not_found());
    }
    check_unit(&state.db, req.unit_code.as_deref()).await?;
    let reader = match auth {
        Some(a) => format!("{}:user:{}", article.id, a.id),
        None => format!("{}:address:{address}", article.id),
    };
    // Checked and counted in one step, in the database: votes sent at once, to any instance,
    // cannot all pass.
    counters::hit(
        state,
        &[
            Limit::new("vote:reader", &reader, PER_READER),
            Limit::new("vote:address", address, PER_ADDRESS),
        ],
    )
    .await?
    .map_err(|wait| {
        let mut e = AppError::new(ErrorCode::TooManyAttempts)
            .with_detail("Your answer about this article is already counted.");
        e.retry_after_seconds = Some(wait);
        e
    })?;
    let txn = state.db.begin().await?;
    knowledge_vote::ActiveModel {
        id: Set(Uuid::now_v7()),
        article_id: Set(article.id),
        helpful: Set(req.helpful),
        context: Set(match req.context {
            VoteContext::Article => "article",
            VoteContext::ConsultationForm => "consultation_form",
        }
        .into()),
        unit_code: Set(req.unit_code),
        user_id: Set(auth.map(|a| a.id)),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    let counter = if req.helpful {
        A::HelpfulCount
    } else {
        A::NotHelpfulCount
    };
    knowledge_article::Entity::update_many()
        .col_expr(counter, Expr::col(counter).add(1))
        .filter(A::Id.eq(article.id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}
