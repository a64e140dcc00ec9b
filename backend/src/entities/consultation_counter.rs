use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "consultation_counters")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub unit_code: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub year: i32,
    pub last_number: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
