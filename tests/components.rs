//! Components mounted in headless Chromium, checked through their DOM.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use ascend::components::{ErrorView, JobListItem, PostedDate};
use ascend_types::{CompanyRef, EmploymentType, JobSummary, WorkModel};
use leptos::prelude::*;
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
