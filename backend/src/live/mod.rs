//! The live connection: one WebSocket per client, opened with a one-time ticket. It delivers
//! the bus's events to those who may see them, recounts a waiting owner's queue position when
//! the unit's queue moves, and passes the client's typing and read notices to the chat.
pub mod tickets;
pub mod ws;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(ws::issue_ticket).service(ws::connect);
}
