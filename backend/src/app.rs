//! The composition root: builds and runs the server from its parts — middleware, the API route table (declared once and
//! also written to the OpenAPI document), Swagger UI, the SPA with its fallback, and workers.
use std::{net::TcpListener, sync::Arc};

use actix_cors::Cors;
use actix_web::{
    App, HttpRequest, HttpResponse, HttpServer,
    dev::Server,
    get,
    http::{Method, header},
    middleware, web,
};
use serde::Serialize;
use tokio::sync::watch;
use utoipa::{
    Modify, OpenApi, ToSchema,
    openapi::security::{HttpAuthScheme, SecurityScheme},
};
use utoipa_actix_web::{AppExt, service_config::ServiceConfig};
use utoipa_swagger_ui::SwaggerUi;

use crate::{
    config::{JSON_LIMIT_BYTES, Settings},
    db::Db,
    error::{self, AppError, ErrorCode},
    knowledge::indexer::Readiness,
    notify::worker::{self, Mailer},
    state::AppState,
    web_app::WebApp,
};

struct SecurityAddon;

impl Modify for SecurityAddon {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                utoipa::openapi::security::HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "Access token from POST /api/v1/auth/login, valid for 15 minutes; renew it with /api/v1/auth/refresh.",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "metrics_token",
            SecurityScheme::Http(
                utoipa::openapi::security::HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The server's METRICS_TOKEN, sent by a Prometheus scrape of /metrics.",
                    ))
                    .build(),
            ),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Statkonsul API",
        description = "Statistical consultation services of BPS regional units (PST): units and their \
            published service standards, accounts, the working-day calendar and staff.\n\n\
            Errors are `application/problem+json` (RFC 9457) with a stable `code`; validation errors \
            name the offending fields in `errors`. JSON bodies are limited to 262144 bytes. Lists are \
            paginated with `page` and `per_page` and carry `total`. Times are RFC 3339 in UTC. \
            Every answer, errors included, carries `X-Request-Id`: the request's own when it sent \
            one of 1 to 128 letters, digits or `-_.:`, else a new UUID; the server's log names \
            the request by it.",
        license(name = "Apache-2.0"),
    ),
    modifiers(&SecurityAddon),
    components(
        schemas(
            error::Problem,
            error::ErrorCode,
            crate::bus::LiveEvent,
            crate::live::ws::ClientMessage,
            // Only in query parameters.
            crate::reports::scope::ReportFormat,
        ),
        responses(
            crate::api::BadRequest,
            crate::api::Unauthenticated,
            crate::api::Forbidden,
            crate::api::NotFound,
            crate::api::Conflict,
            crate::api::Unprocessable,
            crate::api::TooMany,
            crate::api::UnsupportedMediaType,
            crate::api::PayloadTooLarge,
        )
    ),
    tags(
        (name = "auth", description = "Registration, email verification, login and sessions, password reset"),
        (name = "me", description = "The caller's own account"),
        (name = "units", description = "Units, their service standards and settings"),
        (name = "holidays", description = "Holidays and collective leave days"),
        (name = "staff", description = "Staff accounts and roles"),
        (name = "ratings", description = "Satisfaction ratings (SKM)"),
        (name = "reports", description = "Reports for the head of the dissemination team: satisfaction (IKM), service levels, volumes, exports, the feedback-analysis report"),
        (name = "complaints", description = "Complaints, suggestions and appreciation (pengaduan), with tracking codes"),
        (name = "chat", description = "Messages, attachments, read receipts and the live WebSocket"),
        (name = "consultations", description = "Online consultations: the queue, deadlines, closing, follow-ups"),
        (name = "health", description = "Liveness, readiness and metrics"),
        (name = "walkin", description = "Walk-in service: services, desks, queue tickets, the display board, the guest book, the day's figures"),
        (name = "templates", description = "Answer templates (canned responses) of a unit and national ones, filled for a consultation"),
        (name = "knowledge", description = "The knowledge base: search, articles, synonyms, promotion of answered consultations"),
    )
)]
struct ApiDoc;

/// Every documented route, declared once: the server mounts it and `openapi()` describes it.
fn api(cfg: &mut ServiceConfig) {
    cfg.service(healthz).service(readyz).service(
        utoipa_actix_web::scope("/api/v1")
            .configure(crate::auth::routes::configure)
            .configure(crate::units::routes::configure)
            .configure(crate::holidays::routes::configure)
            .configure(crate::staff::routes::configure)
            .configure(crate::audit::routes::configure)
            .configure(crate::consultations::routes::configure)
            .configure(crate::chat::routes::configure)
            .configure(crate::live::configure)
            .configure(crate::ratings::routes::configure)
            .configure(crate::complaints::routes::configure)
            .configure(crate::reports::routes::configure)
            .configure(crate::knowledge::routes::configure)
            .configure(crate::templates::routes::configure)
            .configure(crate::walkin::routes::configure),
    );
    cfg.configure(crate::monitoring::configure);
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, mut api_doc) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(api)
        .split_for_parts();
    // After the routes are in: it documents their common answers.
    crate::api::CommonResponses.modify(&mut api_doc);
    crate::idempotency::Documented.modify(&mut api_doc);
    api_doc
}

