//! Request and response bodies of the account routes.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::{Validate, ValidationError};

use super::Role;
use crate::entities::user;

pub fn validate_phone(phone: &str) -> Result<(), ValidationError> {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let allowed = phone
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | ' ' | '(' | ')'));
    if allowed && (6..=20).contains(&digits) {
        Ok(())
    } else {
        Err(ValidationError::new("phone")
            .with_message("must be a phone number of 6 to 20 digits".into()))
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "email": "siti.rahma@example.id",
    "password": "Kopi-Tubruk-2026",
    "full_name": "Siti Rahma",
    "phone": "081234567890",
    "institution": "Universitas Pekalongan",
    "occupation": "Mahasiswa"
}))]
pub struct RegisterRequest {
    #[schema(max_length = 254)]
    #[validate(
        email(message = "must be a valid email address"),
        length(max = 254, message = "must be at most 254 characters")
    )]
    #[serde(deserialize_with = "crate::api::trimmed")]
    pub email: String,
    /// At least 10 characters, not a common or trivially simple password.
    #[schema(min_length = 10, max_length = 256)]
    pub password: String,
    #[schema(min_length = 1, max_length = 120)]
    #[validate(
        length(min = 1, max = 120, message = "must be 1 to 120 characters"),
        custom(function = "crate::api::not_blank")
    )]
    pub full_name: String,
    #[validate(custom(function = "validate_phone"))]
    pub phone: Option<String>,
    #[schema(max_length = 160)]
    #[validate(length(max = 160, message = "must be at most 160 characters"))]
    pub institution: Option<String>,
    #[schema(max_length = 120)]
    #[validate(length(max = 120, message = "must be at most 120 characters"))]
    pub occupation: Option<String>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"token": "9f2c…"}))]
pub struct TokenRequest {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200, message = "is required"))]
    pub token: String,
}

/// A registration was accepted: a verification email is on its way (or, for an address that
/// already has an account, a note to its owner: the answer does not tell which).
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"email": "siti.rahma@example.id"}))]
pub struct RegistrationAccepted {
    /// The address, as it will be used (trimmed, lower case).
    pub email: String,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "siti.rahma@example.id"}))]
pub struct EmailRequest {
    #[validate(email(message = "must be a valid email address"))]
    #[serde(deserialize_with = "crate::api::trimmed")]
    pub email: String,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "siti.rahma@example.id", "password": "Kopi-Tubruk-2026"}))]
pub struct LoginRequest {
    #[schema(min_length = 3, max_length = 254)]
    #[validate(length(min = 3, max = 254, message = "must be an email address"))]
    pub email: String,
    #[schema(min_length = 1, max_length = 256)]
    #[validate(length(min = 1, max = 256, message = "is required"))]
    pub password: String,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"refresh_token": "4b1d…"}))]
pub struct RefreshRequest {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200, message = "is required"))]
    pub refresh_token: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "access_token": "eyJhbGciOiJIUzI1NiJ9…",
    "refresh_token": "4b1d…",
    "token_type": "Bearer",
    "expires_in": 900
}))]
pub struct TokenPair {
    pub access_token: String,
    pub refresh_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: u64,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"token": "9f2c…", "new_password": "Hujan-Sore-2026"}))]
pub struct ResetConfirmRequest {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200, message = "is required"))]
    pub token: String,
    #[schema(min_length = 10, max_length = 256)]
    pub new_password: String,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"current_password": "Kopi-Tubruk-2026", "new_password": "Hujan-Sore-2026"}))]
pub struct ChangePasswordRequest {
    #[schema(min_length = 1, max_length = 256)]
    #[validate(length(min = 1, max = 256, message = "is required"))]
    pub current_password: String,
    #[schema(min_length = 10, max_length = 256)]
    pub new_password: String,
}

/// Present and `null` clears the field; absent leaves it unchanged.
fn nullable<'de, D>(d: D) -> Result<Option<Option<String>>, D::Error>
where
    D: Deserializer<'de>,
{
    Option::<String>::deserialize(d).map(Some)
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"full_name": "Siti Rahmawati", "institution": null}))]
pub struct UpdateMeRequest {
    #[schema(min_length = 1, max_length = 120)]
    #[validate(
        length(min = 1, max = 120, message = "must be 1 to 120 characters"),
        custom(function = "crate::api::not_blank")
    )]
    pub full_name: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, nullable)]
    #[validate(custom(function = "validate_phone"))]
    pub phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(max_length = 160)]
    #[validate(length(max = 160, message = "must be at most 160 characters"))]
    pub institution: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, nullable)]
    #[schema(max_length = 120)]
    #[validate(length(max = 120, message = "must be at most 120 characters"))]
    pub occupation: Option<Option<String>>,
}

/// The caller's own account.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "0192f0c4-8d3e-7c1a-9a4e-2b1f3c4d5e6f",
    "email": "siti.rahma@example.id",
    "full_name": "Siti Rahma",
    "phone": "081234567890",
    "institution": "Universitas Pekalongan",
    "occupation": "Mahasiswa",
    "role": "public",
    "unit_code": null,
    "email_verified": true,
    "availability": null,
    "created_at": "2026-11-21T02:15:00Z"
}))]
pub struct MeView {
    pub id: Uuid,
    pub email: String,
    pub full_name: String,
    pub phone: Option<String>,
    pub institution: Option<String>,
    pub occupation: Option<String>,
    pub role: Role,
    pub unit_code: Option<String>,
    pub email_verified: bool,
    /// Officers and supervisors: whether they take new consultations now (`null` for others).
    pub availability: Option<crate::vocab::Availability>,
    pub created_at: DateTime<Utc>,
}

impl TryFrom<user::Model> for MeView {
    type Error = crate::error::AppError;

    fn try_from(u: user::Model) -> Result<Self, Self::Error> {
        let role = Role::stored(&u.role)?;
        let availability = match role {
            Role::Officer | Role::Supervisor => {
                Some(crate::vocab::Availability::stored(&u.availability)?)
            }
            _ => None,
        };
        Ok(Self {
            id: u.id,
            role,
            availability,
            email: u.email,
            full_name: u.full_name,
            phone: u.phone,
            institution: u.institution,
            occupation: u.occupation,
            unit_code: u.unit_code,
            email_verified: u.email_verified_at.is_some(),
            created_at: u.created_at,
        })
    }
}
