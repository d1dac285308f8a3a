//! Where the site is: the public origin canonical and OpenGraph URLs use,
//! from `ASCEND_PUBLIC_URL` or, on loopback only, the request's Host.

use axum::http::{HeaderMap, header};

/// `http(s)://host[:port]` from the request's Host header, when it is a
/// plain host name or address; anything else gives no origin at all.
pub fn request_origin(headers: &HeaderMap) -> Option<String> {
    let host = headers.get(header::HOST)?.to_str().ok()?;
    if !is_valid_host(host) {
        return None;
    }
    let scheme = match headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
    {
        Some("https") => "https",
        _ => "http",
    };
    Some(format!("{scheme}://{}", host.to_ascii_lowercase()))
}

/// A DNS name, IPv4 or bracketed IPv6 address, with an optional port.
pub fn is_valid_host(host: &str) -> bool {
    let (name, port) = if let Some(rest) = host.strip_prefix('[') {
        let Some((address, after)) = rest.split_once(']') else {
            return false;
        };
        if address.is_empty() || !address.bytes().all(|b| b.is_ascii_hexdigit() || b == b':') {
            return false;
        }
        match after {
            "" => return true,
            after => ("ipv6", after.strip_prefix(':')),
        }
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        }
    };
    let name_ok = name == "ipv6"
        || (!name.is_empty()
            && name.len() <= 253
            && name.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            }));
    let port_ok = match port {
        None => true,
        Some(port) => {
            !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit())
        }
    };
    name_ok && port_ok
}

/// Checks `ASCEND_PUBLIC_URL`: an origin such as `https://ascend.example`
/// (a trailing slash is dropped), without path, query or user.
pub fn parse_public_url(value: &str) -> Result<String, String> {
    let url = value.trim().trim_end_matches('/');
    let host = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("{value:?} must start with https:// or http://"))?;
    if !is_valid_host(host) {
        return Err(format!(
            "{value:?} must be an origin such as https://ascend.example, without a path"
        ));
    }
    Ok(url.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn hosts_are_checked() {
        for good in [
            "ascend.example",
            "127.0.0.1:8080",
            "localhost",
            "[::1]:8080",
            "[::1]",
            "a-b.example:443",
        ] {
            assert!(is_valid_host(good), "{good}");
        }
        for bad in [
            "",
            "evil.example/x",
            "a b",
            "ex\"ample",
            "host:",
            "host:123456",
            "-a.example",
            "a..b",
            "[::1",
            "[zz]",
            "user@host",
        ] {
            assert!(!is_valid_host(bad), "{bad}");
        }
    }

    #[test]
    fn public_urls_are_origins() {
        assert_eq!(
            parse_public_url("https://Ascend.example/").unwrap(),
            "https://ascend.example"
        );
        assert_eq!(
            parse_public_url("http://127.0.0.1:8080").unwrap(),
            "http://127.0.0.1:8080"
        );
        for bad in [
            "ascend.example",
            "ftp://ascend.example",
            "https://ascend.example/jobs",
            "https://",
            "https://a.example?x=1",
        ] {
            assert!(parse_public_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn origins_come_from_a_valid_host_only() {
        let mut headers = HeaderMap::new();
        assert_eq!(request_origin(&headers), None);
        headers.insert(
            header::HOST,
            HeaderValue::from_static("Ascend.example:8080"),
        );
        assert_eq!(
            request_origin(&headers).as_deref(),
            Some("http://ascend.example:8080")
        );
        headers.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        assert_eq!(
            request_origin(&headers).as_deref(),
            Some("https://ascend.example:8080")
        );
        headers.insert(
            header::HOST,
            HeaderValue::from_static("evil.example\"><script>"),
        );
        assert_eq!(request_origin(&headers), None);
    }
}
