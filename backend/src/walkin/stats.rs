//! A day's walk-in figures per service and desk: tickets taken, served, no-shows, the median
//! and 90th percentile of the standard wait, and breaches of the unit's maximum. Reads the
//! day's tickets of the unit (one index range of one day).
use std::collections::BTreeMap;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{catalog, model::*, tickets};
use crate::{
    caller::AuthUser,
    entities::walkin_ticket::{self, Column as T},
    error::{AppError, AppResult},
    state::AppState,
    units,
};

/// The `q`-quantile (0..=1) of sorted values, by linear interpolation.
pub fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let pos = q * (sorted.len() - 1) as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    let v = sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64);
    Some((v * 10.0).round() / 10.0)
}

#[derive(Default)]
struct Tally {
    figures: WalkinFigures,
    waits: Vec<f64>,
}

impl Tally {
    fn add(&mut self, t: &walkin_ticket::Model, status: TicketStatus) {
        let f = &mut self.figures;
        f.taken += 1;
        match status {
            TicketStatus::Finished => f.served += 1,
            TicketStatus::NoShow => f.no_shows += 1,
            TicketStatus::Cancelled => f.cancelled += 1,
            TicketStatus::Transferred => f.transferred += 1,
            TicketStatus::NotServed => f.not_served += 1,
            _ => {}
        }
        if let Some(s) = t.standard_wait_seconds {
            self.waits.push(f64::from(s) / 60.0);
        }
        if t.breach {
            f.breaches += 1;
        }
    }

    fn done(mut self) -> WalkinFigures {
        self.waits.sort_by(f64::total_cmp);
        self.figures.median_wait_minutes = quantile(&self.waits, 0.5);
        self.figures.p90_wait_minutes = quantile(&self.waits, 0.9);
        self.figures
    }
}

pub async fn day(
    state: &AppState,
    auth: &AuthUser,
    unit_code: &str,
    q: StatsQuery,
) -> AppResult<WalkinStats> {
    let unit = units::service::find(&state.db, unit_code).await?;
    if !tickets::is_unit_staff(auth, &unit.code) {
        return Err(AppError::forbidden());
    }
    let date = match q.date {
        Some(d) => d,
        None => tickets::local_day(state.clock.now(), tickets::unit_zone(&unit)?),
    };
    let rows = walkin_ticket::Entity::find()
        .filter(T::UnitCode.eq(&unit.code))
        .filter(T::Day.eq(tickets::day_key(date)))
        .all(&state.db)
        .await?;
    let services = catalog::services(&state.db, &unit.code).await?;
    let desks = catalog::desks(&state.db, &unit.code).await?;
    let mut by_service: BTreeMap<String, Tally> = BTreeMap::new();
    let mut by_desk: BTreeMap<String, Tally> = BTreeMap::new();
    let mut total = Tally::default();
    for t in &rows {
        let status = TicketStatus::stored(&t.status)?;
        by_service
            .entry(t.service_code.clone())
            .or_default()
            .add(t, status);
        if let Some(desk) = &t.desk_code {
            by_desk.entry(desk.clone()).or_default().add(t, status);
        }
        total.add(t, status);
    }
    // Active ones always, others only when they had tickets that day.
    let services = services
        .iter()
        .filter_map(|s| {
            let tally = by_service.remove(&s.code);
            (s.active || tally.is_some()).then(|| ServiceFigures {
                service: s.code.clone(),
                name: s.name.clone(),
                figures: tally.unwrap_or_default().done(),
            })
        })
        .collect();
    let desks = desks
        .iter()
        .filter_map(|d| {
            let tally = by_desk.remove(&d.code);
            (d.active || tally.is_some()).then(|| DeskFigures {
                desk: d.code.clone(),
                name: d.name.clone(),
                figures: tally.unwrap_or_default().done(),
            })
        })
        .collect();
    Ok(WalkinStats {
        unit_code: unit.code,
        date,
        max_wait_minutes: unit.walkin_max_wait_minutes,
        services,
        desks,
        total: total.done(),
    })
}

#[cfg(test)]
mod tests {
    use super::quantile;

    #[test]
    fn quantiles_interpolate_between_the_sorted_values() {
        assert_eq!(quantile(&[], 0.5), None);
        assert_eq!(quantile(&[4.0], 0.9), Some(4.0));
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 10.0], 0.5), Some(2.5));
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 10.0], 0.9), Some(7.9));
    }
}
