//! The first answer for `/jobs/{slug}` carries the job's JSON and a head for
//! crawlers, both written by the server (server/src/web.rs). The page uses
//! the JSON once, for its first render. Where leptos_meta writes the head
//! (the app's router), [`remove_server_head`] first drops the server's tags,
//! marked `data-ascend-ssr` as is index.html's site-wide description. The
//! `<title>` is not marked: leptos_meta sets `document.title`, which reuses
//! that one element.

use std::cell::Cell;

use ascend_types::JobDetail;
use leptos::prelude::document;

/// The id of the `<script type="application/json">` with the job.
pub const INLINE_JOB_ID: &str = "ascend-job";
/// The id of the server's first paint of a job page (server/src/first_paint.rs).
pub const FIRST_PAINT_ID: &str = "ascend-first-paint";

/// Removes the server's first paint of the job page, which hides the app's
/// own drawing while it is there: called once the app has drawn the page
/// (or its not-found, closed or error notice), in the same task, so the
/// browser never paints a frame without either.
pub fn remove_first_paint() {
    if let Some(first_paint) = document().get_element_by_id(FIRST_PAINT_ID) {
        first_paint.remove();
    }
}

/// The attribute marking head elements the server wrote for one page.
pub const SSR_MARK: &str = "data-ascend-ssr";

thread_local! {
    static TAKEN: Cell<bool> = const { Cell::new(false) };
}

/// The inlined job when it is the one asked for, on the first call only;
/// every later call (a retry, another job) answers `None` and fetches.
pub fn take_job(slug: &str) -> Option<JobDetail> {
    if TAKEN.with(|taken| taken.replace(true)) {
        return None;
    }
    let element = document().get_element_by_id(INLINE_JOB_ID)?;
    let text = element.text_content();
    element.remove();
    let job: JobDetail = serde_json::from_str(&text?).ok()?;
    (job.slug == slug).then_some(job)
}

/// Removes the head tags the server wrote for one page, once leptos_meta
/// writes that page's own.
pub fn remove_server_head() {
    let Ok(marked) = document().query_selector_all(&format!("[{SSR_MARK}]")) else {
        return;
    };
    for index in 0..marked.length() {
        if let Some(node) = marked.get(index)
            && let Some(parent) = node.parent_node()
        {
            let _ = parent.remove_child(&node);
        }
    }
}
