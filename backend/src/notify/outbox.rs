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

/// A binary attachment, such as a PDF report.
#[derive(Debug, Clone)]
pub struct FileAttachment {
    pub name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// Stores an email with a binary attachment for delivery (base64 in the outbox).
pub async fn enqueue_with_file<C: ConnectionTrait>(
    conn: &C,
    email: Email,
    file: FileAttachment,
) -> Result<(), AppError> {
    use base64::Engine;
    let body = base64::engine::general_purpose::STANDARD.encode(&file.bytes);
    store(
        conn,
        email,
        Some((file.name, file.content_type, body, Some(BASE64.to_owned()))),
    )
    .await
}

/// The `attachment_encoding` of a binary attachment.
pub const BASE64: &str = "base64";

/// Stores an email for delivery. Call it with the transaction of the change that causes it.
pub async fn enqueue<C: ConnectionTrait>(conn: &C, email: Email) -> Result<(), AppError> {
    let attachment = email
        .attachment
        .clone()
        .map(|a| (a.name, a.content_type, a.body, None));
    store(conn, email, attachment).await
}

/// The attachment as stored: name, type, body, and the body's encoding (none: text).
type Stored = (String, String, String, Option<String>);

async fn store<C: ConnectionTrait>(
    conn: &C,
    email: Email,
    attachment: Option<Stored>,
) -> Result<(), AppError> {
    let now = Utc::now();
    let (name, content_type, body, encoding) = match attachment {
        Some((n, t, b, e)) => (Some(n), Some(t), Some(b), e),
        None => (None, None, None, None),
    };
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
        attachment_name: Set(name),
        attachment_content_type: Set(content_type),
        attachment_body: Set(body),
        attachment_encoding: Set(encoding),
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Commits a transaction that wrote emails with [`enqueue`], then wakes the worker that sends
/// them: an email exists only if its state change committed, and goes out at once.
pub async fn commit(state: &AppState, txn: sea_orm::DatabaseTransaction) -> Result<(), AppError> {
    // A creating request's Idempotency-Key is written with what it created.
    crate::idempotency::write_in(&txn, chrono::Utc::now()).await?;
    txn.commit().await?;
    state.outbox_wake.notify_one();
    Ok(())
}
