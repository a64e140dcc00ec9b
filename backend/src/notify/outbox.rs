use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use uuid::Uuid;

use crate::{entities::outbox_email, error::AppError, state::AppState};

#[derive(Debug, Clone)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub attachment: Option<TextAttachment>,
}

/// A small text attachment, such as an iCalendar invitation.
#[derive(Debug, Clone)]
pub struct TextAttachment {
    pub name: String,
    pub content_type: String,
    pub body: String,
}

/// Stores an email for delivery. Call it with the transaction of the change that causes it.
pub async fn enqueue<C: ConnectionTrait>(conn: &C, email: Email) -> Result<(), AppError> {
    let now = Utc::now();
    outbox_email::ActiveModel {
        id: Set(Uuid::now_v7()),
        recipient: Set(email.to),
        subject: Set(email.subject),
        body_text: Set(email.body),
        attempts: Set(0),
        next_attempt_at: Set(now),
        sent_at: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        attachment_name: Set(email.attachment.as_ref().map(|a| a.name.clone())),
        attachment_content_type: Set(email.attachment.as_ref().map(|a| a.content_type.clone())),
        attachment_body: Set(email.attachment.map(|a| a.body)),
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Commits a transaction that wrote emails with [`enqueue`], then wakes the worker that sends
/// them: an email exists only if its state change committed, and goes out at once.
pub async fn commit(state: &AppState, txn: sea_orm::DatabaseTransaction) -> Result<(), AppError> {
    txn.commit().await?;
    state.outbox_wake.notify_one();
    Ok(())
}
