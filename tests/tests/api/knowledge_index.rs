//! Behaviour every knowledge index must show, run against the embedded index and, when
//! `MEILI_URL` is set, against a real Meilisearch. Plus the retrieval-quality check.
use std::sync::Arc;

use serde::Deserialize;
use statkonsul::search::{
    IndexedArticle, SearchRequest, SharedIndex, embedded::EmbeddedIndex, meili::MeiliIndex, search,
};
use statkonsul_tests::tempdir::TempDir;
use uuid::Uuid;

/// Every engine to test, each empty, with the folder that must outlive it.
async fn engines() -> Vec<(SharedIndex, TempDir)> {
    let dir = TempDir::new();
    let embedded: SharedIndex = Arc::new(EmbeddedIndex::open(dir.path()).unwrap());
    let mut out = vec![(embedded, dir)];
    if let Ok(url) = std::env::var("MEILI_URL") {
        let key = std::env::var("MEILI_API_KEY").ok();
        let name = format!("statkonsul_test_{}", Uuid::new_v4().simple());
        let meili: SharedIndex = Arc::new(
            MeiliIndex::connect(&url, key.as_deref(), &name)
                .await
                .unwrap(),
        );
        out.push((meili, TempDir::new()));
    }
    out
}

fn article(
    title: &str,
    question: &str,
    answer: &str,
    category: &str,
    unit: Option<&str>,
) -> IndexedArticle {
    IndexedArticle {
        id: Uuid::now_v7(),
        slug: title.to_lowercase().replace(' ', "-"),
        title: title.into(),
        question: question.into(),
        answer: answer.into(),
        category: category.into(),
        unit_code: unit.map(Into::into),
        tags: vec![],
    }
}

async fn titles(
    index: &SharedIndex,
    q: &str,
    unit: Option<&str>,
    category: Option<&str>,
) -> (Vec<String>, u64) {
    let found = search(
        index.as_ref(),
        SearchRequest {
            q: q.into(),
            category: category.map(Into::into),
            unit: unit.map(Into::into),
            offset: 0,
            limit: 10,
        },
    )
    .await
    .unwrap();
    (
        found.hits.into_iter().map(|h| h.title).collect(),
        found.total,
    )
}

fn corpus() -> Vec<IndexedArticle> {
    vec![
        article(
            "Persentase penduduk miskin",
            "Berapa persentase penduduk miskin di kabupaten?",
            "Angka kemiskinan dihitung dari Susenas dengan pendekatan kebutuhan dasar.",
            "data",
            None,
        ),
        article(
            "Cara membaca inflasi bulanan",
            "Apa beda inflasi bulanan dan tahunan?",
            "Inflasi bulanan membandingkan IHK bulan ini dengan bulan sebelumnya.",
            "metadata",
            None,
        ),
        article(
            "Indeks pembangunan manusia kabupaten",
            "Di mana melihat indeks pembangunan manusia?",
            "Indeks pembangunan manusia disusun dari umur harapan hidup, pendidikan dan pengeluaran.",
            "data",
            Some("3304"),
        ),
        article(
            "Publikasi daerah dalam angka",
            "Apa isi publikasi daerah dalam angka?",
            "Publikasi ini memuat banyak topik, termasuk sekilas tentang kemiskinan dan ketenagakerjaan.",
            "data",
            Some("6571"),
        ),
        article(
            "Rekomendasi kegiatan statistik",
            "Bagaimana mengajukan rekomendasi survei?",
            "Instansi yang akan melaksanakan survei sektoral mengajukan rekomendasi kegiatan statistik.",
            "activity_recommendation",
            Some("3375"),
        ),
    ]
}

