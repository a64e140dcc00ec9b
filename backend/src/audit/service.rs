//! Reading the audit log: admins every unit's, a supervisor their own unit's.
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    api::Page,
    caller::AuthUser,
    entities::audit_event::{self, Column as A},
    error::{AppError, AppResult},
    state::AppState,
    vocab::Role,
};

/// One staff action.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "0193a1b2-0000-7000-8000-000000000001",
    "at": "2026-12-03T02:15:00Z",
    "actor_id": "0193a1b2-0000-7000-8000-000000000002",
    "actor_role": "officer",
    "unit_code": "3375",
    "action": "POST /consultations/{id}/close",
    "target_type": "consultations",
    "target_id": "0193a1b2-0000-7000-8000-000000000003",
    "address": "203.0.113.7",
    "detail": {"path": "/api/v1/consultations/0193a1b2-0000-7000-8000-000000000003/close", "status": 200}
}))]
pub struct AuditEventView {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    pub actor_role: Role,
    /// The actor's unit (none for admins).
    pub unit_code: Option<String>,
    /// Method and route of the operation.
    pub action: String,
    /// The kind of record: the route's first segment.
    pub target_type: String,
    /// The record's id or code, when the route names one.
    pub target_id: Option<String>,
    /// The client's address (behind a trusted proxy, the one it forwarded for).
    pub address: String,
    /// What else was recorded: the request path and the answer's status.
    pub detail: serde_json::Value,
}

impl TryFrom<audit_event::Model> for AuditEventView {
    type Error = AppError;

    fn try_from(e: audit_event::Model) -> AppResult<Self> {
        Ok(Self {
            id: e.id,
            at: e.at,
            actor_id: e.actor_id,
            actor_role: Role::stored(&e.actor_role)?,
            unit_code: e.unit_code,
            action: e.action,
            target_type: e.target_type,
            target_id: e.target_id,
            address: e.address,
            detail: serde_json::from_str(&e.detail).map_err(AppError::internal)?,
        })
    }
}

pub struct AuditFilter {
    pub unit: Option<String>,
    pub actor: Option<Uuid>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

pub async fn list(
    state: &AppState,
    by: &AuthUser,
    filter: AuditFilter,
    page: u64,
    per_page: u64,
) -> AppResult<Page<AuditEventView>> {
    let unit = by.managed_units(filter.unit)?;
    let mut query = audit_event::Entity::find();
    if let Some(code) = unit {
        query = query.filter(A::UnitCode.eq(code));
    }
    if let Some(actor) = filter.actor {
        query = query.filter(A::ActorId.eq(actor));
    }
    if let Some(from) = filter.from {
        query = query.filter(A::At.gte(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(A::At.lt(to));
    }
    let paginator = query
        .order_by_desc(A::At)
        .order_by_desc(A::Id)
        .paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let items = paginator.fetch_page(page - 1).await?;
    Ok(Page {
        items: items
            .into_iter()
            .map(AuditEventView::try_from)
            .collect::<AppResult<_>>()?,
        total,
        page,
        per_page,
    })
}