/// The OpenAPI document as committed in `openapi/openapi.json`.
pub fn openapi_json() -> String {
    let mut json = openapi().to_pretty_json().unwrap_or_default();
    json.push('\n');
    json
}

/// What the health checks answer.
#[derive(Serialize, ToSchema)]
struct Health {
    status: HealthState,
}

/// `ok` from the liveness check, `ready` from the readiness check.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
enum HealthState {
    Ok,
    Ready,
}

/// Liveness: the process answers.
#[utoipa::path(tag = "health", responses((status = 200, description = "Alive.", body = Health)))]
#[get("/healthz")]
async fn healthz() -> web::Json<Health> {
    web::Json(Health {
        status: HealthState::Ok,
    })
}

/// Readiness: the database answers, every migration is applied, and the knowledge index has
/// been filled since start-up (a new or emptied index is rebuilt from the database first, so a
/// load balancer sends no search to a server whose index is still empty).
#[utoipa::path(
    tag = "health",
    responses(
        (status = 200, description = "Ready.", body = Health),
        (status = 503, description = "Not ready: the database does not answer or is not migrated, or the knowledge index is still being filled.", body = error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/readyz")]
async fn readyz(
    state: web::Data<AppState>,
    index: web::Data<Readiness>,
) -> Result<web::Json<Health>, AppError> {
    state
        .db
        .ready()
        .await
        .map_err(|why| AppError::new(ErrorCode::Unavailable).with_detail(why))?;
    if !index.is_ready() {
        return Err(AppError::new(ErrorCode::Unavailable)
            .with_detail("the knowledge index is still being filled"));
    }
    Ok(web::Json(Health {
        status: HealthState::Ready,
    }))
}

/// Path templates and methods of the API, for 404 versus 405 on unmatched requests.
struct RouteTable(Vec<(Vec<String>, Vec<Method>)>);

impl RouteTable {
    fn from_openapi(doc: &utoipa::openapi::OpenApi) -> Self {
        let routes = doc
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let segments = path.split('/').map(str::to_owned).collect();
                let methods = [
                    (Method::GET, item.get.is_some()),
                    (Method::PUT, item.put.is_some()),
                    (Method::POST, item.post.is_some()),
                    (Method::DELETE, item.delete.is_some()),
                    (Method::PATCH, item.patch.is_some()),
                ]
                .into_iter()
                .filter_map(|(m, present)| present.then_some(m))
                .collect();
                (segments, methods)
            })
            .collect();
        Self(routes)
    }

    fn allowed(&self, path: &str) -> Option<String> {
        let wanted: Vec<&str> = path.trim_end_matches('/').split('/').collect();
        let mut methods: Vec<&str> = self
            .0
            .iter()
            .filter(|(segments, _)| {
                segments.len() == wanted.len()
                    && segments
                        .iter()
                        .zip(&wanted)
                        .all(|(s, w)| (s.starts_with('{') && !w.is_empty()) || s == w)
            })
            .flat_map(|(_, m)| m.iter().map(Method::as_str))
            .collect();
        methods.sort_unstable();
        methods.dedup();
        (!methods.is_empty()).then(|| methods.join(", "))
    }
}

fn method_not_allowed(allow: String) -> actix_web::Error {
    let mut e = AppError::new(ErrorCode::MethodNotAllowed).with_detail(format!("Allowed: {allow}"));
    e.allow = Some(allow);
    e.into()
}

/// Unmatched requests: problems for the API, the SPA (files, else index.html) for the rest.
async fn fallback(
    req: HttpRequest,
    routes: web::Data<RouteTable>,
    web_app: web::Data<WebApp>,
) -> Result<HttpResponse, actix_web::Error> {
    let path = req.path();
    if crate::security_headers::is_api(path) {
        return Err(match routes.allowed(path) {
            Some(allow) => method_not_allowed(allow),
            None => AppError::not_found().into(),
        });
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return Err(method_not_allowed("GET, HEAD".into()));
    }
    Ok(web_app.serve(&req, path).await?)
}

