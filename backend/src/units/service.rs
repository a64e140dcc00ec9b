use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};

use super::model::{PublishedServiceStandard, ServiceStandard, UnitDetail, UnitSettings, UnitView};
use crate::{
    api::Page,
    caller::AuthUser,
    entities::{service_standard, unit},
    error::{AppError, AppResult},
    state::AppState,
};

pub async fn find<C: ConnectionTrait>(conn: &C, code: &str) -> AppResult<unit::Model> {
    unit::Entity::find_by_id(code.to_owned())
        .one(conn)
        .await?
        .ok_or_else(AppError::not_found)
}

/// Keeps every other change that locks this unit out until the transaction ends. SQLite's write
/// transactions already exclude one another (`BEGIN IMMEDIATE`, one writer); on PostgreSQL the
/// unit's row is locked, so two changes of one unit's queue never work from the same snapshot.
pub async fn lock<C: ConnectionTrait>(conn: &C, code: &str) -> AppResult<()> {
    if conn.get_database_backend() == sea_orm::DbBackend::Sqlite {
        return Ok(());
    }
    unit::Entity::find_by_id(code.to_owned())
        .select_only()
        .column(unit::Column::Code)
        .lock_exclusive()
        .into_tuple::<String>()
        .one(conn)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(())
}

pub async fn list(state: &AppState, page: u64, per_page: u64) -> AppResult<Page<UnitView>> {
    let paginator = unit::Entity::find()
        .order_by_asc(unit::Column::Code)
        .paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let items = paginator.fetch_page(page - 1).await?;
    let serving: std::collections::HashSet<String> = service_standard::Entity::find()
        .select_only()
        .column(service_standard::Column::UnitCode)
        .filter(service_standard::Column::UnitCode.is_in(items.iter().map(|u| u.code.clone())))
        .into_tuple()
        .all(&state.db)
        .await?
        .into_iter()
        .collect();
    Ok(Page {
        items: items
            .iter()
            .map(|u| UnitView::new(u, serving.contains(&u.code)))
            .collect::<AppResult<_>>()?,
        total,
        page,
        per_page,
    })
}

fn published(row: service_standard::Model) -> AppResult<PublishedServiceStandard> {
    Ok(PublishedServiceStandard {
        standard: serde_json::from_str(&row.content).map_err(AppError::internal)?,
        updated_at: row.updated_at,
    })
}

pub async fn detail(state: &AppState, code: &str) -> AppResult<UnitDetail> {
    let unit = find(&state.db, code).await?;
    let standard = service_standard::Entity::find_by_id(code.to_owned())
        .one(&state.db)
        .await?
        .map(published)
        .transpose()?;
    Ok(UnitDetail {
        unit: UnitView::new(&unit, standard.is_some())?,
        service_standard: standard,
        settings: UnitSettings::of(&unit)?,
    })
}

/// Writes a unit's standard (insert or replace) as the given user.
pub async fn save_standard<C: ConnectionTrait>(
    conn: &C,
    code: &str,
    standard: &ServiceStandard,
    by: Option<uuid::Uuid>,
) -> AppResult<service_standard::Model> {
    let content = serde_json::to_string(standard).map_err(AppError::internal)?;
    let row = service_standard::ActiveModel {
        unit_code: Set(code.to_owned()),
        content: Set(content),
        updated_at: Set(Utc::now()),
        updated_by: Set(by),
    };
    let existing = service_standard::Entity::find_by_id(code.to_owned())
        .one(conn)
        .await?;
    Ok(match existing {
        Some(_) => row.update(conn).await?,
        None => row.insert(conn).await?,
    })
}

pub async fn put_standard(
    state: &AppState,
    auth: &AuthUser,
    code: &str,
    standard: ServiceStandard,
) -> AppResult<PublishedServiceStandard> {
    find(&state.db, code).await?;
    if !auth.manages_unit(code) {
        return Err(AppError::forbidden());
    }
    let txn = state.db.begin().await?;
    let row = save_standard(&txn, code, &standard, Some(auth.id)).await?;
    txn.commit().await?;
    published(row)
}

pub async fn put_settings(
    state: &AppState,
    auth: &AuthUser,
    code: &str,
    settings: UnitSettings,
) -> AppResult<UnitSettings> {
    let unit = find(&state.db, code).await?;
    if !auth.manages_unit(code) {
        return Err(AppError::forbidden());
    }
    // Both are `HH:MM`, validated: they order as text.
    if settings.office_opens_at >= settings.office_closes_at {
        return Err(AppError::field(
            "office_closes_at",
            "must be after office_opens_at",
        ));
    }
    let mut active = unit.into_active_model();
    active.auto_close_after_days = Set(settings.auto_close_after_days);
    active.online_deadline_working_days = Set(settings.online_deadline_working_days);
    active.walkin_max_wait_minutes = Set(settings.walkin_max_wait_minutes);
    active.notify_staff_on_new_consultation = Set(settings.notify_staff_on_new_consultation);
    active.walkin_priority_run = Set(settings.walkin_priority_run);
    active.walkin_no_show_after_calls = Set(settings.walkin_no_show_after_calls);
    active.walkin_remote_tickets = Set(settings.walkin_remote_tickets);
    active.office_opens_at = Set(settings.office_opens_at);
    active.office_closes_at = Set(settings.office_closes_at);
    active.follow_up_below_score = Set(settings.follow_up_below_score);
    active.complaint_verify_working_days = Set(settings.complaint_verify_working_days);
    active.complaint_respond_working_days = Set(settings.complaint_respond_working_days);
    active.complaint_auto_close_working_days = Set(settings.complaint_auto_close_working_days);
    active.feedback_report_schedule = Set(settings.feedback_report_schedule.as_str().to_owned());
    active.auto_assign = Set(settings.auto_assign.as_str().to_owned());
    active.updated_at = Set(Utc::now());
    let saved = active.update(&state.db).await?;
    UnitSettings::of(&saved)
}
