//! Guards kept in the database, so that every instance sees them: sessions ended before their
//! access tokens expire, attempt counters per key and time window, and leases of work one
//! instance at a time does.
pub mod counters;
pub mod leases;
pub mod sessions;
