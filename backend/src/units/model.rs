use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::{Validate, ValidationError};

use crate::{
    entities::unit,
    vocab::{ReportSchedule, string_enum},
};

string_enum! {
    /// Where a unit stands in the hierarchy.
    UnitKind {
        National => "national",
        Province => "province",
        Regency => "regency",
        City => "city",
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "code": "3375", "name": "BPS Kota Pekalongan", "kind": "city",
    "parent_code": "3300", "time_zone": "Asia/Jakarta", "offers_consultations": true
}))]
pub struct UnitView {
    /// BPS region code: `0000` national, `3300` a province, `3375` a city.
    pub code: String,
    pub name: String,
    pub kind: UnitKind,
    pub parent_code: Option<String>,
    /// IANA time zone; every time shown to a person is in the unit's zone.
    pub time_zone: String,
    /// Whether the unit serves the public (it has published a service standard): only such
    /// units take consultations.
    pub offers_consultations: bool,
}

impl UnitView {
    pub fn new(u: &unit::Model, offers_consultations: bool) -> crate::error::AppResult<Self> {
        Ok(Self {
            code: u.code.clone(),
            name: u.name.clone(),
            kind: UnitKind::stored(&u.kind)?,
            parent_code: u.parent_code.clone(),
            time_zone: u.time_zone.clone(),
            offers_consultations,
        })
    }
}

/// The figures a unit's service standard sets; per unit, never constants.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"auto_close_after_days": 7, "online_deadline_working_days": 3, "walkin_max_wait_minutes": 10, "notify_staff_on_new_consultation": true, "walkin_priority_run": 2, "walkin_no_show_after_calls": 2, "walkin_remote_tickets": false, "office_opens_at": "08:00", "office_closes_at": "16:00", "follow_up_below_score": 2, "complaint_verify_working_days": 3, "complaint_respond_working_days": 5, "complaint_auto_close_working_days": 10, "feedback_report_schedule": "monthly"}))]
pub struct UnitSettings {
    /// Days of user silence after which an online consultation closes.
    #[validate(range(min = 1, max = 90, message = "must be between 1 and 90"))]
    #[schema(minimum = 1, maximum = 90)]
    pub auto_close_after_days: i32,
    /// Working days to answer once the request is clear.
    #[validate(range(min = 1, max = 30, message = "must be between 1 and 30"))]
    #[schema(minimum = 1, maximum = 30)]
    pub online_deadline_working_days: i32,
    /// Longest wait of a walk-in visitor after the previous visitor finished.
    #[validate(range(min = 1, max = 240, message = "must be between 1 and 240"))]
    #[schema(minimum = 1, maximum = 240)]
    pub walkin_max_wait_minutes: i32,
    /// Email the unit's officers and supervisors when a new online consultation waits
    /// (true when omitted).
    #[serde(default = "yes")]
    pub notify_staff_on_new_consultation: bool,
    /// Priority tickets (elderly, disability, pregnant, with a child) called in a row at most
    /// while normal tickets wait (2 when omitted).
    #[serde(default = "two")]
    #[validate(range(min = 1, max = 10, message = "must be between 1 and 10"))]
    #[schema(minimum = 1, maximum = 10)]
    pub walkin_priority_run: i32,
    /// Calls before a visitor who does not come may be marked absent (2 when omitted).
    #[serde(default = "two")]
    #[validate(range(min = 1, max = 10, message = "must be between 1 and 10"))]
    #[schema(minimum = 1, maximum = 10)]
    pub walkin_no_show_after_calls: i32,
    /// Signed-in visitors may take a queue number from their phone, during office hours
    /// (false when omitted).
    #[serde(default)]
    pub walkin_remote_tickets: bool,
    /// Office hours on working days, local time `HH:MM` (08:00 and 16:00 when omitted); the
    /// day's walk-in queue closes at closing time.
    #[serde(default = "opens")]
    #[validate(custom(function = "clock_time"))]
    #[schema(pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$", example = "08:00")]
    pub office_opens_at: String,
    #[serde(default = "closes")]
    #[validate(custom(function = "clock_time"))]
    #[schema(pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$", example = "16:00")]
    pub office_closes_at: String,
    /// A satisfaction rating with any element scored this or lower (1–4: tidak … sangat baik)
    /// asks an officer to follow up, as does one with a comment (2 when omitted: "kurang" or
    /// worse).
    #[serde(default = "two_score")]
    #[validate(range(min = 1, max = 4, message = "must be between 1 and 4"))]
    #[schema(minimum = 1, maximum = 4)]
    pub follow_up_below_score: i16,
    /// Working days from a complaint's receipt to its verification (3 when omitted).
    #[serde(default = "three")]
    #[validate(range(min = 1, max = 30, message = "must be between 1 and 30"))]
    #[schema(minimum = 1, maximum = 30)]
    pub complaint_verify_working_days: i32,
    /// Working days from a complaint's receipt to the unit's response (5 when omitted).
    #[serde(default = "five")]
    #[validate(range(min = 1, max = 60, message = "must be between 1 and 60"))]
    #[schema(minimum = 1, maximum = 60)]
    pub complaint_respond_working_days: i32,
    /// Working days after the unit's response that a complaint the complainant does not answer
    /// closes (10 when omitted).
    #[serde(default = "ten")]
    #[validate(range(min = 1, max = 60, message = "must be between 1 and 60"))]
    #[schema(minimum = 1, maximum = 60)]
    pub complaint_auto_close_working_days: i32,
    /// When the feedback-analysis report is emailed to the unit's supervisors (`off` when
    /// omitted).
    #[serde(default)]
    pub feedback_report_schedule: ReportSchedule,
    /// `round_robin`: each new online consultation goes at once to the available officer with
    /// the fewest active consultations under their capacity, in turn on a tie (it waits in the
    /// queue while nobody is available). `off` when omitted.
    #[serde(default = "assign_off")]
    pub auto_assign: crate::vocab::AutoAssign,
}

