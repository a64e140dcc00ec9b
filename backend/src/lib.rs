//! Statkonsul: statistical consultation services for the regional units of a statistics agency.
pub mod api;
pub mod app;
pub mod auth;
pub mod bus;
pub mod calendar;
pub mod chat;
pub mod config;
pub mod consultations;
pub mod db;
pub mod entities;
pub mod error;
pub mod feedback;
pub mod jobs;
pub mod notify;
pub mod seed;
pub mod staff;
pub mod units;
