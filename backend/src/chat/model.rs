use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::vocab::Visibility;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"body": "Selamat siang, data kemiskinan per kecamatan belum tersedia; yang tersedia tingkat kabupaten."}))]
pub struct PostMessageRequest {
    /// Plain text (shown as text, never as HTML), up to 10,000 characters.
    #[schema(min_length = 1, max_length = 10000)]
    #[validate(
        length(min = 1, max = 10000, message = "must be 1 to 10000 characters"),
        custom(function = "crate::api::not_blank")
    )]
    pub body: String,
    /// `internal` writes a note for the unit's staff (officers and supervisors of the unit, in
    /// any state of the consultation), never shown to the person who asked. Default `public`.
    #[serde(default)]
    pub visibility: Option<Visibility>,
}

pub use crate::bus::events::{AttachmentView, MessageView};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MessagesQuery {
    /// Only messages after this one (to catch up after a reconnect).
    pub after: Option<Uuid>,
    #[param(minimum = 1, maximum = 10000)]
    pub page: Option<u64>,
    /// Up to 100 (default 50).
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u64>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadRequest {
    /// The newest message the caller has read.
    pub message_id: Uuid,
}
