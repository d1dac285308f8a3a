//! Who a client is, and how many writes each may send: a `tower_governor`
//! limiter per write route, keyed by the client's address. A client behind
//! a proxy is known by the `X-Forwarded-For` the proxy adds, but only when
//! the connection comes from a proxy in `ASCEND_TRUSTED_PROXIES`; anyone
//! else could write any address there.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::http::Request;
use axum::response::IntoResponse;
use ipnet::IpNet;
use tower_governor::GovernorError;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::KeyExtractor;

use crate::error::AppError;

/// Addresses and ranges of the proxies in front of the server.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Arc<Vec<IpNet>>);

impl TrustedProxies {
    /// `10.0.0.0/8, 127.0.0.1, ::1` (an address alone is its own range).
    pub fn parse(value: &str) -> Result<TrustedProxies, String> {
        let mut ranges = Vec::new();
        for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let range = match part.parse::<IpNet>() {
                Ok(range) => range,
                Err(_) => part
                    .parse::<IpAddr>()
                    .map(IpNet::from)
                    .map_err(|_| format!("{part:?} is not an IP address or a CIDR range"))?,
            };
            ranges.push(range);
        }
        Ok(TrustedProxies(Arc::new(ranges)))
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        self.0.iter().any(|range| range.contains(&ip))
    }

    /// The client a request comes from: the peer, unless the peer is a
    /// trusted proxy, in which case the nearest address in
    /// `X-Forwarded-For` that is not itself a trusted proxy (each proxy
    /// appends the address it saw, so the ones further left are the
    /// client's own say and cannot be believed).
    pub fn client(&self, peer: IpAddr, forwarded_for: Option<&str>) -> IpAddr {
        let peer = canonical(peer);
        if !self.contains(peer) {
            return peer;
        }
        let Some(list) = forwarded_for else {
            return peer;
        };
        let mut client = peer;
        for hop in list.rsplit(',').map(str::trim) {
            match hop.parse::<IpAddr>() {
                Ok(ip) => {
                    client = canonical(ip);
                    if !self.contains(client) {
                        break;
                    }
                }
                // A hop that is not an address ends what can be believed.
                Err(_) => break,
            }
        }
        client
    }
}

/// IPv4 addresses seen through an IPv6 socket (`::ffff:1.2.3.4`) as IPv4.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// The limiter's key: the client's address, as [`TrustedProxies::client`]
/// finds it.
#[derive(Debug, Clone)]
pub struct ClientIp(pub TrustedProxies);

impl KeyExtractor for ClientIp {
    type Key = IpAddr;

    fn extract<T>(&self, request: &Request<T>) -> Result<IpAddr, GovernorError> {
        // Without a socket (requests in tests) every request is one client.
        let peer = request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |info| info.0.ip());
        let forwarded = request
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok());
        Ok(self.0.client(peer, forwarded))
    }
}

/// A limiter for one write route: `per_minute` requests per client, as a
/// burst that refills evenly over the minute. 429 with Retry-After beyond.
pub fn writes_per_minute(
    per_minute: u32,
    proxies: TrustedProxies,
) -> tower_governor::GovernorLayer<ClientIp, governor::middleware::NoOpMiddleware, axum::body::Body>
{
    let per_minute = per_minute.max(1);
    let config = GovernorConfigBuilder::default()
        .key_extractor(ClientIp(proxies))
        // In nanoseconds, so that even a limit of millions a minute keeps
        // a period above zero (in milliseconds it would round to none).
        .period(Duration::from_nanos(60_000_000_000 / u64::from(per_minute)))
        .burst_size(per_minute)
        .finish()
        .expect("a positive period and burst make a valid limiter");
    let config = Arc::new(config);
    let limiter = Arc::clone(config.limiter());
    // Clients that went quiet are forgotten, so the table stays small.
    if let Ok(runtime) = tokio::runtime::Handle::try_current() {
        runtime.spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(60));
            loop {
                every.tick().await;
                limiter.retain_recent();
            }
        });
    }
    tower_governor::GovernorLayer::new(config).error_handler(|error| match error {
        GovernorError::TooManyRequests { wait_time, .. } => {
            AppError::TooManyRequests(wait_time.max(1)).into_response()
        }
        other => AppError::Internal(Box::new(other)).into_response(),
    })
}

#[cfg(test)]
mod tests {

    #[test]
    fn any_limit_a_minute_makes_a_limiter() {
        // A 100,000-a-minute limit once rounded its period to 0 ms and
        // stopped the server at start.
        for per_minute in [1, 20, 60_000, 100_000, u32::MAX] {
            let _ = writes_per_minute(per_minute, TrustedProxies::parse("").unwrap());
        }
    }

    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn proxies_parse_from_addresses_and_ranges() {
        let proxies = TrustedProxies::parse("10.0.0.0/8, 127.0.0.1 ,::1").unwrap();
        assert!(proxies.contains(ip("10.1.2.3")));
        assert!(proxies.contains(ip("127.0.0.1")));
        assert!(proxies.contains(ip("::1")));
        assert!(proxies.contains(ip("::ffff:10.9.9.9")));
        assert!(!proxies.contains(ip("127.0.0.2")));
        assert_eq!(
            TrustedProxies::parse("").unwrap(),
            TrustedProxies::default()
        );
        assert!(TrustedProxies::parse("10.0.0.0/33").is_err());
        assert!(TrustedProxies::parse("proxy.example").is_err());
    }

    #[test]
    fn forwarded_for_counts_only_from_a_trusted_proxy() {
        let proxies = TrustedProxies::parse("10.0.0.0/8").unwrap();
        // A client that talks to us directly cannot claim another address.
        assert_eq!(
            proxies.client(ip("203.0.113.9"), Some("198.51.100.1")),
            ip("203.0.113.9")
        );
        // Through the proxy, the address it saw is the client.
        assert_eq!(
            proxies.client(ip("10.0.0.2"), Some("198.51.100.1")),
            ip("198.51.100.1")
        );
        // What the client wrote itself, left of what the proxy saw, is ignored.
        assert_eq!(
            proxies.client(ip("10.0.0.2"), Some("1.1.1.1, 198.51.100.1")),
            ip("198.51.100.1")
        );
        // Proxies in a chain are skipped.
        assert_eq!(
            proxies.client(ip("10.0.0.2"), Some("198.51.100.1, 10.0.0.7")),
            ip("198.51.100.1")
        );
        // A proxy that sent no header, or garbage, is the client.
        assert_eq!(proxies.client(ip("10.0.0.2"), None), ip("10.0.0.2"));
        assert_eq!(
            proxies.client(ip("10.0.0.2"), Some("not-an-ip")),
            ip("10.0.0.2")
        );
        // Without trusted proxies nobody is believed.
        assert_eq!(
            TrustedProxies::default().client(ip("10.0.0.2"), Some("198.51.100.1")),
            ip("10.0.0.2")
        );
    }
}
