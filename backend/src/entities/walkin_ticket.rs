use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "walkin_tickets")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub unit_code: String,
    pub service_code: String,
    /// The unit's local date the ticket was taken, `YYYY-MM-DD`.
    pub day: String,
    pub seq: i32,
    pub number: String,
    pub priority: Option<String>,
    pub status: String,
    pub source: String,
    /// The staff member or kiosk token that issued it.
    pub taken_by: Option<Uuid>,
    /// The signed-in visitor who took it from a phone.
    pub visitor_id: Option<Uuid>,
    /// SHA-256 of the tracking key (the key itself is only in the tracking link).
    pub key_hash: String,
    /// Place in the service's queue: the time it queues by (a transfer goes to the front).
    pub queue_at: DateTimeUtc,
    pub taken_at: DateTimeUtc,
    /// The first call: what the waiting standard measures.
    pub called_at: Option<DateTimeUtc>,
    pub last_called_at: Option<DateTimeUtc>,
    pub call_count: i32,
    pub desk_code: Option<String>,
    pub officer_id: Option<Uuid>,
    pub started_at: Option<DateTimeUtc>,
    pub finished_at: Option<DateTimeUtc>,
    /// When it ended otherwise: no-show, transfer, cancellation, day closed.
    pub ended_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    /// Where the wait the standard measures began: taken, or the desk's previous visitor finished.
    pub wait_from: Option<DateTimeUtc>,
    pub standard_wait_seconds: Option<i32>,
    pub breach: bool,
    pub transferred_from_id: Option<Uuid>,
    pub transferred_to_id: Option<Uuid>,
    /// SHA-256 of the one-time rating link's token emailed after the visit, and its end.
    pub rating_token_hash: Option<String>,
    pub rating_token_expires_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// The consultation the officer recorded for this visit.
    pub consultation_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
