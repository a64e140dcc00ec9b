//! The embedded knowledge index: tantivy, under `DATA_DIR/knowledge-index/v{SCHEMA_VERSION}`.
//! A missing index, or one of an older schema, is created empty and reported as needing a rebuild.
use std::{
    collections::HashMap,
    path::{Path, PathBuf},
    sync::{Arc, Mutex, RwLock},
};

use anyhow::Context;
use tantivy::{
    BitSet, DocAddress, DocId, DocSet, Index, IndexReader, IndexWriter, ReloadPolicy, Score,
    Searcher, SegmentReader, TERMINATED, TantivyDocument, Term,
    collector::{Count, TopDocs},
    index::SegmentId,
    query::{BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, TermQuery},
    schema::{
        Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
    },
    tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer},
};
use uuid::Uuid;

use super::{
    EngineHit, EngineQuery, EngineResults, IndexedArticle, KnowledgeIndex, UnitScope, analysis,
    synonyms::Synonyms,
};

/// Bump when the fields or the analysis change: the index is then rebuilt from the database.
pub const SCHEMA_VERSION: u32 = 2;
const WRITER_MEMORY: usize = 50_000_000;
/// How a word found through a typo weighs against the same word typed right.
const TYPO_WEIGHT: f32 = 0.5;
/// The most index words one misspelt word is searched as.
const MAX_CORRECTIONS: usize = 8;

/// Indonesian words as index terms: stemmed (`id_stem`) or only lower-cased (`id_raw`, for
/// typo-tolerant matching); stop words dropped in both.
#[derive(Clone)]
struct IndonesianTokenizer {
    stem: bool,
}

struct Tokens {
    tokens: Vec<Token>,
    next: usize,
}

impl TokenStream for Tokens {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }
    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

impl Tokenizer for IndonesianTokenizer {
    type TokenStream<'a> = Tokens;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> Tokens {
        let tokens = analysis::terms(text)
            .into_iter()
            .map(|t| Token {
                offset_from: t.start,
                offset_to: t.end,
                position: t.position,
                text: if self.stem { t.stem } else { t.raw },
                position_length: 1,
            })
            .collect();
        Tokens { tokens, next: 0 }
    }
}

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    slug: Field,
    title: Field,
    question: Field,
    answer: Field,
    tags: Field,
    /// Title, question, tags and answer, unstemmed: for typo-tolerant and prefix matching.
    raw: Field,
    category: Field,
    unit: Field,
}

fn schema() -> (Schema, Fields) {
    let stemmed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("id_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let raw = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("id_raw")
            .set_index_option(IndexRecordOption::Basic),
    );
    let mut b = Schema::builder();
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        slug: b.add_text_field("slug", STORED),
        title: b.add_text_field("title", stemmed.clone().set_stored()),
        question: b.add_text_field("question", stemmed.clone().set_stored()),
        answer: b.add_text_field("answer", stemmed.clone().set_stored()),
        tags: b.add_text_field("tags", stemmed.set_stored()),
        raw: b.add_text_field("raw", raw),
        category: b.add_text_field("category", STRING | STORED),
        unit: b.add_text_field("unit", STRING | STORED),
    };
    (b.build(), fields)
}

struct Inner {
    fields: Fields,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    synonyms: RwLock<Synonyms>,
    fresh: bool,
}

#[derive(Clone)]
pub struct EmbeddedIndex {
    inner: Arc<Inner>,
}

