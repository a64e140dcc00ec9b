use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "guestbook_entries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub unit_code: String,
    pub ticket_id: Option<Uuid>,
    pub day: String,
    pub full_name: String,
    pub id_type: String,
    /// The ID number is never stored: its last four characters and a keyed hash only.
    pub id_last4: String,
    pub id_hash: String,
    pub email: String,
    pub phone: Option<String>,
    pub institution: Option<String>,
    pub occupation: Option<String>,
    pub education: Option<String>,
    pub gender: Option<String>,
    pub age_group: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub purpose: String,
    /// The verified account the email belongs to.
    pub user_id: Option<Uuid>,
    pub recorded_by: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
