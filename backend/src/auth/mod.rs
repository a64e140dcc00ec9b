//! Accounts, sessions and the roles that decide what a caller may do.
pub mod extractor;
pub mod model;
pub mod password;
pub mod rate_limit;
pub mod routes;
pub mod service;
pub mod tokens;

pub use extractor::{AuthUser, MaybeAuth};

pub use crate::vocab::Role;
