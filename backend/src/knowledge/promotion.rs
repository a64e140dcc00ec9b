//! Promotion of answered consultations into draft articles with personal data stripped, and the
//! curation list of conversations marked "to index".
use std::collections::HashSet;

use sea_orm::{
    ColumnTrait, EntityTrait, Order, QueryFilter, QueryOrder, TransactionTrait, sea_query::Query,
};
use uuid::Uuid;

use super::{model::*, redact::redact};
use crate::{
    access,
    api::{Page, PageQuery},
    caller::AuthUser,
    consultations::{
        model::{Category, ConsultationView, Resolution, Status},
        service as consultations,
    },
    entities::{
        consultation,
        knowledge_article::{self, Column as A},
        message, user,
    },
    error::{AppError, AppResult, ErrorCode},
    state::AppState,
    vocab::Role,
};

use super::articles::*;

/// Turns an answered consultation (or its chosen final-answer messages) into a draft article
/// with personal data stripped.
pub async fn promote(
    state: &AppState,
    auth: &AuthUser,
    consultation_id: Uuid,
    req: PromoteRequest,
) -> AppResult<ArticleView> {
    let (c, access) = access::load(&state.db, auth, consultation_id).await?;
    if !access.is_unit_staff() {
        return Err(AppError::forbidden());
    }
    let answered = c.status == Status::Closed.as_str()
        && c.resolution.as_deref() == Some(Resolution::Answered.as_str());
    if !answered && !c.to_index {
        return Err(AppError::conflict(
            ErrorCode::InvalidState,
            "Only an answered consultation, or one marked to be indexed, can be promoted.",
        ));
    }
    // The conversation only: internal notes never reach an article.
    let messages = message::Entity::find()
        .filter(message::Column::ConsultationId.eq(c.id))
        .filter(message::Column::Visibility.eq(crate::vocab::Visibility::Public.as_str()))
        .order_by_asc(message::Column::Id)
        .all(&state.db)
        .await?;
    let chosen: Vec<&message::Model> = match &req.message_ids {
        Some(ids) => {
            let known: HashSet<Uuid> = messages.iter().map(|m| m.id).collect();
            if ids.iter().any(|id| !known.contains(id)) {
                return Err(AppError::field(
                    "message_ids",
                    "must be messages of this consultation",
                ));
            }
            messages.iter().filter(|m| ids.contains(&m.id)).collect()
        }
        None => messages
            .iter()
            .filter(|m| m.sender_role != Role::Public.as_str())
            .collect(),
    };
    let mut answer = chosen
        .iter()
        .map(|m| m.body.trim())
        .filter(|b| !b.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    if answer.is_empty() {
        answer = c.summary.clone().unwrap_or_default();
    }
    if answer.trim().chars().count() < 20 {
        return Err(AppError::conflict(
            ErrorCode::NothingToPromote,
            "The consultation has no answer to promote yet.",
        ));
    }
    let people: HashSet<Uuid> = messages
        .iter()
        .map(|m| m.sender_id)
        .chain([c.user_id])
        .chain(c.assignee_id)
        .collect();
    let names: Vec<String> = user::Entity::find()
        .filter(user::Column::Id.is_in(people))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|u| u.full_name)
        .collect();
    let mut title = redact(&c.subject, &names);
    if title.chars().count() < 5 {
        title = format!("Konsultasi {}", c.number);
    }
    let req = ArticleRequest {
        title: title.chars().take(200).collect(),
        question: redact(&c.question, &names).chars().take(5000).collect(),
        answer: redact(&answer, &names).chars().take(50000).collect(),
        category: Category::stored(&c.category)?,
        unit_code: Some(c.unit_code.clone()),
        tags: Vec::new(),
        status: Some(ArticleStatus::Draft),
    };
    let txn = state.db.begin().await?;
    let created = insert(&txn, Some(auth.id), req, Some(c.id), None).await?;
    txn.commit().await?;
    state.index_wake.notify_one();
    one_view(state, created, true).await
}

/// Consultations marked "to index" that no article was promoted from yet (the unit's staff).
pub async fn to_curate(
    state: &AppState,
    auth: &AuthUser,
    q: CurationQuery,
) -> AppResult<Page<ConsultationView>> {
    auth.require(&[Role::Officer, Role::Supervisor, Role::Admin])?;
    let (page, per_page) = PageQuery {
        page: q.page,
        per_page: q.per_page,
    }
    .resolve(20)?;
    let promoted = Query::select()
        .column(A::SourceConsultationId)
        .from(knowledge_article::Entity)
        .and_where(A::SourceConsultationId.is_not_null())
        .to_owned();
    let mut query = consultation::Entity::find()
        .filter(consultation::Column::ToIndex.eq(true))
        .filter(consultation::Column::Id.not_in_subquery(promoted));
    if let Some(units) = access::readable_units(&state.db, auth).await? {
        query = query.filter(consultation::Column::UnitCode.is_in(units));
    }
    consultations::page_of_views(
        &state.db,
        auth.into(),
        query,
        &[
            (consultation::Column::UpdatedAt, Order::Asc),
            (consultation::Column::Id, Order::Asc),
        ],
        page,
        per_page,
    )
    .await
}
