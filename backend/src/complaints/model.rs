//! What complaints are made of, and their shapes on the wire.
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::vocab::{PersonRef, string_enum};

string_enum! {
    /// What the complainant brings.
    ComplaintKind {
        /// Something went wrong (keluhan).
        Complaint => "complaint",
        /// A suggestion (saran).
        Suggestion => "suggestion",
        /// Thanks for the service (apresiasi).
        Appreciation => "appreciation",
        /// A request for information (permintaan informasi).
        Information => "information",
    }
}

string_enum! {
    /// How the complaint reached the unit.
    ComplaintIntake {
        /// The web form (or the API).
        Web => "web",
        /// The suggestion box at the service room.
        SuggestionBox => "suggestion_box",
        Email => "email",
        Whatsapp => "whatsapp",
        SocialMedia => "social_media",
        Phone => "phone",
        /// Told to an officer at the unit.
        InPerson => "in_person",
        /// SP4N-LAPOR!, the national complaint channel (with its reference).
        Lapor => "lapor",
    }
}

string_enum! {
    /// Where a complaint stands.
    ComplaintStatus {
        /// Filed anonymously; waits for the emailed confirmation before staff see it.
        Unconfirmed => "unconfirmed",
        /// In the unit's queue, to verify.
        Received => "received",
        /// Verified as the unit's to handle.
        Verified => "verified",
        /// Being worked on.
        InProgress => "in_progress",
        /// The unit has responded; closes when confirmed, or after the unit's days of silence.
        Responded => "responded",
        Closed => "closed",
        /// Not a complaint, or not the unit's authority (with the reason).
        Rejected => "rejected",
        /// Sent on to another unit or to LAPOR!.
        Forwarded => "forwarded",
    }
}

impl ComplaintStatus {
    /// Nothing happens to it any more.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Closed | Self::Rejected | Self::Forwarded)
    }
}

string_enum! {
    /// A step of a complaint's history.
    ComplaintEventKind {
        /// The status changed (filing, confirmation, verification, closing, …).
        Status => "status",
        /// The unit's response to the complainant.
        Response => "response",
        /// The complainant's reply.
        Reply => "reply",
        /// A staff member was assigned (or unassigned).
        Assigned => "assigned",
    }
}

/// A complaint filed on the web, or recorded by the unit's staff from another channel.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "unit_code": "3304", "kind": "complaint", "subject": "Balasan konsultasi terlambat",
    "description": "Pertanyaan saya tentang data kemiskinan belum dijawab setelah seminggu.",
    "name": "Siti Rahma", "email": "siti@example.com", "phone": "081234567890",
    "related_number": "3304-2026-000012"
}))]
pub struct ComplaintRequest {
    #[schema(min_length = 4, max_length = 8, example = "3304")]
    #[serde(deserialize_with = "crate::api::trimmed")]
    #[validate(length(min = 4, max = 8, message = "must be a unit code"))]
    pub unit_code: String,
    pub kind: ComplaintKind,
    #[schema(min_length = 1, max_length = 200)]
    #[serde(deserialize_with = "crate::api::trimmed")]
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    pub subject: String,
    #[schema(min_length = 1, max_length = 5000)]
    #[serde(deserialize_with = "crate::api::trimmed")]
    #[validate(length(min = 1, max = 5000, message = "must be 1 to 5000 characters"))]
    pub description: String,
    #[schema(max_length = 120)]
    #[serde(default, deserialize_with = "crate::api::trimmed_optional")]
    #[validate(length(max = 120, message = "must be at most 120 characters"))]
    pub name: Option<String>,
    /// Where the tracking code and the unit's responses go. Required from an anonymous
    /// visitor (who confirms it through the emailed link); a signed-in user's account email
    /// when omitted; optional when staff record a complaint.
    #[schema(format = Email, max_length = 254)]
    #[serde(default, deserialize_with = "crate::api::trimmed_optional")]
    #[validate(
        email(message = "must be an email address"),
        length(max = 254, message = "must be at most 254 characters")
    )]
    pub email: Option<String>,
    #[schema(max_length = 32)]
    #[serde(default, deserialize_with = "crate::api::trimmed_optional")]
    #[validate(length(max = 32, message = "must be at most 32 characters"))]
    pub phone: Option<String>,
    /// The consultation or queue-ticket number it is about.
    #[schema(max_length = 40)]
    #[serde(default, deserialize_with = "crate::api::trimmed_optional")]
    #[validate(length(max = 40, message = "must be at most 40 characters"))]
    pub related_number: Option<String>,
    /// Staff recording a complaint from another channel name it (`web` otherwise).
    pub channel: Option<ComplaintIntake>,
    /// The SP4N-LAPOR! reference: required with `channel: lapor`.
    #[schema(max_length = 64)]
    #[serde(default, deserialize_with = "crate::api::trimmed_optional")]
    #[validate(length(max = 64, message = "must be at most 64 characters"))]
    pub lapor_reference: Option<String>,
    /// Staff recording: the day it came in, in the unit's time zone (today when omitted; not
    /// in the future). Its deadlines count from that day.
    pub received_at: Option<NaiveDate>,
}

/// What the complainant keeps: the tracking code and its page.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintReceipt {
    #[schema(example = "ADU-3304-7KQ2M9XD4HPW")]
    pub tracking_code: String,
    /// The tracking page in the web app.
    pub tracking_url: String,
    pub status: ComplaintStatus,
    /// An anonymous filing waits for the link emailed to its address.
    pub confirmation_required: bool,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplaintConfirmRequest {
    /// The token of the emailed confirmation link.
    #[schema(min_length = 1, max_length = 128)]
    #[validate(length(min = 1, max = 128, message = "must be the link's token"))]
    pub token: String,
}

