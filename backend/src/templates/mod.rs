//! Answer templates (canned responses): a unit's own and national ones, found by a shortcut
//! in the composer and filled with the consultation's details before the officer edits them.
pub mod model;
pub mod routes;
pub mod service;
