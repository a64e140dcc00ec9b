//! Deadlines in working days: Saturdays, Sundays and the calendar's holidays are skipped.
//!
//! A year whose decree is loaded (it has holidays in the database) is that decree. A year
//! without one still has its fixed-date national holidays ([`super::FIXED_DATES`]): a deadline
//! counted into it skips them, and is provisional until the decree is loaded.
use std::collections::{BTreeSet, HashSet};

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, QueryTrait,
    sea_query::{Alias, Expr, Query},
};

use super::{fixed_holidays, is_fixed_date};
use crate::{
    db::Cursor,
    entities::holiday,
    error::{AppError, AppResult},
};

pub fn is_working_day(date: NaiveDate, holidays: &HashSet<NaiveDate>) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !holidays.contains(&date)
}

/// The Nth working day after `day` (not counting `day` itself).
pub fn nth_working_day_after(day: NaiveDate, n: u32, holidays: &HashSet<NaiveDate>) -> NaiveDate {
    let mut date = day;
    let mut counted = 0;
    while counted < n {
        date += Duration::days(1);
        if is_working_day(date, holidays) {
            counted += 1;
        }
    }
    date
}

/// The end (23:59:59 in the unit's time zone) of the Nth working day after the day of `start`
/// in that zone, as a UTC instant.
pub fn deadline(
    start: DateTime<Utc>,
    zone: Tz,
    n: u32,
    holidays: &HashSet<NaiveDate>,
) -> DateTime<Utc> {
    let local_day = start.with_timezone(&zone).date_naive();
    let last_day = nth_working_day_after(local_day, n, holidays);
    let end = last_day.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN));
    zone.from_local_datetime(&end)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| end.and_utc())
}

/// The first and last day of `year`.
pub fn year_span(year: i32) -> AppResult<(NaiveDate, NaiveDate)> {
    match (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) {
        (Some(first), Some(last)) => Ok((first, last)),
        _ => Err(AppError::internal(format!(
            "no calendar for the year {year}"
        ))),
    }
}

/// Those of `years` whose decree is loaded (that have a holiday in the database): one
/// statement, an `EXISTS` over the date index for each year; none when `years` is empty.
pub async fn loaded_years<C: ConnectionTrait>(
    conn: &C,
    years: &BTreeSet<i32>,
) -> AppResult<HashSet<i32>> {
    if years.is_empty() {
        return Ok(HashSet::new());
    }
    let mut select = Query::select();
    for (i, &year) in years.iter().enumerate() {
        let (first, last) = year_span(year)?;
        let any = holiday::Entity::find()
            .select_only()
            .column(holiday::Column::Date)
            .filter(holiday::Column::Date.between(first, last))
            .limit(1)
            .into_query();
        select.expr_as(Expr::exists(any), Alias::new(format!("loaded_{i}")));
    }
    let stmt = conn.get_database_backend().build(&select);
    let Some(row) = conn.query_one_raw(stmt).await? else {
        return Err(AppError::internal("no answer to which years are loaded"));
    };
    let mut at = Cursor::new(&row);
    let mut loaded = HashSet::new();
    for &year in years {
        if at.read::<bool>()? {
            loaded.insert(year);
        }
    }
    Ok(loaded)
}

/// Holidays from `from` on, far enough ahead for any deadline the settings allow: the loaded
/// years' decrees and the fixed-date holidays of the years without one. One range read of the
/// date index, and one statement more only when a year of the range has no holiday in it.
pub async fn holidays_from<C: ConnectionTrait>(
    conn: &C,
    from: NaiveDate,
) -> AppResult<HashSet<NaiveDate>> {
    let until = from + Duration::days(120);
    let mut holidays: HashSet<NaiveDate> = holiday::Entity::find()
        .filter(holiday::Column::Date.between(from, until))
        .all(conn)
        .await?
        .into_iter()
        .map(|h| h.date)
        .collect();
    let unseen: BTreeSet<i32> = (from.year()..=until.year())
        .filter(|&y| !holidays.iter().any(|d| d.year() == y))
        .collect();
    let loaded = loaded_years(conn, &unseen).await?;
    for &year in unseen.difference(&loaded.into_iter().collect()) {
        holidays.extend(fixed_holidays(year).into_iter().map(|h| h.date));
    }
    Ok(holidays)
}

/// Whether `day` is a holiday: in its year's decree, or a fixed-date holiday of a year without
/// one. One indexed lookup, two on a fixed date.
pub async fn is_holiday<C: ConnectionTrait>(conn: &C, day: NaiveDate) -> AppResult<bool> {
    if holiday::Entity::find_by_id(day).one(conn).await?.is_some() {
        return Ok(true);
    }
    Ok(is_fixed_date(day)
        && !loaded_years(conn, &BTreeSet::from([day.year()]))
            .await?
            .contains(&day.year()))
}

