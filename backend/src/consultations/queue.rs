//! A unit's queue: its waiting consultations in the order they were opened (created_at, then id),
//! each holding its 1-based place in `queue_position`, so reading a position is reading a column
//! whatever the length of the queue. A consultation takes its place when it starts waiting
//! ([`enter`]: the ones behind it move back one) and gives it up when it stops ([`leave`]: the
//! ones behind it move up one), in the transaction that changes its status, after [`lock`].

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    sea_query::{Expr, ExprTrait},
};
use uuid::Uuid;

use super::model::Status;
use crate::{
    entities::consultation::{self, Column as C},
    error::{AppError, AppResult},
};

pub use crate::units::service::lock;

/// The waiting consultations of `unit_code` after (`behind`) or before (ahead of) the place of
/// (created_at, id) in queue order.
fn waiting_beside(unit_code: &str, created_at: DateTime<Utc>, id: Uuid, behind: bool) -> Condition {
    let (time, tie) = if behind {
        (C::CreatedAt.gt(created_at), C::Id.gt(id))
    } else {
        (C::CreatedAt.lt(created_at), C::Id.lt(id))
    };
    Condition::all()
        .add(C::UnitCode.eq(unit_code))
        .add(C::Status.eq(Status::Waiting.as_str()))
        .add(
            Condition::any()
                .add(time)
                .add(Condition::all().add(C::CreatedAt.eq(created_at)).add(tie)),
        )
}

async fn shift<Cn: ConnectionTrait>(conn: &Cn, which: Condition, by: i32) -> AppResult<()> {
    consultation::Entity::update_many()
        .col_expr(C::QueuePosition, Expr::col(C::QueuePosition).add(by))
        .filter(which)
        .exec(conn)
        .await?;
    Ok(())
}

/// The place the consultation (`id`, opened at `created_at`) takes in its unit's queue as it
/// starts waiting, the ones behind it moved back one. Set it as the row's `queue_position` in
/// the same transaction, after [`lock`].
pub async fn enter<Cn: ConnectionTrait>(
    conn: &Cn,
    unit_code: &str,
    created_at: DateTime<Utc>,
    id: Uuid,
) -> AppResult<i32> {
    // Those ahead: a range of the (unit, status, created_at, id) index, counted on the write.
    let ahead = consultation::Entity::find()
        .filter(waiting_beside(unit_code, created_at, id, false))
        .count(conn)
        .await?;
    shift(conn, waiting_beside(unit_code, created_at, id, true), 1).await?;
    i32::try_from(ahead + 1).map_err(|_| AppError::internal("queue longer than i32"))
}

/// `c` has stopped waiting (its status changed in this transaction, after [`lock`]): the ones
/// behind it move up one.
pub async fn leave<Cn: ConnectionTrait>(conn: &Cn, c: &consultation::Model) -> AppResult<()> {
    shift(
        conn,
        waiting_beside(&c.unit_code, c.created_at, c.id, true),
        -1,
    )
    .await
}
