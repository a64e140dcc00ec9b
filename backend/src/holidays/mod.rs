//! The working-day calendar: national holidays and collective leave (cuti bersama).
pub mod routes;
pub mod service;
pub mod working_days;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::vocab::string_enum;

string_enum! {
    /// Why a day is not a working day.
    HolidayKind {
        /// A national public holiday.
        National => "national",
        /// Collective leave (cuti bersama) set by the joint ministerial decree.
        CollectiveLeave => "collective_leave",
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"date": "2026-03-19", "kind": "national", "name": "Hari Suci Nyepi (Tahun Baru Saka 1948)"}))]
pub struct Holiday {
    pub date: NaiveDate,
    pub kind: HolidayKind,
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HolidayYear {
    pub year: i32,
    pub items: Vec<Holiday>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HolidayYearUpdate {
    /// Every holiday of the year; replaces what the year had.
    #[schema(max_items = 100)]
    #[validate(nested, length(max = 100, message = "at most 100 holidays a year"))]
    pub items: Vec<Holiday>,
}

/// The 2026 calendar from the joint ministerial decree (SKB 3 Menteri), shipped with the seed.
pub const HOLIDAYS_2026_CSV: &str = include_str!("../../seed/holidays-id-2026.csv");

pub fn parse_csv(csv: &str) -> anyhow::Result<Vec<Holiday>> {
    csv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let mut parts = line.splitn(3, ',');
            let (Some(date), Some(kind), Some(name)) = (parts.next(), parts.next(), parts.next())
            else {
                anyhow::bail!("holiday line `{line}` must be date,kind,name");
            };
            Ok(Holiday {
                date: NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")?,
                kind: HolidayKind::parse(kind.trim())
                    .ok_or_else(|| anyhow::anyhow!("unknown holiday kind `{kind}`"))?,
                name: name.trim().to_owned(),
            })
        })
        .collect()
}
