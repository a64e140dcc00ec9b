//! Delivers due outbox emails with retries and backoff. Several server instances may run it:
//! each email is leased before it is sent, so it is sent by one of them.
use std::{sync::Arc, time::Duration};

use chrono::Utc;
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{Attachment, Mailbox, MultiPart, SinglePart, header::ContentType},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, sea_query::Expr};
use tokio::sync::{Notify, watch};

use crate::{
    db::Db,
    entities::outbox_email::{self, Column},
};

pub const MAX_ATTEMPTS: i32 = 12;
const BATCH: u64 = 20;
const LEASE: chrono::TimeDelta = chrono::TimeDelta::minutes(5);

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Log,
}

pub struct Mailer {
    transport: Transport,
    from: Mailbox,
}

impl Mailer {
    pub fn new(smtp_url: Option<&str>, from: &str) -> anyhow::Result<Self> {
        let transport = match smtp_url {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| anyhow::anyhow!("SMTP_URL is invalid: {e}"))?
                    .timeout(Some(Duration::from_secs(20)))
                    .build(),
            ),
            None => Transport::Log,
        };
        let from = from
            .parse()
            .map_err(|e| anyhow::anyhow!("MAIL_FROM is not a valid address: {e}"))?;
        Ok(Self { transport, from })
    }

    async fn send(&self, email: &outbox_email::Model) -> Result<(), String> {
        match &self.transport {
            Transport::Log => {
                tracing::info!(
                    to = %email.recipient,
                    subject = %email.subject,
                    body = %email.body_text,
                    "email (no SMTP_URL configured; logged instead of sent)"
                );
                Ok(())
            }
            Transport::Smtp(smtp) => {
                let to: Mailbox = email
                    .recipient
                    .parse()
                    .map_err(|e| format!("bad recipient: {e}"))?;
                let builder = Message::builder()
                    .from(self.from.clone())
                    .to(to)
                    .subject(email.subject.clone());
                let message = match (&email.attachment_name, &email.attachment_body) {
                    (Some(name), Some(body)) => {
                        let content_type = ContentType::parse(
                            email
                                .attachment_content_type
                                .as_deref()
                                .unwrap_or("text/plain"),
                        )
                        .map_err(|e| e.to_string())?;
                        let bytes = match email.attachment_encoding.as_deref() {
                            None => body.clone().into_bytes(),
                            Some(super::outbox::BASE64) => {
                                use base64::Engine;
                                base64::engine::general_purpose::STANDARD
                                    .decode(body)
                                    .map_err(|e| format!("bad stored attachment: {e}"))?
                            }
                            Some(other) => {
                                return Err(format!("unknown attachment encoding `{other}`"));
                            }
                        };
                        builder.multipart(
                            MultiPart::mixed()
                                .singlepart(SinglePart::plain(email.body_text.clone()))
                                .singlepart(
                                    Attachment::new(name.clone()).body(bytes, content_type),
                                ),
                        )
                    }
                    _ => builder
                        .header(ContentType::TEXT_PLAIN)
                        .body(email.body_text.clone()),
                }
                .map_err(|e| e.to_string())?;
                smtp.send(message)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            }
        }
    }
}

fn backoff(attempts: i32) -> chrono::TimeDelta {
    let seconds = 15i64 * 2i64.pow(attempts.clamp(0, 8) as u32);
    chrono::TimeDelta::seconds(seconds.min(3600))
}

/// Sends every email that is due now; returns how many were sent.
pub async fn deliver_due(db: &Db, mailer: &Mailer) -> Result<usize, sea_orm::DbErr> {
    let now = Utc::now();
    let due = outbox_email::Entity::find()
        .filter(Column::SentAt.is_null())
        .filter(Column::NextAttemptAt.lte(now))
        .filter(Column::Attempts.lt(MAX_ATTEMPTS))
        .order_by_asc(Column::CreatedAt)
        .limit(BATCH)
        .all(db)
        .await?;
    let mut sent = 0;
    for email in due {
        let leased = outbox_email::Entity::update_many()
            .col_expr(Column::NextAttemptAt, Expr::value(now + LEASE))
            .filter(Column::Id.eq(email.id))
            .filter(Column::SentAt.is_null())
            .filter(Column::NextAttemptAt.eq(email.next_attempt_at))
            .exec(db)
            .await?;
        if leased.rows_affected != 1 {
            continue;
        }
        let result = mailer.send(&email).await;
        let update = outbox_email::Entity::update_many().filter(Column::Id.eq(email.id));
        match result {
            Ok(()) => {
                update
                    .col_expr(Column::SentAt, Expr::value(Utc::now()))
                    .col_expr(Column::Attempts, Expr::value(email.attempts + 1))
                    .exec(db)
                    .await?;
                sent += 1;
            }
            Err(error) => {
                tracing::warn!(id = %email.id, attempts = email.attempts + 1, %error, "email delivery failed");
                update
                    .col_expr(Column::Attempts, Expr::value(email.attempts + 1))
                    .col_expr(Column::LastError, Expr::value(error))
                    .col_expr(
                        Column::NextAttemptAt,
                        Expr::value(Utc::now() + backoff(email.attempts)),
                    )
                    .exec(db)
                    .await?;
            }
        }
    }
    Ok(sent)
}

/// Runs until `shutdown` turns true; wakes on `wake` (a new email) or every `interval`.
pub async fn run(
    db: Db,
    mailer: Arc<Mailer>,
    wake: Arc<Notify>,
    interval: Duration,
    mut shutdown: watch::Receiver<bool>,
) {
    tracing::info!("outbox worker started");
    loop {
        if let Err(e) = deliver_due(&db, &mailer).await {
            tracing::error!(error = %e, "outbox delivery pass failed");
        }
        tokio::select! {
            _ = wake.notified() => {}
            _ = tokio::time::sleep(interval) => {}
            _ = shutdown.changed() => {}
        }
        if *shutdown.borrow() {
            break;
        }
    }
    tracing::info!("outbox worker stopped");
}
