//! Complaints (pengaduan): anyone files one with the unit (an anonymous visitor confirms their
//! email first) and follows it by its tracking code; the unit's staff record those that came by
//! the suggestion box, email, WhatsApp, social media, phone, in person or LAPOR!, verify,
//! respond, forward and close them within the unit's working-day deadlines.
pub mod model;
pub mod routes;
pub mod service;
