use sea_orm::entity::prelude::*;

/// A one-time ticket that opens a WebSocket for a session: taken (deleted) by the first
/// upgrade that shows it, on whichever instance.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "socket_tickets")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub ticket_hash: String,
    pub user_id: Uuid,
    pub session_id: Uuid,
    pub expires_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
