//! Fetching a logo an import names: one GET, bounded in time and size,
//! whose answer must be an image of one of the kept types, by its header
//! and by its bytes.
//!
//! The client is hyper's own (`hyper-util`'s legacy client, which axum
//! already brings), over HTTP/1, with rustls on ring for https: fewer and
//! lighter dependencies than reqwest, whose cookies, proxies and automatic
//! redirects a logo does not need (redirects are followed here, each hop
//! checked like the first).
//!
//! A logo URL comes from a file someone else wrote, so the server must not
//! be made to fetch from its own network (SSRF): by default every address a
//! host resolves to must be public, checked on the addresses the connection
//! is then made to (a name cannot resolve to a public address for the check
//! and a private one for the connection). [`LogoFetcher::allow_private`]
//! turns this off, for tests that serve logos on loopback.

use std::fmt;
use std::future::Future;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use futures_util::StreamExt;
use http_body_util::{BodyExt, Empty};
use hyper::header::{self, HeaderValue};
use hyper::{StatusCode, Uri};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::connect::dns::Name;
use hyper_util::rt::TokioExecutor;

use super::ImageType;

/// How logos are fetched.
#[derive(Debug, Clone)]
pub struct LogoFetcher {
    /// Whether hosts on loopback and private networks may be asked. Off by
    /// default (SSRF protection); tests turn it on for a server on loopback.
    pub allow_private: bool,
    /// The whole fetch, redirects and body included.
    pub timeout: Duration,
    /// The largest logo kept; a larger body is given up as soon as it is.
    pub max_bytes: usize,
    /// Logos fetched at once.
    pub concurrency: usize,
}

impl Default for LogoFetcher {
    fn default() -> Self {
        LogoFetcher {
            allow_private: false,
            timeout: Duration::from_secs(10),
            max_bytes: 512 * 1024,
            concurrency: 4,
        }
    }
}

/// Redirects followed before giving up.
const MAX_REDIRECTS: usize = 3;

/// A fetched logo: bytes of the type they were checked to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub kind: ImageType,
    pub bytes: Vec<u8>,
}

/// Why a logo was not kept, as the import report says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// Not an absolute http or https URL with a host.
    BadUrl,
    /// The host is, or resolves only to, a loopback or private address.
    PrivateAddress,
    /// Resolving, connecting or talking to the host failed.
    Unreachable(String),
    TimedOut(Duration),
    Status(u16),
    TooManyRedirects,
    TooBig(usize),
    /// The declared content type is not one of the kept image types.
    NotAnImage(String),
    /// The bytes are not what the content type says.
    Mismatch {
        declared: ImageType,
    },
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::BadUrl => f.write_str("not an http or https address"),
            FetchError::PrivateAddress => {
                f.write_str("the host is on a private or loopback network")
            }
            FetchError::Unreachable(why) => write!(f, "could not be fetched ({why})"),
            FetchError::TimedOut(limit) => {
                write!(f, "no whole answer within {} s", limit.as_secs_f64())
            }
            FetchError::Status(status) => write!(f, "the answer was HTTP {status}"),
            FetchError::TooManyRedirects => {
                write!(f, "more than {MAX_REDIRECTS} redirects")
            }
            FetchError::TooBig(limit) => write!(f, "larger than {} KB", limit / 1024),
            FetchError::NotAnImage(declared) => write!(
                f,
                "the answer is {declared}, not PNG, JPEG, WebP, GIF or SVG"
            ),
            FetchError::Mismatch { declared } => write!(
                f,
                "the answer says {} but its bytes are not one",
                declared.content_type()
            ),
        }
    }
}

impl std::error::Error for FetchError {}

type HttpsClient =
    Client<hyper_rustls::HttpsConnector<HttpConnector<CheckedResolver>>, Empty<Bytes>>;

impl LogoFetcher {
    /// Fetches each of `urls`, `concurrency` at a time, in no particular
    /// order.
    pub async fn fetch_all(&self, urls: Vec<String>) -> Vec<(String, Result<Logo, FetchError>)> {
        let client = self.client();
        futures_util::stream::iter(urls)
            .map(|url| {
                let client = &client;
                async move {
                    let fetched = self.fetch_with(client, &url).await;
                    (url, fetched)
                }
            })
            .buffer_unordered(self.concurrency.max(1))
            .collect()
            .await
    }

    /// Fetches one logo.
    pub async fn fetch(&self, url: &str) -> Result<Logo, FetchError> {
        self.fetch_with(&self.client(), url).await
    }

    fn client(&self) -> HttpsClient {
        let mut http = HttpConnector::new_with_resolver(CheckedResolver {
            allow_private: self.allow_private,
        });
        // https URLs pass through to the TLS layer around it.
        http.enforce_http(false);
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_webpki_roots()
            .https_or_http()
            .enable_http1()
            .wrap_connector(http);
        Client::builder(TokioExecutor::new()).build(https)
    }

