//! Table mappings only; the rules live in each capability's service module.
pub mod email_token;
pub mod holiday;
pub mod outbox_email;
pub mod refresh_token;
pub mod service_standard;
pub mod unit;
pub mod user;
