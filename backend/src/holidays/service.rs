use chrono::{Datelike, NaiveDate};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};

use super::{CalendarStatus, Holiday, HolidayKind, HolidayYear, fixed_holidays, working_days};
use crate::{
    caller::AuthUser,
    entities::holiday,
    error::{AppError, AppResult, FieldErrors},
    state::AppState,
    vocab::Role,
};

fn year_bounds(year: i32) -> AppResult<(NaiveDate, NaiveDate)> {
    match (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) {
        (Some(a), Some(b)) if (2000..=2100).contains(&year) => Ok((a, b)),
        _ => Err(AppError::field("year", "must be between 2000 and 2100")),
    }
}

/// A year's decree, or its fixed-date holidays when none is loaded.
pub async fn year<C: ConnectionTrait>(conn: &C, year: i32) -> AppResult<HolidayYear> {
    let (first, last) = year_bounds(year)?;
    let rows = holiday::Entity::find()
        .filter(holiday::Column::Date.between(first, last))
        .order_by_asc(holiday::Column::Date)
        .all(conn)
        .await?;
    if rows.is_empty() {
        return Ok(HolidayYear {
            year,
            loaded: false,
            items: fixed_holidays(year),
        });
    }
    Ok(HolidayYear {
        year,
        loaded: true,
        items: rows
            .into_iter()
            .map(|r| {
                Ok(Holiday {
                    date: r.date,
                    kind: HolidayKind::stored(&r.kind)?,
                    name: r.name,
                })
            })
            .collect::<AppResult<_>>()?,
    })
}

fn check_items(year: i32, items: &[Holiday]) -> AppResult<()> {
    let mut errors = FieldErrors::new();
    let mut seen = std::collections::HashSet::new();
    for (i, h) in items.iter().enumerate() {
        if h.date.year() != year {
            errors.insert(
                format!("items[{i}].date"),
                vec![format!("must be in {year}")],
            );
        } else if !seen.insert(h.date) {
            errors.insert(
                format!("items[{i}].date"),
                vec!["appears more than once".into()],
            );
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::fields(errors))
    }
}

/// Inserts holidays that are not in the calendar yet (the seed; never overwrites edits).
pub async fn insert_missing<C: ConnectionTrait>(conn: &C, items: &[Holiday]) -> AppResult<usize> {
    let mut inserted = 0;
    for h in items {
        if holiday::Entity::find_by_id(h.date)
            .one(conn)
            .await?
            .is_none()
        {
            holiday::Entity::insert(holiday::ActiveModel {
                date: Set(h.date),
                kind: Set(h.kind.as_str().to_owned()),
                name: Set(h.name.clone()),
            })
            .exec(conn)
            .await?;
            inserted += 1;
        }
    }
    Ok(inserted)
}

/// Replaces a year's holidays (admins), in one transaction. An empty list unloads the year.
pub async fn replace_year(
    state: &AppState,
    auth: &AuthUser,
    year_number: i32,
    items: Vec<Holiday>,
) -> AppResult<HolidayYear> {
    auth.require(&[Role::Admin])?;
    let (first, last) = year_bounds(year_number)?;
    check_items(year_number, &items)?;
    let txn = state.db.begin().await?;
    holiday::Entity::delete_many()
        .filter(holiday::Column::Date.between(first, last))
        .exec(&txn)
        .await?;
    insert_missing(&txn, &items).await?;
    let saved = year(&txn, year_number).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Today in Asia/Jakarta (the server's clock).
pub fn today(state: &AppState) -> NaiveDate {
    state
        .clock
        .now()
        .with_timezone(&chrono_tz::Asia::Jakarta)
        .date_naive()
}

/// Whether this year's and next year's decrees are loaded, today (one statement).
pub async fn status(state: &AppState) -> AppResult<CalendarStatus> {
    let today = today(state);
    let (year, next_year) = (today.year(), today.year() + 1);
    let loaded = working_days::loaded_years(&state.db, &[year, next_year].into()).await?;
    let (this_loaded, next_loaded) = (loaded.contains(&year), loaded.contains(&next_year));
    Ok(CalendarStatus {
        today,
        year,
        loaded: this_loaded,
        next_year,
        next_year_loaded: next_loaded,
        load_next_year: !this_loaded || (today.month() >= 10 && !next_loaded),
    })
}
