use std::{collections::HashMap, path::PathBuf};

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel,
    JoinType, PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
    sea_query::{Alias, Expr, ExprTrait, Query},
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
    vocab::Status,
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
    access::load(&state.db, auth, id).await?;
    let mut query = message::Entity::find().filter(message::Column::ConsultationId.eq(id));
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

/// Who may write: the owner while it waits or runs; its assignee and the unit's supervisor while it runs.
fn may_post(c: &consultation::Model, auth: &AuthUser, access: Access) -> AppResult<()> {
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
    file: Option<StoredFile>,
) -> AppResult<MessageView> {
    let (c, access) = access::load(&state.db, auth, id).await?;
    may_post(&c, auth, access)?;
    let now = Utc::now();
    let txn = state.db.begin().await?;
    let saved = message::ActiveModel {
        id: Set(Uuid::now_v7()),
        consultation_id: Set(c.id),
        sender_id: Set(auth.id),
        sender_role: Set(auth.role.as_str().into()),
        body: Set(body),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    if let Some(file) = file {
        attachment::ActiveModel {
            id: Set(Uuid::now_v7()),
            consultation_id: Set(c.id),
            message_id: Set(Some(saved.id)),
            file_name: Set(file.file_name),
            content_type: Set(file.content_type),
            size_bytes: Set(file.size as i64),
            sha256: Set(file.sha256),
            uploaded_by: Set(auth.id),
            created_at: Set(now),
        }
        .insert(&txn)
        .await?;
    }
    let from_owner = access == Access::Owner;
    let mut active = c.clone().into_active_model();
    if from_owner {
        active.last_user_message_at = Set(Some(now));
    } else {
        active.last_officer_message_at = Set(Some(now));
    }
    active.updated_at = Set(now);
    active.update(&txn).await?;
    upsert_receipt(&txn, c.id, auth.id, saved.id).await?;
    if !from_owner && !state.presence.is_connected(c.user_id) {
        let owner = user::Entity::find_by_id(c.user_id)
            .one(&txn)
            .await?
            .ok_or_else(AppError::not_found)?;
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
    let view = message_views(&state.db, vec![saved])
        .await?
        .pop()
        .ok_or_else(|| AppError::internal("message view"))?;
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
) -> AppResult<MessageView> {
    write(state, auth, id, body.trim().to_owned(), None).await
}

async fn upsert_receipt<C: ConnectionTrait>(
    conn: &C,
    consultation_id: Uuid,
    user_id: Uuid,
    message_id: Uuid,
) -> AppResult<bool> {
    let now = Utc::now();
    match read_receipt::Entity::find_by_id((consultation_id, user_id))
        .one(conn)
        .await?
    {
        Some(existing) if existing.last_read_message_id >= message_id => Ok(false),
        Some(existing) => {
            let mut active = existing.into_active_model();
            active.last_read_message_id = Set(message_id);
            active.updated_at = Set(now);
            active.update(conn).await?;
            Ok(true)
        }
        None => {
            read_receipt::ActiveModel {
                consultation_id: Set(consultation_id),
                user_id: Set(user_id),
                last_read_message_id: Set(message_id),
                updated_at: Set(now),
            }
            .insert(conn)
            .await?;
            Ok(true)
        }
    }
}

/// Records that the caller read up to `message_id`, and tells the others.
pub async fn mark_read(
    state: &AppState,
    auth: &AuthUser,
    id: Uuid,
    message_id: Uuid,
) -> AppResult<()> {
    let (c, _) = access::load(&state.db, auth, id).await?;
    let belongs = message::Entity::find_by_id(message_id)
        .one(&state.db)
        .await?
        .is_some_and(|m| m.consultation_id == c.id);
    if !belongs {
        return Err(AppError::field(
            "message_id",
            "is not a message of this consultation",
        ));
    }
    if upsert_receipt(&state.db, c.id, auth.id, message_id).await? {
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

/// Stores an uploaded file (content-addressed, so one copy per distinct content) and posts it
/// as a message with an optional text.
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
    may_post(&c, auth, access)?;
    if bytes.is_empty() {
        return Err(AppError::field("file", "is empty"));
    }
    let content_type = recognise(content_type, &bytes)
        .ok_or_else(|| AppError::new(ErrorCode::UnsupportedAttachment))?;
    let sha256 = hex::encode(Sha256::digest(&bytes));
    let path = attachment_path(state, &sha256);
    if !path.exists() {
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
        sha256,
    };
    let body = text.map(|t| t.trim().to_owned()).unwrap_or_default();
    if body.chars().count() > 10_000 {
        return Err(AppError::field(
            "message",
            "must be at most 10000 characters",
        ));
    }
    write(state, auth, id, body, Some(file)).await
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

/// Messages from others after the reader's last read one, per consultation: one query.
pub async fn unread_counts<Cn: ConnectionTrait>(
    conn: &Cn,
    reader: Uuid,
    ids: &[Uuid],
) -> AppResult<HashMap<Uuid, u64>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    use message::Column as M;
    use read_receipt::Column as R;
    let r = Alias::new("r");
    let m = |col: M| Expr::col((message::Entity, col));
    let last_read = Expr::col((r.clone(), R::LastReadMessageId));
    let stmt = Query::select()
        .column((message::Entity, M::ConsultationId))
        .expr_as(m(M::Id).count(), Alias::new("unread"))
        .from(message::Entity)
        .join_as(
            JoinType::LeftJoin,
            read_receipt::Entity,
            r.clone(),
            Condition::all()
                .add(
                    Expr::col((r.clone(), R::ConsultationId))
                        .equals((message::Entity, M::ConsultationId)),
                )
                .add(Expr::col((r.clone(), R::UserId)).eq(reader)),
        )
        .and_where(m(M::ConsultationId).is_in(ids.iter().copied()))
        .and_where(m(M::SenderId).ne(reader))
        .and_where(last_read.clone().is_null().or(m(M::Id).gt(last_read)))
        .group_by_col((message::Entity, M::ConsultationId))
        .to_owned();
    let mut out = HashMap::with_capacity(ids.len());
    for row in conn.query_all(&stmt).await? {
        let id: Uuid = row.try_get("", "consultation_id")?;
        let n: i64 = row.try_get("", "unread")?;
        let n = u64::try_from(n).map_err(|_| AppError::internal("negative unread count"))?;
        out.insert(id, n);
    }
    Ok(out)
}
