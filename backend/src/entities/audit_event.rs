use sea_orm::entity::prelude::*;

/// One staff action: who did what to which record, when and from where. Rows are only added.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub at: DateTimeUtc,
    pub actor_id: Option<Uuid>,
    pub actor_role: String,
    pub unit_code: Option<String>,
    pub action: String,
    pub target_type: String,
    pub target_id: Option<String>,
    pub address: String,
    /// A JSON object with what changed.
    pub detail: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
