//! Every setting, each a flag or its environment variable, with its default
//! written once.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::api::limits::TrustedProxies;
use crate::seed::DemoSize;
use crate::serve::{ConnectionLimits, default_max_connections};
use crate::site::origin::parse_public_url;

#[derive(Debug, Clone, clap::Parser)]
#[command(
    name = "ascend-server",
    version,
    about = "Ascend's JSON API and front-end server"
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Database URL; a SQLite file is created and migrated when missing.
    #[arg(
        long,
        global = true,
        env = "ASCEND_DATABASE_URL",
        default_value = "sqlite://data/ascend.db"
    )]
    pub database_url: String,
    #[command(flatten)]
    pub serve: ServeArgs,
    #[command(flatten)]
    pub demo: DemoArgs,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum Command {
    /// Serve the API and the front end (the default).
    Serve,
    /// Add generated companies and jobs (deterministic for the same seed and day).
    Seed,
    /// Import jobs from Greenhouse, Lever or schema.org JobPosting JSON.
    Import {
        file: PathBuf,
        /// The employer, for files that do not name it (Lever, some Greenhouse boards).
        #[arg(long)]
        company: Option<String>,
    },
}

/// How the server listens and answers.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks a free one.
    #[arg(long, env = "ASCEND_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Folder of the built front end (trunk's output).
    #[arg(long, env = "ASCEND_DIST", default_value = "dist")]
    pub dist: PathBuf,
    /// Fill an empty database with demo data on start (`make run` does).
    #[arg(long, env = "ASCEND_DEMO_DATA", default_value_t = false, action = clap::ArgAction::Set)]
    pub demo_data: bool,
    /// The site's public origin (`https://ascend.example`) for canonical and
    /// OpenGraph URLs. Required when listening beyond loopback; on loopback
    /// they come from the request's Host header.
    #[arg(long, env = "ASCEND_PUBLIC_URL", value_parser = parse_public_url)]
    pub public_url: Option<String>,
    /// Addresses or CIDR ranges of proxies whose `X-Forwarded-For` is
    /// believed, comma-separated; other clients are known by their socket.
    #[arg(long, env = "ASCEND_TRUSTED_PROXIES", default_value = "", value_parser = TrustedProxies::parse)]
    pub trusted_proxies: TrustedProxies,
    /// Writes (sign-ups) one client may send per minute, on each route.
    #[arg(long, env = "ASCEND_WRITE_LIMIT", default_value_t = 20)]
    pub write_limit: u32,
    /// Requests answered at once; more get 503 with Retry-After at once.
    #[arg(long, env = "ASCEND_MAX_IN_FLIGHT", default_value_t = 512)]
    pub max_in_flight: usize,
    /// How long a request may take before it is answered with 503.
    #[arg(long, env = "ASCEND_REQUEST_TIMEOUT", default_value = "30s", value_parser = parse_duration)]
    pub request_timeout: Duration,
    /// How long a client may take to send a request's head (its line and
    /// headers), from the connection's start or the head's first byte.
    #[arg(long, env = "ASCEND_HEADER_TIMEOUT", default_value = "10s", value_parser = parse_duration)]
    pub header_timeout: Duration,
    /// How long a request's body may take to arrive in full; a later one
    /// gets 408 and the connection closes.
    #[arg(long, env = "ASCEND_BODY_TIMEOUT", default_value = "30s", value_parser = parse_duration)]
    pub body_timeout: Duration,
    /// How long a keep-alive connection may wait for its next request.
    #[arg(long, env = "ASCEND_IDLE_TIMEOUT", default_value = "60s", value_parser = parse_duration)]
    pub idle_timeout: Duration,
    /// Connections open at once; at the cap new clients wait in the
    /// kernel's backlog. By default the descriptor limit less 128 kept for
    /// the database, logs and files (at most 16384).
    #[arg(long, env = "ASCEND_MAX_CONNECTIONS")]
    pub max_connections: Option<usize>,
    /// How long a request waits for a database connection.
    #[arg(long, env = "ASCEND_DB_ACQUIRE_TIMEOUT", default_value = "5s", value_parser = parse_duration)]
    pub db_acquire_timeout: Duration,
}

/// The demo data's size and seed, for `serve` with demo data and for `seed`.
#[derive(Debug, Clone, clap::Args)]
pub struct DemoArgs {
    /// Generated companies, besides the hand-written ones.
    #[arg(long, global = true, env = "ASCEND_DEMO_COMPANIES", default_value_t = DemoSize::DEFAULT.companies)]
    pub demo_companies: usize,
    /// Generated jobs, besides the hand-written ones.
    #[arg(long, global = true, env = "ASCEND_DEMO_JOBS", default_value_t = DemoSize::DEFAULT.jobs)]
    pub demo_jobs: usize,
    /// The generator's seed: the same seed and day give the same data.
    #[arg(long, global = true, env = "ASCEND_DEMO_SEED", default_value_t = DemoSize::DEFAULT.seed)]
    pub demo_seed: u64,
}

impl DemoArgs {
    pub fn size(&self) -> DemoSize {
        DemoSize {
            companies: self.demo_companies,
            jobs: self.demo_jobs,
            seed: self.demo_seed,
        }
    }
}

