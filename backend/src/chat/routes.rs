use actix_web::{HttpRequest, HttpResponse, get, http::header, post, web};
use futures_util::StreamExt;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::{
    model::{MessageView, MessagesQuery, PostMessageRequest, ReadRequest},
    service,
};
use crate::{
    api::{
        BadRequest, Conflict, Forbidden, NotFound, Page, Unauthenticated, Unprocessable, ValidJson,
    },
    caller::AuthUser,
    error::{AppError, AppResult, ErrorCode},
    state::AppState,
};

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_messages)
        .service(post_message)
        .service(upload_attachment)
        .service(download_attachment)
        .service(mark_read);
}

/// The conversation, oldest first; `after` gives only newer messages (to catch up after a reconnect).
#[utoipa::path(
    tag = "chat",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), MessagesQuery),
    responses(
        (status = 200, description = "One page of messages.", body = Page<MessageView>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[get("/consultations/{id}/messages")]
async fn list_messages(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: web::Query<MessagesQuery>,
) -> AppResult<web::Json<Page<MessageView>>> {
    Ok(web::Json(
        service::list(&state, &auth, *id, query.into_inner()).await?,
    ))
}

/// Write a message: the owner while the consultation is open; its officer (and the unit's
/// supervisor) once it has been taken. Delivered live to everyone connected. With
/// `visibility: "internal"`, a note for the unit's staff (any officer or supervisor of the unit,
/// in any state): delivered live to staff only, and never shown, counted or mailed to the person
/// who asked.
#[utoipa::path(
    tag = "chat",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = PostMessageRequest,
    responses(
        (status = 201, description = "Written.", body = MessageView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/consultations/{id}/messages")]
async fn post_message(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: ValidJson<PostMessageRequest>,
) -> AppResult<HttpResponse> {
    let PostMessageRequest { body, visibility } = body.0;
    let visibility = visibility.unwrap_or(crate::vocab::Visibility::Public);
    Ok(HttpResponse::Created().json(service::post(&state, &auth, *id, body, visibility).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// The file's name as the user knows it.
    #[param(example = "tabel-kemiskinan-2025.xlsx")]
    pub file_name: String,
    /// Optional text sent with the file.
    pub message: Option<String>,
}

/// Attach a file (PDF, XLSX, CSV, DOCX, PNG or JPEG, at most 10 MB) as a message. Send the file
/// itself as the body, with its type in `Content-Type`.
#[utoipa::path(
    tag = "chat",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), UploadQuery),
    request_body(
        description = "The file's bytes.",
        content(
            (FileBytes = "application/pdf"),
            (FileBytes = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (FileBytes = "text/csv"),
            (FileBytes = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (FileBytes = "image/png"),
            (FileBytes = "image/jpeg"),
        )
    ),
    responses(
        (status = 201, description = "Attached.", body = MessageView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 413, description = "`attachment_too_large`", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 415, description = "`unsupported_attachment`", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/consultations/{id}/attachments")]
async fn upload_attachment(
    auth: AuthUser,
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<Uuid>,
    query: web::Query<UploadQuery>,
    mut payload: web::Payload,
) -> AppResult<HttpResponse> {
    // Who may attach, and whether the file can fit, are settled before any byte is read.
    service::may_upload(&state, &auth, *id).await?;
    let declared_length = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared_length.is_some_and(|n| n > service::MAX_ATTACHMENT_BYTES) {
        return Err(AppError::new(ErrorCode::AttachmentTooLarge));
    }
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let mut bytes = Vec::with_capacity(declared_length.unwrap_or(0));
    while let Some(chunk) = payload.next().await {
        let chunk = chunk
            .map_err(|e| AppError::new(ErrorCode::MalformedJson).with_detail(e.to_string()))?;
        if bytes.len() + chunk.len() > service::MAX_ATTACHMENT_BYTES {
            return Err(AppError::new(ErrorCode::AttachmentTooLarge));
        }
        bytes.extend_from_slice(&chunk);
    }
    let query = query.into_inner();
    let view = service::upload(
        &state,
        &auth,
        *id,
        &query.file_name,
        &content_type,
        bytes,
        query.message,
    )
    .await?;
    Ok(HttpResponse::Created().json(view))
}

/// A file's bytes (in the OpenAPI document: a binary string).
pub struct FileBytes;

impl utoipa::PartialSchema for FileBytes {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
            .into()
    }
}

impl utoipa::ToSchema for FileBytes {}

/// Download an attachment (those who may read its consultation).
#[utoipa::path(
    tag = "chat",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, description = "The file, with the type it was stored with (one of the upload's types), as an attachment named by `filename` and, for names beyond ASCII, `filename*` (RFC 6266).", content(
            (FileBytes = "application/pdf"),
            (FileBytes = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (FileBytes = "text/csv"),
            (FileBytes = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (FileBytes = "image/png"),
            (FileBytes = "image/jpeg"),
        )),
        (status = 401, response = Unauthenticated),
        (status = 404, response = NotFound),
    )
)]
#[get("/attachments/{id}")]
async fn download_attachment(
    auth: AuthUser,
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    let (a, path) = service::attachment(&state, &auth, *id).await?;
    let file = actix_files::NamedFile::open_async(&path)
        .await
        .map_err(AppError::internal)?;
    let mime: mime::Mime = a
        .content_type
        .parse()
        .unwrap_or(mime::APPLICATION_OCTET_STREAM);
    let mut res = file
        .set_content_type(mime)
        .set_content_disposition(content_disposition(&a.file_name))
        .into_response(&req);
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("private, no-store"),
    );
    Ok(res)
}

/// `attachment; filename="…"` with an ASCII fallback, and `filename*=UTF-8''…` (RFC 6266 and
/// RFC 8187) when the name has other characters, so "Tabel Penduduk Kecamatan – Ö.xlsx" arrives
/// as it was named.
fn content_disposition(name: &str) -> header::ContentDisposition {
    let fallback: String = name
        .chars()
        .map(|c| {
            if c.is_ascii() && !c.is_ascii_control() && c != '"' && c != '\\' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut parameters = vec![header::DispositionParam::Filename(fallback)];
    if !name.is_ascii() {
        parameters.push(header::DispositionParam::FilenameExt(
            header::ExtendedValue {
                charset: header::Charset::Ext("UTF-8".into()),
                language_tag: None,
                value: name.as_bytes().to_vec(),
            },
        ));
    }
    header::ContentDisposition {
        disposition: header::DispositionType::Attachment,
        parameters,
    }
}

/// Record the newest message the caller has read (read receipts and unread counts).
#[utoipa::path(
    tag = "chat",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = ReadRequest,
    responses(
        (status = 204, description = "Recorded."),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/consultations/{id}/read")]
async fn mark_read(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: ValidJson<ReadRequest>,
) -> AppResult<HttpResponse> {
    service::mark_read(&state, &auth, *id, body.0.message_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
