//! Which units and days a report covers, and who may read it.
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, ExprTrait, QueryOrder, sea_query::IntoCondition,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::{
    access,
    caller::AuthUser,
    entities::unit,
    error::{AppError, AppResult},
    state::AppState,
    vocab::{self, Role, string_enum},
};

/// The longest period a report covers.
const MAX_DAYS: i64 = 3 * 366;

string_enum! {
    /// How a report answers.
    ReportFormat {
        Json => "json",
        /// A table for spreadsheets, one row per unit (or per figure).
        Csv => "csv",
    }
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// The unit (default: the caller's own; admins name one). A supervisor may name a unit below
    /// theirs.
    #[param(example = "3304")]
    pub unit: Option<String>,
    /// First day, in the unit's time zone (default: the first of this month).
    pub from: Option<NaiveDate>,
    /// Last day, inclusive (default: today). At most three years after `from`.
    pub to: Option<NaiveDate>,
    /// Also the units below, each beside the others, and their roll-up.
    #[serde(default)]
    pub include_children: bool,
    /// `json` (default) or `csv`.
    pub format: Option<ReportFormat>,
}

/// The units and local days a report covers.
#[derive(Debug, Clone)]
pub struct Scope {
    /// The unit asked for.
    pub root: unit::Model,
    /// The root first, then the units below it by code when `include_children`.
    pub units: Vec<unit::Model>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub include_children: bool,
    pub now: DateTime<Utc>,
}

/// What the report is of, in its answer.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReportPeriod {
    pub unit_code: String,
    pub unit_name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub include_children: bool,
    /// The units covered: the unit, and those below it when `include_children`.
    pub unit_codes: Vec<String>,
}

impl Scope {
    pub fn period(&self) -> ReportPeriod {
        ReportPeriod {
            unit_code: self.root.code.clone(),
            unit_name: self.root.name.clone(),
            from: self.from,
            to: self.to,
            include_children: self.include_children,
            unit_codes: self.codes(),
        }
    }

    pub fn codes(&self) -> Vec<String> {
        self.units.iter().map(|u| u.code.clone()).collect()
    }

    /// A unit's period as UTC bounds: its first local day's start and the end of its last.
    pub fn bounds(&self, unit: &unit::Model) -> AppResult<(DateTime<Utc>, DateTime<Utc>)> {
        let zone = vocab::zone(&unit.time_zone)?;
        Ok((
            vocab::day_start(self.from, zone),
            vocab::day_start(self.to + chrono::TimeDelta::days(1), zone),
        ))
    }

    /// Rows of the covered units whose `time` falls within each unit's local period: one
    /// condition per time zone among the units.
    pub fn within<U, T>(&self, unit_col: U, time_col: T) -> AppResult<Condition>
    where
        U: ColumnTrait,
        T: ColumnTrait,
    {
        let mut by_zone: Vec<(String, Vec<String>)> = Vec::new();
        for u in &self.units {
            match by_zone.iter_mut().find(|(z, _)| *z == u.time_zone) {
                Some((_, codes)) => codes.push(u.code.clone()),
                None => by_zone.push((u.time_zone.clone(), vec![u.code.clone()])),
            }
        }
        let mut any = Condition::any();
        for (zone, codes) in by_zone {
            let tz: Tz = vocab::zone(&zone)?;
            let start = vocab::day_start(self.from, tz);
            let end = vocab::day_start(self.to + chrono::TimeDelta::days(1), tz);
            any = any.add(
                unit_col
                    .is_in(codes)
                    .and(time_col.gte(start))
                    .and(time_col.lt(end))
                    .into_condition(),
            );
        }
        Ok(any)
    }

    /// The local days of the period as `YYYY-MM-DD` keys (walk-in tickets carry theirs).
    pub fn day_keys(&self) -> (String, String) {
        (
            self.from.format("%Y-%m-%d").to_string(),
            self.to.format("%Y-%m-%d").to_string(),
        )
    }
}

/// The report's scope for `auth`: the unit's supervisors, supervisors of a unit above, and
/// admins read reports; officers and the others do not.
pub async fn resolve(state: &AppState, auth: &AuthUser, q: &ReportQuery) -> AppResult<Scope> {
    if !matches!(auth.role, Role::Supervisor | Role::Admin) {
        return Err(AppError::forbidden()
            .with_detail("Reports are for the unit's supervisor and the supervisors above it."));
    }
    let (root, _) = access::listed_unit(&state.db, auth, q.unit.as_deref()).await?;
    let zone = vocab::zone(&root.time_zone)?;
    let now = state.clock.now();
    let today = now.with_timezone(&zone).date_naive();
    let to = q.to.unwrap_or(today);
    let from = q.from.unwrap_or_else(|| to.with_day(1).unwrap_or(to));
    vocab::local_days(Some(from), Some(to), zone)?;
    if (to - from).num_days() > MAX_DAYS {
        return Err(AppError::field("to", "a report covers at most three years"));
    }
    let units = if q.include_children {
        let all = unit::Entity::find()
            .order_by_asc(unit::Column::Code)
            .all(&state.db)
            .await?;
        let below = access::subtree(&all, &root.code);
        let mut units: Vec<unit::Model> = all
            .into_iter()
            .filter(|u| below.contains(&u.code) && u.code != root.code)
            .collect();
        units.insert(0, root.clone());
        units
    } else {
        vec![root.clone()]
    };
    Ok(Scope {
        root,
        units,
        from,
        to,
        include_children: q.include_children,
        now,
    })
}
