use sea_orm::entity::prelude::*;

/// A complaint, suggestion, appreciation or request for information (pengaduan) to a unit.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "complaints")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub unit_code: String,
    /// `ADU-{unit}-{random}`: the complainant's only key to the tracking page.
    pub tracking_code: String,
    pub kind: String,
    pub channel: String,
    pub subject: String,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// A consultation or ticket number the complaint is about.
    pub related_number: Option<String>,
    /// The SP4N-LAPOR! reference, for a complaint that came through LAPOR!.
    pub lapor_reference: Option<String>,
    /// The signed-in member of the public who filed it.
    pub user_id: Option<Uuid>,
    /// The staff member who recorded it from another channel.
    pub recorded_by: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    pub status: String,
    /// When it came in (for a recorded one: the start of the day it came in).
    pub received_at: DateTimeUtc,
    /// When staff could first see it: at filing, or when its email was confirmed.
    pub accepted_at: Option<DateTimeUtc>,
    pub verify_due_at: Option<DateTimeUtc>,
    pub respond_due_at: Option<DateTimeUtc>,
    /// The deadline it waits for now; null once responded or ended.
    pub due_at: Option<DateTimeUtc>,
    pub verified_at: Option<DateTimeUtc>,
    /// The unit's first response.
    pub responded_at: Option<DateTimeUtc>,
    /// A responded complaint with no reply closes then.
    pub auto_close_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    /// Why it was rejected, forwarded or closed.
    #[sea_orm(column_type = "Text", nullable)]
    pub reason: Option<String>,
    /// A unit code, or `lapor`.
    pub forwarded_to: Option<String>,
    /// The complaint another unit forwarded, which this one continues.
    pub forwarded_from_id: Option<Uuid>,
    pub confirm_token_hash: Option<String>,
    pub confirm_expires_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