#[tokio::test]
async fn every_engine_meets_words_at_their_stem_tolerates_typos_and_ranks_titles_first() {
    for (index, _dir) in engines().await {
        let engine = index.engine();
        index.upsert(corpus()).await.unwrap();
        assert_eq!(index.count().await.unwrap(), 5, "{engine}");
        for q in ["kemiskinan", "miskin", "termiskin"] {
            let (found, _) = titles(&index, q, None, None).await;
            assert_eq!(
                found.first().map(String::as_str),
                Some("Persentase penduduk miskin"),
                "{engine}: {q}"
            );
            // The word is in the other article's answer only: it ranks below the title match.
            assert!(
                found.contains(&"Publikasi daerah dalam angka".to_owned()),
                "{engine}: {q}: {found:?}"
            );
        }
        let (found, _) = titles(&index, "inflsi bulanan", None, None).await;
        assert_eq!(
            found.first().map(String::as_str),
            Some("Cara membaca inflasi bulanan"),
            "{engine}"
        );
        let (found, total) = titles(&index, "yang dan di", None, None).await;
        assert!(
            found.is_empty() && total == 0,
            "{engine}: stop words alone match nothing: {found:?}"
        );
    }
}

/// "data kemiskinan kecamatan": both articles hold the three words, and "kecamatan" is the rarer
/// word, yet the one titled "Data kemiskinan …" answers the question.
#[tokio::test]
async fn every_engine_ranks_query_words_found_together_above_the_same_words_apart() {
    for (index, _dir) in engines().await {
        let engine = index.engine();
        index
            .upsert(vec![
                article(
                    "Data kemiskinan kabupaten",
                    "Di mana data kemiskinan kabupaten tersedia?",
                    "Angka kemiskinan dihitung per kabupaten; tingkat kecamatan tidak tersedia.",
                    "data",
                    None,
                ),
                article(
                    "Data kecamatan kabupaten",
                    "Di mana data kecamatan tersedia?",
                    "Publikasi kecamatan dalam angka memuat penduduk, sekolah dan sedikit tentang kemiskinan.",
                    "data",
                    None,
                ),
                article(
                    "Garis kemiskinan",
                    "Apa itu garis kemiskinan?",
                    "Garis kemiskinan adalah batas pengeluaran minimum.",
                    "metadata",
                    None,
                ),
            ])
            .await
            .unwrap();
        let (found, total) = titles(&index, "data kemiskinan kecamatan", None, None).await;
        assert_eq!(total, 3, "{engine}: {found:?}");
        assert_eq!(
            found.first().map(String::as_str),
            Some("Data kemiskinan kabupaten"),
            "{engine}: {found:?}"
        );
    }
}

