use std::net::SocketAddr;

use axum::serve::{Listener, ListenerExt};
use clap::Parser;
use tokio::net::TcpListener;

use ascend_server::demo::{self, DemoSize};
use ascend_server::{AppState, Config, app, db, generate, import};
use ascend_types::date::today_utc;

#[derive(Parser)]
#[command(
    name = "ascend-server",
    version,
    about = "Ascend's JSON API and front-end server"
)]
struct Cli {
    #[command(flatten)]
    config: Config,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Serve the API and the front end (the default).
    Serve,
    /// Add generated companies and jobs (deterministic for the same seed and day).
    Seed {
        #[arg(long, default_value_t = 200)]
        companies: usize,
        #[arg(long, default_value_t = 5_000)]
        jobs: usize,
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
    /// Import jobs from Greenhouse, Lever or schema.org JobPosting JSON.
    Import {
        file: std::path::PathBuf,
        /// The employer, for files that do not name it (Lever, some Greenhouse boards).
        #[arg(long)]
        company: Option<String>,
    },
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "ascend_server=info,tower_http=warn".into()),
        )
        .init();
    let cli = Cli::parse();
    let config = cli.config;
    let pool = db::connect(&config.database_url).await?;

    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config, pool).await,
        Command::Seed {
            companies,
            jobs,
            seed,
        } => {
            let started = std::time::Instant::now();
            let generated = generate::generate(companies, jobs, seed, today_utc());
            let written = demo::store_all(&pool, &generated.companies, &generated.jobs).await?;
            println!(
                "seeded {} companies and {jobs} jobs ({written} written) in {:.1?}",
                generated.companies.len(),
                started.elapsed()
            );
            Ok(())
        }
        Command::Import { file, company } => {
            let bytes =
                std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            let report =
                import::import_file(&pool, &bytes, company.as_deref(), today_utc()).await?;
            for problem in &report.problems {
                eprintln!("record {}: {}", problem.position, problem.reason);
            }
            println!(
                "{}: {} inserted, {} updated, {} unchanged, {} rejected",
                file.display(),
                report.inserted,
                report.updated,
                report.unchanged,
                report.problems.len()
            );
            if report.problems.is_empty() {
                Ok(())
            } else {
                std::process::exit(1)
            }
        }
    }
}

async fn serve(config: Config, pool: sqlx::SqlitePool) -> Result<(), Box<dyn std::error::Error>> {
    if config.demo_data {
        let started = std::time::Instant::now();
        let size = DemoSize {
            companies: config.demo_companies,
            jobs: config.demo_jobs,
            ..DemoSize::default()
        };
        let added = demo::seed_if_empty(&pool, today_utc(), size).await?;
        if added > 0 {
            tracing::info!(jobs = added, elapsed = ?started.elapsed(), "filled the empty database with demo data");
        }
    }
    if !config.dist.join("index.html").exists() {
        tracing::warn!(dist = %config.dist.display(), "no built front end here; only the API will answer");
    }

    let listener = TcpListener::bind(config.addr)
        .await?
        // Without TCP_NODELAY small responses wait on Nagle's algorithm.
        .tap_io(|socket| {
            if let Err(error) = socket.set_nodelay(true) {
                tracing::warn!(%error, "could not set TCP_NODELAY");
            }
        });
    // Printed on stdout for scripts that start the server on port 0.
    println!(
        "ascend-server listening on http://{}",
        listener.local_addr()?
    );

    let mut state = AppState::new(pool);
    state.write_limit = config.write_limit;
    state.versions = std::sync::Arc::new(ascend_server::cache::DataVersion::default());
    state.search =
        std::sync::Arc::new(ascend_server::search::snapshot::SnapshotCache::serving_stale());
    state.public_url = config.public_url;
    let warm = state.clone();
    tokio::spawn(async move {
        if let Err(error) = warm_up(warm).await {
            tracing::warn!(
                ?error,
                "could not prepare the search and similar-jobs indexes"
            );
        }
    });
    let app = app(state, &config.dist);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    Ok(())
}

/// Builds the similar-jobs index, the search snapshot and its term list now
/// rather than in the first requests.
async fn warm_up(state: AppState) -> Result<(), ascend_server::error::AppError> {
    let version = state.versions.current(&state.pool).await?;
    let started = std::time::Instant::now();
    state.similar.get(&state.pool, version).await?;
    tracing::info!(elapsed = ?started.elapsed(), "similar-jobs index built");
    // The search snapshot logs how long it took; the term list for typo
    // correction takes a while to read too.
    let snapshot = state
        .search
        .get(&state.pool, version, state.today_days())
        .await?;
    snapshot.vocabulary(&state.pool).await?;
    Ok(())
}

/// Ctrl-C, or SIGTERM from a process manager or a test script.
async fn shutdown_signal() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {},
        _ = terminate => {},
    }
}
