//! The Meilisearch adapter (when `MEILI_URL` is set). Meilisearch has no Indonesian stemmer, so
//! each text is also sent as its Sastrawi stems and queries are sent stemmed; Meilisearch adds
//! its own typo tolerance, synonyms, stop words and attribute ranking (title, question, tags,
//! answer).
use std::{collections::HashMap, time::Duration};

use anyhow::Context;
use meilisearch_sdk::{
    DefaultHttpClient,
    client::Client,
    indexes::Index,
    search::{FederationOptions, MatchingStrategies, SearchQuery},
    settings::Settings,
    task_info::TaskInfo,
    tasks::Task,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{
    EngineHit, EngineQuery, EngineResults, IndexedArticle, KnowledgeIndex, UnitScope, analysis,
};

/// Part of the index name: a new version gets a new index, filled from the database.
pub const SCHEMA_VERSION: u32 = 1;
const TASK_TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Debug, Serialize, Deserialize)]
struct Doc {
    id: String,
    slug: String,
    title: String,
    question: String,
    answer: String,
    title_stems: String,
    question_stems: String,
    answer_stems: String,
    tags: Vec<String>,
    category: String,
    unit: String,
}

fn stems(text: &str) -> String {
    analysis::terms(text)
        .into_iter()
        .map(|t| t.stem)
        .collect::<Vec<_>>()
        .join(" ")
}

impl From<&IndexedArticle> for Doc {
    fn from(a: &IndexedArticle) -> Self {
        Doc {
            id: a.id.to_string(),
            slug: a.slug.clone(),
            title: a.title.clone(),
            question: a.question.clone(),
            answer: a.answer.clone(),
            title_stems: stems(&a.title),
            question_stems: stems(&a.question),
            answer_stems: stems(&a.answer),
            tags: a.tags.clone(),
            category: a.category.clone(),
            unit: a.unit_key().to_owned(),
        }
    }
}

impl Doc {
    fn article(self) -> Option<IndexedArticle> {
        Some(IndexedArticle {
            id: self.id.parse().ok()?,
            unit_code: (self.unit != super::NATIONAL).then_some(self.unit),
            slug: self.slug,
            title: self.title,
            question: self.question,
            answer: self.answer,
            category: self.category,
            tags: self.tags,
        })
    }
}

pub struct MeiliIndex {
    client: Client,
    index: Index,
    fresh: bool,
    /// The groups as last set, for highlighting (Meilisearch expands queries itself).
    synonyms: std::sync::RwLock<super::synonyms::Synonyms>,
}

fn quoted(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

impl MeiliIndex {
    /// Connects, creates the index when missing and applies its settings.
    pub async fn connect(url: &str, api_key: Option<&str>, name: &str) -> anyhow::Result<Self> {
        let client = Client::new(url, api_key).context("Meilisearch client")?;
        let uid = format!("{name}_v{SCHEMA_VERSION}");
        let fresh = match client.get_index(&uid).await {
            Ok(_) => false,
            Err(_) => {
                let task = client.create_index(&uid, Some("id")).await?;
                Self::settle(&client, task).await?;
                true
            }
        };
        let index = client.index(&uid);
        let stop_words: Vec<String> = analysis::stopwords().map(str::to_owned).collect();
        let settings = Settings::new()
            .with_searchable_attributes([
                "title",
                "title_stems",
                "question",
                "question_stems",
                "tags",
                "answer",
                "answer_stems",
            ])
            .with_filterable_attributes(["category", "unit"])
            .with_ranking_rules([
                "words",
                "typo",
                "proximity",
                "attribute",
                "sort",
                "exactness",
            ])
            .with_stop_words(stop_words);
        Self::settle(&client, index.set_settings(&settings).await?).await?;
        Ok(Self {
            client,
            index,
            fresh,
            synonyms: Default::default(),
        })
    }

    async fn settle(client: &Client, task: TaskInfo) -> anyhow::Result<()> {
        match task
            .wait_for_completion(client, Some(Duration::from_millis(50)), Some(TASK_TIMEOUT))
            .await?
        {
            Task::Failed { content } => Err(anyhow::anyhow!(
                "Meilisearch task failed: {}",
                content.error.error_message
            )),
            _ => Ok(()),
        }
    }

    /// One query of a federated search: these (stemmed) words, ranked by Meilisearch's rules.
    fn part<'a>(
        &'a self,
        words: &'a str,
        filter: Option<&'a str>,
    ) -> SearchQuery<'a, DefaultHttpClient> {
        let mut part = self.index.search();
        part.with_query(words)
            .with_matching_strategy(MatchingStrategies::FREQUENCY)
            .with_show_ranking_score(true);
        if let Some(filter) = filter {
            part.with_filter(filter);
        }
        part
    }

    fn filter(q: &EngineQuery) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(category) = &q.category {
            parts.push(format!("category = {}", quoted(category)));
        }
        let list = |units: &[String]| {
            units
                .iter()
                .map(|u| quoted(u))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match &q.units {
            UnitScope::Any => {}
            UnitScope::Among(units) => parts.push(format!("unit IN [{}]", list(units))),
            UnitScope::NotAmong(units) => parts.push(format!("unit NOT IN [{}]", list(units))),
        }
        (!parts.is_empty()).then(|| parts.join(" AND "))
    }
}

