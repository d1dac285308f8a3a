//! `/embed`: how partners show Ascend jobs on their own pages, with a
//! snippet builder and a live preview of the widget it describes.

use leptos::prelude::*;

use crate::page_data::use_page_data;
use leptos_meta::{Meta, Title};

use crate::embed::settings::{MAX_LIMIT, SettingError, Settings, Theme};
use crate::embed::{HEIGHT_MESSAGE, WIDGET_PATH};

/// The builder's starting point: a short list of the showcase company's jobs.
const START_COMPANY: &str = "cadence";
const START_JOB: &str = "backend-engineer-personalization-cadence";
const LIMIT_HINT: &str = "From 1 to 20.";

/// The attributes a placeholder takes, for the reference table.
const ATTRIBUTES: [(&str, &str); 11] = [
    (
        "data-ascend-jobs",
        "Marks a list of open jobs. Takes no value.",
    ),
    (
        "data-ascend-job",
        "Marks one job, shown with its salary and an Apply link. The value is the job's slug, the last part of its address on Ascend.",
    ),
    (
        "data-company",
        "Lists only this company's jobs: its slug, as in /companies/cadence.",
    ),
    (
        "data-q",
        "Lists only jobs matching these words (at most 200 characters).",
    ),
    (
        "data-location",
        "Lists only jobs in this place: a city, a country or a remote region.",
    ),
    (
        "data-remote",
        "true lists only remote jobs, false only hybrid and on-site ones.",
    ),
    (
        "data-limit",
        "How many jobs a list shows, from 1 to 20. Default 5.",
    ),
    (
        "data-theme",
        "light, dark, or auto (the default) to follow the reader's system setting.",
    ),
    (
        "data-accent",
        "A hex colour such as #0a7c4a for the Apply button and a card's border on hover (the button's text turns black or white to stay readable). Anything else is refused.",
    ),
    (
        "data-title",
        "The frame's title, read by screen readers. Default: Open jobs from Ascend, or Job from Ascend.",
    ),
    (
        "data-lang",
        "The widget's language. English (en) is the only one so far; an unknown language shows English.",
    ),
];

/// The snippet a partner pastes: the placeholder, then the loader.
pub fn full_snippet(placeholder: &str, origin: &str) -> String {
    format!("{placeholder}\n<script src=\"{origin}/embed.js\" async></script>")
}

/// The Content-Security-Policy sources a partner's page must allow.
pub fn csp_lines(origin: &str) -> String {
    format!("script-src {origin};\nframe-src {origin};")
}

#[component]
pub fn EmbedDocsPage() -> impl IntoView {
    let origin = use_page_data().origin().unwrap_or_default();
    view! {
        <Title text="Embed jobs on your site" />
        <Meta name="description" content="Show Ascend jobs on your careers page or blog with one snippet: a list of open jobs or a single job, sized to fit, in light or dark." />
        <article class="embed-docs">
            <h1 class="page-heading">"Embed jobs on your site"</h1>
            <p class="embed-docs__lead">
                "Show open jobs from Ascend on your careers page, community site or blog. Paste a placeholder where the jobs should go and our script once per page. The widget loads only when a reader scrolls near it, sizes itself to its content, never scrolls inside, and keeps its styles to itself."
            </p>
            <Builder origin=origin.clone() />
            <section class="embed-docs__section" aria-labelledby="embed-snippet">
                <h2 id="embed-snippet">"The snippet"</h2>
                <p>"A list of a company's open jobs and one job, then the script that fills them in:"</p>
                <pre class="embed-docs__code"><code>{format!(
                    "<div data-ascend-jobs data-company=\"acme\" data-limit=\"5\" data-theme=\"auto\"></div>\n<div data-ascend-job=\"JOB-SLUG\"></div>\n<script src=\"{origin}/embed.js\" async></script>"
                )}</code></pre>
                <p>
                    "The script is small and loads "<code>"async"</code>", so it never holds up your page. It also finds placeholders you add later, for example from a single-page app. Anything inside a placeholder, such as a plain link to your jobs on Ascend, is shown until the widget replaces it: a good fallback for readers without JavaScript."
                </p>
            </section>
            <section class="embed-docs__section" aria-labelledby="embed-attributes">
                <h2 id="embed-attributes">"Attributes"</h2>
                <p>"Settings come only from the placeholder's attributes, never from your page's address, so no one can change what your page shows by editing a link."</p>
                <dl class="embed-docs__attributes">
                    {ATTRIBUTES
                        .iter()
                        .map(|(name, meaning)| view! {
                            <div class="embed-docs__attribute">
                                <dt><code>{*name}</code></dt>
                                <dd>{*meaning}</dd>
                            </div>
                        })
                        .collect_view()}
                </dl>
                <p>"A setting the widget cannot use is named in the widget itself, so you see what to fix."</p>
            </section>
            <section class="embed-docs__section" aria-labelledby="embed-csp">
                <h2 id="embed-csp">"Content Security Policy"</h2>
                <p>"If your page sends a Content-Security-Policy, allow Ascend as a script source and as a frame source:"</p>
                <pre class="embed-docs__code"><code>{csp_lines(&origin)}</code></pre>
                <p>"The widget itself may be framed by any site; the rest of Ascend may not."</p>
            </section>
        </article>
    }
}

