//! The walk-in service's vocabulary and views: services, desks, tickets, the display board, the
//! day's figures, kiosk tokens and the guest book.
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::{Validate, ValidationError};

pub use crate::bus::walkin::*;
use crate::consultations::model::ReferralRequest;
use crate::vocab::{Category, string_enum};

string_enum! {
    /// Who issued a ticket.
    TicketSource {
        /// Front office or an officer.
        Staff => "staff",
        /// The unit's self-service kiosk.
        Kiosk => "kiosk",
        /// A signed-in visitor from a phone.
        Remote => "remote",
    }
}

string_enum! {
    /// The kind of identity document shown at the front office.
    IdType {
        /// Kartu Tanda Penduduk.
        Ktp => "ktp",
        /// Surat Izin Mengemudi.
        Sim => "sim",
        Paspor => "paspor",
        /// Kartu Izin Tinggal Terbatas.
        Kitas => "kitas",
        Lainnya => "lainnya",
    }
}

fn code_chars(code: &str) -> Result<(), ValidationError> {
    let ok = !code.is_empty()
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(ValidationError::new("code")
            .with_message("must be lowercase letters, digits and hyphens".into()))
    }
}

fn prefix_letter(prefix: &str) -> Result<(), ValidationError> {
    let mut chars = prefix.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_uppercase() => Ok(()),
        _ => Err(ValidationError::new("prefix").with_message("must be one capital letter".into())),
    }
}

/// A walk-in service of a unit.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"code": "konsultasi", "name": "Konsultasi Statistik", "prefix": "K", "active": true}))]
pub struct WalkinService {
    /// Lowercase letters, digits and hyphens.
    #[schema(min_length = 1, max_length = 32, pattern = "^[a-z0-9-]+$")]
    #[validate(
        length(min = 1, max = 32, message = "must be 1 to 32 characters"),
        custom(function = "code_chars")
    )]
    pub code: String,
    #[schema(min_length = 1, max_length = 100)]
    #[validate(
        length(min = 1, max = 100, message = "must be 1 to 100 characters"),
        custom(function = "crate::api::not_blank")
    )]
    pub name: String,
    /// One capital letter, the first part of the service's ticket numbers.
    #[schema(min_length = 1, max_length = 1, pattern = "^[A-Z]$")]
    #[validate(custom(function = "prefix_letter"))]
    pub prefix: String,
    /// Inactive services take no tickets (true when omitted).
    #[serde(default = "yes")]
    pub active: bool,
}

/// A desk where officers serve visitors.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"code": "meja-1", "name": "Meja 1", "services": ["konsultasi", "rekomendasi"], "active": true}))]
pub struct WalkinDesk {
    #[schema(min_length = 1, max_length = 32, pattern = "^[a-z0-9-]+$")]
    #[validate(
        length(min = 1, max = 32, message = "must be 1 to 32 characters"),
        custom(function = "code_chars")
    )]
    pub code: String,
    /// As the board shows and the voice calls it.
    #[schema(min_length = 1, max_length = 100)]
    #[validate(
        length(min = 1, max = 100, message = "must be 1 to 100 characters"),
        custom(function = "crate::api::not_blank")
    )]
    pub name: String,
    /// Codes of the services it calls tickets of.
    #[schema(min_items = 1, max_items = 26)]
    #[validate(length(min = 1, max = 26, message = "must list 1 to 26 services"))]
    pub services: Vec<String>,
    /// Inactive desks call nobody (true when omitted).
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ServicesRequest {
    /// Every service of the unit, in display order; services left out become inactive (their
    /// tickets are history).
    #[schema(min_items = 1, max_items = 26)]
    #[validate(
        length(min = 1, max = 26, message = "must list 1 to 26 services"),
        nested
    )]
    pub services: Vec<WalkinService>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DesksRequest {
    /// Every desk of the unit, in display order; desks left out become inactive.
    #[schema(min_items = 1, max_items = 50)]
    #[validate(length(min = 1, max = 50, message = "must list 1 to 50 desks"), nested)]
    pub desks: Vec<WalkinDesk>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceList {
    pub items: Vec<WalkinService>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeskList {
    pub items: Vec<WalkinDesk>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"service": "konsultasi", "priority": "elderly"}))]
pub struct TakeTicketRequest {
    /// The service's code, or its prefix letter.
    #[schema(min_length = 1, max_length = 32)]
    #[validate(length(min = 1, max = 32, message = "must be 1 to 32 characters"))]
    pub service: String,
    pub priority: Option<Priority>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"desk": "meja-1"}))]
