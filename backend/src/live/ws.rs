//! `GET /api/v1/ws?ticket=…`: one WebSocket per client, opened with a one-time ticket. The
//! server pushes the `{type, consultation_id, data}` events the user may see (the bus hands each
//! socket only its own audience's); the client may send `typing` and `read`.
use std::collections::{HashMap, HashSet};

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use actix_ws::Message;
use futures_util::StreamExt;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};

use super::tickets::{self, SocketTicket};
use crate::{
    access,
    bus::{Delivery, LiveEvent, Viewer, events::QueueMove},
    caller::AuthUser,
    consultations::model::Status,
    entities::consultation,
    error::{AppError, AppResult, ErrorCode},
    state::AppState,
    vocab::{Availability, Role},
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WsQuery {
    /// A one-time ticket from `POST /api/v1/ws/tickets`, valid for a minute: browsers cannot
    /// set headers on WebSockets, and an access token in a URL would end up in proxies' logs.
    #[param(min_length = 1, max_length = 128)]
    pub ticket: String,
}

/// What a client may send over the WebSocket.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
#[schema(as = LiveClientMessage)]
pub enum ClientMessage {
    Typing {
        consultation_id: Uuid,
    },
    Read {
        consultation_id: Uuid,
        message_id: Uuid,
    },
}

/// The caller's own waiting consultations and their units: when a unit's queue moves, the
/// socket recounts only these positions, so nobody loads the whole queue.
async fn own_waiting(state: &AppState, auth: &AuthUser) -> AppResult<HashMap<Uuid, String>> {
    if auth.role != Role::Public {
        return Ok(HashMap::new());
    }
    let waiting: Vec<(Uuid, String)> = consultation::Entity::find()
        .select_only()
        .column(consultation::Column::Id)
        .column(consultation::Column::UnitCode)
        .filter(consultation::Column::UserId.eq(auth.id))
        .filter(consultation::Column::Status.eq(Status::Waiting.as_str()))
        .into_tuple()
        .all(&state.db)
        .await?;
    Ok(waiting.into_iter().collect())
}

async fn availability_moves(state: &AppState, user: Uuid, from: Availability, to: Availability) {
    if let Err(e) = crate::staff::service::availability_moves(&state.db, user, from, to).await {
        tracing::warn!(error = %e, "cannot change an officer's availability");
    }
}

/// After a socket closed: the user's presence, and an available officer whose last socket it
/// was (on any instance) goes away.
async fn left(state: &AppState, auth: &AuthUser, takes_consultations: bool) {
    state.bus.left(&state.db, auth.id).await;
    if !takes_consultations {
        return;
    }
    match state.bus.is_connected(&state.db, auth.id).await {
        Ok(false) => {
            availability_moves(state, auth.id, Availability::Available, Availability::Away).await
        }
        Ok(true) => {}
        Err(e) => tracing::warn!(error = %e, "cannot tell whether an officer is still connected"),
    }
}

/// A one-time ticket that opens the caller's WebSocket, on any instance, within a minute.
#[utoipa::path(
    tag = "chat",
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Issued: open `/api/v1/ws?ticket=…` with it within a minute.", body = SocketTicket),
        (status = 401, response = crate::api::Unauthenticated),
    )
)]
#[post("/ws/tickets")]
pub async fn issue_ticket(auth: AuthUser, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Created().json(tickets::issue(&state, &auth).await?))
}

