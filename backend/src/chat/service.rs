use std::path::PathBuf;

use chrono::{SubsecRound, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, TransactionTrait,
    sea_query::{Alias, Expr, ExprTrait, Func, OnConflict, Query, QueryStatementBuilder},
};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::model::{AttachmentView, MessageView, MessagesQuery};
use crate::{
    access::{self, Access},
    api::{Page, PageQuery},
    bus::{
        Event, LiveEvent, Payload,
        events::{ReadUpTo, Typing},
    },
    caller::AuthUser,
    entities::{attachment, consultation, message, read_receipt, user},
    error::{AppError, AppResult, ErrorCode},
    notify::{self, templates},
    state::AppState,
    vocab::Role,
    vocab::{Status, Visibility},
};

pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;

fn attachment_view(a: attachment::Model) -> AttachmentView {
    AttachmentView {
        url: format!("/api/v1/attachments/{}", a.id),
        id: a.id,
        file_name: a.file_name,
        content_type: a.content_type,
        size_bytes: a.size_bytes,
    }
}

async fn message_views<C: ConnectionTrait>(
    conn: &C,
    rows: Vec<message::Model>,
) -> AppResult<Vec<MessageView>> {
    let senders: std::collections::HashMap<Uuid, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(rows.iter().map(|m| m.sender_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.full_name))
        .collect();
    let mut files: std::collections::HashMap<Uuid, Vec<AttachmentView>> = Default::default();
    if !rows.is_empty() {
        for a in attachment::Entity::find()
            .filter(attachment::Column::MessageId.is_in(rows.iter().map(|m| m.id)))
            .order_by_asc(attachment::Column::CreatedAt)
            .all(conn)
            .await?
        {
            if let Some(message_id) = a.message_id {
                files
                    .entry(message_id)
                    .or_default()
                    .push(attachment_view(a));
            }
        }
    }
    rows.into_iter()
        .map(|m| {
            Ok(MessageView {
                sender_name: senders.get(&m.sender_id).cloned().unwrap_or_default(),
                attachments: files.remove(&m.id).unwrap_or_default(),
                sender_role: Role::stored(&m.sender_role)?,
                visibility: Visibility::stored(&m.visibility)?,
                id: m.id,
                consultation_id: m.consultation_id,
                body: m.body,
                sender_id: m.sender_id,
                created_at: m.created_at,
            })
        })
        .collect()
}

pub async fn list(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    q: MessagesQuery,
) -> AppResult<Page<MessageView>> {
    let (page, per_page) = PageQuery {
        page: q.page,
        per_page: q.per_page,
    }
    .resolve(50)?;
    let (_, access) = access::load(&state.db, auth, id).await?;
    let mut query = message::Entity::find().filter(message::Column::ConsultationId.eq(id));
    if access == Access::Owner {
        query = query.filter(message::Column::Visibility.eq(Visibility::Public.as_str()));
    }
    if let Some(after) = q.after {
        query = query.filter(message::Column::Id.gt(after));
    }
    let paginator = query
        .order_by_asc(message::Column::Id)
        .paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(page - 1).await?;
    Ok(Page {
        items: message_views(&state.db, rows).await?,
        total,
        page,
        per_page,
    })
}

/// Who may write: the owner while it waits or runs; its assignee and the unit's supervisor while
/// it runs. An internal note: any officer or supervisor of the unit, whatever its state.
fn may_post(
    c: &consultation::Model,
    auth: &AuthUser,
    access: Access,
    visibility: Visibility,
) -> AppResult<()> {
    if visibility == Visibility::Internal {
        return if access.is_unit_staff() {
            Ok(())
        } else {
            Err(AppError::forbidden()
                .with_detail("Internal notes are written by the unit's officers and supervisors."))
        };
    }
    let allowed = match access {
        Access::Owner => true,
        Access::UnitOfficer => c.assignee_id == Some(auth.id),
        Access::UnitSupervisor => true,
        Access::Overseer => false,
    };
    if !allowed {
        return Err(AppError::forbidden());
    }
    let open = if access == Access::Owner {
        c.status != Status::Closed.as_str()
    } else {
        c.status == Status::Active.as_str()
    };
    if open {
        Ok(())
    } else {
        Err(AppError::conflict(
            ErrorCode::InvalidState,
            "Messages can be written while the consultation is open (staff: once it has been taken).",
        ))
    }
}

