//! Companies' logos, kept by Ascend. An import fetches each logo it names
//! once ([`fetch`]), stores the bytes under their SHA-256, and the company's
//! logo then points at Ascend's own copy, `/logos/imported/{sha256}.{ext}`,
//! which [`router`] serves: a visitor's browser asks no other host, and the
//! pages' policy says `img-src 'self'`. A logo that cannot be fetched is
//! dropped with a note in the import report, never hot-linked.

pub mod fetch;

use std::collections::HashMap;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sha2::{Digest, Sha256};
use sqlx::SqlitePool;

pub use fetch::{FetchError, Logo, LogoFetcher};

use crate::api::Slug;
use crate::error::AppError;
use crate::ingest::{ImportRecord, RecordError};
use crate::state::AppState;

/// Where the kept logos are served. Beside the demo data's own files in
/// `public/logos/`, which the site's file server answers.
pub const PATH_PREFIX: &str = "/logos/imported/";

/// The image types a logo may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageType {
    Png,
    Jpeg,
    Webp,
    Gif,
    Svg,
}

impl ImageType {
    const ALL: [ImageType; 5] = [
        ImageType::Png,
        ImageType::Jpeg,
        ImageType::Webp,
        ImageType::Gif,
        ImageType::Svg,
    ];

    pub fn content_type(self) -> &'static str {
        match self {
            ImageType::Png => "image/png",
            ImageType::Jpeg => "image/jpeg",
            ImageType::Webp => "image/webp",
            ImageType::Gif => "image/gif",
            ImageType::Svg => "image/svg+xml",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ImageType::Png => "png",
            ImageType::Jpeg => "jpg",
            ImageType::Webp => "webp",
            ImageType::Gif => "gif",
            ImageType::Svg => "svg",
        }
    }

    /// The type a `Content-Type` (without parameters) names; `image/jpg`,
    /// which some servers send, is JPEG.
    pub fn from_content_type(essence: &str) -> Option<Self> {
        let essence = essence.trim().to_ascii_lowercase();
        if essence == "image/jpg" {
            return Some(ImageType::Jpeg);
        }
        Self::ALL.into_iter().find(|t| t.content_type() == essence)
    }

    fn from_extension(extension: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.extension() == extension)
    }

    /// The type `bytes` are, by their signature: what the server says is
    /// only believed when the bytes agree.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ImageType::Png)
        } else if bytes.starts_with(b"\xFF\xD8\xFF") {
            Some(ImageType::Jpeg)
        } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
            Some(ImageType::Gif)
        } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
            Some(ImageType::Webp)
        } else if is_svg(bytes) {
            Some(ImageType::Svg)
        } else {
            None
        }
    }
}

/// Text that opens as markup (an XML declaration, a comment, a doctype or
/// the element itself) and whose first element is `<svg`.
fn is_svg(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let head = head.trim_start();
    if !head.starts_with('<') {
        return false;
    }
    // The first tag that is not a declaration, comment or doctype.
    let mut rest = head;
    while let Some(start) = rest.find('<') {
        let tag = &rest[start..];
        if tag.starts_with("<?") || tag.starts_with("<!") {
            let end = if tag.starts_with("<!--") {
                tag.find("-->").map(|end| end + 3)
            } else {
                tag.find('>').map(|end| end + 1)
            };
            let Some(end) = end else { return false };
            rest = &tag[end..];
            continue;
        }
        return tag.starts_with("<svg") && tag[4..].starts_with([' ', '>', '\n', '\t', '\r', '/']);
    }
    false
}

/// Ascend's address of a kept logo.
pub fn local_url(hash: &str, kind: ImageType) -> String {
    format!("{PATH_PREFIX}{hash}.{}", kind.extension())
}

/// SHA-256 of `bytes`, lower-case hex.
fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