/// Live events. Open with `?ticket=` (from `POST /api/v1/ws/tickets`; each ticket opens one
/// socket). The server sends `LiveEvent`s (schema in the components: `message.created`,
/// `consultation.updated`, `queue.moved`, `typing`, `read`, walk-in events to staff, `error`);
/// the client may send `LiveClientMessage`s (`typing`, `read`). The socket closes with
/// "session ended" when its session ends (logout, password change or reset).
#[utoipa::path(
    tag = "chat",
    params(WsQuery),
    responses(
        (status = 101, description = "Switching to the WebSocket protocol."),
        (status = 400, response = crate::api::BadRequest),
        (status = 401, response = crate::api::Unauthenticated),
    )
)]
#[get("/ws")]
pub async fn connect(
    req: HttpRequest,
    body: web::Payload,
    state: web::Data<AppState>,
    query: web::Query<WsQuery>,
) -> AppResult<HttpResponse> {
    let auth = tickets::redeem(&state, &query.ticket).await?;
    let units = if auth.role == Role::Public {
        Some(HashSet::new())
    } else {
        access::readable_units(&state.db, &auth).await?
    };
    let waiting = own_waiting(&state, &auth).await?;
    let (response, mut session, mut incoming) = actix_ws::handle(&req, body)
        .map_err(|e| AppError::new(ErrorCode::MalformedJson).with_detail(e.to_string()))?;
    let (registration, mut deliveries) = state.bus.register_user(Viewer {
        user: auth.id,
        session: auth.session_id,
        units,
        waiting,
    });
    let state = state.into_inner();
    state.bus.entered(&state.db, auth.id).await;
    let takes_consultations = matches!(auth.role, Role::Officer | Role::Supervisor);
    if takes_consultations {
        // Back: an officer who went away with their last socket takes consultations again.
        availability_moves(&state, auth.id, Availability::Away, Availability::Available).await;
    }
    actix_web::rt::spawn(async move {
        let closed = registration.closed.clone();
        loop {
            tokio::select! {
                () = closed.notified() => {
                    let reason = actix_ws::CloseReason {
                        code: actix_ws::CloseCode::Policy,
                        description: Some("session ended".into()),
                    };
                    let _ = session.close(Some(reason)).await;
                    drop(registration);
                    Box::pin(left(&state, &auth, takes_consultations)).await;
                    return;
                }
                delivery = deliveries.recv() => match delivery {
                    Some(Delivery::Text(text)) => {
                        if session.text(text.to_string()).await.is_err() {
                            break;
                        }
                    }
                    Some(Delivery::Recount(mine)) => {
                        if mine.is_empty() {
                            continue;
                        }
                        // Boxed, like the other rarely run work below: a socket's task stays small
                        // (10,000 sockets hold 10,000 of them), its large futures made only when run.
                        let positions = match Box::pin(crate::consultations::service::positions_of(&state.db, mine)).await {
                            Ok(positions) => positions,
                            Err(e) => {
                                tracing::warn!(error = %e, "cannot recount queue positions");
                                continue;
                            }
                        };
                        for (consultation_id, queue_position) in positions {
                            let moved = LiveEvent::QueueMoved {
                                consultation_id,
                                data: QueueMove { queue_position },
                            };
                            let Ok(text) = serde_json::to_string(&moved) else { continue };
                            if session.text(text).await.is_err() {
                                break;
                            }
                        }
                    }
                    None => break,
                },
                message = incoming.next() => match message {
                    Some(Ok(Message::Text(text))) => {
                        if let Ok(msg) = serde_json::from_str::<ClientMessage>(&text) {
                            let result = match msg {
                                ClientMessage::Typing { consultation_id } => {
                                    Box::pin(crate::chat::service::typing(&state, &auth, consultation_id)).await
                                }
                                ClientMessage::Read { consultation_id, message_id } => {
                                    Box::pin(crate::chat::service::mark_read(&state, &auth, consultation_id, message_id)).await
                                }
                            };
                            if let Err(e) = result {
                                let refused = LiveEvent::Error { code: e.code };
                                if let Ok(text) = serde_json::to_string(&refused) {
                                    let _ = session.text(text).await;
                                }
                            }
                        }
                    }
                    Some(Ok(Message::Ping(bytes))) => {
                        if session.pong(&bytes).await.is_err() {
                            break;
                        }
                    }
                    Some(Ok(Message::Close(_))) | None | Some(Err(_)) => break,
                    Some(Ok(_)) => {}
                },
            }
        }
        drop(registration);
        Box::pin(left(&state, &auth, takes_consultations)).await;
        let _ = session.close(None).await;
    });
    Ok(response)
}
