//! The display board: who is called to which desk, the last calls and the waiting counts —
//! three statements over the day's index ranges.
use std::collections::{BTreeMap, HashMap};

use sea_orm::{
    ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, ExprTrait},
};

use super::{catalog, model::*, tickets};
use crate::{
    entities::{
        unit,
        walkin_ticket::{self, Column as T},
    },
    error::{AppError, AppResult},
    state::AppState,
    units,
};

const RECENT_CALLS: u64 = 10;

pub async fn get(state: &AppState, unit_code: &str) -> AppResult<Board> {
    let unit = units::service::find(&state.db, unit_code).await?;
    read(state, &unit).await
}

fn call(t: &walkin_ticket::Model, desks: &HashMap<String, String>) -> AppResult<Option<BoardCall>> {
    let (Some(desk), Some(called_at)) = (&t.desk_code, t.last_called_at) else {
        return Ok(None);
    };
    Ok(Some(BoardCall {
        desk: desks.get(desk).cloned().unwrap_or_else(|| desk.clone()),
        desk_code: desk.clone(),
        number: t.number.clone(),
        service: t.service_code.clone(),
        called_at,
        status: TicketStatus::stored(&t.status)?,
    }))
}

pub async fn read(state: &AppState, unit: &unit::Model) -> AppResult<Board> {
    let now = state.clock.now();
    let today = tickets::day_key(tickets::local_day(now, tickets::unit_zone(unit)?));
    let desks: HashMap<String, String> = catalog::desks(&state.db, &unit.code)
        .await?
        .into_iter()
        .map(|d| (d.code, d.name))
        .collect();
    let at_desks = walkin_ticket::Entity::find()
        .filter(T::UnitCode.eq(&unit.code))
        .filter(T::Day.eq(&today))
        .filter(T::Status.is_in([
            TicketStatus::Called.as_str(),
            TicketStatus::Serving.as_str(),
        ]))
        .order_by_asc(T::DeskCode)
        .all(&state.db)
        .await?;
    let recent = walkin_ticket::Entity::find()
        .filter(T::UnitCode.eq(&unit.code))
        .filter(T::Day.eq(&today))
        .filter(T::LastCalledAt.is_not_null())
        .order_by_desc(T::LastCalledAt)
        .limit(RECENT_CALLS)
        .all(&state.db)
        .await?;
    let counts: Vec<(String, i64)> = walkin_ticket::Entity::find()
        .select_only()
        .column(T::ServiceCode)
        .expr(Expr::col(T::Id).count())
        .filter(T::UnitCode.eq(&unit.code))
        .filter(T::Status.eq(TicketStatus::Waiting.as_str()))
        .group_by(T::ServiceCode)
        .into_tuple()
        .all(&state.db)
        .await?;
    let counts: HashMap<String, i64> = counts.into_iter().collect();
    let mut waiting = BTreeMap::new();
    for s in catalog::services(&state.db, &unit.code).await? {
        if s.active {
            let n = counts.get(&s.code).copied().unwrap_or(0);
            waiting.insert(
                s.code,
                u64::try_from(n).map_err(|_| AppError::internal("negative count"))?,
            );
        }
    }
    let mut now_serving = Vec::new();
    for t in &at_desks {
        now_serving.extend(call(t, &desks)?);
    }
    let mut recent_calls = Vec::new();
    for t in &recent {
        recent_calls.extend(call(t, &desks)?);
    }
    Ok(Board {
        unit_code: unit.code.clone(),
        time_zone: unit.time_zone.clone(),
        now_serving,
        recent_calls,
        waiting,
        updated_at: now,
    })
}