/// The years whose decree a deadline at `deadline` counted from `clarified` depends on: those
/// of the days after the clarifying day up to the deadline's day. The days are read in UTC,
/// which in Indonesia's zones (UTC+7 to +9) is the local day of a deadline (23:59:59 local) and
/// at most a day before the local day of the start, so the range is never too short.
pub fn counted_years(clarified: DateTime<Utc>, deadline: DateTime<Utc>) -> BTreeSet<i32> {
    let first = (clarified.date_naive() + Duration::days(1)).year();
    (first..=deadline.date_naive().year()).collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::holidays::{HOLIDAYS_2026_CSV, parse_csv};

    fn holidays() -> HashSet<NaiveDate> {
        parse_csv(HOLIDAYS_2026_CSV)
            .unwrap()
            .into_iter()
            .map(|h| h.date)
            .collect()
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn fixed(year: i32) -> HashSet<NaiveDate> {
        fixed_holidays(year).into_iter().map(|h| h.date).collect()
    }

    #[test]
    fn the_fixed_dates_are_known_every_year() {
        for year in [2027, 2030, 2100] {
            let dates: Vec<String> = fixed_holidays(year)
                .iter()
                .map(|h| h.date.format("%m-%d").to_string())
                .collect();
            assert_eq!(dates, ["01-01", "05-01", "06-01", "08-17", "12-25"]);
        }
        assert!(is_fixed_date(d("2031-08-17")));
        assert!(!is_fixed_date(d("2031-08-18")));
    }

    #[test]
    fn new_year_is_skipped_without_a_decree() {
        // Tue 29 Dec 2026 + 3: Wed 30, Thu 31, (Fri 1 Jan 2027 holiday, weekend), Mon 4 Jan.
        let mut calendar = holidays();
        calendar.extend(fixed(2027));
        assert_eq!(
            nth_working_day_after(d("2026-12-29"), 3, &calendar),
            d("2027-01-04")
        );
        // Without the fixed dates 1 January would have counted.
        assert_eq!(
            nth_working_day_after(d("2026-12-29"), 3, &holidays()),
            d("2027-01-01")
        );
    }

    #[test]
    fn the_other_fixed_dates_are_skipped() {
        // Mon 31 May 2027 + 1: Tue 1 June (Pancasila) skipped: Wed 2 June.
        // Mon 16 Aug 2027 + 1: Tue 17 Aug skipped: Wed 18.
        // Tue 24 Dec 2030 + 1: Wed 25 skipped: Thu 26.
        // Tue 30 Apr 2030 + 1: Wed 1 May skipped: Thu 2.
        let calendar: HashSet<NaiveDate> = fixed(2027).into_iter().chain(fixed(2030)).collect();
        assert_eq!(
            nth_working_day_after(d("2027-05-31"), 1, &calendar),
            d("2027-06-02")
        );
        assert_eq!(
            nth_working_day_after(d("2027-08-16"), 1, &calendar),
            d("2027-08-18")
        );
        assert_eq!(
            nth_working_day_after(d("2030-12-24"), 1, &calendar),
            d("2030-12-26")
        );
        assert_eq!(
            nth_working_day_after(d("2030-04-30"), 1, &calendar),
            d("2030-05-02")
        );
    }

    #[test]
    fn the_counted_years_run_from_the_day_after_clarifying() {
        let at = |y, m, d, h| Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap();
        assert_eq!(
            counted_years(at(2026, 12, 29, 3), at(2027, 1, 4, 16)),
            BTreeSet::from([2026, 2027])
        );
        assert_eq!(
            counted_years(at(2026, 12, 31, 3), at(2027, 1, 4, 16)),
            BTreeSet::from([2027])
        );
        assert_eq!(
            counted_years(at(2026, 11, 2, 3), at(2026, 11, 5, 16)),
            BTreeSet::from([2026])
        );
    }

    #[test]
    fn nyepi_and_idul_fitri_leave_are_skipped() {
        // Thu 19 March 2026 (Nyepi) + 3 working days: 20, 23, 24 are leave, 21-22 weekend.
        assert_eq!(
            nth_working_day_after(d("2026-03-19"), 3, &holidays()),
            d("2026-03-27")
        );
    }

    #[test]
    fn weekends_are_skipped() {
        assert_eq!(
            nth_working_day_after(d("2026-11-20"), 1, &holidays()),
            d("2026-11-23")
        );
        assert_eq!(
            nth_working_day_after(d("2026-11-18"), 3, &holidays()),
            d("2026-11-23")
        );
    }

    #[test]
    fn christmas_leave_is_skipped() {
        // Wed 23 Dec + 1: 24 (leave) and 25 (holiday) skipped, 26-27 weekend: Mon 28.
        assert_eq!(
            nth_working_day_after(d("2026-12-23"), 1, &holidays()),
            d("2026-12-28")
        );
    }

    #[test]
    fn the_deadline_ends_at_midnight_in_the_units_zone() {
        let clarified = Utc.with_ymd_and_hms(2026, 3, 19, 3, 0, 0).unwrap();
        let jakarta = deadline(clarified, chrono_tz::Asia::Jakarta, 3, &holidays());
        assert_eq!(
            jakarta,
            Utc.with_ymd_and_hms(2026, 3, 27, 16, 59, 59).unwrap()
        );
        let makassar = deadline(clarified, chrono_tz::Asia::Makassar, 3, &holidays());
        assert_eq!(
            makassar,
            Utc.with_ymd_and_hms(2026, 3, 27, 15, 59, 59).unwrap()
        );
    }

    #[test]
    fn the_local_day_decides_not_the_utc_day() {
        // 18:00 UTC on Friday 20 Nov is already Saturday 21 Nov 01:00 in Jakarta.
        let late = Utc.with_ymd_and_hms(2026, 11, 20, 18, 0, 0).unwrap();
        let due = deadline(late, chrono_tz::Asia::Jakarta, 1, &holidays());
        assert_eq!(due, Utc.with_ymd_and_hms(2026, 11, 23, 16, 59, 59).unwrap());
    }
}
