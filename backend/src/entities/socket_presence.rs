use sea_orm::entity::prelude::*;

/// A user with a socket open on an instance (PostgreSQL, several instances): renewed while the
/// instance lives, so a killed instance's users age out.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "socket_presence")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub instance: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    pub seen_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
