//! Components mounted in headless Chromium, checked through their DOM.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use ascend::components::{ErrorView, JobCard, JobListItem, PostedDate};
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

fn job_card(
    work_model: WorkModel,
    location: &str,
    values: &[&str],
    perks: &[&str],
) -> ascend_types::JobCard {
    ascend_types::JobCard {
        slug: "platform-engineer-northwind".into(),
        title: "Platform Engineer".into(),
        company: CompanyRef {
            slug: "northwind".into(),
            name: "Northwind Robotics".into(),
        },
        company_logo_url: None,
        location: location.into(),
        work_model,
        employment_type: EmploymentType::FullTime,
        posted_on: "2026-01-05".into(),
        culture_values: values.iter().map(|v| (*v).to_owned()).collect(),
        perks: perks.iter().map(|p| (*p).to_owned()).collect(),
    }
}

fn mount_card(job: ascend_types::JobCard) -> web_sys::HtmlElement {
    let el = host();
    let mounted = leptos::mount::mount_to(el.clone(), move || {
        // No router around it, as in the embeddable widget.
        view! { <JobCard job=job.clone() /> }
    });
    mounted.forget();
    el
}

fn texts(el: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let nodes = el.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
fn job_card_shows_three_tags_then_counts_the_rest() {
    let el = mount_card(job_card(
        WorkModel::Hybrid,
        "Berlin, Germany",
        &["Candid", "Curious", "Kind"],
        &["Snacks", "Dental insurance", "Gym", "Pension", "Bike lease"],
    ));

    let list = el
        .query_selector("ul[aria-label='Culture and perks']")
        .unwrap()
        .expect("a labelled tag list");
    assert_eq!(list.children().length(), 4, "three tags and the count");
    assert_eq!(
        texts(&el, ".job-card__tag:not(.job-card__tag--more)"),
        ["Candid", "Curious", "Snacks"]
    );
    let more = el
        .query_selector(".job-card__tag--more")
        .unwrap()
        .expect("a +N chip");
    // Seen as "+5", heard as "and 5 more".
    let seen = more.query_selector("[aria-hidden=true]").unwrap().unwrap();
    assert_eq!(seen.text_content().as_deref(), Some("+5"));
    assert_eq!(
        texts(&el, ".job-card__tag--more .job-card__sr"),
        ["and 5 more"]
    );
    assert!(
        el.text_content()
            .unwrap()
            .contains("Hybrid · Berlin, Germany")
    );
}

#[wasm_bindgen_test]
fn job_card_for_a_remote_job_says_remote_with_the_region() {
    let el = mount_card(job_card(WorkModel::Remote, "EMEA", &["Kind"], &["Snacks"]));

    assert_eq!(texts(&el, ".job-card__place"), ["Remote · EMEA"]);
    assert_eq!(texts(&el, ".job-card__tag"), ["Kind", "Snacks"]);
    assert!(
        el.query_selector(".job-card__tag--more").unwrap().is_none(),
        "no count when every tag is shown"
    );

    let el = mount_card(job_card(WorkModel::Remote, "Remote in EMEA", &[], &[]));
    assert_eq!(texts(&el, ".job-card__place"), ["Remote in EMEA"]);
    assert!(
        el.query_selector("ul").unwrap().is_none(),
        "no empty tag list"
    );
}

#[wasm_bindgen_test]
fn job_card_is_one_link_named_by_its_title() {
    let el = mount_card(job_card(
        WorkModel::OnSite,
        "Lisbon, Portugal",
        &[],
        &["Snacks"],
    ));

    let links = el.query_selector_all("a, button").unwrap();
    assert_eq!(links.length(), 1, "one interactive element per card");
    let link = el.query_selector("h3 a").unwrap().expect("the title links");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/jobs/platform-engineer-northwind")
    );
    assert_eq!(link.text_content().as_deref(), Some("Platform Engineer"));
    let text = el.text_content().unwrap();
    for expected in ["Northwind Robotics", "Lisbon, Portugal"] {
        assert!(text.contains(expected), "{expected} missing from {text}");
    }
    let logo = el.query_selector(".avatar").unwrap().expect("a logo");
    assert_eq!(logo.text_content().as_deref(), Some("NR"));
    let time = el.query_selector("time").unwrap().expect("a posted date");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2026-01-05")
    );
}
