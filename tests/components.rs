//! Components mounted in headless Chromium, checked through their DOM.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use ascend::components::job::{
    JobDescription, JobPager, SaveButton, WhatYouShouldKnow, sanitize_description,
};
use ascend::components::{ErrorView, JobListItem, PostedDate};
use ascend::saved_jobs::STORAGE_KEY;
use ascend_types::{CompanyRef, EmploymentType, JobSummary, Pager, WorkModel};
use leptos::prelude::*;
use leptos::task::tick;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> web_sys::HtmlElement {
    let document = document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.unchecked_into()
}

#[wasm_bindgen_test]
fn retry_button_calls_back_each_click() {
    let clicks = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&clicks);
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        let counter = Arc::clone(&counter);
        view! {
            <ErrorView
                message="The server took too long to answer."
                on_retry=Callback::new(move |()| {
                    counter.fetch_add(1, Ordering::SeqCst);
                })
            />
        }
    });

    let alert = el
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert region");
    assert!(
        alert
            .text_content()
            .unwrap()
            .contains("The server took too long to answer.")
    );
    let button: web_sys::HtmlElement = el
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(button.text_content().unwrap(), "Retry");
    button.click();
    button.click();
    assert_eq!(clicks.load(Ordering::SeqCst), 2);
}

#[wasm_bindgen_test]
fn job_list_item_links_to_the_job() {
    let job = JobSummary {
        slug: "data-engineer-cadence".into(),
        title: "Data Engineer".into(),
        company: CompanyRef {
            slug: "cadence".into(),
            name: "Cadence".into(),
        },
        location: "Stockholm, Sweden".into(),
        work_model: WorkModel::Hybrid,
        employment_type: EmploymentType::PartTime,
        posted_on: "2026-01-05".into(),
    };
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        view! { <Router><ul><JobListItem job=job.clone() /></ul></Router> }
    });

    let link = el.query_selector("h2 a").unwrap().expect("a title link");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/jobs/data-engineer-cadence")
    );
    assert_eq!(link.text_content().as_deref(), Some("Data Engineer"));
    let text = el.text_content().unwrap();
    for expected in ["Cadence", "Stockholm, Sweden", "Hybrid", "Part-time"] {
        assert!(text.contains(expected), "{expected} missing from {text}");
    }
    let time = el.query_selector("time").unwrap().expect("a time element");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2026-01-05")
    );
    assert_eq!(
        time.get_attribute("title").as_deref(),
        Some("5 January 2026")
    );
}

#[wasm_bindgen_test]
fn posted_date_counts_from_the_readers_today() {
    let today = ascend::format::today();
    let yesterday = ascend_types::date::format_iso_date(today - 1);
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        view! { <PostedDate posted_on=yesterday.clone() /> }
    });
    assert_eq!(el.text_content().as_deref(), Some("Posted yesterday"));
}

#[wasm_bindgen_test]
fn description_allowlist_drops_scripts_handlers_and_bad_links() {
    let html = concat!(
        r#"<p onclick="steal()" class="x">Hello <script>alert(1)</script>"#,
        r#"<img src="x" onerror="alert(2)">world</p>"#,
        r#"<a href="javascript:alert(3)">bad link</a> "#,
        r#"<a href=" JAVASCRIPT:alert(4)" title="t">worse</a> "#,
        r#"<a href="https://cadence.example/jobs" style="color:red" onmouseover="x()">good link</a> "#,
        r#"<a href="mailto:jobs@cadence.example">mail</a>"#,
        r#"<a href="/relative">relative</a>"#,
    );
    assert_eq!(
        sanitize_description(html),
        concat!(
            "<p>Hello world</p>bad link worse ",
            r#"<a href="https://cadence.example/jobs" rel="nofollow noopener noreferrer" target="_blank">good link</a> "#,
            r#"<a href="mailto:jobs@cadence.example" rel="nofollow noopener noreferrer" target="_blank">mail</a>"#,
            "relative",
        )
    );
}

