use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use uuid::Uuid;

use crate::{entities::outbox_email, error::AppError};

#[derive(Debug, Clone)]
pub struct Email {
    pub to: String,
    pub subject: String,
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
    }
    .insert(conn)
    .await?;
    Ok(())
}
