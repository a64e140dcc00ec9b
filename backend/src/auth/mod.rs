//! Accounts, sessions and the roles that decide what a caller may do.
pub mod model;
pub mod password;
pub mod routes;
pub mod service;
pub use crate::vocab::Role;
