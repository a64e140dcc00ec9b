use sea_orm::entity::prelude::*;

/// A step of a complaint's history: a status change, a response of the unit, a reply of the
/// complainant or an assignment.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "complaint_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub complaint_id: Uuid,
    pub kind: String,
    /// The complaint's status after the event.
    pub status: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub body: Option<String>,
    /// The staff member who acted (none for the complainant and for the job runner).
    pub author_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
