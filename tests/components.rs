//! Components mounted in headless Chromium, checked through their DOM.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use ascend::components::job::NewsletterBox;
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

/// Waits for the app's reactive updates and any answer from the network.
async fn settle(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn type_into(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

fn mount_newsletter() -> web_sys::HtmlElement {
    let el = host();
    leptos::mount::mount_to(el.clone(), || {
        view! { <Router><NewsletterBox topics=vec!["engineering".to_owned()] /></Router> }
    })
    .forget();
    el
}

fn email_input(el: &web_sys::HtmlElement) -> web_sys::HtmlInputElement {
    el.query_selector("input[type=email]")
        .unwrap()
        .expect("an email field")
        .unchecked_into()
}

fn submit_button(el: &web_sys::HtmlElement) -> web_sys::HtmlButtonElement {
    el.query_selector("button[type=submit]")
        .unwrap()
        .expect("a submit button")
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn newsletter_says_what_is_wrong_beside_the_field() {
    let el = mount_newsletter();
    let input = email_input(&el);
    let label = el
        .query_selector("label[for=newsletter-email]")
        .unwrap()
        .expect("a label for the field");
    assert_eq!(label.text_content().as_deref(), Some("Email address"));
    assert_eq!(input.get_attribute("aria-invalid"), None);
    assert_eq!(input.get_attribute("aria-describedby"), None);

    // Empty, then without an @, then a domain without a real top level.
    for (typed, expected) in [
        ("", "Enter your email address."),
        (
            "ada.example.com",
            "An email address needs an @, as in name@example.com.",
        ),
        (
            "ada@example.c0m",
            "That does not look like an email address.",
        ),
    ] {
        type_into(&input, typed);
        submit_button(&el).click();
        settle(0).await;
        assert_eq!(
            input.get_attribute("aria-invalid").as_deref(),
            Some("true"),
            "{typed}"
        );
        let described = input
            .get_attribute("aria-describedby")
            .expect("describedby");
        let message = el
            .query_selector(&format!("#{described}"))
            .unwrap()
            .expect("the element the field points to");
        assert_eq!(message.text_content().as_deref(), Some(expected), "{typed}");
        assert_eq!(
            document().active_element().map(|e| e.id()).as_deref(),
            Some("newsletter-email"),
            "focus goes back to the field"
        );
    }

    // Fixing the address clears the message as the person types.
    type_into(&input, "ada@example.com");
    settle(0).await;
    assert_eq!(input.get_attribute("aria-invalid"), None);
    assert_eq!(input.get_attribute("aria-describedby"), None);
    assert_eq!(
        el.query_selector("#newsletter-email-error")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("")
    );
}

#[wasm_bindgen_test]
async fn newsletter_shows_sending_then_an_alert_when_the_request_fails() {
    let el = mount_newsletter();
    let input = email_input(&el);
    type_into(&input, "ada@example.com");
    let button = submit_button(&el);
    button.click();
    // A microtask later the form says it is sending and cannot be sent
    // twice; no answer from the network can have arrived yet.
    leptos::task::tick().await;
    assert!(button.disabled());
    assert_eq!(button.text_content().as_deref(), Some("Signing you up…"));
    assert_eq!(
        el.query_selector("[role=status]")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Sending…")
    );
    // The test runner's server has no API, so the request fails.
    for _ in 0..100 {
        if el.query_selector("[role=alert]").unwrap().is_some() {
            break;
        }
        settle(50).await;
    }
    let alert = el
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert once the request fails");
    assert!(
        alert
            .text_content()
            .unwrap()
            .starts_with("We could not sign you up.")
    );
    assert!(!button.disabled());
    assert_eq!(button.text_content().as_deref(), Some("Subscribe"));
    // The address itself was fine, so the field is not marked.
    assert_eq!(input.get_attribute("aria-invalid"), None);
}
