use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "service_standards")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub unit_code: String,
    /// The standard's components as JSON (see `units::model::ServiceStandard`).
    #[sea_orm(column_type = "Text")]
    pub content: String,
    pub updated_at: DateTimeUtc,
    pub updated_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
