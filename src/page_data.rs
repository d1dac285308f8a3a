//! What the server drew a page with. The server renders a page's
//! components with this data and sends it along in the page, as JSON in
//! `<script type="application/json" id="ascend-data">`; the browser reads it
//! back before it hydrates, so its first render is the server's, node for
//! node, and it asks the API nothing for it. Each part is used once: a later
//! navigation to another job (or back to this one) fetches afresh.

use std::sync::{Arc, Mutex};

use ascend_types::{CompanyProfile, JobDetail, JobSearch};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The outcome of looking something up for a page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Found<T> {
    Found(T),
    /// Nothing by that name (404).
    NotFound,
    /// It was there and is closed (410).
    Gone,
}

/// A company's page: its profile and first page of open jobs, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompanyPageData {
    pub profile: CompanyProfile,
    pub jobs: JobSearch,
}

/// Everything the server drew a page with.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PageData {
    /// The day the server drew the page on (days since 1970-01-01, UTC):
    /// "Posted N days ago" is counted to it until the browser recounts it
    /// in the reader's own time zone.
    pub today: i64,
    /// The site's origin, for canonical URLs and JSON-LD.
    #[serde(default)]
    pub origin: Option<String>,
    /// The path the page was drawn for.
    #[serde(default)]
    pub path: String,
    /// The job of a `/jobs/{slug}` page, by its slug.
    #[serde(default)]
    pub job: Option<(String, Found<JobDetail>)>,
    /// The company of a `/companies/{slug}` page, by its slug.
    #[serde(default)]
    pub company: Option<(String, Found<CompanyPageData>)>,
    /// The list of `/jobs`.
    #[serde(default)]
    pub jobs: Option<JobSearch>,
    /// The Suspense boundaries (by hydration id) the server drew as their
    /// fallback: what they wait for loads in the browser.
    #[serde(default)]
    pub incomplete: Vec<usize>,
}

/// What the job page's own entry point reads of its page's data: reading
/// only these parts keeps the code that reads the others (search results,
/// companies) out of its wasm.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct JobPageData {
    pub today: i64,
    #[serde(default)]
    pub origin: Option<String>,
    #[serde(default)]
    pub path: String,
    #[serde(default)]
    pub job: Option<(String, Found<JobDetail>)>,
    #[serde(default)]
    pub incomplete: Vec<usize>,
}

impl From<JobPageData> for PageData {
    fn from(data: JobPageData) -> Self {
        PageData {
            today: data.today,
            origin: data.origin,
            path: data.path,
            job: data.job,
            incomplete: data.incomplete,
            ..PageData::default()
        }
    }
}

/// The page's data, shared by the components that draw it; each part is
/// taken once.
#[derive(Clone)]
pub struct PageStore {
    today: i64,
    origin: Option<String>,
    parts: Arc<Mutex<PageData>>,
}

impl PageStore {
    pub fn new(data: PageData) -> Self {
        PageStore {
            today: data.today,
            origin: data.origin.clone(),
            parts: Arc::new(Mutex::new(data)),
        }
    }

    /// The day the page was drawn on.
    pub fn today(&self) -> i64 {
        self.today
    }

    pub fn origin(&self) -> Option<String> {
        self.origin.clone()
    }

    /// The job drawn for `slug`, the first time it is asked for.
    pub fn take_job(&self, slug: &str) -> Option<Found<JobDetail>> {
        let mut parts = self.parts.lock().unwrap_or_else(|e| e.into_inner());
        match parts.job.take() {
            Some((drawn, found)) if drawn == slug => Some(found),
            other => {
                parts.job = other;
                None
            }
        }
    }

    /// The company drawn for `slug`, the first time it is asked for.
    pub fn take_company(&self, slug: &str) -> Option<Found<CompanyPageData>> {
        let mut parts = self.parts.lock().unwrap_or_else(|e| e.into_inner());
        match parts.company.take() {
            Some((drawn, found)) if drawn == slug => Some(found),
            other => {
                parts.company = other;
                None
            }
        }
    }

    /// The job list drawn for `/jobs`, the first time it is asked for.
    pub fn take_jobs(&self) -> Option<JobSearch> {
        self.parts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .jobs
            .take()
    }
}

/// Makes `data` the page's data for everything below.
pub fn provide_page_data(data: PageData) -> PageStore {
    let store = PageStore::new(data);
    provide_context(store.clone());
    store
}

