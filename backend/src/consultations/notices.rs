//! What a change of a consultation tells others: live events on the bus and emails through the
//! outbox.

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

/// Reads the consultation's view as `viewer` sees it (the answer to the change's request) and
/// tells the owner and the unit's staff what changed, and — when the queue moved — every
/// waiting owner of the unit their (possibly new) position. The live event is the view's
/// shared part, so the change costs one read whoever is told.
pub async fn announced(
    state: &AppState,
    viewer: crate::chat::service::Reader,
    c: consultation::Model,
    queue_changed: bool,
) -> AppResult<ConsultationView> {
    let v = view(&state.db, viewer, c).await?;
    let data = ConsultationChange {
        status: v.status,
        resolution: v.resolution,
        summary: v.summary.clone(),
        assignee_id: v.assignee.as_ref().map(|a| a.id),
        assignee: v.assignee.clone(),
        queue_position: v.queue_position,
        clarified_at: v.clarified_at,
        deadline_at: v.deadline_at,
        deadline_provisional: v.deadline_provisional,
        closed_at: v.closed_at,
        overdue: v.overdue,
        to_index: v.to_index,
        updated_at: v.updated_at,
    };
    let routed = |payload| Event {
        payload,
        owner_id: v.owner.id,
        unit_code: v.unit_code.clone(),
        only_user: None,
        actor_id: None,
    };
    state
        .bus
        .publish(routed(Payload::Live(LiveEvent::ConsultationUpdated {
            consultation_id: v.id,
            data,
        })));
    if queue_changed {
        state.bus.publish(routed(Payload::QueueMoved));
    }
    Ok(v)
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
