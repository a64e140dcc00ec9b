//! Staff accounts and their roles, each tied to a unit.
pub mod routes;
pub mod service;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use crate::{auth::Role, entities::user};

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
    pub created_at: DateTime<Utc>,
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
            created_at: u.created_at,
        })
    }
}
