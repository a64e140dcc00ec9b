use sea_orm::entity::prelude::*;

/// An article whose search-index entry must be brought up to date (written in the same
/// transaction as the article change; applied and deleted by the index worker).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "knowledge_index_jobs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub article_id: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
