//! Keeps the search index in step with the articles. Every article change writes an index job
//! in its own transaction; this worker applies the jobs and deletes them afterwards, so a crash
//! loses nothing (the remaining jobs are applied at the next start).
use std::{
    collections::HashSet,
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use tokio::sync::{Notify, watch};
use uuid::Uuid;

use super::{model::ArticleStatus, service};
use crate::{
    db::Db,
    entities::{knowledge_article, knowledge_index_job},
    search::{IndexedArticle, SharedIndex},
};

const BATCH: u64 = 500;

/// Whether the index has been filled since start-up (the start-up rebuild or check done): until
/// then `/readyz` answers 503, so no search is sent to a server whose index is still empty.
#[derive(Debug, Clone, Default)]
pub struct Readiness(Arc<AtomicBool>);

impl Readiness {
    pub fn is_ready(&self) -> bool {
        self.0.load(Ordering::Acquire)
    }

    fn set(&self) {
        self.0.store(true, Ordering::Release);
    }
}

pub fn indexed(a: knowledge_article::Model) -> IndexedArticle {
    IndexedArticle {
        tags: service::tags_of(&a),
        id: a.id,
        slug: a.slug,
        title: a.title,
        question: a.question,
        answer: a.answer,
        category: a.category,
        unit_code: a.unit_code,
    }
}

/// Applies every queued job; returns how many were applied.
pub async fn apply_pending(db: &Db, index: &SharedIndex) -> anyhow::Result<usize> {
    let mut applied = 0;
    loop {
        let jobs = knowledge_index_job::Entity::find()
            .order_by_asc(knowledge_index_job::Column::Id)
            .limit(BATCH)
            .all(db)
            .await?;
        if jobs.is_empty() {
            return Ok(applied);
        }
        let ids: HashSet<Uuid> = jobs.iter().map(|j| j.article_id).collect();
        let articles = knowledge_article::Entity::find()
            .filter(knowledge_article::Column::Id.is_in(ids.iter().copied()))
            .all(db)
            .await?;
        let mut upserts = Vec::new();
        let mut published = HashSet::new();
        for a in articles {
            if a.status == ArticleStatus::Published.as_str() {
                published.insert(a.id);
                upserts.push(indexed(a));
            }
        }
        let removals: Vec<Uuid> = ids.difference(&published).copied().collect();
        if !removals.is_empty() {
            index.remove(removals).await?;
        }
        if !upserts.is_empty() {
            index.upsert(upserts).await?;
        }
        knowledge_index_job::Entity::delete_many()
            .filter(knowledge_index_job::Column::Id.is_in(jobs.iter().map(|j| j.id)))
            .exec(db)
            .await?;
        applied += jobs.len();
    }
}

/// Empties the index and fills it with every published article. Queued jobs stay: applying
/// them again is harmless, and one written by a transaction still running must not be lost.
/// Returns the number of articles indexed.
pub async fn rebuild(db: &Db, index: &SharedIndex) -> anyhow::Result<u64> {
    index.clear().await?;
    let mut count = 0;
    let mut after: Option<Uuid> = None;
    loop {
        let mut query = knowledge_article::Entity::find()
            .filter(knowledge_article::Column::Status.eq(ArticleStatus::Published.as_str()))
            .order_by_asc(knowledge_article::Column::Id)
            .limit(1000);
        if let Some(last) = after {
            query = query.filter(knowledge_article::Column::Id.gt(last));
        }
        let page = query.all(db).await?;
        let Some(last) = page.last().map(|a| a.id) else {
            break;
        };
        count += page.len() as u64;
        index
            .upsert(page.into_iter().map(indexed).collect())
            .await?;
        after = Some(last);
    }
    Ok(count)
}

/// Whether the index holds exactly the published articles (after the queued jobs are applied);
/// false after an interrupted rebuild.
async fn complete(db: &Db, index: &SharedIndex) -> anyhow::Result<bool> {
    let published = knowledge_article::Entity::find()
        .filter(knowledge_article::Column::Status.eq(ArticleStatus::Published.as_str()))
        .count(db)
        .await?;
    Ok(index.count().await? == published)
}

/// Loads the synonym list into the index.
pub async fn load_synonyms(db: &Db, index: &SharedIndex) -> anyhow::Result<()> {
    let groups = service::synonyms(db)
        .await
        .map_err(|e| anyhow::anyhow!("{}", e.problem().title))?;
    index.set_synonyms(groups).await
}

/// The lease of the worker of a search index shared by instances (Meilisearch).
const LEASE: &str = "knowledge_index";
/// Renewed on every pass (at least every second): a dead holder is replaced within this.
const LEASE_TTL: chrono::TimeDelta = chrono::TimeDelta::seconds(30);

/// The worker: rebuilds a new index, then applies jobs whenever woken (and every second). A
/// shared index (Meilisearch, one for every instance) is kept by one instance at a time, under a
/// lease: the others would apply the same jobs in another order (an older state of an article
/// written after a newer one). An instance without the lease is ready once the index holds every
/// published article.
/// `readiness` is set once the index is whole.
pub async fn run(
    db: Db,
    index: SharedIndex,
    wake: Arc<Notify>,
    readiness: Readiness,
    mut stop: watch::Receiver<bool>,
) {
    let mut ready = false;
    let mut synonyms = None;
    let mut backoff = Duration::from_secs(1);
    let holder = uuid::Uuid::new_v4();
    let shared = index.engine() != "embedded";
    loop {
        let result = async {
            if shared {
                let held =
                    crate::guard::leases::take(&db, LEASE, holder, chrono::Utc::now(), LEASE_TTL)
                        .await
                        .map_err(|e| anyhow::anyhow!("{}", e.problem().title))?;
                if !held {
                    // Another instance keeps it; it may have started the changes this one knew.
                    synonyms = None;
                    ready = false;
                    if !readiness.is_ready() && complete(&db, &index).await? {
                        readiness.set();
                    }
                    return anyhow::Ok(0);
                }
            }
            // The stored list is small: compare it whole, and apply it when it changed.
            let stored = service::synonyms(&db)
                .await
                .map_err(|e| anyhow::anyhow!("{}", e.problem().title))?;
            if synonyms.as_ref() != Some(&stored) {
                index.set_synonyms(stored.clone()).await?;
                synonyms = Some(stored);
            }
            if !ready {
                // A new index is filled before the queue is applied, so the jobs of changes made
                // meanwhile stay queued until it is whole. An existing one is checked after the
                // queue: an interrupted rebuild leaves it short of the published articles.
                let rebuild_needed = index.needs_rebuild() || {
                    apply_pending(&db, &index).await?;
                    !complete(&db, &index).await?
                };
                if rebuild_needed {
                    let n = rebuild(&db, &index).await?;
                    tracing::info!(
                        articles = n,
                        engine = index.engine(),
                        "knowledge index rebuilt"
                    );
                }
                ready = true;
            }
            let applied = apply_pending(&db, &index).await?;
            readiness.set();
            anyhow::Ok(applied)
        }
        .await;
        match result {
            Ok(n) => {
                if n > 0 {
                    tracing::debug!(jobs = n, "knowledge index updated");
                }
                backoff = Duration::from_secs(1);
            }
            Err(e) => {
                tracing::warn!(error = %e, "knowledge index update failed; retrying");
                backoff = (backoff * 2).min(Duration::from_secs(60));
            }
        }
        tokio::select! {
            _ = wake.notified() => {}
            _ = tokio::time::sleep(backoff) => {}
            _ = stop.changed() => return,
        }
    }
}
