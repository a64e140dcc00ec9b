//! The conversation of a consultation: messages, read receipts and the live WebSocket.
pub mod model;
pub mod routes;
pub mod service;