/// Writes a message (and its attachment, if any) and tells everyone concerned.
async fn write(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    body: String,
    visibility: Visibility,
    file: Option<StoredFile>,
) -> AppResult<MessageView> {
    let (c, access) = access::load(&state.db, auth, id).await?;
    may_post(&c, auth, access, visibility)?;
    let from_owner = access == Access::Owner;
    // A note is not a reply: it moves none of the conversation's clocks and tells nobody outside.
    let public = visibility == Visibility::Public;
    // Read before the write transaction, so the writer's lock is held only for writing.
    let sender_name = user::Entity::find_by_id(auth.id)
        .select_only()
        .column(user::Column::FullName)
        .into_tuple::<String>()
        .one(&state.db)
        .await?
        .ok_or_else(AppError::not_found)?;
    let owner_to_email =
        if public && !from_owner && !state.bus.is_connected(&state.db, c.user_id).await? {
            Some(
                user::Entity::find_by_id(c.user_id)
                    .one(&state.db)
                    .await?
                    .ok_or_else(AppError::not_found)?,
            )
        } else {
            None
        };
    // As the database keeps it (PostgreSQL: microseconds), so the view answered now equals
    // what later reads answer.
    let now = state.clock.now().trunc_subsecs(6);
    let saved = message::Model {
        id: Uuid::now_v7(),
        consultation_id: c.id,
        sender_id: auth.id,
        sender_role: auth.role.as_str().into(),
        body,
        visibility: visibility.as_str().to_owned(),
        created_at: now,
    };
    let txn = state.db.begin().await?;
    message::Entity::insert(saved.clone().into_active_model())
        .exec_without_returning(&txn)
        .await?;
    let mut attachments = Vec::new();
    if let Some(file) = file {
        let stored = attachment::Model {
            id: Uuid::now_v7(),
            consultation_id: c.id,
            message_id: Some(saved.id),
            file_name: file.file_name,
            content_type: file.content_type,
            size_bytes: file.size as i64,
            sha256: file.sha256,
            uploaded_by: auth.id,
            created_at: now,
        };
        attachment::Entity::insert(stored.clone().into_active_model())
            .exec_without_returning(&txn)
            .await?;
        attachments.push(attachment_view(stored));
    }
    let last_message = if from_owner {
        consultation::Column::LastUserMessageAt
    } else {
        consultation::Column::LastOfficerMessageAt
    };
    if public {
        consultation::Entity::update_many()
            .col_expr(last_message, Expr::value(now))
            .col_expr(consultation::Column::UpdatedAt, Expr::value(now))
            .filter(consultation::Column::Id.eq(c.id))
            .exec(&txn)
            .await?;
    }
    upsert_receipt(&txn, c.id, auth.id, saved.id).await?;
    if let Some(owner) = owner_to_email {
        let link = crate::vocab::links::consultation(&state.settings.public_url, c.id);
        notify::enqueue(
            &txn,
            templates::officer_replied(
                &owner.email,
                &owner.full_name,
                &c.number,
                &c.subject,
                &link,
            ),
        )
        .await?;
    }
    notify::commit(state, txn).await?;
    let view = MessageView {
        id: saved.id,
        consultation_id: saved.consultation_id,
        sender_id: saved.sender_id,
        sender_name,
        sender_role: auth.role,
        visibility,
        body: saved.body,
        attachments,
        created_at: saved.created_at,
    };
    state.bus.publish(Event {
        payload: Payload::Live(LiveEvent::MessageCreated {
            consultation_id: c.id,
            data: view.clone(),
        }),
        owner_id: c.user_id,
        unit_code: c.unit_code.clone(),
        only_user: None,
        actor_id: Some(auth.id),
    });
    Ok(view)
}

pub async fn post(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    body: String,
    visibility: Visibility,
) -> AppResult<MessageView> {
    write(state, auth, id, body.trim().to_owned(), visibility, None).await
}

/// Moves the reader's receipt forward to `message_id` (never back), in one statement; true
/// when it moved.
pub async fn upsert_receipt<C: ConnectionTrait>(
    conn: &C,
    consultation_id: Uuid,
    user_id: Uuid,
    message_id: Uuid,
) -> AppResult<bool> {
    use read_receipt::Column as R;
    let mut stmt = Query::insert();
    stmt.into_table(read_receipt::Entity)
        .columns([
            R::ConsultationId,
            R::UserId,
            R::LastReadMessageId,
            R::UpdatedAt,
        ])
        .values([
            consultation_id.into(),
            user_id.into(),
            message_id.into(),
            Utc::now().into(),
        ])
        .map_err(|e| AppError::internal(format!("read receipt statement: {e}")))?
        .on_conflict(
            OnConflict::columns([R::ConsultationId, R::UserId])
                .update_columns([R::LastReadMessageId, R::UpdatedAt])
                .action_and_where(
                    Expr::col((read_receipt::Entity, R::LastReadMessageId))
                        .lt(Expr::col((Alias::new("excluded"), R::LastReadMessageId))),
                )
                .to_owned(),
        );
    Ok(conn.execute(&stmt).await?.rows_affected() > 0)
}