/// A step of the history as the tracking page shows it: no names, no contacts.
#[derive(Debug, Serialize, ToSchema)]
pub struct TrackedEvent {
    pub kind: ComplaintEventKind,
    /// The status after the step.
    pub status: ComplaintStatus,
    /// The unit's response, the complainant's reply, or the reason of a rejection,
    /// forwarding or closing.
    pub body: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A complaint on its public tracking page: never the complainant's personal data.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintTracking {
    pub tracking_code: String,
    pub unit_code: String,
    pub unit_name: String,
    /// The unit's time zone, for showing the dates.
    pub time_zone: String,
    pub kind: ComplaintKind,
    pub channel: ComplaintIntake,
    pub subject: String,
    pub status: ComplaintStatus,
    pub received_at: DateTime<Utc>,
    pub verify_due_at: Option<DateTime<Utc>>,
    pub respond_due_at: Option<DateTime<Utc>>,
    /// When a responded complaint with no reply closes.
    pub auto_close_at: Option<DateTime<Utc>>,
    /// The unit (or `lapor`) it was forwarded to.
    pub forwarded_to: Option<String>,
    /// The complainant may reply, or confirm that it is resolved.
    pub can_reply: bool,
    pub history: Vec<TrackedEvent>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"body": "Terima kasih, tabelnya sudah saya terima.", "resolved": true}))]
pub struct ComplaintReplyRequest {
    /// Required unless `resolved`.
    #[schema(max_length = 5000)]
    #[serde(default, deserialize_with = "crate::api::trimmed_optional")]
    #[validate(length(max = 5000, message = "must be at most 5000 characters"))]
    pub body: Option<String>,
    /// The complainant confirms the unit's response resolved it: the complaint closes.
    #[serde(default)]
    pub resolved: bool,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ComplaintListQuery {
    /// The unit (default: the caller's own; admins name one). A supervisor may name a unit below
    /// theirs, to read.
    #[param(example = "3304")]
    pub unit: Option<String>,
    pub status: Option<ComplaintStatus>,
    pub kind: Option<ComplaintKind>,
    pub channel: Option<ComplaintIntake>,
    /// Only those past the deadline they wait for (or only the others).
    pub overdue: Option<bool>,
    pub assignee_id: Option<Uuid>,
    /// First day it came in, in the unit's time zone (inclusive).
    pub from: Option<NaiveDate>,
    /// Last day it came in, in the unit's time zone (inclusive).
    pub to: Option<NaiveDate>,
    #[param(minimum = 1, maximum = 10000)]
    pub page: Option<u64>,
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u64>,
}

/// A complaint as the unit's staff read it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Complaint {
    pub id: Uuid,
    pub tracking_code: String,
    pub unit_code: String,
    pub kind: ComplaintKind,
    pub channel: ComplaintIntake,
    pub subject: String,
    pub description: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub related_number: Option<String>,
    pub lapor_reference: Option<String>,
    pub status: ComplaintStatus,
    pub received_at: DateTime<Utc>,
    pub verify_due_at: Option<DateTime<Utc>>,
    pub respond_due_at: Option<DateTime<Utc>>,
    /// The deadline it waits for now (to verify, then to respond).
    pub due_at: Option<DateTime<Utc>>,
    /// Past `due_at`.
    pub overdue: bool,
    pub verified_at: Option<DateTime<Utc>>,
    pub responded_at: Option<DateTime<Utc>>,
    pub auto_close_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub reason: Option<String>,
    pub forwarded_to: Option<String>,
    /// The complaint another unit forwarded here.
    pub forwarded_from_id: Option<Uuid>,
    pub assignee: Option<PersonRef>,
    /// The staff member who recorded it from another channel.
    pub recorded_by: Option<PersonRef>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintEvent {
    pub id: Uuid,
    pub kind: ComplaintEventKind,
    pub status: ComplaintStatus,
    pub body: Option<String>,
    /// The staff member; none for the complainant and for the automatic closing.
    pub author: Option<PersonRef>,
    pub created_at: DateTime<Utc>,
}

/// A complaint with its whole history, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintDetail {
    #[serde(flatten)]
    pub complaint: Complaint,
    pub events: Vec<ComplaintEvent>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"status": "forwarded", "reason": "Data yang ditanyakan adalah data provinsi.", "forwarded_to": "3300"}))]
pub struct ComplaintStatusRequest {
    /// `verified`, `in_progress`, `closed`, `rejected` or `forwarded`; a change the lifecycle
    /// does not allow is 409 `invalid_transition`.
    pub status: ComplaintStatus,
    /// Required to reject, and to close a complaint the unit has not responded to.
    #[schema(max_length = 2000)]
    #[serde(default, deserialize_with = "crate::api::trimmed_optional")]
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    pub reason: Option<String>,
    /// To forward: another unit's code, or `lapor`.
    #[schema(max_length = 16, example = "3300")]
    #[serde(default, deserialize_with = "crate::api::trimmed_optional")]
    #[validate(length(max = 16, message = "must be a unit code or lapor"))]
    pub forwarded_to: Option<String>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"body": "Mohon maaf atas keterlambatan. Jawaban konsultasi Anda sudah kami kirim hari ini."}))]
pub struct ComplaintResponseRequest {
    #[schema(min_length = 1, max_length = 5000)]
    #[serde(deserialize_with = "crate::api::trimmed")]
    #[validate(length(min = 1, max = 5000, message = "must be 1 to 5000 characters"))]
    pub body: String,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplaintAssignRequest {
    /// An officer or supervisor of the unit; null to unassign.
    pub assignee_id: Option<Uuid>,
}
