//! What walk-in events carry: tickets and the display board (the walk-in slice builds them;
//! they are here so that the one `LiveEvent` enum can name them).
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::vocab::string_enum;

string_enum! {
    /// Where a queue ticket stands.
    TicketStatus {
        /// In the service's queue.
        Waiting => "waiting",
        /// Called to a desk; the visitor is on the way.
        Called => "called",
        /// Being served at the desk.
        Serving => "serving",
        Finished => "finished",
        /// Called the unit's minimum number of times without coming.
        NoShow => "no_show",
        /// Sent to another service's queue (with a new ticket).
        Transferred => "transferred",
        Cancelled => "cancelled",
        /// Still waiting when the day was closed.
        NotServed => "not_served",
    }
}

impl TicketStatus {
    /// Held by a desk: called or being served.
    pub fn at_desk(self) -> bool {
        matches!(self, Self::Called | Self::Serving)
    }
}

string_enum! {
    /// Why a visitor is served ahead of the normal queue.
    Priority {
        Elderly => "elderly",
        Disability => "disability",
        Pregnant => "pregnant",
        /// A visitor with a small child.
        Child => "child",
    }
}

/// A desk as named on tickets and the board.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct DeskRef {
    pub code: String,
    pub name: String,
}

/// Another ticket, linked by a transfer.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct TicketRef {
    pub id: Uuid,
    pub number: String,
    pub service: String,
}

/// A queue ticket.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
#[schema(example = json!({
    "id": "0192f0c4-9d3e-7c1a-9a4e-2b1f3c4d5e6f", "unit_code": "3375", "number": "K-007",
    "service": "konsultasi", "service_name": "Konsultasi Statistik", "priority": null,
    "status": "waiting", "position": 3, "ahead": 2, "estimated_wait_minutes": 20,
    "taken_at": "2026-12-02T01:15:00Z", "called_at": null, "call_count": 0, "desk": null,
    "started_at": null, "finished_at": null, "standard_wait_minutes": null, "breach": false, "rated": false,
    "transferred_from": null, "transferred_to": null,
    "track_url": "http://127.0.0.1:8080/walkin/tickets/0192f0c4-9d3e-7c1a-9a4e-2b1f3c4d5e6f?key=…"
}))]
pub struct TicketView {
    pub id: Uuid,
    pub unit_code: String,
    /// The service's prefix and the day's sequence: `K-007`.
    pub number: String,
    /// The service's code.
    pub service: String,
    pub service_name: String,
    pub priority: Option<Priority>,
    pub status: TicketStatus,
    /// 1 for the next to be called; only while waiting.
    #[schema(minimum = 1)]
    pub position: Option<u64>,
    /// Tickets to be called before this one; only while waiting.
    pub ahead: Option<u64>,
    /// From the day's service times and the desks open for the service; only while waiting.
    pub estimated_wait_minutes: Option<u64>,
    pub taken_at: DateTime<Utc>,
    /// The first call.
    pub called_at: Option<DateTime<Utc>>,
    pub call_count: u32,
    /// The desk that called it.
    pub desk: Option<DeskRef>,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    /// Minutes from the later of taking the ticket and the desk's previous visitor finishing,
    /// to the first call: what the unit's `walkin_max_wait_minutes` bounds.
    pub standard_wait_minutes: Option<f64>,
    /// The standard wait was longer than the unit's maximum.
    pub breach: bool,
    /// The visitor has rated the finished visit.
    pub rated: bool,
    pub transferred_from: Option<TicketRef>,
    pub transferred_to: Option<TicketRef>,
    /// The visitor's own page (no login): only in the answer that issued the ticket, and to
    /// the unit's staff.
    pub track_url: Option<String>,
    /// The officer's note at finishing: to the unit's staff only.
    pub note: Option<String>,
    /// The consultation the officer recorded for the visit (channel `walk_in`): to the unit's
    /// staff only.
    pub consultation_id: Option<Uuid>,
    /// The visitor's rating of the visit, with its follow-up state: to the unit's staff only.
    pub rating: Option<crate::skm::RatingView>,
}

/// A ticket at a desk, on the board.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct BoardCall {
    /// The desk's name, as called out.
    pub desk: String,
    pub desk_code: String,
    pub number: String,
    pub service: String,
    pub called_at: DateTime<Utc>,
    pub status: TicketStatus,
}

/// The display board of a unit.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct Board {
    pub unit_code: String,
    /// The unit's time zone, for the clock.
    pub time_zone: String,
    /// Tickets called or being served, by desk.
    pub now_serving: Vec<BoardCall>,
    /// The day's last calls, newest first (at most 10).
    pub recent_calls: Vec<BoardCall>,
    /// Waiting tickets per service code (every active service, zero included).
    pub waiting: BTreeMap<String, u64>,
    pub updated_at: DateTime<Utc>,
}

/// A standard wait longer than the unit's maximum, found when the ticket was called.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct Breach {
    pub number: String,
    /// The desk's name.
    pub desk: String,
    pub standard_wait_minutes: f64,
    pub max_wait_minutes: i32,
}