impl EmbeddedIndex {
    /// Opens (or creates) the index under `data_dir`.
    pub fn open(data_dir: &Path) -> anyhow::Result<Self> {
        let root = data_dir.join("knowledge-index");
        let dir = root.join(format!("v{SCHEMA_VERSION}"));
        let fresh = !dir.join("meta.json").exists();
        if fresh {
            // Older schemas are set aside: the database is the source of truth.
            if root.exists() {
                for entry in std::fs::read_dir(&root)? {
                    let path: PathBuf = entry?.path();
                    if path != dir {
                        std::fs::remove_dir_all(&path).ok();
                    }
                }
            }
            std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        let (schema, fields) = schema();
        let index = if fresh {
            Index::create_in_dir(&dir, schema)?
        } else {
            Index::open_in_dir(&dir)?
        };
        index.tokenizers().register(
            "id_stem",
            TextAnalyzer::from(IndonesianTokenizer { stem: true }),
        );
        index.tokenizers().register(
            "id_raw",
            TextAnalyzer::from(IndonesianTokenizer { stem: false }),
        );
        let writer = index.writer(WRITER_MEMORY)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Self {
            inner: Arc::new(Inner {
                fields,
                reader,
                writer: Mutex::new(writer),
                synonyms: RwLock::new(Synonyms::default()),
                fresh,
            }),
        })
    }

