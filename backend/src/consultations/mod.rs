//! Online consultations: a verified member of the public asks a unit; the request waits in the
//! unit's queue, an officer takes it, marks it clear (the deadline clock starts), answers and
//! closes it — or the system closes it after the unit's days of user silence.
pub mod assignment;
pub mod auto_close;
pub mod follow_ups;
pub mod lifecycle;
pub mod model;
pub mod notices;
pub mod queue;
pub mod routes;
pub mod search;
pub mod service;
pub mod views;
