use axum::serve::{Listener, ListenerExt};
use clap::Parser;
use tokio::net::TcpListener;

use ascend_server::{AppState, Config, app, db, demo, today_from_clock};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "ascend_server=info,tower_http=warn".into()),
        )
        .init();
    let config = Config::parse();

    let pool = db::connect(&config.database_url).await?;
    if config.demo_data {
        let added = demo::seed_if_empty(&pool, today_from_clock()).await?;
        if added > 0 {
            tracing::info!(jobs = added, "filled the empty database with demo data");
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

    let app = app(AppState::new(pool), &config.dist);
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
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