    fn document(f: &Fields, a: &IndexedArticle) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, a.id.to_string());
        doc.add_text(f.slug, &a.slug);
        doc.add_text(f.title, &a.title);
        doc.add_text(f.question, &a.question);
        doc.add_text(f.answer, &a.answer);
        doc.add_text(f.tags, a.tags.join(", "));
        doc.add_text(f.raw, &a.title);
        doc.add_text(f.raw, &a.question);
        doc.add_text(f.raw, a.tags.join(", "));
        doc.add_text(f.raw, &a.answer);
        doc.add_text(f.category, &a.category);
        doc.add_text(f.unit, a.unit_key());
        doc
    }

    /// Runs `change` with the writer, then commits and makes the change visible.
    async fn write(
        &self,
        change: impl FnOnce(&Fields, &mut IndexWriter) -> anyhow::Result<()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            let mut writer = inner
                .writer
                .lock()
                .map_err(|_| anyhow::anyhow!("index writer poisoned"))?;
            if let Err(e) = change(&inner.fields, &mut writer) {
                writer.rollback()?;
                return Err(e);
            }
            writer.commit()?;
            inner.reader.reload()?;
            Ok(())
        })
        .await?
    }

    /// The words of the index within the typo budget of `raw` (0 for a word some article
    /// holds): a misspelt word is then also searched as those words, ranked as they rank (how
    /// telling they are, where they occur) at a weight below an exact match, rather than every
    /// typo match scoring alike.
    fn corrections(
        searcher: &Searcher,
        field: Field,
        raw: &str,
        budget: u8,
    ) -> tantivy::Result<Vec<String>> {
        if budget == 0 {
            return Ok(Vec::new());
        }
        let mut out: Vec<String> = Vec::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let mut stream = inverted.terms().stream()?;
            while stream.advance() {
                let Ok(word) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if word.len().abs_diff(raw.len()) <= usize::from(budget)
                    && analysis::within_edits(raw, word, usize::from(budget))
                    && !out.iter().any(|w| w == word)
                {
                    out.push(word.to_owned());
                    if out.len() >= MAX_CORRECTIONS {
                        return Ok(out);
                    }
                }
            }
        }
        Ok(out)
    }

    fn build_query(
        inner: &Inner,
        searcher: &Searcher,
        q: &EngineQuery,
    ) -> tantivy::Result<Box<dyn Query>> {
        let f = &inner.fields;
        let terms = analysis::terms(&q.text);
        let stems: Vec<String> = terms.iter().map(|t| t.stem.clone()).collect();
        let stemmed_fields = [
            (f.title, 3.0),
            (f.question, 2.0),
            (f.tags, 2.0),
            (f.answer, 1.0),
        ];
        let boosted = |query: Box<dyn Query>, boost: f32| -> (Occur, Box<dyn Query>) {
            (Occur::Should, Box::new(BoostQuery::new(query, boost)))
        };
        let mut text: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (i, term) in terms.iter().enumerate() {
            let mut alternatives = Vec::new();
            for (field, boost) in stemmed_fields {
                alternatives.push(boosted(
                    Box::new(TermQuery::new(
                        Term::from_field_text(field, &term.stem),
                        IndexRecordOption::WithFreqs,
                    )),
                    boost,
                ));
            }
            let raw = Term::from_field_text(f.raw, &term.raw);
            // A word some article holds is taken as typed: its near words are not searched,
            // and as the last word it is not read as the start of longer ones (both would add
            // the postings of every neighbour to score, at 100,000 articles most of the cost).
            let known = searcher.doc_freq(&raw)? > 0;
            let budget = if known {
                0
            } else {
                analysis::typo_budget(&term.raw)
            };
            for word in Self::corrections(searcher, f.raw, &term.raw, budget)? {
                let stem = analysis::stem(&word);
                for (field, boost) in stemmed_fields {
                    alternatives.push(boosted(
                        Box::new(TermQuery::new(
                            Term::from_field_text(field, &stem),
                            IndexRecordOption::WithFreqs,
                        )),
                        boost * TYPO_WEIGHT,
                    ));
                }
            }
            let is_last = i + 1 == terms.len();
            if budget > 0 {
                alternatives.push(boosted(
                    Box::new(FuzzyTermQuery::new(raw.clone(), budget, true)),
                    0.6,
                ));
            }
            if is_last && !known && term.raw.chars().count() >= 3 {
                // Suggestions as the user types: the last word may be unfinished.
                alternatives.push(boosted(
                    Box::new(FuzzyTermQuery::new_prefix(raw, 0, true)),
                    0.3,
                ));
            }
            text.push((Occur::Should, Box::new(BooleanQuery::new(alternatives))));
        }
        let expansions = inner
            .synonyms
            .read()
            .map(|s| s.expansions(&stems))
            .unwrap_or_default();
        for alternative in expansions {
            let mut per_field = Vec::new();
            for (field, boost) in stemmed_fields {
                let all: Vec<(Occur, Box<dyn Query>)> = alternative
                    .iter()
                    .map(|stem| {
                        (
                            Occur::Must,
                            Box::new(TermQuery::new(
                                Term::from_field_text(field, stem),
                                IndexRecordOption::WithFreqs,
                            )) as Box<dyn Query>,
                        )
                    })
                    .collect();
                per_field.push(boosted(Box::new(BooleanQuery::new(all)), boost));
            }
            text.push((Occur::Should, Box::new(BooleanQuery::new(per_field))));
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, Box::new(BooleanQuery::new(text)))];
        if let Some(category) = &q.category {
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.category, category),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        let unit_term = |unit: &String| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(f.unit, unit),
                IndexRecordOption::Basic,
            ))
        };
        match &q.units {
            UnitScope::Any => {}
            UnitScope::Among(units) => clauses.push((
                Occur::Must,
                Box::new(BooleanQuery::new(
                    units
                        .iter()
                        .map(|u| (Occur::Should, unit_term(u)))
                        .collect(),
                )),
            )),
            UnitScope::NotAmong(units) => {
                clauses.extend(units.iter().map(|u| (Occur::MustNot, unit_term(u))));
            }
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// Runs `q`; with `preferred` units, their articles come first.
    fn run(inner: &Inner, q: &EngineQuery, preferred: &[String]) -> anyhow::Result<EngineResults> {
        if analysis::terms(&q.text).is_empty() {
            return Ok(EngineResults::default());
        }
        let searcher = inner.reader.searcher();
        let query = Self::build_query(inner, &searcher, q)?;
        let top = TopDocs::with_limit(q.limit.max(1)).and_offset(q.offset);
        let (top, total): (Vec<(Score, DocAddress)>, usize) = if preferred.is_empty() {
            searcher.search(&query, &(top.order_by_score(), Count))?
        } else {
            let sets = Arc::new(Self::unit_sets(inner, &searcher, preferred)?);
            let ranked = top.tweak_score(move |segment: &SegmentReader| {
                let set = sets.get(&segment.segment_id()).cloned();
                move |doc: DocId, score: Score| {
                    let first = set.as_ref().is_some_and(|s| s.contains(doc));
                    (u8::from(first), score)
                }
            });
            let (top, total) = searcher.search(&query, &(ranked, Count))?;
            (
                top.into_iter()
                    .map(|((_, score), address)| (score, address))
                    .collect(),
                total,
            )
        };
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            if let Some(article) = Self::article(&inner.fields, &doc) {
                hits.push(EngineHit { article, score });
            }
        }
        Ok(EngineResults {
            hits,
            total: total as u64,
        })
    }

    /// Per segment, the documents of these units (read from the unit field's postings).
    fn unit_sets(
        inner: &Inner,
        searcher: &Searcher,
        units: &[String],
    ) -> tantivy::Result<HashMap<SegmentId, Arc<BitSet>>> {
        let mut sets = HashMap::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(inner.fields.unit)?;
            let mut set = BitSet::with_max_value(segment.max_doc());
            for unit in units {
                let term = Term::from_field_text(inner.fields.unit, unit);
                if let Some(mut postings) =
                    inverted.read_postings(&term, IndexRecordOption::Basic)?
                {
                    while postings.doc() != TERMINATED {
                        set.insert(postings.doc());
                        postings.advance();
                    }
                }
            }
            sets.insert(segment.segment_id(), Arc::new(set));
        }
        Ok(sets)
    }

    fn article(f: &Fields, doc: &TantivyDocument) -> Option<IndexedArticle> {
        let text = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        };
        let unit = text(f.unit)?;
        Some(IndexedArticle {
            id: text(f.id)?.parse().ok()?,
            slug: text(f.slug)?,
            title: text(f.title)?,
            question: text(f.question)?,
            answer: text(f.answer)?,
            category: text(f.category)?,
            unit_code: (unit != super::NATIONAL).then_some(unit),
            tags: text(f.tags)?
                .split(", ")
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .collect(),
        })
    }
}