/// Records that the caller read up to `message_id`, and tells the others.
pub async fn mark_read(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    message_id: Uuid,
) -> AppResult<()> {
    let (c, access) = access::load(&state.db, auth, id).await?;
    // The person who asked knows of no internal note; staff reading one tell nobody.
    let visibility = message::Entity::find_by_id(message_id)
        .one(&state.db)
        .await?
        .filter(|m| m.consultation_id == c.id)
        .map(|m| Visibility::stored(&m.visibility))
        .transpose()?
        .filter(|v| *v == Visibility::Public || access != Access::Owner);
    let Some(visibility) = visibility else {
        return Err(AppError::field(
            "message_id",
            "is not a message of this consultation",
        ));
    };
    if upsert_receipt(&state.db, c.id, auth.id, message_id).await?
        && visibility == Visibility::Public
    {
        state.bus.publish(Event {
            payload: Payload::Live(LiveEvent::Read {
                consultation_id: c.id,
                data: ReadUpTo {
                    user_id: auth.id,
                    message_id,
                },
            }),
            owner_id: c.user_id,
            unit_code: c.unit_code,
            only_user: None,
            actor_id: Some(auth.id),
        });
    }
    Ok(())
}

/// Tells the others in the conversation that the caller is typing.
pub async fn typing(state: &AppState, auth: &AuthUser, id: Uuid) -> AppResult<()> {
    let (c, access) = access::load(&state.db, auth, id).await?;
    if access == Access::Overseer {
        return Err(AppError::forbidden());
    }
    state.bus.publish(Event {
        payload: Payload::Live(LiveEvent::Typing {
            consultation_id: c.id,
            data: Typing {
                user_id: auth.id,
                role: auth.role,
            },
        }),
        owner_id: c.user_id,
        unit_code: c.unit_code,
        only_user: None,
        actor_id: Some(auth.id),
    });
    Ok(())
}

pub struct StoredFile {
    pub file_name: String,
    pub content_type: String,
    pub size: usize,
    pub sha256: String,
}

/// The accepted types, recognised by their content as well as by their declared type.
pub fn recognise(content_type: &str, bytes: &[u8]) -> Option<&'static str> {
    let declared = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let zip = bytes.starts_with(b"PK\x03\x04");
    match declared.as_str() {
        "application/pdf" if bytes.starts_with(b"%PDF-") => Some("application/pdf"),
        "image/png" if bytes.starts_with(b"\x89PNG\r\n\x1a\n") => Some("image/png"),
        "image/jpeg" if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) => Some("image/jpeg"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" if zip => {
            Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" if zip => {
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        }
        "text/csv" if std::str::from_utf8(bytes).is_ok() && !bytes.contains(&0) => Some("text/csv"),
        _ => None,
    }
}

pub fn attachment_path(state: &AppState, sha256: &str) -> PathBuf {
    state
        .settings
        .data_dir
        .join("attachments")
        .join(&sha256[..2])
        .join(sha256)
}

fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .take(200)
        .collect();
    if cleaned.trim().is_empty() {
        "lampiran".into()
    } else {
        cleaned.trim().to_owned()
    }
}

/// Whether the caller may attach a file to the consultation now: checked before the upload's
/// body is read, so nobody's bytes are buffered for a request that would be refused.
pub async fn may_upload(state: &AppState, auth: &AuthUser, id: Uuid) -> AppResult<()> {
    let (c, access) = access::load(&state.db, auth, id).await?;
    may_post(&c, auth, access, Visibility::Public)
}

