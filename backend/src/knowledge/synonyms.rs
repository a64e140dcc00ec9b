//! The synonym list the search expands queries with.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, QueryOrder, Set, TransactionTrait};

use super::model::*;
use crate::{
    caller::AuthUser,
    entities::knowledge_synonym,
    error::{AppError, AppResult},
    search::SharedIndex,
    state::AppState,
    vocab::Role,
};

pub async fn synonyms<C: ConnectionTrait>(conn: &C) -> AppResult<Vec<Vec<String>>> {
    Ok(knowledge_synonym::Entity::find()
        .order_by_asc(knowledge_synonym::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|g| serde_json::from_str(&g.terms).ok())
        .collect())
}

/// Replaces the synonym list (officers, supervisors, admins) and applies it to the index.
/// The synonym list as the staff edit it (officers, supervisors, admins).
pub async fn synonym_list(state: &AppState, auth: &AuthUser) -> AppResult<SynonymList> {
    auth.require(&[Role::Officer, Role::Supervisor, Role::Admin])?;
    Ok(SynonymList {
        groups: synonyms(&state.db).await?,
    })
}

pub async fn put_synonyms(
    state: &AppState,
    index: &SharedIndex,
    auth: &AuthUser,
    list: SynonymList,
) -> AppResult<SynonymList> {
    auth.require(&[Role::Officer, Role::Supervisor, Role::Admin])?;
    let problems = list.problems();
    if !problems.is_empty() {
        return Err(AppError::fields(problems));
    }
    let groups: Vec<Vec<String>> = list
        .groups
        .into_iter()
        .map(|g| {
            let mut terms: Vec<String> = Vec::new();
            for t in g {
                let t = t.trim().to_lowercase();
                if !terms.contains(&t) {
                    terms.push(t);
                }
            }
            terms
        })
        .collect();
    save_synonyms(&state.db, &groups).await?;
    // Applied at once when the engine answers; the index worker re-applies the stored list
    // whenever it changes, so a failure here is repaired within seconds.
    if let Err(e) = index.set_synonyms(groups.clone()).await {
        tracing::warn!(error = %e, "synonyms saved; the index will pick them up");
    }
    state.index_wake.notify_one();
    Ok(SynonymList { groups })
}

pub async fn save_synonyms(db: &crate::db::Db, groups: &[Vec<String>]) -> AppResult<()> {
    let txn = db.begin().await?;
    knowledge_synonym::Entity::delete_many().exec(&txn).await?;
    let now = Utc::now();
    for g in groups {
        knowledge_synonym::ActiveModel {
            terms: Set(serde_json::to_string(g).unwrap_or_else(|_| "[]".into())),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(())
}
