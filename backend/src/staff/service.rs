use sea_orm::{
    ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, TransactionTrait,
};

use super::{CreateStaffRequest, StaffView};
use crate::{
    api::Page,
    auth::{
        password,
        service::{NewUser, check_password, insert_user},
    },
    caller::AuthUser,
    entities::user,
    error::{AppError, AppResult, ErrorCode},
    notify::{self, templates},
    state::AppState,
    units,
    vocab::{Availability, Role},
};

/// Creates a staff account. `by` is `None` only for the command line, which makes the first admin.
pub async fn create(
    state: &AppState,
    by: Option<&AuthUser>,
    req: CreateStaffRequest,
) -> AppResult<StaffView> {
    if let Some(actor) = by {
        actor.require(&[Role::Admin])?;
    }
    if req.role == Role::Public {
        return Err(AppError::field("role", "must be a staff role"));
    }
    let unit_code = match (req.role, req.unit_code) {
        (Role::Admin, code) => code,
        (_, Some(code)) => Some(code),
        (_, None) => return Err(AppError::field("unit_code", "is required for this role")),
    };
    let unit = match &unit_code {
        Some(code) => Some(units::service::find(&state.db, code).await.map_err(|_| {
            AppError::coded_field(ErrorCode::UnitNotFound, "unit_code", "no such unit")
        })?),
        None => None,
    };
    check_password("password", &req.password, &req.email, &req.full_name)?;
    let password_hash = password::hash(req.password).await?;
    let txn = state.db.begin().await?;
    let created = insert_user(
        &txn,
        NewUser {
            email: req.email,
            password_hash,
            full_name: req.full_name,
            phone: None,
            institution: None,
            occupation: None,
            role: req.role,
            unit_code,
            // An administrator vouches for a staff member's address.
            verified: true,
        },
    )
    .await?;
    let unit_name = unit.map(|u| u.name).unwrap_or_else(|| "semua unit".into());
    notify::enqueue(
        &txn,
        templates::staff_welcome(
            &created.email,
            &created.full_name,
            req.role.as_str(),
            &unit_name,
            &format!("{}/login", state.settings.public_url),
        ),
    )
    .await?;
    notify::commit(state, txn).await?;
    created.try_into()
}

/// Admins see all staff (optionally one unit's); a supervisor sees their own unit's.
pub async fn list(
    state: &AppState,
    by: &AuthUser,
    unit: Option<String>,
    page: u64,
    per_page: u64,
) -> AppResult<Page<StaffView>> {
    let unit = by.managed_units(unit)?;
    let mut query = user::Entity::find().filter(user::Column::Role.ne(Role::Public.as_str()));
    if let Some(code) = unit {
        query = query.filter(user::Column::UnitCode.eq(code));
    }
    let paginator = query
        .order_by_asc(user::Column::UnitCode)
        .order_by_asc(user::Column::Role)
        .order_by_asc(user::Column::FullName)
        .paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let items = paginator.fetch_page(page - 1).await?;
    Ok(Page {
        items: items
            .into_iter()
            .map(StaffView::try_from)
            .collect::<AppResult<_>>()?,
        total,
        page,
        per_page,
    })
}

/// Changes a staff member's capacity: the supervisor of their unit, or an admin. Someone of
/// another unit is not found.
pub async fn update(
    state: &AppState,
    by: &AuthUser,
    id: uuid::Uuid,
    req: super::UpdateStaffRequest,
) -> AppResult<StaffView> {
    by.require(&[Role::Supervisor, Role::Admin])?;
    let member = user::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .filter(|u| u.role != Role::Public.as_str())
        .ok_or_else(AppError::not_found)?;
    if !by.is_admin() && member.unit_code != by.unit_code {
        return Err(AppError::not_found());
    }
    let mut active = sea_orm::IntoActiveModel::into_active_model(member);
    active.capacity = sea_orm::Set(req.capacity);
    active.updated_at = sea_orm::Set(chrono::Utc::now());
    let saved = sea_orm::ActiveModelTrait::update(active, &state.db).await?;
    StaffView::try_from(saved)
}

/// Who takes consultations: officers and supervisors of a unit.
fn assignable(auth: &AuthUser) -> AppResult<()> {
    auth.require(&[Role::Officer, Role::Supervisor])
}

/// Sets the caller's own availability for new consultations.
pub async fn set_availability(
    state: &AppState,
    auth: &AuthUser,
    availability: Availability,
) -> AppResult<super::AvailabilityRequest> {
    assignable(auth)?;
    user::Entity::update_many()
        .col_expr(
            user::Column::Availability,
            sea_orm::sea_query::Expr::value(availability.as_str()),
        )
        .filter(user::Column::Id.eq(auth.id))
        .exec(&state.db)
        .await?;
    Ok(super::AvailabilityRequest { availability })
}

/// `from` becomes `to` for this staff member, if they are `from` (a socket opened or the last
/// one closed); nothing else changes.
pub async fn availability_moves(
    db: &crate::db::Db,
    id: uuid::Uuid,
    from: Availability,
    to: Availability,
) -> AppResult<()> {
    user::Entity::update_many()
        .col_expr(
            user::Column::Availability,
            sea_orm::sea_query::Expr::value(to.as_str()),
        )
        .filter(user::Column::Id.eq(id))
        .filter(user::Column::Availability.eq(from.as_str()))
        .exec(db)
        .await?;
    Ok(())
}
