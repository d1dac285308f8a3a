//! Components mounted in headless Chromium, checked through their DOM.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use ascend::components::{ChipInput, ErrorView, JobListItem, OnboardingFlow, PostedDate};
use ascend::onboarding::{DRAFT_KEY, SavedFlow, Step};
use ascend::profile_data::STORAGE_KEY;
use ascend::profile_store::{provide_profile_store, read_local, remove_local};
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

async fn tick() {
    leptos::task::tick().await;
}

fn find<T: JsCast>(root: &web_sys::Element, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} missing"))
        .unchecked_into()
}

fn press(target: &web_sys::Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn type_text(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
}

fn texts(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn chip_input_adds_and_removes_chips_by_keyboard() {
    let chips = RwSignal::new(vec!["Rust".to_owned()]);
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <ChipInput
                id="skills"
                label="Skills"
                chips=chips
                set_chips=Callback::new(move |next| chips.set(next))
                options=vec!["Kafka".into(), "Kotlin".into(), "Kubernetes".into()]
            />
        }
    });
    let input: web_sys::HtmlInputElement = find(&el, "#skills");
    input.focus().unwrap();

    type_text(&input, "Go");
    press(&input, "Enter");
    tick().await;
    assert_eq!(chips.get_untracked(), ["Rust", "Go"]);
    assert_eq!(input.value(), "");

    type_text(&input, "SQL");
    press(&input, ",");
    type_text(&input, "rust");
    press(&input, "Enter");
    tick().await;
    assert_eq!(
        chips.get_untracked(),
        ["Rust", "Go", "SQL"],
        "a duplicate is not added"
    );

    // A pasted list becomes several chips; the text after the last comma stays.
    type_text(&input, "Docker, Helm, Ter");
    tick().await;
    assert_eq!(
        chips.get_untracked(),
        ["Rust", "Go", "SQL", "Docker", "Helm"]
    );
    assert_eq!(input.value(), "Ter");
    type_text(&input, "");
    press(&input, "Backspace");
    tick().await;
    assert_eq!(chips.get_untracked(), ["Rust", "Go", "SQL", "Docker"]);
    assert_eq!(
        texts(&el, ".chip__text"),
        ["Rust", "Go", "SQL", "Docker"],
        "the chips shown follow the list"
    );

    // Each chip's button removes it and hands focus back to the field.
    let remove: web_sys::HtmlElement = find(&el, "button[aria-label='Remove Go']");
    remove.click();
    tick().await;
    assert_eq!(chips.get_untracked(), ["Rust", "SQL", "Docker"]);
    assert_eq!(document().active_element().unwrap().id(), "skills");
}

#[wasm_bindgen_test]
async fn chip_input_suggestions_are_a_listbox_driven_by_the_arrows() {
    let chips = RwSignal::new(Vec::<String>::new());
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <ChipInput
                id="tools"
                label="Tools"
                chips=chips
                set_chips=Callback::new(move |next| chips.set(next))
                options=vec!["Kafka".into(), "Kotlin".into(), "Jenkins".into()]
            />
        }
    });
    let input: web_sys::HtmlInputElement = find(&el, "#tools");
    let listbox: web_sys::HtmlElement = find(&el, "[role=listbox]");
    input.focus().unwrap();
    type_text(&input, "k");
    tick().await;
    assert!(!listbox.hidden());
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(texts(&el, "[role=option]"), ["Kafka", "Kotlin", "Jenkins"]);

    press(&input, "ArrowDown");
    press(&input, "ArrowDown");
    tick().await;
    assert_eq!(
        input.get_attribute("aria-activedescendant").as_deref(),
        Some("tools-option-1")
    );
    let selected: web_sys::Element = find(&el, "#tools-option-1");
    assert_eq!(
        selected.get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    press(&input, "ArrowUp");
    press(&input, "ArrowUp");
    tick().await;
    assert_eq!(
        input.get_attribute("aria-activedescendant").as_deref(),
        Some("tools-option-2"),
        "ArrowUp wraps around"
    );
    press(&input, "ArrowDown");
    press(&input, "ArrowDown");
    press(&input, "Enter");
    tick().await;
    assert_eq!(chips.get_untracked(), ["Kotlin"]);

    type_text(&input, "ka");
    tick().await;
    assert_eq!(texts(&el, "[role=option]"), ["Kafka"]);
    press(&input, "Escape");
    tick().await;
    assert!(listbox.hidden());
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(input.get_attribute("aria-activedescendant"), None);
    // With the list closed, Enter adds what was typed.
    press(&input, "Enter");
    tick().await;
    assert_eq!(chips.get_untracked(), ["Kotlin", "ka"]);
}

