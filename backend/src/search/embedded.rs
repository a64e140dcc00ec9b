//! The embedded knowledge index: tantivy, under `DATA_DIR/knowledge-index/v{SCHEMA_VERSION}`.
//! A missing index, or one of an older schema, is created empty and reported as needing a rebuild.
use std::{
    cmp::{Ordering, Reverse},
    collections::{BinaryHeap, HashMap},
    path::{Path, PathBuf},
    sync::{Arc, Mutex, RwLock},
};

use anyhow::Context;
use tantivy::{
    BitSet, DocAddress, DocId, DocSet, Index, IndexReader, IndexWriter, ReloadPolicy, Score,
    Searcher, SegmentReader, TERMINATED, TantivyDocument, Term,
    query::{BooleanQuery, BoostQuery, EnableScoring, FuzzyTermQuery, Occur, Query, TermQuery},
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
pub const SCHEMA_VERSION: u32 = 3;
const WRITER_MEMORY: usize = 50_000_000;
/// How a word found through a typo weighs against the same word typed right.
const TYPO_WEIGHT: f32 = 0.5;
/// How a word the last one may be the start of weighs against a word typed in full.
const PREFIX_WEIGHT: f32 = 0.4;
/// How two query words found next to each other (in a title or question) add to their score.
const PAIR_WEIGHT: f32 = 5.0;
/// The most index words one misspelt or unfinished word is searched as.
const MAX_CORRECTIONS: usize = 8;

/// Which documents of a segment a query may return.
#[derive(Default)]
struct Scope {
    within: Vec<BitSet>,
    outside: Vec<BitSet>,
}

impl Scope {
    fn allows(&self, doc: DocId) -> bool {
        self.within.iter().all(|s| s.contains(doc)) && !self.outside.iter().any(|s| s.contains(doc))
    }
}

/// The best `k` (score, address) seen, ties going to the earlier address.
struct Best {
    k: usize,
    heap: BinaryHeap<Reverse<Ranked>>,
}

struct Ranked(Score, DocAddress);

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .total_cmp(&other.0)
            .then_with(|| other.1.cmp(&self.1))
    }
}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Ranked {}

impl Best {
    fn new(k: usize) -> Self {
        Self {
            k,
            heap: BinaryHeap::with_capacity(k + 1),
        }
    }

    /// Documents arrive in address order, so one scoring only as well as the k-th is later
    /// and loses the tie.
    fn push(&mut self, score: Score, address: DocAddress) {
        if self.heap.len() < self.k {
            self.heap.push(Reverse(Ranked(score, address)));
        } else if self.heap.peek().is_some_and(|Reverse(low)| score > low.0) {
            self.heap.pop();
            self.heap.push(Reverse(Ranked(score, address)));
        }
    }

    fn is_full(&self) -> bool {
        self.heap.len() >= self.k
    }

    /// The score a document must beat to enter.
    fn threshold(&self) -> Score {
        match self.heap.peek() {
            Some(Reverse(low)) if self.heap.len() >= self.k => low.0,
            _ => Score::MIN,
        }
    }

    fn into_sorted(self) -> Vec<(Score, DocAddress)> {
        let mut all: Vec<Ranked> = self.heap.into_iter().map(|Reverse(r)| r).collect();
        all.sort_by(|a, b| b.cmp(a));
        all.into_iter().map(|Ranked(s, a)| (s, a)).collect()
    }
}

/// What a token of [`IndonesianTokenizer`] holds.
#[derive(Clone, Copy)]
enum Form {
    /// Each word's stem.
    Stem,
    /// Each word lower-cased.
    Raw,
    /// Each two adjacent words' stems, "a b" (stop words skipped).
    Pairs,
}

