use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Stored lower-cased: emails are unique case-insensitively.
    #[sea_orm(unique)]
    pub email: String,
    pub password_hash: String,
    pub full_name: String,
    pub phone: Option<String>,
    pub institution: Option<String>,
    pub occupation: Option<String>,
    pub role: String,
    pub unit_code: Option<String>,
    pub email_verified_at: Option<DateTimeUtc>,
    /// Staff: the most active consultations given to them at once by auto-assignment.
    pub capacity: i32,
    /// Staff: `available`, `away` or `offline` (the vocabulary's `Availability`).
    pub availability: String,
    /// Staff: when auto-assignment last gave them a consultation (the turn on a tie).
    pub last_assigned_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