    async fn fetch_with(&self, client: &HttpsClient, url: &str) -> Result<Logo, FetchError> {
        tokio::time::timeout(self.timeout, self.follow(client, url))
            .await
            .unwrap_or(Err(FetchError::TimedOut(self.timeout)))
    }

    async fn follow(&self, client: &HttpsClient, url: &str) -> Result<Logo, FetchError> {
        let mut uri = self.checked_uri(url)?;
        for _ in 0..=MAX_REDIRECTS {
            let request = hyper::Request::get(uri.clone())
                .header(header::USER_AGENT, "Ascend logo fetcher")
                .header(
                    header::ACCEPT,
                    "image/png, image/jpeg, image/webp, image/gif, image/svg+xml",
                )
                .body(Empty::new())
                .map_err(|_| FetchError::BadUrl)?;
            let response = client.request(request).await.map_err(|error| {
                if refused_as_private(&error) {
                    FetchError::PrivateAddress
                } else {
                    FetchError::Unreachable(chain(&error))
                }
            })?;
            let status = response.status();
            if status.is_redirection() {
                let location = response
                    .headers()
                    .get(header::LOCATION)
                    .ok_or(FetchError::Status(status.as_u16()))?;
                uri = self.checked_uri(&redirected(&uri, location)?)?;
                continue;
            }
            if status != StatusCode::OK {
                return Err(FetchError::Status(status.as_u16()));
            }
            let declared = declared_type(response.headers().get(header::CONTENT_TYPE))?;
            let too_long = response
                .headers()
                .get(header::CONTENT_LENGTH)
                .and_then(|v| v.to_str().ok()?.parse::<u64>().ok())
                .is_some_and(|length| length > self.max_bytes as u64);
            if too_long {
                return Err(FetchError::TooBig(self.max_bytes));
            }
            let bytes = self.read_body(response.into_body()).await?;
            if ImageType::sniff(&bytes) != Some(declared) {
                return Err(FetchError::Mismatch { declared });
            }
            return Ok(Logo {
                kind: declared,
                bytes,
            });
        }
        Err(FetchError::TooManyRedirects)
    }

    /// The body, frame by frame, given up once it passes `max_bytes`.
    async fn read_body(&self, mut body: hyper::body::Incoming) -> Result<Vec<u8>, FetchError> {
        let mut bytes = Vec::new();
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|error| FetchError::Unreachable(chain(&error)))?;
            if let Some(data) = frame.data_ref() {
                if bytes.len() + data.len() > self.max_bytes {
                    return Err(FetchError::TooBig(self.max_bytes));
                }
                bytes.extend_from_slice(data);
            }
        }
        Ok(bytes)
    }

    /// `url` as a request target: http or https with a host, and, unless
    /// private hosts are allowed, no IP literal of a private network (the
    /// connector asks no resolver for those, so they are checked here).
    fn checked_uri(&self, url: &str) -> Result<Uri, FetchError> {
        let uri: Uri = url.trim().parse().map_err(|_| FetchError::BadUrl)?;
        let web = matches!(uri.scheme_str(), Some("http" | "https"));
        let host = uri.host().filter(|host| !host.is_empty());
        let (true, Some(host)) = (web, host) else {
            return Err(FetchError::BadUrl);
        };
        let literal = host.trim_start_matches('[').trim_end_matches(']');
        if let Ok(ip) = literal.parse::<IpAddr>()
            && !self.allow_private
            && !is_public(ip)
        {
            return Err(FetchError::PrivateAddress);
        }
        Ok(uri)
    }
}

/// The kept image type a `Content-Type` names.
fn declared_type(value: Option<&HeaderValue>) -> Result<ImageType, FetchError> {
    let declared = value
        .and_then(|v| v.to_str().ok())
        .unwrap_or("no content type")
        .to_owned();
    let essence = declared.split(';').next().unwrap_or_default().trim();
    ImageType::from_content_type(essence).ok_or_else(|| FetchError::NotAnImage(essence.to_owned()))
}

/// Where a redirect goes: an absolute URL, or one relative to the host
/// (`/logo.png`, `//cdn.example/logo.png`). Other relative forms are rare
/// for redirects and refused rather than resolved by hand.
fn redirected(from: &Uri, location: &HeaderValue) -> Result<String, FetchError> {
    let location = location.to_str().map_err(|_| FetchError::BadUrl)?.trim();
    let scheme = from.scheme_str().unwrap_or("https");
    if location.starts_with("//") {
        Ok(format!("{scheme}:{location}"))
    } else if location.starts_with('/') {
        let authority = from.authority().ok_or(FetchError::BadUrl)?;
        Ok(format!("{scheme}://{authority}{location}"))
    } else if location.contains("://") {
        Ok(location.to_owned())
    } else {
        Err(FetchError::BadUrl)
    }
}

