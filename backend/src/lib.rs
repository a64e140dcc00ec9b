//! Statkonsul: statistical consultation services for the regional units of a statistics agency.
pub mod api;
pub mod app;
pub mod auth;
pub mod calendar;
pub mod config;
pub mod db;
pub mod entities;
pub mod error;
pub mod notify;
pub mod seed;
pub mod staff;
pub mod units;
