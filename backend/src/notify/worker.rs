//! Delivers due outbox emails with retries and backoff. Several server instances may run it:
//! each email is leased before it is sent, so it is sent by one of them. The lease is short and
//! renewed while the send lasts, so an email whose sender died goes out again within
//! [`LEASE`]; every attempt carries the same `Message-ID`, built from the outbox row, so a mail
//! system can tell a repeated attempt from a new email. A backlog is sent batch after batch
//! without waiting for the poll interval.
use std::{sync::Arc, time::Duration};

use chrono::{DateTime, SubsecRound, Utc};
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{Attachment, Mailbox, MultiPart, SinglePart, header::ContentType},
};
use sea_orm::{
    ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, sea_query::Expr,
};
use tokio::sync::{Notify, watch};

use crate::{
    db::Db,
    entities::outbox_email::{self, Column},
};

pub const MAX_ATTEMPTS: i32 = 12;
const BATCH: u64 = 20;
/// How long an email being sent is held by its sender; renewed every [`RENEW_EVERY`] while the
/// send lasts (the SMTP timeout is 20 s), so only a dead sender's lease runs out.
pub const LEASE: chrono::TimeDelta = chrono::TimeDelta::seconds(30);
const RENEW_EVERY: Duration = Duration::from_secs(10);
/// The shortest sleep between passes that found nothing to send.
const MIN_PAUSE: Duration = Duration::from_millis(500);

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
                    .message_id(Some(message_id(email, &self.from)))
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

/// The `Message-ID` of an outbox email, the same in every attempt to send it.
pub fn message_id(email: &outbox_email::Model, from: &Mailbox) -> String {
    format!("<{}@{}>", email.id, from.email.domain())
}

/// A lease's end, as the database stores it (milliseconds), so that the sender can name its
/// lease exactly when it renews it.
fn lease_until(now: DateTime<Utc>) -> DateTime<Utc> {
    (now + LEASE).trunc_subsecs(3)
}

/// Sends every email that is due now, batch after batch; returns how many were sent.
pub async fn deliver_due(db: &Db, mailer: &Mailer) -> Result<usize, sea_orm::DbErr> {
    let mut total = 0;
    loop {
        let (sent, full) = deliver_batch(db, mailer).await?;
        total += sent;
        if !full {
            return Ok(total);
        }
    }
}

