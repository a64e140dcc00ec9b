//! Auto-assignment: a unit set to `round_robin` gives each new online consultation at once to
//! the available officer with the fewest active consultations under their capacity, the one
//! given one longest ago first on a tie. It runs in the opening's transaction, after the
//! unit's queue lock, so consultations opened at once are given one after the other and never
//! overfill an officer.
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Statement, sea_query::Expr};
use uuid::Uuid;

use super::model::Status;
use crate::{
    entities::{unit, user},
    error::AppResult,
    vocab::{AutoAssign, Availability, Role},
};

/// The officer to give a new consultation of `unit` to, now, if the unit assigns and anybody
/// can take one; their turn is recorded at `now`.
pub async fn take_turn<C: ConnectionTrait>(
    conn: &C,
    unit: &unit::Model,
    now: DateTime<Utc>,
) -> AppResult<Option<Uuid>> {
    if AutoAssign::stored(&unit.auto_assign)? != AutoAssign::RoundRobin {
        return Ok(None);
    }
    let backend = conn.get_database_backend();
    let placeholder = |n: usize| match backend {
        DbBackend::Postgres => format!("${n}"),
        _ => "?".to_owned(),
    };
    // Each candidate's active consultations: a range of the (assignee, status) index.
    let sql = format!(
        "SELECT u.id FROM users u \
         WHERE u.unit_code = {p1} AND u.role = {p2} AND u.availability = {p3} \
         AND (SELECT COUNT(*) FROM consultations c WHERE c.assignee_id = u.id AND c.status = {p4}) < u.capacity \
         ORDER BY (SELECT COUNT(*) FROM consultations c WHERE c.assignee_id = u.id AND c.status = {p4}), \
         u.last_assigned_at IS NOT NULL, u.last_assigned_at, u.id \
         LIMIT 1",
        p1 = placeholder(1),
        p2 = placeholder(2),
        p3 = placeholder(3),
        p4 = placeholder(4),
    );
    let row = conn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [
                unit.code.clone().into(),
                Role::Officer.as_str().into(),
                Availability::Available.as_str().into(),
                Status::Active.as_str().into(),
            ],
        ))
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let officer: Uuid = row.try_get("", "id")?;
    user::Entity::update_many()
        .col_expr(user::Column::LastAssignedAt, Expr::value(now))
        .filter(sea_orm::ColumnTrait::eq(&user::Column::Id, officer))
        .exec(conn)
        .await?;
    Ok(Some(officer))
}
