//! Ascend's JSON API and the server of its site.
//!
//! The layers, each calling only the ones below it:
//! - `serve` accepts connections and runs `app` on them, with timeouts and
//!   a cap on connections;
//! - `app` wires the router and the one middleware stack; `config`, `state`
//!   and `error` are what every part of it shares;
//! - `api` (the JSON API) and `site` (the HTML) read requests and write
//!   answers, asking `domain`;
//! - `domain` is what both ask of the board: jobs, companies, salaries,
//!   search and similar jobs, with their caches; it knows nothing of HTTP;
//! - `store` is the database: pool, migrations and writes;
//! - `ingest` (import formats) and `seed` (demo data) write through `store`;
//!   `logos` keeps the logos imports name, and serves them.

pub mod api;
pub mod app;
pub mod config;
pub mod domain;
pub mod error;
pub mod ingest;
pub mod logos;
pub mod seed;
pub mod serve;
pub mod site;
pub mod state;
pub mod store;

pub use app::app;
pub use state::AppState;
