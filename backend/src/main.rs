use anyhow::Context;
use clap::{Parser, Subcommand};
use statkonsul::{
    app::{self, Application},
    config::{LogFormat, Settings},
    db::Db,
    seed,
    staff::{self, CreateStaffRequest},
    state::AppState,
    vocab::Role,
};
use tracing_subscriber::{EnvFilter, fmt::format::FmtSpan};
use validator::Validate;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "statkonsul",
    version,
    about = "Statistical consultation services (PST)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API and the web app (applies migrations first).
    Serve,
    /// Apply database migrations.
    Migrate,
    /// Load reference data (units, service standards, holidays, search synonyms); --demo adds
    /// demo accounts and the demo knowledge-base articles.
    Seed {
        #[arg(long)]
        demo: bool,
    },
    /// Manage staff accounts.
    Staff {
        #[command(subcommand)]
        command: StaffCommand,
    },
    /// Print the OpenAPI document.
    Openapi,
    /// Rebuild the knowledge search index from the database. The embedded index cannot be
    /// rebuilt while a server uses it: stop the server first (or delete DATA_DIR/knowledge-index
    /// and restart: a missing index is rebuilt at start).
    Reindex,
    /// Timers (auto-close of silent consultations and its warning).
    Jobs {
        #[command(subcommand)]
        command: JobsCommand,
    },
}

#[derive(Subcommand)]
enum JobsCommand {
    /// Run every due timer once, as if at `--at` (RFC 3339; default now).
    RunOnce {
        #[arg(long)]
        at: Option<String>,
    },
}

#[derive(Subcommand)]
enum StaffCommand {
    /// Create a staff account (this is how the first admin is made).
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        password: String,
        /// officer, front_office, supervisor or admin
        #[arg(long)]
        role: String,
        /// Unit code (required for every role but admin)
        #[arg(long)]
        unit: Option<String>,
        #[arg(long, default_value = "Staf PST")]
        name: String,
    },
}

async fn state(settings: Settings) -> anyhow::Result<AppState> {
    let conn = Db::connect(
        settings.database_url.expose(),
        settings.database_max_connections,
    )
    .await?;
    conn.migrate().await?;
    Ok(AppState::new(conn, settings))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let _ = dotenvy::dotenv();
    let cli = Cli::parse();
    if let Command::Openapi = cli.command {
        print!("{}", app::openapi_json());
        return Ok(());
    }
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match LogFormat::from_env()? {
        LogFormat::Text => logs.init(),
        // One object a line, for a log collector, with the fields of the request it happened
        // in (`span`: its id, route and status among them); and a line as each request ends
        // (its span closes, with the time it took): the access log.
        LogFormat::Json => logs
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .with_span_events(FmtSpan::CLOSE)
            .init(),
    }
    let settings = Settings::from_env()?;
    match cli.command {
        Command::Openapi => {}
        Command::Serve => {
            let bind = settings.bind_addr.clone();
            let app = Application::build(settings).await?;
            tracing::info!(address = %bind, port = app.port(), "serving");
            app.run_until_stopped().await?;
        }
        Command::Migrate => {
            let conn = Db::connect(
                settings.database_url.expose(),
                settings.database_max_connections,
            )
            .await?;
            conn.migrate().await?;
            println!("migrations applied");
        }
        Command::Seed { demo } => {
            let state = state(settings).await?;
            let report = seed::run(&state, demo).await?;
            println!(
                "seeded: {} units, {} service standards, {} holidays, {} accounts, {} synonym groups, \
                 {} knowledge articles, walk-in services for {} units, {} answer templates \
                 (existing data kept)",
                report.units,
                report.service_standards,
                report.holidays,
                report.accounts,
                report.synonym_groups,
                report.articles,
                report.walkin_units,
                report.templates
            );
        }
        Command::Reindex => {
            let state = state(settings).await?;
            let index = statkonsul::search::open(&state.settings)
                .await
                .context("opening the knowledge index (is a server using it?)")?;
            statkonsul::knowledge::indexer::load_synonyms(&state.db, &index).await?;
            let count = statkonsul::knowledge::indexer::rebuild(&state.db, &index).await?;
            println!(
                "reindexed {count} published articles into the {} index",
                index.engine()
            );
        }
        Command::Jobs {
            command: JobsCommand::RunOnce { at },
        } => {
            let at = match at {
                Some(text) => chrono::DateTime::parse_from_rfc3339(&text)
                    .context("--at must be an RFC 3339 time, e.g. 2026-11-28T09:00:00+07:00")?
                    .with_timezone(&chrono::Utc),
                None => chrono::Utc::now(),
            };
            let state = state(settings).await?;
            let report = statkonsul::jobs::run_due(&state, at)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            // Deliver what the jobs wrote now rather than waiting for the server's worker.
            let mailer = statkonsul::notify::worker::Mailer::new(
                state.settings.smtp_url.as_ref().map(|s| s.expose()),
                &state.settings.mail_from,
            )?;
            let sent = statkonsul::notify::worker::deliver_due(&state.db, &mailer).await?;
            println!(
                "jobs at {at}: {} warned, {} closed, {sent} emails sent, {} walk-in tickets not served",
                report.warned, report.closed, report.not_served
            );
        }
        Command::Staff {
            command:
                StaffCommand::Create {
                    email,
                    password,
                    role,
                    unit,
                    name,
                },
        } => {
            let role = Role::parse(&role)
                .context("role must be officer, front_office, supervisor or admin")?;
            let state = state(settings).await?;
            let request = CreateStaffRequest {
                email,
                password,
                full_name: name,
                role,
                unit_code: unit,
            };
            request
                .validate()
                .map_err(|e| anyhow::anyhow!("invalid staff account: {e}"))?;
            let created = staff::service::create(&state, None, request)
                .await
                .map_err(|e| anyhow::anyhow!("{e}: {:?}", e.errors))?;
            println!(
                "created {} ({}) {}",
                created.email,
                created.role.as_str(),
                created.id
            );
        }
    }
    Ok(())
}