/// Whether `ip` is on the public internet: not loopback, private,
/// link-local, shared (carrier NAT), documentation, benchmarking,
/// multicast, broadcast, reserved or unspecified.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            !(v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_documentation()
                || v4.is_multicast()
                || a == 0
                || a >= 240
                || (a == 100 && (64..128).contains(&b))
                || (a == 192 && b == 0 && c == 0)
                || (a == 198 && (18..20).contains(&b)))
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || v6.is_unique_local()
                || v6.is_unicast_link_local()
                // Documentation (2001:db8::/32) and NAT64 (64:ff9b::/96),
                // which reaches IPv4 addresses this does not check.
                || (first == 0x2001 && v6.segments()[1] == 0x0db8)
                || (first == 0x0064 && v6.segments()[1] == 0xff9b))
        }
    }
}

/// A resolver that keeps only public addresses (all, when private ones are
/// allowed), so that the connector can only connect to what was checked.
#[derive(Debug, Clone, Copy)]
struct CheckedResolver {
    allow_private: bool,
}

/// The resolver's refusal, found again in the client's error.
#[derive(Debug)]
struct OnlyPrivateAddresses;

impl fmt::Display for OnlyPrivateAddresses {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the host resolves only to private addresses")
    }
}

impl std::error::Error for OnlyPrivateAddresses {}

impl tower::Service<Name> for CheckedResolver {
    type Response = std::vec::IntoIter<SocketAddr>;
    type Error = io::Error;
    type Future = Pin<Box<dyn Future<Output = io::Result<Self::Response>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, name: Name) -> Self::Future {
        let allow_private = self.allow_private;
        Box::pin(async move {
            // The connector sets the port.
            let found: Vec<SocketAddr> =
                tokio::net::lookup_host((name.as_str(), 0)).await?.collect();
            let kept: Vec<SocketAddr> = found
                .iter()
                .copied()
                .filter(|addr| allow_private || is_public(addr.ip()))
                .collect();
            if kept.is_empty() && !found.is_empty() {
                return Err(io::Error::other(OnlyPrivateAddresses));
            }
            Ok(kept.into_iter())
        })
    }
}

fn refused_as_private(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut source = Some(error);
    while let Some(error) = source {
        // An `io::Error`'s source is its inner error's source, not the
        // inner error itself.
        let inner = error
            .downcast_ref::<io::Error>()
            .and_then(|io| io.get_ref())
            .is_some_and(|inner| inner.is::<OnlyPrivateAddresses>());
        if inner || error.is::<OnlyPrivateAddresses>() {
            return true;
        }
        source = error.source();
    }
    false
}

/// An error and its causes on one line: hyper's own message is often only
/// "client error (Connect)".
fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_addresses_are_public() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "224.0.0.1",
            "198.18.0.1",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::7f00:1",
            "2001:db8::1",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private}");
        }
        for public in [
            "93.184.215.14",
            "1.1.1.1",
            "2606:4700::1111",
            "::ffff:8.8.8.8",
        ] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
    }

    #[test]
    fn only_web_urls_and_no_private_literals_are_fetched() {
        let fetcher = LogoFetcher::default();
        for (url, expected) in [
            ("ftp://logo.example/a.png", FetchError::BadUrl),
            ("/logo.png", FetchError::BadUrl),
            ("javascript:alert(1)", FetchError::BadUrl),
            ("http://127.0.0.1:8080/a.png", FetchError::PrivateAddress),
            ("http://[::1]/a.png", FetchError::PrivateAddress),
            ("https://169.254.169.254/latest", FetchError::PrivateAddress),
        ] {
            assert_eq!(fetcher.checked_uri(url).unwrap_err(), expected, "{url}");
        }
        assert!(fetcher.checked_uri("https://logo.example/a.png").is_ok());
        let loopback = LogoFetcher {
            allow_private: true,
            ..LogoFetcher::default()
        };
        assert!(loopback.checked_uri("http://127.0.0.1:8080/a.png").is_ok());
    }

    #[tokio::test]
    async fn a_name_that_resolves_to_loopback_is_refused() {
        // `localhost` resolves without any network.
        let error = LogoFetcher::default()
            .fetch("http://localhost:9/logo.png")
            .await
            .unwrap_err();
        assert_eq!(error, FetchError::PrivateAddress);
    }

    #[test]
    fn redirects_resolve_against_the_host() {
        let from: Uri = "https://a.example/x/logo".parse().unwrap();
        let go = |to: &str| redirected(&from, &HeaderValue::from_str(to).unwrap());
        assert_eq!(go("/y.png").unwrap(), "https://a.example/y.png");
        assert_eq!(
            go("//cdn.example/y.png").unwrap(),
            "https://cdn.example/y.png"
        );
        assert_eq!(
            go("http://b.example/y.png").unwrap(),
            "http://b.example/y.png"
        );
        assert_eq!(go("y.png"), Err(FetchError::BadUrl));
    }
}
