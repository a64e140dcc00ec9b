//! Walk-in service at the unit's office: services and desks, queue tickets (front office,
//! kiosk, or a visitor's phone), calling visitors to desks with priority tickets that never
//! starve the others, the display board pushed live, the guest book, the day's figures, and the
//! 10-minute standard (`walkin_max_wait_minutes`) measured on every call.
pub mod board;
pub mod catalog;
pub mod day;
pub mod desk;
mod events;
pub mod guestbook;
pub mod kiosk;
mod live;
pub mod model;
pub mod record;
pub mod routes;
pub mod stats;
pub mod tickets;