/// The builder's fields, as text, turned into settings the same way the
/// widget reads its own address.
#[derive(Clone, Copy)]
struct Fields {
    kind: RwSignal<&'static str>,
    job: RwSignal<String>,
    company: RwSignal<String>,
    q: RwSignal<String>,
    location: RwSignal<String>,
    remote: RwSignal<String>,
    limit: RwSignal<String>,
    theme: RwSignal<String>,
    accent: RwSignal<String>,
    lang: RwSignal<String>,
}

impl Fields {
    fn settings(&self) -> Result<Settings, crate::embed::settings::SettingError> {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if self.kind.get() == "job" {
            // A job widget needs its slug: an empty one is an error, not a list.
            let job = self.job.get();
            pairs.push((
                "job",
                if job.trim().is_empty() {
                    "?".into()
                } else {
                    job
                },
            ));
        } else {
            pairs.push(("company", self.company.get()));
            pairs.push(("q", self.q.get()));
            pairs.push(("location", self.location.get()));
            pairs.push(("remote", self.remote.get()));
            pairs.push(("limit", self.limit.get()));
        }
        pairs.push(("theme", self.theme.get()));
        pairs.push(("accent", self.accent.get()));
        pairs.push(("lang", self.lang.get()));
        Settings::parse(pairs.iter().map(|(k, v)| (*k, v.as_str())))
    }
}

/// Why the builder refuses what a field holds, in the builder's words:
/// what was typed, what is wanted, and that the snippet waits for it.
fn explain(error: &SettingError, typed: &str) -> String {
    let typed = typed.trim();
    let why = match error.attribute {
        "data-limit" => format!(
            "A list shows from 1 to {MAX_LIMIT} jobs, so \u{201c}{typed}\u{201d} cannot be used: enter a whole number in that range."
        ),
        "data-accent" => format!(
            "\u{201c}{typed}\u{201d} is not a hex colour: write # and three or six hex digits, such as #0a7c4a. Colour names such as red are refused, so the widget never takes anything but a colour into its styles."
        ),
        "data-company" => format!(
            "\u{201c}{typed}\u{201d} is not a company slug: use lower-case letters, digits and hyphens, as in /companies/cadence."
        ),
        "data-ascend-job" if typed.is_empty() => {
            "Enter the job's slug, the end of its address on Ascend.".to_owned()
        }
        "data-ascend-job" => format!(
            "\u{201c}{typed}\u{201d} is not a job slug: use lower-case letters, digits and hyphens, the end of the job's address."
        ),
        _ => error.message.clone(),
    };
    format!("{why} The snippet and the preview keep your last valid settings until then.")
}

