use sea_orm::entity::prelude::*;

/// One group of equivalent search terms.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "knowledge_synonyms")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// A JSON array of strings.
    #[sea_orm(column_type = "Text")]
    pub terms: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