pub struct CallNextRequest {
    /// The desk's code (or id).
    #[schema(min_length = 1, max_length = 64)]
    #[validate(length(min = 1, max = 64, message = "must be 1 to 64 characters"))]
    pub desk: String,
}

#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FinishRequest {
    #[schema(max_length = 2000)]
    #[serde(default, deserialize_with = "crate::api::trimmed_optional")]
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"service": "perpustakaan"}))]
pub struct TransferRequest {
    /// The other service's code (or prefix letter).
    #[schema(min_length = 1, max_length = 32)]
    #[validate(length(min = 1, max = 32, message = "must be 1 to 32 characters"))]
    pub service: String,
}

/// The answer of a transfer: the ticket that ended and the new one in the other queue.
#[derive(Debug, Serialize, ToSchema)]
pub struct Transfer {
    pub from: TicketView,
    pub to: TicketView,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct KeyQuery {
    /// The tracking key from the ticket's link or QR code.
    pub key: String,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatsQuery {
    /// The unit's local date (default: today there).
    #[param(value_type = Option<String>, format = Date, example = "2026-12-02")]
    pub date: Option<NaiveDate>,
}

/// Figures of a service or a desk over a day.
#[derive(Debug, Serialize, ToSchema, Default)]
pub struct WalkinFigures {
    pub taken: u64,
    /// Finished.
    pub served: u64,
    pub no_shows: u64,
    pub cancelled: u64,
    pub transferred: u64,
    pub not_served: u64,
    pub median_wait_minutes: Option<f64>,
    pub p90_wait_minutes: Option<f64>,
    /// Standard waits longer than the unit's maximum.
    pub breaches: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceFigures {
    pub service: String,
    pub name: String,
    #[serde(flatten)]
    pub figures: WalkinFigures,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeskFigures {
    pub desk: String,
    pub name: String,
    #[serde(flatten)]
    pub figures: WalkinFigures,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WalkinStats {
    pub unit_code: String,
    #[schema(value_type = String, format = Date)]
    pub date: NaiveDate,
    pub max_wait_minutes: i32,
    pub services: Vec<ServiceFigures>,
    pub desks: Vec<DeskFigures>,
    pub total: WalkinFigures,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DayClosed {
    /// Tickets still waiting that became `not_served`.
    pub not_served: u64,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Kiosk lobi"}))]
pub struct KioskTokenRequest {
    #[schema(min_length = 1, max_length = 100)]
    #[validate(
        length(min = 1, max = 100, message = "must be 1 to 100 characters"),
        custom(function = "crate::api::not_blank")
    )]
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct KioskTokenView {
    pub id: Uuid,
    pub unit_code: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A new kiosk token: `token` is shown this once (the kiosk page sends it as a bearer token).
#[derive(Debug, Serialize, ToSchema)]
pub struct NewKioskToken {
    #[serde(flatten)]
    pub kiosk: KioskTokenView,
    pub token: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct KioskTokenList {
    pub items: Vec<KioskTokenView>,
}

/// A visitor's entry in the guest book, as filled at the front office.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "ticket_id": null, "full_name": "Siti Rahma", "id_type": "ktp", "id_number": "3375014101900003",
    "email": "siti@example.com", "phone": "081234567890", "institution": "Universitas Pekalongan",
    "occupation": "Mahasiswa", "education": "s1", "gender": "female", "age_group": "18-24",
    "purpose": "Data kemiskinan per kecamatan 2025"
}))]
pub struct GuestbookRequest {
    pub ticket_id: Option<Uuid>,
    #[schema(min_length = 1, max_length = 120)]
    #[serde(deserialize_with = "crate::api::trimmed")]
    #[validate(length(min = 1, max = 120, message = "must be 1 to 120 characters"))]
    pub full_name: String,
    pub id_type: IdType,
    /// Kept only as its last four characters and a keyed hash.
    #[schema(min_length = 4, max_length = 32)]
    #[serde(deserialize_with = "crate::api::trimmed")]
    #[validate(length(min = 4, max = 32, message = "must be 4 to 32 characters"))]
    pub id_number: String,
    /// An active email: the rating link and any follow-up go there.
    #[schema(format = Email, max_length = 254)]
    #[serde(deserialize_with = "crate::api::trimmed")]
    #[validate(
        email(message = "must be an email address"),
        length(max = 254, message = "must be at most 254 characters")
    )]
    pub email: String,
    #[schema(max_length = 32)]
    #[serde(default, deserialize_with = "crate::api::trimmed_optional")]
    #[validate(length(max = 32, message = "must be at most 32 characters"))]
    pub phone: Option<String>,
    #[schema(max_length = 200)]
    #[serde(default, deserialize_with = "crate::api::trimmed_optional")]
    #[validate(length(max = 200, message = "must be at most 200 characters"))]
    pub institution: Option<String>,
    #[schema(max_length = 100)]
    #[serde(default, deserialize_with = "crate::api::trimmed_optional")]
    #[validate(length(max = 100, message = "must be at most 100 characters"))]
    pub occupation: Option<String>,
    /// Highest education completed, e.g. `sma`, `s1`.
    #[schema(max_length = 32)]
    #[serde(default, deserialize_with = "crate::api::trimmed_optional")]
    #[validate(length(max = 32, message = "must be at most 32 characters"))]
    pub education: Option<String>,
    #[schema(max_length = 16)]
    #[serde(default, deserialize_with = "crate::api::trimmed_optional")]
    #[validate(length(max = 16, message = "must be at most 16 characters"))]
    pub gender: Option<String>,
    /// e.g. `18-24`.
    #[schema(max_length = 16)]
    #[serde(default, deserialize_with = "crate::api::trimmed_optional")]
    #[validate(length(max = 16, message = "must be at most 16 characters"))]
    pub age_group: Option<String>,
    #[schema(min_length = 1, max_length = 2000)]
    #[serde(deserialize_with = "crate::api::trimmed")]
    #[validate(length(min = 1, max = 2000, message = "must be 1 to 2000 characters"))]
    pub purpose: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GuestbookEntryView {
    pub id: Uuid,
    pub unit_code: String,
    pub ticket_id: Option<Uuid>,
    pub ticket_number: Option<String>,
    pub full_name: String,
    pub id_type: IdType,
    /// Only the last four characters: `••••0003`.
    pub id_number_masked: String,
    pub email: String,
    pub phone: Option<String>,
    pub institution: Option<String>,
    pub occupation: Option<String>,
    pub education: Option<String>,
    pub gender: Option<String>,
    pub age_group: Option<String>,
    pub purpose: String,
    /// The verified account the email belongs to, whose history the visit joins.
    pub user_id: Option<Uuid>,
    /// Earlier visits of the same person (same ID number or email) at the unit.
    pub previous_visits: u64,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GuestbookQuery {
    /// Entries with this email.
    pub email: Option<String>,
    /// Entries of the person with this ID number (matched by its keyed hash).
    pub id_number: Option<String>,
    /// The unit's local date (default, without `email` or `id_number`: today there).
    #[param(value_type = Option<String>, format = Date)]
    pub date: Option<NaiveDate>,
    #[param(minimum = 1, maximum = 10000)]
    pub page: Option<u64>,
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u64>,
}

/// The consultation held at the desk, as the officer records it.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "category": "data",
    "subject": "Angka kemiskinan Kota Tarakan 2025",
    "question": "Berapa persentase penduduk miskin Kota Tarakan tahun 2025 dan di mana tabelnya?",
    "answer": "Persentase penduduk miskin Kota Tarakan Maret 2025 adalah 6,05 persen; tabelnya ada di publikasi Kota Tarakan Dalam Angka 2026, bab Sosial.",
    "referral": {"service": "library", "note": "Publikasi cetak dipinjam di perpustakaan."}
}))]
pub struct DeskConsultationRequest {
    pub category: Category,
    #[serde(deserialize_with = "crate::api::trimmed")]
    #[schema(min_length = 3, max_length = 200)]
    #[validate(length(min = 3, max = 200, message = "must be 3 to 200 characters"))]
    pub subject: String,
    /// What the visitor asked.
    #[serde(deserialize_with = "crate::api::trimmed")]
    #[schema(min_length = 10, max_length = 10000)]
    #[validate(length(min = 10, max = 10000, message = "must be 10 to 10000 characters"))]
    pub question: String,
    /// The answer given at the desk.
    #[serde(deserialize_with = "crate::api::trimmed")]
    #[schema(min_length = 1, max_length = 10000)]
    #[validate(length(min = 1, max = 10000, message = "must be 1 to 10000 characters"))]
    pub answer: String,
    /// Another PST service the visitor was referred to.
    #[validate(nested)]
    pub referral: Option<ReferralRequest>,
}
