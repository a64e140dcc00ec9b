//! Staff accounts and their roles, each tied to a unit.
pub mod routes;
pub mod service;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use crate::{auth::Role, entities::user, vocab::Availability};

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "email": "rina.officer@bps.go.id",
    "password": "Meja-Layanan-2026",
    "full_name": "Rina Wulandari",
    "role": "officer",
    "unit_code": "3304"
}))]
pub struct CreateStaffRequest {
    #[schema(max_length = 254)]
    #[validate(
        email(message = "must be a valid email address"),
        length(max = 254, message = "must be at most 254 characters")
    )]
    #[serde(deserialize_with = "crate::api::trimmed")]
    pub email: String,
    /// The first password; the staff member changes it on their profile.
    #[schema(min_length = 10, max_length = 256)]
    pub password: String,
    #[schema(min_length = 1, max_length = 120)]
    #[validate(length(min = 1, max = 120, message = "must be 1 to 120 characters"))]
    pub full_name: String,
    /// `officer`, `front_office`, `supervisor` or `admin`.
    pub role: Role,
    /// Required for every role but `admin`.
    #[schema(min_length = 1, max_length = 8)]
    #[validate(length(min = 1, max = 8, message = "must be a unit code"))]
    pub unit_code: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StaffView {
    pub id: Uuid,
    pub email: String,
    pub full_name: String,
    pub role: Role,
    pub unit_code: Option<String>,
    /// The most active consultations auto-assignment gives them at once.
    #[schema(minimum = 1, maximum = 50)]
    pub capacity: i32,
    /// Whether they take new consultations now (`away`: every socket of theirs closed).
    pub availability: Availability,
    pub created_at: DateTime<Utc>,
}

/// What a supervisor changes of a staff member of their unit.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"capacity": 8}))]
pub struct UpdateStaffRequest {
    /// The most active consultations auto-assignment gives them at once, 1 to 50.
    #[schema(minimum = 1, maximum = 50)]
    #[validate(range(min = 1, max = 50, message = "must be between 1 and 50"))]
    pub capacity: i32,
}

/// An officer's own availability for new consultations.
#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"availability": "available"}))]
pub struct AvailabilityRequest {
    /// `available` to take new consultations, `away` or `offline` not to.
    pub availability: Availability,
}

impl TryFrom<user::Model> for StaffView {
    type Error = crate::error::AppError;

    fn try_from(u: user::Model) -> Result<Self, Self::Error> {
        Ok(Self {
            id: u.id,
            role: Role::stored(&u.role)?,
            email: u.email,
            full_name: u.full_name,
            unit_code: u.unit_code,
            capacity: u.capacity,
            availability: Availability::stored(&u.availability)?,
            created_at: u.created_at,
        })
    }
}
