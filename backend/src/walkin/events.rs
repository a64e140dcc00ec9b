//! What a walk-in change pushes: the changed tickets to the unit's staff, and the unit's board
//! (to board clients, the staff, and the visitors' own ticket feeds, which re-read their ticket).
use uuid::Uuid;

use super::{board, tickets};
use crate::{
    bus::{Event, LiveEvent, Payload, walkin::Breach},
    entities::walkin_ticket,
    state::AppState,
    units,
};

fn publish(state: &AppState, unit: &str, event: LiveEvent) {
    state.bus.publish(Event {
        payload: Payload::Live(event),
        // Walk-in events have no owner among the users: the unit's staff receive them.
        owner_id: Uuid::nil(),
        unit_code: unit.to_owned(),
        only_user: None,
        actor_id: None,
    });
}

/// After a committed change of these tickets. Failing to read what to push is logged: the
/// change itself stands, and clients catch up on their next read.
pub async fn changed(state: &AppState, unit: &str, changed: &[&walkin_ticket::Model]) {
    if !state.bus.has_subscribers() {
        return;
    }
    if let Err(e) = push(state, unit, changed).await {
        tracing::warn!(error = %e, unit, "cannot push a walk-in change");
    }
}

async fn push(
    state: &AppState,
    unit_code: &str,
    changed: &[&walkin_ticket::Model],
) -> crate::error::AppResult<()> {
    let unit = units::service::find(&state.db, unit_code).await?;
    let rows: Vec<walkin_ticket::Model> = changed.iter().map(|t| (*t).clone()).collect();
    for view in tickets::views(&state.db, state, &unit, &rows, true).await? {
        publish(
            state,
            unit_code,
            LiveEvent::WalkinTicket {
                ticket_id: view.id,
                unit_code: unit_code.to_owned(),
                data: Box::new(view),
            },
        );
    }
    let board = board::read(state, &unit).await?;
    publish(
        state,
        unit_code,
        LiveEvent::WalkinBoard {
            unit_code: unit_code.to_owned(),
            data: Box::new(board),
        },
    );
    Ok(())
}

pub fn breach(state: &AppState, ticket: &walkin_ticket::Model, breach: Breach) {
    publish(
        state,
        &ticket.unit_code,
        LiveEvent::WalkinBreach {
            ticket_id: ticket.id,
            unit_code: ticket.unit_code.clone(),
            data: breach,
        },
    );
}
