//! Every setting, each a flag or its environment variable, with its default
//! written once.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::api::limits::TrustedProxies;
use crate::seed::DemoSize;
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
        Ok(())
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
}
