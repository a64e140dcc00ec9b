//! The knowledge base: articles grown from consultations, searched before anyone has to ask.
pub mod indexer;
pub mod model;
pub mod redact;
pub mod routes;
pub mod service;