/// Stores an uploaded file (content-addressed, so one copy per distinct content) and posts it
/// as a message with an optional text. Everything is checked before the file is written, and a
/// file written for a message that then fails is removed again.
pub async fn upload(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    file_name: &str,
    content_type: &str,
    bytes: Vec<u8>,
    text: Option<String>,
) -> AppResult<MessageView> {
    let (c, access) = access::load(&state.db, auth, id).await?;
    may_post(&c, auth, access, Visibility::Public)?;
    if bytes.is_empty() {
        return Err(AppError::field("file", "is empty"));
    }
    let content_type = recognise(content_type, &bytes)
        .ok_or_else(|| AppError::new(ErrorCode::UnsupportedAttachment))?;
    let body = text.map(|t| t.trim().to_owned()).unwrap_or_default();
    if body.chars().count() > 10_000 {
        return Err(AppError::field(
            "message",
            "must be at most 10000 characters",
        ));
    }
    let sha256 = hex::encode(Sha256::digest(&bytes));
    let path = attachment_path(state, &sha256);
    let created = !path.exists();
    if created {
        let dir = path
            .parent()
            .ok_or_else(|| AppError::internal("attachment path"))?;
        tokio::fs::create_dir_all(dir)
            .await
            .map_err(AppError::internal)?;
        let temp = dir.join(format!(".{}.part", Uuid::new_v4()));
        tokio::fs::write(&temp, &bytes)
            .await
            .map_err(AppError::internal)?;
        tokio::fs::rename(&temp, &path)
            .await
            .map_err(AppError::internal)?;
    }
    let file = StoredFile {
        file_name: clean_file_name(file_name),
        content_type: content_type.into(),
        size: bytes.len(),
        sha256: sha256.clone(),
    };
    let written = write(state, auth, id, body, Visibility::Public, Some(file)).await;
    if written.is_err() && created {
        forget_unreferenced(state, &sha256, &path).await;
    }
    written
}

/// Removes a stored file no attachment refers to (its message was refused after it was written).
async fn forget_unreferenced(state: &AppState, sha256: &str, path: &std::path::Path) {
    let referenced = attachment::Entity::find()
        .filter(attachment::Column::Sha256.eq(sha256))
        .select_only()
        .column(attachment::Column::Id)
        .into_tuple::<Uuid>()
        .one(&state.db)
        .await;
    if matches!(referenced, Ok(None))
        && let Err(e) = tokio::fs::remove_file(path).await
    {
        tracing::warn!(error = %e, "cannot remove an unreferenced attachment file");
    }
}

/// An attachment, for those who may read its consultation.
pub async fn attachment(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
) -> AppResult<(attachment::Model, PathBuf)> {
    let a = attachment::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or_else(AppError::not_found)?;
    access::load(&state.db, auth, a.consultation_id).await?;
    let path = attachment_path(state, &a.sha256);
    Ok((a, path))
}

/// Who reads a conversation: the person who asked sees its public messages only, the staff
/// its internal notes too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reader {
    pub id: Uuid,
    pub staff: bool,
}

impl From<&AuthUser> for Reader {
    fn from(auth: &AuthUser) -> Self {
        Self {
            id: auth.id,
            staff: auth.role.is_staff(),
        }
    }
}

/// The number of messages from others after the reader's last read one, in the consultation
/// whose id is `consultation_id` (a column of the outer query): a correlated subquery over the
/// (consultation, id, sender) index of messages, reading only the range after the reader's
/// receipt, so a list reads its unread counts in the same statement as its rows. Internal
/// notes count for staff only.
pub fn unread_count_expr(reader: Reader, consultation_id: Expr) -> Expr {
    use message::Column as M;
    use read_receipt::Column as R;
    let (m, r) = (Alias::new("um"), Alias::new("ur"));
    let last_read = Query::select()
        .column((r.clone(), R::LastReadMessageId))
        .from_as(read_receipt::Entity, r.clone())
        .and_where(Expr::col((r.clone(), R::ConsultationId)).eq(consultation_id.clone()))
        .and_where(Expr::col((r.clone(), R::UserId)).eq(reader.id))
        .to_owned();
    // Without a receipt, every message is after "nothing read": the nil UUID sorts before
    // every message id (UUIDv7) on both databases.
    let after = Func::coalesce([
        Expr::SubQuery(None, Box::new(last_read.into_sub_query_statement())),
        Expr::value(Uuid::nil()),
    ]);
    let mut stmt = Query::select()
        .expr(Expr::cust("COUNT(*)"))
        .from_as(message::Entity, m.clone())
        .and_where(Expr::col((m.clone(), M::ConsultationId)).eq(consultation_id))
        .and_where(Expr::col((m.clone(), M::Id)).gt(after))
        .and_where(Expr::col((m.clone(), M::SenderId)).ne(reader.id))
        .to_owned();
    if !reader.staff {
        stmt.and_where(Expr::col((m, M::Visibility)).eq(Visibility::Public.as_str()));
    }
    Expr::SubQuery(None, Box::new(stmt.into_sub_query_statement()))
}