fn cors(origins: &[String]) -> Cors {
    let mut cors = Cors::default()
        .allowed_methods(["GET", "POST", "PUT", "PATCH", "DELETE"])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::ACCEPT,
            header::HeaderName::from_static("idempotency-key"),
            crate::request_id::HEADER,
        ])
        .expose_headers([header::RETRY_AFTER, crate::request_id::HEADER])
        .max_age(3600);
    for origin in origins {
        cors = cors.allowed_origin(origin);
    }
    cors
}

pub struct Application {
    port: u16,
    server: Server,
    state: web::Data<AppState>,
    mailer: Arc<Mailer>,
    index: web::Data<crate::search::SharedIndex>,
    readiness: web::Data<Readiness>,
}

impl Application {
    /// Connects, migrates, binds (port 0 picks a free port) and prepares the server.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let db = Db::connect(
            settings.database_url.expose(),
            settings.database_max_connections,
        )
        .await?;
        db.migrate().await?;
        let mailer = Arc::new(Mailer::new(
            settings.smtp_url.as_ref().map(|s| s.expose()),
            &settings.mail_from,
        )?);
        let listener = TcpListener::bind(&settings.bind_addr)
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", settings.bind_addr))?;
        let port = listener.local_addr()?.port();
        let cors_origins = settings.cors_origins.clone();
        let index = web::Data::new(crate::search::open(&settings).await?);
        let state = web::Data::new(AppState::new(db, settings));
        // Several instances on one PostgreSQL: live events cross them.
        state.bus.connect_postgres(&state.db).await?;
        let api_doc = openapi();
        let routes = web::Data::new(RouteTable::from_openapi(&api_doc));
        let web_app = web::Data::new(WebApp::new(state.settings.static_dir.clone()));
        let app_state = state.clone();
        let app_index = index.clone();
        let readiness = web::Data::new(Readiness::default());
        let app_readiness = readiness.clone();
        let server = HttpServer::new(move || {
            App::new()
                .into_utoipa_app()
                .configure(api)
                .into_app()
                .app_data(app_state.clone())
                .app_data(app_index.clone())
                .app_data(app_readiness.clone())
                .app_data(routes.clone())
                .app_data(web_app.clone())
                .app_data(
                    web::JsonConfig::default()
                        .limit(JSON_LIMIT_BYTES)
                        .error_handler(error::json_error),
                )
                .app_data(web::PayloadConfig::new(JSON_LIMIT_BYTES))
                .app_data(web::QueryConfig::default().error_handler(error::query_error))
                .app_data(web::PathConfig::default().error_handler(error::path_error))
                .service(
                    SwaggerUi::new("/api/docs/{_:.*}").url("/api/openapi.json", api_doc.clone()),
                )
                .default_service(web::to(fallback))
                .wrap(middleware::from_fn(crate::idempotency::honour))
                .wrap(middleware::Condition::new(
                    !cors_origins.is_empty(),
                    cors(&cors_origins),
                ))
                .wrap(middleware::from_fn(crate::audit::record::record))
                .wrap(middleware::from_fn(crate::security_headers::add))
                .wrap(middleware::Compress::default())
                .wrap(middleware::from_fn(crate::monitoring::record))
                .wrap(tracing_actix_web::TracingLogger::<
                    crate::request_span::RedactingRootSpan,
                >::new())
                .wrap(middleware::from_fn(crate::request_id::assign))
        })
        .listen(listener)?
        .shutdown_timeout(20)
        .run();
        Ok(Self {
            port,
            server,
            state,
            mailer,
            index,
            readiness,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn state(&self) -> web::Data<AppState> {
        self.state.clone()
    }

    pub fn knowledge_index(&self) -> crate::search::SharedIndex {
        self.index.get_ref().clone()
    }

    /// Serves until SIGTERM/SIGINT (graceful: in-flight requests finish), then stops the workers.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let (stop, stopped) = watch::channel(false);
        let outbox = tokio::spawn(worker::run(
            self.state.db.clone(),
            self.mailer.clone(),
            self.state.outbox_wake.clone(),
            self.state.settings.outbox_poll_interval,
            stopped,
        ));
        let jobs = tokio::spawn(crate::jobs::schedule(
            self.state.clone(),
            self.state.settings.jobs_interval,
            stop.subscribe(),
        ));
        let indexer = tokio::spawn(crate::knowledge::indexer::run(
            self.state.db.clone(),
            self.index.get_ref().clone(),
            self.state.index_wake.clone(),
            self.readiness.get_ref().clone(),
            stop.subscribe(),
        ));
        let result = self.server.await;
        let _ = stop.send(true);
        let _ = outbox.await;
        let _ = jobs.await;
        let _ = indexer.await;
        result.map_err(Into::into)
    }
}