#[component]
fn TextField(
    label: &'static str,
    name: &'static str,
    value: RwSignal<String>,
    /// Why the field's value is refused, if it is.
    error: Signal<Option<String>>,
    #[prop(optional)] hint: &'static str,
    #[prop(default = "text")] kind: &'static str,
) -> impl IntoView {
    let id = format!("embed-builder-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = if hint.is_empty() {
        error_id.clone()
    } else {
        format!("{hint_id} {error_id}")
    };
    view! {
        <div class="embed-builder__field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type=kind
                autocomplete="off"
                aria-describedby=described
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {(!hint.is_empty()).then(|| view! { <p id=hint_id class="embed-builder__hint">{hint}</p> })}
            <p id=error_id class="embed-builder__error" aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

#[component]
fn SelectField(
    label: &'static str,
    name: &'static str,
    value: RwSignal<String>,
    options: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    let id = format!("embed-builder-{name}");
    view! {
        <div class="embed-builder__field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name on:change=move |ev| value.set(event_target_value(&ev))>
                {options
                    .into_iter()
                    .map(|(option, text)| view! {
                        <option value=option selected=move || value.get() == option>{text}</option>
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The snippet builder: a form, the snippet it makes, and the widget it
/// makes, live.
#[component]
fn Builder(origin: String) -> impl IntoView {
    let fields = Fields {
        kind: RwSignal::new("list"),
        job: RwSignal::new(START_JOB.into()),
        company: RwSignal::new(START_COMPANY.into()),
        q: RwSignal::new(String::new()),
        location: RwSignal::new(String::new()),
        remote: RwSignal::new(String::new()),
        limit: RwSignal::new("3".into()),
        theme: RwSignal::new(Theme::Auto.as_str().into()),
        accent: RwSignal::new(String::new()),
        lang: RwSignal::new("en".into()),
    };
    let settings = Memo::new(move |_| fields.settings());
    // The last good settings keep the preview and snippet while a field is
    // being fixed; the error says what is wrong meanwhile.
    let last_good = Memo::new(
        move |previous: Option<&Option<Settings>>| match settings.get() {
            Ok(settings) => Some(settings),
            Err(_) => previous.cloned().flatten(),
        },
    );
    let snippet = {
        let origin = origin.clone();
        move || {
            last_good
                .get()
                .map(|s| full_snippet(&s.snippet_placeholder(), &origin))
                .unwrap_or_default()
        }
    };
    let preview_src = move || {
        last_good
            .get()
            .map(|s| {
                let query = s.widget_query();
                if query.is_empty() {
                    WIDGET_PATH.to_owned()
                } else {
                    format!("{WIDGET_PATH}?{query}")
                }
            })
            .unwrap_or_else(|| WIDGET_PATH.to_owned())
    };
    // A refused value is explained under its own field.
    let error_for = move |attribute: &'static str, value: RwSignal<String>| {
        Signal::derive(move || {
            settings
                .get()
                .err()
                .filter(|error| error.attribute == attribute)
                .map(|error| explain(&error, &value.get()))
        })
    };
    let problem = move || {
        settings
            .get()
            .is_err()
            .then_some("One setting needs fixing: see the field marked above.")
    };
    let copied = RwSignal::new(false);
    let copy = {
        let snippet = snippet.clone();
        move |_| {
            let text = snippet();
            let clipboard = window().navigator().clipboard();
            let promise = clipboard.write_text(&text);
            wasm_bindgen_futures::spawn_local(async move {
                let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                copied.set(ok);
            });
        }
    };
    let frame = NodeRef::<leptos::html::Iframe>::new();
    let height = RwSignal::new(200.0_f64);
    follow_preview_height(frame, height, origin.clone());
    let is_list = move || fields.kind.get() == "list";
    view! {
        <section class="embed-docs__section embed-builder" aria-labelledby="embed-builder">
            <h2 id="embed-builder">"Build your snippet"</h2>
            <div class="embed-builder__layout">
                <form class="embed-builder__form" on:submit=|ev| ev.prevent_default()>
                    <fieldset class="embed-builder__kind">
                        <legend>"Show"</legend>
                        <label>
                            <input type="radio" name="kind" value="list" prop:checked=is_list on:change=move |_| fields.kind.set("list") />
                            "A list of jobs"
                        </label>
                        <label>
                            <input type="radio" name="kind" value="job" prop:checked=move || !is_list() on:change=move |_| fields.kind.set("job") />
                            "One job"
                        </label>
                    </fieldset>
                    <Show
                        when=is_list
                        fallback=move || view! {
                            <TextField label="Job slug" name="job" value=fields.job error=error_for("data-ascend-job", fields.job) hint="The end of the job's address: ascend…/jobs/this-part" />
                        }
                    >
                        <TextField label="Company slug" name="company" value=fields.company error=error_for("data-company", fields.company) hint="Leave empty for every company." />
                        <TextField label="Search words" name="q" value=fields.q error=error_for("data-q", fields.q) />
                        <TextField label="Location" name="location" value=fields.location error=error_for("data-location", fields.location) />
                        <SelectField label="Remote" name="remote" value=fields.remote options=vec![("", "Any"), ("true", "Remote only"), ("false", "Not remote")] />
                        <TextField label="How many jobs" name="limit" value=fields.limit error=error_for("data-limit", fields.limit) kind="number" hint=LIMIT_HINT />
                    </Show>
                    <SelectField label="Theme" name="theme" value=fields.theme options=vec![("auto", "Auto (reader's setting)"), ("light", "Light"), ("dark", "Dark")] />
                    <TextField label="Accent colour" name="accent" value=fields.accent error=error_for("data-accent", fields.accent) hint="Optional: a hex colour such as #0a7c4a." />
                    <SelectField label="Language" name="lang" value=fields.lang options=vec![("en", "English")] />
                    <p class="embed-builder__problem">{problem}</p>
                </form>
                <div class="embed-builder__output">
                    <h3 id="embed-builder-snippet">"Your snippet"</h3>
                    <pre class="embed-docs__code" aria-labelledby="embed-builder-snippet"><code data-testid="embed-snippet">{snippet}</code></pre>
                    <p class="embed-builder__copy">
                        <button type="button" class="button button--primary" on:click=copy>"Copy snippet"</button>
                        <span role="status" aria-live="polite">{move || copied.get().then_some("Copied.")}</span>
                    </p>
                    <h3 id="embed-builder-preview">"Preview"</h3>
                    <iframe
                        node_ref=frame
                        class="embed-builder__preview"
                        title="Preview of your widget"
                        src=preview_src
                        height=move || height.get().to_string()
                    ></iframe>
                </div>
            </div>
        </section>
    }
}

/// Sizes the preview to the widget's content, as `embed.js` does on a
/// partner's page: only messages from our origin and from that frame count.
fn follow_preview_height(
    frame: NodeRef<leptos::html::Iframe>,
    height: RwSignal<f64>,
    origin: String,
) {
    // In the browser only, once the page is there.
    Effect::new(move |_| {
        let origin = origin.clone();
        let handle =
            window_event_listener(leptos::ev::message, move |event: web_sys::MessageEvent| {
                if event.origin() != origin {
                    return;
                }
                let Some(frame) = frame.get_untracked() else {
                    return;
                };
                // Compared as JS values (`===`): the frame's window is no instance
                // of this page's `Window`, so a type check would always fail.
                let from_frame = match (event.source(), frame.content_window()) {
                    (Some(source), Some(window)) => {
                        wasm_bindgen::JsValue::from(source) == wasm_bindgen::JsValue::from(window)
                    }
                    _ => false,
                };
                if !from_frame {
                    return;
                }
                let data = event.data();
                let kind = js_sys::Reflect::get(&data, &"type".into())
                    .ok()
                    .and_then(|v| v.as_string());
                let value = js_sys::Reflect::get(&data, &"height".into())
                    .ok()
                    .and_then(|v| v.as_f64());
                if let (Some(kind), Some(value)) = (kind, value)
                    && kind == HEIGHT_MESSAGE
                    && (0.0..=100_000.0).contains(&value)
                {
                    height.set(value.ceil());
                }
            });
        on_cleanup(move || handle.remove());
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_say_what_was_typed_and_what_is_wanted() {
        let error = |attribute| SettingError {
            attribute,
            message: String::new(),
        };
        let limit = explain(&error("data-limit"), " 25 ");
        assert!(limit.contains("\u{201c}25\u{201d}"), "{limit}");
        assert!(limit.contains("from 1 to 20"), "{limit}");
        let accent = explain(&error("data-accent"), "red");
        assert!(
            accent.contains("\u{201c}red\u{201d} is not a hex colour"),
            "{accent}"
        );
        assert!(accent.contains("#0a7c4a"), "{accent}");
        assert!(accent.ends_with("keep your last valid settings until then."));
    }

    #[test]
    fn the_snippet_ends_with_the_loader_of_our_origin() {
        assert_eq!(
            full_snippet("<div data-ascend-jobs></div>", "https://ascend.example"),
            "<div data-ascend-jobs></div>\n<script src=\"https://ascend.example/embed.js\" async></script>"
        );
        assert_eq!(
            csp_lines("https://ascend.example"),
            "script-src https://ascend.example;\nframe-src https://ascend.example;"
        );
    }
}
