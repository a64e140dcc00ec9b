//! The knowledge base: articles grown from consultations, searched before anyone has to ask.
pub mod articles;
pub mod indexer;
pub mod model;
pub mod promotion;
pub mod redact;
pub mod routes;
pub mod search_stats;
pub mod service;
pub mod synonyms;
pub mod votes;