/// The page's data; a store with nothing in it where none was provided
/// (components mounted alone in tests), dated today.
pub fn use_page_data() -> PageStore {
    match use_context::<PageStore>() {
        Some(store) => store,
        None => provide_page_data(PageData {
            today: crate::format::today(),
            ..PageData::default()
        }),
    }
}

/// Whether what is being drawn now is the server's page: on the server,
/// and in the browser until every part of that page is adopted
/// (`crate::hydration`). Parts drawn later on the client (after the first
/// paint, say) are drawn at once then, since the server drew them too.
pub fn drawn_by_server() -> bool {
    !crate::hydration::adopted_untracked()
}

/// What Leptos's hydration reads on `window`: resources and errors a
/// streaming server would have serialized (this one serializes none), and
/// the Suspense boundaries drawn as their fallback. Set before hydrating,
/// so no inline script is needed for them.
#[cfg(feature = "hydrate")]
pub fn set_hydration_globals(data: &PageData) {
    let window = window();
    let incomplete: js_sys::Array = data
        .incomplete
        .iter()
        .map(|&id| wasm_bindgen::JsValue::from(id as u32))
        .collect();
    for (name, value) in [
        ("__RESOLVED_RESOURCES", js_sys::Array::new()),
        ("__SERIALIZED_ERRORS", js_sys::Array::new()),
        ("__INCOMPLETE_CHUNKS", incomplete),
    ] {
        let _ = js_sys::Reflect::set(&window, &name.into(), &value);
    }
}

/// Marks the document as taken over by the app (`<html data-app-ready>`):
/// from then on its buttons and links are the app's. End-to-end tests
/// wait for it before they click, as a visitor's first click might come
/// before the wasm has arrived.
///
/// The data the page was drawn with has been read by then: it leaves the
/// document, so what the page keeps behind an invitation (an FAQ's answer
/// for visitors without a profile) is not left lying in it.
#[cfg(target_arch = "wasm32")]
pub fn mark_app_ready() {
    let document = document();
    if let Some(data) = document.get_element_by_id(ascend_types::wire::PAGE_DATA_ID) {
        data.remove();
    }
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute(ascend_types::wire::APP_READY_ATTR, "");
    }
}

/// The data the server sent with this page, read once when the app starts,
/// as `T` (the whole [`PageData`], or the parts an entry point reads).
#[cfg(target_arch = "wasm32")]
pub fn from_document<T: serde::de::DeserializeOwned + Into<PageData>>() -> PageData {
    let text = document()
        .get_element_by_id(ascend_types::wire::PAGE_DATA_ID)
        .and_then(|script| script.text_content());
    match text.as_deref().map(serde_json::from_str::<T>) {
        Some(Ok(data)) => data.into(),
        // Without it the page still works: it fetches what it shows.
        _ => PageData {
            today: crate::format::today(),
            ..PageData::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> PageStore {
        PageStore::new(PageData {
            today: 20_000,
            origin: Some("https://ascend.example".into()),
            path: "/jobs/a".into(),
            job: Some(("a".into(), Found::Gone)),
            company: Some(("acme".into(), Found::NotFound)),
            jobs: None,
            incomplete: vec![],
        })
    }

    #[test]
    fn each_part_is_taken_once_and_only_for_its_page() {
        let store = store();
        assert_eq!(store.take_job("b"), None, "another job is fetched");
        assert_eq!(store.take_job("a"), Some(Found::Gone));
        assert_eq!(store.take_job("a"), None, "a second visit fetches");
        assert_eq!(store.take_company("acme"), Some(Found::NotFound));
        assert_eq!(store.take_company("acme"), None);
        assert_eq!(store.take_jobs(), None);
        assert_eq!(store.today(), 20_000);
    }

    #[test]
    fn the_wire_form_reads_back() {
        let data = PageData {
            today: 20_000,
            origin: None,
            path: "/jobs/a".into(),
            job: Some(("a".into(), Found::NotFound)),
            company: None,
            jobs: None,
            incomplete: vec![],
        };
        let json = serde_json::to_string(&data).unwrap();
        assert_eq!(serde_json::from_str::<PageData>(&json).unwrap(), data);
        // What the server writes by hand, with the job's kept JSON inside.
        let by_hand = r#"{"today":20000,"origin":null,"path":"/jobs/a","job":["a","not_found"]}"#;
        assert_eq!(serde_json::from_str::<PageData>(by_hand).unwrap(), data);
    }
}
