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
    access,
    bus::{Event, LiveEvent, Payload, events::QueueMove},
    caller::AuthUser,
    consultations::model::Status,
    entities::consultation,
    error::{AppError, AppResult, ErrorCode},
    state::AppState,
    vocab::Role,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WsQuery {
    /// An access token (browsers cannot set headers on WebSockets).
    pub token: String,
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
        let Payload::Live(LiveEvent::ConsultationUpdated {
            consultation_id,
            data,
        }) = &event.payload
        else {
            return;
        };
        if event.owner_id != user {
            return;
        }
        if data.status == Status::Waiting {
            self.0.insert(*consultation_id, event.unit_code.clone());
        } else {
            self.0.remove(consultation_id);
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
        let Payload::Live(live) = &event.payload else {
            return false;
        };
        if let Some(only) = event.only_user {
            return only == self.user;
        }
        if matches!(live, LiveEvent::Typing { .. }) && event.actor_id == Some(self.user) {
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

/// Live events. Open with `?token=<access token>`. The server sends `LiveEvent`s (schema in the
/// components: `message.created`, `consultation.updated`, `queue.moved`, `typing`, `read`,
/// `error`); the client may send `LiveClientMessage`s (`typing`, `read`).
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
    let auth = AuthUser::from_token(&state, &query.token).await?;
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
                    Ok(Event { payload: Payload::SessionsEnded(ended), .. }) => {
                        if ended.contains(&auth.session_id) {
                            let reason = actix_ws::CloseReason {
                                code: actix_ws::CloseCode::Policy,
                                description: Some("session ended".into()),
                            };
                            let _ = session.close(Some(reason)).await;
                            state.presence.leave(auth.id);
                            return;
                        }
                    }
                    Ok(event) if matches!(event.payload, Payload::QueueMoved) => {
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
                    Ok(event) if audience.wants(&event) => {
                        own_queue.observe(audience.user, &event);
                        let Payload::Live(live) = &event.payload else { continue };
                        let Ok(text) = serde_json::to_string(live) else { continue };
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
        state.presence.leave(auth.id);
        let _ = session.close(None).await;
    });
    Ok(response)
}
