//! Configuration from environment variables (a `.env` file is read first when present).
use std::{env, fmt, path::PathBuf, time::Duration};

use anyhow::{Context, bail};
use rand::RngCore;

/// A value that must never reach a log line.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub dev_mode: bool,
    pub database_url: Secret,
    /// Pooled connections: PostgreSQL's pool, or SQLite's readers beside its one writer; `None`
    /// leaves it to [`crate::db::Db::connect`] (16 on PostgreSQL, two per core on SQLite).
    pub database_max_connections: Option<u32>,
    pub bind_addr: String,
    pub public_url: String,
    /// `STATIC_DIR`: the built web app in a folder; unset, the one built into the binary.
    pub static_dir: Option<PathBuf>,
    pub data_dir: PathBuf,
    pub smtp_url: Option<Secret>,
    /// Meilisearch for the knowledge index; unset: the embedded index under `data_dir`.
    pub meili_url: Option<String>,
    pub meili_api_key: Option<Secret>,
    /// The Meilisearch index name (a schema version is appended).
    pub meili_index: String,
    pub mail_from: String,
    pub jwt_secret: Secret,
    pub cors_origins: Vec<String>,
    /// Reverse proxies whose `X-Forwarded-For` names the client (`TRUSTED_PROXIES`).
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Origins that may show the walk-in display board in a frame (`BOARD_FRAME_ANCESTORS`).
    pub board_frame_ancestors: Vec<String>,
    pub access_token_ttl: Duration,
    pub refresh_token_ttl: Duration,
    /// How often the outbox worker looks for mail that is due (it is also woken on every new email).
    pub outbox_poll_interval: Duration,
    /// How often timers (auto-close and its warning) are checked.
    pub jobs_interval: Duration,
    /// The bearer token a Prometheus scrape of `/metrics` sends (`METRICS_TOKEN`); unset, the
    /// metrics are not served.
    pub metrics_token: Option<Secret>,
}

/// How log lines are written (`LOG_FORMAT`, read before the rest: logging starts first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

impl LogFormat {
    /// `LOG_FORMAT`: `text` (the default) or `json`.
    pub fn from_env() -> anyhow::Result<Self> {
        match var("LOG_FORMAT").map(|v| v.to_ascii_lowercase()).as_deref() {
            None | Some("text") => Ok(Self::Text),
            Some("json") => Ok(Self::Json),
            Some(other) => bail!("LOG_FORMAT must be `text` or `json`, not `{other}`"),
        }
    }
}

/// Largest JSON body accepted; larger ones get 413 `payload_too_large`.
pub const JSON_LIMIT_BYTES: usize = 256 * 1024;

pub const MIN_JWT_SECRET_LEN: usize = 32;

/// A scrape token short enough to guess is refused at start.
pub const MIN_METRICS_TOKEN_LEN: usize = 16;