fn assign_off() -> crate::vocab::AutoAssign {
    crate::vocab::AutoAssign::Off
}

fn three() -> i32 {
    3
}

fn five() -> i32 {
    5
}

fn ten() -> i32 {
    10
}

fn two_score() -> i16 {
    2
}

fn yes() -> bool {
    true
}

fn two() -> i32 {
    2
}

fn opens() -> String {
    "08:00".into()
}

fn closes() -> String {
    "16:00".into()
}

fn clock_time(value: &str) -> Result<(), ValidationError> {
    let ok = value.len() == 5 && chrono::NaiveTime::parse_from_str(value, "%H:%M").is_ok();
    if ok {
        Ok(())
    } else {
        Err(ValidationError::new("time").with_message("must be a time `HH:MM`".into()))
    }
}

impl UnitSettings {
    pub fn of(u: &unit::Model) -> crate::error::AppResult<Self> {
        Ok(Self {
            auto_close_after_days: u.auto_close_after_days,
            online_deadline_working_days: u.online_deadline_working_days,
            walkin_max_wait_minutes: u.walkin_max_wait_minutes,
            notify_staff_on_new_consultation: u.notify_staff_on_new_consultation,
            walkin_priority_run: u.walkin_priority_run,
            walkin_no_show_after_calls: u.walkin_no_show_after_calls,
            walkin_remote_tickets: u.walkin_remote_tickets,
            office_opens_at: u.office_opens_at.clone(),
            office_closes_at: u.office_closes_at.clone(),
            follow_up_below_score: u.follow_up_below_score,
            complaint_verify_working_days: u.complaint_verify_working_days,
            complaint_respond_working_days: u.complaint_respond_working_days,
            complaint_auto_close_working_days: u.complaint_auto_close_working_days,
            feedback_report_schedule: ReportSchedule::stored(&u.feedback_report_schedule)?,
            auto_assign: crate::vocab::AutoAssign::stored(&u.auto_assign)?,
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct ByMode {
    /// Online (through the application): at most 50 items of 1 to 2000 characters.
    #[schema(max_items = 50)]
    #[validate(custom(function = "validate_items"))]
    pub online: Vec<String>,
    /// Offline (visiting the unit): at most 50 items of 1 to 2000 characters.
    #[schema(max_items = 50)]
    #[validate(custom(function = "validate_items"))]
    pub offline: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct CompletionTime {
    #[schema(max_length = 2000)]
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    pub online: Option<String>,
    #[schema(max_length = 2000)]
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    pub offline: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintChannelKind {
    InPerson,
    Website,
    Email,
    Phone,
    Whatsapp,
    SocialMedia,
    Lapor,
    Form,
    Other,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ComplaintChannel {
    pub channel: ComplaintChannelKind,
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    pub label: String,
    #[schema(min_length = 1, max_length = 500)]
    #[validate(length(min = 1, max = 500, message = "must be 1 to 500 characters"))]
    pub value: String,
}

fn validate_items(items: &[String]) -> Result<(), ValidationError> {
    if items.len() > 50 {
        return Err(ValidationError::new("too_many").with_message("at most 50 items".into()));
    }
    if items
        .iter()
        .any(|i| i.trim().is_empty() || i.chars().count() > 2000)
    {
        return Err(
            ValidationError::new("item").with_message("items must be 1 to 2000 characters".into())
        );
    }
    Ok(())
}

/// A unit's published service standard (standar pelayanan), component by component.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "service_name": "Layanan Konsultasi",
    "sk_number": null,
    "address": "Jl. Singosari, Podosugih, Kec. Pekalongan Bar., Kota Pekalongan, Jawa Tengah 51111",
    "phone": "0285423504",
    "fax": null,
    "website": "https://pekalongankota.bps.go.id/",
    "email": null,
    "requirements": {"online": ["Pengguna layanan memiliki alamat email yang masih aktif;"], "offline": []},
    "procedures": {"online": ["Petugas layanan memberikan informasi statistik yang dikonsultasikan."], "offline": []},
    "completion_time": {"online": "1 Hari", "offline": null},
    "cost": "Tidak dipungut biaya",
    "products": ["Jasa konsultasi informasi statistik"],
    "complaint_channels": [{"channel": "lapor", "label": "LAPOR!", "value": "lapor.go.id"}]
}))]
pub struct ServiceStandard {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    pub service_name: String,
    /// Number of the decree (SK) that set the standard.
    #[schema(max_length = 200)]
    #[validate(length(max = 200, message = "must be at most 200 characters"))]
    pub sk_number: Option<String>,
    #[schema(max_length = 500)]
    #[validate(length(max = 500, message = "must be at most 500 characters"))]
    pub address: Option<String>,
    #[schema(max_length = 100)]
    #[validate(length(max = 100, message = "must be at most 100 characters"))]
    pub phone: Option<String>,
    #[schema(max_length = 100)]
    #[validate(length(max = 100, message = "must be at most 100 characters"))]
    pub fax: Option<String>,
    #[schema(max_length = 300)]
    #[validate(length(max = 300, message = "must be at most 300 characters"))]
    pub website: Option<String>,
    #[validate(email(message = "must be a valid email address"))]
    pub email: Option<String>,
    #[validate(nested)]
    pub requirements: ByMode,
    #[validate(nested)]
    pub procedures: ByMode,
    #[validate(nested)]
    pub completion_time: CompletionTime,
    #[schema(min_length = 1, max_length = 500)]
    #[validate(length(min = 1, max = 500, message = "must be 1 to 500 characters"))]
    pub cost: String,
    /// At most 50 items of 1 to 2000 characters.
    #[schema(max_items = 50)]
    #[validate(custom(function = "validate_items"))]
    pub products: Vec<String>,
    #[schema(max_items = 30)]
    #[validate(nested, length(max = 30, message = "at most 30 channels"))]
    pub complaint_channels: Vec<ComplaintChannel>,
}

/// A service standard as published: its components and when they were last changed.
#[derive(Debug, Serialize)]
pub struct PublishedServiceStandard {
    #[serde(flatten)]
    pub standard: ServiceStandard,
    pub updated_at: DateTime<Utc>,
}

/// The schema is the standard's own with `updated_at` beside its fields: the standard refuses
/// unknown fields (`additionalProperties: false`), so an `allOf` of it and `updated_at`, as a
/// derived schema of the flattened struct would say, could match no published standard.
impl utoipa::PartialSchema for PublishedServiceStandard {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::{RefOr, schema::Schema};
        let mut standard = match <ServiceStandard as utoipa::PartialSchema>::schema() {
            RefOr::T(Schema::Object(object)) => object,
            other => return other,
        };
        standard.description = Some(
            "A service standard as published: its components and when they were last changed."
                .into(),
        );
        if let Some(serde_json::Value::Object(example)) = &mut standard.example {
            example.insert("updated_at".into(), "2026-11-02T03:15:00Z".into());
        }
        standard.properties.insert(
            "updated_at".into(),
            utoipa::openapi::ObjectBuilder::new()
                .schema_type(utoipa::openapi::Type::String)
                .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                    utoipa::openapi::KnownFormat::DateTime,
                )))
                .into(),
        );
        standard.required.push("updated_at".into());
        RefOr::T(Schema::Object(standard))
    }
}

impl ToSchema for PublishedServiceStandard {
    fn schemas(
        schemas: &mut Vec<(
            String,
            utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
        )>,
    ) {
        <ServiceStandard as ToSchema>::schemas(schemas);
    }
}

/// A unit with its service standard (null when the unit has not published one) and settings.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnitDetail {
    #[serde(flatten)]
    pub unit: UnitView,
    pub service_standard: Option<PublishedServiceStandard>,
    pub settings: UnitSettings,
}
