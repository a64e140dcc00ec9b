use actix_web::{get, put, web};
use chrono::Datelike;
use serde::Deserialize;
use utoipa::IntoParams;

use super::{CalendarStatus, HolidayYear, HolidayYearUpdate, service};
use crate::{
    api::{BadRequest, Forbidden, Unauthenticated, Unprocessable, ValidJson},
    caller::AuthUser,
    error::AppResult,
    state::AppState,
};

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_holidays)
        .service(put_holidays)
        .service(get_calendar_status);
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// Calendar year (default: the current year in Asia/Jakarta).
    #[param(example = 2026, minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
}

/// The holidays and collective leave days of a year, which deadlines in working days skip. Public.
/// A year without a loaded decree lists its fixed-date national holidays, with `loaded: false`.
#[utoipa::path(
    tag = "holidays",
    params(YearQuery),
    responses(
        (status = 200, description = "The year's calendar.", body = HolidayYear),
        (status = 400, response = BadRequest),
        (status = 422, response = Unprocessable),
    )
)]
#[get("/holidays")]
async fn get_holidays(
    state: web::Data<AppState>,
    query: web::Query<YearQuery>,
) -> AppResult<web::Json<HolidayYear>> {
    Ok(web::Json(
        service::year(
            &state.db,
            query.year.unwrap_or_else(|| service::today(&state).year()),
        )
        .await?,
    ))
}

/// Replace a year's holidays (admin).
#[utoipa::path(
    tag = "holidays",
    security(("bearer" = [])),
    params(YearQuery),
    request_body = HolidayYearUpdate,
    responses(
        (status = 200, description = "The year's calendar as saved.", body = HolidayYear),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[put("/holidays")]
async fn put_holidays(
    auth: AuthUser,
    state: web::Data<AppState>,
    query: web::Query<YearQuery>,
    body: ValidJson<HolidayYearUpdate>,
) -> AppResult<web::Json<HolidayYear>> {
    let year = query.year.unwrap_or_else(|| service::today(&state).year());
    Ok(web::Json(
        service::replace_year(&state, &auth, year, body.0.items).await?,
    ))
}

/// Whether this year's and next year's decrees are loaded, and whether it is time to load next
/// year's (from 1 October in Asia/Jakarta while it is missing). Public.
#[utoipa::path(
    tag = "holidays",
    responses(
        (status = 200, description = "The calendar's state today.", body = CalendarStatus),
    )
)]
#[get("/holidays/status")]
async fn get_calendar_status(state: web::Data<AppState>) -> AppResult<web::Json<CalendarStatus>> {
    Ok(web::Json(service::status(&state).await?))
}