#[async_trait::async_trait]
impl KnowledgeIndex for MeiliIndex {
    fn engine(&self) -> &'static str {
        "meilisearch"
    }

    async fn upsert(&self, articles: Vec<IndexedArticle>) -> anyhow::Result<()> {
        let docs: Vec<Doc> = articles.iter().map(Doc::from).collect();
        Self::settle(
            &self.client,
            self.index.add_or_replace(&docs, Some("id")).await?,
        )
        .await
    }

    async fn remove(&self, ids: Vec<Uuid>) -> anyhow::Result<()> {
        let ids: Vec<String> = ids.iter().map(Uuid::to_string).collect();
        Self::settle(&self.client, self.index.delete_documents(&ids).await?).await
    }

    async fn clear(&self) -> anyhow::Result<()> {
        Self::settle(&self.client, self.index.delete_all_documents().await?).await
    }

    async fn set_synonyms(&self, groups: Vec<Vec<String>>) -> anyhow::Result<()> {
        // Meilisearch matches synonyms on the query as sent, which is stemmed.
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for group in &groups {
            let members: Vec<String> = group
                .iter()
                .map(|m| stems(m))
                .filter(|m| !m.is_empty())
                .collect();
            for member in &members {
                let others = map.entry(member.clone()).or_default();
                for other in &members {
                    if other != member && !others.contains(other) {
                        others.push(other.clone());
                    }
                }
            }
        }
        Self::settle(&self.client, self.index.set_synonyms(&map).await?).await?;
        if let Ok(mut kept) = self.synonyms.write() {
            *kept = super::synonyms::Synonyms::new(&groups);
        }
        Ok(())
    }

    async fn query(&self, q: EngineQuery) -> anyhow::Result<EngineResults> {
        let mut words: Vec<String> = Vec::new();
        for term in analysis::terms(&q.text) {
            if !words.contains(&term.stem) {
                words.push(term.stem);
            }
        }
        if words.is_empty() {
            return Ok(EngineResults::default());
        }
        let text = words.join(" ");
        let filter = Self::filter(&q);
        // Meilisearch drops query words from one end ("last") or by frequency, so a document
        // holding only a word it dropped would never be found; the embedded index finds any
        // article with any of the words. One federated search does the same: the whole query
        // (documents with more of its words first), and each word alone at a weight below any
        // match of several words. A document found by several is returned once.
        let mut multi = self.client.multi_search();
        multi.with_search_query(self.part(&text, filter.as_deref()));
        if words.len() > 1 {
            let weight = 0.9 / words.len() as f32;
            for word in &words {
                multi.with_search_query_and_weight(self.part(word, filter.as_deref()), weight);
            }
        }
        let found = multi
            .with_federation(FederationOptions {
                offset: Some(q.offset),
                limit: Some(q.limit.max(1)),
                ..FederationOptions::default()
            })
            .execute::<Doc>()
            .await?;
        Ok(EngineResults {
            total: found.estimated_total_hits as u64,
            hits: found
                .hits
                .into_iter()
                .filter_map(|h| {
                    let score = h
                        .federation
                        .as_ref()
                        .map(|f| f.weighted_ranking_score)
                        .or(h.ranking_score.map(|s| s as f32))
                        .unwrap_or(0.0);
                    h.result
                        .article()
                        .map(|article| EngineHit { article, score })
                })
                .collect(),
        })
    }

    fn expansions(&self, stems: &[String]) -> Vec<Vec<String>> {
        self.synonyms
            .read()
            .map(|s| s.expansions(stems))
            .unwrap_or_default()
    }

    async fn count(&self) -> anyhow::Result<u64> {
        Ok(self.index.get_stats().await?.number_of_documents as u64)
    }

    fn needs_rebuild(&self) -> bool {
        self.fresh
    }
}