/// Sends one batch of due emails: how many were sent, and whether the batch was full (more may
/// be due). Every email of a full batch leaves the due set (sent, leased or scheduled for a
/// retry), so batches after it move on.
async fn deliver_batch(db: &Db, mailer: &Mailer) -> Result<(usize, bool), sea_orm::DbErr> {
    let due = outbox_email::Entity::find()
        .filter(Column::SentAt.is_null())
        .filter(Column::NextAttemptAt.lte(Utc::now()))
        .filter(Column::Attempts.lt(MAX_ATTEMPTS))
        .order_by_asc(Column::CreatedAt)
        .limit(BATCH)
        .all(db)
        .await?;
    let full = due.len() as u64 == BATCH;
    let mut sent = 0;
    for email in due {
        let lease = lease_until(Utc::now());
        let leased = outbox_email::Entity::update_many()
            .col_expr(Column::NextAttemptAt, Expr::value(lease))
            .filter(Column::Id.eq(email.id))
            .filter(Column::SentAt.is_null())
            .filter(Column::NextAttemptAt.eq(email.next_attempt_at))
            .exec(db)
            .await?;
        if leased.rows_affected != 1 {
            continue;
        }
        let result = send_holding_lease(db, mailer, &email, lease).await;
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
    Ok((sent, full))
}

/// Sends `email`, renewing its lease (which ends at `lease`) while the send lasts.
async fn send_holding_lease(
    db: &Db,
    mailer: &Mailer,
    email: &outbox_email::Model,
    mut lease: DateTime<Utc>,
) -> Result<(), String> {
    let send = mailer.send(email);
    tokio::pin!(send);
    let mut renew = tokio::time::interval(RENEW_EVERY);
    renew.tick().await;
    loop {
        tokio::select! {
            result = &mut send => return result,
            _ = renew.tick() => {
                let renewed = lease_until(Utc::now());
                let held = outbox_email::Entity::update_many()
                    .col_expr(Column::NextAttemptAt, Expr::value(renewed))
                    .filter(Column::Id.eq(email.id))
                    .filter(Column::SentAt.is_null())
                    .filter(Column::NextAttemptAt.eq(lease))
                    .exec(db)
                    .await;
                match held {
                    Ok(r) if r.rows_affected == 1 => lease = renewed,
                    Ok(_) => tracing::warn!(id = %email.id, "the lease of an email being sent was lost"),
                    Err(error) => tracing::warn!(id = %email.id, %error, "renewing an email's lease failed"),
                }
            }
        }
    }
}

/// What waits in the outbox: emails still being tried and when the oldest of them was written,
/// and emails given up after [`MAX_ATTEMPTS`].
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Backlog {
    pub pending: i64,
    pub oldest: Option<DateTime<Utc>>,
    pub failed: i64,
}

/// The backlog, for `/metrics`: two ranges of the pending index.
pub async fn backlog(db: &Db) -> Result<Backlog, sea_orm::DbErr> {
    let unsent = || outbox_email::Entity::find().filter(Column::SentAt.is_null());
    let (pending, oldest): (i64, Option<DateTime<Utc>>) = unsent()
        .filter(Column::Attempts.lt(MAX_ATTEMPTS))
        .select_only()
        .column_as(Column::Id.count(), "pending")
        .column_as(Column::CreatedAt.min(), "oldest")
        .into_tuple()
        .one(db)
        .await?
        .unwrap_or_default();
    let failed = unsent()
        .filter(Column::Attempts.gte(MAX_ATTEMPTS))
        .count(db)
        .await?;
    Ok(Backlog {
        pending,
        oldest,
        failed: i64::try_from(failed).unwrap_or(i64::MAX),
    })
}

/// When the next unsent email falls due (a retry, or a lease that runs out), if any.
async fn next_due(db: &Db) -> Result<Option<DateTime<Utc>>, sea_orm::DbErr> {
    outbox_email::Entity::find()
        .select_only()
        .column(Column::NextAttemptAt)
        .filter(Column::SentAt.is_null())
        .filter(Column::Attempts.lt(MAX_ATTEMPTS))
        .order_by_asc(Column::NextAttemptAt)
        .into_tuple::<DateTime<Utc>>()
        .one(db)
        .await
}

/// Runs until `shutdown` turns true. Sends batch after batch while they come full, then sleeps
/// until `wake` (a new email), the next email falls due, or `interval` passes.
pub async fn run(
    db: Db,
    mailer: Arc<Mailer>,
    wake: Arc<Notify>,
    interval: Duration,
    mut shutdown: watch::Receiver<bool>,
) {
    tracing::info!("outbox worker started");
    loop {
        let more = match deliver_batch(&db, &mailer).await {
            Ok((_, full)) => full,
            Err(e) => {
                tracing::error!(error = %e, "outbox delivery pass failed");
                false
            }
        };
        if *shutdown.borrow() {
            break;
        }
        // A full batch: more is due now; send it without waiting.
        if more {
            continue;
        }
        let pause = match next_due(&db).await {
            Ok(Some(at)) => (at - Utc::now())
                .to_std()
                .unwrap_or_default()
                .clamp(MIN_PAUSE, interval.max(MIN_PAUSE)),
            _ => interval,
        };
        tokio::select! {
            _ = wake.notified() => {}
            _ = tokio::time::sleep(pause) => {}
            _ = shutdown.changed() => {}
        }
        if *shutdown.borrow() {
            break;
        }
    }
    tracing::info!("outbox worker stopped");
}
