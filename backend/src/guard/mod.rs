//! Guards kept in the database, so that every instance sees them: sessions ended before their
//! access tokens expire, and attempt counters per key and time window.
pub mod counters;
pub mod sessions;
