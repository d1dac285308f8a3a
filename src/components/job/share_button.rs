use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How a share ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareOutcome {
    /// The system share sheet took it.
    Shared,
    /// The reader closed the share sheet.
    Cancelled,
    /// The link is on the clipboard.
    Copied,
    /// Neither sharing nor copying worked.
    Failed,
}

impl ShareOutcome {
    /// What the status region says; nothing when the reader saw the result.
    pub fn message(self) -> Option<&'static str> {
        match self {
            ShareOutcome::Shared | ShareOutcome::Cancelled => None,
            ShareOutcome::Copied => Some("Link copied"),
            ShareOutcome::Failed => {
                Some("Could not copy the link. Copy it from the address bar instead.")
            }
        }
    }
}

/// The job's address to share: this site's origin and the job's path.
pub fn canonical_url(path: &str) -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}{path}")
}

/// Offers the system share sheet where the browser has one (`navigator.share`),
/// else copies the link.
pub async fn share_or_copy(title: &str, url: &str) -> ShareOutcome {
    let navigator = window().navigator();
    let can_share = js_sys::Reflect::get(&navigator, &JsValue::from_str("share"))
        .is_ok_and(|share| share.is_function());
    if can_share {
        let data = web_sys::ShareData::new();
        data.set_title(title);
        data.set_url(url);
        match JsFuture::from(navigator.share_with_data(&data)).await {
            Ok(_) => return ShareOutcome::Shared,
            Err(error) if error_name(&error).as_deref() == Some("AbortError") => {
                return ShareOutcome::Cancelled;
            }
            // Refused (no share target, not allowed here): copying still helps.
            Err(_) => {}
        }
    }
    copy_text(url).await
}

async fn copy_text(text: &str) -> ShareOutcome {
    let navigator = window().navigator();
    // Missing outside secure contexts: `clipboard` is then undefined.
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()
        .filter(|clipboard| clipboard.is_object());
    let Some(clipboard) = clipboard else {
        return ShareOutcome::Failed;
    };
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    match JsFuture::from(clipboard.write_text(text)).await {
        Ok(_) => ShareOutcome::Copied,
        Err(_) => ShareOutcome::Failed,
    }
}

fn error_name(error: &JsValue) -> Option<String> {
    js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()?
        .as_string()
}

/// Shares the job's link, or copies it where the browser cannot share.
#[component]
pub fn ShareButton(
    /// What the share sheet calls the link.
    #[prop(into)]
    title: String,
    /// The page's path, `/jobs/{slug}`.
    #[prop(into)]
    path: String,
    /// Told what happened, in a sentence for a status region.
    #[prop(optional, into)]
    on_status: Option<Callback<String>>,
) -> impl IntoView {
    let share = move |_| {
        let title = title.clone();
        let url = canonical_url(&path);
        spawn_local(async move {
            let outcome = share_or_copy(&title, &url).await;
            if let (Some(on_status), Some(message)) = (on_status, outcome.message()) {
                on_status.run(message.to_owned());
            }
        });
    };
    view! {
        <button type="button" class="button job-action job-action--share" on:click=share>
            <svg class="job-action__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M12 3l5 5h-3.5v7h-3V8H7z" />
                <path d="M5 13h2v6h10v-6h2v8H5z" />
            </svg>
            <span>"Share"</span>
        </button>
    }
}