#[tokio::test]
async fn every_engine_expands_synonyms_filters_by_category_and_puts_the_chosen_unit_first() {
    for (index, _dir) in engines().await {
        let engine = index.engine();
        index.upsert(corpus()).await.unwrap();
        let (found, _) = titles(&index, "ipm", None, None).await;
        assert!(found.is_empty(), "{engine}: no synonyms yet: {found:?}");
        index
            .set_synonyms(vec![vec![
                "ipm".into(),
                "indeks pembangunan manusia".into(),
            ]])
            .await
            .unwrap();
        let (found, _) = titles(&index, "ipm", None, None).await;
        assert_eq!(found, ["Indeks pembangunan manusia kabupaten"], "{engine}");
        let hit = search(
            index.as_ref(),
            SearchRequest {
                q: "ipm".into(),
                category: None,
                unit: None,
                offset: 0,
                limit: 1,
            },
        )
        .await
        .unwrap();
        assert!(
            hit.hits[0]
                .snippet
                .starts_with("<mark>Indeks</mark> <mark>pembangunan</mark> <mark>manusia</mark>"),
            "{engine}: synonyms are marked too: {}",
            hit.hits[0].snippet
        );

        let (found, _) = titles(&index, "kemiskinan", None, Some("metadata")).await;
        assert!(found.is_empty(), "{engine}: {found:?}");
        let (found, _) = titles(&index, "survei", None, Some("activity_recommendation")).await;
        assert_eq!(found, ["Rekomendasi kegiatan statistik"], "{engine}");

        // For a Tarakan user, Tarakan's and national articles (by relevance) come before
        // another unit's, however relevant.
        let (found, total) = titles(&index, "kemiskinan", Some("6571"), None).await;
        assert_eq!(
            found,
            ["Persentase penduduk miskin", "Publikasi daerah dalam angka"],
            "{engine}"
        );
        assert_eq!(total, 2, "{engine}");
        let (found, _) = titles(&index, "rekomendasi survei kemiskinan", Some("6571"), None).await;
        assert_eq!(
            found.last().map(String::as_str),
            Some("Rekomendasi kegiatan statistik"),
            "{engine}"
        );
        let (found, _) = titles(&index, "rekomendasi survei kemiskinan", Some("3375"), None).await;
        assert_eq!(
            found.first().map(String::as_str),
            Some("Rekomendasi kegiatan statistik"),
            "{engine}"
        );
        let (found, total) = titles(&index, "survei kemiskinan", Some("6571"), None).await;
        assert_eq!(found.len(), 3, "{engine}: {found:?}");
        assert_eq!(
            found[2], "Rekomendasi kegiatan statistik",
            "{engine}: other units last"
        );
        assert_eq!(total, 3, "{engine}");
        // Pages continue across the two tiers without gaps or repeats.
        let mut paged = Vec::new();
        for offset in 0..3 {
            let page = search(
                index.as_ref(),
                SearchRequest {
                    q: "survei kemiskinan".into(),
                    category: None,
                    unit: Some("6571".into()),
                    offset,
                    limit: 1,
                },
            )
            .await
            .unwrap();
            assert_eq!(page.total, 3, "{engine}");
            paged.extend(page.hits.into_iter().map(|h| h.title));
        }
        assert_eq!(paged, found, "{engine}");
    }
}

#[tokio::test]
async fn every_engine_offers_the_corrected_query_and_marks_only_what_matched() {
    for (index, _dir) in engines().await {
        let engine = index.engine();
        let mut articles = corpus();
        articles.push(article(
            "Kode KBLI untuk usaha kuliner",
            "Apa kode KBLI warung makan?",
            "Usaha di Indonesia diberi kode menurut Klasifikasi Baku Lapangan Usaha Indonesia.",
            "classification",
            None,
        ));
        index.upsert(articles).await.unwrap();
        index
            .set_synonyms(vec![vec![
                "kbli".into(),
                "klasifikasi baku lapangan usaha indonesia".into(),
            ]])
            .await
            .unwrap();
        let ask = |q: &str| {
            let index = index.clone();
            let q = q.to_owned();
            async move {
                search(
                    index.as_ref(),
                    SearchRequest {
                        q,
                        category: None,
                        unit: None,
                        offset: 0,
                        limit: 5,
                    },
                )
                .await
                .unwrap()
            }
        };
        let typo = ask("Inflsi bulanan").await;
        assert_eq!(
            typo.suggestion.as_deref(),
            Some("inflasi bulanan"),
            "{engine}: did you mean"
        );
        assert_eq!(ask("inflasi bulanan").await.suggestion, None, "{engine}");
        assert_eq!(
            ask("kbli").await.suggestion,
            None,
            "{engine}: a synonym is no typo"
        );
        // "Indonesia" alone is not the synonym phrase: only the whole phrase is marked.
        let kbli = ask("kbli").await;
        let snippet = &kbli.hits[0].snippet;
        assert!(
            snippet.contains("Usaha di Indonesia diberi")
                && snippet.contains("<mark>Klasifikasi</mark> <mark>Baku</mark> <mark>Lapangan</mark> <mark>Usaha</mark> <mark>Indonesia</mark>"),
            "{engine}: {snippet}"
        );
    }
}

