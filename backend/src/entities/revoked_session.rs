use sea_orm::entity::prelude::*;

/// A session ended before its access tokens expire: its tokens are refused from then on.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "revoked_sessions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub session_id: Uuid,
    pub user_id: Uuid,
    pub revoked_at: DateTimeUtc,
    /// No access token of the session is valid after this, so the row may be removed.
    pub forget_after: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
