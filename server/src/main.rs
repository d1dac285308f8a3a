use std::io::IsTerminal;

use clap::Parser;
use tokio::net::TcpListener;

use ascend_server::app::{Limits, app_with};
use ascend_server::config::{Args, Command, ServeArgs};
use ascend_server::domain::Board;
use ascend_server::{AppState, ingest, seed, store};
use ascend_types::date::today_utc;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "ascend_server=info,tower_http=warn".into()),
        )
        // Colour codes only for a person at a terminal, not in a log file.
        .with_ansi(std::io::stdout().is_terminal())
        .init();
    let args = Args::parse();
    let pool = store::pool::connect_with(&args.database_url, args.serve.db_acquire_timeout).await?;

    match args.command.clone().unwrap_or(Command::Serve) {
        Command::Serve => serve(args, pool).await,
        Command::Seed => {
            let started = std::time::Instant::now();
            let size = args.demo.size();
            let written = seed::store_generated(&pool, size, today_utc()).await?;
            println!(
                "seeded {} companies and {} jobs ({written} written) in {:.1?}",
                size.companies,
                size.jobs,
                started.elapsed()
            );
            Ok(())
        }
        Command::Import { file, company } => {
            let bytes =
                std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            let report =
                ingest::import_file(&pool, &bytes, company.as_deref(), today_utc()).await?;
            for problem in &report.problems {
                eprintln!("record {}: {}", problem.position, problem.reason);
            }
            // Stored records that lost something on the way (markup in a
            // plain-text field), so the importer knows what was dropped.
            for note in &report.notes {
                eprintln!("{note}");
            }
            let unstored = match report.unstored {
                0 => String::new(),
                n => format!(", {n} not stored (the database stayed busy: import the file again)"),
            };
            println!(
                "{}: {} inserted, {} updated, {} unchanged, {} rejected{unstored}",
                file.display(),
                report.inserted,
                report.updated,
                report.unchanged,
                report.problems.len() - report.unstored,
            );
            if report.problems.is_empty() {
                Ok(())
            } else {
                std::process::exit(1)
            }
        }
    }
}

async fn serve(args: Args, pool: sqlx::SqlitePool) -> Result<(), Box<dyn std::error::Error>> {
    let ServeArgs {
        addr,
        dist,
        demo_data,
        public_url,
        trusted_proxies,
        write_limit,
        max_in_flight,
        request_timeout,
        ..
    } = args.serve.clone();
    args.serve.check()?;
    if !dist.join("index.html").exists() {
        tracing::warn!(dist = %dist.display(), "no built front end here; only the API will answer");
    }

    let connections = args.serve.connection_limits();
    let listener = TcpListener::bind(addr).await?;
    // Printed on stdout for scripts that start the server on port 0.
    println!(
        "ascend-server listening on http://{}",
        listener.local_addr()?
    );

    let board = Board::serving(pool);
    let state = AppState {
        board,
        public_url,
        write_limit,
        trusted_proxies,
        readiness: Default::default(),
    };
    // The server listens at once; /readyz says 503 until the demo data
    // (when asked for) is in and the indexes are built.
    let warm = state.clone();
    let demo = args.demo.size();
    tokio::spawn(async move {
        let pool = &warm.board.pool;
        if demo_data {
            let started = std::time::Instant::now();
            match seed::seed_if_empty(pool, today_utc(), demo).await {
                Ok(0) => {}
                Ok(added) => {
                    tracing::info!(jobs = added, elapsed = ?started.elapsed(), "filled the empty database with demo data")
                }
                Err(error) => {
                    tracing::error!(%error, "could not fill the empty database with demo data")
                }
            }
        } else if seed::is_empty(pool).await.unwrap_or(false) {
            tracing::warn!(
                "the database has no jobs yet: start with --demo-data (ASCEND_DEMO_DATA=true) for demo \
                 data, or run `ascend-server seed`, or `ascend-server import FILE`"
            );
        }
        let started = std::time::Instant::now();
        match ascend_server::app::prepare(&warm).await {
            Ok(()) => tracing::info!(elapsed = ?started.elapsed(), "ready"),
            Err(error) => tracing::warn!(
                error = %ascend_server::error::chain(&error),
                "could not prepare the search and similar-jobs indexes"
            ),
        }
    });
    let app = app_with(
        state,
        &dist,
        Limits {
            max_in_flight,
            request_timeout,
        },
    );
    tracing::info!(
        max_connections = connections.max_connections,
        header_timeout = ?connections.header_timeout,
        body_timeout = ?connections.body_timeout,
        idle_timeout = ?connections.idle_timeout,
        "accepting connections"
    );
    ascend_server::serve::serve(listener, app, connections, shutdown_signal()).await?;
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