impl ServeArgs {
    /// Settings that cannot work together, said plainly.
    pub fn check(&self) -> Result<(), String> {
        if !self.addr.ip().is_loopback() && self.public_url.is_none() {
            return Err(format!(
                "ASCEND_PUBLIC_URL is required when listening on {} (beyond loopback): \
                 canonical and OpenGraph URLs must not come from a client's Host header. \
                 Set it to the site's origin, e.g. https://ascend.example",
                self.addr
            ));
        }
        if self.max_connections == Some(0) {
            return Err("ASCEND_MAX_CONNECTIONS must be at least 1".into());
        }
        for (name, value) in [
            ("ASCEND_HEADER_TIMEOUT", self.header_timeout),
            ("ASCEND_BODY_TIMEOUT", self.body_timeout),
            ("ASCEND_IDLE_TIMEOUT", self.idle_timeout),
        ] {
            if value.is_zero() {
                return Err(format!(
                    "{name} must be longer than 0 (e.g. 10s): every connection would close at once"
                ));
            }
        }
        Ok(())
    }

    /// The deadlines and the cap the accept loop keeps.
    pub fn connection_limits(&self) -> ConnectionLimits {
        ConnectionLimits {
            header_timeout: self.header_timeout,
            body_timeout: self.body_timeout,
            idle_timeout: self.idle_timeout,
            max_connections: self.max_connections.unwrap_or_else(default_max_connections),
        }
    }
}

/// `250ms`, `5s`, `2m` or a bare number of seconds.
pub fn parse_duration(value: &str) -> Result<Duration, String> {
    let value = value.trim();
    let (number, unit) = match value.find(|c: char| !c.is_ascii_digit()) {
        Some(at) => value.split_at(at),
        None => (value, "s"),
    };
    let amount: u64 = number
        .parse()
        .map_err(|_| format!("{value:?} is not a duration such as 250ms, 5s or 2m"))?;
    match unit {
        "ms" => Ok(Duration::from_millis(amount)),
        "s" => Ok(Duration::from_secs(amount)),
        "m" => Ok(Duration::from_secs(amount * 60)),
        _ => Err(format!(
            "{value:?} has an unknown unit: use ms, s or m (250ms, 5s, 2m)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[test]
    fn durations_read_with_units() {
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("5s"), Ok(Duration::from_secs(5)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("7"), Ok(Duration::from_secs(7)));
        assert!(parse_duration("5h").is_err());
        assert!(parse_duration("fast").is_err());
    }

    #[test]
    fn defaults_are_written_once_and_demo_data_is_off() {
        let args = Args::try_parse_from(["ascend-server"]).unwrap();
        assert!(!args.serve.demo_data);
        assert_eq!(args.demo.size(), DemoSize::DEFAULT);
        let seed = Args::try_parse_from(["ascend-server", "seed", "--demo-jobs", "10"]).unwrap();
        assert!(matches!(seed.command, Some(Command::Seed)));
        assert_eq!(seed.demo.demo_jobs, 10);
    }

    #[test]
    fn a_public_address_needs_a_public_url() {
        let open = Args::try_parse_from(["ascend-server", "--addr", "0.0.0.0:8080"]).unwrap();
        let error = open.serve.check().unwrap_err();
        assert!(error.contains("ASCEND_PUBLIC_URL is required"), "{error}");
        let named = Args::try_parse_from([
            "ascend-server",
            "--addr",
            "0.0.0.0:8080",
            "--public-url",
            "https://ascend.example",
        ])
        .unwrap();
        assert_eq!(named.serve.check(), Ok(()));
        let local = Args::try_parse_from(["ascend-server", "--addr", "127.0.0.1:0"]).unwrap();
        assert_eq!(local.serve.check(), Ok(()));
    }

    #[test]
    fn connection_limits_default_and_refuse_nonsense() {
        let args = Args::try_parse_from(["ascend-server"]).unwrap();
        let limits = args.serve.connection_limits();
        assert_eq!(limits.header_timeout, Duration::from_secs(10));
        assert_eq!(limits.body_timeout, Duration::from_secs(30));
        assert_eq!(limits.idle_timeout, Duration::from_secs(60));
        assert_eq!(limits.max_connections, default_max_connections());
        let set = Args::try_parse_from([
            "ascend-server",
            "--header-timeout",
            "300ms",
            "--max-connections",
            "4",
        ])
        .unwrap();
        assert_eq!(
            set.serve.connection_limits().header_timeout,
            Duration::from_millis(300)
        );
        assert_eq!(set.serve.connection_limits().max_connections, 4);
        let none = Args::try_parse_from(["ascend-server", "--max-connections", "0"]).unwrap();
        assert!(
            none.serve
                .check()
                .unwrap_err()
                .contains("ASCEND_MAX_CONNECTIONS")
        );
        let instant = Args::try_parse_from(["ascend-server", "--idle-timeout", "0s"]).unwrap();
        assert!(
            instant
                .serve
                .check()
                .unwrap_err()
                .contains("ASCEND_IDLE_TIMEOUT")
        );
        assert!(Args::try_parse_from(["ascend-server", "--body-timeout", "soon"]).is_err());
    }
}
