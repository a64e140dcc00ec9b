//! The audit log of staff actions: every change a staff member makes through the API (who, in
//! which role and unit, what operation on which record, when, from which address, with what
//! outcome) is added to an append-only table, readable by admins and by a unit's supervisors
//! for their unit.
pub mod record;
pub mod routes;
pub mod service;
