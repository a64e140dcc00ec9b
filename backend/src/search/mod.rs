//! The knowledge index behind one trait: embedded (tantivy, the default) or Meilisearch (when
//! `MEILI_URL` is set). Tiering by unit, snippets and synonym handling are shared so both engines
//! answer alike.
pub mod analysis;
pub mod embedded;
pub mod meili;
pub mod snippet;
pub mod suggest;
pub mod synonyms;

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// The unit key of national articles in the index.
pub const NATIONAL: &str = "national";

/// What the index keeps of a published article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexedArticle {
    pub id: Uuid,
    pub slug: String,
    pub title: String,
    pub question: String,
    pub answer: String,
    pub category: String,
    /// `None`: national.
    pub unit_code: Option<String>,
    pub tags: Vec<String>,
}

impl IndexedArticle {
    pub fn unit_key(&self) -> &str {
        self.unit_code.as_deref().unwrap_or(NATIONAL)
    }
}

/// Which units' articles a query may return (unit codes, or [`NATIONAL`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitScope {
    Any,
    Among(Vec<String>),
    NotAmong(Vec<String>),
}

#[derive(Debug, Clone)]
pub struct EngineQuery {
    pub text: String,
    pub category: Option<String>,
    pub units: UnitScope,
    pub offset: usize,
    pub limit: usize,
}

#[derive(Debug, Clone)]
pub struct EngineHit {
    pub article: IndexedArticle,
    pub score: f32,
}

#[derive(Debug, Clone, Default)]
pub struct EngineResults {
    pub hits: Vec<EngineHit>,
    pub total: u64,
}

/// A full-text index of the published articles.
#[async_trait::async_trait]
pub trait KnowledgeIndex: Send + Sync {
    /// `embedded` or `meilisearch`.
    fn engine(&self) -> &'static str;
    /// Adds or replaces these articles; searchable when this returns.
    async fn upsert(&self, articles: Vec<IndexedArticle>) -> anyhow::Result<()>;
    async fn remove(&self, ids: Vec<Uuid>) -> anyhow::Result<()>;
    async fn clear(&self) -> anyhow::Result<()>;
    /// Replaces the synonym groups (each a list of equivalent words or phrases).
    async fn set_synonyms(&self, groups: Vec<Vec<String>>) -> anyhow::Result<()>;
    async fn query(&self, query: EngineQuery) -> anyhow::Result<EngineResults>;
    /// As [`KnowledgeIndex::query`] over every unit, with the articles of `preferred` units
    /// ranked before all others (each group by relevance). By default two queries: the
    /// preferred units, then the rest continuing where the first group's results end.
    async fn query_preferring(
        &self,
        query: EngineQuery,
        preferred: Vec<String>,
    ) -> anyhow::Result<EngineResults> {
        let mut skip = query.offset;
        let mut want = query.limit;
        let mut out = EngineResults::default();
        for units in [
            UnitScope::Among(preferred.clone()),
            UnitScope::NotAmong(preferred),
        ] {
            let found = self
                .query(EngineQuery {
                    units,
                    offset: skip,
                    limit: want.max(1),
                    ..query.clone()
                })
                .await?;
            out.total += found.total;
            let taken = found.hits.len().min(want);
            out.hits.extend(found.hits.into_iter().take(want));
            want -= taken;
            // The next group continues where this one's results end.
            skip = skip.saturating_sub(usize::try_from(found.total).unwrap_or(usize::MAX));
        }
        Ok(out)
    }
    async fn count(&self) -> anyhow::Result<u64>;
    /// The synonyms this index expands `stems` with (for highlighting them in snippets).
    fn expansions(&self, stems: &[String]) -> Vec<Vec<String>>;
    /// True when the index was created empty at start-up (new, or an older schema was set
    /// aside) and must be filled from the database.
    fn needs_rebuild(&self) -> bool;
}

pub type SharedIndex = Arc<dyn KnowledgeIndex>;

