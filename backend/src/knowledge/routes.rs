use actix_web::{HttpResponse, delete, get, post, put, web};
use uuid::Uuid;

use super::{model::*, service};
use crate::{
    api::{
        BadRequest, Conflict, Forbidden, NotFound, Page, TooMany, Unauthenticated, Unprocessable,
        ValidJson,
    },
    caller::{AuthUser, MaybeAuth},
    consultations::model::ConsultationView,
    error::AppResult,
    search::{SearchResults, SharedIndex},
    state::AppState,
};

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(search)
        .service(list_articles)
        .service(create_article)
        .service(get_article)
        .service(update_article)
        .service(archive_article)
        .service(vote_on_article)
        .service(get_synonyms)
        .service(put_synonyms)
        .service(to_curate)
        .service(promote);
}

/// Search the published articles (public; used for suggestions while a question is typed).
/// Title matches rank over question matches over answer matches; the chosen unit's and national
/// articles come first. Indonesian-aware: stemming, stop words, typo tolerance and synonyms.
#[utoipa::path(
    tag = "knowledge",
    params(SearchParams),
    responses(
        (status = 200, description = "One page of hits.", body = SearchResults),
        (status = 400, response = BadRequest),
        (status = 422, response = Unprocessable),
    )
)]
#[get("/knowledge/search")]
async fn search(
    index: web::Data<SharedIndex>,
    state: web::Data<AppState>,
    query: web::Query<SearchParams>,
) -> AppResult<web::Json<SearchResults>> {
    let params = query.into_inner();
    let unit = params.unit.clone();
    let first_page = params.page.unwrap_or(1) <= 1;
    let results = service::search(&index, params).await?;
    // Counted for the reports (searches and deflections); the first page only, so paging
    // through results is one search.
    if first_page {
        state.searches.count(state.clock.now(), unit.as_deref());
    }
    Ok(web::Json(results))
}

/// Articles: published ones for everyone; drafts and archived ones also for the unit's staff.
/// With a token, staff see their units' unpublished articles too.
#[utoipa::path(
    tag = "knowledge",
    security((), ("bearer" = [])),
    params(ArticleListQuery),
    responses(
        (status = 200, description = "One page, most recently updated first.", body = Page<ArticleView>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 422, response = Unprocessable),
    )
)]
#[get("/knowledge/articles")]
async fn list_articles(
    auth: MaybeAuth,
    state: web::Data<AppState>,
    query: web::Query<ArticleListQuery>,
) -> AppResult<web::Json<Page<ArticleView>>> {
    Ok(web::Json(
        service::list(&state, auth.0.as_ref(), query.into_inner()).await?,
    ))
}

/// Write an article (officers and supervisors of its unit; national articles: admins). Drafts
/// unless `status` says otherwise; published ones are searchable within seconds.
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    request_body = ArticleRequest,
    responses(
        (status = 201, description = "Created.", body = ArticleView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/knowledge/articles")]
async fn create_article(
    auth: AuthUser,
    state: web::Data<AppState>,
    body: ValidJson<ArticleRequest>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Created().json(service::create(&state, &auth, body.0).await?))
}

/// One article by id or slug. Reading a published article counts a view.
#[utoipa::path(
    tag = "knowledge",
    security((), ("bearer" = [])),
    params(("id" = String, Path, description = "The article's id or slug", example = "inflasi-cara-membaca-ihk")),
    responses(
        (status = 200, description = "The article.", body = ArticleView),
        (status = 401, response = Unauthenticated),
        (status = 404, response = NotFound),
    )
)]
#[get("/knowledge/articles/{id}")]
async fn get_article(
    auth: MaybeAuth,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> AppResult<web::Json<ArticleView>> {
    Ok(web::Json(service::get(&state, auth.0.as_ref(), &id).await?))
}

/// Replace an article's content, unit and (optionally) status.
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The article's id or slug")),
    request_body = ArticleRequest,
    responses(
        (status = 200, description = "Saved.", body = ArticleView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[put("/knowledge/articles/{id}")]
async fn update_article(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: ValidJson<ArticleRequest>,
) -> AppResult<web::Json<ArticleView>> {
    Ok(web::Json(
        service::update(&state, &auth, &id, body.0).await?,
    ))
}

/// Archive an article: it leaves the public pages and the search index; it is not erased.
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The article's id or slug")),
    responses(
        (status = 204, description = "Archived."),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    )
)]
#[delete("/knowledge/articles/{id}")]
async fn archive_article(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    service::archive(&state, &auth, &id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// "This answered my question" / "I still need help" (anyone). From the new-consultation form,
/// a helpful answer counts as a question that did not need to be asked. Three answers per
/// article and reader (account, or address when anonymous) an hour; 429 beyond.
#[utoipa::path(
    tag = "knowledge",
    security((), ("bearer" = [])),
    params(("id" = String, Path, description = "The article's id or slug")),
    request_body = VoteRequest,
    responses(
        (status = 204, description = "Counted."),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
        (status = 429, response = TooMany),
    )
)]
#[post("/knowledge/articles/{id}/feedback")]
async fn vote_on_article(
    auth: MaybeAuth,
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: ValidJson<VoteRequest>,
) -> AppResult<HttpResponse> {
    let address = crate::api::client_address(&req);
    service::vote(&state, auth.0.as_ref(), &address, &id, body.0).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The synonym list the search expands queries with (staff).
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The groups.", body = SynonymList),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
    )
)]
#[get("/knowledge/synonyms")]
async fn get_synonyms(
    auth: AuthUser,
    state: web::Data<AppState>,
) -> AppResult<web::Json<SynonymList>> {
    Ok(web::Json(service::synonym_list(&state, &auth).await?))
}

/// Replace the synonym list (officers, supervisors, admins); searches use it at once.
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    request_body = SynonymList,
    responses(
        (status = 200, description = "Saved (terms trimmed and lower-cased).", body = SynonymList),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[put("/knowledge/synonyms")]
async fn put_synonyms(
    auth: AuthUser,
    state: web::Data<AppState>,
    index: web::Data<SharedIndex>,
    body: ValidJson<SynonymList>,
) -> AppResult<web::Json<SynonymList>> {
    Ok(web::Json(
        service::put_synonyms(&state, &index, &auth, body.0).await?,
    ))
}

/// Consultations marked "to index" that no article has been promoted from yet (staff).
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    params(CurationQuery),
    responses(
        (status = 200, description = "One page, oldest first.", body = Page<ConsultationView>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[get("/knowledge/to-curate")]
async fn to_curate(
    auth: AuthUser,
    state: web::Data<AppState>,
    query: web::Query<CurationQuery>,
) -> AppResult<web::Json<Page<ConsultationView>>> {
    Ok(web::Json(
        service::to_curate(&state, &auth, query.into_inner()).await?,
    ))
}

/// Turn an answered consultation (or the chosen final-answer messages) into a draft article,
/// prefilled from its subject, question and answers, with names, emails, phone and identity
/// numbers stripped. The officer edits and publishes it.
#[utoipa::path(
    tag = "knowledge",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = PromoteRequest,
    responses(
        (status = 201, description = "The draft.", body = ArticleView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthenticated),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[post("/consultations/{id}/promote")]
async fn promote(
    auth: AuthUser,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: ValidJson<PromoteRequest>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Created().json(service::promote(&state, &auth, *id, body.0).await?))
}
