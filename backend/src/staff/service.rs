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
    vocab::Role,
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
