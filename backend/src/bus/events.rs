//! What the server pushes over the WebSocket: one tagged enum, documented in the OpenAPI
//! components as `LiveEvent`, from which the web app's event types are generated.
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    error::ErrorCode,
    vocab::{PersonRef, Resolution, Role, Status},
};

/// A live event: `type` says which.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(tag = "type")]
pub enum LiveEvent {
    /// A new message in a conversation the user may read.
    #[serde(rename = "message.created")]
    MessageCreated {
        consultation_id: Uuid,
        data: MessageView,
    },
    /// A consultation changed (status, assignee, deadline, closing…): every field is sent.
    #[serde(rename = "consultation.updated")]
    ConsultationUpdated {
        consultation_id: Uuid,
        data: ConsultationChange,
    },
    /// The unit's queue moved on: the owner's consultation has a new position.
    #[serde(rename = "queue.moved")]
    QueueMoved {
        consultation_id: Uuid,
        data: QueueMove,
    },
    /// Someone else in the conversation is typing.
    #[serde(rename = "typing")]
    Typing { consultation_id: Uuid, data: Typing },
    /// Someone else in the conversation read up to a message.
    #[serde(rename = "read")]
    Read {
        consultation_id: Uuid,
        data: ReadUpTo,
    },
    /// A walk-in ticket changed (to the unit's staff; to the visitor on the ticket's own feed).
    #[serde(rename = "walkin.ticket")]
    WalkinTicket {
        ticket_id: Uuid,
        unit_code: String,
        data: Box<super::walkin::TicketView>,
    },
    /// The unit's display board after a change (to board clients and the unit's staff).
    #[serde(rename = "walkin.board")]
    WalkinBoard {
        unit_code: String,
        data: Box<super::walkin::Board>,
    },
    /// A visitor waited longer than the unit's standard (to the unit's staff).
    #[serde(rename = "walkin.breach")]
    WalkinBreach {
        ticket_id: Uuid,
        unit_code: String,
        data: super::walkin::Breach,
    },
    /// A message the client sent was refused.
    #[serde(rename = "error")]
    Error { code: ErrorCode },
}

/// The state of a consultation after a change.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ConsultationChange {
    pub status: Status,
    pub resolution: Option<Resolution>,
    pub summary: Option<String>,
    pub assignee_id: Option<Uuid>,
    pub assignee: Option<PersonRef>,
    /// 1 for the next in line; only while waiting.
    #[schema(minimum = 1)]
    pub queue_position: Option<u64>,
    pub clarified_at: Option<DateTime<Utc>>,
    pub deadline_at: Option<DateTime<Utc>>,
    /// The deadline was counted through a year whose holiday decree is not loaded (see the
    /// consultation's `deadline_provisional`).
    pub deadline_provisional: bool,
    pub closed_at: Option<DateTime<Utc>>,
    pub overdue: bool,
    pub to_index: bool,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QueueMove {
    #[schema(minimum = 1)]
    pub queue_position: u64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Typing {
    pub user_id: Uuid,
    pub role: Role,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReadUpTo {
    pub user_id: Uuid,
    pub message_id: Uuid,
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
    "visibility": "public",
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
    /// `internal`: a note among the unit's staff, never sent to the person who asked.
    pub visibility: crate::vocab::Visibility,
    pub attachments: Vec<AttachmentView>,
    pub created_at: DateTime<Utc>,
}