#[tokio::test]
async fn every_engine_ranks_a_misspelt_word_by_how_well_its_correction_matches() {
    for (index, _dir) in engines().await {
        let engine = index.engine();
        // Mentioned once in passing in two, added before and after the one about it.
        let passing = article(
            "Garis kemiskinan",
            "Bagaimana garis kemiskinan diperbarui?",
            "Garis kemiskinan diperbarui tiap semester mengikuti harga, termasuk inflasi.",
            "metadata",
            None,
        );
        index
            .upsert(vec![
                passing,
                article(
                    "Inflasi tahunan dan bulanan",
                    "Apa itu inflasi tahunan?",
                    "Inflasi tahunan membandingkan harga dengan bulan yang sama tahun lalu; inflasi bulanan dengan bulan lalu.",
                    "metadata",
                    None,
                ),
                article(
                    "Upah minimum provinsi",
                    "Siapa yang menetapkan upah minimum?",
                    "Upah minimum ditetapkan pemerintah daerah dengan memperhatikan inflasi.",
                    "data",
                    None,
                ),
            ])
            .await
            .unwrap();
        let (found, _) = titles(&index, "inflsi", None, None).await;
        assert_eq!(found.len(), 3, "{engine}: {found:?}");
        assert_eq!(
            found.first().map(String::as_str),
            Some("Inflasi tahunan dan bulanan"),
            "{engine}: {found:?}"
        );
    }
}

#[tokio::test]
async fn every_engine_replaces_removes_and_clears() {
    for (index, _dir) in engines().await {
        let engine = index.engine();
        let mut articles = corpus();
        index.upsert(articles.clone()).await.unwrap();
        articles[1].title = "Inflasi tahun kalender".into();
        index.upsert(vec![articles[1].clone()]).await.unwrap();
        assert_eq!(
            index.count().await.unwrap(),
            5,
            "{engine}: replaced, not added"
        );
        let (found, _) = titles(&index, "kalender", None, None).await;
        assert_eq!(found, ["Inflasi tahun kalender"], "{engine}");
        index.remove(vec![articles[1].id]).await.unwrap();
        let (found, _) = titles(&index, "inflasi", None, None).await;
        assert!(found.is_empty(), "{engine}: {found:?}");
        index.clear().await.unwrap();
        assert_eq!(index.count().await.unwrap(), 0, "{engine}");
    }
}

#[tokio::test]
async fn a_search_snippet_marks_the_matches_and_escapes_the_text() {
    for (index, _dir) in engines().await {
        let mut a = corpus().remove(0);
        a.answer =
            "Penduduk <b>miskin</b> adalah penduduk dengan pengeluaran di bawah garis kemiskinan."
                .into();
        index.upsert(vec![a]).await.unwrap();
        let found = search(
            index.as_ref(),
            SearchRequest {
                q: "termiskin".into(),
                category: None,
                unit: None,
                offset: 0,
                limit: 5,
            },
        )
        .await
        .unwrap();
        assert_eq!(
            found.hits[0].snippet,
            "Penduduk &lt;b&gt;<mark>miskin</mark>&lt;/b&gt; adalah penduduk dengan pengeluaran di bawah garis <mark>kemiskinan</mark>.",
            "{}",
            index.engine()
        );
        assert!(found.hits[0].score > 0.0);
    }
}

#[derive(Deserialize)]
struct SeedArticle {
    slug: String,
    title: String,
    question: String,
    answer: String,
    category: String,
    unit_code: Option<String>,
    tags: Vec<String>,
}

/// The article (or any of the articles) that answers a question.
#[derive(Deserialize)]
#[serde(untagged)]
enum Expected {
    One(String),
    Any(Vec<String>),
}

impl Expected {
    fn accepts(&self, slug: &str) -> bool {
        match self {
            Expected::One(s) => s == slug,
            Expected::Any(all) => all.iter().any(|s| s == slug),
        }
    }
}

#[derive(Deserialize)]
struct Case {
    query: String,
    expected: Expected,
}

const ARTICLES: &str = include_str!("../../../backend/seed/knowledge-articles.json");
const SYNONYMS: &str = include_str!("../../../backend/seed/knowledge-synonyms.json");
const ENGLISH_SYNONYMS: &str =
    include_str!("../../../backend/seed/knowledge-synonyms-english.json");