impl LogoFetcher {
    /// Makes every record's logo Ascend's own: a URL fetched before (by an
    /// earlier import) is looked up, the others are fetched, stored, and
    /// remembered. A logo that cannot be fetched is dropped, with a note on
    /// its record; the record itself goes on. Runs before the records'
    /// transaction, which it never holds open while fetching.
    pub async fn localize(
        &self,
        pool: &SqlitePool,
        records: &mut [Result<ImportRecord, RecordError>],
    ) -> Result<(), sqlx::Error> {
        let mut named: Vec<String> = Vec::new();
        for record in records.iter().flatten() {
            if let Some(url) = &record.company.logo_url
                && !named.contains(url)
            {
                named.push(url.clone());
            }
        }
        if named.is_empty() {
            return Ok(());
        }

        let mut kept: HashMap<String, Result<String, FetchError>> = HashMap::new();
        let mut to_fetch = Vec::new();
        for url in named {
            let known: Option<(String, String)> = sqlx::query_as(
                "SELECT l.hash, l.content_type FROM logo_sources s JOIN logos l ON l.hash = s.hash \
                 WHERE s.url = $1",
            )
            .bind(&url)
            .fetch_optional(pool)
            .await?;
            match known.and_then(|(hash, content_type)| {
                ImageType::from_content_type(&content_type).map(|kind| local_url(&hash, kind))
            }) {
                Some(local) => {
                    kept.insert(url, Ok(local));
                }
                None => to_fetch.push(url),
            }
        }

        let fetched = self.fetch_all(to_fetch).await;
        // One short transaction for all that was fetched.
        let mut tx = pool.begin().await?;
        for (url, result) in fetched {
            let local = match result {
                Ok(logo) => {
                    let hash = content_hash(&logo.bytes);
                    sqlx::query(
                        "INSERT INTO logos (hash, content_type, bytes) VALUES ($1, $2, $3) \
                         ON CONFLICT (hash) DO NOTHING",
                    )
                    .bind(&hash)
                    .bind(logo.kind.content_type())
                    .bind(&logo.bytes)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query(
                        "INSERT INTO logo_sources (url, hash) VALUES ($1, $2) \
                         ON CONFLICT (url) DO UPDATE SET hash = excluded.hash",
                    )
                    .bind(&url)
                    .bind(&hash)
                    .execute(&mut *tx)
                    .await?;
                    Ok(local_url(&hash, logo.kind))
                }
                Err(error) => {
                    tracing::info!(%url, %error, "logo not kept");
                    Err(error)
                }
            };
            kept.insert(url, local);
        }
        tx.commit().await?;

        for record in records.iter_mut().flatten() {
            let Some(url) = record.company.logo_url.take() else {
                continue;
            };
            match kept.get(&url) {
                Some(Ok(local)) => record.company.logo_url = Some(local.clone()),
                Some(Err(error)) => record.notes.push(format!(
                    "company.logo: dropped {}: {error}",
                    shown_url(&url)
                )),
                None => {}
            }
        }
        Ok(())
    }
}

/// A URL for a note, cut after 100 characters.
fn shown_url(url: &str) -> String {
    match url.char_indices().nth(100) {
        Some((cut, _)) => format!("{}…", &url[..cut]),
        None => url.to_owned(),
    }
}

/// `GET /logos/imported/{sha256}.{ext}`.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route(&format!("{PATH_PREFIX}{{file}}"), get(logo_get))
        .with_state(state)
}

/// A kept logo. The address names the content, so it may be cached for
/// good. An SVG may hold scripts: opened on its own it runs none (its own
/// policy, sandboxed) and is downloaded rather than shown as a page of
/// Ascend's; as an `<img>` no SVG runs scripts anyway.
async fn logo_get(
    State(state): State<AppState>,
    // A path that does not decode is a 404 in the API's error shape.
    Slug(file): Slug,
) -> Result<Response, AppError> {
    let not_found = || AppError::NotFound(format!("There is no logo at {PATH_PREFIX}{file}."));
    let (hash, extension) = file.split_once('.').ok_or_else(not_found)?;
    let kind = ImageType::from_extension(extension).ok_or_else(not_found)?;
    if hash.len() != 64 || !hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return Err(not_found());
    }
    let stored: Option<(String, Vec<u8>)> =
        sqlx::query_as("SELECT content_type, bytes FROM logos WHERE hash = $1")
            .bind(hash)
            .fetch_optional(&state.board.pool)
            .await?;
    let Some((content_type, bytes)) = stored.filter(|(t, _)| t == kind.content_type()) else {
        return Err(not_found());
    };
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&content_type).map_err(|e| AppError::Internal(Box::new(e)))?,
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    if kind == ImageType::Svg {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; sandbox"),
        );
        headers.insert(
            header::CONTENT_DISPOSITION,
            HeaderValue::from_static("attachment; filename=\"logo.svg\""),
        );
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_tell_their_type() {
        assert_eq!(
            ImageType::sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some(ImageType::Png)
        );
        assert_eq!(ImageType::sniff(b"\xFF\xD8\xFF\xE0"), Some(ImageType::Jpeg));
        assert_eq!(ImageType::sniff(b"GIF89a\x01\0"), Some(ImageType::Gif));
        assert_eq!(
            ImageType::sniff(b"RIFF\x10\0\0\0WEBPVP8 "),
            Some(ImageType::Webp)
        );
        for svg in [
            &b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"[..],
            b"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- logo -->\n<!DOCTYPE svg>\n<svg>",
        ] {
            assert_eq!(ImageType::sniff(svg), Some(ImageType::Svg));
        }
        for other in [
            &b"<!doctype html><html><svg></svg>"[..],
            b"<svgfoo>",
            b"GIF",
            b"RIFF\x10\0\0\0WAVE",
            b"",
            b"hello <svg>",
        ] {
            assert_eq!(ImageType::sniff(other), None, "{other:?}");
        }
    }

    #[test]
    fn content_types_name_their_extension() {
        assert_eq!(
            ImageType::from_content_type("IMAGE/PNG"),
            Some(ImageType::Png)
        );
        assert_eq!(
            ImageType::from_content_type("image/jpg"),
            Some(ImageType::Jpeg)
        );
        assert_eq!(ImageType::from_content_type("text/html"), None);
        assert_eq!(
            local_url(&content_hash(b""), ImageType::Svg),
            "/logos/imported/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855.svg"
        );
    }
}
