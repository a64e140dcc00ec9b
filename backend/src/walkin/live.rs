//! Live feeds without an account: a unit's display board, and a visitor's own ticket. Each
//! receives only its unit's board changes (the ticket feed re-reads its ticket on each and sends
//! it when it changed), never anything else on the bus.
use std::{cell::RefCell, rc::Rc};

use actix_web::{HttpRequest, HttpResponse, get, web};
use actix_ws::{Message, Session};
use futures_util::StreamExt;
use uuid::Uuid;

use super::{board, model::*, tickets};
use crate::{
    bus::{Delivery, LiveEvent},
    error::{AppError, AppResult, ErrorCode},
    state::AppState,
    units,
};

async fn send(session: &mut Session, event: &LiveEvent) -> bool {
    match serde_json::to_string(event) {
        Ok(text) => session.text(text).await.is_ok(),
        Err(_) => true,
    }
}

/// Runs a feed: `first` is sent at once; `next` turns each board change of the unit into what
/// to send (nothing when `None`).
fn run<F, Fut>(
    state: web::Data<AppState>,
    unit: String,
    mut session: Session,
    mut incoming: actix_ws::MessageStream,
    first: LiveEvent,
    mut next: F,
) where
    F: FnMut(std::sync::Arc<AppState>, std::sync::Arc<str>) -> Fut + 'static,
    Fut: std::future::Future<Output = Option<String>>,
{
    let (registration, mut deliveries) = state.bus.register_feed(&unit);
    let state = state.into_inner();
    actix_web::rt::spawn(async move {
        let _open = state.metrics.walkin_feed();
        if !send(&mut session, &first).await {
            return;
        }
        loop {
            tokio::select! {
                delivery = deliveries.recv() => match delivery {
                    Some(Delivery::Text(board)) => {
                        if let Some(out) = next(state.clone(), board).await
                            && session.text(out).await.is_err()
                        {
                            break;
                        }
                    }
                    Some(Delivery::Recount(_)) => {}
                    None => break,
                },
                message = incoming.next() => match message {
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
        let _ = session.close(None).await;
    });
}

fn upgrade(
    req: &HttpRequest,
    body: web::Payload,
) -> AppResult<(HttpResponse, Session, actix_ws::MessageStream)> {
    actix_ws::handle(req, body)
        .map_err(|e| AppError::new(ErrorCode::MalformedJson).with_detail(e.to_string()))
}

/// The display board, live (no login): `walkin.board` events (`LiveEvent`) of this unit only —
/// the board at once, then after every change.
#[utoipa::path(
    tag = "walkin",
    params(("code" = String, Path, description = "BPS region code", example = "3375")),
    responses(
        (status = 101, description = "Switching to the WebSocket protocol."),
        (status = 400, response = crate::api::BadRequest),
        (status = 404, response = crate::api::NotFound),
    )
)]
#[get("/units/{code}/walkin/board/live")]
pub async fn board_feed(
    req: HttpRequest,
    body: web::Payload,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    let unit = units::service::find(&state.db, &code).await?;
    let first = LiveEvent::WalkinBoard {
        unit_code: unit.code.clone(),
        data: Box::new(board::read(&state, &unit).await?),
    };
    let (response, session, incoming) = upgrade(&req, body)?;
    run(
        state,
        unit.code,
        session,
        incoming,
        first,
        |_, board| async move { Some(board.to_string()) },
    );
    Ok(response)
}

/// A visitor's own ticket, live, through the key of its link (no login): `walkin.ticket`
/// events (`LiveEvent`) — the ticket at once, then whenever it or its place changes.
#[utoipa::path(
    tag = "walkin",
    params(("id" = Uuid, Path, description = "The ticket"), KeyQuery),
    responses(
        (status = 101, description = "Switching to the WebSocket protocol."),
        (status = 400, response = crate::api::BadRequest),
        (status = 404, response = crate::api::NotFound),
    )
)]
#[get("/walkin/tickets/{id}/live")]
pub async fn ticket_feed(
    req: HttpRequest,
    body: web::Payload,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    query: web::Query<KeyQuery>,
) -> AppResult<HttpResponse> {
    let id = *id;
    let key = query.into_inner().key;
    let (view, unit) = tickets::track(&state, id, &key).await?;
    let event = |view: TicketView| LiveEvent::WalkinTicket {
        ticket_id: view.id,
        unit_code: view.unit_code.clone(),
        data: Box::new(view),
    };
    let (response, session, incoming) = upgrade(&req, body)?;
    // The last view sent: a re-read one goes out only when it differs.
    let last = Rc::new(RefCell::new(view.clone()));
    run(
        state,
        unit,
        session,
        incoming,
        event(view),
        move |state, _| {
            let key = key.clone();
            let last = last.clone();
            async move {
                match tickets::track(&state, id, &key).await {
                    Ok((view, _)) if *last.borrow() == view => None,
                    Ok((view, _)) => {
                        *last.borrow_mut() = view.clone();
                        serde_json::to_string(&event(view)).ok()
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "cannot re-read a tracked ticket");
                        None
                    }
                }
            }
        },
    );
    Ok(response)
}
