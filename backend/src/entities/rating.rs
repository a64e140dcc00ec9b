use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ratings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// `consultation` or `walkin`: ratings do not depend on what was rated.
    pub subject_kind: String,
    pub subject_id: Uuid,
    pub unit_code: String,
    pub user_id: Option<Uuid>,
    pub u1: i16,
    pub u2: i16,
    pub u3: i16,
    pub u4: i16,
    pub u5: i16,
    pub u6: i16,
    pub u7: i16,
    pub u8: i16,
    pub u9: i16,
    #[sea_orm(column_type = "Text", nullable)]
    pub comment: Option<String>,
    pub needs_follow_up: bool,
    pub created_at: DateTimeUtc,
    /// `none`, or `open` → `contacted` → `resolved`.
    pub follow_up_state: String,
    pub contacted_at: Option<DateTimeUtc>,
    pub resolved_at: Option<DateTimeUtc>,
    pub resolved_by: Option<Uuid>,
    #[sea_orm(column_type = "Text", nullable)]
    pub resolution_note: Option<String>,
    /// The respondent's reply link (walk-in visitors without an account), hashed.
    pub reply_token_hash: Option<String>,
    pub reply_token_expires_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
