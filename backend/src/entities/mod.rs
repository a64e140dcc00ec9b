//! Table mappings only; the rules live in each capability's service module.
pub mod attachment;
pub mod consultation;
pub mod consultation_counter;
pub mod email_token;
pub mod follow_up;
pub mod holiday;
pub mod message;
pub mod outbox_email;
pub mod rating;
pub mod read_receipt;
pub mod referral;
pub mod refresh_token;
pub mod service_standard;
pub mod unit;
pub mod user;
