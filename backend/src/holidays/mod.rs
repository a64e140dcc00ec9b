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

/// A year's calendar. `loaded`: the year's decree (SKB 3 Menteri: the moving holidays and the
/// collective leave) is in the database, and `items` is that decree. Not loaded: `items` are only
/// the fixed-date national holidays, known every year (1 January, 1 May, 1 June, 17 August,
/// 25 December), which deadlines then skip; the moving ones are not known yet.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"year": 2027, "loaded": false, "items": [
    {"date": "2027-01-01", "kind": "national", "name": "Tahun Baru Masehi"},
    {"date": "2027-05-01", "kind": "national", "name": "Hari Buruh Internasional"},
    {"date": "2027-06-01", "kind": "national", "name": "Hari Lahir Pancasila"},
    {"date": "2027-08-17", "kind": "national", "name": "Hari Kemerdekaan Republik Indonesia"},
    {"date": "2027-12-25", "kind": "national", "name": "Hari Natal"}
]}))]
pub struct HolidayYear {
    pub year: i32,
    /// Whether the year's decree is loaded; `false`: `items` are the fixed-date holidays only.
    pub loaded: bool,
    pub items: Vec<Holiday>,
}

/// Whether the calendars of this year and the next are loaded, as of today in Asia/Jakarta
/// (the server's clock), for the admin's reminder to load next year's decree.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"today": "2026-10-01", "year": 2026, "loaded": true,
    "next_year": 2027, "next_year_loaded": false, "load_next_year": true}))]
pub struct CalendarStatus {
    /// Today in Asia/Jakarta.
    pub today: NaiveDate,
    pub year: i32,
    /// This year's decree is loaded.
    pub loaded: bool,
    pub next_year: i32,
    /// Next year's decree is loaded.
    pub next_year_loaded: bool,
    /// Time to load next year's decree: this year's is missing, or it is 1 October or later
    /// and next year's is missing.
    pub load_next_year: bool,
}

/// The national holidays on the same date every year: (month, day, name).
pub const FIXED_DATES: [(u32, u32, &str); 5] = [
    (1, 1, "Tahun Baru Masehi"),
    (5, 1, "Hari Buruh Internasional"),
    (6, 1, "Hari Lahir Pancasila"),
    (8, 17, "Hari Kemerdekaan Republik Indonesia"),
    (12, 25, "Hari Natal"),
];

/// The fixed-date national holidays of `year`, in date order.
pub fn fixed_holidays(year: i32) -> Vec<Holiday> {
    FIXED_DATES
        .iter()
        .filter_map(|&(month, day, name)| {
            Some(Holiday {
                date: NaiveDate::from_ymd_opt(year, month, day)?,
                kind: HolidayKind::National,
                name: name.to_owned(),
            })
        })
        .collect()
}

/// Whether `date` is one of the fixed-date national holidays.
pub fn is_fixed_date(date: NaiveDate) -> bool {
    use chrono::Datelike;
    FIXED_DATES
        .iter()
        .any(|&(month, day, _)| date.month() == month && date.day() == day)
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
