//! The desk's record of a visit: the consultation held at the desk becomes a consultation of
//! the unit with channel `walk_in`, closed and answered, owned by the visitor's account (theirs
//! if the guest book's email has one, else a requester account the unit keeps for them, which
//! becomes theirs when they register or reset a password with that email). History, promotion
//! to the knowledge base and reports then treat both channels alike.
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait, sea_query::Expr};
use uuid::Uuid;

use super::{desk, events, guestbook, model::*};
use crate::{
    auth::service::{NewRequester, requester},
    caller::AuthUser,
    consultations::{
        lifecycle::{DeskConsultation, record_desk, recorded_already},
        model::ConsultationView,
        notices::announced,
    },
    entities::walkin_ticket::{self, Column as T},
    error::{AppError, AppResult, ErrorCode},
    state::AppState,
};

/// Records the consultation of a visit being served or finished, once.
pub async fn record(
    state: &AppState,
    auth: &AuthUser,
    ticket_id: Uuid,
    req: DeskConsultationRequest,
) -> AppResult<ConsultationView> {
    let (ticket, unit) = desk::ticket_for(state, auth, ticket_id, false).await?;
    let status = TicketStatus::stored(&ticket.status)?;
    if !matches!(status, TicketStatus::Serving | TicketStatus::Finished) {
        return Err(AppError::conflict(
            ErrorCode::TicketState,
            format!(
                "Ticket {} is {}: a consultation is recorded once the visitor is served.",
                ticket.number, ticket.status
            ),
        ));
    }
    if ticket.consultation_id.is_some() {
        return Err(recorded_already());
    }
    let entry = guestbook::entry_of_visit(&state.db, &ticket)
        .await?
        .ok_or_else(|| {
            AppError::conflict(
                ErrorCode::GuestbookRequired,
                format!(
                    "Ticket {} has no guest-book entry: the front office records the visitor (name, ID, email) first.",
                    ticket.number
                ),
            )
        })?;
    let now = state.clock.now();
    let txn = state.db.begin().await?;
    let owner = match entry.user_id {
        Some(user) => user,
        None => {
            requester(
                &txn,
                NewRequester {
                    email: entry.email,
                    full_name: entry.full_name,
                    phone: entry.phone,
                    institution: entry.institution,
                    occupation: entry.occupation,
                },
            )
            .await?
        }
    };
    let recorded = record_desk(
        &txn,
        &unit,
        auth,
        DeskConsultation {
            owner,
            ticket_id: ticket.id,
            asked_at: ticket.taken_at,
            served_from: ticket.started_at.or(ticket.called_at).unwrap_or(now),
            category: req.category,
            subject: req.subject,
            question: req.question,
            answer: req.answer,
            referral: req.referral,
        },
        now,
    )
    .await?;
    let linked = walkin_ticket::Entity::update_many()
        .col_expr(T::ConsultationId, Expr::value(recorded.id))
        .col_expr(T::UpdatedAt, Expr::value(now))
        .filter(T::Id.eq(ticket.id))
        .filter(T::ConsultationId.is_null())
        .exec(&txn)
        .await?;
    if linked.rows_affected == 0 {
        return Err(recorded_already());
    }
    txn.commit().await?;
    if let Some(changed) = walkin_ticket::Entity::find_by_id(ticket.id)
        .one(&state.db)
        .await?
    {
        events::changed(state, &unit.code, &[&changed]).await;
    }
    announced(state, auth.into(), recorded, false).await
}
