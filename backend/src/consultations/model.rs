use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::vocab::string_enum;
pub use crate::vocab::{Category, Channel, PersonRef, Resolution, Status};

string_enum! {
    FollowUpKind {
        InPerson => "in_person",
        VideoMeeting => "video_meeting",
    }
}

string_enum! {
    /// Other PST services a consultation may lead to.
    ReferralService {
        Library => "library",
        DataPurchase => "data_purchase",
        Microdata => "microdata",
        ActivityRecommendation => "activity_recommendation",
        InPersonConsultation => "in_person_consultation",
        Other => "other",
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "unit_code": "3304",
    "category": "data",
    "subject": "Angka kemiskinan Banjarnegara 2025",
    "question": "Berapa persentase penduduk miskin Kabupaten Banjarnegara tahun 2025, dan apakah ada rinciannya per kecamatan?"
}))]
pub struct CreateConsultationRequest {
    #[schema(min_length = 1, max_length = 8)]
    #[validate(length(min = 1, max = 8, message = "must be a unit code"))]
    pub unit_code: String,
    pub category: Category,
    #[serde(deserialize_with = "crate::api::trimmed")]
    #[schema(min_length = 3, max_length = 200)]
    #[validate(length(min = 3, max = 200, message = "must be 3 to 200 characters"))]
    pub subject: String,
    #[serde(deserialize_with = "crate::api::trimmed")]
    #[schema(min_length = 10, max_length = 10000)]
    #[validate(length(min = 10, max = 10000, message = "must be 10 to 10000 characters"))]
    pub question: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "0192f0c4-8d3e-7c1a-9a4e-2b1f3c4d5e6f",
    "number": "3304-2026-000123",
    "unit_code": "3304",
    "category": "data",
    "subject": "Angka kemiskinan Banjarnegara 2025",
    "question": "Berapa persentase penduduk miskin Kabupaten Banjarnegara tahun 2025?",
    "status": "waiting",
    "resolution": null,
    "summary": null,
    "queue_position": 2,
    "owner": {"id": "0192f0c4-0000-7c1a-9a4e-2b1f3c4d5e6f", "full_name": "Siti Rahma"},
    "assignee": null,
    "clarified_at": null,
    "deadline_at": null,
    "deadline_provisional": false,
    "overdue": false,
    "closed_at": null,
    "unread_count": 0,
    "rated": false,
    "to_index": false,
    "channel": "online",
    "created_at": "2026-11-21T02:15:00Z",
    "updated_at": "2026-11-21T02:15:00Z"
}))]
pub struct ConsultationView {
    pub id: Uuid,
    /// Unique per unit: `{unit}-{year}-{sequence}`.
    pub number: String,
    pub unit_code: String,
    pub category: Category,
    pub subject: String,
    pub question: String,
    pub status: Status,
    pub resolution: Option<Resolution>,
    pub summary: Option<String>,
    /// 1-based place in the unit's queue, first come first served; only while waiting.
    pub queue_position: Option<u64>,
    pub owner: PersonRef,
    pub assignee: Option<PersonRef>,
    /// When the officer marked the request clear; the deadline clock starts then.
    pub clarified_at: Option<DateTime<Utc>>,
    /// End (23:59:59, unit time) of the unit's Nth working day after clarification.
    pub deadline_at: Option<DateTime<Utc>>,
    /// The deadline is provisional (a mark for staff; the owner's view carries it too): it was
    /// counted through a year whose holiday decree (SKB 3 Menteri) is not loaded, so only that
    /// year's fixed-date national holidays were skipped, not its moving holidays or collective
    /// leave. `false` without a deadline, and once every year counted (from the day after
    /// clarifying to the deadline) is loaded; the deadline itself is not counted again then.
    pub deadline_provisional: bool,
    /// Past its deadline and not closed.
    pub overdue: bool,
    pub closed_at: Option<DateTime<Utc>>,
    /// Messages from others after the caller's last read one.
    pub unread_count: u64,
    /// Whether the owner has rated the service.
    pub rated: bool,
    /// Marked by an officer to be curated into the knowledge base.
    pub to_index: bool,
    /// `online`, or `walk_in` for a consultation held at a desk (recorded by the officer, closed).
    pub channel: Channel,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FollowUpView {
    pub id: Uuid,
    pub kind: FollowUpKind,
    pub scheduled_at: DateTime<Utc>,
    pub location_or_link: String,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReferralView {
    pub id: Uuid,
    pub service: ReferralService,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A consultation with its follow-ups and referrals.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsultationDetail {
    #[serde(flatten)]
    pub consultation: ConsultationView,
    pub follow_ups: Vec<FollowUpView>,
    pub referrals: Vec<ReferralView>,
    /// The owner's satisfaction rating, once given.
    pub rating: Option<crate::skm::RatingView>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    pub status: Option<Status>,
    pub category: Option<Category>,
    /// `me`: only those assigned to the caller.
    #[param(example = "me")]
    pub assignee: Option<String>,
    /// Words in the number, the subject and question, or a message (for the person who asked,
    /// only the messages they see).
    pub q: Option<String>,
    /// Staff of an upper unit: only this unit's.
    pub unit: Option<String>,
    /// `online` or `walk_in` (recorded at a desk).
    pub channel: Option<crate::vocab::Channel>,
    /// Opened on or after this day, in the time zone of `unit` (or the caller's unit).
    pub from: Option<chrono::NaiveDate>,
    /// Opened on or before this day, in the same zone.
    pub to: Option<chrono::NaiveDate>,
    #[param(minimum = 1, maximum = 10000)]
    pub page: Option<u64>,
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u64>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignRequest {
    /// An officer or supervisor of the consultation's unit.
    pub officer_id: Uuid,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"resolution": "answered", "summary": "Data kemiskinan 2025 dikirim dalam tabel."}))]
pub struct CloseRequest {
    /// `answered`, `referred` or `cancelled` (`withdrawn` is the owner's, `inactive` the system's).
    pub resolution: Resolution,
    #[serde(default, deserialize_with = "crate::api::trimmed_optional")]
    #[schema(max_length = 5000)]
    #[validate(length(max = 5000, message = "must be at most 5000 characters"))]
    pub summary: Option<String>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "kind": "video_meeting",
    "scheduled_at": "2026-11-24T03:00:00Z",
    "location_or_link": "https://meet.example.org/pst-3304",
    "note": "Membahas tabel kemiskinan per kecamatan."
}))]
pub struct FollowUpRequest {
    pub kind: FollowUpKind,
    pub scheduled_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::api::trimmed")]
    #[schema(min_length = 3, max_length = 500)]
    #[validate(length(min = 3, max = 500, message = "must be 3 to 500 characters"))]
    pub location_or_link: String,
    #[serde(default, deserialize_with = "crate::api::trimmed_optional")]
    #[schema(max_length = 2000)]
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"service": "microdata", "note": "Permintaan mikrodata Susenas melalui layanan mikrodata."}))]
pub struct ReferralRequest {
    pub service: ReferralService,
    #[serde(default, deserialize_with = "crate::api::trimmed_optional")]
    #[schema(max_length = 2000)]
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarkToIndexRequest {
    pub to_index: bool,
}