fn var(name: &str) -> Option<String> {
    env::var(name)
        .ok()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

impl Settings {
    /// Reads the environment. Outside dev mode (`APP_ENV=production`) a missing or short
    /// `JWT_SECRET` is an error; in dev mode a random secret is kept under `DATA_DIR`.
    pub fn from_env() -> anyhow::Result<Self> {
        let app_env = var("APP_ENV").unwrap_or_else(|| "dev".into());
        let dev_mode = match app_env.as_str() {
            "dev" | "development" | "test" => true,
            "prod" | "production" => false,
            other => bail!("APP_ENV must be `dev` or `production`, not `{other}`"),
        };
        let data_dir = PathBuf::from(var("DATA_DIR").unwrap_or_else(|| "./data".into()));
        let database_url = var("DATABASE_URL")
            .unwrap_or_else(|| format!("sqlite://{}/statkonsul.db?mode=rwc", data_dir.display()));
        let bind_addr = var("BIND_ADDR").unwrap_or_else(|| "127.0.0.1:8080".into());
        let public_url = var("PUBLIC_URL")
            .unwrap_or_else(|| format!("http://{bind_addr}"))
            .trim_end_matches('/')
            .to_owned();
        let jwt_secret = match var("JWT_SECRET") {
            Some(s) if s.len() >= MIN_JWT_SECRET_LEN => Secret::new(s),
            Some(_) if !dev_mode => bail!(
                "JWT_SECRET is too short: it must be at least {MIN_JWT_SECRET_LEN} characters"
            ),
            None if !dev_mode => bail!(
                "JWT_SECRET is required when APP_ENV=production (at least {MIN_JWT_SECRET_LEN} random characters)"
            ),
            _ => dev_jwt_secret(&data_dir)?,
        };
        let cors_origins = var("CORS_ORIGINS")
            .map(|v| {
                v.split(',')
                    .map(|o| o.trim().trim_end_matches('/').to_owned())
                    .filter(|o| !o.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let trusted_proxies = match var("TRUSTED_PROXIES") {
            Some(v) => crate::proxies::parse(&v)
                .map_err(|why| anyhow::anyhow!("TRUSTED_PROXIES: {why}"))?,
            None => Vec::new(),
        };
        let board_frame_ancestors = var("BOARD_FRAME_ANCESTORS")
            .map(|v| {
                v.split([',', ' '])
                    .map(|o| o.trim().trim_end_matches('/').to_owned())
                    .filter(|o| !o.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let seconds = |name: &str, default: u64| -> anyhow::Result<Duration> {
            Ok(Duration::from_secs(match var(name) {
                Some(v) => v
                    .parse()
                    .with_context(|| format!("{name} must be a number of seconds"))?,
                None => default,
            }))
        };
        Ok(Self {
            dev_mode,
            database_url: Secret::new(database_url),
            database_max_connections: var("DATABASE_MAX_CONNECTIONS")
                .map(|v| {
                    v.parse()
                        .ok()
                        .filter(|n| (1..=1000).contains(n))
                        .context("DATABASE_MAX_CONNECTIONS must be a number from 1 to 1000")
                })
                .transpose()?,
            bind_addr,
            public_url,
            static_dir: var("STATIC_DIR").map(PathBuf::from),
            smtp_url: var("SMTP_URL").map(Secret::new),
            meili_url: var("MEILI_URL"),
            meili_api_key: var("MEILI_API_KEY").map(Secret::new),
            meili_index: var("MEILI_INDEX").unwrap_or_else(|| "statkonsul_knowledge".into()),
            mail_from: var("MAIL_FROM")
                .unwrap_or_else(|| "Statkonsul <no-reply@statkonsul.localhost>".into()),
            jwt_secret,
            cors_origins,
            trusted_proxies,
            board_frame_ancestors,
            access_token_ttl: seconds("ACCESS_TOKEN_TTL_SECONDS", 15 * 60)?,
            refresh_token_ttl: seconds("REFRESH_TOKEN_TTL_SECONDS", 30 * 24 * 3600)?,
            outbox_poll_interval: seconds("OUTBOX_POLL_SECONDS", 5)?,
            jobs_interval: seconds("JOBS_INTERVAL_SECONDS", 60)?,
            metrics_token: match var("METRICS_TOKEN") {
                Some(t) if t.len() < MIN_METRICS_TOKEN_LEN => bail!(
                    "METRICS_TOKEN is too short: it must be at least {MIN_METRICS_TOKEN_LEN} characters"
                ),
                other => other.map(Secret::new),
            },
            data_dir,
        })
    }
}

/// In dev mode sessions survive restarts: the generated secret is kept in `DATA_DIR`.
fn dev_jwt_secret(data_dir: &std::path::Path) -> anyhow::Result<Secret> {
    let path = data_dir.join("dev-jwt-secret");
    if let Ok(existing) = std::fs::read_to_string(&path) {
        let existing = existing.trim();
        if existing.len() >= MIN_JWT_SECRET_LEN {
            return Ok(Secret::new(existing));
        }
    }
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let secret = hex::encode(bytes);
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("cannot create DATA_DIR {}", data_dir.display()))?;
    std::fs::write(&path, &secret).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(Secret::new(secret))
}
