//! Articles: who may read and edit them, writing, publishing (through the index queue), lists and search.
use std::collections::HashSet;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
    sea_query::{Expr, ExprTrait},
};
use uuid::Uuid;

use super::model::*;
use crate::{
    access,
    api::{Page, PageQuery},
    caller::AuthUser,
    consultations::{model::Category, service as consultations},
    entities::{
        knowledge_article::{self, Column as A},
        knowledge_index_job, unit,
    },
    error::{AppError, AppResult, ErrorCode},
    search::{self, NATIONAL, SearchRequest, SearchResults, SharedIndex},
    state::AppState,
    vocab::Role,
};

pub const MAX_SEARCH_RESULTS: u64 = 1000;

pub fn tags_of(m: &knowledge_article::Model) -> Vec<String> {
    serde_json::from_str(&m.tags).unwrap_or_default()
}

/// Whether `auth` may write articles of `unit_code` (`None`: national, admins only).
pub fn can_edit(auth: &AuthUser, unit_code: Option<&str>) -> bool {
    access::writes_unit_content(auth, unit_code)
}

/// Units whose unpublished articles `auth` may read (`None`: all).
async fn draft_units<C: ConnectionTrait>(
    conn: &C,
    auth: Option<&AuthUser>,
) -> AppResult<Option<HashSet<String>>> {
    match auth {
        Some(a) if a.role.is_staff() && a.role != Role::FrontOffice => {
            access::readable_units(conn, a).await
        }
        _ => Ok(Some(HashSet::new())),
    }
}

fn may_read(article: &knowledge_article::Model, drafts: &Option<HashSet<String>>) -> bool {
    article.status == ArticleStatus::Published.as_str()
        || match drafts {
            None => true,
            Some(units) => article
                .unit_code
                .as_ref()
                .is_some_and(|u| units.contains(u)),
        }
}

pub async fn views<C: ConnectionTrait>(
    conn: &C,
    rows: Vec<knowledge_article::Model>,
    staff: bool,
) -> AppResult<Vec<ArticleView>> {
    let authors = consultations::people(conn, rows.iter().filter_map(|a| a.author_id)).await?;
    rows.into_iter()
        .map(|a| {
            Ok(ArticleView {
                tags: tags_of(&a),
                author: a.author_id.and_then(|id| authors.get(&id).cloned()),
                category: Category::stored(&a.category)?,
                status: ArticleStatus::stored(&a.status)?,
                source_consultation_id: if staff {
                    a.source_consultation_id
                } else {
                    None
                },
                id: a.id,
                slug: a.slug,
                title: a.title,
                question: a.question,
                answer: a.answer,
                unit_code: a.unit_code,
                published_at: a.published_at,
                view_count: a.view_count,
                helpful_count: a.helpful_count,
                not_helpful_count: a.not_helpful_count,
                created_at: a.created_at,
                updated_at: a.updated_at,
            })
        })
        .collect()
}

fn is_staff(auth: Option<&AuthUser>) -> bool {
    auth.is_some_and(|a| a.role.is_staff())
}

/// A readable identifier from a title: lower-case ASCII words joined by dashes.
pub fn slugify(title: &str) -> String {
    let mut slug = String::new();
    for word in title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if slug.len() + word.len() > 80 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word.to_ascii_lowercase());
    }
    if slug.is_empty() {
        "artikel".into()
    } else {
        slug
    }
}

async fn unique_slug<C: ConnectionTrait>(conn: &C, title: &str) -> AppResult<String> {
    let base = slugify(title);
    let mut candidate = base.clone();
    for n in 2.. {
        let taken = knowledge_article::Entity::find()
            .filter(A::Slug.eq(&candidate))
            .count(conn)
            .await?
            > 0;
        if !taken {
            break;
        }
        candidate = format!("{base}-{n}");
    }
    Ok(candidate)
}