#[wasm_bindgen_test]
async fn the_flow_checks_each_step_before_moving_on() {
    remove_local(DRAFT_KEY);
    remove_local(STORAGE_KEY);
    let finished = RwSignal::new(false);
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        provide_profile_store();
        view! { <OnboardingFlow heading_id="flow-heading" on_finish=Callback::new(move |()| finished.set(true)) /> }
    });
    let progress: web_sys::Element = find(&el, "[role=progressbar]");
    let heading: web_sys::Element = find(&el, "#flow-heading");
    let next = || find::<web_sys::HtmlElement>(&el, "button[type=submit]");
    let button = |label: &str| {
        let buttons = el.query_selector_all("button").unwrap();
        (0..buttons.length())
            .map(|i| {
                buttons
                    .item(i)
                    .unwrap()
                    .unchecked_into::<web_sys::HtmlElement>()
            })
            .find(|b| b.text_content().as_deref() == Some(label))
    };
    assert_eq!(
        progress.get_attribute("aria-valuenow").as_deref(),
        Some("1")
    );
    assert!(button("Back").is_none() && button("Skip").is_none());

    next().click();
    tick().await;
    assert_eq!(
        progress.get_attribute("aria-valuenow").as_deref(),
        Some("2")
    );
    assert_eq!(
        heading.text_content().as_deref(),
        Some(Step::Roles.heading())
    );
    assert!(button("Skip").is_none(), "roles are required");

    // Next without a role: the message sits by the field, which is marked invalid.
    next().click();
    tick().await;
    assert_eq!(
        progress.get_attribute("aria-valuenow").as_deref(),
        Some("2")
    );
    let roles: web_sys::HtmlInputElement = find(&el, "#onboarding-roles");
    assert_eq!(roles.get_attribute("aria-invalid").as_deref(), Some("true"));
    let error: web_sys::Element = find(&el, "#onboarding-roles-error");
    assert!(
        error
            .text_content()
            .unwrap()
            .contains("Add at least one role")
    );
    assert!(
        roles
            .get_attribute("aria-describedby")
            .unwrap()
            .contains("onboarding-roles-error")
    );
    type_text(&roles, "Analyst");
    press(&roles, "Enter");
    tick().await;
    assert_eq!(
        roles.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    assert!(
        el.query_selector("#onboarding-roles-error")
            .unwrap()
            .is_none()
    );
    next().click();
    tick().await;

    // Skills are optional: Skip moves on; the place is saved for a reload.
    assert_eq!(
        progress.get_attribute("aria-valuenow").as_deref(),
        Some("3")
    );
    button("Skip").expect("a Skip button").click();
    tick().await;
    assert_eq!(
        progress.get_attribute("aria-valuenow").as_deref(),
        Some("4")
    );
    let saved = SavedFlow::decode(read_local(DRAFT_KEY).as_deref()).expect("a saved flow");
    assert_eq!(saved.step, Step::Level);
    assert_eq!(saved.draft.roles, ["Analyst"]);

    next().click();
    tick().await;
    assert_eq!(
        progress.get_attribute("aria-valuenow").as_deref(),
        Some("4")
    );
    assert!(
        el.query_selector("#onboarding-level-error")
            .unwrap()
            .is_some()
    );
    find::<web_sys::HtmlElement>(&el, "input[value=mid]").click();
    next().click();
    tick().await;
    assert_eq!(
        progress.get_attribute("aria-valuenow").as_deref(),
        Some("5")
    );

    // Back returns without checking, and keeps the answer.
    button("Back").unwrap().click();
    tick().await;
    assert_eq!(
        progress.get_attribute("aria-valuenow").as_deref(),
        Some("4")
    );
    assert!(find::<web_sys::HtmlInputElement>(&el, "input[value=mid]").checked());
    next().click();
    tick().await;

    for _ in 5..=7 {
        button("Skip").unwrap().click();
        tick().await;
    }
    assert!(finished.get_untracked());
    assert_eq!(
        read_local(DRAFT_KEY),
        None,
        "the draft is removed when finished"
    );
    let stored = read_local(STORAGE_KEY).expect("a stored profile");
    assert!(stored.contains("\"roles\":[\"Analyst\"]"), "{stored}");
    assert!(stored.contains("\"seniority\":\"mid\""), "{stored}");
    remove_local(STORAGE_KEY);
}
