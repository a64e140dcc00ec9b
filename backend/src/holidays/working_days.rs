//! Deadlines in working days: Saturdays, Sundays and the calendar's holidays are skipped.
use std::collections::HashSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::{entities::holiday, error::AppResult};

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

/// Holidays from `from` on, far enough ahead for any deadline the settings allow.
pub async fn holidays_from<C: ConnectionTrait>(
    conn: &C,
    from: NaiveDate,
) -> AppResult<HashSet<NaiveDate>> {
    let until = from + Duration::days(120);
    Ok(holiday::Entity::find()
        .filter(holiday::Column::Date.between(from, until))
        .all(conn)
        .await?
        .into_iter()
        .map(|h| h.date)
        .collect())
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
