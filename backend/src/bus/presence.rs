//! Who has a socket open. On one instance the hub knows; with several (PostgreSQL) each instance
//! also keeps a row per connected user in `socket_presence`, renewed every [`RENEW`], so any
//! instance can tell whether a user is online anywhere (and is emailed only when not). A killed
//! instance's rows stop being renewed and no longer count after [`FRESH`].
use std::{sync::Arc, time::Duration};

use chrono::{TimeDelta, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set, sea_query::OnConflict};
use uuid::Uuid;

use super::hub::Hub;
use crate::{
    db::Db,
    entities::socket_presence::{self, Column as P},
    error::AppResult,
};

pub const RENEW: Duration = Duration::from_secs(20);
/// A row renewed longer ago than this is a dead instance's.
const FRESH: TimeDelta = TimeDelta::seconds(60);

pub async fn mark(db: &Db, instance: Uuid, users: Vec<Uuid>) -> AppResult<()> {
    let now = Utc::now();
    for chunk in users.chunks(500) {
        let rows = chunk.iter().map(|user| socket_presence::ActiveModel {
            instance: Set(instance),
            user_id: Set(*user),
            seen_at: Set(now),
        });
        socket_presence::Entity::insert_many(rows)
            .on_conflict(
                OnConflict::columns([P::Instance, P::UserId])
                    .update_column(P::SeenAt)
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

pub async fn unmark(db: &Db, instance: Uuid, user: Uuid) -> AppResult<()> {
    socket_presence::Entity::delete_many()
        .filter(P::Instance.eq(instance))
        .filter(P::UserId.eq(user))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn anywhere(db: &Db, user: Uuid) -> AppResult<bool> {
    Ok(socket_presence::Entity::find()
        .filter(P::UserId.eq(user))
        .filter(P::SeenAt.gt(Utc::now() - FRESH))
        .count(db)
        .await?
        > 0)
}

/// Renews this instance's rows for as long as it runs, and drops those of users gone meanwhile.
pub async fn renew(db: Db, hub: Arc<Hub>, instance: Uuid) {
    let mut tick = tokio::time::interval(RENEW);
    loop {
        tick.tick().await;
        let started = Utc::now();
        let result = async {
            mark(&db, instance, hub.users()).await?;
            socket_presence::Entity::delete_many()
                .filter(P::Instance.eq(instance))
                .filter(P::SeenAt.lt(started))
                .exec(&db)
                .await?;
            // Dead instances' rows.
            socket_presence::Entity::delete_many()
                .filter(P::SeenAt.lt(started - TimeDelta::hours(1)))
                .exec(&db)
                .await?;
            AppResult::Ok(())
        }
        .await;
        if let Err(e) = result {
            tracing::warn!(error = %e, "cannot renew the sockets' presence");
        }
    }
}
