//! Renders the app's own components to HTML, as the browser then hydrates
//! them: the same `App` (or the job page's `JobApp`), given the same
//! [`PageData`], at the same address.
//!
//! A page renders on one thread from start to end: components keep
//! browser-side values (`Rc` closures in a `SendWrapper`) that must be
//! dropped on the thread that made them, and a render on the server's
//! work-stealing runtime could resume on another thread after any await,
//! then panic when its owner dropped them (seen as pages answered with a
//! closed connection). Renders therefore run on a small pool of threads,
//! each with its own single-threaded runtime (`LocalPoolHandle`), as
//! leptos_axum does.

use std::sync::{Arc, OnceLock};

use ascend::page_data::PageData;
use futures_util::StreamExt;
use hydration_context::{SerializedDataId, SharedContext, SsrSharedContext};
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use tokio_util::task::LocalPoolHandle;

use crate::error::AppError;

/// A page's parts as rendered: what leptos_meta collected for the head
/// (from its `<!--HEAD-->` marker on) and the body.
pub struct Rendered {
    pub head: String,
    pub body: String,
    /// The Suspense boundaries that showed their fallback, which the
    /// browser must hydrate as such (`PageData::incomplete`).
    pub incomplete: Vec<usize>,
}

/// The threads pages render on: one per core.
fn pool() -> &'static LocalPoolHandle {
    static POOL: OnceLock<LocalPoolHandle> = OnceLock::new();
    POOL.get_or_init(|| {
        LocalPoolHandle::new(std::thread::available_parallelism().map_or(2, usize::from))
    })
}

/// Renders `view` for `url`, with `head` rendered beside it for the head
/// alone (the job page's entry point hydrates no head tags, so they must
/// leave no trace in its body), on one of the render threads. A render that
/// panics is an internal error, answered as such.
pub async fn render<V, H>(
    url: String,
    view: impl FnOnce() -> V + Send + 'static,
    head: impl FnOnce() -> H + Send + 'static,
) -> Result<Rendered, AppError>
where
    V: IntoView + 'static,
    H: IntoView + 'static,
{
    pool()
        .spawn_pinned(move || async move { render_here(&url, view, head).await })
        .await
        .map_err(|error| AppError::Internal(Box::new(error)))
}

/// Renders on the calling thread: see [`render`].
async fn render_here<V, H>(
    url: &str,
    view: impl FnOnce() -> V,
    head: impl FnOnce() -> H,
) -> Rendered
where
    V: IntoView + 'static,
    H: IntoView + 'static,
{
    // leptos_meta waits a tick of the executor before it hands its tags over.
    let _ = any_spawner::Executor::init_tokio();
    // Suspense boundaries write the markers the browser's hydration looks
    // for only when rendered as a stream with a shared context; what they
    // wait for on the server (local resources) never comes, so each shows
    // its fallback, as the browser's first render does too.
    let context = Arc::new(SsrSharedContext::new());
    let owner = Owner::new_root(Some(
        Arc::clone(&context) as Arc<dyn SharedContext + Send + Sync>
    ));
    let (meta, tags) = ServerMetaContext::new();
    let stream = owner.with(|| {
        provide_context(RequestUrl::new(url));
        provide_context(meta);
        // The head of a job page is drawn outside `App`, which provides
        // this for the rest.
        leptos_meta::provide_meta_context();
        let stream = view().into_view().to_html_stream_in_order();
        head().into_view().to_html();
        stream
    });
    let body = stream.collect::<Vec<String>>().await.concat();
    let mut chunks = Box::pin(
        tags.inject_meta_context(futures_util::stream::iter([String::from(
            "<!--HEAD--></head>",
        )]))
        .await,
    );
    let head = escape_title(
        chunks
            .next()
            .await
            .unwrap_or_default()
            .trim_end_matches("</head>"),
    );
    let ids = context.next_id().into_inner();
    let incomplete = (0..ids)
        .filter(|&id| context.get_incomplete_chunk(&SerializedDataId::new(id)))
        .collect();
    drop(owner);
    Rendered {
        head,
        body,
        incomplete,
    }
}

/// The head with its `<title>`'s text escaped: leptos_meta writes the
/// title as it was given (a job title from an import could close the tag
/// and open a script), while every other tag it writes is escaped. It puts
/// the title last, after tags whose text never holds a raw `<`.
fn escape_title(head: &str) -> String {
    let (Some(start), Some(end)) = (head.find("<title>"), head.rfind("</title>")) else {
        return head.to_owned();
    };
    let text = &head[start + "<title>".len()..end];
    format!(
        "{}<title>{}</title>{}",
        &head[..start],
        super::html::escape_html(text),
        &head[end + "</title>".len()..]
    )
}

/// The JSON a page's data travels as.
pub fn data_json(data: &PageData) -> String {
    // Plain data structures always serialize.
    serde_json::to_string(data).unwrap_or_else(|_| "{}".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_is_text() {
        assert_eq!(
            escape_title(
                "<!--HEAD--><meta name=\"a\"><title>A </title><script>x</script> & b</title>"
            ),
            "<!--HEAD--><meta name=\"a\"><title>A &lt;/title&gt;&lt;script&gt;x&lt;/script&gt; &amp; b</title>"
        );
        assert_eq!(escape_title("<!--HEAD-->"), "<!--HEAD-->");
    }
}
