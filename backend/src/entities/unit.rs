use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "units")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub name: String,
    pub kind: String,
    pub parent_code: Option<String>,
    pub time_zone: String,
    pub auto_close_after_days: i32,
    pub online_deadline_working_days: i32,
    pub walkin_max_wait_minutes: i32,
    pub notify_staff_on_new_consultation: bool,
    pub walkin_priority_run: i32,
    pub walkin_no_show_after_calls: i32,
    pub walkin_remote_tickets: bool,
    /// Local opening and closing time of the office, `HH:MM`.
    pub office_opens_at: String,
    /// `off` or `round_robin` (the vocabulary's `AutoAssign`).
    pub auto_assign: String,
    pub office_closes_at: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// A rating with an element scored this or lower asks for a follow-up.
    pub follow_up_below_score: i16,
    /// Working days to verify a complaint, and to respond to it, from its receipt.
    pub complaint_verify_working_days: i32,
    pub complaint_respond_working_days: i32,
    /// Working days after the unit's response that a complaint with no reply closes.
    pub complaint_auto_close_working_days: i32,
    /// `off`, `monthly`, `quarterly` or `semester`: when the feedback-analysis report is sent.
    pub feedback_report_schedule: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