/// Indonesian words as index terms: stemmed (`id_stem`), only lower-cased (`id_raw`, for
/// typo-tolerant matching) or as adjacent stem pairs (`id_pairs`); stop words dropped in all.
#[derive(Clone)]
struct IndonesianTokenizer {
    form: Form,
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
        let terms = analysis::terms(text);
        let tokens = match self.form {
            Form::Pairs => terms
                .windows(2)
                .map(|w| Token {
                    offset_from: w[0].start,
                    offset_to: w[1].end,
                    position: w[0].position,
                    text: format!("{} {}", w[0].stem, w[1].stem),
                    position_length: 1,
                })
                .collect(),
            form => terms
                .into_iter()
                .map(|t| Token {
                    offset_from: t.start,
                    offset_to: t.end,
                    position: t.position,
                    text: if matches!(form, Form::Stem) {
                        t.stem
                    } else {
                        t.raw
                    },
                    position_length: 1,
                })
                .collect(),
        };
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
    /// Adjacent word pairs of the title and the question, for ranking words found together.
    pairs: Field,
    /// Every stemmed word of the article, positions and frequencies left out: for counting.
    all: Field,
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
    let pairs = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("id_pairs")
            .set_index_option(IndexRecordOption::WithFreqs),
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
        pairs: b.add_text_field("pairs", pairs),
        all: b.add_text_field(
            "all",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer("id_stem")
                    .set_index_option(IndexRecordOption::Basic)
                    .set_fieldnorms(false),
            ),
        ),
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
        for (name, form) in [
            ("id_stem", Form::Stem),
            ("id_raw", Form::Raw),
            ("id_pairs", Form::Pairs),
        ] {
            index
                .tokenizers()
                .register(name, TextAnalyzer::from(IndonesianTokenizer { form }));
        }
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
        for text in [&a.title, &a.question, &a.answer] {
            doc.add_text(f.all, text);
        }
        doc.add_text(f.all, a.tags.join(", "));
        doc.add_text(f.pairs, &a.title);
        doc.add_text(f.pairs, &a.question);
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

    /// The words of the index within the typo budget of `raw` (none for a word some article
    /// holds): a misspelt word is then also searched as those words, ranked as they rank (how
    /// telling they are, where they occur) at a weight below an exact match. The nearest and
    /// most common come first.
    fn corrections(
        searcher: &Searcher,
        field: Field,
        raw: &str,
        budget: u8,
    ) -> tantivy::Result<Vec<String>> {
        if budget == 0 {
            return Ok(Vec::new());
        }
        let found = Self::words_within(searcher, field, raw, budget, false)?;
        Ok(Self::most_telling(found, |w| {
            usize::from(!analysis::within_edits(raw, w, 1))
        }))
    }

    /// The words of the index that start with `raw` (the last word, maybe unfinished), the
    /// most common first.
    fn completions(searcher: &Searcher, field: Field, raw: &str) -> tantivy::Result<Vec<String>> {
        let found = Self::words_within(searcher, field, raw, 0, true)?;
        Ok(Self::most_telling(found, |_| 0))
    }

    /// The words of `field` within `edits` of `raw` (or of its start, with `prefix`), read from
    /// each segment's term dictionary with a Levenshtein automaton, with their document counts.
    fn words_within(
        searcher: &Searcher,
        field: Field,
        raw: &str,
        edits: u8,
        prefix: bool,
    ) -> tantivy::Result<HashMap<String, u32>> {
        let term = Term::from_field_text(field, raw);
        let automaton = if prefix {
            FuzzyTermQuery::new_prefix(term, edits, true)
        } else {
            FuzzyTermQuery::new(term, edits, true)
        }
        .automaton()?;
        let mut found: HashMap<String, u32> = HashMap::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let mut stream = inverted.terms().search(&automaton).into_stream()?;
            while stream.advance() {
                if let Ok(word) = std::str::from_utf8(stream.key()) {
                    *found.entry(word.to_owned()).or_default() += stream.value().doc_freq;
                }
            }
        }
        Ok(found)
    }

    /// At most [`MAX_CORRECTIONS`] words, by `rank` and then the most common first.
    fn most_telling(found: HashMap<String, u32>, rank: impl Fn(&str) -> usize) -> Vec<String> {
        let mut words: Vec<(String, u32)> = found.into_iter().collect();
        words.sort_by(|(a, fa), (b, fb)| {
            rank(a)
                .cmp(&rank(b))
                .then(fb.cmp(fa))
                .then_with(|| a.cmp(b))
        });
        words
            .into_iter()
            .take(MAX_CORRECTIONS)
            .map(|(w, _)| w)
            .collect()
    }

    /// The query as one flat union of weighted terms (each word in each field, its corrections
    /// and completions, the adjacent word pairs, single-word synonyms), so that tantivy can skip
    /// whole blocks of documents that cannot reach the top (block-max WAND). Only a synonym of
    /// several words adds a clause that is not a term (all its words in one field).
    fn build_query(
        inner: &Inner,
        searcher: &Searcher,
        q: &EngineQuery,
    ) -> tantivy::Result<(BooleanQuery, BooleanQuery)> {
        let f = &inner.fields;
        let terms = analysis::terms(&q.text);
        let stems: Vec<String> = terms.iter().map(|t| t.stem.clone()).collect();
        let stemmed_fields = [
            (f.title, 3.0),
            (f.question, 2.0),
            (f.tags, 2.0),
            (f.answer, 1.0),
        ];
        let term = |field: Field, text: &str, boost: f32| -> (Occur, Box<dyn Query>) {
            (
                Occur::Should,
                Box::new(BoostQuery::new(
                    Box::new(TermQuery::new(
                        Term::from_field_text(field, text),
                        IndexRecordOption::WithFreqs,
                    )),
                    boost,
                )),
            )
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut searched: Vec<(String, f32)> = Vec::new();
        // The same words in the one field that holds every other, for counting the matches.
        let mut counted: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut add_stem =
            |stem: String, weight: f32, clauses: &mut Vec<(Occur, Box<dyn Query>)>| {
                // A stem already searched at this weight or more adds nothing.
                if searched.iter().any(|(s, w)| *s == stem && *w >= weight) {
                    return;
                }
                if !searched.iter().any(|(s, _)| *s == stem) {
                    counted.push((
                        Occur::Should,
                        Box::new(TermQuery::new(
                            Term::from_field_text(f.all, &stem),
                            IndexRecordOption::Basic,
                        )),
                    ));
                }
                for (field, boost) in stemmed_fields {
                    clauses.push(term(field, &stem, boost * weight));
                }
                searched.push((stem, weight));
            };
        for (i, t) in terms.iter().enumerate() {
            add_stem(t.stem.clone(), 1.0, &mut clauses);
            // A word some article holds is taken as typed: its near words are not searched,
            // and as the last word it is not read as the start of longer ones (both would add
            // the postings of every neighbour to score).
            let known = searcher.doc_freq(&Term::from_field_text(f.raw, &t.raw))? > 0;
            if known {
                continue;
            }
            let budget = analysis::typo_budget(&t.raw);
            for word in Self::corrections(searcher, f.raw, &t.raw, budget)? {
                add_stem(analysis::stem(&word), TYPO_WEIGHT, &mut clauses);
            }
            if i + 1 == terms.len() && t.raw.chars().count() >= 3 {
                // Suggestions as the user types: the last word may be unfinished.
                for word in Self::completions(searcher, f.raw, &t.raw)? {
                    add_stem(analysis::stem(&word), PREFIX_WEIGHT, &mut clauses);
                }
            }
        }
        // Words next to each other in the query and in a title or question: "data kemiskinan"
        // ranks the article titled so above one that holds both words apart. A pair is worth
        // as much as it is rarer than its rarer word: a name that is always written together
        // ("kota tarakan", "tulang bawang") tells nothing its words do not.
        let mut spread = Vec::with_capacity(stems.len());
        for word in &stems {
            let title = searcher.doc_freq(&Term::from_field_text(f.title, word))?;
            let question = searcher.doc_freq(&Term::from_field_text(f.question, word))?;
            spread.push(title.max(question));
        }
        for (pair, docs) in stems.windows(2).zip(spread.windows(2)) {
            let together = Term::from_field_text(f.pairs, &format!("{} {}", pair[0], pair[1]));
            let pair_docs = searcher.doc_freq(&together)?;
            if pair_docs == 0 {
                continue;
            }
            let word_docs = docs[0].min(docs[1]).max(1);
            let telling = 1.0 - pair_docs as f32 / word_docs as f32;
            if telling > 0.0 {
                clauses.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(
                        Box::new(TermQuery::new(together, IndexRecordOption::WithFreqs)),
                        PAIR_WEIGHT * telling,
                    )),
                ));
            }
        }
        let expansions = inner
            .synonyms
            .read()
            .map(|s| s.expansions(&stems))
            .unwrap_or_default();
        let mut phrases: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for alternative in expansions {
            if let [single] = alternative.as_slice() {
                add_stem(single.clone(), 1.0, &mut clauses);
                continue;
            }
            // All the words of the phrase in one field.
            let every = |field: Field, option: IndexRecordOption| -> Box<dyn Query> {
                Box::new(BooleanQuery::new(
                    alternative
                        .iter()
                        .map(|stem| {
                            (
                                Occur::Must,
                                Box::new(TermQuery::new(Term::from_field_text(field, stem), option))
                                    as Box<dyn Query>,
                            )
                        })
                        .collect(),
                ))
            };
            phrases.push((Occur::Should, every(f.all, IndexRecordOption::Basic)));
            for (field, boost) in stemmed_fields {
                clauses.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(
                        every(field, IndexRecordOption::WithFreqs),
                        boost,
                    )),
                ));
            }
        }
        counted.extend(phrases);
        Ok((BooleanQuery::new(clauses), BooleanQuery::new(counted)))
    }

    /// Per segment, the documents a query may return (its category and units), or `None` for
    /// all of them.
    fn scope(
        inner: &Inner,
        segment: &SegmentReader,
        q: &EngineQuery,
    ) -> tantivy::Result<Option<Scope>> {
        let f = &inner.fields;
        let mut scope = Scope::default();
        if let Some(category) = &q.category {
            scope.within.push(Self::postings(
                segment,
                f.category,
                std::slice::from_ref(category),
            )?);
        }
        match &q.units {
            UnitScope::Any => {}
            UnitScope::Among(units) => scope.within.push(Self::postings(segment, f.unit, units)?),
            UnitScope::NotAmong(units) => {
                scope.outside.push(Self::postings(segment, f.unit, units)?)
            }
        }
        Ok((!scope.within.is_empty() || !scope.outside.is_empty()).then_some(scope))
    }

    /// Runs `q`; with `preferred` units, their articles come first. The best `offset + limit`
    /// of the preferred units and of the others are kept in two heaps while tantivy skips
    /// what can reach neither; the matches are then counted without scoring.
    fn run(inner: &Inner, q: &EngineQuery, preferred: &[String]) -> anyhow::Result<EngineResults> {
        if analysis::terms(&q.text).is_empty() {
            return Ok(EngineResults::default());
        }
        let searcher = inner.reader.searcher();
        let (query, count) = Self::build_query(inner, &searcher, q)?;
        let scoring = query.weight(EnableScoring::enabled_from_searcher(&searcher))?;
        let counting = count.weight(EnableScoring::disabled_from_searcher(&searcher))?;
        let want = q.offset + q.limit.max(1);
        let mut first = Best::new(want);
        let mut rest = Best::new(want);
        let (mut total, mut total_first) = (0u64, 0u64);
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let ord = u32::try_from(ord)?;
            let scope = Self::scope(inner, segment, q)?;
            let prefer = if preferred.is_empty() {
                None
            } else {
                Some(Self::postings(segment, inner.fields.unit, preferred)?)
            };
            let alive = segment.alive_bitset();
            let keep = |doc: DocId| {
                alive.is_none_or(|a| a.is_alive(doc))
                    && scope.as_ref().is_none_or(|s| s.allows(doc))
            };
            let is_first = |doc: DocId| prefer.as_ref().is_some_and(|p| p.contains(doc));
            scoring.for_each_pruning(Score::MIN, segment, &mut |doc, score| {
                if keep(doc) {
                    if is_first(doc) {
                        first.push(score, DocAddress::new(ord, doc));
                    } else if !first.is_full() {
                        rest.push(score, DocAddress::new(ord, doc));
                    }
                }
                // Once `offset + limit` preferred articles are found, the page holds no other:
                // only a better preferred one can change it.
                if prefer.is_none() {
                    rest.threshold()
                } else if first.is_full() {
                    first.threshold()
                } else {
                    Score::MIN
                }
            })?;
            if scope.is_none() && prefer.is_none() {
                total += u64::from(counting.count(segment)?);
            } else {
                counting.for_each_no_score(segment, &mut |docs| {
                    for &doc in docs {
                        if keep(doc) {
                            total += 1;
                            total_first += u64::from(is_first(doc));
                        }
                    }
                })?;
            }
        }
        let first = first.into_sorted();
        let rest = rest.into_sorted();
        let before = usize::try_from(total_first)?;
        let mut hits = Vec::with_capacity(q.limit);
        for place in q.offset..want {
            let found = if place < before {
                first.get(place)
            } else {
                rest.get(place - before)
            };
            let Some(&(score, address)) = found else {
                break;
            };
            let doc: TantivyDocument = searcher.doc(address)?;
            if let Some(article) = Self::article(&inner.fields, &doc) {
                hits.push(EngineHit { article, score });
            }
        }
        Ok(EngineResults { hits, total })
    }

    /// The documents of a segment that hold one of `values` in `field` (a keyword field).
    fn postings(
        segment: &SegmentReader,
        field: Field,
        values: &[String],
    ) -> tantivy::Result<BitSet> {
        let inverted = segment.inverted_index(field)?;
        let mut set = BitSet::with_max_value(segment.max_doc());
        for value in values {
            let term = Term::from_field_text(field, value);
            if let Some(mut postings) = inverted.read_postings(&term, IndexRecordOption::Basic)? {
                while postings.doc() != TERMINATED {
                    set.insert(postings.doc());
                    postings.advance();
                }
            }
        }
        Ok(set)
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
