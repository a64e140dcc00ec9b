//! How much the units did: consultations by category, channel and status per day, week or
//! month; walk-in tickets per service; complaints per kind and channel; knowledge-base
//! searches and the answers found without asking (deflections).
use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Utc};
use sea_orm::{ColumnTrait, EntityTrait, ExprTrait, QueryFilter, QuerySelect, sea_query::Expr};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::scope::{ReportPeriod, Scope};
use crate::{
    entities::{
        complaint::{self, Column as K},
        consultation::{self, Column as C},
        knowledge_search_hour::{self as search, Column as S},
        knowledge_vote::{self as vote, Column as V},
        walkin_ticket::{self, Column as T},
    },
    error::AppResult,
    state::AppState,
    vocab::{self, string_enum},
};

string_enum! {
    /// The buckets of a series.
    Interval {
        Day => "day",
        /// ISO weeks (`2026-W49`).
        Week => "week",
        Month => "month",
    }
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VolumeQuery {
    /// The buckets of the consultation series (default `month`).
    pub interval: Option<Interval>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Count {
    pub key: String,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Bucket {
    /// `2026-12-02`, `2026-W49` or `2026-12`, in the unit's time zone.
    pub bucket: String,
    pub total: i64,
    pub by_category: Vec<Count>,
    pub by_channel: Vec<Count>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ConsultationVolumes {
    pub total: i64,
    pub by_category: Vec<Count>,
    pub by_channel: Vec<Count>,
    /// Where the period's consultations stand now.
    pub by_status: Vec<Count>,
    pub series: Vec<Bucket>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct KnowledgeVolumes {
    pub searches: i64,
    /// Readers who said an article answered their question ("this answered my question").
    pub deflections: i64,
    /// `deflections` / `searches` × 100, to one decimal.
    pub deflection_rate_percent: Option<f64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnitVolumes {
    pub unit_code: String,
    pub unit_name: String,
    pub consultations: i64,
    pub tickets: i64,
    pub complaints: i64,
    pub searches: i64,
    pub deflections: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct VolumeReport {
    #[serde(flatten)]
    pub period: ReportPeriod,
    pub interval: Interval,
    pub consultations: ConsultationVolumes,
    /// Walk-in tickets per service code.
    pub tickets_by_service: Vec<Count>,
    pub complaints_by_kind: Vec<Count>,
    pub complaints_by_channel: Vec<Count>,
    pub knowledge: KnowledgeVolumes,
    pub units: Vec<UnitVolumes>,
}

fn counts(map: BTreeMap<String, i64>) -> Vec<Count> {
    map.into_iter()
        .map(|(key, count)| Count { key, count })
        .collect()
}

fn bucket_of(at: DateTime<Utc>, zone: chrono_tz::Tz, interval: Interval) -> String {
    let day = at.with_timezone(&zone).date_naive();
    match interval {
        Interval::Day => day.format("%Y-%m-%d").to_string(),
        Interval::Week => {
            let w = day.iso_week();
            format!("{}-W{:02}", w.year(), w.week())
        }
        Interval::Month => day.format("%Y-%m").to_string(),
    }
}

pub async fn report(
    state: &AppState,
    scope: &Scope,
    interval: Interval,
) -> AppResult<VolumeReport> {
    let codes = scope.codes();
    let rows: Vec<(String, DateTime<Utc>, String, String, String)> = consultation::Entity::find()
        .select_only()
        .columns([
            C::UnitCode,
            C::CreatedAt,
            C::Category,
            C::Channel,
            C::Status,
        ])
        .filter(scope.within(C::UnitCode, C::CreatedAt)?)
        .into_tuple()
        .all(&state.db)
        .await?;
    let zones: BTreeMap<&str, chrono_tz::Tz> = scope
        .units
        .iter()
        .map(|u| Ok((u.code.as_str(), vocab::zone(&u.time_zone)?)))
        .collect::<AppResult<_>>()?;
    let root_zone = vocab::zone(&scope.root.time_zone)?;
    let (mut by_category, mut by_channel, mut by_status) =
        (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
    // Per bucket: the total, by category, by channel.
    type Tallies = (i64, BTreeMap<String, i64>, BTreeMap<String, i64>);
    let mut series: BTreeMap<String, Tallies> = BTreeMap::new();
    let mut per_unit: BTreeMap<String, [i64; 5]> = BTreeMap::new();
    for (unit, at, category, channel, status) in &rows {
        *by_category.entry(category.clone()).or_insert(0) += 1;
        *by_channel.entry(channel.clone()).or_insert(0) += 1;
        *by_status.entry(status.clone()).or_insert(0) += 1;
        let zone = zones.get(unit.as_str()).copied().unwrap_or(root_zone);
        let b = series.entry(bucket_of(*at, zone, interval)).or_default();
        b.0 += 1;
        *b.1.entry(category.clone()).or_insert(0) += 1;
        *b.2.entry(channel.clone()).or_insert(0) += 1;
        per_unit.entry(unit.clone()).or_default()[0] += 1;
    }
    let (first_day, last_day) = scope.day_keys();
    let tickets: Vec<(String, String, i64)> = walkin_ticket::Entity::find()
        .select_only()
        .column(T::UnitCode)
        .column(T::ServiceCode)
        .column_as(Expr::col(T::Id).count(), "n")
        .filter(T::UnitCode.is_in(codes.clone()))
        .filter(T::Day.between(first_day, last_day))
        .group_by(T::UnitCode)
        .group_by(T::ServiceCode)
        .into_tuple()
        .all(&state.db)
        .await?;
    let mut by_service = BTreeMap::new();
    for (unit, service, n) in tickets {
        *by_service.entry(service).or_insert(0) += n;
        per_unit.entry(unit).or_default()[1] += n;
    }
    let complaints: Vec<(String, String, String, i64)> = complaint::Entity::find()
        .select_only()
        .column(K::UnitCode)
        .column(K::Kind)
        .column(K::Channel)
        .column_as(Expr::col(K::Id).count(), "n")
        .filter(scope.within(K::UnitCode, K::ReceivedAt)?)
        .filter(K::AcceptedAt.is_not_null())
        .group_by(K::UnitCode)
        .group_by(K::Kind)
        .group_by(K::Channel)
        .into_tuple()
        .all(&state.db)
        .await?;
    let (mut by_kind, mut complaint_channels) = (BTreeMap::new(), BTreeMap::new());
    for (unit, kind, channel, n) in complaints {
        *by_kind.entry(kind).or_insert(0) += n;
        *complaint_channels.entry(channel).or_insert(0) += n;
        per_unit.entry(unit).or_default()[2] += n;
    }
    // Searches made without choosing a unit count for the national unit (the one with no
    // parent) when it is covered.
    let mut search_units = codes.clone();
    if scope.units.iter().any(|u| u.parent_code.is_none()) {
        search_units.push(String::new());
    }
    let searches: Vec<(String, i64)> = search::Entity::find()
        .select_only()
        .column(S::UnitCode)
        .column_as(
            Expr::col(S::Searches)
                .sum()
                .cast_as(sea_orm::sea_query::Alias::new("BIGINT")),
            "n",
        )
        .filter(S::UnitCode.is_in(search_units))
        .filter(
            S::HourStart
                .gte(vocab::day_start(scope.from, root_zone))
                .and(S::HourStart.lt(vocab::day_start(
                    scope.to + chrono::TimeDelta::days(1),
                    root_zone,
                ))),
        )
        .group_by(S::UnitCode)
        .into_tuple()
        .all(&state.db)
        .await?;
    let deflections: Vec<(Option<String>, i64)> = vote::Entity::find()
        .select_only()
        .column(V::UnitCode)
        .column_as(Expr::col(V::Id).count(), "n")
        .filter(V::Helpful.eq(true))
        .filter(scope.within(V::UnitCode, V::CreatedAt)?)
        .group_by(V::UnitCode)
        .into_tuple()
        .all(&state.db)
        .await?;
    let root_code = scope.root.code.clone();
    let mut total_searches = 0;
    for (unit, n) in searches {
        total_searches += n;
        let unit = if unit.is_empty() {
            root_code.clone()
        } else {
            unit
        };
        per_unit.entry(unit).or_default()[3] += n;
    }
    let mut total_deflections = 0;
    for (unit, n) in deflections {
        total_deflections += n;
        per_unit
            .entry(unit.unwrap_or_else(|| root_code.clone()))
            .or_default()[4] += n;
    }
    let units = scope
        .units
        .iter()
        .map(|u| {
            let [consultations, tickets, complaints, searches, deflections] =
                per_unit.get(&u.code).copied().unwrap_or_default();
            UnitVolumes {
                unit_code: u.code.clone(),
                unit_name: u.name.clone(),
                consultations,
                tickets,
                complaints,
                searches,
                deflections,
            }
        })
        .collect();
    Ok(VolumeReport {
        period: scope.period(),
        interval,
        consultations: ConsultationVolumes {
            total: rows.len() as i64,
            by_category: counts(by_category),
            by_channel: counts(by_channel),
            by_status: counts(by_status),
            series: series
                .into_iter()
                .map(|(bucket, (total, cats, chans))| Bucket {
                    bucket,
                    total,
                    by_category: counts(cats),
                    by_channel: counts(chans),
                })
                .collect(),
        },
        tickets_by_service: counts(by_service),
        complaints_by_kind: counts(by_kind),
        complaints_by_channel: counts(complaint_channels),
        knowledge: KnowledgeVolumes {
            searches: total_searches,
            deflections: total_deflections,
            deflection_rate_percent: (total_searches > 0).then(|| {
                (total_deflections as f64 * 1000.0 / total_searches as f64).round() / 10.0
            }),
        },
        units,
    })
}