#[wasm_bindgen_test]
fn description_allowlist_keeps_the_text_of_unknown_elements() {
    let html = concat!(
        "<h1>Top</h1><div><section><span>Kept <u>in <blink>full</blink></u></span></section></div>",
        "<h3 id=\"x\">What you will do</h3><ul><li><b>Build</b> <i>things</i></li></ul>",
        "<style>p{color:red}</style><iframe src=\"https://evil.example\">frame text</iframe>",
        "<svg><a href=\"https://svg.example\">svg link</a></svg><!-- note -->",
        "<table><tr><td>cell</td></tr></table><p>end<br>line</p><h5>small</h5>",
    );
    assert_eq!(
        sanitize_description(html),
        concat!(
            "<h2>Top</h2>Kept in full  <h3>What you will do</h3>",
            "<ul><li><b>Build</b> <i>things</i></li></ul>",
            "cell   <p>end<br>line</p>small",
        )
    );
}

#[wasm_bindgen_test]
fn description_allowlist_escapes_text_that_looks_like_markup() {
    let cleaned = sanitize_description("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>");
    assert_eq!(
        cleaned,
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>"
    );
    let el = host();
    el.set_inner_html(&cleaned);
    assert!(el.query_selector("script").unwrap().is_none());
}

#[wasm_bindgen_test]
fn description_renders_its_sections_under_a_heading() {
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), || {
        view! {
            <JobDescription html="<p>Intro</p><h3>Who you are</h3><ul><li>Curious</li></ul><script>window.hacked = 1</script>" />
        }
    });
    let section = el.query_selector("section").unwrap().expect("a section");
    assert_eq!(
        section.get_attribute("aria-labelledby").as_deref(),
        Some("job-description-heading")
    );
    let heading = el
        .query_selector("#job-description-heading")
        .unwrap()
        .unwrap();
    assert_eq!(heading.text_content().as_deref(), Some("About the job"));
    let h3 = el
        .query_selector("h3")
        .unwrap()
        .expect("the section heading");
    assert_eq!(h3.text_content().as_deref(), Some("Who you are"));
    assert!(el.query_selector("script").unwrap().is_none());
}

#[wasm_bindgen_test]
fn what_you_should_know_shows_only_with_a_summary() {
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), || {
        view! {
            <WhatYouShouldKnow summary=Some("A remote backend role.".to_owned()) />
            <WhatYouShouldKnow summary=None />
            <WhatYouShouldKnow summary=Some("  ".to_owned()) />
        }
    });
    assert_eq!(el.query_selector_all("section").unwrap().length(), 1);
    let text = el.text_content().unwrap();
    assert!(text.contains("What you should know"), "{text}");
    assert!(text.contains("A remote backend role."), "{text}");
}

#[wasm_bindgen_test]
fn pager_links_the_ends_that_exist_and_disables_the_others() {
    let first = Pager {
        position: 1,
        total: 2,
        previous: None,
        next: Some("data-engineer-cadence".into()),
    };
    let only = Pager {
        position: 1,
        total: 1,
        previous: None,
        next: None,
    };
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <Router>
                <JobPager pager=first.clone() company="Cadence" />
                <JobPager pager=only.clone() company="Lumen Bank" />
            </Router>
        }
    });
    assert_eq!(el.query_selector_all("nav").unwrap().length(), 1);
    let nav = el.query_selector("nav").unwrap().unwrap();
    assert_eq!(
        nav.get_attribute("aria-label").as_deref(),
        Some("Jobs at Cadence")
    );
    assert!(
        nav.text_content()
            .unwrap()
            .contains("Job 1 of 2 at Cadence")
    );
    let links = nav.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1);
    let next: web_sys::Element = links.item(0).unwrap().unchecked_into();
    assert_eq!(
        next.get_attribute("href").as_deref(),
        Some("/jobs/data-engineer-cadence")
    );
    assert!(next.text_content().unwrap().contains("Next job"));
    let disabled = nav
        .query_selector("[aria-disabled=true]")
        .unwrap()
        .expect("a disabled previous");
    assert!(disabled.text_content().unwrap().contains("Previous job"));
    assert!(disabled.get_attribute("href").is_none());
}