#[async_trait::async_trait]
impl KnowledgeIndex for EmbeddedIndex {
    fn engine(&self) -> &'static str {
        "embedded"
    }

    async fn upsert(&self, articles: Vec<IndexedArticle>) -> anyhow::Result<()> {
        self.write(move |f, writer| {
            for a in &articles {
                writer.delete_term(Term::from_field_text(f.id, &a.id.to_string()));
                writer.add_document(Self::document(f, a))?;
            }
            Ok(())
        })
        .await
    }

    async fn remove(&self, ids: Vec<Uuid>) -> anyhow::Result<()> {
        self.write(move |f, writer| {
            for id in ids {
                writer.delete_term(Term::from_field_text(f.id, &id.to_string()));
            }
            Ok(())
        })
        .await
    }

    async fn clear(&self) -> anyhow::Result<()> {
        self.write(|_, writer| {
            writer.delete_all_documents()?;
            Ok(())
        })
        .await
    }

    async fn set_synonyms(&self, groups: Vec<Vec<String>>) -> anyhow::Result<()> {
        let synonyms = Synonyms::new(&groups);
        *self
            .inner
            .synonyms
            .write()
            .map_err(|_| anyhow::anyhow!("synonyms poisoned"))? = synonyms;
        Ok(())
    }

    async fn query(&self, q: EngineQuery) -> anyhow::Result<EngineResults> {
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || Self::run(&inner, &q, &[])).await?
    }

    /// One pass: every match is counted once, and the top is ordered by (preferred unit,
    /// relevance), so a unit-first search costs what a plain one does.
    async fn query_preferring(
        &self,
        q: EngineQuery,
        preferred: Vec<String>,
    ) -> anyhow::Result<EngineResults> {
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || Self::run(&inner, &q, &preferred)).await?
    }

    async fn count(&self) -> anyhow::Result<u64> {
        Ok(self.inner.reader.searcher().num_docs())
    }

    fn expansions(&self, stems: &[String]) -> Vec<Vec<String>> {
        self.inner
            .synonyms
            .read()
            .map(|s| s.expansions(stems))
            .unwrap_or_default()
    }

    fn needs_rebuild(&self) -> bool {
        self.inner.fresh
    }
}
