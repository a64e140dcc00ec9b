//! What a change of a consultation tells others: live events on the bus and emails through the
//! outbox.

use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::model::*;
use crate::{
    bus::{Event, LiveEvent, Payload, events::ConsultationChange},
    entities::{
        consultation::{self},
        unit, user,
    },
    error::{AppError, AppResult},
    notify::{self, templates},
    state::AppState,
    vocab::Role,
    vocab::{self, links},
};

use super::views::*;

/// Tells the owner and the unit's staff that a consultation changed, and every waiting owner
/// of the unit their (possibly new) queue position.
pub async fn announce(
    state: &AppState,
    c: &consultation::Model,
    queue_changed: bool,
) -> AppResult<()> {
    let position = queue_positions(&state.db, std::slice::from_ref(c))
        .await?
        .get(&c.id)
        .copied();
    let assignee = match c.assignee_id {
        Some(id) => people(&state.db, [id]).await?.remove(&id),
        None => None,
    };
    let data = ConsultationChange {
        status: Status::stored(&c.status)?,
        resolution: c
            .resolution
            .as_deref()
            .map(Resolution::stored)
            .transpose()?,
        summary: c.summary.clone(),
        assignee_id: c.assignee_id,
        assignee,
        queue_position: position,
        clarified_at: c.clarified_at,
        deadline_at: c.deadline_at,
        closed_at: c.closed_at,
        overdue: is_overdue(c, Utc::now()),
        to_index: c.to_index,
        updated_at: c.updated_at,
    };
    let routed = |payload| Event {
        payload,
        owner_id: c.user_id,
        unit_code: c.unit_code.clone(),
        only_user: None,
        actor_id: None,
    };
    state
        .bus
        .publish(routed(Payload::Live(LiveEvent::ConsultationUpdated {
            consultation_id: c.id,
            data,
        })));
    if queue_changed {
        state.bus.publish(routed(Payload::QueueMoved));
    }
    Ok(())
}

/// Emails the unit's officers and supervisors that a consultation waits (through the outbox, in
/// the caller's transaction).
pub(super) async fn notify_unit_staff<Cn: ConnectionTrait>(
    state: &AppState,
    conn: &Cn,
    unit: &unit::Model,
    c: &consultation::Model,
) -> AppResult<()> {
    let staff = user::Entity::find()
        .filter(user::Column::UnitCode.eq(&unit.code))
        .filter(user::Column::Role.is_in([Role::Officer.as_str(), Role::Supervisor.as_str()]))
        .all(conn)
        .await?;
    let link = links::staff_consultation(&state.settings.public_url, c.id);
    let zone = vocab::zone(&unit.time_zone)?;
    for person in staff {
        notify::enqueue(
            conn,
            templates::consultation_waiting(&person, unit, c, &link, zone),
        )
        .await?;
    }
    Ok(())
}

/// The owner learns the consultation closed and is asked to rate the service.
pub async fn notify_closed<Cn: ConnectionTrait>(
    state: &AppState,
    conn: &Cn,
    c: &consultation::Model,
) -> AppResult<()> {
    let owner = user::Entity::find_by_id(c.user_id)
        .one(conn)
        .await?
        .ok_or_else(AppError::not_found)?;
    let link = links::consultation(&state.settings.public_url, c.id);
    notify::enqueue(
        conn,
        templates::consultation_closed(
            &owner.email,
            &owner.full_name,
            &c.number,
            &c.subject,
            c.resolution.as_deref().unwrap_or(""),
            &link,
        ),
    )
    .await
}
