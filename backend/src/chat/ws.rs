//! `GET /api/v1/ws?token=…`: one WebSocket per client. The server pushes `{type,
//! consultation_id, data}` events the user may see; the client may send `typing` and `read`.
use std::collections::{HashMap, HashSet};

use actix_web::{HttpRequest, HttpResponse, get, web};
use actix_ws::Message;
use futures_util::StreamExt;
use serde::Deserialize;
use tokio::sync::broadcast::error::RecvError;
use utoipa::IntoParams;
use uuid::Uuid;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::{
    auth::{AuthUser, Role},
    bus::Event,
    consultations::access,
    consultations::model::Status,
    entities::consultation,
    error::{AppError, AppResult, ErrorCode},
    state::AppState,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WsQuery {
    /// An access token (browsers cannot set headers on WebSockets).
    pub token: String,
}

#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum ClientMessage {
    Typing {
        consultation_id: Uuid,
    },
    Read {
        consultation_id: Uuid,
        message_id: Uuid,
    },
}

const QUEUE_CHANGED: &str = "queue.changed";

/// The caller's own waiting consultations and their units: when a unit's queue moves, the
/// connection recounts only these positions, so nobody loads the whole queue.
#[derive(Default)]
struct OwnQueue(HashMap<Uuid, String>);

impl OwnQueue {
    async fn load(state: &AppState, auth: &AuthUser) -> AppResult<Self> {
        if auth.role != Role::Public {
            return Ok(Self::default());
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
        Ok(Self(waiting.into_iter().collect()))
    }

    /// Keeps track of the owner's consultations entering and leaving the queue.
    fn observe(&mut self, user: Uuid, event: &Event) {
        if event.kind != "consultation.updated" || event.owner_id != user {
            return;
        }
        match event.data.get("status").and_then(|s| s.as_str()) {
            Some(status) if status == Status::Waiting.as_str() => {
                self.0
                    .insert(event.consultation_id, event.unit_code.clone());
            }
            Some(_) => {
                self.0.remove(&event.consultation_id);
            }
            None => {}
        }
    }

    fn in_unit(&self, unit: &str) -> Vec<Uuid> {
        self.0
            .iter()
            .filter(|(_, u)| u.as_str() == unit)
            .map(|(id, _)| *id)
            .collect()
    }
}

/// Which events a connection receives.
struct Audience {
    user: Uuid,
    /// `None`: every unit (admin); staff of other roles see their readable units.
    units: Option<HashSet<String>>,
    staff: bool,
}

impl Audience {
    fn wants(&self, event: &Event) -> bool {
        if event.kind == QUEUE_CHANGED {
            return false;
        }
        if let Some(only) = event.only_user {
            return only == self.user;
        }
        if event.kind == "typing" && event.actor_id == Some(self.user) {
            return false;
        }
        event.owner_id == self.user
            || (self.staff
                && self
                    .units
                    .as_ref()
                    .is_none_or(|u| u.contains(&event.unit_code)))
    }
}

/// Live events. Open with `?token=<access token>`; events: `message.created`,
/// `consultation.updated` (status, assignee, queue position), `typing`, `read`. Send
/// `{"type":"typing","consultation_id":…}` or `{"type":"read","consultation_id":…,"message_id":…}`.
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
    let claims = state
        .keys
        .verify(&query.token)
        .ok_or_else(|| AppError::new(ErrorCode::InvalidAccessToken))?;
    let auth = AuthUser {
        id: claims.sub,
        role: claims.role,
        unit_code: claims.unit,
        session_id: claims.sid,
    };
    let units = if auth.role == Role::Public {
        Some(HashSet::new())
    } else {
        access::readable_units(&state.db, &auth).await?
    };
    let audience = Audience {
        user: auth.id,
        units,
        staff: auth.role.is_staff(),
    };
    let (response, mut session, mut incoming) = actix_ws::handle(&req, body)
        .map_err(|e| AppError::new(ErrorCode::MalformedJson).with_detail(e.to_string()))?;
    let mut own_queue = OwnQueue::load(&state, &auth).await?;
    let mut events = state.bus.subscribe();
    let state = state.into_inner();
    state.presence.enter(auth.id);
    actix_web::rt::spawn(async move {
        loop {
            tokio::select! {
                event = events.recv() => match event {
                    Ok(event) if event.kind == QUEUE_CHANGED => {
                        let mine = own_queue.in_unit(&event.unit_code);
                        if mine.is_empty() {
                            continue;
                        }
                        let positions = match crate::consultations::service::positions_of(&state.db, mine).await {
                            Ok(positions) => positions,
                            Err(e) => {
                                tracing::warn!(error = %e, "cannot recount queue positions");
                                continue;
                            }
                        };
                        for (id, position) in positions {
                            let update = serde_json::json!({
                                "type": "consultation.updated",
                                "consultation_id": id,
                                "data": {"status": Status::Waiting.as_str(), "queue_position": position},
                            });
                            if session.text(update.to_string()).await.is_err() {
                                break;
                            }
                        }
                    }
                    Ok(event) if audience.wants(&event) => {
                        own_queue.observe(audience.user, &event);
                        let Ok(text) = serde_json::to_string(&event) else { continue };
                        if session.text(text).await.is_err() {
                            break;
                        }
                    }
                    Ok(_) => {}
                    // A slow client missed events; it catches up with `?after=` on the messages.
                    Err(RecvError::Lagged(_)) => {}
                    Err(RecvError::Closed) => break,
                },
                message = incoming.next() => match message {
                    Some(Ok(Message::Text(text))) => {
                        if let Ok(msg) = serde_json::from_str::<ClientMessage>(&text) {
                            let result = match msg {
                                ClientMessage::Typing { consultation_id } => {
                                    crate::chat::service::typing(&state, &auth, consultation_id).await
                                }
                                ClientMessage::Read { consultation_id, message_id } => {
                                    crate::chat::service::mark_read(&state, &auth, consultation_id, message_id).await
                                }
                            };
                            if let Err(e) = result {
                                let _ = session.text(serde_json::json!({"type": "error", "code": e.code.as_str()}).to_string()).await;
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
        state.presence.leave(auth.id);
        let _ = session.close(None).await;
    });
    Ok(response)
}
