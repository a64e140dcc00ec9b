use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "consultations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub unit_code: String,
    /// Human-readable, unique per unit: `3304-2026-000123`.
    pub number: String,
    pub user_id: Uuid,
    pub category: String,
    pub subject: String,
    #[sea_orm(column_type = "Text")]
    pub question: String,
    pub status: String,
    pub resolution: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub summary: Option<String>,
    pub assignee_id: Option<Uuid>,
    pub to_index: bool,
    pub claimed_at: Option<DateTimeUtc>,
    pub clarified_at: Option<DateTimeUtc>,
    pub deadline_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    pub last_user_message_at: Option<DateTimeUtc>,
    pub last_officer_message_at: Option<DateTimeUtc>,
    pub auto_close_warned_at: Option<DateTimeUtc>,
    /// 1-based place in the unit's queue (created_at, id order) while waiting; else null.
    pub queue_position: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// `online` or `walk_in` (`vocab::Channel`).
    pub channel: String,
    /// The visit a desk consultation was held in.
    pub walkin_ticket_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
