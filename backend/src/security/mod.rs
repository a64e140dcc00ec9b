//! Access tokens and attempt limits kept in memory: what the shared state holds to authenticate
//! callers and slow down guessing.
pub mod tokens;