/// Queues the article's index update; call inside the transaction that changed it.
pub async fn enqueue_index<C: ConnectionTrait>(conn: &C, article_id: Uuid) -> AppResult<()> {
    knowledge_index_job::ActiveModel {
        article_id: Set(article_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

pub(super) async fn check_unit<C: ConnectionTrait>(
    conn: &C,
    unit_code: Option<&str>,
) -> AppResult<()> {
    if let Some(code) = unit_code
        && unit::Entity::find_by_id(code.to_owned())
            .one(conn)
            .await?
            .is_none()
    {
        return Err(AppError::coded_field(
            ErrorCode::UnitNotFound,
            "unit_code",
            "no such unit",
        ));
    }
    Ok(())
}

fn clean_tags(tags: Vec<String>) -> String {
    let mut seen = Vec::new();
    for t in tags {
        let t = t.trim().to_lowercase();
        if !seen.contains(&t) {
            seen.push(t);
        }
    }
    serde_json::to_string(&seen).unwrap_or_else(|_| "[]".into())
}

/// Writes a new article (and its index job) in one transaction.
pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    author: Option<Uuid>,
    req: ArticleRequest,
    source_consultation_id: Option<Uuid>,
    slug: Option<String>,
) -> AppResult<knowledge_article::Model> {
    let now = Utc::now();
    let status = req.status.unwrap_or(ArticleStatus::Draft);
    let slug = match slug {
        Some(s) => s,
        None => unique_slug(conn, &req.title).await?,
    };
    let created = knowledge_article::ActiveModel {
        id: Set(Uuid::now_v7()),
        slug: Set(slug),
        title: Set(req.title),
        question: Set(req.question),
        answer: Set(req.answer),
        category: Set(req.category.as_str().to_owned()),
        unit_code: Set(req.unit_code),
        tags: Set(clean_tags(req.tags)),
        status: Set(status.as_str().to_owned()),
        source_consultation_id: Set(source_consultation_id),
        author_id: Set(author),
        published_at: Set((status == ArticleStatus::Published).then_some(now)),
        view_count: Set(0),
        helpful_count: Set(0),
        not_helpful_count: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(conn)
    .await?;
    enqueue_index(conn, created.id).await?;
    Ok(created)
}

pub async fn create(
    state: &AppState,
    auth: &AuthUser,
    req: ArticleRequest,
) -> AppResult<ArticleView> {
    check_unit(&state.db, req.unit_code.as_deref()).await?;
    if !can_edit(auth, req.unit_code.as_deref()) {
        return Err(AppError::forbidden());
    }
    let txn = state.db.begin().await?;
    let created = insert(&txn, Some(auth.id), req, None, None).await?;
    txn.commit().await?;
    state.index_wake.notify_one();
    one_view(state, created, true).await
}

pub(super) async fn one_view(
    state: &AppState,
    article: knowledge_article::Model,
    staff: bool,
) -> AppResult<ArticleView> {
    views(&state.db, vec![article], staff)
        .await?
        .pop()
        .ok_or_else(|| AppError::internal("view of one article is empty"))
}

/// Finds an article by id or slug.
pub(super) async fn find<C: ConnectionTrait>(
    conn: &C,
    key: &str,
) -> AppResult<knowledge_article::Model> {
    let found = match key.parse::<Uuid>() {
        Ok(id) => knowledge_article::Entity::find_by_id(id).one(conn).await?,
        Err(_) => {
            knowledge_article::Entity::find()
                .filter(A::Slug.eq(key))
                .one(conn)
                .await?
        }
    };
    found.ok_or_else(AppError::not_found)
}

pub async fn get(state: &AppState, auth: Option<&AuthUser>, key: &str) -> AppResult<ArticleView> {
    let mut article = find(&state.db, key).await?;
    if !may_read(&article, &draft_units(&state.db, auth).await?) {
        return Err(AppError::not_found());
    }
    let staff = is_staff(auth);
    if !staff && article.status == ArticleStatus::Published.as_str() {
        knowledge_article::Entity::update_many()
            .col_expr(A::ViewCount, Expr::col(A::ViewCount).add(1))
            .filter(A::Id.eq(article.id))
            .exec(&state.db)
            .await?;
        article.view_count += 1;
    }
    one_view(state, article, staff).await
}

pub async fn update(
    state: &AppState,
    auth: &AuthUser,
    key: &str,
    req: ArticleRequest,
) -> AppResult<ArticleView> {
    let article = find(&state.db, key).await?;
    if !may_read(&article, &draft_units(&state.db, Some(auth)).await?) {
        return Err(AppError::not_found());
    }
    check_unit(&state.db, req.unit_code.as_deref()).await?;
    if !can_edit(auth, article.unit_code.as_deref()) || !can_edit(auth, req.unit_code.as_deref()) {
        return Err(AppError::forbidden());
    }
    let now = Utc::now();
    let was_published = article.published_at;
    let mut active = article.into_active_model();
    active.title = Set(req.title);
    active.question = Set(req.question);
    active.answer = Set(req.answer);
    active.category = Set(req.category.as_str().to_owned());
    active.unit_code = Set(req.unit_code);
    active.tags = Set(clean_tags(req.tags));
    if let Some(status) = req.status {
        active.status = Set(status.as_str().to_owned());
        if status == ArticleStatus::Published && was_published.is_none() {
            active.published_at = Set(Some(now));
        }
    }
    active.updated_at = Set(now);
    let txn = state.db.begin().await?;
    let saved = active.update(&txn).await?;
    enqueue_index(&txn, saved.id).await?;
    txn.commit().await?;
    state.index_wake.notify_one();
    one_view(state, saved, true).await
}

pub async fn archive(state: &AppState, auth: &AuthUser, key: &str) -> AppResult<()> {
    let article = find(&state.db, key).await?;
    if !may_read(&article, &draft_units(&state.db, Some(auth)).await?) {
        return Err(AppError::not_found());
    }
    if !can_edit(auth, article.unit_code.as_deref()) {
        return Err(AppError::forbidden());
    }
    let mut active = article.into_active_model();
    active.status = Set(ArticleStatus::Archived.as_str().to_owned());
    active.updated_at = Set(Utc::now());
    let txn = state.db.begin().await?;
    let saved = active.update(&txn).await?;
    enqueue_index(&txn, saved.id).await?;
    txn.commit().await?;
    state.index_wake.notify_one();
    Ok(())
}

pub async fn list(
    state: &AppState,
    auth: Option<&AuthUser>,
    q: ArticleListQuery,
) -> AppResult<Page<ArticleView>> {
    let (page, per_page) = PageQuery {
        page: q.page,
        per_page: q.per_page,
    }
    .resolve(20)?;
    let drafts = draft_units(&state.db, auth).await?;
    let mut visible = Condition::any().add(A::Status.eq(ArticleStatus::Published.as_str()));
    match &drafts {
        None => visible = Condition::all(),
        Some(units) if !units.is_empty() => {
            visible = visible.add(A::UnitCode.is_in(units.iter().cloned()));
        }
        Some(_) => {}
    }
    let mut query = knowledge_article::Entity::find().filter(visible);
    if let Some(status) = q.status {
        query = query.filter(A::Status.eq(status.as_str()));
    }
    if let Some(category) = q.category {
        query = query.filter(A::Category.eq(category.as_str()));
    }
    match q.unit.as_deref() {
        Some(NATIONAL) => query = query.filter(A::UnitCode.is_null()),
        Some(code) => query = query.filter(A::UnitCode.eq(code)),
        None => {}
    }
    if let Some(words) = q.q.as_deref().map(str::trim).filter(|w| !w.is_empty()) {
        for word in words.split_whitespace().take(8) {
            query = query.filter(
                Expr::expr(sea_orm::sea_query::Func::lower(Expr::col(A::Title)))
                    .like(crate::db::like_lowered("%", word, "%")),
            );
        }
    }
    let paginator = query
        .order_by_desc(A::UpdatedAt)
        .order_by_asc(A::Id)
        .paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(page - 1).await?;
    Ok(Page {
        items: views(&state.db, rows, is_staff(auth)).await?,
        total,
        page,
        per_page,
    })
}

pub async fn search(index: &SharedIndex, params: SearchParams) -> AppResult<SearchResults> {
    let (page, per_page) = PageQuery {
        page: params.page,
        per_page: params.per_page,
    }
    .resolve(10)?;
    if page * per_page > MAX_SEARCH_RESULTS {
        return Err(AppError::field(
            "page",
            format!("search results are limited to the first {MAX_SEARCH_RESULTS}"),
        ));
    }
    let q = params.q.trim();
    if q.is_empty() || q.chars().count() > 500 {
        return Err(AppError::field("q", "must be 1 to 500 characters"));
    }
    if let Some(unit) = &params.unit
        && (unit.is_empty() || unit.len() > 8)
    {
        return Err(AppError::field("unit", "must be a unit code"));
    }
    search::search(
        index.as_ref(),
        SearchRequest {
            q: q.to_owned(),
            category: params.category.map(|c| c.as_str().to_owned()),
            unit: params.unit,
            offset: usize::try_from((page - 1) * per_page).unwrap_or(usize::MAX),
            limit: usize::try_from(per_page).unwrap_or(10),
        },
    )
    .await
    .map_err(|e| {
        tracing::error!(error = %e, "knowledge search failed");
        AppError::new(ErrorCode::Unavailable).with_detail("The search is not available right now.")
    })
}
