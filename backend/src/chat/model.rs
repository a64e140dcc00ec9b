use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::{Validate, ValidationError};

use crate::auth::Role;

fn not_blank(value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        Err(ValidationError::new("blank").with_message("must not be blank".into()))
    } else {
        Ok(())
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"body": "Selamat siang, data kemiskinan per kecamatan belum tersedia; yang tersedia tingkat kabupaten."}))]
pub struct PostMessageRequest {
    /// Plain text (shown as text, never as HTML), up to 10,000 characters.
    #[validate(
        length(min = 1, max = 10000, message = "must be 1 to 10000 characters"),
        custom(function = "not_blank")
    )]
    pub body: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AttachmentView {
    pub id: Uuid,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    /// Where those who may read the consultation download it.
    pub url: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "0192f0c4-9d3e-7c1a-9a4e-2b1f3c4d5e6f",
    "consultation_id": "0192f0c4-8d3e-7c1a-9a4e-2b1f3c4d5e6f",
    "body": "Terima kasih, datanya sudah saya terima.",
    "sender_id": "0192f0c4-0000-7c1a-9a4e-2b1f3c4d5e6f",
    "sender_role": "public",
    "sender_name": "Siti Rahma",
    "attachments": [],
    "created_at": "2026-11-21T02:20:00Z"
}))]
pub struct MessageView {
    pub id: Uuid,
    pub consultation_id: Uuid,
    pub body: String,
    pub sender_id: Uuid,
    pub sender_role: Role,
    pub sender_name: String,
    pub attachments: Vec<AttachmentView>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MessagesQuery {
    /// Only messages after this one (to catch up after a reconnect).
    pub after: Option<Uuid>,
    pub page: Option<u64>,
    /// Up to 100 (default 50).
    pub per_page: Option<u64>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadRequest {
    /// The newest message the caller has read.
    pub message_id: Uuid,
}