/// The configured index: Meilisearch when `MEILI_URL` is set, else the embedded one.
pub async fn open(settings: &crate::config::Settings) -> anyhow::Result<SharedIndex> {
    let Some(url) = &settings.meili_url else {
        return Ok(Arc::new(embedded::EmbeddedIndex::open(&settings.data_dir)?));
    };
    // Meilisearch may still be starting (docker-compose starts both at once): retry for a while.
    let key = settings.meili_api_key.as_ref().map(|k| k.expose());
    let mut attempt = 0;
    loop {
        match meili::MeiliIndex::connect(url, key, &settings.meili_index).await {
            Ok(index) => return Ok(Arc::new(index)),
            Err(e) if attempt < 30 => {
                attempt += 1;
                tracing::warn!(error = %e, attempt, "Meilisearch not reachable yet");
                tokio::time::sleep(std::time::Duration::from_secs(2)).await;
            }
            Err(e) => return Err(e.context("connecting to Meilisearch")),
        }
    }
}

/// One search result.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "0192f0c4-8d3e-7c1a-9a4e-2b1f3c4d5e6f",
    "slug": "kemiskinan-garis-kemiskinan",
    "title": "Apa itu garis kemiskinan?",
    "category": "metadata",
    "unit_code": null,
    "snippet": "… penduduk <mark>miskin</mark> adalah penduduk dengan rata-rata pengeluaran per kapita per bulan di bawah garis …",
    "score": 7.42
}))]
pub struct SearchHit {
    pub id: Uuid,
    pub slug: String,
    pub title: String,
    #[schema(value_type = crate::vocab::Category)]
    pub category: String,
    /// `null`: a national article.
    pub unit_code: Option<String>,
    /// A passage of the answer, HTML-escaped, with the matching words in `<mark>`.
    pub snippet: String,
    /// Relevance as the engine computes it; higher is better, comparable within one response.
    pub score: f32,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    pub total: u64,
    /// "Did you mean …": the query with its misspelt words replaced by the words the hits hold,
    /// when some were found only through typo tolerance; `null` otherwise.
    #[schema(example = "inflasi bulanan")]
    pub suggestion: Option<String>,
}

#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub q: String,
    pub category: Option<String>,
    /// The user's chosen unit: its articles and national ones come first.
    pub unit: Option<String>,
    pub offset: usize,
    pub limit: usize,
}

/// The most words of a query that are looked for; a longer text (a whole question pasted in) is
/// cut after them.
pub const MAX_QUERY_TERMS: usize = 16;

/// Searches with the chosen unit's and national articles first, then the others.
pub async fn search(
    index: &dyn KnowledgeIndex,
    mut req: SearchRequest,
) -> anyhow::Result<SearchResults> {
    if let Some(cut) = analysis::terms(&req.q)
        .get(MAX_QUERY_TERMS - 1)
        .map(|t| t.end)
    {
        req.q.truncate(cut);
    }
    let query = EngineQuery {
        text: req.q.clone(),
        category: req.category.clone(),
        units: UnitScope::Any,
        offset: req.offset,
        limit: req.limit.max(1),
    };
    let found = match &req.unit {
        Some(unit) if unit != NATIONAL => {
            index
                .query_preferring(query, vec![unit.clone(), NATIONAL.to_owned()])
                .await?
        }
        _ => index.query(query).await?,
    };
    let total = found.total;
    let hits: Vec<EngineHit> = found.hits.into_iter().take(req.limit).collect();
    let stems: Vec<String> = analysis::terms(&req.q)
        .into_iter()
        .map(|t| t.stem)
        .collect();
    let also = index.expansions(&stems);
    let matcher = snippet::Matcher::new(&req.q, &also);
    let suggestion = suggest::suggestion(
        &req.q,
        &hits.iter().map(|h| &h.article).collect::<Vec<_>>(),
        |stem| !index.expansions(&[stem.to_owned()]).is_empty(),
    );
    Ok(SearchResults {
        suggestion,
        hits: hits
            .into_iter()
            .map(|h| SearchHit {
                snippet: matcher.snippet(&h.article.answer, 28),
                id: h.article.id,
                slug: h.article.slug,
                title: h.article.title,
                category: h.article.category,
                unit_code: h.article.unit_code,
                score: h.score,
            })
            .collect(),
        total,
    })
}
