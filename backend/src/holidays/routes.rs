use actix_web::{get, put, web};
use chrono::{Datelike, Utc};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{HolidayYear, HolidayYearUpdate, service};
use crate::{
    api::{BadRequest, Forbidden, Unauthenticated, Unprocessable, ValidJson},
    caller::AuthUser,
    error::AppResult,
    state::AppState,
};

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_holidays).service(put_holidays);
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// Calendar year (default: the current year).
    #[param(example = 2026, minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
}

fn current_year() -> i32 {
    Utc::now().year()
}

/// The holidays and collective leave days of a year, which deadlines in working days skip. Public.
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
        service::year(&state.db, query.year.unwrap_or_else(current_year)).await?,
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
    let year = query.year.unwrap_or_else(current_year);
    Ok(web::Json(
        service::replace_year(&state, &auth, year, body.0.items).await?,
    ))
}