fn saved_job(slug: &str) -> JobSummary {
    JobSummary {
        slug: slug.into(),
        title: "Backend Engineer".into(),
        company: CompanyRef {
            slug: "cadence".into(),
            name: "Cadence".into(),
        },
        location: "Remote in EMEA".into(),
        work_model: WorkModel::Remote,
        employment_type: EmploymentType::FullTime,
        posted_on: "2026-11-16".into(),
    }
}

fn storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

fn stored() -> Option<String> {
    storage().get_item(STORAGE_KEY).unwrap()
}

fn save_button(el: &web_sys::HtmlElement) -> web_sys::HtmlElement {
    el.query_selector("button[aria-pressed]")
        .unwrap()
        .expect("a toggle button")
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn save_toggles_and_keeps_the_job_in_local_storage() {
    storage().remove_item(STORAGE_KEY).unwrap();
    let messages = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let log = Arc::clone(&messages);
    let el = host();
    let job = saved_job("save-toggle-job");
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        let log = Arc::clone(&log);
        view! {
            <SaveButton
                job=job.clone()
                on_status=Callback::new(move |message: String| log.lock().unwrap().push(message))
            />
        }
    });
    let button = save_button(&el);
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(button.text_content().as_deref(), Some("Save"));

    button.click();
    tick().await;
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    let raw = stored().expect("the saved list is stored");
    let jobs: Vec<JobSummary> = serde_json::from_str(&raw).unwrap();
    assert_eq!(jobs, vec![saved_job("save-toggle-job")]);

    button.click();
    tick().await;
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(stored(), None);
    let messages = messages.lock().unwrap();
    assert_eq!(messages.len(), 2);
    assert!(messages[0].starts_with("Saved"), "{messages:?}");
    assert!(messages[1].starts_with("Removed"), "{messages:?}");
}

#[wasm_bindgen_test]
async fn a_saved_job_is_pressed_when_mounted_again() {
    let raw = serde_json::to_string(&vec![saved_job("kept-job")]).unwrap();
    storage().set_item(STORAGE_KEY, &raw).unwrap();
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), || {
        view! { <SaveButton job=saved_job("kept-job") /> }
    });
    assert_eq!(
        save_button(&el).get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    storage().remove_item(STORAGE_KEY).unwrap();
}

#[wasm_bindgen_test]
async fn a_corrupt_stored_value_is_dropped_not_a_crash() {
    storage().set_item(STORAGE_KEY, "{\"oops\": [1, 2").unwrap();
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), || {
        view! { <SaveButton job=saved_job("after-corruption") /> }
    });
    let button = save_button(&el);
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(stored(), None, "the corrupt value is gone");

    button.click();
    tick().await;
    let jobs: Vec<JobSummary> = serde_json::from_str(&stored().unwrap()).unwrap();
    assert_eq!(jobs[0].slug, "after-corruption");
    storage().remove_item(STORAGE_KEY).unwrap();
}

#[wasm_bindgen_test]
async fn saving_in_another_tab_presses_the_button_here() {
    storage().remove_item(STORAGE_KEY).unwrap();
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), || {
        view! { <SaveButton job=saved_job("other-tab-job") /> }
    });
    let button = save_button(&el);
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );

    // What another tab does: write the list, and this tab hears of it.
    let raw = serde_json::to_string(&vec![saved_job("other-tab-job")]).unwrap();
    storage().set_item(STORAGE_KEY, &raw).unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(STORAGE_KEY));
    init.set_new_value(Some(&raw));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    window().dispatch_event(&event).unwrap();
    tick().await;
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );

    // And another tab clearing all of storage (key null) unpresses it.
    storage().remove_item(STORAGE_KEY).unwrap();
    let cleared = web_sys::StorageEvent::new("storage").unwrap();
    window().dispatch_event(&cleared).unwrap();
    tick().await;
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
}