/// Written by the author of the articles.
const CASES: &str = include_str!("../../fixtures/knowledge-retrieval.json");
/// Written by someone who had not read the articles (short, misspelt, regional, English), then
/// labelled with the articles that answer them.
const INDEPENDENT_CASES: &str = include_str!("../../fixtures/knowledge-retrieval-independent.json");

/// Recall@3 and mean reciprocal rank of the first expected article, with the misses.
async fn measure(index: &SharedIndex, cases: &[Case]) -> (f64, f64, Vec<String>) {
    let mut in_top3 = 0;
    let mut reciprocal = 0.0;
    let mut misses = Vec::new();
    for case in cases {
        let found = search(
            index.as_ref(),
            SearchRequest {
                q: case.query.clone(),
                category: None,
                unit: None,
                offset: 0,
                limit: 10,
            },
        )
        .await
        .unwrap();
        let rank = found
            .hits
            .iter()
            .position(|h| case.expected.accepts(&h.slug));
        if let Some(r) = rank {
            reciprocal += 1.0 / (r as f64 + 1.0);
            if r < 3 {
                in_top3 += 1;
            }
        }
        if rank.is_none_or(|r| r >= 3) {
            misses.push(format!(
                "{:?} → expected at {:?}; got {:?}",
                case.query,
                rank.map(|r| r + 1),
                found
                    .hits
                    .iter()
                    .take(3)
                    .map(|h| h.slug.as_str())
                    .collect::<Vec<_>>()
            ));
        }
    }
    let n = cases.len() as f64;
    (f64::from(in_top3) / n, reciprocal / n, misses)
}

/// Recall@3 and mean reciprocal rank over two sets of realistic questions on the demo articles:
/// the author's (other words, typos, informal Indonesian) and an independent one.
#[tokio::test]
async fn retrieval_quality_over_the_demo_articles() {
    let seeds: Vec<SeedArticle> = serde_json::from_str(ARTICLES).unwrap();
    let sets: [(&str, Vec<Case>, f64, f64); 2] = [
        ("author's", serde_json::from_str(CASES).unwrap(), 0.85, 0.8),
        (
            "independent",
            serde_json::from_str(INDEPENDENT_CASES).unwrap(),
            0.7,
            0.6,
        ),
    ];
    let mut synonyms: Vec<Vec<String>> = serde_json::from_str(SYNONYMS).unwrap();
    synonyms.extend(serde_json::from_str::<Vec<Vec<String>>>(ENGLISH_SYNONYMS).unwrap());
    assert!(seeds.len() >= 60 && sets[0].1.len() >= 40 && sets[1].1.len() >= 60);
    for (index, _dir) in engines().await {
        index
            .upsert(
                seeds
                    .iter()
                    .map(|s| IndexedArticle {
                        id: Uuid::now_v7(),
                        slug: s.slug.clone(),
                        title: s.title.clone(),
                        question: s.question.clone(),
                        answer: s.answer.clone(),
                        category: s.category.clone(),
                        unit_code: s.unit_code.clone(),
                        tags: s.tags.clone(),
                    })
                    .collect(),
            )
            .await
            .unwrap();
        index.set_synonyms(synonyms.clone()).await.unwrap();
        for (name, cases, min_recall, min_mrr) in &sets {
            let (recall, mrr, misses) = measure(&index, cases).await;
            println!(
                "retrieval ({}, {name} questions): {} questions, {} articles, recall@3 = {recall:.3}, MRR = {mrr:.3}",
                index.engine(),
                cases.len(),
                seeds.len()
            );
            for m in &misses {
                println!("  miss: {m}");
            }
            assert!(
                recall >= *min_recall && mrr >= *min_mrr,
                "{} ({name}): recall@3 {recall:.3} < {min_recall} or MRR {mrr:.3} < {min_mrr}; misses:\n{}",
                index.engine(),
                misses.join("\n")
            );
        }
    }
}
