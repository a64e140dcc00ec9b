//! Black-box API tests: every test spawns the real server (SQLite or PostgreSQL, see
//! `STATKONSUL_TEST_DB`) and talks to it over HTTP, with email captured over real SMTP.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod assignment;
mod audit;
mod auth;
mod authz;
mod chat;
mod cli;
mod complaints;
mod consultations;
mod crash;
mod errors;
mod health;
mod holidays;
mod idempotency;
mod instances;
mod jobs;
mod knowledge;
mod knowledge_index;
mod me;
mod monitoring;
mod notes;
mod openapi;
mod outbox;
mod rating;
mod rating_follow_up;
mod reports;
mod sessions;
mod staff;
mod templates;
mod units;
mod walkin;
mod web_app;
mod ws;
